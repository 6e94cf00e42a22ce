/*
 * vocab.c: the importer's word lists (see vocab.h), and the few functions
 * that look words up in them.
 *
 * This file is data first: to teach Waymark a new name for a column, a
 * new status or a document site's furniture, add a line to a table here
 * (and docs/import.md, which lists them all). Matching is on words,
 * folded to lower case: "Officer Responsible:" and "officer responsible"
 * are one header.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "import/vocab.h"

/* ---- words ----------------------------------------------------------- */

/* Is c part of a word? Letters, digits, bytes of UTF-8 letters, and % # ? for headers. */
static bool
word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80 || c == '%' || c == '#' || c == '?' || c == '&';
}

/*
 * Does s begin with the words of w, case folded, spaces and punctuation
 * between words ignored, ending at a word boundary? The length of s they
 * took, or 0.
 */
static size_t
words_at(const char *s, const char *w)
{
	const char *p = s;

	for (;;) {
		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		while (*p != '\0' && !word_char((unsigned char)*p))
			p++;
		while (*w != '\0' && *w != ' ') {
			if (tolower((unsigned char)*p) != tolower((unsigned char)*w))
				return 0;
			p++;
			w++;
		}
		/* the word ends where a letter or digit does not go on ("Recommendation?" is one) */
		if (*w == '\0' && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) &&
		    word_char((unsigned char)p[-1]))
			return 0;
	}
	return (size_t)(p - s);
}

bool
vocab_has_word(const char *s, const char *w)
{
	for (const char *p = s; *p != '\0'; p++)
		if ((p == s || !word_char((unsigned char)p[-1])) && words_at(p, w) > 0)
			return true;
	return false;
}

/* s, whole, is the words of w (punctuation around ignored)? */
static bool
words_are(const char *s, const char *w)
{
	size_t n;

	while (*s != '\0' && !word_char((unsigned char)*s))
		s++;
	if ((n = words_at(s, w)) == 0)
		return false;
	for (s += n; *s != '\0'; s++)
		if (word_char((unsigned char)*s))
			return false;
	return true;
}

/* ---- columns --------------------------------------------------------- */

static const char *const role_names[COL__MAX] = {
	[COL_NONE] = "none", [COL_OTHER] = "extra", [COL_REF] = "ref", [COL_TEXT] = "text",
	[COL_SUBJECT] = "subject", [COL_PRIORITY] = "priority", [COL_RESPONSE] = "response",
	[COL_LEAD] = "lead", [COL_TIMESCALE] = "timescale", [COL_STATUS] = "status",
	[COL_PROGRESS] = "progress", [COL_MEASURE] = "measure", [COL_EVIDENCE] = "evidence",
	[COL_SOURCE] = "source", [COL_DATE] = "date",
};

const char *
vocab_role_name(enum col_role r)
{
	return (unsigned)r < COL__MAX ? role_names[r] : "none";
}

enum col_role
vocab_role_by_name(const char *name)
{
	for (int r = COL_REF; r < COL__MAX; r++)
		if (strcasecmp(name, role_names[r]) == 0)
			return (enum col_role)r;
	if (strcasecmp(name, "extra") == 0)
		return COL_OTHER;
	return COL_NONE;
}

/*
 * The names a column goes by. A header that is exactly one of the `whole`
 * names has its role; otherwise the first `words` entry found in it
 * decides, in this order ("Progress update and degree to which
 * recommendation met" is progress, not the recommendation).
 */
struct alias {
	const char *words;
	enum col_role role;
	enum rec_kind kind;	/* the kind of record a text column names */
};

static const struct alias whole[] = {
	{ "ref", COL_REF, 0 }, { "ref no", COL_REF, 0 }, { "reference", COL_REF, 0 },
	{ "no", COL_REF, 0 }, { "number", COL_REF, 0 }, { "#", COL_REF, 0 },
	{ "para", COL_REF, 0 }, { "paragraph", COL_REF, 0 }, { "item", COL_REF, 0 },
	{ "item no", COL_REF, 0 }, { "rec", COL_REF, 0 }, { "rec no", COL_REF, 0 },
	{ "serial no", COL_REF, 0 }, { "id", COL_REF, 0 }, { "reference no", COL_REF, 0 },
	{ "issue", COL_TEXT, RK_RECOMMENDATION }, { "what?", COL_TEXT, 0 }, { "what", COL_TEXT, 0 },
	{ "how?", COL_TEXT, 0 }, { "how", COL_TEXT, 0 }, { "action", COL_TEXT, RK_ACTION },
	{ "actions", COL_TEXT, RK_ACTION }, { "activity", COL_TEXT, RK_MILESTONE },
	{ "activities", COL_TEXT, RK_MILESTONE }, { "task", COL_TEXT, RK_ACTION },
	{ "tasks", COL_TEXT, RK_ACTION }, { "description", COL_TEXT, 0 },
	{ "summary", COL_TEXT, 0 }, { "event", COL_TEXT, RK_MILESTONE },
	{ "step", COL_TEXT, RK_MILESTONE }, { "stage", COL_TEXT, RK_MILESTONE },
	{ "project", COL_TEXT, RK_ACTION }, { "measures", COL_TEXT, RK_OBJECTIVE },
	{ "grade", COL_PRIORITY, 0 }, { "rating", COL_PRIORITY, 0 }, { "risk", COL_PRIORITY, 0 },
	{ "h/m/l", COL_PRIORITY, 0 },
	{ "agreed", COL_RESPONSE, 0 }, { "accepted", COL_RESPONSE, 0 },
	{ "agreed?", COL_RESPONSE, 0 }, { "accepted?", COL_RESPONSE, 0 },
	{ "lead officer", COL_LEAD, 0 }, { "responsible officer", COL_LEAD, 0 },
	{ "officer responsible", COL_LEAD, 0 }, { "lead member", COL_LEAD, 0 },
	{ "who", COL_LEAD, 0 }, { "who by?", COL_LEAD, 0 }, { "who by", COL_LEAD, 0 },
	{ "by whom", COL_LEAD, 0 }, { "action by", COL_LEAD, 0 }, { "agency", COL_LEAD, 0 },
	{ "when", COL_TIMESCALE, 0 }, { "when?", COL_TIMESCALE, 0 }, { "due", COL_TIMESCALE, 0 },
	{ "date", COL_TIMESCALE, 0 }, { "dates", COL_TIMESCALE, 0 }, { "time", COL_TIMESCALE, 0 },
	{ "by when", COL_TIMESCALE, 0 }, { "by when?", COL_TIMESCALE, 0 },
	{ "target", COL_TIMESCALE, 0 }, { "by", COL_TIMESCALE, 0 }, { "year", COL_TIMESCALE, 0 },
	{ "fy", COL_TIMESCALE, 0 }, { "relevant fy", COL_TIMESCALE, 0 },
	{ "financial year", COL_TIMESCALE, 0 }, { "period", COL_TIMESCALE, 0 },
	{ "status", COL_STATUS, 0 }, { "rag", COL_STATUS, 0 }, { "rag status", COL_STATUS, 0 },
	{ "% complete", COL_STATUS, 0 }, { "percent complete", COL_STATUS, 0 },
	{ "open/closed", COL_STATUS, 0 }, { "overall %", COL_STATUS, 0 },
	{ "progress %", COL_STATUS, 0 }, { "on target", COL_STATUS, 0 }, { "state", COL_STATUS, 0 },
	{ "source", COL_SOURCE, 0 }, { "meeting", COL_SOURCE, 0 }, { "report", COL_SOURCE, 0 },
	{ "origin", COL_SOURCE, 0 },
	{ "title", COL_SUBJECT, 0 }, { "topic", COL_SUBJECT, 0 }, { "area", COL_SUBJECT, 0 },
	{ "area of work", COL_SUBJECT, 0 }, { "theme", COL_SUBJECT, 0 },
	{ "category", COL_SUBJECT, 0 },
};

static const struct alias within[] = {
	{ "progress date", COL_DATE, 0 }, { "date added", COL_DATE, 0 },
	{ "date raised", COL_DATE, 0 }, { "date of report", COL_DATE, 0 },
	{ "progress", COL_PROGRESS, 0 }, { "update", COL_PROGRESS, 0 },
	{ "comments", COL_PROGRESS, 0 }, { "comment", COL_PROGRESS, 0 },
	{ "position", COL_PROGRESS, 0 }, { "performance against", COL_PROGRESS, 0 },
	{ "notes", COL_PROGRESS, 0 },
	{ "key action", COL_TEXT, RK_ACTION }, { "key actions", COL_TEXT, RK_ACTION },
	{ "actions for", COL_TEXT, RK_ACTION }, { "action points", COL_TEXT, RK_ACTION },
	{ "milestone", COL_TEXT, RK_MILESTONE }, { "milestones", COL_TEXT, RK_MILESTONE },
	{ "measure", COL_MEASURE, 0 }, { "measuring", COL_MEASURE, 0 },
	{ "indicator", COL_MEASURE, 0 }, { "kpi", COL_MEASURE, 0 },
	{ "recommendation", COL_TEXT, RK_RECOMMENDATION },
	{ "recommendations", COL_TEXT, RK_RECOMMENDATION },
	{ "area for improvement", COL_TEXT, RK_RECOMMENDATION },
	{ "areas for improvement", COL_TEXT, RK_RECOMMENDATION },
	{ "finding", COL_TEXT, RK_RECOMMENDATION }, { "findings", COL_TEXT, RK_RECOMMENDATION },
	{ "issue to consider", COL_TEXT, RK_RECOMMENDATION },
	{ "objective", COL_TEXT, RK_OBJECTIVE }, { "objectives", COL_TEXT, RK_OBJECTIVE },
	{ "priority", COL_PRIORITY, 0 }, { "risk rating", COL_PRIORITY, 0 },
	{ "response", COL_RESPONSE, 0 }, { "management action", COL_RESPONSE, 0 },
	{ "officer", COL_LEAD, 0 }, { "lead", COL_LEAD, 0 }, { "responsible", COL_LEAD, 0 },
	{ "responsibility", COL_LEAD, 0 }, { "owner", COL_LEAD, 0 },
	{ "accountable", COL_LEAD, 0 }, { "party", COL_LEAD, 0 },
	{ "timescale", COL_TIMESCALE, 0 }, { "timescales", COL_TIMESCALE, 0 },
	{ "target date", COL_TIMESCALE, 0 }, { "deadline", COL_TIMESCALE, 0 },
	{ "due date", COL_TIMESCALE, 0 }, { "completion date", COL_TIMESCALE, 0 },
	{ "implementation date", COL_TIMESCALE, 0 }, { "revised date", COL_TIMESCALE, 0 },
	{ "time to completion", COL_TIMESCALE, 0 }, { "target completion", COL_TIMESCALE, 0 },
	{ "evidence", COL_EVIDENCE, 0 },
	{ "subject", COL_SUBJECT, 0 },
};

enum col_role
vocab_column(const char *h, enum rec_kind *kind)
{
	bool any = false;

	if (kind != NULL)
		*kind = RK_NONE;
	for (const char *p = h; *p != '\0'; p++)
		any = any || word_char((unsigned char)*p);
	if (!any)
		return COL_NONE;
	for (size_t i = 0; i < WM_ARRAY_LEN(whole); i++)
		if (words_are(h, whole[i].words)) {
			if (kind != NULL)
				*kind = whole[i].kind;
			return whole[i].role;
		}
	/* a label is short: a sentence in a header row is a cell, not a name */
	if (strlen(h) > 80)
		return COL_OTHER;
	for (size_t i = 0; i < WM_ARRAY_LEN(within); i++)
		if (vocab_has_word(h, within[i].words)) {
			if (kind != NULL)
				*kind = within[i].kind;
			return within[i].role;
		}
	return COL_OTHER;
}

bool
vocab_is_column_name(const char *h)
{
	int first;

	while (*h != '\0' && !word_char((unsigned char)*h))
		h++;
	first = tolower((unsigned char)*h);
	/* most lines of a document are not headers: look only at names that start alike */
	for (size_t i = 0; i < WM_ARRAY_LEN(whole); i++)
		if (whole[i].words[0] == first && words_are(h, whole[i].words))
			return true;
	for (size_t i = 0; i < WM_ARRAY_LEN(within); i++)
		if (within[i].words[0] == first && words_are(h, within[i].words))
			return true;
	return false;
}

/* ---- kinds and the nouns that name them ------------------------------- */

static const char *const kind_names[RK__MAX][2] = {
	[RK_NONE] = { "none", "none" },
	[RK_RECOMMENDATION] = { "recommendation", "recommendations" },
	[RK_ACTION] = { "action", "actions" }, [RK_PRIORITY] = { "priority", "priorities" },
	[RK_GOAL] = { "goal", "goals" }, [RK_AIM] = { "aim", "aims" },
	[RK_OBJECTIVE] = { "objective", "objectives" }, [RK_OUTCOME] = { "outcome", "outcomes" },
	[RK_MILESTONE] = { "milestone", "milestones" },
};

const char *
vocab_kind_name(enum rec_kind k)
{
	return (unsigned)k < RK__MAX ? kind_names[k][0] : "none";
}

const char *
vocab_kind_plural(enum rec_kind k)
{
	return (unsigned)k < RK__MAX ? kind_names[k][1] : "none";
}

enum rec_kind
vocab_kind_by_name(const char *name)
{
	for (int k = RK_RECOMMENDATION; k < RK__MAX; k++)
		if (strcasecmp(name, kind_names[k][0]) == 0 || strcasecmp(name, kind_names[k][1]) == 0)
			return (enum rec_kind)k;
	if (strcasecmp(name, "key_actions") == 0 || strcasecmp(name, "key actions") == 0)
		return RK_ACTION;
	return RK_NONE;
}

/* Nouns that name the family's records, longest first where one holds another. */
static const struct { const char *words; enum rec_kind kind; } nouns[] = {
	{ "areas for improvement", RK_RECOMMENDATION }, { "area for improvement", RK_RECOMMENDATION },
	{ "issues to consider", RK_RECOMMENDATION }, { "issue to consider", RK_RECOMMENDATION },
	{ "recommendations", RK_RECOMMENDATION }, { "recommendation", RK_RECOMMENDATION },
	{ "key actions", RK_ACTION }, { "key action", RK_ACTION }, { "action points", RK_ACTION },
	{ "action point", RK_ACTION }, { "actions", RK_ACTION }, { "action", RK_ACTION },
	{ "projects", RK_ACTION }, { "project", RK_ACTION }, { "commitments", RK_ACTION },
	{ "priorities", RK_PRIORITY }, { "priority", RK_PRIORITY },
	{ "key targets", RK_GOAL }, { "key target", RK_GOAL }, { "goals", RK_GOAL },
	{ "goal", RK_GOAL }, { "aims", RK_AIM }, { "aim", RK_AIM },
	{ "objectives", RK_OBJECTIVE }, { "objective", RK_OBJECTIVE },
	{ "strategic imperatives", RK_OBJECTIVE }, { "imperatives", RK_OBJECTIVE },
	{ "outcomes", RK_OUTCOME }, { "outcome", RK_OUTCOME },
	{ "milestones", RK_MILESTONE }, { "milestone", RK_MILESTONE }, { "steps", RK_MILESTONE },
	{ "step", RK_MILESTONE }, { "stages", RK_MILESTONE }, { "stage", RK_MILESTONE },
	{ "key dates", RK_MILESTONE },
};

enum rec_kind
vocab_family_at(const char *s, size_t *len)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(nouns); i++) {
		size_t n = words_at(s, nouns[i].words);

		if (n > 0) {
			*len = n;
			return nouns[i].kind;
		}
	}
	*len = 0;
	return RK_NONE;
}

/*
 * Words a document numbers its parts with ("Section A", "Theme 2"): a
 * part's heading over items, its number and its own title after.
 */
static const char *const section_words[] = {
	"section", "part", "theme", "chapter", "strand", "pillar", "workstream",
};

size_t
vocab_section_at(const char *s)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(section_words); i++) {
		size_t n = words_at(s, section_words[i]);

		if (n > 0)
			return n;
	}
	return 0;
}

/* ---- what is not content ---------------------------------------------- */

/* Whole lines of page furniture, as sites print them. */
static const char *const furniture[] = {
	"skip to main content", "skip main menu", "skip to content", "skip navigation",
	"access keys", "javascript is required", "you are in", "close window", "page top",
	"back to top", "top of page", "previous page contents next page", "download as pdf or txt",
	"you might also like", "category", "documents", "transcript", "embed size px",
	"citation preview", "feedback form", "feedback", "security check",
	"send an e mail linking to this page", "laserfiche weblink", "related downloads",
	"download and share", "link to search", "print this page", "share this page",
	"site map", "additional documents", "share this", "cookie settings", "accept cookies",
	"search", "menu", "print", "home", "contents", "table of contents",
};

/*
 * Lines that start so are a site's own furniture: "Upload: others", "Post
 * on 25-May-2018" (a '9' in a prefix stands for any digit).
 */
static const char *const furniture_starts[] = {
	"upload:", "post on 9", "you are on page", "last updated", "page last updated",
	"printed from", "copyright ", "\xC2\xA9",
};

static bool
prefix_ci(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++) {
		if (*prefix == '9' ? !isdigit((unsigned char)*s) :
		    tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
			return false;
	}
	return true;
}

static bool
only_digits_then(const char *s, const char *tail)
{
	const char *p = s;

	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p) || *p == ',')
		p++;
	return words_are(p, tail);
}

/* "PDF 97 KB", "[65kb]", "(pdf)", "(PDF 7MB)" at the end of a line: a link to a document. */
static bool
document_link(const char *s)
{
	size_t n = strlen(s);
	const char *e = s + n;

	while (e > s && (e[-1] == ' ' || e[-1] == ']' || e[-1] == ')' || e[-1] == '.'))
		e--;
	if (e - s >= 2 && strncasecmp(e - 2, "kb", 2) == 0)
		e -= 2;
	else if (e - s >= 2 && strncasecmp(e - 2, "mb", 2) == 0)
		e -= 2;
	else if (e - s >= 3 && strncasecmp(e - 3, "pdf", 3) == 0)
		return e - 3 > s && (e[-4] == '(' || e[-4] == '[');
	else
		return false;
	while (e > s && e[-1] == ' ')
		e--;
	if (e == s || !isdigit((unsigned char)e[-1]))
		return false;
	while (e > s && (isdigit((unsigned char)e[-1]) || e[-1] == '.'))
		e--;
	while (e > s && e[-1] == ' ')
		e--;
	return (e - s >= 3 && strncasecmp(e - 3, "pdf", 3) == 0) || (e > s && e[-1] == '[') ||
	    (e - s >= 4 && strncasecmp(e - 4, "docx", 4) == 0) ||
	    (e - s >= 3 && strncasecmp(e - 3, "doc", 3) == 0);
}

static bool
web_address(const char *s)
{
	const char *p = s;

	if (*p == '#')
		p++;
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "source:", 7) == 0)
		p += 7;
	while (*p == ' ')
		p++;
	if (strncasecmp(p, "http://", 7) != 0 && strncasecmp(p, "https://", 8) != 0 &&
	    strncasecmp(p, "www.", 4) != 0)
		return false;
	return strchr(p, ' ') == NULL;
}

bool
vocab_furniture(const char *line, const char **why)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(furniture); i++)
		if (words_are(line, furniture[i])) {
			*why = "page furniture of the site it was saved from";
			return true;
		}
	for (size_t i = 0; i < WM_ARRAY_LEN(furniture_starts); i++)
		if (prefix_ci(line, furniture_starts[i])) {
			*why = "page furniture of the site it was saved from";
			return true;
		}
	if (only_digits_then(line, "views") || only_digits_then(line, "view") ||
	    only_digits_then(line, "download") || only_digits_then(line, "downloads") ||
	    only_digits_then(line, "character s left")) {
		*why = "page furniture of the site it was saved from";
		return true;
	}
	if (web_address(line)) {
		*why = "a web address";
		return true;
	}
	if (document_link(line)) {
		*why = "a link to a document";
		return true;
	}
	return false;
}

static const char *const image_words[] = { "thumbnail", "icon", "logo" };

bool
vocab_image_text(const char *line)
{
	if (strncasecmp(line, "photo of ", 9) == 0 || strncasecmp(line, "image:", 6) == 0)
		return true;
	for (size_t i = 0; i < WM_ARRAY_LEN(image_words); i++)
		if (vocab_has_word(line, image_words[i]) && strlen(line) < 60)
			return true;
	return false;
}

/* The text of links a page printed in brackets: not the cell's content. */
static const char *const links[] = { "(measure definition)", "(definition)", "(more)",
	"(read more)", "(details)", "(more information)", "(link)", "(opens in a new window)" };

const char *
vocab_link_end(const char *s)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(links); i++) {
		const char *p = strstr(s, links[i]);

		if (p != NULL && p > s)
			return p + strlen(links[i]);
	}
	return NULL;
}

const char *
vocab_strip_link(struct arena *a, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < WM_ARRAY_LEN(links); i++) {
		size_t k = strlen(links[i]);

		if (n > k && strcmp(s + n - k, links[i]) == 0) {
			while (n > k && s[n - k - 1] == ' ')
				n--;
			return arena_strndup(a, s, n - k);
		}
	}
	return s;
}

/* Statuses as printed, longest first where one begins another. */
static const char *const statuses[] = {
	"not implemented", "partially implemented", "implemented", "not commenced",
	"not started", "not achieved", "not met", "in progress", "in process", "on track",
	"off track", "on target", "behind schedule", "completed", "complete", "commenced",
	"achieved", "ongoing", "on going", "overdue", "delayed", "slipped", "pending", "cancelled",
	"withdrawn", "superseded", "closed", "open", "done", "red", "amber", "green",
};

size_t
vocab_status_at(const char *s)
{
	size_t n;

	for (size_t i = 0; i < WM_ARRAY_LEN(statuses); i++)
		if ((n = words_at(s, statuses[i])) > 0)
			return n;
	/* a RAG letter alone: "R", "A", "G" */
	if ((*s == 'R' || *s == 'A' || *s == 'G') && (s[1] == '\0' || s[1] == ' '))
		return 1;
	return 0;
}

/*
 * A state said in words inside an update ("the portal had moved from green
 * to amber", "No progress to date", "this was an ongoing process"). Each
 * phrase starts at its main verb; words in [brackets] must come just
 * before it and are not part of it (a|b: either); {colour} is a RAG
 * colour, {time} the rest of the clause. Only phrases that report a state
 * whatever the sentence: "postponed" alone could describe something else.
 */
static const char *const status_phrases[] = {
	"moved from {colour} to {colour}", "moved to {colour}", "moved into {colour}",
	"changed from {colour} to {colour}", "gone from {colour} to {colour}",
	"marked as complete", "marked as completed", "marked as closed",
	"[been] postponed", "[been] deferred", "[been|is|was] put on hold",
	"expected to be completed {time}", "expected to complete {time}",
	"no progress to date", "[an] ongoing process",
	"making good progress", "making very good progress", "making satisfactory progress",
	"making limited progress", "making insufficient progress", "making strong progress",
};

static const char *const colours[] = { "red", "amber", "green", "blue", "grey", "gray", "black" };

/* Words that may stand between a subject and a phrase's verb: "had", "has been". */
static const char *const auxiliaries[] = { "had", "has", "have", "been", "was", "were", "is",
	"are", "being", "now", "also" };

/* One word of s at p (letters only), and its length. */
static size_t
word_len(const char *p)
{
	size_t n = 0;

	while (isalpha((unsigned char)p[n]) || p[n] == '\'')
		n++;
	return n;
}

static bool
word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
			return true;
	return false;
}

/* Does "[a|b]" hold the word w? */
static bool
context_has(const char *ctx, size_t ctxlen, const char *w, size_t n)
{
	for (size_t i = 0; i < ctxlen;) {
		size_t e = i;

		while (e < ctxlen && ctx[e] != '|')
			e++;
		if (e - i == n && strncasecmp(ctx + i, w, n) == 0)
			return true;
		i = e + 1;
	}
	return false;
}

/* The phrase's words (after its context) at p: the length they took, or 0. */
static size_t
phrase_at(const char *p, const char *ph)
{
	const char *s = p;

	while (*ph != '\0') {
		size_t pw = strcspn(ph, " "), n;

		while (*s == ' ')
			s++;
		n = word_len(s);
		if (pw == 8 && strncmp(ph, "{colour}", 8) == 0) {
			if (!word_in(s, n, colours, WM_ARRAY_LEN(colours)))
				return 0;
			s += n;
		} else if (pw == 6 && strncmp(ph, "{time}", 6) == 0) {
			/* the rest of the clause: to a full stop, a semicolon or the end */
			const char *e = s;

			while (*e != '\0' && *e != ';' && !(*e == '.' && (e[1] == ' ' || e[1] == '\0')))
				e++;
			if (e == s)
				return 0;
			s = e;
		} else {
			if (n != pw || strncasecmp(s, ph, n) != 0)
				return 0;
			s += n;
		}
		ph += pw;
		while (*ph == ' ')
			ph++;
	}
	if (isalpha((unsigned char)*s))
		return 0;
	while (s > p && s[-1] == ' ')
		s--;
	return (size_t)(s - p);
}

/*
 * "should", "will", "must" earlier in the sentence: what is to be, not a
 * state ("reviewing it should be an ongoing process").
 */
static bool
modal_before(const char *text, const char *at)
{
	static const char *const modals[] = { "should", "will", "must", "shall", "would", "could",
		"may", "might" };
	const char *s = at;

	while (s > text && !(s[-1] == ' ' && s - 1 > text && (s[-2] == '.' || s[-2] == ';')))
		s--;
	for (const char *p = s; p < at; p++)
		if ((p == s || !isalpha((unsigned char)p[-1])) && isalpha((unsigned char)*p)) {
			size_t n = word_len(p);

			if (p + n <= at && word_in(p, n, modals, WM_ARRAY_LEN(modals)))
				return true;
		}
	return false;
}

const char *
vocab_status_phrase(struct arena *a, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (p > text && isalpha((unsigned char)p[-1]))
			continue;
		if (!isalpha((unsigned char)*p))
			continue;
		for (size_t i = 0; i < WM_ARRAY_LEN(status_phrases); i++) {
			const char *ph = status_phrases[i], *ctx = NULL, *start = p, *q;
			size_t ctxlen = 0, n;

			if (*ph == '[') {
				ctx = ph + 1;
				ctxlen = strcspn(ctx, "]");
				ph = ctx + ctxlen + 1;
				while (*ph == ' ')
					ph++;
			}
			if ((n = phrase_at(p, ph)) == 0)
				continue;
			/* the context word before it */
			q = p;
			while (q > text && q[-1] == ' ')
				q--;
			if (ctx != NULL) {
				const char *w = q;

				while (w > text && isalpha((unsigned char)w[-1]))
					w--;
				if (w == q || !context_has(ctx, ctxlen, w, (size_t)(q - w)))
					continue;
				q = w;
			}
			/*
			 * A sentence with no subject ("Had been postponed due to ..."):
			 * the state is its start. Else it starts at the verb.
			 */
			for (;;) {
				const char *w = q;

				while (w > text && w[-1] == ' ')
					w--;
				if (w == text || w[-1] == '.' || w[-1] == ';') {
					start = w == text ? text : q;
					break;
				}
				{
					const char *b = w;

					while (b > text && isalpha((unsigned char)b[-1]))
						b--;
					if (b == w || !word_in(b, (size_t)(w - b), auxiliaries,
					    WM_ARRAY_LEN(auxiliaries)))
						break;
					q = b;
				}
			}
			while (*start == ' ')
				start++;
			if (modal_before(text, q))
				continue;
			return arena_strndup(a, start, (size_t)(p + n - start));
		}
	}
	return NULL;
}

static const char *const nothing[] = {
	"no specific issues", "no issues arising", "nothing to report", "none", "n/a",
	"not applicable", "no outstanding",
};

bool
vocab_says_nothing(const char *text)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(nothing); i++)
		if (words_at(text, nothing[i]) > 0 && (words_are(text, nothing[i]) ||
		    strlen(nothing[i]) > 8))
			return true;
	return false;
}

/* Who a committee paper asks to decide, and what they are asked to do. */
static const char *const deciders[] = {
	"members", "the members", "the committee", "committee", "cabinet", "the cabinet",
	"council", "the council", "the board", "board", "the panel", "the authority",
	"the executive", "the sub committee", "the working group",
};
static const char *const decisions[] = {
	"note", "notes", "agree", "agrees", "approve", "approves", "endorse", "endorses",
	"receive", "receives", "consider", "considers", "comment", "adopt", "adopts",
	"delegate", "resolve", "confirm",
};
static const char *const decided[] = {
	"be noted", "be agreed", "be approved", "be endorsed", "be received", "be adopted",
	"be considered",
};

bool
vocab_decision_sought(const char *text)
{
	const char *p = text;
	size_t n, len = strlen(text);

	while (*p == ' ')
		p++;
	if ((n = words_at(p, "that")) > 0)
		p += n;
	while (*p == ' ')
		p++;
	if ((n = words_at(p, "to")) > 0) {
		p += n;
		while (*p == ' ')
			p++;
		for (size_t i = 0; i < WM_ARRAY_LEN(decisions); i++)
			if (words_at(p, decisions[i]) > 0)
				return true;
	}
	for (size_t i = 0; i < WM_ARRAY_LEN(deciders); i++)
		if ((n = words_at(p, deciders[i])) > 0) {
			const char *q = p + n;

			while (*q == ' ')
				q++;
			for (size_t k = 0; k < WM_ARRAY_LEN(decisions); k++)
				if (words_at(q, decisions[k]) > 0)
					return true;
		}
	/* "the proposed priorities for 2004/05 be agreed; and" */
	{
		const char *e = text + len;

		while (e > text && !word_char((unsigned char)e[-1]))
			e--;
		if (e - text >= 4 && strncasecmp(e - 4, " and", 4) == 0)
			e -= 4;
		while (e > text && !word_char((unsigned char)e[-1]))
			e--;
		for (size_t i = 0; i < WM_ARRAY_LEN(decided); i++) {
			size_t k = strlen(decided[i]);

			if ((size_t)(e - text) >= k && strncasecmp(e - k, decided[i], k) == 0)
				return true;
		}
	}
	return false;
}

/* ---- what titles say about plans and reports --------------------------- */

static const struct { const char *words; const char *kind; } plan_kinds[] = {
	{ "corporate strategy", "corporate_strategy" }, { "strategy", "strategy" },
	{ "policing plan", "annual_plan" }, { "performance plan", "annual_plan" },
	{ "annual plan", "annual_plan" }, { "business plan", "business_plan" },
	{ "ocu plan", "ocu_plan" }, { "borough plan", "ocu_plan" },
	{ "action plan", "action_plan" }, { "framework", "framework" },
};

static const struct { const char *words; const char *kind; } source_kinds[] = {
	{ "district audit", "district_audit" }, { "audit commission", "audit_commission" },
	{ "best value audit", "audit_commission" }, { "hmic", "hmic" },
	{ "inspectorate", "hmic" }, { "internal audit", "internal_audit" },
	{ "best value review", "best_value_review" }, { "inspection", "inspection" },
	{ "review", "internal_review" },
};

/* Does name contain words, case folded (as a substring: "strategy" in "strategy plan")? */
static bool
has_ci(const char *name, const char *words)
{
	size_t n = strlen(words);

	for (const char *p = name; *p != '\0'; p++)
		if (strncasecmp(p, words, n) == 0)
			return true;
	return false;
}

const char *
vocab_plan_kind(const char *name, const char *hint)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(plan_kinds); i++)
		if (has_ci(name, plan_kinds[i].words))
			return plan_kinds[i].kind;
	return hint;
}

const char *
vocab_source_kind(const char *title)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(source_kinds); i++)
		if (has_ci(title, source_kinds[i].words))
			return source_kinds[i].kind;
	return "other";
}
