// journey-mywork.mjs: a lead officer signs in and lands on My work, which
// lists what their post leads that is overdue or has had no update; they
// follow an item's link straight to its update form, send an update, and
// My work shows it; axe-core on each page; at a phone's width nothing
// scrolls sideways.
//
//   node tests/browser/journey-mywork.mjs URL OUTDIR
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, done } from './lib.mjs'

const { base } = start()
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()

await test('signing in lands on My work, listing what the lead must update', page, async () => {
  await signIn(page, 'jo', 'owner pass')
  expect(new URL(page.url()).pathname === '/my', 'signing in went to ' + page.url())
  expect(await page.isVisible('h1:has-text("My work: Jo Analyst")'), 'no heading')
  expect(await page.isVisible('a[href="/recommendations/DA2002/R9#add-progress"]'), 'the overdue DA2002/R9 is not listed')
  expect(await page.isVisible('a[aria-current="page"]:has-text("My work")'), 'My work is not the current page in the navigation')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'My work'))
})

await test('an item links straight to its update form, and the update is saved', page, async () => {
  await page.click('a[href="/recommendations/DA2002/R9#add-progress"]')
  await page.waitForURL(/\/recommendations\/DA2002\/R9#add-progress$/)
  expect(await page.isVisible('#add-progress'), 'no update form')
  await page.fill('#percent_complete', '60')
  await page.fill('#text', 'Reporting lines agreed with each business group.')
  await page.click('button:has-text("Add update")')
  await page.waitForSelector('text=Your progress update has been added')
  await axeNow(page)
})

await test('back on My work, the item shows the update', page, async () => {
  await page.click('a.govuk-service-navigation__link:has-text("My work")')
  await page.waitForURL(/\/my$/)
  const row = await page.textContent('tr:has(a[href="/recommendations/DA2002/R9#add-progress"])')
  expect(row.includes('2005-04-15'), 'the row does not show the new update: ' + row)
  await atPhone(page, () => noSideScroll(page, 'My work after the update'))
})

await ctx.close()
done()
