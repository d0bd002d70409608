import * as vscode from 'vscode';
import { BRIEFING_LANGUAGE } from './selector';

/**
 * The briefing the views show: the active editor's when it is a briefing, else the last
 * briefing that was active while it stays open (so that focusing the Output panel or a JSON
 * view does not empty the tree).
 */
export class ActiveBriefing implements vscode.Disposable {
  #current: vscode.TextDocument | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  /** Fires when the briefing shown changes (another one, or none). */
  readonly onDidChange = this.#changed.event;

  constructor() {
    this.#update(vscode.window.activeTextEditor);
    this.#disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.#update(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.#current) this.#set(this.#fallback());
      }),
      vscode.workspace.onDidOpenTextDocument(() => {
        if (!this.#current) this.#update(vscode.window.activeTextEditor);
      }),
    );
    void vscode.commands.executeCommand('setContext', 'briefing.hasActiveBriefing', this.#current !== undefined);
  }

  get document(): vscode.TextDocument | undefined {
    return this.#current && !this.#current.isClosed ? this.#current : undefined;
  }

  #update(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId === BRIEFING_LANGUAGE) this.#set(editor.document);
    else if (!this.document) this.#set(this.#fallback());
  }

  /** A visible briefing editor, if any. */
  #fallback(): vscode.TextDocument | undefined {
    return vscode.window.visibleTextEditors.find((editor) => editor.document.languageId === BRIEFING_LANGUAGE && !editor.document.isClosed)?.document;
  }

  #set(document: vscode.TextDocument | undefined): void {
    if (document === this.#current) return;
    this.#current = document;
    void vscode.commands.executeCommand('setContext', 'briefing.hasActiveBriefing', document !== undefined);
    this.#changed.fire();
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
