import * as vscode from 'vscode';

/**
 * What a tree view sends VS Code after an edit: every row when the rows themselves changed (one
 * added, removed, moved), else only the rows whose text changed, else nothing. The Events and
 * Actors views both refresh this way; their counts let the tests see which of the three happened.
 */
export class TreeRows<Node> implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<Node | Node[] | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  /** How many refreshes after edits sent nothing, the rows showing the same. */
  unchangedCount = 0;
  /** How many refreshes after edits sent only the rows that changed. */
  rowsSentCount = 0;

  /** Every row is asked for again (ids keep what is expanded). */
  sendAll(): void {
    this.#changed.fire(undefined);
  }

  /** The same rows as before: only `changed` are asked for again. */
  sendChanged(changed: Node[]): void {
    if (changed.length === 0) this.unchangedCount++;
    else {
      this.rowsSentCount++;
      this.#changed.fire(changed);
    }
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
