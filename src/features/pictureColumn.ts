import * as vscode from 'vscode';

/**
 * Where a picture shows a document it was clicked in: the editor that already shows it, else a
 * column beside the picture, never the picture's own (the picture keeps its place and the focus).
 */
export function columnBeside(panel: vscode.WebviewPanel | undefined, uri: vscode.Uri): vscode.ViewColumn {
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  return shown?.viewColumn ?? (panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
}
