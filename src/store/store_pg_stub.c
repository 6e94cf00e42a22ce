/*
 * store_pg_stub.c: the PostgreSQL driver as the waymark command has it,
 * in the module waymark-pg.so (base/module.h), loaded by the first
 * store_open() of a postgresql:// url: a command on SQLite never loads
 * libpq and what stands behind it. Only the command links this file; the
 * tests link store_pg.c itself.
 */
#include "base/wm.h"

#include "base/module.h"
#include "store/store_impl.h"

const struct store_driver *
store_pg_driver_get(struct wm_err *err)
{
	const struct store_driver *(*get)(struct wm_err *);
	void *p;

	if (module_sym("waymark-pg", "store_pg_driver_get", "a PostgreSQL database", &p, err) != 0)
		return NULL;
	memcpy(&get, &p, sizeof(get));
	return get(err);
}
