/*
 * module.h: the parts of the waymark command that it loads when first used.
 *
 * Reading and writing PDF (poppler, cairo, pango and the GLib stack behind
 * them), office documents (libzip, libxml2 and ICU, libxlsxwriter,
 * libical), speaking to PostgreSQL (libpq, with Kerberos and LDAP behind
 * it), sending mail (libcurl, with OpenSSL, SSH and LDAP behind it) and
 * serving the web (libmicrohttpd, GnuTLS) take some ninety
 * shared libraries. Linked into the program, the dynamic loader mapped
 * and relocated every one of them before any command ran: 62 million
 * instructions for `waymark --version`, 5 million without them, and a
 * whole `report summary` of 2.5M figures does its work in 8. The command
 * therefore has those parts as modules (waymark-pdf.so, waymark-office.so,
 * waymark-pg.so, waymark-mail.so, waymark-serve.so), and the library's entry points into
 * them as stubs (the *_stub.c files) that load the module on first use and
 * call its own definition. The tests, the benchmarks and the fuzz targets
 * link the parts themselves and never load a module.
 */
#ifndef WM_MODULE_H
#define WM_MODULE_H

#include "base/wm.h"

#include "base/err.h"

/*
 * The address of sym in the module called name ("waymark-pdf"), loaded
 * if it is not yet: from beside the program (a build tree), else from
 * the directory it was installed in. what says what needs it, for the
 * message if it cannot be had ("reading PDF").
 */
int module_sym(const char *name, const char *sym, const char *what, void **out,
    struct wm_err *err);

/*
 * A stub: int fn(params) as its header declares it, whose last parameter
 * is struct wm_err *err, defined to call fn of the module called name with
 * args (what says what needs it, as above).
 */
#define MODULE_STUB(name, what, fn, params, args)				\
	int								\
	fn params							\
	{								\
		__typeof__(fn) *fn_;					\
		void *p_;						\
		int rc_;						\
									\
		if ((rc_ = module_sym(name, #fn, what, &p_, err)) != 0)	\
			return rc_;					\
		memcpy(&fn_, &p_, sizeof(fn_));				\
		return fn_ args;					\
	}

#endif
