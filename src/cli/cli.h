/*
 * cli.h: what the command-line front end's files share.
 *
 * Each command is a function in its own cmd_*.c that parses its
 * arguments, calls the library and writes to c->out. Commands return 0 or
 * a WM_E* code with err filled in; only main.c prints errors and exits.
 */
#ifndef WM_CLI_H
#define WM_CLI_H

#include "base/wm.h"

#include "base/err.h"
#include "model/ctx.h"

struct store;

struct cli {
	const char *db;		/* --db, WAYMARK_DB, or ./waymark.db */
	struct store *st;	/* open when the command needs the database */
	struct wm_ctx ctx;
	FILE *out;
	FILE *in;
	bool out_tty;		/* stdout is a terminal: progress bars, colour-free tables */
	bool err_tty;
	bool clock_fixed;	/* WAYMARK_NOW fixed ctx.now: the server keeps to it too */
};

/* command flags */
#define CMD_DB 0x1		/* needs an initialised database */
#define CMD_DB_CREATE 0x2	/* opens the database, creating it if missing, unchecked */
/*
 * Only reads: the whole command sees one snapshot, as an API GET does (SQLite
 * takes its locks once, not for each statement; a paper's numbers agree).
 */
#define CMD_READ 0x4

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv, struct wm_err *err);
	unsigned flags;
	const char *summary;	/* one line for `waymark help` */
	const char *usage;	/* "waymark list KIND [--FIELD VALUE]... [--json|--csv]" */
	const char *help;	/* paragraphs for `waymark help COMMAND` */
};

extern const struct command commands[];

const struct command *command_find(const char *name);
void help_command(FILE *out, const struct command *cmd, const char *kind);
void help_overview(FILE *out);
/* The reports and their options (name NULL), or one report's in full. */
void report_help(FILE *out, const char *name);

int cmd_init(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_sample(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_list(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_show(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_add(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_set(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_remove(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_update(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_export(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_import(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_copy(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_report(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_remind(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_plan(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_audit(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_verify(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_serve(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_user(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_backup(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_restore(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_help(struct cli *c, int argc, char **argv, struct wm_err *err);
int cmd_version(struct cli *c, int argc, char **argv, struct wm_err *err);

#endif
