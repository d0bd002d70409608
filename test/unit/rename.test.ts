import * as assert from 'node:assert/strict';
import { applyEdits, renameDefinitionEdit, renameEditsInBriefing, renameSourceEdits, sourceLabel } from '../../src/core/language/rename';
import { yamlScalar } from '../../src/core/yaml/yamlSource';
import { briefing, joinLines, parse } from './util';

function rename(text: string, from: string, to: string): string {
  const model = parse(text);
  const entity = model.entities.find((e) => e.name === from)!;
  return applyEdits(text, [renameDefinitionEdit(text, entity, to), ...renameEditsInBriefing(model, from, to)]);
}

suite('rename', () => {
  const text = briefing(['actors:', '  - name: Kim Jong Un', '    aliases: [Kim]'], 'Kim Jong Un met Kim; Kim  Jong\tUn again.', '- 2023: Kim Jong Un #x');

  test('renames the name: value and every mention written with the name; aliases untouched', () => {
    assert.equal(
      rename(text, 'Kim Jong Un', 'Kim Jong-un'),
      briefing(['actors:', '  - name: Kim Jong-un', '    aliases: [Kim]'], 'Kim Jong-un met Kim; Kim Jong-un again.', '- 2023: Kim Jong-un #x'),
    );
  });

  test('in a mention that spans an alias and the name, the name is renamed and the alias kept', () => {
    const merged = briefing(['actors:', '  - name: Kim Jong Un', '    aliases: [Chairman Kim]'], 'Chairman Kim  Jong Un spoke.');
    assert.equal(rename(merged, 'Kim Jong Un', 'Kim Jong-un'), briefing(['actors:', '  - name: Kim Jong-un', '    aliases: [Chairman Kim]'], 'Chairman Kim Jong-un spoke.'));
  });

  test('round trip A→B→A restores the file byte for byte, CRLF and Unicode included', () => {
    const original = briefing(['actors:', '  - name: Ким Чен Ын', '    aliases: [Ким]', '  - name: "金正恩"'], 'Ким Чен Ын и Ким, 金正恩 😀 Ким Чен Ын.', '- 2023: 金正恩').replace(
      /\n/g,
      '\r\n',
    );
    const there = rename(rename(original, 'Ким Чен Ын', 'Kim Jong Un'), '金正恩', 'Kim "the third"');
    assert.notEqual(there, original);
    assert.match(there, /name: "Kim \\"the third\\""/);
    const back = rename(rename(there, 'Kim Jong Un', 'Ким Чен Ын'), 'Kim "the third"', '金正恩');
    assert.equal(back, original);
  });

  test('a name YAML would misread is quoted', () => {
    assert.equal(yamlScalar('Kim Jong Un'), 'Kim Jong Un');
    assert.equal(yamlScalar("O'Brien"), "O'Brien");
    assert.equal(yamlScalar('Group: 7'), '"Group: 7"');
    assert.equal(yamlScalar('true'), '"true"');
    assert.equal(yamlScalar('2023'), '"2023"');
    assert.equal(yamlScalar('0x1F'), '"0x1F"', 'hexadecimal, a number to YAML 1.2');
    assert.equal(yamlScalar('0o17'), '"0o17"', 'octal');
    assert.equal(yamlScalar('Kim, KJU'), '"Kim, KJU"', 'a comma would split a flow list');
    assert.equal(yamlScalar('#tag'), '"#tag"');
    assert.equal(yamlScalar('[x]'), '"[x]"');
    const renamed = rename(text, 'Kim Jong Un', 'Group: 7');
    assert.equal(parse(renamed).entities[0].name, 'Group: 7');
  });

  test('in a flow list, a name with a comma is quoted', () => {
    const flow = briefing(['actors: [Kim, Putin]'], 'Kim');
    const renamed = rename(flow, 'Kim', 'Kim, Jr');
    assert.deepEqual(
      parse(renamed).entities.map((e) => e.name),
      ['Kim, Jr', 'Putin'],
    );
  });
});

suite('rename of a source label', () => {
  const text = joinLines('Said [S2] and [S1, S2].', '', '## Sources', '- [S1] AP', '- [S2] Reuters', '', 'Again [S2;S3].');
  const renamed = (id: string, typed: string) => {
    const edits = renameSourceEdits(parse(text), id, typed);
    if ('problem' in edits) return edits.problem;
    return applyEdits(text, [...edits]);
  };

  test("the entry's label and every citation of it, nothing else", () => {
    assert.equal(renamed('S2', 'S4'), joinLines('Said [S4] and [S1, S4].', '', '## Sources', '- [S1] AP', '- [S4] Reuters', '', 'Again [S4;S3].'));
  });

  test('a label typed as 4, s4 or [S4] is written S4', () => {
    assert.deepEqual(['4', 's4', '[S4]', ' S4 '].map(sourceLabel), ['S4', 'S4', 'S4', 'S4']);
    assert.deepEqual(['S', 'X4', 'S4a', '', 'S1234567'].map(sourceLabel), [undefined, undefined, undefined, undefined, undefined]);
    assert.equal(renamed('S2', '4'), renamed('S2', 'S4'));
  });

  test('refused: no label, or a label listed already (two sources would become one)', () => {
    assert.equal(renamed('S2', 'Reuters'), "A source label is S and a number, such as S4; not 'Reuters'.");
    assert.equal(renamed('S2', 'S1'), 'S1 is listed already: renaming S2 to it would make two sources one.');
    assert.equal(renamed('S2', 'S2'), text, 'to itself: nothing changes');
  });

  test('a source cited but not listed: its citations', () => {
    assert.equal(renamed('S3', 'S5'), text.replace('[S2;S3]', '[S2;S5]'));
  });
});
