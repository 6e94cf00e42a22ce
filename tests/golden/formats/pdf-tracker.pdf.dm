title: Corporate Plan Tracker: Quarter 2
heading 1: Corporate Plan Tracker: Quarter 2
para: Position at 30 September 2024. RAG: G on track, A at risk, R off track.
table 41x6 head=2
h Ref | Action | Owner | Due | RAG | Update
| <1x6> Governance | ^ | ^ | ^ | ^ | ^
| G1 | Publish the revised scheme of delegation | Monitoring Officer | Jun 2024 | G | Approved by Council in May
| G2 | Train members on the code of conduct | Democratic Services | Sep 2024 | A | Two of three sessions held
| G3 | Review the risk register each quarter | Head of Audit | Quarterly | G | Reviewed in July
| G4 | Adopt a whistleblowing policy | Monitoring Officer | Oct 2024 | R | Draft delayed by staff absence
| <1x6> Finance | ^ | ^ | ^ | ^ | ^
| F1 | Reconcile the bank accounts monthly | Finance Manager | Monthly | G | Up to date
| F2 | Close the accounts by the statutory deadline | Section 151 Officer | 31 May 2024 | G | Complete
| F3 | Set a balanced budget for 2025/26 | Section 151 Officer | Feb 2025 | A | Gap of 1.2m remains
| F4 | Recover debts over 90 days old | Revenues Manager | Dec 2024 | R | Backlog of 340 cases
| F5 | Renew the treasury management strategy | Finance Manager | Mar 2025 | G | On track
| <1x6> Housing | ^ | ^ | ^ | ^ | ^
| H1 | Inspect all council homes for damp | Head of Housing | Mar 2025 | A | 61% inspected
| H2 | Reduce empty homes to under 1% | Lettings Manager | Mar 2025 | G | 0.8% at June
| H3 | Publish a tenant satisfaction survey | Head of Housing | Nov 2024 | G | Fieldwork complete
| H4 | Replace 120 boilers | Asset Manager | Mar 2025 | A | 45 replaced
| H5 | Answer repairs calls within 60 seconds | Contact Centre Manager | Ongoing | R | Average 3 minutes
| <1x6> People | ^ | ^ | ^ | ^ | ^
| P1 | Complete annual appraisals | All managers | Jul 2024 | A | 82% complete
h Ref | Action | Owner | Due | RAG | Update
| P2 | Cut sickness absence to 8 days | Head of HR | Mar 2025 | R | 9.6 days
| P3 | Launch the apprenticeship scheme | Head of HR | Sep 2024 | G | 12 apprentices started
| P4 | Publish the gender pay gap report | Head of HR | Mar 2025 | G | Data collected
| <1x6> Digital | ^ | ^ | ^ | ^ | ^
| D1 | Move the website to the new platform | Digital Manager | Jan 2025 | A | Testing
| D2 | Switch off the old payments system | Digital Manager | Nov 2024 | G | On track
| D3 | Pass the public network code check | IT Security Lead | Aug 2024 | G | Passed
| D4 | Offer online booking for bulky waste | Waste Manager | Oct 2024 | R | Supplier not chosen
| <1x6> Environment | ^ | ^ | ^ | ^ | ^
| E1 | Plant 2,000 trees | Parks Manager | Mar 2025 | A | 800 planted
| E2 | Publish the climate action plan | Climate Officer | Jul 2024 | G | Published
| E3 | Fit LED street lights in three wards | Highways Manager | Mar 2025 | G | Two wards done
| E4 | Raise recycling to 50% | Waste Manager | Mar 2025 | A | 46%
| E5 | Install 20 charging points | Parking Manager | Dec 2024 | R | Grid connection awaited
| <1x6> Community | ^ | ^ | ^ | ^ | ^
| C1 | Fund the advice service for three years | Communities Manager | Apr 2024 | G | Agreed
| C2 | Open the warm spaces network | Communities Manager | Nov 2024 | G | 18 venues
| C3 | Review community centre leases | Estates Manager | Jan 2025 | A | 6 of 11 reviewed
| C4 | Hold ward walkabouts twice a year | Neighbourhood Team | Ongoing | G | Spring round done
| C5 | Refresh the equality objectives | Policy Officer | Mar 2025 | G | Consultation open
