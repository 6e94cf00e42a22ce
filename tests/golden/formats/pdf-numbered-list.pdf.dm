title: Community Safety Strategy 2024-2027
heading 1: Community Safety Strategy 2024-2027
para: The partnership has agreed three priorities for the next three years. Each has a small number of key actions, and each action has a lead agency.
heading 2: Our priorities
item 0 [1.]: Reduce anti-social behaviour in town centres
item 1 [a.]: Extend the late-night taxi marshal scheme to the two market towns
item 1 [b.]: Set up a joint patrol plan between the police and the council's wardens
item 1 [c.]: Review the public spaces protection order before it expires
item 0 [2.]: Protect people at risk of exploitation
item 1 [a.]: Train every licensed premises on spotting the signs of exploitation
item 1 [b.]: Agree a shared referral form for all partners
item 0 [3.]: Make roads safer for walking and cycling
item 1 [a.]: Install speed indicator signs on the ten roads with the most complaints
item 1 [b.]: Run a school travel campaign in every primary school each spring
item 1 [c.]: Publish collision figures every quarter
heading 2: How we will report
para: The Safer Communities Board will receive a report on each priority twice a year. The report will cover:
item 0 [•]: progress on each key action;
item 0 [•]: the figures for crime and anti-social behaviour in each area;
item 0 [•]: what residents told us in the annual survey.
heading 3: Contacts
para: Questions about the strategy should be sent to the Community Safety Team.
