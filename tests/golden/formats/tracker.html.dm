title: Recommendations tracker
heading 1: Recommendations tracker
para: Position at the end of quarter 3.
table 5x6 head=1
h No | Recommendation | Lead | Due | Status | % complete
| 1 | Refresh the fleet replacement programme | Fleet Manager | 2024-03-31 | Complete | 100
| 2 | Train every watch manager in incident command | Head of Training | 2024-09-30 | On track | 60
| 3 | Review on-call availability at rural stations | Area Manager North | 2024-12-31 | Delayed | 25
| 4 | Agree a data sharing protocol with the ambulance trust | Information Governance Lead | Ongoing | Not started | 0
