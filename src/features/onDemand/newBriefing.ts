import * as vscode from 'vscode';
import { BRIEFING_LANGUAGE } from '../selector';

/**
 * "Briefing: New Briefing" (also in File > New File…): an untitled briefing from the "New
 * briefing" snippet, read from the extension's snippets file when asked for: one template for
 * the snippet and the command, and none of it in a bundle.
 */
export async function newBriefing(extensionUri: vscode.Uri): Promise<void> {
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'briefing.json'))));
  const document = await vscode.workspace.openTextDocument({ language: BRIEFING_LANGUAGE, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippets['New briefing'].body.join('\n')), new vscode.Position(0, 0));
}
