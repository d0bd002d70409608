import * as vscode from 'vscode';
import { errorMessage } from '../../core';

const SAMPLE_PATH = ['samples', 'vladivostok-summit.briefing'];

/**
 * "Briefing: Open Sample Briefing": the sample shipped with the extension. It opens read-only
 * (for this session) because it is the extension's own file; Save As keeps an editable copy.
 */
export async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const uri = vscode.Uri.joinPath(extensionUri, ...SAMPLE_PATH);
  try {
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  } catch (error) {
    void vscode.window.showErrorMessage(`The sample briefing could not be opened: ${errorMessage(error)}`);
  }
}
