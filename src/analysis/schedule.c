/*
 * schedule.c: overdue, fuzzy and out-of-order milestones (see schedule.h).
 */
#include "base/wm.h"

#include "analysis/schedule.h"
#include "base/date.h"

void
ms_assess(const struct ms_item *items, size_t n, int as_of, struct ms_state *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct ms_item *m = &items[i];
		struct ms_state *s = &out[i];

		memset(s, 0, sizeof(*s));
		s->undated = m->earliest == DATE_NONE || m->latest == DATE_NONE;
		s->fuzzy = !s->undated && (m->latest > m->earliest || m->uncertain);
		if (!s->undated && !m->done && !m->cancelled && !m->ongoing && as_of != DATE_NONE &&
		    m->latest < as_of) {
			s->overdue = true;
			s->days_overdue = as_of - m->latest;
		}
		for (size_t k = 0; k < m->ndeps; k++) {
			const struct ms_item *d;

			if (m->deps[k] >= n || m->deps[k] == i)
				continue;
			d = &items[m->deps[k]];
			if (d->cancelled)
				continue;
			if (!s->early && !s->undated && d->earliest != DATE_NONE &&
			    m->latest < d->earliest) {
				s->early = true;
				s->dep = m->deps[k];
			}
			if (!s->done_first && !s->early && m->done && !d->done) {
				s->done_first = true;
				s->dep = m->deps[k];
			}
		}
	}
}

bool
ms_span(const struct ms_item *items, size_t n, int *first, int *last)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (items[i].earliest == DATE_NONE || items[i].latest == DATE_NONE)
			continue;
		if (!any || items[i].earliest < *first)
			*first = items[i].earliest;
		if (!any || items[i].latest > *last)
			*last = items[i].latest;
		any = true;
	}
	return any;
}
