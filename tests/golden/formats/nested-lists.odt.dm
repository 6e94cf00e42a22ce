title: Community Safety Plan priorities
heading 1: Community Safety Plan 2024-2027
para: The partnership has agreed three priorities.
item 0 [1.]: Reduce anti-social behaviour
item 1 [1.]: Extend the neighbourhood warden scheme
item 2 [a.]: recruit four more wardens
item 2 [b.]: cover the town centre at weekends
item 1 [2.]: Fund youth diversion activities
item 0 [2.]: Tackle domestic abuse
item 1 [1.]: Open a second refuge
item 0 [3.]: Improve road safety
heading 2: Supporting commitments
item 0 [•]: Publish an annual report
item 0 [•]: Consult residents each year
item 1 [•]: online survey
item 1 [•]: public meetings
item 0 [iv.]: Review the plan in year two
item 0 [v.]: Share data across partners
