/*
 * err.c: recording error messages in a caller-owned struct wm_err.
 */
#include "base/wm.h"

#include "base/err.h"

static int
verror(struct wm_err *err, int code, const char *field, const char *reason, const char *fmt,
    va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	snprintf(err->field, sizeof(err->field), "%s", field != NULL ? field : "");
	err->reason = reason;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return code;
}

int
wm_error(struct wm_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = verror(err, code, NULL, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int
wm_error_field(struct wm_err *err, int code, const char *field, const char *reason,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	code = verror(err, code, field, reason, fmt, ap);
	va_end(ap);
	return code;
}

void
wm_error_prefix(struct wm_err *err, const char *fmt, ...)
{
	char old[sizeof(err->msg)];
	size_t n;
	va_list ap;

	if (err == NULL)
		return;
	memcpy(old, err->msg, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	n = strlen(err->msg);
	/* Truncation keeps the front: the context and the start of the message. */
	if (n < sizeof(err->msg) - 1)
		memcpy(err->msg + n, old, strnlen(old, sizeof(err->msg) - 1 - n));
	err->msg[n + strnlen(old, sizeof(err->msg) - 1 - n)] = '\0';
}

void
wm_err_clear(struct wm_err *err)
{
	if (err == NULL)
		return;
	err->code = 0;
	err->msg[0] = '\0';
	err->field[0] = '\0';
	err->reason = NULL;
}

const char *
wm_code_name(int code)
{
	switch (code) {
	case WM_OK: return "ok";
	case WM_EINVAL: return "bad input";
	case WM_EUSAGE: return "bad usage";
	case WM_ENOTFOUND: return "not found";
	case WM_ECONFLICT: return "conflict";
	case WM_EEXIST: return "already exists";
	case WM_EPERM: return "not allowed";
	case WM_EDB: return "database error";
	case WM_EIO: return "i/o error";
	case WM_ETOOBIG: return "too big";
	case WM_ESCHEMA: return "schema mismatch";
	case WM_ELIMIT: return "too many attempts";
	case WM_EINUSE: return "in use";
	case WM_ETIMEOUT: return "took too long";
	default: return "internal error";
	}
}
