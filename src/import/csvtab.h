/*
 * csvtab.h: a CSV file read whole into a table (header and rows), each
 * row with the line it starts on, through libcsv.
 *
 * Total: any bytes give a table or a clear error (a quote left open, a
 * row too wide). The first non-blank record is the header; a UTF-8 byte
 * order mark before it is skipped. Rows shorter than the header are
 * padded with empty cells; longer ones are kept as they are, for the
 * reader to refuse with their line number.
 */
#ifndef WM_CSVTAB_H
#define WM_CSVTAB_H

#include "base/wm.h"

#include "base/err.h"

#define CSVTAB_MAX_COLS 256

struct csvtab_row {
	size_t line;		/* the line it starts on, from 1 */
	char **cells;		/* ncells, each NUL-terminated */
	size_t ncells;
};

struct csvtab {
	struct csvtab_row header;
	struct csvtab_row *rows;
	size_t nrows, cap;
};

int csvtab_read(const char *data, size_t len, struct csvtab *t, struct wm_err *err);
void csvtab_release(struct csvtab *t);

/*
 * Read only the header (the first record), for telling what a file is:
 * 0 and t->header filled, or WM_EINVAL. Cheap on a large file.
 */
int csvtab_header(const char *data, size_t len, struct csvtab *t, struct wm_err *err);

#endif
