import * as vscode from 'vscode';
import { errorMessage, productOf, type BriefingStore, type ChartFormat, type PictureStyle, type Product } from '../../core';
import type * as Publish from '../../publish';
import { showLine } from '../revealLine';
import { runOwnBundle } from '../runBundle';
import { BRIEFING_LANGUAGE } from '../selector';
import { besideBriefing, saveAs } from './saveAs';

declare const WEB_EXTENSION_HOST: boolean;

export type PublishFormat = 'docx' | 'html';

/** What a "Publish as…" command may be given instead of its dialogs: by a keybinding or a test. */
export interface PublishArguments {
  /** Where to write, instead of the save dialog. */
  readonly target?: vscode.Uri;
  /** Publish an under-marked briefing under the banner that covers it, instead of asking. */
  readonly force?: boolean;
}

const FORMATS = {
  docx: { title: 'Publish as Word Document', extension: 'docx', filter: 'Word document' },
  html: { title: 'Publish as Printable Page', extension: 'html', filter: 'Web page' },
} as const;

/** A picture that may be open, as the commands hold it (its panel, once it has opened). */
export interface OpenablePicture {
  readonly current:
    { readonly panel: vscode.WebviewPanel | undefined; show(): Promise<void>; draw(format: ChartFormat, style: PictureStyle): Promise<string | undefined> } | undefined;
}

/** The pictures, by the names of their commands (`briefing.<name>.show`), in the order of the figures. */
export interface PublishPictures {
  readonly timeline: OpenablePicture;
  readonly linkChart: OpenablePicture;
  readonly map: OpenablePicture;
}

/** Which pictures are figures (the setting `briefing.publish.figures`). */
type FiguresSetting = 'open' | 'all' | 'none';

let writers: Promise<typeof Publish> | undefined;

/** The product's writers, a bundle of their own (dist/publish.js), read at the first publish. */
function loadWriters(extensionUri: vscode.Uri): Promise<typeof Publish> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, read at run time
  writers ??= WEB_EXTENSION_HOST ? (runOwnBundle(extensionUri, 'dist', 'publish.js') as Promise<typeof Publish>) : Promise.resolve(require('./publish.js') as typeof Publish);
  return writers.catch((error: unknown) => {
    writers = undefined;
    throw error;
  });
}

/**
 * "Publish as Word Document…" and "…as Printable Page…": the active briefing as `briefing
 * publish` writes it, through a save dialog beside it. An under-marked briefing is not published
 * unless the user, told why and where, publishes it under the banner that covers it.
 */
export async function publishActive(
  store: BriefingStore,
  extensionUri: vscode.Uri,
  pictures: PublishPictures,
  format: PublishFormat,
  given?: PublishArguments,
): Promise<vscode.Uri | undefined> {
  const { title, extension, filter } = FORMATS[format];
  // A menu passes the editor's file instead: only these arguments count.
  const args = { target: given?.target instanceof vscode.Uri ? given.target : undefined, force: given?.force === true };
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== BRIEFING_LANGUAGE) {
    void vscode.window.showInformationMessage(`${title}: open a briefing (.briefing file) first: this command publishes the active briefing.`);
    return undefined;
  }
  const settings = vscode.workspace.getConfiguration('briefing.publish', document.uri);
  const boldFirstMentions = settings.get<boolean>('boldFirstMentions', false);
  const briefing = store.get(document);
  let outcome = productOf(briefing, { boldFirstMentions });
  if ('refused' in outcome) {
    const [first] = outcome.refused;
    const raise = `Publish as ${outcome.covering}`;
    const choice = args.force
      ? raise
      : await vscode.window.showErrorMessage(`${title}: not published: ${first.message} (line ${first.range.start.line + 1}).`, { modal: false }, 'Go to Line', raise);
    if (choice === 'Go to Line') await showLine(document, first.range.start.line);
    if (choice !== raise) return undefined;
    outcome = productOf(briefing, { boldFirstMentions, force: true });
    if ('refused' in outcome) return undefined;
  }
  const { product } = outcome;
  const write = async (): Promise<Uint8Array | string | undefined> => {
    try {
      const publish = await loadWriters(extensionUri);
      const figures = await drawFigures(pictures, settings.get<FiguresSetting>('figures', 'open'), title);
      return format === 'docx' ? await publish.productDocx(product, figures) : publish.productHtml(product, figures);
    } catch (error) {
      void vscode.window.showErrorMessage(`${title}: the product could not be written (${errorMessage(error)}).`);
      return undefined;
    }
  };
  if (args.target) {
    const made = await write();
    if (made === undefined) return undefined;
    await vscode.workspace.fs.writeFile(args.target, typeof made === 'string' ? new TextEncoder().encode(made) : made);
    return args.target;
  }
  return saveAs(title, defaultTarget(document.uri, product, extension), { [filter]: [extension] }, write);
}

/**
 * The pictures open beside the briefing (a picture follows the active briefing), or all three
 * (each opened if it is not), each drawn by its page in the light print style as SVG and as PNG.
 * One in a tab behind another is shown first: VS Code discards a hidden page, and the page drawn
 * again has its data before it draws.
 */
async function drawFigures(pictures: PublishPictures, which: FiguresSetting, title: string): Promise<Publish.Figure[]> {
  const figures: Publish.Figure[] = [];
  if (which === 'none') return figures;
  for (const [name, picture] of Object.entries(pictures) as [string, OpenablePicture][]) {
    if (!picture.current?.panel && which === 'all') await vscode.commands.executeCommand(`briefing.${name}.show`);
    const panel = picture.current;
    if (!panel?.panel) continue;
    if (!panel.panel.visible) await panel.show();
    const [svg, png] = [await panel.draw('svg', 'print'), await panel.draw('png', 'print')];
    if (svg === undefined || png === undefined) {
      void vscode.window.showWarningMessage(`${title}: the ${panel.panel.title} could not be drawn, and is left out.`);
      continue;
    }
    figures.push({ caption: panel.panel.title, svg, png: Uint8Array.from(atob(png), (char) => char.charCodeAt(0)) });
  }
  return figures;
}

/** Beside the briefing and named after it (`kim-putin.docx`); an untitled one in the first folder, named after its title. */
function defaultTarget(source: vscode.Uri, product: Product, extension: string): vscode.Uri | undefined {
  if (source.scheme !== 'untitled') return besideBriefing(source, extension);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name =
    product.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'briefing';
  return folder && vscode.Uri.joinPath(folder, `${name}.${extension}`);
}
