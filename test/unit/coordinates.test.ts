import * as assert from 'node:assert/strict';
import { exportBriefing, hoverMarkdown, parseRegistry, type Briefing } from '../../src/core';
import { completionContext, keyCompletions } from '../../src/core/language/completion';
import { applyEdits } from '../../src/core/language/rename';
import { briefing, parse } from './util';

const placeWith = (coordinates: string) => briefing(['places:', '  - name: Vladivostok', '    country: Russia', `    coordinates: ${coordinates}`], 'Vladivostok.');
const problems = (model: Briefing) => model.diagnostics.map((d) => `${d.severity} ${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
const coordinatesOf = (model: Briefing) => model.entities.find((entity) => entity.name === 'Vladivostok')?.coordinates;

/** The text after the first problem's fix. */
function fixed(text: string): string {
  const [problem] = parse(text).diagnostics;
  assert.ok(problem?.fix, `a fix for ${JSON.stringify(text)}`);
  return applyEdits(text, problem.fix.edits);
}

suite('coordinates (format v1.1)', () => {
  test('[latitude, longitude] in decimal degrees are read, negative and whole numbers too; an empty value is none', () => {
    assert.deepEqual(coordinatesOf(parse(placeWith('[43.1155, 131.8855]'))), [43.1155, 131.8855]);
    assert.deepEqual(coordinatesOf(parse(placeWith('[-33.87, -70]'))), [-33.87, -70]);
    assert.deepEqual(coordinatesOf(parse(placeWith('\n      - 90\n      - -180'))), [90, -180]);
    assert.equal(coordinatesOf(parse(placeWith(''))), undefined);
    assert.deepEqual(problems(parse(placeWith('[43.1155, 131.8855]'))), []);
  });

  test('bad input is an Error and gives no point: not a list, not two numbers, out of range', () => {
    const shape = "'coordinates' must be [latitude, longitude] in decimal degrees, such as [43.1155, 131.8855]";
    for (const written of ['Vladivostok', '[43.1155]', '[43.1, 131.9, 12]', '["43.1", 131.9]', '{ lat: 43.1, lon: 131.9 }', "43°07'N 131°53'E", '[.nan, 1]']) {
      const model = parse(placeWith(written));
      assert.deepEqual(problems(model), [`error invalid-coordinates@5:18 ${shape}`], written);
      assert.equal(coordinatesOf(model), undefined, written);
    }
    assert.deepEqual(problems(parse(placeWith('[95, 100]'))), ['error invalid-coordinates@5:18 Latitude 95 is out of range (−90 to 90)']);
    assert.deepEqual(problems(parse(placeWith('[43, 200]'))), ['error invalid-coordinates@5:18 Longitude 200 is out of range (−180 to 180)']);
    assert.deepEqual(problems(parse(placeWith('[-91, 181]'))), ['error invalid-coordinates@5:18 Latitude -91 is out of range (−90 to 90)']);
  });

  test('the fixes only where the meaning is certain: two numbers written as text, or in the other order', () => {
    assert.equal(fixed(placeWith('43.1155, 131.8855')), placeWith('[43.1155, 131.8855]'));
    const swapped = parse(placeWith('[131.8855, 43.1155]'));
    assert.match(problems(swapped)[0], /Latitude 131.8855 is out of range \(−90 to 90\): written as \[longitude, latitude\]\? The order is \[latitude, longitude\]$/);
    assert.equal(swapped.diagnostics[0].fix?.title, 'Swap latitude and longitude');
    assert.equal(fixed(placeWith('[131.8855, 43.1155]')), placeWith('[43.1155, 131.8855]'));
    assert.equal(parse(placeWith('[95, 100]')).diagnostics[0].fix, undefined, 'out of range either way: no fix');
  });

  test('in a registry, the export and the hover card', () => {
    const registry = parseRegistry('places:\n  - name: Vladivostok\n    coordinates: [43.1155, 131.8855]\n  - name: Minsk\n    coordinates: [200, 1]\n', 'file:///w/entities.yaml');
    assert.deepEqual(
      registry.entities.map((entity) => entity.coordinates),
      [[43.1155, 131.8855], undefined],
    );
    assert.deepEqual(
      registry.diagnostics.map((d) => d.code),
      ['invalid-coordinates'],
    );
    const model = parse(placeWith('[43.1155, -131.8855]'));
    const exported = exportBriefing(model);
    assert.deepEqual(
      exported.entities.map((entity) => entity.coordinates),
      [[43.1155, -131.8855]],
    );
    assert.equal(JSON.parse(JSON.stringify(exportBriefing(parse(briefing(['places: [Minsk]']))))).entities[0].coordinates, null);
    const card = hoverMarkdown(model, model.entities[0], 'file:///w/a.briefing', () => '');
    assert.match(card, /^Russia · 43\.1155° N, 131\.8855° W$/m);
  });

  test('completion offers the key in an entry', () => {
    const text = briefing(['places:', '  - name: Vladivostok', '    coo']);
    assert.equal(completionContext(parse(text), text.length - 4).kind, 'entryKey');
    assert.ok(keyCompletions('entryKey').includes('coordinates'));
  });
});
