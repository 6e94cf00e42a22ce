/*
 * zipmem.h: a zip made in memory, for the tests and fuzz targets that
 * need an office file of exactly the parts they say.
 */
#ifndef WM_ZIPMEM_H
#define WM_ZIPMEM_H

#include "base/wm.h"

#include <zip.h>

/*
 * A zip of n members: names[i] holding lens[i] bytes of data[i], stored
 * (not compressed) when store; a name starting with '!' is stored
 * encrypted (AES, password "pw") under the rest of the name. Malloc'd;
 * *len its size.
 */
static inline char *
zipmem_make(size_t *len, size_t n, const char *const *names, const void *const *data,
    const size_t *lens, bool store)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_stat_t st;
	char *out;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	for (size_t i = 0; i < n; i++) {
		bool enc = names[i][0] == '!';
		zip_int64_t k = zip_file_add(z, names[i] + enc,
		    zip_source_buffer(z, data[i], lens[i], 0), ZIP_FL_OVERWRITE);

		if (store)
			zip_set_file_compression(z, (zip_uint64_t)k, ZIP_CM_STORE, 0);
		if (enc)
			zip_file_set_encryption(z, (zip_uint64_t)k, ZIP_EM_AES_256, "pw");
	}
	zip_close(z);
	zip_source_stat(src, &st);
	*len = (size_t)st.size;
	out = malloc(*len ? *len : 1);
	zip_source_open(src);
	zip_source_read(src, out, *len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

#endif
