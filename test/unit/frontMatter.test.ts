import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/language/rename';
import { briefing, diagnosticsOf, joinLines, onlyDiagnostic, parse } from './util';

suite('front matter', () => {
  test('reads the known fields and keeps the other keys', () => {
    const model = parse(briefing(['title: Summit', 'date: 2023-11-13', 'classification: SECRET', 'author: A. Analyst', 'tags: [arms, summit]', 'source_count: 3'], 'Body'));
    const front = model.frontMatter!;
    assert.equal(front.title, 'Summit');
    assert.equal(front.date, '2023-11-13');
    assert.equal(front.classification, 'SECRET');
    assert.equal(front.author, 'A. Analyst');
    assert.deepEqual(front.tags, ['arms', 'summit']);
    assert.deepEqual(front.extra, { source_count: 3 });
    assert.deepEqual(model.diagnostics, []);
  });

  test('is optional: a file without it is all body', () => {
    const model = parse('# Title\n- 2023: event');
    assert.equal(model.frontMatter, undefined);
    assert.equal(model.bodyStartOffset, 0);
    assert.equal(model.events.length, 1);
  });

  test('must start on the first line: a later --- is body', () => {
    const model = parse('\n---\ntitle: x\n---\n');
    assert.equal(model.frontMatter, undefined);
  });

  test('ends at --- or ...', () => {
    const dots = parse(joinLines('---', 'title: Dots', '...', 'body'));
    assert.equal(dots.frontMatter?.title, 'Dots');
    assert.equal(dots.bodyStartOffset, joinLines('---', 'title: Dots', '...', '').length);
  });

  test('an empty front matter is valid', () => {
    const model = parse('---\n---\nbody');
    assert.ok(model.frontMatter);
    assert.deepEqual(model.diagnostics, []);
  });

  test('an unclosed front matter is an Error on line 1 and the file is read as body', () => {
    const model = parse(joinLines('---', 'title: x', '# Heading'));
    const diagnostic = onlyDiagnostic(model);
    assert.equal(diagnostic.severity, 'error');
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(model.frontMatter, undefined);
    assert.equal(model.sections.length, 1);
  });

  test('broken YAML is an Error at its exact line and column, and the body is still indexed', () => {
    const text = briefing(['title: ok', 'actors:', '  - name: Kim Jong Un', '  - name: [unclosed'], 'Kim Jong Un arrives.');
    const model = parse(text);
    assert.ok(
      model.diagnostics.some((d) => d.severity === 'error'),
      'an error is reported',
    );
    const yamlError = model.diagnostics.find((d) => d.code === 'yaml-unclosed-bracket')!;
    assert.match(yamlError.message, /^The list that opens the value of `name:` with `\[` is not closed: add `\]` at the end of the line \(YAML: Flow sequence .* end with a \]\)$/);
    assert.deepEqual(yamlError.range.start, { line: 4, character: 10 }, 'where the list opens');
    assert.equal(model.frontMatter?.title, 'ok');
    assert.deepEqual(
      model.entities.map((e) => e.name),
      ['Kim Jong Un'],
    );
    assert.equal(model.mentions.length, 1);
  });

  test('a YAML error in the middle of a line points at its column', () => {
    const model = parse(briefing(['title: a: b'], ''));
    const diagnostic = model.diagnostics.find((d) => d.severity === 'error')!;
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 7 });
    assert.equal(
      diagnostic.message,
      'The value of `title:` holds `: `, which YAML reads as the start of another key: put the value in quotes (YAML: Nested mappings are not allowed in compact mappings)',
    );
  });

  test('duplicate top-level keys are an Error and the first value is kept', () => {
    const model = parse(briefing(['title: One', 'title: Two'], ''));
    assert.equal(model.frontMatter?.title, 'One');
    assert.deepEqual(diagnosticsOf(model), ['error@3:1']);
  });

  test('a front matter that is not a mapping is an Error', () => {
    const model = parse(briefing(['- just', '- a list'], ''));
    assert.equal(onlyDiagnostic(model).code, 'front-matter-not-mapping');
  });

  test('a date that is not YYYY-MM-DD is a Warning', () => {
    const model = parse(briefing(['date: 2023-02-30'], ''));
    assert.equal(onlyDiagnostic(model).severity, 'warning');
    assert.equal(model.frontMatter?.date, '2023-02-30');
  });

  test('a date written in another form that names one day: the Warning says what to write, and its fix writes it', () => {
    for (const [written, day] of [
      ['13.11.2023', '2023-11-13'],
      ['"Nov 13, 2023"', '2023-11-13'],
      ['2023/11/13', '2023-11-13'],
      ["'13 November 2023'", '2023-11-13'],
    ]) {
      const text = briefing([`date: ${written}`, 'title: T'], '');
      const warning = onlyDiagnostic(parse(text));
      assert.match(warning.message, new RegExp(`: write ${day}$`), written);
      assert.equal(warning.fix?.title, `Write the date as ${day}`, written);
      const fixed = parse(
        applyEdits(
          text,
          warning.fix!.edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
        ),
      );
      assert.deepEqual([fixed.frontMatter?.date, fixed.frontMatter?.title, fixed.diagnostics], [day, 'T', []], written);
    }
    // No single day, an uncertain one (day or month first?), none at all, or a time that a fix would drop: no fix.
    for (const written of ['2023-11', '03/04/2023', '30.02.2023', '2023-W46', '2023-11-13T10:00', '~2023-11-13', 'soon']) {
      const warning = onlyDiagnostic(parse(briefing([`date: ${written}`], '')));
      assert.equal(warning.fix, undefined, written);
    }
  });

  test('CRLF front matter: ranges never count the \\r', () => {
    const text = ['---', 'title: x', 'actors:', '  - name: Kim', '    rol: x', '---', 'Kim here'].join('\r\n');
    const model = parse(text);
    assert.equal(model.frontMatter?.title, 'x');
    const diagnostic = onlyDiagnostic(model);
    assert.deepEqual(
      [diagnostic.range.start, diagnostic.range.end],
      [
        { line: 4, character: 4 },
        { line: 4, character: 7 },
      ],
    );
    assert.deepEqual(model.mentions[0].range.start, { line: 6, character: 0 });
    assert.deepEqual(model.frontMatter!.range.end, { line: 5, character: 3 });
  });

  test('a leading byte order mark does not hide the front matter', () => {
    const model = parse('\uFEFF---\ntitle: BOM\n---\n');
    assert.equal(model.frontMatter?.title, 'BOM');
  });
});
