// `import world from 'world-atlas/countries-50m.json?shapes=960x500'`: Natural Earth's countries
// as the map's page draws them, projected at build time (d3-geo's Equal Earth, fitted to that
// picture with an 8-unit margin): each country's SVG path, its centre on the globe, and for a
// country drawn wider than half the map (across the antimeridian, or with overseas parts) the box
// a fit takes, of its largest piece. The projection never changes on the page (zoom and pan move
// the view box), and projecting the world there held the page's thread, which it shares with the
// window, so that the data it had asked for could not reach it meanwhile.
const fs = require('node:fs');

/** A tenth of a unit is about 4 km at the world's scale: finer than the 1:50 million data itself. */
const DIGITS = 1;
const round = (value) => Math.round(value * 10 ** DIGITS) / 10 ** DIGITS;

const worldShapes = {
  name: 'world-shapes',
  setup(build) {
    build.onResolve({ filter: /\?shapes=\d+x\d+$/ }, ({ path, resolveDir }) => {
      const [file, size] = path.split('?shapes=');
      return { path: `${require.resolve(file, { paths: [resolveDir] })}?${size}`, namespace: 'world-shapes' };
    });
    build.onLoad({ filter: /.*/, namespace: 'world-shapes' }, async ({ path }) => {
      const [file, size] = path.split('?');
      const [width, height] = size.split('x').map(Number);
      const shapes = await projectedCountries(JSON.parse(fs.readFileSync(file, 'utf8')), width, height);
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(shapes))});`, loader: 'js', watchFiles: [file] };
    });
  },
};

async function projectedCountries(topology, width, height) {
  const { geoCentroid, geoEqualEarth, geoPath } = await import('d3-geo');
  const { feature } = require('topojson-client');
  const projection = geoEqualEarth().fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(DIGITS);
  return feature(topology, topology.objects.countries).features.map((country) => {
    const [[x0], [x1]] = path.bounds(country);
    return {
      id: country.id === undefined ? null : String(country.id),
      name: country.properties.name,
      d: relative(path(country) ?? ''),
      centre: geoCentroid(country),
      ...(x1 - x0 < width / 2 ? {} : { wide: wideBox(country, path, width) }),
    };
  });
}

/**
 * The path d3 writes ("M x,y L x,y … Z", absolute) as moves relative to the last point: its
 * numbers are small, and a point that rounds onto the one before is left out. About half the
 * text, which the page's bundle carries.
 */
function relative(d) {
  let out = '';
  let last = '';
  // Where the pen is, in units of the last digit (whole numbers: no error builds up).
  let x = 0;
  let y = 0;
  const scale = 10 ** DIGITS;
  const number = (tenths) => {
    const text = String(tenths / scale).replace(/^(-?)0\./, '$1.');
    // Numbers need no space between them where the next begins with a sign, or with a point after one that has a point.
    if (last !== '' && !text.startsWith('-') && !(text.startsWith('.') && last.includes('.'))) out += ' ';
    out += text;
    last = text;
  };
  for (const [, command, rest] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      out += 'z';
      last = '';
      continue;
    }
    const [px, py] = rest.split(',').map((value) => Math.round(Number(value) * scale));
    if (command === 'M') {
      out += 'M';
      last = '';
      number(px);
      number(py);
      out += 'l';
      last = '';
    } else if (px !== x || py !== y) {
      number(px - x);
      number(py - y);
    }
    x = px;
    y = py;
  }
  return out;
}

/** The box of a wide country's largest piece; its middle when that piece is still as wide; null when it has none. */
function wideBox(country, path, width) {
  let piece = country;
  if (country.geometry.type === 'MultiPolygon') {
    const pieces = country.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    const areas = pieces.map((candidate) => path.area(candidate));
    piece = pieces[areas.indexOf(Math.max(...areas))];
  }
  const [[x0, y0], [x1, y1]] = path.bounds(piece);
  const [x, y] = path.centroid(piece);
  if (x1 - x0 < width / 2) return { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
  return Number.isFinite(x) ? { x: round(x), y: round(y), width: 0, height: 0 } : null;
}

module.exports = { worldShapes, projectedCountries, relative };
