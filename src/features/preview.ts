import * as vscode from 'vscode';
import type { OnDemandCode } from './loadOnDemand';

/**
 * "Briefing: Open Preview" (Ctrl+Shift+V) and "Open Preview to the Side" (Ctrl+K V), the keys and
 * the editor-title button a Markdown user knows. VS Code binds them to Markdown documents only; a
 * briefing is Markdown, so its own preview renders it (front matter hidden, live as you type)
 * without us shipping a second Markdown renderer. (The steps are on-demand code: onDemand/preview.ts.)
 */
export function registerPreview(onDemand: OnDemandCode): vscode.Disposable {
  return vscode.Disposable.from(
    onDemand.command('briefing.showPreview', (code, target?: unknown) => code.openPreview('markdown.showPreview', target)),
    onDemand.command('briefing.showPreviewToSide', (code, target?: unknown) => code.openPreview('markdown.showPreviewToSide', target)),
  );
}
