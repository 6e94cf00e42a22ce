/*
 * replay.c: a main() for a fuzz target outside libFuzzer.
 *
 *   fuzz_NAME FILE|DIR...
 *
 * Feeds LLVMFuzzerTestOneInput each file named, and each file in each
 * directory named, once, the way libFuzzer runs a corpus. A target that
 * finds something wrong aborts, and the sanitizers of the build report
 * any memory error, so a clean exit means every input passed. This lets
 * the corpus and the crash regressions run in any build, gcc's included.
 */
#include "base/wm.h"

#include <dirent.h>
#include <sys/stat.h>

#include "base/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	uint8_t *data = NULL, *exact;
	size_t len = 0, cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	do {
		WM_GROW(data, len + 65536, cap);
		n = fread(data + len, 1, 65536, f);
		len += n;
	} while (n > 0);
	fclose(f);
	/* An exact-size copy, so the sanitizers see a read one past the input. */
	exact = wm_malloc(len ? len : 1);
	memcpy(exact, data, len);
	free(data);
	LLVMFuzzerTestOneInput(exact, len);
	free(exact);
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of a directory, in name order so that runs repeat. */
static int
replay_dir(const char *path, size_t *count)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *d = opendir(path);
	int bad = 0;

	if (d == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		WM_GROW(names, n + 1, cap);
		names[n++] = wm_strdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), compare_names);
	for (size_t i = 0; i < n; i++) {
		char file[4096];
		struct stat sb;

		snprintf(file, sizeof(file), "%s/%s", path, names[i]);
		if (stat(file, &sb) == 0 && S_ISREG(sb.st_mode)) {
			bad |= replay_file(file);
			(*count)++;
		}
		free(names[i]);
	}
	free(names);
	return bad;
}

int
main(int argc, char **argv)
{
	size_t count = 0;
	int bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat sb;

		if (stat(argv[i], &sb) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			bad = 1;
		} else if (S_ISDIR(sb.st_mode)) {
			bad |= replay_dir(argv[i], &count);
		} else {
			bad |= replay_file(argv[i]);
			count++;
		}
	}
	printf("%s: %zu inputs replayed\n", argv[0], count);
	return bad;
}
