// journey-recommendation.mjs: a planner adds a recommendation from the
// register, sends the form with two mistakes first, sees both at once in
// plain words, puts them right and finds the recommendation; axe-core on
// the form and its error state; at a phone's width nothing scrolls sideways.
//
//   node tests/browser/journey-recommendation.mjs URL OUTDIR
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, errorSummary, done } from './lib.mjs'

const { base } = start()
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()

await test('a planner finds the add form from the register', page, async () => {
  await signIn(page, 'pat', 'planner pass')
  await page.goto(base + '/recommendations')
  await page.click('a:has-text("Add a recommendation")')
  await page.waitForURL(/\/recommendations\/new$/)
  expect(await page.isVisible('h1:has-text("Add a recommendation")'), 'no heading')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the add form'))
})

await test('sent with two mistakes, the form says both, in plain words, and keeps what was typed', page, async () => {
  await page.selectOption('#source', 'DA2002')
  await page.fill('#ref', 'R99')
  await page.fill('#subject', 'Publish the plan on time')
  await page.fill('#percent_complete', '150')
  await page.click('button:has-text("Add recommendation")')
  await page.waitForSelector('.govuk-error-summary')
  const msgs = await errorSummary(page)
  expect(msgs.length === 2, 'not two errors: ' + JSON.stringify(msgs))
  expect(msgs.includes('Enter the recommendation'), 'no message for the missing text: ' + msgs)
  expect(msgs.includes('Enter percentage complete from 0 to 100'), 'no message for the percentage: ' + msgs)
  expect(!msgs.join(' ').match(/percent_complete|--|is not a number/), 'a field name or option shows: ' + msgs)
  expect(await page.inputValue('#subject') === 'Publish the plan on time', 'the subject was lost')
  expect(await page.inputValue('#percent_complete') === '150', 'the percentage was lost')
  expect((await page.title()).startsWith('Error: '), 'the title does not say there is an error')
  expect(await page.isVisible('#text-error'), 'no message beside the text')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the form with its errors'))
})

await test('each error links to its field', page, async () => {
  await page.click('.govuk-error-summary__list a:has-text("Enter the recommendation")')
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id)
  expect(focused === 'text', 'the link did not take the reader to the field: ' + focused)
})

await test('put right, it is added and its page says so', page, async () => {
  await page.fill('#text', 'Publish the annual plan by the end of June.')
  await page.fill('#percent_complete', '10')
  await page.check('input[name="leads"][value="ACHR"]')
  await page.click('button:has-text("Add recommendation")')
  await page.waitForURL(/\/recommendations\/DA2002\/R99\?saved=added/)
  expect(await page.isVisible('text=The recommendation has been added'), 'no success banner')
  expect(await page.isVisible('text=Publish the annual plan by the end of June.'), 'the text is not shown')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the new recommendation'))
})

await test('its change form shows what it holds, and a change is saved', page, async () => {
  await page.click('a:has-text("Change this recommendation")')
  await page.waitForURL(/\/recommendations\/DA2002\/R99\/edit$/)
  expect(await page.inputValue('#percent_complete') === '10', 'the form does not hold the percentage')
  await axeNow(page)
  await page.fill('#percent_complete', '25')
  await page.click('button:has-text("Save changes")')
  await page.waitForURL(/saved=changed/)
  expect(await page.isVisible('text=Your changes to the recommendation have been saved'), 'no banner')
})

await ctx.close()
done()
