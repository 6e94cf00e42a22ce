/*
 * docimp.c: a planning paper's bytes to records (see docimp.h): the
 * format's reader fills the document model, the mapper reads the model.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "import/dm.h"
#include "import/docimp.h"

int
docimp_read(const char *data, size_t len, const struct map_opts *opts, json_t **out,
    struct wm_err *err)
{
	struct arena *a = arena_new();
	struct dm_doc d;
	int rc;

	*out = NULL;
	if ((rc = dm_read(&d, a, data, len, err)) == 0) {
		rc = dm_map(&d, opts, out, err);
		if (*out != NULL)
			json_object_set_new(*out, "format", json_string(dm_format_name(d.format)));
	}
	arena_free(a);
	return rc;
}
