/*
 * setting.c: the settings Waymark reads (see setting.h).
 */
#include "base/wm.h"

#include "analysis/register.h"
#include "base/mem.h"
#include "base/str.h"
#include "model/hooks.h"
#include "model/setting.h"
#include "store/store.h"

const struct setting_def setting_defs[] = {
	{ "recommendations.rag", SET_RAG_RULES,
	  "{\"red_upto\": 25, \"amber_upto\": 75, \"overdue_red_below\": 100}", 0, 0,
	  "the register's RAG rules: up to red_upto percent complete is red, up to amber_upto "
	  "amber, above green; past its date with less than overdue_red_below percent done, red "
	  "(100, the default: overdue and not complete is never green)" },
	{ "performance.consistency_tolerance", SET_NUMBER, "0.5", 0, 100,
	  "how far (percent of the target) the targets below a unit may differ from its own "
	  "before the consistency report lists them" },
	{ "portfolio.cover_threshold", SET_NUMBER, "0.5", 0, 1000,
	  "the weight of contribution, summed over commissioned projects, at which an aim counts "
	  "as covered: below it the portfolio calls the aim a gap, and funding's "
	  "--cover-every-aim does not count it served" },
	{ "paper.template", SET_JSON, "{}", 0, 0,
	  "how a committee paper is laid out, as JSON: {\"body\": the body's name above the "
	  "title, \"logo\": a PNG in base64, \"number\": the report number with {ref} (the "
	  "agenda number), {committee}, {year} and {date} in it, \"sections\": [{\"part\": "
	  "\"summary\" | \"recommendations\" | \"supporting\" | \"equality\" | \"financial\" | "
	  "\"background\" | \"contact\" | \"appendices\", \"heading\": its heading}] in their "
	  "order, those left out not shown}; what is not given is the seeds' layout" },
	{ "tracking.stale_days", SET_NUMBER, "90", 1, 36500,
	  "days without an update after which an open item someone leads is stale: listed on "
	  "their My work page and in their reminder" },
	{ "mail.smtp", SET_TEXT, "", 0, 0,
	  "the SMTP server reminders are sent through, as a URL: smtp://mail.example.org:587 "
	  "(STARTTLS when the server offers it) or smtps://mail.example.org (TLS throughout), "
	  "with user:password@ before the host if it wants them" },
	{ "mail.smtp_user", SET_TEXT, "", 0, 0,
	  "the user name to give the SMTP server when its URL has none; the password is then "
	  "read from the environment variable WAYMARK_SMTP_PASSWORD, never stored here" },
	{ "mail.from", SET_TEXT, "", 0, 0,
	  "the address reminders come from (waymark@example.org)" },
	{ "mail.base_url", SET_TEXT, "", 0, 0,
	  "where people reach the web application (https://waymark.example.org): the links in "
	  "reminders start with it" },
	{ "remind.before_days", SET_NUMBER, "7", 0, 365,
	  "how many days before an item is due its lead is first reminded" },
	{ "remind.overdue_every_days", SET_NUMBER, "7", 1, 365,
	  "while an item is overdue, its lead is reminded again every this many days" },
	{ "remind.escalate_after_days", SET_NUMBER, "28", 1, 3650,
	  "after an item is this many days overdue, its reminder also goes to the holder of the "
	  "post accountable for it and to its committee's clerk" },
	{ "tracking.scale", SET_TEXT, "degree-met", 0, 0,
	  "the scale (its ref) key actions, objectives, other plan items and milestones are "
	  "graded on; a recommendation is graded on its source's" },
	{ "figures.reporting_lag", SET_NUMBER, "30", 0, 3650,
	  "days after a period ends that an indicator's figure for it is due, for an indicator "
	  "whose reporting_lag is empty" },
	{ NULL, SET_NUMBER, NULL, 0, 0, NULL }
};

const struct setting_def *
setting_find(const char *key)
{
	for (const struct setting_def *d = setting_defs; key != NULL && d->key != NULL; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

int
setting_check(const struct setting_def *d, const char *text, struct wm_err *err)
{
	struct rag_rules rules;
	double v;

	switch (d->type) {
	case SET_NUMBER:
		if (text == NULL || str_to_double(text, &v) != 0 || v < d->min || v > d->max)
			return wm_error(err, WM_EINVAL, "setting %s: \"%s\" is not a number from %g to %g "
			    "(%s)", d->key, text ? text : "", d->min, d->max, d->help);
		return 0;
	case SET_RAG_RULES:
		return rag_rules_parse(text, &rules, err);
	case SET_JSON: {
		json_error_t je;
		json_t *j = text ? json_loads(text, 0, &je) : NULL;
		bool ok = json_is_object(j);

		json_decref(j);
		if (!ok)
			return wm_error(err, WM_EINVAL, "setting %s: the value is not a JSON object "
			    "(%s)", d->key, d->help);
		return 0;
	}
	case SET_TEXT:
		if (text == NULL || *text == '\0')
			return wm_error(err, WM_EINVAL, "setting %s: give a value (%s)", d->key, d->help);
		if (strchr(text, '\n') != NULL || strchr(text, '\r') != NULL)
			return wm_error(err, WM_EINVAL, "setting %s: one line (%s)", d->key, d->help);
		return 0;
	}
	return 0;
}

int
setting_text(struct wm_ctx *ctx, const char *key, char **out, struct wm_err *err)
{
	const struct setting_def *d = setting_find(key);
	struct stmt *s;
	int rc;

	*out = NULL;
	if ((rc = store_prepare(ctx->st, "SELECT value FROM setting WHERE key = ?", &s, err)) != 0)
		return rc;
	stmt_bind_text(s, 1, key);
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		*out = wm_strdup(stmt_text(s, 0));
	stmt_reset(s);
	if (rc < 0)
		return rc;
	if (*out == NULL && d != NULL)
		*out = wm_strdup(d->dflt);
	return 0;
}

int
setting_number(struct wm_ctx *ctx, const char *key, double *out, struct wm_err *err)
{
	const struct setting_def *d = setting_find(key);
	char *text = NULL;
	int rc;

	*out = 0;
	if ((rc = setting_text(ctx, key, &text, err)) != 0)
		return rc;
	if (d != NULL && (rc = setting_check(d, text, err)) == 0)
		str_to_double(text, out);
	free(text);
	return rc;
}

/* A setting Waymark reads takes only the values it understands. */
static int
setting_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const struct setting_def *d = setting_find(json_string_value(json_object_get(row, "key")));

	(void)ctx;
	(void)before;
	if (d == NULL)
		return 0;
	return setting_check(d, json_string_value(json_object_get(row, "value")), err);
}

const struct kind_hooks setting_hooks = { setting_prepare, NULL, NULL };
