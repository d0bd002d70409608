import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isoCountries, parseBriefing } from '../../src/core';
import { applyEdits } from '../../src/core/language/rename';
import { briefing, repoRoot } from './util';

const countryOf = (written: string) => isoCountries().countryOf(written);
const lookUpCountry = (written: string) => isoCountries().lookUp(written);
const numericOf = (written: string) => countryOf(written)?.numeric;

suite('countries (ISO 3166)', () => {
  test('the table is the one scripts/countries.js writes from i18n-iso-countries (run it after updating the package)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a plain Node script
    const { tableSource } = require(path.join(repoRoot, 'scripts/countries.js')) as { tableSource(): string };
    assert.equal(fs.readFileSync(path.join(repoRoot, 'src/core/geo/countryTable.ts'), 'utf8'), tableSource());
    assert.equal(isoCountries().countries.length, 250);
  });

  test('a name, another common name, or a code written in capitals names its country', () => {
    for (const written of ['Russia', 'Russian Federation', 'RU', 'RUS', 'russia', '  Russia ']) assert.equal(numericOf(written), '643', written);
    for (const written of ['North Korea', 'DPRK', 'D.P.R.K.', "Democratic People's Republic of Korea", 'KP', 'PRK']) assert.equal(numericOf(written), '408', written);
    for (const written of ['United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.']) assert.equal(numericOf(written), '840', written);
    for (const written of ['South Korea', 'Republic of Korea', 'ROK']) assert.equal(numericOf(written), '410', written);
    for (const written of ["Côte d'Ivoire", "Cote d'Ivoire", 'Côte d’Ivoire', 'Ivory Coast']) assert.equal(numericOf(written), '384', written);
    for (const written of ['Syria', 'Burma', 'Laos', 'Türkiye', 'Turkey', 'Czechia', 'the United Kingdom', 'Britain', 'Ukraine', 'China', 'Japan'])
      assert.ok(countryOf(written), written);
    assert.deepEqual(countryOf('Vladivostok'), undefined);
    assert.equal(countryOf('Russia')?.name, 'Russian Federation', 'its usual English name, as ISO writes it');
  });

  test('codes count only in capitals: "in" and "per" are words', () => {
    assert.equal(numericOf('IN'), '356');
    assert.equal(countryOf('in'), undefined);
    assert.equal(numericOf('PER'), '604');
    assert.equal(countryOf('per'), undefined);
  });

  test('a name of two countries is ambiguous; an unknown one has its closest name, when one is close', () => {
    const congo = lookUpCountry('Congo');
    assert.equal(congo.kind, 'ambiguous');
    assert.deepEqual(congo.kind === 'ambiguous' && congo.countries.map((country) => country.alpha2).sort(), ['CD', 'CG']);
    assert.equal(numericOf('Democratic Republic of the Congo'), '180');
    assert.deepEqual(lookUpCountry('Rusia'), { kind: 'unknown', closest: 'Russia' });
    assert.deepEqual(lookUpCountry('Ukriane'), { kind: 'unknown', closest: 'Ukraine' });
    assert.deepEqual(lookUpCountry('Atlantis'), { kind: 'unknown', closest: undefined });
    assert.deepEqual(lookUpCountry(''), { kind: 'unknown', closest: undefined });
  });
});

suite("a place's country (the map's check)", () => {
  const problemsOf = (entries: string[], withCountries = true) =>
    parseBriefing(briefing(entries), withCountries ? { countries: isoCountries() } : {}).diagnostics.map(
      (d) => `${d.severity} ${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}${d.fix ? ` [${d.fix.title}]` : ''}`,
    );

  test('a country the map does not know is Information, with the closest name and its fix; two countries of one name say which', () => {
    assert.deepEqual(problemsOf(['places:', '  - name: Vladivostok', '    country: Rusia']), [
      "information unknown-country@4:14 'Rusia' is not a country the map knows; did you mean 'Russia'? [Change to 'Russia']",
    ]);
    assert.deepEqual(problemsOf(['places:', '  - { name: Atlantis, country: Atlantys }']), [
      "information unknown-country@3:32 'Atlantys' is not a country the map knows: write a country's name, or its ISO 3166 code (RU, RUS)",
    ]);
    assert.deepEqual(problemsOf(['places:', '  - { name: Brazzaville, country: Congo }']), [
      "information unknown-country@3:35 'Congo' names 2 countries: write 'Republic of the Congo' or 'Democratic Republic of the Congo'",
    ]);
    const text = briefing(['places:', '  - name: Vladivostok', '    country: Rusia']);
    const [problem] = parseBriefing(text, { countries: isoCountries() }).diagnostics;
    assert.equal(applyEdits(text, problem.fix!.edits), briefing(['places:', '  - name: Vladivostok', '    country: Russia']));
  });

  test('places and states are checked, not other actors; known names and codes pass; without the countries, nothing is', () => {
    assert.deepEqual(problemsOf(['actors:', '  - { name: Kremlin, type: organization, country: Rusia }', '  - { name: Moscow, type: state, country: Rusia }']), [
      "information unknown-country@4:43 'Rusia' is not a country the map knows; did you mean 'Russia'? [Change to 'Russia']",
    ]);
    assert.deepEqual(problemsOf(['places:', '  - { name: A, country: RU }', '  - { name: B, country: North Korea }', '  - { name: C, country: U.S. }']), []);
    assert.deepEqual(problemsOf(['places:', '  - name: Vladivostok', '    country: Rusia'], false), []);
  });
});
