// `node scripts/countries.js`: writes src/core/geo/countryTable.ts, the countries' codes and
// English names, from the i18n-iso-countries package (MIT), which keeps them current with ISO
// 3166. The core imports no package but `yaml`, so the table is written into it; a unit test
// checks that it still matches the package (`test/unit/countries.test.ts`).
const fs = require('node:fs');
const path = require('node:path');
const codes = require('i18n-iso-countries/codes.json');
const english = require('i18n-iso-countries/langs/en.json').countries;

/** One row per country: `alpha-2|alpha-3|numeric|name|other names…`, the package's first name first. */
function countryRows() {
  return codes.map(([alpha2, alpha3, numeric]) => {
    const names = [english[alpha2]].flat();
    return [alpha2, alpha3, numeric, ...names].join('|');
  });
}

function tableSource() {
  return [
    '// Written by scripts/countries.js from the i18n-iso-countries package (MIT): do not edit.',
    '// Each row: ISO 3166 alpha-2, alpha-3, numeric, then its English names, the usual one first.',
    `export const COUNTRY_ROWS =\n  ${JSON.stringify(countryRows().join('\n'))};`,
    '',
  ].join('\n');
}

module.exports = { tableSource };

if (require.main === module) {
  const target = path.join(__dirname, '..', 'src', 'core', 'geo', 'countryTable.ts');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, tableSource());
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
