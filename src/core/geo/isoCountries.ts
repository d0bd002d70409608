import { CountryNames } from './countries';
import { COUNTRY_ROWS } from './countryTable';

let countries: CountryNames | undefined;

/** The countries of the table written into the core: for the command line and the pictures (the editor's bundle reads them from a file). */
export function isoCountries(): CountryNames {
  return (countries ??= new CountryNames(COUNTRY_ROWS));
}
