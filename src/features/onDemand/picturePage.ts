import * as vscode from 'vscode';
import { PictureExports } from '../pictureExports';
import { pictureHtml } from '../pictureHtml';

/** The most of a page's first messages (as JSON) that its HTML carries. */
const MOST_CARRIED_CHARACTERS = 64 * 1024;

/** What tells one picture's page from another's, and what its panel does as the page comes and goes. */
export interface PicturePageKind<From> {
  readonly extensionUri: vscode.Uri;
  readonly viewType: string;
  /** The tab's title. */
  readonly title: string;
  /** Its bundle under dist/webview/ (`timeline`, `linkChart`, `map`). */
  readonly bundle: string;
  receive(message: From): unknown;
  /** The page has nothing: it was just made, or hidden (VS Code discards a hidden page). */
  forget(): void;
  /** The panel was closed. */
  closed?(): void;
}

/**
 * A picture's webview panel and its page's life: made beside the editor or adopted after a
 * reload, its page (own bundle, strict policy) loaded again whenever it is shown (a hidden page
 * is discarded: no retained context), and its exports waiting for the page meanwhile.
 */
export class PicturePage<To, From> implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  readonly exports = new PictureExports();

  constructor(private readonly kind: PicturePageKind<From>) {}

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  get visible(): boolean {
    return this.#panel?.visible === true;
  }

  /** Opens the panel beside the editor, or shows it. */
  show(): void {
    if (this.#panel) return this.#panel.reveal(undefined, true);
    this.adopt(this.#create());
  }

  /**
   * Opens the panel beside the editor, its page made with `first`, the messages it starts from
   * (each load of it starts from them: VS Code loads a page again when it is shown again), when
   * they are small enough; whether they were. A small picture then draws without waiting for a
   * trip to the extension and back; a large one's page would be slower to make than the trip.
   */
  open(first: readonly To[]): boolean {
    const json = JSON.stringify(first);
    const carried = json.length <= MOST_CARRIED_CHARACTERS;
    this.adopt(this.#create(), carried ? json : '');
    return carried;
  }

  #create(): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload (the page restores its own choices); its page carries `carried` (see `open`). */
  adopt(panel: vscode.WebviewPanel, carried = ''): void {
    const { kind } = this;
    this.#panel?.dispose();
    this.#panel = panel;
    kind.forget();
    this.exports.loading();
    // The extension's own folder only: the bundle and its stylesheet (VS Code's webview rules).
    panel.webview.options = { enableScripts: true, localResourceRoots: [kind.extensionUri] };
    panel.webview.html = pictureHtml(panel.webview, kind.extensionUri, kind.bundle, kind.title, carried);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: From) => kind.receive(message)),
      // Shown again, the page loads and asks for everything ("ready"); an export waits for it.
      panel.onDidChangeViewState(() => {
        if (panel.visible) return;
        kind.forget();
        this.exports.loading();
      }),
    ];
    panel.onDidDispose(() => {
      subscriptions.forEach((subscription) => subscription.dispose());
      if (this.#panel !== panel) return;
      this.#panel = undefined;
      this.exports.cancelAll();
      kind.closed?.();
    });
  }

  /**
   * The page has loaded and asked for its data: `send` gives it, and only then are the exports
   * waiting for the page asked of it (else it would draw before it has its data).
   */
  async loaded(send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } finally {
      this.exports.ready();
    }
  }

  post(message: To): void {
    void this.#panel?.webview.postMessage(message);
  }

  dispose(): void {
    this.#panel?.dispose();
  }
}
