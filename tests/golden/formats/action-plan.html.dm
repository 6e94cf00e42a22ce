title: Highfield District Council: Internal Audit Action Plan
heading 1: Internal Audit Action Plan
para: Review of contract management, reported to the Audit and Standards Committee on 14 March 2023.
heading 2: Agreed actions
table 7x6 head=1
h Area | Ref | Recommendation | Priority | Officer responsible | Target date
| <1x6> GOVERNANCE | ^ | ^ | ^ | ^ | ^
| <2x1> Contract register | 1.1 | Publish a single register of all contracts above the procurement threshold | High | Head of Procurement | 30 June 2023
| ^ | 1.2 | Assign a named manager to each contract on the register | Medium | Directors | September 2023
| <1x6> MONITORING | ^ | ^ | ^ | ^ | ^
| <2x1> Performance reviews | 2.1 | Hold quarterly review meetings with each key supplier\nRecord the outcome of each meeting | High | Contract managers | Quarterly from April 2023
| ^ | 2.2 | Report supplier performance to the committee twice a year | Low | Head of Finance | 2023/24
para: Priority: High = fundamental weakness; Medium = significant weakness; Low = minor.
