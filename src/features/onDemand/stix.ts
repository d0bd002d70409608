import * as vscode from 'vscode';
import { errorMessage, importStix, stixBundle, stixToJson, type BriefingStore, type CountryNames, type StixSource } from '../../core';
import { BRIEFING_LANGUAGE } from '../selector';
import type { WorkspaceIndex } from '../workspaceIndex';
import { fileBytes } from './fileBytes';
import { saveAs } from './saveAs';

/** What the STIX commands read: the models, the workspace's briefings, and the countries (once read). */
export interface StixContext {
  readonly store: BriefingStore;
  readonly index: WorkspaceIndex;
  readonly countries: () => CountryNames | undefined;
}

const TITLE = 'Export as STIX 2.1 Bundle';
/** More reports than this open as files in a folder the user picks, rather than as new editors. */
const MOST_EDITORS = 10;

/** How a briefing is named in its report's id: its path in the workspace, as the command line names it there. */
const fileName = (uri: vscode.Uri) => (uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, false));

/** The active briefing, or every briefing of the workspace, as one bundle written through a save dialog. */
export async function exportStixBundle(context: StixContext, target: vscode.Uri | undefined, scope: 'briefing' | 'workspace' | undefined): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const activeBriefing = active?.languageId === BRIEFING_LANGUAGE ? active : undefined;
  let chosen = scope;
  if (!chosen) {
    if (!activeBriefing) chosen = 'workspace';
    else if (!vscode.workspace.workspaceFolders?.length) chosen = 'briefing';
    else {
      const picked = await vscode.window.showQuickPick(
        [
          { label: `$(file) ${activeBriefing.uri.path.split('/').pop()}`, description: 'the active briefing', scope: 'briefing' as const },
          { label: '$(files) Every briefing of the workspace', description: 'one bundle: an entity named alike in two briefings is one object', scope: 'workspace' as const },
        ],
        { title: TITLE, placeHolder: 'What to export' },
      );
      if (!picked) return undefined;
      chosen = picked.scope;
    }
  }
  let sources: StixSource[];
  if (chosen === 'briefing') {
    if (!activeBriefing) {
      void vscode.window.showInformationMessage(`${TITLE}: open a briefing (.briefing file) first, or export every briefing of the workspace.`);
      return undefined;
    }
    sources = [{ file: fileName(activeBriefing.uri), text: activeBriefing.getText(), briefing: context.store.get(activeBriefing) }];
  } else {
    // The workspace's files (with their unsaved edits), not untitled editors nor other schemes' documents.
    const uris = (await context.index.summaries()).map(({ uri }) => uri).filter((uri) => vscode.workspace.getWorkspaceFolder(uri) !== undefined);
    sources = await readWhole(uris, context);
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(`${TITLE}: there is no briefing in this workspace.`);
      return undefined;
    }
  }
  const bundle = () => stixToJson(stixBundle(sources, { countries: context.countries() }));
  if (target) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(bundle()));
    return target;
  }
  const base = chosen === 'briefing' ? (sources[0].file.split('/').pop() ?? 'briefing').replace(/\.briefing$/, '') : 'briefings';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return saveAs(TITLE, folder && vscode.Uri.joinPath(folder, `${base}.stix.json`), { 'STIX 2.1 bundle': ['json'] }, async () => bundle());
}

/**
 * Each briefing read whole, text and model: an open one from its editor (unsaved edits included),
 * the others from disk (the index keeps only their summaries); one deleted meanwhile is left out.
 */
async function readWhole(uris: readonly vscode.Uri[], context: StixContext): Promise<StixSource[]> {
  const sources: StixSource[] = [];
  for (const uri of uris) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    try {
      const text = open ? open.getText() : new TextDecoder().decode(await fileBytes(uri));
      sources.push({ file: fileName(uri), text, briefing: open ? context.store.get(open) : context.index.parse(text) });
    } catch {
      // Deleted since it was indexed.
    }
  }
  return sources;
}

/**
 * A briefing from each report of a bundle: new, unsaved editors (or, for many reports, files in a
 * folder the user picks, never over one that exists). A file that is not a bundle is told.
 */
export async function importStixBundle(context: StixContext, bundle: vscode.Uri | undefined): Promise<readonly vscode.TextDocument[] | undefined> {
  const title = 'New Briefing from STIX Bundle';
  const source = bundle ?? (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { 'STIX 2.1 bundle': ['json'] }, openLabel: 'Import' }))?.[0];
  if (!source) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    void vscode.window.showErrorMessage(`${title}: ${source.path.split('/').pop()} could not be read (${errorMessage(error)}).`);
    return undefined;
  }
  const imported = importStix(text, context.countries());
  if (!imported.ok) {
    void vscode.window.showErrorMessage(`${title}: ${source.path.split('/').pop()}: ${imported.message}.`);
    return undefined;
  }
  const { briefings } = imported;
  if (briefings.length > MOST_EDITORS) {
    const folder = (
      await vscode.window.showOpenDialog({
        title: `${title}: ${briefings.length} reports, a briefing each: choose a folder for them`,
        canSelectFolders: true,
        canSelectFiles: false,
        openLabel: 'Import Here',
      })
    )?.[0];
    if (!folder) return undefined;
    let written = 0;
    for (const briefing of briefings) {
      const target = vscode.Uri.joinPath(folder, briefing.fileName);
      try {
        await vscode.workspace.fs.stat(target);
        continue; // never over an existing file
      } catch {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(briefing.text));
        written++;
      }
    }
    const skipped = briefings.length - written;
    void vscode.window.showInformationMessage(`${title}: ${written} briefings written${skipped ? `; ${skipped} left out, a file of that name being there already` : ''}.`);
    return [];
  }
  const documents: vscode.TextDocument[] = [];
  for (const briefing of briefings) {
    const document = await vscode.workspace.openTextDocument({ language: BRIEFING_LANGUAGE, content: briefing.text });
    await vscode.window.showTextDocument(document, { preview: false });
    documents.push(document);
  }
  return documents;
}
