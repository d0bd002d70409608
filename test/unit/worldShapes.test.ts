import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorldCountry } from '../../src/webview/map/worldCountry';
import { repoRoot } from './util';

// The map's countries, projected when its page is built (scripts/lib/worldShapes.js, run by esbuild.js), as the page reads them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin is a plain Node script
const { projectedCountries, relative } = require(path.join(repoRoot, 'scripts/lib/worldShapes.js')) as {
  projectedCountries(topology: unknown, width: number, height: number): Promise<WorldCountry[]>;
  relative(d: string): string;
};

/** The points a path visits, in tenths (absolute), a ring per move. */
function ringsOf(d: string): number[][][] {
  const rings: number[][][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, rest] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    const numbers = [...rest.matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map(([text]) => Math.round(Number(text) * 10));
    if (command === 'Z' || command === 'z') continue;
    for (let i = 0; i < numbers.length; i += 2) {
      if (command === 'l') {
        x += numbers[i];
        y += numbers[i + 1];
      } else {
        x = numbers[i];
        y = numbers[i + 1];
      }
      if (command === 'M') rings.push([]);
      const ring = rings.at(-1)!;
      const last = ring.at(-1);
      if (!last || last[0] !== x || last[1] !== y) ring.push([x, y]);
    }
  }
  return rings;
}

suite('the map’s world, projected when it is built', () => {
  test('a path is written as moves from the last point: the same points to a tenth, a point that rounds onto the last left out', () => {
    const d = 'M10.12,20.04L10.5,20.04L10.54,20.01L9,21ZM-3.96,0.05L-3.91,0.05Z';
    assert.equal(relative(d), 'M10.1 20l.4 0-1.5 1zM-4 .1l.1 0z');
    assert.deepEqual(ringsOf(relative(d)), ringsOf(d));
  });

  test('every country of Natural Earth at 1:50 million: the same rings as d3-geo draws, a centre, and a box to fit for those drawn wider than half the map', async () => {
    const topology = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
    const countries = await projectedCountries(topology, 960, 500);
    assert.equal(countries.length, 241);
    const { geoEqualEarth, geoPath } = await import('d3-geo');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- its types are not installed: only the build reads it
    const { feature } = require('topojson-client') as { feature(topology: unknown, object: unknown): { features: import('d3-geo').GeoPermissibleObjects[] } };
    const projection = geoEqualEarth().fitExtent(
      [
        [8, 8],
        [952, 492],
      ],
      { type: 'Sphere' },
    );
    const drawn = geoPath(projection).digits(1);
    const features = feature(topology, topology.objects.countries).features;
    countries.forEach((country, index) => {
      assert.deepEqual(ringsOf(country.d), ringsOf(drawn(features[index]) ?? ''), country.name);
      assert.ok(country.centre.every(Number.isFinite), country.name);
    });
    const byName = new Map(countries.map((country) => [country.name, country]));
    // Russia crosses the antimeridian: a fit takes its middle, in Asia.
    assert.deepEqual(byName.get('Russia')?.wide, { x: 667, y: 60.9, width: 0, height: 0 });
    // The United States' largest piece, the lower 48: Alaska and Hawaii left out.
    assert.deepEqual(byName.get('United States of America')?.wide, { x: 190.5, y: 87.6, width: 139.4, height: 75.2 });
    assert.equal(byName.get('North Korea')?.wide, undefined);
    assert.equal(byName.get('North Korea')?.id, '408');
  });
});
