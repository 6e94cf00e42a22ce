title: Corporate Plan 2025
heading 1: Corporate Plan 2025
para: Our plan sets out what the council will do this year.
heading 2: Priority 1: Thriving places
para: We will help town centres recover and grow.
heading 3: Key actions
item 0 [•]: Open the new market hall
item 0 [•]: Bring empty shops back into use
heading 2: Priority 2: Healthy lives
para: We will work with the NHS to close the gap in life expectancy.
table 3x3 head=1
h Action | Lead | Measures
| Expand the social prescribing service | Director of Public Health | • referrals a month\n• waiting time
| Open two more leisure centres | Head of Leisure | Visits a year\nMembership
heading 3: Notes
para: Figures are reported to the Overview and Scrutiny Committee each quarter.
