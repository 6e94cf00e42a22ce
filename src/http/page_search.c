/*
 * page_search.c: the site-wide search.
 *
 *   GET /search?q=WORDS   every record whose name or texts hold every word
 *                         (each the start of a word there), the best first,
 *                         each linked to its page
 *
 * The search itself is the model's (model/search.h): what of each kind is
 * searched comes from the kinds' descriptions, and a hit is read back with
 * the reader's rights, so the public finds only what is published. The
 * header of every page has a box that asks this page.
 */
#include "base/wm.h"

#include "http/form.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/search.h"

/* The longest extract of a record's text shown under its name, in bytes. */
#define EXTRACT_LEN 240

/* The record's name as the search found it: its name field, else its key. */
static const char *
hit_title(const struct kind *k, const json_t *rec, const char *key)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = json_string_value(json_object_get(rec, f->name));

		if ((f->flags & FF_NAME) && f->type == FT_TEXT && v != NULL && *v != '\0')
			return v;
	}
	return key;
}

/* The first of the record's long texts, cut at a word before EXTRACT_LEN bytes, or NULL. */
static const char *
hit_extract(struct req *rq, const struct kind *k, const json_t *rec)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = json_string_value(json_object_get(rec, f->name));
		size_t n;

		if (!(f->flags & FF_LONG) || f->type != FT_TEXT || (f->flags & FF_SECRET) ||
		    v == NULL || *v == '\0')
			continue;
		if ((n = strlen(v)) <= EXTRACT_LEN)
			return v;
		n = EXTRACT_LEN;
		/* never inside a UTF-8 character, and at a space where there is one */
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
		for (size_t i = n; i > EXTRACT_LEN / 2; i--)
			if (v[i] == ' ') {
				n = i;
				break;
			}
		return arena_printf(rq->a, "%.*s…", (int)n, v);
	}
	return NULL;
}

void
page_search(struct req *rq, struct resp *rs)
{
	const char *q = req_query(rq, "q");
	struct wm_err err = WM_ERR_INIT;
	json_t *hits = NULL;
	bool more = false;
	struct html *h;
	struct page p;
	size_t n;

	if (q == NULL)
		q = "";
	if (search_find(&rq->ctx, q, &hits, &more, &err) != 0) {
		json_decref(hits);
		page_fail_err(rq, rs, &err);
		return;
	}
	n = json_array_size(hits);
	page_begin(&p, rq, rs, *q != '\0' ? arena_printf(rq->a, "%s - Search - Waymark", q) :
	    "Search - Waymark", NULL);
	h = &p.h;
	html_elem(h, "h1", "Search", "class", "govuk-heading-l", NULL);
	page_form_begin(&p, "/search", "get");
	page_input_attrs(&p, "q", "Words to find", "search", q, "In the names and texts of every "
	    "record: plans, goals, indicators, recommendations, projects and the rest",
	    NULL, "30", NULL, "off");
	page_form_end(&p, "Search");
	if (*q != '\0') {
		html_open(h, "p", "class", "govuk-body", "id", "search-count", NULL);
		if (n == 0)
			html_textf(h, "Nothing holds every word of \"%s\". Try fewer words, or the "
			    "start of a word.", q);
		else if (more)
			html_textf(h, "The first %zu records holding every word of \"%s\". Add a word "
			    "to find fewer.", n, q);
		else
			html_textf(h, "%zu %s %s every word of \"%s\".", n, n == 1 ? "record" :
			    "records", n == 1 ? "holds" : "hold", q);
		html_close(h, "p");
	}
	if (n > 0)
		html_open(h, "ol", "class", "govuk-list wm-search-results", NULL);
	for (size_t i = 0; i < n; i++) {
		const json_t *hit = json_array_get(hits, i);
		const char *kind = json_string_value(json_object_get(hit, "kind"));
		const char *key = json_string_value(json_object_get(hit, "key"));
		const json_t *rec = json_object_get(hit, "record");
		const struct kind *k = kind_find(kind);
		const char *title = hit_title(k, rec, key), *extract = hit_extract(rq, k, rec);
		const char *noun = form_noun(rq, k);

		html_open(h, "li", NULL);
		html_open(h, "h2", "class", "govuk-heading-s govuk-!-margin-bottom-1", NULL);
		html_elem(h, "a", title, "href", pages_record_url(rq, kind, key), "class",
		    "govuk-link", NULL);
		html_close(h, "h2");
		html_open(h, "p", "class", "govuk-body-s govuk-!-margin-bottom-1 wm-search-kind", NULL);
		/* "Recommendation DA2002/R3": what it is, and its key where the name is not it */
		html_text(h, form_choice_text(rq, noun));
		if (strcmp(title, key) != 0)
			html_textf(h, " %s", key);
		html_close(h, "p");
		if (extract != NULL)
			html_elem(h, "p", extract, "class", "govuk-body", NULL);
		html_close(h, "li");
	}
	if (n > 0)
		html_close(h, "ol");
	page_end(&p);
	json_decref(hits);
}
