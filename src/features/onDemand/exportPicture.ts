import * as vscode from 'vscode';
import type { ChartFormat, PictureStyle } from '../../core';
import { besideBriefing, saveAs } from './saveAs';

const STYLES: (vscode.QuickPickItem & { style: PictureStyle })[] = [
  { label: "The theme's colours", style: 'theme' },
  { label: 'Light print style', style: 'print' },
];

/** A picture's panel, as an export sees it: shown, then asked to draw. */
export interface DrawnPicture {
  show(): Promise<void>;
  draw(format: ChartFormat, style: PictureStyle): Promise<string | undefined>;
}

/**
 * Exports a picture as its panel shows it: a style (not for JSON, which is data), a file through
 * a save dialog, beside the briefing and named after it (`kim-putin.timeline.svg`), then the
 * page draws it.
 */
export async function exportPicture(picture: DrawnPicture, name: string, suffix: string, format: ChartFormat): Promise<vscode.Uri | undefined> {
  // Shown: a hidden page is discarded, and only a page can draw the picture.
  await picture.show();
  const title = `Export ${name} as ${format.toUpperCase()}`;
  const style = format === 'json' ? 'theme' : (await vscode.window.showQuickPick(STYLES, { title }))?.style;
  if (!style) return undefined;
  const document = vscode.window.visibleTextEditors[0]?.document;
  const defaultUri = document && document.uri.scheme !== 'untitled' ? besideBriefing(document.uri, `${suffix}.${format}`) : undefined;
  return saveAs(title, defaultUri, { [format.toUpperCase()]: [format] }, async () => {
    const data = await picture.draw(format, style);
    if (data === undefined) void vscode.window.showErrorMessage(`${title}: the ${name.toLowerCase()} could not be drawn. Show it, then export again.`);
    return format !== 'png' || data === undefined ? data : Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  });
}
