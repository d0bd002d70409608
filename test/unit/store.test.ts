import * as assert from 'node:assert/strict';
import { BriefingStore, isoCountries, parseRegistry, type CountryNames, type Registry } from '../../src/core';

function document(uri: string, version: number, text: string) {
  let reads = 0;
  return {
    uri,
    version,
    getText: () => {
      reads++;
      return text;
    },
    get reads() {
      return reads;
    },
  };
}

suite('document store', () => {
  test('parses once per URI and version', () => {
    const store = new BriefingStore();
    const v1 = document('file:///a.briefing', 1, '# A');
    const first = store.get(v1);
    assert.equal(store.get(v1), first);
    assert.equal(store.get(document('file:///a.briefing', 1, 'ignored')), first);
    assert.equal(store.parseCount, 1);
    assert.equal(v1.reads, 1);
    const second = store.get(document('file:///a.briefing', 2, '# B'));
    assert.notEqual(second, first);
    assert.equal(second.sections[0].title, 'B');
    assert.equal(store.parseCount, 2);
  });

  test('keeps documents apart', () => {
    const store = new BriefingStore();
    store.get(document('file:///a.briefing', 1, '# A'));
    store.get(document('file:///b.briefing', 1, '# B'));
    assert.equal(store.size, 2);
    assert.equal(store.get(document('file:///a.briefing', 1, '')).sections[0].title, 'A');
  });

  test('never caches a negative version', () => {
    const store = new BriefingStore();
    store.get(document('untitled:1', -1, '# A'));
    store.get(document('untitled:1', -1, '# A'));
    assert.equal(store.parseCount, 2);
    assert.equal(store.size, 0);
  });

  test('evicts closed documents', () => {
    const store = new BriefingStore();
    store.get(document('file:///a.briefing', 1, '# A'));
    store.evict('file:///a.briefing');
    assert.equal(store.size, 0);
    store.get(document('file:///a.briefing', 1, '# A'));
    assert.equal(store.parseCount, 2);
  });

  test('invalidate() re-parses with the current registries', () => {
    let registries: Registry[] = [];
    const store = new BriefingStore(() => ({ registries }));
    const doc = document('file:///a.briefing', 1, 'Putin');
    assert.equal(store.get(doc).mentions.length, 0);
    registries = [parseRegistry('actors: [Putin]', 'entities.yaml')];
    store.invalidate();
    assert.equal(store.get(doc).mentions.length, 1);
    assert.equal(store.peek('file:///a.briefing', 1)?.mentions.length, 1);
  });

  test('invalidateWhere() drops only the models it picks: the countries, come late, re-parse only what writes a country', () => {
    let countries: CountryNames | undefined = undefined;
    const store = new BriefingStore(() => ({ countries }));
    const withCountry = document('file:///a.briefing', 1, '---\nplaces:\n  - name: Kyiv\n    country: Ukrain\n---\nKyiv.\n');
    const without = document('file:///b.briefing', 1, '# B\n');
    assert.equal(store.get(withCountry).diagnostics.filter((item) => item.code === 'unknown-country').length, 0, 'unchecked before the countries come');
    const kept = store.get(without);
    countries = isoCountries();
    assert.equal(
      store.invalidateWhere((model) => model.entities.some((entity) => entity.country !== undefined)),
      1,
    );
    assert.equal(store.get(without), kept, 'not parsed again');
    assert.equal(store.get(withCountry).diagnostics.filter((item) => item.code === 'unknown-country').length, 1);
    assert.equal(store.parseCount, 3);
  });
});
