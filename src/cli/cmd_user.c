/*
 * cmd_user.c: `waymark user add`, `passwd` and `unlock`: the accounts
 * people log in to the web application with.
 *
 * A password given with --password is used as it is; without it, a
 * terminal is asked (twice, without echo) and anything else is read for
 * one line. The account's other fields are those of the users kind
 * (--display-name, --person, --disabled), checked by the record engine.
 */
#include "base/wm.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "model/account.h"
#include "model/ent.h"

/* One line from in, without its line end; WM_EINVAL at end of input. */
static int
read_line(FILE *in, struct buf *out, struct wm_err *err)
{
	int ch;

	buf_reset(out);
	while ((ch = getc(in)) != EOF && ch != '\n')
		if (buf_addc(out, ch) != 0)
			return wm_error(err, WM_ETOOBIG, "the password is too long");
	if (ch == EOF && out->len == 0)
		return wm_error(err, WM_EINVAL, "no password given: use --password or type one");
	if (out->len > 0 && out->s[out->len - 1] == '\r')
		buf_truncate(out, 1);
	return 0;
}

static int
ask(struct cli *c, const char *prompt, struct buf *out, struct wm_err *err)
{
	struct termios old, quiet;
	bool tty = isatty(fileno(c->in)) && tcgetattr(fileno(c->in), &old) == 0;
	int rc;

	if (!tty)
		return read_line(c->in, out, err);
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(c->in), TCSAFLUSH, &quiet);
	rc = read_line(c->in, out, err);
	tcsetattr(fileno(c->in), TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

/* The password: --password, else asked for (twice at a terminal), else one line of input. */
static int
get_password(struct cli *c, const struct args *a, struct buf *pw, struct wm_err *err)
{
	struct buf again = BUF_INIT;
	int rc;

	buf_init(pw, ACCOUNT_MAX_PASSWORD + 2);
	if (args_get(a, "password") != NULL) {
		buf_adds(pw, args_get(a, "password"));
		return account_check_password(buf_str(pw), err);
	}
	if ((rc = ask(c, "Password: ", pw, err)) != 0)
		return rc;
	if ((rc = account_check_password(buf_str(pw), err)) != 0)
		return rc;
	if (isatty(fileno(c->in))) {
		buf_init(&again, ACCOUNT_MAX_PASSWORD + 2);
		if ((rc = ask(c, "Again: ", &again, err)) == 0 &&
		    strcmp(buf_str(pw), buf_str(&again)) != 0)
			rc = wm_error(err, WM_EINVAL, "the two passwords differ: nothing was changed");
		buf_release(&again);
	}
	return rc;
}

/* Wipe a password from memory before giving the memory back. */
static void
forget(struct buf *pw)
{
	if (pw->s != NULL)
		sodium_memzero(pw->s, pw->len);
	buf_release(pw);
}

static int
user_add(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "password", true }, { "json", false },
		{ NULL, false } };
	struct buf pw = BUF_INIT;
	struct args a;
	json_t *row = NULL;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, true, err)) != 0)
		goto out;
	if (a.npos != 1) {
		rc = wm_error(err, WM_EUSAGE, "give one user name: waymark user add NAME --role ROLE");
		goto out;
	}
	if (json_object_get(a.fields, "username") != NULL) {
		rc = wm_error(err, WM_EUSAGE, "give the user name once, before the options");
		goto out;
	}
	json_object_set_new(a.fields, "username", json_string(a.pos[0]));
	if ((rc = get_password(c, &a, &pw, err)) != 0)
		goto out;
	if ((rc = account_add(&c->ctx, a.fields, buf_str(&pw), &row, err)) != 0)
		goto out;
	if (args_has(&a, "json"))
		rc = out_json(c->out, row);
	else
		fprintf(c->out, "added user %s (%s)\n", a.pos[0],
		    json_string_value(json_object_get(row, "role")));
out:
	forget(&pw);
	json_decref(row);
	args_release(&a);
	return rc;
}

static int
user_passwd(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "password", true }, { NULL, false } };
	struct buf pw = BUF_INIT;
	struct args a;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		goto out;
	if (a.npos != 1) {
		rc = wm_error(err, WM_EUSAGE, "give one user name: waymark user passwd NAME");
		goto out;
	}
	if ((rc = get_password(c, &a, &pw, err)) != 0)
		goto out;
	if ((rc = account_set_password(&c->ctx, a.pos[0], NULL, buf_str(&pw), NULL, err)) != 0)
		goto out;
	fprintf(c->out, "set the password of %s; their sessions have ended\n", a.pos[0]);
out:
	forget(&pw);
	args_release(&a);
	return rc;
}

/* user unlock NAME [--address ADDR] | --address ADDR: lift the waits failed sign-ins made. */
static int
user_unlock(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "address", true }, { NULL, false } };
	const char *addr;
	struct args a;
	int cleared, rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	addr = args_get(&a, "address");
	if (a.npos > 1 || (a.npos == 0 && addr == NULL)) {
		rc = wm_error(err, WM_EUSAGE, "waymark user unlock NAME [--address ADDRESS], or "
		    "waymark user unlock --address ADDRESS");
		goto out;
	}
	if ((rc = account_unlock(&c->ctx, a.npos ? a.pos[0] : NULL, addr, &cleared, err)) != 0)
		goto out;
	fprintf(c->out, "%s %s%s%s: %d wait%s lifted\n", a.npos ? "user" : "address",
	    a.npos ? a.pos[0] : addr, a.npos && addr ? " from " : "", a.npos && addr ? addr : "",
	    cleared, cleared == 1 ? "" : "s");
out:
	args_release(&a);
	return rc;
}

int
cmd_user(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	if (argc < 1)
		return wm_error(err, WM_EUSAGE, "user add NAME --role ROLE, user passwd NAME, or "
		    "user unlock NAME");
	if (strcmp(argv[0], "add") == 0)
		return user_add(c, argc - 1, argv + 1, err);
	if (strcmp(argv[0], "passwd") == 0)
		return user_passwd(c, argc - 1, argv + 1, err);
	if (strcmp(argv[0], "unlock") == 0)
		return user_unlock(c, argc - 1, argv + 1, err);
	return wm_error(err, WM_EUSAGE, "no user command \"%s\": use add, passwd or unlock", argv[0]);
}
