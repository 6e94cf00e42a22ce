/*
 * dmread.c (wm-dmread): how fast the document readers read, and how much
 * memory they take, on the sizes issue 14 names: a 2,000-row XLSX tracker
 * and a 50-page PDF tracker (each read in under 1 s) and a 20 MB DOCX (in
 * under 100 MB at the peak).
 *
 *   wm-dmread [--rows N] [--docx-mb M] [--docx-xml-mb X] [--pdf-pages P]
 *             [--keep DIR] [--json]
 *   wm-dmread --read FILE        (what each measurement runs)
 *
 * It makes the files first, in a temporary folder (or DIR): the tracker
 * with libxlsxwriter (a heading, a header row, N rows of ref, text, lead,
 * a real date, a status and a number, a merged group row every 50), the
 * DOCX with libzip as Word lays out a long report: sections of headings,
 * paragraphs, numbered actions and a 30-row table each, X MB of XML
 * (6 unless --docx-xml-mb says), and photographs (incompressible bytes in word/media) making up the
 * rest of M MB, as they make up most of a real 20 MB report; the PDF with
 * cairo as LibreOffice sets a tracker: P pages (50 unless --pdf-pages
 * says) of a ruled table, its header repeated on each page, cells
 * padded and wrapped, a group row now and then, a page number at the
 * foot. Then each file is read by dm_read() in a process of its own (this
 * program, with --read), so that its peak memory is the reading's alone:
 * wall time of the read, and the child's peak resident set. See
 * bench/README.md.
 */
#include "base/wm.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "base/arena.h"
#include "base/buf.h"
#include "timing.h"
#include "import/dm.h"

static const char *const words[] = {
	"review", "the", "council", "will", "deliver", "a", "plan", "for", "every", "ward",
	"officer", "report", "quarterly", "budget", "target", "service", "improve", "housing",
	"safety", "partners", "data", "progress", "committee", "and", "by", "March",
};

/* A deterministic stream of pseudo-random numbers (the files are the same every run). */
static uint32_t
next(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void
sentence(struct buf *b, uint32_t *seed, int n)
{
	for (int i = 0; i < n; i++)
		buf_addf(b, "%s%s", i ? " " : "", words[next(seed) % WM_ARRAY_LEN(words)]);
}

static int
make_xlsx(const char *path, int rows)
{
	static const char *const status[] = { "Complete", "On track", "Delayed", "Not started" };
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tracker");
	lxw_format *bold = workbook_add_format(wb), *big = workbook_add_format(wb);
	lxw_format *date = workbook_add_format(wb);
	uint32_t seed = 7;
	struct buf b = BUF_INIT;
	int r = 3;

	format_set_bold(bold);
	format_set_bold(big);
	format_set_font_size(big, 18);
	format_set_num_format(date, "dd/mm/yyyy");
	worksheet_write_string(ws, 0, 0, "Recommendations tracker", big);
	worksheet_write_string(ws, 1, 0, "Position at the end of the quarter.", NULL);
	{
		static const char *const head[] = { "Ref", "Recommendation", "Lead", "Due", "Status",
			"% complete" };

		for (int c = 0; c < 6; c++)
			worksheet_write_string(ws, 2, (lxw_col_t)c, head[c], bold);
	}
	for (int i = 0; i < rows; i++, r++) {
		lxw_datetime due = { 2024 + (int)(next(&seed) % 3), 1 + (int)(next(&seed) % 12),
			1 + (int)(next(&seed) % 28), 0, 0, 0 };

		if (i % 50 == 0) {
			buf_reset(&b);
			buf_addf(&b, "THEME %d", i / 50 + 1);
			worksheet_merge_range(ws, (lxw_row_t)r, 0, (lxw_row_t)r, 5, buf_str(&b), bold);
			r++;
		}
		worksheet_write_number(ws, (lxw_row_t)r, 0, i + 1, NULL);
		buf_reset(&b);
		sentence(&b, &seed, 14);
		worksheet_write_string(ws, (lxw_row_t)r, 1, buf_str(&b), NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 2, "Head of Service", NULL);
		worksheet_write_datetime(ws, (lxw_row_t)r, 3, &due, date);
		worksheet_write_string(ws, (lxw_row_t)r, 4, status[next(&seed) % 4], NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 5, next(&seed) % 101, NULL);
	}
	buf_release(&b);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void
para(struct buf *x, const char *style, int num, const char *text)
{
	buf_adds(x, "<w:p><w:pPr>");
	if (style)
		buf_addf(x, "<w:pStyle w:val=\"%s\"/>", style);
	if (num)
		buf_adds(x, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
	buf_addf(x, "</w:pPr><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", text);
}

/* The body of a long report: about xml_mb MB of WordprocessingML. */
static void
report_body(struct buf *x, size_t xml_bytes)
{
	uint32_t seed = 11;
	struct buf s = BUF_INIT;

	buf_addf(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document %s><w:body>", W_NS);
	for (int sec = 1; x->len < xml_bytes; sec++) {
		buf_reset(&s);
		buf_addf(&s, "Section %d: ", sec);
		sentence(&s, &seed, 5);
		para(x, "Heading1", 0, buf_str(&s));
		for (int p = 0; p < 8; p++) {
			buf_reset(&s);
			sentence(&s, &seed, 60);
			para(x, NULL, 0, buf_str(&s));
		}
		for (int p = 0; p < 6; p++) {
			buf_reset(&s);
			sentence(&s, &seed, 16);
			para(x, NULL, 1, buf_str(&s));
		}
		buf_adds(x, "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>");
		for (int c = 0; c < 6; c++)
			buf_addf(x, "<w:tc><w:p><w:r><w:t>Column %d</w:t></w:r></w:p></w:tc>", c + 1);
		buf_adds(x, "</w:tr>");
		for (int r = 0; r < 30; r++) {
			buf_adds(x, "<w:tr>");
			for (int c = 0; c < 6; c++) {
				buf_reset(&s);
				sentence(&s, &seed, c == 1 ? 12 : 2);
				buf_addf(x, "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>", buf_str(&s));
			}
			buf_adds(x, "</w:tr>");
		}
		buf_adds(x, "</w:tbl>");
	}
	buf_adds(x, "</w:body></w:document>");
	buf_release(&s);
}

static int
make_docx(const char *path, size_t total_mb, size_t xml_mb)
{
	static const char numbering[] = "<?xml version=\"1.0\"?><w:numbering " W_NS ">"
	    "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	    "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
	    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
	static const char styles[] = "<?xml version=\"1.0\"?><w:styles " W_NS ">"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
	    "</w:style></w:styles>";
	struct buf body = BUF_INIT;
	zip_t *z;
	int err = 0, rc = 0;
	size_t media = 0;
	uint32_t seed = 3;
	char **images = NULL;
	size_t nimages = 0;
	struct stat st;

	report_body(&body, xml_mb << 20);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (z == NULL)
		return -1;
	zip_file_add(z, "word/document.xml", zip_source_buffer(z, body.s, body.len, 0), 0);
	zip_file_add(z, "word/numbering.xml", zip_source_buffer(z, numbering, strlen(numbering), 0), 0);
	zip_file_add(z, "word/styles.xml", zip_source_buffer(z, styles, strlen(styles), 0), 0);
	/*
	 * Photographs: up to 2 MB each of bytes that do not compress, stored as
	 * JPEGs are, filling the file to total_mb beside the body (which
	 * deflates to about a seventh of its size).
	 */
	while (media + body.len / 7 + 4096 < total_mb << 20) {
		size_t left = (total_mb << 20) - media - body.len / 7 - 4096;
		size_t n = left < ((size_t)2 << 20) ? left : (size_t)2 << 20;
		char name[64];
		zip_int64_t i;

		images = realloc(images, (nimages + 1) * sizeof(*images));
		images[nimages] = malloc(n);
		for (size_t k = 0; k < n; k++)
			images[nimages][k] = (char)next(&seed);
		snprintf(name, sizeof(name), "word/media/image%zu.jpeg", nimages + 1);
		i = zip_file_add(z, name, zip_source_buffer(z, images[nimages], n, 0), 0);
		zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
		nimages++;
		media += n;
	}
	if (zip_close(z) != 0)
		rc = -1;
	for (size_t i = 0; i < nimages; i++)
		free(images[i]);
	free(images);
	buf_release(&body);
	if (rc == 0 && stat(path, &st) == 0)
		fprintf(stderr, "wm-dmread: %s is %.1f MB\n", path, (double)st.st_size / (1 << 20));
	return rc;
}

/*
 * The PDF tracker: A4 pages of a ruled table (ref, recommendation, lead,
 * due, status), the header row in bold on each page, cells padded 3 pt
 * and their text wrapped to the column, a group row every 40 rows, and
 * "Page N of P" at the foot; rows go on until P pages are full.
 */
static const double pdf_col[] = { 56.8, 92, 330, 430, 490, 538.5 };

static void
pdf_cell_lines(cairo_t *cr, const char *text, double width, char lines[][240], int *n)
{
	char word[80];
	const char *s = text;

	*n = 0;
	lines[0][0] = '\0';
	while (*s) {
		size_t k = strcspn(s, " ");
		char trial[240];
		cairo_text_extents_t ext;

		snprintf(word, sizeof(word), "%.*s", (int)(k < 60 ? k : 60), s);
		snprintf(trial, sizeof(trial), "%.150s%s%s", lines[*n], lines[*n][0] ? " " : "", word);
		cairo_text_extents(cr, trial, &ext);
		if (ext.x_advance > width && lines[*n][0] && *n < 7) {
			(*n)++;
			snprintf(lines[*n], 240, "%s", word);
		} else {
			snprintf(lines[*n], 240, "%s", trial);
		}
		s += k;
		while (*s == ' ')
			s++;
	}
	(*n)++;
}

static double
pdf_row(cairo_t *cr, double y, const char *const cells[5], bool bold, bool span)
{
	char lines[5][8][240];
	int n[5], most = 1;

	cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
	    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	for (int c = 0; c < (span ? 1 : 5); c++) {
		pdf_cell_lines(cr, cells[c], (span ? pdf_col[5] : pdf_col[c + 1]) - pdf_col[c] - 6,
		    lines[c], &n[c]);
		most = n[c] > most ? n[c] : most;
	}
	for (int c = 0; c < (span ? 1 : 5); c++)
		for (int k = 0; k < n[c]; k++) {
			cairo_move_to(cr, pdf_col[c] + 3, y + 3 + 9.3 + 11.5 * k);
			cairo_show_text(cr, lines[c][k]);
		}
	y += 11.5 * most + 7.5;
	cairo_move_to(cr, pdf_col[0], y);
	cairo_line_to(cr, pdf_col[5], y);
	cairo_stroke(cr);
	return y;
}

static int
make_pdf(const char *path, int pages)
{
	static const char *const status[] = { "Complete", "On track", "Delayed", "Not started" };
	static const char *const leads[] = { "Head of Finance", "Monitoring Officer",
		"Director of Housing", "Head of Audit" };
	static const char *const head[] = { "Ref", "Recommendation", "Lead", "Due", "Status" };
	cairo_surface_t *sf = cairo_pdf_surface_create(path, 595.3, 841.9);
	cairo_t *cr = cairo_create(sf);
	uint32_t seed = 5;
	struct buf text = BUF_INIT;
	char ref[16], due[32], foot[32];
	int row = 0, rc;

	cairo_set_line_width(cr, 0.5);
	cairo_set_font_size(cr, 10);
	for (int p = 1; p <= pages; p++) {
		double y = 56.7;

		y = pdf_row(cr, y, head, true, false);
		while (y < 740) {
			const char *cells[5];

			if (row % 40 == 0) {
				buf_reset(&text);
				buf_addf(&text, "Theme %d", row / 40 + 1);
				cells[0] = buf_str(&text);
				y = pdf_row(cr, y, cells, true, true);
			}
			snprintf(ref, sizeof(ref), "R%d", ++row);
			snprintf(due, sizeof(due), "%u %s 202%u", 1 + next(&seed) % 28,
			    (const char *const[]){ "March", "June", "September", "December" }[next(&seed) % 4],
			    4 + next(&seed) % 3);
			buf_reset(&text);
			sentence(&text, &seed, 8 + (int)(next(&seed) % 20));
			cells[0] = ref;
			cells[1] = buf_str(&text);
			cells[2] = leads[next(&seed) % 4];
			cells[3] = due;
			cells[4] = status[next(&seed) % 4];
			y = pdf_row(cr, y, cells, false, false);
		}
		snprintf(foot, sizeof(foot), "Page %d of %d", p, pages);
		cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
		    CAIRO_FONT_WEIGHT_NORMAL);
		cairo_move_to(cr, 270, 810);
		cairo_show_text(cr, foot);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	buf_release(&text);
	return rc;
}

/* --read FILE: read it once, and say how long that took and what it made. */
static int
read_one(const char *path)
{
	struct buf in = BUF_INIT;
	FILE *f = fopen(path, "rb");
	char chunk[1 << 16];
	size_t n, cells = 0;
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;
	double t0, ms;
	int rc;

	if (f == NULL)
		return 1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&in, chunk, n);
	fclose(f);
	t0 = bench_now_ms();
	rc = dm_read(&d, a, in.s, in.len, &err);
	ms = bench_now_ms() - t0;
	if (rc != 0) {
		fprintf(stderr, "wm-dmread: %s: %s\n", path, err.msg);
		return 1;
	}
	for (size_t i = 0; i < d.nblocks; i++)
		if (d.blocks[i].type == DM_TABLE)
			cells += d.blocks[i].table->nrows * d.blocks[i].table->ncols;
	printf("%.3f %zu %zu\n", ms, d.nblocks, cells);
	arena_free(a);
	buf_release(&in);
	return 0;
}

/* Read path in a child (this program with --read): its time, its blocks and cells, its peak RSS. */
static int
measure(const char *self, const char *path, double *ms, size_t *blocks, size_t *cells,
    double *rss_mb)
{
	int fd[2], status;
	pid_t pid;
	struct rusage ru;
	char out[128] = "";
	ssize_t got;

	if (pipe(fd) != 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		execl(self, self, "--read", path, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	got = read(fd[0], out, sizeof(out) - 1);
	close(fd[0]);
	if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    got <= 0)
		return -1;
	out[got] = '\0';
	if (sscanf(out, "%lf %zu %zu", ms, blocks, cells) != 3)
		return -1;
	*rss_mb = (double)ru.ru_maxrss / 1024;
	return 0;
}

int
main(int argc, char **argv)
{
	int rows = 2000;
	size_t docx_mb = 20, xml_mb = 6;
	int pdf_pages = 50;
	const char *keep = NULL;
	bool json = false;
	char dir[256], xlsx[300], docx[300], pdf[300];
	struct { const char *name; const char *path; double target_ms, target_mb; } files[3];
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--read") == 0 && i + 1 < argc)
			return read_one(argv[i + 1]);
		if (strcmp(argv[i], "--rows") == 0 && i + 1 < argc)
			rows = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--docx-mb") == 0 && i + 1 < argc)
			docx_mb = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--docx-xml-mb") == 0 && i + 1 < argc)
			xml_mb = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--pdf-pages") == 0 && i + 1 < argc)
			pdf_pages = (int)strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--keep") == 0 && i + 1 < argc)
			keep = argv[++i];
		else if (strcmp(argv[i], "--json") == 0)
			json = true;
		else {
			fprintf(stderr, "usage: wm-dmread [--rows N] [--docx-mb M] [--docx-xml-mb X] "
			    "[--pdf-pages P] [--keep DIR] [--json]\n");
			return 2;
		}
	}
	if (rows < 1 || rows > 1000000 || docx_mb > 2000 || xml_mb < 1 || xml_mb > 2000 ||
	    pdf_pages < 1 || pdf_pages > 2000) {
		fprintf(stderr, "wm-dmread: --rows 1 to 1000000, --docx-mb up to 2000, "
		    "--docx-xml-mb 1 to 2000, --pdf-pages 1 to 2000\n");
		return 2;
	}
	if (keep != NULL) {
		snprintf(dir, sizeof(dir), "%s", keep);
		mkdir(dir, 0755);
	} else {
		snprintf(dir, sizeof(dir), "%s/wm-dmread.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") :
		    "/tmp");
		if (mkdtemp(dir) == NULL)
			return 1;
	}
	snprintf(xlsx, sizeof(xlsx), "%s/tracker.xlsx", dir);
	snprintf(docx, sizeof(docx), "%s/report.docx", dir);
	snprintf(pdf, sizeof(pdf), "%s/tracker.pdf", dir);
	if (make_xlsx(xlsx, rows) != 0 || make_docx(docx, docx_mb, xml_mb) != 0 ||
	    make_pdf(pdf, pdf_pages) != 0) {
		fprintf(stderr, "wm-dmread: could not write the files in %s\n", dir);
		return 1;
	}
	files[0].name = "xlsx_tracker";
	files[0].path = xlsx;
	files[0].target_ms = 1000;
	files[0].target_mb = 0;
	files[1].name = "docx_report";
	files[1].path = docx;
	files[1].target_ms = 0;
	files[1].target_mb = 100;
	files[2].name = "pdf_tracker";
	files[2].path = pdf;
	files[2].target_ms = 1000;
	files[2].target_mb = 0;
	if (json)
		printf("{\"rows\": %d, \"docx_mb\": %zu, \"pdf_pages\": %d, \"figures\": [", rows,
		    docx_mb, pdf_pages);
	for (int i = 0; i < 3; i++) {
		double ms, mb;
		size_t blocks, cells;

		if (measure(argv[0], files[i].path, &ms, &blocks, &cells, &mb) != 0) {
			fprintf(stderr, "wm-dmread: reading %s failed\n", files[i].path);
			rc = 1;
			continue;
		}
		if (json)
			printf("%s{\"name\": \"%s_read_ms\", \"value\": %.1f, \"unit\": \"ms\"}, "
			    "{\"name\": \"%s_peak_rss_mb\", \"value\": %.1f, \"unit\": \"MB\"}",
			    i ? ", " : "", files[i].name, ms, files[i].name, mb);
		else
			printf("%-14s read in %8.1f ms%s, peak %6.1f MB%s  (%zu blocks, %zu cells)\n",
			    files[i].name, ms, files[i].target_ms ? " (target < 1000 ms)" : "", mb,
			    files[i].target_mb ? " (target < 100 MB)" : "", blocks, cells);
	}
	if (json)
		printf("]}\n");
	if (keep == NULL) {
		unlink(xlsx);
		unlink(docx);
		unlink(pdf);
		rmdir(dir);
	}
	return rc;
}
