title: Fire Authority improvement tracker
heading 1: Improvement plan tracker
para: Updated for the Audit Committee, April 2025.
table 6x7 head=1 name=Tracker
h Ref | Action | Lead | Due | Progress | Budget | Status
| <1x7> Prevention | ^ | ^ | ^ | ^ | ^ | ^
| #1 | Fit smoke alarms in every home visited | Head of Prevention | @2025-03-31 | #100% | #£1,250.00 | Complete
| #2 | Visit every school in the county\nReport numbers each term | Schools Liaison Officer | @2025-07-18 | #40% | #£300.50 | On track
| <1x7> Response | ^ | ^ | ^ | ^ | ^ | ^
| #3 | Review crewing at the two busiest stations | Area Manager | @2024-12-02 | #25% | #£0.00 | Overdue
noise (a hidden sheet, not read): sheet 'Lists'
