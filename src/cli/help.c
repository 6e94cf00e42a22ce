/*
 * help.c: the command table and the help it prints.
 *
 * `waymark help` lists the commands; `waymark help COMMAND` (or COMMAND
 * --help) explains one; `waymark help add KIND` lists a kind's fields as
 * kinds.c describes them, so the help cannot disagree with the code.
 */
#include "base/wm.h"

#include "cli/cli.h"
#include "cli/report.h"
#include "model/kind.h"
#include "store/migrate.h"

const struct command commands[] = {
	{ "init", cmd_init, CMD_DB_CREATE, "create the database, or upgrade it to this version",
	  "waymark [--db PATH|URL] init",
	  "Creates the database if there is none, or applies the migrations it lacks.\n"
	  "Running it on an up-to-date database changes nothing. A database made by a\n"
	  "newer waymark is refused rather than misread. A PostgreSQL database must\n"
	  "exist first (createdb -E UTF8 --locale=C -T template0 NAME); init makes\n"
	  "Waymark's tables in it.\n" },
	{ "sample", cmd_sample, CMD_DB, "load the bundled sample (the MPA/MPS, 2002-2005)",
	  "waymark sample [--json]",
	  "Loads the bundled sample: the Metropolitan Police Authority's planning system\n"
	  "of 2002-2005 as its public papers describe it, with illustrative borough\n"
	  "figures, projects and budgets (see data/sample/README.md). Running it again\n"
	  "changes nothing.\n" },
	{ "list", cmd_list, CMD_DB, "list records of a kind, filtered",
	  "waymark list KIND [--FIELD VALUE]... [--from P] [--to P] [--limit N] [--offset N] [--json|--csv]",
	  "Lists the records of a kind as a table, or as JSON or CSV with every field.\n"
	  "Any field is a filter: --unit Camden, --status open, --parent '' (no parent).\n"
	  "--from and --to limit a kind with a period or date to those within them;\n"
	  "they take a date (2003-04-30) or a period (2003-04, 2003-Q2, 2003/04, 2003).\n" },
	{ "show", cmd_show, CMD_DB, "show one record",
	  "waymark show KIND KEY [--json]",
	  "Shows every field of one record. A key is the record's key fields joined\n"
	  "by '/': Camden, TTSC/G1, DA2002/R3 (or DA2002 R3). Where only one record\n"
	  "could be meant, the short form will do: G1 for TTSC/G1.\n" },
	{ "add", cmd_add, CMD_DB, "add a record",
	  "waymark add KIND --FIELD VALUE... [--json]",
	  "Adds a record. `waymark help add KIND` lists the kind's fields; a field\n"
	  "that holds several references is given once for each (--leads A --leads B).\n" },
	{ "set", cmd_set, CMD_DB, "change fields of a record",
	  "waymark set KIND KEY --FIELD VALUE... [--if-version N] [--json]",
	  "Changes the given fields of a record. An empty value clears a field.\n"
	  "With --if-version, the change is made only if nobody has changed the record\n"
	  "since that version (shown by show --json).\n" },
	{ "remove", cmd_remove, CMD_DB, "remove a record",
	  "waymark remove KIND KEY [--if-version N]",
	  "Removes a record, and what belongs to it (a plan's nodes, a recommendation's\n"
	  "progress). A record that others still refer to is not removed.\n" },
	{ "update", cmd_update, CMD_DB, "add a dated progress update to a recommendation",
	  "waymark update recommendation SOURCE REF --progress TEXT [--degree D] [--percent N]"
	  " [--date YYYY-MM-DD] [--author NAME] [--json]",
	  "Adds a progress update (dated today unless --date says otherwise). The degree\n"
	  "met is one of the source's grades (not met, partially, moderately,\n"
	  "significantly, completely by default); the latest update's grade and\n"
	  "percentage become the recommendation's, and a grade that closes it closes it.\n" },
	{ "import", cmd_import, CMD_DB, "read files into the database",
	  "waymark import [--dry-run] [--json] [--source NAME] [--date YYYY-MM-DD] FILE...",
	  "Reads each file, whatever it is, by looking at its content:\n"
	  "  - a Waymark JSON export restores into a new database; a Waymark data file\n"
	  "    (like the sample) is merged;\n"
	  "  - a planning paper saved as text: recommendation action plans, progress\n"
	  "    summaries, key-action tables under priorities, timetables, and lists of\n"
	  "    goals or priorities. The source report and the document's date come from\n"
	  "    the document unless --source and --date name them. Lead officers are\n"
	  "    matched to the posts already known (by name, case or alias).\n"
	  "Each file is one transaction: all of it or none; importing the same file again\n"
	  "changes nothing, and a later progress summary adds dated updates. Every line\n"
	  "that did not become part of a record is reported with its number and why.\n"
	  "With --dry-run nothing is written; --json prints the report as JSON.\n" },
	{ "export", cmd_export, CMD_DB, "write the whole database as one JSON file",
	  "waymark export [--json] FILE",
	  "Writes every record and the audit log as one JSON file (docs/json.md);\n"
	  "FILE - writes to standard output. Importing it into a new database gives\n"
	  "the same database back.\n" },
	{ "copy", cmd_copy, 0, "copy a whole database into a new one, on either engine",
	  "waymark copy [--from DB] --to DB [--json]",
	  "Copies every record and the audit log from one database (--from, else --db)\n"
	  "into another that has no history yet, in one transaction: from SQLite to\n"
	  "PostgreSQL when a body outgrows one machine, or back. A database is a file\n"
	  "(PATH or sqlite:PATH, created if missing) or postgresql://USER@HOST/NAME\n"
	  "(the database must exist: createdb NAME). Either is initialised as needed.\n"
	  "The source is read as it was at one moment, so it may be in use. Exporting\n"
	  "both afterwards gives the same file.\n" },
	{ "report", cmd_report, CMD_DB, "write a report: to read, print or take to committee",
	  "waymark report NAME [OPTIONS] [--format text|md|html|csv|json] [--output FILE]",
	  "Writes a report as plain text (the default), Markdown, a printable HTML\n"
	  "paper, CSV (its tables) or JSON, to standard output or --output FILE.\n" },
	{ "audit", cmd_audit, CMD_DB, "show the audit log: who changed what, when",
	  "waymark audit [--kind KIND] [--ref KEY] [--actor NAME] [--since DATE] [--limit N] [--json]",
	  "Lists changes, newest first (50 unless --limit says otherwise). --json shows\n"
	  "each record before and after the change.\n" },
	{ "verify", cmd_verify, CMD_DB, "check that the audit log has not been altered",
	  "waymark verify",
	  "Each audit entry carries a hash of the one before; this checks the chain\n"
	  "from the first entry to the last and names the first entry that breaks it.\n" },
	{ "help", cmd_help, 0, "explain a command", "waymark help [COMMAND [KIND] | kinds]",
	  "Explains a command; `waymark help add KIND` lists a kind's fields;\n"
	  "`waymark help kinds` prints every kind and field as Markdown (docs/kinds.md).\n" },
	{ "version", cmd_version, 0, "print the version", "waymark version", "" },
	{ NULL, NULL, 0, NULL, NULL, NULL }
};

const struct command *
command_find(const char *name)
{
	for (const struct command *c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

void
help_overview(FILE *out)
{
	fprintf(out,
	    "usage: waymark [--db PATH|URL] COMMAND [ARGS]\n\n"
	    "Waymark keeps a public body's plans, targets, performance figures, audit\n"
	    "recommendations, projects and budgets in one database.\n\n"
	    "commands:\n");
	for (const struct command *c = commands; c->name != NULL; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out,
	    "\nThe database is --db PATH (or sqlite:PATH, or postgresql://USER@HOST/NAME),\n"
	    "else $WAYMARK_DB, else ./waymark.db.\n"
	    "`waymark help COMMAND` explains a command. Exit status: 0 done, 1 bad input\n"
	    "or data, 2 bad usage.\n");
}

static void
help_kinds(FILE *out)
{
	fprintf(out, "\nkinds of record:\n");
	for (const struct kind *k = kinds; k->name != NULL; k++)
		fprintf(out, "  %-16s %s\n", k->name, k->help);
}

static void
help_fields(FILE *out, const struct kind *k)
{
	bool first_key = true;

	fprintf(out, "\n%s: %s\n\nkey: ", k->name, k->help);
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->flags & FF_KEY) {
			fprintf(out, "%s%s", first_key ? "" : "/", f->name);
			first_key = false;
		}
	fprintf(out, "\n\nfields:\n");
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (kind_field(k, f->name) != f || (f->flags & FF_SECRET))
			continue;
		fprintf(out, "  --%-16s %s", f->name, f->help);
		if (f->type == FT_REF || f->type == FT_LINKS)
			fprintf(out, " (%s %s)", f->type == FT_LINKS ? "keys of" : "key of", f->target);
		else if (f->type == FT_ENUM) {
			fprintf(out, " (");
			for (size_t i = 0; f->values[i] != NULL; i++)
				fprintf(out, "%s%s", i ? ", " : "", f->values[i]);
			fprintf(out, ")");
		} else if (f->type != FT_TEXT) {
			fprintf(out, " (%s)", ftype_name(f->type));
		}
		if (f->flags & FF_REQ)
			fprintf(out, " [required]");
		if (f->flags & FF_DERIVED)
			fprintf(out, " [worked out by Waymark]");
		fputc('\n', out);
	}
}

void
help_command(FILE *out, const struct command *cmd, const char *kind)
{
	const struct kind *k = kind != NULL ? kind_find(kind) : NULL;

	fprintf(out, "usage: %s\n\n%s", cmd->usage, cmd->help);
	if (cmd->run == cmd_report)
		report_help(out);
	if (k != NULL)
		help_fields(out, k);
	else if (cmd->run == cmd_list || cmd->run == cmd_show || cmd->run == cmd_add ||
	    cmd->run == cmd_set || cmd->run == cmd_remove)
		help_kinds(out);
}

/* Every kind and its fields, as Markdown: docs/kinds.md is this output. */
static void
help_reference(FILE *out)
{
	fprintf(out, "# Kinds of record\n\n"
	    "Generated by `waymark help kinds`; do not edit. Each kind is listed with\n"
	    "its key and its fields, which are its JSON members and its --options.\n"
	    "Kinds are in dependency order, the order of an export.\n");
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		bool first_key = true;

		fprintf(out, "\n## %s\n\n%s.", k->name, k->help);
		if (k->flags & KF_VIEW)
			fprintf(out, " A view of %s where kind is %s.", kind_base(k)->name, k->fixed_val);
		if (k->flags & KF_READONLY)
			fprintf(out, " Recorded by Waymark; read only.");
		fprintf(out, " One is a *%s*. Key: `", k->one);
		for (const struct field *f = k->fields; f->name != NULL; f++)
			if (f->flags & FF_KEY) {
				fprintf(out, "%s%s", first_key ? "" : "/", f->name);
				first_key = false;
			}
		fprintf(out, "`.\n\n| field | type | meaning |\n|---|---|---|\n");
		for (const struct field *f = k->fields; f->name != NULL; f++) {
			if (kind_field(k, f->name) != f || (f->flags & FF_SECRET))
				continue;
			fprintf(out, "| `%s` | %s", f->name, ftype_name(f->type));
			if (f->type == FT_REF || f->type == FT_LINKS)
				fprintf(out, " (%s)", f->target);
			else if (f->type == FT_ENUM) {
				fprintf(out, ":");
				for (size_t i = 0; f->values[i] != NULL; i++)
					fprintf(out, "%s %s", i ? "," : "", f->values[i]);
			}
			fprintf(out, " | %s%s%s%s |\n", f->help, f->flags & FF_KEY ? "; key" : "",
			    f->flags & FF_REQ ? "; required" : "",
			    f->flags & FF_DERIVED ? "; worked out by Waymark" : "");
		}
	}
}

int
cmd_help(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	const struct command *cmd;

	if (argc == 0) {
		help_overview(c->out);
		return 0;
	}
	if (strcmp(argv[0], "kinds") == 0) {
		help_reference(c->out);
		return 0;
	}
	if ((cmd = command_find(argv[0])) == NULL)
		return wm_error(err, WM_EUSAGE, "no command called \"%s\" (`waymark help` lists them)",
		    argv[0]);
	if (argc > 1 && kind_find(argv[1]) == NULL)
		return wm_error(err, WM_EUSAGE, "no kind of record called \"%s\"", argv[1]);
	help_command(c->out, cmd, argc > 1 ? argv[1] : NULL);
	return 0;
}

int
cmd_version(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	(void)argc;
	(void)argv;
	(void)err;
	fprintf(c->out, "waymark %s (schema %d)\n", WAYMARK_VERSION, migrate_latest());
	return 0;
}
