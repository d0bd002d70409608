import * as assert from 'node:assert/strict';
import { parseRegistry, unusedHints } from '../../src/core';
import type { Briefing } from '../../src/core/model/types';
import { briefing, parse } from './util';

/** Hints as `severity code@line:character-character message`, 1-based. */
const hintsOf = (model: Briefing) =>
  unusedHints(model).map((d) => `${d.severity} ${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`);

suite('hints: what the text never uses', () => {
  test('an entry of the front matter that the body never mentions, by name or alias, gets a hint on its name', () => {
    const model = parse(
      briefing(
        ['actors:', '  - name: Kim Jong Un', '    aliases: [Kim]', '  - name: Choe Son Hui', '  - Sergei Shoigu', 'places:', '  - name: Vladivostok', '  - name: Khasan'],
        'Kim arrived in Vladivostok.',
      ),
    );
    assert.deepEqual(hintsOf(model), [
      "hint unmentioned-entity@5:11-23 Actor 'Choe Son Hui' is not mentioned in the text, by name or alias",
      "hint unmentioned-entity@6:5-18 Actor 'Sergei Shoigu' is not mentioned in the text, by name or alias",
      "hint unmentioned-entity@9:11-17 Place 'Khasan' is not mentioned in the text, by name or alias",
    ]);
  });

  test("a mention in the front matter (another entry's summary) does not count; one in the body does, anywhere", () => {
    const model = parse(briefing(['actors:', '  - name: Kim Jong Un', '    summary: Met Vladimir Putin.', '  - name: Vladimir Putin'], '- 2023-09-13: Kim Jong Un arrives.'));
    assert.deepEqual(
      hintsOf(model).map((hint) => hint.split(' ').slice(0, 2).join(' ')),
      ['hint unmentioned-entity@5:11-25'],
    );
    const mentioned = parse(briefing(['actors:', '  - name: Kim Jong Un', '  - name: Vladimir Putin'], '# Vladimir Putin', '', 'Kim Jong Un.'));
    assert.deepEqual(hintsOf(mentioned), []);
  });

  test("the registries' entities get none (a registry is shared: most of it is not in any one briefing), nor do the model's diagnostics hold the hints", () => {
    const registry = parseRegistry('actors:\n  - name: Sergei Lavrov\n  - name: Sergei Shoigu\n', 'entities.yaml');
    const model = parse(briefing(['actors:', '  - name: Kim Jong Un'], 'Kim Jong Un met Sergei Lavrov.'), { registries: [registry] });
    assert.deepEqual(hintsOf(model), []);
    const unmentioned = parse(briefing(['actors:', '  - name: Kim Jong Un'], 'Sergei Lavrov.'), { registries: [registry] });
    assert.equal(hintsOf(unmentioned).length, 1);
    assert.ok(
      unmentioned.diagnostics.every((diagnostic) => diagnostic.code !== 'unmentioned-entity'),
      'not in `briefing check` or the export',
    );
  });

  test('no front matter, or no entities: no hints', () => {
    assert.deepEqual(hintsOf(parse('Kim Jong Un met Vladimir Putin.')), []);
    assert.deepEqual(hintsOf(parse(briefing(['title: Notes'], 'Text.'))), []);
  });

  test('a source listed and never cited gets a hint on its label; a cited one, or a citation of a source not listed, none', () => {
    const model = parse(
      ['Kim left [S1]. Talks went on [S4].', '', '## Sources', '- [S1] Reuters, 2023-11-13', '- [S2] KCNA, 2023-11-14', '[S3]: Yonhap', '- [S2] listed twice'].join('\n'),
    );
    assert.deepEqual(hintsOf(model), ['hint uncited-source@5:3-7 Source [S2] is not cited in the text', 'hint uncited-source@6:1-5 Source [S3] is not cited in the text']);
    assert.ok(
      model.diagnostics.every((diagnostic) => diagnostic.code !== 'uncited-source'),
      'not in `briefing check` or the export',
    );
  });
});
