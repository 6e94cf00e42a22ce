/*
 * remind.c: building the reminders' digests (see remind.h).
 *
 * A digest's text is its My work list in words: overdue, then due, then
 * stale, each with the link that updates it, then the posts below theirs.
 * The phase of each item is what the rules make of its dates today; the
 * digest is fresh when any phase is new to the address it goes to.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/setting.h"
#include "report/remind.h"

int
remind_rules_load(struct wm_ctx *ctx, struct remind_rules *r, struct wm_err *err)
{
	double before, every, esc;
	int rc;

	if ((rc = setting_number(ctx, "remind.before_days", &before, err)) != 0 ||
	    (rc = setting_number(ctx, "remind.overdue_every_days", &every, err)) != 0 ||
	    (rc = setting_number(ctx, "remind.escalate_after_days", &esc, err)) != 0)
		return rc;
	r->before_days = (int)before;
	r->every_days = (int)every;
	r->escalate_after = (int)esc;
	return 0;
}

/* Which reminder of the rules the item is at today, into buf. */
static const char *
phase_of(const struct mywork_set *s, const struct remind_rules *r, const struct mywork_item *it,
    char *buf, size_t len)
{
	switch (it->why) {
	case MW_OVERDUE:
		snprintf(buf, len, "overdue:%d", (it->days_overdue > 0 ? it->days_overdue - 1 : 0) /
		    r->every_days);
		break;
	case MW_DUE:
		snprintf(buf, len, "%s", it->due == mywork_as_of(s) ? "today" : "before");
		break;
	case MW_STALE:
		snprintf(buf, len, "stale:%d", it->days_since_update > 0 ?
		    it->days_since_update / mywork_stale_days(s) : 0);
		break;
	}
	return buf;
}

static const char *
why_code(enum mywork_why w)
{
	return w == MW_OVERDUE ? "overdue" : w == MW_DUE ? "due" : "stale";
}

static void
item_lines(struct buf *b, const struct mywork_set *s, const struct mywork_item *it,
    const char *base)
{
	char due[DATE_ISO_LEN] = "", last[DATE_ISO_LEN] = "";

	if (it->due != DATE_NONE)
		date_format_iso(it->due, due);
	if (it->last_update != DATE_NONE)
		date_format_iso(it->last_update, last);
	buf_addf(b, "- %s %s: %s\n  Lead: %s. ", it->noun, it->key, it->title, it->lead);
	switch (it->why) {
	case MW_OVERDUE:
		buf_addf(b, "Due %s, %d day%s overdue.", due, it->days_overdue,
		    it->days_overdue == 1 ? "" : "s");
		break;
	case MW_DUE:
		if (it->due == mywork_as_of(s))
			buf_addf(b, "Due today, %s.", due);
		else
			buf_addf(b, "Due %s, in %d day%s.", due, it->due - mywork_as_of(s),
			    it->due - mywork_as_of(s) == 1 ? "" : "s");
		break;
	case MW_STALE:
		if (it->last_update != DATE_NONE)
			buf_addf(b, "Last updated %s.", last);
		else
			buf_adds(b, "Never updated.");
		if (it->due != DATE_NONE)
			buf_addf(b, " Due %s.", due);
		break;
	}
	buf_addf(b, "\n  Update it: %s%s\n", base, it->href);
}

static void
section(struct buf *b, const struct mywork_set *s, const struct mywork_item *v, size_t n,
    enum mywork_why why, const char *heading, const char *base)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (v[i].why != why)
			continue;
		if (!any)
			buf_addf(b, "\n%s\n", heading);
		any = true;
		item_lines(b, s, &v[i], base);
	}
}

static void
compose(struct digest *d, const struct mywork_set *s, const struct remind_rules *r,
    const char *base)
{
	struct buf b = BUF_INIT;
	char day[DATE_ISO_LEN], head[128];
	size_t overdue = 0;

	date_format_iso(mywork_as_of(s), day);
	for (size_t i = 0; i < d->w.nown; i++)
		overdue += d->w.own[i].why == MW_OVERDUE;
	if (overdue > 0)
		buf_addf(&b, "Waymark: %zu item%s to update, %zu overdue", d->w.nown,
		    d->w.nown == 1 ? "" : "s", overdue);
	else if (d->w.nown > 0)
		buf_addf(&b, "Waymark: %zu item%s to update", d->w.nown, d->w.nown == 1 ? "" : "s");
	else
		buf_addf(&b, "Waymark: %zu item%s to update for the posts reporting to yours",
		    d->w.nteam, d->w.nteam == 1 ? "" : "s");
	d->subject = buf_detach(&b, NULL);
	buf_init(&b, BUF_MAX_DEFAULT);
	buf_addf(&b, "Dear %s,\n\nThis is what the post%s you hold lead%s that needs an update,\n"
	    "as of %s.\n", d->w.name ? d->w.name : d->w.person, d->w.nposts == 1 ? "" : "s",
	    d->w.nposts == 1 ? "s" : "", day);
	section(&b, s, d->w.own, d->w.nown, MW_OVERDUE, "Overdue", base);
	snprintf(head, sizeof(head), "Due in the next %d days", r->before_days);
	section(&b, s, d->w.own, d->w.nown, MW_DUE, head, base);
	snprintf(head, sizeof(head), "No update for %d days", mywork_stale_days(s));
	section(&b, s, d->w.own, d->w.nown, MW_STALE, head, base);
	if (d->w.nteam > 0) {
		buf_adds(&b, "\nFor the posts that report to yours\n");
		for (size_t i = 0; i < d->w.nteam; i++)
			item_lines(&b, s, &d->w.team[i], base);
	}
	buf_addf(&b, "\nYour My work page lists the same: %s/my\n", base);
	if (d->ncc > 0)
		buf_addf(&b, "\nItems more than %d days overdue are copied to the holder of the post\n"
		    "yours reports to and to the committee's clerk.\n", r->escalate_after);
	buf_addf(&b, "\nYou are sent this because a post you hold leads these items. A reminder\n"
	    "comes %d days before an item is due, on the day, and every %d days while\n"
	    "it is overdue.\n", r->before_days, r->every_days);
	d->body = buf_detach(&b, NULL);
}

/* The rows of d for its person, the copies' rows, and whether any is new. */
static void
phases(struct digest *d, const struct mywork_set *s, const struct remind_rules *r,
    const json_t *sent)
{
	struct buf key = BUF_INIT;
	char buf[64];

	d->rows = wm_calloc(d->w.nown + 1, sizeof(*d->rows));
	d->esc = wm_calloc(d->w.nown + 1, sizeof(*d->esc));
	for (size_t i = 0; i < d->w.nown; i++) {
		const struct mywork_item *it = &d->w.own[i];
		struct reminder_row *row = &d->rows[d->nrows++];

		row->kind = it->kind;
		row->ref = it->key;
		row->why = why_code(it->why);
		row->phase = wm_strdup(phase_of(s, r, it, buf, sizeof(buf)));
		if (d->to != NULL) {
			reminder_key(&key, d->to, row->kind, row->ref, row->phase);
			d->fresh = d->fresh || json_object_get(sent, buf_str(&key)) == NULL;
		}
		if (it->why == MW_OVERDUE && it->days_overdue >= r->escalate_after) {
			const char *addrs[MAIL_MAX_RCPT];
			size_t n = mywork_escalation(s, it, addrs, MAIL_MAX_RCPT);
			struct reminder_row *e;

			if (n == 0)
				continue;
			e = &d->esc[d->nesc++];
			*e = *row;
			snprintf(buf, sizeof(buf), "escalate:%d",
			    (it->days_overdue - r->escalate_after) / r->every_days);
			e->phase = wm_strdup(buf);
			for (size_t k = 0; k < n; k++) {
				bool have = d->to != NULL && strcmp(d->to, addrs[k]) == 0;

				for (size_t j = 0; j < d->ncc; j++)
					have = have || strcmp(d->cc[j], addrs[k]) == 0;
				if (!have && d->ncc + 1 < MAIL_MAX_RCPT)
					d->cc[d->ncc++] = addrs[k];
				reminder_key(&key, addrs[k], e->kind, e->ref, e->phase);
				d->fresh = d->fresh || json_object_get(sent, buf_str(&key)) == NULL;
			}
		}
	}
	/* no address to send it to: say so each run, rather than let it pass as sent */
	if (d->to == NULL)
		d->fresh = d->nrows > 0;
	buf_release(&key);
}

int
remind_build(const struct mywork_set *s, const struct remind_rules *r, const json_t *sent,
    const char *base_url, struct digest **out, size_t *n, struct wm_err *err)
{
	size_t np = mywork_npeople(s);
	struct digest *v = wm_calloc(np + 1, sizeof(*v));
	char day[DATE_ISO_LEN];
	const char *base = base_url ? base_url : "";
	size_t blen = strlen(base);
	char *trimmed = NULL;
	int rc = 0;

	*out = NULL;
	*n = 0;
	/* "https://host/" and "https://host" give the same links */
	if (blen > 0 && base[blen - 1] == '/') {
		trimmed = wm_strdup(base);
		trimmed[blen - 1] = '\0';
		base = trimmed;
	}
	date_format_iso(mywork_as_of(s), day);
	for (size_t i = 0; i < np; i++) {
		struct digest *d = &v[*n];

		if ((rc = mywork_of(s, mywork_person(s, i), r->before_days, &d->w, err)) != 0)
			break;
		if (d->w.nown == 0 && d->w.nteam == 0) {
			mywork_release(&d->w);
			continue;
		}
		d->to = d->w.email;
		snprintf(d->message, sizeof(d->message), "%s/%s", day, d->w.person);
		phases(d, s, r, sent);
		compose(d, s, r, base);
		(*n)++;
	}
	free(trimmed);
	if (rc != 0) {
		remind_free(v, *n);
		*n = 0;
		return rc;
	}
	*out = v;
	return 0;
}

void
remind_free(struct digest *d, size_t n)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < d[i].nrows; k++)
			free((char *)d[i].rows[k].phase);
		for (size_t k = 0; k < d[i].nesc; k++)
			free((char *)d[i].esc[k].phase);
		free(d[i].rows);
		free(d[i].esc);
		free(d[i].subject);
		free(d[i].body);
		mywork_release(&d[i].w);
	}
	free(d);
}

json_t *
remind_json(const struct digest *d)
{
	json_t *o = json_object(), *cc = json_array(), *items = json_array(), *team = json_array();

	for (size_t i = 0; i < d->ncc; i++)
		json_array_append_new(cc, json_string(d->cc[i]));
	for (size_t i = 0; i < d->nrows; i++) {
		json_t *it = json_pack("{s:s, s:s, s:s, s:s}", "kind", d->rows[i].kind, "key",
		    d->rows[i].ref, "why", d->rows[i].why, "phase", d->rows[i].phase);

		for (size_t k = 0; k < d->nesc; k++)
			if (strcmp(d->esc[k].ref, d->rows[i].ref) == 0 &&
			    strcmp(d->esc[k].kind, d->rows[i].kind) == 0)
				json_object_set_new(it, "escalated", json_true());
		json_array_append_new(items, it);
	}
	for (size_t i = 0; i < d->w.nteam; i++)
		json_array_append_new(team, json_pack("{s:s, s:s, s:s, s:s}", "kind",
		    d->w.team[i].kind, "key", d->w.team[i].key, "why", why_code(d->w.team[i].why),
		    "lead", d->w.team[i].lead));
	json_object_set_new(o, "person", json_string(d->w.person));
	json_object_set_new(o, "name", d->w.name ? json_string(d->w.name) : json_null());
	json_object_set_new(o, "to", d->to ? json_string(d->to) : json_null());
	json_object_set_new(o, "cc", cc);
	json_object_set_new(o, "subject", json_string(d->subject));
	json_object_set_new(o, "body", json_string(d->body));
	json_object_set_new(o, "fresh", json_boolean(d->fresh));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "team", team);
	return o;
}
