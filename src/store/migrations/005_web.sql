-- 005_web.sql: what the web server keeps in the database, so that several
-- servers on one database share it (sessions are in app_session, 001).

-- Failed logins, counted per user name and per client address. After too
-- many failures in a window the key is locked for a while; a success
-- clears the user name's count. Times are "YYYY-MM-DDTHH:MM:SSZ" (UTC),
-- which sort as text.
CREATE TABLE login_throttle (
	id @ID@,
	key TEXT NOT NULL UNIQUE,	-- 'user:NAME' or 'addr:ADDRESS'
	failures INTEGER NOT NULL DEFAULT 0,
	window_start TEXT NOT NULL,
	locked_until TEXT
);

CREATE INDEX app_session_expires ON app_session(expires_at);
CREATE INDEX app_session_user ON app_session(user_id);
