import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importStix, isoCountries, parseBriefing, stixBundle, stixToJson, type Briefing, type StixBundle, type StixObject } from '../../src/core';
import { body, briefingText, makeEntities, random } from '../../bench/generate';
import fc from 'fast-check';
import { v5 as packageUuidV5 } from 'uuid';
import { uuidBytes, uuidV5 } from '../../src/core/stix/ids';
import { TLP_MARKING_IDS } from '../../src/core/stix/markings';
import { joinLines, repoRoot } from './util';

const countries = isoCountries();
const samplePath = path.join(repoRoot, 'samples/vladivostok-summit.briefing');
const sampleText = fs.readFileSync(samplePath, 'utf8');

const read = (text: string): Briefing => parseBriefing(text, { countries });
const exportOf = (...files: { file: string; text: string }[]) =>
  stixBundle(
    files.map(({ file, text }) => ({ file, text, briefing: read(text) })),
    { countries },
  );
const sampleBundle = () => exportOf({ file: 'samples/vladivostok-summit.briefing', text: sampleText });
const ofType = (bundle: StixBundle, type: string) => bundle.objects.filter((object) => object.type === type);

// STIX 2.1's vocabularies the export writes (§10).
const IDENTITY_CLASS_OV = ['individual', 'group', 'system', 'organization', 'class', 'unknown'];
const REPORT_TYPE_OV = [
  'attack-pattern',
  'campaign',
  'identity',
  'indicator',
  'intrusion-set',
  'malware',
  'observed-data',
  'threat-actor',
  'threat-report',
  'tool',
  'vulnerability',
];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const IDENTIFIER = /^([a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The properties STIX 2.1 requires of each type the export writes, beyond the common ones. */
const REQUIRED: Record<string, string[]> = {
  report: ['name', 'published', 'object_refs'],
  identity: ['name'],
  location: [],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  note: ['content', 'object_refs'],
  'marking-definition': [],
};

/** Every problem of an object against the specification's rules the export must keep. */
function problemsOf(object: StixObject): string[] {
  const problems: string[] = [];
  const say = (problem: string) => problems.push(`${object.id}: ${problem}`);
  if (object.spec_version !== '2.1') say('spec_version is not 2.1');
  const id = IDENTIFIER.exec(object.id);
  if (!id || id[1] !== object.type) say('id is not type--UUID');
  if (!TIMESTAMP.test(String(object.created))) say('created is not a timestamp');
  if (object.type !== 'marking-definition' && !TIMESTAMP.test(String(object.modified))) say('modified is not a timestamp');
  if (object.modified !== undefined && String(object.modified) < String(object.created)) say('modified is before created');
  const required = REQUIRED[object.type];
  if (!required) say(`a type the export should not write: ${object.type}`);
  for (const key of required ?? []) if (object[key] === undefined) say(`no ${key}`);
  for (const [key, value] of Object.entries(object)) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) say(`${key} is empty`);
    if (key !== 'id' && !/^[a-z0-9_]{3,250}$/.test(key)) say(`property name ${key}`);
  }
  switch (object.type) {
    case 'identity':
      if (object.identity_class !== undefined && !IDENTITY_CLASS_OV.includes(String(object.identity_class))) say('identity_class not of identity-class-ov');
      break;
    case 'report':
      if (!(object.report_types as string[]).every((type) => REPORT_TYPE_OV.includes(type))) say('report_types not of report-type-ov');
      if (!TIMESTAMP.test(String(object.published))) say('published is not a timestamp');
      break;
    case 'location':
      if (object.region === undefined && object.country === undefined && (object.latitude === undefined || object.longitude === undefined))
        say('a location needs a region, a country or coordinates');
      if (object.country !== undefined && !/^[A-Z]{2}$/.test(String(object.country))) say('country is not ISO 3166 alpha-2');
      break;
    case 'relationship':
      if (!/^[a-z0-9-]+$/.test(String(object.relationship_type))) say('relationship_type is not in STIX form');
      if (object.start_time !== undefined && object.stop_time !== undefined && String(object.stop_time) <= String(object.start_time)) say('stop_time is not after start_time');
      break;
    case 'marking-definition':
      if (object.definition_type === 'statement' ? typeof (object.definition as { statement?: unknown }).statement !== 'string' : object.extensions === undefined)
        say('not a statement nor a TLP 2.0 marking');
      break;
  }
  if (object.confidence !== undefined && !(Number.isInteger(object.confidence) && Number(object.confidence) >= 0 && Number(object.confidence) <= 100))
    say('confidence out of 0..100');
  return problems;
}

/** Every `_ref` and `_refs` value of an object, its granular markings' too. */
function refsOf(object: unknown): string[] {
  if (Array.isArray(object)) return object.flatMap(refsOf);
  if (typeof object !== 'object' || object === null) return [];
  return Object.entries(object).flatMap(([key, value]) =>
    key.endsWith('_ref') && typeof value === 'string' ? [value] : key.endsWith('_refs') && Array.isArray(value) ? value : refsOf(value),
  );
}

function danglingRefs(bundle: StixBundle): string[] {
  const ids = new Set(bundle.objects.map((object) => object.id));
  return bundle.objects.flatMap((object) =>
    refsOf(object)
      .filter((ref) => !ids.has(ref))
      .map((ref) => `${object.id} → ${ref}`),
  );
}

/** A briefing generated from the bench's fixed seed, with a TLP, a classification and portion marks. */
function generated(seed: number, tlp: string, classification: string, marks: readonly string[]): string {
  const rand = random(seed);
  const entities = makeEntities(30, rand);
  let markIndex = 0;
  const text = body(entities, rand, 12_000, 5)
    .split('\n')
    .map((line) => (/^[A-Z]/.test(line) ? `${marks[markIndex++ % marks.length]} ${line}` : line))
    .join('\n');
  return briefingText(`Generated ${seed}`, entities, text).replace('classification: UNCLASSIFIED', `classification: ${classification}\ntlp: ${tlp}`);
}

/**
 * The marking rule (issue 33): every object made from a briefing carries its TLP (or a stricter
 * one) and its classification; its report's description carries every portion's mark; each
 * portion's note carries its own.
 */
function markingProblems(bundle: StixBundle, text: string): string[] {
  const model = read(text);
  const front = model.frontMatter!;
  const statementId = new Map(ofType(bundle, 'marking-definition').map((marking) => [(marking.definition as { statement?: string } | undefined)?.statement, marking.id]));
  const problems: string[] = [];
  const tlpOrder = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
  const tlpIndex = (refs: readonly string[]) => Math.max(-1, ...refs.map((ref) => tlpOrder.findIndex((level) => TLP_MARKING_IDS[level] === ref)));
  const classification = statementId.get(front.classification);
  for (const object of bundle.objects) {
    if (object.type === 'marking-definition') continue;
    const refs = (object.object_marking_refs as string[] | undefined) ?? [];
    if (front.tlp && tlpIndex(refs) < tlpOrder.indexOf(front.tlp)) problems.push(`${object.id} carries less than TLP:${front.tlp}`);
    if (!classification || !refs.includes(classification)) problems.push(`${object.id} lacks the classification ${front.classification}`);
  }
  const report = ofType(bundle, 'report')[0];
  const granular = ((report.granular_markings as { marking_ref: string; selectors: string[] }[] | undefined) ?? []).filter((marking) => marking.selectors.includes('description'));
  for (const portion of model.portions) {
    const id = statementId.get(`Portion marked ${portion.mark}`);
    if (!id || !granular.some((marking) => marking.marking_ref === id)) problems.push(`the report's description lacks ${portion.mark}`);
    const portionText = text.slice(portion.range.startOffset, portion.range.endOffset);
    const note = ofType(bundle, 'note').find((candidate) => candidate.content === portionText);
    if (!note || !id || !(note.object_marking_refs as string[]).includes(id))
      problems.push(`the note of the portion ${portion.mark} at line ${portion.range.start.line + 1} lacks its mark`);
  }
  return problems;
}

/** What an export says of entities, relations and markings: what an import and a new export must keep. */
function substance(bundle: StixBundle): string[] {
  return bundle.objects
    .filter((object) => object.type !== 'report' && object.type !== 'note')
    .map((object) => JSON.stringify(object))
    .sort();
}

suite('STIX 2.1 ids: UUIDv5', () => {
  test("RFC 9562's example, and the uuid package's ids on names of every length and script", () => {
    assert.equal(uuidV5('www.example.com', uuidBytes('6ba7b810-9dad-11d1-80b4-00c04fd430c8')), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const namespace = 'b20ecc92-36d5-40e1-932e-7884f6d77b1b';
    // Every length around the ends of SHA-1's 64-byte blocks, with the namespace's 16 bytes.
    for (let length = 0; length < 200; length++) {
      const name = 'x'.repeat(length);
      assert.equal(uuidV5(name, uuidBytes(namespace)), packageUuidV5(name, namespace), `a name of ${length} characters`);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.uuid(), (name, ns) => uuidV5(name, uuidBytes(ns)) === packageUuidV5(name, ns)),
      { numRuns: 500 },
    );
  });
});

suite('STIX 2.1 export', () => {
  test('the sample: every object has the properties and vocabularies STIX 2.1 requires', () => {
    const bundle = sampleBundle();
    assert.equal(bundle.type, 'bundle');
    assert.match(bundle.id, IDENTIFIER);
    assert.deepEqual(bundle.objects.flatMap(problemsOf), []);
    const counts = Object.fromEntries(['report', 'identity', 'location', 'relationship', 'note', 'marking-definition'].map((type) => [type, ofType(bundle, type).length]));
    const model = read(sampleText);
    assert.deepEqual(counts, {
      report: 1,
      identity: model.entities.filter((entity) => entity.kind === 'actor').length,
      location: model.entities.filter((entity) => entity.kind === 'place').length,
      relationship: model.entities.flatMap((entity) => entity.relations).length,
      note: model.events.length + model.portions.length,
      'marking-definition': counts['marking-definition'],
    });
  });

  test('the sample maps as the README says: report, identities, locations, relations, events, graded sources', () => {
    const bundle = sampleBundle();
    const byName = (name: string) => bundle.objects.find((object) => object.name === name)!;
    const report = ofType(bundle, 'report')[0];
    assert.equal(report.name, 'Kim Jong Un to meet Vladimir Putin in Vladivostok');
    assert.equal(report.published, '2023-11-13T00:00:00.000Z');
    assert.equal(report.created, '2023-11-13T00:00:00.000Z');
    assert.ok(String(report.description).includes('## Bottom Line'));
    assert.deepEqual(report.report_types, ['threat-report']);
    assert.equal((report.object_refs as string[]).length, bundle.objects.length - 1 - ofType(bundle, 'marking-definition').length);
    assert.deepEqual(
      (report.external_references as { source_name: string; description: string }[]).map((reference) => reference.source_name),
      ['S1'],
    );
    assert.ok((report.external_references as { description: string }[])[0].description.startsWith('(F3) '));

    assert.deepEqual(
      [byName('Kim Jong Un').identity_class, byName('Kim Jong Un').roles, byName('Kim Jong Un').x_opencti_aliases],
      ['individual', ['Leader'], ['North Korean leader']],
    );
    assert.deepEqual([byName('Russia').identity_class, byName('Russia').sectors], ['organization', ['government-national']]);
    assert.equal(byName('South Korean foreign ministry').identity_class, 'organization');
    assert.deepEqual([byName('Vladivostok').country, byName('Vladivostok').latitude, byName('Vladivostok').longitude], ['RU', 43.1155, 131.8855]);
    assert.equal(byName('Ukraine').country, 'UA');
    assert.equal(byName('East Asia').region, 'eastern-asia');

    const ally = ofType(bundle, 'relationship').find((relationship) => relationship.description === 'ally of')!;
    assert.deepEqual([ally.relationship_type, ally.source_ref, ally.target_ref], ['ally-of', byName('North Korea').id, byName('China').id]);
    // (F3): credibility 3, "possibly true", is 50 on STIX's Admiralty credibility scale.
    assert.equal(ally.confidence, 50);

    const summit = ofType(bundle, 'note').find((note) => note.x_briefing_date === '2023-11-13')!;
    assert.ok(String(summit.abstract).startsWith('2023-11-13 Kim Jong Un'));
    assert.ok((summit.object_refs as string[]).includes(report.id));
    assert.ok((summit.object_refs as string[]).includes(byName('Kim Jong Un').id));
  });

  test("docs/stix.md shows the sample's real ids, and any the README shows are real", () => {
    const ids = new Set([sampleBundle().id, ...sampleBundle().objects.map((object) => object.id)]);
    for (const page of ['docs/stix.md', 'README.md']) {
      const shown = fs.readFileSync(path.join(repoRoot, page), 'utf8').match(/\b[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g) ?? [];
      if (page === 'docs/stix.md') assert.ok(shown.length >= 2, page);
      assert.deepEqual(
        shown.filter((id) => !ids.has(id) && !id.startsWith('extension-definition--')),
        [],
        page,
      );
    }
  });

  test('every _ref resolves in the bundle: the sample, several briefings, and a relation to an unknown name', () => {
    assert.deepEqual(danglingRefs(sampleBundle()), []);
    const unknown = joinLines('---', 'actors:', '  - name: A', '    relations: [{ to: Nobody, type: knows }]', '---', 'A.');
    const bundle = exportOf({ file: 'a.briefing', text: unknown }, { file: 'g.briefing', text: generated(5, 'GREEN', 'SECRET', ['(S)', '(C)', '(U)']) });
    assert.deepEqual(danglingRefs(bundle), []);
    assert.deepEqual(
      ofType(bundle, 'relationship').filter((relationship) => relationship.description === 'knows'),
      [],
    );
    assert.deepEqual(bundle.objects.flatMap(problemsOf), []);
  });

  test('deterministic: the same briefing gives the same bytes; --timestamp changes only modified', () => {
    assert.equal(stixToJson(sampleBundle()), stixToJson(sampleBundle()));
    const model = read(sampleText);
    const later = stixBundle([{ file: 'samples/vladivostok-summit.briefing', text: sampleText, briefing: model }], { countries, timestamp: '2024-01-02T03:04:05.000Z' });
    const before = sampleBundle();
    assert.deepEqual(
      later.objects.map((object) => object.id),
      before.objects.map((object) => object.id),
    );
    for (const [index, object] of later.objects.entries()) {
      if (object.type === 'marking-definition') assert.deepEqual(object, before.objects[index]);
      else assert.deepEqual({ ...object, modified: undefined }, { ...before.objects[index], modified: undefined });
      if (object.type !== 'marking-definition') assert.equal(object.modified, '2024-01-02T03:04:05.000Z');
    }
    // The report's id is its file and title: another file is another report, with the same entities.
    const elsewhere = exportOf({ file: 'other.briefing', text: sampleText });
    assert.notEqual(ofType(elsewhere, 'report')[0].id, ofType(before, 'report')[0].id);
    assert.deepEqual(ofType(elsewhere, 'identity'), ofType(before, 'identity'));
  });

  test('TLP 2.0: the marking definitions OASIS published, with their fixed ids, on every object', () => {
    const text = sampleText.replace('classification: UNCLASSIFIED', 'classification: UNCLASSIFIED\ntlp: AMBER+STRICT');
    const bundle = exportOf({ file: 's.briefing', text });
    const tlp = bundle.objects.find((object) => object.id === 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003')!;
    assert.deepEqual(tlp, {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    });
    assert.deepEqual(markingProblems(bundle, text), []);
  });

  test('the marking rule: nothing carries less marking than in the briefing (the sample and generated briefings)', () => {
    assert.deepEqual(markingProblems(sampleBundle(), sampleText), []);
    for (const [seed, tlp, classification, marks] of [
      [11, 'AMBER', 'SECRET//NOFORN', ['(S//NF)', '(U)', '(C)']],
      [12, 'RED', 'TOP SECRET', ['(TS)', '(S)']],
      [13, 'CLEAR', 'CONFIDENTIAL', ['(C)', '(U)']],
    ] as const) {
      const text = generated(seed, tlp, classification, marks);
      const bundle = exportOf({ file: `g${seed}.briefing`, text });
      assert.ok(read(text).portions.length > 3, 'the generated briefing has portion marks');
      assert.deepEqual(markingProblems(bundle, text), [], `seed ${seed}`);
      assert.deepEqual(bundle.objects.flatMap(problemsOf), []);
    }
  });

  test('several briefings give one bundle: an entity named alike is one object, with the stricter TLP and both classifications', () => {
    const first = joinLines(
      '---',
      'title: One',
      'date: 2023-01-02',
      'classification: SECRET',
      'tlp: GREEN',
      'actors:',
      '  - name: Kim Jong Un',
      '    aliases: [Kim]',
      '---',
      'Kim.',
    );
    const second = joinLines(
      '---',
      'title: Two',
      'date: 2023-05-06',
      'classification: CONFIDENTIAL',
      'tlp: RED',
      'actors:',
      '  - name: Kim Jong Un',
      '    aliases: [Marshal Kim]',
      '---',
      'Marshal Kim.',
    );
    const bundle = exportOf({ file: 'one.briefing', text: first }, { file: 'two.briefing', text: second });
    const kims = ofType(bundle, 'identity');
    assert.equal(kims.length, 1);
    assert.equal(ofType(bundle, 'report').length, 2);
    const kim = kims[0];
    assert.deepEqual(kim.x_opencti_aliases, ['Kim', 'Marshal Kim']);
    assert.deepEqual([kim.created, kim.modified], ['2023-01-02T00:00:00.000Z', '2023-05-06T00:00:00.000Z']);
    const refs = kim.object_marking_refs as string[];
    assert.ok(refs.includes(TLP_MARKING_IDS.RED) && !refs.includes(TLP_MARKING_IDS.GREEN));
    const statements = ofType(bundle, 'marking-definition')
      .filter((marking) => refs.includes(marking.id))
      .map((marking) => (marking.definition as { statement?: string } | undefined)?.statement);
    assert.deepEqual(statements.filter(Boolean).sort(), ['CONFIDENTIAL', 'SECRET']);
    assert.deepEqual(markingProblems({ ...bundle, objects: bundle.objects.filter((object) => object.type !== 'report' || object.name === 'One') }, first), []);
  });

  test('relations: STIX relationship types, dates as instants (until: the instant after its period)', () => {
    const text = joinLines(
      '---',
      'actors:',
      '  - name: A',
      '    relations: [{ to: B, type: Supplies arms to, since: 2023-09, until: 2023-11 }, { to: B, type: meets, since: 2023-09-13, until: 2023-09-13 }]',
      '  - name: B',
      '---',
      'A and B.',
    );
    const relationships = ofType(exportOf({ file: 'r.briefing', text }), 'relationship');
    assert.deepEqual(
      relationships.map((relationship) => [relationship.relationship_type, relationship.description, relationship.start_time, relationship.stop_time]),
      [
        ['supplies-arms-to', 'Supplies arms to', '2023-09-01T00:00:00.000Z', '2023-12-01T00:00:00.000Z'],
        ['meets', undefined, '2023-09-13T00:00:00.000Z', '2023-09-14T00:00:00.000Z'],
      ],
    );
  });

  test('graded sources: confidence by the Admiralty credibility scale; credibility 6 states none', () => {
    const text = joinLines(
      '---',
      'actors:',
      '  - name: A',
      '---',
      '- 2023-01-01: A met [S1] and [S2].',
      '- 2023-01-02: A left [S3].',
      '',
      '## Sources',
      '',
      '- [S1] (A1) One',
      '- [S2] (C4) Two',
      '- [S3] (B6) Three',
    );
    const notes = ofType(exportOf({ file: 'g.briefing', text }), 'note');
    // The least confidence of the sources an event cites.
    assert.equal(notes[0].confidence, 30);
    assert.equal(notes[1].confidence, undefined);
    assert.deepEqual(
      (notes[0].external_references as { source_name: string }[]).map((reference) => reference.source_name),
      ['S1', 'S2'],
    );
  });
});

suite('STIX 2.1 import', () => {
  const imported = (json: string) => {
    const result = importStix(json, countries);
    assert.ok(result.ok, result.ok ? '' : result.message);
    return result.briefings;
  };
  const roundTrip = (text: string) => {
    const first = exportOf({ file: 'x.briefing', text });
    const [back] = imported(stixToJson(first));
    return { first, again: exportOf({ file: 'x.briefing', text: back.text }), back };
  };

  test('the sample: export, import, export gives the same entities, relations and markings', () => {
    const { first, again, back } = roundTrip(sampleText);
    assert.deepEqual(substance(again), substance(first));
    assert.deepEqual(read(back.text).diagnostics, []);
    assert.equal(back.fileName, 'kim-jong-un-to-meet-vladimir-putin-in-vladivostok.briefing');
    // Its report too, but for the sources the body lists again.
    const [report, reportAgain] = [first, again].map((bundle) => ofType(bundle, 'report')[0]);
    assert.deepEqual({ ...reportAgain, description: undefined }, { ...report, description: undefined });
    // The notes the export wrote are the body's events and portions: not listed as left out.
    assert.ok(!back.text.includes('<!--'), back.text.slice(-500));
  });

  test('a generated briefing with TLP, classification and portion marks survives the round trip', () => {
    const text = generated(21, 'AMBER', 'SECRET', ['(S)', '(U)']);
    const { first, again, back } = roundTrip(text);
    assert.deepEqual(substance(again), substance(first));
    assert.match(back.text, /^tlp: AMBER$/m);
    assert.match(back.text, /^classification: SECRET$/m);
  });

  test('names with Markdown or YAML syntax read back exactly as they were', () => {
    const names = [
      '[x](command:workbench.action.quit)',
      'Al: the "Fox"',
      '- dash',
      '#hash',
      'yes',
      '007',
      'a, b [c] {d}',
      "O'Brien",
      'trailing ',
      'two\nlines',
      '<img src=x onerror=alert(1)>',
      '*bold*',
      '&anchor',
      '!tag',
      '% percent',
      '@at',
      '`tick`',
      'x # y',
    ];
    const bundle = {
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000000',
      objects: names.map((name, index) => ({
        type: 'identity',
        spec_version: '2.1',
        id: `identity--00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        created: '2023-01-01T00:00:00.000Z',
        modified: '2023-01-01T00:00:00.000Z',
        name,
        description: `About ${name}: a, b`,
        roles: [name],
      })),
    };
    const [briefing] = imported(JSON.stringify(bundle));
    const model = read(briefing.text);
    assert.deepEqual(
      model.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
    assert.deepEqual(
      model.entities.map((entity) => entity.name),
      names.map((name) => name.trim()),
    );
    assert.deepEqual(
      model.entities.map((entity) => entity.role),
      names.map((name) => name.trim()),
    );
    assert.deepEqual(
      model.entities.map((entity) => entity.summary),
      names.map((name) => `About ${name}: a, b`),
    );
  });

  test('bad input: not JSON, not a bundle, too many objects: a clear message, never a throw', () => {
    const message = (text: string) => {
      const result = importStix(text, countries);
      assert.equal(result.ok, false);
      return result.ok ? '' : result.message;
    };
    assert.match(message('{ nope'), /not JSON/);
    assert.match(message('[]'), /JSON array, not a STIX bundle/);
    assert.match(message('{"type":"report","id":"report--x"}'), /single 'report' object, not a STIX bundle/);
    assert.match(message('null'), /JSON null, not a STIX bundle/);
    assert.match(message('{"type":"bundle"}'), /not a STIX bundle/);
    const many = JSON.stringify({
      type: 'bundle',
      id: 'bundle--1',
      objects: Array.from({ length: 100_000 }, (_, index) => ({ type: 'identity', id: `identity--${index}`, name: `N${index}` })),
    });
    assert.match(message(many), /holds 100,000 objects; an import takes at most 50,000/);
  });

  test('dangling refs, unknown types and objects without a place are listed in a comment, never dropped', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--1',
      objects: [
        {
          type: 'report',
          id: 'report--1',
          name: 'R',
          published: '2024-02-03T00:00:00Z',
          object_refs: ['identity--1', 'identity--gone', 'indicator--1', 'x-custom--1', 'relationship--1'],
          description: 'Body.',
        },
        { type: 'identity', id: 'identity--1', name: 'A', identity_class: 'individual' },
        { type: 'indicator', id: 'indicator--1', name: 'Bad IP', pattern: "[ipv4-addr:value = '1.2.3.4']" },
        { type: 'x-custom', id: 'x-custom--1', name: 'Custom --> end' },
        { type: 'relationship', id: 'relationship--1', relationship_type: 'uses', source_ref: 'identity--1', target_ref: 'identity--gone' },
        42,
      ],
    };
    const [briefing] = imported(JSON.stringify(bundle));
    const comment = briefing.text.slice(briefing.text.indexOf('<!--'));
    for (const expected of [
      'identity--gone: referred to by the report, not in the bundle',
      'indicator--1: indicator "Bad IP"',
      'x-custom--1: x-custom "Custom - -> end"',
      "relationship--1: 'uses' to or from identity--gone",
    ]) {
      assert.ok(comment.includes(expected), `${expected} in ${comment}`);
    }
    assert.equal(comment.match(/-->/g)?.length, 1, 'the comment is closed once, at its end');
    const model = read(briefing.text);
    assert.deepEqual(
      model.entities.map((entity) => [entity.name, entity.type]),
      [['A', 'person']],
    );
    assert.equal(model.frontMatter?.date, '2024-02-03');
  });

  test("a platform's bundle: no report, threat actors and intrusion sets with aliases, TLP 1.0, foreign sources", () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--2',
      objects: [
        {
          type: 'threat-actor',
          id: 'threat-actor--1',
          name: 'Lazarus Group',
          aliases: ['Hidden Cobra'],
          object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'],
        },
        { type: 'intrusion-set', id: 'intrusion-set--1', name: 'APT38', aliases: ['BlueNoroff', 'APT38'] },
        { type: 'campaign', id: 'campaign--1', name: 'Operation X' },
        { type: 'location', id: 'location--1', country: 'KP' },
        { type: 'location', id: 'location--2', name: 'Somewhere', latitude: 1.5, longitude: -2.25 },
        {
          type: 'relationship',
          id: 'relationship--1',
          relationship_type: 'attributed-to',
          source_ref: 'intrusion-set--1',
          target_ref: 'threat-actor--1',
          start_time: '2019-01-01T00:00:00Z',
        },
      ],
    };
    const [briefing] = imported(JSON.stringify(bundle));
    const model = read(briefing.text);
    assert.deepEqual(
      model.entities.map((entity) => [entity.name, entity.type, entity.aliases]),
      [
        ['Lazarus Group', 'group', ['Hidden Cobra']],
        ['APT38', 'group', ['BlueNoroff']],
        ['Operation X', 'other', []],
        ['North Korea', undefined, []],
        ['Somewhere', undefined, []],
      ],
    );
    assert.equal(model.frontMatter?.tlp, 'CLEAR');
    assert.deepEqual(model.entities[4].coordinates, [1.5, -2.25]);
    assert.deepEqual(
      model.entities[1].relations.map((relation) => [relation.to, relation.type, relation.since?.text]),
      [['Lazarus Group', 'attributed to', '2019-01-01']],
    );
    assert.deepEqual(
      model.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      [],
    );
  });

  test('several reports give a briefing each, with names of their own', () => {
    const two = exportOf({ file: 'a.briefing', text: sampleText }, { file: 'b.briefing', text: sampleText });
    const briefings = imported(stixToJson(two));
    assert.deepEqual(
      briefings.map((briefing) => briefing.fileName),
      ['kim-jong-un-to-meet-vladimir-putin-in-vladivostok.briefing', 'kim-jong-un-to-meet-vladimir-putin-in-vladivostok-2.briefing'],
    );
  });
});
