/*
 * out.c: JSON, CSV, tables and records on a stream.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/csvcell.h"
#include "base/jsonw.h"
#include "base/mem.h"
#include "base/str.h"
#include "cli/out.h"

/*
 * Through our own writer, which writes each real so that it reads back as
 * the same double (jsonw.h): an export imported again holds the same
 * figures, and its audit entries the same text.
 */
int
out_json(FILE *out, const json_t *j)
{
	if (!json_is_object(j) && !json_is_array(j)) {
		if (json_dumpf(j, out, OUT_JSON_FLAGS | JSON_ENCODE_ANY) != 0)
			return WM_EIO;
	} else if (jsonw_dumpf(out, j) != 0) {
		return WM_EIO;
	}
	fputc('\n', out);
	return 0;
}

int
out_paper(FILE *out, const char *path, const char *text, size_t len, struct wm_err *err)
{
	FILE *fp;

	if (path == NULL || strcmp(path, "-") == 0) {
		fwrite(text, 1, len, out);
		return 0;
	}
	if ((fp = fopen(path, "wb")) == NULL || fwrite(text, 1, len, fp) != len) {
		int rc = wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));

		if (fp != NULL)
			fclose(fp);
		return rc;
	}
	if (fclose(fp) != 0)
		return wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	return 0;
}

/* Cut s to at most max characters, marking the cut. */
static void
clip(char *s, size_t max)
{
	size_t n = 0;

	for (char *p = s; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t')
			*p = ' ';
		if (((unsigned char)*p & 0xC0) != 0x80 && n++ == max - 1 && utf8_width(p) > 1) {
			memcpy(p, "~", 2);
			return;
		}
	}
}

#define MAX_COL 48

int
out_table(FILE *out, const struct kind *k, const json_t *rows)
{
	const struct field *cols[32];
	size_t ncols = 0, w[32], nrows = json_array_size(rows);
	char **cells;

	for (const struct field *f = k->fields; f->name != NULL && ncols < 32; f++) {
		if (!(f->flags & FF_BRIEF) || kind_field(k, f->name) != f)
			continue;
		cols[ncols] = f;
		w[ncols] = strlen(f->name);
		ncols++;
	}
	cells = wm_calloc(nrows * ncols + 1, sizeof(*cells));
	for (size_t r = 0; r < nrows; r++) {
		const json_t *row = json_array_get(rows, r);

		for (size_t c = 0; c < ncols; c++) {
			const json_t *v = json_object_get(row, cols[c]->name);
			char *t;

			/* A table is for reading: numbers grouped; --json and --csv keep every digit. */
			t = kind_value_text(v);

			clip(t, MAX_COL);
			if (utf8_width(t) > w[c])
				w[c] = utf8_width(t);
			cells[r * ncols + c] = t;
		}
	}
	for (size_t c = 0; c < ncols; c++)
		fprintf(out, "%-*s%s", (int)w[c], cols[c]->name, c + 1 < ncols ? "  " : "\n");
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const char *t = cells[r * ncols + c];

			fputs(t, out);
			if (c + 1 < ncols)
				fprintf(out, "%*s", (int)(w[c] - utf8_width(t) + 2), "");
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < nrows * ncols; i++)
		free(cells[i]);
	free(cells);
	fprintf(out, "(%zu %s)\n", nrows, nrows == 1 ? k->one : k->name);
	return ferror(out) ? WM_EIO : 0;
}

static void
csv_field(FILE *out, const char *s)
{
	struct buf cell = BUF_INIT;

	csv_cell_add(&cell, s);
	fwrite(buf_str(&cell), 1, cell.len, out);
	buf_release(&cell);
}

int
out_csv(FILE *out, const struct kind *k, const json_t *rows)
{
	size_t i;
	const json_t *row;
	bool first = true;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (kind_field(k, f->name) != f || (f->flags & FF_SECRET))
			continue;
		if (!first)
			fputc(',', out);
		csv_field(out, f->name);
		first = false;
	}
	fputs("\r\n", out);
	json_array_foreach(rows, i, row) {
		first = true;
		for (const struct field *f = k->fields; f->name != NULL; f++) {
			char *t;

			if (kind_field(k, f->name) != f || (f->flags & FF_SECRET))
				continue;
			if (!first)
				fputc(',', out);
			t = kind_value_plain(json_object_get(row, f->name));
			csv_field(out, t);
			free(t);
			first = false;
		}
		fputs("\r\n", out);
	}
	return ferror(out) ? WM_EIO : 0;
}

int
out_record(FILE *out, const struct kind *k, const json_t *row)
{
	const char *name;
	json_t *v;
	size_t w = 0;

	(void)k;
	json_object_foreach((json_t *)row, name, v)
		if (strlen(name) > w)
			w = strlen(name);
	json_object_foreach((json_t *)row, name, v) {
		char *t;

		if (json_is_array(v) && json_is_object(json_array_get(v, 0))) {
			size_t i;
			json_t *e;

			/* A history (progress updates): one paragraph an entry. */
			fprintf(out, "%s:\n", name);
			json_array_foreach(v, i, e) {
				const char *key;
				json_t *ev;

				json_object_foreach(e, key, ev) {
					t = kind_value_text(ev);
					if (*t != '\0')
						fprintf(out, "  %s: %s\n", key, t);
					free(t);
				}
				if (i + 1 < json_array_size(v))
					fputc('\n', out);
			}
			continue;
		}
		t = kind_value_text(v);
		fprintf(out, "%s:%*s %s\n", name, (int)(w - strlen(name)), "", t);
		free(t);
	}
	return ferror(out) ? WM_EIO : 0;
}
