-- 009: link lists and progress updates read in their order from an index.
--
-- A page of records reads each link field's keys, and a page of the
-- register each recommendation's updates, for a range of ids, in the order
-- they were given (seq) or made (date). The primary keys order a link by
-- the other side's id, so SQLite sorted every such read in a temporary
-- b-tree: half the cost of the query, on every page served.

CREATE INDEX node_lead_order ON node_lead(node_id, seq);
CREATE INDEX pi_node_order ON pi_node(pi_id, seq);
CREATE INDEX rec_lead_order ON rec_lead(rec_id, seq);
CREATE INDEX milestone_dep_order ON milestone_dep(milestone_id, seq);
CREATE INDEX bid_node_order ON bid_node(bid_id, seq);
CREATE INDEX theme_node_order ON theme_node(theme_id, seq);
CREATE INDEX issue_theme_order ON issue_theme(issue_id, seq);
CREATE INDEX progress_order ON progress(rec_id, date, seq);
