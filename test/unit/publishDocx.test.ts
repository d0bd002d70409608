import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as mammoth from 'mammoth';
import { productDocx, productHtml, type Figure } from '../../src/publish';
import { pngSize } from '../../src/publish/figure';
import { zipEntries, zipFile } from '../zip';
import { briefing, productOfText, repoRoot } from './util';

const sampleText = fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8');

/** A Word document read back: its parts' XML, and its body as mammoth (a well-kept reader) makes HTML of it. */
async function readBack(bytes: Uint8Array) {
  const part = (name: string) => zipFile(bytes, name).toString('utf8');
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap: ["p[style-name='Block Quote'] => blockquote > p:fresh", "p[style-name='Code Block'] => pre:separator('\\n')"] },
  );
  return { part, html, document: part('word/document.xml') };
}

suite('publishing: the Word document', () => {
  test("the sample: the banner in every page's header and footer, the body, the events table with its heading row repeated, the sources with their grades", async () => {
    const bytes = await productDocx(productOfText(sampleText));
    const { part, html, document } = await readBack(bytes);
    // One section, whose default header and footer (every page's) hold the banner and the TLP label.
    assert.match(document, /<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    assert.match(document, /<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    assert.equal(document.match(/<w:sectPr/g)?.length, 1);
    const headers = zipEntries(bytes).filter(({ name }) => /^word\/(header|footer)\d+\.xml$/.test(name));
    assert.equal(headers.length, 2);
    for (const { name } of headers) {
      assert.match(part(name), /<w:pStyle w:val="Banner"\/>/, name);
      assert.match(part(name), /<w:t xml:space="preserve">UNCLASSIFIED {3}TLP:CLEAR<\/w:t>/, name);
    }
    assert.match(part('word/styles.xml'), /<w:style w:type="paragraph" w:styleId="Banner">[\s\S]*?<w:jc w:val="center"\/>[\s\S]*?<w:b\/>/);
    // The body as CommonMark reads it: headings, a list, portion marks and citations kept.
    assert.match(
      html,
      /<p>2023-11-13<\/p><h1>Kim Jong Un to meet Vladimir Putin in Vladivostok<\/h1><h2>Bottom Line<\/h2><p>\(U\) North Korean leader Kim Jong Un is set to travel/,
    );
    assert.match(html, /<h2>Key Judgments<\/h2><ul><li>\(U\) Kim Jong Un's choice of Russia over China/);
    assert.doesNotMatch(html, /<p>UNCLASSIFIED<\/p>/, 'the banner line written in the body is the header and footer now');
    // The events as a table after the body, its heading row marked to repeat on each page.
    assert.match(
      html,
      /<h2>Outlook<\/h2>.*<h2>Events<\/h2><table><thead><tr><th><p><strong>Date<\/strong><\/p><\/th><th><p><strong>Event<\/strong><\/p><\/th><th><p><strong>Actors<\/strong><\/p><\/th><th><p><strong>Places<\/strong><\/p><\/th><\/tr><\/thead>/,
    );
    assert.match(
      html,
      /<tr><td><p>2023-11-14\.\.2023-11-30<\/p><\/td><td><p>Expected window for the meeting in Vladivostok[^<]*<\/p><\/td><td><p>Kim Jong Un, Vladimir Putin<\/p><\/td><td><p>Vladivostok<\/p><\/td><\/tr>/,
    );
    assert.match(document, /<w:tblHeader\/>/);
    assert.equal(html.match(/<tr>/g)?.length, 6, 'a heading row and five events');
    // The sources after the table, with the grade and what it means.
    assert.match(html, /<h2>Sources<\/h2><p><strong>\[S1\] <\/strong>News report dated 2023-11-13[^<]*<em> \(F3: reliability cannot be judged, possibly true\)<\/em><\/p>$/);
  });

  test('its core properties carry the title, the author and the classification; a custom property names the classification and the TLP', async () => {
    const { part } = await readBack(await productDocx(productOfText(sampleText)));
    const core = part('docProps/core.xml');
    assert.match(core, /<dc:title>Kim Jong Un to meet Vladimir Putin in Vladivostok<\/dc:title>/);
    assert.match(core, /<dc:subject>UNCLASSIFIED<\/dc:subject>/);
    assert.doesNotMatch(core, /<dc:creator>|Un-named/, 'the sample names no author: no name');
    const authored = (await readBack(await productDocx(productOfText(briefing(['title: T', 'author: J. Analyst', 'classification: SECRET'], 'Text.'))))).part('docProps/core.xml');
    assert.match(authored, /<dc:creator>J\. Analyst<\/dc:creator>/);
    assert.match(authored, /<dc:subject>SECRET<\/dc:subject>/);
    assert.match(core, /<cp:keywords>UNCLASSIFIED; TLP:CLEAR<\/cp:keywords>/);
    const custom = part('docProps/custom.xml');
    assert.match(custom, /name="Classification"><vt:lpwstr>UNCLASSIFIED<\/vt:lpwstr>/);
    assert.match(custom, /name="TLP"><vt:lpwstr>TLP:CLEAR<\/vt:lpwstr>/);
  });

  test('Markdown as CommonMark reads it: emphasis, code, block quotes, numbered and nested lists, breaks, links only to the web', async () => {
    const { part, html, document } = await readBack(
      await productDocx(
        productOfText(
          briefing(
            ['title: Forms', 'classification: SECRET//NOFORN'],
            '## A *heading*',
            '',
            'Some *emphasis*, **strong** and `code`, a hard  ',
            'break, a [page](https://example.org/a?b=1&c=2), a [script](javascript:alert(1)) and a [file](file:///etc/passwd).',
            '',
            '> (S) A quoted portion.',
            '',
            '3. third',
            '4. fourth',
            '   - nested',
            '',
            '```',
            'line one',
            '  line two',
            '```',
            '',
            '---',
          ),
        ),
      ),
    );
    assert.match(html, /<h2>A <em>heading<\/em><\/h2>/);
    assert.match(
      html,
      /<p>Some <em>emphasis<\/em>, <strong>strong<\/strong> and code, a hard<br \/>break, a <a href="https:\/\/example\.org\/a\?b=1&amp;c=2">page<\/a>, a \[script\]\(javascript:alert\(1\)\) and a \[file\]\(file:\/\/\/etc\/passwd\)\.<\/p>/,
    );
    assert.match(document, /<w:rFonts w:ascii="Courier New" [^>]*\/>[\s\S]*?<w:t xml:space="preserve">code<\/w:t>/);
    assert.match(html, /<blockquote><p>\(S\) A quoted portion\.<\/p><\/blockquote>/);
    assert.match(html, /<ol><li>third<\/li><li>fourth<ul><li>nested<\/li><\/ul><\/li><\/ol>/);
    // The list starts at 3, as written.
    assert.match(part('word/numbering.xml'), /<w:abstractNum [^>]*>[\s\S]*?<w:start w:val="3"\/>/);
    // A mark is set where it applies, never unset elsewhere (which would undo a heading's bold).
    assert.doesNotMatch(document, /<w:b w:val="false"\/>/);
    assert.match(html, /<pre>line one<br \/> {2}line two<\/pre>/);
    assert.match(document, /<w:pBdr><w:bottom /, 'the thematic break, a rule');
    // The one link kept is the web page's.
    assert.deepEqual(
      [...part('word/_rels/document.xml.rels').matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((match) => match[1]),
      ['https://example.org/a?b=1&amp;c=2'],
    );
  });

  test('HTML in the briefing is text, never markup; the banner and the title are text too', async () => {
    const bytes = await productDocx(
      productOfText(
        briefing(
          ['title: "</dc:title><script>alert(1)</script>"', 'classification: "UNCLASSIFIED<img src=x onerror=alert(1)>"'],
          '<script>alert(2)</script>',
          '',
          '- 2023-11-13: <b onclick="alert(4)">bold</b>',
        ),
      ),
    );
    const { part, html } = await readBack(bytes);
    assert.match(html, /<p>&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/p>/);
    assert.match(html, /<td><p>&lt;b onclick="alert\(4\)"&gt;bold&lt;\/b&gt;<\/p><\/td>/);
    assert.match(part('docProps/core.xml'), /<dc:title>&lt;\/dc:title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/dc:title>/);
    assert.match(part('word/header1.xml'), /UNCLASSIFIED&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('no classification and no TLP: no header or footer', async () => {
    const { document } = await readBack(await productDocx(productOfText('# Heading\n\nText.\n')));
    assert.doesNotMatch(document, /headerReference|footerReference/);
  });

  test('briefing publish --format docx --out writes it, the same document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-docx-'));
    try {
      const out = path.join(dir, 'sample.docx');
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'publish', 'samples/vladivostok-summit.briefing', '--format', 'docx', '--out', out], {
        encoding: 'utf8',
        cwd: repoRoot,
      });
      assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
      const written = await readBack(fs.readFileSync(out));
      const made = await readBack(await productDocx(productOfText(sampleText)));
      assert.equal(written.html, made.html);
      assert.equal(written.part('word/header1.xml'), made.part('word/header1.xml'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('figures: each picture after the body with its caption, as SVG with its PNG in Word, as an image of its SVG in the page', async () => {
    const figure: Figure = {
      caption: 'Timeline <b>',
      svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><text>Kim Jong Un</text></svg>',
      png: plainPng(400, 200),
    };
    assert.deepEqual(pngSize(figure.png), { width: 400, height: 200 });
    assert.equal(pngSize(new Uint8Array([1, 2, 3])), undefined);
    const product = productOfText(sampleText);
    const bytes = await productDocx(product, [figure]);
    const names = zipEntries(bytes).map(({ name }) => name);
    assert.ok(names.some((name) => /^word\/media\/[\w-]+\.svg$/.test(name)) && names.some((name) => /^word\/media\/[\w-]+\.png$/.test(name)), names.join(', '));
    const { html, document } = await readBack(bytes);
    assert.match(html, /<h2>Outlook<\/h2>.*<img alt="Figure 1\. Timeline &lt;b&gt;" src="data:image\/png;base64,[^"]+" \/>.*<p>Figure 1\. Timeline &lt;b&gt;<\/p><h2>Events<\/h2>/);
    // Drawn at its size (pixels at 96 to the inch, in EMUs), under the page's width.
    assert.match(document, /<wp:extent cx="3810000" cy="1905000"\/>/);
    const page = productHtml(product, [figure]);
    assert.match(page, /content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/);
    const shown =
      /<figure>\n<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="Figure 1\. Timeline &lt;b&gt;">\n<figcaption>Figure 1\. Timeline &lt;b&gt;<\/figcaption>\n<\/figure>/.exec(
        page,
      );
    assert.ok(shown);
    assert.equal(Buffer.from(shown[1], 'base64').toString('utf8'), figure.svg);
    assert.ok(page.indexOf('<h2>Outlook</h2>') < page.indexOf('<figure>') && page.indexOf('<figure>') < page.indexOf('<h2>Events</h2>'));
    // Without figures, the policy lets in no image.
    assert.doesNotMatch(productHtml(product), /img-src/);
  });
});

/** A PNG of the given size, as a picture's page draws one (one colour: deflate makes it small). */
function plainPng(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0xcc);
  for (let row = 0; row < height; row++) rows[row * (width * 3 + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
  );
}
