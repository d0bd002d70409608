import * as vscode from 'vscode';
import { entityAt, eventLabel, LINK_CHART_VIEW_TYPE, linkGraph, type Briefing, type BriefingStore, type LinkChartFromWebview, type LinkChartToWebview } from '../../core';
import type { ActiveBriefing } from '../activeBriefing';
import type { ActorsView } from '../actorsView';
import { definitionUri, toRange } from '../convert';
import { columnBeside } from '../pictureColumn';
import { pictureHtml } from '../pictureHtml';
import { BRIEFING_LANGUAGE } from '../selector';

/** About 300 ms after the last keystroke, as the other views. */
const FOLLOW_EDITS_MS = 300;

/** What the chart needs from the rest of the extension. */
export interface LinkChartContext {
  readonly extensionUri: vscode.Uri;
  readonly store: BriefingStore;
  readonly active: ActiveBriefing;
  readonly actors: ActorsView;
}

/**
 * The link chart: a webview panel beside the editor drawing the active briefing's actors and
 * places, their relations and the events they share (`linkGraph`, from the cached model). It
 * follows edits and the active briefing, posts nothing while hidden (a hidden page is discarded:
 * it asks again when shown), and selects the entity under the editor's cursor.
 */
export class LinkChartPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The JSON of the last data posted: an edit that changes no node or edge posts nothing. */
  #sent = '';
  #selected: string | undefined;
  #model: Briefing | undefined;
  #document: vscode.TextDocument | undefined;
  readonly #disposables: vscode.Disposable[];
  /** How many times data was posted, and how many times the graph was made (for tests: an edit that changes no tie posts nothing). */
  postCount = 0;
  updateCount = 0;

  constructor(private readonly context: LinkChartContext) {
    this.#disposables = [
      context.active.onDidChange(() => this.#later(0)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => document === context.active.document && this.#later(FOLLOW_EDITS_MS)),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => this.#follow(textEditor.document, textEditor.document.offsetAt(selections[0].active))),
      { dispose: () => clearTimeout(this.#timer) },
    ];
  }

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  /** Opens the panel beside the editor, or shows it. */
  show(): void {
    if (this.#panel) return this.#panel.reveal(undefined, true);
    this.adopt(vscode.window.createWebviewPanel(LINK_CHART_VIEW_TYPE, 'Link Chart', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {}));
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.#panel?.dispose();
    this.#panel = panel;
    this.#sent = '';
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.context.extensionUri] };
    panel.webview.html = pictureHtml(panel.webview, this.context.extensionUri, 'linkChart', 'Link Chart');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: LinkChartFromWebview) => this.receive(message)),
      // A hidden page is discarded: shown again, it loads and asks for everything ("ready").
      panel.onDidChangeViewState(() => panel.visible || (this.#sent = '')),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      if (this.#panel === panel) this.#panel = undefined;
    });
  }

  #later(delay: number): void {
    if (!this.#panel) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#update(), delay);
  }

  /** Posts the active briefing's graph, unless the page has it already or is hidden. */
  #update(): void {
    const panel = this.#panel;
    if (!panel?.visible) return;
    const document = this.context.active.document;
    const model = document && this.context.store.get(document);
    this.#document = document;
    this.#model = model;
    const graph = model ? linkGraph(model) : { nodes: [], edges: [] };
    this.updateCount++;
    const title = document ? (document.uri.path.split('/').pop() ?? '') : 'no briefing';
    const events: Record<number, string> = {};
    for (const event of model?.events ?? []) if (event.actors.length + event.places.length > 1) events[event.range.start.line + 1] = eventLabel(event, 80);
    const message: LinkChartToWebview = { type: 'data', title, graph, events, selected: this.#selected };
    const json = JSON.stringify(message);
    if (json === this.#sent) return;
    this.#sent = json;
    this.postCount++;
    void panel.webview.postMessage(message);
  }

  /** The entity under the cursor selects its node (once: moving within it posts nothing). */
  #follow(document: vscode.TextDocument, offset: number): void {
    if (!this.#panel?.visible || document.languageId !== BRIEFING_LANGUAGE || document !== this.context.active.document) return;
    const id = entityAt(this.context.store.get(document), offset)?.entity.id;
    if (!id || id === this.#selected) return;
    this.#selected = id;
    void this.#panel.webview.postMessage({ type: 'select', id } satisfies LinkChartToWebview);
  }

  /** What a page sends: public, so that tests can send what a page would. */
  async receive(message: LinkChartFromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.#sent = '';
        return this.#update();
      case 'open': {
        const entity = this.#model?.entities.find(({ id }) => id === message.id);
        const document = this.#document;
        if (!entity || !document) return;
        this.#selected = entity.id;
        // The Actors view and the editor at once: the view's reveal may first open its container.
        void this.context.actors.selectNamed(entity.name);
        // Its entry in the briefing; a registry's entity where the briefing first speaks of it (else in its registry).
        const atEntry = entity.definition.source === undefined || entity.mentions.length === 0;
        const uri = atEntry ? definitionUri(entity.definition.source, document.uri) : document.uri;
        const selection = toRange(atEntry ? entity.definition.nameRange : entity.mentions[0].range);
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: columnBeside(this.#panel, uri), preserveFocus: true, selection });
        return;
      }
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
