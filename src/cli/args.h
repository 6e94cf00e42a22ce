/*
 * args.h: parsing a command's arguments.
 *
 * Options are "--name VALUE", "--name=VALUE" or, for flags, "--name";
 * "--" ends them. A command that edits records also accepts any field of
 * the kind as an option (--title "..."), collected into a JSON object;
 * an option given twice becomes a list (--leads A --leads B).
 */
#ifndef WM_ARGS_H
#define WM_ARGS_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"

struct optdef {
	const char *name;	/* without the dashes */
	bool value;		/* takes a value */
};

#define ARGS_MAX_OPTS 32
#define ARGS_MAX_POS 64

struct args {
	const struct optdef *defs;
	const char *vals[ARGS_MAX_OPTS];	/* NULL: not given; "" for a given flag */
	const char *pos[ARGS_MAX_POS];
	size_t npos;
	json_t *fields;		/* other --options, when allowed; NULL otherwise */
};

/* defs ends with a NULL name. With fields, unknown options are collected rather than refused. */
int args_parse(struct args *a, int argc, char **argv, const struct optdef *defs, bool fields,
    struct wm_err *err);
void args_release(struct args *a);

const char *args_get(const struct args *a, const char *name);
bool args_has(const struct args *a, const char *name);
/* A non-negative whole number option, or dflt when absent. */
int args_size(const struct args *a, const char *name, size_t dflt, size_t *out, struct wm_err *err);

#endif
