/*
 * numfmt.h: numbers as people read them, and as programs read them.
 *
 * One formatter for every writer. Integers and sums of money come out in
 * full, never as 1.23457e+06; where a person reads the number (plain
 * text, Markdown, HTML, a terminal table) the thousands are grouped,
 * "1,234,567", and where a program reads it (CSV, JSON) they are not,
 * "1234567".
 */
#ifndef WM_NUMFMT_H
#define WM_NUMFMT_H

#include "base/wm.h"

#define NUM_LEN 48

/*
 * decimals for num_format: the fewest that show the value to six
 * significant figures, never fewer than two for one that has them, and
 * every digit left of the point: 27.1235, 1,764,000.5, 26,195,000.
 */
#define NUM_SHORTEST (-1)

/*
 * v with `decimals` places (0-9, or NUM_SHORTEST), grouped in thousands
 * when group is true, into out (NUM_LEN bytes is always enough). A value
 * too large to hold every digit (1e15 and over) or not finite is written
 * as %.15g would; a rounded zero is "0", never "-0".
 */
void num_format(double v, int decimals, bool group, char *out, size_t len);

#endif
