/*
 * govern.c: reporting lines and what is outside them (see govern.h).
 */
#include "base/wm.h"

#include "analysis/govern.h"
#include "base/mem.h"

size_t
gov_chain(const struct gov_committee *c, size_t n, size_t from, long *path, size_t max)
{
	size_t len = 0;
	long at = (long)from;

	while (at >= 0 && (size_t)at < n && len < max) {
		bool seen = false;

		for (size_t i = 0; i < len && !seen; i++)
			seen = path[i] == at;
		path[len++] = at;
		if (seen)
			break;
		at = c[at].reports_to;
	}
	return len;
}

/* Does the line up from `from` reach `to`? *loop says whether it went round. */
static bool
reaches(const struct gov_committee *c, size_t n, size_t from, long to, bool *loop)
{
	long at = (long)from;

	*loop = false;
	/* a line longer than n steps has repeated itself */
	for (size_t steps = 0; at >= 0 && (size_t)at < n; steps++) {
		if (at == to)
			return true;
		if (steps > n) {
			*loop = true;
			return false;
		}
		at = c[at].reports_to;
	}
	return false;
}

void
gov_lines(const struct gov_committee *c, size_t n, long board, enum gov_line *out)
{
	for (size_t i = 0; i < n; i++) {
		bool loop, loop_b;

		if (board < 0 || (size_t)board >= n)
			out[i] = GOV_NO_BOARD;
		else if ((long)i == board)
			out[i] = GOV_BOARD;
		else if (reaches(c, n, i, board, &loop))
			out[i] = GOV_UNDER;
		else if (loop)
			out[i] = GOV_LOOP;
		else if (reaches(c, n, (size_t)board, (long)i, &loop_b))
			out[i] = GOV_ABOVE;
		else
			out[i] = GOV_OUTSIDE;
	}
}

bool
gov_line_ok(enum gov_line l)
{
	return l == GOV_BOARD || l == GOV_UNDER || l == GOV_ABOVE || l == GOV_NO_BOARD;
}

unsigned
gov_item_gaps(const struct gov_item *it, const enum gov_line *lines)
{
	unsigned gaps = 0;

	if (it->committee < 0)
		gaps |= GOV_NO_COMMITTEE;
	else if (!gov_line_ok(lines[it->committee]))
		gaps |= GOV_OUT_OF_LINE;
	if (it->nleads == 0)
		gaps |= GOV_NO_LEAD;
	return gaps;
}
