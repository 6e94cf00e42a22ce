/*
 * cmd_remind.c: `waymark remind`: e-mail to the people who must act.
 *
 * The mail settings (mail.smtp, mail.from, mail.base_url, mail.smtp_user)
 * are read here and overridden by --smtp, --from and --base-url; the
 * password is the URL's or the environment's WAYMARK_SMTP_PASSWORD, never a
 * setting (settings are readable by everyone signed in). base/mail.c
 * writes and sends each message.
 */
#include "base/wm.h"

#include "base/mail.h"
#include "base/mem.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "model/setting.h"

/* Where and as whom mail goes: the settings, then the options over them. */
struct mailcfg {
	char *smtp, *from, *base_url, *user;
	struct mail_server srv;
};

static void
mailcfg_release(struct mailcfg *m)
{
	free(m->smtp);
	free(m->from);
	free(m->base_url);
	free(m->user);
}

static int
one_setting(struct cli *c, const struct args *a, const char *opt, const char *key, char **out,
    struct wm_err *err)
{
	const char *given = args_get(a, opt);

	if (given != NULL) {
		*out = wm_strdup(given);
		return 0;
	}
	return setting_text(&c->ctx, key, out, err);
}

static int
mailcfg_load(struct cli *c, const struct args *a, struct mailcfg *m, struct wm_err *err)
{
	int rc;

	if ((rc = one_setting(c, a, "smtp", "mail.smtp", &m->smtp, err)) != 0 ||
	    (rc = one_setting(c, a, "from", "mail.from", &m->from, err)) != 0 ||
	    (rc = one_setting(c, a, "base-url", "mail.base_url", &m->base_url, err)) != 0 ||
	    (rc = setting_text(&c->ctx, "mail.smtp_user", &m->user, err)) != 0)
		return rc;
	m->srv.url = m->smtp;
	m->srv.user = m->user && *m->user ? m->user : NULL;
	m->srv.password = getenv("WAYMARK_SMTP_PASSWORD");
	if (m->srv.password != NULL && *m->srv.password == '\0')
		m->srv.password = NULL;
	if (m->smtp == NULL || *m->smtp == '\0')
		return wm_error(err, WM_EUSAGE, "no mail server: set mail.smtp (waymark add setting "
		    "--key mail.smtp --value smtp://mail.example.org:587) or give --smtp URL");
	if (m->from == NULL || *m->from == '\0')
		return wm_error(err, WM_EUSAGE, "no sender: set mail.from (waymark add setting "
		    "--key mail.from --value waymark@example.org) or give --from ADDRESS");
	return 0;
}

/* --test ADDRESS: one message, to see that the settings reach the server. */
static int
send_test(struct cli *c, struct mailcfg *m, const char *to, struct wm_err *err)
{
	struct mail_msg msg = { 0 };
	char body[1024];
	int rc;

	snprintf(body, sizeof(body), "This is a test message from Waymark.\n\n"
	    "It came through %s from %s, so reminders sent by `waymark remind` will reach\n"
	    "people the same way.%s%s\n", "the server in mail.smtp (or --smtp)", m->from,
	    m->base_url && *m->base_url ? "\n\nTheir links start with " : "",
	    m->base_url && *m->base_url ? m->base_url : "");
	msg.from = m->from;
	msg.to[0] = to;
	msg.subject = "Waymark: a test message";
	msg.body = body;
	if ((rc = mail_send(&m->srv, &msg, err)) != 0)
		return rc;
	fprintf(c->out, "sent a test message to %s\n", to);
	return 0;
}

int
cmd_remind(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "test", true }, { "smtp", true },
		{ "from", true }, { "base-url", true }, { NULL, false } };
	struct mailcfg m = { 0 };
	struct args a;
	int rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos != 0) {
		rc = wm_error(err, WM_EUSAGE, "remind takes no \"%s\": only options (waymark help "
		    "remind)", a.pos[0]);
		goto out;
	}
	if ((rc = mailcfg_load(c, &a, &m, err)) != 0)
		goto out;
	if (args_has(&a, "test"))
		rc = send_test(c, &m, args_get(&a, "test"), err);
	else
		rc = wm_error(err, WM_EUSAGE, "say what to send: --test ADDRESS");
out:
	mailcfg_release(&m);
	args_release(&a);
	return rc;
}
