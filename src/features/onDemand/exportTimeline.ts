import * as vscode from 'vscode';
import type { PictureFormat, PictureStyle } from '../../core';
import type { TimelinePanel } from '../timelinePanel';
import { saveAs } from './saveAs';

const STYLES: (vscode.QuickPickItem & { style: PictureStyle })[] = [
  { label: "The theme's colours", style: 'theme' },
  { label: 'Light print style', style: 'print' },
];

/** Exports the picture as the panel shows it: a style, a file through a save dialog, then the webview draws it. */
export async function exportTimeline(panel: TimelinePanel, format: PictureFormat): Promise<vscode.Uri | undefined> {
  // Shown: a hidden page is discarded, and only a page can draw the picture.
  panel.show();
  const title = `Export Timeline as ${format.toUpperCase()}`;
  const style = (await vscode.window.showQuickPick(STYLES, { title }))?.style;
  if (!style) return undefined;
  // Beside the briefing, named after it.
  const document = vscode.window.visibleTextEditors[0]?.document;
  const defaultUri = document && document.uri.scheme !== 'untitled' ? document.uri.with({ path: document.uri.path.replace(/(\.briefing)?$/, `.timeline.${format}`) }) : undefined;
  return saveAs(title, defaultUri, { [format.toUpperCase()]: [format] }, async () => {
    const data = await panel.draw(format, style);
    if (data === undefined) void vscode.window.showErrorMessage(`${title}: the timeline could not be drawn. Show it, then export again.`);
    return format === 'svg' || data === undefined ? data : Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  });
}
