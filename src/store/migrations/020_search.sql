-- 020: the site-wide search over titles and texts.
--
-- search_doc holds, for each record of a kind with words worth finding,
-- its title (its name) and its other texts, written by the record engine
-- in the same transaction as the record itself (model/search.c), so the
-- search never lags the records; `waymark init` fills it for records made
-- before this schema. Each engine indexes it its own way: SQLite with an
-- FTS5 table kept by triggers, PostgreSQL with a weighted tsvector and a
-- GIN index. Both read words with the 'simple' rules (no stemming, no stop
-- words), so a search finds the same records on either.

CREATE TABLE search_doc (
	id @ID@,
	tbl TEXT NOT NULL,
	rec_id BIGINT NOT NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	UNIQUE (tbl, rec_id)
);

-- @sqlite
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_doc',
	content_rowid='id', tokenize='unicode61 remove_diacritics 0');
CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
	INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
	INSERT INTO search_fts (search_fts, rowid, title, body)
	VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
	INSERT INTO search_fts (search_fts, rowid, title, body)
	VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
-- @postgresql
ALTER TABLE search_doc ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple', title), 'A') ||
	setweight(to_tsvector('simple', body), 'B')) STORED;
CREATE INDEX search_doc_tsv ON search_doc USING GIN (tsv);
-- @both
