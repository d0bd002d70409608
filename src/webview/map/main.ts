// The map's page: Natural Earth's world (world-atlas, 50 m) drawn as SVG in the Equal Earth
// projection (the countries projected by d3-geo when the page is built: scripts/lib/worldShapes.js,
// the places here), no tiles and no network; the countries the briefing's actors and places are
// in shaded by their mentions, the places with coordinates as points. Every text of a briefing is
// data: names go into the SVG and the list as text nodes, never as markup.
import { geoEqualEarth, geoPath } from 'd3-geo';
import world from 'world-atlas/countries-50m.json?shapes=960x500';
import '../shared/page.css';
import './map.css';
import type { EventDays, MapData, MapFromWebview, MapToWebview, PictureStyle } from '../../core';
// Imported as itself, not through the core's index: the page's bundle takes only what it runs.
import { eventsMeeting, keptInWindow } from '../../core/language/timeWindow';
import { element } from '../shared/dom';
import { firstMessages } from '../shared/firstMessages';
import { svgElement, svgFile, svgToPng } from '../shared/svg';
import { WindowControls } from '../shared/windowControls';
import type { WorldCountry } from './worldCountry';

declare function acquireVsCodeApi(): { postMessage(message: MapFromWebview): void };
const vscode = acquireVsCodeApi();
const post = (message: MapFromWebview) => vscode.postMessage(message);

// The picture's size: the countries were projected for it (the import above says it too).
const WIDTH = 960;
const HEIGHT = 500;
/** How many points are named on the map, the most mentioned. */
const MOST_NAMED = 25;
performance.mark('map: script');
/** The world's countries, by ISO 3166 numeric code: kept with their shapes (`drawWorld`), once the page has asked for its data. */
const countries = new Map<string, WorldCountry>();
const projection = geoEqualEarth().fitExtent(
  [
    [8, 8],
    [WIDTH - 8, HEIGHT - 8],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);

// The page: a toolbar, the map beside a list of what it shows (the keyboard's and the screen reader's way in).
const button = (label: string, action: () => void) => {
  const made = element('button', { type: 'button' }, label);
  made.addEventListener('click', action);
  return made;
};
const title = element('span', { class: 'title' });
const note = element('span', { class: 'note', role: 'status' });
const svg = svgElement('svg', { class: 'map', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Map: use the list of countries and places' }) as SVGSVGElement;
const list = element('ul', { class: 'places list', role: 'listbox', 'aria-label': 'Countries and places', tabindex: '0' });
const announcer = element('div', { class: 'visually-hidden', 'aria-live': 'polite' });
// The timeline's window: kept to when asked (here or on the chart), and when the timeline is open.
const timeWindow = new WindowControls(
  () => render(false),
  (options) => post({ type: 'windowOptions', ...options }),
);
document.body.append(
  element(
    'header',
    {},
    button('Fit', () => fit()),
    button('Zoom in', () => zoom(1 / 1.5)),
    button('Zoom out', () => zoom(1.5)),
    button('World', () => setView(whole())),
    timeWindow.element,
  ),
  element('div', { class: 'caption' }, title, note),
  element('main', {}, svg, list),
  announcer,
);

const sphere = svgElement('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' });
const land = svgElement('g', { class: 'countries' });
const marks = svgElement('g', { class: 'points' });
// The places of the event under the editor's cursor, joined in their order.
const trail = svgElement('g', { class: 'path' });
svg.append(sphere, land, trail, marks);
const shapes = new Map<string, SVGPathElement>();
/** Draws every country, unshaded: after the page has asked for its data, which the extension makes meanwhile. */
function drawWorld(): void {
  for (const country of world) {
    const shape = svgElement('path', { class: 'country', d: country.d }) as SVGPathElement;
    shape.dataset.name = country.name;
    shape.append(svgElement('title', {}, country.name));
    land.append(shape);
    if (country.id === null) continue;
    shapes.set(country.id, shape);
    countries.set(country.id, country);
  }
  performance.mark('map: world');
}

type View = { x: number; y: number; width: number; height: number };
const whole = (): View => ({ x: 0, y: 0, width: WIDTH, height: HEIGHT });
let view = whole();
function setView(next: View): void {
  view = next;
  svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
}
function zoom(factor: number): void {
  const width = Math.min(WIDTH * 2, Math.max(20, view.width * factor));
  const height = (width * HEIGHT) / WIDTH;
  setView({ x: view.x + (view.width - width) / 2, y: view.y + (view.height - height) / 2, width, height });
}

type Data = Extract<MapToWebview, { type: 'data' }>;
/** What the extension last sent, and what of it the map shows (all of it, or what the timeline's window keeps). */
let data: Data = { type: 'data', title: '', map: { regions: [], points: [], unlocated: [] }, days: [], selected: undefined };
let map: MapData = data.map;
/** The ids of the list's rows: a country's numeric code, or a place's entity id. */
let selectedRow: string | undefined;
/** The places of the event under the editor's cursor, in its order. */
let pathIds: readonly string[] = [];

/** Fits the view to what the map shows (the world when it shows nothing). */
function fit(): void {
  const boxes = [...map.regions.map((region) => mainBox(region.numeric)), ...[...marks.children].map((mark) => (mark as SVGGraphicsElement).getBBox())].filter(
    (box): box is Box => box !== undefined,
  );
  if (boxes.length === 0) return setView(whole());
  const x0 = Math.min(...boxes.map((box) => box.x));
  const y0 = Math.min(...boxes.map((box) => box.y));
  const x1 = Math.max(...boxes.map((box) => box.x + box.width));
  const y1 = Math.max(...boxes.map((box) => box.y + box.height));
  // The picture's proportions, with a margin, and never closer than a region of a few hundred km.
  let width = Math.max((x1 - x0) * 1.2, ((y1 - y0) * 1.2 * WIDTH) / HEIGHT, 60);
  width = Math.min(width, WIDTH);
  const height = (width * HEIGHT) / WIDTH;
  setView({ x: (x0 + x1 - width) / 2, y: (y0 + y1 - height) / 2, width, height });
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Where a country is drawn, for a fit: its shape's box; for a country drawn wider than half the
 * map, its largest piece's (France's overseas departments would widen a fit to the world), or
 * its middle when that piece is still as wide (Russia, across the antimeridian, is drawn from one
 * edge of the map to the other): worked out with the shapes, when the page was built.
 */
function mainBox(numeric: string): Box | undefined {
  const wide = countries.get(numeric)?.wide;
  return wide === undefined ? shapes.get(numeric)?.getBBox() : (wide ?? undefined);
}

/** What the map shows of the data: under the timeline's window, the countries and places of the events in it (and the undated, if asked). */
function shownOf(whole: MapData, days: readonly EventDays[]): MapData {
  const window = timeWindow.days;
  if (!window) return whole;
  const meeting = eventsMeeting(days, window);
  const undated = timeWindow.undated;
  return {
    regions: whole.regions.filter((region) => region.events.some((at) => meeting[at]) || (undated && region.undated)),
    points: whole.points.filter((point) => keptInWindow(point.events, meeting, days, undated)),
    unlocated: whole.unlocated,
  };
}

/**
 * Draws what the map shows: the countries shaded by mentions (the most mentioned darkest), the
 * points sized by them; `fresh` data of another briefing, scope or filter is fitted afresh, else
 * the view stays where the user left it.
 */
function render(fresh: boolean): void {
  map = shownOf(data.map, data.days);
  title.textContent = `${data.title}${timeWindow.title}`;
  const most = Math.max(1, ...map.regions.map((region) => region.mentions), ...map.points.map((point) => point.mentions));
  for (const shape of shapes.values()) {
    shape.classList.remove('shaded', 'selected');
    shape.style.removeProperty('fill-opacity');
    shape.removeAttribute('data-id');
    shape.querySelector('title')!.textContent = shape.dataset.name ?? '';
  }
  for (const region of map.regions) {
    const shape = shapes.get(region.numeric);
    if (!shape) continue;
    shape.classList.add('shaded');
    shape.style.setProperty('fill-opacity', String(0.25 + 0.6 * Math.sqrt(region.mentions / most)));
    shape.setAttribute('data-id', region.numeric);
    shape.querySelector('title')!.textContent = `${region.name}: ${mentionsText(region.mentions)}`;
  }
  // Many points' names would hide one another: then only the most mentioned are named (the rest in their tooltips and the list).
  const named = new Set(
    [...map.points]
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, MOST_NAMED)
      .map((point) => point.id),
  );
  marks.replaceChildren(
    ...map.points.map((point) => {
      const at = projection([point.coordinates[1], point.coordinates[0]]);
      const mark = svgElement('g', { class: 'point', 'data-id': point.id });
      if (!at) return mark;
      mark.append(
        svgElement('circle', { cx: at[0], cy: at[1], r: 2.5 + 5 * Math.sqrt(point.mentions / most) }),
        ...(named.has(point.id) ? [svgElement('text', { x: at[0] + 6, y: at[1] + 3 }, point.name)] : []),
        svgElement('title', {}, `${point.name}: ${mentionsText(point.mentions)}`),
      );
      mark.addEventListener('click', () => choose(point.id, true));
      return mark;
    }),
  );
  const unshaped = map.regions.filter((region) => !shapes.has(region.numeric)).map((region) => region.name);
  const unplaced = [...map.unlocated, ...unshaped];
  const hidden = data.map.regions.length + data.map.points.length - map.regions.length - map.points.length;
  note.textContent = [
    `${map.regions.length} ${map.regions.length === 1 ? 'country' : 'countries'}, ${map.points.length} ${map.points.length === 1 ? 'place' : 'places'}`,
    hidden > 0 ? `${hidden} outside the window` : '',
    unplaced.length > 0 ? `not on the map: ${unplaced.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  // What was chosen stays chosen if the map still shows it (another briefing's country does not).
  const chosen = selectedRow;
  selectedRow = undefined;
  listRows();
  drawPath();
  document.body.dataset.regions = String(map.regions.length);
  document.body.dataset.points = String(map.points.length);
  if (chosen && list.querySelector(`[data-id="${CSS.escape(chosen)}"]`)) choose(chosen, false);
  if (fresh) fit();
  performance.mark('map: drawn');
  requestAnimationFrame(() => {
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn ?? 0) + 1);
    // Painted: what the bench counts (a task after the frame's callbacks runs after its paint).
    setTimeout(() => performance.mark('map: painted'));
  });
}

/** Where a place is, [longitude, latitude]: its point, else the middle of its country; undefined when the map does not show it. */
function located(id: string): [number, number] | undefined {
  const point = map.points.find((candidate) => candidate.id === id);
  if (point) return [point.coordinates[1], point.coordinates[0]];
  const region = map.regions.find((candidate) => candidate.entities.includes(id));
  const country = region && countries.get(region.numeric);
  return country?.centre;
}

/** The event's places (those the map shows), joined in their order along the shortest way over the globe, a ring at each. */
function drawPath(): void {
  const stops = pathIds.map(located).filter((at): at is [number, number] => at !== undefined && Number.isFinite(at[0]));
  trail.replaceChildren();
  document.body.dataset.path = String(stops.length);
  if (stops.length > 1) trail.append(svgElement('path', { class: 'route', d: path({ type: 'LineString', coordinates: stops }) ?? '' }));
  for (const stop of stops) {
    const at = projection(stop);
    // A ring around the place's point, if it has one.
    if (at) trail.append(svgElement('circle', { cx: at[0], cy: at[1], r: 10 }));
  }
}

const mentionsText = (count: number) => `${count} ${count === 1 ? 'mention' : 'mentions'}`;

/** The list: the countries, then the places with a point, most mentioned first. */
function listRows(): void {
  const rows = [
    ...map.regions.map((region) => ({ id: region.numeric, name: region.name, detail: `country · ${mentionsText(region.mentions)}`, mentions: region.mentions })),
    ...map.points.map((point) => ({ id: point.id, name: point.name, detail: `place · ${mentionsText(point.mentions)}`, mentions: point.mentions })),
  ].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  list.replaceChildren(
    ...rows.map((row, index) => {
      const item = element(
        'li',
        { role: 'option', id: `row-${index}`, 'data-id': row.id, 'aria-selected': String(row.id === selectedRow) },
        element('span', { class: 'name' }, row.name),
        ' ',
        element('span', { class: 'detail' }, row.detail),
      );
      item.addEventListener('click', () => choose(row.id, true));
      return item;
    }),
  );
}

/** The entity a row or a mark stands for: a place's own id, or a country's first entity. */
const entityOfRow = (id: string) => map.regions.find((region) => region.numeric === id)?.entities[0] ?? id;

/** Selects a row (a country or a place) on the map and in the list; `open` tells the extension (the Actors view, the editor). */
function choose(id: string, open: boolean): void {
  selectedRow = id;
  for (const shape of shapes.values()) shape.classList.toggle('selected', shape.getAttribute('data-id') === id);
  for (const mark of marks.children) mark.classList.toggle('selected', mark.getAttribute('data-id') === id);
  for (const item of list.children) item.setAttribute('aria-selected', String(item.getAttribute('data-id') === id));
  const item = list.querySelector<HTMLElement>('[aria-selected="true"]');
  if (item) {
    list.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
    announcer.textContent = item.textContent ?? '';
  }
  if (open) post({ type: 'open', id: entityOfRow(id) });
}

/** The entity under the editor's cursor: its point, or the country it shades. */
function select(entityId: string): void {
  const row = map.points.find((point) => point.id === entityId)?.id ?? map.regions.find((region) => region.entities.includes(entityId))?.numeric;
  if (row) choose(row, false);
}

land.addEventListener('click', (event) => {
  const id = (event.target as Element).getAttribute('data-id');
  if (id) choose(id, true);
});
list.addEventListener('keydown', (event) => {
  const items = [...list.children] as HTMLElement[];
  const at = items.findIndex((row) => row.getAttribute('aria-selected') === 'true');
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step !== 0 && items.length > 0) {
    event.preventDefault();
    choose(items[Math.max(0, Math.min(items.length - 1, at < 0 ? 0 : at + step))].getAttribute('data-id') ?? '', false);
  } else if (event.key === 'Enter' && at >= 0) choose(items[at].getAttribute('data-id') ?? '', true);
});
// Pan by dragging, zoom with the wheel (towards the pointer), and with + and − over the map.
let dragged: { x: number; y: number; view: View } | undefined;
svg.addEventListener('pointerdown', (event) => (dragged = { x: event.clientX, y: event.clientY, view }));
window.addEventListener('pointerup', () => (dragged = undefined));
svg.addEventListener('pointermove', (event) => {
  if (!dragged || event.buttons === 0) return;
  const scale = dragged.view.width / svg.clientWidth;
  setView({ ...dragged.view, x: dragged.view.x - (event.clientX - dragged.x) * scale, y: dragged.view.y - (event.clientY - dragged.y) * scale });
});
svg.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2);
  },
  { passive: false },
);
svg.setAttribute('tabindex', '0');
svg.addEventListener('keydown', (event) => {
  if (event.key === '+' || event.key === '=') zoom(1 / 1.5);
  else if (event.key === '-') zoom(1.5);
  else if (event.key === '0') fit();
});

function receive(message: MapToWebview): void {
  switch (message?.type) {
    case 'data': {
      performance.mark('map: data');
      // Another briefing, scope or filter is fitted afresh; an edit keeps the view the user left.
      const fresh = message.title !== data.title;
      data = message;
      render(fresh);
      if (message.selected) select(message.selected);
      break;
    }
    case 'window':
      performance.mark('map: window');
      timeWindow.receive(message);
      break;
    case 'path':
      pathIds = Array.isArray(message.ids) ? message.ids : [];
      drawPath();
      break;
    case 'select':
      select(message.id);
      break;
    case 'export':
      void exported(message.format, message.style).then(
        (data) => post({ type: 'exported', request: message.request, data }),
        () => post({ type: 'exported', request: message.request, data: undefined }),
      );
  }
}
window.addEventListener('message', ({ data: message }: MessageEvent<MapToWebview>) => receive(message));

/** The map as it shows now, in the theme's colours or a light print style, with its title and a legend. */
async function exported(format: 'svg' | 'png', style: PictureStyle): Promise<string> {
  const page = getComputedStyle(document.body);
  const print = style === 'print';
  const colours = {
    background: print ? '#ffffff' : page.backgroundColor,
    text: print ? '#000000' : colour('--vscode-foreground', '#ccc'),
    land: print ? '#e8e8e8' : colour('--vscode-editorWidget-background', '#444'),
    border: print ? '#999999' : colour('--vscode-editorWidget-border', '#888'),
    shade: print ? '#1a5fb4' : colour('--vscode-charts-blue', '#3794ff'),
    point: print ? '#c01c28' : colour('--vscode-charts-red', '#f14c4c'),
    path: print ? '#c64600' : colour('--vscode-charts-orange', '#d18616'),
  };
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = 960;
  // The legend names the event's route when the map draws one.
  const route = trail.childElementCount > 0;
  const top = route ? 76 : 62;
  const height = Math.round((width * view.height) / view.width) + top;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height - top));
  copy.setAttribute('y', String(top));
  copy.removeAttribute('class');
  for (const shape of copy.querySelectorAll('.country')) {
    shape.setAttribute('fill', shape.classList.contains('shaded') ? colours.shade : colours.land);
    shape.setAttribute('stroke', colours.border);
    shape.setAttribute('stroke-width', '0.4');
  }
  copy.querySelector('.sphere')?.setAttribute('fill', 'none');
  for (const mark of copy.querySelectorAll('.point circle')) mark.setAttribute('fill', colours.point);
  for (const label of copy.querySelectorAll('.point text')) label.setAttribute('fill', colours.text);
  for (const stop of copy.querySelectorAll('.path .route, .path circle')) {
    stop.setAttribute('fill', 'none');
    stop.setAttribute('stroke', colours.path);
    stop.setAttribute('stroke-width', '1.5');
  }
  const picture = svgElement('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, 'font-family': page.fontFamily, 'font-size': page.fontSize });
  picture.append(
    svgElement('rect', { width, height, fill: colours.background }),
    svgElement('text', { x: 8, y: 18, fill: colours.text, 'font-weight': 600 }, title.textContent ?? ''),
    svgElement('rect', { x: 8, y: 26, width: 10, height: 10, fill: colours.shade }),
    svgElement('text', { x: 22, y: 35, fill: colours.text }, 'a country the briefing speaks of (darker: more mentions)'),
    svgElement('circle', { cx: 13, cy: 48, r: 5, fill: colours.point }),
    svgElement('text', { x: 22, y: 52, fill: colours.text }, 'a place with coordinates'),
    ...(route
      ? [
          svgElement('circle', { cx: 13, cy: 62, r: 4, fill: 'none', stroke: colours.path, 'stroke-width': 1.5 }),
          svgElement('text', { x: 22, y: 66, fill: colours.text }, "the places of the event at the editor's cursor, in its order"),
        ]
      : []),
    copy,
  );
  const text = new XMLSerializer().serializeToString(picture);
  return format === 'svg' ? svgFile(text) : svgToPng(text, width, height);
}

function colour(variable: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(variable).trim() || fallback;
}

// A small map's data comes with the page, drawn with the world; else the page asks for it first,
// and it is made while the world is drawn.
const carried = firstMessages<MapToWebview>();
const ready = () => {
  performance.mark('map: ready');
  post({ type: 'ready', carried: carried.length > 0 });
};
if (carried.length === 0) ready();
drawWorld();
if (carried.length > 0) {
  carried.forEach(receive);
  ready();
}
