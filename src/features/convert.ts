import * as vscode from 'vscode';
import type { TextRange } from '../core';

/** A core range as a VS Code range. */
export function toRange(range: Pick<TextRange, 'start' | 'end'>): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The URI of an entity's definition: its registry, or the briefing itself. */
export function definitionUri(source: string | undefined, briefingUri: vscode.Uri): vscode.Uri {
  return source === undefined ? briefingUri : vscode.Uri.parse(source);
}

/** Core text edits of one document, added to a workspace edit (a new one unless given). */
export function withEdits(uri: vscode.Uri, edits: readonly { readonly range: TextRange; readonly newText: string }[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
  return edit;
}
