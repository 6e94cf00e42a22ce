// run.mjs: the web application in a real browser (Debian's chromium,
// headless, driven by playwright-core), as tests/e2e/t4500-browser.sh runs it.
//
//   node tests/browser/run.mjs URL OUTDIR
//
// A lead officer signs in, finds an overdue recommendation, adds a progress
// update and sees it in the register, on the dashboard and in the audit
// log; every page is checked with axe-core (no serious or critical
// violations), at 320 px wide (no sideways scrolling of the page) and as
// printed; forms (a comment, the exception report's filter) are used with
// script turned off. Prints TAP; a failing test leaves a screenshot in
// OUTDIR. The journeys of the forms, figures and the public are the
// journey-*.mjs scripts beside it (tests/e2e/t4501-journeys.sh). Last, the
// screenshot step (papers.mjs): one page of a committee paper in each
// format, downloaded from its meeting's page, kept in OUTDIR/papers/.
import { start, browser, test, expect, axeCheck, axeNow, signIn, done } from './lib.mjs'
import { paperScreenshots } from './papers.mjs'

const { base, outdir } = start()
const pages = ['/', '/framework', '/pis', '/pis/SC-01', '/pis/SC-01?unit=Camden', '/exceptions',
  '/exceptions?committee=SC-COMM', '/scorecard', '/scorecard?unit=Camden', '/recommendations', '/recommendations/DA2002/R13', '/projects', '/timetable', '/committees',
  '/themes', '/records', '/units', '/units/Camden', '/commentaries',
  '/pis/SC-01/figures', '/pis/SC-01/targets', '/meetings/MB/2005-04-21']

const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()
const cspErrors = []
page.on('console', m => { if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text()) })

await test('the sign-in page has no serious accessibility problems (axe-core)', page, async () => {
  await axeCheck(page, '/login')
})

await test('a lead officer signs in with the form', page, async () => {
  await signIn(page, 'lena', 'lead password')
  expect(await page.isVisible('text=Sign out Ruth Lead'), 'no sign-out button after signing in')
})

await test('they find an overdue recommendation in the register', page, async () => {
  await page.goto(base + '/recommendations')
  await page.check('#overdue')
  await page.selectOption('#source', 'DA2002')
  await page.click('button:has-text("Filter")')
  expect(page.url().includes('overdue=yes'), 'the filter is not in the address: ' + page.url())
  const row = page.locator('tr', { hasText: 'DA2002/R13' })
  expect(await row.count() === 1, 'DA2002/R13 is not listed as overdue')
  expect((await row.innerText()).toLowerCase().includes('overdue'), 'DA2002/R13 is not tagged overdue')
  await row.locator('a').first().click()
  await page.waitForURL(/\/recommendations\/DA2002\/R13$/)
})

await test('they add a progress update, written in Markdown', page, async () => {
  await page.selectOption('#degree_met', 'completely')
  await page.fill('#text', 'All review action plans are *prioritised* and monitored.')
  await page.click('button:has-text("Add update")')
  await page.waitForURL(/added=progress/)
  expect(await page.isVisible('text=Your progress update has been added'), 'no success banner')
  const html = await page.innerHTML('#main-content')
  expect(html.includes('<em>prioritised</em>'), 'the Markdown was not rendered')
  expect(html.includes('2005-04-15: completely'), 'the update is not in the history')
})

await test('the update shows in the register', page, async () => {
  await page.goto(base + '/recommendations?source=DA2002')
  const row = page.locator('tr', { hasText: 'DA2002/R13' })
  const text = await row.innerText()
  expect(text.includes('completely'), 'the register does not show the new grade: ' + text)
  // a lead's "completely" waits for a planner's sign-off before it closes
  expect(text.toLowerCase().includes('awaiting sign-off'), 'completely met by a lead is not awaiting sign-off: ' + text)
})

await test('the update shows on the dashboard', page, async () => {
  await page.goto(base + '/')
  const row = page.locator('tr', { hasText: 'DA2002/R13' }).filter({ hasText: '2005-04-15' })
  expect(await row.count() >= 1, 'the dashboard does not list the update')
})

await test('the audit log is not a lead officer\'s to read', page, async () => {
  await axeCheck(page, '/audit', 403)
})

for (const path of pages) {
  await test(`${path} has no serious accessibility problems (axe-core)`, page, async () => {
    await axeCheck(page, path)
  })
}
await test('a page that is not there has no serious accessibility problems', page, async () => {
  await axeCheck(page, '/no/such/page', 404)
})
await test('a report form sent back with a mistake has no serious accessibility problems', page, async () => {
  await axeCheck(page, '/exceptions?as_of=zz', 400)
})

await test('the pages load no script or style the policy blocks', page, async () => {
  expect(cspErrors.length === 0, cspErrors.join('\n'))
})

await test('at 320 px wide no page scrolls sideways', page, async () => {
  await page.setViewportSize({ width: 320, height: 640 })
  const wide = []
  for (const path of pages) {
    await page.goto(base + path)
    const w = await page.evaluate(() => document.documentElement.scrollWidth)
    if (w > 320) wide.push(`${path}: ${w}px`)
  }
  expect(wide.length === 0, wide.join(', '))
  await page.goto(base + '/recommendations/DA2002/R13')
  expect(await page.isVisible('#text'), 'the update form is not usable at 320 px')
  await page.setViewportSize({ width: 1024, height: 800 })
})

await test('printed, a page is the paper without the site around it', page, async () => {
  await page.goto(base + '/recommendations')
  await page.emulateMedia({ media: 'print' })
  expect(!(await page.isVisible('.govuk-service-navigation')), 'the navigation prints')
  expect(!(await page.isVisible('form')), 'the filter form prints')
  expect(await page.isVisible('table.govuk-table'), 'the register does not print')
  await page.emulateMedia({ media: 'screen' })
})

await test('menus work with script (GOV.UK Frontend starts)', page, async () => {
  await page.goto(base + '/')
  const cls = await page.evaluate(() => document.body.className)
  expect(cls.includes('govuk-frontend-supported'), 'app.js did not start GOV.UK Frontend: ' + cls)
})
await ctx.close()

const admin = await browser()
const apage = admin.pages()[0] || await admin.newPage()
await test('the user administration page has no serious accessibility problems', apage, async () => {
  await signIn(apage, 'alice', 'correct horse')
  await axeCheck(apage, '/admin/users')
  expect(await apage.isVisible('text=Add a user'), 'no form to add a user')
})
await test('the update shows in the audit log, by the lead officer, in words', apage, async () => {
  await axeCheck(apage, '/audit')
  const first = apage.locator('tbody tr').first()
  const text = await first.innerText()
  expect(text.includes('web:lena') && /progress update/i.test(text), 'the newest entry is not the update: ' + text)
  await axeCheck(apage, '/audit?from=someday', 422)
})
await test('an account\'s page, the confirmation before disabling, and an error kept on the account', apage, async () => {
  await axeCheck(apage, '/admin/users/lena')
  await apage.click('button:has-text("Disable user")')
  await apage.waitForSelector('h1:has-text("Disable lena?")')
  await axeNow(apage)
  await apage.click('a:has-text("No, go back")')
  await apage.waitForSelector('h1:has-text("lena")')
  await apage.goto(base + '/admin/users/alice')
  await apage.selectOption('#role', 'planner')
  await apage.click('button:has-text("Change role")')
  await apage.waitForSelector('.govuk-error-summary:has-text("only administrator")')
  expect(await apage.isVisible('h1:has-text("alice")'), 'the page is not the same account')
  await axeNow(apage)
})
await admin.close()

const noscript = await browser({ javaScriptEnabled: false })
const npage = noscript.pages()[0] || await noscript.newPage()
await test('without script, a member signs in and comments', npage, async () => {
  await signIn(npage, 'mo', 'member pass')
  await npage.goto(base + '/recommendations/DA2002/R13')
  await npage.fill('#comment', 'Thank you: **noted**.')
  await npage.click('button:has-text("Add comment")')
  await npage.waitForURL(/added=comment/)
  expect((await npage.innerHTML('#comments ~ .wm-md, #main-content')).includes('<strong>noted</strong>'),
    'the comment is not shown')
})
await test('without script, the exception report is filtered by committee with its form', npage, async () => {
  await npage.goto(base + '/exceptions')
  expect(await npage.locator('a[href="/pis/WF-01"]').count() === 1, 'WF-01 is not an exception before filtering')
  await npage.selectOption('#committee', 'SC-COMM')
  await npage.fill('#as_of', '2005-03')
  await npage.click('button:has-text("Show")')
  await npage.waitForURL(/committee=SC-COMM/)
  expect(await npage.locator('a[href="/pis/WF-01"]').count() === 0, 'WF-01 is still listed')
  expect(await npage.locator('a[href="/pis/SC-01"]').count() === 1, 'SC-01 is not listed')
  expect(await npage.inputValue('#as_of') === '2005-03', 'the form forgot the period')
})
await test('without script, a bad period comes back with the reason beside the field', npage, async () => {
  await npage.goto(base + '/scorecard')
  await npage.fill('#as_of', 'last March')
  await npage.click('button:has-text("Show")')
  expect(await npage.isVisible('.govuk-error-summary'), 'no error summary')
  expect((await npage.innerText('#as_of-error')).includes('is not a period'), 'no message beside the field')
})
await noscript.close()

await paperScreenshots(base, outdir)

done()
