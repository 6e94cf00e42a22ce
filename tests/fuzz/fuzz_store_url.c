/*
 * fuzz_store_url.c: any bytes as a --db url through the redaction that
 * keeps PostgreSQL passwords out of messages; it must give a string, and
 * in a PostgreSQL url's query every password= parameter is followed by
 * *** (and what the url has between :// and @ keeps only its user name).
 */
#include "base/wm.h"

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char url[1024];
	size_t n = size < sizeof(url) - 1 ? size : sizeof(url) - 1;
	const char *query;
	char *out;

	memcpy(url, data, n);
	url[n] = '\0';
	out = store_url_redact(url);
	if (out == NULL)
		abort();
	query = strchr(out, '?');
	if (query != NULL &&
	    (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0))
		for (const char *p = strstr(query, "password="); p != NULL;
		    p = strstr(p + 1, "password="))
			if ((p[-1] == '?' || p[-1] == '&') && strncmp(p, "password=***", 12) != 0)
				abort();
	free(out);
	return 0;
}
