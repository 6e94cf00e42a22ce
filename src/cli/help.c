/*
 * help.c: the command table and the help it prints.
 *
 * `waymark help` lists the commands; `waymark help COMMAND` (or COMMAND
 * --help) explains one; `waymark help add KIND` lists a kind's fields as
 * kinds.c describes them, so the help cannot disagree with the code.
 */
#include "base/wm.h"

#include "cli/cli.h"
#include "model/kind.h"
#include "model/setting.h"
#include "report/reports.h"
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
	{ "list", cmd_list, CMD_DB | CMD_READ, "list records of a kind, filtered",
	  "waymark list KIND [--FIELD VALUE]... [--from P] [--to P] [--limit N] [--offset N] [--json|--csv]",
	  "Lists the records of a kind as a table, or as JSON or CSV with every field.\n"
	  "Any field is a filter: --unit Camden, --status open, --parent '' (no parent).\n"
	  "--from and --to limit a kind with a period or date to those within them;\n"
	  "they take a date (2003-04-30) or a period (2003-04, 2003-Q2, 2003/04, 2003).\n" },
	{ "show", cmd_show, CMD_DB | CMD_READ, "show one record",
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
	  "waymark remove KIND KEY [--if-version N] [--cascade]",
	  "Removes a record. A record that others refer to (a source's recommendations,\n"
	  "a PI's figures, a post that leads things) is not removed: the answer says\n"
	  "which refer to it and how many. With --cascade they are dealt with first: a\n"
	  "record that needs it is removed too (and what needs that), an optional\n"
	  "reference to it is cleared, and it is taken out of lists of leads and links.\n"
	  "Every record removed or changed is in the audit log, whole.\n" },
	{ "update", cmd_update, CMD_DB, "add a dated progress update to anything tracked",
	  "waymark update recommendation SOURCE REF --progress TEXT [--degree D] [--percent N]"
	  " [--date YYYY-MM-DD] [--author NAME] [--json]\n"
	  "waymark update action|objective|node PLAN REF --progress TEXT [...]\n"
	  "waymark update milestone TIMETABLE REF --progress TEXT [...]",
	  "Adds a progress update (dated today unless --date says otherwise) to a\n"
	  "recommendation, a plan item (key action, objective, any node) or a milestone:\n"
	  "all are tracked alike. The degree met is one of the scale's grades (a\n"
	  "recommendation's source's, else the setting tracking.scale; not met,\n"
	  "partially, moderately, significantly, completely by default); the latest\n"
	  "update's grade and percentage become the item's, and a grade that closes it\n"
	  "closes it (done, for a plan item or milestone). Revised dates are revisions:\n"
	  "`waymark add revision --node PLAN/REF --changed-on D --new-due D`.\n" },
	{ "import", cmd_import, CMD_DB, "read files into the database",
	  "waymark import [--dry-run] [--partial] [--json] [--source NAME] [--date YYYY-MM-DD]\n"
	  "               [--as KIND] [--map \"HEADER=FIELD,...\"] FILE...\n"
	  "waymark import --model FILE...",
	  "Reads each file, whatever it is, by looking at its content:\n"
	  "  - a Waymark JSON export restores into a new database; a Waymark data file\n"
	  "    (like the sample) is merged;\n"
	  "  - a CSV file of performance figures or targets, one a row: a header naming\n"
	  "    pi, unit, period and value (or target), and optionally flag (actual,\n"
	  "    estimate, provisional, not_available), note, numerator and denominator\n"
	  "    (figures) or tolerance (targets). A header saying target or tolerance\n"
	  "    makes it targets; --as says so otherwise. Periods are written 2003-04 (a\n"
	  "    month), 2003-Q2, 2003/04 (a financial year) or 2003. The file is streamed,\n"
	  "    however large, with a progress bar on a terminal;\n"
	  "  - a CSV file of projects (a header with ref and title; also aims, as\n"
	  "    \"G1.A1=0.8; G1.A3\", and costs, as columns \"one_off 2004/05\" and\n"
	  "    \"recurring 2004/05\") or of consultation issues (ref, source, date, text;\n"
	  "    also themes). Columns are the kind's fields; empty cells change nothing;\n"
	  "  - a planning paper as a Word (.docx) or OpenDocument (.odt) document, an\n"
	  "    Excel (.xlsx) or OpenDocument (.ods) workbook, each sheet a table, or a\n"
	  "    web page (.html), read by its real structure (headings, numbered lists,\n"
	  "    merged cells, dates; docs/import.md), a PDF, laid out again from where\n"
	  "    its words sit (tables, columns, headings, page headers and footers set\n"
	  "    aside; not a scan, which holds no text), or saved as text in any of its\n"
	  "    layouts (tables with tabs, pipes, one cell a line, aligned columns or\n"
	  "    rows run together; lists; headings; timetables of dates):\n"
	  "    recommendation action plans and progress reports, key actions under\n"
	  "    priorities, lists of goals, priorities, aims, objectives and outcomes,\n"
	  "    timetables. Columns are known by their usual\n"
	  "    names (docs/import.md); a cell Waymark has no field for is kept on its\n"
	  "    record as an extra field. The source report and the document's date come\n"
	  "    from the document unless --source and --date name them. Lead officers\n"
	  "    are matched to the posts already known (by name, case or alias).\n"
	  "    --as recommendations|actions|priorities|goals|aims|objectives|outcomes|\n"
	  "    milestones reads every record as that kind; --map \"Who by?=lead,When?=\n"
	  "    timescale\" reads a column as the field named (ref, text, subject,\n"
	  "    priority, response, lead, timescale, status, progress, measure,\n"
	  "    evidence, source, date, or extra).\n"
	  "Each file is one transaction: all of it or none (with --partial, the rows of a\n"
	  "CSV file that can be read, each whole); importing the same file again\n"
	  "changes nothing, and a later progress summary adds dated updates. Every line\n"
	  "that did not become part of a record is reported with its number and why.\n"
	  "With --dry-run nothing is written: it shows each record it would create, in\n"
	  "the document's own words, and each line or cell it would not read and why;\n"
	  "--json prints the report as JSON.\n"
	  "--model prints what Waymark sees in a paper before it reads anything into\n"
	  "records: its headings, paragraphs, list items (with their markers and levels),\n"
	  "tables (with their cells and header rows) and the page furniture it sets aside,\n"
	  "one a line; nothing is imported.\n" },
	{ "export", cmd_export, CMD_DB | CMD_READ, "write the whole database as one JSON file",
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
	{ "report", cmd_report, CMD_DB | CMD_READ, "write a report: to read, print or take to committee",
	  "waymark report NAME [OPTIONS] [--format text|md|html|csv|json|xlsx|pdf|docx|odt|svg|ics]"
	  " [--output FILE]",
	  "Writes a report as plain text (the default), Markdown, a printable HTML\n"
	  "paper (A4, page numbers), CSV (its tables), JSON, an Excel workbook (a sheet\n"
	  "per table), a PDF (A4, fonts embedded), or a Word or OpenDocument file a\n"
	  "clerk can edit, to standard output or --output FILE; without --format the\n"
	  "file's extension chooses (--output paper.docx). Reports that draw a chart\n"
	  "also write it alone with --format svg, and the timetable writes an iCalendar\n"
	  "file with --format ics.\n" },
	{ "plan", cmd_plan, CMD_DB | CMD_READ, "choose what a budget funds: most benefit for the money",
	  "waymark plan funding --budget AMOUNT [--year Y] [--must PROJECT]... [--cover-every-aim]"
	  " [--free-commissioned] [--plan P] [--json|--format text|md|html|csv|json] [--output FILE]",
	  "Chooses the projects to fund that give the most benefit within the budget, and\n"
	  "says what is funded, what is dropped and why, and the benefit per pound.\n"
	  "Candidates are the proposed, commissioned and running projects with a cost:\n"
	  "their cost in financial year Y with --year (2004/05), else over their whole life.\n"
	  "Commissioned and running projects are funded first (the work is under way) and\n"
	  "the paper names them; --free-commissioned weighs them like the others.\n"
	  "  --budget AMOUNT     what there is to spend: 2000000, 2,000,000, 2m or 750k\n"
	  "  --must PROJECT      fund this project whatever (repeat it, or PJ01,PJ05)\n"
	  "  --cover-every-aim   cover each aim where the budget allows: the funded projects'\n"
	  "                      weights on it adding up to the setting\n"
	  "                      portfolio.cover_threshold (0.5), the portfolio's gap line;\n"
	  "                      the aims of --plan P, else of every plan\n"
	  "The choice is exact (a 0/1 knapsack; with --cover-every-aim, branch and bound)\n"
	  "unless the portfolio is too large to search, when the paper says how close to\n"
	  "the best it is. --json prints {\"budget\", \"candidates\", \"funded\",\n"
	  "\"dropped\": [{\"ref\", \"why\"}], \"total_cost\", \"total_benefit\", ...}.\n"
	  "The paper goes to standard output, or to --output FILE.\n" },
	{ "remind", cmd_remind, CMD_DB, "e-mail each person what they must update",
	  "waymark remind [--as-of DATE] [--dry-run] [--json] [--smtp URL] [--from ADDRESS]\n"
	  "               [--base-url URL]\n"
	  "       waymark remind --test ADDRESS [--smtp URL] [--from ADDRESS]",
	  "Sends each person one digest of what the posts they hold lead\n"
	  "(recommendations, key actions, objectives, milestones, and the figures due\n"
	  "of the indicators they own) that is overdue, due within remind.before_days\n"
	  "(7), or without an update for tracking.stale_days (90): exactly what\n"
	  "`waymark report mywork --user REF --days 7` lists for them, then the same\n"
	  "for the posts that report to theirs,\n"
	  "each item with the link that updates it. Run it once a day (docs/deploy.md:\n"
	  "cron or a systemd timer); --as-of DATE runs it as on another day.\n\n"
	  "The rules are settings: the first reminder remind.before_days before an item\n"
	  "is due, then on the day, then every remind.overdue_every_days (7) while it is\n"
	  "overdue; once it is remind.escalate_after_days (28) overdue, the digest is\n"
	  "copied to the holders of the post the lead's post reports to and to the\n"
	  "committee's clerk. A digest goes only when one of its items has reached a\n"
	  "reminder its address has not had, so a second run on one day sends nothing.\n"
	  "Every message is kept (waymark list reminders; the item's page shows them):\n"
	  "one the server refused or could not take is reported, kept as failed and\n"
	  "sent on the next run; the exit status is then 1. Someone with items and no\n"
	  "e-mail address is named on standard error.\n\n"
	  "--dry-run prints the digests instead of sending them, and keeps nothing;\n"
	  "--json prints them as {\"as_of\", \"digests\": [{\"person\", \"to\", \"cc\",\n"
	  "\"subject\", \"body\", \"items\", \"status\"}], \"sent\", \"failed\"}.\n\n"
	  "Mail goes through the SMTP server in the setting mail.smtp (or --smtp URL),\n"
	  "from mail.from (or --from), with links starting mail.base_url (or\n"
	  "--base-url). smtp://host:587 upgrades to TLS with STARTTLS when the server\n"
	  "offers it; smtps://host is TLS throughout. A user and password go in the URL\n"
	  "(smtp://user:password@host:587), or the user in mail.smtp_user and the\n"
	  "password in the environment variable WAYMARK_SMTP_PASSWORD. --test ADDRESS\n"
	  "sends one message to ADDRESS to check the settings; a refused recipient or\n"
	  "an unreachable server is said in the server's own words.\n" },
	{ "audit", cmd_audit, CMD_DB | CMD_READ, "show the audit log: who changed what, when",
	  "waymark audit [--kind KIND] [--ref KEY] [--actor NAME] [--since DATE] [--limit N] [--json]",
	  "Lists changes, newest first (50 unless --limit says otherwise). --json shows\n"
	  "each record before and after the change.\n" },
	{ "verify", cmd_verify, CMD_DB | CMD_READ, "check the audit log, and every record against it",
	  "waymark verify [--expect-head COUNT:HASH] [--against BACKUP]\n"
	  "       waymark verify --head",
	  "Checks the database's own structures (SQLite's integrity check), then the\n"
	  "audit log: each entry carries a hash of the one before, and this checks the\n"
	  "chain from the first entry to the last and names the first entry that breaks\n"
	  "it (altered, removed, reordered or forged). Then every record: each entry\n"
	  "also holds a digest of what the records it changed hold after it, and each\n"
	  "record (figures by their stored blocks) must hold what its last entry says.\n"
	  "Those that differ are named: changed, added or deleted behind Waymark's back\n"
	  "(in SQL, say). Exit status 1 if anything is wrong.\n\n"
	  "The hashes are not secret, so someone who can write the database and knows\n"
	  "how they are made could rewrite the history, or cut its end off, and make\n"
	  "it all agree. An anchor kept where they cannot write catches that: --head\n"
	  "prints COUNT:HASH, the number of entries and the last one's hash, to keep\n"
	  "elsewhere (a ticket, an email, a printout); --expect-head COUNT:HASH later\n"
	  "checks that the log still holds those entries unchanged. --against BACKUP\n"
	  "does the same with an older backup (waymark backup) as the anchor.\n"
	  "docs/RELIABILITY.md says what verify proves and what it cannot.\n" },
	{ "backup", cmd_backup, CMD_DB, "copy the database to a new file while others work",
	  "waymark backup FILE",
	  "Copies the whole database, as it stands at one moment, to FILE, while\n"
	  "others go on reading and writing it (SQLite's online backup). The copy is\n"
	  "one self-contained SQLite file, checked before it is given its name; FILE\n"
	  "must not exist. A PostgreSQL database is backed up with pg_dump instead.\n" },
	{ "restore", cmd_restore, CMD_DB_CREATE, "replace the database with a backup",
	  "waymark restore [--force] FILE",
	  "Replaces the whole database with the backup in FILE, in one step: anyone\n"
	  "reading it sees all of the old or all of the backup. The backup is checked\n"
	  "first: it must be an undamaged Waymark database, no newer than this waymark,\n"
	  "whose audit log is intact. A database that already holds a history is\n"
	  "replaced only with --force. A backup with an older schema is restored as it\n"
	  "is: run `waymark init` afterwards to upgrade it.\n" },
	{ "serve", cmd_serve, CMD_DB, "run the web application and its JSON API",
	  "waymark serve [--listen ADDRESS:PORT] [--public] [--threads N] [--trusted-proxy ADDRESS]\n"
	  "              [--max-body BYTES] [--timeout SECONDS] [--time-limit SECONDS]\n"
	  "              [--max-per-address N]",
	  "Serves the web pages and the JSON API (/api/v1, described at\n"
	  "/api/v1/openapi.json) on --listen (127.0.0.1:8080 unless given; port 0 picks\n"
	  "a free one, and the first line printed says which). People sign in with the\n"
	  "accounts `waymark user add` makes. With --public, anyone may read what is\n"
	  "marked published without signing in.\n\n"
	  "Each of --threads worker threads (one a processor, at least 2) has its own\n"
	  "database connection, so several servers may share one database. A request\n"
	  "body over --max-body bytes (1048576) is refused; a connection idle for\n"
	  "--timeout seconds (30), or that has not sent the whole head of a request\n"
	  "in that time, is closed. A request that takes longer than --time-limit\n"
	  "seconds (30; 0 for none) is stopped and answered 503, so that no request\n"
	  "holds a worker for long. One client address may hold --max-per-address\n"
	  "connections at once (64).\n"
	  "Behind a TLS proxy, give its address with --trusted-proxy: its\n"
	  "X-Forwarded-Proto and X-Forwarded-For are believed, and cookies are Secure.\n"
	  "SIGTERM or SIGINT stops the server once the requests under way are done.\n" },
	{ "user", cmd_user, CMD_DB, "add a user who signs in to the web application, or set a password",
	  "waymark user add NAME --role admin|planner|lead|member [--password P]\n"
	  "              [--display-name TEXT] [--person REF] [--json]\n"
	  "       waymark user passwd NAME [--password P]\n"
	  "       waymark user unlock NAME [--address ADDRESS] | --address ADDRESS",
	  "Adds an account, or sets its password. Without --password the password is\n"
	  "asked for (twice) at a terminal, or read as one line from standard input.\n"
	  "It needs at least 8 characters, and is kept only as an Argon2id hash.\n\n"
	  "Roles: admin manages users and may do everything; planner changes\n"
	  "everything else; lead updates what the posts their --person holds lead\n"
	  "(progress on recommendations, reports on projects, the status of plan items\n"
	  "and milestones); member reads everything and comments. Setting a password\n"
	  "ends the user's sessions.\n\n"
	  "Failed sign-ins make the next attempt wait, for the name from the address\n"
	  "they came from (after 3 failures, 1 second, then twice as long each time, at\n"
	  "most 15 minutes) and for the address over all names (after 20): never a lock\n"
	  "that keeps the owner out from elsewhere. `user unlock` lifts the waits on a\n"
	  "name (from one --address only, if given), or on an address.\n" },
	{ "help", cmd_help, 0, "explain a command", "waymark help [COMMAND [KIND|REPORT] | kinds]",
	  "Explains a command; `waymark help add KIND` lists a kind's fields,\n"
	  "`waymark help report NAME` a report's options;\n"
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

/* A key field as a key names it: a run of references (kind.h) as "a|b:B|c:C". */
static void
key_name(FILE *out, const struct field *f)
{
	fprintf(out, "%s", f->name);
	for (const struct field *g = f + 1; (f->flags & FF_ONE_OF) && g->name != NULL &&
	    (g->flags & FF_ONE_OF); g++)
		fprintf(out, "|%s:KEY", g->name);
}

static void
help_fields(FILE *out, const struct kind *k)
{
	bool first_key = true;

	fprintf(out, "\n%s: %s\n\nkey: ", k->name, k->help);
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->flags & FF_KEY) {
			fprintf(out, "%s", first_key ? "" : "/");
			key_name(out, f);
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
			char lim[64];

			field_limits_text(f, lim, sizeof(lim));
			fprintf(out, " (%s%s%s)", ftype_name(f->type), *lim ? ", " : "", lim);
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
	const struct kind *k = kind != NULL && cmd->run != cmd_report ? kind_find(kind) : NULL;

	fprintf(out, "usage: %s\n\n%s", cmd->usage, cmd->help);
	if (cmd->run == cmd_report)
		report_help(out, kind);
	if (k != NULL)
		help_fields(out, k);
	if (k != NULL && strcmp(k->name, "settings") == 0) {
		fprintf(out, "\nsettings Waymark reads (the default when not set):\n");
		for (const struct setting_def *d = setting_defs; d->key != NULL; d++)
			fprintf(out, "  %s\n      %s\n      default: %s\n", d->key, d->help, d->dflt);
	}
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
				fprintf(out, "%s", first_key ? "" : "/");
				key_name(out, f);
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
			} else {
				char lim[64];

				field_limits_text(f, lim, sizeof(lim));
				if (*lim)
					fprintf(out, ", %s", lim);
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
	if (argc > 1 && cmd->run == cmd_report && report_find(argv[1]) == NULL)
		return wm_error(err, WM_EUSAGE, "no report called \"%s\" (`waymark help report` "
		    "lists them)", argv[1]);
	if (argc > 1 && cmd->run != cmd_report && kind_find(argv[1]) == NULL)
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
