// journey-figures.mjs: a borough's lead enters the month's figures for
// their unit, one far from the unit's history; the page questions it, they
// confirm it with a reason and save; the public never sees it while it
// awaits approval; the indicator's owner approves it, and then it is
// public. axe-core on the grid, its warning and the approval form; at a
// phone's width nothing scrolls sideways.
//
//   node tests/browser/journey-figures.mjs URL OUTDIR PUBLIC_URL
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, errorSummary, done } from './lib.mjs'

const { base, rest: [pub] } = start()
const lead = await browser()
const page = lead.pages()[0] || await lead.newPage()
const anon = await browser()
const apage = anon.pages()[0] || await anon.newPage()

async function publicSees (period) {
  await apage.goto(pub + '/pis/SC-01?unit=Camden')
  return (await apage.locator('table.govuk-table td').allInnerTexts()).includes(period)
}

await test("a borough lead finds their unit's row for the next month", page, async () => {
  await signIn(page, 'cc', 'borough pass')
  await page.goto(base + '/pis/SC-01')
  await page.click('a:has-text("Enter figures")')
  await page.waitForURL(/\/pis\/SC-01\/figures$/)
  expect(await page.isVisible('h1:has-text("Figures for 2005-04")'), 'not the next month')
  expect(await page.locator('.wm-figure-row').count() === 1, 'not one row')
  expect(await page.isVisible('legend:has-text("Camden")'), 'not Camden')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the figures grid'))
})

await test("a figure far from the unit's history is questioned, and not saved", page, async () => {
  await page.fill('#f0-num', '547')
  await page.fill('#f0-den', '9117.5')
  await page.click('button:has-text("Save the figures")')
  await page.waitForSelector('.govuk-error-summary')
  const msgs = await errorSummary(page)
  expect(msgs.length === 1 && msgs[0].includes('Check the figure for Camden'), 'not the check: ' + msgs)
  expect((await page.innerText('#f0-warning')).includes('far from Camden'), 'no reason beside the figure')
  expect(await page.inputValue('#f0-num') === '547', 'the count was lost')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the grid with its warning'))
})

await test('confirmed with a reason, it is saved and awaits approval', page, async () => {
  await page.check('#f0-confirm')
  await page.fill('#f0-reason', 'A new estate was counted from April.')
  await page.click('button:has-text("Save the figures")')
  await page.waitForURL(/saved=1/)
  expect(await page.isVisible('text=They await approval'), 'no word that it awaits approval')
  expect(await page.isVisible('.govuk-tag:has-text("Awaiting approval")'), 'not marked as awaiting approval')
})

await test('the public does not see it before it is approved', apage, async () => {
  expect(await publicSees('2005-03'), 'the public sees no March figure (the page changed?)')
  expect(!(await publicSees('2005-04')), 'the public sees the figure awaiting approval')
})

await test('those signed in see it marked as awaiting approval', page, async () => {
  await page.goto(base + '/pis/SC-01?unit=Camden')
  expect(await page.isVisible('td:has-text("2005-04 (awaiting approval)")'), 'not marked in the table')
  expect(await page.locator('circle.c-pending').count() >= 1, 'not ringed in the chart')
})

await lead.close()
const owner = await browser()
const opage = owner.pages()[0] || await owner.newPage()

await test('the owner approves it', opage, async () => {
  await signIn(opage, 'jo', 'owner pass')
  await opage.goto(base + '/pis/SC-01/figures?period=2005-04')
  expect(await opage.isVisible('text=1 figure awaiting your approval'), 'nothing awaits approval')
  expect(await opage.isVisible('text=A new estate was counted from April.'), 'the reason is not shown')
  await axeNow(opage)
  await atPhone(opage, () => noSideScroll(opage, 'the approval form'))
  await opage.check('input[name="unit"][value="Camden"]')
  await opage.click('button:has-text("Approve the ticked figures")')
  await opage.waitForURL(/approved=1/)
  expect(await opage.isVisible('text=1 figure approved'), 'no banner')
})

await test('once approved, the public sees it', apage, async () => {
  expect(await publicSees('2005-04'), 'the public does not see the approved figure')
})

// the log is the planners' to read, not the owner's
const planner = await browser()
const ppage = planner.pages()[0] || await planner.newPage()
await test('the audit log says who submitted it and who approved it', ppage, async () => {
  await signIn(ppage, 'pat', 'planner pass')
  await ppage.goto(base + '/audit?kind=measurements')
  const rows = await ppage.locator('tbody tr').allInnerTexts()
  expect(rows[0].includes('web:jo') && rows[0].includes('approve'), 'the newest is not the approval: ' + rows[0])
  expect(rows[1].includes('web:cc') && rows[1].includes('submit'), 'the one before is not the submission: ' + rows[1])
})
await planner.close()

await owner.close()
await anon.close()
done()
