import * as vscode from 'vscode';
import {
  describeFilter,
  entityAt,
  entityId,
  EventAtLine,
  MAP_VIEW_TYPE,
  mapData,
  type Briefing,
  type BriefingEvent,
  type BriefingStore,
  type ChartFormat,
  type MapFromWebview,
  type MapToWebview,
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

/** What a map's page was made with: its data as JSON, the window's message as JSON, the selection. */
interface CarriedMap {
  readonly sent: string;
  readonly window: string;
  readonly selected: string | undefined;
}

/** What the map needs from the rest of the extension. */
export interface MapContext {
  readonly extensionUri: vscode.Uri;
  readonly store: BriefingStore;
  readonly active: ActiveBriefing;
  readonly actors: ActorsView;
  /** Its scope (the active briefing or every briefing) and filter are the map's. */
  readonly events: EventsView;
  /** The timeline's window, which the map and the chart keep to when asked. */
  readonly window: SharedTimeWindow;
}

/**
 * The map: a webview panel beside the editor drawing where the Events view's actors and places
 * are (`mapData`: points, countries shaded, by their mentions) on Natural Earth's world, offline.
 * It follows the view's refreshes (no parse of its own), posts nothing while hidden, and when its
 * page loads (a hidden page is discarded) sends what changed since the data the page was made
 * with, or everything to a page made without. The entity under the editor's cursor is selected
 * on it, and the places of the event there are drawn as a path.
 */
export class MapPanel implements vscode.Disposable {
  readonly #page: PicturePage<MapToWebview, MapFromWebview, CarriedMap>;
  /** The last update asked for: an older one that ends later posts nothing. */
  #asked = 0;
  #selected: string | undefined;
  /** The event whose places the map draws as a path: its briefing and first line; '' none, undefined unknown. */
  #pathOf: string | undefined;
  #sources: readonly ShownSource[] = [];
  /** The data last posted, as JSON: the same data is not posted again. */
  #sent = '';
  readonly #disposables: vscode.Disposable[];
  readonly #cursor: CursorModel;
  /** Which of a model's events is at a line: made once per model the cursor moves in. */
  #eventsAtLine: { model: Briefing; index: EventAtLine<BriefingEvent> } | undefined;
  /** How many times data was posted, or carried in a new page (for tests). */
  postCount = 0;

  constructor(private readonly context: MapContext) {
    this.#page = new PicturePage({
      extensionUri: context.extensionUri,
      viewType: MAP_VIEW_TYPE,
      title: 'Map',
      bundle: 'map',
      receive: (message) => this.receive(message),
      forget: () => (this.#sent = ''),
    });
    this.#cursor = new CursorModel(context.store, (editor, model) => this.#follow(editor.document, model, editor.selection.active));
    this.#disposables = [this.#page, context.events.onDidChangeEvents(() => this.#update()), context.window.onDidChange(() => this.#postWindow()), this.#cursor];
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#page.panel;
  }

  /** Opens the panel beside the editor (its page made with the map's data: see `PicturePage.show`), or shows it. */
  show(): Promise<void> {
    return this.#page.show(
      () => this.context.events.shownEvents(),
      (shown) => {
        this.#sent = '';
        const window = this.#windowMessage();
        const data = this.#dataMessage(shown)!;
        return { messages: [window, data], carried: { sent: this.#sent, window: JSON.stringify(window), selected: this.#selected } };
      },
    );
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.#page.adopt(panel);
  }

  /** Posts where the Events view's actors and places are, unless the page has it already or is hidden. */
  async #update(): Promise<void> {
    const panel = this.#page.panel;
    if (!panel?.visible) return;
    const asked = ++this.#asked;
    const shown = await this.context.events.shownEvents();
    if (asked !== this.#asked || panel !== this.#page.panel) return;
    const message = this.#dataMessage(shown);
    if (message) this.#page.post(message);
  }

  /** The map of `shown` as the page is to get it, now taken as sent; undefined when the page has it. */
  #dataMessage(shown: Awaited<ReturnType<EventsView['shownEvents']>>): MapToWebview | undefined {
    const filter = this.context.events.filter;
    const graph = shownGraph(shown, filter !== undefined);
    this.#sources = shown.sources;
    const described = describeFilter(filter);
    const title = `${shown.scope ?? 'no briefing'}${described ? ` · filter: ${described}` : ''}`;
    const map = mapData(graph, shown.sources);
    const days = graph.events.map((event) => event.days);
    const json = JSON.stringify({ title, map, days });
    if (json === this.#sent) return undefined;
    this.#sent = json;
    this.postCount++;
    return { type: 'data', title, map, days, selected: this.#selected };
  }

  #windowMessage(): MapToWebview {
    return { type: 'window', ...this.context.window.shared };
  }

  #postWindow(): void {
    if (this.#page.visible) this.#page.post(this.#windowMessage());
  }

  /**
   * The place under the cursor selects it on the map (a hidden map remembers it, as a choice in
   * the chart moves the cursor to its entry), and the event on the cursor's line (where a click
   * in the timeline or the Events view puts it) draws its places as a path; once each: moving
   * within them posts nothing.
   */
  #follow(document: vscode.TextDocument, briefing: Briefing, position: vscode.Position): void {
    if (!this.#page.panel) return;
    if (!this.#page.visible) {
      this.#selected = entityAt(briefing, document.offsetAt(position))?.entity.id ?? this.#selected;
      return;
    }
    if (this.#eventsAtLine?.model !== briefing) this.#eventsAtLine = { model: briefing, index: new EventAtLine(briefing.events, (event) => event.range) };
    const event = this.#eventsAtLine.index.at(position.line);
    const pathOf = event ? `${document.uri.toString()}#${event.range.start.line}` : '';
    if (pathOf !== this.#pathOf) {
      this.#pathOf = pathOf;
      this.#page.post({ type: 'path', ids: event ? event.places.map((name) => entityId('place', name)) : [] });
    }
    const id = entityAt(briefing, document.offsetAt(position))?.entity.id;
    if (!id || id === this.#selected) return;
    this.#selected = id;
    this.#page.post({ type: 'select', id });
  }

  /** What a page sends: public, so that tests can send what a page would. */
  async receive(message: MapFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready': {
        // A page made with the data (`show`) has what it carried, whatever was posted to an earlier load of it.
        const carried = this.#page.carriedBy(message.carried);
        this.#sent = carried?.sent ?? '';
        // Unknown: a path posted as the page loaded may have reached it. The cursor's is posted, none too.
        this.#pathOf = undefined;
        if (carried?.window !== JSON.stringify(this.#windowMessage())) this.#postWindow();
        if (carried && this.#selected && this.#selected !== carried.selected) this.#page.post({ type: 'select', id: this.#selected });
        await this.#page.loaded(() => this.#update());
        // The path of the event at the cursor, which a hidden map did not draw.
        if (vscode.window.activeTextEditor) this.#cursor.moved(vscode.window.activeTextEditor);
        return;
      }
      case 'open':
        this.#selected = (await openEntity(message.id, this.#sources, this.context, this.#page.panel))?.id ?? this.#selected;
        return;
      case 'windowOptions':
        this.context.window.choose(message);
        return;
      case 'exported':
        this.#page.exports.answer(message.request, message.data);
    }
  }

  /** Asks the page to draw the map as it shows it; undefined when it could not (or the panel closed). */
  draw(format: ChartFormat, style: PictureStyle): Promise<string | undefined> {
    if (format === 'json') return Promise.resolve(undefined);
    return this.#page.exports.ask((request) => this.#page.post({ type: 'export', request, format, style }));
  }

  dispose(): void {
    this.#disposables.forEach((disposable) => disposable.dispose());
  }
}
