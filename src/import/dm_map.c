/*
 * dm_map.c: the mapper's walk over a document (see dm_map.h).
 *
 * First the document's title and date (the line above "Report: N", the
 * first heading; "Date: ...", a date alone near the top), then each block
 * in order: a table goes to dm_maptab.c; a timetable of dates to
 * dm_maptime.c; lists, labelled headings and blocks of "Label: value"
 * lines to dm_maplist.c. Each reader adds records and marks the blocks it
 * read. What is left is reported: page furniture as not content, every
 * other line as not read, each with the reason.
 *
 * The kind of a list or table comes from its own words first (a column
 * "Key actions", a label "Objective 1:"), then from the sentence that
 * introduces it ("the following eight recommendations:"), then from the
 * nearest heading above it that names a kind, then from the document's
 * title; --as overrides them all.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "base/tsc.h"
#include "import/dm_map_impl.h"

/* ---- records and reports ---------------------------------------------- */

/* arr with room for one more of n elements of size bytes, grown from *cap. */
static void *
grow(struct arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
	void *nw;

	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 32;
	nw = arena_array(a, *cap, size);
	if (n)
		memcpy(nw, arr, n * size);
	return nw;
}

struct mrec *
map_rec(struct mctx *m, enum rec_kind k, const struct dm_block *b, int group)
{
	struct mrec *r;

	m->recs = grow(m->a, m->recs, m->nrecs, &m->rcap, sizeof(*m->recs));
	r = &m->recs[m->nrecs++];
	memset(r, 0, sizeof(*r));
	r->kind = m->o->as != RK_NONE ? m->o->as : k;
	r->parent = -1;
	r->statutory = -1;
	r->group = group;
	if (b != NULL) {
		r->pos = b->pos;
		r->where = b->where;
	}
	return r;
}

int
map_group(struct mctx *m, enum rec_kind k, const char *title, int pos)
{
	struct mgroup *g;

	m->groups = grow(m->a, m->groups, m->ngroups, &m->gcap, sizeof(*m->groups));
	g = &m->groups[m->ngroups];
	memset(g, 0, sizeof(*g));
	g->kind = k;
	g->title = title;
	g->pos = pos;
	return (int)m->ngroups++;
}

bool
map_field(struct mctx *m, struct mrec *r, enum col_role role, const char *label, const char *text)
{
	const char **f = NULL;

	switch (role) {
	case COL_TEXT: f = &r->title; break;
	case COL_LEAD: f = &r->lead; break;
	case COL_TIMESCALE: f = &r->timescale; break;
	case COL_PRIORITY: f = &r->priority; break;
	case COL_STATUS: f = &r->status; break;
	case COL_RESPONSE: f = &r->response; break;
	case COL_PROGRESS: f = &r->progress; break;
	case COL_SUBJECT: f = &r->subject; break;
	case COL_MEASURE: f = &r->measure; break;
	case COL_EVIDENCE: f = &r->evidence; break;
	case COL_SOURCE: f = &r->source_name; break;
	case COL_DATE: f = &r->progress_date; break;
	default: break;
	}
	if (f != NULL && *f == NULL) {
		*f = text;
		return true;
	}
	map_extra(m, r, label, text);
	return false;
}

const struct dm_block *
map_block(const struct mctx *m, size_t i)
{
	return i < m->d->nblocks ? &m->d->blocks[i] : NULL;
}

size_t
map_next(const struct mctx *m, size_t i)
{
	for (i++; i < m->d->nblocks; i++)
		if (!(m->d->blocks[i].flags & DMF_NOISE))
			return i;
	return m->d->nblocks;
}

void
map_extra(struct mctx *m, struct mrec *r, const char *header, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (r->extra == NULL) {
		r->extra = arena_alloc(m->a, sizeof(*r->extra));
		buf_init(r->extra, 1 << 20);
	}
	buf_addf(r->extra, "%s%s: %s", r->extra->len ? "\n" : "", header && *header ? header :
	    "(no header)", text);
}

void
map_column(struct mctx *m, const char *header, const char *as)
{
	size_t i;
	json_t *v;

	if (header == NULL || *header == '\0')
		return;
	json_array_foreach(m->columns, i, v)
		if (strcmp(json_string_value(json_object_get(v, "header")), header) == 0)
			return;
	json_array_append_new(m->columns, json_pack("{s:s, s:s}", "header", header, "read_as", as));
}

void
map_unread(struct mctx *m, const struct dm_block *b, int pos, const char *text, const char *why)
{
	if (text == NULL || *text == '\0')
		return;
	json_array_append_new(m->unread, json_pack("{s:i, s:s, s:s, s:s}", "line", pos ? pos : b->pos,
	    "where", pos && pos != b->pos ? arena_printf(m->a, "%s %d", strchr(b->where, ' ') ?
	    arena_strndup(m->a, b->where, (size_t)(strrchr(b->where, ' ') - b->where)) : "line",
	    pos) : b->where, "text", text, "why", why));
}

void
map_note(struct mctx *m, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	json_array_append_new(m->notes, json_string(buf_str(&b)));
	buf_release(&b);
}

/* ---- words ------------------------------------------------------------ */

const char *
map_tidy(struct mctx *m, const char *text, bool capital)
{
	char *t = str_trim(arena_strdup(m->a, text));
	size_t n;

	for (;;) {
		n = strlen(t);
		if (n > 0 && (t[n - 1] == ',' || t[n - 1] == ';' || t[n - 1] == '.' || t[n - 1] == ' ')) {
			t[n - 1] = '\0';
			continue;
		}
		if (n > 4 && strcasecmp(t + n - 4, " and") == 0) {
			t[n - 4] = '\0';
			continue;
		}
		if (n > 3 && strcasecmp(t + n - 3, " or") == 0) {
			t[n - 3] = '\0';
			continue;
		}
		break;
	}
	if (capital && islower((unsigned char)t[0]))
		t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

int
map_number_word(const char *w, size_t n)
{
	static const char *const words[] = { "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
		"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty" };
	int v = 0;

	if (n > 0 && n <= 3 && isdigit((unsigned char)w[0])) {
		for (size_t i = 0; i < n; i++) {
			if (!isdigit((unsigned char)w[i]))
				return 0;
			v = v * 10 + (w[i] - '0');
		}
		return v;
	}
	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return (int)i + 1;
	return 0;
}

/* The number word just before p (within three words of it), or 0. */
static int
count_before(const char *start, const char *p)
{
	const char *q = p;

	for (int words = 0; words < 3 && q > start; words++) {
		const char *e, *b;
		int v;

		while (q > start && !isalnum((unsigned char)q[-1]))
			q--;
		e = q;
		while (q > start && isalnum((unsigned char)q[-1]))
			q--;
		b = q;
		if (e == b)
			break;
		if ((v = map_number_word(b, (size_t)(e - b))) > 0)
			return v;
	}
	return 0;
}

/*
 * The first family noun in s, and where it is (NULL if none). "Action
 * plan" names a document, which may hold recommendations or actions: not
 * what its items are.
 */
static enum rec_kind
first_noun(const char *s, const char **at, size_t *len)
{
	for (const char *p = s; *p != '\0'; p++) {
		enum rec_kind k;

		if (p > s && isalnum((unsigned char)p[-1]))
			continue;
		if ((k = vocab_family_at(p, len)) != RK_NONE) {
			if (strncasecmp(p + *len, " plan", 5) == 0 && !isalpha((unsigned char)p[*len + 5]))
				continue;
			*at = p;
			return k;
		}
	}
	*at = NULL;
	return RK_NONE;
}

/*
 * A sentence that introduces a list ends with a colon or says "namely",
 * "as follows", "the following". What the list is of is the noun after
 * "the following", else the first the sentence names: "Outcomes relating
 * to this objective are:" lists outcomes. "including" says the list is
 * not all of them.
 */
enum rec_kind
map_intro(const char *text, int *count, bool *partial)
{
	size_t len = strlen(text), n;
	const char *t = text, *fol, *at;
	enum rec_kind k;

	*count = 0;
	*partial = false;
	if (len == 0 || len > 2000)
		return RK_NONE;
	while (len > 0 && text[len - 1] == ' ')
		len--;
	if (text[len - 1] != ':' && strstr(text, "namely") == NULL && strstr(text, "as follows") == NULL &&
	    !vocab_has_word(text, "the following"))
		return RK_NONE;
	/* only the sentence that introduces the list counts */
	for (const char *p = text; (p = strstr(p, ". ")) != NULL; p += 2)
		if (p + 2 < text + len && isupper((unsigned char)p[2]))
			t = p + 2;
	*partial = vocab_has_word(t, "including") || vocab_has_word(t, "include") ||
	    vocab_has_word(t, "includes") || vocab_has_word(t, "such as") ||
	    vocab_has_word(t, "for example");
	fol = NULL;
	for (const char *p = t; *p != '\0'; p++)
		if (strncasecmp(p, "following", 9) == 0 && (p == t || !isalpha((unsigned char)p[-1])))
			fol = p + 9;
	if (fol != NULL && strspn(fol, " :.") < strlen(fol)) {
		/* the words after "the following" say what follows, whatever came before */
		k = first_noun(fol, &at, &n);
		if (k != RK_NONE)
			*count = count_before(fol, at);
		return k;
	}
	k = first_noun(t, &at, &n);
	if (k != RK_NONE)
		*count = count_before(t, at);
	/* "Two projects were off track. These were noted as follows:": the sentence before names them */
	if (k == RK_NONE && t > text && (vocab_has_word(t, "these") || vocab_has_word(t, "they"))) {
		const char *prev = text;

		for (const char *p = text; p + 2 < t; p++)
			if (p[0] == '.' && p[1] == ' ' && p + 2 < t - 2)
				prev = p + 2;
		k = first_noun(prev, &at, &n);
		if (k != RK_NONE && at >= t)
			k = RK_NONE;
	}
	/* "We will:", "To do this we will:": what follows is what will be done */
	else if (vocab_has_word(t, "we will") || vocab_has_word(t, "we shall") ||
	    vocab_has_word(t, "we are going to") || vocab_has_word(t, "we plan to"))
		k = RK_ACTION;
	return k;
}

/*
 * What an introduction says of the items it lists: "Two projects were
 * currently off track" (off track), "Strategic projects that had
 * completed their defined actions ... were noted as follows:" (the
 * clause), "Actions completed last month" (a heading: what follows the
 * noun). NULL if it says nothing of their state.
 */
const char *
map_intro_status(struct mctx *m, const char *text, bool heading)
{
	const char *at, *p;
	size_t n;
	enum rec_kind k;
	static const char *const be[] = { "were ", "are ", "is ", "was ", "have been ", "has been ",
		"currently ", "now ", "all " };

	for (const char *s = text; (s = strstr(s, ". ")) != NULL; s += 2)
		if (isupper((unsigned char)s[2]) && first_noun(s + 2, &at, &n) != RK_NONE)
			text = s + 2;
	if ((k = first_noun(text, &at, &n)) == RK_NONE)
		return map_counted_status(m, text);
	p = at + n;
	while (*p == ' ')
		p++;
	if (heading && vocab_status_at(p) > 0)
		return str_trim(arena_strdup(m->a, p));
	if (strncmp(p, "that ", 5) == 0 || strncmp(p, "which ", 6) == 0 || strncmp(p, "who ", 4) == 0) {
		const char *e, *q = strchr(p, ' ') + 1;

		if ((e = strstr(q, " were noted")) != NULL || (e = strstr(q, " are noted")) != NULL ||
		    (e = strstr(q, " were as follows")) != NULL || (e = strstr(q, " are as follows")) != NULL)
			return arena_strndup(m->a, q, (size_t)(e - q));
		return NULL;
	}
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < WM_ARRAY_LEN(be); i++)
			if (strncmp(p, be[i], strlen(be[i])) == 0) {
				p += strlen(be[i]);
				again = true;
			}
	}
	if ((n = vocab_status_at(p)) > 0 && !(n == 1 && isupper((unsigned char)*p)))
		return arena_strndup(m->a, p, n);
	return NULL;
}

/* "Strategic", "Key", "Main": a word that may stand before a label's noun. */
static bool
adjective(const char *w, size_t n)
{
	return n >= 3 && n <= 12 && isupper((unsigned char)w[0]);
}

/* A reference after a label: "1", "33.10a", "2A", "A", "iv", "7a". Its length, or 0. */
static size_t
label_ref(const char *s)
{
	size_t i = 0;

	if (isdigit((unsigned char)s[0])) {
		while (isdigit((unsigned char)s[i]) || (s[i] == '.' && isalnum((unsigned char)s[i + 1])) ||
		    (isalpha((unsigned char)s[i]) && i > 0 && !isalpha((unsigned char)s[i + 1]) &&
		    (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '.')))
			i++;
		return i;
	}
	if (isupper((unsigned char)s[0]) && !isalpha((unsigned char)s[1]))
		return 1;
	while (strchr("ivxlc", s[i]) != NULL && s[i] != '\0' && i < 6)
		i++;
	if (i > 0 && !isalpha((unsigned char)s[i]))
		return i;
	return 0;
}

enum rec_kind
map_label(struct mctx *m, const char *text, const char **ref, const char **rest)
{
	const char *p = text, *r;
	size_t n = 0, rl;
	enum rec_kind k;
	bool whole;

	*ref = *rest = NULL;
	while (*p == ' ')
		p++;
	if ((k = vocab_family_at(p, &n)) == RK_NONE) {
		const char *w = p;

		while (isalpha((unsigned char)*p))
			p++;
		if (!adjective(w, (size_t)(p - w)) || *p != ' ')
			return RK_NONE;
		p++;
		if ((k = vocab_family_at(p, &n)) == RK_NONE)
			return RK_NONE;
	}
	/* a label is capitalised: "Objective 1", not "objective 1 of the plan" in a sentence */
	if (!isupper((unsigned char)text[strspn(text, " ")]))
		return RK_NONE;
	whole = k == RK_MILESTONE && (strncasecmp(p, "stage", 5) == 0 || strncasecmp(p, "step", 4) == 0);
	r = p + n;
	if (*r != ' ')
		return RK_NONE;
	while (*r == ' ')
		r++;
	if ((rl = label_ref(r)) == 0)
		return RK_NONE;
	*ref = whole ? arena_strndup(m->a, p, (size_t)(r + rl - p)) : arena_strndup(m->a, r, rl);
	r += rl;
	/* the separator: "1:", "A.", "1 -", "2 –", or none before a capital or the end */
	while (*r == ' ')
		r++;
	if (*r == ':' || *r == '.' || *r == ')' || *r == ',') {
		r++;
	} else if (*r == '-' || strncmp(r, "\xE2\x80\x93", 3) == 0 || strncmp(r, "\xE2\x80\x94", 3) == 0) {
		r += *r == '-' ? 1 : 3;
	} else if (*r != '\0' && !isupper((unsigned char)*r)) {
		*ref = NULL;
		return RK_NONE;
	}
	while (*r == ' ')
		r++;
	*rest = r;
	return k;
}

/* ---- context ---------------------------------------------------------- */

static bool
skippable(const struct dm_block *b)
{
	return (b->flags & DMF_NOISE) != 0;
}

/* A short paragraph with a title's look ("Equality Objectives"): a heading the format lost. */
static bool
heading_like(struct mctx *m, const struct dm_block *b)
{
	size_t n;
	const char *colon, *ref, *rest;

	if (b->type == DM_TABLE)
		return false;
	/* "Meeting: 09/03/2021 - Cabinet" is a field of the page, not a heading; "Priority 2: ..." is */
	if ((colon = strstr(b->text, ": ")) != NULL && colon - b->text < 40 &&
	    map_label(m, b->text, &ref, &rest) == RK_NONE)
		return false;
	if (b->type == DM_HEADING)
		return true;
	if (b->type != DM_PARA || (b->flags & DMF_NOTE))
		return false;
	n = strlen(b->text);
	return n > 0 && n <= 80 && !strchr(".;:,", b->text[n - 1]);
}

enum rec_kind
map_context_kind(struct mctx *m, size_t i, int *count)
{
	const struct dm_doc *d = m->d;
	const char *at;
	size_t n;
	bool partial;
	enum rec_kind k;
	size_t j = i;
	int c;

	if (count != NULL)
		*count = 0;
	if (m->o->as != RK_NONE)
		return m->o->as;
	/* the introduction just before */
	while (j > 0 && skippable(&d->blocks[j - 1]))
		j--;
	if (j > 0 && d->blocks[j - 1].type != DM_TABLE &&
	    (k = map_intro(d->blocks[j - 1].text, &c, &partial)) != RK_NONE) {
		if (count != NULL)
			*count = partial ? 0 : c;
		return k;
	}
	/* the headings above (the nearest three: its section's and those over it) */
	for (j = i, c = 0; j-- > 0 && c < 3;) {
		const struct dm_block *b = &d->blocks[j];

		/* a paragraph read as something else (a timetable's "Date Action") heads nothing here */
		if (skippable(b) || !heading_like(m, b) || (b->type != DM_HEADING && m->used[j]))
			continue;
		c++;
		if ((k = first_noun(b->text, &at, &n)) != RK_NONE)
			return k;
	}
	if (m->title != NULL && (k = first_noun(m->title, &at, &n)) != RK_NONE)
		return k;
	return RK_NONE;
}

const char *
map_title_above(struct mctx *m, size_t i)
{
	for (size_t j = i; j-- > 0;) {
		const struct dm_block *b = &m->d->blocks[j];

		if (skippable(b))
			continue;
		if (b->type == DM_TABLE || m->used[j] || strlen(b->text) > 150)
			return NULL;
		if (b->type == DM_HEADING || b->type == DM_PARA) {
			m->used[j] = 1;
			return b->text;
		}
		return NULL;
	}
	return NULL;
}

/* ---- the document's title and date ---------------------------------------- */

static bool
boilerplate(const char *t)
{
	return str_has_prefix_nocase(t, "Warning:") || str_has_prefix_nocase(t, "You are in");
}

/* A block that is only a date: "March 31st 2002", "31 March 2002". */
static int
date_alone(struct mctx *m, const char *t)
{
	struct timescale ts;

	if (strlen(t) > 30 || strlen(t) < 6 || !map_is_time(m, t))
		return DATE_NONE;
	tsc_parse(t, DATE_NONE, &ts);
	if (ts.earliest != DATE_NONE && ts.earliest == ts.latest && !ts.ongoing && !ts.uncertain)
		return ts.earliest;
	return DATE_NONE;
}

static void
find_title_and_date(struct mctx *m)
{
	const struct dm_doc *d = m->d;
	size_t report = SIZE_MAX, i, seen = 0;

	for (i = 0; i < d->nblocks && i < 60; i++) {
		const struct dm_block *b = &d->blocks[i];

		if (b->type == DM_TABLE || skippable(b))
			continue;
		if (str_has_prefix_nocase(b->text, "Report:") && report == SIZE_MAX)
			report = i;
		if (str_has_prefix_nocase(b->text, "Date:") && m->date == DATE_NONE) {
			int day = date_alone(m, str_trim(arena_strdup(m->a, b->text + 5)));

			if (day != DATE_NONE) {
				m->date = day;
				m->used[i] = 1;
			}
		}
	}
	if (d->title != NULL)
		m->title = d->title;
	for (i = 0; i < d->nblocks && m->title == NULL; i++) {
		const struct dm_block *b = &d->blocks[i];

		if (b->type == DM_TABLE)
			break;
		if (skippable(b) || b->type == DM_ITEM || *b->text == '\0' || boilerplate(b->text) ||
		    strlen(b->text) > 150 || map_is_time(m, b->text))
			continue;
		if (report != SIZE_MAX && i < report) {
			/* committee reports: the title is the line just above "Report: N" */
			size_t k = report;

			while (k-- > 0 && (skippable(&d->blocks[k]) || d->blocks[k].type == DM_TABLE))
				;
			if (k < d->nblocks && d->blocks[k].type != DM_TABLE) {
				m->title = d->blocks[k].text;
				m->used[k] = 1;
			}
			break;
		}
		m->title = b->text;
		m->used[i] = 1;
	}
	/* a date alone near the top: "March 31st 2002" */
	for (i = 0; i < d->nblocks && seen < 8 && m->date == DATE_NONE; i++) {
		const struct dm_block *b = &d->blocks[i];
		int day;

		if (skippable(b) || b->type == DM_TABLE || b->type == DM_ITEM || *b->text == '\0')
			continue;
		seen++;
		if ((day = date_alone(m, b->text)) != DATE_NONE) {
			size_t n1 = map_next(m, i), n2 = map_next(m, n1);

			m->date = day;
			/* the first step of a timetable ("14 September 2011" / "Cabinet consider ...") is read as one */
			if (!(n2 < d->nblocks && !map_is_time(m, d->blocks[n1].text) &&
			    map_is_time(m, d->blocks[n2].text)))
				m->used[i] = 1;
		}
	}
}

/*
 * Without a date, a year for times written without one: the earliest year
 * the document's table cells give with a month ("June 2002").
 */
static void
infer_year(struct mctx *m)
{
	int best = 0;

	for (size_t i = 0; i < m->d->nblocks; i++) {
		const struct dm_table *t = m->d->blocks[i].table;

		for (size_t c = 0; t != NULL && c < t->nrows * t->ncols; c++) {
			struct timescale ts;
			int y, mo, dd;

			if (strlen(t->cells[c].text) > 120)
				continue;
			tsc_parse(t->cells[c].text, DATE_NONE, &ts);
			if (ts.earliest == DATE_NONE || ts.latest == DATE_NONE || ts.latest - ts.earliest > 366)
				continue;
			date_to_ymd(ts.earliest, &y, &mo, &dd);
			if (best == 0 || y < best)
				best = y;
		}
	}
	if (best != 0) {
		m->year = best;
		map_note(m, "the document gives no date; times without a year are read as %d, "
		    "the earliest year its tables give (use --date to say otherwise)", best);
	}
}

/* Are the document's numeric dates month first (09/30/17)? Any day past 12 says which. */
static void
date_order(struct mctx *m)
{
	int first = 0, second = 0;

	for (size_t i = 0; i < m->d->nblocks; i++) {
		const struct dm_block *b = &m->d->blocks[i];
		size_t ncells = b->table ? b->table->nrows * b->table->ncols : 1;

		for (size_t c = 0; c < ncells; c++) {
			const char *s = b->table ? b->table->cells[c].text : b->text;

			for (const char *p = s; *p != '\0'; p++) {
				int x, y, z, used = 0;

				if ((p > s && isdigit((unsigned char)p[-1])) || !isdigit((unsigned char)*p))
					continue;
				if (sscanf(p, "%2d/%2d/%4d%n", &x, &y, &z, &used) == 3 && used > 0) {
					first += x > 12 && y <= 12;
					second += y > 12 && x <= 12;
					p += used - 1;
				}
			}
		}
	}
	m->us_dates = second > 0 && first == 0;
}

/* ---- what is left ------------------------------------------------------- */

static const char *
why_by_look(const struct dm_block *b)
{
	size_t n = strlen(b->text);

	if (b->type == DM_ITEM)
		return "a list item, not in a list of goals, priorities, recommendations or actions";
	if (b->flags & DMF_NOTE)
		return "a footnote whose mark is on nothing Waymark read";
	if (b->type == DM_HEADING || (n <= 80 && n > 0 && b->text[n - 1] != '.'))
		return "a heading or a detail of the document, not a record";
	return "narrative text: not a table, a list of the family's items, or a timetable";
}

static void
report_rest(struct mctx *m, json_t *not_content)
{
	for (size_t i = 0; i < m->d->nblocks; i++) {
		const struct dm_block *b = &m->d->blocks[i];

		if (m->used[i] || b->type == DM_TABLE)
			continue;
		if (b->flags & DMF_NOISE) {
			json_array_append_new(not_content, json_pack("{s:i, s:s, s:s, s:s}", "line",
			    b->pos, "where", b->where, "text", b->text, "why", b->why ? b->why :
			    "not content"));
			continue;
		}
		if (*b->text == '\0')
			continue;
		json_array_append_new(m->unread, json_pack("{s:i, s:s, s:s, s:s}", "line", b->pos,
		    "where", b->where, "text", b->text, "why", m->why[i] ? m->why[i] : why_by_look(b)));
	}
}

/* Unread entries in document order (cells of tables come as their tables are read). */
static int
by_line(const void *a, const void *b)
{
	int x = (int)json_integer_value(json_object_get(*(json_t *const *)a, "line"));
	int y = (int)json_integer_value(json_object_get(*(json_t *const *)b, "line"));

	return (x > y) - (x < y);
}

static void
sort_unread(json_t *arr)
{
	size_t n = json_array_size(arr);
	json_t **v = calloc(n ? n : 1, sizeof(*v));

	if (v == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(*v), by_line);
	json_array_clear(arr);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, v[i]);
	free(v);
}

/*
 * Numbered hierarchies: 1.1 is under 1, 1.1a under 1.1, 5a under 5,
 * Priority 2A under 2, wherever the document prints them. A record with a
 * reference that extends an earlier one's, and no parent yet, is its child.
 */
static void
map_hierarchy(struct mctx *m)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct mrec *r = &m->recs[i];
		const char *ref = r->ref;
		size_t n;

		if ((r->parent >= 0 && !r->parent_weak) || ref == NULL || !isdigit((unsigned char)ref[0]))
			continue;
		n = strlen(ref);
		if (isalpha((unsigned char)ref[n - 1]) && isdigit((unsigned char)ref[n - 2 < n ? n - 2 : 0])) {
			n--;
		} else {
			const char *dot = strrchr(ref, '.');

			if (dot == NULL || dot[1] == '\0')
				continue;
			n = (size_t)(dot - ref);
		}
		for (size_t k = i; k-- > 0;) {
			const char *pr = m->recs[k].ref;

			if (pr != NULL && strlen(pr) == n && strncmp(pr, ref, n) == 0) {
				r->parent = (int)k;
				break;
			}
		}
	}
}

/* dm_emit.c */
json_t *map_emit(struct mctx *m);

/*
 * A record with no status whose update says one in words ("had moved to
 * amber", "No progress to date": vocab.c's phrases) has that status.
 */
static void
commentary_status(struct mctx *m)
{
	for (size_t i = 0; i < m->nrecs; i++) {
		struct mrec *r = &m->recs[i];

		if (r->status != NULL)
			continue;
		if (r->progress != NULL)
			r->status = vocab_status_phrase(m->a, r->progress);
		if (r->status == NULL && r->title != NULL)
			r->status = vocab_status_phrase(m->a, r->title);
		if (r->status == NULL && r->desc != NULL)
			r->status = vocab_status_phrase(m->a, r->desc);
	}
}

int
dm_map(const struct dm_doc *d, const struct map_opts *o, json_t **out, struct wm_err *err)
{
	struct mctx m = { 0 };
	json_t *not_content = json_array(), *res;
	int rc = 0;

	*out = NULL;
	m.a = arena_new();
	m.d = d;
	m.o = o;
	m.date = o->date;
	m.unread = json_array();
	m.notes = json_array();
	m.columns = json_array();
	m.used = arena_alloc(m.a, d->nblocks + 1);
	m.why = arena_array(m.a, d->nblocks + 1, sizeof(*m.why));
	for (int k = 0; k < RK__MAX; k++)
		m.parent[k] = -1;
	m.letter_parent = -1;
	m.section = -1;
	find_title_and_date(&m);
	if (m.date == DATE_NONE)
		infer_year(&m);
	date_order(&m);
	for (size_t i = 0; i < d->nblocks;) {
		const struct dm_block *b = &d->blocks[i];
		size_t n;

		if (m.used[i] || skippable(b)) {
			i++;
			continue;
		}
		if (b->type == DM_TABLE) {
			if (!map_table(&m, i))
				m.why[i] = "a table whose columns Waymark does not know";
			m.used[i] = 1;
			i++;
			continue;
		}
		if ((n = map_timetable(&m, i)) > 0 || (n = map_list(&m, i)) > 0 ||
		    (n = map_named_prose(&m, i)) > 0 || (n = map_prose_items(&m, i)) > 0 ||
		    (n = map_labels_in_prose(&m, i)) > 0) {
			i += n;
			continue;
		}
		i++;
	}
	map_footnotes(&m);
	map_hierarchy(&m);
	commentary_status(&m);
	report_rest(&m, not_content);
	sort_unread(m.unread);
	res = map_emit(&m);
	json_object_set_new(res, "notes", json_incref(m.notes));
	json_object_set_new(res, "columns", json_incref(m.columns));
	json_object_set_new(res, "unread", json_incref(m.unread));
	json_object_set_new(res, "not_content", json_incref(not_content));
	*out = res;
	if (json_array_size(json_object_get(res, "kinds")) == 0)
		rc = wm_error(err, WM_EINVAL, "found no recommendations, actions, priorities, goals, "
		    "aims, objectives, outcomes or timetable in it: see what was not read and why "
		    "(--dry-run --json), or say what it holds with --as");
	if (m.progress_rows && m.date == DATE_NONE) {
		/* the merge refuses it; a preview says so */
		json_object_set_new(res, "needs_date", json_true());
		map_note(&m, "it is a progress summary but gives no date, and progress updates must be "
		    "dated: give --date YYYY-MM-DD");
	}
	for (size_t i = 0; i < m.nrecs; i++)
		if (m.recs[i].extra != NULL)
			buf_release(m.recs[i].extra);
	json_decref(not_content);
	json_decref(m.unread);
	json_decref(m.notes);
	json_decref(m.columns);
	arena_free(m.a);
	return rc;
}

int
dm_map_parse_overrides(struct map_opts *o, char *spec, struct wm_err *err)
{
	char *p = spec;

	while (p != NULL && *p != '\0') {
		char *comma = strchr(p, ','), *eq;
		enum col_role r;

		if (comma != NULL)
			*comma = '\0';
		if ((eq = strrchr(p, '=')) == NULL || eq == p)
			return wm_error(err, WM_EUSAGE, "--map: \"%s\" is not HEADER=FIELD "
			    "(\"Who by?=lead\")", p);
		*eq = '\0';
		if ((r = vocab_role_by_name(str_trim(eq + 1))) == COL_NONE)
			return wm_error(err, WM_EUSAGE, "--map: \"%s\" is not a field Waymark reads a "
			    "column into: ref, text, subject, priority, response, lead, timescale, "
			    "status, progress, measure, evidence, source, date or extra", eq + 1);
		if (o->nmap >= MAP_MAX_OVERRIDES)
			return wm_error(err, WM_EUSAGE, "--map: at most %d columns", MAP_MAX_OVERRIDES);
		o->map[o->nmap].header = str_trim(p);
		o->map[o->nmap++].role = r;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}
