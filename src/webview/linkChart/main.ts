// The link chart's page: draws the graph the extension posts with cytoscape (fcose layout), and
// tells the extension which node was chosen. Every text of a briefing is data: cytoscape draws
// labels on its canvas, and the page sets the rest as textContent, never as HTML.
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import '../shared/page.css';
import './linkChart.css';
import type { ChartFormat, GraphEdge, GraphNode, LinkChartFromWebview, LinkChartState, LinkChartToWebview, PictureStyle } from '../../core';
import { compareNames } from '../../core/text/nameOrder';
import { element } from '../shared/dom';
import { firstMessages } from '../shared/firstMessages';
import { svgFile, svgToPng } from '../shared/svg';
import { NODE_CLASSES, nodeClass, shownUnder, type ChartGraph, type NodeClass, type Shown } from './chartFilter';
import { WindowControls } from '../shared/windowControls';
import { chartSvg } from './drawChart';

declare function acquireVsCodeApi(): { postMessage(message: LinkChartFromWebview): void; getState(): LinkChartState | undefined; setState(state: LinkChartState): void };
const vscode = acquireVsCodeApi();
const post = (message: LinkChartFromWebview) => vscode.postMessage(message);

cytoscape.use(fcose);

let state: LinkChartState = vscode.getState() ?? {};
const remember = (change: Partial<LinkChartState>) => vscode.setState((state = { ...state, ...change }));

// Cytoscape adds a <style> element for its container, which the page's policy refuses (no inline
// style): an element of that id tells it the rule is there (the stylesheet sets it).
document.head.append(element('meta', { id: '__________cytoscape_stylesheet' }));

// The page: a toolbar, the chart beside a list of its nodes (the keyboard's and the screen reader's way in), a tooltip.
const checkbox = (label: string, checked: boolean, change: (checked: boolean) => void) => {
  const input = element('input', { type: 'checkbox' });
  input.checked = checked;
  input.addEventListener('change', () => change(input.checked));
  return element('label', {}, input, ` ${label}`);
};
const button = (label: string, action: () => void) => {
  const made = element('button', { type: 'button' }, label);
  made.addEventListener('click', action);
  return made;
};
const minWeight = element('input', { type: 'number', min: '1', value: String(state.minWeight ?? 1), 'aria-label': 'Fewest shared events drawn' });
minWeight.addEventListener('change', () => {
  remember({ minWeight: Math.max(1, Number(minWeight.value) || 1) });
  applyFilters();
});
// Types of node shown: a checkbox each.
const TYPE_LABELS: Record<NodeClass, string> = { person: 'Persons', state: 'States', organization: 'Organizations', group: 'Groups', other: 'Other actors', place: 'Places' };
const types = element('details', { class: 'types' }, element('summary', {}, 'Types'));
for (const type of NODE_CLASSES) {
  types.append(
    checkbox(TYPE_LABELS[type], !(state.hiddenClasses ?? []).includes(type), (checked) => {
      const hidden = new Set(state.hiddenClasses ?? []);
      if (checked) hidden.delete(type);
      else hidden.add(type);
      remember({ hiddenClasses: [...hidden] });
      applyFilters();
    }),
  );
}
const steps = element('input', { type: 'number', min: '1', max: '5', value: '1', 'aria-label': 'Steps from the selection' });
// A chart of more than this many nodes shows the most mentioned at first: a thousand are a knot.
const DEFAULT_MOST = 150;
const most = element('input', {
  type: 'number',
  min: '1',
  placeholder: 'all',
  value: state.most === null ? '' : String(state.most ?? DEFAULT_MOST),
  'aria-label': 'At most this many actors and places, the most mentioned; empty for all',
});
most.addEventListener('change', () => {
  remember({ most: most.value === '' ? null : Math.max(1, Number(most.value) || DEFAULT_MOST) });
  applyFilters();
  fit();
});
const showAll = button('Show all', () => {
  focus = undefined;
  applyFilters();
  fit();
});
// The timeline's window: kept to when asked (here or on the map), and when the timeline is open.
const timeWindow = new WindowControls(
  () => applyFilters(true),
  (options) => post({ type: 'windowOptions', ...options }),
);
const title = element('span', { class: 'title' });
const note = element('span', { class: 'note', role: 'status' });
const container = element('div', { class: 'chart', role: 'img', 'aria-label': 'Link chart: use the list of actors and places' });
const list = element('ul', { class: 'nodes list', role: 'listbox', 'aria-label': 'Actors and places', tabindex: '0' });
const tip = element('div', { class: 'tooltip', role: 'tooltip', hidden: '' });
const announcer = element('div', { class: 'visually-hidden', 'aria-live': 'polite' });
document.body.append(
  element(
    'header',
    {},
    checkbox('Relations', state.relations ?? true, (checked) => {
      remember({ relations: checked });
      applyFilters();
    }),
    checkbox('Shared events', state.events ?? true, (checked) => {
      remember({ events: checked });
      applyFilters();
    }),
    element('label', {}, 'at least ', minWeight),
    types,
    element('label', {}, 'at most ', most),
    timeWindow.element,
    element('label', {}, 'Steps ', steps),
    button('Expand neighbours', () => {
      const selected = cy.nodes(':selected').first();
      if (selected.empty()) return void (announcer.textContent = 'Select an actor or place first.');
      focus = { id: selected.id(), steps: Math.max(1, Number(steps.value) || 1) };
      applyFilters();
      fit();
    }),
    showAll,
    button('Fit', () => fit()),
  ),
  element('p', { class: 'caption' }, title, note),
  element('main', {}, container, list),
  tip,
  announcer,
);

/** Theme colours, read from VS Code's variables (again when the theme changes). */
function colour(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}

/**
 * Node colours by kind and type, from the theme's palette for charts: a page cannot read the
 * editor's token colours (which colour the names in the text), and these five are the theme's
 * own distinct colours, in light, dark and high contrast.
 */
function nodeColour(node: GraphNode): string {
  return opaque(themeNodeColour(node));
}

/** A colour without its transparency: a theme may give a chart colour an alpha (Dark Modern's orange), which darkens a node on a dark page. */
function opaque(value: string): string {
  if (/^#[0-9a-f]{8}$/i.test(value)) return value.slice(0, 7);
  if (/^#[0-9a-f]{4}$/i.test(value)) return value.slice(0, 4);
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+)/.exec(value);
  return rgba ? `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})` : value;
}

function themeNodeColour(node: GraphNode): string {
  if (node.kind === 'place') return colour('--vscode-charts-orange', '#d18616');
  switch (node.type) {
    case 'state':
      return colour('--vscode-charts-blue', '#3794ff');
    case 'organization':
      return colour('--vscode-charts-green', '#89d185');
    case 'group':
      return colour('--vscode-charts-red', '#f14c4c');
    default:
      return colour('--vscode-charts-purple', '#b180d7');
  }
}
const SHAPES: Record<string, cytoscape.Css.NodeShape> = { person: 'ellipse', state: 'round-rectangle', organization: 'round-hexagon', group: 'round-diamond', other: 'ellipse' };

function styles(): StylesheetJson {
  const foreground = colour('--vscode-foreground', '#ccc');
  const muted = colour('--vscode-descriptionForeground', '#999');
  const focus = colour('--vscode-focusBorder', '#007fd4');
  const font = colour('--vscode-font-family', 'sans-serif');
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'background-color': 'data(colour)',
        shape: 'data(shape)' as never,
        width: 'data(size)',
        height: 'data(size)',
        color: foreground,
        'font-family': font,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        'min-zoomed-font-size': 5,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': focus, 'font-weight': 'bold' } },
    {
      selector: 'edge.events',
      style: { width: 'data(width)', 'line-color': muted, opacity: 0.55, 'curve-style': 'haystack' },
    },
    {
      selector: 'edge.relation',
      style: {
        width: 2,
        'line-color': foreground,
        'target-arrow-color': foreground,
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(label)',
        color: foreground,
        'font-family': font,
        'font-size': 10,
        'text-rotation': 'autorotate',
        'text-background-color': colour('--vscode-editor-background', '#1e1e1e'),
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
  ];
}

const cy: Core = cytoscape({ container, style: styles(), minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
new MutationObserver(() => {
  cy.style(styles());
  for (const node of cy.nodes()) {
    const data = nodesById.get(node.id());
    if (data) node.data('colour', nodeColour(data));
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

let graph: ChartGraph = { nodes: [], edges: [], days: [] };
/** The graph's nodes and edges by id: cytoscape's elements hold only what they draw, so that new data sets only what changed. */
const nodesById = new Map<string, GraphNode>();
const edgesById = new Map<string, GraphEdge>();
/** An export asked before the first data (a page just shown) draws once the data is drawn. */
let dataDrawn = () => {};
const drawn = new Promise<void>((resolve) => (dataDrawn = resolve));

const nodeSize = (node: GraphNode) => 18 + Math.min(42, Math.sqrt(node.mentions) * 6);

function nodeElement(node: GraphNode): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label: node.name,
      class: nodeClass(node),
      colour: nodeColour(node),
      shape: node.kind === 'place' ? 'round-triangle' : SHAPES[node.type ?? 'other'],
      size: nodeSize(node),
    },
  };
}

function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    classes: edge.kind,
    data: {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      label: edge.kind === 'relation' ? edge.type : '',
      width: edge.kind === 'events' ? Math.min(10, 1 + Math.log2(edge.weight) * 2) : 2,
    },
  };
}

/**
 * Takes what changed (or everything, on `replace`): nodes and edges added, changed or removed;
 * the nodes drawn keep their places. Cytoscape holds only what is shown (`applyFilters`): a long
 * briefing's ten thousand edges, hidden, still slowed every drawing.
 */
function take(message: Extract<LinkChartToWebview, { type: 'data' }>): void {
  if (message.replace) {
    cy.elements().remove();
    nodesById.clear();
    edgesById.clear();
    places.clear();
  }
  for (const id of message.removed) {
    nodesById.delete(id);
    edgesById.delete(id);
    places.delete(id);
  }
  for (const node of message.nodes) nodesById.set(node.id, node);
  for (const edge of message.edges) edgesById.set(edge.id, edge);
  graph = { nodes: [...nodesById.values()], edges: [...edgesById.values()], days: message.days ?? graph.days };
  cy.batch(() => {
    cy.elements()
      .filter((item) => !(item.isNode() ? nodesById : edgesById).has(item.id()))
      .remove();
    // Only what an element draws is set, and only when it changed: setting data restyles the element.
    for (const item of [...message.nodes.map(nodeElement), ...message.edges.map(edgeElement)]) {
      const drawn = cy.getElementById(item.data.id!);
      if (drawn.nonempty() && Object.entries(item.data).some(([key, value]) => drawn.data(key) !== value)) drawn.data(item.data);
    }
  });
  applyFilters();
  fillList();
}

/** Where each node that has had a place is, drawn or not: laid out, or put near its neighbours. A node added, or shown for the first time, has none. */
const places = new Map<string, cytoscape.Position>();
/** Up to this many nodes, the layout takes the time to be good (fcose's default quality); above, its draft. */
const MOST_FINE_LAYOUT = 200;
/** How long after a window move the chart is laid out again: the move is painted first. */
const TIDY_AFTER_MS = 150;

/** A layout to come (after a window move): one at a time, the latest. */
let tidying: ReturnType<typeof setTimeout> | undefined;

/**
 * Gives a place to the nodes shown that have none: a few near their neighbours (the others stay
 * where they are, as the data changes), many (a new chart, or "all" asked) by a layout of what is
 * shown. Only what is shown is laid out: a layout of a long briefing's thousand nodes takes
 * seconds, and shows a knot. `soon` (the timeline's window moving, as it does while playing)
 * paints first with the new nodes near their neighbours, and lays out after, from where they are.
 */
function place(unplaced: cytoscape.NodeCollection, soon = false): void {
  const shown = cy.elements();
  const fresh = unplaced.nonempty() && (unplaced.length > shown.nodes().length / 2 || places.size === 0);
  if (fresh && !soon) {
    clearTimeout(tidying);
    layout(shown);
  } else {
    const placed = shown.nodes().filter((node) => places.has(node.id()));
    const whole = placed.nonempty() ? placed.boundingBox() : cy.extent();
    for (const node of unplaced) {
      const around = node.neighborhood('node').filter((other) => places.has(other.id()));
      const centre = around.nonempty() ? around.boundingBox() : whole;
      const spread = around.nonempty() ? 60 : Math.max(60, Math.min(whole.w, whole.h));
      node.position({ x: (centre.x1 + centre.x2) / 2 + (Math.random() - 0.5) * spread, y: (centre.y1 + centre.y2) / 2 + (Math.random() - 0.5) * spread });
    }
    if (fresh) {
      clearTimeout(tidying);
      // After the paint: the window's filter is seen at once, the layout follows.
      tidying = setTimeout(() => {
        tidying = undefined;
        layout(cy.elements(), false);
        for (const node of cy.nodes()) places.set(node.id(), { ...node.position() });
      }, TIDY_AFTER_MS);
    }
  }
  for (const node of shown.nodes()) places.set(node.id(), { ...node.position() });
}

function layout(elements: cytoscape.Collection, randomize = true): void {
  if (elements.empty()) return;
  const fine = elements.nodes().length <= MOST_FINE_LAYOUT;
  const options = { name: 'fcose', animate: false, randomize, fit: false, quality: fine ? 'default' : 'draft', nodeDimensionsIncludeLabels: fine };
  elements.layout(options as cytoscape.LayoutOptions).run();
  performance.mark('chart: laid out');
  if (randomize || !moved) fit(elements);
}

/** The chart shown in sight, not larger than life (two nodes are not drawn a screen wide). */
function fit(elements: cytoscape.Collection = cy.elements()): void {
  cy.resize();
  cy.fit(elements, 24);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
}

// Until the user moves or zooms the chart, it keeps fitting the panel as the panel is resized
// (the page may be laid out after the first drawing).
let moved = false;
for (const gesture of ['wheel', 'mousedown', 'keydown']) container.addEventListener(gesture, () => (moved = true), { passive: true });
new ResizeObserver(() => (moved ? cy.resize() : fit())).observe(container);

/** The neighbours asked for ("Expand neighbours"): not kept across reloads, as the selection is not. */
let focus: { id: string; steps: number } | undefined;

/** What the toolbar leaves (`shownUnder`): types of node, kinds of edge, edges of fewer shared events, the timeline's window, the neighbours asked for. */
function shownNow(): Shown {
  return shownUnder(graph, {
    relations: state.relations ?? true,
    events: state.events ?? true,
    minWeight: state.minWeight ?? 1,
    hiddenClasses: state.hiddenClasses ?? [],
    focus,
    days: timeWindow.days,
    undated: timeWindow.undated,
    most: most.value === '' ? undefined : Math.max(1, Number(most.value) || DEFAULT_MOST),
  });
}

/** Hides what the toolbar leaves out, and says what the chart shows; `soon`: see `place`. */
function applyFilters(soon = false): void {
  const shown = shownNow();
  // Cytoscape is given what is shown, and forgets the rest (a node's place is kept).
  let unplaced = cy.collection();
  cy.batch(() => {
    const leaving = cy.elements().filter((item) => !(item.isNode() ? shown.nodes : shown.edges).has(item.id()));
    for (const node of leaving.nodes()) places.set(node.id(), { ...node.position() });
    leaving.remove();
    const coming: ElementDefinition[] = [];
    for (const id of shown.nodes) {
      const node = nodesById.get(id);
      if (!node || cy.getElementById(id).nonempty()) continue;
      const position = places.get(id);
      coming.push(position ? { ...nodeElement(node), position: { ...position } } : nodeElement(node));
    }
    for (const id of shown.edges) {
      const edge = edgesById.get(id);
      if (edge && cy.getElementById(id).empty()) coming.push(edgeElement(edge));
    }
    unplaced = cy
      .add(coming)
      .nodes()
      .filter((node) => !places.has(node.id()));
  });
  place(unplaced, soon);
  // What the tests and the bench wait for: how many nodes are drawn, of how many.
  document.body.dataset.drawn = String(cy.nodes().length);
  document.body.dataset.nodes = String(graph.nodes.length);
  const of = (count: number, total: number) => (count === total ? `${total}` : `${count} of ${total}`);
  const cap = shown.capped ? ' (the most mentioned: raise "at most", or empty it for all)' : '';
  note.textContent = `${of(shown.nodes.size, graph.nodes.length)} ${graph.nodes.length === 1 ? 'actor or place' : 'actors and places'}${cap}, ${of(shown.edges.size, graph.edges.length)} ${graph.edges.length === 1 ? 'tie' : 'ties'}${focus ? `, within ${focus.steps} of ${graph.nodes.find((node) => node.id === focus?.id)?.name ?? ''}` : ''}`;
  showAll.hidden = focus === undefined;
  title.textContent = `${dataTitle}${timeWindow.title}`;
}

/** The title the extension sent (the briefing, the Events filter): the window kept to is added to it. */
let dataTitle = '';

/** The list's rows in their order (ids and names), to make them again only when that changes. */
let listed = '';
/** Each row's detail as shown, by node id: an edit that changes a count changes a row or two. */
const listedDetails = new Map<string, { readonly element: HTMLElement; text: string }>();

/** The list beside the chart: every node by mentions, each with its ties. */
function fillList(): void {
  const ordered = [...graph.nodes].sort((a, b) => b.mentions - a.mentions || compareNames(a.name, b.name));
  const ties = new Map<string, number>();
  for (const edge of graph.edges) for (const end of [edge.from, edge.to]) ties.set(end, (ties.get(end) ?? 0) + 1);
  const rows = ordered.map((node) => {
    const count = ties.get(node.id) ?? 0;
    return {
      node,
      detail: ` ${node.kind}${node.type ? ` · ${node.type}` : ''} · ${node.mentions} ${node.mentions === 1 ? 'mention' : 'mentions'} · ${count} ${count === 1 ? 'tie' : 'ties'}`,
    };
  });
  const order = rows.map(({ node }) => `${node.id}\u0000${node.name}`).join('\u0001');
  if (order === listed) {
    // The same rows in the same order: only the details that changed are written (a long
    // briefing's list made again at every edit was laid out again whole).
    for (const { node, detail } of rows) {
      const shown = listedDetails.get(node.id);
      if (shown && shown.text !== detail) shown.element.textContent = shown.text = detail;
    }
    return;
  }
  listed = order;
  listedDetails.clear();
  const selectedId = cy.nodes(':selected').first().id();
  list.replaceChildren(
    ...rows.map(({ node, detail }, index) => {
      const detailElement = element('span', { class: 'detail' }, detail);
      listedDetails.set(node.id, { element: detailElement, text: detail });
      const item = element(
        'li',
        { role: 'option', id: `node-${index}`, 'data-id': node.id, 'aria-selected': String(node.id === selectedId) },
        element('span', { class: 'name' }, node.name),
        detailElement,
      );
      item.addEventListener('click', () => choose(node.id, true));
      return item;
    }),
  );
  const current = list.querySelector('[aria-selected="true"]');
  if (current) list.setAttribute('aria-activedescendant', current.id);
}

/** Selects a node in the chart and the list; `open` tells the extension (the Actors view, the editor). */
function choose(id: string, open: boolean): void {
  const data = nodesById.get(id);
  if (!data) return;
  // One the filters leave out, opened from the list: shown with its neighbours ("Expand neighbours").
  if (open && cy.getElementById(id).empty()) {
    focus = { id, steps: Math.max(1, Number(steps.value) || 1) };
    applyFilters();
    fit();
  }
  const node = cy.getElementById(id);
  cy.nodes(':selected').unselect();
  if (node.nonempty()) {
    node.select();
    // Brought into sight only when it is out of it: the chart stays as the user left it.
    const { x, y } = node.renderedPosition();
    if (x < 0 || y < 0 || x > container.clientWidth || y > container.clientHeight) cy.animate({ center: { eles: node } }, { duration: 150 });
  }
  for (const item of list.children) item.setAttribute('aria-selected', String(item.getAttribute('data-id') === id));
  const item = list.querySelector<HTMLElement>(`[aria-selected="true"]`);
  if (item) {
    list.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
  }
  announcer.textContent = node.nonempty()
    ? `${data.name}, ${data.kind}, ${node.connectedEdges().length} ties`
    : `${data.name}, ${data.kind}, not drawn: Enter shows it with its neighbours`;
  if (open) post({ type: 'open', id });
}

cy.on('tap', 'node', (event) => choose((event.target as NodeSingular).id(), true));
list.addEventListener('keydown', (event) => {
  const items = [...list.children] as HTMLElement[];
  const at = items.findIndex((item) => item.getAttribute('aria-selected') === 'true');
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
  if (step !== 0 && items.length > 0) {
    event.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, at < 0 ? 0 : at + step))];
    choose(next.getAttribute('data-id') ?? '', false);
  } else if (event.key === 'Enter' && at >= 0) {
    choose(items[at].getAttribute('data-id') ?? '', true);
  }
});
container.addEventListener('keydown', (event) => {
  if (event.key === '+' || event.key === '=') cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
  else if (event.key === '-') cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
  else if (event.key === '0') fit();
  else if (event.key.startsWith('Arrow'))
    cy.panBy({ x: event.key === 'ArrowLeft' ? 40 : event.key === 'ArrowRight' ? -40 : 0, y: event.key === 'ArrowUp' ? 40 : event.key === 'ArrowDown' ? -40 : 0 });
});
container.setAttribute('tabindex', '0');

/** How many events of an edge its tooltip names. */
const MOST_DESCRIBED = 8;
/** The tooltip's question about its edge's events (an answer to an older one is not shown), and its edge. */
let describing = 0;
let hovered: GraphEdge | undefined;

/** An edge's tooltip: its relation, or how many events its ends share (their words come from the extension, `describe`). */
function edgeTip(edge: GraphEdge): string[] {
  const name = (id: string) => nodesById.get(id)?.name ?? id;
  if (edge.kind === 'relation') {
    const facts = [edge.since && `since ${edge.since}`, edge.until && `until ${edge.until}`, edge.source && `source ${edge.source}`].filter(Boolean).join(' · ');
    return [`${name(edge.from)} → ${edge.type} → ${name(edge.to)}`, ...(facts ? [facts] : [])];
  }
  return [`${name(edge.from)} and ${name(edge.to)}: ${edge.weight} shared ${edge.weight === 1 ? 'event' : 'events'}`];
}
cy.on('mouseover', 'edge', (event) => {
  const edge = edgesById.get((event.target as EdgeSingular).id());
  if (!edge) return;
  tip.replaceChildren(...edgeTip(edge).map((line) => element('div', {}, line)));
  describing++;
  hovered = edge;
  if (edge.kind === 'events') post({ type: 'describe', request: describing, events: edge.events.slice(0, MOST_DESCRIBED) });
  const { x, y } = event.renderedPosition ?? { x: 0, y: 0 };
  const box = container.getBoundingClientRect();
  tip.style.left = `${box.left + x + 12}px`;
  tip.style.top = `${box.top + y + 12}px`;
  tip.hidden = false;
});
cy.on('mouseout', 'edge', () => {
  tip.hidden = true;
  describing++;
  hovered = undefined;
});

/** The words of the hovered edge's events, under its first line. */
function described(request: number, labels: readonly string[]): void {
  if (request !== describing || hovered?.kind !== 'events') return;
  const lines = labels.filter(Boolean);
  const more = hovered.events.length - lines.length;
  tip.append(...lines.map((line) => element('div', {}, line)), ...(more > 0 ? [element('div', {}, `and ${more} more`)] : []));
}

function receive(message: LinkChartToWebview): void {
  switch (message?.type) {
    case 'data':
      performance.mark('chart: data');
      dataTitle = message.title;
      take(message);
      if (message.selected) choose(message.selected, false);
      dataDrawn();
      performance.mark('chart: drawn');
      // Painted: what the bench counts (a task after the frame's callbacks runs after its paint), as the timeline and the map mark it.
      requestAnimationFrame(() => setTimeout(() => performance.mark('chart: painted')));
      break;
    case 'select':
      choose(message.id, false);
      break;
    case 'described':
      described(message.request, message.labels);
      break;
    case 'window':
      performance.mark('chart: window');
      timeWindow.receive(message);
      // What the bench counts: the chart filtered to the window, painted.
      requestAnimationFrame(() => setTimeout(() => performance.mark('chart: window painted')));
      break;
    case 'export':
      void drawn
        .then(() => exported(message.format, message.style))
        .then(
          (data) => post({ type: 'exported', request: message.request, data }),
          () => post({ type: 'exported', request: message.request, data: undefined }),
        );
      break;
  }
}
window.addEventListener('message', (event: MessageEvent<LinkChartToWebview>) => receive(event.data));

/** The chart as it shows now: a picture, or the graph it shows as JSON (its events all kept: the edges name them by place). */
async function exported(format: ChartFormat, style: PictureStyle): Promise<string> {
  if (format === 'json') {
    // The ids shown: the extension writes the graph, which it has whole.
    const shown = shownNow();
    return JSON.stringify({ ids: [...shown.nodes, ...shown.edges] });
  }
  const page = getComputedStyle(document.body);
  const { svg, width, height } = chartSvg(cy, style, {
    background: page.backgroundColor,
    text: colour('--vscode-foreground', '#ccc'),
    muted: colour('--vscode-descriptionForeground', '#999'),
    selected: colour('--vscode-focusBorder', '#007fd4'),
    font: { family: page.fontFamily, size: page.fontSize },
  });
  return format === 'svg' ? svgFile(svg) : svgToPng(svg, width, height);
}
// A small chart's data comes with the page: drawn at once, without asking.
const carried = firstMessages<LinkChartToWebview>();
for (const message of carried) receive(message);
performance.mark('chart: ready');
post({ type: 'ready', carried: carried.length > 0 });
