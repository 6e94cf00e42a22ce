/*
 * pounds.h: sums of money as a committee paper writes them.
 */
#ifndef WM_POUNDS_H
#define WM_POUNDS_H

#include "base/wm.h"

#define POUNDS_LEN 40

/* "£1,234,567"; "£1,234.50" when there are pence; "-£500" below zero. */
void pounds_format(double v, char *out, size_t size);

/* "£1.2m", "£450k", "£800": short, for chart labels. */
void pounds_short(double v, char *out, size_t size);

#endif
