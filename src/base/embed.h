/*
 * embed.h: files built into the binary by tools/embed.c.
 */
#ifndef WM_EMBED_H
#define WM_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char *name;		/* NULL ends the table */
	const unsigned char *data;	/* NUL-terminated after len bytes */
	unsigned long len;
};

/* The entry called name in table, or NULL. */
const struct embedded_file *embed_find(const struct embedded_file *table, const char *name);

#endif
