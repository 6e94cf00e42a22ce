/*
 * openapi.c: the OpenAPI 3 description served at /api/v1/openapi.json.
 *
 * It is made from the kinds' descriptions (kinds.c) when asked for, the
 * same descriptions the engine reads, so it cannot drift from what the
 * server answers; the end-to-end tests check real answers against it.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/buf.h"
#include "http/route.h"
#include "model/kind.h"
#include "report/reports.h"

/* "project_report" -> "ProjectReport" */
static void
schema_name(struct buf *out, const char *one, const char *suffix)
{
	bool up = true;

	for (; *one != '\0'; one++) {
		if (*one == '_') {
			up = true;
			continue;
		}
		buf_addc(out, up ? toupper((unsigned char)*one) : *one);
		up = false;
	}
	buf_adds(out, suffix);
}

static json_t *
ref_to(const char *one, const char *suffix)
{
	struct buf b = BUF_INIT;
	json_t *o;

	buf_adds(&b, "#/components/schemas/");
	schema_name(&b, one, suffix);
	o = json_pack("{s:s}", "$ref", buf_str(&b));
	buf_release(&b);
	return o;
}

static json_t *
str_schema(const char *desc)
{
	return json_pack("{s:s, s:s}", "type", "string", "description", desc);
}

/* The schema of one field's value as records show it. */
static json_t *
field_schema(const struct field *f)
{
	json_t *o, *vals;

	switch (f->type) {
	case FT_INT:
	case FT_REAL: {
		double lo, hi;

		field_range(f, &lo, &hi);
		o = json_pack("{s:s, s:f, s:f}", "type", f->type == FT_INT ? "integer" : "number",
		    "minimum", lo, "maximum", hi);
		break;
	}
	case FT_BOOL:
		o = json_pack("{s:s}", "type", "boolean");
		break;
	case FT_DATE:
		o = json_pack("{s:s, s:s}", "type", "string", "format", "date");
		break;
	case FT_ENUM:
		vals = json_array();
		for (size_t i = 0; f->values[i] != NULL; i++)
			json_array_append_new(vals, json_string(f->values[i]));
		o = json_pack("{s:s, s:o}", "type", "string", "enum", vals);
		break;
	case FT_PERIOD:
		o = json_pack("{s:s, s:s}", "type", "string", "pattern",
		    "^[0-9]{4}(-[0-9]{2}|-Q[1-4]|/[0-9]{2})?$");
		break;
	case FT_FYEAR:
		o = json_pack("{s:s, s:s}", "type", "string", "pattern", "^[0-9]{4}/[0-9]{2}$");
		break;
	case FT_LINKS:
		o = json_pack("{s:s, s:{s:s}}", "type", "array", "items", "type", "string");
		break;
	case FT_TIMESCALE:
		o = json_pack("{s:s, s:{s:o, s:o, s:o, s:o, s:o, s:o, s:o}}", "type", "object",
		    "properties",
		    "text", json_pack("{s:s, s:b}", "type", "string", "nullable", 1),
		    "earliest", json_pack("{s:s, s:s, s:b}", "type", "string", "format", "date",
			"nullable", 1),
		    "latest", json_pack("{s:s, s:s, s:b}", "type", "string", "format", "date",
			"nullable", 1),
		    "ongoing", json_pack("{s:s}", "type", "boolean"),
		    "complete", json_pack("{s:s}", "type", "boolean"),
		    "uncertain", json_pack("{s:s}", "type", "boolean"),
		    "conditional", json_pack("{s:s}", "type", "boolean"));
		break;
	case FT_TEXT:
		o = json_pack("{s:s, s:I}", "type", "string", "maxLength", (json_int_t)field_max_len(f));
		if (f->flags & FF_KEY)
			json_object_set_new(o, "pattern", json_string(f->flags & FF_REST ?
			    "^[^\\s\\x00-\\x1f\\x7f](.*[^\\s\\x00-\\x1f\\x7f])?$" :
			    "^[^\\s/\\x00-\\x1f\\x7f]([^/\\x00-\\x1f\\x7f]*[^\\s/\\x00-\\x1f\\x7f])?$"));
		break;
	default:
		o = json_pack("{s:s}", "type", "string");
		break;
	}
	if (f->type == FT_REF || f->type == FT_LINKS) {
		struct buf d = BUF_INIT;

		buf_addf(&d, "%s (%s of %s)", f->help, f->type == FT_REF ? "the key" : "keys",
		    f->target);
		json_object_set_new(o, "description", json_string(buf_str(&d)));
		buf_release(&d);
	} else {
		json_object_set_new(o, "description", json_string(f->help));
	}
	if (!(f->flags & FF_KEY) && f->type != FT_LINKS)
		json_object_set_new(o, "nullable", json_true());
	return o;
}

/* A record of kind k as the API answers it, and what it accepts (input). */
static json_t *
record_schema(const struct kind *k, bool input)
{
	json_t *props = json_object(), *req = json_array(), *o;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (kind_field(k, f->name) != f || (f->flags & FF_SECRET))
			continue;
		if (k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0)
			continue;
		if (input && (f->flags & FF_DERIVED))
			continue;
		json_object_set_new(props, f->name, field_schema(f));
		if (input ? (f->flags & FF_REQ) != 0 : true)
			json_array_append_new(req, json_string(f->name));
	}
	if (!input) {
		json_object_set_new(props, "version", json_pack("{s:s, s:s}", "type", "integer",
		    "description", "changes with every change; the record's ETag"));
		json_array_append_new(req, json_string("version"));
	} else if (strcmp(k->name, "users") == 0) {
		json_object_set_new(props, "password", str_schema("the password (at least 8 "
		    "characters); stored only as an Argon2id hash"));
	}
	o = json_pack("{s:s, s:s, s:o}", "type", "object", "description", k->help,
	    "properties", props);
	if (!input) {
		json_t *key = json_array();

		/* The fields whose values, joined by '/', name a record: its path after /KIND/. */
		for (const struct field *f = k->fields; f->name != NULL; f++)
			if (f->flags & FF_KEY)
				json_array_append_new(key, json_string(f->name));
		json_object_set_new(o, "x-waymark-key", key);
	}
	if (json_array_size(req) > 0)
		json_object_set_new(o, "required", req);
	else
		json_decref(req);
	return o;
}

static json_t *
page_schema(const struct kind *k)
{
	return json_pack("{s:s, s:[s,s,s,s,s], s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s, s:o}}}",
	    "type", "object", "required", "kind", "total", "limit", "offset", "items",
	    "properties", "kind", "type", "string", "total", "type", "integer",
	    "limit", "type", "integer", "offset", "type", "integer",
	    "items", "type", "array", "items", ref_to(k->one, ""));
}

static json_t *
resp_ref(const char *desc, json_t *schema)
{
	json_t *o = json_pack("{s:s}", "description", desc);

	if (schema != NULL)
		json_object_set_new(o, "content", json_pack("{s:{s:o}}", "application/json",
		    "schema", schema));
	return o;
}

static json_t *
error_resp(const char *desc)
{
	return resp_ref(desc, json_pack("{s:s}", "$ref", "#/components/schemas/Error"));
}

/* Path parameters for k's key: a referenced kind's key parts, prefixed by the field. */
static void
key_params(const struct kind *k, const char *prefix, struct buf *path, json_t *params)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		struct buf name = BUF_INIT;

		if (!(f->flags & FF_KEY))
			continue;
		buf_addf(&name, "%s%s%s", prefix, *prefix ? "_" : "", f->name);
		if (f->type == FT_REF) {
			key_params(kind_base(kind_find(f->target)), buf_str(&name), path, params);
		} else {
			buf_addf(path, "/{%s}", buf_str(&name));
			json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}",
			    "name", buf_str(&name), "in", "path", "required", 1, "description",
			    f->help, "schema", "type", f->type == FT_INT ? "integer" : "string"));
		}
		buf_release(&name);
	}
}

static json_t *
list_params(const struct kind *k)
{
	json_t *p = json_array();
	bool dated = false;

	json_array_append_new(p, json_pack("{s:s}", "$ref", "#/components/parameters/limit"));
	json_array_append_new(p, json_pack("{s:s}", "$ref", "#/components/parameters/offset"));
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (kind_field(k, f->name) != f || (f->flags & FF_SECRET) || f->type == FT_TIMESCALE)
			continue;
		if (k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0)
			continue;
		dated = dated || f->type == FT_DATE || f->type == FT_PERIOD;
		json_array_append_new(p, json_pack("{s:s, s:s, s:s, s:{s:s}}", "name", f->name,
		    "in", "query", "description", "only records whose field has this value "
		    "(empty: no value)", "schema", "type", "string"));
	}
	if (dated) {
		json_array_append_new(p, json_pack("{s:s}", "$ref", "#/components/parameters/from"));
		json_array_append_new(p, json_pack("{s:s}", "$ref", "#/components/parameters/to"));
	}
	return p;
}

static void
kind_paths(json_t *paths, const struct kind *k)
{
	struct buf path = BUF_INIT, name = BUF_INIT;
	json_t *coll = json_object(), *one = json_object(), *params = json_array();
	bool ro = (k->flags & KF_READONLY) != 0;

	schema_name(&name, k->one, "");
	json_object_set_new(coll, "get", json_pack("{s:s, s:[s], s:o, s:{s:o, s:o, s:o, s:o}}",
	    "summary", k->help, "tags", k->name, "parameters", list_params(k), "responses",
	    "200", resp_ref("a page of records", ref_to(k->one, "Page")),
	    "400", error_resp("a filter or paging parameter is wrong"),
	    "401", error_resp("not logged in"), "403", error_resp("not allowed")));
	if (!ro)
		json_object_set_new(coll, "post", json_pack("{s:s, s:[s], s:[o], s:{s:b, s:{s:{s:o}}},"
		    " s:{s:o, s:o, s:o, s:o, s:o}}",
		    "summary", "add a record", "tags", k->name,
		    "parameters", json_pack("{s:s}", "$ref", "#/components/parameters/csrf"),
		    "requestBody", "required", 1, "content", "application/json", "schema",
		    ref_to(k->one, "Input"),
		    "responses", "201", resp_ref("added; Location names it", ref_to(k->one, "")),
		    "401", error_resp("not logged in"), "403", error_resp("not allowed"),
		    "409", error_resp("it already exists"),
		    "422", error_resp("a field is wrong: the message says which and why")));
	buf_addf(&path, "/%s", k->name);
	json_object_set_new(paths, buf_str(&path), coll);

	key_params(kind_base(k), "", &path, params);
	json_object_set_new(one, "parameters", params);
	json_object_set_new(one, "get", json_pack("{s:s, s:[s], s:{s:o, s:o, s:o}}",
	    "summary", "one record; its ETag is its version", "tags", k->name, "responses",
	    "200", resp_ref("the record", ref_to(k->one, "")),
	    "304", resp_ref("not changed since the If-None-Match ETag", NULL),
	    "404", error_resp("no such record")));
	if (!ro) {
		json_object_set_new(one, "patch", json_pack("{s:s, s:[s], s:[o, o],"
		    " s:{s:b, s:{s:{s:o}}}, s:{s:o, s:o, s:o, s:o, s:o}}",
		    "summary", "change the given fields", "tags", k->name, "parameters",
		    json_pack("{s:s}", "$ref", "#/components/parameters/ifMatch"),
		    json_pack("{s:s}", "$ref", "#/components/parameters/csrf"),
		    "requestBody", "required", 1, "content", "application/json", "schema",
		    json_pack("{s:s}", "type", "object"),
		    "responses", "200", resp_ref("changed", ref_to(k->one, "")),
		    "403", error_resp("not allowed"), "404", error_resp("no such record"),
		    "412", error_resp("someone else changed it since the If-Match version: "
			"nothing was changed"),
		    "422", error_resp("a field is wrong")));
		json_object_set_new(one, "delete", json_pack("{s:s, s:[s], s:[o, o], s:{s:o, s:o, s:o}}",
		    "summary", "remove the record", "tags", k->name, "parameters",
		    json_pack("{s:s}", "$ref", "#/components/parameters/ifMatch"),
		    json_pack("{s:s}", "$ref", "#/components/parameters/csrf"),
		    "responses", "204", resp_ref("removed", NULL),
		    "403", error_resp("not allowed"),
		    "412", error_resp("someone else changed it since the If-Match version")));
	}
	json_object_set_new(paths, buf_str(&path), one);
	buf_release(&path);
	buf_release(&name);
}

static json_t *
components(void)
{
	json_t *schemas = json_object(), *c;

	json_object_set_new(schemas, "Error", json_pack("{s:s, s:[s], s:{s:{s:s, s:[s,s,s],"
	    " s:{s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s, s:s, s:{s:s, s:[s,s], s:{s:{s:s}, s:{s:s},"
	    " s:{s:s}}}}}}}}",
	    "type", "object", "required", "error", "properties", "error", "type", "object",
	    "required", "status", "code", "message", "properties", "status", "type", "integer",
	    "code", "type", "string", "message", "type", "string",
	    "options", "type", "array", "description", "a report's options that could not be "
	    "taken, each with its own message", "items", "type", "object", "required", "option",
	    "message", "properties", "option", "type", "string", "message", "type", "string",
	    "did_you_mean", "type", "string"));
	json_object_set_new(schemas, "Me", json_pack("{s:s, s:[s], s:{s:{s:s}, s:{s:s},"
	    " s:{s:s}, s:{s:s}}}", "type", "object", "required", "role", "properties",
	    "username", "type", "string", "display_name", "type", "string",
	    "role", "type", "string", "csrf_token", "type", "string"));
	json_object_set_new(schemas, "AuditPage", json_pack("{s:s, s:[s,s,s,s], s:{s:{s:s},"
	    " s:{s:s}, s:{s:s}, s:{s:s, s:{s:s, s:[s,s,s,s,s,s]}}}}",
	    "type", "object", "required", "total", "limit", "offset", "items", "properties",
	    "total", "type", "integer", "limit", "type", "integer", "offset", "type", "integer",
	    "items", "type", "array", "items", "type", "object", "required", "id", "at", "actor",
	    "action", "kind", "ref"));
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		struct buf n = BUF_INIT;

		schema_name(&n, k->one, "");
		json_object_set_new(schemas, buf_str(&n), record_schema(k, false));
		buf_reset(&n);
		schema_name(&n, k->one, "Input");
		json_object_set_new(schemas, buf_str(&n), record_schema(k, true));
		buf_reset(&n);
		schema_name(&n, k->one, "Page");
		json_object_set_new(schemas, buf_str(&n), page_schema(k));
		buf_release(&n);
	}
	c = json_object();
	json_object_set_new(c, "schemas", schemas);
	json_object_set_new(c, "securitySchemes", json_pack("{s:{s:s, s:s, s:s}}", "session",
	    "type", "apiKey", "in", "cookie", "name", SESSION_COOKIE));
	json_object_set_new(c, "parameters", json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
	    "limit", json_pack("{s:s, s:s, s:s, s:{s:s, s:i, s:i}}", "name", "limit", "in", "query",
		"description", "records per page (100 unless given)", "schema", "type", "integer",
		"minimum", 0, "maximum", 10000),
	    "offset", json_pack("{s:s, s:s, s:s, s:{s:s, s:i}}", "name", "offset", "in", "query",
		"description", "records to skip", "schema", "type", "integer", "minimum", 0),
	    "from", json_pack("{s:s, s:s, s:s, s:{s:s}}", "name", "from", "in", "query",
		"description", "only records within: a date (2003-04-30) or a period (2003-04, "
		"2003-Q2, 2003/04, 2003)", "schema", "type", "string"),
	    "to", json_pack("{s:s, s:s, s:s, s:{s:s}}", "name", "to", "in", "query",
		"description", "only records within: a date or a period", "schema", "type", "string"),
	    "ifMatch", json_pack("{s:s, s:s, s:s, s:{s:s}}", "name", "If-Match", "in", "header",
		"description", "the ETag (version) the change was made from: a stale one gets 412",
		"schema", "type", "string"),
	    "csrf", json_pack("{s:s, s:s, s:b, s:s, s:{s:s}}", "name", "X-CSRF-Token", "in",
		"header", "required", 1, "description", "the session's csrf_token (from login or /me)",
		"schema", "type", "string")));
	return c;
}

/* An option's schema: its type, range, choices and default, from the registry. */
static json_t *
option_schema(const struct ropt *o)
{
	json_t *sch;

	switch (o->type) {
	case RO_NUMBER:
		sch = json_pack("{s:s, s:f, s:f}", "type", "number", "minimum", o->min, "maximum",
		    o->max);
		break;
	case RO_COUNT:
		sch = json_pack("{s:s, s:f, s:f}", "type", "integer", "minimum", o->min, "maximum",
		    o->max);
		break;
	case RO_FLAG:
		sch = json_pack("{s:s}", "type", "boolean");
		break;
	case RO_CHOICE: {
		json_t *e = json_array();

		for (size_t i = 0; o->choices[i] != NULL; i++)
			json_array_append_new(e, json_string(o->choices[i]));
		sch = json_pack("{s:s, s:o}", "type", "string", "enum", e);
		break;
	}
	case RO_DATE:
		sch = json_pack("{s:s, s:s}", "type", "string", "format", "date");
		break;
	default:
		sch = json_pack("{s:s}", "type", "string");
		break;
	}
	if (o->type == RO_REF)
		json_object_set_new(sch, "x-waymark-kind", json_string(o->kind));
	json_object_set_new(sch, "x-waymark-type", json_string(ropt_type_name(o->type)));
	if (o->dflt != NULL)
		json_object_set_new(sch, "default", json_string(o->dflt));
	return sch;
}

/* /reports/NAME for each report of the registry, its options as query parameters. */
static void
report_paths(json_t *paths)
{
	for (const struct report *r = reports; r->name != NULL; r++) {
		json_t *params = json_array(), *fmts = json_array(), *get;
		char fmt[REPORT_MAX_FORMATS][16];
		struct buf path = BUF_INIT;

		for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++)
			json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:s, s:o}", "name",
			    o->name, "in", "query", "required", (o->flags & RO_REQUIRED) != 0,
			    "description", o->help, "schema", option_schema(o)));
		size_t nfmt = report_formats(r, fmt, REPORT_MAX_FORMATS);

		for (size_t i = 0; i < nfmt; i++)
			json_array_append_new(fmts, json_string(fmt[i]));
		json_array_append_new(params, json_pack("{s:s, s:s, s:s, s:{s:s, s:o, s:s}}", "name",
		    "format", "in", "query", "description", "how the report is written; JSON when "
		    "not given", "schema", "type", "string", "enum", fmts, "default", "json"));
		get = json_pack("{s:s, s:s, s:o, s:{s:o, s:o, s:o}}", "summary", r->summary,
		    "operationId", r->name, "parameters", params, "responses",
		    "200", resp_ref("the report", json_pack("{s:s}", "type", "object")),
		    "400", error_resp("an option the report does not know, or a value it cannot "
		    "take: \"options\" in the error says which, one by one"),
		    "404", error_resp("a record an option names is not there"));
		buf_addf(&path, "/reports/%s", r->name);
		json_object_set_new(paths, buf_str(&path), json_pack("{s:o}", "get", get));
		buf_release(&path);
	}
}

json_t *
openapi_spec(void)
{
	json_t *paths = json_object(), *o;

	json_object_set_new(paths, "/login", json_pack("{s:{s:s, s:[], s:{s:b, s:{s:{s:{s:s,"
	    " s:[s,s], s:{s:{s:s}, s:{s:s}}}}}}, s:{s:o, s:o, s:o}}}",
	    "post", "summary", "log in: sets the session cookie and gives the CSRF token",
	    "security", "requestBody", "required", 1, "content", "application/json", "schema",
	    "type", "object", "required", "username", "password", "properties",
	    "username", "type", "string", "password", "type", "string",
	    "responses", "200", resp_ref("logged in", json_pack("{s:s}", "$ref",
		"#/components/schemas/Me")),
	    "401", error_resp("wrong user name or password"),
	    "429", error_resp("too many failed logins: wait (Retry-After says how long)")));
	json_object_set_new(paths, "/logout", json_pack("{s:{s:s, s:[o], s:{s:o}}}", "post",
	    "summary", "end the session", "parameters",
	    json_pack("{s:s}", "$ref", "#/components/parameters/csrf"),
	    "responses", "204", resp_ref("logged out", NULL)));
	json_object_set_new(paths, "/me", json_pack("{s:{s:s, s:{s:o}}}", "get", "summary",
	    "who the session is", "responses", "200", resp_ref("the user",
		json_pack("{s:s}", "$ref", "#/components/schemas/Me"))));
	json_object_set_new(paths, "/audit", json_pack("{s:{s:s, s:[o, o, {s:s, s:s, s:{s:s}},"
	    " {s:s, s:s, s:{s:s}}, {s:s, s:s, s:{s:s}}, {s:s, s:s, s:{s:s}}], s:{s:o, s:o}}}",
	    "get", "summary", "the audit log, newest first", "parameters",
	    json_pack("{s:s}", "$ref", "#/components/parameters/limit"),
	    json_pack("{s:s}", "$ref", "#/components/parameters/offset"),
	    "name", "kind", "in", "query", "schema", "type", "string",
	    "name", "ref", "in", "query", "schema", "type", "string",
	    "name", "actor", "in", "query", "schema", "type", "string",
	    "name", "since", "in", "query", "schema", "type", "string",
	    "responses", "200", resp_ref("entries", json_pack("{s:s}", "$ref",
		"#/components/schemas/AuditPage")),
	    "403", error_resp("only planners and administrators read the audit log")));
	json_object_set_new(paths, "/reports", json_pack("{s:{s:s, s:{s:o}}}", "get", "summary",
	    "the reports there are", "responses", "200", resp_ref("their names and options",
		json_pack("{s:s, s:[s], s:{s:{s:s}}}", "type", "object", "required", "reports",
		"properties", "reports", "type", "array"))));
	json_object_set_new(paths, "/reports/{name}", json_pack("{s:{s:s, s:[{s:s, s:s, s:b,"
	    " s:{s:s}}], s:{s:o}}}", "get", "summary", "a report that is not there (each report "
	    "has its own path)", "parameters", "name", "name", "in", "path", "required", 1,
	    "schema", "type", "string", "responses", "404", error_resp("no such report")));
	report_paths(paths);
	for (const struct kind *k = kinds; k->name != NULL; k++)
		kind_paths(paths, k);
	o = json_pack("{s:s, s:{s:s, s:s, s:s}, s:[{s:s}], s:[{s:[]}], s:o, s:o}",
	    "openapi", "3.0.3",
	    "info", "title", "Waymark API", "version", WAYMARK_VERSION, "description",
	    "Every kind of record Waymark keeps, with the same field names as the command "
	    "line's --json. Log in with POST /login; send the X-CSRF-Token header with every "
	    "change. Errors are {\"error\": {\"status\", \"code\", \"message\"}}.",
	    "servers", "url", "/api/v1",
	    "security", "session",
	    "paths", paths,
	    "components", components());
	return o;
}
