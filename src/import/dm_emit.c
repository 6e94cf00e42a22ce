/*
 * dm_emit.c: the records the mapper read, as Waymark's JSON.
 *
 * Two views of the same records. The preview keeps the document's own
 * words (the reference as printed, the lead and timescale as written) and
 * says where each record came from: it is what `waymark import --dry-run`
 * shows and what the web's upload page will. The "waymark-data" document
 * is what the merge writes: recommendations under a source report named
 * from the document's title, goals, priorities, objectives and key
 * actions under a plan (the one the list names, 'Towards the Safest City',
 * else the document's own), milestones in a timetable titled by the line
 * above them. Keys are made where the document prints none: P1, P1.a,
 * G2, M3; the same document always gives the same keys, so importing it
 * again changes nothing.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/dm_map_impl.h"
#include "import/text.h"

json_t *map_emit(struct mctx *m);

/* ---- names -------------------------------------------------------------- */

static bool
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = { "of", "on", "and", "for", "to", "a", "an", "in", "by",
		"with", "from", "at" };

	for (size_t i = 0; i < WM_ARRAY_LEN(stop); i++)
		if (strlen(stop[i]) == n && strncasecmp(w, stop[i], n) == 0)
			return true;
	return false;
}

/* Short refs from names: "Towards the Safest City" -> "TTSC", "Policing Plan 2004/05" -> "PP-2004-05". */
static const char *
ref_of(struct mctx *m, const char *name)
{
	struct buf letters = BUF_INIT, years = BUF_INIT;
	const char *p = name, *out;

	while (*p != '\0' && *p != '(') {
		const char *w = p;
		size_t n;

		if (!isalnum((unsigned char)*p)) {
			p++;
			continue;
		}
		while (isalnum((unsigned char)*p))
			p++;
		n = (size_t)(p - w);
		if (isdigit((unsigned char)*w) && n == 4) {
			/* a year, or the start of a span: 2004/05, 2004-07 */
			buf_addf(&years, "-%.*s", (int)n, w);
			if ((*p == '/' || *p == '-') && isdigit((unsigned char)p[1])) {
				const char *e = p + 1;

				while (isdigit((unsigned char)*e))
					e++;
				if (e - p - 1 <= 4) {
					buf_addf(&years, "-%.*s", (int)(e - p - 1), p + 1);
					p = e;
				}
			}
			continue;
		}
		if (stop_word(w, n) || letters.len >= 8)
			continue;
		buf_addc(&letters, toupper((unsigned char)*w));
	}
	if (letters.len == 0)
		buf_adds(&letters, "DOC");
	out = arena_printf(m->a, "%s%s", buf_str(&letters), buf_str(&years));
	buf_release(&letters);
	buf_release(&years);
	return out;
}

/* A name in quotes within text: 'Towards the Safest City', “...”. */
static const char *
quoted(struct mctx *m, const char *text)
{
	static const char *const open[] = { "\xE2\x80\x98", "\xE2\x80\x9C", "'", "\"" };
	static const char *const close[] = { "\xE2\x80\x99", "\xE2\x80\x9D", "'", "\"" };

	if (text == NULL)
		return NULL;
	for (size_t k = 0; k < WM_ARRAY_LEN(open); k++) {
		const char *a = strstr(text, open[k]), *b;

		if (a == NULL)
			continue;
		a += strlen(open[k]);
		b = strstr(a, close[k]);
		if (b != NULL && b - a >= 4 && b - a < 120 && isupper((unsigned char)*a))
			return arena_strndup(m->a, a, (size_t)(b - a));
	}
	return NULL;
}

struct out {
	struct mctx *m;
	int running;		/* the day the last step read began on: the next timetable goes on from it */
	json_t *data;		/* the waymark-data document */
	json_t *kinds;
	const char *own_plan;
	const char *source;
};

static void
add(struct out *o, const char *kind, json_t *rec)
{
	json_t *arr = json_object_get(o->data, kind);

	if (arr == NULL) {
		arr = json_array();
		json_object_set_new(o->data, kind, arr);
	}
	json_array_append_new(arr, rec);
}

static void
found(struct out *o, const char *family)
{
	size_t i;
	json_t *v;

	json_array_foreach(o->kinds, i, v)
		if (strcmp(json_string_value(v), family) == 0)
			return;
	json_array_append_new(o->kinds, json_string(family));
}

/* The financial years a plan's name spans: "2004-07", "2004/05". */
static void
plan_period(const char *name, json_t *plan)
{
	for (const char *p = name; *p != '\0'; p++) {
		int y, end;
		char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

		if (sscanf(p, "%4d%*[-/]%2d", &y, &end) == 2 && isdigit((unsigned char)p[0]) &&
		    y >= 1900 && y < 2200 && (p == name || !isdigit((unsigned char)p[-1]))) {
			int last = y / 100 * 100 + end;

			if (last <= y)
				last += 100;
			if (last - y < 1 || last - y > 10)
				continue;
			date_format_iso(date_from_ymd(y, 4, 1), a);
			date_format_iso(date_from_ymd(last, 3, 31), b);
			json_object_set_new(plan, "period_start", json_string(a));
			json_object_set_new(plan, "period_end", json_string(b));
			return;
		}
	}
}

static const char *
plan(struct out *o, const char *name, const char *kind)
{
	struct mctx *m = o->m;
	const char *ref = ref_of(m, name);
	json_t *plans = json_object_get(o->data, "plans"), *v, *p;
	size_t i;

	json_array_foreach(plans, i, v)
		if (strcmp(json_string_value(json_object_get(v, "ref")), ref) == 0)
			return ref;
	p = json_pack("{s:s, s:s, s:s}", "ref", ref, "title", name, "kind",
	    vocab_plan_kind(name, kind));
	plan_period(name, p);
	if (m->date != DATE_NONE) {
		char d[DATE_ISO_LEN];

		date_format_iso(m->date, d);
		json_object_set_new(p, "doc_date", json_string(d));
	}
	add(o, "plans", p);
	return ref;
}

/* The plan a document is about: a quoted name in its title, else the title itself. */
static const char *
own_plan(struct out *o, const char *kind)
{
	struct mctx *m = o->m;
	const char *name;

	if (o->own_plan != NULL)
		return o->own_plan;
	name = quoted(m, m->title);
	if (name == NULL && m->title != NULL) {
		const char *t = m->title, *dash;

		if (str_has_prefix_nocase(t, "update on "))
			t += strlen("update on ");
		/* "Policing Plan 2004/05 - supplementary paper" */
		dash = strstr(t, " - ");
		name = dash ? arena_strndup(m->a, t, (size_t)(dash - t)) : t;
	}
	o->own_plan = plan(o, name ? name : "Plan", kind);
	return o->own_plan;
}

static const char *
source(struct out *o)
{
	struct mctx *m = o->m;
	const char *title = m->title, *colon;

	if (o->source != NULL)
		return o->source;
	if (title == NULL) {
		const char *base = m->o->file ? strrchr(m->o->file, '/') : NULL;

		title = arena_printf(m->a, "Recommendations in %s", base ? base + 1 :
		    m->o->file ? m->o->file : "a document");
	}
	/* "ACTION PLAN PROGRESS SUMMARY: DISTRICT AUDIT REPORT ON ..." names the report after the colon */
	colon = strchr(title, ':');
	if (colon != NULL && colon[1] != '\0') {
		bool about = false;

		for (const char *p = title; p < colon; p++)
			about = about || strncasecmp(p, "action plan", 11) == 0 ||
			    strncasecmp(p, "progress", 8) == 0;
		if (about)
			title = str_trim(arena_strdup(m->a, colon + 1));
	}
	o->source = m->o->source != NULL ? m->o->source : ref_of(m, title);
	add(o, "sources", json_pack("{s:s, s:s, s:s}", "ref", o->source, "title", title, "kind",
	    vocab_source_kind(title)));
	return o->source;
}

/* ---- fields ---------------------------------------------------------------- */

static json_t *
timescale(struct mctx *m, const char *text, int date)
{
	struct timescale t;
	char e[DATE_ISO_LEN], l[DATE_ISO_LEN];
	char *copy = NULL;

	if (date == DATE_NONE && m->year != 0)
		date = date_from_ymd(m->year, 1, 1);
	/* numeric dates written month first are read so */
	if (m->us_dates) {
		struct buf b = BUF_INIT;

		for (const char *p = text; *p != '\0'; p++) {
			int a, c, y, used = 0;

			if ((p == text || !isdigit((unsigned char)p[-1])) &&
			    sscanf(p, "%2d/%2d/%4d%n", &a, &c, &y, &used) == 3 && used > 0) {
				buf_addf(&b, "%02d/%02d/%d", c, a, y);
				p += used - 1;
			} else {
				buf_addc(&b, *p);
			}
		}
		copy = buf_detach(&b, NULL);
	}
	tsc_parse(copy ? copy : text, date, &t);
	free(copy);
	date_format_iso(t.earliest, e);
	date_format_iso(t.latest, l);
	return json_pack("{s:s, s:s?, s:s?, s:b, s:b, s:b, s:b}", "text", text,
	    "earliest", t.earliest == DATE_NONE ? NULL : e,
	    "latest", t.latest == DATE_NONE ? NULL : l, "ongoing", t.ongoing,
	    "complete", t.complete, "uncertain", t.uncertain, "conditional", t.conditional);
}

static json_t *
split_leads(const char *cell)
{
	json_t *arr = json_array();
	char tmp[512];
	char *p, *start;

	wm_strlcpy(tmp, cell, sizeof(tmp));
	for (start = p = tmp;; p++) {
		if (*p == '/' || *p == ';' || *p == ',' || *p == '\0') {
			char end = *p;

			*p = '\0';
			str_trim(start);
			if (*start != '\0') {
				bool dup = false;

				for (size_t i = 0; i < json_array_size(arr); i++)
					dup = dup || strcmp(json_string_value(json_array_get(arr, i)), start) == 0;
				if (!dup)
					json_array_append_new(arr, json_string(start));
			}
			if (end == '\0')
				break;
			start = p + 1;
		}
	}
	return arr;
}

static void
set_priority(struct mctx *m, json_t *rec, const struct mrec *r)
{
	const char *cell = r->priority;
	int bullets = txt_count_bullets(cell), v = 0;

	if (bullets >= 1 && bullets <= 3) {
		v = bullets;
	} else if (strcmp(cell, "1") == 0 || strcmp(cell, "2") == 0 || strcmp(cell, "3") == 0) {
		v = cell[0] - '0';
	} else if (strcasecmp(cell, "high") == 0 || strcasecmp(cell, "h") == 0) {
		v = 3;
	} else if (strcasecmp(cell, "medium") == 0 || strcasecmp(cell, "med") == 0 ||
	    strcasecmp(cell, "m") == 0) {
		v = 2;
	} else if (strcasecmp(cell, "low") == 0 || strcasecmp(cell, "l") == 0) {
		v = 1;
	} else if (*cell != '\0') {
		map_note(m, "%s: priority \"%s\" is not 1-3, high/medium/low or bullets; left blank",
		    r->where ? r->where : "a record", cell);
		return;
	}
	if (v != 0) {
		json_object_set_new(rec, "priority", json_integer(v));
		json_object_set_new(rec, "priority_label", json_string(cell));
	}
}

static int
ref_number(const char *ref)
{
	int v = 0, digits = 0;

	/* the first nine digits order any real reference; more would overflow */
	for (; *ref != '\0'; ref++)
		if (isdigit((unsigned char)*ref) && digits++ < 9)
			v = v * 10 + (*ref - '0');
	return v;
}

/* The first sentence of a text: a status as the document states it. */
static const char *
first_sentence(struct mctx *m, const char *s)
{
	const char *e = strstr(s, ". ");

	if (s == NULL)
		return NULL;
	return e ? arena_strndup(m->a, s, (size_t)(e - s + 1)) : s;
}

/* The status a record's words give: its status column, its grade, its update's first sentence. */
static const char *
stated_status(struct mctx *m, const struct mrec *r)
{
	if (r->status != NULL)
		return r->status;
	if (r->degree != NULL)
		return r->degree;
	if (r->progress != NULL && *r->progress != '\0')
		return first_sentence(m, r->progress);
	if (r->response != NULL && *r->response != '\0')
		return first_sentence(m, r->response);
	return NULL;
}

/* A node's or milestone's status, in the kind's own words, when the document's say it plainly. */
static const char *
status_value(const char *s, bool milestone)
{
	static const struct { const char *words; const char *node, *milestone; } map[] = {
		{ "completed", "done", "done" }, { "complete", "done", "done" },
		{ "achieved", "done", "done" }, { "implemented", "done", "done" },
		{ "done", "done", "done" }, { "100", "done", "done" }, { "100%", "done", "done" },
		{ "in progress", "in_progress", "in_progress" }, { "on track", "in_progress", "in_progress" },
		{ "commenced", "in_progress", "in_progress" }, { "ongoing", "in_progress", "in_progress" },
		{ "dropped", "dropped", "cancelled" }, { "cancelled", "dropped", "cancelled" },
		{ "slipped", NULL, "slipped" }, { "delayed", NULL, "slipped" },
	};

	if (s == NULL)
		return NULL;
	for (size_t i = 0; i < WM_ARRAY_LEN(map); i++)
		if (strcasecmp(s, map[i].words) == 0)
			return milestone ? map[i].milestone : map[i].node;
	return NULL;
}

/* The document's own words a record keeps: its status as printed, and the extra fields. */
static void
emit_words(struct mctx *m, json_t *rec, const struct mrec *r)
{
	struct buf b = BUF_INIT;

	if (r->status != NULL && *r->status != '\0')
		json_object_set_new(rec, "status_text", json_string(r->status));
	if (r->extra != NULL && r->extra->len > 0)
		buf_adds(&b, buf_str(r->extra));
	/* fields the kind has no place for, by the name the document gave them */
	if (r->kind != RK_RECOMMENDATION && r->response != NULL)
		buf_addf(&b, "%sResponse: %s", b.len ? "\n" : "", r->response);
	if (r->kind != RK_RECOMMENDATION && r->progress != NULL)
		buf_addf(&b, "%sProgress: %s", b.len ? "\n" : "", r->progress);
	if (r->kind != RK_RECOMMENDATION && r->priority != NULL)
		buf_addf(&b, "%sPriority: %s", b.len ? "\n" : "", r->priority);
	if (r->kind == RK_MILESTONE && r->desc != NULL)
		buf_addf(&b, "%s%s", b.len ? "\n" : "", r->desc);
	if (r->evidence != NULL)
		buf_addf(&b, "%sEvidence: %s", b.len ? "\n" : "", r->evidence);
	if (r->source_name != NULL)
		buf_addf(&b, "%sSource: %s", b.len ? "\n" : "", r->source_name);
	if (r->progress_date != NULL)
		buf_addf(&b, "%sProgress date: %s", b.len ? "\n" : "", r->progress_date);
	if (r->kind == RK_RECOMMENDATION && r->progress != NULL && m->date == DATE_NONE)
		buf_addf(&b, "%sProgress (undated): %s", b.len ? "\n" : "", r->progress);
	if (b.len > 0)
		json_object_set_new(rec, "extra", json_string(buf_str(&b)));
	buf_release(&b);
}

/* ---- keys ---------------------------------------------------------------- */

static const char *
prefix_of(enum rec_kind k)
{
	switch (k) {
	case RK_GOAL: return "G";
	case RK_PRIORITY: return "P";
	case RK_AIM: return "A";
	case RK_OBJECTIVE: return "O";
	case RK_OUTCOME: return "OC";
	case RK_ACTION: return "KA";
	default: return "M";
	}
}

/* The position of record i among the records of its group and parent with its kind (1-based). */
static int
position(const struct mctx *m, size_t i)
{
	const struct mrec *r = &m->recs[i];
	int n = 0;

	for (size_t k = 0; k <= i; k++) {
		const struct mrec *x = &m->recs[k];

		if (x->kind == r->kind && x->parent == r->parent && (x->group == r->group ||
		    r->kind == RK_PRIORITY))
			n++;
	}
	return n;
}

/* A key not yet used in scope (a plan, a timetable, a source): key, or key-2, key-3... */
static const char *
unique(struct mctx *m, json_t *seen, const char *scope, const char *key)
{
	const char *k = key;

	for (int n = 2; json_object_get(seen, arena_printf(m->a, "%s/%s", scope, k)) != NULL; n++)
		k = arena_printf(m->a, "%s-%d", key, n);
	json_object_set_new(seen, arena_printf(m->a, "%s/%s", scope, k), json_true());
	return k;
}

/* A simple printed reference can stand in a key: "1", "2A", "33.10a", "iv". */
static bool
simple_ref(const char *ref)
{
	if (ref == NULL || *ref == '\0' || strlen(ref) > 12)
		return false;
	for (const char *p = ref; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '.')
			return false;
	return true;
}

static const char *
node_key(struct mctx *m, size_t i, json_t *seen, const char *plan_ref)
{
	const struct mrec *r = &m->recs[i];
	const char *key;

	if (r->parent >= 0 && m->recs[r->parent].key != NULL) {
		const char *pk = m->recs[r->parent].key, *pref = m->recs[r->parent].ref;
		size_t pl = pref ? strlen(pref) : 0;

		/* "2.1" under 2 is P2.1, "2.1a" under it P2.1a: the numbering says the rest */
		if (simple_ref(r->ref) && pl > 0 && strncmp(r->ref, pref, pl) == 0 && r->ref[pl] != '\0')
			key = arena_printf(m->a, "%s%s", pk, r->ref + pl);
		else
			key = arena_printf(m->a, "%s.%s", pk, simple_ref(r->ref) ? r->ref :
			    arena_printf(m->a, "%d", position(m, i)));
	} else if (simple_ref(r->ref)) {
		key = arena_printf(m->a, "%s%s", prefix_of(r->kind), r->ref);
	} else {
		key = arena_printf(m->a, "%s%d", prefix_of(r->kind), position(m, i));
	}
	return unique(m, seen, plan_ref, key);
}

/* ---- the records --------------------------------------------------------------- */

static const char *
node_kind(enum rec_kind k)
{
	return k == RK_ACTION ? "key_action" : vocab_kind_name(k);
}

static const char *
family(const struct mctx *m, enum rec_kind k)
{
	switch (k) {
	case RK_RECOMMENDATION: return m->progress_rows ? "progress summary" : "recommendation action plan";
	case RK_ACTION: return "key actions";
	case RK_MILESTONE: return "timetable";
	case RK_GOAL: return "list of goals";
	case RK_PRIORITY: return "list of priorities";
	case RK_OUTCOME: return "list of outcomes";
	default: return "list of aims or objectives";
	}
}

/* The plan of a record: the one its list names, else the document's own. */
static const char *
node_plan(struct out *o, const struct mrec *r)
{
	struct mctx *m = o->m;
	const char *name = NULL;

	while (r->parent >= 0)
		r = &m->recs[r->parent];
	if (r->group >= 0 && (size_t)r->group < m->ngroups)
		name = quoted(m, m->groups[r->group].title);
	if (name != NULL)
		return plan(o, name, r->kind == RK_GOAL ? "framework" : "other");
	return own_plan(o, r->kind == RK_GOAL ? "framework" : r->kind == RK_ACTION ||
	    r->kind == RK_PRIORITY ? "strategy" : "other");
}

static void
emit_rec(struct out *o, size_t i, json_t *seen, int *seq)
{
	struct mctx *m = o->m;
	struct mrec *r = &m->recs[i];
	const char *src = source(o), *text = r->title, *ref = r->ref;
	json_t *rec = json_object();

	if (text == NULL || *text == '\0')
		text = r->subject;
	(*seq)++;
	if (ref == NULL)
		ref = arena_printf(m->a, "%d", *seq);
	ref = unique(m, seen, src, ref);
	r->key = ref;
	json_object_set_new(rec, "source", json_string(src));
	json_object_set_new(rec, "ref", json_string(ref));
	json_object_set_new(rec, "seq", json_integer(r->ref ? ref_number(ref) : *seq));
	if (r->subject != NULL && *r->subject != '\0')
		json_object_set_new(rec, "subject", json_string(r->subject));
	json_object_set_new(rec, "text", json_string(text != NULL && *text != '\0' ? text :
	    "(no text in the document)"));
	if (r->statutory >= 0)
		json_object_set_new(rec, "statutory", json_boolean(r->statutory));
	if (r->priority != NULL)
		set_priority(m, rec, r);
	if (r->response != NULL)
		json_object_set_new(rec, "response", json_string(r->response));
	if (r->lead != NULL)
		json_object_set_new(rec, "leads", split_leads(r->lead));
	if (r->timescale != NULL && *r->timescale != '\0') {
		json_object_set_new(rec, "timescale", timescale(m, r->timescale, m->date));
		/* the words' document: a due date they move is revised on its date (model/rec.c) */
		if (m->date != DATE_NONE) {
			char d[DATE_ISO_LEN];

			date_format_iso(m->date, d);
			json_object_set_new(rec, "timescale_date", json_string(d));
		}
	}
	emit_words(m, rec, r);
	add(o, "recommendations", rec);
	if (r->progress != NULL && *r->progress != '\0' && m->date != DATE_NONE) {
		char d[DATE_ISO_LEN];
		json_t *p = json_object();

		date_format_iso(m->date, d);
		json_object_set_new(p, "recommendation", json_string(arena_printf(m->a, "%s/%s", src,
		    ref)));
		json_object_set_new(p, "date", json_string(d));
		json_object_set_new(p, "text", json_string(*r->progress ? r->progress : "(no text)"));
		if (r->degree != NULL)
			json_object_set_new(p, "degree_met", json_string(r->degree));
		if (m->o->file != NULL)
			json_object_set_new(p, "doc", json_string(m->o->file));
		add(o, "progress", p);
	}
}

static void
emit_node(struct out *o, size_t i, json_t *seen)
{
	struct mctx *m = o->m;
	struct mrec *r = &m->recs[i];
	const char *pl = node_plan(o, r), *st;
	json_t *node = json_object();
	int seq = position(m, i);

	/* key actions lettered under a priority: P1.a, as the papers number them */
	if (r->kind == RK_ACTION && r->ref != NULL && islower((unsigned char)r->ref[0]) &&
	    r->ref[1] == '\0')
		seq = r->ref[0] - 'a' + 1;
	if (r->kind == RK_PRIORITY && r->ref == NULL && r->parent < 0)
		seq = position(m, i);
	r->key = node_key(m, i, seen, pl);
	json_object_set_new(node, "plan", json_string(pl));
	json_object_set_new(node, "ref", json_string(r->key));
	json_object_set_new(node, "kind", json_string(node_kind(r->kind)));
	if (r->parent >= 0 && m->recs[r->parent].key != NULL)
		json_object_set_new(node, "parent", json_string(m->recs[r->parent].key));
	json_object_set_new(node, "seq", json_integer(seq));
	json_object_set_new(node, "title", json_string(r->title && *r->title ? r->title :
	    arena_printf(m->a, "%s %s", vocab_kind_name(r->kind), r->ref ? r->ref :
	    arena_printf(m->a, "%d", seq))));
	if (r->desc != NULL)
		json_object_set_new(node, "description", json_string(r->desc));
	if (r->lead != NULL)
		json_object_set_new(node, "leads", split_leads(r->lead));
	if (r->timescale != NULL && *r->timescale != '\0')
		json_object_set_new(node, "timescale", timescale(m, r->timescale, m->date));
	if (r->measure != NULL)
		json_object_set_new(node, "measure", json_string(r->measure));
	if ((st = status_value(r->status, false)) != NULL)
		json_object_set_new(node, "status", json_string(st));
	emit_words(m, node, r);
	add(o, "nodes", node);
}

/* The timetable a step is in: its phase's, if it is a step of one. */
static int
timetable_of(const struct mctx *m, const struct mrec *r)
{
	while (r->parent >= 0 && m->recs[r->parent].kind == RK_MILESTONE)
		r = &m->recs[r->parent];
	return r->group;
}

/*
 * A timetable's steps: in date order, each read after the one before; a
 * list out of order, each against the document (tsc_parse_steps).
 */
static void
emit_timetable(struct out *o, int group, json_t *seen)
{
	struct mctx *m = o->m;
	const struct mgroup *g = &m->groups[group];
	const char *title = g->title, *ref;
	const char **texts = arena_array(m->a, m->nrecs + 1, sizeof(*texts));
	int *bases = arena_array(m->a, m->nrecs + 1, sizeof(*bases));
	struct timescale *read = arena_array(m->a, m->nrecs + 1, sizeof(*read));
	int running = o->running, n = 0, nt = 0, last = DATE_NONE;
	json_t *tt;

	if (title == NULL)
		title = arena_printf(m->a, "Timetable from %s", m->title ? m->title : "a document");
	ref = unique(m, seen, "timetables", ref_of(m, title));
	if (running == DATE_NONE && m->year != 0)
		running = date_from_ymd(m->year, 1, 1);
	for (size_t i = 0; i < m->nrecs; i++)
		if (m->recs[i].kind == RK_MILESTONE && timetable_of(m, &m->recs[i]) == group &&
		    m->recs[i].timescale != NULL && *m->recs[i].timescale != '\0')
			texts[nt++] = m->recs[i].timescale;
	tsc_parse_steps(texts, (size_t)nt, running, bases, read);
	nt = 0;
	tt = json_pack("{s:s, s:s}", "ref", ref, "title", title);
	if (m->date != DATE_NONE) {
		char d[DATE_ISO_LEN];

		date_format_iso(m->date, d);
		json_object_set_new(tt, "doc_date", json_string(d));
	}
	add(o, "timetables", tt);
	for (size_t i = 0; i < m->nrecs; i++) {
		struct mrec *r = &m->recs[i];
		json_t *ms;
		const char *st;

		if (r->kind != RK_MILESTONE || timetable_of(m, r) != group)
			continue;
		n++;
		r->key = arena_printf(m->a, "M%d", n);
		ms = json_object();
		json_object_set_new(ms, "timetable", json_string(ref));
		json_object_set_new(ms, "ref", json_string(r->key));
		json_object_set_new(ms, "seq", json_integer(n));
		json_object_set_new(ms, "title", json_string(r->title && *r->title ? r->title :
		    arena_printf(m->a, "Step %d", n)));
		if (r->timescale != NULL && *r->timescale != '\0') {
			json_object_set_new(ms, "timescale", timescale(m, r->timescale, bases[nt]));
			if (read[nt].earliest != DATE_NONE)
				last = read[nt].earliest;
			nt++;
		}
		if (r->lead != NULL)
			json_object_set_new(ms, "responsible", json_string(r->lead));
		if ((st = status_value(r->status, true)) != NULL)
			json_object_set_new(ms, "status", json_string(st));
		if (r->parent >= 0 && m->recs[r->parent].kind == RK_MILESTONE &&
		    m->recs[r->parent].key != NULL)
			json_object_set_new(ms, "parent", json_string(arena_printf(m->a, "%s/%s", ref,
			    m->recs[r->parent].key)));
		emit_words(m, ms, r);
		add(o, "milestones", ms);
	}
	/* a document without a date: the next timetable goes on from where this one ended */
	if (m->date == DATE_NONE && last != DATE_NONE)
		o->running = last;
}

/* ---- the preview --------------------------------------------------------------- */

static json_t *
preview(struct mctx *m, size_t i)
{
	const struct mrec *r = &m->recs[i];
	const char *status = stated_status(m, r), *parent = NULL;
	int due = map_due(m, r->timescale);
	char d[DATE_ISO_LEN];
	json_t *p;

	if (due == DATE_NONE && r->title != NULL) {
		/* "To complete by 31 Mar 17": a deadline the text sets */
		const char *by = strstr(r->title, "by ");

		while (by != NULL && due == DATE_NONE) {
			due = isdigit((unsigned char)by[3]) ? map_due(m, by + 3) : DATE_NONE;
			by = strstr(by + 3, "by ");
		}
	}
	date_format_iso(due, d);
	if (r->parent >= 0)
		parent = m->recs[r->parent].ref;
	p = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:i}",
	    "kind", vocab_kind_name(r->kind), "ref", r->ref, "key", r->key, "parent", parent,
	    "title", r->title && *r->title ? r->title : NULL, "lead", r->lead,
	    "timescale", r->timescale, "due", due == DATE_NONE ? NULL : d, "priority", r->priority,
	    "status", status, "where", r->where, "line", r->pos);
	if (r->extra != NULL && r->extra->len > 0)
		json_object_set_new(p, "extra", json_string(buf_str(r->extra)));
	return p;
}

json_t *
map_emit(struct mctx *m)
{
	struct out o = { .m = m, .running = m->date };
	json_t *seen = json_object(), *records = json_array(), *res;
	char date[DATE_ISO_LEN];
	int rec_seq = 0;
	bool *tt_done = arena_array(m->a, m->ngroups + 1, sizeof(*tt_done));

	o.data = json_pack("{s:s, s:i}", "format", "waymark-data", "version", 1);
	o.kinds = json_array();
	for (size_t i = 0; i < m->nrecs; i++) {
		struct mrec *r = &m->recs[i];

		found(&o, family(m, r->kind));
		if (r->kind == RK_RECOMMENDATION)
			emit_rec(&o, i, seen, &rec_seq);
		else if (r->kind == RK_MILESTONE) {
			int g = timetable_of(m, r);

			if (!tt_done[g]) {
				tt_done[g] = true;
				emit_timetable(&o, g, seen);
			}
		} else {
			emit_node(&o, i, seen);
		}
	}
	for (size_t i = 0; i < m->nrecs; i++)
		json_array_append_new(records, preview(m, i));
	date_format_iso(m->date, date);
	res = json_pack("{s:o, s:o, s:o, s:s?, s:s?, s:s?}", "data", o.data, "records", records,
	    "kinds", o.kinds, "source", o.source, "title", m->title,
	    "date", m->date == DATE_NONE ? NULL : date);
	json_decref(seen);
	return res;
}
