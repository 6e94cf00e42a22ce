/*
 * sample.h: loading the bundled sample (data/sample/README.md says what is in it).
 */
#ifndef WM_SAMPLE_H
#define WM_SAMPLE_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

/* Load it in one transaction; loading it again changes nothing. *report as import.h's. */
int sample_load(struct wm_ctx *ctx, json_t **report, struct wm_err *err);

#endif
