import * as vscode from 'vscode';
import { BRIEFING_LANGUAGE } from '../selector';

/** "Briefing: Show Model as JSON": opens the active briefing's model document (showModel.ts provides it) beside it. */
export async function showModel(modelUri: (source: vscode.Uri) => vscode.Uri): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== BRIEFING_LANGUAGE) {
    void vscode.window.showInformationMessage('Open a briefing (.briefing file) first: this command shows the model of the active briefing.');
    return;
  }
  const model = await vscode.workspace.openTextDocument(modelUri(document.uri));
  await vscode.languages.setTextDocumentLanguage(model, 'json');
  await vscode.window.showTextDocument(model, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}
