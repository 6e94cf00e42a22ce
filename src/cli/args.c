/*
 * args.c: the argument parser of args.h.
 */
#include "base/wm.h"

#include "base/str.h"
#include "cli/args.h"

static long
find_def(const struct optdef *defs, const char *name, size_t len)
{
	for (long i = 0; defs[i].name != NULL; i++)
		if (strlen(defs[i].name) == len && strncmp(defs[i].name, name, len) == 0)
			return i;
	return -1;
}

static int
unknown(const struct optdef *defs, const char *opt, struct wm_err *err)
{
	const char *names[ARGS_MAX_OPTS];
	size_t n = 0;
	const char *pick;

	for (size_t i = 0; defs[i].name != NULL && n < ARGS_MAX_OPTS; i++)
		names[n++] = defs[i].name;
	pick = str_suggest(opt, names, n);
	if (pick != NULL)
		return wm_error(err, WM_EUSAGE, "unknown option --%s (did you mean --%s?)", opt, pick);
	return wm_error(err, WM_EUSAGE, "unknown option --%s", opt);
}

/* Field options use the field's snake_case name; --due-original means due_original. */
static void
add_field(json_t *fields, const char *name, size_t len, const char *value)
{
	char key[128];
	json_t *old;

	if (len >= sizeof(key))
		len = sizeof(key) - 1;
	for (size_t i = 0; i < len; i++)
		key[i] = name[i] == '-' ? '_' : name[i];
	key[len] = '\0';
	old = json_object_get(fields, key);
	if (old == NULL) {
		json_object_set_new(fields, key, json_string(value));
	} else if (json_is_array(old)) {
		json_array_append_new(old, json_string(value));
	} else {
		json_t *arr = json_array();

		json_array_append(arr, old);
		json_array_append_new(arr, json_string(value));
		json_object_set_new(fields, key, arr);
	}
}

int
args_parse(struct args *a, int argc, char **argv, const struct optdef *defs, bool fields,
    struct wm_err *err)
{
	bool options = true;

	memset(a, 0, sizeof(*a));
	a->defs = defs;
	if (fields)
		a->fields = json_object();
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i], *name, *eq, *value;
		size_t len;
		long d;

		if (!options || arg[0] != '-' || arg[1] != '-' || arg[2] == '\0') {
			if (options && strcmp(arg, "--") == 0) {
				options = false;
				continue;
			}
			if (a->npos >= ARGS_MAX_POS)
				return wm_error(err, WM_EUSAGE, "too many arguments");
			a->pos[a->npos++] = arg;
			continue;
		}
		name = arg + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		d = find_def(defs, name, len);
		if (d < 0 && !fields) {
			char opt[128];

			snprintf(opt, sizeof(opt), "%.*s", (int)(len < 100 ? len : 100), name);
			return unknown(defs, opt, err);
		}
		if (d >= 0 && !defs[d].value) {
			if (eq != NULL)
				return wm_error(err, WM_EUSAGE, "--%s takes no value", defs[d].name);
			a->vals[d] = "";
			continue;
		}
		if (eq != NULL) {
			value = eq + 1;
		} else {
			if (i + 1 >= argc)
				return wm_error(err, WM_EUSAGE, "--%.*s needs a value", (int)len, name);
			value = argv[++i];
		}
		if (d >= 0)
			a->vals[d] = value;
		else
			add_field(a->fields, name, len, value);
	}
	return 0;
}

void
args_release(struct args *a)
{
	json_decref(a->fields);
	a->fields = NULL;
}

const char *
args_get(const struct args *a, const char *name)
{
	long d = find_def(a->defs, name, strlen(name));

	return d >= 0 ? a->vals[d] : NULL;
}

bool
args_has(const struct args *a, const char *name)
{
	return args_get(a, name) != NULL;
}

int
args_size(const struct args *a, const char *name, size_t dflt, size_t *out, struct wm_err *err)
{
	const char *v = args_get(a, name);
	int64_t n;

	*out = dflt;
	if (v == NULL)
		return 0;
	if (str_to_int64(v, &n) != 0 || n < 0)
		return wm_error(err, WM_EUSAGE, "--%s: \"%s\" is not a whole number", name, v);
	*out = (size_t)n;
	return 0;
}
