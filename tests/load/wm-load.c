/*
 * wm-load.c: wm-load, a load client for `waymark serve` (issue 9).
 *
 *   wm-load --url http://127.0.0.1:PORT [--url ...] --user NAME --password PW
 *           --refs A,B,C... [--clients 64] [--seconds 30] [--parent REF]
 *           [--accepted FILE]
 *
 * Logs in once, then runs --clients threads for --seconds, each on its own
 * keep-alive connection (to each --url in turn: servers sharing a database
 * share the session), mixing reads (a page of units, one unit, a page of
 * the audit log) with updates: read a unit for its ETag, then PATCH its
 * name with If-Match. Under contention a 412 is an expected answer, not an
 * error; any other unexpected status, a 5xx or a broken connection is.
 * Every accepted update (ref, the version the server answered, the name
 * written; names are unique to a client and step) goes to --accepted, so
 * the test (tests/e2e/t6003-load.sh) can check it against the audit log
 * and the final state. At the end it prints the counts, req/s and the
 * latency percentiles, and exits 1 if there was any error.
 *
 * Plain blocking sockets and one thread a client: the simplest client that
 * holds 64 connections open and measures each request from the first byte
 * sent to the last byte read. HTTP/1.1 only as far as Waymark speaks it
 * (every answer has a Content-Length). A test tool: it prints its own
 * errors and exits.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "base/wm.h"

#define RESP_CAP (8u << 20)	/* no answer here is near this; a bigger one is an error */
#define MAX_ERRORS_SHOWN 5
#define MAX_CLIENT_ERRORS 100	/* a client stops after this many */

/* How long one read or write on a socket may wait before it is an error. */
static const struct timeval io_timeout = { .tv_sec = 60 };

/* What one answer held that the client looks at. */
struct resp {
	int status;
	long version;		/* from ETag: "N", or -1 */
	bool close;		/* Connection: close */
	char cookie[256];	/* waymark_session=..., from Set-Cookie */
	char *body;		/* NUL-terminated; owned by the connection's buffer */
	size_t body_len;
};

/* A server to send requests to: --url, given once or more. */
struct target {
	char host[64];
	char port[8];
	struct addrinfo *ai;
};

#define MAX_TARGETS 8

struct conn {
	const struct target *t;
	int fd;
	char *buf;
	size_t len, cap;
};

/* A growable array of latencies in microseconds, or of accepted updates. */
struct lat {
	uint32_t *v;
	size_t n, cap;
};

struct accepted {
	int ref;	/* index into the refs */
	long version;
	char name[32];
};

enum op { OP_LIST, OP_GET, OP_AUDIT, OP_UPDATE_READ, OP_UPDATE, OP__MAX };
static const char *const op_names[OP__MAX] = {
	"list units", "get unit", "list audit", "get for update", "patch (If-Match)"
};

struct client {
	pthread_t tid;
	int id;
	unsigned seed;
	struct conn c;
	struct lat lat[OP__MAX];
	long answers_2xx, answers_412, errors, reconnects;
	struct accepted *acc;
	size_t n_acc, cap_acc;
	char first_error[256];
};

/* Shared, read-only once the clients start. */
static struct {
	struct target targets[MAX_TARGETS];
	size_t n_targets;
	char cookie[256];
	char csrf[128];
	char **refs;
	size_t n_refs;
	const char *parent;
	struct timespec end;
} cfg;

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (!q) {
		fprintf(stderr, "wm-load: out of memory\n");
		exit(1);
	}
	return q;
}

static void
lat_add(struct lat *l, double seconds)
{
	double us = seconds * 1e6;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
}

static void
conn_close(struct conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->len = 0;
}

static int
conn_open(struct conn *c, char *why, size_t why_len)
{
	int one = 1;

	const struct addrinfo *ai = c->t->ai;

	c->fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
	if (c->fd < 0 || connect(c->fd, ai->ai_addr, ai->ai_addrlen) != 0) {
		snprintf(why, why_len, "cannot connect to %s:%s: %s", c->t->host, c->t->port,
		    strerror(errno));
		conn_close(c);
		return -1;
	}
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	/* a server that stops answering is an error, not a test that never ends */
	setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &io_timeout, sizeof(io_timeout));
	setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &io_timeout, sizeof(io_timeout));
	return 0;
}

/* header_value: the value of header NAME in the header block H, copied to OUT. */
static bool
header_value(const char *h, const char *name, char *out, size_t out_len)
{
	size_t nl = strlen(name);
	const char *p = strstr(h, "\r\n");

	for (; p; p = strstr(p, "\r\n")) {
		p += 2;
		if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
			const char *v = p + nl + 1, *e;
			size_t n;

			while (*v == ' ')
				v++;
			e = strstr(v, "\r\n");
			n = e ? (size_t)(e - v) : strlen(v);
			if (n >= out_len)
				n = out_len - 1;
			memcpy(out, v, n);
			out[n] = '\0';
			return true;
		}
	}
	return false;
}

/*
 * request: send one request on C (opening it if closed) and read the whole
 * answer into R. Returns 0, or -1 with WHY filled: the connection is then
 * closed. A connection the server closed between requests is not retried:
 * nothing here should make the server close one, so that is an error too.
 */
static int
request(struct conn *c, const char *method, const char *path, const char *if_match,
    const char *body, struct resp *r, char *why, size_t why_len)
{
	char head[2048], val[256];
	int n;
	size_t want = 0, hdr_len = 0;
	char *end = NULL;

	memset(r, 0, sizeof(*r));
	r->version = -1;
	if (c->fd < 0 && conn_open(c, why, why_len) != 0)
		return -1;
	n = snprintf(head, sizeof(head),
	    "%s %s HTTP/1.1\r\nHost: %s:%s\r\n%s%s%s%s%s%s%s%s"
	    "Content-Length: %zu\r\n\r\n",
	    method, path, c->t->host, c->t->port,
	    cfg.cookie[0] ? "Cookie: " : "", cfg.cookie, cfg.cookie[0] ? "\r\n" : "",
	    cfg.csrf[0] ? "X-CSRF-Token: " : "", cfg.csrf, cfg.csrf[0] ? "\r\n" : "",
	    body ? "Content-Type: application/json\r\n" : "",
	    if_match ? if_match : "",
	    body ? strlen(body) : 0);
	if (n < 0 || (size_t)n >= sizeof(head)) {
		snprintf(why, why_len, "request head too long for %s", path);
		conn_close(c);
		return -1;
	}
	if (send(c->fd, head, (size_t)n, MSG_NOSIGNAL) != n ||
	    (body && send(c->fd, body, strlen(body), MSG_NOSIGNAL) != (ssize_t)strlen(body))) {
		snprintf(why, why_len, "%s %s: sending: %s", method, path, strerror(errno));
		conn_close(c);
		return -1;
	}
	c->len = 0;
	for (;;) {
		ssize_t got;

		if (!end && c->len >= 4) {
			c->buf[c->len] = '\0';
			end = strstr(c->buf, "\r\n\r\n");
			if (end) {
				hdr_len = (size_t)(end - c->buf) + 4;
				*end = '\0';
				if (sscanf(c->buf, "HTTP/1.%*d %d", &r->status) != 1) {
					snprintf(why, why_len, "%s %s: not an HTTP answer", method, path);
					conn_close(c);
					return -1;
				}
				if (!header_value(c->buf, "Content-Length", val, sizeof(val))) {
					snprintf(why, why_len, "%s %s: answer %d has no Content-Length",
					    method, path, r->status);
					conn_close(c);
					return -1;
				}
				want = hdr_len + strtoul(val, NULL, 10);
				if (header_value(c->buf, "ETag", val, sizeof(val)) && val[0] == '"')
					r->version = strtol(val + 1, NULL, 10);
				if (header_value(c->buf, "Connection", val, sizeof(val)) &&
				    strcasecmp(val, "close") == 0)
					r->close = true;
				if (header_value(c->buf, "Set-Cookie", val, sizeof(val))) {
					char *semi = strchr(val, ';');

					if (semi)
						*semi = '\0';
					snprintf(r->cookie, sizeof(r->cookie), "%s", val);
				}
			}
		}
		if (end && c->len >= want)
			break;
		if (c->len + 65536 + 1 > c->cap) {
			if (c->cap >= RESP_CAP) {
				snprintf(why, why_len, "%s %s: answer over %u bytes", method, path,
				    RESP_CAP);
				conn_close(c);
				return -1;
			}
			c->cap = c->cap ? 2 * c->cap : 131072;
			c->buf = xrealloc(c->buf, c->cap);
		}
		got = recv(c->fd, c->buf + c->len, c->cap - c->len - 1, 0);
		if (got <= 0) {
			snprintf(why, why_len, "%s %s: %s after %zu bytes of the answer", method,
			    path, got == 0 ? "connection closed" :
			    errno == EAGAIN || errno == EWOULDBLOCK ? "no answer for 60 s" :
			    strerror(errno), c->len);
			conn_close(c);
			return -1;
		}
		c->len += (size_t)got;
	}
	c->buf[want] = '\0';
	r->body = c->buf + hdr_len;
	r->body_len = want - hdr_len;
	if (c->len != want) {
		snprintf(why, why_len, "%s %s: %zu bytes more than Content-Length", method, path,
		    c->len - want);
		conn_close(c);
		return -1;
	}
	return 0;
}

static void
client_error(struct client *cl, const char *fmt, ...) WM_PRINTF(2, 3);

static void
client_error(struct client *cl, const char *fmt, ...)
{
	va_list ap;

	if (cl->errors++ == 0) {
		va_start(ap, fmt);
		vsnprintf(cl->first_error, sizeof(cl->first_error), fmt, ap);
		va_end(ap);
	}
}

/* timed: one request, its latency counted under OP; 0, or -1 (counted as an error). */
static int
timed(struct client *cl, enum op op, const char *method, const char *path,
    const char *if_match, const char *body, struct resp *r)
{
	char why[256];
	double t0 = now_s();
	int rc = request(&cl->c, method, path, if_match, body, r, why, sizeof(why));

	if (rc != 0) {
		client_error(cl, "client %d: %s", cl->id, why);
		return -1;
	}
	lat_add(&cl->lat[op], now_s() - t0);
	if (r->close) {
		conn_close(&cl->c);
		cl->reconnects++;
	}
	return 0;
}

/* expect: R must have one of the two statuses (B may be 0); else an error. */
static bool
expect(struct client *cl, const char *what, const struct resp *r, int a, int b)
{
	if (r->status == a || (b && r->status == b)) {
		if (r->status >= 200 && r->status < 300)
			cl->answers_2xx++;
		else if (r->status == 412)
			cl->answers_412++;
		return true;
	}
	client_error(cl, "client %d: %s answered %d: %.*s", cl->id, what, r->status,
	    (int)(r->body_len > 160 ? 160 : r->body_len), r->body ? r->body : "");
	return false;
}

static void
update(struct client *cl, long step)
{
	int ref = (int)(rand_r(&cl->seed) % cfg.n_refs);
	char path[256], if_match[64], body[128], name[32];
	struct resp r;

	snprintf(path, sizeof(path), "/api/v1/units/%s", cfg.refs[ref]);
	if (timed(cl, OP_UPDATE_READ, "GET", path, NULL, NULL, &r) != 0 ||
	    !expect(cl, path, &r, 200, 0))
		return;
	if (r.version < 1) {
		client_error(cl, "client %d: GET %s: no ETag", cl->id, path);
		return;
	}
	snprintf(if_match, sizeof(if_match), "If-Match: \"%ld\"\r\n", r.version);
	snprintf(name, sizeof(name), "c%d-%ld", cl->id, step);
	snprintf(body, sizeof(body), "{\"name\":\"%s\"}", name);
	if (timed(cl, OP_UPDATE, "PATCH", path, if_match, body, &r) != 0 ||
	    !expect(cl, path, &r, 200, 412))
		return;
	if (r.status != 200)
		return;
	if (cl->n_acc == cl->cap_acc) {
		cl->cap_acc = cl->cap_acc ? 2 * cl->cap_acc : 256;
		cl->acc = xrealloc(cl->acc, cl->cap_acc * sizeof(*cl->acc));
	}
	cl->acc[cl->n_acc].ref = ref;
	cl->acc[cl->n_acc].version = r.version;
	memcpy(cl->acc[cl->n_acc].name, name, sizeof(name));
	cl->n_acc++;
}

static void *
client_run(void *arg)
{
	struct client *cl = arg;
	char list[256], one[256];
	struct resp r;
	long step = 0;

	snprintf(list, sizeof(list), "/api/v1/units?parent=%s&limit=50", cfg.parent);
	for (;;) {
		struct timespec ts;
		unsigned pick;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		if (ts.tv_sec > cfg.end.tv_sec ||
		    (ts.tv_sec == cfg.end.tv_sec && ts.tv_nsec >= cfg.end.tv_nsec))
			break;
		if (cl->errors >= MAX_CLIENT_ERRORS)
			break;	/* the run has failed: no need to hammer a broken server */
		step++;
		pick = (unsigned)rand_r(&cl->seed) % 100;
		if (pick < 35) {
			if (timed(cl, OP_LIST, "GET", list, NULL, NULL, &r) == 0)
				expect(cl, list, &r, 200, 0);
		} else if (pick < 55) {
			snprintf(one, sizeof(one), "/api/v1/units/%s",
			    cfg.refs[(unsigned)rand_r(&cl->seed) % cfg.n_refs]);
			if (timed(cl, OP_GET, "GET", one, NULL, NULL, &r) == 0)
				expect(cl, one, &r, 200, 0);
		} else if (pick < 60) {
			if (timed(cl, OP_AUDIT, "GET", "/api/v1/audit?kind=units&limit=20", NULL,
			    NULL, &r) == 0)
				expect(cl, "/api/v1/audit", &r, 200, 0);
		} else {
			update(cl, step);
		}
		/* after a broken connection, a fresh one: the error is counted */
	}
	conn_close(&cl->c);
	return NULL;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* percentiles: print LABEL's count and p50/p90/p99/max in ms (sorts L). */
static void
percentiles(const char *label, struct lat *l)
{
	if (l->n == 0) {
		printf("wm-load: %-18s      0 requests\n", label);
		return;
	}
	qsort(l->v, l->n, sizeof(*l->v), cmp_u32);
#define PCT(p) (l->v[(size_t)((double)(l->n - 1) * (p))] / 1000.0)
	printf("wm-load: %-18s %6zu requests  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n",
	    label, l->n, PCT(0.50), PCT(0.90), PCT(0.99), l->v[l->n - 1] / 1000.0);
#undef PCT
}

static void
lat_append(struct lat *to, const struct lat *from)
{
	if (from->n == 0)
		return;
	to->v = xrealloc(to->v, (to->n + from->n) * sizeof(*to->v));
	memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	to->cap = to->n;
}

static int
login(const char *user, const char *password)
{
	struct conn c = { .t = &cfg.targets[0], .fd = -1 };
	struct resp r;
	char why[256];
	json_t *req, *res = NULL, *tok;
	char *body;
	int rc = -1;

	req = json_pack("{s:s, s:s}", "username", user, "password", password);
	body = req ? json_dumps(req, JSON_COMPACT) : NULL;
	if (!body) {
		fprintf(stderr, "wm-load: out of memory\n");
		goto out;
	}
	if (request(&c, "POST", "/api/v1/login", NULL, body, &r, why, sizeof(why)) != 0) {
		fprintf(stderr, "wm-load: login: %s\n", why);
		goto out;
	}
	if (r.status != 200 || !r.cookie[0]) {
		fprintf(stderr, "wm-load: login as %s answered %d: %.*s\n", user, r.status,
		    (int)r.body_len, r.body);
		goto out;
	}
	res = json_loadb(r.body, r.body_len, 0, NULL);
	tok = json_object_get(res, "csrf_token");
	if (!json_is_string(tok) || strlen(json_string_value(tok)) >= sizeof(cfg.csrf)) {
		fprintf(stderr, "wm-load: login gave no csrf_token: %.*s\n", (int)r.body_len,
		    r.body);
		goto out;
	}
	snprintf(cfg.cookie, sizeof(cfg.cookie), "%s", r.cookie);
	snprintf(cfg.csrf, sizeof(cfg.csrf), "%s", json_string_value(tok));
	rc = 0;
out:
	conn_close(&c);
	free(c.buf);
	free(body);
	json_decref(req);
	json_decref(res);
	return rc;
}

/* add_target: one more --url; clients are dealt to the servers in turn. */
static void
add_target(const char *url)
{
	struct target *t = &cfg.targets[cfg.n_targets];

	if (cfg.n_targets == MAX_TARGETS) {
		fprintf(stderr, "wm-load: at most %d --url\n", MAX_TARGETS);
		exit(2);
	}
	if (sscanf(url, "http://%63[^:/]:%7[0-9]", t->host, t->port) != 2) {
		fprintf(stderr, "wm-load: --url: \"%s\" is not http://HOST:PORT\n", url);
		exit(2);
	}
	cfg.n_targets++;
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: wm-load --url http://HOST:PORT [--url ...] --user NAME --password PW --refs A,B,...\n"
	    "               [--parent REF] [--clients N] [--seconds S] [--accepted FILE]\n");
	exit(2);
}

static long
number(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		fprintf(stderr, "wm-load: %s: \"%s\" is not a whole number from %ld to %ld\n",
		    opt, s, lo, hi);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	const char *user = NULL, *password = NULL, *accepted = NULL;
	char *refs = NULL, *save = NULL, *tok;
	long clients = 64, seconds = 30;
	struct client *cl;
	struct lat all = { 0 }, reads = { 0 }, writes = { 0 };
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM };
	long n2xx = 0, n412 = 0, errors = 0, reconnects = 0, requests = 0;
	size_t n_acc = 0;
	double t0, took;
	size_t k;
	int i, gai;

	cfg.parent = "LOAD";
	for (i = 1; i < argc; i++) {
		const char *o = argv[i];

		if (i + 1 >= argc)
			usage();
		if (strcmp(o, "--url") == 0)
			add_target(argv[++i]);
		else if (strcmp(o, "--user") == 0)
			user = argv[++i];
		else if (strcmp(o, "--password") == 0)
			password = argv[++i];
		else if (strcmp(o, "--refs") == 0)
			refs = argv[++i];
		else if (strcmp(o, "--parent") == 0)
			cfg.parent = argv[++i];
		else if (strcmp(o, "--accepted") == 0)
			accepted = argv[++i];
		else if (strcmp(o, "--clients") == 0)
			clients = number(o, argv[++i], 1, 1000);
		else if (strcmp(o, "--seconds") == 0)
			seconds = number(o, argv[++i], 1, 3600);
		else
			usage();
	}
	if (cfg.n_targets == 0 || !user || !password || !refs)
		usage();
	for (tok = strtok_r(refs, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		cfg.refs = xrealloc(cfg.refs, (cfg.n_refs + 1) * sizeof(*cfg.refs));
		cfg.refs[cfg.n_refs++] = tok;
	}
	if (cfg.n_refs == 0)
		usage();
	for (k = 0; k < cfg.n_targets; k++) {
		struct target *t = &cfg.targets[k];

		gai = getaddrinfo(t->host, t->port, &hints, &t->ai);
		if (gai != 0) {
			fprintf(stderr, "wm-load: %s: %s\n", t->host, gai_strerror(gai));
			return 1;
		}
	}
	if (login(user, password) != 0)
		return 1;

	cl = calloc((size_t)clients, sizeof(*cl));
	if (!cl) {
		fprintf(stderr, "wm-load: out of memory\n");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &cfg.end);
	cfg.end.tv_sec += seconds;
	t0 = now_s();
	for (i = 0; i < clients; i++) {
		cl[i].id = i + 1;
		cl[i].seed = 0x9e3779b9u * (unsigned)(i + 1);
		cl[i].c.t = &cfg.targets[(size_t)i % cfg.n_targets];
		cl[i].c.fd = -1;
		if (pthread_create(&cl[i].tid, NULL, client_run, &cl[i]) != 0) {
			fprintf(stderr, "wm-load: cannot start client %d\n", i + 1);
			return 1;
		}
	}
	for (i = 0; i < clients; i++)
		pthread_join(cl[i].tid, NULL);
	took = now_s() - t0;

	for (i = 0; i < clients; i++) {
		int op;

		for (op = 0; op < OP__MAX; op++) {
			lat_append(&all, &cl[i].lat[op]);
			lat_append(op == OP_UPDATE ? &writes : &reads, &cl[i].lat[op]);
			requests += (long)cl[i].lat[op].n;
		}
		n2xx += cl[i].answers_2xx;
		n412 += cl[i].answers_412;
		errors += cl[i].errors;
		reconnects += cl[i].reconnects;
		n_acc += cl[i].n_acc;
	}
	if (accepted) {
		FILE *f = fopen(accepted, "w");

		if (!f) {
			fprintf(stderr, "wm-load: %s: %s\n", accepted, strerror(errno));
			return 1;
		}
		for (i = 0; i < clients; i++)
			for (k = 0; k < cl[i].n_acc; k++)
				fprintf(f, "%s\t%ld\t%s\n", cfg.refs[cl[i].acc[k].ref],
				    cl[i].acc[k].version, cl[i].acc[k].name);
		if (fclose(f) != 0) {
			fprintf(stderr, "wm-load: %s: %s\n", accepted, strerror(errno));
			return 1;
		}
	}

	printf("wm-load: %ld clients of %zu server%s for %.1f s on %zu records: %ld requests,"
	    " %.1f req/s\n", clients, cfg.n_targets, cfg.n_targets == 1 ? "" : "s", took,
	    cfg.n_refs, requests, requests / took);
	printf("wm-load: answers: %ld 2xx, %ld 412 (stale If-Match, expected under contention),"
	    " %ld errors; %ld connections closed by the server\n", n2xx, n412, errors, reconnects);
	printf("wm-load: updates: %zu accepted, %ld refused as stale\n", n_acc, n412);
	percentiles("all", &all);
	percentiles("reads", &reads);
	percentiles("writes (PATCH)", &writes);
	{
		int op;
		struct lat by = { 0 };

		for (op = 0; op < OP__MAX; op++) {
			by.n = 0;
			for (i = 0; i < clients; i++)
				lat_append(&by, &cl[i].lat[op]);
			percentiles(op_names[op], &by);
		}
		free(by.v);
	}
	if (errors) {
		int shown = 0;

		printf("wm-load: %ld ERRORS; the first of each client that had any:\n", errors);
		for (i = 0; i < clients && shown < MAX_ERRORS_SHOWN; i++)
			if (cl[i].errors) {
				printf("wm-load:   %s\n", cl[i].first_error);
				shown++;
			}
	}
	for (i = 0; i < clients; i++) {
		int op;

		for (op = 0; op < OP__MAX; op++)
			free(cl[i].lat[op].v);
		free(cl[i].acc);
		free(cl[i].c.buf);
	}
	free(cl);
	free(all.v);
	free(reads.v);
	free(writes.v);
	free(cfg.refs);
	for (k = 0; k < cfg.n_targets; k++)
		freeaddrinfo(cfg.targets[k].ai);
	return errors ? 1 : 0;
}
