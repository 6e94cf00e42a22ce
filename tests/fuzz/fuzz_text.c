/*
 * fuzz_text.c: any bytes as a cell of a real document through the text
 * cleaner (import/text.h): HTML fragments, entities, footnote marks,
 * Windows-1252 and broken UTF-8. What comes out must be valid UTF-8 with
 * no leading, trailing or doubled spaces, and its marks in range.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/str.h"
#include "import/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct txt_marks marks;
	const char *rest;
	size_t len, mark_len;
	char *s;

	s = txt_clean(a, (const char *)data, size, &marks);
	len = strlen(s);
	if (!utf8_valid(s, len) || marks.n > TXT_MAX_MARKS)
		abort();
	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' ' || strstr(s, "  ") != NULL))
		abort();
	if (txt_footnote_mark(s, &mark_len) != 0 && mark_len > len)
		abort();
	(void)txt_count_bullets(s);
	if (txt_bullet(s, &rest) && (rest < s || rest > s + len))
		abort();
	arena_free(a);
	return 0;
}
