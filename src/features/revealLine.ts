import * as vscode from 'vscode';
import { REVEAL_COMMAND } from '../core/hover';

/** `briefing.revealLine(uri, line)`: opens a document and selects a 0-based line. The only command hover cards may run. */
export function registerRevealLine(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: unknown, line: unknown) => {
    if (typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return;
    const target = vscode.Uri.parse(uri, true);
    const document = await vscode.workspace.openTextDocument(target);
    const lineRange = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    await vscode.window.showTextDocument(document, { selection: lineRange, preserveFocus: false });
  });
}
