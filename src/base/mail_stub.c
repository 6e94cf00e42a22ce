/*
 * mail_stub.c: sending mail as the waymark command has it, in the module
 * waymark-mail.so (libcurl and the thirty libraries behind it), loaded by
 * the first message `waymark remind` sends (base/module.h): no other
 * command loads them. Only the command links this file; the tests link
 * mail_send.c itself.
 */
#include "base/wm.h"

#include "base/mail.h"
#include "base/module.h"

MODULE_STUB("waymark-mail", "sending mail", mail_send,
    (const struct mail_server *srv, const struct mail_msg *m, struct wm_err *err), (srv, m, err))
