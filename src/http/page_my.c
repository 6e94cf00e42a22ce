/*
 * page_my.c: GET /my, My work: what the signed-in user's posts lead that
 * is overdue, due soon or without a recent update, and the same for the
 * posts that report to theirs; the first page they see after signing in.
 *
 * The list is the mywork report's (report/mywork.h), run for the session's
 * user as of today, so it says what `waymark report mywork` and the
 * reminders say. Each item links to the form that updates it.
 */
#include "base/wm.h"

#include "base/date.h"
#include "http/page.h"
#include "report/mywork.h"

void
page_my(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	const char *q = req_query(rq, "days");
	struct rdoc *d = NULL;
	struct page p;
	long days = 14;
	char *end = NULL;
	int rc;

	if (!rq->logged_in) {
		page_login_redirect(rq, rs);
		return;
	}
	if (q != NULL && *q != '\0') {
		days = strtol(q, &end, 10);
		if (*end != '\0' || days < 0 || days > 3650) {
			page_fail(rq, rs, 400, "That is not a number of days",
			    "Give the days ahead to list as a whole number from 0 to 3650.");
			return;
		}
	}
	rc = report_mywork(&rq->ctx, rq->sess.user.username, date_from_time(rq->ctx.now),
	    (int)days, &d, &err);
	if (rc == WM_EINVAL || rc == WM_ENOTFOUND) {
		/* an account that names no person: say so, and who can put it right */
		page_begin(&p, rq, rs, "My work - Waymark", "/my");
		html_elem(&p.h, "h1", "My work", "class", "govuk-heading-l", NULL);
		html_elem(&p.h, "p", "Your account is not linked to a person, so Waymark cannot tell "
		    "which posts you hold or what they lead. An administrator can link it on the "
		    "Users page.", "class", "govuk-body", NULL);
		page_end(&p);
		return;
	}
	if (rc != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	page_begin(&p, rq, rs, "My work - Waymark", "/my");
	page_rdoc(&p, d);
	page_end(&p);
	rdoc_free(d);
}
