title: Local Plan Review: Timetable
heading 1: Local Plan Review: Timetable
para: The Local Development Scheme sets out when each stage of the review will take place. The dates below were agreed by Cabinet in January.
table 9x3 head=1
h Date | Stage | Responsible
| February – March 2024 | Call for sites and first consultation on the issues the plan should address | Planning Policy Team
| June 2024 | Report on the consultation to the Local Plan Working Group | Planning Policy Manager
| September – October 2024 | Consultation on the preferred options, including the sites proposed for housing and employment | Planning Policy Team
| 17 March 2025 | Cabinet agrees the draft plan for publication | Cabinet
| April – May 2025 | Publication of the draft plan and six weeks for representations | Planning Policy Team
| July 2025 | Submission of the plan to the Secretary of State | Head of Planning
| Autumn 2025 | Examination in public by an independent inspector | Planning Inspectorate
| Spring 2026 | Inspector's report and adoption of the plan by Full Council | Full Council
heading 2: Key dates for councillors
item 0 [•]: 12 June 2024: briefing on the consultation results
item 0 [•]: 3 March 2025: briefing on the draft plan
