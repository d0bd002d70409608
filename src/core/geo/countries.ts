import { closestWord } from '../text/closestWord';
import { COUNTRY_ROWS } from './countryTable';

/** A country of ISO 3166: its codes and its usual English name. */
export interface Country {
  readonly alpha2: string;
  readonly alpha3: string;
  /** The numeric code, three digits as written (`"643"`): the id of its shape in Natural Earth's world (`world-atlas`). */
  readonly numeric: string;
  readonly name: string;
}

/**
 * Names the press and analysts use that ISO's English names leave out, by alpha-2 code. The
 * names of the package come first; these only add.
 */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  KP: ['DPRK', 'D.P.R.K.', "Democratic People's Republic of Korea", 'N. Korea'],
  KR: ['ROK', 'S. Korea'],
  SY: ['Syria'],
  LA: ['Laos'],
  MM: ['Burma'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  GB: ['Britain', 'U.K.'],
  VA: ['Vatican', 'Holy See'],
  VN: ['Viet Nam'],
  MD: ['Moldova'],
  BO: ['Bolivia'],
  VE: ['Venezuela'],
  TZ: ['Tanzania'],
  CV: ['Cape Verde'],
  FM: ['Micronesia'],
  BN: ['Brunei'],
  PS: ['Palestinian territories'],
  US: ['United States'],
};

/** Where a country was written: how each written name or code stands for one, or for several (`Congo`). */
interface CountryIndex {
  readonly countries: readonly Country[];
  /** Each name, folded (see `fold`), to the countries it names: two for an ambiguous one. */
  readonly byName: ReadonlyMap<string, readonly Country[]>;
  /** Each alpha-2 and alpha-3 code, as written (upper case). */
  readonly byCode: ReadonlyMap<string, Country>;
  /** Every name once, as written, for suggestions. */
  readonly names: readonly string[];
}

let index: CountryIndex | undefined;

/** A name as it is compared: no case, accents, dots, or runs of spaces; no leading "the". */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

function countryIndex(): CountryIndex {
  if (index) return index;
  const countries: Country[] = [];
  const byName = new Map<string, Country[]>();
  const byCode = new Map<string, Country>();
  const names: string[] = [];
  for (const row of COUNTRY_ROWS.split('\n')) {
    const [alpha2, alpha3, numeric, ...written] = row.split('|');
    const country: Country = { alpha2, alpha3, numeric, name: written[0] };
    countries.push(country);
    byCode.set(alpha2, country);
    byCode.set(alpha3, country);
    for (const name of [...written, ...(OTHER_NAMES[alpha2] ?? [])]) {
      const folded = fold(name);
      const named = byName.get(folded) ?? [];
      if (named.includes(country)) continue;
      named.push(country);
      byName.set(folded, named);
      names.push(name);
    }
  }
  return (index = { countries, byName, byCode, names });
}

/** What a written country is: one country, several (an ambiguous name), or none, with the closest known name. */
export type CountryLookup =
  | { readonly kind: 'country'; readonly country: Country }
  | { readonly kind: 'ambiguous'; readonly countries: readonly Country[] }
  | { readonly kind: 'unknown'; readonly closest: string | undefined };

/**
 * The country a `country:` value or an entity's name stands for: an English name or another
 * common name (any case, with or without accents and dots), or an ISO 3166 alpha-2 or alpha-3
 * code written in capitals (`RU`, `RUS`: in lower case, "in" or "per" are words, not codes).
 */
export function lookUpCountry(written: string): CountryLookup {
  const { byName, byCode, names } = countryIndex();
  const trimmed = written.trim();
  if (trimmed === '') return { kind: 'unknown', closest: undefined };
  const byItsCode = byCode.get(trimmed);
  if (byItsCode) return { kind: 'country', country: byItsCode };
  const named = byName.get(fold(trimmed));
  if (named?.length === 1) return { kind: 'country', country: named[0] };
  if (named) return { kind: 'ambiguous', countries: named };
  return { kind: 'unknown', closest: closestWord(trimmed, names, Math.max(3, Math.ceil(trimmed.length / 3))) };
}

/** The country written, when it names exactly one. */
export function countryOf(written: string): Country | undefined {
  const found = lookUpCountry(written);
  return found.kind === 'country' ? found.country : undefined;
}

/** Every country of ISO 3166, in the table's order. */
export function allCountries(): readonly Country[] {
  return countryIndex().countries;
}
