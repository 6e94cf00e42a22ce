/*
 * reports.c: the report registry (see reports.h): the table of reports
 * and their options, the one checker of option values, and the small
 * adapters from checked options to each report's own arguments.
 *
 * The reports themselves live in their own files (register.c,
 * performance.c, portfolio.c...); nothing here formats anything.
 */
#include "base/wm.h"

#include <assert.h>
#include <ctype.h>
#include <math.h>

#include "base/date.h"
#include "base/period.h"
#include "base/str.h"
#include "model/ent.h"
#include "model/kind.h"
#include "model/setting.h"
#include "report/accountability.h"
#include "report/money.h"
#include "report/mywork.h"
#include "report/pack.h"
#include "report/performance.h"
#include "report/portfolio.h"
#include "report/register.h"
#include "report/reports.h"
#include "report/summary.h"
#include "report/themes.h"
#include "report/timetable.h"

/* ---- the options many reports share -------------------------------------- */

#define OPT_AS_OF_PERIOD { "as_of", RO_PERIOD, "As of", \
	"A period, such as 2005-03, 2005-Q1, 2004/05 or 2005; empty for the latest with figures", \
	NULL, NULL, 0, 0, NULL, 0, NULL }
#define OPT_AS_OF_DATE { "as_of", RO_DATE, "As of", \
	"A date, such as 2003-01-31; empty for today", "today", NULL, 0, 0, NULL, 0, NULL }
#define OPT_UNIT(help) { "unit", RO_REF, "Unit", help, NULL, "units", 0, 0, NULL, 0, NULL }
#define OPT_PLAN(help) { "plan", RO_REF, "Plan", help, NULL, "plans", 0, 0, NULL, 0, NULL }
#define OPT_END { NULL, RO_TEXT, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, NULL }

static const char *const by_trend[] = { "month", "quarter", "fyear", "year", NULL };
static const char *const by_themes[] = { "month", "quarter", "fyear", "year", NULL };

static const struct ropt chase_opts[] = {
	OPT_AS_OF_DATE,
	{ "stale_days", RO_COUNT, "Stale after (days)",
	  "An open recommendation with no update for longer than this many days is chased",
	  "90", NULL, 0, 36500, NULL, 0, NULL },
	OPT_END
};

static const struct ropt mywork_opts[] = {
	{ "user", RO_TEXT, "User", "A user name, or a person's ref: whose posts' work is listed",
	  NULL, NULL, 0, 0, NULL, RO_REQUIRED, NULL },
	OPT_AS_OF_DATE,
	{ "days", RO_COUNT, "Due within (days)", "What is due within this many days is listed, "
	  "besides what is overdue or stale", "14", NULL, 0, 3650, NULL, 0, NULL },
	OPT_END
};

static const struct ropt progress_opts[] = {
	{ "source", RO_REF, "Source report", "The audit, inspection or review whose action plan "
	  "this is", NULL, "sources", 0, 0, NULL, RO_REQUIRED, NULL },
	OPT_END
};

static const struct ropt performance_opts[] = {
	OPT_AS_OF_PERIOD,
	OPT_UNIT("The unit whose figures are judged; empty for the whole organisation"),
	{ "goal", RO_REF, "Goal", "One goal or priority of the plan; empty for all of them", NULL,
	  "nodes", 0, 0, NULL, 0, NULL },
	OPT_PLAN("The plan whose goals are shown; empty for the one most indicators measure"),
	OPT_END
};

static const struct ropt exceptions_opts[] = {
	OPT_AS_OF_PERIOD,
	{ "committee", RO_REF, "Committee", "Only what this committee answers for; empty for "
	  "every indicator", NULL, "committees", 0, 0, NULL, 0, "unit" },
	OPT_UNIT("The unit whose figures are judged; empty for the whole organisation"),
	{ "deteriorating", RO_COUNT, "Getting worse after (periods)",
	  "An indicator worse than the period before this many periods running is getting worse",
	  "3", NULL, 1, 120, NULL, 0, NULL },
	{ "stale_days", RO_COUNT, "Update due after (days)",
	  "An open item with no update for longer than this many days is due one, as the chase "
	  "report counts it", "90", NULL, 0, 36500, NULL, 0, NULL },
	OPT_END
};

static const struct ropt trend_opts[] = {
	{ "pi", RO_REF, "Indicator", "The performance indicator, by its code", NULL, "pis", 0, 0,
	  NULL, RO_REQUIRED, NULL },
	OPT_UNIT("The unit whose figures are shown; empty for the whole organisation"),
	{ "from", RO_PERIOD, "From", "The first period shown, such as 2003-04; empty for the "
	  "first held", NULL, NULL, 0, 0, NULL, 0, NULL },
	{ "to", RO_PERIOD, "To", "The last period shown; empty for the last held", NULL, NULL, 0,
	  0, NULL, 0, NULL },
	{ "by", RO_CHOICE, "Figures by", "Combine the figures into months, quarters, financial "
	  "years or calendar years; empty for the periods they are held in", NULL, NULL, 0, 0, by_trend, 0,
	  NULL },
	OPT_END
};

static const struct ropt portfolio_opts[] = {
	OPT_PLAN("Only the aims of this plan; empty for every plan's"),
	{ "threshold", RO_NUMBER, "Gap below", "An aim that commissioned and running projects "
	  "serve less than this (their weights added up) is a gap; empty for the setting "
	  "portfolio.cover_threshold (0.5 unless set), which plan funding covers aims by", NULL, NULL,
	  0, 1000, NULL, 0, NULL },
	{ "similarity", RO_NUMBER, "Overlap from", "Projects at least this alike (0 to 1) that "
	  "serve the same aim overlap", "0.5", NULL, 0, 1, NULL, 0, NULL },
	OPT_END
};

static const struct ropt money_opts[] = {
	{ "year", RO_FYEAR, "Financial year", "A financial year, such as 2004/05; empty for every "
	  "year", NULL, NULL, 0, 0, NULL, 0, NULL },
	OPT_PLAN("The goals of this plan; empty for every plan's"),
	OPT_END
};

static const struct ropt accountability_opts[] = {
	{ "board", RO_REF, "Board", "The committee every reporting line should reach; empty for "
	  "the Management Board", NULL, "committees", 0, 0, NULL, 0, NULL },
	OPT_PLAN("The goals and aims of this plan; empty for every plan's"),
	OPT_END
};

static const struct ropt timetable_opts[] = {
	{ "timetable", RO_REF, "Timetable", "One timetable; empty for all of them", NULL,
	  "timetables", 0, 0, NULL, 0, NULL },
	OPT_AS_OF_DATE,
	OPT_END
};

static const struct ropt themes_opts[] = {
	{ "by", RO_CHOICE, "Count by", "Count the issues by month, quarter, financial year or "
	  "calendar year", "fyear", NULL, 0, 0, by_themes, 0, NULL },
	{ "from", RO_WHEN, "From", "A date or a period: only issues raised from then; empty for "
	  "all", NULL, NULL, 0, 0, NULL, 0, NULL },
	{ "to", RO_WHEN, "To", "A date or a period: only issues raised until then; empty for all",
	  NULL, NULL, 0, 0, NULL, 0, NULL },
	{ "source", RO_TEXT, "Raised in", "Only the issues raised in this way (a survey, a "
	  "review: the issues' own source); empty for all", NULL, NULL, 0, 0, NULL, 0, NULL },
	OPT_END
};

static const struct ropt pack_opts[] = {
	{ "committee", RO_REF, "Committee", "The committee whose paper it is: what it answers for "
	  "in full, and what the committees reporting to it answer for, by exception", NULL,
	  "committees", 0, 0, NULL, 0, "meeting" },
	{ "meeting", RO_REF, "Meeting", "A meeting: the paper for each item on its agenda, from "
	  "the papers' own records", NULL, "meetings", 0, 0, NULL, 0, NULL },
	{ "paper", RO_TEXT, "Agenda item", "One paper of the meeting, by its agenda number; empty "
	  "for all of them", NULL, NULL, 0, 0, NULL, 0, NULL },
	OPT_UNIT("Only what this unit reports, judged at its level; empty for the whole "
	    "organisation"),
	{ "as_of", RO_PERIOD, "As of", "A period, such as 2005-03: figures for it, and what was "
	  "overdue on its last day; empty for the latest with figures, and today", NULL, NULL, 0,
	  0, NULL, 0, NULL },
	{ "stale_days", RO_COUNT, "Updates due every (days)", "An update or project report older "
	  "than this many days did not come in", "90", NULL, 0, 36500, NULL, 0, NULL },
	OPT_END
};

/* ---- adapters: checked options to each report's arguments ---------------- */

static int
run_pack(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct paper_opts p = { ropts_text(o, "committee"), ropts_text(o, "meeting"),
		ropts_text(o, "paper"), ropts_text(o, "unit"), ropts_text(o, "as_of"),
		(int)ropts_num(o, "stale_days") };

	return report_pack(ctx, &p, out, err);
}

static int
run_summary(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	(void)o;
	return report_summary(ctx, out, err);
}

static int
run_chase(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	return report_chase(ctx, ropts_day(o, "as_of"), (int)ropts_num(o, "stale_days"), out, err);
}

static int
run_mywork(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	return report_mywork(ctx, ropts_text(o, "user"), ropts_day(o, "as_of"),
	    (int)ropts_num(o, "days"), out, err);
}

static int
run_progress(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	return report_progress(ctx, ropts_text(o, "source"), out, err);
}

static int
run_performance(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct performance_opts p = { ropts_text(o, "as_of"), ropts_text(o, "unit"),
		ropts_text(o, "goal"), ropts_text(o, "plan") };

	return report_performance(ctx, &p, out, err);
}

static int
run_exceptions(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct exceptions_opts e = { ropts_text(o, "as_of"), ropts_text(o, "committee"),
		ropts_text(o, "unit"), (int)ropts_num(o, "deteriorating"),
		(int)ropts_num(o, "stale_days") };

	return report_exceptions(ctx, &e, out, err);
}

static int
run_consistency(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out,
    struct wm_err *err)
{
	(void)o;
	return report_consistency(ctx, out, err);
}

static int
run_trend(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct trend_opts t = { ropts_text(o, "pi"), ropts_text(o, "unit"), ropts_text(o, "from"),
		ropts_text(o, "to"), ropts_text(o, "by") };

	return report_trend(ctx, &t, out, err);
}

static int
run_portfolio(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct portfolio_opts p = { ropts_text(o, "plan"), ropts_num(o, "threshold"),
		ropts_num(o, "similarity") };
	int rc;

	/* one line between served and a gap, which funding's --cover-every-aim follows too */
	if (ropts_text(o, "threshold") == NULL &&
	    (rc = setting_number(ctx, "portfolio.cover_threshold", &p.threshold, err)) != 0)
		return rc;
	return report_portfolio(ctx, &p, out, err);
}

static int
run_money(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct money_opts m = { ropts_text(o, "year"), ropts_text(o, "plan") };

	return report_money(ctx, &m, out, err);
}

static int
run_accountability(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct accountability_opts a = { ropts_text(o, "board"), ropts_text(o, "plan") };

	return report_accountability(ctx, &a, out, err);
}

static int
run_timetable(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	struct timetable_opts t = { ropts_text(o, "timetable"), ropts_day(o, "as_of") };

	return report_timetable(ctx, &t, out, err);
}

static int
run_themes(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	static const enum period_kind by_kind[] = { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_FYEAR,
		PERIOD_YEAR };
	const char *by = ropts_text(o, "by");
	struct themes_opts t = { PERIOD_FYEAR, ropts_text(o, "from"), ropts_text(o, "to"),
		ropts_text(o, "source") };

	for (size_t i = 0; by != NULL && by_themes[i] != NULL; i++)
		if (strcmp(by, by_themes[i]) == 0)
			t.by = by_kind[i];
	return report_themes(ctx, &t, out, err);
}

const struct report reports[] = {
	{ "summary", "What this database holds",
	  "how many records of each kind the database holds", NULL, run_summary, NULL },
	{ "chase", "Updates to chase",
	  "recommendations, key actions, objectives and milestones to chase, by lead officer: "
	  "overdue, or no update lately", chase_opts,
	  run_chase, NULL },
	{ "mywork", "My work",
	  "what a person's posts lead that is overdue, due soon or without a recent update, and "
	  "the same for the posts that report to theirs", mywork_opts, run_mywork, NULL },
	{ "progress", "Action plan progress summary",
	  "a source's action plan progress summary, with a count of each grade", progress_opts,
	  run_progress, NULL },
	{ "performance", "Performance scorecard",
	  "the scorecard: goal, aim and indicator with value and target to date, status, change "
	  "on last year, coverage",
	  performance_opts, run_performance, NULL },
	{ "exceptions", "Exception report",
	  "only what is red, getting worse, missing or estimated: a committee's paper",
	  exceptions_opts, run_exceptions, NULL },
	{ "consistency", "Consistency check",
	  "targets that do not add up, and goals, aims, indicators and objectives linked to nothing",
	  NULL, run_consistency, NULL },
	{ "trend", "Trend", "one indicator over time: each period against its share of the "
	  "target, to date against the target to date, a rolling year, and unit by unit",
	  trend_opts, run_trend, "svg" },
	{ "portfolio", "Project portfolio",
	  "projects against aims: the matrix, gaps (aims served too little) and overlaps",
	  portfolio_opts, run_portfolio, "svg" },
	{ "money", "Money", "budgets central and devolved, capital bids, and the money reaching "
	  "each goal", money_opts, run_money, NULL },
	{ "accountability", "Accountability",
	  "committees' reporting lines, who answers for what, and what no one does",
	  accountability_opts, run_accountability, NULL },
	{ "timetable", "Timetable",
	  "milestones with fuzzy dates: overdue, out of order; a Gantt chart and a calendar",
	  timetable_opts, run_timetable, "svg ics" },
	{ "pack", "Committee paper",
	  "a committee's paper: everything it oversees that is off track, then what is on track, "
	  "laid out as the body's papers are; or a meeting's papers", pack_opts, run_pack, NULL },
	{ "themes", "Consultation themes",
	  "consultation issues by theme and source over time, and the aims themes bear on",
	  themes_opts, run_themes, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

/* ---- finding ------------------------------------------------------------ */

const struct report *
report_find(const char *name)
{
	for (const struct report *r = reports; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

static size_t
nopts(const struct report *r)
{
	size_t n = 0;

	while (r->opts != NULL && r->opts[n].name != NULL)
		n++;
	assert(n <= ROPT_MAX);
	return n;
}

const struct ropt *
report_opt(const struct report *r, const char *name)
{
	for (size_t i = 0; i < nopts(r); i++)
		if (strcmp(r->opts[i].name, name) == 0)
			return &r->opts[i];
	return NULL;
}

bool
report_own_format(const struct report *r, const char *format)
{
	size_t len = strlen(format);
	const char *p = r->formats;

	while (p != NULL && *p != '\0' && len > 0) {
		size_t n = strcspn(p, " ");

		if (n == len && strncmp(p, format, len) == 0)
			return true;
		p += n;
		p += strspn(p, " ");
	}
	return false;
}

size_t
report_formats(const struct report *r, char names[][16], size_t max)
{
	size_t n = 0;

	enum rformat all[16];
	size_t nall = rformat_list(all, WM_ARRAY_LEN(all));

	for (size_t i = 0; i < nall && n < max; i++)
		snprintf(names[n++], 16, "%s", rformat_name(all[i]));
	for (const char *p = r->formats; p != NULL && *p != '\0' && n < max; p += strspn(p, " ")) {
		size_t len = strcspn(p, " ");

		snprintf(names[n++], 16, "%.*s", (int)len, p);
		p += len;
	}
	return n;
}

/* ---- checking ----------------------------------------------------------- */

static struct ropt_error *
add_error(struct ropt_errors *errs, const char *name, const struct ropt *opt, const char *fmt,
    ...) WM_PRINTF(4, 5);

static struct ropt_error *
add_error(struct ropt_errors *errs, const char *name, const struct ropt *opt, const char *fmt,
    ...)
{
	struct ropt_error *e;
	va_list ap;

	if (errs->n == WM_ARRAY_LEN(errs->e))
		return NULL;
	e = &errs->e[errs->n++];
	e->name = name;
	e->opt = opt;
	e->hint = NULL;
	e->code = WM_EUSAGE;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return e;
}

static bool
is_yes(const char *s)
{
	static const char *const yes[] = { "", "yes", "true", "on", "1", "y" };

	for (size_t i = 0; i < WM_ARRAY_LEN(yes); i++)
		if (strcasecmp(s, yes[i]) == 0)
			return true;
	return false;
}

static bool
is_no(const char *s)
{
	static const char *const no[] = { "no", "false", "off", "0", "n" };

	for (size_t i = 0; i < WM_ARRAY_LEN(no); i++)
		if (strcasecmp(s, no[i]) == 0)
			return true;
	return false;
}

/* "quarter, fyear or year" */
static void
choice_list(const char *const *choices, char *out, size_t len)
{
	size_t n = 0, used = 0;

	while (choices[n] != NULL)
		n++;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(out + used, len - used, "%s%s",
		    i == 0 ? "" : i + 1 == n ? " or " : ", ", choices[i]);
}

/*
 * Check one value against its option into v. The text is copied into
 * store, so the pairs need not outlive the options.
 */
static int
check_value(struct wm_ctx *ctx, const struct ropt *opt, const char *value, struct rval *v,
    char *store, size_t storelen, struct ropt_errors *errs)
{
	struct period p;
	int64_t n;
	int year;

	snprintf(store, storelen, "%s", value != NULL ? value : "");
	v->text = store;
	if (strlen(value != NULL ? value : "") >= storelen) {
		add_error(errs, opt->name, opt, "is too long (at most %zu characters)", storelen - 1);
		return -1;
	}
	switch (opt->type) {
	case RO_PERIOD:
		if (period_parse(store, &p) != 0) {
			add_error(errs, opt->name, opt, "\"%s\" is not a period: write a month (2005-03), "
			    "a quarter (2005-Q1), a financial year (2004/05) or a year (2005)", store);
			return -1;
		}
		break;
	case RO_FYEAR:
		if (fyear_parse(store, &year) != 0) {
			add_error(errs, opt->name, opt, "\"%s\" is not a financial year: write it as "
			    "2004/05", store);
			return -1;
		}
		break;
	case RO_WHEN:
		if (period_parse(store, &p) != 0 && date_parse_iso(store, &year) != 0) {
			add_error(errs, opt->name, opt, "\"%s\" is neither a date (2003-01-31) nor a "
			    "period (2003-01, 2003-Q1, 2002/03, 2003)", store);
			return -1;
		}
		break;
	case RO_DATE:
		if (strcmp(store, "today") == 0) {
			v->day = date_from_time(ctx != NULL ? ctx->now : time(NULL));
		} else if (date_parse_iso(store, &v->day) != 0) {
			add_error(errs, opt->name, opt, "\"%s\" is not a date: write it as 2003-01-31",
			    store);
			return -1;
		}
		break;
	case RO_NUMBER:
		if (str_to_double(store, &v->num) != 0 || !isfinite(v->num) || v->num < opt->min ||
		    v->num > opt->max) {
			add_error(errs, opt->name, opt, "\"%s\" is not a number from %g to %g", store,
			    opt->min, opt->max);
			return -1;
		}
		break;
	case RO_COUNT:
		if (str_to_int64(store, &n) != 0 || (double)n < opt->min || (double)n > opt->max) {
			add_error(errs, opt->name, opt, "\"%s\" is not a whole number from %g to %g",
			    store, opt->min, opt->max);
			return -1;
		}
		v->num = (double)n;
		break;
	case RO_CHOICE: {
		size_t i = 0;

		while (opt->choices[i] != NULL && strcmp(opt->choices[i], store) != 0)
			i++;
		if (opt->choices[i] == NULL) {
			char list[200];

			choice_list(opt->choices, list, sizeof(list));
			add_error(errs, opt->name, opt, "\"%s\" is not one of %s", store, list);
			return -1;
		}
		break;
	}
	case RO_FLAG:
		if (is_yes(store)) {
			v->on = true;
		} else if (is_no(store)) {
			v->on = false;
		} else {
			add_error(errs, opt->name, opt, "\"%s\" is neither yes nor no", store);
			return -1;
		}
		break;
	case RO_REF:
		if (ctx != NULL && ctx->st != NULL) {
			struct wm_err e = WM_ERR_INIT;
			int64_t id;

			if (ent_resolve(ctx, kind_find(opt->kind), store, &id, &e) != 0) {
				struct ropt_error *re = add_error(errs, opt->name, opt, "%s", e.msg);

				if (re != NULL)
					re->code = e.code;
				return -1;
			}
		}
		break;
	case RO_TEXT:
		break;
	}
	return 0;
}

static int
errors_code(const struct ropt_errors *errs)
{
	int code = errs->n > 0 ? WM_ENOTFOUND : 0;

	for (size_t i = 0; i < errs->n; i++)
		if (errs->e[i].code != WM_ENOTFOUND)
			code = WM_EUSAGE;
	return code;
}

int
report_parse(struct wm_ctx *ctx, const struct report *r, const struct rpair *pairs,
    size_t npairs, struct ropts *o, struct ropt_errors *errs)
{
	size_t n = nopts(r);
	const char *names[ROPT_MAX];

	memset(o, 0, sizeof(*o));
	errs->n = 0;
	o->r = r;
	for (size_t i = 0; i < n; i++)
		names[i] = r->opts[i].name;
	for (size_t k = 0; k < npairs; k++) {
		const struct ropt *opt = report_opt(r, pairs[k].name);
		size_t i;

		if (opt == NULL) {
			struct ropt_error *e = add_error(errs, pairs[k].name, NULL,
			    n == 0 ? "this report takes no options" : "this report has no such option");

			if (e == NULL)
				continue;
			/* the pairs need not outlive the errors */
			snprintf(e->given, sizeof(e->given), "%s", pairs[k].name);
			e->name = e->given;
			if (n > 0)
				e->hint = str_suggest(pairs[k].name, names, n);
			continue;
		}
		i = (size_t)(opt - r->opts);
		if (o->v[i].given) {
			add_error(errs, opt->name, opt, "is given twice: give it once");
			continue;
		}
		o->v[i].given = true;
		check_value(ctx, opt, pairs[k].value, &o->v[i], o->buf[i], sizeof(o->buf[i]), errs);
	}
	for (size_t i = 0; i < n; i++) {
		const struct ropt *opt = &r->opts[i];

		if (o->v[i].given) {
			const struct ropt *other = opt->not_with ? report_opt(r, opt->not_with) : NULL;

			if (other != NULL && o->v[other - r->opts].given)
				add_error(errs, opt->name, opt, "cannot be given with a %c%s as well: "
				    "choose one", tolower((unsigned char)other->label[0]), other->label + 1);
			continue;
		}
		if (opt->flags & RO_REQUIRED) {
			add_error(errs, opt->name, opt, "missing: give the %c%s (%c%s)",
			    tolower((unsigned char)opt->label[0]), opt->label + 1,
			    tolower((unsigned char)opt->help[0]), opt->help + 1);
			continue;
		}
		if (opt->dflt != NULL)
			check_value(ctx, opt, opt->dflt, &o->v[i], o->buf[i], sizeof(o->buf[i]), errs);
		else if (opt->type == RO_FLAG)
			o->v[i].on = false;
	}
	return errors_code(errs);
}

void
ropt_spell(const char *name, enum ropt_style style, char *out, size_t len)
{
	size_t k = 0;

	if (style == ROPT_CLI && len > 2) {
		out[k++] = '-';
		out[k++] = '-';
	}
	for (; *name != '\0' && k + 1 < len; name++)
		out[k++] = style == ROPT_CLI && *name == '_' ? '-' : *name;
	out[k] = '\0';
}

int
report_errors_join(const struct ropt_errors *errs, enum ropt_style style, struct wm_err *err)
{
	char msg[sizeof(err->msg)] = "";
	size_t used = 0;

	for (size_t i = 0; i < errs->n && used < sizeof(msg); i++) {
		const struct ropt_error *e = &errs->e[i];
		char name[80], hint[80];

		ropt_spell(e->name, style, name, sizeof(name));
		used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s%s: %s", i ? "; " : "",
		    name, e->msg);
		if (e->hint != NULL && used < sizeof(msg)) {
			ropt_spell(e->hint, style, hint, sizeof(hint));
			used += (size_t)snprintf(msg + used, sizeof(msg) - used, " (did you mean %s?)",
			    hint);
		}
	}
	return wm_error(err, errors_code(errs), "%s", msg);
}

int
report_run(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err)
{
	*out = NULL;
	return o->r->run(ctx, o, out, err);
}

/* ---- reading values ----------------------------------------------------- */

const struct rval *
ropts_get(const struct ropts *o, const char *name)
{
	const struct ropt *opt = report_opt(o->r, name);

	assert(opt != NULL);
	return &o->v[opt - o->r->opts];
}

const char *
ropts_text(const struct ropts *o, const char *name)
{
	const struct rval *v = ropts_get(o, name);

	return v->text != NULL && *v->text != '\0' ? v->text : NULL;
}

double
ropts_num(const struct ropts *o, const char *name)
{
	return ropts_get(o, name)->num;
}

int
ropts_day(const struct ropts *o, const char *name)
{
	const struct rval *v = ropts_get(o, name);

	return v->text != NULL ? v->day : DATE_NONE;
}

bool
ropts_on(const struct ropts *o, const char *name)
{
	return ropts_get(o, name)->on;
}

/* ---- describing --------------------------------------------------------- */

const char *
ropt_type_name(enum ropt_type t)
{
	switch (t) {
	case RO_PERIOD: return "period";
	case RO_FYEAR: return "financial year";
	case RO_WHEN: return "date or period";
	case RO_DATE: return "date";
	case RO_NUMBER: return "number";
	case RO_COUNT: return "whole number";
	case RO_CHOICE: return "choice";
	case RO_FLAG: return "yes/no";
	case RO_REF: return "reference";
	case RO_TEXT: return "text";
	}
	return "text";
}

void
ropt_usage(const struct ropt *opt, char *out, size_t len)
{
	char name[80], meta[200];
	bool req = opt->flags & RO_REQUIRED;

	ropt_spell(opt->name, ROPT_CLI, name, sizeof(name));
	switch (opt->type) {
	case RO_PERIOD: snprintf(meta, sizeof(meta), "PERIOD"); break;
	case RO_FYEAR: snprintf(meta, sizeof(meta), "2004/05"); break;
	case RO_WHEN: snprintf(meta, sizeof(meta), "D"); break;
	case RO_DATE: snprintf(meta, sizeof(meta), "DATE"); break;
	case RO_NUMBER:
	case RO_COUNT: snprintf(meta, sizeof(meta), "%s", opt->dflt ? opt->dflt : "N"); break;
	case RO_CHOICE: {
		size_t used = 0;

		meta[0] = '\0';
		for (size_t i = 0; opt->choices[i] != NULL && used < sizeof(meta); i++)
			used += (size_t)snprintf(meta + used, sizeof(meta) - used, "%s%s", i ? "|" : "",
			    opt->choices[i]);
		break;
	}
	case RO_REF: {
		const struct kind *k = kind_find(opt->kind);
		size_t i;

		snprintf(meta, sizeof(meta), "%s", k != NULL ? k->one : opt->kind);
		for (i = 0; meta[i] != '\0'; i++)
			meta[i] = meta[i] == ' ' ? '_' : (char)toupper((unsigned char)meta[i]);
		if (strcmp(opt->kind, "pis") == 0)
			snprintf(meta, sizeof(meta), "CODE");
		break;
	}
	case RO_FLAG:
		snprintf(out, len, req ? "%s" : "[%s]", name);
		return;
	case RO_TEXT: snprintf(meta, sizeof(meta), "TEXT"); break;
	}
	snprintf(out, len, req ? "%s %s" : "[%s %s]", name, meta);
}

void
report_usage(const struct report *r, char *out, size_t len)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < nopts(r) && used < len; i++) {
		char one[300];

		ropt_usage(&r->opts[i], one, sizeof(one));
		used += (size_t)snprintf(out + used, len - used, "%s%s", i ? " " : "", one);
	}
}
