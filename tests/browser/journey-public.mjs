// journey-public.mjs: someone not signed in opens the public server's home
// page: the published goals and indicators with their charts, and the
// published recommendations; axe-core clean; at a phone's width nothing
// scrolls sideways.
//
//   node tests/browser/journey-public.mjs PUBLIC_URL OUTDIR
import { start, browser, test, expect, axeCheck, noSideScroll, atPhone, done } from './lib.mjs'

const { base } = start()
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()

await test('the public home page shows what is published, with charts', page, async () => {
  await axeCheck(page, '/')
  expect(await page.isVisible('h1:has-text("Our plans and how we are doing")'), 'no heading')
  expect(await page.locator('.wm-spark svg').count() > 5, 'no charts')
  expect(await page.isVisible('text=Recommendations made to us'), 'no recommendations')
  expect(!(await page.isVisible('text=Sign out')), 'signed in?')
})

await test("at a phone's width it does not scroll sideways", page, async () => {
  await atPhone(page, async () => {
    await page.goto(base + '/')
    await noSideScroll(page, 'the public home page')
  })
})

await test('an indicator it links to opens', page, async () => {
  await page.goto(base + '/')
  await page.click('a:has-text("Residential burglaries per 1,000 households")')
  await page.waitForURL(/\/pis\/SC-01$/)
  await axeCheck(page, '/pis/SC-01')
})

await ctx.close()
done()
