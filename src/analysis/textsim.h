/*
 * textsim.h: how alike short texts are, by TF-IDF cosine similarity.
 *
 * Texts (project titles and descriptions, say) are added to a corpus; a
 * word's weight in a text is how often it occurs there times the log of
 * how rare it is in the corpus (ln(N / texts containing it)). A word every
 * text uses ("the", "and", "for") weighs nothing and one only two texts
 * share weighs most, so the stop words are learnt from the corpus itself:
 * there is no fixed list. Words are compared after folding case and
 * plural endings ("burglaries" = "burglary").
 *
 * The similarity of two texts is the cosine of their weight vectors, 0 (no
 * rare word in common) to 1 (the same words in the same proportions); the
 * words that made it are available, heaviest first, to say why two texts
 * were paired.
 */
#ifndef WM_TEXTSIM_H
#define WM_TEXTSIM_H

#include "base/wm.h"

struct textsim;

struct textsim *textsim_new(void);
void textsim_free(struct textsim *ts);	/* accepts NULL */

/* Add a text (copied; NULL counts as empty); returns its index, from 0. */
size_t textsim_add(struct textsim *ts, const char *text);

/* Similarity of texts a and b, 0 to 1; 0 when either has no weighted word. */
double textsim_cosine(struct textsim *ts, size_t a, size_t b);

/*
 * The words texts a and b share that carry weight, heaviest (largest
 * product of the two weights) first: up to max of them into terms (valid
 * until textsim_free); returns how many were written.
 */
size_t textsim_shared(struct textsim *ts, size_t a, size_t b, const char **terms, size_t max);

/* The folded form of one word, as the corpus keeps it: "Burglaries" -> "burglary". */
void textsim_fold(const char *word, size_t len, char *out, size_t size);

#endif
