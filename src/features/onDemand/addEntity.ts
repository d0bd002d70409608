import * as vscode from 'vscode';
import { entityCalled, ENTITY_TYPES, newEntryEdit, type BriefingStore, type EntityKind, type NewEntry } from '../../core';
import type { ActiveBriefing } from '../activeBriefing';
import { toRange } from '../convert';
import { BRIEFING_LANGUAGE } from '../selector';

/** What the commands may be given: a name to start from ("Register 'X' as an actor"), and the briefing. */
export interface AddEntityArguments {
  readonly name?: string;
  readonly uri?: string;
}

/** The briefing to add to: the one named, else the active editor's, else the one the views show. */
async function targetDocument(active: ActiveBriefing, args: AddEntityArguments | undefined): Promise<vscode.TextDocument | undefined> {
  if (args?.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === BRIEFING_LANGUAGE ? editor.document : active.document;
}

/**
 * "Add Actor…" and "Add Place…": quick inputs for the entry's fields (a name, then for an actor
 * its type, role, affiliation and aliases, for a place its country and aliases), then the entry
 * written into the front matter as one edit (one undo step). Escape at any step writes nothing.
 */
export async function addEntity(store: BriefingStore, active: ActiveBriefing, kind: EntityKind, args: AddEntityArguments | undefined): Promise<boolean> {
  const document = await targetDocument(active, args);
  if (!document) {
    void vscode.window.showInformationMessage(`Open a briefing to add ${kind === 'actor' ? 'an actor' : 'a place'} to.`);
    return false;
  }
  const entry = await askEntry(kind, args?.name, (name) => {
    const owner = entityCalled(store.get(document), name);
    return owner ? `'${name}' is already ${owner.name === name ? 'the name' : 'an alias'} of ${owner.name}.` : undefined;
  });
  if (!entry) return false;
  // The briefing may have changed while the inputs were open: the edit is made on its text now.
  const edit = newEntryEdit(store.get(document), kind, entry);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.insert(document.uri, toRange(edit.range).start, edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(`${entry.name} could not be added: the briefing could not be edited.`);
    return false;
  }
  // Show the new entry, its name selected.
  const nameAt = document.getText().indexOf(entry.name.trim(), document.offsetAt(toRange(edit.range).start));
  if (nameAt >= 0) {
    const start = document.positionAt(nameAt);
    const selection = new vscode.Selection(start, document.positionAt(nameAt + entry.name.trim().length));
    await vscode.window.showTextDocument(document, { selection, preserveFocus: false });
  }
  return true;
}

/** The steps of the inputs; undefined when one is cancelled. */
async function askEntry(kind: EntityKind, name: string | undefined, taken: (name: string) => string | undefined): Promise<NewEntry | undefined> {
  const noun = kind === 'actor' ? 'Actor' : 'Place';
  const total = kind === 'actor' ? 5 : 3;
  const title = (step: number) => `Add ${noun} (${step}/${total})`;
  const text = (step: number, prompt: string, placeHolder: string, value?: string, validate?: (value: string) => string | undefined) =>
    vscode.window.showInputBox({ title: title(step), prompt, placeHolder, value, ignoreFocusOut: true, validateInput: validate });

  const chosenName = await text(1, `The ${kind}'s name, as the briefing writes it`, kind === 'actor' ? 'Kim Jong Un' : 'Singapore', name?.trim(), (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return 'A name is needed.';
    if (/[\r\n]/.test(value)) return 'A name is one line.';
    return taken(trimmed);
  });
  if (chosenName === undefined) return undefined;
  if (kind === 'place') {
    const country = await text(2, 'Its country (Enter to leave it out)', 'Singapore');
    if (country === undefined) return undefined;
    const aliases = await text(3, 'Other names the briefing uses for it, separated by commas (Enter for none)', 'Lion City, Sentosa');
    if (aliases === undefined) return undefined;
    return { name: chosenName, country, aliases: splitAliases(aliases) };
  }
  const typeItems = [...ENTITY_TYPES.map((type) => ({ label: type, type })), { label: 'Leave the type out', type: '' }];
  const picked = await vscode.window.showQuickPick(typeItems, { title: title(2), placeHolder: 'Its type', ignoreFocusOut: true });
  if (picked === undefined) return undefined;
  const role = await text(3, 'Its role (Enter to leave it out)', 'Chairman of the State Affairs Commission');
  if (role === undefined) return undefined;
  const affiliation = await text(4, 'Its affiliation (Enter to leave it out)', 'North Korea');
  if (affiliation === undefined) return undefined;
  const aliases = await text(5, 'Other names the briefing uses for it, separated by commas (Enter for none)', 'Kim, Chairman Kim');
  if (aliases === undefined) return undefined;
  return { name: chosenName, type: picked.type, role, affiliation, aliases: splitAliases(aliases) };
}

const splitAliases = (text: string) =>
  text
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean);
