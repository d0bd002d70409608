import type { DiagnosticSink } from '../model/diagnosticSink';
import type { EntityDraft } from '../model/types';
import type { CountryNames } from '../geo/countries';
import { yamlScalar } from '../yaml/yamlSource';

/**
 * Tells of a `country:` that names no country the map knows, on the entries it draws (places and
 * `state` actors): Information, with the closest name and the fix to it; a name of two countries
 * (`Congo`) says which two. The map then leaves the place where its coordinates put it, or nowhere.
 */
export function checkCountries(drafts: readonly EntityDraft[], countries: CountryNames, sink: DiagnosticSink): void {
  for (const draft of drafts) {
    const span = draft.countrySpan;
    if (!span || draft.country === undefined || (draft.kind === 'actor' && draft.type !== 'state')) continue;
    const found = countries.lookUp(draft.country);
    if (found.kind === 'country') continue;
    const [start, end] = span;
    if (found.kind === 'ambiguous') {
      const names = found.countries.map((country) => `'${country.name}'`);
      sink.add(start, end, 'information', 'unknown-country', `'${draft.country}' names ${names.length} countries: write ${names.join(' or ')}`);
    } else if (found.closest) {
      sink.add(start, end, 'information', 'unknown-country', `'${draft.country}' is not a country the map knows; did you mean '${found.closest}'?`, {
        title: `Change to '${found.closest}'`,
        edits: [{ start, end, newText: yamlScalar(found.closest) }],
      });
    } else {
      sink.add(start, end, 'information', 'unknown-country', `'${draft.country}' is not a country the map knows: write a country's name, or its ISO 3166 code (RU, RUS)`);
    }
  }
}
