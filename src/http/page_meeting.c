/*
 * page_meeting.c: what a meeting's page adds to a record's (page_record.c):
 * the papers on its agenda, each to download as the committee will read
 * it, made by `waymark report pack --meeting` through the API.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "http/page.h"
#include "http/pages.h"

/* The formats a paper is downloaded in, and their names for people. */
static const struct {
	const char *format, *name;
} downloads[] = {
	{ "docx", "Word" }, { "pdf", "PDF" }, { "odt", "OpenDocument" }, { "xlsx", "Excel" },
	{ "html", "Web page" },
};

static const char *
paper_url(struct req *rq, const char *meeting, const char *paper, const char *format)
{
	struct buf b = BUF_INIT;
	const char *s;

	buf_adds(&b, "/api/v1/reports/pack?meeting=");
	http_url_escape(&b, meeting);
	if (paper != NULL) {
		buf_adds(&b, "&paper=");
		http_url_escape(&b, paper);
	}
	buf_addf(&b, "&format=%s", format);
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

void
page_meeting_papers(struct page *p, const char *meeting)
{
	struct rcol cols[3 + WM_ARRAY_LEN(downloads)] = { { NULL, "Item", 0 },
		{ NULL, "Title", 0 }, { NULL, "By", 0 } };
	struct wm_err err = WM_ERR_INIT;
	struct req *rq = p->rq;
	json_t *papers = NULL;
	struct rdoc *d;
	struct rtable *t;

	d = rdoc_new("");
	rdoc_heading(d, 2, "Papers");
	if (pages_list(rq, "papers", pages_where("meeting", meeting), &papers, &err) != 0) {
		/* The meeting itself was read: say why its papers are not listed. */
		rdoc_para(d, "Its papers could not be listed: %s", err.msg);
	} else if (json_array_size(papers) == 0) {
		rdoc_para(d, "No paper is on its agenda yet.");
	} else {
		for (size_t i = 0; i < WM_ARRAY_LEN(downloads); i++)
			cols[3 + i] = (struct rcol){ NULL, downloads[i].name, 0 };
		t = rdoc_table_cols(d, NULL, NULL, WM_ARRAY_LEN(cols), cols);
		for (size_t i = 0; i < json_array_size(papers); i++) {
			const json_t *pp = json_array_get(papers, i);
			const char *ref = pages_text(rq, pp, "ref");

			rtable_link(t, ref, pages_record_url(rq, "papers", pages_key(rq, "papers", pp)));
			pages_cells(rq, t, pp, (const char *const[]){ "title", "by", NULL });
			for (size_t k = 0; k < WM_ARRAY_LEN(downloads); k++)
				rtable_link(t, downloads[k].name, paper_url(rq, meeting, ref,
				    downloads[k].format));
			rtable_end_row(t);
		}
		rtable_cell(t, "");
		rtable_cell(t, "Every paper, one after another");
		rtable_cell(t, "");
		for (size_t k = 0; k < WM_ARRAY_LEN(downloads); k++)
			rtable_link(t, downloads[k].name, paper_url(rq, meeting, NULL, downloads[k].format));
		rtable_end_row(t);
	}
	page_rdoc_untitled(p, d);
	rdoc_free(d);
	json_decref(papers);
}
