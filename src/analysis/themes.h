/*
 * themes.h: tagging consultation issues with themes (seed 000, R6).
 *
 * A theme is given to an issue by hand, or by a rule: a pattern of words
 * that, found in the text, means the theme. Rules are kept as
 * data the user edits, and applied whenever themes are counted, so that
 * changing a rule re-tags every issue.
 *
 * A pattern matches a text that has its words in the same order, one after
 * another, ignoring case, punctuation and plural endings; each word must be
 * a whole word of the text except the last, which need only begin one:
 * "patrol" matches "patrols", "burglary" matches "burglaries", "break-in"
 * matches "break in" and "break-ins", "on the beat" matches "On the beat."
 * but not "one the beat".
 *
 * Pure: text in, answers out.
 */
#ifndef WM_THEMES_H
#define WM_THEMES_H

#include "base/wm.h"

bool theme_matches(const char *pattern, const char *text);

struct theme_rule_in {
	size_t theme;		/* index below nthemes */
	const char *pattern;
};

#define THEME_HAND 0x1		/* given by hand */
#define THEME_RULE 0x2		/* given by a rule */

/*
 * Tag one issue. how[t] receives THEME_HAND and/or THEME_RULE for each of
 * nthemes themes (0: not tagged); rule[t] the first rule that gave theme t,
 * or -1. hand lists the themes given by hand.
 */
void theme_tag(const char *text, const struct theme_rule_in *rules, size_t nrules,
    const size_t *hand, size_t nhand, size_t nthemes, unsigned *how, long *rule);

#endif
