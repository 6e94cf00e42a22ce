// journey-session.mjs: the session ends while a planner is filling in a
// form; sending it takes them to sign in again, and once signed in the
// form comes back with what they typed, to save. axe-core on the sign-in
// page it sends them to; at a phone's width nothing scrolls sideways.
//
//   node tests/browser/journey-session.mjs URL OUTDIR
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, done } from './lib.mjs'

const { base } = start()
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()
const text = 'Set up a review board that meets every quarter, and publish its minutes.'

await test('a planner starts a recommendation', page, async () => {
  await signIn(page, 'pat', 'planner pass')
  await page.goto(base + '/recommendations/new')
  await page.selectOption('#source', 'BVA2002')
  await page.fill('#ref', 'R98')
  await page.fill('#text', text)
})

await test('the session ends meanwhile; sending the form asks them to sign in again', page, async () => {
  await ctx.clearCookies()
  await page.click('button:has-text("Add recommendation")')
  await page.waitForSelector('h1:has-text("Sign in again")')
  expect(await page.isVisible('text=Sign in again and the form will come back as you left it'), 'no word about the form')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'signing in again'))
})

await test('signed in again, the form is back as it was, and saves', page, async () => {
  await page.fill('#username', 'pat')
  await page.fill('#password', 'planner pass')
  await page.click('button:has-text("Sign in")')
  await page.waitForSelector('text=You are signed in again')
  expect(await page.inputValue('#text') === text, 'the text was lost: ' + await page.inputValue('#text'))
  expect(await page.inputValue('#ref') === 'R98', 'the reference was lost')
  expect(await page.inputValue('#source') === 'BVA2002', 'the source was lost')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the form brought back'))
  await page.click('button:has-text("Add recommendation")')
  await page.waitForURL(/\/recommendations\/BVA2002\/R98\?saved=added/)
  expect(await page.isVisible('text=' + text), 'the recommendation does not hold the text')
})

await ctx.close()
done()
