// journey-search.mjs: a planner types words into the search box in the
// header, reads the results (the best first, each with what it is and a
// line of its text), opens one, and the public server finds only what is
// published. axe-core on the results, on an empty result and on the
// search's own form; at a phone's width nothing scrolls sideways, the
// header's box included.
//
//   node tests/browser/journey-search.mjs URL OUTDIR PUBLIC_URL
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, done } from './lib.mjs'

const { base } = start()
const publicBase = process.argv[4]
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()

await test('the header box finds a recommendation by words of its text', page, async () => {
  await signIn(page, 'pat', 'planner pass')
  await page.goto(base + '/recommendations')
  await page.fill('#header-search', 'continuous improv')
  await page.press('#header-search', 'Enter')
  await page.waitForURL(/\/search\?q=continuous\+improv$/)
  await page.waitForSelector('h1:has-text("Search")')
  expect(await page.inputValue('#q') === 'continuous improv', 'the words are not kept in the form')
  expect(await page.isVisible('#search-count:has-text("every word of")'), 'no count')
  expect(await page.isVisible('.wm-search-results a[href="/recommendations/DA2002/R3"]'), 'no DA2002/R3')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the results'))
})

await test('a result opens its record', page, async () => {
  await page.click('.wm-search-results a[href="/recommendations/DA2002/R3"]')
  await page.waitForURL(/\/recommendations\/DA2002\/R3$/)
  expect(await page.isVisible('text=Build best value principles into everyday work'), 'not the record')
})

await test('words found nowhere say so; the header box fits a phone', page, async () => {
  await page.goto(base + '/search?q=' + encodeURIComponent('<b>nowhere</b>'))
  expect(await page.isVisible('#search-count:has-text("Nothing holds every word of")'), 'no message')
  expect(await page.locator('b:has-text("nowhere")').count() === 0, 'the words were not escaped')
  await axeNow(page)
  await atPhone(page, async () => {
    await page.goto(base + '/projects')
    await noSideScroll(page, 'a page with the header box')
    expect(await page.isVisible('#header-search'), 'no search box at a phone width')
  })
})

await test('the public finds what is published, and no box for the signed-out elsewhere', page, async () => {
  const pub = await browser()
  const p = pub.pages()[0] || await pub.newPage()
  await p.goto(publicBase + '/')
  await p.fill('#header-search', 'best value')
  await p.press('#header-search', 'Enter')
  await p.waitForSelector('h1:has-text("Search")')
  expect(await p.locator('.wm-search-results li').count() > 0, 'nothing found')
  expect(await p.locator('.wm-search-results a[href^="/progress/"]').count() === 0, 'progress updates shown to the public')
  await axeNow(p)
  await pub.close()
})

await ctx.close()
done()
