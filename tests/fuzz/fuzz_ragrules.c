/*
 * fuzz_ragrules.c: any text as the body's RAG rules for recommendations
 * (the setting recommendations.rag, JSON). Rules that are accepted are
 * percentages from 0 to 100; anything else is refused with a message.
 */
#include "base/wm.h"

#include "analysis/register.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_err err = WM_ERR_INIT;
	struct rag_rules r;
	char *text = malloc(size + 1);

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	if (rag_rules_parse(text, &r, &err) == 0) {
		if (!(r.red_upto >= 0 && r.red_upto <= 100 && r.amber_upto >= 0 &&
		    r.amber_upto <= 100 && r.overdue_red_below >= 0 && r.overdue_red_below <= 100))
			abort();
	} else if (err.msg[0] == '\0') {
		abort();
	}
	free(text);
	return 0;
}
