import * as vscode from 'vscode';
import { settings } from './settings';

/**
 * Briefings above `briefing.maxFileSize` step down: the costly per-keystroke features (actor
 * and place colours, live diagnostics) are off for them, while the grammar, the Events and
 * Actors views, hovers and navigation stay; the workspace index skips such files. The user is
 * told once per file, without a modal dialog.
 */
export class LargeFiles implements vscode.Disposable {
  readonly #noticed = new Set<string>();
  readonly #limit: () => number;

  constructor(limit: () => number = settings.maxFileSize) {
    this.#limit = limit;
  }

  /** Whether the document is over the limit (and tells the user once if so). */
  isLarge(document: vscode.TextDocument): boolean {
    // The length without copying the text: this runs on every colour and diagnostics request.
    const size = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    if (size <= this.#limit()) return false;
    const key = document.uri.toString();
    if (!this.#noticed.has(key)) {
      this.#noticed.add(key);
      const megabytes = (size / 1048576).toFixed(1);
      const limit = (this.#limit() / 1048576).toFixed(0);
      void vscode.window
        .showInformationMessage(
          `${document.uri.path.split('/').pop()} is ${megabytes} MB, over briefing.maxFileSize (${limit} MB): actor and place colours and live diagnostics are off for it. The grammar, the Events view and hovers stay.`,
          'Open Settings',
        )
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'briefing.maxFileSize');
        });
    }
    return true;
  }

  /** The files told about, for tests. */
  get notices(): readonly string[] {
    return [...this.#noticed];
  }

  dispose(): void {
    this.#noticed.clear();
  }
}
