/*
 * dm_zip.h: reading the members of a zip of XML safely (private to the
 * DOCX, ODT, XLSX and ODS readers).
 *
 * Office files are zips of XML, and a hostile one can claim anything: a
 * member that inflates a thousandfold (a zip bomb), a DOCTYPE whose
 * entities expand into gigabytes (billion laughs), a name like ../x, a
 * password. Every member is read here, under the same caps: each member's
 * uncompressed size, the total over the file, and the compression ratio;
 * the bytes counted are those actually inflated, not those the header
 * claims. XML is parsed by libxml2 without the network, without entity
 * substitution and without DTD loading; a member that declares a DTD at
 * all is refused, since no office format writes one.
 *
 * Two ways to parse a member: dmz_xml() for small parts (styles,
 * numbering, relationships: a DOM of the whole), dmz_walk() for the
 * large ones (a document's body, a sheet), which streams the member and
 * hands over one element's subtree at a time, so memory stays bounded
 * by the largest paragraph, table or row rather than by the file.
 */
#ifndef WM_DM_ZIP_H
#define WM_DM_ZIP_H

#include "base/wm.h"

#include <libxml/tree.h>
#include <zip.h>

#include "base/err.h"

struct arena;

#define DMZ_MEMBER_MAX ((uint64_t)256 << 20)	/* a member, inflated, streamed */
#define DMZ_DOM_MAX ((uint64_t)16 << 20)	/* a member parsed whole (styles, numbering) */
#define DMZ_TOTAL_MAX ((uint64_t)512 << 20)	/* every member read, inflated */
#define DMZ_SUBTREE_MAX ((uint64_t)16 << 20)	/* the XML of one element dmz_walk hands over whole */
#define DMZ_RATIO_MAX 500			/* inflated / compressed, for members over 1 MB */
#define DMZ_RATIO_FLOOR ((uint64_t)1 << 20)

struct dmz {
	zip_t *zip;
	const char *what;	/* "the .docx", for messages */
	uint64_t total;		/* bytes inflated so far, over all members */
};

/* Open the zip in data (not copied: it must outlive z). */
int dmz_open(struct dmz *z, const char *data, size_t len, const char *what, struct wm_err *err);
void dmz_close(struct dmz *z);

/* Is there a member of exactly this name? */
bool dmz_has(struct dmz *z, const char *name);

/*
 * The whole member, inflated, NUL-terminated, malloc'd (*out; free it),
 * at most max bytes. WM_ENOTFOUND (err set) when there is no such member.
 */
int dmz_read(struct dmz *z, const char *name, uint64_t max, char **out, size_t *len,
    struct wm_err *err);

/* Parse a member as XML into a DOM (xmlFreeDoc it). WM_ENOTFOUND when absent. */
int dmz_xml(struct dmz *z, const char *name, xmlDoc **doc, struct wm_err *err);
/* The same for a part that may be absent: then 0, and *doc NULL. */
int dmz_xml_opt(struct dmz *z, const char *name, xmlDoc **doc, struct wm_err *err);

/*
 * Stream a member: fn is called for each element as it starts, with its
 * depth (the root is 0) and only its name and attributes (ev DMZ_START);
 * it answers DMZ_DESCEND (read on into its children, and be called with
 * DMZ_END when it ends), DMZ_EXPAND (be called again with DMZ_SUBTREE and
 * the element's whole subtree, which is freed once fn returns) or
 * DMZ_SKIP. A negative answer stops the walk and is returned (err set by
 * fn). WM_ENOTFOUND when the member is absent.
 */
enum dmz_event { DMZ_START, DMZ_SUBTREE, DMZ_END };
enum { DMZ_SKIP = 0, DMZ_DESCEND = 1, DMZ_EXPAND = 2 };
typedef int dmz_fn(void *ctx, xmlNode *node, int depth, enum dmz_event ev, struct wm_err *err);
int dmz_walk(struct dmz *z, const char *name, dmz_fn *fn, void *ctx, struct wm_err *err);

/*
 * The target of the first relationship of a type ending in type_suffix
 * ("/officeDocument") or with the id id, in the .rels part rels
 * ("_rels/.rels", "xl/_rels/workbook.xml.rels"), resolved against the
 * folder of the part the rels describe; NULL if none, or if it points
 * outside the zip (../x, an absolute URL).
 */
const char *dmz_rel(struct dmz *z, struct arena *a, const char *rels, const char *type_suffix,
    const char *id, struct wm_err *err);

/*
 * The dc:title in a metadata part (docProps/core.xml, meta.xml; part, or
 * fallback when part is NULL), as written, in a; NULL when there is none.
 */
const char *dmz_title(struct dmz *z, struct arena *a, const char *part, const char *fallback,
    struct wm_err *err);

/* The relationships part of a part: "xl/workbook.xml" has "xl/_rels/workbook.xml.rels", "" has "_rels/.rels". */
const char *dmz_rels_of(struct arena *a, const char *part);

/*
 * The part a relationship of type_suffix from part points to ("" for the
 * package itself: "/officeDocument" gives word/document.xml), or fallback
 * when part's rels say nothing or name a part that is not there.
 */
const char *dmz_part(struct dmz *z, struct arena *a, const char *part, const char *type_suffix,
    const char *fallback, struct wm_err *err);

/* Resolve target against the folder of part ("xl/workbook.xml"); NULL if it escapes. */
char *dmz_resolve(struct arena *a, const char *part, const char *target);

/* XML helpers over libxml2's tree: namespaces by a short key, so that
 * OOXML's transitional and strict namespaces both match. */
enum dmx_ns {
	DMX_ANY,	/* any namespace */
	DMX_W,		/* wordprocessingml */
	DMX_S,		/* spreadsheetml */
	DMX_R,		/* officeDocument relationships */
	DMX_PR,		/* package relationships */
	DMX_DC,		/* Dublin Core */
	DMX_OFFICE, DMX_TEXT, DMX_TABLE, DMX_STYLE, DMX_FO, DMX_META,
	DMX_XML,	/* xml:space and friends */
	DMX_NNS
};

bool dmx_ns_is(const xmlNs *ns, enum dmx_ns want);
bool dmx_is(const xmlNode *n, enum dmx_ns ns, const char *local);
/* The attribute's value as stored (not copied), or NULL. */
const char *dmx_attr(const xmlNode *n, enum dmx_ns ns, const char *local);
/* An integer attribute clamped to [lo, hi], def when absent or not a number. */
long dmx_attr_long(const xmlNode *n, enum dmx_ns ns, const char *local, long def, long lo,
    long hi);
/* A boolean attribute ("1", "true", "on"; absent is def). */
bool dmx_attr_bool(const xmlNode *n, enum dmx_ns ns, const char *local, bool def);
/* The first child element so named, or NULL. */
xmlNode *dmx_child(const xmlNode *n, enum dmx_ns ns, const char *local);
/* The next element sibling after n so named (n itself not counted), or NULL. */
xmlNode *dmx_next(const xmlNode *n, enum dmx_ns ns, const char *local);
/*
 * The node after n in document order, below top: its first child when
 * down (and it has one), else the next node not below it; NULL past the
 * last. Walks a tree of any depth without recursion.
 */
const xmlNode *dmx_step(const xmlNode *n, const xmlNode *top, bool down);
/* All the text under n, in order, with no markup (no recursion: any depth). */
void dmx_text(const xmlNode *n, struct buf *out);

#endif
