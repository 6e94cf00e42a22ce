/*
 * embed.c: looking up files built into the binary.
 */
#include "base/wm.h"

#include "base/embed.h"

const struct embedded_file *
embed_find(const struct embedded_file *table, const char *name)
{
	for (; table->name != NULL; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}
