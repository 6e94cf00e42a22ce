/*
 * ctx.c: role names.
 */
#include "base/wm.h"

#include "base/err.h"
#include "model/ctx.h"

static const char *const role_names[] = {
	[ROLE_PUBLIC] = "public",
	[ROLE_MEMBER] = "member",
	[ROLE_LEAD] = "lead",
	[ROLE_PLANNER] = "planner",
	[ROLE_ADMIN] = "admin",
	[ROLE_SYSTEM] = "system",
};

const char *
role_name(enum role r)
{
	return (size_t)r < WM_ARRAY_LEN(role_names) ? role_names[r] : "unknown";
}

int
role_parse(const char *name, enum role *r)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(role_names); i++)
		if (strcmp(role_names[i], name) == 0) {
			*r = (enum role)i;
			return 0;
		}
	return WM_EINVAL;
}
