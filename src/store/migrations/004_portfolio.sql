-- 004: the portfolio, money, accountability, timetable and theme reports.
--
-- 001 already holds everything these need (projects, costs, contributions,
-- budgets, bids, committees and their lines, milestones and their
-- dependencies, themes, rules and issues). What it lacks is an index on
-- the "other side" of each link table the reports read by that side: which
-- projects serve an aim, which bids and themes bear on a node, which issues
-- carry a theme, which milestones wait on one. Without them SQLite also
-- scans the whole link table whenever a node, theme or milestone is removed
-- (the ON DELETE CASCADE looks rows up by that column).

CREATE INDEX contribution_node ON contribution(node_id);
CREATE INDEX bid_node_node ON bid_node(node_id);
CREATE INDEX theme_node_node ON theme_node(node_id);
CREATE INDEX issue_theme_theme ON issue_theme(theme_id);
CREATE INDEX milestone_dep_on ON milestone_dep(depends_on_id);
CREATE INDEX consultation_issue_date ON consultation_issue(date);
