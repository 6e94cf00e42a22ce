/*
 * server_stub.c: the web server as the waymark command has it, in the
 * module waymark-serve.so (libmicrohttpd, GnuTLS), loaded by `waymark
 * serve` (base/module.h): no other command loads them. Only the command
 * links this file; the tests link server.c itself.
 */
#include "base/wm.h"

#include "base/module.h"
#include "http/http.h"

MODULE_STUB("waymark-serve", "serving the web", http_serve,
    (const struct http_config *cfg, struct wm_err *err), (cfg, err))
