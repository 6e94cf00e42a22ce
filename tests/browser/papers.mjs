// papers.mjs: the browser suite's screenshot step (run.mjs calls it). A
// member downloads the Performance Review Committee's paper from its
// meeting's page in every format, as a clerk would, and one page of each
// is rendered as its reader shows it, looked at in the browser and kept as
// the test's artefact in OUTDIR/papers/:
//
//   html.png   the web page as printed (print styles, A4 at 96 dpi)
//   pdf.png    page 1 of Waymark's PDF (poppler's pdftoppm)
//   docx.png   page 1 of the Word paper as LibreOffice lays it out
//   odt.png    page 1 of the OpenDocument paper, the same
//   xlsx.png   the workbook as LibreOffice Calc reads it, its sheets as a web page
//
// beside the downloaded files themselves. A page that comes out blank fails.
// LibreOffice converts the Word and OpenDocument papers in one run; what a
// machine lacks (scripts/install-deps --test installs it all) is skipped.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { browser, test, skip, expect, signIn } from './lib.mjs'

const meeting = '/meetings/PRC/2005-04-14'
const paper = '5'
const title = "Progress towards the goals of 'Towards the Safest City'"
// A4 at 96 dpi, the size a browser prints a page at.
const a4 = { width: 794, height: 1123 }

// The paper's row in the meeting's table of papers: its item number, then its title.
function paperRow (page) {
  return page.locator('tbody tr').filter({ has: page.getByRole('link', { name: paper, exact: true }) })
    .filter({ hasText: title })
}

function have (cmd) {
  try {
    execFileSync('sh', ['-c', 'command -v "$0"', cmd], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

// One soffice run for all of files, into dir (its own profile, so no other
// LibreOffice on the machine is disturbed or waited for).
function soffice (to, dir, files) {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile'))}`,
    '--headless', '--convert-to', to, '--outdir', dir, ...files],
  { stdio: 'ignore', timeout: 300000 })
}

// Page 1 of a PDF as PNG bytes, at 96 dpi.
function firstPage (pdf, dir, name) {
  const stem = join(dir, name)
  execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', pdf, stem],
    { stdio: 'ignore', timeout: 60000 })
  return readFileSync(stem + '.png')
}

// Show a rendered page in the browser; it must have ink on it (more than
// 1% of its pixels not white); then keep what the browser shows.
async function lookAt (page, png, file) {
  await page.setViewportSize(a4)
  await page.setContent('<!doctype html><body style="margin:0;background:#fff">' +
    `<img id="p" style="display:block;width:${a4.width}px" src="data:image/png;base64,${png.toString('base64')}">`)
  const ink = await page.evaluate(async () => {
    const img = document.getElementById('p')
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const g = c.getContext('2d')
    g.drawImage(img, 0, 0)
    const px = g.getImageData(0, 0, c.width, c.height).data
    let dark = 0
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 600) dark++
    return dark / (px.length / 4)
  })
  expect(ink > 0.01, `the page is blank (${(ink * 100).toFixed(2)}% ink)`)
  await page.screenshot({ path: file })
}

export async function paperScreenshots (base, outdir) {
  const out = join(outdir, 'papers')
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const work = mkdtempSync(join(tmpdir(), 'waymark-papers-'))
  const ctx = await browser({ acceptDownloads: true })
  const page = ctx.pages()[0] || await ctx.newPage()
  const files = {}
  try {
    await test('a member downloads a meeting\'s paper in every format from its page', page, async () => {
      await signIn(page, 'mo', 'member pass')
      await page.goto(base + meeting)
      const row = paperRow(page)
      expect(await row.count() === 1, `paper ${paper} is not listed on ${meeting}`)
      for (const [name, ext] of [['Word', 'docx'], ['PDF', 'pdf'], ['OpenDocument', 'odt'], ['Excel', 'xlsx']]) {
        const [dl] = await Promise.all([page.waitForEvent('download'),
          row.locator('a', { hasText: new RegExp(`^${name}$`) }).click()])
        expect(dl.suggestedFilename().endsWith('.' + ext), `the ${name} download is ${dl.suggestedFilename()}`)
        // named apart by format, so that LibreOffice's PDFs of them do not collide
        files[ext] = join(out, `paper-${ext}.${ext}`)
        await dl.saveAs(files[ext])
      }
    })

    await test('the paper as a web page, printed: its first page kept as papers/html.png', page, async () => {
      await page.goto(base + meeting)
      await paperRow(page).locator('a', { hasText: /^Web page$/ }).click()
      await page.waitForURL(/format=html/)
      await page.setViewportSize(a4)
      await page.emulateMedia({ media: 'print' })
      expect((await page.innerText('h1')).includes(title), 'the title block is not the paper\'s')
      await page.screenshot({ path: join(out, 'html.png') })
      await page.emulateMedia({ media: 'screen' })
    })

    if (have('pdftoppm')) {
      await test('the PDF paper: page 1 looked at, kept as papers/pdf.png', page, async () => {
        expect(files.pdf, 'no PDF was downloaded')
        await lookAt(page, firstPage(files.pdf, work, 'pdf'), join(out, 'pdf.png'))
      })
    } else {
      skip('the PDF paper: page 1 looked at', 'no pdftoppm (poppler-utils: scripts/install-deps --test)')
    }

    if (have('soffice') && have('pdftoppm')) {
      await test('the Word and OpenDocument papers as LibreOffice lays them out: page 1 of each kept', page, async () => {
        expect(files.docx && files.odt, 'no Word or OpenDocument paper was downloaded')
        soffice('pdf', work, [files.docx, files.odt])
        await lookAt(page, firstPage(join(work, 'paper-docx.pdf'), work, 'docx'), join(out, 'docx.png'))
        await lookAt(page, firstPage(join(work, 'paper-odt.pdf'), work, 'odt'), join(out, 'odt.png'))
      })
    } else {
      skip('the Word and OpenDocument papers as LibreOffice lays them out',
        'no LibreOffice or pdftoppm (libreoffice-writer-nogui, poppler-utils: scripts/install-deps --test)')
    }

    if (have('soffice')) {
      await test('the workbook as LibreOffice Calc reads it: its sheets kept as papers/xlsx.png', page, async () => {
        expect(files.xlsx, 'no workbook was downloaded')
        try {
          soffice('html', work, [files.xlsx])
        } catch (e) {
          throw new Error('LibreOffice could not open the workbook (is libreoffice-calc-nogui installed?): ' + e.message)
        }
        await page.setViewportSize({ width: 1024, height: 800 })
        await page.goto(pathToFileURL(join(work, 'paper-xlsx.html')).href)
        const text = await page.innerText('body')
        expect(text.includes('Indicators off track') && text.includes('SC-01'),
          'the workbook does not hold the indicators off track')
        expect(await page.locator('td[bgcolor]').count() > 0, 'no cell has the colour of its status')
        await page.screenshot({ path: join(out, 'xlsx.png'), fullPage: true })
      })
    } else {
      skip('the workbook as LibreOffice Calc reads it', 'no LibreOffice (libreoffice-calc-nogui: scripts/install-deps --test)')
    }
  } finally {
    await ctx.close()
    rmSync(work, { recursive: true, force: true })
  }
}
