import * as vscode from 'vscode';
import { errorMessage } from '../../core';

/** A file beside a briefing, named after it: `kim-putin.briefing` → `kim-putin.<ending>`. */
export const besideBriefing = (briefing: vscode.Uri, ending: string): vscode.Uri => briefing.with({ path: briefing.path.replace(/(\.briefing)?$/, `.${ending}`) });

/**
 * Asks where to save with a save dialog, then makes the content and writes it; says what went
 * wrong (no dialog here, nothing to write, a write refused) rather than failing silently.
 * Returns the file written.
 */
export async function saveAs(
  title: string,
  defaultUri: vscode.Uri | undefined,
  filters: Record<string, string[]>,
  content: () => Promise<Uint8Array | string | undefined>,
): Promise<vscode.Uri | undefined> {
  let target: vscode.Uri | undefined;
  try {
    target = await vscode.window.showSaveDialog({ title, defaultUri, filters });
  } catch (error) {
    void vscode.window.showErrorMessage(`${title}: no save dialog is available here (${errorMessage(error)}).`);
    return undefined;
  }
  if (!target) return undefined;
  const made = await content();
  if (made === undefined) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, typeof made === 'string' ? new TextEncoder().encode(made) : made);
    void vscode.window.showInformationMessage(`${title}: saved ${target.path.split('/').pop()}.`);
    return target;
  } catch (error) {
    void vscode.window.showErrorMessage(`${title}: ${target.toString()} could not be written: ${errorMessage(error)}`);
    return undefined;
  }
}
