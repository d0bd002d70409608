import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { productOf } from '../../src/core';
import { productHtml } from '../../src/publish';
import { briefing, parse, productOfText, repoRoot } from './util';

const sampleText = fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8');

suite('publishing: the product of a briefing', () => {
  test('the sample: its banner, TLP and title; its body as written but for the events, the sources and the banner line, which the product prints itself', () => {
    const product = productOfText(sampleText);
    assert.equal(product.banner, 'UNCLASSIFIED');
    assert.equal(product.tlp, 'CLEAR');
    assert.equal(product.title, 'Kim Jong Un to meet Vladimir Putin in Vladivostok');
    assert.equal(product.date, '2023-11-13');
    // Portion marks and citations stay where they are written.
    assert.match(product.before, /^\(U\) North Korean leader Kim Jong Un is set to travel/m);
    assert.match(product.before, /\[S1\]/);
    // The Events and Sources sections held only events and sources: their headings go too.
    assert.doesNotMatch(product.before, /^## (Events|Sources)$/m);
    assert.doesNotMatch(product.before, /^- \[S1\]|^- ~?2023/m);
    assert.doesNotMatch(product.before, /^UNCLASSIFIED$/m, 'the banner line written in the body');
    assert.match(product.before, /^## Outlook$/m);
    assert.equal(product.after, '');
    assert.equal(product.events.length, 5);
    assert.deepEqual(product.events[2], {
      date: '2023-11-14..2023-11-30',
      text: 'Expected window for the meeting in Vladivostok between Kim Jong Un and Vladimir Putin, which the report of 2023-11-13 places "later this month"',
      actors: ['Kim Jong Un', 'Vladimir Putin'],
      places: ['Vladivostok'],
    });
    assert.deepEqual(
      product.sources.map((source) => [source.id, source.grade, source.gradeMeaning]),
      [['S1', 'F3', 'reliability cannot be judged, possibly true']],
    );
  });

  test('`<!-- events -->` places the table; a section left with other text keeps its heading; tags leave the events', () => {
    const product = productOfText(
      briefing(
        ['title: T', 'classification: SECRET'],
        '# Summary',
        '',
        '(S) Text.',
        '',
        '<!-- events -->',
        '',
        '## Chronology',
        '',
        'As reported:',
        '',
        '- 2023-11-13: Kim leaves #travel',
        '',
        '## Sources',
        '',
        '- [S1] (B2) Reuters',
      ),
    );
    assert.equal(product.before, '# Summary\n\n(S) Text.\n');
    assert.equal(product.after, '\n## Chronology\n\nAs reported:\n\n\n');
    assert.deepEqual(product.events, [{ date: '2023-11-13', text: 'Kim leaves', actors: [], places: [] }]);
    assert.equal(product.sources[0].gradeMeaning, 'usually reliable, probably true');
    assert.equal(product.tableAtMarker, true);
    const html = productHtml(product);
    assert.ok(html.indexOf('(S) Text.') < html.indexOf('<table class="events">') && html.indexOf('<table class="events">') < html.indexOf('<h2>Chronology</h2>'));
    assert.doesNotMatch(html, /<h2>Events<\/h2>/, "at the marker, under the briefing's own heading");
  });

  test('a portion marked above the classification, or NOFORN under a banner without it, is refused; --force raises the banner to cover it', () => {
    const above = briefing(['classification: UNCLASSIFIED'], '(S) A secret portion.', '', '(C) Another.');
    const refused = productOf(parse(above));
    assert.ok('refused' in refused);
    assert.deepEqual(
      refused.refused.map((d) => d.code),
      ['portion-above-classification', 'portion-above-classification'],
    );
    assert.equal(refused.covering, 'SECRET');
    const forced = productOf(parse(above), { force: true });
    assert.ok('product' in forced);
    assert.equal(forced.product.banner, 'SECRET');
    assert.equal(forced.raisedFrom, 'UNCLASSIFIED');

    const noforn = productOf(parse(briefing(['classification: SECRET//REL TO USA, FVEY'], '(S//NF) Not for release.')));
    assert.ok('refused' in noforn);
    assert.equal(noforn.covering, 'SECRET//NOFORN', 'NOFORN in place of the release');
    const unmarked = productOf(parse(briefing(['title: T'], '(TS) Marked, but no classification.')));
    assert.ok('refused' in unmarked);
    assert.equal(unmarked.covering, 'TOP SECRET');
    const unmarkedForced = productOf(parse(briefing(['title: T'], '(TS) Marked, but no classification.')), { force: true });
    assert.ok('product' in unmarkedForced);
    assert.deepEqual([unmarkedForced.product.banner, unmarkedForced.raisedFrom], ['TOP SECRET', '']);
  });

  test('bold on first mention: the first mention of each actor and place in the prose, not in a heading, the events or the sources', () => {
    const text = briefing(
      ['actors:', '  - name: Kim Jong Un', '    aliases: [Kim]', '  - name: Vladimir Putin', 'places:', '  - name: Vladivostok'],
      '## Kim Jong Un abroad',
      '',
      '- 2023-11-13: Kim Jong Un to meet Vladimir Putin',
      '',
      "Kim goes to Vladivostok (*Vladimir Putin* hosts); Kim Jong Un again, and [Putin's city](https://example.org) is Vladivostok.",
      '',
      'Vladimir',
      'Putin, across a line break.',
    );
    const before = (bold: boolean) => {
      const outcome = productOf(parse(text), { boldFirstMentions: bold });
      assert.ok('product' in outcome);
      return outcome.product.before;
    };
    assert.doesNotMatch(before(false), /\*\*/);
    assert.equal(
      before(true),
      "## Kim Jong Un abroad\n\n\n**Kim** goes to **Vladivostok** (***Vladimir Putin*** hosts); Kim Jong Un again, and [Putin's city](https://example.org) is Vladivostok.\n\nVladimir\nPutin, across a line break.",
    );
    assert.match(productHtml(productOfText(text, false, true)), /<strong>Kim<\/strong> goes to <strong>Vladivostok<\/strong> \(<em><strong>Vladimir Putin<\/strong><\/em> hosts\)/);
  });

  test('a briefing without a classification and without marks publishes with no banner; one without front matter too', () => {
    assert.equal(productOfText(briefing(['title: T'], 'Text.')).banner, undefined);
    const bare = productOfText('# Heading\n\nText.\n');
    assert.deepEqual([bare.title, bare.banner, bare.before], ['Heading', undefined, '# Heading\n\nText.\n']);
  });
});

suite('publishing: the printable page', () => {
  const page = (text: string) => productHtml(productOfText(text));

  test('the banner at the top and the bottom (fixed: on every printed page), TLP beside it, a policy that lets in no script and no resource', () => {
    const html = productHtml(productOfText(sampleText));
    assert.equal(html.match(/<div class="banner (top|bottom)"[^>]*>UNCLASSIFIED<span class="tlp">TLP:CLEAR<\/span><\/div>/g)?.length, 2);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.match(html, /\.banner \{ position: fixed;/);
    assert.doesNotMatch(html, /<script|<img|<link|<iframe|src=|url\(/i);
    assert.match(html, /<table class="events">/);
    assert.match(html, /<dt id="source-S1">\[S1\]<\/dt><dd>News report dated 2023-11-13/);
    assert.match(html, /\(F3: reliability cannot be judged, possibly true\)/);
    // The events table comes before the sources, and after the body.
    assert.ok(html.indexOf('<h2>Outlook</h2>') < html.indexOf('<h2>Events</h2>') && html.indexOf('<h2>Events</h2>') < html.indexOf('<h2>Sources</h2>'));
  });

  test('HTML in the briefing is text, links go only to the web, a picture is a link to it', () => {
    const html = page(
      briefing(
        ['title: "</title><script>alert(1)</script>"', 'classification: "UNCLASSIFIED<img src=x onerror=alert(1)>"'],
        '<script>alert(2)</script>',
        '',
        'A [link](javascript:alert(3)), a [file](file:///etc/passwd), a [page](https://example.org/a?b=1&c=2) and ![a picture](https://example.org/x.png).',
        '',
        '- 2023-11-13: <b onclick="alert(4)">bold</b> [x](javascript:alert(5))',
      ),
    );
    assert.doesNotMatch(html, /<script|<img|<b |onclick="|href="javascript|href="file/i);
    assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    assert.match(html, /<a href="https:\/\/example\.org\/a\?b=1&amp;c=2">page<\/a>/);
    assert.match(html, /\[link\]\(javascript:alert\(3\)\)/, 'a link refused is its text');
    assert.match(html, /!<a href="https:\/\/example\.org\/x\.png">a picture<\/a>/, 'a picture is a link to it');
    assert.match(html, /UNCLASSIFIED&lt;img src=x onerror=alert\(1\)&gt;/);
  });
});

suite('publishing: briefing publish', () => {
  const cli = path.join(repoRoot, 'dist/cli.js');
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repoRoot });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  let dir: string;
  suiteSetup(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-publish-'))));
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('prints the page, or writes it with --out', () => {
    const printed = run('publish', 'samples/vladivostok-summit.briefing');
    assert.equal(printed.code, 0, printed.stderr);
    assert.equal(printed.stderr, '');
    assert.equal(printed.stdout, productHtml(productOfText(sampleText)));
    const out = path.join(dir, 'sample.html');
    assert.deepEqual(run('publish', 'samples/vladivostok-summit.briefing', '--out', out), { code: 0, stdout: '', stderr: '' });
    assert.equal(fs.readFileSync(out, 'utf8'), printed.stdout);
  });

  test('an under-marked briefing is not published (exit 1, the reason on stderr); --force publishes it under the banner that covers it, and says so', () => {
    const file = path.join(dir, 'under.briefing');
    fs.writeFileSync(file, briefing(['classification: UNCLASSIFIED'], '', '(S) A secret portion.'));
    const refused = run('publish', file);
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.equal(
      refused.stderr,
      `briefing: ${file}:5: not published: (S) marks this portion SECRET, above the briefing's classification 'UNCLASSIFIED': raise 'classification:' or correct the mark; --force publishes it as SECRET\n`,
    );
    const forced = run('publish', file, '--force');
    assert.equal(forced.code, 0);
    assert.equal(forced.stderr, `briefing: ${file}: published as SECRET, above its classification 'UNCLASSIFIED' (--force)\n`);
    assert.equal(forced.stdout.match(/<div class="banner (top|bottom)"[^>]*>SECRET<\/div>/g)?.length, 2);
  });

  test("--bold-first-mentions sets each entity's first mention in bold", () => {
    const printed = run('publish', 'samples/vladivostok-summit.briefing', '--bold-first-mentions');
    assert.equal(printed.code, 0, printed.stderr);
    // Kim Jong Un's first mention is by an alias; each entity is bold once.
    assert.match(printed.stdout, /<strong>North Korean leader<\/strong> Kim Jong Un is set to travel/);
    const bold = [...printed.stdout.matchAll(/<strong>([^<]*)<\/strong>/g)].map((match) => match[1]);
    assert.ok(bold.includes('Vladivostok') && bold.includes('President Putin'), bold.join(', '));
    assert.equal(new Set(bold).size, bold.length, bold.join(', '));
  });

  test('usage: one file, html or docx (docx to a file), its own options', () => {
    assert.match(run('publish', '--format', 'pdf', 'samples/vladivostok-summit.briefing').stderr, /unknown format 'pdf' for publish: use html or docx/);
    const docxToTerminal = run('publish', '--format', 'docx', 'samples/vladivostok-summit.briefing');
    assert.deepEqual(docxToTerminal, { code: 2, stdout: '', stderr: "briefing: publish --format docx writes a file: give --out PATH (see 'briefing --help')\n" });
    assert.match(run('publish').stderr, /publish takes exactly one FILE \(got 0\)/);
    const registry = path.join(dir, 'team.entities.yaml');
    fs.writeFileSync(registry, 'actors:\n  - name: Kim\n');
    assert.match(run('publish', registry).stderr, /publish takes a briefing, and .*team\.entities\.yaml is a registry/);
    assert.match(run('check', '--force', 'samples/vladivostok-summit.briefing').stderr, /--force is not an option of check/);
  });
});
