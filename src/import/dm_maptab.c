/*
 * dm_maptab.c: a table's rows as records.
 *
 * The header names the columns (vocab.c's alias table, then --map); what
 * the cells hold corrects the names where they mislead: a second
 * reference column ("Serial No." then "Item") is the text, a text column
 * of short names beside a longer one is the lead, a "Priority" column of
 * sentences holds parent items, a column with no header but references
 * in it is the reference. The text column's name says what the records
 * are ("Key actions", "Milestone", "Recommendation"); else the words
 * around the table do (map_context_kind).
 *
 * Then the repairs mend what saving as text did (dm_repair.c), and each
 * row that starts a record becomes one: its cells go to the fields their
 * columns name, every other cell to the record's extra fields (header ->
 * text), each such column reported once. A group row (one cell across the
 * table: "ADMIN", "Waiting lists") names the rows under it and is not a
 * record; a row with a reference and nothing else is reported unread.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/dm_map_impl.h"

size_t
tab_col(const struct mtab *t, enum col_role r)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (t->col[c].role == r)
			return c;
	return SIZE_MAX;
}

const char *
tab_ref(struct mctx *m, const char *c)
{
	const char *p = c, *num;
	char prefix = 0;
	int digits = 0;

	while (*p == ' ')
		p++;
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
	if (digits > 0 && digits <= 3) {
		const char *e;

		if (isalpha((unsigned char)*p) && !isalpha((unsigned char)p[1]))
			p++;
		e = p;
		while (*p == '.' || *p == ')' || *p == ' ')
			p++;
		if (*p == '\0')
			return arena_printf(m->a, "%s%.*s", prefix ? "R" : "", (int)(e - num), num);
	}
	/* codes and dotted numbers as printed: "AFI 1", "GAO-20-560", "1.2", "5.1.v", "106" */
	{
		size_t n = strlen(c), d = 0, lower = 0;

		while (n > 0 && (c[n - 1] == ' ' || c[n - 1] == '.'))
			n--;
		p = c;
		while (*p == ' ') {
			p++;
			n--;
		}
		if (n == 0 || n > 16)
			return NULL;
		for (size_t i = 0; i < n; i++) {
			if (isdigit((unsigned char)p[i]))
				d++;
			else if (islower((unsigned char)p[i]))
				lower++;
			else if (!isupper((unsigned char)p[i]) && strchr(" .-/", p[i]) == NULL)
				return NULL;
		}
		if (d == 0 || lower > 4 || !isdigit((unsigned char)p[n - 1 - (islower((unsigned char)
		    p[n - 1]) ? (strspn(p + n - lower, "ivxlc") == lower ? lower : 1) : 0)]) ||
		    (lower > 0 && !isdigit((unsigned char)p[0])))
			return NULL;
		return arena_strndup(m->a, p, n);
	}
}

char
tab_letter(const char *c, const char **rest)
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

/* ---- the table as the mapper sees it ------------------------------------ */

static void
build(struct mctx *m, const struct dm_block *b, struct mtab *t)
{
	const struct dm_table *dt = b->table;

	memset(t, 0, sizeof(*t));
	t->b = b;
	t->ncols = dt->ncols;
	t->nrows = dt->nrows;
	t->col = arena_array(m->a, dt->ncols, sizeof(*t->col));
	t->row = arena_array(m->a, dt->nrows, sizeof(*t->row));
	for (size_t r = 0; r < dt->nrows; r++) {
		struct mrow *row = &t->row[r];

		row->cell = arena_array(m->a, dt->ncols, sizeof(*row->cell));
		row->marks = arena_array(m->a, dt->ncols, sizeof(*row->marks));
		row->cpos = arena_array(m->a, dt->ncols, sizeof(*row->cpos));
		row->span = arena_array(m->a, dt->ncols, sizeof(*row->span));
		row->pos = dt->row_pos[r] ? dt->row_pos[r] : b->pos;
		row->head = dt->head[r];
		for (size_t c = 0; c < dt->ncols; c++) {
			const struct dm_cell *cell = dm_cell(dt, r, c);

			row->cell[c] = cell->rowspan == 0 || cell->colspan == 0 ? NULL : cell->text;
			((int *)row->span)[c] = cell->rowspan;
			row->marks[c] = cell->marks;
			row->cpos[c] = cell->pos ? cell->pos : row->pos;
		}
		/* one cell across the table: a group's name */
		if (dt->ncols > 1 && dm_cell(dt, r, 0)->colspan == (int)dt->ncols)
			row->group = true;
	}
}

/* The first row that names columns (within the first three), or SIZE_MAX. */
static size_t
header_row(const struct mtab *t)
{
	for (size_t r = 0; r < t->nrows && r < 3; r++)
		if (t->row[r].head)
			return r;
	for (size_t r = 0; r < t->nrows && r < 3; r++) {
		size_t known = 0;

		for (size_t c = 0; c < t->ncols; c++)
			known += t->row[r].cell[c] != NULL && strlen(t->row[r].cell[c]) <= 80 &&
			    vocab_column(t->row[r].cell[c], NULL) > COL_OTHER;
		if (known >= 2)
			return r;
	}
	return SIZE_MAX;
}

/* Average length of a column's cells in the rows below the header, and how many have text. */
static size_t
col_stats(const struct mtab *t, size_t h, size_t c, size_t *filled, size_t *refs)
{
	size_t total = 0;

	*filled = 0;
	if (refs != NULL)
		*refs = 0;
	for (size_t r = h + 1; r < t->nrows; r++) {
		const char *s = t->row[r].cell[c];

		if (t->row[r].head || t->row[r].group || s == NULL || *s == '\0')
			continue;
		(*filled)++;
		total += strlen(s);
		if (refs != NULL) {
			size_t w = 0;

			for (const char *p = s; *p != '\0'; p++)
				w += *p == ' ';
			*refs += w <= 2 && strlen(s) <= 16 && strpbrk(s, "0123456789") != NULL;
		}
	}
	return *filled ? total / *filled : 0;
}

static bool
periods_only(const struct mrow *row, size_t ncols)
{
	size_t filled = 0;

	for (size_t c = 0; c < ncols; c++) {
		const char *s = row->cell[c];

		if (s == NULL || *s == '\0')
			continue;
		filled++;
		for (; *s != '\0'; s++)
			if (!isdigit((unsigned char)*s) && *s != '/' && *s != '-' && *s != ' ')
				return false;
	}
	return filled > 0;
}

/* Does a cell of column c span several rows (a merged cell over its children)? */
static bool
merged_down(const struct mtab *t, size_t h, size_t c)
{
	for (size_t r = h + 1; r < t->nrows; r++)
		if (t->row[r].span[c] > 1)
			return true;
	return false;
}

/* How many of a column's cells read as times. */
static size_t
times(struct mctx *m, const struct mtab *t, size_t h, size_t c)
{
	size_t n = 0;

	for (size_t r = h + 1; r < t->nrows; r++) {
		const char *s = t->row[r].cell[c];
		struct timescale ts;
		int a, b;
		char tail;

		if (t->row[r].head || t->row[r].group || s == NULL || *s == '\0')
			continue;
		/* "16/17" a financial year; "9/30/17" a date in either order */
		if (sscanf(s, "%2d/%2d%c", &a, &b, &tail) == 2 || (sscanf(s, "%2d/%2d/%c", &a, &b,
		    &tail) == 3 && isdigit((unsigned char)tail)) || map_is_time(m, s)) {
			n++;
			continue;
		}
		tsc_parse(s, DATE_NONE, &ts);
		n += ts.earliest != DATE_NONE || ts.ongoing || ts.complete || strlen(s) > 12;
	}
	return n;
}

static bool
name_like(const struct mtab *t, size_t h, size_t c)
{
	for (size_t r = h + 1; r < t->nrows; r++) {
		const char *s = t->row[r].cell[c];
		size_t words = 1;

		if (t->row[r].head || t->row[r].group || s == NULL || *s == '\0')
			continue;
		for (const char *p = s; *p != '\0'; p++)
			words += *p == ' ';
		if (words > 6 || strchr(s, '.') != NULL || !isupper((unsigned char)s[0]))
			return false;
	}
	return true;
}

static void
roles(struct mctx *m, struct mtab *t, size_t h)
{
	bool seen[COL__MAX] = { false };
	size_t best = SIZE_MAX, best_len = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		struct mcol *col = &t->col[c];

		col->header = t->row[h].cell[c] ? t->row[h].cell[c] : "";
		col->role = vocab_column(col->header, &col->kind);
		for (size_t k = 0; k < m->o->nmap; k++)
			if (strcasecmp(m->o->map[k].header, col->header) == 0) {
				col->role = m->o->map[k].role;
				col->kind = RK_NONE;
				map_column(m, col->header, vocab_role_name(col->role));
				col->reported = true;
			}
	}
	for (size_t c = 0; c < t->ncols; c++) {
		struct mcol *col = &t->col[c];
		size_t filled, refs, avg = col_stats(t, h, c, &filled, &refs);

		/* a column without a header says what it is by what it holds */
		if (col->role == COL_NONE && filled > 0) {
			if (refs * 5 >= filled * 4 && !seen[COL_REF] && c <= 1)
				col->role = COL_REF;
			else if (avg > 30)
				col->role = COL_TEXT;
		}
		/* "Serial No." then "Item": the second names the text */
		if (col->role == COL_REF && seen[COL_REF])
			col->role = COL_TEXT;
		/* a "Target" column of figures is not when things are due */
		if (col->role == COL_TIMESCALE && filled > 0 && times(m, t, h, c) * 2 < filled)
			col->role = COL_OTHER;
		/* a column of cells merged down the rows: the items the rows beside them belong to */
		if (col->role != COL_TEXT && col->role != COL_REF && merged_down(t, h, c)) {
			col->parents = true;
			col->kind = col->role == COL_PRIORITY ? RK_PRIORITY : col->kind;
		}
		/* a priority column of sentences holds the items the rows beside it belong to */
		if (col->role == COL_PRIORITY && avg > 16) {
			col->parents = true;
			col->kind = RK_PRIORITY;
		}
		if (col->role == COL_TEXT && avg >= best_len && filled > 0) {
			best = c;
			best_len = avg;
		}
		seen[col->role] = true;
	}
	/* of several text columns, the longest is the text; one of short names beside it, the lead */
	for (size_t c = 0; c < t->ncols; c++) {
		struct mcol *col = &t->col[c];

		if (col->role != COL_TEXT || c == best)
			continue;
		if (tab_col(t, COL_LEAD) == SIZE_MAX && name_like(t, h, c)) {
			col->role = COL_LEAD;
			col->kind = RK_NONE;
		}
	}
	if (best == SIZE_MAX) {
		/* no text column: the subject, else a measure, holds the text */
		if ((best = tab_col(t, COL_SUBJECT)) == SIZE_MAX)
			best = tab_col(t, COL_MEASURE);
	}
	t->text = best;
	/* only the first column of a role is that field: others are extras */
	memset(seen, 0, sizeof(seen));
	for (size_t c = 0; c < t->ncols; c++) {
		struct mcol *col = &t->col[c];

		if (col->role > COL_OTHER && seen[col->role] && c != best && !col->parents)
			col->role = COL_OTHER;
		seen[col->role] = true;
	}
}

/* ---- rows to records ----------------------------------------------------- */

/* Remove "Non-statutory" or "STATUTORY" from text; 1, 0, or -1 if absent. */
static int
take_statutory(struct mctx *m, const char **text)
{
	static const char *const neg[] = { "non-statutory", "non statutory", "nonstatutory" };
	const char *t = *text, *hit = NULL;
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
	if (hit != NULL)
		*text = str_trim(arena_printf(m->a, "%.*s %s", (int)(hit - t), t, hit + len));
	return val;
}

/* Lift "Recommendation met: X" out of progress text; the grade, or NULL. */
static const char *
take_degree(struct mctx *m, const char **text)
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
	*text = str_trim(arena_printf(m->a, "%.*s%s", (int)(hit - t), t, p));
	return arena_strdup(m->a, grade);
}

static void
set_field(struct mctx *m, struct mrec *r, struct mcol *col, const char *text)
{
	if (!map_field(m, r, col->role == COL_TEXT ? COL_OTHER : col->role, col->header, text) &&
	    !col->reported) {
		map_column(m, col->header, "extra");
		col->reported = true;
	}
}

/* The kind of the level above records of kind child. */
static enum rec_kind
kind_above(enum rec_kind child)
{
	switch (child) {
	case RK_ACTION: return RK_OBJECTIVE;
	case RK_OBJECTIVE: return RK_PRIORITY;
	case RK_OUTCOME: return RK_AIM;
	case RK_AIM: return RK_GOAL;
	default: return RK_PRIORITY;
	}
}

/* The kind of record the parents column holds: its own noun, else the level above the rows'. */
static enum rec_kind
parent_kind(const struct mcol *col, enum rec_kind child)
{
	return col->kind != RK_NONE ? col->kind : kind_above(child);
}

/*
 * "Section A – Organisational Excellence" over a table of parent items (an
 * area of work merged down beside its actions): the part of the document
 * they are in, with its letter or number and its own title, is the record
 * above them. A part's heading that names a kind ("Part 4: Objectives")
 * says what the rows are, not an item. The record's index, or -1.
 */
static int
section_record(struct mctx *m, const struct dm_block *b, const char *title, enum rec_kind kind,
    int group)
{
	const char *p, *ref;
	size_t n, rl, len;
	struct mrec *r;

	if (title == NULL || !isupper((unsigned char)title[0]) || (n = vocab_section_at(title)) == 0 ||
	    title[n] != ' ')
		return -1;
	p = title + n + 1;
	if (isupper((unsigned char)p[0]) && !isalpha((unsigned char)p[1]))
		rl = 1;
	else if ((rl = strspn(p, "0123456789")) == 0 || rl > 3)
		return -1;
	ref = arena_strndup(m->a, p, rl);
	p += rl;
	while (*p == ' ')
		p++;
	if (*p == ':' || *p == '.' || *p == '-')
		p++;
	else if (strncmp(p, "\xE2\x80\x93", 3) == 0 || strncmp(p, "\xE2\x80\x94", 3) == 0)
		p += 3;
	else
		return -1;
	while (*p == ' ')
		p++;
	if (!isupper((unsigned char)*p))
		return -1;
	for (const char *w = p; *w != '\0'; w++)
		if ((w == p || w[-1] == ' ') && vocab_family_at(w, &len) != RK_NONE)
			return -1;
	r = map_rec(m, kind, b, group);
	r->ref = ref;
	r->title = p;
	return (int)(r - m->recs);
}

/* Key actions lettered a), b)...: a table that starts again at a) is the next parent's. */
static int
letter_parent(struct mctx *m, char letter, const struct mrow *row, bool first)
{
	int parent = m->parent[RK_PRIORITY];

	/* before any priority heading: the first of the document's priorities, or a new one */
	if (parent < 0) {
		for (size_t i = 0; i < m->nrecs && parent < 0; i++)
			if (m->recs[i].kind == RK_PRIORITY)
				parent = (int)i;
		if (parent < 0) {
			struct mrec *p = map_rec(m, RK_PRIORITY, NULL, -1);

			p->pos = row->pos;
			parent = (int)(p - m->recs);
		}
		m->parent[RK_PRIORITY] = parent;
	}
	if (first && letter == 'a' && m->letter_parent == parent && m->last_letter != 0) {
		/* the next priority of the document's list, or a new one */
		int next = -1;

		for (size_t i = (size_t)parent + 1; i < m->nrecs; i++)
			if (m->recs[i].kind == RK_PRIORITY && m->recs[i].group == m->recs[parent].group) {
				next = (int)i;
				break;
			}
		if (next < 0) {
			struct mrec *p = map_rec(m, RK_PRIORITY, NULL, m->recs[parent].group);

			p->title = NULL;
			p->pos = row->pos;
			next = (int)(p - m->recs);
		}
		parent = next;
		m->parent[RK_PRIORITY] = parent;
		m->last_letter = 0;
	}
	return parent;
}

static void
emit_row(struct mctx *m, struct mtab *t, struct mrow *row, int group, int parent,
    const char *section)
{
	const char *text = t->text != SIZE_MAX ? row->cell[t->text] : NULL, *rest;
	size_t refc = tab_col(t, COL_REF);
	struct mrec *r;
	char letter = 0;

	if (t->lettered && text != NULL && (letter = tab_letter(text, &rest)) != 0)
		text = rest;
	if ((text == NULL || *text == '\0') && tab_col(t, COL_SUBJECT) != SIZE_MAX &&
	    row->cell[tab_col(t, COL_SUBJECT)] != NULL && *row->cell[tab_col(t, COL_SUBJECT)] != '\0') {
		text = "";
	} else if (text == NULL || *text == '\0') {
		/* a row with its reference and nothing else */
		for (size_t c = 0; c < t->ncols; c++)
			if (row->cell[c] != NULL && *row->cell[c] != '\0')
				map_unread(m, t->b, row->cpos[c], row->cell[c],
				    "a row of the table with no text: nothing to read as a record");
		return;
	}
	/* "Objective 1: To ensure ...": a label in the text names the record */
	{
		const char *lref, *lrest;

		if (refc == SIZE_MAX && letter == 0 && map_label(m, text, &lref, &lrest) != RK_NONE &&
		    *lrest != '\0') {
			row->ref = lref;
			text = lrest;
			refc = SIZE_MAX - 1;
		}
	}
	/* "- The service should...": the separator after a reference in its own column */
	while (*text == '-' || *text == ' ' || strncmp(text, "\xE2\x80\x93 ", 4) == 0)
		text += *text == '\xE2' ? 3 : 1;
	r = map_rec(m, t->kind, t->b, group);
	r->pos = row->pos;
	r->where = arena_printf(m->a, "%s", t->b->where);
	if (row->pos != t->b->pos && m->d->format == DM_TEXT)
		r->where = arena_printf(m->a, "line %d", row->pos);
	r->title = text;
	r->marks = t->text != SIZE_MAX ? row->marks[t->text] : NULL;
	r->parent = parent;
	if (letter != 0) {
		/* a letter that does not move on (a second "i)") is the next one */
		if (m->letter_parent == parent && m->last_letter != 0 && letter <= m->last_letter) {
			char next = (char)(m->last_letter + 1);

			map_note(m, "line %d: key action lettered %c) after %c); read as %c)", row->pos,
			    letter, m->last_letter, next);
			letter = next;
		}
		m->last_letter = letter;
		m->letter_parent = parent;
		r->ref = arena_printf(m->a, "%c", letter);
	} else if (refc != SIZE_MAX) {
		r->ref = row->ref;
		if (refc == SIZE_MAX - 1)
			refc = SIZE_MAX;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = row->cell[c];

		if (c == t->text || c == refc || s == NULL || *s == '\0' || t->col[c].parents)
			continue;
		if (t->col[c].role <= COL_OTHER && t->col[c].header[0] == '\0' && t->col[c].role == COL_NONE)
			map_extra(m, r, arena_printf(m->a, "column %zu", c + 1), s);
		else
			set_field(m, r, &t->col[c], s);
	}
	if (section != NULL)
		map_extra(m, r, "Group", section);
	/* a table without a timescale column may give one in the text */
	if (r->timescale == NULL && tab_col(t, COL_TIMESCALE) == SIZE_MAX && r->title != NULL)
		r->timescale = map_text_timescale(m, r->title);
	if (r->kind == RK_RECOMMENDATION) {
		int stat = -1;

		if (r->subject != NULL)
			stat = take_statutory(m, &r->subject);
		if (stat < 0 && r->title != NULL && *r->title != '\0')
			stat = take_statutory(m, &r->title);
		r->statutory = stat;
		if (r->progress != NULL) {
			r->degree = take_degree(m, &r->progress);
			m->progress_rows = true;
		}
	}
}

/*
 * A table of labels and values, a record a run of rows: "Report | ...",
 * "Issue to consider | ...", "Report | ..." (each time the first label
 * comes again, a record starts). True if the table is one.
 */
static bool
kv_table(struct mctx *m, size_t i, const struct mtab *t)
{
	size_t labels = 0, rows = 0;
	const char *start = NULL;
	enum rec_kind kind = RK_NONE, k;
	struct mrec *r = NULL;
	int group;

	if (t->ncols < 2)
		return false;
	for (size_t row = 0; row < t->nrows; row++) {
		const char *l = t->row[row].cell[0];

		if (l == NULL || *l == '\0')
			continue;
		rows++;
		if (strlen(l) <= 40 && vocab_column(l, &k) > COL_OTHER) {
			labels++;
			if (kind == RK_NONE)
				kind = k;
		}
	}
	if (rows < 2 || labels * 3 < rows * 2)
		return false;
	if (m->o->as != RK_NONE)
		kind = m->o->as;
	if (kind == RK_NONE && (kind = map_context_kind(m, i, NULL)) == RK_NONE)
		return false;
	group = map_group(m, kind, NULL, t->b->pos);
	for (size_t row = 0; row < t->nrows; row++) {
		const struct mrow *rw = &t->row[row];
		const char *l = rw->cell[0], *v = "";
		enum col_role role;

		if (l == NULL || *l == '\0')
			continue;
		for (size_t c = 1; c < t->ncols; c++)
			if (rw->cell[c] != NULL && *rw->cell[c] != '\0')
				v = *v ? arena_printf(m->a, "%s %s", v, rw->cell[c]) : rw->cell[c];
		if (start == NULL)
			start = l;
		if (r == NULL || strcasecmp(l, start) == 0) {
			r = map_rec(m, kind, t->b, group);
			r->pos = rw->pos;
		}
		role = vocab_column(l, NULL);
		if (*v != '\0')
			map_field(m, r, role, l, v);
		map_column(m, l, role > COL_OTHER ? vocab_role_name(role) : "extra");
	}
	return true;
}

bool
map_table(struct mctx *m, size_t i)
{
	const struct dm_block *b = &m->d->blocks[i];
	struct mtab t;
	size_t h;
	int group, parent = -1, above = -1;
	const char *section = NULL, *title;
	bool first_row = true;

	build(m, b, &t);
	if (kv_table(m, i, &t))
		return true;
	if ((h = header_row(&t)) == SIZE_MAX)
		return false;
	t.row[h].head = true;
	/* "2013/14 2014/15 ...": a row of periods under the header is the header's */
	for (size_t r = h + 1; r < t.nrows && periods_only(&t.row[r], t.ncols); r++)
		t.row[r].head = true;
	roles(m, &t, h);
	if (t.text == SIZE_MAX)
		return false;
	/* what the rows are */
	t.kind = m->o->as != RK_NONE ? m->o->as : t.col[t.text].kind;
	if (t.kind == RK_NONE)
		t.kind = map_context_kind(m, i, NULL);
	if (t.kind == RK_NONE) {
		/* numbered rows of text each with a status or a lead: targets the body set itself */
		int cues = (tab_col(&t, COL_REF) != SIZE_MAX) + (tab_col(&t, COL_LEAD) != SIZE_MAX) +
		    (tab_col(&t, COL_STATUS) != SIZE_MAX) + (tab_col(&t, COL_TIMESCALE) != SIZE_MAX);

		if (cues < 2)
			return false;
		t.kind = RK_OBJECTIVE;
		map_note(m, "%s: nothing in the document says what the rows of this table are; they "
		    "were read as objectives (use --as to read them as something else)", b->where);
	}
	/* which rows start a record */
	{
		size_t refc = tab_col(&t, COL_REF), letters = 0, rows = 0;
		const char *rest;

		for (size_t r = h + 1; r < t.nrows; r++) {
			const char *s = t.row[r].cell[t.text];

			if (t.row[r].head || t.row[r].group)
				continue;
			rows++;
			letters += s != NULL && tab_letter(s, &rest) != 0;
			if (refc != SIZE_MAX && t.row[r].cell[refc] != NULL)
				t.row[r].ref = tab_ref(m, t.row[r].cell[refc]);
		}
		t.lettered = refc == SIZE_MAX && t.kind == RK_ACTION && letters * 2 >= rows && letters > 0;
		for (size_t r = h + 1; r < t.nrows; r++) {
			const char *s = t.row[r].cell[t.text];

			/* without references, a row starts a record by its letter, or by having text */
			if (t.lettered ? s != NULL && tab_letter(s, &rest) != 0 :
			    refc == SIZE_MAX && s != NULL && *s != '\0')
				t.row[r].ref = "";
		}
	}
	/* a PDF's reader joins wrapped cells, rows cut by a page and repeated headers itself */
	if (m->d->format == DM_TEXT) {
		rep_repeated_headers(m, &t);
		rep_header_continued(m, &t);
		rep_rows_continued(m, &t);
	}
	for (size_t c = 0; c < t.ncols; c++)
		if (!t.col[c].reported && t.col[c].role > COL_OTHER && t.col[c].header[0] != '\0') {
			map_column(m, t.col[c].header, c == t.text ? "text" : t.col[c].parents ?
			    "parent items" : vocab_role_name(t.col[c].role));
			t.col[c].reported = true;
		}
	title = map_title_above(m, i);
	group = map_group(m, t.kind, title, b->pos);
	for (size_t c = 0; c < t.ncols; c++)
		if (t.col[c].parents) {
			above = section_record(m, b, title, kind_above(parent_kind(&t.col[c], t.kind)),
			    group);
			break;
		}
	if (t.kind == RK_ACTION && m->parent[RK_PRIORITY] < 0)
		m->parent[RK_PRIORITY] = -1;
	for (size_t r = h + 1; r < t.nrows; r++) {
		struct mrow *row = &t.row[r];
		int p = parent;

		if (row->head) {
			/* a key-action table's header again starts the next priority's table */
			first_row = true;
			continue;
		}
		if (row->merged)
			continue;
		if (row->group) {
			section = row->cell[0];
			continue;
		}
		/* a parent item beside its first child, its cell merged down the rows after */
		for (size_t c = 0; c < t.ncols; c++) {
			const char *s = row->cell[c];

			if (!t.col[c].parents || s == NULL || *s == '\0')
				continue;
			{
				struct mrec *pr = map_rec(m, parent_kind(&t.col[c], t.kind), b, group);
				const char *ref, *rest;

				pr->title = vocab_strip_link(m->a, s);
				pr->pos = row->pos;
				pr->parent = above;
				/* "1 Integrating a newly appointed Board": its number, then its title */
				if (map_label(m, s, &ref, &rest) != RK_NONE) {
					pr->ref = ref;
					pr->title = rest;
				} else if (isdigit((unsigned char)s[0])) {
					size_t n = strspn(s, "0123456789.");

					if (s[n] == ' ' && isupper((unsigned char)s[n + 1])) {
						pr->ref = arena_strndup(m->a, s, n);
						pr->title = s + n + 1;
					}
				}
				parent = (int)(pr - m->recs);
				p = parent;
			}
		}
		if (t.lettered) {
			const char *rest;
			const char *s = row->cell[t.text];

			p = letter_parent(m, s ? tab_letter(s, &rest) : 0, row, first_row);
			first_row = false;
		} else if (p < 0 && t.kind == RK_ACTION) {
			p = m->parent[RK_PRIORITY] >= 0 ? m->parent[RK_PRIORITY] :
			    m->parent[RK_OBJECTIVE];
		}
		emit_row(m, &t, row, group, p, section);
	}
	return true;
}
