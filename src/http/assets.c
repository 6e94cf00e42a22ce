/*
 * assets.c: /assets/NAME, from the files built into the binary
 * (src/http/meson.build lists them: GOV.UK Frontend's CSS, script and
 * fonts, and web/). Served from memory without copying; browsers may keep
 * them for a day.
 */
#include "base/wm.h"

#include "base/embed.h"
#include "http/route.h"

extern const struct embedded_file http_assets[];

static const char *
content_type(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".woff2", "font/woff2" },
		{ ".woff", "font/woff" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
	};
	size_t n = strlen(name);

	for (size_t i = 0; i < WM_ARRAY_LEN(types); i++) {
		size_t e = strlen(types[i].ext);

		if (n > e && strcmp(name + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

void
assets_serve(struct req *rq, struct resp *rs, const char *name)
{
	const struct embedded_file *f = embed_find(http_assets, name);

	if (strcmp(rq->method, "GET") != 0) {
		resp_status(rs, 405, "method not allowed", "assets can only be read (GET)");
		resp_header(rs, "Allow", "GET");
		return;
	}
	if (f == NULL) {
		resp_errorf(rs, WM_ENOTFOUND, "no asset called \"%s\"", name);
		return;
	}
	rs->status = 200;
	rs->type = content_type(name);
	rs->fixed = f->data;
	rs->fixed_len = f->len;
	resp_header(rs, "Cache-Control", "public, max-age=86400");
}
