/*
 * ctx.h: who is acting, on which store, and when.
 *
 * Every library call that changes data takes a struct wm_ctx, so the audit
 * log can say who did it and the permission check can say whether they
 * may. The front end fills it in: the command line acts as the local user
 * with full rights; the web server acts as the logged-in user.
 */
#ifndef WM_CTX_H
#define WM_CTX_H

#include "base/wm.h"

#include <time.h>

struct store;

enum role {
	ROLE_PUBLIC,	/* not logged in: reads what is published */
	ROLE_MEMBER,	/* committee member: reads everything, comments */
	ROLE_LEAD,	/* lead officer: updates what their posts lead */
	ROLE_PLANNER,	/* corporate planning: changes everything */
	ROLE_ADMIN,	/* manages users, and everything a planner may */
	ROLE_SYSTEM	/* the command line on the database's own machine */
};

struct wm_ctx {
	struct store *st;
	const char *actor;	/* name written to the audit log */
	enum role role;
	int64_t user_id;	/* 0 when not a Waymark user (the command line) */
	time_t now;		/* the clock, fixed by tests */
};

const char *role_name(enum role r);
/* WM_EINVAL for an unknown name. */
int role_parse(const char *name, enum role *r);

#endif
