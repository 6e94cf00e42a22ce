title: Local Plan timetable
heading 1: Local Plan review: timetable
para: The stages below follow the Local Development Scheme adopted in January 2024.
table 6x3 head=1
h Stage | Date | Responsible
| Call for sites | February to April 2024 | Planning Policy Team
| Issues and options consultation | September 2024 | Planning Policy Team
| Publication of the draft plan | 17 March 2025 | Cabinet
| Submission to the Secretary of State | Winter 2025/26 | Full Council
| Adoption | 2026 | Full Council
