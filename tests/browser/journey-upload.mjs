// journey-upload.mjs: a planner finds the upload page from Records, sends
// an action plan, reads the preview (the records it would add, nothing
// imported yet), confirms, and finds a recommendation in the register;
// then sends a Word action plan, corrects the column the importer kept
// as a note (it is the lead), confirms, and finds the recommendations.
// axe-core on the upload form, its error state, the preview and the
// result; at a phone's width nothing scrolls sideways.
//
//   node tests/browser/journey-upload.mjs URL OUTDIR
import { fileURLToPath } from 'node:url'
import { start, browser, test, expect, axeNow, signIn, noSideScroll, atPhone, done } from './lib.mjs'

const { base } = start()
const ctx = await browser()
const page = ctx.pages()[0] || await ctx.newPage()
const plan = fileURLToPath(new URL('../fixtures/upload/action-plan.txt', import.meta.url))
const word = fileURLToPath(new URL('../fixtures/upload/action-plan-table.docx', import.meta.url))

await test('a planner finds the upload page from Records; sending no file says so', page, async () => {
  await signIn(page, 'pat', 'planner pass')
  await page.goto(base + '/records')
  await page.click('a:has-text("Upload a file of records")')
  await page.waitForSelector('h1:has-text("Upload a file")')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the upload form'))
  await page.click('button:has-text("Preview the import")')
  await page.waitForSelector('.govuk-error-summary:has-text("Choose a file to upload")')
  await axeNow(page)
})

await test('the preview shows the records it would add', page, async () => {
  await page.setInputFiles('#file', plan)
  await page.click('button:has-text("Preview the import")')
  await page.waitForSelector('h1:has-text("Check the import")')
  expect(await page.isVisible('text=Reconcile the parking income ledger with the bank every month.'), 'no record in the preview')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the preview'))
})

await test('confirmed, the recommendation is in the register', page, async () => {
  await page.click('button:has-text("Confirm and import")')
  await page.waitForSelector('h1:has-text("File imported")')
  await axeNow(page)
  await page.goto(base + '/recommendations/FBCIAAP/FH1')
  expect(await page.isVisible('text=Reconcile the parking income ledger with the bank every month.'), 'the recommendation is not there')
})

await test('a Word action plan: one column corrected in the preview', page, async () => {
  await page.goto(base + '/import')
  await page.setInputFiles('#file', word)
  await page.selectOption('#as', 'recommendations')
  await page.click('button:has-text("Preview the import")')
  await page.waitForSelector('h1:has-text("Check the import")')
  expect(!(await page.isVisible('td:has-text("Parking Services Manager")')), 'the lead was read before it was said')
  const id = await page.locator('label:has-text("Column “Champion”")').getAttribute('for')
  expect(await page.inputValue('#' + id) === 'extra', 'the column was not kept as a note')
  await page.selectOption('#' + id, 'lead')
  await page.click('button:has-text("Read the file again")')
  await page.waitForSelector('text=Columns read as you said')
  expect(await page.isVisible('td:has-text("Parking Services Manager")'), 'the column is not read as the lead')
  await axeNow(page)
  await atPhone(page, () => noSideScroll(page, 'the preview read again'))
})

await test('confirmed, the recommendations are there with their leads', page, async () => {
  await page.click('button:has-text("Confirm and import")')
  await page.waitForSelector('h1:has-text("File imported")')
  await page.goto(base + '/search?q=pay+and+display+machine')
  await page.click('.wm-search-results a:has-text("PA1")')
  expect(await page.isVisible('text=Count the cash from every pay and display machine in pairs'), 'not the recommendation')
  expect(await page.isVisible('text=Parking Services Manager'), 'the lead is not there')
})

await ctx.close()
done()
