import * as vscode from 'vscode';
import { REFRESH_DELAY_MS } from './refreshDelay';

/**
 * When a tree view shows new data: at once, or after a burst of edits; never while hidden
 * (a hidden view does no work), but as soon as it shows again. `show` learns whether only
 * edits asked for it: then the view may find that nothing it shows changed, and send nothing.
 */
export class ViewRefresher implements vscode.Disposable {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A refresh was deferred while the view was hidden. */
  #deferred = false;
  /** Whether the refresh pending while hidden was asked for by edits only. */
  #deferredAfterEdits = true;
  readonly #visibility: vscode.Disposable;
  readonly #view: vscode.TreeView<unknown>;
  readonly #invalidate: () => void;
  readonly #show: (afterEdits: boolean) => void;

  /**
   * @param invalidate forgets the data, so that the next request builds it anew (whether shown or not)
   * @param show tells VS Code to ask for the items again (unless, after edits only, they are the same)
   */
  constructor(view: vscode.TreeView<unknown>, invalidate: () => void, show: (afterEdits: boolean) => void) {
    this.#view = view;
    this.#invalidate = invalidate;
    this.#show = show;
    this.#visibility = view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.#deferred) this.#run(this.#deferredAfterEdits);
    });
  }

  /** Whether a refresh waits for the view to show. */
  get waitingToShow(): boolean {
    return this.#deferred;
  }

  /** At once: the scope, order, filter or briefing changed, or the user asked. */
  now(): void {
    this.#run(false);
  }

  /** After the last of a burst of edits. */
  later(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#run(true), REFRESH_DELAY_MS);
  }

  #run(afterEdits: boolean): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#invalidate();
    // Deferred while hidden, a refresh is after edits only if every request since was.
    const onlyEdits = afterEdits && (!this.#deferred || this.#deferredAfterEdits);
    this.#deferred = !this.#view.visible;
    this.#deferredAfterEdits = onlyEdits;
    if (!this.#deferred) this.#show(onlyEdits);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#visibility.dispose();
  }
}
