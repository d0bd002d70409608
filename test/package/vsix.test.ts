import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipEntries, zipFile } from './zipEntries';

const repoRoot = path.resolve(__dirname, '../../..');
const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `analyst-briefings-${version}.vsix`);

/** Everything the extension needs at run time, and nothing else. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/ThirdPartyNotices\.txt$/,
  /^extension\/dist\/(extension|cli|web\/extension)\.js$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/(frontmatter\.)?language-configuration\.json$/,
  /^extension\/samples\/[\w.-]+\.(briefing|ya?ml)$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.md$/,
  // What the README links to, so that its pictures and links work in the Extensions view.
  /^extension\/images\/[\w-]+\.png$/,
  /^extension\/docs\/[\w-]+\.md$/,
  /^extension\/(ARCHITECTURE|CONTRIBUTING)\.md$/,
];
/** The budget of what runs, and of the README's pictures, as stored in the .vsix. */
const MAX_BYTES = 300 * 1024;
const MAX_PICTURE_BYTES = 400 * 1024;
const isPicture = (name: string) => /^extension\/images\/(?!icon\.png$)[\w-]+\.png$/.test(name);

suite('the .vsix package (npm run package)', () => {
  test('holds only what the extension needs at run time', () => {
    assert.ok(fs.existsSync(vsix), `${path.basename(vsix)} exists: run npm run package first`);
    const unexpected = zipEntries(vsix)
      .map((entry) => entry.name)
      .filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, [], 'no sources, tests, node_modules or source maps');
  });

  test("holds the bundles, the sample, the docs and the walkthrough's pages", () => {
    const names = zipEntries(vsix).map((entry) => entry.name);
    for (const required of [
      'extension/dist/extension.js',
      'extension/dist/web/extension.js',
      'extension/dist/cli.js',
      'extension/samples/vladivostok-summit.briefing',
      'extension/readme.md',
      'extension/images/icon.png',
      'extension/media/walkthrough/briefing.md',
    ]) {
      assert.ok(names.includes(required), `${required} is packaged`);
    }
  });

  test(`is under ${MAX_BYTES / 1024} KB without the README's pictures, which are under ${MAX_PICTURE_BYTES / 1024} KB`, () => {
    const entries = zipEntries(vsix);
    const pictures = entries.filter((entry) => isPicture(entry.name)).reduce((sum, entry) => sum + entry.storedSize, 0);
    const size = fs.statSync(vsix).size - pictures;
    assert.ok(size < MAX_BYTES, `${size} bytes`);
    assert.ok(pictures < MAX_PICTURE_BYTES, `${pictures} bytes of pictures`);
  });

  test('keeps every file its README links to, and the links as written (they resolve in the installed extension)', () => {
    const names = new Set(zipEntries(vsix).map((entry) => entry.name.toLowerCase()));
    const readme = zipFile(vsix, 'extension/readme.md')
      .toString('utf8')
      .replace(/^```[\s\S]*?^```/gm, '');
    const links = [...readme.matchAll(/\]\(([^)\s#]+)[^)]*\)/g)].map((match) => match[1]).filter((link) => !/^[a-z]+:/i.test(link));
    assert.ok(links.some((link) => link.startsWith('images/')) && links.some((link) => link.startsWith('docs/')));
    for (const link of links) assert.ok(names.has(`extension/${link}`.toLowerCase()), `${link} is packaged`);
  });
});
