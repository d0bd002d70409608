import * as vscode from 'vscode';
import { 'New briefing' as newBriefingSnippet } from '../../snippets/briefing.json';
import { BRIEFING_LANGUAGE } from './selector';

/** The "New briefing" snippet's body: one template for the snippet and the command. */
export const NEW_BRIEFING_TEMPLATE = newBriefingSnippet.body.join('\n');

/** "Briefing: New Briefing" (also in File > New File…): an untitled briefing from the template. */
export function registerNewBriefing(): vscode.Disposable {
  return vscode.commands.registerCommand('briefing.newBriefing', async () => {
    const document = await vscode.workspace.openTextDocument({ language: BRIEFING_LANGUAGE, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(NEW_BRIEFING_TEMPLATE), new vscode.Position(0, 0));
  });
}
