import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './util';

const PAGES = ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md', ...fs.readdirSync(path.join(repoRoot, 'docs')).map((name) => `docs/${name}`)];

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

/** Markdown links and images outside code blocks and code spans: `[text](target)`. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]);
}

/** The anchor GitHub gives a heading. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (markdown: string) => new Set([...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#+\s+(.*)$/gm)].map((match) => slug(match[1])));

suite('documentation', () => {
  test('the README is short: at most about 150 lines', () => {
    assert.ok(read('README.md').split('\n').length <= 160);
  });

  test('every relative link of the README, CONTRIBUTING, ARCHITECTURE and docs/ reaches a file, and its heading when it names one', () => {
    const broken: string[] = [];
    for (const page of PAGES) {
      for (const link of linksOf(read(page))) {
        if (/^[a-z]+:/i.test(link)) continue;
        const [file, anchor] = link.split('#');
        const target = file ? path.join(path.dirname(page), file) : page;
        if (!fs.existsSync(path.join(repoRoot, target))) broken.push(`${page}: ${link}`);
        else if (anchor && target.endsWith('.md') && !anchorsOf(read(target)).has(anchor)) broken.push(`${page}: ${link} (no such heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('every picture the README shows is in images/ and is taken by the pictures tests (npm run screenshots)', () => {
    const pictures = linksOf(read('README.md')).filter((link) => link.startsWith('images/') && link.endsWith('.png'));
    assert.ok(pictures.length >= 5, 'a picture per capability');
    const taken = read('test/e2e/readme-pictures.test.ts');
    // The printed page is printed by Chromium, not taken in the workbench.
    const printed = read('test/e2e/publish-print.test.ts');
    for (const picture of pictures) {
      const name = path.basename(picture, '.png');
      assert.ok(fs.existsSync(path.join(repoRoot, picture)), `${picture} is missing: run npm run screenshots`);
      assert.ok(taken.includes(`picture('${name}')`) || printed.includes(`'${name}.png'`), `${picture} is not taken by test/e2e/readme-pictures.test.ts or publish-print.test.ts`);
    }
  });
});
