import * as vscode from 'vscode';
import {
  describeFilter,
  entityAt,
  eventLabel,
  graphChanged,
  graphToJson,
  LINK_CHART_VIEW_TYPE,
  type Briefing,
  type BriefingStore,
  type ChartFormat,
  type EventFacts,
  type GraphEdge,
  type GraphNode,
  type LinkChartFromWebview,
  type LinkChartToWebview,
  type LinkGraph,
  type PictureStyle,
} from '../../core';
import type { ActiveBriefing } from '../activeBriefing';
import type { ActorsView } from '../actorsView';
import type { EventsView, ShownSource } from '../eventsView';
import { CursorModel } from './cursorModel';
import { openEntity } from './openEntity';
import { PicturePage } from './picturePage';
import { shownGraph } from './shownGraph';
import type { SharedTimeWindow } from '../timeWindow';

/** How many events of an edge a tooltip names, and how long each label is. */
const MOST_DESCRIBED = 8;
const LABEL_LENGTH = 80;

/** What a chart's page was made with: its data as sent, the window's message as JSON, the selection. */
interface CarriedChart {
  readonly sent: ReadonlyMap<string, GraphNode | GraphEdge>;
  readonly days: string;
  readonly title: string;
  readonly scope: string | undefined;
  readonly window: string;
  readonly selected: string | undefined;
}

/** What the chart needs from the rest of the extension. */
export interface LinkChartContext {
  readonly extensionUri: vscode.Uri;
  readonly store: BriefingStore;
  readonly active: ActiveBriefing;
  readonly actors: ActorsView;
  /** Its scope (the active briefing or every briefing) and filter are the chart's. */
  readonly events: EventsView;
  /** The timeline's window, which the chart and the map keep to when asked. */
  readonly window: SharedTimeWindow;
}

/**
 * The link chart: a webview panel beside the editor drawing the actors and places of the Events
 * view's scope (the active briefing, or every briefing), their relations and the events they
 * share (`linkGraph`, from the cached models), under the view's filter. It follows the view's
 * refreshes (after edits, about 300 ms after the last keystroke; another briefing; another scope
 * or filter), posts nothing while hidden (a hidden page is discarded: it asks again when shown),
 * and selects the entity under the editor's cursor.
 */
export class LinkChartPanel implements vscode.Disposable {
  readonly #page: PicturePage<LinkChartToWebview, LinkChartFromWebview, CarriedChart>;
  /** What the page has: each node and edge by id, the events' days as JSON, the title; an edit that changes none of them posts nothing. */
  #sent: ReadonlyMap<string, GraphNode | GraphEdge> = new Map();
  #sentDays = '';
  #title = '';
  #scope: string | undefined;
  /** The page has nothing (it has just loaded, or was hidden): it is sent everything. */
  #stale = true;
  /** The last update asked for: an older one that ends later posts nothing. */
  #asked = 0;
  #selected: string | undefined;
  /** The briefings the chart shows and its graph, to answer its clicks and questions. */
  #sources: readonly ShownSource[] = [];
  #graph: LinkGraph | undefined;
  readonly #disposables: vscode.Disposable[];
  /** How many times data was posted (or carried in a new page), and how many times the graph was made (for tests: an edit that changes no tie posts nothing). */
  postCount = 0;
  updateCount = 0;

  constructor(private readonly context: LinkChartContext) {
    this.#page = new PicturePage({
      extensionUri: context.extensionUri,
      viewType: LINK_CHART_VIEW_TYPE,
      title: 'Link Chart',
      bundle: 'linkChart',
      receive: (message) => this.receive(message),
      forget: () => (this.#stale = true),
    });
    this.#disposables = [
      this.#page,
      context.events.onDidChangeEvents(() => void this.#update()),
      context.window.onDidChange(() => this.#postWindow()),
      new CursorModel(context.store, (editor, model) => this.#follow(model, editor.document.offsetAt(editor.selection.active))),
    ];
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#page.panel;
  }

  /** Opens the panel beside the editor (its page made with the chart's data: see `PicturePage.show`), or shows it. */
  show(): Promise<void> {
    return this.#page.show(
      () => this.context.events.shownEvents(),
      (shown) => {
        this.#stale = true;
        const window = this.#windowMessage();
        const data = this.#dataMessage(shown)!;
        return {
          messages: [window, data],
          carried: { sent: this.#sent, days: this.#sentDays, title: this.#title, scope: this.#scope, window: JSON.stringify(window), selected: this.#selected },
        };
      },
    );
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.#page.adopt(panel);
  }

  /** Posts the graph of the Events view's events, unless the page has it already or is hidden. */
  async #update(): Promise<void> {
    const panel = this.#page.panel;
    if (!panel?.visible) return;
    const asked = ++this.#asked;
    const shown = await this.context.events.shownEvents();
    if (asked !== this.#asked || panel !== this.#page.panel) return;
    const message = this.#dataMessage(shown);
    if (message) this.#page.post(message);
  }

  /** The graph of `shown` as the page is to get it, now taken as sent; undefined when the page has it all. */
  #dataMessage(shown: Awaited<ReturnType<EventsView['shownEvents']>>): LinkChartToWebview | undefined {
    const filter = this.context.events.filter;
    const graph = shownGraph(shown, filter !== undefined);
    this.#sources = shown.sources;
    this.#graph = graph;
    this.updateCount++;
    const scope = shown.scope ?? 'no briefing';
    const described = describeFilter(filter);
    const title = `${scope}${described ? ` · filter: ${described}` : ''}`;
    // Another scope is another chart: the page starts again.
    const replace = this.#stale || scope !== this.#scope;
    const { nodes, edges, removed, now } = graphChanged(replace ? new Map() : this.#sent, graph);
    const days = graph.events.map((event) => event.days);
    const daysJson = JSON.stringify(days);
    const daysChanged = replace || daysJson !== this.#sentDays;
    this.#sent = now;
    this.#sentDays = daysJson;
    if (!replace && nodes.length === 0 && edges.length === 0 && removed.length === 0 && !daysChanged && title === this.#title) return undefined;
    this.#stale = false;
    this.#scope = scope;
    this.#title = title;
    this.postCount++;
    return { type: 'data', title, scope, replace, nodes, edges, removed, ...(daysChanged ? { days } : {}), selected: this.#selected };
  }

  #windowMessage(): LinkChartToWebview {
    return { type: 'window', ...this.context.window.shared };
  }

  #postWindow(): void {
    if (this.#page.visible) this.#page.post(this.#windowMessage());
  }

  /**
   * The entity under the cursor selects its node (once: moving within it posts nothing). A hidden
   * chart remembers it (a choice on the map moves the cursor to its entry), to show it when shown.
   */
  #follow(model: Briefing, offset: number): void {
    if (!this.#page.panel) return;
    const id = entityAt(model, offset)?.entity.id;
    if (!id || id === this.#selected) return;
    this.#selected = id;
    if (this.#page.visible) this.#page.post({ type: 'select', id });
  }

  /** What a page sends: public, so that tests can send what a page would. */
  async receive(message: LinkChartFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready': {
        // A page made with the data (`show`) has what it carried, whatever was posted to an earlier load of it.
        const carried = this.#page.carriedBy(message.carried);
        this.#stale = carried === undefined;
        if (carried) {
          this.#sent = carried.sent;
          this.#sentDays = carried.days;
          this.#title = carried.title;
          this.#scope = carried.scope;
        }
        if (carried?.window !== JSON.stringify(this.#windowMessage())) this.#postWindow();
        if (carried && this.#selected && this.#selected !== carried.selected) this.#page.post({ type: 'select', id: this.#selected });
        return this.#page.loaded(() => this.#update());
      }
      case 'open': {
        this.#selected = (await openEntity(message.id, this.#sources, this.context, this.#page.panel))?.id ?? this.#selected;
        return;
      }
      case 'windowOptions':
        this.context.window.choose(message);
        return;
      case 'describe':
        if (Array.isArray(message.events))
          this.#page.post({ type: 'described', request: message.request, labels: message.events.slice(0, MOST_DESCRIBED).map((at) => this.#eventLabel(at)) });
        return;
      case 'exported':
        this.#page.exports.answer(message.request, message.data);
    }
  }

  /** An event of the graph as a tooltip names it: its date and first words, and its file when the chart shows several. */
  #eventLabel(at: unknown): string {
    const shown = typeof at === 'number' ? this.#graph?.events[at] : undefined;
    const source = shown && this.#sources.find((candidate) => candidate.source === shown.source);
    const event = (source?.briefing.events as readonly EventFacts[] | undefined)?.find((candidate) => candidate.range.start.line + 1 === shown!.line);
    if (!event) return '';
    const label = eventLabel(event, LABEL_LENGTH);
    return this.#sources.length > 1 ? `${label} (${source!.label})` : label;
  }

  /**
   * Asks the page to draw the chart as it shows it, or the graph it shows as JSON (the page names
   * the nodes and edges it shows: the graph is the extension's); undefined when it could not.
   */
  async draw(format: ChartFormat, style: PictureStyle): Promise<string | undefined> {
    const drawn = await this.#page.exports.ask((request) => this.#page.post({ type: 'export', request, format, style }));
    if (format !== 'json' || drawn === undefined || !this.#graph) return drawn;
    let ids: unknown;
    try {
      ids = (JSON.parse(drawn) as { ids?: unknown }).ids;
    } catch {
      return undefined;
    }
    if (!Array.isArray(ids)) return undefined;
    const shown = new Set<unknown>(ids);
    const { nodes, edges, events } = this.#graph;
    return graphToJson({ nodes: nodes.filter((node) => shown.has(node.id)), edges: edges.filter((edge) => shown.has(edge.id)), events });
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
