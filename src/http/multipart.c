/*
 * multipart.c: multipart/form-data bodies (see multipart.h).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/str.h"
#include "http/multipart.h"

#define BOUNDARY_MAX 70	/* RFC 2046's limit */
#define HEADERS_MAX 8192	/* a part's headers: a line or two, in any browser */

bool
multipart_is(const char *content_type)
{
	return content_type != NULL && str_has_prefix_nocase(content_type, "multipart/form-data");
}

/*
 * The value of parameter name ("boundary", "name", "filename") in a header
 * value s of n bytes, quoted or not, as an arena string; NULL when absent.
 * Parameters are found after a ';', so "filename" never matches "name".
 */
static const char *
header_param(struct arena *a, const char *s, size_t n, const char *name)
{
	size_t nl = strlen(name);

	for (size_t i = 0; i < n; i++) {
		size_t j;

		if (s[i] != ';')
			continue;
		j = i + 1;
		while (j < n && (s[j] == ' ' || s[j] == '\t'))
			j++;
		if (n - j <= nl || strncasecmp(s + j, name, nl) != 0 || s[j + nl] != '=')
			continue;
		j += nl + 1;
		if (j < n && s[j] == '"') {
			struct buf v = BUF_INIT;
			const char *out;

			for (j++; j < n && s[j] != '"'; j++) {
				if (s[j] == '\\' && j + 1 < n)
					j++;
				buf_addc(&v, s[j]);
			}
			out = arena_strndup(a, buf_str(&v), v.len);
			buf_release(&v);
			return out;
		} else {
			size_t k = j;

			while (k < n && s[k] != ';' && s[k] != ' ' && s[k] != '\t')
				k++;
			return arena_strndup(a, s + j, k - j);
		}
	}
	return NULL;
}

static const char *
find(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0 || n < m)
		return NULL;
	for (size_t i = 0; i + m <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
			return hay + i;
	return NULL;
}

/* A header's value in a part's head (CRLF-separated lines), or NULL; *vn its length. */
static const char *
part_header(const char *h, size_t n, const char *name, size_t *vn)
{
	size_t nl = strlen(name);
	const char *end = h + n;

	for (const char *line = h; line < end;) {
		const char *eol = find(line, (size_t)(end - line), "\r\n", 2);
		size_t len = eol != NULL ? (size_t)(eol - line) : (size_t)(end - line);

		if (len > nl && strncasecmp(line, name, nl) == 0 && line[nl] == ':') {
			const char *v = line + nl + 1;

			while (v < line + len && (*v == ' ' || *v == '\t'))
				v++;
			*vn = (size_t)(line + len - v);
			return v;
		}
		line += len + 2;
	}
	return NULL;
}

/* A file's name without the folders some browsers still send ("C:\\x\\plan.docx"). */
static const char *
base_name(const char *s)
{
	const char *b = s;

	for (const char *p = s; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

int
multipart_parse(struct arena *a, const char *content_type, const char *body, size_t len,
    struct params_list *form, struct upload_list *files)
{
	const char *ct = content_type != NULL ? content_type : "";
	const char *boundary = header_param(a, ct, strlen(ct), "boundary");
	char delim[BOUNDARY_MAX + 5];
	size_t dl;
	const char *p, *end = body + len;

	files->n = 0;
	if (!multipart_is(ct) || boundary == NULL || *boundary == '\0' ||
	    strlen(boundary) > BOUNDARY_MAX)
		return -1;
	dl = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", boundary);
	/* the first delimiter may open the body, without the line break before it */
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else if ((p = find(body, len, delim, dl)) != NULL)
		p += dl;
	else
		return -1;
	for (size_t parts = 0; parts < MULTIPART_MAX_PARTS; parts++) {
		const char *head, *head_end, *next, *disp, *v;
		const char *name, *filename;
		size_t dn, vn, hn;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;	/* the close delimiter */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		head = p + 2;
		hn = (size_t)(end - head) < HEADERS_MAX + 4 ? (size_t)(end - head) : HEADERS_MAX + 4;
		if ((head_end = find(head, hn, "\r\n\r\n", 4)) == NULL) {
			/* a part with no headers at all starts with its blank line */
			if (end - head >= 2 && head[0] == '\r' && head[1] == '\n')
				head_end = head - 2;
			else
				return -1;
		}
		p = head_end + 4;
		if ((next = find(p, (size_t)(end - p), delim, dl)) == NULL)
			return -1;
		disp = head_end > head ? part_header(head, (size_t)(head_end - head),
		    "Content-Disposition", &dn) : NULL;
		name = disp != NULL ? header_param(a, disp, dn, "name") : NULL;
		filename = disp != NULL ? header_param(a, disp, dn, "filename") : NULL;
		if (name != NULL && filename == NULL) {
			params_add(a, form, name, arena_strndup(a, p, (size_t)(next - p)));
		} else if (name != NULL && files->n < MULTIPART_MAX_PARTS) {
			struct upload *u = &files->v[files->n++];

			v = head_end > head ? part_header(head, (size_t)(head_end - head),
			    "Content-Type", &vn) : NULL;
			u->field = name;
			u->filename = base_name(filename);
			u->type = v != NULL ? arena_strndup(a, v, vn) : "";
			u->data = p;
			u->len = (size_t)(next - p);
		}
		p = next + dl;
	}
	return -1;
}
