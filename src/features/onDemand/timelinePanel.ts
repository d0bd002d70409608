import * as vscode from 'vscode';
import {
  describeFilter,
  EventAtLine,
  eventsChanged,
  parseWindow,
  pictureEvents,
  TIMELINE_VIEW_TYPE,
  type PictureFormat,
  type PictureStyle,
  type TimeWindow,
  type TimelineEvent,
  type TimelineFromWebview,
  type TimelineToWebview,
  windowText,
} from '../../core';
import type { ActorsView } from '../actorsView';
import type { EventsView } from '../eventsView';
import { showLine } from '../revealLine';
import { BRIEFING_LANGUAGE } from '../selector';
import { columnBeside } from '../pictureColumn';
import { PicturePage } from './picturePage';
import type { SharedTimeWindow } from '../timeWindow';

/** What a timeline's page was made with: the events sent, their ids' prefix, the title and count, the selection. */
interface CarriedTimeline {
  readonly sent: readonly TimelineEvent[];
  readonly prefix: string;
  readonly title: string;
  readonly total: number;
  readonly selected: string | undefined;
}

/** What the timeline needs from the rest of the extension. */
export interface TimelineContext {
  readonly extensionUri: vscode.Uri;
  /** Its scope and filter are the timeline's; it feeds the timeline as it refreshes. */
  readonly events: EventsView;
  /** A lane's label selects its actor there. */
  readonly actors: ActorsView;
  /** Where the timeline tells the time it shows, for the other pictures. */
  readonly window: SharedTimeWindow;
}

/**
 * The timeline picture: a webview panel beside the editor drawing the Events view's events (the
 * same scope and filter) on a time axis. It follows the view's refreshes, posts nothing while
 * hidden, and when shown again (a hidden webview is discarded: no retained context) sends what
 * changed since the data its page was made with, or everything to a page made without (a long
 * timeline's, or one restored after a reload). The webview's code is its own bundle, loaded only
 * when the panel opens.
 */
export class TimelinePanel implements vscode.Disposable {
  readonly #page: PicturePage<TimelineToWebview, TimelineFromWebview, CarriedTimeline>;
  /** The events the picture shows, as they are now (their lines too): to answer clicks and to follow the cursor. */
  #shown: readonly TimelineEvent[] = [];
  /** Which of `#shown` is at a line of a briefing, made when the cursor first moves after they change. */
  #shownAtLine: { source: string; index: EventAtLine<TimelineEvent> } | undefined;
  #selected: string | undefined;
  /** The page has not got the latest data (it was hidden, or it has just loaded): it is sent whatever it is. */
  #stale = false;
  /** What the page has: the events last sent, and the title and count of the last data posted. */
  #sent: readonly TimelineEvent[] = [];
  /** What the ids last sent left out: the briefing's URI and `#`, or nothing (every briefing). */
  #prefix = '';
  #title = '';
  #total = 0;
  readonly #disposables: vscode.Disposable[];
  /** A window written by hand that the page, still loading, has not shown yet. */
  #wantedWindow: TimeWindow | undefined;
  /** How many times data was posted (or carried in a new page): a hidden panel posts nothing. */
  postCount = 0;

  constructor(private readonly context: TimelineContext) {
    this.#page = new PicturePage({
      extensionUri: context.extensionUri,
      viewType: TIMELINE_VIEW_TYPE,
      title: 'Timeline',
      bundle: 'timeline',
      receive: (message) => this.receive(message),
      forget: () => (this.#stale = true),
      // The other pictures keep to no window while the timeline is closed.
      closed: () => context.window.set(undefined),
    });
    this.#disposables = [
      this.#page,
      context.events.onDidChangeEvents(() => this.#update()),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => this.#follow(textEditor.document, selections[0].active.line)),
    ];
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#page.panel;
  }

  /** The time the timeline shows (what the other pictures may keep to); none while it is closed. */
  get window(): TimeWindow | undefined {
    return this.context.window.current;
  }

  /** Opens the panel beside the editor (its page made with the timeline's data: see `PicturePage.show`), or shows it. */
  show(): Promise<void> {
    return this.#page.show(
      () => this.context.events.shownEvents(),
      (shown) => {
        this.#stale = true;
        const data = this.#dataMessage(shown)!;
        return { messages: [data], carried: { sent: this.#sent, prefix: this.#prefix, title: this.#title, total: this.#total, selected: this.#selected } };
      },
    );
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload (the page restores its own lanes and window). */
  adopt(panel: vscode.WebviewPanel): void {
    this.#page.adopt(panel);
  }

  /**
   * Posts what changed in the Events view's events since the page was last sent them; later, if
   * the panel is hidden. Most typing changes no event (prose, lines moved): nothing is sent.
   */
  async #update(): Promise<void> {
    const panel = this.#page.panel;
    if (!panel) return;
    if (!panel.visible) {
      this.#stale = true;
      return;
    }
    const shown = await this.context.events.shownEvents();
    const message = this.#dataMessage(shown);
    if (message) this.#page.post(message);
  }

  /** The events of `shown` as the page is to get them, now taken as sent; undefined when the page has them. */
  #dataMessage(shown: Awaited<ReturnType<EventsView['shownEvents']>>): TimelineToWebview | undefined {
    const { events, total } = shown;
    const scope = shown.scope ?? 'no briefing';
    const described = describeFilter(this.context.events.filter);
    const title = `${scope}${described ? ` · filter: ${described}` : ''}`;
    this.#shown = events;
    this.#shownAtLine = undefined;
    // One briefing's ids all start with its URI: sent without it.
    const prefix = this.context.events.scope === 'workspace' ? '' : events.length > 0 ? `${events[0].source}#` : this.#prefix;
    const replace = this.#stale || prefix !== this.#prefix;
    this.#prefix = prefix;
    const { changed, removed } = eventsChanged(replace ? [] : this.#sent, events);
    this.#sent = events;
    if (!replace && changed.length === 0 && removed.length === 0 && title === this.#title && total === this.#total) return undefined;
    this.#title = title;
    this.#total = total;
    this.#stale = false;
    this.postCount++;
    return {
      type: 'data',
      title,
      scope,
      replace,
      prefix,
      events: pictureEvents(changed, prefix),
      removed: removed.map((id) => id.slice(prefix.length)),
      total,
      selected: this.#selected,
    };
  }

  /** The cursor on an event selects its item (once per event: moving within it posts nothing). */
  #follow(document: vscode.TextDocument, line: number): void {
    if (!this.#page.visible || document.languageId !== BRIEFING_LANGUAGE) return;
    const source = document.uri.toString();
    if (this.#shownAtLine?.source !== source) {
      this.#shownAtLine = { source, index: new EventAtLine(this.#shown, (item) => (item.source === source ? item.event.range : undefined)) };
    }
    const item = this.#shownAtLine.index.at(line);
    if (!item || item.id === this.#selected) return;
    this.#selected = item.id;
    this.#page.post({ type: 'select', id: item.id });
  }

  /**
   * "Briefing: Set Timeline Window…": the window written as an event's date (`2023-11`, a range),
   * shown on the timeline (opened if it is not), and so kept to by the chart and the map.
   */
  async askWindow(): Promise<void> {
    const now = this.context.window.current;
    const written = await vscode.window.showInputBox({
      title: 'Timeline window',
      prompt: 'The time to show, written as an event date: 2023, 2023-11, 2023-11-13, or a range 2023-11-01..2023-12-15',
      value: now ? windowText(now, true) : '',
      validateInput: (text) => (parseWindow(text) ? undefined : 'Write a date as an event has it: 2023-11, 2023-11-13, or 2023-11-01..2023-12-15'),
    });
    const window = written === undefined ? undefined : parseWindow(written);
    if (!window) return;
    await this.show();
    this.setWindow(window);
  }

  /**
   * Shows a window on the timeline: now if its page is ready, else once it has drawn its data.
   * The chart and the map are told at once, beside the timeline, rather than when its page tells
   * the window back (a crossing of the extension host more, before they could filter).
   */
  setWindow(window: TimeWindow): void {
    this.#wantedWindow = window;
    if (this.#page.exports.isReady) this.#postWindow();
    this.context.window.set(window);
  }

  #postWindow(): void {
    const window = this.#wantedWindow;
    if (!window || !this.#page.visible) return;
    this.#wantedWindow = undefined;
    this.#page.post({ type: 'setWindow', ...window });
  }

  /** What a page sends: public, so that tests can send what a page would. */
  async receive(message: TimelineFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready': {
        // A page made with the data (`show`) has what it carried, whatever was posted to an
        // earlier load of it; another (restored after a reload) has nothing: it gets everything.
        const carried = this.#page.carriedBy(message.carried);
        this.#stale = carried === undefined;
        if (carried) {
          this.#sent = carried.sent;
          this.#prefix = carried.prefix;
          this.#title = carried.title;
          this.#total = carried.total;
          if (this.#selected && this.#selected !== carried.selected) this.#page.post({ type: 'select', id: this.#selected });
        }
        return this.#page.loaded(async () => {
          await this.#update();
          this.#postWindow();
        });
      }
      case 'open': {
        const item = this.#shown.find(({ id }) => id === message.id);
        if (!item) return;
        this.#selected = item.id;
        const uri = vscode.Uri.parse(item.source, true);
        return showLine(await vscode.workspace.openTextDocument(uri), item.event.range.start.line, { viewColumn: columnBeside(this.#page.panel, uri), preserveFocus: true });
      }
      case 'lane':
        if (typeof message.id === 'string' && message.id && !(await this.context.actors.selectNamed(message.id)))
          void vscode.window.showInformationMessage(`"${message.id}" is not in the Actors view.`);
        return;
      case 'window':
        if (typeof message.start !== 'number' || typeof message.end !== 'number') return;
        // The window it was given, told back (Set Timeline Window…): the others have it already.
        if (message.start === this.window?.start && message.end === this.window?.end) return;
        this.context.window.set({ start: message.start, end: message.end });
        return;
      case 'exported':
        this.#page.exports.answer(message.request, message.data);
    }
  }

  /** Asks the webview to draw the picture as it shows it; undefined when it could not (or the panel closed). */
  draw(format: PictureFormat, style: PictureStyle): Promise<string | undefined> {
    return this.#page.exports.ask((request) => this.#page.post({ type: 'export', request, format, style }));
  }

  dispose(): void {
    this.#disposables.forEach((disposable) => disposable.dispose());
  }
}
