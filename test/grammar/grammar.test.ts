import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseBriefing } from '../../src/core';
import { likelihoodTermAt } from '../../src/core/body/estimative';
import { tokenize, type Token } from './tokenize';

const repoRoot = path.resolve(__dirname, '../../..');

/** The scopes of the first token on `line` whose text is `text` (or contains it, failing that). */
async function scopesOf(document: string, line: number, text: string): Promise<readonly string[]> {
  const lines = await tokenize(document);
  const tokens = lines[line];
  const token = tokens.find((t) => t.text === text) ?? tokens.find((t) => t.text.includes(text));
  assert.ok(token, `no token "${text}" on line ${line}: ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

async function assertScope(document: string, line: number, text: string, scope: string): Promise<void> {
  const scopes = await scopesOf(document, line, text);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
    `"${text}" has ${scope}; got ${scopes.join(' ')}`,
  );
}

async function assertNoScope(document: string, line: number, text: string, scope: string): Promise<void> {
  const scopes = await scopesOf(document, line, text);
  assert.ok(!scopes.some((s) => s === scope || s.startsWith(`${scope}.`)), `"${text}" must not have ${scope}; got ${scopes.join(' ')}`);
}

const FRONT_MATTER = ['---', 'title: Summit # a comment', 'date: 2023-11-13', 'actors:', '  - name: "Kim Jong Un"', '    aliases: [Kim, North Korean leader]', '---', 'Body'].join(
  '\n',
);

suite('grammar', () => {
  test('syntaxes/briefing.tmLanguage.json is generated from scripts/grammar/build-grammar.js', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/grammar/build-grammar.js'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  test('front matter: delimiters, keys, values, strings, comments, sequences', async () => {
    await assertScope(FRONT_MATTER, 0, '---', 'punctuation.definition.frontmatter.begin');
    await assertScope(FRONT_MATTER, 1, 'title', 'entity.name.tag.yaml');
    await assertScope(FRONT_MATTER, 1, 'Summit', 'string.unquoted.plain.yaml');
    await assertScope(FRONT_MATTER, 1, '#', 'punctuation.definition.comment.yaml');
    await assertScope(FRONT_MATTER, 1, ' a comment', 'comment.line.number-sign.yaml');
    await assertScope(FRONT_MATTER, 2, '2023-11-13', 'constant.numeric.date.yaml');
    await assertScope(FRONT_MATTER, 4, '-', 'punctuation.definition.block.sequence.item.yaml');
    await assertScope(FRONT_MATTER, 4, 'name', 'entity.name.tag.yaml');
    await assertScope(FRONT_MATTER, 4, '"Kim Jong Un"', 'string.quoted.double.yaml');
    await assertScope(FRONT_MATTER, 5, '[', 'punctuation.definition.sequence.yaml');
    await assertScope(FRONT_MATTER, 5, 'North Korean leader', 'string.unquoted.plain.yaml');
    await assertScope(FRONT_MATTER, 6, '---', 'punctuation.definition.frontmatter.end');
    await assertNoScope(FRONT_MATTER, 7, 'Body', 'meta.embedded.block.frontmatter');
  });

  test('--- later in the file is not front matter', async () => {
    await assertNoScope('text\n---\ntitle: x\n---', 2, 'title', 'entity.name.tag.yaml');
  });

  test('headings', async () => {
    const doc = '# Bottom Line\n###### Deep ##\n####### seven\n#hashtag';
    await assertScope(doc, 0, '#', 'punctuation.definition.heading');
    await assertScope(doc, 0, 'Bottom Line', 'entity.name.section');
    await assertScope(doc, 1, 'Deep', 'markup.heading');
    await assertNoScope(doc, 2, 'seven', 'markup.heading');
    await assertNoScope(doc, 3, '#hashtag', 'markup.heading');
  });

  test('list markers, emphasis, strong, links, autolinks, bare URLs', async () => {
    const doc = '- item with *italic*, _also_, **bold** and __bold__\n1. [text](https://example.org "t") <https://a.org> https://b.org/x.\nsnake_case_name and 2*3*4';
    await assertScope(doc, 0, '-', 'punctuation.definition.list.begin');
    await assertScope(doc, 0, 'italic', 'markup.italic');
    await assertScope(doc, 0, 'also', 'markup.italic');
    await assertScope(doc, 0, 'bold', 'markup.bold');
    await assertScope(doc, 1, '1.', 'punctuation.definition.list.begin');
    await assertScope(doc, 1, 'text', 'string.other.link.title');
    await assertScope(doc, 1, 'https://example.org', 'markup.underline.link');
    await assertScope(doc, 1, 'https://a.org', 'markup.underline.link');
    await assertScope(doc, 1, 'https://b.org/x', 'markup.underline.link');
    await assertNoScope(doc, 2, 'snake_case_name and 2', 'markup.italic');
  });

  test('inline code and markers inside it', async () => {
    const doc = 'see `- 2023: not #tag *x*` and ``a ` b``';
    await assertScope(doc, 0, '- 2023: not #tag *x*', 'markup.inline.raw');
    await assertNoScope(doc, 0, '- 2023: not #tag *x*', 'markup.italic');
    await assertScope(doc, 0, 'a ` b', 'markup.inline.raw');
  });

  test("fenced code blocks, with the fence's language embedded", async () => {
    const doc = '```json\n{"a": 1}\n```\n~~~\n# not a heading\n- 2023: not an event\n~~~\n# heading';
    await assertScope(doc, 0, '```', 'punctuation.definition.markdown');
    await assertScope(doc, 0, 'json', 'fenced_code.block.language');
    await assertScope(doc, 1, '{"a": 1}', 'meta.embedded.block.json');
    await assertNoScope(doc, 4, '# not a heading', 'markup.heading');
    await assertScope(doc, 4, '# not a heading', 'markup.raw.block');
    await assertNoScope(doc, 5, '2023', 'meta.event');
    await assertScope(doc, 7, 'heading', 'markup.heading');
  });

  test('a fence right after a list marker or in a block quote is a fence, and closes', async () => {
    const doc = ['- ```', '  # not a heading', '  ```', '> ~~~', '> likely', '> ~~~', 'likely'].join('\n');
    await assertScope(doc, 0, '```', 'punctuation.definition.markdown');
    await assertScope(doc, 1, '# not a heading', 'markup.raw.block');
    await assertScope(doc, 4, 'likely', 'markup.raw.block');
    await assertNoScope(doc, 6, 'likely', 'markup.raw.block');
    await assertScope(doc, 6, 'likely', 'keyword.control.estimative');
  });

  test('HTML comments, over one line or several: nothing coloured inside', async () => {
    const doc = ['a <!-- likely (S) --> likely', '<!--', 'very unlikely', '-->', 'unlikely'].join('\n');
    await assertScope(doc, 0, ' likely (S) ', 'comment.block.html');
    await assertNoScope(doc, 0, ' likely (S) ', 'keyword.control.estimative');
    await assertScope(doc, 2, 'very unlikely', 'comment.block.html');
    await assertNoScope(doc, 2, 'very unlikely', 'keyword.control.estimative');
    await assertScope(doc, 4, 'unlikely', 'keyword.control.estimative');
  });

  test('block quotes', async () => {
    const doc = '> quoted *text*\n> more';
    await assertScope(doc, 0, '>', 'punctuation.definition.quote.begin');
    await assertScope(doc, 0, 'text', 'markup.italic');
    await assertScope(doc, 1, 'more', 'markup.quote');
  });

  test('event lines: dates, approximate and range forms, separators, tags, continuation lines', async () => {
    const doc = [
      '- 2023-11-13: Kim arrives #summit #arms',
      '  continues #trip',
      '* ~2023-11..2023-12 – range',
      '1. 2023 - year',
      '- 2023 was a hard year #nottag',
      'a#b and text #outside',
    ].join('\n');
    await assertScope(doc, 0, '2023-11-13', 'constant.numeric.date');
    await assertScope(doc, 0, '2023-11-13', 'meta.event');
    await assertScope(doc, 0, ':', 'punctuation.separator.event');
    await assertScope(doc, 0, 'summit', 'entity.name.tag.event');
    await assertScope(doc, 0, 'arms', 'entity.name.tag.event');
    await assertScope(doc, 1, 'trip', 'entity.name.tag.event');
    await assertScope(doc, 1, '#', 'punctuation.definition.tag');
    await assertScope(doc, 2, '~', 'keyword.operator.approximate');
    await assertScope(doc, 2, '..', 'keyword.operator.range');
    await assertScope(doc, 2, '2023-12', 'constant.numeric.date');
    await assertScope(doc, 2, ' –', 'punctuation.separator.event');
    await assertScope(doc, 3, '2023', 'constant.numeric.date');
    await assertNoScope(doc, 4, '2023 was a hard year #nottag', 'meta.event');
    await assertNoScope(doc, 5, 'a#b and text #outside', 'entity.name.tag');
  });

  test('a # inside a word is not a tag', async () => {
    const doc = '- 2023: C#sharp x#y #ok';
    await assertNoScope(doc, 0, 'C#sharp x#y ', 'entity.name.tag');
    await assertScope(doc, 0, 'ok', 'entity.name.tag.event');
  });

  test('source references', async () => {
    await assertScope('Reported [S1] and [S2, S3].', 0, '[S1]', 'constant.other.reference.link.source');
    await assertScope('Reported [S1] and [S2, S3].', 0, '[S2, S3]', 'constant.other.reference.link.source');
  });

  test('classification banners and portion marks', async () => {
    const doc = 'UNCLASSIFIED\nTOP SECRET//SCI\n(U) text (S//NF) more (TS//SI/TK) and (C)\nSECRET is a word in a sentence';
    await assertScope(doc, 0, 'UNCLASSIFIED', 'keyword.control.classification.banner');
    await assertScope(doc, 1, 'TOP SECRET//SCI', 'keyword.control.classification.banner');
    await assertScope(doc, 2, '(U)', 'keyword.other.classification.portion');
    await assertScope(doc, 2, '(S//NF)', 'keyword.other.classification.portion');
    await assertScope(doc, 2, '(TS//SI/TK)', 'keyword.other.classification.portion');
    await assertScope(doc, 2, '(C)', 'keyword.other.classification.portion');
    await assertNoScope(doc, 3, 'SECRET is a word in a sentence', 'keyword.control.classification.banner');
  });

  test('estimative language and confidence (ICD 203)', async () => {
    const doc = 'It is almost certainly true, very unlikely, roughly even odds; we judge it likely (moderate confidence) but not unlikely; a remote chance; High confidence.';
    for (const term of ['almost certainly', 'very unlikely', 'roughly even odds', 'likely', 'unlikely', 'remote chance']) {
      await assertScope(doc, 0, term, 'keyword.control.estimative');
    }
    await assertScope(doc, 0, 'moderate confidence', 'constant.language.confidence');
    await assertScope(doc, 0, 'High confidence', 'constant.language.confidence');
    await assertNoScope('a remote port city; likelihood', 0, 'a remote port city; likelihood', 'keyword.control.estimative');
  });

  test('the hover reads a likelihood term exactly where the grammar colours one', async () => {
    const doc = [
      'It is almost certainly true, Very Unlikely, roughly even odds; it is likely (moderate confidence).',
      'Improbably, highly probable, nearly certain, a remote possibility, almost no chance, probable.',
      'Not terms: a remote port city, likelihood, unlikelier, probabilities, the likelyhood.',
    ].join('\n');
    const model = parseBriefing(doc);
    const lines = await tokenize(doc);
    let offset = 0;
    let coloured = 0;
    for (const tokens of lines) {
      for (const token of tokens) {
        const term = likelihoodTermAt(model, offset);
        if (token.scopes.some((scope) => scope.startsWith('keyword.control.estimative'))) {
          coloured++;
          assert.equal(term && doc.slice(term.start, term.end), token.text, `at ${offset}`);
        } else {
          assert.ok(term === undefined || term.start < offset, `"${term?.text}" at ${offset} is not coloured`);
        }
        offset += token.text.length;
      }
      offset++;
    }
    assert.equal(coloured, 10);
  });

  test('tokens cover every line of the sample without gaps', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8');
    const lines: Token[][] = await tokenize(text);
    text.split('\n').forEach((line, index) => assert.equal(lines[index].map((t) => t.text).join(''), line));
  });
});
