/*
 * mywork.c: what each person must act on (see mywork.h), and the report
 * `mywork` that lists it.
 *
 * The items are the tracked items (report/tracked.h: recommendations, key
 * actions, objectives, milestones), read as chase reads them, as of the
 * day, with the register's rules already applied, so My work, the chase
 * report and the record's own page agree; and the figures due of the
 * indicators a post owns. What is here is who: the
 * posts a person holds on the day (holders with their dates), the posts
 * that report to those (a post's reports_to, where the schema has it), and
 * which of the open items each post leads.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/str.h"
#include "model/account.h"
#include "model/ent.h"
#include "model/setting.h"
#include "report/mywork.h"
#include "report/tracked.h"

struct mywork_set {
	int as_of, stale_days;
	json_t *lists;		/* each source's records, kept for the strings items point into */
	json_t *people;		/* ref -> person */
	json_t *person_posts;	/* ref -> [post, ...] held on the day */
	json_t *below;		/* post -> [posts that report to it] */
	json_t *above;		/* post -> the post it reports to */
	json_t *post_people;	/* post -> [people holding it on the day] */
	json_t *clerks;		/* committee -> its clerk's post */
	json_t *post_items;	/* post -> [item index, ...] */
	struct mywork_item *items;
	size_t nitems, cap;
	json_t *strings;	/* the text items point to that the records do not hold */
	struct titems tracked;
	struct tfigures figures;
	const char **refs;	/* people's refs, sorted */
	size_t npeople;
};

static int
date_of(const json_t *rec, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	int d = DATE_NONE;

	if (s != NULL && date_parse_iso(s, &d) != 0)
		d = DATE_NONE;
	return d;
}

static const char *
str(const json_t *o, const char *field)
{
	return json_string_value(json_object_get(o, field));
}

static void
push(json_t *map, const char *key, json_t *v)
{
	json_t *a = json_object_get(map, key);

	if (a == NULL) {
		a = json_array();
		json_object_set_new(map, key, a);
	}
	json_array_append_new(a, v);
}

static int
list(struct wm_ctx *ctx, const char *kind, json_t **out, struct wm_err *err)
{
	struct ent_query q = { 0 };

	return ent_list(ctx, kind_find(kind), &q, out, err);
}

/* Who holds which post on the day, and which posts report to which. */
static int
load_people(struct wm_ctx *ctx, struct mywork_set *s, struct wm_err *err)
{
	json_t *people = NULL, *holders = NULL, *posts = NULL, *committees = NULL, *v;
	const char *ref;
	size_t i;
	int rc;

	if ((rc = list(ctx, "people", &people, err)) != 0 ||
	    (rc = list(ctx, "holders", &holders, err)) != 0 ||
	    (rc = list(ctx, "posts", &posts, err)) != 0 ||
	    (rc = list(ctx, "committees", &committees, err)) != 0)
		goto out;
	json_array_foreach(people, i, v)
		json_object_set(s->people, str(v, "ref"), v);
	json_array_foreach(holders, i, v) {
		int from = date_of(v, "start_date"), to = date_of(v, "end_date");

		if ((from != DATE_NONE && from > s->as_of) || (to != DATE_NONE && to < s->as_of))
			continue;
		push(s->person_posts, str(v, "person"), json_string(str(v, "post")));
		push(s->post_people, str(v, "post"), json_string(str(v, "person")));
	}
	json_array_foreach(posts, i, v)
		if (str(v, "reports_to") != NULL) {
			push(s->below, str(v, "reports_to"), json_string(str(v, "ref")));
			json_object_set_new(s->above, str(v, "ref"), json_string(str(v, "reports_to")));
		}
	json_array_foreach(committees, i, v)
		if (str(v, "clerk") != NULL)
			json_object_set_new(s->clerks, str(v, "ref"), json_string(str(v, "clerk")));
	s->npeople = json_object_size(s->people);
	s->refs = wm_calloc(s->npeople + 1, sizeof(*s->refs));
	i = 0;
	json_object_foreach(s->people, ref, v)
		s->refs[i++] = ref;
	/* jansson keeps insertion order: the record engine's, by ref */
out:
	json_decref(people);
	json_decref(holders);
	json_decref(posts);
	json_decref(committees);
	return rc;
}

/* text, kept as long as the set */
static const char *
keep(struct mywork_set *s, const char *text)
{
	json_t *v = json_string(text ? text : "");

	json_array_append_new(s->strings, v);
	return json_string_value(v);
}

static struct mywork_item *
next_item(struct mywork_set *s)
{
	if (s->nitems == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 256;
		s->items = wm_realloc(s->items, s->cap * sizeof(*s->items));
	}
	memset(&s->items[s->nitems], 0, sizeof(s->items[0]));
	return &s->items[s->nitems];
}

static void
index_leads(struct mywork_set *s, const json_t *leads)
{
	const json_t *l;
	size_t j;

	json_array_foreach(leads, j, l)
		push(s->post_items, json_string_value(l), json_integer((json_int_t)s->nitems));
	s->nitems++;
}

/* "key action" -> "Key action" */
static const char *
noun_of(struct mywork_set *s, const char *noun)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", noun ? noun : "item");
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return keep(s, buf);
}

/*
 * Every open tracked item someone leads (report/tracked.h: recommendations,
 * key actions, objectives, milestones...), as chase reads them.
 */
static int
load_tracked(struct wm_ctx *ctx, struct mywork_set *s, struct wm_err *err)
{
	struct buf b = BUF_INIT;
	int rc;

	if ((rc = titems_load(ctx, NULL, 0, &s->tracked, err)) != 0)
		return rc;
	for (size_t i = 0; i < s->tracked.n; i++) {
		const struct titem *t = &s->tracked.v[i];
		struct mywork_item *it;

		if (!t->open || json_array_size(t->leads) == 0)
			continue;
		it = next_item(s);
		it->kind = t->kind;
		it->noun = noun_of(s, t->noun);
		it->key = t->key;
		it->title = t->title ? t->title : "";
		it->committee = t->committee;
		it->due = t->f.due;
		it->last_update = t->f.last_update;
		it->days_overdue = t->overdue && t->days_overdue > 0 ? t->days_overdue : 0;
		it->days_since_update = t->since;
		it->why = t->overdue ? MW_OVERDUE :
		    it->due != DATE_NONE && it->due >= s->as_of ? MW_DUE : MW_STALE;
		it->stale = titem_stale(t, s->stale_days);
		buf_reset(&b);
		titem_update_href(t, "/my", &b);
		it->href = keep(s, buf_str(&b));
		index_leads(s, t->leads);
	}
	buf_release(&b);
	return 0;
}

/*
 * Each indicator's figures not yet in that fell due (the period's end and
 * its reporting lag) in the year before the day or fall due in the ten
 * after it: due or overdue for the post that owns the indicator, never
 * stale. Older gaps are the exception report's to show, not a reminder's:
 * an indicator added today without its history would otherwise bring
 * years of figures due at once.
 */
static int
load_figures(struct wm_ctx *ctx, struct mywork_set *s, struct wm_err *err)
{
	struct buf b = BUF_INIT;
	int rc;

	if ((rc = tfigures_load(ctx, NULL, 0, s->as_of - 366, s->as_of + 3653, &s->figures,
	    err)) != 0)
		return rc;
	for (size_t i = 0; i < s->figures.n; i++) {
		const struct tfigure *f = &s->figures.v[i];
		struct mywork_item *it;
		json_t *leads;

		if (f->in || f->owner == NULL)
			continue;
		it = next_item(s);
		it->kind = "figures";
		it->noun = "Figure";
		buf_reset(&b);
		buf_addf(&b, "%s/%s", f->pi, f->period);
		it->key = keep(s, buf_str(&b));
		buf_reset(&b);
		buf_addf(&b, "%s for %s", f->title ? f->title : f->pi, f->period);
		it->title = keep(s, buf_str(&b));
		it->committee = f->committee;
		it->due = f->due;
		it->last_update = DATE_NONE;
		it->days_since_update = -1;
		it->days_overdue = f->due < s->as_of ? s->as_of - f->due : 0;
		it->why = f->due < s->as_of ? MW_OVERDUE : MW_DUE;
		buf_reset(&b);
		tfigure_href(f, "/my", &b);
		it->href = keep(s, buf_str(&b));
		leads = json_pack("[s]", f->owner);
		index_leads(s, leads);
		json_decref(leads);
	}
	buf_release(&b);
	return 0;
}

int
mywork_load(struct wm_ctx *ctx, int as_of, struct mywork_set **out, struct wm_err *err)
{
	struct mywork_set *s = wm_calloc(1, sizeof(*s));
	struct wm_ctx at = *ctx;
	double stale;
	int rc;

	*out = NULL;
	s->as_of = as_of;
	s->lists = json_array();
	s->strings = json_array();
	s->people = json_object();
	s->person_posts = json_object();
	s->below = json_object();
	s->above = json_object();
	s->post_people = json_object();
	s->clerks = json_object();
	s->post_items = json_object();
	at.now = (time_t)as_of * 86400 + 43200;
	if ((rc = setting_number(ctx, "tracking.stale_days", &stale, err)) != 0)
		goto out;
	s->stale_days = (int)stale;
	if ((rc = load_people(&at, s, err)) != 0)
		goto out;
	if ((rc = load_tracked(&at, s, err)) != 0 || (rc = load_figures(&at, s, err)) != 0)
		goto out;
	*out = s;
	s = NULL;
out:
	mywork_free(s);
	return rc;
}

void
mywork_free(struct mywork_set *s)
{
	if (s == NULL)
		return;
	titems_release(&s->tracked);
	tfigures_release(&s->figures);
	json_decref(s->strings);
	free(s->items);
	free(s->refs);
	json_decref(s->lists);
	json_decref(s->people);
	json_decref(s->person_posts);
	json_decref(s->below);
	json_decref(s->above);
	json_decref(s->post_people);
	json_decref(s->clerks);
	json_decref(s->post_items);
	free(s);
}

int
mywork_as_of(const struct mywork_set *s)
{
	return s->as_of;
}

int
mywork_stale_days(const struct mywork_set *s)
{
	return s->stale_days;
}

size_t
mywork_npeople(const struct mywork_set *s)
{
	return s->npeople;
}

const char *
mywork_person(const struct mywork_set *s, size_t i)
{
	return i < s->npeople ? s->refs[i] : NULL;
}

/* The addresses of the people holding post, added to addrs unless there already. */
static size_t
add_holders(const struct mywork_set *s, const char *post, const char **addrs, size_t n,
    size_t max)
{
	const json_t *v;
	size_t i;

	json_array_foreach(json_object_get(s->post_people, post), i, v) {
		const char *e = str(json_object_get(s->people, json_string_value(v)), "email");
		bool have = false;

		if (e == NULL || *e == '\0')
			continue;
		for (size_t k = 0; k < n; k++)
			have = have || strcmp(addrs[k], e) == 0;
		if (!have && n < max)
			addrs[n++] = e;
	}
	return n;
}

size_t
mywork_escalation(const struct mywork_set *s, const struct mywork_item *it, const char **addrs,
    size_t max)
{
	const char *up = it->lead ? str(s->above, it->lead) : NULL;
	const char *clerk = it->committee ? str(s->clerks, it->committee) : NULL;
	size_t n = 0;

	if (up != NULL)
		n = add_holders(s, up, addrs, n, max);
	if (clerk != NULL)
		n = add_holders(s, clerk, addrs, n, max);
	return n;
}

const char *
mywork_why_name(enum mywork_why why)
{
	switch (why) {
	case MW_OVERDUE:
		return "overdue";
	case MW_DUE:
		return "due";
	case MW_STALE:
		return "no recent update";
	}
	return "";
}

/* Does the item belong on a list due within days? Its why, as the list has it, into *why. */
static bool
listed(const struct mywork_set *s, const struct mywork_item *it, int days, enum mywork_why *why)
{
	bool stale = it->stale;

	if (it->why == MW_OVERDUE) {
		*why = MW_OVERDUE;
		return true;
	}
	if (it->why == MW_DUE && it->due <= s->as_of + days) {
		*why = MW_DUE;
		return true;
	}
	*why = MW_STALE;
	return stale;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct mywork_item *x = a, *y = b;

	if (x->why != y->why)
		return x->why < y->why ? -1 : 1;
	if (x->why == MW_OVERDUE && x->days_overdue != y->days_overdue)
		return x->days_overdue > y->days_overdue ? -1 : 1;
	if (x->due != y->due)
		return x->due == DATE_NONE ? 1 : y->due == DATE_NONE ? -1 : x->due < y->due ? -1 : 1;
	if (strcmp(x->kind, y->kind) != 0)
		return strcmp(x->kind, y->kind);
	return strcmp(x->key, y->key);
}

/* The items the posts lead, once each, not already in seen, into *v (n of them). */
static void
gather(const struct mywork_set *s, const char *const *posts, size_t nposts, int days,
    unsigned char *seen, struct mywork_item **v, size_t *n)
{
	size_t cap = 8;

	/*
	 * Grown as found, not sized for every item: remind keeps one list per
	 * person, and 10,000 lists of room for 100,000 items each is 160 GB.
	 */
	*v = wm_calloc(cap, sizeof(**v));
	*n = 0;
	for (size_t p = 0; p < nposts; p++) {
		json_t *idx = json_object_get(s->post_items, posts[p]), *x;
		size_t j;

		json_array_foreach(idx, j, x) {
			size_t i = (size_t)json_integer_value(x);
			enum mywork_why why;

			if (seen[i] || !listed(s, &s->items[i], days, &why))
				continue;
			seen[i] = 1;
			if (*n + 1 >= cap) {
				cap *= 2;
				*v = wm_realloc(*v, cap * sizeof(**v));
			}
			(*v)[*n] = s->items[i];
			(*v)[*n].why = why;
			(*v)[*n].lead = posts[p];
			(*n)++;
		}
	}
	wm_sort(*v, *n, sizeof(**v), item_cmp);
}

int
mywork_of(const struct mywork_set *s, const char *person, int days, struct mywork *out,
    struct wm_err *err)
{
	const json_t *p = json_object_get(s->people, person), *held, *v;
	struct mywork_item *own, *team;
	unsigned char *seen;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (p == NULL)
		return wm_error(err, WM_ENOTFOUND, "there is no person \"%s\"", person);
	out->person = str(p, "ref");
	out->name = str(p, "name");
	out->email = str(p, "email") && *str(p, "email") ? str(p, "email") : NULL;
	held = json_object_get(s->person_posts, person);
	out->posts = wm_calloc(json_array_size(held) + 1, sizeof(*out->posts));
	json_array_foreach(held, i, v)
		out->posts[out->nposts++] = json_string_value(v);
	/* the posts below theirs, all the way down, each once (a loop in reports_to ends) */
	{
		json_t *done = json_object();
		size_t cap = 16;

		out->team_posts = wm_calloc(cap, sizeof(*out->team_posts));
		for (i = 0; i < out->nposts; i++)
			json_object_set_new(done, out->posts[i], json_true());
		for (size_t q = 0; q < out->nposts + out->nteam_posts; q++) {
			const char *up = q < out->nposts ? out->posts[q] :
			    out->team_posts[q - out->nposts];
			size_t k;

			json_array_foreach(json_object_get(s->below, up), k, v) {
				if (json_object_get(done, json_string_value(v)) != NULL)
					continue;
				json_object_set_new(done, json_string_value(v), json_true());
				if (out->nteam_posts + 1 >= cap) {
					cap *= 2;
					out->team_posts = wm_realloc(out->team_posts,
					    cap * sizeof(*out->team_posts));
				}
				out->team_posts[out->nteam_posts++] = json_string_value(v);
			}
		}
		json_decref(done);
	}
	seen = wm_calloc(s->nitems + 1, 1);
	gather(s, out->posts, out->nposts, days, seen, &own, &out->nown);
	gather(s, out->team_posts, out->nteam_posts, days, seen, &team, &out->nteam);
	out->own = own;
	out->team = team;
	free(seen);
	return 0;
}

void
mywork_release(struct mywork *w)
{
	free(w->posts);
	free(w->team_posts);
	free((void *)w->own);
	free((void *)w->team);
	memset(w, 0, sizeof(*w));
}

/* ---- the report ---------------------------------------------------------- */

static const struct rcol item_cols[] = {
	{ "kind", "Kind", RC_DATA }, { NULL, "What", 0 }, { "key", "Item", 0 },
	{ "title", "Title", 0 }, { "lead", "Lead", 0 }, { "due", "Due", 0 },
	{ "why", "Why", 0 }, { "days_overdue", "Days overdue", RC_NUM },
	{ "last_update", "Last update", 0 }, { "days_since_update", "Days since update", RC_DATA },
	{ "update", "Update it at", RC_DATA },
};

static void
items_table(struct rdoc *doc, const char *name, const char *caption,
    const struct mywork_item *v, size_t n)
{
	struct rtable *t;

	if (n == 0) {
		/* nothing on paper; an empty list in the JSON */
		rdoc_fact_list(doc, name, NULL, NULL, 0);
		return;
	}
	t = rdoc_table_cols(doc, name, caption, WM_ARRAY_LEN(item_cols), item_cols);
	for (size_t i = 0; i < n; i++) {
		const struct mywork_item *it = &v[i];

		rtable_cell(t, it->kind);
		rtable_cell(t, it->noun);
		rtable_link(t, it->key, it->href);
		rtable_cell(t, it->title);
		rtable_cell(t, it->lead);
		rtable_date(t, it->due);
		rtable_cell(t, it->why == MW_OVERDUE ? "overdue" : it->why == MW_DUE ? "due" : "stale");
		rtable_show(t, mywork_why_name(it->why));
		if (it->why == MW_OVERDUE)
			rtable_int(t, it->days_overdue);
		else
			rtable_null(t);
		rtable_date(t, it->last_update);
		if (it->days_since_update >= 0)
			rtable_int(t, it->days_since_update);
		else
			rtable_null(t);
		rtable_cell(t, it->href);
		rtable_end_row(t);
	}
}

static void
posts_line(struct buf *b, const char *const *posts, size_t n)
{
	buf_reset(b);
	for (size_t i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? "; " : "", posts[i]);
}

struct rdoc *
mywork_rdoc(const struct mywork_set *s, const struct mywork *w, int days)
{
	struct rdoc *doc;
	struct buf b = BUF_INIT;
	char d[DATE_ISO_LEN];

	buf_addf(&b, "My work: %s", w->name ? w->name : w->person);
	doc = rdoc_new(buf_str(&b));
	date_format_iso(s->as_of, d);
	rdoc_fact(doc, "person", "Person", w->person);
	rdoc_fact(doc, "name", NULL, w->name);
	rdoc_fact(doc, "as_of", "As of", d);
	rdoc_fact_int(doc, "days", NULL, days);
	rdoc_fact_int(doc, "stale_days", NULL, s->stale_days);
	rdoc_fact_list(doc, "posts", NULL, w->posts, w->nposts);
	posts_line(&b, w->posts, w->nposts);
	rdoc_meta(doc, "Posts", w->nposts ? buf_str(&b) : "none held on the day");
	if (w->nposts == 0)
		rdoc_para(doc, "%s holds no post on %s, so leads nothing.",
		    w->name ? w->name : w->person, d);
	else if (w->nown == 0)
		rdoc_para(doc, "Nothing the posts lead is overdue, due in the next %d days or without "
		    "an update for %d days.", days, s->stale_days);
	else
		rdoc_para(doc, "%zu item%s the posts lead: overdue, due in the next %d days, or "
		    "without an update for %d days. Each links to where it is updated.", w->nown,
		    w->nown == 1 ? "" : "s", days, s->stale_days);
	items_table(doc, "items", "What your posts lead", w->own, w->nown);
	rdoc_fact_list(doc, "team_posts", NULL, w->team_posts, w->nteam_posts);
	if (w->nteam_posts > 0) {
		rdoc_heading(doc, 2, "Posts that report to yours");
		posts_line(&b, w->team_posts, w->nteam_posts);
		if (w->nteam == 0)
			rdoc_para(doc, "Nothing for %s.", buf_str(&b));
		else
			rdoc_para(doc, "%zu item%s for %s.", w->nteam, w->nteam == 1 ? "" : "s",
			    buf_str(&b));
	}
	items_table(doc, "team", NULL, w->team, w->nteam);
	buf_release(&b);
	return doc;
}

int
report_mywork(struct wm_ctx *ctx, const char *user, int as_of, int days, struct rdoc **out,
    struct wm_err *err)
{
	struct mywork_set *s = NULL;
	struct mywork w = { 0 };
	char person[256];
	int rc;

	*out = NULL;
	if (ctx->role == ROLE_PUBLIC)
		return wm_error(err, WM_EPERM, "sign in to see what someone must act on");
	rc = account_person(ctx, user, person, sizeof(person), err);
	if (rc == WM_ENOTFOUND) {
		/* no such user: a person's ref will do */
		wm_strlcpy(person, user, sizeof(person));
		rc = 0;
	} else if (rc == 0 && person[0] == '\0') {
		return wm_error(err, WM_EINVAL, "the user \"%s\" names no person, so holds no post "
		    "(waymark set user %s --person REF)", user, user);
	}
	if (rc != 0)
		return rc;
	if ((rc = mywork_load(ctx, as_of, &s, err)) != 0)
		goto out;
	if ((rc = mywork_of(s, person, days, &w, err)) != 0) {
		if (rc == WM_ENOTFOUND)
			wm_error(err, WM_ENOTFOUND, "there is no user or person called \"%s\"", user);
		goto out;
	}
	*out = mywork_rdoc(s, &w, days);
out:
	mywork_release(&w);
	mywork_free(s);
	return rc;
}
