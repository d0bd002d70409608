import * as vscode from 'vscode';
import { REVEAL_COMMAND } from './commandLinks';

/** Whether a command's argument is a 0-based line. */
export const isLine = (line: unknown): line is number => typeof line === 'number' && Number.isInteger(line) && line >= 0;

/** Shows a document with a 0-based line selected (the last line if it has fewer); focused, unless a picture asks to keep it. */
export async function showLine(document: vscode.TextDocument, line: number, options: vscode.TextDocumentShowOptions = {}): Promise<void> {
  const lineRange = document.lineAt(Math.min(line, document.lineCount - 1)).range;
  await vscode.window.showTextDocument(document, { preserveFocus: false, ...options, selection: lineRange });
}

/** `briefing.revealLine(uri, line)`: opens a document and selects a 0-based line. The only command hover cards may run. */
export function registerRevealLine(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: unknown, line: unknown) => {
    if (typeof uri !== 'string' || !isLine(line)) return;
    await showLine(await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true)), line);
  });
}
