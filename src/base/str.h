/*
 * str.h: small string helpers that the C library lacks or gets wrong.
 */
#ifndef WM_STR_H
#define WM_STR_H

#include "base/wm.h"

/* Copy with truncation, always NUL-terminating; returns strlen(src). */
size_t wm_strlcpy(char *dst, const char *src, size_t size);

bool str_has_prefix(const char *s, const char *prefix);
bool str_has_prefix_nocase(const char *s, const char *prefix);
bool str_is_blank(const char *s);

/* Trim ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);

/* Strict number parsing: the whole string (after trimming spaces) must be the number. */
int str_to_int64(const char *s, int64_t *out);
int str_to_double(const char *s, double *out);

/* Levenshtein distance, ASCII case folded; gives up above limit (returns limit + 1). */
size_t str_edit_distance(const char *a, const char *b, size_t limit);

/*
 * The candidate closest to word, if it is close enough to be what the user
 * meant (a typo, not a different word); NULL otherwise.
 */
const char *str_suggest(const char *word, const char *const *candidates, size_t n);

struct buf;

/*
 * text as what XML, Pango and every paper can hold, added to out: each
 * broken UTF-8 sequence as U+FFFD, control characters but tab, line feed
 * and carriage return left out.
 */
void utf8_clean(const char *text, struct buf *out);

/* Width in characters, counting each UTF-8 sequence once (for columns that line up). */
size_t utf8_width(const char *s);

/* Is s[0..len) valid UTF-8 (no overlongs, no surrogates)? */
bool utf8_valid(const char *s, size_t len);

#endif
