/*
 * summary.h: how much of everything the database holds (summary.c).
 */
#ifndef WM_REPORT_SUMMARY_H
#define WM_REPORT_SUMMARY_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

/* A count of each kind of record, with what they are. JSON data: {kind: count}. */
int report_summary(struct wm_ctx *ctx, struct rdoc **out, struct wm_err *err);

#endif
