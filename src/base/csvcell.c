/*
 * csvcell.c: CSV cells no spreadsheet runs (see csvcell.h).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/buf.h"
#include "base/csvcell.h"

/* [+-]digits[.digits][e[+-]digits]: what a figure's cell holds. */
static bool
plain_number(const char *s)
{
	bool digits = false;

	if (*s == '+' || *s == '-')
		s++;
	for (; isdigit((unsigned char)*s); s++)
		digits = true;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++)
			digits = true;
	if (digits && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return digits && *s == '\0';
}

bool
csv_cell_is_formula(const char *s)
{
	if (s == NULL || strchr("=+-@\t\r", s[0]) == NULL || s[0] == '\0')
		return false;
	return !plain_number(s);
}

void
csv_cell_add(struct buf *out, const char *s)
{
	/* always quoted, as every reader takes it (and as the writers always have) */
	buf_addc(out, '"');
	if (csv_cell_is_formula(s))
		buf_addc(out, '\'');
	for (const char *p = s != NULL ? s : ""; *p != '\0'; p++) {
		if (*p == '"')
			buf_addc(out, '"');
		buf_addc(out, *p);
	}
	buf_addc(out, '"');
}
