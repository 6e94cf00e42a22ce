/*
 * cmd_serve.c: `waymark serve`: parse the options and run the web server
 * (src/http/) until it is told to stop.
 */
#include "base/wm.h"

#include <unistd.h>

#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "http/http.h"

/*
 * One worker a processor, and at least two. A worker serves its
 * connections one request at a time; more workers than processors only
 * take turns, and a request whose worker waits for its turn waits a whole
 * time slice: with four workers on two processors the slowest 1% of
 * answers took half as long again.
 */
static size_t
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 2 ? 2 : n > 64 ? 64 : (size_t)n;
}

static int
number(const struct args *a, const char *name, size_t dflt, size_t min, size_t max, size_t *out,
    struct wm_err *err)
{
	int rc = args_size(a, name, dflt, out, err);

	if (rc == 0 && (*out < min || *out > max))
		rc = wm_error(err, WM_EUSAGE, "--%s must be from %zu to %zu", name, min, max);
	return rc;
}

int
cmd_serve(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "listen", true }, { "public", false },
		{ "threads", true }, { "trusted-proxy", true }, { "max-body", true },
		{ "timeout", true }, { "time-limit", true }, { "max-per-address", true },
		{ NULL, false } };
	struct http_config cfg = { 0 };
	size_t threads, max_body, timeout, per_address;
	double limit = HTTP_DEFAULT_TIME_LIMIT;
	struct args a;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		goto out;
	if (a.npos > 0) {
		rc = wm_error(err, WM_EUSAGE, "serve takes only options (`waymark help serve`)");
		goto out;
	}
	if ((rc = number(&a, "threads", default_threads(), 1, 256, &threads, err)) != 0 ||
	    (rc = number(&a, "max-body", HTTP_DEFAULT_MAX_BODY, 1024, (size_t)1 << 30, &max_body,
	    err)) != 0 ||
	    (rc = number(&a, "timeout", HTTP_DEFAULT_TIMEOUT, 1, 3600, &timeout, err)) != 0 ||
	    (rc = number(&a, "max-per-address", HTTP_DEFAULT_MAX_PER_ADDRESS, 1, 512, &per_address,
	    err)) != 0)
		goto out;
	if (args_get(&a, "time-limit") != NULL &&
	    (str_to_double(args_get(&a, "time-limit"), &limit) != 0 || limit < 0 || limit > 86400)) {
		rc = wm_error(err, WM_EUSAGE, "--time-limit must be seconds from 0 (no limit) to 86400, "
		    "like 30 or 0.5");
		goto out;
	}
	cfg.db = c->db;
	cfg.listen = args_get(&a, "listen") ? args_get(&a, "listen") : HTTP_DEFAULT_LISTEN;
	cfg.public_read = args_has(&a, "public");
	cfg.trusted_proxy = args_get(&a, "trusted-proxy");
	cfg.threads = (unsigned)threads;
	cfg.max_body = max_body;
	cfg.timeout = (unsigned)timeout;
	cfg.time_limit = limit;
	cfg.max_per_address = (unsigned)per_address;
	cfg.fixed_now = c->clock_fixed ? c->ctx.now : 0;
	cfg.log = c->out;
	rc = http_serve(&cfg, err);
out:
	args_release(&a);
	return rc;
}
