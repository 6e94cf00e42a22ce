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

#include "base/date.h"
#include "base/mail.h"
#include "base/mem.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "model/reminder.h"
#include "model/setting.h"
#include "report/remind.h"

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
mailcfg_load(struct cli *c, const struct args *a, struct mailcfg *m, bool sending,
    struct wm_err *err)
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
	if (!sending)
		return 0;
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

/* Send d, and record it as sent or not; *sent whether the server took it. */
static int
send_digest(struct cli *c, struct mailcfg *m, const struct digest *d, const char *day,
    bool *sent, struct wm_err *err)
{
	struct wm_err why = WM_ERR_INIT;
	struct mail_msg msg = { 0 };
	struct reminder_msg rm = { 0 };
	int rc;

	msg.from = m->from;
	msg.to[0] = d->to;
	for (size_t i = 0; i < d->ncc; i++)
		msg.cc[i] = d->cc[i];
	msg.subject = d->subject;
	msg.body = d->body;
	*sent = mail_send(&m->srv, &msg, &why) == 0;
	rm.on_day = day;
	rm.person = d->w.person;
	rm.subject = d->subject;
	rm.message = d->message;
	rm.sent = *sent;
	rm.error = why.msg;
	rm.sent_to = d->to;
	if ((rc = reminder_record(&c->ctx, &rm, d->rows, d->nrows, err)) != 0)
		return rc;
	rm.escalation = true;
	for (size_t i = 0; i < d->ncc && rc == 0; i++) {
		rm.sent_to = d->cc[i];
		rc = reminder_record(&c->ctx, &rm, d->esc, d->nesc, err);
	}
	if (rc != 0)
		return rc;
	if (*sent) {
		fprintf(c->out, "sent to %s", d->to);
		for (size_t i = 0; i < d->ncc; i++)
			fprintf(c->out, "%s%s", i ? ", " : " (copied to ", d->cc[i]);
		fprintf(c->out, "%s: %zu item%s for %s\n", d->ncc ? ")" : "", d->nrows,
		    d->nrows == 1 ? "" : "s", d->w.name ? d->w.name : d->w.person);
	} else {
		fprintf(stderr, "waymark: remind: not sent to %s (tried again on the next run): %s\n",
		    d->to, why.msg);
	}
	return 0;
}

static void
print_digest(FILE *out, const struct digest *d, const char *from)
{
	fprintf(out, "From: %s\nTo: %s\n", from && *from ? from : "(mail.from)", d->to);
	for (size_t i = 0; i < d->ncc; i++)
		fprintf(out, "%s%s", i ? ", " : "Cc: ", d->cc[i]);
	if (d->ncc > 0)
		fputc('\n', out);
	fprintf(out, "Subject: %s\n\n%s", d->subject, d->body);
}

/* The day's digests: printed (--dry-run), or sent and recorded. */
static int
remind_run(struct cli *c, const struct args *a, struct mailcfg *m, struct wm_err *err)
{
	bool dry = args_has(a, "dry-run"), json = args_has(a, "json");
	struct mywork_set *set = NULL;
	struct remind_rules rules;
	struct digest *d = NULL;
	json_t *sent = NULL, *all = json_array();
	size_t n = 0, nsent = 0, nfailed = 0, nsame = 0, noaddr = 0;
	char day[DATE_ISO_LEN];
	int as_of = date_from_time(c->ctx.now), rc;

	if (args_get(a, "as-of") != NULL && date_parse_iso(args_get(a, "as-of"), &as_of) != 0) {
		rc = wm_error(err, WM_EUSAGE, "--as-of: \"%s\" is not a date (2004-10-01)",
		    args_get(a, "as-of"));
		goto out;
	}
	date_format_iso(as_of, day);
	if (!dry && (m->base_url == NULL || *m->base_url == '\0')) {
		rc = wm_error(err, WM_EUSAGE, "no address for the links: set mail.base_url (waymark "
		    "add setting --key mail.base_url --value https://waymark.example.org) or give "
		    "--base-url URL");
		goto out;
	}
	if ((rc = remind_rules_load(&c->ctx, &rules, err)) != 0 ||
	    (rc = reminder_sent(&c->ctx, &sent, err)) != 0 ||
	    (rc = mywork_load(&c->ctx, as_of, &set, err)) != 0 ||
	    (rc = remind_build(set, &rules, sent, m->base_url, &d, &n, err)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		bool ok = false;

		if (!d[i].fresh) {
			nsame += d[i].nrows > 0;
			continue;
		}
		if (d[i].to == NULL) {
			noaddr++;
			fprintf(stderr, "waymark: remind: %s (%s) has %zu item%s to update but no e-mail "
			    "address: nothing sent (waymark set person %s --email ADDRESS)\n",
			    d[i].w.name ? d[i].w.name : d[i].w.person, d[i].w.person, d[i].nrows,
			    d[i].nrows == 1 ? "" : "s", d[i].w.person);
			continue;
		}
		if (json) {
			json_t *o = remind_json(&d[i]);

			if (!dry)
				json_object_set_new(o, "status", json_null());
			json_array_append_new(all, o);
		} else if (dry) {
			fprintf(c->out, "%s", i == 0 || nsent == 0 ? "" : "\n");
			print_digest(c->out, &d[i], m->from);
			fprintf(c->out, "-- \n");
		}
		if (dry) {
			nsent++;
			continue;
		}
		if ((rc = send_digest(c, m, &d[i], day, &ok, err)) != 0)
			goto out;
		if (json)
			json_object_set_new(json_array_get(all, json_array_size(all) - 1), "status",
			    json_string(ok ? "sent" : "failed"));
		ok ? nsent++ : nfailed++;
	}
	if (json) {
		json_t *o = json_pack("{s:s, s:b, s:O, s:I, s:I, s:I}", "as_of", day, "dry_run", dry,
		    "digests", all, "sent", (json_int_t)(dry ? 0 : nsent), "failed",
		    (json_int_t)nfailed, "without_address", (json_int_t)noaddr);

		json_dumpf(o, c->out, JSON_INDENT(2) | JSON_ENSURE_ASCII);
		fputc('\n', c->out);
		json_decref(o);
	} else {
		fprintf(c->out, "remind %s: %zu digest%s %s, %zu failed, %zu already sent, %zu "
		    "without an address\n", day, nsent, nsent == 1 ? "" : "s",
		    dry ? "to send (dry run: nothing sent)" : "sent", nfailed, nsame, noaddr);
	}
	if (nfailed > 0)
		rc = wm_error(err, WM_EIO, "%zu of %zu digests could not be sent; each is recorded as "
		    "not sent and is tried again on the next run", nfailed, nsent + nfailed);
out:
	remind_free(d, n);
	mywork_free(set);
	json_decref(sent);
	json_decref(all);
	return rc;
}

int
cmd_remind(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "test", true }, { "smtp", true },
		{ "from", true }, { "base-url", true }, { "as-of", true }, { "dry-run", false },
		{ "json", false }, { NULL, false } };
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
	if ((rc = mailcfg_load(c, &a, &m, !args_has(&a, "dry-run"), err)) != 0)
		goto out;
	if (args_has(&a, "test"))
		rc = send_test(c, &m, args_get(&a, "test"), err);
	else
		rc = remind_run(c, &a, &m, err);
out:
	mailcfg_release(&m);
	args_release(&a);
	return rc;
}
