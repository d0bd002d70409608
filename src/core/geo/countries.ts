import { closestWord } from '../text/closestWord';

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

/** What a written country is: one country, several (an ambiguous name), or none, with the closest known name. */
export type CountryLookup =
  | { readonly kind: 'country'; readonly country: Country }
  | { readonly kind: 'ambiguous'; readonly countries: readonly Country[] }
  | { readonly kind: 'unknown'; readonly closest: string | undefined };

/**
 * The countries of ISO 3166 and every way of writing one: from rows `alpha-2|alpha-3|numeric|name|other names…`
 * (`countryTable.ts`; the editor reads them from a file beside its bundle, which they would not fit).
 */
/** How many unknown values' closest names a table keeps. */
const CLOSEST_KEPT = 1000;

export class CountryNames {
  readonly countries: readonly Country[];
  /** Each name, folded (see `fold`), to the countries it names: two for an ambiguous one. */
  readonly #byName = new Map<string, Country[]>();
  /** Each alpha-2 and alpha-3 code, as written (upper case). */
  readonly #byCode = new Map<string, Country>();
  /** Every name once, as written, for suggestions. */
  readonly #names: string[] = [];
  /**
   * The closest name to each unknown value met, up to a bound: a team's briefings repeat the
   * same unknown value (a made-up or misspelt country) in every file, and each search measures
   * the distance to every name.
   */
  readonly #closest = new Map<string, string | undefined>();

  constructor(rows: string) {
    const countries: Country[] = [];
    for (const row of rows.split('\n')) {
      const [alpha2, alpha3, numeric, ...written] = row.split('|');
      if (!alpha2 || !alpha3 || !numeric || !written[0]) continue;
      const country: Country = { alpha2, alpha3, numeric, name: written[0] };
      countries.push(country);
      this.#byCode.set(alpha2, country);
      this.#byCode.set(alpha3, country);
      for (const name of [...written, ...(OTHER_NAMES[alpha2] ?? [])]) {
        const folded = fold(name);
        const named = this.#byName.get(folded) ?? [];
        if (named.includes(country)) continue;
        named.push(country);
        this.#byName.set(folded, named);
        this.#names.push(name);
      }
    }
    this.countries = countries;
  }

  /**
   * The country a `country:` value or an entity's name stands for: an English name or another
   * common name (any case, with or without accents and dots), or an ISO 3166 alpha-2 or alpha-3
   * code written in capitals (`RU`, `RUS`: in lower case, "in" or "per" are words, not codes).
   */
  lookUp(written: string): CountryLookup {
    const trimmed = written.trim();
    if (trimmed === '') return { kind: 'unknown', closest: undefined };
    const byItsCode = this.#byCode.get(trimmed);
    if (byItsCode) return { kind: 'country', country: byItsCode };
    const named = this.#byName.get(fold(trimmed));
    if (named?.length === 1) return { kind: 'country', country: named[0] };
    if (named) return { kind: 'ambiguous', countries: named };
    if (!this.#closest.has(trimmed)) {
      if (this.#closest.size >= CLOSEST_KEPT) this.#closest.clear();
      this.#closest.set(trimmed, closestWord(trimmed, this.#names, Math.max(3, Math.ceil(trimmed.length / 3))));
    }
    return { kind: 'unknown', closest: this.#closest.get(trimmed) };
  }

  /** The country written, when it names exactly one (no closest name is looked for: this is the fast path). */
  countryOf(written: string): Country | undefined {
    const trimmed = written.trim();
    const named = this.#byCode.get(trimmed) ?? this.#byName.get(fold(trimmed));
    return Array.isArray(named) ? (named.length === 1 ? named[0] : undefined) : named;
  }
}
