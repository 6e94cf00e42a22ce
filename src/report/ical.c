/*
 * ical.c: writing iCalendar through libical (see ical.h).
 *
 * Every step is a whole-day event (VALUE=DATE) from its first day to the
 * day after its last, which is how calendar programs show a span of days;
 * an uncertain or fuzzy step is TENTATIVE. Steps that cannot be placed
 * have no dates and so become to-dos, so that none is dropped.
 */
#include "base/wm.h"

#include <libical/ical.h>

#include "base/date.h"
#include "report/ical.h"

static struct icaltimetype
ical_date(int day)
{
	struct icaltimetype t = icaltime_null_date();
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	t.is_date = 1;
	return t;
}

static icalcomponent *
step_component(const struct ical_step *s, struct icaltimetype stamp)
{
	bool dated = s->first != DATE_NONE && s->last != DATE_NONE;
	icalcomponent *c = dated ? icalcomponent_new_vevent() : icalcomponent_new_vtodo();

	icalcomponent_add_property(c, icalproperty_new_uid(s->uid));
	icalcomponent_add_property(c, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(c, icalproperty_new_summary(s->summary));
	if (s->description != NULL)
		icalcomponent_add_property(c, icalproperty_new_description(s->description));
	if (s->category != NULL)
		icalcomponent_add_property(c, icalproperty_new_categories(s->category));
	if (dated) {
		icalcomponent_add_property(c, icalproperty_new_dtstart(ical_date(s->first)));
		icalcomponent_add_property(c, icalproperty_new_dtend(ical_date(s->last + 1)));
		icalcomponent_add_property(c, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
		icalcomponent_add_property(c, icalproperty_new_status(
		    s->status == ICAL_CANCELLED_STEP ? ICAL_STATUS_CANCELLED :
		    s->status == ICAL_TENTATIVE_STEP ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED));
	} else {
		icalcomponent_add_property(c, icalproperty_new_status(
		    s->status == ICAL_CANCELLED_STEP ? ICAL_STATUS_CANCELLED :
		    s->done ? ICAL_STATUS_COMPLETED : ICAL_STATUS_NEEDSACTION));
	}
	return c;
}

int
ical_write(const char *name, const struct ical_step *steps, size_t n, time_t stamp,
    char **out, struct wm_err *err)
{
	icalcomponent *cal;
	struct icaltimetype now = icaltime_from_timet_with_zone(stamp, 0,
	    icaltimezone_get_utc_timezone());
	char *text;

	*out = NULL;
	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//Waymark//Timetables//EN"),
	    icalproperty_new_calscale("GREGORIAN"),
	    (void *)0);
	if (cal == NULL)
		return wm_error(err, WM_EINTERNAL, "libical could not make a calendar");
	if (name != NULL) {
		icalproperty *p = icalproperty_new_x(name);

		icalproperty_set_x_name(p, "X-WR-CALNAME");
		icalcomponent_add_property(cal, p);
	}
	for (size_t i = 0; i < n; i++)
		icalcomponent_add_component(cal, step_component(&steps[i], now));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (text == NULL)
		return wm_error(err, WM_EINTERNAL, "libical could not write the calendar");
	*out = text;
	return 0;
}
