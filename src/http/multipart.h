/*
 * multipart.h: a multipart/form-data body (RFC 7578), as a browser sends
 * a form with a file in it; private to src/http/.
 *
 * The server has the whole body already (bounded by --max-body), so this
 * is a parser over bytes in memory, not a stream: each part's content is
 * found by the next delimiter, text fields go into the request's form
 * like an urlencoded body's, and files are pointers into the body with
 * their length (they may hold any bytes, NUL too). Total: any bytes and
 * any Content-Type give fields and files, or -1 for a body that is not
 * one (no boundary, a part without its end), never a read past the input.
 */
#ifndef WM_HTTP_MULTIPART_H
#define WM_HTTP_MULTIPART_H

#include "base/wm.h"

#include "base/arena.h"
#include "http/req.h"

/* More parts than a form of ours sends are not read. */
#define MULTIPART_MAX_PARTS 64

struct upload {
	const char *field;	/* the form field's name */
	const char *filename;	/* as the browser sent it, without any folders; "" when none */
	const char *type;	/* its Content-Type, or "" */
	const char *data;	/* into the body: not NUL-terminated, may hold NULs */
	size_t len;
};

struct upload_list {
	struct upload v[MULTIPART_MAX_PARTS];
	size_t n;
};

/* Is this Content-Type multipart/form-data? */
bool multipart_is(const char *content_type);

/* Parse body; text parts are added to form, files to files. 0, or -1 when malformed. */
int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
    struct params_list *form, struct upload_list *files);

#endif
