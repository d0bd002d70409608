import * as vscode from 'vscode';

/** How long after the last keystroke a view follows an edit. */
export const REFRESH_DELAY_MS = 300;

/**
 * When a tree view shows new data: at once, or after a burst of edits; never while hidden
 * (a hidden view does no work), but as soon as it shows again.
 */
export class ViewRefresher implements vscode.Disposable {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A refresh was deferred while the view was hidden. */
  #deferred = false;
  readonly #visibility: vscode.Disposable;
  readonly #view: vscode.TreeView<unknown>;
  readonly #invalidate: () => void;
  readonly #show: () => void;

  /**
   * @param invalidate forgets the data, so that the next request builds it anew (whether shown or not)
   * @param show tells VS Code to ask for the items again
   */
  constructor(view: vscode.TreeView<unknown>, invalidate: () => void, show: () => void) {
    this.#view = view;
    this.#invalidate = invalidate;
    this.#show = show;
    this.#visibility = view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.#deferred) this.now();
    });
  }

  /** Whether a refresh waits for the view to show. */
  get waitingToShow(): boolean {
    return this.#deferred;
  }

  now(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#invalidate();
    this.#deferred = !this.#view.visible;
    if (!this.#deferred) this.#show();
  }

  /** After the last of a burst of edits. */
  later(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.now(), REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#visibility.dispose();
  }
}
