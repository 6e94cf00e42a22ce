/*
 * page_figures.c: entering an indicator's figures and targets, and
 * approving figures, a period (or a year) at a time.
 *
 *   GET, POST /pis/CODE/figures?period=P      a row for each unit the user enters for
 *   POST      /pis/CODE/figures/approve       approve the figures ticked
 *   GET, POST /pis/CODE/targets?year=Y        the targets of a financial year
 *
 * Each row shows the period before's figure and the same period a year
 * before beside the box. Before anything is saved every figure entered is
 * checked (analysis/figcheck.h: outside the indicator's range, far from
 * the unit's own history, a ratio without its counts); a figure that
 * fails is not saved until the person ticks that it is right and says
 * why. All the figures of a page are saved together or not at all,
 * through the measurements kind, so a borough's figures await the
 * indicator's owner or a planner (measure.h), who approve them here.
 */
#include "base/wm.h"

#include <math.h>

#include "base/date.h"
#include "base/mem.h"
#include "base/str.h"
#include "http/form.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/figures.h"
#include "store/store.h"

/* A figure as the indicator shows it: its decimals, "not available", or a dash. */
static const char *
shown(struct req *rq, const struct fig_grid *g, double v)
{
	if (isnan(v))
		return "\xe2\x80\x93";
	return arena_printf(rq->a, "%.*f", g->decimals, v);
}

/* Who entered a figure, as a person reads it: the audit log's "web:cc" is cc. */
static const char *
who(const char *actor)
{
	return actor == NULL ? "someone" : strncmp(actor, "web:", 4) == 0 ? actor + 4 : actor;
}

static const char *
field_id(struct req *rq, size_t i, const char *what)
{
	return arena_printf(rq->a, "f%zu-%s", i, what);
}

/* What one row of the form holds, as posted. */
struct row_in {
	const char *value, *num, *den, *note, *reason;
	bool na, confirm, touched;
};

static void
row_read(struct req *rq, size_t i, struct row_in *r)
{
	const char *na = req_form(rq, field_id(rq, i, "na"));
	const char *confirm = req_form(rq, field_id(rq, i, "confirm"));

	memset(r, 0, sizeof(*r));
	r->value = req_form(rq, field_id(rq, i, "value"));
	r->num = req_form(rq, field_id(rq, i, "num"));
	r->den = req_form(rq, field_id(rq, i, "den"));
	r->note = req_form(rq, field_id(rq, i, "note"));
	r->reason = req_form(rq, field_id(rq, i, "reason"));
	r->na = na != NULL && *na != '\0';
	r->confirm = confirm != NULL && *confirm != '\0';
}

/* The text a box starts with: what was typed, else the figure held. */
static const char *
start(struct req *rq, bool typed, const char *posted, bool has, double v, int decimals)
{
	if (typed)
		return posted;
	if (!has || isnan(v))
		return NULL;
	return arena_printf(rq->a, "%.*f", decimals, v);
}

static void
status_tag(struct page *p, const struct fig_unit *u)
{
	html_open(&p->h, "p", "class", "govuk-body", NULL);
	if (!u->has)
		html_elem(&p->h, "strong", "Not entered", "class", "govuk-tag govuk-tag--grey", NULL);
	else if (u->pending)
		html_elem(&p->h, "strong", "Awaiting approval", "class", "govuk-tag govuk-tag--yellow",
		    NULL);
	else
		html_elem(&p->h, "strong", "Approved", "class", "govuk-tag govuk-tag--green", NULL);
	if (u->pending && u->submitted_by != NULL)
		html_textf(&p->h, " Entered by %s.", who(u->submitted_by));
	html_close(&p->h, "p");
}

/* One unit's fieldset: the figure (or its counts), not available, a note, and any warning. */
static void
unit_rows(struct page *p, const struct fig_grid *g, size_t i, bool typed, const json_t *errors,
    const char *warning)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	const struct fig_unit *u = &g->units[i];
	struct row_in in;
	const char *hint = arena_printf(rq->a, "%s: %s. %s: %s.", g->previous,
	    shown(rq, g, u->previous), g->year_before, shown(rq, g, u->year_before));
	bool na;

	row_read(rq, i, &in);
	na = typed ? in.na : u->has && strcmp(u->flag, "not_available") == 0;
	html_open(h, "div", "class", warning || form_error_for(errors, field_id(rq, i, "value")) ?
	    "govuk-form-group govuk-form-group--error wm-figure-row" : "govuk-form-group wm-figure-row",
	    NULL);
	html_open(h, "fieldset", "class", "govuk-fieldset", NULL);
	html_elem(h, "legend", u->name, "class", "govuk-fieldset__legend govuk-fieldset__legend--s",
	    NULL);
	html_void(h, "input", "type", "hidden", "name", field_id(rq, i, "unit"), "value", u->ref,
	    NULL);
	status_tag(p, u);
	if (warning != NULL) {
		html_open(h, "p", "class", "govuk-error-message", "id", field_id(rq, i, "warning"), NULL);
		html_elem(h, "span", "Check this figure:", "class", "govuk-visually-hidden", NULL);
		html_textf(h, " %s", warning);
		html_close(h, "p");
	}
	page_input_attrs(p, field_id(rq, i, "value"), arena_printf(rq->a, "Figure for %s, %s",
	    u->name, g->period), "text", start(rq, typed, in.value, u->has, u->value, g->decimals),
	    arena_printf(rq->a, "%s%s", hint, g->ratio ? " Or give the two counts below." : ""),
	    warning ? NULL : form_error_for(errors, field_id(rq, i, "value")), "10", "decimal",
	    "off");
	if (g->ratio) {
		html_open(h, "div", "class", "wm-counts", NULL);
		page_input_attrs(p, field_id(rq, i, "num"), "Count above the line (numerator)", "text",
		    start(rq, typed, in.num, u->counts, u->num, 0), NULL,
		    form_error_for(errors, field_id(rq, i, "num")), "10", "decimal", "off");
		page_input_attrs(p, field_id(rq, i, "den"), "Count below the line (denominator)", "text",
		    start(rq, typed, in.den, u->counts, u->den, 0), NULL,
		    form_error_for(errors, field_id(rq, i, "den")), "10", "decimal", "off");
		html_close(h, "div");
	}
	page_checkbox(p, field_id(rq, i, "na"), "Not available", na);
	page_input(p, field_id(rq, i, "note"), na ? "Why it is not available, or a note" :
	    "Note (optional; why it is not available, if it is not)", "text",
	    typed ? in.note : u->note, NULL, form_error_for(errors, field_id(rq, i, "note")), NULL);
	if (warning != NULL || (typed && in.confirm)) {
		page_checkbox(p, field_id(rq, i, "confirm"), "This figure is right", in.confirm);
		page_textarea(p, field_id(rq, i, "reason"), "Why it is right",
		    in.reason, "Say what explains it, for the person who approves it",
		    form_error_for(errors, field_id(rq, i, "reason")));
	} else if (u->pending && u->reason != NULL) {
		html_elem(h, "p", arena_printf(rq->a, "Saved with the reason: %s", u->reason), "class",
		    "govuk-body-s wm-meta", NULL);
	}
	html_close(h, "fieldset");
	html_close(h, "div");
}

/* The figures awaiting approval, each with a box to tick, for the owner or a planner. */
static void
approval_form(struct page *p, const struct fig_grid *g, const char *url)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	size_t n = 0;

	for (size_t i = 0; i < g->n; i++)
		n += g->units[i].pending;
	if (!g->may_approve || n == 0)
		return;
	html_elem(h, "h2", arena_printf(rq->a, "%zu figure%s awaiting your approval", n,
	    n == 1 ? "" : "s"), "class", "govuk-heading-m", "id", "approve", NULL);
	page_form_begin(p, arena_printf(rq->a, "%s/approve", url), "post");
	html_void(h, "input", "type", "hidden", "name", "period", "value", g->period, NULL);
	html_open(h, "div", "class", "govuk-form-group", NULL);
	html_open(h, "fieldset", "class", "govuk-fieldset", NULL);
	html_elem(h, "legend", "Tick the figures to approve", "class", "govuk-fieldset__legend", NULL);
	html_open(h, "div", "class", "govuk-checkboxes govuk-checkboxes--small", "data-module",
	    "govuk-checkboxes", NULL);
	for (size_t i = 0; i < g->n; i++) {
		const struct fig_unit *u = &g->units[i];
		const char *id = arena_printf(rq->a, "approve-%zu", i);

		if (!u->pending)
			continue;
		html_open(h, "div", "class", "govuk-checkboxes__item", NULL);
		html_void(h, "input", "class", "govuk-checkboxes__input", "id", id, "name", "unit",
		    "type", "checkbox", "value", u->ref, "aria-describedby",
		    arena_printf(rq->a, "%s-hint", id), NULL);
		html_elem(h, "label", arena_printf(rq->a, "%s: %s", u->name, strcmp(u->flag,
		    "not_available") == 0 ? "not available" : shown(rq, g, u->value)), "class",
		    "govuk-label govuk-checkboxes__label", "for", id, NULL);
		html_elem(h, "div", arena_printf(rq->a, "Entered by %s.%s%s Before: %s; a year before: %s.",
		    who(u->submitted_by), u->reason ? " Reason: " : "",
		    u->reason ? u->reason : "", shown(rq, g, u->previous), shown(rq, g, u->year_before)),
		    "class", "govuk-hint govuk-checkboxes__hint", "id", arena_printf(rq->a, "%s-hint", id),
		    NULL);
		html_close(h, "div");
	}
	html_close(h, "div");
	html_close(h, "fieldset");
	html_close(h, "div");
	page_form_end(p, "Approve the ticked figures");
}

static void
period_form(struct page *p, const char *url, const struct fig_grid *g)
{
	html_open(&p->h, "div", "class", "wm-no-print", NULL);
	page_form_begin(p, url, "get");
	page_input(p, "period", "Period", "text", g->period,
	    "A month (2005-03), a quarter (2005-Q1), a financial year (2004/05) or a year (2005)",
	    NULL, "10");
	page_form_end(p, "Show");
	html_close(&p->h, "div");
}

/* The way back to the indicator, and the end of the page. */
static void
grid_end(struct page *p, const struct fig_grid *g, int status)
{
	html_open(&p->h, "p", "class", "govuk-body", NULL);
	html_elem(&p->h, "a", arena_printf(p->rq->a, "Back to %s", g->pi), "class", "govuk-link",
	    "href", req_key_url(p->rq, "/pis/", g->pi), NULL);
	html_close(&p->h, "p");
	page_end(p);
	p->rs->status = status;
}

static void
grid_page(struct req *rq, struct resp *rs, const struct fig_grid *g, bool typed,
    const json_t *errors, const char *const *warnings, int status)
{
	const char *url = arena_printf(rq->a, "%s/figures", req_key_url(rq, "/pis/", g->pi));
	const char *saved = req_query(rq, "saved"), *approved = req_query(rq, "approved");
	struct page p;

	page_begin(&p, rq, rs, arena_printf(rq->a, "%sFigures for %s, %s - Waymark",
	    json_array_size(errors) ? "Error: " : "", g->pi, g->period), "/pis");
	page_error_list(&p, errors);
	if (saved != NULL && !typed)
		page_success(&p, arena_printf(rq->a, "%s figure%s saved.%s", saved,
		    strcmp(saved, "1") == 0 ? "" : "s", g->may_approve ? "" :
		    " They await approval by the indicator's owner or a planner."));
	if (approved != NULL && !typed)
		page_success(&p, arena_printf(rq->a, "%s figure%s approved.", approved,
		    strcmp(approved, "1") == 0 ? "" : "s"));
	html_elem(&p.h, "span", arena_printf(rq->a, "%s %s", g->pi, g->title), "class",
	    "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", arena_printf(rq->a, "Figures for %s", g->period), "class",
	    "govuk-heading-l", NULL);
	period_form(&p, url, g);
	approval_form(&p, g, url);
	if (g->n == 0) {
		html_elem(&p.h, "p", "Your account enters figures for no unit of this indicator. Its "
		    "owner, a planner, or the lead of a borough whose post belongs to it enters them.",
		    "class", "govuk-body", NULL);
	} else {
		html_elem(&p.h, "h2", "Enter the figures", "class", "govuk-heading-m", NULL);
		html_elem(&p.h, "p", arena_printf(rq->a, "Measured in %s. Each figure is checked "
		    "before it is saved: against the range the indicator can take, the unit's own last "
		    "24 figures, and, for a rate, its counts.%s", *g->measure_unit ? g->measure_unit :
		    "units", g->may_approve ? "" : " What you save awaits approval by the indicator's "
		    "owner or a planner, and is not shown to the public until then."), "class",
		    "govuk-body", NULL);
		page_form_begin(&p, url, "post");
		html_void(&p.h, "input", "type", "hidden", "name", "period", "value", g->period, NULL);
		for (size_t i = 0; i < g->n; i++)
			unit_rows(&p, g, i, typed, errors, warnings ? warnings[i] : NULL);
		page_form_end(&p, "Save the figures");
	}
	grid_end(&p, g, status);
}

/* Why figure v of unit i looks wrong (figcheck.h), in words; NULL if it does not. */
static const char *
check_words(struct req *rq, const struct fig_grid *g, size_t i, double v, bool counts)
{
	struct figcheck_result r;
	struct buf b = BUF_INIT;
	const char *out;

	figures_check(g, i, v, counts, &r);
	if (r.problems == 0)
		return NULL;
	if (r.problems & FIGCHECK_RANGE)
		buf_addf(&b, "%s is outside what this indicator's figures can be (%s to %s). ",
		    shown(rq, g, v), isnan(g->lo) ? "any" : shown(rq, g, g->lo),
		    isnan(g->hi) ? "any" : shown(rq, g, g->hi));
	if (r.problems & FIGCHECK_OUTLIER)
		buf_addf(&b, "%s is far from %s's own figures: the middle of its last %d is %s, and "
		    "this is %.0f times as far from it as they usually are. ", shown(rq, g, v),
		    g->units[i].name, FIGCHECK_HISTORY, shown(rq, g, r.median), fabs(r.z) / 0.6745);
	if (r.problems & FIGCHECK_COUNTS)
		buf_adds(&b, "This indicator is a rate of two counts: without them the figure cannot "
		    "be added up with the other units'. Give both counts if you have them. ");
	buf_adds(&b, "If it is right, tick the box and say why.");
	out = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return out;
}

static bool
blank(const char *s)
{
	return s == NULL || str_is_blank(s);
}

static void
row_error(struct req *rq, json_t *errors, const char *id, const char *msg)
{
	if (form_error_for(errors, id) != NULL)
		return;
	json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", id, "href",
	    arena_printf(rq->a, "#%s", id), "message", msg));
}

static bool
number(const char *s, double *v)
{
	return !blank(s) && str_to_double(s, v) == 0 && isfinite(*v);
}

/* Did the row come back as the page showed it (nothing changed)? */
static bool
unchanged(struct req *rq, const struct fig_grid *g, const struct fig_unit *u,
    const struct row_in *in)
{
	const char *v = start(rq, false, NULL, u->has, u->value, g->decimals);
	const char *n = start(rq, false, NULL, u->counts, u->num, 0);
	const char *d = start(rq, false, NULL, u->counts, u->den, 0);
	bool na = u->has && strcmp(u->flag, "not_available") == 0;

#define SAME(a, b) ((blank(a) && blank(b)) || (!blank(a) && !blank(b) && strcmp(a, b) == 0))
	return u->has && na == in->na && SAME(in->value, v) && SAME(in->num, n) &&
	    SAME(in->den, d) && SAME(in->note, u->note);
#undef SAME
}

/*
 * Row i as fields for the measurements kind, or NULL with *skip when it
 * was left empty or as it was. Mistakes go into errors; a figure the
 * checks question, not ticked as right with a reason, into *warning (and
 * errors, so that nothing is saved).
 */
static json_t *
row_fields(struct req *rq, const struct fig_grid *g, size_t i, json_t *errors,
    const char **warning, bool *skip, struct wm_err *err, int *rc)
{
	const struct kind *k = kind_find("measurements");
	const struct fig_unit *u = &g->units[i];
	const char *vid = field_id(rq, i, "value"), *name = u->name;
	json_t *f, *probs = NULL;	/* ent_check makes it */
	struct row_in in;
	double v = NAN, n = NAN, d = NAN;
	bool counts, ok = true;
	size_t before = json_array_size(errors);

	*rc = 0;
	*skip = false;
	*warning = NULL;
	row_read(rq, i, &in);
	counts = !blank(in.num) || !blank(in.den);
	if ((blank(in.value) && !counts && !in.na) || unchanged(rq, g, u, &in)) {
		*skip = true;
		return NULL;
	}
	f = json_pack("{s:s, s:s, s:s, s:s, s:s}", "pi", g->pi, "unit", u->ref, "period",
	    g->period, "flag", in.na ? "not_available" : "actual", "note", blank(in.note) ? "" :
	    in.note);
	if (!in.na) {
		if (!blank(in.value) && !number(in.value, &v)) {
			row_error(rq, errors, vid, arena_printf(rq->a, "Enter the figure for %s as a "
			    "number, like 12.5", name));
			ok = false;
		}
		if (counts && (!number(in.num, &n) || !number(in.den, &d))) {
			row_error(rq, errors, field_id(rq, i, blank(in.num) || !number(in.num, &n) ?
			    "num" : "den"), arena_printf(rq->a, "Enter both counts for %s as numbers, or "
			    "neither", name));
			ok = false;
		} else if (counts && d == 0) {
			row_error(rq, errors, field_id(rq, i, "den"), arena_printf(rq->a, "The count "
			    "below the line for %s cannot be 0", name));
			ok = false;
		}
		if (ok && counts) {
			json_object_set_new(f, "numerator", json_real(n));
			json_object_set_new(f, "denominator", json_real(d));
			if (isnan(v))
				v = n / d * g->scale;
		}
		if (ok && !isnan(v) && !blank(in.value))
			json_object_set_new(f, "value", json_real(v));
	} else if (blank(in.note)) {
		row_error(rq, errors, field_id(rq, i, "note"), arena_printf(rq->a, "Say why the "
		    "figure for %s is not available", name));
	}
	/* the kind's own limits, worded for this row */
	if ((*rc = ent_check(&rq->ctx, k, f, !u->has, &probs, err)) != 0)
		goto out;
	for (size_t j = 0; j < json_array_size(probs); j++) {
		const char *fld = json_string_value(json_object_get(json_array_get(probs, j), "field"));
		const char *what = fld != NULL && strcmp(fld, "numerator") == 0 ? "num" :
		    fld != NULL && strcmp(fld, "denominator") == 0 ? "den" :
		    fld != NULL && strcmp(fld, "note") == 0 ? "note" : "value";

		row_error(rq, errors, field_id(rq, i, what), arena_printf(rq->a, "%s: %s", name,
		    json_string_value(json_object_get(json_array_get(probs, j), "message"))));
	}
	if (json_array_size(errors) > before || in.na)
		goto out;
	if ((*warning = check_words(rq, g, i, v, counts)) != NULL) {
		if (in.confirm && !blank(in.reason)) {
			json_object_set_new(f, "reason", json_string(in.reason));
			*warning = NULL;
		} else if (in.confirm) {
			row_error(rq, errors, field_id(rq, i, "reason"), arena_printf(rq->a, "Say why "
			    "the figure for %s is right", name));
		} else {
			row_error(rq, errors, vid, arena_printf(rq->a, "Check the figure for %s; if it is "
			    "right, tick that it is and say why", name));
		}
	}
out:
	json_decref(probs);
	return f;
}

static void
save_figures(struct req *rq, struct resp *rs, struct fig_grid *g)
{
	const struct kind *k = kind_find("measurements");
	struct wm_err err = WM_ERR_INIT;
	json_t *errors = json_array(), **rows = arena_array(rq->a, g->n + 1, sizeof(*rows));
	const char **warnings = arena_array(rq->a, g->n + 1, sizeof(*warnings));
	size_t saved = 0;
	int rc = 0;

	for (size_t i = 0; i < g->n && rc == 0; i++) {
		const char *unit = req_form(rq, field_id(rq, i, "unit"));
		bool skip;

		/* the page's rows are the grid's, in its order: a unit moved meanwhile is refused */
		if (unit == NULL) {
			rows[i] = NULL;	/* not sent: nothing to change */
			continue;
		}
		if (strcmp(unit, g->units[i].ref) != 0) {
			page_fail(rq, rs, 409, "The list of units changed", "The units this page lists "
			    "changed while you were entering figures. Go back, reload the page and enter "
			    "them again.");
			goto out;
		}
		rows[i] = row_fields(rq, g, i, errors, &warnings[i], &skip, &err, &rc);
	}
	if (rc != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	if (json_array_size(errors) > 0) {
		grid_page(rq, rs, g, true, errors, warnings, 422);
		goto out;
	}
	/* all of them or none */
	if ((rc = store_begin(rq->ctx.st, &err)) == 0) {
		for (size_t i = 0; i < g->n && rc == 0; i++) {
			struct buf key = BUF_INIT;

			if (rows[i] == NULL)
				continue;
			buf_addf(&key, "%s/%s/%s", g->pi, g->units[i].ref, g->period);
			rc = g->units[i].has ? ent_set(&rq->ctx, k, buf_str(&key), rows[i], 0, NULL, &err) :
			    ent_add(&rq->ctx, k, rows[i], NULL, &err);
			if (rc != 0)
				row_error(rq, errors, field_id(rq, i, "value"), arena_printf(rq->a,
				    "%s: %s", g->units[i].name, err.msg));
			saved++;
			buf_release(&key);
		}
		rc = rc != 0 ? store_rollback(rq->ctx.st, rc) : store_commit(rq->ctx.st, &err);
	}
	if (rc == WM_EPERM) {
		page_fail_err(rq, rs, &err);
	} else if (rc != 0) {
		if (json_array_size(errors) == 0)
			row_error(rq, errors, field_id(rq, 0, "value"), err.msg);
		grid_page(rq, rs, g, true, errors, warnings, http_status(rc));
	} else {
		resp_redirect(rs, arena_printf(rq->a, "%s/figures?period=%s&saved=%zu",
		    req_key_url(rq, "/pis/", g->pi), req_key_url(rq, "", g->period), saved));
	}
out:
	for (size_t i = 0; i < g->n; i++)
		json_decref(rows[i]);
	json_decref(errors);
}

static void
approve(struct req *rq, struct resp *rs, struct fig_grid *g)
{
	const struct kind *k = kind_find("measurements");
	struct wm_err err = WM_ERR_INIT;
	json_t *yes = json_pack("{s:b}", "approved", true);
	size_t n = 0;
	int rc;

	if ((rc = store_begin(rq->ctx.st, &err)) == 0) {
		for (size_t i = 0; i < rq->form.n && rc == 0; i++) {
			if (strcmp(rq->form.v[i].name, "unit") != 0)
				continue;
			rc = ent_set(&rq->ctx, k, arena_printf(rq->a, "%s/%s/%s", g->pi,
			    rq->form.v[i].value, g->period), yes, 0, NULL, &err);
			n++;
		}
		rc = rc != 0 ? store_rollback(rq->ctx.st, rc) : store_commit(rq->ctx.st, &err);
	}
	json_decref(yes);
	if (rc != 0)
		page_fail_err(rq, rs, &err);
	else if (n == 0) {
		json_t *none = json_pack("[{s:s, s:s}]", "message", "Tick the figures to approve",
		    "href", "#approve");

		grid_page(rq, rs, g, false, none, NULL, 422);
		json_decref(none);
	} else
		resp_redirect(rs, arena_printf(rq->a, "%s/figures?period=%s&approved=%zu",
		    req_key_url(rq, "/pis/", g->pi), req_key_url(rq, "", g->period), n));
}

void
page_figures(struct req *rq, struct resp *rs, const char *code, bool approving)
{
	struct wm_err err = WM_ERR_INIT;
	bool post = strcmp(rq->method, "POST") == 0;
	const char *period = post ? req_form(rq, "period") : req_query(rq, "period");
	struct fig_grid g;

	if (rq->resumed)
		period = req_form(rq, "period");
	if (period != NULL && blank(period))
		period = NULL;
	if (!rq->logged_in) {
		page_login_redirect(rq, rs);
		return;
	}
	if (figures_grid(&rq->ctx, code, period, &g, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	if (approving && post)
		approve(rq, rs, &g);
	else if (post)
		save_figures(rq, rs, &g);
	else
		grid_page(rq, rs, &g, rq->resumed, NULL, NULL, 200);
	figures_grid_release(&g);
}

/* ---- targets ----------------------------------------------------------- */

/* A unit's targets for the year and the year before, and what was posted for it. */
struct target_row {
	const char *unit, *name;
	const json_t *now, *before;	/* the target records, or NULL */
};

static int
target_row_cmp(const void *a, const void *b)
{
	return strcasecmp(((const struct target_row *)a)->name, ((const struct target_row *)b)->name);
}

/*
 * The rows of the targets page: every unit with a target for the
 * indicator in any year, and every unit that reports its figures.
 */
static struct target_row *
target_rows(struct req *rq, const struct fig_grid *g, const json_t *targets, const char *year,
    const char *last, size_t *n)
{
	json_t *units = pages_choices(rq, "units");
	size_t cap = json_array_size(units) + 1, k = 0;
	struct target_row *rows = arena_array(rq->a, cap, sizeof(*rows));

	for (size_t i = 0; i < json_array_size(units); i++) {
		const char *ref = json_string_value(json_array_get(json_array_get(units, i), 0));
		struct target_row r = { ref, json_string_value(json_array_get(json_array_get(units, i),
		    1)), NULL, NULL };
		bool any = false;

		for (size_t t = 0; t < json_array_size(targets); t++) {
			const json_t *tg = json_array_get(targets, t);
			const char *per = json_string_value(json_object_get(tg, "period"));

			if (strcmp(json_string_value(json_object_get(tg, "unit")), ref) != 0)
				continue;
			any = true;
			if (strcmp(per, year) == 0)
				r.now = tg;
			else if (strcmp(per, last) == 0)
				r.before = tg;
		}
		for (size_t u = 0; u < g->n && !any; u++)
			any = strcmp(g->units[u].ref, ref) == 0;
		if (any) {
			r.unit = arena_strdup(rq->a, r.unit);
			r.name = arena_strdup(rq->a, r.name);
			rows[k++] = r;
		}
	}
	json_decref(units);
	wm_sort(rows, k, sizeof(*rows), target_row_cmp);
	*n = k;
	return rows;
}

static const char *
target_text(struct req *rq, const json_t *t, const char *field)
{
	const json_t *v = json_object_get(t, field);

	if (json_is_number(v))
		return arena_printf(rq->a, "%.15g", json_number_value(v));
	return json_string_value(v);
}

static void
targets_page(struct req *rq, struct resp *rs, const struct fig_grid *g, const char *year,
    const char *last, const struct target_row *rows, size_t n, bool may, bool typed,
    const json_t *errors, int status)
{
	const char *url = arena_printf(rq->a, "%s/targets", req_key_url(rq, "/pis/", g->pi));
	const char *saved = req_query(rq, "saved");
	struct page p;

	page_begin(&p, rq, rs, arena_printf(rq->a, "%sTargets for %s, %s - Waymark",
	    json_array_size(errors) ? "Error: " : "", g->pi, year), "/pis");
	page_error_list(&p, errors);
	if (saved != NULL && !typed)
		page_success(&p, arena_printf(rq->a, "%s target%s saved.", saved,
		    strcmp(saved, "1") == 0 ? "" : "s"));
	html_elem(&p.h, "span", arena_printf(rq->a, "%s %s", g->pi, g->title), "class",
	    "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", arena_printf(rq->a, "Targets for %s", year), "class",
	    "govuk-heading-l", NULL);
	html_open(&p.h, "div", "class", "wm-no-print", NULL);
	page_form_begin(&p, url, "get");
	page_input(&p, "year", "Financial year", "text", year, "For example, 2005/06", NULL, "10");
	page_form_end(&p, "Show");
	html_close(&p.h, "div");
	if (!may)
		html_elem(&p.h, "p", "Only a planner sets targets; these are the year's.", "class",
		    "govuk-body", NULL);
	if (may)
		page_form_begin(&p, url, "post");
	if (may)
		html_void(&p.h, "input", "type", "hidden", "name", "year", "value", year, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct target_row *r = &rows[i];
		const char *before = r->before ? target_text(rq, r->before, "value") : NULL;
		const char *hint = arena_printf(rq->a, "%s: %s", last, before ? before : "no target");

		html_open(&p.h, "div", "class", "govuk-form-group wm-figure-row", NULL);
		html_open(&p.h, "fieldset", "class", "govuk-fieldset", NULL);
		html_elem(&p.h, "legend", r->name, "class",
		    "govuk-fieldset__legend govuk-fieldset__legend--s", NULL);
		if (!may) {
			html_elem(&p.h, "p", arena_printf(rq->a, "%s. %s: %s", hint, year,
			    r->now ? target_text(rq, r->now, "value") : "no target"), "class", "govuk-body",
			    NULL);
		} else {
			html_void(&p.h, "input", "type", "hidden", "name", field_id(rq, i, "unit"), "value",
			    r->unit, NULL);
			page_input_attrs(&p, field_id(rq, i, "value"), arena_printf(rq->a, "Target for %s, "
			    "%s", r->name, year), "text", typed ? req_form(rq, field_id(rq, i, "value")) :
			    target_text(rq, r->now, "value"), hint, form_error_for(errors,
			    field_id(rq, i, "value")), "10", "decimal", "off");
			page_input_attrs(&p, field_id(rq, i, "tolerance"), "Tolerance (optional)", "text",
			    typed ? req_form(rq, field_id(rq, i, "tolerance")) : target_text(rq, r->now,
			    "tolerance"), "Overrides the indicator's own", form_error_for(errors,
			    field_id(rq, i, "tolerance")), "5", "decimal", "off");
			page_input(&p, field_id(rq, i, "note"), "Note (optional)", "text", typed ?
			    req_form(rq, field_id(rq, i, "note")) : target_text(rq, r->now, "note"), NULL,
			    form_error_for(errors, field_id(rq, i, "note")), NULL);
		}
		html_close(&p.h, "fieldset");
		html_close(&p.h, "div");
	}
	if (may)
		page_form_end(&p, "Save the targets");
	grid_end(&p, g, status);
}

/* Save the targets posted (all or none); 0, or the status of the page to show again. */
static int
save_targets(struct req *rq, const struct fig_grid *g, const char *year,
    const struct target_row *rows, size_t n, json_t *errors, size_t *saved, struct wm_err *err)
{
	const struct kind *k = kind_find("targets");
	int rc;

	*saved = 0;
	if ((rc = store_begin(rq->ctx.st, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *unit = req_form(rq, field_id(rq, i, "unit"));
		const char *v = req_form(rq, field_id(rq, i, "value"));
		const char *tol = req_form(rq, field_id(rq, i, "tolerance"));
		const char *note = req_form(rq, field_id(rq, i, "note"));
		json_t *f, *probs = NULL;

		if (unit == NULL)
			continue;	/* not sent: nothing to change */
		if (strcmp(unit, rows[i].unit) != 0) {
			rc = wm_error(err, WM_ECONFLICT, "the units this page lists changed while you "
			    "were entering targets: reload it and enter them again");
			break;
		}
		if (blank(v) || (rows[i].now != NULL &&
		    strcmp(v, target_text(rq, rows[i].now, "value")) == 0 &&
		    strcmp(blank(tol) ? "" : tol, target_text(rq, rows[i].now, "tolerance") ?
		    target_text(rq, rows[i].now, "tolerance") : "") == 0 &&
		    strcmp(blank(note) ? "" : note, target_text(rq, rows[i].now, "note") ?
		    target_text(rq, rows[i].now, "note") : "") == 0))
			continue;
		f = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "pi", g->pi, "unit", unit, "period", year,
		    "value", v, "tolerance", blank(tol) ? "" : tol, "note", blank(note) ? "" : note);
		if ((rc = ent_check(&rq->ctx, k, f, rows[i].now == NULL, &probs, err)) == 0) {
			for (size_t j = 0; j < json_array_size(probs); j++) {
				const char *fld = json_string_value(json_object_get(json_array_get(probs, j),
				    "field"));

				row_error(rq, errors, field_id(rq, i, fld != NULL &&
				    strcmp(fld, "tolerance") == 0 ? "tolerance" : fld != NULL &&
				    strcmp(fld, "note") == 0 ? "note" : "value"), arena_printf(rq->a,
				    "%s: enter the %s as a number", rows[i].name, fld != NULL &&
				    strcmp(fld, "tolerance") == 0 ? "tolerance" : "target"));
			}
			if (json_array_size(probs) == 0) {
				rc = rows[i].now != NULL ? ent_set(&rq->ctx, k, arena_printf(rq->a, "%s/%s/%s",
				    g->pi, unit, year), f, 0, NULL, err) : ent_add(&rq->ctx, k, f, NULL, err);
				(*saved)++;
			}
		}
		json_decref(probs);
		json_decref(f);
	}
	if (rc == 0 && json_array_size(errors) > 0)
		rc = WM_EINVAL;
	return rc != 0 ? store_rollback(rq->ctx.st, rc) : store_commit(rq->ctx.st, err);
}

void
page_targets(struct req *rq, struct resp *rs, const char *code)
{
	struct wm_err err = WM_ERR_INIT;
	bool post = strcmp(rq->method, "POST") == 0;
	const char *year = post || rq->resumed ? req_form(rq, "year") : req_query(rq, "year");
	json_t *targets = NULL, *errors = json_array();
	struct target_row *rows;
	struct period p, prev;
	char canon[PERIOD_LEN], last[PERIOD_LEN];
	struct fig_grid g;
	size_t n, saved;
	bool may;
	int fy;

	if (!rq->logged_in) {
		page_login_redirect(rq, rs);
		json_decref(errors);
		return;
	}
	if (figures_grid(&rq->ctx, code, NULL, &g, &err) != 0) {
		page_fail_err(rq, rs, &err);
		json_decref(errors);
		return;
	}
	if (blank(year)) {
		/* the financial year the next figures fall in */
		struct period next;

		period_parse(g.period, &next);
		fy = date_fy_start_year(period_first_day(&next));
	} else if (fyear_parse(year, &fy) != 0) {
		page_fail(rq, rs, 400, "There is a problem", "The year must be a financial year, such "
		    "as 2005/06.");
		goto out;
	}
	p = (struct period){ PERIOD_FYEAR, fy, 0 };
	prev = (struct period){ PERIOD_FYEAR, fy - 1, 0 };
	period_format(&p, canon);
	period_format(&prev, last);
	if (pages_list(rq, "targets", pages_where("pi", g.pi), &targets, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	rows = target_rows(rq, &g, targets, canon, last, &n);
	may = authz_may_write_kind(&rq->ctx, kind_find("targets"));
	if (!post) {
		targets_page(rq, rs, &g, canon, last, rows, n, may, rq->resumed, NULL, 200);
	} else if (!may) {
		page_fail(rq, rs, 403, "You cannot do that", "Only a planner sets targets.");
	} else if (save_targets(rq, &g, canon, rows, n, errors, &saved, &err) == 0) {
		resp_redirect(rs, arena_printf(rq->a, "%s/targets?year=%s&saved=%zu",
		    req_key_url(rq, "/pis/", g.pi), req_key_url(rq, "", canon), saved));
	} else if (json_array_size(errors) > 0) {
		targets_page(rq, rs, &g, canon, last, rows, n, may, true, errors, 422);
	} else {
		page_fail_err(rq, rs, &err);
	}
out:
	json_decref(targets);
	json_decref(errors);
	figures_grid_release(&g);
}
