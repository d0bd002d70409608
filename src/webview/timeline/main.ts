// The timeline picture's page: draws the data the extension posts with vis-timeline, and tells the
// extension what the user chose. Every text of a briefing is set as textContent: never as HTML.
import { DataSet } from 'vis-data/esnext';
import { Timeline, type DataItem, type DataGroup, type TimelineOptions } from 'vis-timeline/esnext';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import '../shared/page.css';
import './timeline.css';
import type { PictureEvent, TimelineFromWebview, TimelineItem, TimelineLanes, TimelineState, TimelineToWebview } from '../../core';
// The one module the page runs, imported as itself: through the core's index, the bundle would
// take modules it never runs (the yaml package among them).
import { timelinePicture } from '../../core/language/timelinePicture';
import { windowText } from '../../core/language/timeWindow';
import { drawPicture } from './drawPicture';
import { element } from '../shared/dom';
import { firstMessages } from '../shared/firstMessages';
import { itemsAround } from './itemsAround';

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
const OPENING_EVENTS = 100;
/** A picture with more actors than this opens in one lane (until lanes are chosen): hundreds of lanes of an event each are slow to draw and to read. */
const MOST_ACTOR_LANES = 30;

interface DrawnItem extends DataItem {
  readonly start: number;
  readonly end?: number;
  readonly group?: string;
  readonly event: TimelineItem;
}

let state: TimelineState = vscode.getState() ?? {};
const remember = (change: Partial<TimelineState>) => vscode.setState((state = { ...state, ...change }));

// The page: a toolbar, the picture, a line that says what is not drawn, and a live region for screen readers.
const lanesChoice = element('select', { 'aria-label': 'Lanes' });
for (const [value, label] of LANE_CHOICES) lanesChoice.append(element('option', { value }, label));
const title = element('span', { class: 'title' });
const note = element('span', { class: 'note', role: 'status' });
/** The window's days: what the chart and the map keep to when asked. */
const windowNote = element('span', { class: 'note' });
const button = (label: string, action: () => void) => {
  const made = element('button', { type: 'button' }, label);
  made.addEventListener('click', action);
  return made;
};
// Play: the window steps through time, and the chart and the map with it if they keep to it.
const playButton = button('Play', () => (playing === undefined ? play() : pause()));
playButton.setAttribute('aria-pressed', 'false');
playButton.title = 'Step the window through time, from the first event to the last';
const container = element('div', {
  class: 'picture',
  tabindex: '0',
  role: 'application',
  'aria-roledescription': 'timeline',
  'aria-describedby': 'keys',
});
const keys = element('p', { id: 'keys', class: 'keys' }, 'Arrow keys move from event to event, Enter shows it in the editor, + and − zoom, 0 fits every event, P plays or pauses.');
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
    playButton,
  ),
  element('p', { class: 'caption' }, title, note, windowNote),
  container,
  empty,
  keys,
  announcer,
);

const items = new DataSet<DrawnItem>();
const groups = new DataSet<DataGroup>();
/** The events drawn, in time order: what the arrow keys step through. */
let ordered: TimelineItem[] = [];
/** Every item of the picture (an event in each of its lanes), and its lanes in order: vis-timeline is given those around the window. */
let everyItem: DrawnItem[] = [];
let everyLane: { readonly id: string; readonly content: string; readonly order: number }[] = [];
let selected: string | undefined;
/** Until the first data is drawn, the window is the one restored after a reload, if any. */
let firstDrawing = true;
let lanesShown = false;
/** The lanes shown: those chosen (kept across reloads and briefings), else by actor, or one lane for a picture of many actors. */
let lanes: TimelineLanes = state.lanes ?? 'actor';

/** What each item given to vis-timeline shows, by id: an item whose signature is the same is not updated. */
const signatures = new Map<string, string>();
/** The lanes given to vis-timeline, with their labels and order. */
const laneSignatures = new Map<string, string>();
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
/** The events the page has, by id, as the extension last sent them; and the rest of its last data. */
const events = new Map<string, PictureEvent>();
let shown: Omit<Data, 'events' | 'removed' | 'replace' | 'prefix'> | undefined;
/**
 * The picture's items made for the events the page holds, and their drawn items, kept while the
 * lanes stay: an edit sends an event or two, and the page makes only theirs again.
 */
let madeItems = new WeakMap<PictureEvent, TimelineItem>();
let madeFor: TimelineLanes | undefined;
const madeDrawn = new WeakMap<TimelineItem, DrawnItem[]>();
let dataDrawn = () => {};
const firstData = new Promise<void>((resolve) => (dataDrawn = resolve));

/** Takes in what changed (or everything, on `replace`) and draws. */
function receive(message: Data): void {
  performance.mark('timeline: data');
  const { prefix } = message;
  if (message.replace) events.clear();
  for (const id of message.removed) events.delete(prefix + id);
  for (const event of message.events) {
    // The id as the extension knows it (the message left out its briefing's URI); the event is the page's own copy.
    (event as { id: string }).id = prefix + event.id;
    events.set(event.id, event);
  }
  const { title, scope, total, selected } = message;
  show({ title, scope, total, selected });
}

function show(message: NonNullable<typeof shown>): void {
  const isNewScope = message.scope !== shown?.scope;
  shown = message;
  if (isNewScope && !state.lanes) lanes = actorCountOver(MOST_ACTOR_LANES) ? 'none' : 'actor';
  if (madeFor !== lanes) {
    madeItems = new WeakMap();
    madeFor = lanes;
  }
  const picture = timelinePicture(events.values(), lanes, madeItems);
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
  empty.textContent = message.total === 0 ? 'No dated event: write one as "- 2023-11-13: what happened".' : 'No event to draw: the filter keeps none, or no date is a real one.';

  const byLane = lanes !== 'none';
  const fresh: DrawnItem[] = [];
  for (const event of picture.items) {
    let drawn = madeDrawn.get(event);
    if (!drawn) madeDrawn.set(event, (drawn = drawnItems(event, byLane)));
    for (const item of drawn) fresh.push(item);
  }
  everyItem = fresh;
  everyLane = picture.lanes.map(({ id, label }, order) => ({ id: id || OTHER_LANE, content: label, order }));
  if (byLane !== lanesShown) {
    items.clear();
    signatures.clear();
    groups.clear();
    laneSignatures.clear();
    timeline.setGroups(byLane ? groups : undefined);
  }
  lanesShown = byLane;
  // Time, then the line in the briefing (ISO days compare as strings: no locale to consult).
  ordered = [...picture.items].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.line - b.line));
  // The window is kept as the data or the filter changes; another briefing is shown whole.
  if (isNewScope && firstDrawing && state.window) timeline.setWindow(state.window.start, state.window.end, { animation: false });
  else if (isNewScope) fitAll(OPENING_EVENTS);
  // The window set here moves no range by hand: the other pictures are told it.
  if (isNewScope) tellWindow();
  firstDrawing = false;
  giveItemsAround();
  if (message.selected) select(message.selected, false);
  performance.mark('timeline: given');
  afterRedraw(() => {
    // What the tests and the bench wait for: the picture laid out with these events.
    document.body.dataset.drawn = String(count);
    document.body.dataset.lanes = lanes;
    performance.mark('timeline: drawn');
    // The frame painted: what the bench counts (a task after the frame's callbacks runs after its paint).
    requestAnimationFrame(() => setTimeout(() => performance.mark('timeline: painted')));
    dataDrawn();
  });
}

/** An event's items, one in each of its lanes (or one in the one lane). */
function drawnItems(event: TimelineItem, byLane: boolean): DrawnItem[] {
  return (byLane ? event.lanes : ['']).map((lane) => ({
    id: `${event.id}\u0001${lane}`,
    group: byLane ? lane || OTHER_LANE : undefined,
    // As numbers: vis-timeline parses a string with moment, item by item.
    start: Date.parse(event.start),
    end: event.end === undefined ? undefined : Date.parse(event.end),
    type: event.kind === 'point' ? 'point' : 'range',
    className: event.approximate ? 'approximate' : 'exact',
    content: '',
    event,
  }));
}

function actorCountOver(most: number): boolean {
  const actors = new Set<string>();
  for (const event of events.values()) for (const actor of event.actors) if (actors.add(actor).size > most) return true;
  return false;
}

/**
 * Gives vis-timeline the items around the window, and their lanes; updated in place, and only
 * what changed: the window (zoom and scroll) stays where the user left it, and vis-timeline lays
 * out again only what it must. Lanes are those of the events around the window.
 */
function giveItemsAround(): void {
  const { start, end } = timeline.getWindow();
  const wanted = itemsAround(everyItem, { start: start.getTime(), end: end.getTime() });
  const keep = new Set(wanted.map(({ id }) => id as string));
  const gone = [...signatures.keys()].filter((id) => !keep.has(id));
  gone.forEach((id) => signatures.delete(id));
  items.remove(gone);
  const changed = wanted.filter((item) => {
    const signature = signatureOf(item);
    if (signatures.get(item.id as string) === signature) return false;
    signatures.set(item.id as string, signature);
    return true;
  });
  if (lanesShown) {
    const used = new Set(wanted.map(({ group }) => group));
    const goneLanes = [...laneSignatures.keys()].filter((id) => !used.has(id));
    goneLanes.forEach((id) => laneSignatures.delete(id));
    groups.remove(goneLanes);
    groups.update(
      everyLane.filter((lane) => {
        if (!used.has(lane.id)) return false;
        const signature = `${lane.content}\u0000${lane.order}`;
        if (laneSignatures.get(lane.id) === signature) return false;
        laneSignatures.set(lane.id, signature);
        return true;
      }),
    );
  }
  items.update(changed);
}

/** Runs once vis-timeline has redrawn (it redraws on the next frame); at once if it cannot draw (no width). */
function afterRedraw(then: () => void): void {
  if (container.offsetWidth === 0) return then();
  const done = () => {
    timeline.off('changed', done);
    then();
  };
  timeline.on('changed', done);
  timeline.redraw();
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
  giveItemsAround();
}

/** Selects an event's items, and scrolls the window to it if it is out of sight (the zoom stays). */
function select(id: string, announce: boolean): void {
  const event = ordered.find((item) => item.id === id);
  selected = id;
  if (event) {
    const start = Date.parse(event.start);
    const { start: from, end: to } = timeline.getWindow();
    if (start < from.getTime() || start > to.getTime()) {
      timeline.moveTo(start, { animation: false });
      giveItemsAround();
    }
  }
  timeline.setSelection(items.getIds({ filter: (item) => item.event.id === id }));
  if (!event) return;
  if (announce) announcer.textContent = describe(event);
  document.body.dataset.selected = id;
}

timeline.on('select', ({ items: chosen }: { items: string[] }) => {
  const event = chosen.length > 0 ? items.get(chosen[0])?.event : undefined;
  if (!event) return;
  select(event.id, true);
  post({ type: 'open', id: event.id });
});
/** Tells the extension the window shown, for the other pictures to keep to. */
function tellWindow(): void {
  const { start, end } = timeline.getWindow();
  performance.mark('timeline: window');
  post({ type: 'window', start: start.getTime(), end: end.getTime() });
  windowNote.textContent = ` · window ${windowText({ start: start.getTime(), end: end.getTime() })}`;
}

timeline.on('rangechanged', ({ start, end, byUser }: { start: Date; end: Date; byUser: boolean }) => {
  // Dragged or zoomed by hand: the play stops where the user took over.
  if (byUser) pause();
  remember({ window: { start: start.getTime(), end: end.getTime() } });
  tellWindow();
  giveItemsAround();
});

/** How often the window steps while playing, and by what part of its width. */
const PLAY_STEP_MS = 1200;
const PLAY_STEP = 0.5;
let playing: ReturnType<typeof setInterval> | undefined;

/** Steps the window through time, its width kept, until it has passed the last event; from the first if it is there already. */
function play(): void {
  if (ordered.length === 0) return;
  const first = Date.parse(ordered[0].start);
  const last = Math.max(...ordered.map((event) => Date.parse(event.end ?? event.start)));
  const { start, end } = timeline.getWindow();
  const width = end.getTime() - start.getTime();
  if (end.getTime() >= last) timeline.setWindow(first - width * 0.1, first + width * 0.9, { animation: false });
  playing = setInterval(() => {
    const now = timeline.getWindow();
    const from = now.start.getTime() + width * PLAY_STEP;
    timeline.setWindow(from, from + width, { animation: false });
    if (from + width >= last) pause();
  }, PLAY_STEP_MS);
  playButton.textContent = 'Pause';
  playButton.setAttribute('aria-pressed', 'true');
}

function pause(): void {
  if (playing === undefined) return;
  clearInterval(playing);
  playing = undefined;
  playButton.textContent = 'Play';
  playButton.setAttribute('aria-pressed', 'false');
}

lanesChoice.addEventListener('change', () => {
  lanes = lanesChoice.value as TimelineLanes;
  remember({ lanes });
  if (shown) show(shown);
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
    p: () => (playing === undefined ? play() : pause()),
  };
  const action = keys[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

function onMessage(data: TimelineToWebview): void {
  if (data.type === 'data') receive(data);
  else if (data.type === 'select') select(data.id, true);
  else if (data.type === 'setWindow' && Number.isFinite(data.start) && Number.isFinite(data.end) && data.end > data.start) {
    pause();
    timeline.setWindow(data.start, data.end, { animation: false });
  }
  // An export asked before the first data (a page just shown) draws once the data is drawn.
  else if (data.type === 'export')
    void firstData
      .then(() => drawPicture(container, data.format, data.style))
      .then(
        (drawing) => post({ type: 'exported', request: data.request, data: drawing }),
        () => post({ type: 'exported', request: data.request, data: undefined }),
      );
}
window.addEventListener('message', ({ data }: MessageEvent<TimelineToWebview>) => onMessage(data));

// A small timeline's data comes with the page: drawn at once, without asking.
const carried = firstMessages<TimelineToWebview>();
for (const message of carried) onMessage(message);
performance.mark('timeline: ready');
post({ type: 'ready', carried: carried.length > 0 });
