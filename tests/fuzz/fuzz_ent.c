/*
 * fuzz_ent.c: any values in any fields of any kind of record, given as the
 * command line gives them (every value a string: `waymark add target --pi
 * SC-01 --value 27.5`), added or changed in a database holding the
 * bundled sample. Every value parser of the record engine is behind this:
 * numbers, booleans, dates, periods, financial years, enumerations,
 * references and links by key, name or alias, and timescales.
 *
 * The input is coded so that random bytes name real kinds and fields:
 *   byte 0      the kind (an index into kinds[])
 *   byte 1      bit 0: add (0) or set (1) a record
 *   then        for set, the key, ending with a NUL; then pairs of one byte
 *               choosing the field and the value, ending with a NUL.
 * A field given twice becomes a list, as `--leads A --leads B` does.
 */
#include "base/wm.h"

#include <jansson.h>

#include "fuzzdb.h"
#include "model/ent.h"
#include "model/kind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The next NUL-terminated piece of [*p, end) as a new string. */
static char *
piece(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *nul = memchr(*p, '\0', (size_t)(end - *p));
	size_t n = nul != NULL ? (size_t)(nul - *p) : (size_t)(end - *p);
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, *p, n);
	s[n] = '\0';
	*p += nul != NULL ? n + 1 : n;
	return s;
}

static void
add_value(json_t *fields, const char *name, char *value)
{
	json_t *old = json_object_get(fields, name);

	if (old == NULL) {
		json_object_set_new(fields, name, json_string(value));
	} else if (json_is_array(old)) {
		json_array_append_new(old, json_string(value));
	} else {
		json_t *list = json_pack("[O]", old);

		json_array_append_new(list, json_string(value));
		json_object_set_new(fields, name, list);
	}
	free(value);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	struct wm_ctx *ctx = fuzzdb(true);
	struct wm_err err = WM_ERR_INIT;
	const struct kind *k;
	json_t *fields, *out = NULL;
	char *key = NULL;
	size_t nkinds = 0, nf;
	bool set;
	int rc;

	if (size < 2)
		return 0;
	while (kinds[nkinds].name != NULL)
		nkinds++;
	k = &kinds[p[0] % nkinds];
	set = p[1] & 1;
	p += 2;
	nf = kind_nfields(k);
	if (set)
		key = piece(&p, end);
	fields = json_object();
	while (p < end) {
		const struct field *f = &k->fields[*p++ % nf];

		add_value(fields, f->name, piece(&p, end));
	}
	fuzzdb_begin(ctx);
	if (set)
		rc = ent_set(ctx, k, key, fields, 0, &out, &err);
	else
		rc = ent_add(ctx, k, fields, &out, &err);
	if (rc != 0 && err.msg[0] == '\0')
		abort();
	if (rc == 0 && out == NULL)
		abort();
	fuzzdb_rollback(ctx);
	json_decref(out);
	json_decref(fields);
	free(key);
	return 0;
}
