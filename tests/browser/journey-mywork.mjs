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
const R9 = 'a[href^="/progress/new?recommendation=DA2002%2FR9"]'

await test('signing in lands on My work, listing what the lead must update', page, async () => {
  await signIn(page, 'jo', 'owner pass')
  expect(new URL(page.url()).pathname === '/my', 'signing in went to ' + page.url())
  expect(await page.isVisible('h1:has-text("My work: Jo Analyst")'), 'no heading')
  expect(await page.isVisible(R9), 'the overdue DA2002/R9 is not listed')
  expect(await page.isVisible('a[aria-current="page"]:has-text("My work")'), 'My work is not the current page in the navigation')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'My work'))
})

await test('an item links straight to its update form, which comes back to My work', page, async () => {
  await page.click(R9)
  await page.waitForURL(/\/progress\/new\?recommendation=DA2002%2FR9/)
  expect(await page.inputValue('#recommendation') === 'DA2002/R9', 'the form is not for DA2002/R9')
  await axeNow(page)
  await page.fill('#date-day', '15')
  await page.fill('#date-month', '4')
  await page.fill('#date-year', '2005')
  await page.fill('#percent_complete', '60')
  await page.fill('#text', 'Reporting lines agreed with each business group.')
  await page.click('button:has-text("Add progress update")')
  await page.waitForURL(/\/my(\?.*)?$/)
})

await test('back on My work, the item shows the update', page, async () => {
  const row = await page.textContent('tr:has(' + R9 + ')')
  expect(row.includes('2005-04-15'), 'the row does not show the new update: ' + row)
  await atPhone(page, () => noSideScroll(page, 'My work after the update'))
})

await ctx.close()
done()
