/*
 * server.c: libmicrohttpd underneath the handlers.
 *
 * A pool of worker threads each serves many connections (keep-alive is
 * libmicrohttpd's default for HTTP/1.1). A struct store is not
 * thread-safe, so each worker opens its own on its first request and
 * keeps it until the server stops (a pthread key closes it). Each request
 * gets an arena; its body is collected up to the configured limit (a
 * larger one is answered 413 without being kept), turned into a struct
 * req, handed to route.c, and the struct resp sent back. Idle connections
 * are closed after the configured timeout.
 *
 * SIGTERM and SIGINT are blocked in every thread and awaited here: on one,
 * the server stops accepting, lets the requests under way finish (for up
 * to ten seconds) and returns.
 */
#include "base/wm.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/str.h"
#include "http/page.h"
#include "http/route.h"
#include "model/account.h"
#include "report/md.h"
#include "store/migrate.h"
#include "store/store.h"

/*
 * An open connection, watched so that one that trickles a request head
 * (a byte now and then keeps libmicrohttpd's idle timeout from firing)
 * is closed once it has taken longer than the timeout over the whole
 * head, counted from when the connection opened or its last answer went.
 */
struct watched {
	struct watched *prev, *next;
	MHD_socket fd;
	double waiting_since;	/* store_clock() when it began to owe a head */
	bool in_request;	/* the head came; a handler has it */
	bool closed;		/* shut down by the watch: once is enough */
};

struct server {
	const struct http_config *cfg;
	pthread_key_t store_key;
	pthread_key_t arena_key;
	pthread_mutex_t lock;	/* the watched list */
	struct watched *watched;
	sem_t logins;		/* password checks under way at once (route.h) */
};

/* One request from its first callback to its completion. */
struct conn {
	struct arena *a;
	struct buf body;
	bool too_big;
	bool refused;	/* answered already, before its body */
};

static void
close_store(void *p)
{
	store_close(p);
}

/* This worker's database connection, opened on first use. */
static int
thread_store(struct server *srv, struct store **out, struct wm_err *err)
{
	struct store *st = pthread_getspecific(srv->store_key);
	int rc;

	if (st == NULL) {
		if ((rc = store_open(&st, srv->cfg->db, 0, err)) != 0)
			return rc;
		if ((rc = migrate_check(st, err)) != 0) {
			store_close(st);
			return rc;
		}
		pthread_setspecific(srv->store_key, st);
	}
	*out = st;
	return 0;
}

static enum MHD_Result
collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct req *rq = cls;

	switch (kind) {
	case MHD_HEADER_KIND: params_add(rq->a, &rq->headers, key, value); break;
	case MHD_COOKIE_KIND: params_add(rq->a, &rq->cookies, key, value); break;
	case MHD_GET_ARGUMENT_KIND: params_add(rq->a, &rq->query, key, value); break;
	default: break;
	}
	return MHD_YES;
}

static const char *
peer_address(struct arena *a, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char host[NI_MAXHOST];

	if (ci == NULL || ci->client_addr == NULL)
		return "unknown";
	if (getnameinfo(ci->client_addr, ci->client_addr->sa_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in), host, sizeof(host), NULL, 0,
	    NI_NUMERICHOST) != 0)
		return "unknown";
	return arena_strdup(a, host);
}

static enum MHD_Result
send_resp(struct MHD_Connection *c, struct resp *rs)
{
	struct MHD_Response *r;
	enum MHD_Result ok;

	if (rs->fixed != NULL)
		r = MHD_create_response_from_buffer(rs->fixed_len, (void *)rs->fixed,
		    MHD_RESPMEM_PERSISTENT);
	else
		r = MHD_create_response_from_buffer(rs->body.len, rs->body.s ? rs->body.s : "",
		    MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->type);
	for (size_t i = 0; i < rs->nheaders; i++)
		MHD_add_response_header(r, rs->headers[i].name, rs->headers[i].value);
	ok = MHD_queue_response(c, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* A response made here, before any handler: 413, 503. */
static enum MHD_Result
send_error(struct MHD_Connection *c, struct arena *a, int status, const char *code,
    const char *msg)
{
	struct resp rs;
	enum MHD_Result ok;

	resp_init(&rs, a);
	resp_status(&rs, status, code, msg);
	route_security_headers(&rs);
	ok = send_resp(c, &rs);
	resp_release(&rs);
	return ok;
}

/*
 * A body over --max-body. The API answers in JSON; a page (a form with a
 * file, /import) gets a page that says how large a file may be, in MB as
 * a person reads it. It is written before anyone is known (the body that
 * would carry the form is not read), so it shows the signed-out header.
 */
static enum MHD_Result
send_too_big(struct server *srv, struct MHD_Connection *c, struct arena *a, const char *url)
{
	struct req rq;
	struct resp rs;
	enum MHD_Result ok;
	double mb = (double)srv->cfg->max_body / (1024.0 * 1024.0);

	if (url == NULL || str_has_prefix(url, "/api/"))
		return send_error(c, a, 413, "too big", "the request body is larger than the "
		    "server accepts; send less at a time");
	memset(&rq, 0, sizeof(rq));
	rq.a = a;
	rq.cfg = srv->cfg;
	rq.method = "POST";
	rq.path = arena_strdup(a, url);
	rq.ctx.role = ROLE_PUBLIC;
	rq.ctx.now = time(NULL);
	resp_init(&rs, a);
	page_fail(&rq, &rs, 413, "The file is too big", arena_printf(a, "Waymark takes files "
	    "of up to %.*f MB. Make the file smaller (save a document without its pictures, or "
	    "split a long spreadsheet into parts) and upload it again.", mb < 1 ? 2 : mb < 10 ? 1 :
	    0, mb));
	route_security_headers(&rs);
	ok = send_resp(c, &rs);
	resp_release(&rs);
	return ok;
}

/*
 * A field of a log line as one word: a control character, a space or a
 * backslash is written \xHH (a space may stay in a quoted field), so no request can forge a line or a field
 * (a "%0a" in a path is a line break once decoded).
 */
static void
log_field(struct buf *b, const char *s, bool quoted)
{
	if (s == NULL || *s == '\0') {
		buf_addc(b, '-');
		return;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || (*p == ' ' && !quoted) || *p == 0x7F || *p == '\\' || *p == '"')
			buf_addf(b, "\\x%02X", *p);
		else
			buf_addc(b, (char)*p);
	}
}

static void
log_request(const struct server *srv, const struct req *rq, const struct resp *rs)
{
	char at[32];
	time_t now = time(NULL);
	struct tm tm;
	struct buf line = BUF_INIT;

	if (srv->cfg->log == NULL)
		return;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_addf(&line, "%s ", at);
	log_field(&line, rq->addr, false);
	buf_addc(&line, ' ');
	log_field(&line, rq->method, false);
	buf_addc(&line, ' ');
	log_field(&line, rq->path, false);
	buf_addf(&line, " %d ", rs->status);
	log_field(&line, rq->logged_in ? rq->sess.user.username : NULL, false);
	if (rs->log_note != NULL) {
		buf_adds(&line, " \"");
		log_field(&line, rs->log_note, true);
		buf_addc(&line, '"');
	}
	fprintf(srv->cfg->log, "%s\n", buf_str(&line));
	fflush(srv->cfg->log);
	buf_release(&line);
}

static enum MHD_Result
handle(struct server *srv, struct MHD_Connection *c, struct conn *cs, const char *url,
    const char *method)
{
	struct wm_err err = WM_ERR_INIT;
	struct req rq;
	struct resp rs;
	enum MHD_Result ok;
	int rc;

	if (cs->too_big)
		return send_too_big(srv, c, cs->a, url);
	memset(&rq, 0, sizeof(rq));
	rq.a = cs->a;
	rq.cfg = srv->cfg;
	rq.method = strcmp(method, "HEAD") == 0 ? "GET" : arena_strdup(cs->a, method);
	rq.path = arena_strdup(cs->a, url);
	/* a file uploaded may hold NUL bytes: copy all of it */
	rq.body = arena_memdup(cs->a, cs->body.s, cs->body.len);
	rq.body_len = cs->body.len;
	rq.addr = peer_address(cs->a, c);
	MHD_get_connection_values(c, MHD_HEADER_KIND | MHD_COOKIE_KIND | MHD_GET_ARGUMENT_KIND,
	    collect, &rq);
	rq.ctx.now = srv->cfg->fixed_now != 0 ? srv->cfg->fixed_now : time(NULL);
	rq.login_gate = &srv->logins;
	if ((rc = thread_store(srv, &rq.ctx.st, &err)) != 0)
		return send_error(c, cs->a, 503, "unavailable", err.msg);
	resp_init(&rs, cs->a);
	/* no request runs unbounded: past the limit its statements fail and it is answered 503 */
	store_set_deadline(rq.ctx.st, srv->cfg->time_limit > 0 ?
	    store_clock() + srv->cfg->time_limit : 0);
	route_request(&rq, &rs);
	store_set_deadline(rq.ctx.st, 0);
	ok = send_resp(c, &rs);
	log_request(srv, &rq, &rs);
	resp_release(&rs);
	return ok;
}

/*
 * Each worker keeps the arena of its last finished request for its next
 * one: a fresh arena is a 64 KB malloc, and freeing a chunk that large
 * makes glibc consolidate its free lists, on every request. The key's
 * destructor frees it when the worker ends.
 */
static struct arena *
request_arena(struct server *srv)
{
	struct arena *a = pthread_getspecific(srv->arena_key);

	if (a == NULL)
		return arena_new();
	pthread_setspecific(srv->arena_key, NULL);
	return a;
}

static void
request_arena_done(struct server *srv, struct arena *a)
{
	if (pthread_getspecific(srv->arena_key) == NULL) {
		arena_reset(a);
		pthread_setspecific(srv->arena_key, a);
	} else {
		arena_free(a);
	}
}

static void
free_arena(void *p)
{
	arena_free(p);
}

static struct watched *
watched_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci != NULL ? ci->socket_context : NULL;
}

/* A request's head has come (in_request), or its answer has gone and the next is owed. */
static void
watch_mark(struct server *srv, struct MHD_Connection *c, bool in_request)
{
	struct watched *w = watched_of(c);

	if (w == NULL)
		return;
	pthread_mutex_lock(&srv->lock);
	w->in_request = in_request;
	if (!in_request)
		w->waiting_since = store_clock();
	pthread_mutex_unlock(&srv->lock);
}

static void
connection_cb(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct server *srv = cls;
	struct watched *w = *socket_context;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
		    MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);

		w = wm_calloc(1, sizeof(*w));
		w->fd = ci != NULL ? ci->connect_fd : MHD_INVALID_SOCKET;
		w->waiting_since = store_clock();
		pthread_mutex_lock(&srv->lock);
		w->next = srv->watched;
		if (w->next != NULL)
			w->next->prev = w;
		srv->watched = w;
		pthread_mutex_unlock(&srv->lock);
		*socket_context = w;
		return;
	}
	if (w == NULL)
		return;
	/* before libmicrohttpd closes the socket: the watch never touches a closed one */
	pthread_mutex_lock(&srv->lock);
	if (w->prev != NULL)
		w->prev->next = w->next;
	else
		srv->watched = w->next;
	if (w->next != NULL)
		w->next->prev = w->prev;
	pthread_mutex_unlock(&srv->lock);
	free(w);
	*socket_context = NULL;
}

/* Close the connections that have owed a whole request head for longer than the timeout. */
static void
watch_heads(struct server *srv)
{
	double now = store_clock();

	pthread_mutex_lock(&srv->lock);
	for (struct watched *w = srv->watched; w != NULL; w = w->next)
		if (!w->in_request && !w->closed && w->fd != MHD_INVALID_SOCKET &&
		    now - w->waiting_since > srv->cfg->timeout) {
			shutdown(w->fd, SHUT_RDWR);	/* its worker sees the end and closes it */
			w->closed = true;
		}
	pthread_mutex_unlock(&srv->lock);
}

/* Every Content-Length of a request: two that differ make its body's end unknowable. */
struct lengths {
	const char *first;
	bool conflict;
};

static enum MHD_Result
content_length(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct lengths *l = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0)
		return MHD_YES;
	if (l->first == NULL)
		l->first = value != NULL ? value : "";
	else if (value == NULL || strcmp(l->first, value) != 0)
		l->conflict = true;
	return MHD_YES;
}

static enum MHD_Result
access_cb(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct server *srv = cls;
	struct conn *cs = *con_cls;

	(void)version;
	if (cs == NULL) {
		const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		int64_t n = 0;

		watch_mark(srv, c, true);
		cs = wm_calloc(1, sizeof(*cs));
		cs->a = request_arena(srv);
		buf_init(&cs->body, srv->cfg->max_body);
		*con_cls = cs;
		{
			struct lengths l = { NULL, false };

			/* a proxy and this server might each believe a different one: refuse both */
			MHD_get_connection_values(c, MHD_HEADER_KIND, content_length, &l);
			if (l.conflict) {
				cs->refused = true;
				return send_error(c, cs->a, 400, "bad request", "the request has two "
				    "Content-Length headers that differ: send one");
			}
		}
		/* Say no before reading a body that is announced as too large. */
		if (len != NULL && str_to_int64(len, &n) == 0 && n > (int64_t)srv->cfg->max_body) {
			cs->too_big = true;
			return send_too_big(srv, c, cs->a, url);
		}
		return MHD_YES;
	}
	if (cs->refused) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		if (!cs->too_big && buf_add(&cs->body, upload_data, *upload_data_size) != 0)
			cs->too_big = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	return handle(srv, c, cs, url, method);
}

static void
completed_cb(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct conn *cs = *con_cls;

	(void)toe;
	watch_mark(cls, c, false);
	if (cs == NULL)
		return;
	buf_release(&cs->body);
	request_arena_done(cls, cs->a);
	free(cs);
	*con_cls = NULL;
}

/* "HOST:PORT" or "[V6HOST]:PORT" into a socket address. */
static int
parse_listen(const char *listen, struct sockaddr_storage *ss, struct wm_err *err)
{
	char host[256];
	const char *colon, *h = listen;
	size_t hlen;
	int64_t port;

	memset(ss, 0, sizeof(*ss));
	if (listen[0] == '[') {
		const char *end = strchr(listen, ']');

		if (end == NULL || end[1] != ':')
			goto bad;
		h = listen + 1;
		hlen = (size_t)(end - h);
		colon = end + 1;
	} else {
		colon = strrchr(listen, ':');
		if (colon == NULL)
			goto bad;
		hlen = (size_t)(colon - listen);
	}
	if (hlen >= sizeof(host) || str_to_int64(colon + 1, &port) != 0 || port < 0 || port > 65535)
		goto bad;
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	if (hlen == 0)
		wm_strlcpy(host, "127.0.0.1", sizeof(host));
	if (listen[0] == '[') {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1)
			goto bad;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
			goto bad;
	}
	return 0;
bad:
	return wm_error(err, WM_EUSAGE, "--listen \"%s\": expected ADDRESS:PORT, like "
	    "127.0.0.1:8080 or [::1]:8080 (port 0 picks a free one)", listen);
}

/*
 * Expired sessions and old login counts go on a timer, not only when
 * someone signs in: a table nobody tidies grows with every session.
 */
#define HOUSEKEEPING_SECONDS 600

static void
housekeeping(const struct http_config *cfg)
{
	struct wm_ctx ctx = { 0 };
	struct store *st = NULL;

	if (store_open(&st, cfg->db, 0, NULL) != 0)
		return;
	ctx.st = st;
	ctx.role = ROLE_SYSTEM;
	ctx.actor = "server";
	ctx.now = cfg->fixed_now != 0 ? cfg->fixed_now : time(NULL);
	account_purge(&ctx, NULL);
	store_close(st);
}

/* Wait for the requests under way to finish, for at most ten seconds. */
static void
drain(struct MHD_Daemon *d)
{
	for (int i = 0; i < 200; i++) {
		const union MHD_DaemonInfo *di = MHD_get_daemon_info(d,
		    MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		if (di == NULL || di->num_connections == 0)
			return;
		nanosleep(&ts, NULL);
	}
}

int
http_serve(const struct http_config *cfg, struct wm_err *err)
{
	struct server srv = { .cfg = cfg, .lock = PTHREAD_MUTEX_INITIALIZER };
	struct sockaddr_storage ss;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *di;
	sigset_t stop, old;
	/*
	 * poll(), not epoll: quiescing an epoll daemon whose own threads run
	 * races their loop (both remove the listening socket from the epoll
	 * set, unlocked), and libmicrohttpd aborts the process when it loses:
	 * a server stopped by SIGTERM amid requests could exit 134. A worker
	 * has a few dozen connections, which poll() handles as fast.
	 */
	unsigned flags = MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_TURBO;
	int rc, sig = 0;
	struct store *probe = NULL;
	MHD_socket listen_fd;

	if ((rc = parse_listen(cfg->listen, &ss, err)) != 0)
		return rc;
	/* Fail now, not on the first request, if the database is not usable. */
	if ((rc = store_open(&probe, cfg->db, 0, err)) == 0)
		rc = migrate_check(probe, err);
	store_close(probe);
	if (rc != 0)
		return rc;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* Libraries with set-up of their own do it now, before there are threads. */
	md_init();
	if (sodium_init() < 0)
		return wm_error(err, WM_EINTERNAL, "cannot initialise libsodium");
	route_init();
	/* fewer password checks at once than workers: the rest keep answering */
	if (sem_init(&srv.logins, 0, cfg->threads > 1 ? cfg->threads - 1 : 1) != 0)
		return wm_error(err, WM_EINTERNAL, "cannot make a semaphore");
	if (pthread_key_create(&srv.store_key, close_store) != 0)
		return wm_error(err, WM_EINTERNAL, "cannot make a thread key");
	if (pthread_key_create(&srv.arena_key, free_arena) != 0) {
		pthread_key_delete(srv.store_key);
		return wm_error(err, WM_EINTERNAL, "cannot make a thread key");
	}
	/* Workers inherit this mask, so only sigwait() below sees the signals. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(flags, 0, NULL, NULL, access_cb, &srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads ? cfg->threads : 1),
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(cfg->max_per_address ?
		cfg->max_per_address : HTTP_DEFAULT_MAX_PER_ADDRESS),
	    MHD_OPTION_NOTIFY_CONNECTION, connection_cb, &srv,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, completed_cb, &srv,
	    MHD_OPTION_END);
	if (d == NULL) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_key_delete(srv.store_key);
		pthread_key_delete(srv.arena_key);
		return wm_error(err, WM_EIO, "cannot listen on %s: %s (is another server using it?)",
		    cfg->listen, strerror(errno));
	}
	di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (cfg->log != NULL) {
		char host[NI_MAXHOST] = "?";

		getnameinfo((struct sockaddr *)&ss, ss.ss_family == AF_INET6 ?
		    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in), host, sizeof(host),
		    NULL, 0, NI_NUMERICHOST);
		fprintf(cfg->log, ss.ss_family == AF_INET6 ? "listening on http://[%s]:%u/\n" :
		    "listening on http://%s:%u/\n", host, di != NULL ? (unsigned)di->port : 0);
		fflush(cfg->log);
	}
	/* until told to stop, once a second: close what trickles its head; now and then, tidy up */
	for (unsigned tick = 0;; tick++) {
		struct timespec second = { 1, 0 };

		sig = sigtimedwait(&stop, NULL, &second);
		if (sig == SIGTERM || sig == SIGINT)
			break;
		watch_heads(&srv);
		if (tick % HOUSEKEEPING_SECONDS == 0)
			housekeeping(cfg);
	}
	listen_fd = MHD_quiesce_daemon(d);
	drain(d);
	MHD_stop_daemon(d);
	if (listen_fd != MHD_INVALID_SOCKET)
		close(listen_fd);
	/* a connection closed by the stop finished on this thread, not a worker */
	arena_free(pthread_getspecific(srv.arena_key));
	pthread_key_delete(srv.store_key);
	pthread_key_delete(srv.arena_key);
	pthread_mutex_destroy(&srv.lock);
	sem_destroy(&srv.logins);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (cfg->log != NULL) {
		fprintf(cfg->log, "stopped on %s\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
		fflush(cfg->log);
	}
	return 0;
}
