/*
 * dm_stub.c: the readers of PDF and of office documents as the waymark
 * command has them: in the modules waymark-pdf.so (poppler) and
 * waymark-office.so (libzip, libxml2), loaded by the first document of
 * their kind (base/module.h). Only the command links this file; the tests
 * link the readers themselves.
 */
#include "base/wm.h"

#include "base/module.h"
#include "import/dm.h"

#define READER(module, what, fn)						\
	MODULE_STUB(module, what, fn, (struct dm_doc *d, const char *data, size_t len,	\
	    struct wm_err *err), (d, data, len, err))

READER("waymark-pdf", "reading PDF", dm_read_pdf)
READER("waymark-office", "reading HTML", dm_read_html)
READER("waymark-office", "reading Word", dm_read_docx)
READER("waymark-office", "reading OpenDocument text", dm_read_odt)
READER("waymark-office", "reading Excel", dm_read_xlsx)
READER("waymark-office", "reading an OpenDocument spreadsheet", dm_read_ods)
