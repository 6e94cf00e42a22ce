/*
 * paper.c: a committee paper laid out as the seeds' papers are (001, 003),
 * from a template the body changes (the setting paper.template) and the
 * committee, meeting and paper records: its number, date and author, a
 * summary, the recommendations to the committee, the supporting
 * information (the pack, pack.c), the equality and financial
 * implications, background papers, a contact, and appendices that are
 * reports of Waymark's. `--meeting` lays out every paper of a meeting's
 * agenda, one after another on pages of their own.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/period.h"
#include "base/str.h"
#include "model/ent.h"
#include "model/setting.h"
#include "report/pack.h"
#include "report/reports.h"

#define TPL_SECTIONS 16

/* The parts a paper is made of, and the seeds' headings for them. */
static const struct {
	const char *part, *heading;
} parts[] = {
	{ "summary", "Summary" },
	{ "recommendations", "A. Recommendations" },
	{ "supporting", "B. Supporting information" },
	{ "equality", "C. Equality and diversity implications" },
	{ "financial", "D. Financial implications" },
	{ "background", "E. Background papers" },
	{ "contact", "F. Contact details" },
	{ "appendices", "Appendix" },
};

struct tpl {
	char body[200];
	struct buf logo;
	char number[120];
	struct {
		const char *part;
		char heading[160];
	} s[TPL_SECTIONS];
	size_t n;
};

static const char *
part_known(const char *part)
{
	for (size_t i = 0; part != NULL && i < WM_ARRAY_LEN(parts); i++)
		if (strcmp(parts[i].part, part) == 0)
			return parts[i].part;
	return NULL;
}

/* The template: the seeds' layout, changed by what the setting gives. */
static int
tpl_load(struct wm_ctx *ctx, struct tpl *t, struct wm_err *err)
{
	char *text = NULL;
	json_t *j = NULL, *secs;
	json_error_t je;
	int rc;

	memset(t, 0, sizeof(*t));
	buf_init(&t->logo, (size_t)4 << 20);
	snprintf(t->number, sizeof(t->number), "{ref}");
	for (size_t i = 0; i < WM_ARRAY_LEN(parts); i++) {
		t->s[t->n].part = parts[i].part;
		snprintf(t->s[t->n++].heading, sizeof(t->s[0].heading), "%s", parts[i].heading);
	}
	if ((rc = setting_text(ctx, "paper.template", &text, err)) != 0)
		return rc;
	if ((j = json_loads(text ? text : "{}", 0, &je)) == NULL || !json_is_object(j)) {
		rc = wm_error(err, WM_EINVAL, "setting paper.template: not a JSON object: %s", je.text);
		goto out;
	}
	if (json_is_string(json_object_get(j, "body")))
		snprintf(t->body, sizeof(t->body), "%s", json_string_value(json_object_get(j, "body")));
	if (json_is_string(json_object_get(j, "number")))
		snprintf(t->number, sizeof(t->number), "%s",
		    json_string_value(json_object_get(j, "number")));
	if (json_is_string(json_object_get(j, "logo")) &&
	    (buf_add_unbase64(&t->logo, json_string_value(json_object_get(j, "logo"))) != 0 ||
	    t->logo.len < 8 || memcmp(t->logo.s, "\x89PNG", 4) != 0)) {
		rc = wm_error(err, WM_EINVAL, "setting paper.template: \"logo\" is not a PNG in base64");
		goto out;
	}
	if ((secs = json_object_get(j, "sections")) != NULL) {
		size_t i;
		json_t *s;

		if (!json_is_array(secs) || json_array_size(secs) > TPL_SECTIONS) {
			rc = wm_error(err, WM_EINVAL, "setting paper.template: \"sections\" is a list "
			    "of at most %d {\"part\", \"heading\"}", TPL_SECTIONS);
			goto out;
		}
		t->n = 0;
		json_array_foreach(secs, i, s) {
			const char *part = part_known(json_string_value(json_object_get(s, "part")));
			const char *heading = json_string_value(json_object_get(s, "heading"));

			if (part == NULL) {
				rc = wm_error(err, WM_EINVAL, "setting paper.template: section %zu: \"part\" "
				    "is one of summary, recommendations, supporting, equality, financial, "
				    "background, contact, appendices", i + 1);
				goto out;
			}
			t->s[t->n].part = part;
			snprintf(t->s[t->n++].heading, sizeof(t->s[0].heading), "%s", heading ? heading :
			    "");
		}
	}
out:
	free(text);
	json_decref(j);
	return rc;
}

/* "9 October 2003" */
static void
long_date(int day, char *out, size_t len)
{
	static const char *const months[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };
	int y, m, d;

	if (day == DATE_NONE) {
		snprintf(out, len, "%s", "");
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, len, "%d %s %d", d, months[(m - 1) % 12], y);
}

/* The report number: the scheme with {ref}, {committee}, {year} and {date} filled in. */
static void
number(const struct tpl *t, const char *ref, const char *committee, int day, struct buf *out)
{
	char date[DATE_ISO_LEN] = "", year[8] = "";

	if (day != DATE_NONE) {
		date_format_iso(day, date);
		snprintf(year, sizeof(year), "%.4s", date);
	}
	for (const char *p = t->number; *p != '\0'; p++) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		size_t n = close ? (size_t)(close - p - 1) : 0;
		const char *val = NULL;

		if (close != NULL && n == 3 && strncmp(p + 1, "ref", 3) == 0)
			val = ref;
		else if (close != NULL && n == 9 && strncmp(p + 1, "committee", 9) == 0)
			val = committee;
		else if (close != NULL && n == 4 && strncmp(p + 1, "year", 4) == 0)
			val = year;
		else if (close != NULL && n == 4 && strncmp(p + 1, "date", 4) == 0)
			val = date;
		if (val != NULL) {
			buf_adds(out, val);
			p = close;
		} else {
			buf_addc(out, *p);
		}
	}
}

static const char *
str(const json_t *row, const char *field)
{
	const char *s = json_string_value(json_object_get(row, field));

	return s != NULL && *s != '\0' ? s : NULL;
}

/* Text of several lines as paragraphs, or list items; "None." when there is none. */
static void
lines(struct rdoc *d, const char *text, bool items, bool numbered)
{
	size_t n = 0;

	if (text == NULL) {
		rdoc_para(d, "None.");
		return;
	}
	if (items)
		rdoc_list(d);
	for (const char *p = text; *p != '\0'; ) {
		size_t len = strcspn(p, "\n");
		char *line = strndup(p, len);

		if (line != NULL && *str_trim(line) != '\0') {
			n++;
			if (numbered)
				rdoc_para(d, "%zu. %s", n, line);
			else if (items)
				rdoc_item(d, "%s", line);
			else
				rdoc_para(d, "%s", line);
		}
		free(line);
		p += len;
		p += *p == '\n';
	}
}

/* "progress source=DA2002": a report of the registry and its options, as a document. */
static int
appendix(struct wm_ctx *ctx, const char *line, struct rdoc **out, struct wm_err *err)
{
	struct rpair pairs[ROPT_MAX + 4];
	char *copy = wm_strdup(line), *save = NULL, *word;
	const struct report *r;
	struct ropt_errors errs;
	struct ropts o;
	size_t n = 0;
	int rc;

	word = strtok_r(copy, " \t", &save);
	if (word == NULL || (r = report_find(word)) == NULL || strcmp(word, "pack") == 0) {
		rc = wm_error(err, WM_EINVAL, "\"%s\" names no report to append (`waymark help "
		    "report` lists them)", word ? word : "");
		goto out;
	}
	while ((word = strtok_r(NULL, " \t", &save)) != NULL && n < WM_ARRAY_LEN(pairs)) {
		char *eq = strchr(word, '=');

		if (eq == NULL) {
			rc = wm_error(err, WM_EINVAL, "\"%s\": write an option as name=value", word);
			goto out;
		}
		*eq = '\0';
		pairs[n++] = (struct rpair){ word, eq + 1 };
	}
	if (report_parse(ctx, r, pairs, n, &o, &errs) != 0) {
		rc = report_errors_join(&errs, ROPT_API, err);
		goto out;
	}
	rc = report_run(ctx, &o, out, err);
out:
	free(copy);
	return rc;
}

struct layout {
	struct wm_ctx *ctx;
	const struct tpl *t;
	const struct paper_opts *o;
	const json_t *paper, *meeting, *committee;
	int level;		/* the sections' heading level */
	struct rdoc *pack;	/* the paper's pack, made once for its summary and its support */
};

static int
section(const struct layout *l, size_t k, struct rdoc *d, const char *summary_made,
    struct wm_err *err)
{
	const char *part = l->t->s[k].part, *heading = l->t->s[k].heading;
	const json_t *pp = l->paper;
	int rc = 0;

	if (strcmp(part, "appendices") == 0) {
		const char *text = str(pp, "appendices");
		size_t n = 0;

		for (const char *p = text ? text : ""; *p != '\0' && rc == 0; ) {
			size_t len = strcspn(p, "\n");
			char *line = strndup(p, len);
			struct rdoc *a = NULL;

			if (line != NULL && *str_trim(line) != '\0') {
				if ((rc = appendix(l->ctx, line, &a, err)) != 0) {
					wm_error_prefix(err, "paper %s: appendix %zu: ", str(pp, "ref"), n + 1);
				} else {
					char h[400];

					snprintf(h, sizeof(h), "%s %zu: %s", heading, ++n, rdoc_title(a));
					rdoc_page_break(d);
					rdoc_heading(d, l->level, h);
					rdoc_append_at(d, a, l->level + 1);
				}
			}
			rdoc_free(a);
			free(line);
			p += len;
			p += *p == '\n';
		}
		return rc;
	}
	if (*heading != '\0')
		rdoc_heading(d, l->level, heading);
	if (strcmp(part, "summary") == 0) {
		if (str(pp, "summary") != NULL)
			rdoc_para(d, "%s", str(pp, "summary"));
		if (summary_made != NULL)
			rdoc_para(d, "%s", summary_made);
	} else if (strcmp(part, "recommendations") == 0) {
		if (str(pp, "recommendations") != NULL)
			rdoc_para(d, "That");
		lines(d, str(pp, "recommendations"), false, true);
	} else if (strcmp(part, "supporting") == 0) {
		if (str(pp, "supporting") != NULL)
			lines(d, str(pp, "supporting"), false, false);
		/* a paper of its own carries the pack; one on an agenda when it says so */
		if (l->pack != NULL)
			rdoc_append(d, l->pack);
		else if (str(pp, "supporting") == NULL)
			rdoc_para(d, "None.");
	} else if (strcmp(part, "background") == 0) {
		lines(d, str(pp, "background"), true, false);
	} else {
		lines(d, str(pp, part), false, false);
	}
	return rc;
}

/* One paper: its facts, then its sections in the template's order. */
static int
paper(const struct layout *l, struct rdoc *d, bool in_bundle, struct wm_err *err)
{
	const json_t *pp = l->paper;
	struct buf num = BUF_INIT;
	char date[64], *summary = NULL;
	int day = DATE_NONE, rc = 0;

	if (l->meeting != NULL)
		date_parse_iso(str(l->meeting, "date"), &day);
	else
		day = date_from_time(l->ctx->now);
	long_date(day, date, sizeof(date));
	if (pp != NULL)
		number(l->t, str(pp, "ref"), str(l->committee, "ref"), day, &num);
	if (in_bundle) {
		rdoc_fact(d, "ref", NULL, str(pp, "ref"));
		rdoc_fact(d, "title", NULL, str(pp, "title"));
		rdoc_heading(d, l->level - 1, str(pp, "title"));
		rdoc_para(d, "Report: %s. Date: %s.%s%s%s", buf_str(&num), date, str(pp, "by") ?
		    " By: " : "", str(pp, "by") ? str(pp, "by") : "", str(pp, "by") ? "." : "");
	} else {
		if (pp != NULL)
			rdoc_fact(d, "report", "Report", buf_str(&num));
		rdoc_fact(d, "paper_date", "Date", date);
		rdoc_fact(d, "by", "By", str(pp, "by"));
	}
	/* the pack, when the paper carries one; its counts sum up a paper that has no summary */
	if (pp == NULL || json_is_true(json_object_get(pp, "pack"))) {
		struct pack_opts po = { str(l->committee, "ref"), l->o->unit ? l->o->unit :
			str(pp, "unit"), l->o->as_of ? l->o->as_of : str(pp, "as_of"), l->o->stale_days,
			l->level + 1 };
		struct layout *ml = (struct layout *)l;

		ml->pack = rdoc_new("");
		rc = pack_build(l->ctx, &po, ml->pack, &summary, err);
	}
	for (size_t k = 0; k < l->t->n && rc == 0; k++)
		rc = section(l, k, d, str(pp, "summary") == NULL ? summary : NULL, err);
	free(summary);
	rdoc_free(l->pack);
	((struct layout *)l)->pack = NULL;
	buf_release(&num);
	return rc;
}

static int
get(struct wm_ctx *ctx, const char *kind, const char *key, json_t **out, struct wm_err *err)
{
	int64_t id;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find(kind), key, &id, err)) != 0)
		return rc;
	return ent_get_by_id(ctx, kind_find(kind), id, false, out, err);
}

int
report_pack(struct wm_ctx *ctx, const struct paper_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct tpl t;
	struct layout l = { ctx, &t, o, NULL, NULL, NULL, 2, NULL };
	json_t *meeting = NULL, *committee = NULL, *papers = NULL;
	struct rdoc *d = NULL;
	char title[400], date[64];
	int rc;

	*out = NULL;
	if (o->meeting == NULL && o->committee == NULL)
		return wm_error(err, WM_EUSAGE, "whose pack? give a committee, or a meeting for the "
		    "papers on its agenda");
	if (o->paper != NULL && o->meeting == NULL)
		return wm_error(err, WM_EUSAGE, "a paper is an item of a meeting's agenda: give the "
		    "meeting too");
	if ((rc = tpl_load(ctx, &t, err)) != 0)
		goto out;
	if (o->meeting != NULL) {
		struct ent_query q = { 0 };
		json_t *where;

		if ((rc = get(ctx, "meetings", o->meeting, &meeting, err)) != 0 ||
		    (rc = get(ctx, "committees", str(meeting, "committee"), &committee, err)) != 0)
			goto out;
		{
			struct buf key = BUF_INIT;

			ent_row_key(kind_find("meetings"), meeting, &key);
			where = json_pack("{s:s}", "meeting", buf_str(&key));
			buf_release(&key);
		}
		if (o->paper != NULL)
			json_object_set_new(where, "ref", json_string(o->paper));
		q.where = where;
		rc = ent_list(ctx, kind_find("papers"), &q, &papers, err);
		json_decref(where);
		if (rc != 0)
			goto out;
		if (json_array_size(papers) == 0) {
			rc = o->paper ? wm_error(err, WM_ENOTFOUND, "meeting %s has no paper %s on its "
			    "agenda", o->meeting, o->paper) : wm_error(err, WM_ENOTFOUND, "meeting %s has "
			    "no papers on its agenda yet: add them to the meeting first",
			    o->meeting);
			goto out;
		}
	} else if ((rc = get(ctx, "committees", o->committee, &committee, err)) != 0) {
		goto out;
	}
	l.meeting = meeting;
	l.committee = committee;
	if (papers != NULL && json_array_size(papers) == 1) {
		/* one paper: laid out as the seeds' are, its title the document's */
		l.paper = json_array_get(papers, 0);
		d = rdoc_new(str(l.paper, "title"));
		rdoc_header(d, t.body[0] ? t.body : NULL, t.logo.s, t.logo.len);
		rc = paper(&l, d, false, err);
	} else if (papers != NULL) {
		long_date(date_from_time(ctx->now), date, sizeof(date));
		date_parse_iso(str(meeting, "date"), &rc);
		long_date(rc, date, sizeof(date));
		snprintf(title, sizeof(title), "%s, %s: the papers", str(committee, "name"), date);
		d = rdoc_new(title);
		rdoc_header(d, t.body[0] ? t.body : NULL, t.logo.s, t.logo.len);
		rdoc_fact(d, "meeting", "Meeting", o->meeting);
		l.level = 3;
		rc = 0;
		for (size_t i = 0; i < json_array_size(papers) && rc == 0; i++) {
			l.paper = json_array_get(papers, i);
			if (i > 0)
				rdoc_page_break(d);
			rdoc_group(d, "papers");
			rc = paper(&l, d, true, err);
			rdoc_group_end(d);
		}
	} else {
		snprintf(title, sizeof(title), "Performance report to the %s", str(committee, "name"));
		d = rdoc_new(title);
		rdoc_header(d, t.body[0] ? t.body : NULL, t.logo.s, t.logo.len);
		rc = paper(&l, d, false, err);
	}
	if (rc == 0) {
		*out = d;
		d = NULL;
	}
out:
	rdoc_free(d);
	buf_release(&t.logo);
	json_decref(meeting);
	json_decref(committee);
	json_decref(papers);
	return rc;
}
