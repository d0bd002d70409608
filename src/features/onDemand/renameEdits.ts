import * as vscode from 'vscode';
import { renameDefinitionEdit, renameEditsInBriefing, renameEditsInRegistry, renameProblem, renameSourceEdits, symbolAt, type BriefingStore, type TextEdit } from '../../core';
import { withEdits } from '../convert';
import type { RegistryWatcher } from '../registryWatcher';
import type { WorkspaceIndex } from '../workspaceIndex';

/** The edits of a rename (see rename.ts): in the briefing, or in a registry and every briefing that uses its entity. */
export async function renameEdits(
  { store, index, registries }: { readonly store: BriefingStore; readonly index: WorkspaceIndex; readonly registries: RegistryWatcher },
  document: vscode.TextDocument,
  position: vscode.Position,
  newName: string,
  token: vscode.CancellationToken,
): Promise<vscode.WorkspaceEdit | undefined> {
  const model = store.get(document);
  const found = symbolAt(model, document.offsetAt(position));
  if (!found) throw new Error('Rename works on an actor or place, and on a source label.');
  if (found.kind === 'source') {
    const edits = renameSourceEdits(model, found.id, newName);
    if ('problem' in edits) throw new Error(edits.problem);
    return withEdits(document.uri, edits);
  }
  const problem = renameProblem(newName);
  if (problem) throw new Error(problem);
  const { entity } = found;
  const name = newName.trim();
  const edit = new vscode.WorkspaceEdit();
  const add = (uri: vscode.Uri, edits: readonly TextEdit[]) => withEdits(uri, edits, edit);

  if (entity.definition.source === undefined) {
    add(document.uri, [renameDefinitionEdit(document.getText(), entity, name), ...renameEditsInBriefing(model, entity.name, name)]);
    return edit;
  }
  // Every file edited is opened as a document and its edits computed from that text: VS Code
  // then ties the edit to those document versions, and refuses it ("changed in the meantime")
  // if a file changes before the edit is applied, rather than applying it at stale offsets.
  const registry = await vscode.workspace.openTextDocument(vscode.Uri.parse(entity.definition.source));
  add(registry.uri, [renameDefinitionEdit(registry.getText(), entity, name)]);
  // The registries' relations that name it.
  for (const other of registries.registries) {
    if (!other.entities.some((draft) => draft.relations.some((relation) => relation.to === entity.name))) continue;
    const file = other.source === entity.definition.source ? registry : await vscode.workspace.openTextDocument(vscode.Uri.parse(other.source));
    add(file.uri, renameEditsInRegistry(other, file.getText(), entity.name, name));
  }
  const usesEntity = (briefing: { readonly entities: readonly { readonly name: string; readonly definition: { readonly source: string | undefined } }[] }) =>
    briefing.entities.some((candidate) => candidate.name === entity.name && candidate.definition.source === entity.definition.source);
  for (const { uri, summary: indexed } of await index.summaries(token)) {
    if (token.isCancellationRequested) return undefined;
    // The index tells which briefings may use the entity; the open document tells where.
    if (!usesEntity(indexed)) continue;
    const current = store.get(await vscode.workspace.openTextDocument(uri));
    if (usesEntity(current)) add(uri, renameEditsInBriefing(current, entity.name, name));
  }
  return edit;
}
