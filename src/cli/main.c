/*
 * main.c: the waymark command.
 *
 * Reads the global options and the environment, opens the database the
 * command needs, runs the command, and is the one place that prints an
 * error and chooses the exit status: 0 done, 1 bad input or data, 2 bad
 * usage.
 */
#include "base/wm.h"

#include <pwd.h>
#include <sodium.h>
#include <time.h>
#include <unistd.h>

#include "base/date.h"
#include "base/str.h"
#include "cli/cli.h"
#include "model/kind.h"
#include "store/migrate.h"
#include "store/store.h"

static char actor[128];

/* The audit log names the local user the command line acts for. */
static const char *
local_actor(void)
{
	const char *user = getenv("USER");
	struct passwd *pw;

	if (user == NULL || *user == '\0') {
		pw = getpwuid(getuid());
		user = pw != NULL ? pw->pw_name : "unknown";
	}
	snprintf(actor, sizeof(actor), "cli:%s", user);
	return actor;
}

/*
 * WAYMARK_NOW fixes the clock ("2003-03-31T12:00:00Z" or a date) so that
 * tests and demonstrations give the same audit stamps and ages every run.
 */
static time_t
clock_now(bool *is_fixed)
{
	const char *fixed = getenv("WAYMARK_NOW");
	int day;

	*is_fixed = false;
	if (fixed != NULL && strlen(fixed) >= 10) {
		char date[DATE_ISO_LEN];
		int h = 0, m = 0, s = 0;

		wm_strlcpy(date, fixed, sizeof(date));
		if (date_parse_iso(date, &day) == 0) {
			if (strlen(fixed) >= 19)
				sscanf(fixed + 11, "%d:%d:%d", &h, &m, &s);
			*is_fixed = true;
			return (time_t)day * 86400 + h * 3600 + m * 60 + s;
		}
	}
	return time(NULL);
}

static int
exit_code(int rc)
{
	return rc == 0 ? 0 : rc == WM_EUSAGE ? 2 : 1;
}

static bool
wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

static void
usage_error(const char *what)
{
	fprintf(stderr, "waymark: %s\n", what);
	fprintf(stderr, "usage: waymark [--db PATH|URL] COMMAND [ARGS]   (waymark help lists commands)\n");
}

int
main(int argc, char **argv)
{
	struct wm_err err = WM_ERR_INIT;
	struct cli c = { 0 };
	const struct command *cmd;
	const char *name, *hint;
	int i, rc;

	if (sodium_init() < 0) {
		fprintf(stderr, "waymark: cannot initialise libsodium\n");
		return 1;
	}
	c.db = getenv("WAYMARK_DB");
	if (c.db == NULL || *c.db == '\0')
		c.db = "waymark.db";
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			c.db = argv[++i];
		} else if (str_has_prefix(argv[i], "--db=")) {
			c.db = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help_overview(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("waymark %s\n", WAYMARK_VERSION);
			return 0;
		} else {
			char msg[256];

			snprintf(msg, sizeof(msg), "unknown option %s", argv[i]);
			usage_error(msg);
			return 2;
		}
	}
	if (i >= argc) {
		help_overview(stderr);
		return 2;
	}
	name = argv[i++];
	if ((cmd = command_find(name)) == NULL) {
		const char *names[64];
		size_t n = 0;
		char msg[256];

		for (const struct command *k = commands; k->name != NULL && n < 64; k++)
			names[n++] = k->name;
		hint = str_suggest(name, names, n);
		if (hint != NULL)
			snprintf(msg, sizeof(msg), "no command called \"%s\" (did you mean \"%s\"?)", name, hint);
		else
			snprintf(msg, sizeof(msg), "no command called \"%s\"", name);
		usage_error(msg);
		return 2;
	}
	if (wants_help(argc - i, argv + i)) {
		help_command(stdout, cmd, i < argc && argv[i][0] != '-' ? argv[i] : NULL);
		return 0;
	}

	c.out = stdout;
	c.in = stdin;
	c.out_tty = isatty(STDOUT_FILENO);
	c.err_tty = isatty(STDERR_FILENO);
	c.ctx.actor = local_actor();
	c.ctx.role = ROLE_SYSTEM;
	c.ctx.now = clock_now(&c.clock_fixed);
	if (cmd->flags & (CMD_DB | CMD_DB_CREATE)) {
		/* a command that only reads opens the database read-only: it may be a copy so kept */
		rc = store_open(&c.st, c.db, cmd->flags & CMD_DB_CREATE ? STORE_CREATE :
		    cmd->flags & CMD_READ ? STORE_READONLY : 0, &err);
		if (rc == 0 && (cmd->flags & CMD_DB))
			rc = migrate_check(c.st, &err);
		if (rc != 0) {
			fprintf(stderr, "waymark: %s: %s\n", name, err.msg);
			store_close(c.st);
			return exit_code(rc);
		}
		c.ctx.st = c.st;
	}
	if ((cmd->flags & CMD_READ) && c.st != NULL && (rc = store_begin_read(c.st, &err)) != 0) {
		fprintf(stderr, "waymark: %s: %s\n", name, err.msg);
		store_close(c.st);
		return exit_code(rc);
	}
	rc = cmd->run(&c, argc - i, argv + i, &err);
	if ((cmd->flags & CMD_READ) && c.st != NULL)
		store_rollback(c.st, 0);	/* nothing was written: end the snapshot */
	if (fflush(stdout) != 0 && rc == 0)
		rc = wm_error(&err, WM_EIO, "writing output: %s", strerror(errno));
	if (rc != 0)
		fprintf(stderr, "waymark: %s: %s\n", name, err.msg);
	store_close(c.st);
	return exit_code(rc);
}
