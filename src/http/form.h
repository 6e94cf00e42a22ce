/*
 * form.h: the add and change forms of every kind of record, made from the
 * kind's own description (model/kinds.c); private to src/http/.
 *
 * There is one form generator, not a form per kind. Each field becomes
 * the GOV.UK component its type calls for (a text input, a text area for
 * FF_LONG text, radios for a short choice or yes/no, a select showing
 * names for a reference, checkboxes for links, a date input, a number
 * input with its inputmode), labelled and hinted from the description.
 * What is posted is checked by the model's own rules (ent_check), every
 * field at once, and each problem is worded here for a person: "Enter
 * the date of the update as a real date", never an option or field name.
 *
 * Errors travel as a JSON array of {"field", "href", "message"}, in the
 * order of the form's fields, so a page can list them all in its error
 * summary and put each beside its field.
 */
#ifndef WM_HTTP_FORM_H
#define WM_HTTP_FORM_H

#include "http/page.h"
#include "model/kind.h"

/* What a person calls a record of this kind: "recommendation", "indicator", "project report". */
const char *form_noun(struct req *rq, const struct kind *k);
/* The same for many: "Recommendations", "Indicators". */
const char *form_plural(struct req *rq, const struct kind *k);
/* "a" or "an", for noun. */
const char *form_article(const char *noun);
/* A field's label: "Percentage complete", "Reference". */
const char *form_label(struct req *rq, const struct field *f);
/* A choice as a person reads it: "not_available" -> "Not available". */
const char *form_choice_text(struct req *rq, const char *value);

/*
 * A kind's or field's help without what only the command line's users
 * need: a part in brackets that holds `code`, an --option or null.
 */
const char *form_plain_help(struct req *rq, const char *help);

/* A choice field's values as a person reads them: [["not_available", "Not available"], ...]. */
json_t *form_enum_choices(struct req *rq, const struct field *f);

/* Does the add (editing false) or change form show this field? */
bool form_shows(const struct kind *k, const struct field *f, bool editing);

/*
 * Write the form's fields. Their values come from what was posted when
 * typed is true (a form sent back), else from record (the record being
 * changed, or the defaults of a new one: an object of field -> value, as
 * the engine gives records, or strings), which may be NULL.
 */
void form_fields(struct page *p, const struct kind *k, const json_t *record, bool typed,
    const json_t *errors, bool editing);

/*
 * The posted form as fields for the engine (strings as typed, dates put
 * together from their three boxes, links as arrays). Problems only the
 * form can see (a date missing its month) are added to errors.
 */
json_t *form_read(struct req *rq, const struct kind *k, bool editing, json_t *errors);

/*
 * Check fields by the model's rules (ent_check) for a record being added
 * or changed, and add every problem, worded for a person, to errors.
 */
int form_check(struct req *rq, const struct kind *k, const json_t *fields, bool adding,
    json_t *errors, struct wm_err *err);

/* A write the engine refused, as an error on the field it names (or on none). */
void form_write_error(struct req *rq, const struct kind *k, const struct wm_err *err,
    json_t *errors);

/* Add an error about field (NULL: the form as a whole). */
void form_error(struct req *rq, json_t *errors, const struct kind *k, const char *field,
    const char *message);
/* Put errors in the order of the kind's fields (those about no field first). */
void form_sort_errors(const struct kind *k, json_t *errors);
/* The message about field, or NULL. */
const char *form_error_for(const json_t *errors, const char *field);

/* A date ("YYYY-MM-DD") as GOV.UK writes it, "7 December 2026"; anything else as it is. */
const char *form_date_text(struct req *rq, const char *iso);

/* A field's value as a person reads it (a choice's words, yes or no, a date). */
const char *form_value_text(struct req *rq, const struct field *f, const json_t *v);

#endif
