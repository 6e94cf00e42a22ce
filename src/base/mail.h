/*
 * mail.h: one e-mail message, written and sent through an SMTP server.
 *
 * The message is plain text in UTF-8 (8bit, RFC 5322 headers with the
 * subject encoded as RFC 2047 asks); libcurl's SMTP client sends it:
 * smtp:// upgrades to TLS with STARTTLS when the server offers it,
 * smtps:// is TLS from the start, and a user and password come from the
 * URL (smtp://user:pass@host:587) or from the server description. What
 * is sent is nobody else's business: no address, subject or header may
 * carry a line break, so nothing given can add a header or a recipient.
 */
#ifndef WM_MAIL_H
#define WM_MAIL_H

#include "base/wm.h"

#include <time.h>

#include "base/buf.h"
#include "base/err.h"

struct mail_server {
	const char *url;	/* smtp://host[:port] or smtps://...; user:password@ allowed */
	const char *user;	/* NULL: the URL's, if any */
	const char *password;	/* NULL: the URL's, if any */
	long timeout;		/* seconds for the whole exchange; 0: 60 */
};

#define MAIL_MAX_RCPT 16

struct mail_msg {
	const char *from;			/* "waymark@example.org" */
	const char *to[MAIL_MAX_RCPT];		/* addresses; NULL ends the list */
	const char *cc[MAIL_MAX_RCPT];		/* copies; NULL ends the list */
	const char *subject;
	const char *body;			/* plain text, UTF-8, lines ending "\n" */
};

/* Is s one address (local@domain, no spaces, no angle brackets, no line breaks)? */
bool mail_address_ok(const char *s);

/*
 * The message as it goes on the wire, into out: headers (Date: date,
 * From, To, Cc, Subject, Message-ID, MIME) then the body with CRLF line
 * ends. WM_EINVAL when an address is not one or a header has a line break.
 */
int mail_format(const struct mail_msg *m, time_t date, struct buf *out, struct wm_err *err);

/*
 * Send m through srv. WM_EINVAL for a message mail_format refuses or a URL
 * that is not smtp:// or smtps://; WM_EIO when the server cannot be
 * reached or refuses the message, the message saying what the server
 * said and, for a refused recipient, which address it refused.
 */
int mail_send(const struct mail_server *srv, const struct mail_msg *m, struct wm_err *err);

#endif
