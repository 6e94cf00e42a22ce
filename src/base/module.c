/*
 * module.c: finding and loading the waymark command's modules (module.h).
 *
 * A module is looked for beside the program first, where a build tree
 * puts it, then in WM_MODULE_DIR, where it is installed. One that is
 * there but will not load (a library it needs is missing) is said to be
 * so, with the loader's words. Modules are never unloaded: what they give
 * is used until the process ends, and dlopen() of one already loaded only
 * counts it again, so no table of them is kept.
 */
#include "base/wm.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include "base/module.h"

#ifndef WM_MODULE_DIR
#define WM_MODULE_DIR "/usr/local/lib/waymark"
#endif

/* The directory the program is in, or "" if it cannot be told. */
static void
program_dir(char *out, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", out, size - 1);
	char *slash;

	if (n <= 0) {
		out[0] = '\0';
		return;
	}
	out[n] = '\0';
	slash = strrchr(out, '/');
	if (slash == NULL)
		out[0] = '\0';
	else
		*slash = '\0';
}

int
module_sym(const char *name, const char *sym, const char *what, void **out,
    struct wm_err *err)
{
	char dir[PATH_MAX], path[PATH_MAX + 64];
	const char *why;
	void *h, *p;

	*out = NULL;
	program_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/%s.so", dir, name);
	if (dir[0] == '\0' || access(path, F_OK) != 0)
		snprintf(path, sizeof(path), "%s/%s.so", WM_MODULE_DIR, name);
	if (access(path, F_OK) != 0)
		return wm_error(err, WM_EINTERNAL, "%s needs the module %s.so, which is neither beside "
		    "the program nor in %s: install waymark again", what, name, WM_MODULE_DIR);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		why = dlerror();
		return wm_error(err, WM_EINTERNAL, "%s needs %s, which would not load (%s): install "
		    "the libraries it needs (scripts/install-deps)", what, path,
		    why != NULL ? why : "no reason given");
	}
	dlerror();
	p = dlsym(h, sym);
	if (p == NULL)
		return wm_error(err, WM_EINTERNAL, "%s: %s has no %s: it is from another version of "
		    "waymark", what, path, sym);
	*out = p;
	return 0;
}
