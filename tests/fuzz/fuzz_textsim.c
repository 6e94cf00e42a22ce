/*
 * fuzz_textsim.c: any bytes as texts to compare and as theme rules to
 * match. The input is cut at its first two NUL bytes into a rule, a text
 * and another text; similarity must stay within 0..1 and be symmetric.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/textsim.h"
#include "analysis/themes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 3);
	const char *part[3];
	struct textsim *ts;
	double ab, ba;
	size_t at = 0;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = copy[size + 1] = copy[size + 2] = '\0';
	for (int i = 0; i < 3; i++) {
		part[i] = copy + at;
		at += strlen(copy + at) + 1;
		if (at > size)
			at = size;
	}
	(void)theme_matches(part[0], part[1]);
	ts = textsim_new();
	textsim_add(ts, part[1]);
	textsim_add(ts, part[2]);
	textsim_add(ts, part[0]);
	ab = textsim_cosine(ts, 0, 1);
	ba = textsim_cosine(ts, 1, 0);
	if (!(ab >= 0 && ab <= 1) || fabs(ab - ba) > 1e-9)
		abort();
	textsim_free(ts);
	free(copy);
	return 0;
}
