/*
 * pages.h: reading records for pages (pages.c); private to src/http/.
 */
#ifndef WM_HTTP_PAGES_H
#define WM_HTTP_PAGES_H

#include "base/map.h"
#include "http/page.h"

/* ent_list of kind with these filters (taken; NULL for none). */
int pages_list(struct req *rq, const char *kind, json_t *where, json_t **out, struct wm_err *err);
/* How many records of kind have field = value. */
int pages_count(struct req *rq, const char *kind, const char *field, const char *value, size_t *n,
    struct wm_err *err);
/* {"field": value}, or {} when field is NULL. */
json_t *pages_where(const char *field, const char *value);
/* A field's value as a person reads it ("yes", "A; B", a timescale's words). */
const char *pages_text(struct req *rq, const json_t *row, const char *field);
/* The key of a record of kind. */
const char *pages_key(struct req *rq, const char *kind, const json_t *row);
/* A table cell holding pages_text(). */
void pages_cell(struct req *rq, struct rtable *t, const json_t *row, const char *field);
/* A cell for each of fields (NULL-terminated), in order. */
void pages_cells(struct req *rq, struct rtable *t, const json_t *row, const char *const *fields);
/* [key, label field] of each record of kind with these filters (taken), for a select's choices. */
json_t *pages_named(struct req *rq, const char *kind, json_t *where, const char *label);
/*
 * [key, name] of every record of kind, sorted by name, for choosing one
 * (the key alone where the kind has no name, or where two share a name).
 */
json_t *pages_choices(struct req *rq, const char *kind);
/*
 * What a person calls each record of a kind, for a list of many cells
 * that name them: one read of the kind, not one a cell.
 */
struct pages_names {
	json_t *choices;	/* pages_choices() */
	struct strmap at;	/* key -> index in choices */
};
void pages_names_load(struct req *rq, struct pages_names *n, const char *kind);
/* The record's name, or key itself when there is none. */
const char *pages_names_get(const struct pages_names *n, const char *key);
void pages_names_release(struct pages_names *n);
/* The address of a record's page: its kind's own page where it has one. */
const char *pages_record_url(struct req *rq, const char *kind, const char *key);
/* What a person calls the record: its name ("Camden", a post's title), else its key. */
const char *pages_name(struct req *rq, const char *kind, const char *key);
/* Is the recommendation overdue, by the register's rules? */
bool pages_overdue(const json_t *rec);

#endif
