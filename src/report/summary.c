/*
 * summary.c: `waymark report summary`: a count of each kind of record.
 *
 * Counted, not listed: ten million figures are not built to be counted.
 */
#include "base/wm.h"

#include "model/ent.h"
#include "model/kind.h"
#include "report/summary.h"
#include "store/store.h"

int
report_summary(struct wm_ctx *ctx, struct rdoc **out, struct wm_err *err)
{
	static const struct rcol cols[] = { { NULL, "Kind", 0 }, { NULL, "Records", RC_NUM },
		{ NULL, "What they are", RC_PAPER } };
	struct rdoc *d = rdoc_new("What this database holds");
	struct rtable *t;
	int rc = 0;

	rdoc_meta(d, "Database", store_url(ctx->st));
	/* the JSON is {kind: count}, every kind's; the paper shows those with records */
	t = rdoc_table_cols(d, NULL, NULL, WM_ARRAY_LEN(cols), cols);
	rtable_as_map(t);
	for (const struct kind *k = kinds; k->name != NULL && rc == 0; k++) {
		struct ent_query q = { .raw = true };
		size_t n;

		if (k->flags & KF_VIEW || strcmp(k->name, "users") == 0)
			continue;
		if ((rc = ent_count(ctx, k, &q, &n, err)) != 0)
			break;
		rtable_cell(t, k->name);
		rtable_int(t, (long long)n);
		rtable_cell(t, k->help);
		if (n == 0)
			rtable_data_row(t);
		rtable_end_row(t);
	}
	if (rc != 0) {
		rdoc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}
