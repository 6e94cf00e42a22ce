/*
 * themes.c: what consultation says (seed 000, R6): every issue raised in
 * reviews, surveys and stakeholder feedback tagged with themes, by the
 * rules the body keeps (applied now, so an edited rule re-tags every
 * issue) and by hand; counted by theme and source over time; with the aims
 * each theme bears on, how often each rule matches, and the issues no
 * theme covers, so that none is lost.
 */
#include "base/wm.h"

#include "analysis/themes.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/map.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/themes.h"

struct tagged {
	json_t *themes, *rules, *issues, *sources;	/* the lists; sources: names in order met */
	size_t nthemes, nrules, nissues, nperiods;
	int first_period;		/* index of the first period counted */
	unsigned *how;			/* nissues x nthemes */
	long *rule;			/* nissues x nthemes: the rule that gave it */
	int *period;			/* per issue: its period's offset from first_period */
	size_t *source;			/* per issue: index into sources */
	size_t *matches;		/* per rule */
};

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

static void
tagged_release(struct tagged *t)
{
	json_decref(t->themes);
	json_decref(t->rules);
	json_decref(t->issues);
	json_decref(t->sources);
	free(t->how);
	free(t->rule);
	free(t->period);
	free(t->source);
	free(t->matches);
}

static int
load(struct wm_ctx *ctx, const struct themes_opts *o, struct tagged *t, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	struct theme_rule_in *rules = NULL;
	struct strmap theme_index = STRMAP_INIT, source_index = STRMAP_INIT;
	json_t *row, *where = o->source ? json_pack("{s:s}", "source", o->source) : NULL;
	size_t i, *hand = NULL;
	int last = 0, rc;

	if ((rc = ent_list(ctx, kind_find("themes"), &q, &t->themes, err)) != 0 ||
	    (rc = ent_list(ctx, kind_find("theme_rules"), &q, &t->rules, err)) != 0)
		goto out;
	q.where = where;
	q.from = o->from;
	q.to = o->to;
	if ((rc = ent_list(ctx, kind_find("issues"), &q, &t->issues, err)) != 0)
		goto out;
	t->nthemes = json_array_size(t->themes);
	t->nrules = json_array_size(t->rules);
	t->nissues = json_array_size(t->issues);
	t->sources = json_array();
	json_array_foreach(t->themes, i, row)
		strmap_put(&theme_index, str(row, "ref"), (int64_t)i);
	rules = wm_calloc(t->nrules + 1, sizeof(*rules));
	json_array_foreach(t->rules, i, row) {
		int64_t th = -1;

		strmap_get(&theme_index, str(row, "theme"), &th);
		rules[i] = (struct theme_rule_in){ th < 0 ? t->nthemes : (size_t)th,
			str(row, "pattern") };
	}
	t->how = wm_calloc(t->nissues * t->nthemes + 1, sizeof(*t->how));
	t->rule = wm_calloc(t->nissues * t->nthemes + 1, sizeof(*t->rule));
	t->period = wm_calloc(t->nissues + 1, sizeof(*t->period));
	t->source = wm_calloc(t->nissues + 1, sizeof(*t->source));
	t->matches = wm_calloc(t->nrules + 1, sizeof(*t->matches));
	hand = wm_calloc(t->nthemes + 1, sizeof(*hand));
	json_array_foreach(t->issues, i, row) {
		const json_t *given = json_object_get(row, "themes");
		struct period p;
		size_t nhand = 0;
		int64_t src, day = 0;
		int d;

		for (size_t k = 0; k < json_array_size(given) && nhand < t->nthemes; k++) {
			int64_t th;

			if (strmap_get(&theme_index, json_string_value(json_array_get(given, k)), &th))
				hand[nhand++] = (size_t)th;
		}
		theme_tag(str(row, "text"), rules, t->nrules, hand, nhand, t->nthemes,
		    &t->how[i * t->nthemes], &t->rule[i * t->nthemes]);
		if (date_parse_iso(str(row, "date"), &d) == 0)
			day = d;
		p = period_of_day(o->by, (int)day);
		t->period[i] = period_index(&p);
		if (i == 0 || t->period[i] < t->first_period)
			t->first_period = t->period[i];
		if (i == 0 || t->period[i] > last)
			last = t->period[i];
		if (!strmap_get(&source_index, str(row, "source"), &src)) {
			src = (int64_t)json_array_size(t->sources);
			strmap_put(&source_index, str(row, "source"), src);
			json_array_append_new(t->sources, json_string(str(row, "source")));
		}
		t->source[i] = (size_t)src;
	}
	for (i = 0; i < t->nissues; i++)
		t->period[i] -= t->first_period;
	t->nperiods = t->nissues ? (size_t)(last - t->first_period + 1) : 0;
	/* how often each rule matches, whether or not an earlier rule gave the theme first */
	for (size_t r = 0; r < t->nrules; r++)
		for (i = 0; i < t->nissues; i++)
			t->matches[r] += theme_matches(rules[r].pattern,
			    str(json_array_get(t->issues, i), "text"));
out:
	json_decref(where);
	free(rules);
	free(hand);
	strmap_release(&theme_index);
	strmap_release(&source_index);
	return rc;
}

static void
period_name(const struct tagged *t, enum period_kind by, size_t k, char *out)
{
	struct period p = period_from_index(by, t->first_period + (int)k);

	period_format(&p, out);
}

/* The periods counted, as the JSON's "periods". */
static void
periods_fact(struct rdoc *doc, const struct tagged *t, enum period_kind by)
{
	const char **list = wm_calloc(t->nperiods + 1, sizeof(*list));
	char (*names)[PERIOD_LEN] = wm_calloc(t->nperiods + 1, sizeof(*names));

	for (size_t k = 0; k < t->nperiods; k++) {
		period_name(t, by, k, names[k]);
		list[k] = names[k];
	}
	rdoc_fact_list(doc, "periods", NULL, list, t->nperiods);
	free(list);
	free(names);
}

/*
 * A table of counts with one column per period: the columns before (the
 * labels), one per period keyed prefix.PERIOD (NULL: not in the JSON),
 * then the columns after.
 */
static struct rtable *
period_table(struct rdoc *doc, const char *key, const struct tagged *t, enum period_kind by,
    const struct rcol *before, size_t nbefore, const char *prefix, const struct rcol *after,
    size_t nafter)
{
	size_t ncols = nbefore + t->nperiods + nafter;
	struct rcol *cols = wm_calloc(ncols + 1, sizeof(*cols));
	char (*names)[PERIOD_LEN] = wm_calloc(t->nperiods + 1, sizeof(*names));
	char (*keys)[PERIOD_LEN + 32] = wm_calloc(t->nperiods + 1, sizeof(*keys));
	struct rtable *tab;

	for (size_t c = 0; c < nbefore; c++)
		cols[c] = before[c];
	for (size_t k = 0; k < t->nperiods; k++) {
		period_name(t, by, k, names[k]);
		snprintf(keys[k], sizeof(keys[k]), "%s.%s", prefix ? prefix : "", names[k]);
		cols[nbefore + k] = (struct rcol){ prefix ? keys[k] : NULL, names[k], RC_NUM };
	}
	for (size_t c = 0; c < nafter; c++)
		cols[nbefore + t->nperiods + c] = after[c];
	tab = rdoc_table_cols(doc, key, NULL, ncols, cols);
	free(cols);
	free(names);
	free(keys);
	return tab;
}

/* Each theme's issues by source and period: {source: {period: n}}. */
static json_t *
theme_sources(const struct tagged *t, enum period_kind by, size_t th)
{
	json_t *jsrc = json_object();
	char name[PERIOD_LEN];

	for (size_t s = 0; s < json_array_size(t->sources); s++) {
		json_t *js = json_object();
		size_t total = 0;

		for (size_t i = 0; i < t->nissues; i++) {
			if (t->source[i] != s || t->how[i * t->nthemes + th] == 0)
				continue;
			period_name(t, by, (size_t)t->period[i], name);
			json_object_set_new(js, name, json_integer(json_integer_value(
			    json_object_get(js, name)) + 1));
			total++;
		}
		if (total > 0)
			json_object_set(jsrc, json_string_value(json_array_get(t->sources, s)), js);
		json_decref(js);
	}
	return jsrc;
}

/*
 * The aims each theme bears on, [{"aim", "title"}] per theme, read once
 * for the themes' table and the bears-on table.
 */
static int
theme_aims(struct wm_ctx *ctx, const struct tagged *t, json_t **out, struct wm_err *err)
{
	*out = json_array();
	for (size_t th = 0; th < t->nthemes; th++) {
		const json_t *aims = json_object_get(json_array_get(t->themes, th), "aims");
		json_t *jaims = json_array();

		json_array_append_new(*out, jaims);
		for (size_t k = 0; k < json_array_size(aims); k++) {
			const char *key = json_string_value(json_array_get(aims, k));
			json_t *node = NULL;
			int rc = ent_get(ctx, kind_find("nodes"), key, &node, err);

			if (rc != 0)
				return rc;
			json_array_append_new(jaims, json_pack("{s:s, s:s}", "aim", key, "title",
			    str(node, "title")));
			json_decref(node);
		}
	}
	return 0;
}

static void
by_theme(struct rdoc *doc, const struct tagged *t, enum period_kind by, const json_t *aims)
{
	static const struct rcol before[] = { { "ref", "Ref", RC_DATA }, { "name", "Name", RC_DATA },
		{ NULL, "Theme", 0 }, { "count", "Issues", RC_NUM }, { "by_rule", "By rule", RC_NUM },
		{ "by_hand", "By hand", RC_NUM } };
	static const struct rcol after[] = { { "by_source", "By source", RC_DATA },
		{ "aims", "Aims", RC_DATA } };
	struct rtable *tab;
	size_t *per = wm_calloc(t->nperiods + 1, sizeof(*per));

	rdoc_heading(doc, 2, "Issues by theme over time");
	rdoc_para(doc, "An issue counts once for each theme it carries, given by a rule, by hand "
	    "or both.");
	tab = period_table(doc, "themes", t, by, before, WM_ARRAY_LEN(before), "by_period", after,
	    WM_ARRAY_LEN(after));
	for (size_t th = 0; th < t->nthemes; th++) {
		const json_t *theme = json_array_get(t->themes, th);
		size_t n = 0, rule = 0, hand = 0;
		json_t *jsrc;

		memset(per, 0, t->nperiods * sizeof(*per));
		for (size_t i = 0; i < t->nissues; i++) {
			unsigned how = t->how[i * t->nthemes + th];

			if (how == 0)
				continue;
			n++;
			rule += (how & THEME_RULE) != 0;
			hand += (how & THEME_HAND) != 0;
			per[t->period[i]]++;
		}
		rtable_cell(tab, str(theme, "ref"));
		rtable_cell(tab, str(theme, "name"));
		rtable_cellf(tab, "%s (%s)", str(theme, "name"), str(theme, "ref"));
		rtable_int(tab, (long long)n);
		rtable_int(tab, (long long)rule);
		rtable_int(tab, (long long)hand);
		for (size_t k = 0; k < t->nperiods; k++)
			rtable_int(tab, (long long)per[k]);
		jsrc = theme_sources(t, by, th);
		rtable_json(tab, jsrc);
		json_decref(jsrc);
		rtable_json(tab, json_array_get(aims, th));
		rtable_end_row(tab);
	}
	free(per);
}

static void
by_source(struct rdoc *doc, const struct tagged *t, enum period_kind by)
{
	static const struct rcol before[] = { { NULL, "Theme", 0 }, { NULL, "Source", 0 } };
	static const struct rcol after[] = { { NULL, "Total", RC_NUM } };
	size_t *per = wm_calloc(t->nperiods + 1, sizeof(*per));
	struct rtable *tab;

	rdoc_heading(doc, 2, "Issues by theme and source over time");
	tab = period_table(doc, NULL, t, by, before, 2, NULL, after, 1);
	for (size_t th = 0; th < t->nthemes; th++)
		for (size_t s = 0; s < json_array_size(t->sources); s++) {
			size_t total = 0;

			memset(per, 0, t->nperiods * sizeof(*per));
			for (size_t i = 0; i < t->nissues; i++)
				if (t->source[i] == s && t->how[i * t->nthemes + th] != 0) {
					per[t->period[i]]++;
					total++;
				}
			if (total == 0)
				continue;
			rtable_cell(tab, str(json_array_get(t->themes, th), "ref"));
			rtable_cell(tab, json_string_value(json_array_get(t->sources, s)));
			for (size_t k = 0; k < t->nperiods; k++)
				rtable_int(tab, (long long)per[k]);
			rtable_int(tab, (long long)total);
			rtable_end_row(tab);
		}
	free(per);
}

static void
bears_on(struct rdoc *doc, const struct tagged *t, const json_t *aims, const size_t *counts)
{
	static const struct rcol cols[] = { { NULL, "Theme", 0 }, { NULL, "Aims it bears on", 0 },
		{ NULL, "Issues", RC_NUM } };
	struct rtable *tab;

	rdoc_heading(doc, 2, "What each theme bears on");
	tab = rdoc_table_cols(doc, NULL, NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t th = 0; th < t->nthemes; th++) {
		const json_t *theme = json_array_get(t->themes, th), *ja = json_array_get(aims, th);
		struct buf text = BUF_INIT;

		for (size_t k = 0; k < json_array_size(ja); k++)
			buf_addf(&text, "%s%s %s", k ? "; " : "", str(json_array_get(ja, k), "aim"),
			    str(json_array_get(ja, k), "title"));
		rtable_cellf(tab, "%s (%s)", str(theme, "name"), str(theme, "ref"));
		if (text.len)
			rtable_cell(tab, buf_str(&text));
		else
			rtable_tag(tab, "no aim named", "grey");
		rtable_int(tab, (long long)counts[th]);
		rtable_end_row(tab);
		buf_release(&text);
	}
}

static void
rules_section(struct rdoc *doc, const struct tagged *t)
{
	static const struct rcol cols[] = { { "theme", "Theme", 0 }, { "pattern", "Rule", 0 },
		{ "matches", "Issues it matches", RC_NUM } };
	struct rtable *tab;

	rdoc_heading(doc, 2, "Rules");
	rdoc_para(doc, "A rule gives its theme to every issue whose text has its words in order "
	    "(the last may begin a longer word: patrol matches patrols). Change them with "
	    "waymark add/set/remove theme_rule.");
	tab = rdoc_table_cols(doc, "rules", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t r = 0; r < t->nrules; r++) {
		const json_t *rule = json_array_get(t->rules, r);

		rtable_cell(tab, str(rule, "theme"));
		rtable_cell(tab, str(rule, "pattern"));
		rtable_int(tab, (long long)t->matches[r]);
		if (t->matches[r] == 0) {
			rtable_show(tab, "matches nothing");
			rtable_mark(tab, "grey");
		}
		rtable_end_row(tab);
	}
}

/* Every issue and its themes in the JSON; on paper, only those no theme covers. */
static void
issues_section(struct rdoc *doc, const struct tagged *t)
{
	static const struct rcol cols[] = { { "ref", "Issue", 0 }, { "date", "Date", 0 },
		{ "source", "Source", 0 }, { NULL, "What was said", 0 }, { "themes", "Themes",
		RC_DATA } };
	const char **untagged = wm_calloc(t->nissues + 1, sizeof(*untagged));
	size_t nuntagged = 0;
	struct rtable *tab;

	for (size_t i = 0; i < t->nissues; i++) {
		bool any = false;

		for (size_t th = 0; th < t->nthemes && !any; th++)
			any = t->how[i * t->nthemes + th] != 0;
		if (!any)
			untagged[nuntagged++] = str(json_array_get(t->issues, i), "ref");
	}
	if (nuntagged > 0) {
		rdoc_heading(doc, 2, "Issues no theme covers");
		rdoc_para(doc, "No rule matches these and none was given a theme by hand.");
	}
	tab = rdoc_table_cols(doc, "issues", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t i = 0; i < t->nissues; i++) {
		const json_t *row = json_array_get(t->issues, i);
		json_t *tags = json_array();

		for (size_t th = 0; th < t->nthemes; th++) {
			unsigned how = t->how[i * t->nthemes + th];
			long r = t->rule[i * t->nthemes + th];

			if (how == 0)
				continue;
			json_array_append_new(tags, json_pack("{s:s, s:s, s:s?}", "theme",
			    str(json_array_get(t->themes, th), "ref"), "how",
			    how == (THEME_HAND | THEME_RULE) ? "both" : how == THEME_HAND ? "hand" : "rule",
			    "pattern", r >= 0 ? str(json_array_get(t->rules, (size_t)r), "pattern") : NULL));
		}
		rtable_cell(tab, str(row, "ref"));
		rtable_cell(tab, str(row, "date"));
		rtable_cell(tab, str(row, "source"));
		rtable_cell(tab, str(row, "text"));
		rtable_json(tab, tags);
		if (json_array_size(tags) > 0)
			rtable_data_row(tab);
		rtable_end_row(tab);
		json_decref(tags);
	}
	rdoc_fact_list(doc, "untagged", NULL, untagged, nuntagged);
	free(untagged);
}

int
report_themes(struct wm_ctx *ctx, const struct themes_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct tagged t = { 0 };
	struct rdoc *doc = NULL;
	json_t *aims = NULL;
	size_t tagged_count = 0, *counts = NULL;
	char first[PERIOD_LEN] = "", last[PERIOD_LEN] = "";
	int rc;

	*out = NULL;
	if ((rc = load(ctx, o, &t, err)) != 0)
		goto out;
	if ((rc = theme_aims(ctx, &t, &aims, err)) != 0)
		goto out;
	counts = wm_calloc(t.nthemes + 1, sizeof(*counts));
	for (size_t i = 0; i < t.nissues; i++) {
		bool any = false;

		for (size_t th = 0; th < t.nthemes; th++) {
			any = any || t.how[i * t.nthemes + th] != 0;
			counts[th] += t.how[i * t.nthemes + th] != 0;
		}
		tagged_count += any;
	}
	doc = rdoc_new("Consultation themes");
	rdoc_meta(doc, "Counted by", period_kind_name(o->by));
	rdoc_fact(doc, "by", NULL, period_kind_name(o->by));
	if (o->from != NULL || o->to != NULL) {
		struct buf range = BUF_INIT;

		buf_addf(&range, "%s to %s", o->from ? o->from : "the first",
		    o->to ? o->to : "the last");
		rdoc_meta(doc, "Issues raised", buf_str(&range));
		buf_release(&range);
	}
	if (o->source != NULL)
		rdoc_meta(doc, "Source", o->source);
	if (t.nperiods > 0) {
		period_name(&t, o->by, 0, first);
		period_name(&t, o->by, t.nperiods - 1, last);
	}
	rdoc_para(doc, "%zu issues from %zu sources%s%s%s%s: %zu carry at least one of the %zu "
	    "themes, %zu none.", t.nissues, json_array_size(t.sources), t.nperiods ? ", " : "",
	    first, t.nperiods > 1 ? " to " : "", t.nperiods > 1 ? last : "", tagged_count,
	    t.nthemes, t.nissues - tagged_count);
	periods_fact(doc, &t, o->by);
	{
		size_t n = json_array_size(t.sources);
		const char **names = wm_calloc(n + 1, sizeof(*names));

		for (size_t k = 0; k < n; k++)
			names[k] = json_string_value(json_array_get(t.sources, k));
		rdoc_fact_list(doc, "sources", NULL, names, n);
		free(names);
	}
	by_theme(doc, &t, o->by, aims);
	by_source(doc, &t, o->by);
	bears_on(doc, &t, aims, counts);
	rules_section(doc, &t);
	issues_section(doc, &t);
	*out = doc;
	doc = NULL;
out:
	rdoc_free(doc);
	json_decref(aims);
	free(counts);
	tagged_release(&t);
	return rc;
}
