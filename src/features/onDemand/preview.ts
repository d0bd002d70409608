import * as vscode from 'vscode';
import { errorMessage } from '../../core';
import { BRIEFING_LANGUAGE } from '../selector';

/** VS Code's built-in Markdown extension: its preview renders briefings, which are Markdown. */
export const MARKDOWN_EXTENSION_ID = 'vscode.markdown-language-features';

/** What opening a preview needs from VS Code, passed in so that tests can stand in for it. */
export interface PreviewHost {
  markdownAvailable(): boolean;
  execute(command: string, uri: vscode.Uri): Thenable<unknown>;
  tell(message: string, action?: { title: string; run(): void }): void;
}

const vscodeHost: PreviewHost = {
  markdownAvailable: () => vscode.extensions.getExtension(MARKDOWN_EXTENSION_ID) !== undefined,
  execute: (command, uri) => vscode.commands.executeCommand(command, uri),
  tell(message, action) {
    void vscode.window.showErrorMessage(message, ...(action ? [action.title] : [])).then((chosen) => {
      if (chosen !== undefined) action?.run();
    });
  },
};

export const PREVIEW_UNAVAILABLE =
  "Briefings are previewed by VS Code's built-in Markdown preview, and its extension (Markdown Language Features) is disabled. Enable it to preview briefings.";

/**
 * Opens VS Code's Markdown preview of a briefing: `target` (from the explorer or the editor title),
 * else the active editor's briefing. Says why when it cannot, instead of doing nothing.
 */
export async function openPreview(markdownCommand: string, target: unknown, host: PreviewHost = vscodeHost): Promise<boolean> {
  const uri = target instanceof vscode.Uri ? target : activeBriefingUri();
  if (!uri) {
    host.tell('Open a briefing (.briefing file) first: this command previews the active briefing.');
    return false;
  }
  if (!host.markdownAvailable()) {
    host.tell(PREVIEW_UNAVAILABLE, {
      title: 'Show Built-in Extensions',
      run: () => void vscode.commands.executeCommand('workbench.extensions.search', '@builtin markdown').then(undefined, () => undefined),
    });
    return false;
  }
  try {
    await host.execute(markdownCommand, uri);
    return true;
  } catch (error) {
    host.tell(`The preview could not be opened: ${errorMessage(error)}`);
    return false;
  }
}

function activeBriefingUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === BRIEFING_LANGUAGE ? document.uri : undefined;
}
