/*
 * vocab.h: the words the document reader and mapper know, kept as data.
 *
 * Every word list the importer matches against lives in vocab.c as a
 * table, and docs/import.md prints them: the names a column goes by
 * ("Who by?", "Officer responsible", "Owner" are all the lead), the nouns
 * that name the family's records ("recommendations", "key actions"), the
 * words of page furniture ("Skip to main content", "0 views"), statuses,
 * and the words that say which kind of plan or report a title names
 * ("policing plan", "HMIC"). Code asks questions of these tables; it
 * holds no such word itself.
 */
#ifndef WM_VOCAB_H
#define WM_VOCAB_H

#include "base/wm.h"

struct arena;

/* What a table column holds, from its header. */
enum col_role {
	COL_NONE,	/* no header */
	COL_OTHER,	/* a header Waymark has no field for: kept as an extra */
	COL_REF,	/* Ref, No, Para, Item, Rec no */
	COL_TEXT,	/* Recommendation, Finding, Issue, Action, Objective... */
	COL_SUBJECT,	/* Subject, Title, Area */
	COL_PRIORITY,	/* Priority, Risk rating, Grade */
	COL_RESPONSE,	/* Response, Agreed, Management response, Accepted */
	COL_LEAD,	/* Lead, Officer responsible, Owner, Who by? */
	COL_TIMESCALE,	/* Timescale, When?, Target date, Due, Deadline */
	COL_STATUS,	/* Status, RAG, % complete, Open/Closed */
	COL_PROGRESS,	/* Progress, Update, Comments: free text */
	COL_MEASURE,	/* Performance measure, Measuring success, Indicator */
	COL_EVIDENCE,	/* Evidence */
	COL_SOURCE,	/* Source, Meeting, Report */
	COL_DATE,	/* Date added, Progress date: a date that is not when it is due */
	COL__MAX
};

const char *vocab_role_name(enum col_role r);	/* "ref", "text", "lead"... */
/* The role a name given by the user (--map "Who by?=lead") stands for, or COL_NONE. */
enum col_role vocab_role_by_name(const char *name);

/* The kinds of record the mapper makes. */
enum rec_kind {
	RK_NONE,
	RK_RECOMMENDATION,
	RK_ACTION,
	RK_PRIORITY,
	RK_GOAL,
	RK_AIM,
	RK_OBJECTIVE,
	RK_OUTCOME,
	RK_MILESTONE,
	RK__MAX
};

/*
 * The role of a column headed h (any case, any spacing, trailing
 * punctuation ignored). COL_OTHER when the header names nothing Waymark
 * knows; COL_NONE for an empty header. *kind, if not NULL, gets the kind
 * of record the header names ("Key actions", "Milestone"), or RK_NONE.
 */
enum col_role vocab_column(const char *h, enum rec_kind *kind);
/* Is h itself one of the names a column goes by (not only containing one)? */
bool vocab_is_column_name(const char *h);

const char *vocab_kind_name(enum rec_kind k);	/* "recommendation", "action"... */
const char *vocab_kind_plural(enum rec_kind k);	/* "recommendations", "actions"... */
/* The kind a name stands for ("actions", "milestone"...), for --as; RK_NONE if none. */
enum rec_kind vocab_kind_by_name(const char *name);

/*
 * The family noun at s, if the words there name the records of a kind
 * ("recommendations", "key actions", "Key Target", "strategic goals",
 * "areas for improvement"); *len is how many bytes it took. RK_NONE if
 * the words there name none.
 */
enum rec_kind vocab_family_at(const char *s, size_t *len);

/* "Section", "Part", "Theme"... at s (a word a document numbers its parts with): its length, or 0. */
size_t vocab_section_at(const char *s);

/*
 * Is the whole line page furniture rather than content: site chrome ("Skip
 * to main content", "JavaScript is required"), a document site's own lines
 * ("Upload: others", "0 views"), a web address? *why says which.
 */
bool vocab_furniture(const char *line, const char **why);

/* Words of image text ("thumbnail", "icon", "logo"): a line of them is not content. */
bool vocab_image_text(const char *line);

/* s without the text of a link it ends with ("(measure definition)", "(read more)"). */
const char *vocab_strip_link(struct arena *a, const char *s);
/* Where the text of a link in brackets ends in s, the link ending a cell; NULL if none. */
const char *vocab_link_end(const char *s);

/* A status as printed ("Completed", "On track", "R", "Open"), at the start of s: its length, or 0. */
size_t vocab_status_at(const char *s);

/*
 * A state said inside an update's words ("had moved from green to amber",
 * "No progress to date"), as printed, or NULL.
 */
const char *vocab_status_phrase(struct arena *a, const char *text);

/*
 * An item that says there is nothing ("No specific issues", "None",
 * "N/A"): not a record.
 */
bool vocab_says_nothing(const char *text);

/*
 * The wording of a decision sought from a committee ("That Members note
 * the report", "the priorities be agreed"): a committee report's
 * recommendation to itself, not one to act on.
 */
bool vocab_decision_sought(const char *text);

/* Plan kind for a plan named name ("policing plan" -> annual_plan), else hint. */
const char *vocab_plan_kind(const char *name, const char *hint);
/* Source kind for a report named title ("HMIC" -> hmic), else "other". */
const char *vocab_source_kind(const char *title);

/* Does s contain word w, case folded, at word boundaries? */
bool vocab_has_word(const char *s, const char *w);

#endif
