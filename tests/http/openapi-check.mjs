// openapi-check.mjs: check what a running server really answers against the
// OpenAPI description it serves at /api/v1/openapi.json.
//
//   node tests/http/openapi-check.mjs URL SESSION_TOKEN CSRF_TOKEN
//
// Every path is asked (a kind's list, one of its records, the audit log,
// the reports, the session), plus a change, a stale change and errors;
// each answer's status must be one the description lists for that
// operation and its body must fit the schema given for it. Prints TAP.

const [base, session, csrf] = process.argv.slice(2)
const headers = { Cookie: `waymark_session=${session}`, 'X-CSRF-Token': csrf }
let n = 0
let failed = 0

function ok (good, what, detail) {
  n++
  if (good) {
    console.log(`ok ${n} - ${what}`)
  } else {
    failed++
    console.log(`not ok ${n} - ${what}`)
    if (detail) console.log(String(detail).split('\n').map(l => '#   ' + l).join('\n'))
  }
}

const spec = await (await fetch(`${base}/api/v1/openapi.json`)).json()

function resolve (schema) {
  while (schema && schema.$ref) {
    const [, , kind, name] = schema.$ref.split('/')
    schema = spec.components[kind][name]
  }
  return schema
}

// A small validator for the part of JSON Schema the description uses.
function check (schema, value, where, errors) {
  schema = resolve(schema)
  if (!schema) return
  if (value === null) {
    if (!schema.nullable) errors.push(`${where}: null but not nullable`)
    return
  }
  const type = schema.type
  const is = {
    string: v => typeof v === 'string',
    integer: v => Number.isInteger(v),
    number: v => typeof v === 'number',
    boolean: v => typeof v === 'boolean',
    array: v => Array.isArray(v),
    object: v => typeof v === 'object' && !Array.isArray(v)
  }
  if (type && !is[type](value)) {
    errors.push(`${where}: ${JSON.stringify(value)} is not ${type}`)
    return
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${where}: ${value} not in enum`)
  if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${where}: ${value} is not a date`)
  if (schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${where}: ${value} does not match ${schema.pattern}`)
  if (type === 'array' && schema.items) value.forEach((v, i) => check(schema.items, v, `${where}[${i}]`, errors))
  if (type === 'object') {
    for (const r of schema.required || []) if (!(r in value)) errors.push(`${where}: lacks ${r}`)
    for (const [k, s] of Object.entries(schema.properties || {})) if (k in value) check(s, value[k], `${where}.${k}`, errors)
  }
}

// Ask, and check the answer against the operation at path template tmpl.
async function ask (method, url, tmpl, body, extra = {}) {
  const h = { ...headers, ...extra }
  if (body !== undefined) h['Content-Type'] = 'application/json'
  const res = await fetch(base + '/api/v1' + url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  const op = (spec.paths[tmpl] || {})[method.toLowerCase()]
  const what = `${method} ${url} answers ${res.status} as ${tmpl} describes`
  if (!op) { ok(false, what, 'no such operation in the description'); return {} }
  const r = op.responses[String(res.status)]
  if (!r) { ok(false, what, `status ${res.status} is not listed: ${Object.keys(op.responses)}\n${text.slice(0, 300)}`); return {} }
  const schema = r.content && r.content['application/json'] && r.content['application/json'].schema
  let json = null
  if (schema) {
    try { json = JSON.parse(text) } catch (e) { ok(false, what, `not JSON: ${text.slice(0, 200)}`); return {} }
    const errors = []
    check(schema, json, 'body', errors)
    ok(errors.length === 0, what, errors.slice(0, 10).join('\n'))
  } else {
    ok(true, what)
  }
  return { status: res.status, json, res }
}

function keyOf (kindSchema, rec) {
  return resolve(kindSchema)['x-waymark-key'].map(f => String(rec[f])).map(p => p.split('/').map(encodeURIComponent).join('/')).join('/')
}

for (const tmpl of Object.keys(spec.paths)) {
  const m = tmpl.match(/^\/([a-z_]+)$/)
  if (!m || !spec.paths[tmpl].get || ['audit', 'reports', 'me', 'login', 'logout'].includes(m[1])) continue
  const kind = m[1]
  const { json } = await ask('GET', `/${kind}?limit=3`, tmpl)
  const one = Object.keys(spec.paths).find(p => p.startsWith(`/${kind}/{`))
  if (json && json.items && json.items.length > 0 && one) {
    const itemSchema = spec.paths[tmpl].get.responses['200'].content['application/json'].schema
    const pageSchema = resolve(itemSchema)
    await ask('GET', `/${kind}/${keyOf(pageSchema.properties.items.items, json.items[0])}`, one)
  }
}
await ask('GET', '/units?limit=nonsense', '/units')
await ask('GET', '/units/No%20such%20unit', '/units/{ref}')
await ask('GET', '/audit?limit=5', '/audit')
await ask('GET', '/reports', '/reports')
// every report the registry lists, with its defaults (a required option missing is a 400)
for (const path of Object.keys(spec.paths).filter(p => p.startsWith('/reports/') && !p.includes('{'))) {
  await ask('GET', path, path)
}
await ask('GET', '/reports/nothing', '/reports/{name}')
await ask('GET', '/reports/summary?colour=red', '/reports/summary')
await ask('GET', '/reports/chase?stale_days=many&as_of=soon', '/reports/chase')
await ask('GET', '/me', '/me')
const made = await ask('POST', '/units', '/units', { ref: 'Checkton', name: 'Checkton', kind: 'ocu' })
await ask('POST', '/units', '/units', { ref: 'Checkton', name: 'Again' })
await ask('POST', '/units', '/units', { ref: 'Nameless' })
await ask('PATCH', '/units/Checkton', '/units/{ref}', { name: 'Checkton Borough' }, { 'If-Match': '"1"' })
await ask('PATCH', '/units/Checkton', '/units/{ref}', { name: 'Lost' }, { 'If-Match': '"1"' })
await ask('DELETE', '/units/Checkton', '/units/{ref}', undefined, { 'If-Match': '"1"' })
await ask('DELETE', '/units/Checkton', '/units/{ref}', undefined, { 'If-Match': '"2"' })
ok(made.status === 201, 'the record made was 201')
await ask('POST', '/logout', '/logout')

console.log(`1..${n}`)
process.exit(failed ? 1 : 0)
