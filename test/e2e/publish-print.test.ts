import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { zipFile } from '../zip';
import { getTools, repoRoot, resultsDir } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchBrowser } = require('../../scripts/lib/browser');

/** The text of one page of a PDF, as poppler's pdftotext lays it out, without blank lines. */
function pageLines(pdf: string, page: number): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

suite('the products of `briefing publish`: the page printed to PDF by Chromium, the Word document as a reader renders it', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  suiteSetup(async () => {
    browser = await launchBrowser(getTools().CHROMIUM);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-print-'));
  });
  suiteTeardown(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("every page of the sample's product begins and ends with its banner", async () => {
    const html = path.join(dir, 'sample.html');
    execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'publish', path.join(repoRoot, 'samples/vladivostok-summit.briefing'), '--out', html]);
    const page = await browser.newPage();
    // Offline and on its own: the page asks for nothing (its policy would refuse it anyway).
    const asked: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) asked.push(request.url());
    });
    await page.goto(`file://${html}`);
    const pdf = path.join(dir, 'sample.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.close();
    assert.deepEqual(asked, []);

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    assert.ok(pages >= 2, `the sample fills more than one page (${pages})`);
    for (let number = 1; number <= pages; number++) {
      const lines = pageLines(pdf, number);
      assert.match(lines[0], /^UNCLASSIFIED\s+TLP:CLEAR$/, `page ${number}'s first line`);
      assert.match(lines.at(-1) ?? '', /^UNCLASSIFIED\s+TLP:CLEAR$/, `page ${number}'s last line`);
    }
    const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(all, /\(U\) North Korean leader Kim Jong Un/, 'portion marks kept');
    assert.match(all, /F3: reliability cannot be judged, possibly true/, 'the source with its grade');
    // The first page as a picture, to look at (test-results/publish-print-page1.png).
    fs.mkdirSync(resultsDir, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(resultsDir, 'publish-print-page1')]);
    assert.ok(fs.statSync(path.join(resultsDir, 'publish-print-page1.png')).size > 10_000);
    // The README's picture of a product, when `npm run screenshots` asks for them.
    const into = process.env.BRIEFING_PICTURES_DIR;
    if (into) fs.copyFileSync(path.join(resultsDir, 'publish-print-page1.png'), path.join(path.resolve(repoRoot, into), 'publish.png'));
  });

  test("the sample's Word document, rendered to HTML by a reader (mammoth) under its header and footer: a picture to look at", async () => {
    const docx = path.join(dir, 'sample.docx');
    execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'publish', path.join(repoRoot, 'samples/vladivostok-summit.briefing'), '--format', 'docx', '--out', docx]);
    // Word repeats the header and footer on every page; the reader renders the body only, so the page shows them once each.
    const textOf = (part: string) =>
      [
        ...zipFile(docx, part)
          .toString('utf8')
          .matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g),
      ]
        .map((match) => match[1])
        .join('');
    const [header, footer] = [textOf('word/header1.xml'), textOf('word/footer1.xml')];
    assert.deepEqual([header, footer], ['UNCLASSIFIED   TLP:CLEAR', 'UNCLASSIFIED   TLP:CLEAR']);
    const { value: body } = await mammoth.convertToHtml({ path: docx });
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const style =
      'body{font:11pt/1.45 Georgia,serif;margin:0;padding:48px 72px}.hf{font:bold 10pt Arial,sans-serif;text-align:center;margin:0 0 24px}.hf.bottom{margin:24px 0 0}table{border-collapse:collapse;font-size:9.5pt}td,th{border:1px solid #999;padding:2px 6px;vertical-align:top}h1,h2{font-family:Arial,sans-serif}';
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><style>${style}</style><p class="hf">${header}</p>${body}<p class="hf bottom">${footer}</p>`);
    assert.equal(await page.locator('h1').textContent(), 'Kim Jong Un to meet Vladimir Putin in Vladivostok');
    assert.equal(await page.locator('table tr').count(), 6);
    fs.mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'publish-docx-page1.png') });
    await page.close();
  });
});
