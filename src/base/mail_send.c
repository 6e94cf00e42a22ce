/*
 * mail_send.c: sending a message with libcurl's SMTP client (see mail.h).
 *
 * The one idea: what the server answered is kept as the exchange goes
 * (curl's debug callback sees every command and reply), so a failure says
 * which recipient was refused and in the server's own words, rather than
 * curl's "failed sending data to the peer".
 *
 * libcurl brings some thirty libraries (OpenSSL, GnuTLS, Kerberos, LDAP,
 * SSH, HTTP/2): the waymark command has this file as the module
 * waymark-mail.so, loaded by the first message sent (base/module.h,
 * mail_stub.c); the tests link it.
 */
#include "base/wm.h"

#include <curl/curl.h>

#include "base/mail.h"
#include "base/str.h"

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
		    srv->url && strpbrk(srv->url, "\r\n") == NULL ? srv->url : "");
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
