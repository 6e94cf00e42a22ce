/*
 * search.c: the site-wide search (see search.h): what of each record is
 * searched, kept in step with the records, and the search itself.
 *
 * What is searched comes from the kinds' descriptions, not a list: a
 * record's title is its name (FF_NAME), else its key; its body every other
 * text field but secrets and who added it. A hit is only an id until it is
 * read back through the engine, which answers with the actor's rights:
 * a record the actor may not see, or one gone by a cascade the database
 * made itself, is simply not found.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/str.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/search.h"
#include "store/store.h"

/* Candidates read for one search: visibility may leave out many. */
#define SEARCH_CANDIDATES (SEARCH_MAX * 4)

static bool
searched_field(const struct field *f)
{
	return f->type == FT_TEXT && !(f->flags & (FF_SECRET | FF_ADDED_BY | FF_ADDED_AT));
}

bool
search_indexed(const struct kind *k)
{
	if (k == NULL || (k->flags & (KF_VIEW | KF_READONLY)) || k->store != NULL ||
	    strcmp(k->name, "users") == 0)
		return false;
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (searched_field(f) && (f->flags & (FF_NAME | FF_LONG)))
			return true;
	return false;
}

int
search_put(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *row,
    struct wm_err *err)
{
	const struct field *name = NULL;
	struct buf title = BUF_INIT, body = BUF_INIT;
	struct stmt *s;
	int rc;

	k = kind_base(k);
	if (!search_indexed(k))
		return 0;
	for (const struct field *f = k->fields; f->name != NULL && name == NULL; f++)
		if ((f->flags & FF_NAME) && f->type == FT_TEXT &&
		    json_string_value(json_object_get(row, f->name)) != NULL)
			name = f;
	if (name != NULL)
		buf_adds(&title, json_string_value(json_object_get(row, name->name)));
	else
		ent_row_key(k, row, &title);
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = json_string_value(json_object_get(row, f->name));

		if (f == name || !searched_field(f) || v == NULL || *v == '\0')
			continue;
		if (body.len > 0)
			buf_addc(&body, '\n');
		buf_adds(&body, v);
	}
	if ((rc = search_drop(ctx, k, id, err)) != 0)
		goto out;
	if ((rc = store_prepare(ctx->st, "INSERT INTO search_doc (tbl, rec_id, title, body)"
	    " VALUES (?, ?, ?, ?)", &s, err)) != 0)
		goto out;
	stmt_bind_text(s, 1, k->table);
	stmt_bind_int(s, 2, id);
	stmt_bind_text(s, 3, buf_str(&title));
	stmt_bind_text(s, 4, buf_str(&body));
	rc = stmt_exec(s, err);
out:
	buf_release(&title);
	buf_release(&body);
	return rc;
}

int
search_drop(struct wm_ctx *ctx, const struct kind *k, int64_t id, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	k = kind_base(k);
	if (!search_indexed(k))
		return 0;
	if ((rc = store_prepare(ctx->st, "DELETE FROM search_doc WHERE tbl = ? AND rec_id = ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_text(s, 1, k->table);
	stmt_bind_int(s, 2, id);
	return stmt_exec(s, err);
}

int
search_empty(struct wm_ctx *ctx, bool *empty, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*empty = true;
	if ((rc = store_prepare(ctx->st, "SELECT 1 FROM search_doc LIMIT 1", &s, err)) != 0)
		return rc;
	rc = stmt_step(s, err);
	*empty = rc != STORE_ROW;
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
search_rebuild(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*n = 0;
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = store_prepare(ctx->st, "DELETE FROM search_doc", &s, err)) != 0 ||
	    (rc = stmt_exec(s, err)) != 0)
		return store_rollback(ctx->st, rc);
	for (const struct kind *k = kinds; k->name != NULL && rc == 0; k++) {
		struct ent_query q = { .raw = true };
		json_t *rows = NULL;

		if (!search_indexed(k))
			continue;
		if ((rc = ent_list(ctx, k, &q, &rows, err)) != 0)
			break;
		for (size_t i = 0; i < json_array_size(rows) && rc == 0; i++) {
			const json_t *r = json_array_get(rows, i);
			struct buf key = BUF_INIT;
			int64_t id;

			ent_row_key(k, r, &key);
			if ((rc = ent_resolve(ctx, k, buf_str(&key), &id, err)) == 0 &&
			    (rc = search_put(ctx, k, id, r, err)) == 0)
				(*n)++;
			buf_release(&key);
		}
		json_decref(rows);
	}
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
}

/* The bytes of the UTF-8 character that begins with c (1 for a byte that begins none). */
static size_t
utf8_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/*
 * Does the character of len bytes at p join a word? ASCII letters and
 * digits, and every other character but the punctuation and spaces people
 * type (dashes, quotes, "£", "…", a no-break space): SQLite's tokenizer
 * splits words at those and PostgreSQL's keeps them, so a search holding
 * one would find nothing on one engine.
 */
static bool
word_char(const unsigned char *p, size_t len)
{
	uint32_t c;

	if (len == 1)
		return *p < 0x80 && isalnum(*p);
	c = len == 2 ? (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F) :
	    len == 3 ? (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F) :
	    (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
	    (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
	return !((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	    (c >= 0x2000 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20CF) ||
	    (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF || (c >= 0xFF00 && c <= 0xFF0F));
}

/* The bytes of the character at p: whole, or fewer where it is cut short. */
static size_t
char_len(const unsigned char *p)
{
	size_t c = utf8_len(*p), i;

	for (i = 1; i < c && p[i] >= 0x80 && p[i] < 0xC0; i++)
		;
	return i;
}

size_t
search_words(const char *text, char words[][SEARCH_WORD_LEN], size_t max)
{
	const unsigned char *p = (const unsigned char *)(text != NULL ? text : "");
	size_t n = 0;

	/* a letter is any character but punctuation: "Tête" is one word */
	while (*p != '\0' && n < max) {
		size_t len = 0;
		bool full = false;

		while (*p != '\0' && !word_char(p, char_len(p)))
			p += char_len(p);
		while (*p != '\0' && word_char(p, char_len(p))) {
			size_t c = char_len(p);

			/* whole characters only: a word too long is cut before one that would not fit */
			full |= len + c >= SEARCH_WORD_LEN;
			for (size_t i = 0; i < c; i++, p++)
				if (!full)
					words[n][len++] = (char)tolower(*p);
		}
		if (len == 0)
			continue;
		words[n][len] = '\0';
		n++;
	}
	return n;
}

/* The kind whose own table is tbl, or NULL. */
static const struct kind *
kind_of_table(const char *tbl)
{
	for (const struct kind *k = kinds; k->name != NULL; k++)
		if (!(k->flags & KF_VIEW) && strcmp(k->table, tbl) == 0)
			return k;
	return NULL;
}

struct hit {
	const struct kind *k;
	int64_t id;
};

int
search_find(struct wm_ctx *ctx, const char *text, json_t **out, bool *more,
    struct wm_err *err)
{
	char words[SEARCH_WORDS][SEARCH_WORD_LEN];
	const char *ptrs[SEARCH_WORDS];
	size_t nwords = search_words(text, words, SEARCH_WORDS), nhits = 0;
	struct buf match = BUF_INIT;
	struct hit *hits = NULL;
	struct stmt *s;
	int rc;

	*out = json_array();
	*more = false;
	/* a word cut from bytes that are not text would only fail in the engine */
	if (text != NULL && !utf8_valid(text, strlen(text)))
		return wm_error(err, WM_EINVAL, "the words to search for are not text: "
		    "type them again");
	if (nwords == 0)
		return 0;
	for (size_t i = 0; i < nwords; i++)
		ptrs[i] = words[i];
	store_search_match(ctx->st, ptrs, nwords, &match);
	if ((rc = store_prepare(ctx->st, store_search_sql(ctx->st), &s, err)) != 0)
		goto out;
	stmt_bind_text(s, 1, buf_str(&match));
	stmt_bind_int(s, 2, SEARCH_CANDIDATES);
	hits = wm_calloc(SEARCH_CANDIDATES, sizeof(*hits));
	/* the ids first: each is read back once this statement is done */
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		const struct kind *k = kind_of_table(stmt_text(s, 0));

		if (k != NULL && nhits < SEARCH_CANDIDATES)
			hits[nhits++] = (struct hit){ k, stmt_int(s, 1) };
	}
	if (rc < 0)
		goto out;
	rc = 0;
	*more = nhits == SEARCH_CANDIDATES;
	for (size_t i = 0; i < nhits; i++) {
		json_t *row = NULL;
		struct buf key = BUF_INIT;

		if (!authz_read_quiet(ctx, hits[i].k->name) ||
		    ent_get_by_id(ctx, hits[i].k, hits[i].id, false, &row, NULL) != 0)
			continue;
		if (json_array_size(*out) == SEARCH_MAX) {
			*more = true;
			json_decref(row);
			break;
		}
		ent_row_key(hits[i].k, row, &key);
		json_array_append_new(*out, json_pack("{s:s, s:s, s:o}", "kind", hits[i].k->name,
		    "key", buf_str(&key), "record", row));
		buf_release(&key);
	}
out:
	free(hits);
	buf_release(&match);
	return rc;
}
