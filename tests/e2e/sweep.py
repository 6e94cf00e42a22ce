#!/usr/bin/env python3
"""sweep.py: the attack sweeps of issue 16, run by t4111-sweep-writes.sh and
t4112-sweep-payloads.sh against a running server (lib-http.sh starts it).

The cases come from the server's own description of itself, never from a
list kept here: the kinds are /api/v1's, their fields, keys and writes are
/api/v1/openapi.json's (made from model/kinds.c), the forms are the pages'
own, the reports and their options /api/v1/reports'. A kind added to
kinds.c is swept without touching this file.

What is kept here is what the sweep expects: who may write what (ROLES,
the rules of src/model/authz.c restated as a test's oracle), and the
classic injection payloads (PAYLOADS).

    sweep.py writes CONFIG.json    every kind x role x write, API and forms
    sweep.py payloads CONFIG.json  SQL and script payloads in every text field,
                                   filter and report option

CONFIG names the servers and the accounts: {"private": URL, "public": URL,
"admin": [user, password], "roles": [{"role", "user", "password",
"server"}...]}. Each prints its counts as one JSON line on the last line of
standard output and every failure before it, one a line; it exits 1 when
anything failed.
"""
import html.parser
import http.client
import json
import os
import re
import sys
import urllib.parse

# ---------------------------------------------------------------------------
# HTTP, with a session per account


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.conn = None
        self.cookie = None
        self.csrf = ""

    def request(self, method, path, body=None, ctype=None):
        headers = {"X-CSRF-Token": self.csrf}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = ctype or "application/json"
            if isinstance(body, str):
                body = body.encode()
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                pair = v.split(";", 1)[0]
                if pair.split("=", 1)[1] == "":
                    self.cookie = None
                else:
                    self.cookie = pair
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return r.status, r, data

    def json(self, method, path, obj=None):
        st, r, data = self.request(method, path, None if obj is None else json.dumps(obj))
        try:
            j = json.loads(data) if data else None
        except ValueError:
            j = None
        return st, j, data

    def form(self, path, fields):
        fields = list(fields) + [("csrf_token", self.csrf)]
        st, r, data = self.request("POST", path, urllib.parse.urlencode(fields),
                                   "application/x-www-form-urlencoded")
        return st, r.getheader("Location", ""), data

    def login(self, user, password):
        st, j, data = self.json("POST", "/api/v1/login", {"username": user, "password": password})
        if st != 200:
            raise SystemExit("login %s: %d %s" % (user, st, data[:200]))
        self.csrf = j["csrf_token"]


def q(v):
    return urllib.parse.quote(str(v), safe="")


# ---------------------------------------------------------------------------
# The server's description of itself


class Kinds:
    """The kinds, their schemas, keys and writes, from /api/v1/openapi.json."""

    def __init__(self, admin):
        self.admin = admin
        st, index, _ = admin.json("GET", "/api/v1")
        st, self.spec, _ = admin.json("GET", "/api/v1/openapi.json")
        self.names = index["kinds"]
        self.paths = self.spec["paths"]
        self.schemas = self.spec["components"]["schemas"]

    def _ref(self, o):
        return self.schemas[o["$ref"].rsplit("/", 1)[1]]

    def list_path(self, k):
        return "/" + k

    def item_template(self, k):
        for p in self.paths:
            if p.startswith("/" + k + "/{"):
                return p
        return None

    def offers(self, k, write):
        if write == "create":
            return "post" in self.paths.get("/" + k, {})
        t = self.item_template(k)
        return t is not None and {"update": "patch", "remove": "delete"}[write] in self.paths[t]

    def record_schema(self, k):
        page = self.paths["/" + k]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        return self._ref(self._ref(page)["properties"]["items"]["items"])

    def input_schema(self, k):
        post = self.paths["/" + k].get("post")
        if post is None:
            return None
        return self._ref(post["requestBody"]["content"]["application/json"]["schema"])

    def key(self, k):
        return self.record_schema(k)["x-waymark-key"]

    def key_path(self, k, rec):
        return "/".join(q(rec[f]) for f in self.key(k))

    def filters(self, k):
        """The list's query parameters that filter (not limit, offset)."""
        out = []
        for p in self.paths["/" + k]["get"].get("parameters", []):
            if "$ref" in p:
                p = self.spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]
            if p.get("in") == "query" and p["name"] not in ("limit", "offset"):
                out.append(p["name"])
        return out


def ref_target(s):
    m = re.search(r"\(the key of ([a-z_]+)\)$", s.get("description", ""))
    return m.group(1) if m else None


def is_plain_text(s):
    """A free text field: a string with no format, pattern, choice or reference."""
    return (s.get("type") == "string" and "format" not in s and "pattern" not in s and
            "enum" not in s and ref_target(s) is None)


# ---------------------------------------------------------------------------
# Bodies: a record to add and a change to make, derived from an existing one


def filler(s):
    t = s.get("type")
    if "enum" in s:
        return s["enum"][0]
    if s.get("format") == "date":
        return "2005-01-31"
    if t == "string":
        return "swept value 1"
    if t == "boolean":
        return False
    if t in ("integer", "number"):
        return max(s.get("minimum", 0), 0)
    if t == "array":
        return []
    return None


def key_variants(kinds, k, rec):
    """Values of one key field that make another record: the last key part first."""
    inp = kinds.input_schema(k)["properties"]
    for f in reversed(kinds.key(k)):
        s = inp.get(f) or kinds.record_schema(k)["properties"][f]
        v = rec.get(f)
        target = ref_target(s)
        if target:
            st, page, _ = kinds.admin.json("GET", "/api/v1/%s?limit=60" % target)
            for other in (page or {}).get("items", []):
                yield f, "/".join(str(other[x]) for x in kinds.key(target))
        elif s.get("type") == "integer":
            yield f, None           # numbered when added
            yield f, (v or 0) + 1000
        elif "enum" in s:
            for e in s["enum"]:
                if e != v:
                    yield f, e
        elif s.get("format") == "date":
            for y in ("1990", "1991", "1992"):
                yield f, y + (v or "2005-01-01")[4:]
        elif "pattern" in s and s["pattern"].startswith("^[0-9]{4}/"):
            for y in ("1990/91", "1991/92"):
                yield f, y
        elif "pattern" in s and s["pattern"].startswith("^[0-9]{4}"):
            for y in ("1990", "1991"):
                yield f, y + (v or "")[4:]
        elif s.get("type") == "string":
            yield f, "%s-sw" % v
            yield f, "swept%d" % len(str(v))


def create_body(kinds, k, rec):
    inp = kinds.input_schema(k)
    body = {}
    for f, s in inp["properties"].items():
        if rec is not None and rec.get(f) is not None:
            body[f] = rec[f]
    for f in inp.get("required", []):
        if f not in body:
            body[f] = filler(inp["properties"][f])
    if "password" in inp["properties"]:
        body["password"] = "swept password"
    return body


def update_variants(kinds, k, rec, tag="the sweep"):
    """Changes to one field that is no part of the key (free text first), each a change,
    as (how, body): the same how gives the same kind of change to the same field."""
    props = kinds.record_schema(k)["properties"]
    inp = (kinds.input_schema(k) or {"properties": props})["properties"]
    key = set(kinds.key(k))
    cands = [f for f, s in inp.items() if f not in key and f in props and f != "password"]
    rec = rec or {}
    for f in cands:
        if is_plain_text(inp[f]) and inp[f].get("maxLength", 99) > 20:
            yield (f, "text"), {f: "changed by " + tag}
            try:                    # text that holds JSON: a change it still reads
                o = json.loads(rec.get(f) or "")
            except ValueError:
                o = None
            if isinstance(o, dict):
                o["changed_by"] = tag
                yield (f, "json"), {f: json.dumps(o)}
    for f in cands:
        s, v = inp[f], rec.get(f)
        if s.get("type") == "boolean":
            yield (f, "flip"), {f: not bool(v)}
        elif "enum" in s:
            for e in (e for e in s["enum"] if e != v):
                yield (f, "enum"), {f: e}
        elif s.get("type") in ("integer", "number"):
            lo, hi = s.get("minimum", 0), s.get("maximum", 100)
            if s.get("type") == "integer":
                lo, hi, v = int(lo), int(hi), v if v is None else int(v)
            yield (f, "number"), {f: lo if v != lo else min(lo + 1, hi)}
        elif s.get("format") == "date":
            yield (f, "date"), {f: "2001-01-31" if v != "2001-01-31" else "2001-02-28"}
    for f in cands:                 # what another record of the kind holds there
        if is_plain_text(inp[f]):
            st, page, _ = kinds.admin.json("GET", "/api/v1/%s?limit=60" % k)
            for other in (page or {}).get("items", []):
                if other.get(f) not in (None, rec.get(f)):
                    yield (f, "other"), {f: other[f]}
    if not cands:                   # a record that is all key: renaming it is its change
        # from the end of the list: a create takes the first one that works
        for f, v in reversed(list(key_variants(kinds, k, rec))):
            if v is not None and v != rec.get(f) and not isinstance(v, int):
                yield (f, "key"), {f: v}


# ---------------------------------------------------------------------------
# Who may write what: authz.c's rules, as the test's oracle

# What a lead officer may change some of, on the records their posts lead
# (authz.c: lead_rules, and the plan items' views of nodes).
LEAD_KINDS = {"progress", "revisions", "project_reports", "commentaries", "measurements",
              "nodes", "goals", "aims", "outcomes", "priorities", "actions", "objectives",
              "milestones", "comments"}


def expected(role, k, write):
    """True: allowed; False: refused; None: depends on the record (lead with posts)."""
    if role == "admin":
        return True
    if role == "planner":
        return k != "users"
    if role in ("member", "lead"):   # "lead": a lead officer who holds no post
        return k == "comments" and write == "create"
    if role == "lead_posts":
        if k in LEAD_KINDS and not (k == "comments" and write == "create"):
            return None
        return k == "comments" and write == "create"
    return False                     # the public, and nobody logged in


REFUSED = (401, 403)


class Audit:
    def __init__(self, admin):
        self.admin = admin

    def head(self):
        st, j, _ = self.admin.json("GET", "/api/v1/audit?limit=1")
        if st != 200:
            raise SystemExit("audit: %d" % st)
        return (j["total"], j["items"][0]["hash"] if j["items"] else None)


# ---------------------------------------------------------------------------
# Forms as a browser posts them


class FormReader(html.parser.HTMLParser):
    """The fields of the page's forms, as a browser would send them: {action: [(name, value)]}."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = {}
        self.cur = None
        self.area = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = self.forms.setdefault(a.get("action", ""), [])
        elif self.cur is None:
            return
        elif tag == "input" and a.get("name"):
            t = a.get("type", "text")
            if t in ("checkbox", "radio") and "checked" not in a:
                return
            if t in ("submit", "button"):
                return
            self.cur.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.area = [a["name"], ""]
            self.cur.append(self.area)
        elif tag == "select" and a.get("name"):
            self.select = [a["name"], None]
            self.cur.append(self.select)
            self.chosen = False
        elif tag == "option" and self.select is not None:
            # the first option, unless another is selected (<option value> is "")
            if (self.select[1] is None and not self.chosen) or "selected" in a:
                self.select[1] = a.get("value") or ""
                self.chosen = self.chosen or "selected" in a

    def handle_data(self, data):
        if self.area is not None:
            self.area[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.cur = None
        elif tag == "textarea":
            self.area = None
        elif tag == "select":
            self.select = None


def read_forms(page):
    p = FormReader()
    p.feed(page.decode("utf-8", "replace"))
    return {k: [(n, v or "") for n, v in f] for k, f in p.forms.items()}


def form_fields(body):
    """A JSON body as posted fields (what the form sweep sends those it expects to refuse)."""
    out = []
    for f, v in body.items():
        if isinstance(v, list):
            out += [(f, str(x)) for x in v]
        elif isinstance(v, bool):
            out.append((f, "yes" if v else "no"))
        elif isinstance(v, float) and v.is_integer():
            out.append((f, str(int(v))))
        elif isinstance(v, dict):
            out.append((f, v.get("text") or ""))
        elif v is not None:
            out.append((f, str(v)))
        else:
            out.append((f, ""))     # a field emptied
    return out


def web_refused(st, loc):
    return st in REFUSED or (st in (302, 303) and "/login" in loc)


def web_done(st, loc):
    return st in (302, 303) and "/login" not in loc


# ---------------------------------------------------------------------------
# Sweep 1: every kind x role x write


class Writes:
    def __init__(self, cfg):
        self.cfg = cfg
        self.admin = Client(cfg["private"])
        self.admin.login(*cfg["admin"])
        self.kinds = Kinds(self.admin)
        self.audit = Audit(self.admin)
        self.failures = []
        self.counts = {"api": {"tried": 0, "refused": 0, "allowed": 0, "by_record": 0},
                       "web": {"tried": 0, "refused": 0, "allowed": 0, "by_record": 0}}
        self.records = {}
        self.bodies = {}
        self.changes = {}

    def fail(self, msg):
        self.failures.append(msg)

    def count(self, front, exp, ok, what):
        c = self.counts[front]
        c["tried"] += 1
        if exp is None:
            c["by_record"] += 1
        elif exp:
            c["allowed"] += 1
        else:
            c["refused"] += 1
        if not ok:
            self.fail(what)

    def record(self, k):
        st, page, _ = self.admin.json("GET", "/api/v1/%s?limit=1" % k)
        items = (page or {}).get("items") or []
        return items[0] if items else None

    def find_create(self, k, rec):
        """A body the administrator adds (and then removes): the create every role tries."""
        base = create_body(self.kinds, k, rec)
        tries = [base] if rec is None else []
        if rec is not None:
            for f, v in key_variants(self.kinds, k, rec):
                b = dict(base)
                if v is None:
                    b.pop(f, None)
                else:
                    b[f] = v
                tries.append(b)
                if len(tries) > 80:
                    break
        for b in tries:
            st, j, data = self.admin.json("POST", "/api/v1/" + k, b)
            if st == 201:
                st2, _, _ = self.admin.json("DELETE", "/api/v1/%s/%s" % (k, self.kinds.key_path(k, j)))
                if st2 != 204:
                    self.fail("%s: the sweep's own record could not be removed (%d)" % (k, st2))
                return b
        self.fail("%s: no record could be added to sweep with (last: %d %s)" % (k, st, data[:200]))
        return None

    def prepare(self):
        for k in self.kinds.names:
            rec = self.record(k)
            self.records[k] = rec
            if self.kinds.offers(k, "create"):
                self.bodies[k] = self.find_create(k, rec)
            elif rec is not None:
                self.bodies[k] = {f: v for f, v in rec.items() if f != "version"}
            else:
                self.bodies[k] = {"ref": "swept"}
            self.changes[k] = self.find_change(k, rec) if rec is not None else None

    def find_change(self, k, rec):
        """A change the administrator can make and undo: the one every role tries, as
        (the record's value, the changed value) of one field."""
        path = "/api/v1/%s/%s" % (k, self.kinds.key_path(k, rec))
        variants = update_variants(self.kinds, k, rec)
        if not self.kinds.offers(k, "update"):
            body = next(iter(variants), (None, {}))[1]
            return {f: rec.get(f) for f in body}, body
        data = b""
        for how, body in variants:
            h0 = self.audit.head()
            st, j, data = self.admin.json("PATCH", path, body)
            if st == 200 and self.audit.head()[0] > h0[0]:
                orig = {f: rec.get(f) for f in body}
                back = "/api/v1/%s/%s" % (k, self.kinds.key_path(k, j))
                st, j, data = self.admin.json("PATCH", back, orig)
                if st != 200:
                    self.fail("%s: the sweep's change could not be undone (%s)" % (k, data[:200]))
                return orig, body
        self.fail("%s: no change the administrator could make to sweep with (%s)" % (k, data[:200]))
        return {}, {}

    def change(self, k, role, front="API"):
        """The change a role tries: to the changed value, or back if it holds it already."""
        orig, body = self.changes.get(k) or ({}, {})
        cur = self.records[k] or {}
        return orig if body and all(cur.get(f) == v for f, v in body.items()) else body

    def api(self, who, role, k):
        rec = self.records[k]
        path = "/api/v1/" + k
        item = path + "/" + (self.kinds.key_path(k, rec) if rec else "0" * 64)
        created = None
        # create
        body = self.bodies[k]
        if body is not None:
            exp = expected(role, k, "create") and self.kinds.offers(k, "create")
            h0 = self.audit.head()
            st, j, data = who.json("POST", path, body)
            h1 = self.audit.head()
            what = "API %s create %s: %d %s" % (role, k, st, data[:160])
            if exp:
                ok = st == 201 and h1[0] > h0[0]
                if st == 201:
                    created = path + "/" + self.kinds.key_path(k, j)
            elif exp is None:
                ok = (st == 201 and h1[0] > h0[0]) or (st in REFUSED and h1 == h0)
                if st == 201:
                    created = path + "/" + self.kinds.key_path(k, j)
            else:
                ok = st in REFUSED and h1 == h0
                if st == 201:
                    created = path + "/" + self.kinds.key_path(k, j)
            self.count("api", exp, ok, what)
        # update
        exp = expected(role, k, "update") and self.kinds.offers(k, "update")
        before = self.admin.json("GET", item)[1]
        h0 = self.audit.head()
        st, j, data = who.json("PATCH", item, self.change(k, role))
        h1 = self.audit.head()
        after = self.admin.json("GET", item)[1]
        what = "API %s update %s: %d %s" % (role, k, st, data[:160])
        if exp:
            ok = st == 200 and h1[0] > h0[0]
        elif exp is None:
            ok = (st == 200 and h1[0] > h0[0]) or (st in REFUSED and h1 == h0 and after == before)
        else:
            ok = st in REFUSED and h1 == h0 and after == before
        if st == 200 and j is not None:
            self.records[k] = j
        self.count("api", exp, ok, what)
        # remove: what this role added, else the record every role tries
        exp = expected(role, k, "remove") and self.kinds.offers(k, "remove")
        target = created if (created and exp) else item
        if exp and not created:
            self.count("api", exp, False, "API %s remove %s: nothing of its own to remove" % (role, k))
            return
        h0 = self.audit.head()
        st, j, data = who.json("DELETE", target)
        h1 = self.audit.head()
        still = self.admin.json("GET", target)[0]
        what = "API %s remove %s: %d %s" % (role, k, st, data[:160])
        if exp:
            ok = st == 204 and h1[0] > h0[0] and still == 404
        elif exp is None:
            ok = (st == 204 and still == 404) or (st in REFUSED and h1 == h0 and still == 200)
        else:
            ok = st in REFUSED and h1 == h0 and (still == 200 or rec is None)
        self.count("api", exp, ok, what)
        if target == item and st == 204:
            self.fail("API %s removed the record every role tries (%s)" % (role, k))
        if created and target != created:
            self.admin.json("DELETE", created)

    def has_form(self, k):
        st, _, _ = self.admin.request("GET", "/%s/new" % k)
        return st == 200

    def web(self, who, role, k, forms):
        rec = self.records[k]
        if rec is None:
            return
        key = self.kinds.key_path(k, rec)
        if "new" in forms:
            exp = expected(role, k, "create")
            h0 = self.audit.head()
            if exp is False:
                st, loc, data = who.form("/%s/new" % k, form_fields(self.bodies[k]))
                ok = web_refused(st, loc) and self.audit.head() == h0
            else:
                # the add form as the server fills it in from the fields, sent back
                qs = urllib.parse.urlencode(form_fields(self.bodies[k]))
                st0, _, page = who.request("GET", "/%s/new?%s" % (k, qs))
                fields = read_forms(page).get("/%s/new" % k)
                if fields is None:
                    st, loc, data = 0, "", page[:300]
                    ok = exp is None and st0 in REFUSED
                else:
                    st, loc, data = who.form("/%s/new" % k, [f for f in fields if f[0] != "csrf_token"])
                    h1 = self.audit.head()
                    ok = (web_done(st, loc) and h1[0] > h0[0]) or \
                        (exp is None and web_refused(st, loc) and h1 == h0)
                    if web_done(st, loc):
                        self.remove_added(k, h1)
            self.count("web", exp, ok, "web %s add %s: %d %s %s" % (role, k, st, loc, data[:200]))
        if "edit" in forms:
            exp = expected(role, k, "update")
            h0 = self.audit.head()
            if exp is False:
                st, loc, data = who.form("/%s/%s/edit" % (k, key), form_fields(self.change(k, role, "form")))
                ok = web_refused(st, loc) and self.audit.head() == h0
            else:
                st0, _, page = who.request("GET", "/%s/%s/edit" % (k, key))
                forms_on = read_forms(page)
                fields = next((f for a, f in forms_on.items() if a.endswith("/edit")), None)
                if fields is None:
                    st, loc, data = st0, "", page[:200]
                    ok = exp is None and st0 in REFUSED
                else:
                    change = form_fields(self.change(k, role, "form"))
                    names = {n for n, _ in change}
                    if not names & {n.rsplit("-", 1)[0] for n, _ in fields} and not names & {n for n, _ in fields}:
                        # the form has no box for it (a key): nothing to try through it
                        self.counts["web"]["no_field"] = self.counts["web"].get("no_field", 0) + 1
                        return self.web_remove(who, role, k, forms, rec, key)
                    fields = [f for f in fields if f[0] != "csrf_token" and f[0] not in names and
                              f[0].rsplit("-", 1)[0] not in names] + change
                    st, loc, data = who.form("/%s/%s/edit" % (k, key), fields)
                    h1 = self.audit.head()
                    ok = (web_done(st, loc) and h1[0] > h0[0]) or \
                        (exp is None and web_refused(st, loc) and h1 == h0)
            self.count("web", exp, ok, "web %s change %s: %d %s %s" % (role, k, st, loc, data[:200]))
            # where the record is now (a change to a record that is all key renames it)
            now = loc.split("?", 1)[0] if web_done(st, loc) and loc.startswith("/%s/" % k) else \
                "/%s/%s" % (k, key)
            st1, j, _ = self.admin.json("GET", "/api/v1" + now)
            if st1 == 200:
                self.records[k] = j
        self.web_remove(who, role, k, forms, rec, key)

    def web_remove(self, who, role, k, forms, rec, key):
        key = self.kinds.key_path(k, self.records[k])
        if "remove" in forms:
            exp = expected(role, k, "remove")
            h0 = self.audit.head()
            if exp is False:
                st, loc, data = who.form("/%s/%s/remove" % (k, key), [])
                ok = web_refused(st, loc) and self.audit.head() == h0 and \
                    self.admin.request("GET", "/api/v1/%s/%s" % (k, key))[0] == 200
            else:
                # a record of its own to remove, added through the API
                st0, j, _ = self.admin.json("POST", "/api/v1/" + k, self.bodies[k])
                h0 = self.audit.head()
                if st0 != 201:
                    self.count("web", exp, False, "web %s remove %s: nothing of its own to remove"
                               % (role, k))
                    return
                other = self.kinds.key_path(k, j)
                st, loc, data = who.form("/%s/%s/remove" % (k, other), [])
                h1 = self.audit.head()
                gone = self.admin.request("GET", "/api/v1/%s/%s" % (k, other))[0] == 404
                ok = (web_done(st, loc) and gone and h1[0] > h0[0]) or \
                    (exp is None and web_refused(st, loc) and h1 == h0)
                if not gone:
                    self.admin.json("DELETE", "/api/v1/%s/%s" % (k, other))
            self.count("web", exp, ok, "web %s remove %s: %d %s %s" % (role, k, st, loc, data[:200]))
        for action in forms.get("progress", []):
            exp = expected(role, "progress", "create")
            h0 = self.audit.head()
            st, loc, data = who.form(action, [("date", "2005-04-15"), ("text", "Swept by the test")])
            h1 = self.audit.head()
            if exp:
                ok = web_done(st, loc) and h1[0] > h0[0]
            elif exp is None:
                ok = (web_done(st, loc) and h1[0] > h0[0]) or (web_refused(st, loc) and h1 == h0)
            else:
                ok = web_refused(st, loc) and h1 == h0
            self.count("web", exp, ok, "web %s progress on %s: %d %s" % (role, k, st, loc))

    def remove_added(self, k, head):
        """Remove what a form just added: the record the body's key names, else the
        one the newest audit entry names."""
        body = self.bodies[k]
        if all(body.get(f) is not None for f in self.kinds.key(k)):
            if self.admin.json("DELETE", "/api/v1/%s/%s" % (k, self.kinds.key_path(k, body)))[0] == 204:
                return
        st, j, _ = self.admin.json("GET", "/api/v1/audit?limit=1")
        e = j["items"][0]
        if e["kind"] == k and e["action"] == "add":
            self.admin.json("DELETE", "/api/v1/%s/%s" % (k, "/".join(q(p) for p in e["ref"].split("/"))))

    def web_forms(self):
        """Which forms each kind has: its pages' own, as the administrator sees them."""
        out = {}
        for k in self.kinds.names:
            f = {}
            rec = self.records[k]
            if self.has_form(k):
                f["new"] = True
            if rec is not None:
                key = self.kinds.key_path(k, rec)
                if self.admin.request("GET", "/%s/%s/edit" % (k, key))[0] == 200:
                    f["edit"] = True
                if self.admin.request("GET", "/%s/%s/remove" % (k, key))[0] == 200:
                    f["remove"] = True
                st, _, page = self.admin.request("GET", "/%s/%s" % (k, key))
                if st == 200:
                    acts = [a for a in read_forms(page) if a.endswith("/progress")]
                    if acts:
                        f["progress"] = acts
            out[k] = f
        return out

    def run(self):
        self.prepare()
        forms = self.web_forms()
        for r in self.cfg["roles"]:
            who = Client(self.cfg[r["server"]])
            if r.get("user"):
                who.login(r["user"], r["password"])
            for k in self.kinds.names:
                self.api(who, r["role"], k)
                self.web(who, r["role"], k, forms[k])
        self.counts["kinds"] = len(self.kinds.names)
        self.counts["roles"] = len(self.cfg["roles"])
        self.counts["forms"] = sum(len(f) for f in forms.values())


def main():
    what, cfg = sys.argv[1], json.load(open(sys.argv[2]))
    s = {"writes": Writes, "payloads": Payloads}[what](cfg)
    s.run()
    for f in s.failures:
        print(f.replace("\n", " "))
    print(json.dumps(s.counts))
    sys.exit(1 if s.failures else 0)


# ---------------------------------------------------------------------------
# Sweep 2: SQL and script payloads everywhere text goes in

# The classic ones: each is tried in every text field, filter and report option.
SQL_PAYLOADS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "'; DROP TABLE unit; --",
    "1; DELETE FROM audit",
    "' UNION SELECT username, password_hash FROM app_user --",
    "admin'--",
    "') OR ('1'='1",
    "%' OR 'x' LIKE '%",
    "1' AND 1=CAST((SELECT name FROM app_user LIMIT 1) AS int) --",
    "'||(SELECT version())||'",
    "\\'; SELECT 1; --",
    "' AND SLEEP(0) --",
    "1 OR 1=1",
]
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<scr<script>ipt>alert(1)</script>",
]
if os.environ.get("WM_TEST_LIGHT"):
    # under the sanitizers (tests/run sets it): a few of each, for what they catch
    SQL_PAYLOADS, XSS_PAYLOADS = SQL_PAYLOADS[:4], XSS_PAYLOADS[:4]
PAYLOADS = SQL_PAYLOADS + XSS_PAYLOADS
ALL_XSS = " ".join(XSS_PAYLOADS)

# What a database's error text looks like: never in an answer.
SQL_ERROR = re.compile(rb"(?i)syntax error|sqlite|sqlstate|unterminated quoted|unrecognized token|"
                       rb"libpq|postgres|no such (table|column)|constraint failed")


class ScriptFinder(html.parser.HTMLParser):
    """What would run in a page: event attributes, javascript: addresses, inline
    scripts that are not the page's own, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        for n, v in attrs:
            if n.startswith("on"):
                self.found.append("<%s %s=...>" % (tag, n))
            if n in ("href", "src", "action", "formaction", "data") and \
                    (v or "").strip().lower().startswith("javascript:"):
                self.found.append("<%s %s=%s>" % (tag, n, v))
        if tag in ("iframe", "object", "embed"):
            self.found.append("<%s>" % tag)
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.found.append("<script>%s" % data[:40])


def scripts_in(page):
    f = ScriptFinder()
    f.feed(page.decode("utf-8", "replace"))
    return f.found


class Payloads:
    def __init__(self, cfg):
        self.admin = Client(cfg["private"])
        self.admin.login(*cfg["admin"])
        self.kinds = Kinds(self.admin)
        self.audit = Audit(self.admin)
        self.failures = []
        self.counts = {}
        self.not_kept = set()
        st, r, _ = self.admin.json("GET", "/api/v1/reports")
        self.reports = r["reports"]

    def fail(self, msg):
        self.failures.append(msg)

    def count(self, what, ok, msg):
        c = self.counts.setdefault(what, {"tried": 0, "failed": 0})
        c["tried"] += 1
        if not ok:
            c["failed"] += 1
            self.fail(msg)

    def summary(self):
        return self.admin.json("GET", "/api/v1/reports/summary")[1]

    def answer_ok(self, st, data):
        return st < 500 and not SQL_ERROR.search(data)

    def page_ok(self, path, what):
        st, r, page = self.admin.request("GET", path)
        if st in (301, 302, 303) and r.getheader("Location", "").startswith("/"):
            path = r.getheader("Location")
            st, r, page = self.admin.request("GET", path)
        found = scripts_in(page) if st < 500 else ["status %d" % st]
        self.count("pages", not found and not SQL_ERROR.search(page),
                   "%s: %s shows %s" % (what, path, found or "a database error"))
        return page

    def filters(self):
        """Every payload in every filter of every list: matched as a value, never run."""
        for k in self.kinds.names:
            web = self.admin.request("GET", "/" + k)[0] == 200
            for f in self.kinds.filters(k):
                for p in SQL_PAYLOADS:
                    st, j, data = self.admin.json("GET", "/api/v1/%s?%s=%s" % (k, f, q(p)))
                    ok = self.answer_ok(st, data) and st in (200, 400, 404, 422) and \
                        (st != 200 or (j is not None and j.get("total") == 0))
                    self.count("filters", ok, "filter %s %s=%r: %d %s" % (k, f, p, st, data[:160]))
                if web:     # the page says what it was asked for: every script payload at once
                    self.page_ok("/%s?%s=%s" % (k, f, q(ALL_XSS)), "list %s %s=<scripts>" % (k, f))

    def report_options(self):
        """Every payload in every option of every report, the others as they come."""
        for r in self.reports:
            need = {}
            for o in r["options"]:
                if o.get("required") and o.get("kind"):
                    st, page, _ = self.admin.json("GET", "/api/v1/%s?limit=1" % o["kind"])
                    need[o["name"]] = self.kinds.key_path(o["kind"], page["items"][0]).replace("%2F", "/")
            web = self.admin.request("GET", "/reports/%s?%s" % (r["name"], urllib.parse.urlencode(need)))[0] == 200
            for o in r["options"]:
                for p in PAYLOADS:
                    args = dict(need)
                    args[o["name"]] = p
                    qs = urllib.parse.urlencode(args)
                    st, j, data = self.admin.json("GET", "/api/v1/reports/%s?%s" % (r["name"], qs))
                    ok = self.answer_ok(st, data) and st in (200, 400, 404, 422) and j is not None
                    self.count("report options", ok, "report %s %s=%r: %d %s" %
                               (r["name"], o["name"], p, st, data[:160]))
                if web:
                    args = dict(need)
                    args[o["name"]] = ALL_XSS
                    self.page_ok("/reports/%s?%s" % (r["name"], urllib.parse.urlencode(args)),
                                 "report %s %s=<scripts>" % (r["name"], o["name"]))

    def text_fields(self):
        """Every payload in every free text field of every kind: kept and shown as text."""
        for k in self.kinds.names:
            if not self.kinds.offers(k, "update"):
                continue
            st, page, _ = self.admin.json("GET", "/api/v1/%s?limit=1" % k)
            if not page or not page.get("items"):
                continue
            rec = page["items"][0]
            path = "/api/v1/%s/%s" % (k, self.kinds.key_path(k, rec))
            inp = self.kinds.input_schema(k)["properties"]
            key = set(self.kinds.key(k))
            fields = [f for f, s in inp.items() if is_plain_text(s) and f not in key and f in rec]
            for f in [f for f in inp if f in key and "pattern" in inp[f]]:
                self.key_field(k, rec, f)
            if not fields:
                continue
            web_key = self.kinds.key_path(k, rec)
            for p in PAYLOADS:
                # the payload in every field at once; field by field if that is refused
                body = self.put(k, path, {f: p for f in fields})
                if body is None:
                    body = {}
                    for f in fields:
                        body.update(self.put(k, path, {f: p}) or {})
                if not body or p not in XSS_PAYLOADS:
                    continue
                # every page that shows the record: the payload as text, nothing run
                self.page_ok("/%s/%s" % (k, web_key), "%s page with %r" % (k, p))
                self.page_ok("/%s" % k, "%s list with %r" % (k, p))
                st, _, edit = self.admin.request("GET", "/%s/%s/edit" % (k, web_key))
                if st == 200:
                    self.count("pages", not scripts_in(edit), "%s edit form with %r" % (k, p))
                    form = dict(next((f for a, f in read_forms(edit).items() if a.endswith("/edit")), []))
                    for f in body:
                        if f in form:
                            self.count("form values", form[f].replace("\r\n", "\n") == p,
                                       "%s edit form: %s is %r, not %r" % (k, f, form[f], p))

    def put(self, k, path, body):
        """PATCH body; None if refused as a whole, else the fields kept as sent."""
        h0 = self.audit.head()
        st, j, data = self.admin.json("PATCH", path, body)
        h1 = self.audit.head()
        if st != 200:
            ok = self.answer_ok(st, data) and st in (400, 404, 422) and h1 == h0
            if len(body) == 1 or not ok:     # refused by the field's own rule, in words
                for f, p in body.items():
                    self.count("text fields", ok, "%s.%s=%r: %d %s" % (k, f, p, st, data[:160]))
                return {} if len(body) == 1 else None
            return None
        kept = {f: p for f, p in body.items() if j.get(f) == p}
        back = {}
        if len(kept) < len(body):
            back = self.admin.json("GET", path)[1] or {}
        for f, p in body.items():
            if f in kept:
                # kept (the answer is the record as stored), and audited: nothing is
                # written behind the log's back
                ok = h1[0] > h0[0]
            else:
                # not kept (a field kept only with another change): then not written
                ok = back.get(f) != p and (kept or h1 == h0)
                self.not_kept.add("%s.%s" % (k, f))
            self.count("text fields", ok, "%s.%s=%r: %d, audited %s %s" %
                       (k, f, p, st, h1[0] > h0[0], data[:160]))
        return kept

    def key_field(self, k, rec, f):
        """A payload as a text key: a record added under it, or refused in words."""
        if not self.kinds.offers(k, "create"):
            return
        base = create_body(self.kinds, k, rec)
        for p in PAYLOADS:
            h0 = self.audit.head()
            st, j, data = self.admin.json("POST", "/api/v1/" + k, dict(base, **{f: p}))
            if st == 201:
                item = "/api/v1/%s/%s" % (k, self.kinds.key_path(k, j))
                ok = j.get(f) == p and self.admin.json("GET", item)[0] == 200
                self.admin.json("DELETE", item)
            else:
                ok = self.answer_ok(st, data) and st in (400, 404, 409, 422) and self.audit.head() == h0
            self.count("key fields", ok, "%s key %s=%r: %d %s" % (k, f, p, st, data[:160]))

    def run(self):
        before = self.summary()
        h0 = self.audit.head()
        self.filters()
        self.report_options()
        if self.audit.head() != h0:
            self.fail("reading lists and reports with payloads wrote to the audit log")
        self.text_fields()
        after = self.summary()
        if after != before:
            self.fail("the records' counts changed: %s" % {k: (before.get(k), after.get(k))
                      for k in set(before) | set(after) if before.get(k) != after.get(k)})
        self.counts["payloads"] = len(PAYLOADS)
        self.counts["not kept alone"] = sorted(self.not_kept)


if __name__ == "__main__":
    main()
