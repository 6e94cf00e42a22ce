/*
 * fuzz_args.c: any command line through the option parser (cli/args.h),
 * with and without record fields allowed. The bytes are the arguments,
 * separated by NULs; the first byte chooses whether unknown options
 * become fields. It must parse or refuse with a message, never read past
 * an argument or leak the fields it collected.
 */
#include "base/wm.h"

#include <jansson.h>

#include "cli/args.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct optdef defs[] = { { "json", false }, { "csv", false },
		{ "limit", true }, { "from", true }, { "if-version", true }, { NULL, false } };
	struct wm_err err = WM_ERR_INIT;
	char *copy, *argv[ARGS_MAX_POS * 2 + 8];
	int argc = 0;
	struct args a;
	bool fields;
	size_t lim;
	int rc;

	if (size < 1)
		return 0;
	fields = data[0] & 1;
	copy = malloc(size);
	if (copy == NULL)
		abort();
	memcpy(copy, data + 1, size - 1);
	copy[size - 1] = '\0';
	/* Split on NUL: each piece is one argument, as the shell hands them. */
	for (size_t i = 0; i < size - 1 && argc < (int)WM_ARRAY_LEN(argv); ) {
		argv[argc++] = copy + i;
		i += strlen(copy + i) + 1;
	}
	rc = args_parse(&a, argc, argv, defs, fields, &err);
	if (rc != 0 && (rc != WM_EUSAGE || err.msg[0] == '\0'))
		abort();
	if (rc == 0) {
		for (size_t i = 0; defs[i].name != NULL; i++)
			(void)args_get(&a, defs[i].name);
		if (args_size(&a, "limit", 0, &lim, &err) != 0 && err.msg[0] == '\0')
			abort();
		for (size_t i = 0; i < a.npos; i++)
			if (a.pos[i] == NULL)
				abort();
	}
	args_release(&a);
	free(copy);
	return 0;
}
