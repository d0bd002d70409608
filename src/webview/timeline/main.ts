// The timeline picture's page: draws the data the extension posts with vis-timeline, and tells the
// extension what the user chose. Every text of a briefing is set as textContent: never as HTML.
import { DataSet } from 'vis-data/peer';
import { Timeline, type DataItem, type DataGroup, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import type { TimelineFromWebview, TimelineItem, TimelineLanes, TimelineState, TimelineToWebview } from '../../core';
// The one module the page runs, imported as itself: through the core's index, the bundle would
// take modules it never runs (the yaml package among them).
import { timelinePicture } from '../../core/language/timelinePicture';
import { drawPicture } from './drawPicture';
import { element } from './dom';

declare function acquireVsCodeApi(): { postMessage(message: TimelineFromWebview): void; getState(): TimelineState | undefined; setState(state: TimelineState): void };
const vscode = acquireVsCodeApi();
const post = (message: TimelineFromWebview) => vscode.postMessage(message);

const LANE_CHOICES: [TimelineLanes, string][] = [
  ['none', 'One lane'],
  ['actor', 'By actor'],
  ['place', 'By place'],
  ['tag', 'By tag'],
];
/** The lane of events without an actor (place, tag): its id is empty in the data, and vis-timeline reads an empty id as none. */
const OTHER_LANE = '\u0000';
const DAY_MS = 86_400_000;
/** How many of the latest events a picture opens on. */
const OPENING_EVENTS = 300;

interface DrawnItem extends DataItem {
  readonly event: TimelineItem;
}

let state: TimelineState = vscode.getState() ?? {};
const remember = (change: Partial<TimelineState>) => vscode.setState((state = { ...state, ...change }));

// The page: a toolbar, the picture, a line that says what is not drawn, and a live region for screen readers.
const lanesChoice = element('select', { 'aria-label': 'Lanes' });
for (const [value, label] of LANE_CHOICES) lanesChoice.append(element('option', { value }, label));
const title = element('span', { class: 'title' });
const note = element('span', { class: 'note', role: 'status' });
const button = (label: string, action: () => void) => {
  const made = element('button', { type: 'button' }, label);
  made.addEventListener('click', action);
  return made;
};
const container = element('div', {
  class: 'picture',
  tabindex: '0',
  role: 'application',
  'aria-roledescription': 'timeline',
  'aria-describedby': 'keys',
});
const keys = element('p', { id: 'keys', class: 'keys' }, 'Arrow keys move from event to event, Enter shows it in the editor, + and − zoom, 0 fits every event.');
const announcer = element('div', { class: 'visually-hidden', 'aria-live': 'polite' });
const empty = element('p', { class: 'empty', hidden: '' });
document.body.append(
  element(
    'header',
    {},
    element('label', {}, 'Lanes ', lanesChoice),
    button('Fit', () => fitAll()),
    button('Zoom in', () => timeline.zoomIn(0.5)),
    button('Zoom out', () => timeline.zoomOut(0.5)),
  ),
  element('p', { class: 'caption' }, title, note),
  container,
  empty,
  keys,
  announcer,
);

const items = new DataSet<DrawnItem>();
const groups = new DataSet<DataGroup>();
/** The events drawn, in time order: what the arrow keys step through. */
let ordered: TimelineItem[] = [];
let selected: string | undefined;
let shownTitle: string | undefined;
let lanesShown = false;
let lanes: TimelineLanes = state.lanes ?? 'actor';

/** What each item drawn shows, by id: an item whose signature is the same is not updated. */
const signatures = new Map<string, string>();
const signatureOf = ({ start, end, group, className, event }: DrawnItem) =>
  [start, end, group, className, event.label, event.text, event.date, event.actors.join('\u0001'), event.places.join('\u0001'), event.tags.join('\u0001')].join('\u0000');

function text(className: string, value: string): HTMLElement {
  return element('span', { class: className }, value);
}

const options: TimelineOptions = {
  height: '100%',
  orientation: 'top',
  stack: true,
  selectable: true,
  multiselect: false,
  showCurrentTime: false,
  zoomMin: DAY_MS,
  verticalScroll: true,
  groupOrder: 'order',
  horizontalScroll: false,
  margin: { item: { horizontal: 4, vertical: 6 }, axis: 6 },
  // Labels, lane names and tooltips as elements made from text: vis-timeline takes a string as HTML.
  template: (item?: DrawnItem) => text('label', item?.event.label ?? ''),
  groupTemplate: (group?: DataGroup) => {
    if (!group) return text('lane', '');
    // Actors and places are in the Actors view; tags are not.
    const label = button(String(group.content), () => group.id !== OTHER_LANE && (lanes === 'actor' || lanes === 'place') && post({ type: 'lane', id: String(group.id) }));
    label.className = 'lane';
    label.title = group.id === OTHER_LANE ? String(group.content) : `${String(group.content)}: select it in the Actors view`;
    return label;
  },
  tooltip: { followMouse: false, overflowMethod: 'flip', delay: 300, template: (data: DrawnItem) => tooltip(data.event) },
};
const timeline = new Timeline(container, items, options);

function tooltip(event: TimelineItem): HTMLElement {
  const lines = [text('when', event.date), text('what', event.text)];
  const named = (label: string, names: readonly string[]) => names.length > 0 && lines.push(text('who', `${label}: ${names.join(', ')}`));
  named('Actors', event.actors);
  named('Places', event.places);
  named(
    'Tags',
    event.tags.map((tag) => `#${tag}`),
  );
  return element('div', { class: 'tooltip' }, ...lines);
}

function describe(event: TimelineItem): string {
  const who = [...event.actors, ...event.places].join(', ');
  return `${event.date}: ${event.text}${who ? `. ${who}` : ''}`;
}

type Data = Extract<TimelineToWebview, { type: 'data' }>;
let data: Data | undefined;
let dataDrawn = () => {};
const firstData = new Promise<void>((resolve) => (dataDrawn = resolve));

function show(message: Data): void {
  data = message;
  const picture = timelinePicture(message.events, { lanes, filter: message.filter });
  lanesChoice.value = lanes;
  title.textContent = message.title;
  const count = picture.items.length;
  note.textContent = [
    `${count} ${count === 1 ? 'event' : 'events'}`,
    picture.invalid > 0 ? `${picture.invalid} not drawn: ${picture.invalid === 1 ? 'its date is' : 'their dates are'} not a real date` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  container.setAttribute('aria-label', `Timeline of ${message.title}: ${note.textContent}`);
  empty.hidden = count > 0;
  empty.textContent = picture.total === 0 ? 'No dated event: write one as "- 2023-11-13: what happened".' : 'No event to draw: the filter keeps none, or no date is a real one.';

  const byLane = lanes !== 'none';
  const fresh: DrawnItem[] = [];
  for (const event of picture.items) {
    for (const lane of byLane ? event.lanes : ['']) {
      fresh.push({
        id: `${event.id}\u0001${lane}`,
        group: byLane ? lane || OTHER_LANE : undefined,
        // As numbers: vis-timeline parses a string with moment, item by item.
        start: Date.parse(event.start),
        end: event.end === undefined ? undefined : Date.parse(event.end),
        type: event.kind === 'point' ? 'point' : 'range',
        className: event.approximate ? 'approximate' : 'exact',
        content: '',
        event,
      });
    }
  }
  // Updated in place, and only the items that changed: the window (zoom and scroll) stays where
  // the user left it, and vis-timeline lays out again only what it must.
  const keep = new Set(fresh.map(({ id }) => id));
  items.remove(items.getIds().filter((id) => !keep.has(String(id))));
  const changed = fresh.filter((item) => {
    const drawn = signatures.get(item.id as string);
    const signature = signatureOf(item);
    signatures.set(item.id as string, signature);
    return drawn !== signature;
  });
  for (const id of signatures.keys()) if (!keep.has(id)) signatures.delete(id);
  if (byLane) {
    const laneIds = new Set(picture.lanes.map(({ id }) => id || OTHER_LANE));
    groups.remove(groups.getIds().filter((id) => !laneIds.has(String(id))));
    groups.update(picture.lanes.map(({ id, label }, order) => ({ id: id || OTHER_LANE, content: label, order })));
  }
  if (byLane !== lanesShown) timeline.setGroups(byLane ? groups : undefined);
  lanesShown = byLane;
  items.update(changed);
  ordered = [...picture.items].sort((a, b) => a.start.localeCompare(b.start) || a.line - b.line);
  // The window is kept as the data changes; another briefing is shown whole.
  if (message.title !== shownTitle) {
    if (shownTitle === undefined && state.window) timeline.setWindow(state.window.start, state.window.end, { animation: false });
    else fitAll(OPENING_EVENTS);
    shownTitle = message.title;
  }
  if (message.selected) select(message.selected, false);
  document.body.dataset.drawn = String(count);
  dataDrawn();
}

/**
 * Every event in sight, with room on the right for the last labels (vis-timeline's fit leaves
 * none). A long chronology opens on its latest events (`recent`): drawing thousands of items at
 * once takes seconds; Fit shows them all.
 */
function fitAll(recent?: number): void {
  if (ordered.length === 0) return;
  const first = Date.parse(ordered[recent === undefined ? 0 : Math.max(0, ordered.length - recent)].start);
  const last = Math.max(...ordered.map((event) => Date.parse(event.end ?? event.start)));
  const span = Math.max(last - first, 7 * DAY_MS);
  timeline.setWindow(first - span * 0.05, last + span * 0.6, { animation: false });
}

/** Selects an event's items, and scrolls the window to it if it is out of sight (the zoom stays). */
function select(id: string, announce: boolean): void {
  const event = ordered.find((item) => item.id === id);
  selected = id;
  timeline.setSelection(items.getIds({ filter: (item) => item.event.id === id }));
  if (!event) return;
  const start = Date.parse(event.start);
  const { start: from, end: to } = timeline.getWindow();
  if (start < from.getTime() || start > to.getTime()) timeline.moveTo(start, { animation: false });
  if (announce) announcer.textContent = describe(event);
  document.body.dataset.selected = id;
}

timeline.on('select', ({ items: chosen }: { items: string[] }) => {
  const event = chosen.length > 0 ? items.get(chosen[0])?.event : undefined;
  if (!event) return;
  select(event.id, true);
  post({ type: 'open', id: event.id });
});
timeline.on('rangechanged', ({ start, end }: { start: Date; end: Date }) => remember({ window: { start: start.getTime(), end: end.getTime() } }));

lanesChoice.addEventListener('change', () => {
  lanes = lanesChoice.value as TimelineLanes;
  remember({ lanes });
  if (data) show(data);
});

container.addEventListener('keydown', (event) => {
  const at = ordered.findIndex((item) => item.id === selected);
  const step = (to: number) => {
    const target = ordered[Math.max(0, Math.min(ordered.length - 1, to))];
    if (target) select(target.id, true);
  };
  const keys: Record<string, () => void> = {
    ArrowRight: () => step(at + 1),
    ArrowDown: () => step(at + 1),
    ArrowLeft: () => step(at < 0 ? 0 : at - 1),
    ArrowUp: () => step(at < 0 ? 0 : at - 1),
    Home: () => step(0),
    End: () => step(ordered.length - 1),
    Enter: () => selected && post({ type: 'open', id: selected }),
    ' ': () => selected && post({ type: 'open', id: selected }),
    '+': () => timeline.zoomIn(0.5),
    '=': () => timeline.zoomIn(0.5),
    '-': () => timeline.zoomOut(0.5),
    '0': () => fitAll(),
  };
  const action = keys[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

window.addEventListener('message', ({ data }: MessageEvent<TimelineToWebview>) => {
  if (data.type === 'data') show(data);
  else if (data.type === 'select') select(data.id, true);
  // An export asked before the first data (a page just shown) draws once the data is drawn.
  else if (data.type === 'export')
    void firstData
      .then(() => drawPicture(container, data.format, data.style))
      .then(
        (drawing) => post({ type: 'exported', request: data.request, data: drawing }),
        () => post({ type: 'exported', request: data.request, data: undefined }),
      );
});

post({ type: 'ready' });
