import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
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

suite('the printable page of `briefing publish`, printed to PDF by Chromium', function () {
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
  });
});
