/*
 * reports.h: every report, described once as data.
 *
 * Each report has a name, a one-line summary, its typed options (with a
 * default, a label and a hint in plain words) and a run function that
 * builds an rdoc. Every front end derives from this table and nothing
 * else: `waymark report NAME --stale-days 30` (the command line spells an
 * option with dashes), GET /api/v1/reports/NAME?stale_days=30 (the API
 * with its snake_case name), the web's report forms (a field per option,
 * its label and hint, a select of records for a reference) and the
 * OpenAPI description.
 *
 * A front end gathers name=value pairs, hands them to report_parse(),
 * which checks each against its option and gives typed values, or one
 * error per option in plain words that name no syntax (the front end
 * names the option its own way: report_errors_join()), and then calls
 * report_run().
 */
#ifndef WM_REPORTS_H
#define WM_REPORTS_H

#include "base/wm.h"

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

enum ropt_type {
	RO_PERIOD,	/* "2005-03", "2005-Q1", "2004/05" or "2005" */
	RO_FYEAR,	/* a financial year: "2004/05" */
	RO_WHEN,	/* a date or a period */
	RO_DATE,	/* "2005-03-31"; a default of "today" is the context's clock */
	RO_NUMBER,	/* a number from min to max */
	RO_COUNT,	/* a whole number from min to max */
	RO_CHOICE,	/* one of choices */
	RO_FLAG,	/* on or off: "--name" alone on the command line, name=yes in a query */
	RO_REF,		/* the key of a record of kind ("units", "committees") */
	RO_TEXT		/* words, as given */
};

#define RO_REQUIRED 0x1

struct ropt {
	const char *name;	/* snake_case: the query parameter; --kebab-case on the command line */
	enum ropt_type type;
	const char *label;	/* a form's label: "Stale after (days)" */
	const char *help;	/* one sentence a person can act on */
	const char *dflt;	/* the value when not given, as text; NULL: none */
	const char *kind;	/* RO_REF: the kind whose key it names */
	double min, max;	/* RO_NUMBER, RO_COUNT */
	const char *const *choices;	/* RO_CHOICE: NULL-terminated values */
	unsigned flags;		/* RO_REQUIRED */
	const char *not_with;	/* another option it cannot be given with, or NULL */
};

#define ROPT_MAX 12

/* An option's value once checked. */
struct rval {
	bool given;		/* given, rather than its default */
	const char *text;	/* as given, or the default; NULL when neither */
	double num;		/* RO_NUMBER, RO_COUNT */
	int day;		/* RO_DATE: a date.h day */
	bool on;		/* RO_FLAG */
};

struct report;

/* A report's options, checked: one value per option of the report, in its order. */
struct ropts {
	const struct report *r;
	struct rval v[ROPT_MAX];
	char buf[ROPT_MAX][256];	/* the values' text lives here */
};

struct report {
	const char *name;
	const char *title;	/* "Recommendations to chase": a form's heading */
	const char *summary;	/* one line */
	const struct ropt *opts;	/* ends with a NULL name; NULL for none */
	int (*run)(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out,
	    struct wm_err *err);
	/*
	 * Formats the report writes itself besides rdoc's, space separated
	 * ("svg ics"): its rdoc carries a rendition of each
	 * (rdoc_add_rendition). NULL if none.
	 */
	const char *formats;
};

/* Every report, ending with one whose name is NULL. */
extern const struct report reports[];

/* The report called name, or NULL. */
const struct report *report_find(const char *name);
/* Its option called name (snake_case), or NULL. */
const struct ropt *report_opt(const struct report *r, const char *name);
/* Does the report write format itself ("svg" for the trend)? */
bool report_own_format(const struct report *r, const char *format);
/* Every format the report is written in, rdoc's then its own, into names; how many. */
#define REPORT_MAX_FORMATS 16
size_t report_formats(const struct report *r, char names[][16], size_t max);

/* A name=value pair, as a query string or a command line gives it. */
struct rpair {
	const char *name;	/* snake_case */
	const char *value;	/* NULL or "" for a flag given alone */
};

/* What is wrong with one option, in plain words that do not name it. */
struct ropt_error {
	const char *name;	/* the option (snake_case), or the unknown name given (in given) */
	const struct ropt *opt;	/* NULL: the report has no such option */
	const char *hint;	/* for an unknown name: the option it is most like, or NULL */
	int code;		/* WM_EUSAGE; WM_ENOTFOUND for a reference to no record */
	char msg[300];
	char given[64];
};

struct ropt_errors {
	size_t n;
	struct ropt_error e[ROPT_MAX + 4];
};

/*
 * Check pairs against r's options into o. Every problem is found, not
 * only the first: an unknown name, a name given twice, a value of the
 * wrong type or out of range, a required option missing, two that cannot
 * go together, and (when ctx is not NULL) a reference to no record, as
 * the record engine words it. Returns 0, or with errs filled WM_ENOTFOUND
 * when every problem is a reference to no record, else WM_EUSAGE.
 */
int report_parse(struct wm_ctx *ctx, const struct report *r, const struct rpair *pairs,
    size_t npairs, struct ropts *o, struct ropt_errors *errs);

/* How a front end names an option in its messages. */
enum ropt_style {
	ROPT_CLI,	/* --stale-days */
	ROPT_API	/* stale_days */
};

/* errs as one message in err ("--stale-days: ...; --unit: ..."), returning report_parse's code. */
int report_errors_join(const struct ropt_errors *errs, enum ropt_style style,
    struct wm_err *err);
/* The option's name as the style spells it, into out (64 bytes). */
void ropt_spell(const char *name, enum ropt_style style, char *out, size_t len);

/* Build the report's document. */
int report_run(struct wm_ctx *ctx, const struct ropts *o, struct rdoc **out, struct wm_err *err);

/* An option's value, by name; the text NULL when neither given nor defaulted. */
const struct rval *ropts_get(const struct ropts *o, const char *name);
const char *ropts_text(const struct ropts *o, const char *name);
double ropts_num(const struct ropts *o, const char *name);
int ropts_day(const struct ropts *o, const char *name);
bool ropts_on(const struct ropts *o, const char *name);

/*
 * How the option reads in a usage line: "[--as-of PERIOD]", "--pi PI",
 * "[--by quarter|fyear|year]", into out. The whole report's with
 * report_usage().
 */
void ropt_usage(const struct ropt *opt, char *out, size_t len);
void report_usage(const struct report *r, char *out, size_t len);
/* The type's name in the API's words ("period", "date", "number", "reference"...). */
const char *ropt_type_name(enum ropt_type t);

#endif
