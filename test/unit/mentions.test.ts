import * as assert from 'node:assert/strict';
import { briefing, joinLines, KIM_AND_PUTIN, mentionsOf, parse } from './util';

const withEntities = (...body: string[]) => parse(briefing(KIM_AND_PUTIN, ...body));
const bodyLine = KIM_AND_PUTIN.length + 2; // the first body line, 0-based

suite('mentions', () => {
  test('names and aliases, with exact ranges', () => {
    const model = withEntities('Kim met Putin in Vladivostok.');
    assert.deepEqual(mentionsOf(model), [`Kim Jong Un@${bodyLine}:0 "Kim"`, `Vladimir Putin@${bodyLine}:8 "Putin"`, `Vladivostok@${bodyLine}:17 "Vladivostok"`]);
    const putin = model.entities[1];
    assert.equal(putin.mentions.length, 1);
    assert.deepEqual(putin.mentions[0].range.end, { line: bodyLine, character: 13 });
  });

  test('case-sensitive', () => {
    assert.deepEqual(mentionsOf(withEntities('kim and PUTIN and vladivostok')), []);
  });

  test('boundaries: no letter, digit or _ before or after', () => {
    assert.deepEqual(mentionsOf(withEntities('Kimberly _Kim Kim_ Kim2 2Kim Putinism')), []);
  });

  test('possessives and punctuation end a mention', () => {
    assert.deepEqual(
      withEntities("Kim Jong Un's trip; Kim Jong Un’s plan (Putin).").mentions.map((m) => m.text),
      ['Kim Jong Un', 'Kim Jong Un', 'Putin'],
    );
  });

  test('Unicode-aware boundaries: accented letters and other scripts are letters', () => {
    const model = parse(briefing(['actors: [Kim, Škoda, 金正恩, Ωmega]'], 'Kimé éKim Škoda Škodas 金正恩 金正恩氏 Ωmega 𝐀Kim Kim𝐀'));
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Škoda', '金正恩', 'Ωmega'],
    );
  });

  test('leftmost-longest: the three-word name wins over the alias', () => {
    assert.deepEqual(mentionsOf(withEntities('Kim Jong Un arrived')), [`Kim Jong Un@${bodyLine}:0 "Kim Jong Un"`]);
  });

  test('falls back to a shorter term when the longer one has no boundary', () => {
    assert.deepEqual(mentionsOf(withEntities('Kim Jong Unification')), [`Kim Jong Un@${bodyLine}:0 "Kim"`]);
  });

  test('never overlapping, scanning on after a match', () => {
    const model = parse(briefing(['actors: [North Korea, Korea, South Korea]'], 'North Korea South Korea Korea'));
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['North Korea', 'South Korea', 'Korea'],
    );
  });

  test('overlapping terms of one entity are one mention spanning them all, counted once', () => {
    const actors = ['actors:', '  - name: Kim Jong Un', '    aliases: [Chairman Kim, Un the Younger]', '  - name: Chairman'];
    const model = parse(briefing(actors, 'Chairman Kim Jong Un the Younger met Chairman Kim, then Chairman Mao.'));
    assert.deepEqual(
      model.mentions.map((m) => [m.entity.name, m.text]),
      [
        ['Kim Jong Un', 'Chairman Kim Jong Un the Younger'],
        ['Kim Jong Un', 'Chairman Kim'],
        ['Chairman', 'Chairman'],
      ],
    );
    assert.equal(model.entities[0].mentions.length, 2);
  });

  test("another entity's term that overlaps a mention is no mention: the leftmost wins", () => {
    const model = parse(briefing(['actors: [North Korea, Korea Strait]'], 'North Korea Strait'));
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['North Korea'],
    );
  });

  test('a run of spaces in a name matches any run of spaces or tabs, not a line break', () => {
    const model = withEntities('Kim  Jong\tUn', 'Kim', 'Jong Un', 'North  Korean\t\tleader');
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Kim  Jong\tUn', 'Kim', 'North  Korean\t\tleader'],
    );
  });

  test('names with extra spaces in the front matter still match', () => {
    const model = parse(briefing(['actors: ["Kim   Jong Un"]'], 'Kim Jong Un'));
    assert.equal(model.mentions.length, 1);
  });

  test('not inside fenced code blocks', () => {
    const model = withEntities('```', 'Kim', '```', '~~~~ text', 'Putin', '~~~', 'Kim', '~~~~~', '   ```js', 'Putin', '   ```', 'Vladivostok');
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Vladivostok'],
    );
  });

  test('an unclosed fence runs to the end of the document', () => {
    assert.deepEqual(
      withEntities('Kim', '```', 'Putin').mentions.map((m) => m.text),
      ['Kim'],
    );
  });

  test('not inside inline code spans, also across lines of a paragraph', () => {
    const model = withEntities('`Kim` and ``Putin ` x`` and Vladivostok', 'a `multi', 'line Kim` span', 'unmatched ` Kim');
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Vladivostok', 'Kim'],
    );
    assert.equal(model.mentions[1].range.start.line, bodyLine + 3);
  });

  test('not inside URLs, autolinks or link destinations; link text counts', () => {
    const model = withEntities(
      'See https://example.org/Kim and <http://x.org/Putin> and www.Kim.org and mailto:Kim@x.org',
      '[Putin](https://example.org/Vladivostok) and [Kim](Putin.md)',
    );
    assert.deepEqual(
      model.mentions.map((m) => `${m.range.start.line - bodyLine}:${m.text}`),
      ['1:Putin', '1:Kim'],
    );
  });

  test('a marker inside a word or without a scheme starts no URL, and a `](` that CommonMark reads as no link is prose', () => {
    const model = withEntities('awww.Kim and ://Putin and Vladivostok](Kim', '\\[Putin](Kim) and [Putin](Kim');
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Kim', 'Putin', 'Vladivostok', 'Kim', 'Putin', 'Kim', 'Putin', 'Kim'],
    );
  });

  test('`mailto` starts a URL only with its colon, and not inside a word', () => {
    const model = withEntities('mailto Kim and mailto-Putin and mailtomailto:Vladivostok and mailto:Kim and (mailto:Putin)');
    assert.deepEqual(
      model.mentions.map((m) => m.text),
      ['Kim', 'Putin', 'Vladivostok'],
    );
  });

  test('mentions in headings and list items count', () => {
    assert.equal(withEntities('# Kim in Vladivostok', '- Putin').mentions.length, 3);
  });

  test('no mentions in the front matter itself', () => {
    assert.equal(withEntities('').mentions.length, 0);
  });

  test('CRLF: ranges do not count the \\r', () => {
    const text = briefing(KIM_AND_PUTIN, 'Kim', 'x Putin').replace(/\n/g, '\r\n');
    const model = parse(text);
    assert.deepEqual(
      model.mentions.map((m) => [m.range.start, m.range.end]),
      [
        [
          { line: bodyLine, character: 0 },
          { line: bodyLine, character: 3 },
        ],
        [
          { line: bodyLine + 1, character: 2 },
          { line: bodyLine + 1, character: 7 },
        ],
      ],
    );
  });

  test('columns count UTF-16 code units', () => {
    const model = withEntities('😀 Kim');
    assert.deepEqual(model.mentions[0].range.start, { line: bodyLine, character: 3 });
  });

  test('mentions come in document order', () => {
    const model = withEntities(joinLines('Putin Kim', 'Vladivostok Kim'));
    const offsets = model.mentions.map((m) => m.range.startOffset);
    assert.deepEqual(
      offsets,
      [...offsets].sort((a, b) => a - b),
    );
  });
});
