/*
 * rdoc_stub.c: the writers of PDF, Word, OpenDocument, Excel and iCalendar
 * files and the charts drawn as pictures, as the waymark command has
 * them: in the modules waymark-pdf.so (cairo, pango) and waymark-office.so
 * (libzip, libxml2, libxlsxwriter, libical), loaded by the first paper
 * that needs one (base/module.h). Only the command links this file; the
 * tests link the writers themselves.
 */
#include "base/wm.h"

#include "base/module.h"
#include "report/ical.h"
#include "report/rdoc_impl.h"
#include "report/svgdraw.h"

#define WRITER(module, what, fn)						\
	MODULE_STUB(module, what, fn, (const struct rdoc *d, struct buf *out,	\
	    struct wm_err *err), (d, out, err))

WRITER("waymark-pdf", "writing PDF", rdoc_write_pdf)
WRITER("waymark-office", "writing Word", rdoc_write_docx)
WRITER("waymark-office", "writing OpenDocument", rdoc_write_odt)
WRITER("waymark-office", "writing Excel", rdoc_write_xlsx)

MODULE_STUB("waymark-pdf", "drawing a chart as a picture", svgdraw_png,
    (const char *svg, int px, struct buf *out, int *height_px, struct wm_err *err),
    (svg, px, out, height_px, err))

MODULE_STUB("waymark-office", "writing iCalendar", ical_write,
    (const char *name, const struct ical_step *steps, size_t n, time_t stamp, char **out,
    struct wm_err *err), (name, steps, n, stamp, out, err))
