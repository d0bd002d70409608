import * as vscode from 'vscode';
import type { Briefing, BriefingStore } from '../../core';
import { BRIEFING_LANGUAGE } from '../selector';
import { REFRESH_DELAY_MS } from '../refreshDelay';

/**
 * Calls `follow` with a briefing editor whose cursor moved and the model of its text as it is,
 * without parsing on every keystroke: while the text has no model yet (the user is typing, and
 * the cursor moves with each key), it looks again after the pause in typing that the views wait
 * for, when the model is made anyway. Parsing a long briefing at each move made typing wait.
 */
export class CursorModel implements vscode.Disposable {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #selections: vscode.Disposable;

  constructor(
    private readonly store: BriefingStore,
    private readonly follow: (editor: vscode.TextEditor, model: Briefing) => void,
  ) {
    this.#selections = vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.moved(textEditor));
  }

  /** The cursor of `editor` moved (or the caller wants it followed now). */
  moved(editor: vscode.TextEditor): void {
    const { document } = editor;
    if (document.languageId !== BRIEFING_LANGUAGE) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const model = this.store.peek(document.uri.toString(), document.version);
    if (model) {
      this.follow(editor, model);
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!document.isClosed) this.follow(editor, this.store.get(document));
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#selections.dispose();
  }
}
