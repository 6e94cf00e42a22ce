// lib.mjs: what the browser tests share: a fresh headless Chromium (Debian's,
// driven by playwright-core), TAP output, axe-core checks, signing in, and
// the narrow-screen check. Each journey script imports it:
//
//   import { start, test, skip, expect, axeCheck, signIn, noSideScroll, atPhone, done } from './lib.mjs'
//   const { base, outdir } = start()
//
// A failing test leaves a screenshot in the output folder.
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
// Evaluated through the DevTools protocol, so the page's CSP stays on.
const axeSource = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

let n = 0
let failed = 0
let outdir = '.'
let base = ''
const profiles = []

// The arguments every journey takes: the server's address, the output folder, then its own.
export function start () {
  const [url, out, ...rest] = process.argv.slice(2)
  base = url
  outdir = out
  mkdirSync(outdir, { recursive: true })
  return { base, outdir, rest }
}

export async function browser (options = {}) {
  // A fresh profile every time: nothing carries over from another run.
  const dir = mkdtempSync(join(tmpdir(), 'waymark-chromium-'))
  profiles.push(dir)
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: flags,
    viewport: { width: 1024, height: 800 },
    ...options
  })
}

export async function test (name, page, fn) {
  n++
  try {
    await fn()
    console.log(`ok ${n} - ${name}`)
  } catch (e) {
    failed++
    console.log(`not ok ${n} - ${name}`)
    console.log(String(e.stack || e).split('\n').slice(0, 12).map(l => '#   ' + l).join('\n'))
    if (page) {
      const file = join(outdir, `browser-${process.pid}-${n}-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => {})
      console.log(`#   screenshot: ${file}`)
    }
  }
}

// A test that cannot run here, and why (tests/run counts it as skipped).
export function skip (name, why) {
  n++
  console.log(`ok ${n} - ${name} # SKIP ${why}`)
}

export function expect (cond, what) {
  if (!cond) throw new Error(what)
}

// No serious or critical axe-core violations on the page as it is now.
export async function axeNow (page) {
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => await globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
  }))
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.length === 0, bad.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(x => x.target).join(', ')}`).join('\n'))
}

// The same at path (status: what it should answer).
export async function axeCheck (page, path, status = 200) {
  const res = await page.goto(base + path)
  expect(res.status() === status, `${path}: status ${res.status()}`)
  await axeNow(page)
}

export async function signIn (page, user, password) {
  await page.goto(base + '/login')
  await page.fill('#username', user)
  await page.fill('#password', password)
  await page.click('button:has-text("Sign in")')
  await page.waitForURL(u => !u.pathname.startsWith('/login'))
}

// The page as it is now does not scroll sideways at its viewport's width.
export async function noSideScroll (page, what) {
  const { sw, w } = await page.evaluate(() => ({
    sw: document.documentElement.scrollWidth, w: window.innerWidth
  }))
  expect(sw <= w, `${what || page.url()}: ${sw}px wide at ${w}px`)
}

// fn at a phone's viewport (390 x 844), then back to the desktop one.
export async function atPhone (page, fn) {
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    await fn()
  } finally {
    await page.setViewportSize({ width: 1024, height: 800 })
  }
}

// The error summary's messages, in order.
export async function errorSummary (page) {
  return page.locator('.govuk-error-summary__list li').allInnerTexts()
}

export function done () {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true })
  console.log(`1..${n}`)
  process.exit(failed ? 1 : 0)
}
