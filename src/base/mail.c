/*
 * mail.c: writing one plain-text message and sending it with libcurl's
 * SMTP client (see mail.h).
 *
 * The one idea: what the server answered is kept as the exchange goes
 * (curl's debug callback sees every command and reply), so a failure says
 * which recipient was refused and in the server's own words, rather than
 * curl's "failed sending data to the peer".
 */
#include "base/wm.h"

#include <curl/curl.h>
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

struct upload {
	const char *data;
	size_t len, pos;
};

static size_t
read_cb(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t n = size * nmemb;

	if (n > u->len - u->pos)
		n = u->len - u->pos;
	memcpy(ptr, u->data + u->pos, n);
	u->pos += n;
	return n;
}

/* The exchange as it goes: the last command sent and the server's last reply. */
struct talk {
	char cmd[300];
	char reply[300];
	bool quit;	/* QUIT sent: what follows is no news */
};

static void
keep_line(char *dst, size_t len, const char *data, size_t n)
{
	size_t k = n < len - 1 ? n : len - 1;

	memcpy(dst, data, k);
	dst[k] = '\0';
	dst[strcspn(dst, "\r\n")] = '\0';
}

static int
debug_cb(CURL *c, curl_infotype type, char *data, size_t n, void *userp)
{
	struct talk *t = userp;

	(void)c;
	/* a failed exchange ends with QUIT: what went wrong is what came before it */
	if (type == CURLINFO_HEADER_OUT && n >= 4 && strncasecmp(data, "QUIT", 4) == 0)
		t->quit = true;
	if (t->quit)
		return 0;
	if (type == CURLINFO_HEADER_OUT) {
		keep_line(t->cmd, sizeof(t->cmd), data, n);
		t->reply[0] = '\0';
	} else if (type == CURLINFO_HEADER_IN) {
		keep_line(t->reply, sizeof(t->reply), data, n);
	}
	return 0;
}

/* The server's host and port, for messages: never the user or the password in the URL. */
static void
server_name(const char *url, char *out, size_t len)
{
	CURLU *u = curl_url();
	char *host = NULL, *port = NULL;

	snprintf(out, len, "the SMTP server");
	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		if (curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK)
			port = NULL;
		snprintf(out, len, "the SMTP server %s%s%s", host, port ? ":" : "", port ? port : "");
	}
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
}

int
mail_send(const struct mail_server *srv, const struct mail_msg *m, struct wm_err *err)
{
	struct buf text = BUF_INIT;
	struct curl_slist *rcpt = NULL;
	struct upload up = { 0 };
	struct talk talk = { "", "", false };
	char errbuf[CURL_ERROR_SIZE] = "", name[300];
	CURL *c = NULL;
	CURLcode cc;
	int rc;

	if (srv->url == NULL || (!str_has_prefix_nocase(srv->url, "smtp://") &&
	    !str_has_prefix_nocase(srv->url, "smtps://")))
		return wm_error(err, WM_EINVAL, "the mail server \"%s\" is not an smtp:// or "
		    "smtps:// URL (set mail.smtp or give --smtp, e.g. smtp://mail.example.org:587)",
		    srv->url && one_line(srv->url) ? srv->url : "");
	if ((rc = mail_format(m, time(NULL), &text, err)) != 0)
		goto out;
	server_name(srv->url, name, sizeof(name));
	for (size_t i = 0; i < MAIL_MAX_RCPT && m->to[i] != NULL; i++)
		rcpt = curl_slist_append(rcpt, m->to[i]);
	for (size_t i = 0; i < MAIL_MAX_RCPT && m->cc[i] != NULL; i++)
		rcpt = curl_slist_append(rcpt, m->cc[i]);
	if ((c = curl_easy_init()) == NULL || rcpt == NULL) {
		rc = wm_error(err, WM_EINTERNAL, "cannot start the mail client (out of memory)");
		goto out;
	}
	up.data = buf_str(&text);
	up.len = text.len;
	curl_easy_setopt(c, CURLOPT_URL, srv->url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	if (srv->user != NULL)
		curl_easy_setopt(c, CURLOPT_USERNAME, srv->user);
	if (srv->password != NULL)
		curl_easy_setopt(c, CURLOPT_PASSWORD, srv->password);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, m->from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)up.len);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, srv->timeout > 0 ? srv->timeout : 60L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, &talk);
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
	cc = curl_easy_perform(c);
	if (cc == CURLE_OK) {
		rc = 0;
	} else if (str_has_prefix_nocase(talk.cmd, "RCPT TO:") && talk.reply[0] != '\0') {
		rc = wm_error(err, WM_EIO, "%s refused the recipient %s: %s", name,
		    talk.cmd + strlen("RCPT TO:"), talk.reply);
	} else if (talk.reply[0] != '\0' && talk.reply[0] >= '4' && talk.reply[0] <= '5') {
		rc = wm_error(err, WM_EIO, "%s refused the message: %s (after %s)", name,
		    talk.reply, str_has_prefix_nocase(talk.cmd, "AUTH") ? "AUTH" : talk.cmd);
	} else {
		rc = wm_error(err, WM_EIO, "cannot send through %s: %s", name,
		    errbuf[0] ? errbuf : curl_easy_strerror(cc));
	}
out:
	curl_easy_cleanup(c);
	curl_slist_free_all(rcpt);
	buf_release(&text);
	return rc;
}
