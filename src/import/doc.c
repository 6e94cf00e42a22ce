/*
 * doc.c: splitting a document into lines and cells (see doc.h).
 */
#include "base/wm.h"

#include "base/arena.h"
#include "import/doc.h"

const char *
doc_cell(const struct doc_line *l, size_t i)
{
	return i < l->ncells ? l->cells[i] : "";
}

static void
read_line(struct arena *a, struct doc_line *l, const char *s, size_t len)
{
	size_t ncells = 1, c = 0;
	const char *start = s;

	for (size_t i = 0; i < len; i++)
		ncells += s[i] == '\t';
	l->tabbed = ncells > 1;
	l->ncells = ncells;
	l->cells = arena_array(a, ncells, sizeof(*l->cells));
	l->marks = arena_array(a, ncells, sizeof(*l->marks));
	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == '\t') {
			l->cells[c] = txt_clean(a, start, (size_t)(s + i - start), &l->marks[c]);
			c++;
			start = s + i + 1;
		}
	}
	l->text = txt_clean(a, s, len, NULL);
	l->raw = arena_strndup(a, s, len);
}

int
doc_read(struct doc *d, struct arena *a, const char *data, size_t len, struct wm_err *err)
{
	size_t n = 1, i, start = 0, k = 0;

	for (i = 0; i < len; i++)
		n += data[i] == '\n';
	if (n > DOC_MAX_LINES)
		return wm_error(err, WM_ETOOBIG, "%zu lines; Waymark reads documents of up to %d",
		    n, DOC_MAX_LINES);
	/* A BOM is not text. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	d->lines = arena_array(a, n, sizeof(*d->lines));
	for (i = start; i <= len; i++) {
		if (i == len || data[i] == '\n') {
			size_t end = i;

			if (i == len && i == start && k > 0)
				break;	/* no empty last line after a final newline */
			if (end > start && data[end - 1] == '\r')
				end--;
			d->lines[k].no = (int)k + 1;
			read_line(a, &d->lines[k], data + start, end - start);
			k++;
			start = i + 1;
		}
	}
	d->nlines = k;
	return 0;
}
