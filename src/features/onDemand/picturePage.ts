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
export class PicturePage<To, From, Carried = never> implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  /** What the page was made with (`show`). */
  #carried: Carried | undefined;
  /** The last opening asked for (`show`). */
  #opening = 0;
  readonly exports = new PictureExports();

  constructor(private readonly kind: PicturePageKind<From>) {}

  get panel(): vscode.WebviewPanel | undefined {
    return this.#panel;
  }

  get visible(): boolean {
    return this.#panel?.visible === true;
  }

  /**
   * Opens the panel beside the editor, or shows it. A new page is made with the messages that
   * `first` makes of what `read` gives, when they are small enough (each load of the page starts
   * from them: VS Code loads a page again when it is shown again); a small picture then draws
   * without waiting for a trip to the extension and back, where a large one's page would be
   * slower to make than the trip, and asks as before. `carried` is what the panel is to take the
   * page to have once it says it drew them (`carriedBy`). An opening asked again meanwhile leaves
   * the panel to the later one.
   */
  async show<T>(read: () => Promise<T>, first: (data: T) => { readonly messages: readonly To[]; readonly carried: Carried }): Promise<void> {
    if (this.#revealed()) return;
    const opening = ++this.#opening;
    const data = await read();
    if (opening !== this.#opening || this.#revealed()) return;
    const { messages, carried } = first(data);
    const json = JSON.stringify(messages);
    const fits = json.length <= MOST_CARRIED_CHARACTERS;
    this.adopt(vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {}), fits ? json : '');
    this.#carried = fits ? carried : undefined;
  }

  /** Shows the panel, if there is one; whether there was. */
  #revealed(): boolean {
    this.#panel?.reveal(undefined, true);
    return this.#panel !== undefined;
  }

  /** What the page was made with (`show`), when it says it drew it (its "ready"); else undefined. */
  carriedBy(drew: boolean | undefined): Carried | undefined {
    return drew ? this.#carried : undefined;
  }

  /** Takes a panel: a new one, or one VS Code restores after a reload (the page restores its own choices); its page carries the messages of `messagesJson` (see `show`). */
  adopt(panel: vscode.WebviewPanel, messagesJson = ''): void {
    const { kind } = this;
    this.#carried = undefined;
    this.#panel?.dispose();
    this.#panel = panel;
    kind.forget();
    this.exports.loading();
    // The extension's own folder only: the bundle and its stylesheet (VS Code's webview rules).
    panel.webview.options = { enableScripts: true, localResourceRoots: [kind.extensionUri] };
    panel.webview.html = pictureHtml(panel.webview, kind.extensionUri, kind.bundle, kind.title, messagesJson);
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
