/*
 * text.h: cleaning the text of a cell or line from a real document.
 *
 * Documents saved from Word and web pages carry HTML fragments (<ul><li>,
 * <i>, <sup>), entities (&amp;), footnote marks (¹, $^{2}$), non-breaking
 * spaces, bytes in Windows-1252 rather than UTF-8, and runs of spaces.
 * txt_clean() turns any bytes into plain, valid UTF-8 text with single
 * spaces, and says which footnote marks it removed.
 */
#ifndef WM_TEXT_H
#define WM_TEXT_H

#include "base/wm.h"

struct arena;

#define TXT_MAX_MARKS 8

struct txt_marks {
	int mark[TXT_MAX_MARKS];	/* footnote numbers found, in order */
	size_t n;
};

/*
 * Clean len bytes of in; the result lives in the arena. marks may be NULL.
 * HTML list items become "; " separated, other tags vanish.
 */
char *txt_clean(struct arena *a, const char *in, size_t len, struct txt_marks *marks);

/* Does s start with a footnote mark ("¹ ...", "$^{2}$ ...")? Its number, or 0. */
int txt_footnote_mark(const char *s, size_t *mark_len);

/* Number of bullet characters (•) in s; other characters in s are ignored. */
int txt_count_bullets(const char *s);

/* Is the text a list bullet line ("• x", "- x", "* x", "· x")? Sets *rest to the item. */
bool txt_bullet(const char *s, const char **rest);

#endif
