// The link chart's page: draws the graph the extension posts with cytoscape (fcose layout), and
// tells the extension which node was chosen. Every text of a briefing is data: cytoscape draws
// labels on its canvas, and the page sets the rest as textContent, never as HTML.
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import '../shared/page.css';
import './linkChart.css';
import type { ChartFormat, GraphEdge, GraphNode, LinkChartFromWebview, LinkChartState, LinkChartToWebview, LinkGraph, PictureStyle, TimeWindow } from '../../core';
import { element } from '../shared/dom';
import { svgFile, svgToPng } from '../shared/svg';
import { NODE_CLASSES, shownUnder, windowDays, type NodeClass, type Shown } from './chartFilter';
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
const showAll = button('Show all', () => {
  focus = undefined;
  applyFilters();
  fit();
});
// The timeline's window: kept to when asked, and when the timeline is open.
const inWindow = element('input', { type: 'checkbox' });
inWindow.checked = state.inWindow ?? false;
inWindow.addEventListener('change', () => {
  remember({ inWindow: inWindow.checked });
  applyFilters();
});
const windowLabel = element('label', { title: "Only the events in the timeline's window tie actors and places" }, inWindow, " Timeline's window");
const title = element('span', { class: 'title' });
const note = element('span', { class: 'note', role: 'status' });
const container = element('div', { class: 'chart', role: 'img', 'aria-label': 'Link chart: use the list of actors and places' });
const list = element('ul', { class: 'nodes', role: 'listbox', 'aria-label': 'Actors and places', tabindex: '0' });
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
    windowLabel,
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
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

const cy: Core = cytoscape({ container, style: styles(), minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false });
new MutationObserver(() => {
  cy.style(styles());
  for (const node of cy.nodes()) node.data('colour', nodeColour(node.data('node')));
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

let graph: LinkGraph = { nodes: [], edges: [], events: [] };
let scope: string | undefined;
let timelineWindow: TimeWindow | undefined;
let laidOut = false;

const nodeSize = (node: GraphNode) => 18 + Math.min(42, Math.sqrt(node.mentions) * 6);

function nodeElement(node: GraphNode): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: node.id, label: node.name, node, colour: nodeColour(node), shape: node.kind === 'place' ? 'round-triangle' : SHAPES[node.type ?? 'other'], size: nodeSize(node) },
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
      edge,
      label: edge.kind === 'relation' ? edge.type : '',
      width: edge.kind === 'events' ? Math.min(10, 1 + Math.log2(edge.weight) * 2) : 2,
    },
  };
}

/** Takes new data: nodes and edges added, changed or removed; the nodes it has keep their places, new ones go near their neighbours. */
function show(next: LinkGraph, fresh: boolean): void {
  if (fresh) cy.elements().remove();
  const had = new Set(cy.nodes().map((node) => node.id()));
  cy.batch(() => {
    const nodeIds = new Set(next.nodes.map((node) => node.id));
    const edgeIds = new Set(next.edges.map((edge) => edge.id));
    cy.elements()
      .filter((item) => !(item.isNode() ? nodeIds : edgeIds).has(item.id()))
      .remove();
    for (const node of next.nodes) {
      const drawn = cy.getElementById(node.id);
      if (drawn.nonempty()) drawn.data(nodeElement(node).data);
      else cy.add(nodeElement(node));
    }
    for (const edge of next.edges) {
      const drawn = cy.getElementById(edge.id);
      if (drawn.nonempty()) drawn.data(edgeElement(edge).data);
      else cy.add(edgeElement(edge));
    }
  });
  graph = next;
  const added = cy.nodes().filter((node) => !had.has(node.id()));
  if (!laidOut || had.size === 0) {
    layout(cy.elements());
    laidOut = next.nodes.length > 0;
  } else if (added.nonempty()) {
    // Near their neighbours, without moving the others.
    for (const node of added) {
      const around = node.neighborhood('node').filter((other) => had.has(other.id()));
      const centre = around.nonempty() ? around.boundingBox() : cy.extent();
      node.position({ x: (centre.x1 + centre.x2) / 2 + (Math.random() - 0.5) * 60, y: (centre.y1 + centre.y2) / 2 + (Math.random() - 0.5) * 60 });
    }
  }
  applyFilters();
  fillList();
}

function layout(elements: cytoscape.Collection): void {
  if (elements.empty()) return;
  const options = { name: 'fcose', animate: false, randomize: true, fit: false, quality: graph.nodes.length > 400 ? 'draft' : 'default', nodeDimensionsIncludeLabels: true };
  elements.layout(options as cytoscape.LayoutOptions).run();
  fit();
}

/** The whole chart in sight, not larger than life (two nodes are not drawn a screen wide). */
function fit(): void {
  cy.resize();
  cy.fit(undefined, 24);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
}

// Until the user moves or zooms the chart, it keeps fitting the panel as the panel is resized
// (the page may be laid out after the first drawing).
let moved = false;
/** An export asked before the first data (a page just shown) draws once the data is drawn. */
let dataDrawn = () => {};
const drawn = new Promise<void>((resolve) => (dataDrawn = resolve));
for (const gesture of ['wheel', 'mousedown', 'keydown']) container.addEventListener(gesture, () => (moved = true), { passive: true });
new ResizeObserver(() => (moved ? cy.resize() : fit())).observe(container);

/** The neighbours asked for ("Expand neighbours"): not kept across reloads, as the selection is not. */
let focus: { id: string; steps: number } | undefined;

const dayText = (time: number) => new Date(time).toISOString().slice(0, 10);

/** What the toolbar leaves (`shownUnder`): types of node, kinds of edge, edges of fewer shared events, the timeline's window, the neighbours asked for. */
function shownNow(): Shown {
  return shownUnder(graph, {
    relations: state.relations ?? true,
    events: state.events ?? true,
    minWeight: state.minWeight ?? 1,
    hiddenClasses: state.hiddenClasses ?? [],
    focus,
    days: inWindow.checked && timelineWindow ? windowDays(timelineWindow) : undefined,
  });
}

/** Hides what the toolbar leaves out, and says what the chart shows. */
function applyFilters(): void {
  inWindow.disabled = timelineWindow === undefined;
  windowLabel.title = timelineWindow
    ? `Only the events from ${dayText(timelineWindow.start)} to ${dayText(timelineWindow.end)} (the timeline's window) tie actors and places`
    : 'Open the timeline to keep to its window';
  const shown = shownNow();
  cy.batch(() => {
    for (const item of cy.elements()) item.toggleClass('filtered', !(item.isNode() ? shown.nodes : shown.edges).has(item.id()));
  });
  const of = (count: number, total: number) => (count === total ? `${total}` : `${count} of ${total}`);
  const window = inWindow.checked && timelineWindow ? `, in the timeline's window (${dayText(timelineWindow.start)} to ${dayText(timelineWindow.end)})` : '';
  note.textContent = `${of(shown.nodes.size, graph.nodes.length)} ${graph.nodes.length === 1 ? 'actor or place' : 'actors and places'}, ${of(shown.edges.size, graph.edges.length)} ${graph.edges.length === 1 ? 'tie' : 'ties'}${window}${focus ? `, within ${focus.steps} of ${graph.nodes.find((node) => node.id === focus?.id)?.name ?? ''}` : ''}`;
  showAll.hidden = focus === undefined;
}

/** The list beside the chart: every node by mentions, each with its ties. */
function fillList(): void {
  const ordered = [...graph.nodes].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const selectedId = cy.nodes(':selected').first().id();
  list.replaceChildren(
    ...ordered.map((node) => {
      const ties = cy.getElementById(node.id).connectedEdges().length;
      const item = element(
        'li',
        { role: 'option', id: `node-${ordered.indexOf(node)}`, 'data-id': node.id, 'aria-selected': String(node.id === selectedId) },
        element('span', { class: 'name' }, node.name),
        element(
          'span',
          { class: 'detail' },
          ` ${node.kind}${node.type ? ` · ${node.type}` : ''} · ${node.mentions} ${node.mentions === 1 ? 'mention' : 'mentions'} · ${ties} ${ties === 1 ? 'tie' : 'ties'}`,
        ),
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
  const node = cy.getElementById(id);
  if (node.empty()) return;
  cy.nodes(':selected').unselect();
  node.select();
  // Brought into sight only when it is out of it: the chart stays as the user left it.
  const { x, y } = node.renderedPosition();
  if (x < 0 || y < 0 || x > container.clientWidth || y > container.clientHeight) cy.animate({ center: { eles: node } }, { duration: 150 });
  for (const item of list.children) item.setAttribute('aria-selected', String(item.getAttribute('data-id') === id));
  const item = list.querySelector<HTMLElement>(`[aria-selected="true"]`);
  if (item) {
    list.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
  }
  const data = node.data('node') as GraphNode;
  announcer.textContent = `${data.name}, ${data.kind}, ${node.connectedEdges().length} ties`;
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
    post({ type: 'open', id: items[at].getAttribute('data-id') ?? '' });
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

/** An edge's tooltip: its relation, or the events its ends share. */
function edgeTip(edge: GraphEdge): string[] {
  const name = (id: string) => graph.nodes.find((node) => node.id === id)?.name ?? id;
  if (edge.kind === 'relation') {
    const facts = [edge.since && `since ${edge.since}`, edge.until && `until ${edge.until}`, edge.source && `source ${edge.source}`].filter(Boolean).join(' · ');
    return [`${name(edge.from)} → ${edge.type} → ${name(edge.to)}`, ...(facts ? [facts] : [])];
  }
  // Every briefing: each event with its file.
  const several = new Set(graph.events.map((event) => event.source)).size > 1;
  const lines = edge.events.slice(0, 8).map((at) => {
    const event = graph.events[at];
    return several ? `${event.label} (${decodeURIComponent(event.source.split('/').pop() ?? '')})` : event.label;
  });
  if (edge.events.length > 8) lines.push(`and ${edge.events.length - 8} more`);
  return [`${name(edge.from)} and ${name(edge.to)}: ${edge.weight} shared ${edge.weight === 1 ? 'event' : 'events'}`, ...lines];
}
cy.on('mouseover', 'edge', (event) => {
  const edge = event.target as EdgeSingular;
  tip.replaceChildren(...edgeTip(edge.data('edge') as GraphEdge).map((line) => element('div', {}, line)));
  const { x, y } = event.renderedPosition ?? { x: 0, y: 0 };
  const box = container.getBoundingClientRect();
  tip.style.left = `${box.left + x + 12}px`;
  tip.style.top = `${box.top + y + 12}px`;
  tip.hidden = false;
});
cy.on('mouseout', 'edge', () => (tip.hidden = true));

window.addEventListener('message', (event: MessageEvent<LinkChartToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'data':
      performance.mark('chart: data');
      // Another briefing (or every briefing) is another chart: laid out afresh.
      show(message.graph, scope !== message.scope);
      scope = message.scope;
      title.textContent = message.title;
      if (message.selected) choose(message.selected, false);
      document.body.dataset.drawn = String(cy.nodes().length);
      dataDrawn();
      performance.mark('chart: drawn');
      // Painted: the frame after the one that drew it.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('chart: painted')));
      break;
    case 'select':
      choose(message.id, false);
      break;
    case 'window':
      timelineWindow = message.window;
      applyFilters();
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
});

/** The chart as it shows now: a picture, or the graph it shows as JSON (its events all kept: the edges name them by place). */
async function exported(format: ChartFormat, style: PictureStyle): Promise<string> {
  if (format === 'json') {
    const shown = shownNow();
    return `${JSON.stringify({ nodes: graph.nodes.filter((node) => shown.nodes.has(node.id)), edges: graph.edges.filter((edge) => shown.edges.has(edge.id)), events: graph.events }, null, 2)}\n`;
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
post({ type: 'ready' });
