/*
 * setting.h: the settings a body changes, described once.
 *
 * A setting is a record of kind "settings" (key and value, as text). The
 * ones Waymark reads are listed here with their default, the values they
 * take and what they do: writing one checks its value, reading one gives
 * the default when it is not set, `waymark help add setting` lists them
 * all, and a report that follows one says which and what it is.
 */
#ifndef WM_SETTING_H
#define WM_SETTING_H

#include "base/wm.h"

#include "base/err.h"
#include "model/ctx.h"

enum setting_type {
	SET_NUMBER,	/* a number from min to max */
	SET_RAG_RULES,	/* the register's RAG rules, JSON (analysis/register.h) */
	SET_JSON,	/* a JSON object the report that reads it checks (the paper template) */
	SET_TEXT	/* one line of text */
};

struct setting_def {
	const char *key;
	enum setting_type type;
	const char *dflt;	/* the value when not set, as text */
	double min, max;	/* SET_NUMBER */
	const char *help;
};

/* Every setting Waymark reads, ending with one whose key is NULL. */
extern const struct setting_def setting_defs[];

const struct setting_def *setting_find(const char *key);

/* Is text a value the setting takes? WM_EINVAL naming the setting and what it takes. */
int setting_check(const struct setting_def *d, const char *text, struct wm_err *err);

/* The setting's value: as stored, else its default; *out malloc'd. */
int setting_text(struct wm_ctx *ctx, const char *key, char **out, struct wm_err *err);
/* A number setting's value, checked. */
int setting_number(struct wm_ctx *ctx, const char *key, double *out, struct wm_err *err);

#endif
