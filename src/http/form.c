/*
 * form.c: the form generator of form.h.
 *
 * Everything about a field comes from its description: its type picks
 * the component, FF_REQ whether it may be left empty, FF_LONG a text area,
 * FF_KEY whether it can change once the record exists, the help its hint.
 * The few words the descriptions do not hold (a label for "ref", that
 * "pi" is read "indicator") are the tables below; nothing here knows one
 * kind from another.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/date.h"
#include "base/str.h"
#include "http/form.h"
#include "http/pages.h"
#include "model/ent.h"

/* Field names whose label is not just the name in words. */
static const struct {
	const char *name, *label;
} labels[] = {
	{ "ref", "Reference" },
	{ "pi", "Indicator" },
	{ "seq", "Number in order" },
	{ "text", NULL },	/* NULL: the help says it best ("What has been done") */
	{ "percent_complete", "Percentage complete" },
	{ "measure_unit", "Unit of measure" },
	{ "due", "Due date" },
	{ "due_original", "First due date" },
	{ "doc_date", "Date of the document" },
	{ "period_start", "First day it covers" },
	{ "period_end", "Last day it covers" },
	{ "one_off", "One-off cost" },
	{ "old_due", "Date before" },
	{ "new_due", "Date after" },
	{ "changed_on", "Date changed" },
	{ "done_on", "Date done" },
	{ "rag", "Status (red, amber or green)" },
	{ "by_whom", "By whom" },
	{ "by_when", "By when" },
	{ "min_value", "Lowest possible figure" },
	{ "max_value", "Highest possible figure" },
};

/* Kinds whose name a person reads otherwise. */
static const struct {
	const char *one, *noun, *plural;
} nouns[] = {
	{ "pi", "indicator", "Indicators" },
	{ "node", "plan item", "Plan items" },
	{ "progress", "progress update", "Progress updates" },
	{ "revision", "change of target date", "Changes of target date" },
	{ "holder", "post holder", "Post holders" },
	{ "link", "link between plans", "Links between plans" },
	{ "basket", "basket indicator", "Basket indicators" },
	{ "measurement", "figure", "Figures" },
};

/* Words written in capitals, wherever they come in a choice. */
static const char *const capitals[] = { "hmic", "ocu", "pi", "rag" };

/* Choices this many or fewer are radios; more, a select. */
#define RADIOS_MAX 6

static const char *
humanise(struct req *rq, const char *name)
{
	char *s = arena_strdup(rq->a, name);

	for (char *c = s; *c != '\0'; c++)
		if (*c == '_')
			*c = ' ';
	for (size_t i = 0; i < WM_ARRAY_LEN(capitals); i++) {
		size_t n = strlen(capitals[i]);

		for (char *c = s; (c = strstr(c, capitals[i])) != NULL; c += n)
			if ((c == s || c[-1] == ' ') && (c[n] == '\0' || c[n] == ' '))
				for (size_t j = 0; j < n; j++)
					c[j] = (char)toupper((unsigned char)c[j]);
	}
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static const char *
lower_first(struct req *rq, const char *s)
{
	char *c = arena_strdup(rq->a, s);

	/* "OCU" stays as it is; "Reference" reads "reference" in a sentence */
	if (c[0] != '\0' && !(c[1] != '\0' && isupper((unsigned char)c[1])))
		c[0] = (char)tolower((unsigned char)c[0]);
	return c;
}

const char *
form_noun(struct req *rq, const struct kind *k)
{
	char *s;

	for (size_t i = 0; i < WM_ARRAY_LEN(nouns); i++)
		if (strcmp(nouns[i].one, k->one) == 0)
			return nouns[i].noun;
	/* the singular with spaces: "project report", "theme rule" */
	s = arena_strdup(rq->a, k->one);
	for (char *c = s; *c != '\0'; c++)
		if (*c == '_')
			*c = ' ';
	return s;
}

const char *
form_plural(struct req *rq, const struct kind *k)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(nouns); i++)
		if (strcmp(nouns[i].one, k->one) == 0)
			return nouns[i].plural;
	return humanise(rq, k->name);
}

const char *
form_article(const char *noun)
{
	/* "a unit", "a user": a vowel sounded as "you" takes "a" */
	if (noun[0] == '\0' || strchr("aeiouAEIOU", noun[0]) == NULL ||
	    strncasecmp(noun, "uni", 3) == 0 || strncasecmp(noun, "use", 3) == 0)
		return "a";
	return "an";
}

const char *
form_label(struct req *rq, const struct field *f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(labels); i++)
		if (strcmp(labels[i].name, f->name) == 0) {
			if (labels[i].label != NULL)
				return labels[i].label;
			return humanise(rq, f->help != NULL ? f->help : f->name);
		}
	return humanise(rq, f->name);
}

const char *
form_choice_text(struct req *rq, const char *value)
{
	return value == NULL ? "" : humanise(rq, value);
}

/* What the field allows, in words: "from 0 to 100", "0 or more"; NULL for the defaults. */
static const char *
limits(struct req *rq, const struct field *f)
{
	char text[64];

	field_limits_text(f, text, sizeof(text));
	if (text[0] == '\0')
		return NULL;
	if (strstr(text, " to ") != NULL)
		return arena_printf(rq->a, "from %s", text);
	return arena_strdup(rq->a, text);
}

/*
 * The help without what only the command line's users need: a part in
 * brackets that holds `code`, an --option or null ("(with `serve
 * --public`)", "(null: not stated)").
 */
const char *
form_plain_help(struct req *rq, const char *help)
{
	char *s = arena_strdup(rq->a, help), *from = s, *open;

	while ((open = strchr(from, '(')) != NULL) {
		char *close = strchr(open, ')');
		char *part;

		if (close == NULL)
			break;
		part = arena_strndup(rq->a, open, (size_t)(close - open));
		if (strchr(part, '`') == NULL && strstr(part, "--") == NULL &&
		    strstr(part, "null") == NULL) {
			from = close + 1;
			continue;
		}
		/* cut it, and the space before it */
		if (open > s && open[-1] == ' ')
			open--;
		memmove(open, close + 1, strlen(close + 1) + 1);
		from = open;
	}
	return s;
}

/* The hint: what the field is (unless the label says it), and how to write it. */
static const char *
hint_of(struct req *rq, const struct field *f)
{
	const char *label = form_label(rq, f), *help = NULL, *how = NULL;

	if (f->help != NULL && strcasecmp(f->help, label) != 0)
		help = humanise(rq, form_plain_help(rq, f->help));
	if (help != NULL && strcasecmp(help, label) == 0)
		help = NULL;
	switch (f->type) {
	case FT_DATE:
		how = "For example, 15 4 2005";
		break;
	case FT_PERIOD:
		how = "A month (2005-03), a quarter (2005-Q1), a financial year (2004/05) or a year (2005)";
		break;
	case FT_FYEAR:
		how = "For example, 2004/05";
		break;
	case FT_TIMESCALE:
		how = "As it is written, such as \xe2\x80\x9c" "End of 2002/03\xe2\x80\x9d, "
		    "\xe2\x80\x9c" "December 2004 and ongoing\xe2\x80\x9d or \xe2\x80\x9c" "Complete\xe2\x80\x9d";
		break;
	default:
		break;
	}
	if ((f->type == FT_INT || f->type == FT_REAL) && limits(rq, f) != NULL)
		how = arena_printf(rq->a, "A number %s", limits(rq, f));
	if (help != NULL && how != NULL)
		return arena_printf(rq->a, "%s. %s", help, how);
	return help != NULL ? help : how;
}

bool
form_shows(const struct kind *k, const struct field *f, bool editing)
{
	/* FF_SIGNOFF: Waymark's to set, and a sign-off's to clear, never a form field */
	if (f->flags & (FF_DERIVED | FF_SECRET | FF_SIGNOFF))
		return false;
	if (k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0)
		return false;
	/*
	 * a key is what the record is: it is chosen when adding, then fixed; so
	 * is what an update is on (kind.h's FF_ONE_OF: one of a run of fields)
	 */
	if (editing && (f->flags & (FF_KEY | FF_ONE_OF)))
		return false;
	/* a key part Waymark numbers when the record is added (a progress update's) */
	if (!editing && (f->flags & FF_KEY) && !(f->flags & (FF_REQ | FF_ONE_OF)))
		return false;
	return true;
}

/* ---- values ----------------------------------------------------------- */

static const char *
number_text(struct req *rq, const json_t *v)
{
	if (json_is_integer(v))
		return arena_printf(rq->a, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return arena_printf(rq->a, "%.15g", json_real_value(v));
	return json_string_value(v);
}

/* A record's value as the form's text box shows it. */
static const char *
input_text(struct req *rq, const struct field *f, const json_t *v)
{
	if (v == NULL || json_is_null(v))
		return NULL;
	if (f->type == FT_TIMESCALE && json_is_object(v))
		return json_string_value(json_object_get(v, "text"));
	if (json_is_boolean(v))
		return json_is_true(v) ? "yes" : "no";
	if (json_is_number(v))
		return number_text(rq, v);
	return json_string_value(v);
}

static const char *const months[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

const char *
form_date_text(struct req *rq, const char *iso)
{
	int d, y, m, day;

	if (iso == NULL || date_parse_iso(iso, &d) != 0)
		return iso != NULL ? iso : "";
	date_to_ymd(d, &y, &m, &day);
	return arena_printf(rq->a, "%d %s %d", day, months[m - 1], y);
}

const char *
form_value_text(struct req *rq, const struct field *f, const json_t *v)
{
	if (v == NULL || json_is_null(v))
		return "";
	switch (f->type) {
	case FT_DATE:
		if (json_is_string(v))
			return form_date_text(rq, json_string_value(v));
		break;
	case FT_ENUM:
		return form_choice_text(rq, json_string_value(v));
	case FT_BOOL:
		return json_is_true(v) ? "Yes" : "No";
	default:
		break;
	}
	{
		json_t *o = json_pack("{s:O}", "v", v);
		const char *t = pages_text(rq, o, "v");

		json_decref(o);
		return t;
	}
}

/* ---- components ------------------------------------------------------- */

/* A fieldset's opening: legend, hint and error; returns aria-describedby. */
static const char *
fieldset_begin(struct page *p, const char *name, const char *label, const char *hint,
    const char *error, bool group)
{
	struct html *h = &p->h;
	struct req *rq = p->rq;
	const char *described = NULL;

	if (hint != NULL)
		described = arena_printf(rq->a, "%s-hint", name);
	if (error != NULL)
		described = described ? arena_printf(rq->a, "%s %s-error", described, name) :
		    arena_printf(rq->a, "%s-error", name);
	html_open(h, "div", "class", error ? "govuk-form-group govuk-form-group--error" :
	    "govuk-form-group", NULL);
	html_open(h, "fieldset", "class", "govuk-fieldset", "role", group ? "group" : NULL,
	    "aria-describedby", described, NULL);
	html_elem(h, "legend", label, "class", "govuk-fieldset__legend", NULL);
	if (hint != NULL)
		html_elem(h, "div", hint, "class", "govuk-hint", "id",
		    arena_printf(rq->a, "%s-hint", name), NULL);
	if (error != NULL) {
		html_open(h, "p", "class", "govuk-error-message", "id",
		    arena_printf(rq->a, "%s-error", name), NULL);
		html_elem(h, "span", "Error:", "class", "govuk-visually-hidden", NULL);
		html_textf(h, " %s", error);
		html_close(h, "p");
	}
	return described;
}

static void
fieldset_end(struct page *p)
{
	html_close(&p->h, "fieldset");
	html_close(&p->h, "div");
}

/*
 * Radios or checkboxes: choices is an array of [value, text]; checked
 * says which are ticked (a string, or an array of strings for checkboxes).
 */
static void
choice_list(struct page *p, const char *name, const char *label, const char *hint,
    const char *error, const json_t *choices, const json_t *checked, bool boxes)
{
	struct html *h = &p->h;
	struct req *rq = p->rq;
	const char *kind = boxes ? "checkboxes" : "radios";
	bool inline_ = !boxes && json_array_size(choices) <= 3;

	fieldset_begin(p, name, label, hint, error, false);
	if (boxes)	/* so that ticking none is told from not being asked */
		html_void(h, "input", "type", "hidden", "name", arena_printf(rq->a, "%s-shown", name),
		    "value", "1", NULL);
	html_open(h, "div", "class", arena_printf(rq->a, "govuk-%s govuk-%s--small%s", kind, kind,
	    inline_ ? " govuk-radios--inline" : ""), "data-module", arena_printf(rq->a, "govuk-%s",
	    kind), NULL);
	for (size_t i = 0; i < json_array_size(choices); i++) {
		const json_t *c = json_array_get(choices, i);
		const char *v = json_string_value(json_array_get(c, 0));
		const char *id = i == 0 ? name : arena_printf(rq->a, "%s-%zu", name, i + 1);
		bool on = false;

		if (json_is_array(checked)) {
			for (size_t j = 0; j < json_array_size(checked) && !on; j++)
				on = json_is_string(json_array_get(checked, j)) &&
				    strcmp(json_string_value(json_array_get(checked, j)), v) == 0;
		} else {
			on = json_is_string(checked) && strcmp(json_string_value(checked), v) == 0;
		}
		html_open(h, "div", "class", arena_printf(rq->a, "govuk-%s__item", kind), NULL);
		html_void(h, "input", "class", arena_printf(rq->a, "govuk-%s__input", kind), "id", id,
		    "name", name, "type", boxes ? "checkbox" : "radio", "value", v, "checked",
		    on ? "" : NULL, NULL);
		html_elem(h, "label", json_string_value(json_array_get(c, 1)), "class",
		    arena_printf(rq->a, "govuk-label govuk-%s__label", kind), "for", id, NULL);
		html_close(h, "div");
	}
	html_close(h, "div");
	fieldset_end(p);
}

static void
select_list(struct page *p, const char *name, const char *label, const char *hint,
    const char *error, const json_t *choices, const char *selected, const char *blank)
{
	struct html *h = &p->h;
	const char *described = page_group_begin(p, name, label, hint, error);
	bool found = false;

	html_open(h, "select", "class", error ? "govuk-select govuk-select--error" : "govuk-select",
	    "id", name, "name", name, "aria-describedby", described, NULL);
	if (blank != NULL)
		html_elem(h, "option", blank, "value", "", NULL);
	for (size_t i = 0; i < json_array_size(choices); i++) {
		const json_t *c = json_array_get(choices, i);
		const char *v = json_string_value(json_array_get(c, 0));
		bool on = selected != NULL && strcmp(selected, v) == 0;

		found = found || on;
		html_elem(h, "option", json_string_value(json_array_get(c, 1)), "value", v, "selected",
		    on ? "" : NULL, NULL);
	}
	/* a value no longer among the choices is kept, not silently replaced */
	if (selected != NULL && *selected != '\0' && !found)
		html_elem(h, "option", selected, "value", selected, "selected", "", NULL);
	html_close(h, "select");
	html_close(h, "div");
}

static void
date_input(struct page *p, const char *name, const char *label, const char *hint,
    const char *error, const char *parts[3])
{
	static const char *const part[] = { "day", "month", "year" };
	static const char *const part_label[] = { "Day", "Month", "Year" };
	static const char *const width[] = { "2", "2", "4" };
	struct html *h = &p->h;
	struct req *rq = p->rq;

	fieldset_begin(p, name, label, hint, error, true);
	html_open(h, "div", "class", "govuk-date-input", "id", name, NULL);
	for (size_t i = 0; i < 3; i++) {
		const char *id = arena_printf(rq->a, "%s-%s", name, part[i]);

		html_open(h, "div", "class", "govuk-date-input__item", NULL);
		html_open(h, "div", "class", "govuk-form-group", NULL);
		html_elem(h, "label", part_label[i], "class", "govuk-label govuk-date-input__label",
		    "for", id, NULL);
		html_void(h, "input", "class", arena_printf(rq->a,
		    "govuk-input govuk-date-input__input govuk-input--width-%s%s", width[i],
		    error ? " govuk-input--error" : ""), "id", id, "name", id, "type", "text",
		    "inputmode", "numeric", "value", parts[i] ? parts[i] : "", NULL);
		html_close(h, "div");
		html_close(h, "div");
	}
	html_close(h, "div");
	fieldset_end(p);
}

/* [key, name] of every record of kind, by name: what a reference may name. */
static json_t *
ref_choices(struct req *rq, const char *kind)
{
	return pages_choices(rq, kind);
}

json_t *
form_enum_choices(struct req *rq, const struct field *f)
{
	json_t *c = json_array();

	for (size_t i = 0; f != NULL && f->values != NULL && f->values[i] != NULL; i++)
		json_array_append_new(c, json_pack("[s,s]", f->values[i],
		    form_choice_text(rq, f->values[i])));
	return c;
}

static size_t
nchoices(const struct field *f)
{
	size_t n = 0;

	while (f->values[n] != NULL)
		n++;
	return n;
}

/* The values of every posted name (checkboxes send one each). */
static json_t *
form_all(const struct req *rq, const char *name)
{
	json_t *a = json_array();

	for (size_t i = 0; i < rq->form.n; i++)
		if (strcmp(rq->form.v[i].name, name) == 0 && *rq->form.v[i].value != '\0')
			json_array_append_new(a, json_string(rq->form.v[i].value));
	return a;
}

static void
one_field(struct page *p, const struct kind *k, const struct field *f, const json_t *v,
    bool typed, const char *error)
{
	struct req *rq = p->rq;
	const char *name = f->name, *label = form_label(rq, f), *hint = hint_of(rq, f);
	const char *text = typed ? req_form(rq, name) : input_text(rq, f, v);
	bool req = (f->flags & FF_REQ) != 0;
	json_t *c = NULL, *checked = NULL;

	(void)k;
	if (!req && f->type != FT_BOOL && f->type != FT_LINKS && f->type != FT_ENUM &&
	    f->type != FT_REF)
		label = arena_printf(rq->a, "%s (optional)", label);
	switch (f->type) {
	case FT_TEXT:
	case FT_TIMESCALE:
		if (f->flags & FF_LONG)
			page_textarea(p, name, label, text, hint, error);
		else
			page_input_attrs(p, name, label, "text", text, hint, error,
			    (f->flags & FF_KEY) ? "20" : NULL, NULL, NULL);
		break;
	case FT_INT:
		if (f->min < f->max && f->max - f->min < RADIOS_MAX) {
			/* a few whole numbers (a priority of 1 to 3): choose one */
			c = json_array();
			for (double n = f->min; n <= f->max; n++)
				json_array_append_new(c, json_pack("[s,s]", arena_printf(rq->a, "%.0f", n),
				    arena_printf(rq->a, "%.0f", n)));
			if (!req)
				json_array_append_new(c, json_pack("[s,s]", "", "Not given"));
			checked = json_string(text != NULL ? text : "");
			choice_list(p, name, label, hint, error, c, checked, false);
		} else {
			page_input_attrs(p, name, label, "text", text, hint, error, "5", "numeric", NULL);
		}
		break;
	case FT_REAL:
		page_input_attrs(p, name, label, "text", text, hint, error, "10", "decimal", NULL);
		break;
	case FT_PERIOD:
	case FT_FYEAR:
		page_input_attrs(p, name, label, "text", text, hint, error, "10", NULL, NULL);
		break;
	case FT_DATE: {
		const char *parts[3] = { NULL, NULL, NULL };
		int d, y, m, day;

		if (typed && req_form(rq, arena_printf(rq->a, "%s-day", name)) != NULL) {
			parts[0] = req_form(rq, arena_printf(rq->a, "%s-day", name));
			parts[1] = req_form(rq, arena_printf(rq->a, "%s-month", name));
			parts[2] = req_form(rq, arena_printf(rq->a, "%s-year", name));
		} else if (text != NULL && date_parse_iso(text, &d) == 0) {
			date_to_ymd(d, &y, &m, &day);
			parts[0] = arena_printf(rq->a, "%d", day);
			parts[1] = arena_printf(rq->a, "%d", m);
			parts[2] = arena_printf(rq->a, "%d", y);
		}
		date_input(p, name, req ? form_label(rq, f) : label, hint, error, parts);
		break;
	}
	case FT_BOOL:
		c = json_pack("[[s,s],[s,s]]", "yes", "Yes", "no", "No");
		if (f->flags & FF_NULL)
			json_array_append_new(c, json_pack("[s,s]", "", "Not stated"));
		/* a stated null is "Not stated"; nothing given yet ticks nothing */
		checked = json_string(text != NULL ? text : json_is_null(v) ? "" : NULL);
		choice_list(p, name, label, hint, error, c, checked, false);
		break;
	case FT_ENUM:
		c = form_enum_choices(rq, f);
		if (nchoices(f) <= RADIOS_MAX) {
			if (!req)
				json_array_append_new(c, json_pack("[s,s]", "", "Not given"));
			checked = json_string(text != NULL ? text : "");
			choice_list(p, name, label, hint, error, c, checked, false);
		} else {
			select_list(p, name, label, hint, error, c, text, req ?
			    arena_printf(rq->a, "Choose %s", lower_first(rq, label)) : "Not given");
		}
		break;
	case FT_REF:
		c = ref_choices(rq, f->target);
		select_list(p, name, label, hint, error, c, text, req ?
		    arena_printf(rq->a, "Choose %s", lower_first(rq, label)) : "None");
		break;
	case FT_LINKS:
		c = ref_choices(rq, f->target);
		checked = typed ? form_all(rq, name) : json_incref((json_t *)v);
		choice_list(p, name, label, hint, error, c, checked, true);
		break;
	}
	json_decref(c);
	json_decref(checked);
}

void
form_fields(struct page *p, const struct kind *k, const json_t *record, bool typed,
    const json_t *errors, bool editing)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (!form_shows(k, f, editing))
			continue;
		one_field(p, k, f, json_object_get(record, f->name), typed,
		    form_error_for(errors, f->name));
	}
}

/* ---- reading and checking --------------------------------------------- */

void
form_error(struct req *rq, json_t *errors, const struct kind *k, const char *field,
    const char *message)
{
	const struct field *f = field != NULL ? kind_field(k, field) : NULL;
	const char *href = NULL;

	if (f != NULL && form_error_for(errors, f->name) != NULL)
		return;	/* one message a field: the first says what to do */
	if (f != NULL) {
		if (f->type == FT_DATE)
			href = arena_printf(rq->a, "#%s-day", f->name);
		else
			href = arena_printf(rq->a, "#%s", f->name);
	}
	json_array_append_new(errors, json_pack("{s:s?, s:s?, s:s}", "field", f ? f->name : NULL,
	    "href", href, "message", message));
}

const char *
form_error_for(const json_t *errors, const char *field)
{
	for (size_t i = 0; i < json_array_size(errors); i++) {
		const json_t *e = json_array_get(errors, i);
		const char *f = json_string_value(json_object_get(e, "field"));

		if (f != NULL && strcmp(f, field) == 0)
			return json_string_value(json_object_get(e, "message"));
	}
	return NULL;
}

static long
field_index(const struct kind *k, const json_t *e)
{
	const char *name = json_string_value(json_object_get(e, "field"));
	long i = 0;

	if (name == NULL)
		return -1;
	for (const struct field *f = k->fields; f->name != NULL; f++, i++)
		if (strcmp(f->name, name) == 0)
			return i;
	return i;
}

void
form_sort_errors(const struct kind *k, json_t *errors)
{
	/* insertion sort: a form has a handful of errors, and equal ones keep their order */
	for (size_t i = 1; i < json_array_size(errors); i++)
		for (size_t j = i; j > 0 && field_index(k, json_array_get(errors, j - 1)) >
		    field_index(k, json_array_get(errors, j)); j--) {
			json_t *a = json_incref(json_array_get(errors, j - 1));

			json_array_set(errors, j - 1, json_array_get(errors, j));
			json_array_set_new(errors, j, a);
		}
}

json_t *
form_read(struct req *rq, const struct kind *k, bool editing, json_t *errors)
{
	json_t *out = json_object();

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = req_form(rq, f->name);

		if (!form_shows(k, f, editing))
			continue;
		if (f->type == FT_DATE && v == NULL) {
			const char *d = req_form(rq, arena_printf(rq->a, "%s-day", f->name));
			const char *m = req_form(rq, arena_printf(rq->a, "%s-month", f->name));
			const char *y = req_form(rq, arena_printf(rq->a, "%s-year", f->name));
			int given = (d && !str_is_blank(d)) + (m && !str_is_blank(m)) +
			    (y && !str_is_blank(y));
			int64_t dn, mn, yn;

			if (d == NULL && m == NULL && y == NULL)
				continue;
			if (given == 0) {
				v = "";
			} else if (given < 3) {
				form_error(rq, errors, k, f->name, arena_printf(rq->a,
				    "%s must include a %s", form_label(rq, f), d == NULL || str_is_blank(d) ?
				    "day" : m == NULL || str_is_blank(m) ? "month" : "year"));
				continue;
			} else if (str_to_int64(str_trim(arena_strdup(rq->a, d)), &dn) == 0 &&
			    str_to_int64(str_trim(arena_strdup(rq->a, m)), &mn) == 0 &&
			    str_to_int64(str_trim(arena_strdup(rq->a, y)), &yn) == 0 &&
			    dn >= 1 && dn <= 31 && mn >= 1 && mn <= 12 && yn >= 1000 && yn <= 9999) {
				v = arena_printf(rq->a, "%04d-%02d-%02d", (int)yn, (int)mn, (int)dn);
			} else {
				form_error(rq, errors, k, f->name, arena_printf(rq->a,
				    "%s must be a real date", form_label(rq, f)));
				continue;
			}
		}
		if (f->type == FT_LINKS) {
			json_t *all = form_all(rq, f->name);

			if (json_array_size(all) > 0 ||
			    req_form(rq, arena_printf(rq->a, "%s-shown", f->name)) != NULL)
				json_object_set_new(out, f->name, all);
			else
				json_decref(all);
			continue;
		}
		if (v == NULL)
			continue;
		if (str_is_blank(v)) {
			/* left empty: nothing to add; on a change, the value is cleared */
			if (editing)
				json_object_set_new(out, f->name, json_string(""));
			continue;
		}
		json_object_set_new(out, f->name, json_string(str_trim(arena_strdup(rq->a, v))));
	}
	return out;
}

/* The text in the first pair of double quotes after from, or NULL. */
static const char *
quoted(struct req *rq, const char *msg, const char *from)
{
	const char *a = from != NULL ? strstr(msg, from) : msg, *b;

	if (a == NULL || (a = strchr(a, '"')) == NULL || (b = strchr(a + 1, '"')) == NULL)
		return NULL;
	return arena_strndup(rq->a, a + 1, (size_t)(b - a - 1));
}

/* The engine's message without its "recommendation degree_met: " in front, for a last resort. */
static const char *
after_prefix(const struct kind *k, const struct field *f, const char *msg)
{
	size_t one = strlen(k->one), n = strlen(f->name);

	if (strncmp(msg, k->one, one) == 0 && msg[one] == ' ')
		msg += one + 1;
	if (strncmp(msg, f->name, n) == 0 && (msg[n] == ':' || msg[n] == ' '))
		msg += n + (msg[n] == ':');
	while (*msg == ' ')
		msg++;
	return msg;
}

/*
 * A problem with one field (reason: kind.h's word, or "reference"), in
 * words a person can act on.
 */
static const char *
worded(struct req *rq, const struct kind *k, const struct field *f, const char *reason,
    const char *msg)
{
	const char *label = form_label(rq, f), *lower = lower_first(rq, label);
	const char *lim = limits(rq, f);

	if (strcmp(reason, FIELD_MISSING) == 0) {
		switch (f->type) {
		case FT_ENUM: case FT_REF: case FT_BOOL: case FT_LINKS:
			return arena_printf(rq->a, "Choose %s", lower);
		default:
			return arena_printf(rq->a, "Enter %s", lower);
		}
	}
	if (strcmp(reason, "reference") == 0) {
		const struct kind *t = kind_find(f->target);
		const char *bad = quoted(rq, msg, "unknown "), *pick = quoted(rq, msg, "did you mean");

		if (bad == NULL)
			return arena_printf(rq->a, "%s: %s", label, after_prefix(k, f, msg));
		if (pick != NULL)
			return arena_printf(rq->a, "There is no %s called \xe2\x80\x9c%s\xe2\x80\x9d: "
			    "did you mean \xe2\x80\x9c%s\xe2\x80\x9d?", form_noun(rq, t), bad, pick);
		return arena_printf(rq->a, "There is no %s called \xe2\x80\x9c%s\xe2\x80\x9d",
		    form_noun(rq, t), bad);
	}
	if (strcmp(reason, FIELD_BAD_RANGE) == 0 && f->type == FT_DATE)
		return arena_printf(rq->a, "%s must be today or earlier", label);
	if (strcmp(reason, FIELD_BAD_RANGE) == 0)
		return arena_printf(rq->a, "Enter %s %s", lower, lim != NULL ? lim :
		    "that is not so large");
	if (strcmp(reason, FIELD_BAD_LENGTH) == 0)
		return arena_printf(rq->a, "%s must be %zu characters or fewer", label,
		    field_max_len(f));
	if (strcmp(reason, FIELD_BAD_KEY) == 0)
		return arena_printf(rq->a, "%s cannot be blank, begin or end with a space, or contain "
		    "a slash (/)", label);
	if (strcmp(reason, FIELD_BAD_TEXT) == 0)
		return arena_printf(rq->a, "%s has characters that cannot be read: type it again",
		    label);
	switch (f->type) {
	case FT_INT:
		return arena_printf(rq->a, "Enter %s as a whole number%s%s", lower,
		    lim ? " " : ", like 3", lim ? lim : "");
	case FT_REAL:
		return arena_printf(rq->a, "Enter %s as a number%s%s", lower,
		    lim ? " " : ", like 12.5", lim ? lim : "");
	case FT_DATE:
		return arena_printf(rq->a, "%s must be a real date", label);
	case FT_PERIOD:
		return arena_printf(rq->a, "Enter %s as a month (2005-03), a quarter (2005-Q1), a "
		    "financial year (2004/05) or a year (2005)", lower);
	case FT_FYEAR:
		return arena_printf(rq->a, "Enter %s as a financial year, like 2004/05", lower);
	case FT_ENUM:
		return arena_printf(rq->a, "Choose %s from the list", lower);
	case FT_BOOL:
		return arena_printf(rq->a, "Choose yes or no for %s", lower);
	default:
		break;
	}
	return arena_printf(rq->a, "%s: %s", label, after_prefix(k, f, msg));
}

int
form_check(struct req *rq, const struct kind *k, const json_t *fields, bool adding,
    json_t *errors, struct wm_err *err)
{
	json_t *problems = NULL;
	int rc;

	if ((rc = ent_check(&rq->ctx, k, fields, adding, &problems, err)) != 0) {
		json_decref(problems);
		return rc;
	}
	for (size_t i = 0; i < json_array_size(problems); i++) {
		const json_t *pr = json_array_get(problems, i);
		const char *name = json_string_value(json_object_get(pr, "field"));
		const struct field *f = name != NULL ? kind_field(k, name) : NULL;
		const char *msg = json_string_value(json_object_get(pr, "message"));

		if (f == NULL || !form_shows(k, f, !adding)) {
			/* not a field of the form: no box to put it beside */
			form_error(rq, errors, k, NULL, msg);
			continue;
		}
		form_error(rq, errors, k, f->name, worded(rq, k, f,
		    json_string_value(json_object_get(pr, "reason")), msg));
	}
	json_decref(problems);
	form_sort_errors(k, errors);
	return 0;
}

/* Which field does an engine message name ("progress date: ...", "degree_met: ...")? */
static const struct field *
named_field(const struct kind *k, const char *msg)
{
	const char *m = msg;
	size_t one = strlen(k->one);

	if (strncmp(m, k->one, one) == 0 && m[one] == ' ')
		m += one + 1;
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		size_t n = strlen(f->name);

		if (strncmp(m, f->name, n) == 0 && (m[n] == ':' || m[n] == ' '))
			return f;
	}
	return NULL;
}

void
form_write_error(struct req *rq, const struct kind *k, const struct wm_err *err, json_t *errors)
{
	const struct field *f = err->field[0] != '\0' ? kind_field(k, err->field) :
	    named_field(k, err->msg);
	const char *msg = err->msg[0] != '\0' ? err->msg : wm_code_name(err->code);

	if (err->code == WM_EEXIST) {
		form_error(rq, errors, k, NULL, arena_printf(rq->a, "There is already %s %s with that "
		    "key: choose another, or change the one there is", form_article(form_noun(rq, k)),
		    form_noun(rq, k)));
		return;
	}
	if (f != NULL && form_shows(k, f, true)) {
		form_error(rq, errors, k, f->name, err->reason != NULL ?
		    worded(rq, k, f, err->reason, msg) : arena_printf(rq->a, "%s: %s",
		    form_label(rq, f), after_prefix(k, f, msg)));
		return;
	}
	form_error(rq, errors, k, NULL, arena_printf(rq->a, "%c%s",
	    toupper((unsigned char)msg[0]), msg + 1));
}
