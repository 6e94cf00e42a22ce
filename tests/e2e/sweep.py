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


class Payloads:
    pass


if __name__ == "__main__":
    main()
