/*
 * doctable.c: reading the tables of a planning paper.
 *
 * A table starts at a header row whose cells name known columns (in any
 * order, under any of their usual names); what columns it has says what it
 * is: recommendations (a reference and a recommendation, perhaps progress),
 * key actions (key actions with a lead, timescale or measure) or a
 * timetable (milestones and times). Below the header:
 *
 *   - rows right after the header that carry no reference finish the
 *     header ("Repo / ort section", "1 = Low 2 = Med 3 = High");
 *   - a row with a reference (R1, 3, a)) starts a record;
 *   - a row without one continues the record above, cell by cell. Word
 *     tables saved as text misplace such cells, so a long sentence that
 *     lands in a short column, or a new sentence after a finished one, goes
 *     to the last long column (the progress update), and a lone year in a
 *     lead column goes to the timescale;
 *   - a repeated header row is skipped; blank lines are nothing;
 *   - a line without tabs ends the table.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/docimp_impl.h"
#include "import/text.h"

enum role {
	C_NONE, C_OTHER, C_REF, C_TEXT, C_PRIORITY, C_RESPONSE, C_LEADS, C_TIMESCALE,
	C_SUBJECT, C_PROGRESS, C_ACTION, C_MEASURE, C_MILESTONE, C_STATUS, C__MAX
};

enum tkind { T_NONE, T_RECS, T_ACTIONS, T_TIMETABLE };

#define MAX_COLS 24

struct table {
	enum tkind kind;
	enum role col[MAX_COLS];
	size_t ncols;
	bool has[C__MAX];
};

struct row {
	size_t line;		/* index of its first line */
	const char *cell[C__MAX];
	const char *ref;
	int marks[TXT_MAX_MARKS];	/* footnote marks in a key action */
	size_t nmarks;
};

static bool
contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

static bool
is_one_of(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static enum role
header_role(const char *c)
{
	static const char *const refs[] = { "ref", "ref.", "no", "no.", "number", "#", "rec",
		"rec.", "rec no", "item" };
	static const char *const times[] = { "time", "date", "dates", "when", "by when", "due",
		"target", "by" };

	if (*c == '\0')
		return C_NONE;
	if (contains(c, "progress") || contains(c, "update") || contains(c, "position") ||
	    strcasecmp(c, "comments") == 0)
		return C_PROGRESS;
	if (contains(c, "key action") || strcasecmp(c, "action") == 0 ||
	    strcasecmp(c, "actions") == 0)
		return C_ACTION;
	if (contains(c, "milestone"))
		return C_MILESTONE;
	if (contains(c, "measure") || contains(c, "indicator"))
		return C_MEASURE;
	if (contains(c, "recommendation"))
		return C_TEXT;
	if (contains(c, "priority"))
		return C_PRIORITY;
	if (contains(c, "response"))
		return C_RESPONSE;
	if (contains(c, "officer") || contains(c, "lead") || contains(c, "responsib") ||
	    contains(c, "owner") || contains(c, "accountable"))
		return C_LEADS;
	if (contains(c, "timescale") || contains(c, "target date") || contains(c, "deadline") ||
	    contains(c, "due date") || is_one_of(c, times, WM_ARRAY_LEN(times)))
		return C_TIMESCALE;
	if (is_one_of(c, refs, WM_ARRAY_LEN(refs)) || str_has_prefix_nocase(c, "ref "))
		return C_REF;
	if (contains(c, "subject") || strcasecmp(c, "title") == 0 || strcasecmp(c, "topic") == 0 ||
	    strcasecmp(c, "area") == 0)
		return C_SUBJECT;
	if (strcasecmp(c, "status") == 0)
		return C_STATUS;
	return C_OTHER;
}

/* Is line l a header row? Fills t. */
static bool
is_header(const struct doc_line *l, struct table *t)
{
	size_t known = 0, other = 0;

	if (!l->tabbed || l->ncells > MAX_COLS)
		return false;
	memset(t, 0, sizeof(*t));
	t->ncols = l->ncells;
	for (size_t i = 0; i < l->ncells; i++) {
		enum role r = header_role(l->cells[i]);

		/* a header cell is a label, not a sentence */
		if (strlen(l->cells[i]) > 80)
			return false;
		/* the first column of each role counts; a repeat is unnamed */
		if (r > C_OTHER && t->has[r])
			r = C_OTHER;
		t->col[i] = r;
		t->has[r] = true;
		if (r > C_OTHER)
			known++;
		else if (r == C_OTHER)
			other++;
	}
	if (known < 2 || other > known)
		return false;
	if (t->has[C_REF] && (t->has[C_TEXT] || t->has[C_SUBJECT]))
		t->kind = T_RECS;
	else if (t->has[C_ACTION] && (t->has[C_LEADS] || t->has[C_MEASURE]))
		t->kind = T_ACTIONS;
	else if ((t->has[C_MILESTONE] || t->has[C_ACTION]) && t->has[C_TIMESCALE])
		t->kind = T_TIMETABLE;
	return t->kind != T_NONE;
}

static size_t
col_of(const struct table *t, enum role r)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (t->col[i] == r)
			return i;
	return SIZE_MAX;
}

/* "R1", "R 12", "Rec 3", "No. 4", "7", "3a": a recommendation's reference, normalised. */
static const char *
rec_ref(struct scan *s, const char *c)
{
	const char *p = c;
	char prefix = 0;
	int digits = 0;
	const char *num;

	if (*p == 'R' || *p == 'r') {
		prefix = 'R';
		p++;
		if (strncasecmp(p, "ec", 2) == 0)
			p += 2;
		while (*p == '.' || *p == ' ')
			p++;
	} else if (strncasecmp(p, "no", 2) == 0 && (p[2] == '.' || p[2] == ' ')) {
		p += 2;
		while (*p == '.' || *p == ' ')
			p++;
	}
	num = p;
	while (isdigit((unsigned char)*p) && digits < 4) {
		p++;
		digits++;
	}
	if (digits == 0 || digits > 3)
		return NULL;
	if (isalpha((unsigned char)*p) && !isalpha((unsigned char)p[1]))
		p++;
	while (*p == '.' || *p == ')' || *p == ' ')
		p++;
	if (*p != '\0')
		return NULL;
	return arena_printf(s->a, "%s%.*s", prefix ? "R" : "", (int)(p - num), num);
}

/* "a) Publish ...", "(b) Review ...", "c. Continue": a key action's letter; *rest the title. */
static char
action_letter(const char *c, const char **rest)
{
	const char *p = c;
	char letter;

	while (*p == ' ')
		p++;
	if (*p == '(')
		p++;
	if (!islower((unsigned char)*p) || !(p[1] == ')' || p[1] == '.'))
		return 0;
	letter = *p;
	p += 2;
	while (*p == ' ')
		p++;
	*rest = p;
	return letter;
}

static bool
long_role(enum role r)
{
	return r == C_TEXT || r == C_RESPONSE || r == C_PROGRESS || r == C_ACTION ||
	    r == C_MILESTONE;
}

static bool
ends_sentence(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

static bool
only_year(const char *s)
{
	int d = 0;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			d++;
		else if (*s != ' ' && *s != '.')
			return false;
	}
	return d == 4 || d == 2;
}

static void
append(struct scan *s, struct row *r, enum role role, const char *text)
{
	if (r->cell[role] == NULL || *r->cell[role] == '\0')
		r->cell[role] = text;
	else
		r->cell[role] = arena_printf(s->a, "%s %s", r->cell[role], text);
}

/* The last long column that has text: where misplaced sentences belong. */
static enum role
last_long(const struct table *t, const struct row *r)
{
	static const enum role order[] = { C_PROGRESS, C_RESPONSE, C_TEXT, C_ACTION };

	for (size_t i = 0; i < WM_ARRAY_LEN(order); i++)
		if (t->has[order[i]] && r->cell[order[i]] != NULL)
			return order[i];
	return C_NONE;
}

/* Put a continuation line's cells into the record above. */
static void
continue_row(struct scan *s, const struct table *t, struct row *r, const struct doc_line *l)
{
	for (size_t i = 0; i < l->ncells; i++) {
		const char *frag = l->cells[i];
		enum role role = i < t->ncols ? t->col[i] : C_OTHER;
		enum role tail = last_long(t, r);

		if (*frag == '\0')
			continue;
		if (contains(frag, "recommendation met") && t->has[C_PROGRESS]) {
			role = C_PROGRESS;
		} else if (role == C_LEADS && only_year(frag) && t->has[C_TIMESCALE]) {
			role = C_TIMESCALE;
		} else if (!long_role(role) && strlen(frag) > 60 && tail != C_NONE) {
			role = tail;
		} else if (long_role(role) && tail != C_NONE && tail != role &&
		    r->cell[role] != NULL && ends_sentence(r->cell[role]) &&
		    isupper((unsigned char)frag[0]) && col_of(t, tail) > i) {
			role = tail;
		} else if (role == C_NONE || role == C_OTHER) {
			role = tail != C_NONE ? tail : C_OTHER;
		}
		append(s, r, role, frag);
	}
}

/* Remove "Non-statutory" or "STATUTORY" from text; 1, 0, or -1 if absent. */
static int
take_statutory(struct scan *s, const char **text)
{
	static const char *const neg[] = { "non-statutory", "non statutory", "nonstatutory" };
	const char *t = *text;
	const char *hit = NULL;
	size_t len = 0;
	int val = -1;

	for (size_t i = 0; i < WM_ARRAY_LEN(neg) && hit == NULL; i++)
		for (const char *p = t; *p != '\0'; p++)
			if (strncasecmp(p, neg[i], strlen(neg[i])) == 0) {
				hit = p;
				len = strlen(neg[i]);
				val = 0;
				break;
			}
	if (hit == NULL)
		for (const char *p = t; *p != '\0'; p++)
			if (strncasecmp(p, "statutory", 9) == 0 && (p == t || !isalpha((unsigned char)p[-1])) &&
			    !isalpha((unsigned char)p[9])) {
				hit = p;
				len = 9;
				val = 1;
				break;
			}
	if (hit != NULL) {
		char *out = arena_printf(s->a, "%.*s %s", (int)(hit - t), t, hit + len);

		*text = str_trim(out);
	}
	return val;
}

/* Lift "Recommendation met: X" out of progress text; the grade, or NULL. */
static const char *
take_degree(struct scan *s, const char **text)
{
	const char *t = *text, *hit = NULL, *p, *w;
	char grade[32];
	size_t n = 0;

	for (p = t; *p != '\0'; p++)
		if (strncasecmp(p, "recommendation met", 18) == 0)
			hit = p;
	if (hit == NULL)
		return NULL;
	p = hit + 18;
	while (*p == ' ' || *p == ':')
		p++;
	w = p;
	while ((isalpha((unsigned char)*p) || (*p == ' ' && strncasecmp(w, "not", 3) == 0 &&
	    p - w == 3)) && n + 1 < sizeof(grade)) {
		grade[n++] = (char)tolower((unsigned char)*p);
		p++;
	}
	grade[n] = '\0';
	if (n == 0)
		return NULL;
	*text = str_trim(arena_printf(s->a, "%.*s%s", (int)(hit - t), t, p));
	return arena_strdup(s->a, grade);
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
set_priority(struct scan *s, json_t *rec, const char *cell, size_t line)
{
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
		scan_note(s, "line %d: priority \"%s\" is not 1-3, high/medium/low or bullets; "
		    "left blank", s->d->lines[line].no, cell);
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

static void
emit_rec(struct scan *s, const struct table *t, struct row *r)
{
	const char *source = scan_source(s);
	const char *subject = r->cell[C_SUBJECT], *text = r->cell[C_TEXT];
	const char *progress = r->cell[C_PROGRESS];
	json_t *rec = json_object();
	int stat = -1;

	if (subject != NULL)
		stat = take_statutory(s, &subject);
	if (stat < 0 && text != NULL)
		stat = take_statutory(s, &text);
	if (text == NULL || *text == '\0')
		text = subject;
	json_object_set_new(rec, "source", json_string(source));
	json_object_set_new(rec, "ref", json_string(r->ref));
	json_object_set_new(rec, "seq", json_integer(ref_number(r->ref)));
	if (subject != NULL && *subject != '\0')
		json_object_set_new(rec, "subject", json_string(subject));
	json_object_set_new(rec, "text", json_string(text != NULL && *text != '\0' ? text :
	    "(no text in the document)"));
	if (stat >= 0)
		json_object_set_new(rec, "statutory", json_boolean(stat));
	if (t->has[C_PRIORITY] && r->cell[C_PRIORITY] != NULL)
		set_priority(s, rec, r->cell[C_PRIORITY], r->line);
	if (r->cell[C_RESPONSE] != NULL)
		json_object_set_new(rec, "response", json_string(r->cell[C_RESPONSE]));
	if (r->cell[C_LEADS] != NULL)
		json_object_set_new(rec, "leads", split_leads(r->cell[C_LEADS]));
	if (r->cell[C_TIMESCALE] != NULL && *r->cell[C_TIMESCALE] != '\0')
		json_object_set_new(rec, "timescale", scan_timescale(s, r->cell[C_TIMESCALE], s->date));
	scan_add(s, "recommendations", rec);
	if (progress != NULL && *progress != '\0') {
		const char *degree = take_degree(s, &progress);
		json_t *p;

		s->progress_rows = true;
		if (s->date == DATE_NONE)
			return;
		p = json_object();
		json_object_set_new(p, "recommendation", json_string(arena_printf(s->a, "%s/%s",
		    source, r->ref)));
		{
			char d[DATE_ISO_LEN];

			date_format_iso(s->date, d);
			json_object_set_new(p, "date", json_string(d));
		}
		json_object_set_new(p, "text", json_string(*progress ? progress : "(no text)"));
		if (degree != NULL)
			json_object_set_new(p, "degree_met", json_string(degree));
		if (s->o->file != NULL)
			json_object_set_new(p, "doc", json_string(s->o->file));
		scan_add(s, "progress", p);
	}
}

/* The priority node P<n> of the document's plan, made once. */
static void
ensure_priority(struct scan *s, int n)
{
	const char *plan = scan_own_plan(s, "strategy");
	const char *ref = arena_printf(s->a, "P%d", n);
	json_t *nodes = json_object_get(s->data, "nodes"), *v;
	size_t i;

	json_array_foreach(nodes, i, v)
		if (strcmp(json_string_value(json_object_get(v, "plan")), plan) == 0 &&
		    strcmp(json_string_value(json_object_get(v, "ref")), ref) == 0)
			return;
	scan_add(s, "nodes", json_pack("{s:s, s:s, s:s, s:i, s:s}", "plan", plan, "ref", ref,
	    "kind", "priority", "seq", n, "title", n <= SCAN_MAX_PRIORITIES && s->priority[n] ?
	    s->priority[n] : arena_printf(s->a, "Priority %d", n)));
}

static void
emit_action(struct scan *s, struct row *r)
{
	const char *plan = scan_own_plan(s, "strategy");
	char letter = r->ref[0];
	json_t *node;
	const char *key;

	if (s->cur_priority == 0)
		s->cur_priority = 1;
	/* A letter that does not move on (a second "i)") is the next one. */
	if (s->last_priority == s->cur_priority && s->last_letter != 0 && letter <= s->last_letter) {
		char next = (char)(s->last_letter + 1);

		scan_note(s, "line %d: key action lettered %c) after %c); read as %c)",
		    s->d->lines[r->line].no, letter, s->last_letter, next);
		letter = next;
	}
	s->last_letter = letter;
	s->last_priority = s->cur_priority;
	ensure_priority(s, s->cur_priority);
	node = json_object();
	json_object_set_new(node, "plan", json_string(plan));
	json_object_set_new(node, "ref", json_string(arena_printf(s->a, "P%d.%c", s->cur_priority,
	    letter)));
	json_object_set_new(node, "kind", json_string("key_action"));
	json_object_set_new(node, "parent", json_string(arena_printf(s->a, "P%d", s->cur_priority)));
	json_object_set_new(node, "seq", json_integer(letter - 'a' + 1));
	json_object_set_new(node, "title", json_string(r->cell[C_ACTION]));
	if (r->cell[C_LEADS] != NULL)
		json_object_set_new(node, "leads", split_leads(r->cell[C_LEADS]));
	if (r->cell[C_TIMESCALE] != NULL && *r->cell[C_TIMESCALE] != '\0')
		json_object_set_new(node, "timescale", scan_timescale(s, r->cell[C_TIMESCALE], s->date));
	if (r->cell[C_MEASURE] != NULL)
		json_object_set_new(node, "measure", json_string(r->cell[C_MEASURE]));
	key = arena_printf(s->a, "%s/P%d.%c", plan, s->cur_priority, letter);
	for (size_t i = 0; i < r->nmarks; i++) {
		char num[16];
		json_t *list;

		snprintf(num, sizeof(num), "%d", r->marks[i]);
		if ((list = json_object_get(s->marks, num)) == NULL) {
			list = json_array();
			json_object_set_new(s->marks, num, list);
		}
		json_array_append_new(list, json_string(key));
	}
	scan_add(s, "nodes", node);
}

/* The title line above a table: the nearest line before it with text and no tabs. */
static const char *
title_above(struct scan *s, size_t header)
{
	for (size_t i = header; i-- > 0;) {
		const struct doc_line *l = &s->d->lines[i];

		if (*l->text == '\0')
			continue;
		if (l->tabbed || s->used[i] || strlen(l->text) > 150)
			return NULL;
		s->used[i] = 1;
		return l->text;
	}
	return NULL;
}

/* A timetable's row times are read in order, each after the one before. */
static json_t *
running_timescale(struct scan *s, const char *text, int *running)
{
	struct timescale t;
	int base;

	tsc_parse_next(text, running, &base, &t);
	return scan_timescale(s, text, base);
}

void
timetable_emit(struct scan *s, const char *title, const char *const *when,
    const char *const *what, const char *const *who, size_t n)
{
	const char *ref = scan_ref_of(s, title);
	int running = s->date;
	char d[DATE_ISO_LEN];
	json_t *tt;

	if (running == DATE_NONE && s->year != 0)
		running = date_from_ymd(s->year, 1, 1);
	tt = json_pack("{s:s, s:s}", "ref", ref, "title", title);
	if (s->date != DATE_NONE) {
		date_format_iso(s->date, d);
		json_object_set_new(tt, "doc_date", json_string(d));
	}
	scan_add(s, "timetables", tt);
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_object();

		json_object_set_new(m, "timetable", json_string(ref));
		json_object_set_new(m, "ref", json_string(arena_printf(s->a, "M%zu", i + 1)));
		json_object_set_new(m, "seq", json_integer((json_int_t)i + 1));
		json_object_set_new(m, "title", json_string(what[i]));
		if (when[i] != NULL && *when[i] != '\0')
			json_object_set_new(m, "timescale", running_timescale(s, when[i], &running));
		if (who != NULL && who[i] != NULL)
			json_object_set_new(m, "responsible", json_string(who[i]));
		scan_add(s, "milestones", m);
	}
	scan_found(s, "timetable");
}

static void
emit_timetable(struct scan *s, struct row *rows, size_t n, size_t header)
{
	const char *title = title_above(s, header);
	const char **when = arena_array(s->a, n, sizeof(*when));
	const char **what = arena_array(s->a, n, sizeof(*what));
	const char **who = arena_array(s->a, n, sizeof(*who));

	if (title == NULL)
		title = arena_printf(s->a, "Timetable from %s", s->title ? s->title : "a document");
	for (size_t i = 0; i < n; i++) {
		when[i] = rows[i].cell[C_TIMESCALE];
		what[i] = rows[i].cell[C_MILESTONE] ? rows[i].cell[C_MILESTONE] : rows[i].cell[C_ACTION];
		who[i] = rows[i].cell[C_LEADS];
	}
	timetable_emit(s, title, when, what, who, n);
}

static bool
starts_row(struct scan *s, const struct table *t, const struct doc_line *l, struct row *r)
{
	const char *rest;
	char letter;

	memset(r, 0, sizeof(*r));
	switch (t->kind) {
	case T_RECS: {
		size_t c = col_of(t, C_REF);
		const char *ref = c < l->ncells ? rec_ref(s, l->cells[c]) : NULL;

		if (ref == NULL)
			return false;
		r->ref = ref;
		return true;
	}
	case T_ACTIONS: {
		size_t c = col_of(t, C_ACTION);

		if (c >= l->ncells || (letter = action_letter(l->cells[c], &rest)) == 0)
			return false;
		r->ref = arena_printf(s->a, "%c", letter);
		r->cell[C_ACTION] = rest;
		for (size_t k = 0; k < l->marks[c].n && r->nmarks < TXT_MAX_MARKS; k++)
			r->marks[r->nmarks++] = l->marks[c].mark[k];
		return true;
	}
	case T_TIMETABLE: {
		size_t c = t->has[C_MILESTONE] ? col_of(t, C_MILESTONE) : col_of(t, C_ACTION);

		return c < l->ncells && *l->cells[c] != '\0';
	}
	case T_NONE:
		break;
	}
	return false;
}

static void
fill_row(const struct table *t, struct row *r, const struct doc_line *l)
{
	for (size_t i = 0; i < l->ncells && i < t->ncols; i++) {
		enum role role = t->col[i];

		if (role <= C_OTHER || role == C_REF || *l->cells[i] == '\0')
			continue;
		if (role == C_ACTION && r->cell[C_ACTION] != NULL)
			continue;
		r->cell[role] = l->cells[i];
	}
}

static void
emit_rows(struct scan *s, const struct table *t, struct row *rows, size_t n, size_t header)
{
	if (n == 0)
		return;
	if (t->kind == T_RECS) {
		for (size_t i = 0; i < n; i++)
			emit_rec(s, t, &rows[i]);
		scan_found(s, t->has[C_PROGRESS] ? "progress summary" : "recommendation action plan");
	} else if (t->kind == T_ACTIONS) {
		/* A table that starts again at a) without a heading is the next priority. */
		if (rows[0].ref[0] == 'a' && s->last_priority == s->cur_priority && s->last_letter != 0)
			s->cur_priority++;
		for (size_t i = 0; i < n; i++)
			emit_action(s, &rows[i]);
		scan_found(s, "key actions");
	} else {
		emit_timetable(s, rows, n, header);
	}
}

size_t
table_read(struct scan *s, size_t i)
{
	const struct doc *d = s->d;
	struct table t, again;
	struct row *rows;
	size_t nrows = 0, j, header = i;
	bool in_header = true;	/* rows without a reference still finish the header */

	if (!is_header(&d->lines[i], &t))
		return i;
	rows = arena_array(s->a, d->nlines - i + 1, sizeof(*rows));
	s->used[i] = 1;
	for (j = i + 1; j < d->nlines; j++) {
		const struct doc_line *l = &d->lines[j];
		struct row r;

		if (*l->text == '\0' && !l->tabbed) {
			s->used[j] = 1;
			continue;
		}
		if (!l->tabbed)
			break;
		if (is_header(l, &again)) {
			/*
			 * A recommendation table's header repeats on each page; a
			 * key-action table's starts the next priority's table.
			 */
			if (again.kind != t.kind || t.kind != T_RECS)
				break;
			t = again;	/* the same table, its header repeated */
			s->used[j] = 1;
			in_header = true;
			continue;
		}
		if (starts_row(s, &t, l, &r)) {
			r.line = j;
			fill_row(&t, &r, l);
			rows[nrows++] = r;
			s->used[j] = 1;
			in_header = false;
			continue;
		}
		if (in_header) {
			/* Before any record: the rest of a header broken over lines. */
			bool shortcells = true;

			for (size_t c = 0; c < l->ncells; c++)
				shortcells = shortcells && strlen(l->cells[c]) < 40;
			if (shortcells) {
				s->used[j] = 1;
				continue;
			}
			if (nrows == 0) {
				scan_unread(s, j, "a table line before the table's first record");
				continue;
			}
		}
		if (t.kind == T_TIMETABLE) {
			/* a time with no milestone of its own: the time of the one above */
			size_t c = col_of(&t, C_TIMESCALE);

			if (c < l->ncells && *l->cells[c] != '\0')
				append(s, &rows[nrows - 1], C_TIMESCALE, l->cells[c]);
			s->used[j] = 1;
			continue;
		}
		continue_row(s, &t, &rows[nrows - 1], l);
		s->used[j] = 1;
	}
	emit_rows(s, &t, rows, nrows, header);
	return j;
}
