import * as assert from 'node:assert/strict';
import { parseBriefing } from '../../src/core';
import { normalizeTerm } from '../../src/core/match/matcher';
import { newEntryEdit } from '../../src/core/language/newEntry';
import { applyEdits, renameDefinitionEdit, renameEditsInBriefing, type TextEdit } from '../../src/core/language/rename';
import { seedTexts, scaledTimeout } from './generators';

/** The text outside the edits is unchanged, byte for byte. */
function assertOnlyEditsChange(before: string, edits: readonly TextEdit[], after: string): void {
  const sorted = [...edits].sort((a, b) => a.range.startOffset - b.range.startOffset);
  let beforeAt = 0;
  let afterAt = 0;
  for (const edit of sorted) {
    const untouched = before.slice(beforeAt, edit.range.startOffset);
    assert.equal(after.slice(afterAt, afterAt + untouched.length), untouched);
    afterAt += untouched.length;
    assert.equal(after.slice(afterAt, afterAt + edit.newText.length), edit.newText);
    afterAt += edit.newText.length;
    beforeAt = edit.range.endOffset;
  }
  assert.equal(after.slice(afterAt), before.slice(beforeAt));
}

function assertNoOverlap(edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.range.startOffset - b.range.startOffset);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].range.startOffset >= sorted[i - 1].range.endOffset, 'edits never overlap');
}

suite('safe edits on every fixture', function () {
  // A time limit like every property suite's: a busy machine took the default 2 s.
  this.timeout(scaledTimeout(60_000));
  const fixtures = seedTexts().flatMap((text) => [text, text.replace(/\n/g, '\r\n')]);

  test('rename changes only the name: value and the mentions written with the name', () => {
    for (const text of fixtures) {
      const model = parseBriefing(text);
      for (const entity of model.entities.filter((e) => e.definition.source === undefined)) {
        const edits = [renameDefinitionEdit(text, entity, 'Renamed Entity'), ...renameEditsInBriefing(model, entity.name, 'Renamed Entity')];
        assertNoOverlap(edits);
        for (const edit of edits.slice(1)) assert.equal(normalizeTerm(text.slice(edit.range.startOffset, edit.range.endOffset)), normalizeTerm(entity.name));
        assertOnlyEditsChange(text, edits, applyEdits(text, edits));
      }
    }
  });

  test('"register selection" only inserts, and the new entity is then found', () => {
    for (const text of fixtures) {
      const model = parseBriefing(text);
      for (const kind of ['actor', 'place'] as const) {
        const edit = newEntryEdit(model, kind, 'Brand New Name');
        assert.equal(edit.range.startOffset, edit.range.endOffset, 'an insertion');
        const after = applyEdits(text, [edit]);
        assertOnlyEditsChange(text, [edit], after);
        assert.ok(
          parseBriefing(after).entities.some((e) => e.name === 'Brand New Name' && e.kind === kind),
          `registered in ${text.slice(0, 40)}`,
        );
      }
    }
  });

  test("quick fixes change only their diagnostic's text, and remove the diagnostic", () => {
    for (const text of fixtures) {
      for (const diagnostic of parseBriefing(text).diagnostics.filter((d) => d.fix)) {
        const edits = diagnostic.fix!.edits.map((e) => ({ range: e.range, newText: e.newText }));
        const after = applyEdits(text, edits);
        assertOnlyEditsChange(text, edits, after);
        assert.ok(parseBriefing(after).diagnostics.length < parseBriefing(text).diagnostics.length);
      }
    }
  });
});
