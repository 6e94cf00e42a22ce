/*
 * dm_zip.c: a zip's members, inflated under caps and parsed as XML under
 * libxml2's safe options (see dm_zip.h).
 *
 * The one idea: every byte a member yields passes through member_read(),
 * which counts it against the member's cap, the file's total and the
 * compression ratio, and watches the XML prolog for a DOCTYPE. Whether
 * the bytes then go whole to xmlReadMemory() or stream to an
 * xmlTextReader, no cap can be got round.
 */
#include "base/wm.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm_zip.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

int
dmz_open(struct dmz *z, const char *data, size_t len, const char *what, struct wm_err *err)
{
	zip_error_t ze;
	zip_source_t *src;

	memset(z, 0, sizeof(*z));
	z->what = what;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src != NULL) {
		z->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
		if (z->zip == NULL)
			zip_source_free(src);
	}
	if (z->zip == NULL) {
		wm_error(err, WM_EINVAL, "%s is damaged: it is not a zip archive that can be read (%s)",
		    what, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return WM_EINVAL;
	}
	zip_error_fini(&ze);
	return 0;
}

void
dmz_close(struct dmz *z)
{
	if (z->zip != NULL)
		zip_discard(z->zip);
	z->zip = NULL;
}

bool
dmz_has(struct dmz *z, const char *name)
{
	return zip_name_locate(z->zip, name, 0) >= 0;
}

/* Why a member's reading stopped short. */
enum fault { F_NONE, F_TOOBIG, F_RATIO, F_TOTAL, F_DOCTYPE, F_ZIP, F_SUBTREE };

/* Where the prolog scan is: before the root element, an XML file may hold only
 * a declaration, processing instructions, comments, space and a DOCTYPE. */
enum prolog { P_OUT, P_LT, P_PI, P_PI_Q, P_BANG, P_BANG_DASH, P_COMMENT, P_C1, P_C2, P_DONE };

struct member {
	struct dmz *z;
	const char *name;
	zip_file_t *f;
	uint64_t comp;		/* compressed size, from the central directory */
	uint64_t got;		/* bytes inflated so far */
	uint64_t max;
	enum fault fault;
	enum prolog prolog;
	bool expanding;		/* dmz_walk is building one element's whole subtree */
	uint64_t expand_from;	/* bytes inflated when it began */
	char zip_msg[256];
};

static int
member_open(struct dmz *z, const char *name, uint64_t max, struct member *m, struct wm_err *err)
{
	zip_int64_t idx = zip_name_locate(z->zip, name, 0);
	zip_stat_t st;

	memset(m, 0, sizeof(*m));
	m->z = z;
	m->name = name;
	m->max = max;
	if (idx < 0)
		return wm_error(err, WM_ENOTFOUND, "%s has no %s", z->what, name);
	zip_stat_init(&st);
	if (zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) != 0)
		return wm_error(err, WM_EINVAL, "%s is damaged: its part %s cannot be read (%s)",
		    z->what, name, zip_strerror(z->zip));
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return wm_error(err, WM_EINVAL, "%s is encrypted (its part %s needs a password); "
		    "save it without a password and import it again", z->what, name);
	m->comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	/* Refuse early what the directory already admits to; the counts below catch liars. */
	if ((st.valid & ZIP_STAT_SIZE) && st.size > max)
		m->fault = F_TOOBIG;
	else if ((st.valid & ZIP_STAT_SIZE) && st.size > DMZ_RATIO_FLOOR &&
	    st.size / (m->comp ? m->comp : 1) > DMZ_RATIO_MAX)
		m->fault = F_RATIO;
	if (m->fault != F_NONE)
		return 0;
	m->f = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0);
	if (m->f == NULL)
		return wm_error(err, WM_EINVAL, "%s: its part %s cannot be opened (%s)", z->what, name,
		    zip_strerror(z->zip));
	return 0;
}

static void
member_close(struct member *m)
{
	if (m->f != NULL)
		zip_fclose(m->f);
	m->f = NULL;
}

/* Feed bytes to the prolog scan; NUL bytes are skipped, so UTF-16 scans as ASCII does. */
static void
prolog_scan(struct member *m, const char *p, size_t n)
{
	for (size_t i = 0; i < n && m->prolog != P_DONE; i++) {
		char c = p[i];

		if (c == '\0')
			continue;
		switch (m->prolog) {
		case P_OUT: m->prolog = c == '<' ? P_LT : P_OUT; break;
		case P_LT: m->prolog = c == '?' ? P_PI : c == '!' ? P_BANG : P_DONE; break;
		case P_PI: m->prolog = c == '?' ? P_PI_Q : P_PI; break;
		case P_PI_Q: m->prolog = c == '>' ? P_OUT : c == '?' ? P_PI_Q : P_PI; break;
		case P_BANG:
			/* "<!" in a prolog is a comment or a DOCTYPE: nothing else may stand there */
			if (c == '-') {
				m->prolog = P_BANG_DASH;
			} else {
				m->fault = F_DOCTYPE;
				m->prolog = P_DONE;
			}
			break;
		case P_BANG_DASH:
			if (c == '-') {
				m->prolog = P_COMMENT;
			} else {
				m->fault = F_DOCTYPE;
				m->prolog = P_DONE;
			}
			break;
		case P_COMMENT: m->prolog = c == '-' ? P_C1 : P_COMMENT; break;
		case P_C1: m->prolog = c == '-' ? P_C2 : P_COMMENT; break;
		case P_C2: m->prolog = c == '>' ? P_OUT : c == '-' ? P_C2 : P_COMMENT; break;
		case P_DONE: break;
		}
	}
}

/* Up to n inflated bytes into p: their count, 0 at the end, -1 on a fault (m->fault says). */
static zip_int64_t
member_read(struct member *m, char *p, size_t n)
{
	zip_int64_t got;

	if (m->fault != F_NONE || m->f == NULL)
		return -1;
	got = zip_fread(m->f, p, n);
	if (got < 0) {
		snprintf(m->zip_msg, sizeof(m->zip_msg), "%s", zip_file_strerror(m->f));
		m->fault = F_ZIP;
		return -1;
	}
	m->got += (uint64_t)got;
	m->z->total += (uint64_t)got;
	if (m->got > m->max)
		m->fault = F_TOOBIG;
	else if (m->got > DMZ_RATIO_FLOOR && m->got / (m->comp ? m->comp : 1) > DMZ_RATIO_MAX)
		m->fault = F_RATIO;
	else if (m->z->total > DMZ_TOTAL_MAX)
		m->fault = F_TOTAL;
	else if (m->expanding && m->got - m->expand_from > DMZ_SUBTREE_MAX)
		m->fault = F_SUBTREE;
	else
		prolog_scan(m, p, (size_t)got);
	return m->fault == F_NONE ? got : -1;
}

/* The error for a member's fault, if it has one; else 0. */
static int
member_fault(const struct member *m, struct wm_err *err)
{
	const char *what = m->z->what, *name = m->name;

	switch (m->fault) {
	case F_NONE:
		return 0;
	case F_TOOBIG:
		return wm_error(err, WM_ETOOBIG, "%s: its part %s is larger than %llu MB uncompressed; "
		    "Waymark reads parts of up to that size", what, name,
		    (unsigned long long)(m->max >> 20));
	case F_RATIO:
		return wm_error(err, WM_ETOOBIG, "%s: its part %s expands more than %d times when "
		    "uncompressed, as a zip bomb does; Waymark refuses it", what, name, DMZ_RATIO_MAX);
	case F_TOTAL:
		return wm_error(err, WM_ETOOBIG, "%s holds more than %llu MB of uncompressed text; "
		    "Waymark reads files of up to that size", what,
		    (unsigned long long)(DMZ_TOTAL_MAX >> 20));
	case F_DOCTYPE:
		return wm_error(err, WM_EINVAL, "%s: its part %s declares a DTD (<!DOCTYPE>), which "
		    "office files never do and which can hide an entity bomb; Waymark refuses it",
		    what, name);
	case F_ZIP:
		return wm_error(err, WM_EINVAL, "%s is damaged: its part %s cannot be uncompressed (%s)",
		    what, name, m->zip_msg);
	case F_SUBTREE:
		return wm_error(err, WM_ETOOBIG, "%s: its part %s holds one paragraph, row or table "
		    "of more than %llu MB; Waymark reads them up to that size", what, name,
		    (unsigned long long)(DMZ_SUBTREE_MAX >> 20));
	}
	return wm_error(err, WM_EINTERNAL, "unknown fault reading %s", name);
}

int
dmz_read(struct dmz *z, const char *name, uint64_t max, char **out, size_t *len,
    struct wm_err *err)
{
	struct member m;
	struct buf b;
	char chunk[64 * 1024];
	zip_int64_t got;
	int rc;

	*out = NULL;
	*len = 0;
	if ((rc = member_open(z, name, max, &m, err)) != 0)
		return rc;
	buf_init(&b, (size_t)max + 1);
	while ((got = member_read(&m, chunk, sizeof(chunk))) > 0)
		buf_add(&b, chunk, (size_t)got);
	member_close(&m);
	if ((rc = member_fault(&m, err)) != 0) {
		buf_release(&b);
		return rc;
	}
	if (b.failed) {
		buf_release(&b);
		return wm_error(err, WM_ETOOBIG, "%s: its part %s is too large to read", z->what, name);
	}
	if (b.s == NULL)
		buf_adds(&b, "");
	*out = buf_detach(&b, len);
	return 0;
}

/* libxml2's last error, for a person: "line 3: Opening and ending tag mismatch". */
static int
xml_fault(struct dmz *z, const char *name, struct wm_err *err)
{
	const xmlError *e = xmlGetLastError();
	char msg[300] = "not well-formed";
	size_t n;

	if (e != NULL && e->message != NULL) {
		snprintf(msg, sizeof(msg), "line %d: %s", e->line, e->message);
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
	}
	return wm_error(err, WM_EINVAL, "%s is damaged: its part %s is not well-formed XML (%s)",
	    z->what, name, msg);
}

static int
doctype_fault(struct dmz *z, const char *name, struct wm_err *err)
{
	struct member m = { .z = z, .name = name, .fault = F_DOCTYPE };

	return member_fault(&m, err);
}

int
dmz_xml(struct dmz *z, const char *name, xmlDoc **doc, struct wm_err *err)
{
	char *data;
	size_t len;
	int rc;

	*doc = NULL;
	if ((rc = dmz_read(z, name, DMZ_DOM_MAX, &data, &len, err)) != 0)
		return rc;
	xmlResetLastError();
	*doc = xmlReadMemory(data, (int)len, name, NULL, XML_OPTIONS);
	free(data);
	if (*doc == NULL)
		return xml_fault(z, name, err);
	if ((*doc)->intSubset != NULL || xmlDocGetRootElement(*doc) == NULL) {
		rc = (*doc)->intSubset != NULL ? doctype_fault(z, name, err) :
		    wm_error(err, WM_EINVAL, "%s is damaged: its part %s is empty", z->what, name);
		xmlFreeDoc(*doc);
		*doc = NULL;
		return rc;
	}
	return 0;
}

int
dmz_xml_opt(struct dmz *z, const char *name, xmlDoc **doc, struct wm_err *err)
{
	int rc = dmz_xml(z, name, doc, err);

	if (rc == WM_ENOTFOUND) {
		wm_err_clear(err);
		return 0;
	}
	return rc;
}

/* Errors are kept by libxml2 as its last error, and said by xml_fault(); not printed. */
static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static int
stream_read(void *ctx, char *p, int n)
{
	return n <= 0 ? 0 : (int)member_read(ctx, p, (size_t)n);
}

int
dmz_walk(struct dmz *z, const char *name, dmz_fn *fn, void *ctx, struct wm_err *err)
{
	struct member m;
	xmlTextReader *r;
	int rc, ret;

	if ((rc = member_open(z, name, DMZ_MEMBER_MAX, &m, err)) != 0)
		return rc;
	if ((rc = member_fault(&m, err)) != 0)
		return rc;
	xmlResetLastError();
	r = xmlReaderForIO(stream_read, NULL, &m, name, NULL, XML_OPTIONS);
	if (r == NULL) {
		member_close(&m);
		return wm_error(err, WM_EINVAL, "%s: its part %s cannot be read as XML", z->what, name);
	}
	/* the reader reports to stderr whatever the options say, unless given a handler */
	xmlTextReaderSetStructuredErrorHandler(r, quiet, NULL);
	ret = xmlTextReaderRead(r);
	while (ret == 1) {
		int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
		xmlNode *n = xmlTextReaderCurrentNode(r);

		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			m.fault = F_DOCTYPE;
			break;
		}
		if (type == XML_READER_TYPE_ELEMENT && n != NULL) {
			bool empty = xmlTextReaderIsEmptyElement(r) == 1;
			int act = fn(ctx, n, depth, DMZ_START, err);

			if (act < 0) {
				rc = act;
				goto out;
			}
			if (act == DMZ_EXPAND) {
				xmlNode *x;

				m.expanding = true;
				m.expand_from = m.got;
				x = xmlTextReaderExpand(r);
				m.expanding = false;

				if (x == NULL) {
					ret = -1;
					break;
				}
				if ((rc = fn(ctx, x, depth, DMZ_SUBTREE, err)) < 0)
					goto out;
				ret = xmlTextReaderNext(r);
				continue;
			}
			if (act == DMZ_SKIP) {
				ret = xmlTextReaderNext(r);
				continue;
			}
			if (empty && (rc = fn(ctx, n, depth, DMZ_END, err)) < 0)
				goto out;
		} else if (type == XML_READER_TYPE_END_ELEMENT && n != NULL) {
			if ((rc = fn(ctx, n, depth, DMZ_END, err)) < 0)
				goto out;
		}
		ret = xmlTextReaderRead(r);
	}
	rc = 0;
	if (m.fault != F_NONE)
		rc = member_fault(&m, err);
	else if (ret < 0)
		rc = xml_fault(z, name, err);
out:
	xmlFreeTextReader(r);
	member_close(&m);
	return rc < 0 ? rc : 0;
}

/* Decode %XX escapes and turn '\' into '/' (some writers use either in targets). */
static char *
unescape_target(struct arena *a, const char *t)
{
	size_t n = strlen(t), o = 0;
	char *s = arena_alloc(a, n + 1);

	for (size_t i = 0; i < n; i++) {
		if (t[i] == '%' && isxdigit((unsigned char)t[i + 1]) && isxdigit((unsigned char)t[i + 2])) {
			char hex[3] = { t[i + 1], t[i + 2], 0 };

			s[o++] = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			s[o++] = t[i] == '\\' ? '/' : t[i];
		}
	}
	s[o] = '\0';
	return s;
}

char *
dmz_resolve(struct arena *a, const char *part, const char *target)
{
	const char *slash = strrchr(part, '/');
	char *t = unescape_target(a, target), *path, *out;
	size_t o = 0;

	if (strstr(t, "://") != NULL || t[0] == '\0')
		return NULL;
	if (t[0] == '/')
		path = arena_strdup(a, t + 1);
	else
		path = arena_printf(a, "%.*s%s", slash ? (int)(slash - part + 1) : 0, part, t);
	out = arena_alloc(a, strlen(path) + 1);
	/* walk the segments: "." stays put, ".." goes up, above the root is outside the zip */
	for (char *seg = path; *seg;) {
		char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);

		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (o == 0)
				return NULL;
			o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (len > 0 && !(len == 1 && seg[0] == '.')) {
			memcpy(out + o, seg, len);
			o += len;
			if (end)
				out[o++] = '/';
		}
		seg += len + (end ? 1 : 0);
	}
	out[o] = '\0';
	return o > 0 && out[o - 1] != '/' ? out : NULL;
}

const char *
dmz_rel(struct dmz *z, struct arena *a, const char *rels, const char *type_suffix,
    const char *id, struct wm_err *err)
{
	const char *under = strstr(rels, "_rels/");
	const char *found = NULL;
	char *part;
	xmlDoc *doc;
	size_t slen = type_suffix ? strlen(type_suffix) : 0;

	if (under == NULL || dmz_xml(z, rels, &doc, err) != 0) {
		wm_err_clear(err);	/* no relationships: the caller falls back on the usual names */
		return NULL;
	}
	/* the part the rels describe: "xl/_rels/workbook.xml.rels" is about "xl/workbook.xml" */
	part = arena_printf(a, "%.*s%.*s", (int)(under - rels), rels,
	    (int)(strlen(under + 6) >= 5 ? strlen(under + 6) - 5 : 0), under + 6);
	for (xmlNode *n = xmlDocGetRootElement(doc)->children; n && !found; n = n->next) {
		const char *type, *target, *rid, *mode;

		if (!dmx_is(n, DMX_PR, "Relationship"))
			continue;
		type = dmx_attr(n, DMX_ANY, "Type");
		target = dmx_attr(n, DMX_ANY, "Target");
		rid = dmx_attr(n, DMX_ANY, "Id");
		mode = dmx_attr(n, DMX_ANY, "TargetMode");
		if (target == NULL || (mode != NULL && strcmp(mode, "External") == 0))
			continue;
		if (id != NULL ? (rid != NULL && strcmp(rid, id) == 0) :
		    (type != NULL && strlen(type) >= slen &&
		    strcmp(type + strlen(type) - slen, type_suffix) == 0))
			found = dmz_resolve(a, part, target);
	}
	xmlFreeDoc(doc);
	return found;
}

const char *
dmz_title(struct dmz *z, struct arena *a, const char *part, const char *fallback,
    struct wm_err *err)
{
	xmlDoc *doc;
	xmlNode *root;
	const char *t = NULL;

	if (dmz_xml(z, part ? part : fallback, &doc, err) != 0) {
		wm_err_clear(err);
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	/* OOXML has it right under the root, ODF one level down, in office:meta */
	for (xmlNode *c = root->children; c != NULL && t == NULL; c = c->next) {
		xmlNode *m = dmx_is(c, DMX_DC, "title") ? c : dmx_child(c, DMX_DC, "title");

		if (m != NULL) {
			struct buf s = BUF_INIT;

			dmx_text(m, &s);
			t = arena_strdup(a, buf_str(&s));
			buf_release(&s);
		}
	}
	xmlFreeDoc(doc);
	return t;
}

const char *
dmz_rels_of(struct arena *a, const char *part)
{
	const char *slash = strrchr(part, '/');
	const char *base = slash ? slash + 1 : part;

	return arena_printf(a, "%.*s_rels/%s.rels", (int)(base - part), part, base);
}

const char *
dmz_part(struct dmz *z, struct arena *a, const char *part, const char *type_suffix,
    const char *fallback, struct wm_err *err)
{
	const char *t = dmz_rel(z, a, dmz_rels_of(a, part), type_suffix, NULL, err);

	return t != NULL && dmz_has(z, t) ? t : fallback;
}

/* XML helpers */

static const char *const ns_uris[DMX_NNS][2] = {
	[DMX_W] = { "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
		"http://purl.oclc.org/ooxml/wordprocessingml/main" },
	[DMX_S] = { "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
		"http://purl.oclc.org/ooxml/spreadsheetml/main" },
	[DMX_R] = { "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
		"http://purl.oclc.org/ooxml/officeDocument/relationships" },
	[DMX_PR] = { "http://schemas.openxmlformats.org/package/2006/relationships", NULL },
	[DMX_DC] = { "http://purl.org/dc/elements/1.1/", NULL },
	[DMX_OFFICE] = { "urn:oasis:names:tc:opendocument:xmlns:office:1.0", NULL },
	[DMX_TEXT] = { "urn:oasis:names:tc:opendocument:xmlns:text:1.0", NULL },
	[DMX_TABLE] = { "urn:oasis:names:tc:opendocument:xmlns:table:1.0", NULL },
	[DMX_STYLE] = { "urn:oasis:names:tc:opendocument:xmlns:style:1.0", NULL },
	[DMX_FO] = { "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", NULL },
	[DMX_META] = { "urn:oasis:names:tc:opendocument:xmlns:meta:1.0", NULL },
	[DMX_XML] = { "http://www.w3.org/XML/1998/namespace", NULL },
};

bool
dmx_ns_is(const xmlNs *ns, enum dmx_ns want)
{
	if (want == DMX_ANY)
		return true;
	if (ns == NULL || ns->href == NULL || (unsigned)want >= DMX_NNS)
		return false;
	for (int i = 0; i < 2; i++)
		if (ns_uris[want][i] != NULL && strcmp((const char *)ns->href, ns_uris[want][i]) == 0)
			return true;
	return false;
}

bool
dmx_is(const xmlNode *n, enum dmx_ns ns, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, local) == 0 && dmx_ns_is(n->ns, ns);
}

const char *
dmx_attr(const xmlNode *n, enum dmx_ns ns, const char *local)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *p = n->properties; p != NULL; p = p->next) {
		if (p->name == NULL || strcmp((const char *)p->name, local) != 0 || !dmx_ns_is(p->ns, ns))
			continue;
		for (const xmlNode *c = p->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content != NULL)
				return (const char *)c->content;
		return "";
	}
	return NULL;
}

long
dmx_attr_long(const xmlNode *n, enum dmx_ns ns, const char *local, long def, long lo, long hi)
{
	const char *s = dmx_attr(n, ns, local);
	char *end;
	long v;

	if (s == NULL)
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s)
		return def;
	if (errno == ERANGE)
		v = v < 0 ? lo : hi;
	return v < lo ? lo : v > hi ? hi : v;
}

bool
dmx_attr_bool(const xmlNode *n, enum dmx_ns ns, const char *local, bool def)
{
	const char *s = dmx_attr(n, ns, local);

	if (s == NULL)
		return def;
	return strcmp(s, "1") == 0 || strcmp(s, "true") == 0 || strcmp(s, "on") == 0;
}

xmlNode *
dmx_child(const xmlNode *n, enum dmx_ns ns, const char *local)
{
	for (xmlNode *c = n ? n->children : NULL; c != NULL; c = c->next)
		if (dmx_is(c, ns, local))
			return c;
	return NULL;
}

xmlNode *
dmx_next(const xmlNode *n, enum dmx_ns ns, const char *local)
{
	for (xmlNode *c = n ? n->next : NULL; c != NULL; c = c->next)
		if (dmx_is(c, ns, local))
			return c;
	return NULL;
}

const xmlNode *
dmx_step(const xmlNode *n, const xmlNode *top, bool down)
{
	if (down && n->children != NULL)
		return n->children;
	while (n != NULL && n != top && n->next == NULL)
		n = n->parent;
	return n == NULL || n == top ? NULL : n->next;
}

void
dmx_text(const xmlNode *top, struct buf *out)
{
	for (const xmlNode *n = top ? top->children : NULL; n != NULL;
	    n = dmx_step(n, top, n->type == XML_ELEMENT_NODE))
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
			buf_adds(out, (const char *)n->content);
}
