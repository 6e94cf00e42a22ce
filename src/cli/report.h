/*
 * report.h: how a report plugs into `waymark report`.
 *
 * A report reads its own options from a->fields (any --name value given
 * after the report's name, other than --format and --output), builds an
 * rdoc and hands it back; cmd_report.c writes it in the chosen format:
 * one of rdoc's, or one the report declares in `formats` and renders
 * itself. report_options() rejects an option the report does not know.
 */
#ifndef WM_CLI_REPORT_H
#define WM_CLI_REPORT_H

#include "cli/args.h"
#include "cli/cli.h"
#include "report/rdoc.h"

struct report {
	const char *name;
	int (*run)(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err);
	const char *options;	/* "[--as-of PERIOD] [--unit U]", for the help; NULL if none */
	const char *summary;
	/*
	 * Formats the report writes itself besides the shared ones, space
	 * separated ("svg ics"): its rdoc carries a rendition of each
	 * (rdoc_add_rendition). NULL if none.
	 */
	const char *formats;
};

/* Every report, ending with one whose name is NULL (cmd_report.c). */
extern const struct report reports[];

/* The report called name, or NULL. */
const struct report *report_find(const char *name);

void report_help(FILE *out);

/* The performance reports' option handling (report_perf.c). */
int report_performance_cmd(struct cli *c, const struct args *a, struct rdoc **out,
    struct wm_err *err);
int report_exceptions_cmd(struct cli *c, const struct args *a, struct rdoc **out,
    struct wm_err *err);
int report_consistency_cmd(struct cli *c, const struct args *a, struct rdoc **out,
    struct wm_err *err);
int report_trend_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err);

/*
 * Check the report's own options: every --name in a->fields must be in
 * allowed (NULL-terminated; NULL for a report with none).
 */
int report_options(const struct args *a, const char *const *allowed, struct wm_err *err);

#endif
