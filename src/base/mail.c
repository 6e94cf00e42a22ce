/*
 * mail.c: writing one plain-text message (see mail.h); mail_send.c sends
 * it.
 */
#include "base/wm.h"

#include <unistd.h>

#include "base/mail.h"
#include "base/str.h"

bool
mail_address_ok(const char *s)
{
	const char *at;

	if (s == NULL || *s == '\0' || strlen(s) > 254)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == ',' ||
		    *p == ';' || *p == '"' || *p == '(' || *p == ')' || *p == '\\' ||
		    (unsigned char)*p == 0x7f)
			return false;
	at = strrchr(s, '@');
	return at != NULL && at != s && at[1] != '\0' && strchr(s, '@') == at;
}

static bool
one_line(const char *s)
{
	return s != NULL && strchr(s, '\r') == NULL && strchr(s, '\n') == NULL;
}

static bool
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || (unsigned char)*s < ' ')
			return false;
	return true;
}

/*
 * The subject as a header allows it: ASCII as it is, anything else as
 * RFC 2047 encoded words, each under 76 characters and never splitting a
 * UTF-8 sequence.
 */
static void
add_subject(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	buf_adds(out, "Subject: ");
	if (ascii(s)) {
		buf_adds(out, s);
		buf_adds(out, "\r\n");
		return;
	}
	while (n > 0) {
		size_t take = n < 45 ? n : 45;

		while (take < n && (p[take] & 0xc0) == 0x80)
			take--;
		if (take == 0)
			take = n < 45 ? n : 45;
		buf_adds(out, "=?UTF-8?B?");
		buf_add_base64(out, p, take);
		buf_adds(out, "?=");
		p += take;
		n -= take;
		buf_adds(out, n > 0 ? "\r\n " : "\r\n");
	}
}

static int
add_addresses(struct buf *out, const char *header, const char *const *list, size_t max,
    struct wm_err *err)
{
	for (size_t i = 0; i < max && list[i] != NULL; i++) {
		if (!mail_address_ok(list[i]))
			return wm_error(err, WM_EINVAL, "\"%s\" is not an e-mail address "
			    "(name@example.org)", one_line(list[i]) ? list[i] : "(a line break)");
		buf_adds(out, i == 0 ? header : ",\r\n ");
		buf_adds(out, list[i]);
	}
	if (max > 0 && list[0] != NULL)
		buf_adds(out, "\r\n");
	return 0;
}

/* RFC 5322's date, in UTC, in English whatever the locale */
static void
add_date(struct buf *out, time_t t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&t, &tm);
	buf_addf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday],
	    tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* FNV-1a: a Message-ID differs for a different message sent in the same second */
static uint64_t
fnv(const char *s, uint64_t h)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

int
mail_format(const struct mail_msg *m, time_t date, struct buf *out, struct wm_err *err)
{
	const char *domain;
	uint64_t h = 1469598103934665603ULL;
	int rc;

	if (!mail_address_ok(m->from))
		return wm_error(err, WM_EINVAL, "the sender \"%s\" is not an e-mail address "
		    "(set mail.from or give --from)", m->from && one_line(m->from) ? m->from : "");
	if (m->to[0] == NULL)
		return wm_error(err, WM_EINVAL, "the message has no recipient");
	if (m->subject == NULL || !one_line(m->subject))
		return wm_error(err, WM_EINVAL, "a subject is one line");
	if (m->body == NULL || !utf8_valid(m->body, strlen(m->body)))
		return wm_error(err, WM_EINVAL, "the message's text is not UTF-8");
	add_date(out, date);
	buf_addf(out, "From: %s\r\n", m->from);
	if ((rc = add_addresses(out, "To: ", m->to, MAIL_MAX_RCPT, err)) != 0 ||
	    (rc = add_addresses(out, "Cc: ", m->cc, MAIL_MAX_RCPT, err)) != 0)
		return rc;
	add_subject(out, m->subject);
	h = fnv(m->subject, fnv(m->body, h));
	for (size_t i = 0; i < MAIL_MAX_RCPT && m->to[i] != NULL; i++)
		h = fnv(m->to[i], h);
	domain = strrchr(m->from, '@') + 1;
	buf_addf(out, "Message-ID: <%lld.%d.%016llx@%s>\r\n", (long long)date, (int)getpid(),
	    (unsigned long long)h, domain);
	buf_adds(out, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n");
	/* CRLF line ends; curl escapes a line that is only "." itself */
	for (const char *p = m->body; *p; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			buf_adds(out, "\r\n");
		else
			buf_addc(out, *p);
	}
	if (out->len < 2 || strcmp(buf_str(out) + out->len - 2, "\r\n") != 0)
		buf_adds(out, "\r\n");
	return 0;
}
