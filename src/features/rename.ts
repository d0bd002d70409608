import * as vscode from 'vscode';
import {
  labelIdRange,
  renameDefinitionEdit,
  renameEditsInBriefing,
  renameEditsInRegistry,
  renameProblem,
  renameSourceEdits,
  symbolAt,
  type Briefing,
  type BriefingStore,
  type TextEdit,
} from '../core';
import { toRange, withEdits } from './convert';
import { BRIEFING_SELECTOR } from './selector';
import type { RegistryWatcher } from './registryWatcher';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Renames an actor or place: its `name:` value, every mention and every relation's `to:` written
 * with that name. An entity of the briefing is renamed in that briefing; an entity of a workspace
 * registry is renamed in the registry, in the registries' relations and in every briefing that uses it. Aliases are left alone. A source
 * label (`S2` → `S4`) is renamed in its entry and every citation of it.
 */
export function registerRename(store: BriefingStore, index: WorkspaceIndex, registries: RegistryWatcher): vscode.Disposable {
  return vscode.languages.registerRenameProvider(BRIEFING_SELECTOR, {
    prepareRename(document, position) {
      const model = store.get(document);
      const found = symbolAt(model, document.offsetAt(position));
      if (!found) throw new Error('Rename works on an actor or place (a mention, or the name: of an entry) and on a source label ([S1]).');
      if (found.kind === 'source') {
        // On an entry, the label alone, without its brackets.
        const range = found.isDeclaration && found.source ? labelIdRange(model, found.source) : found.range;
        return { range: toRange(range), placeholder: found.id };
      }
      const range = toRange(found.range);
      const text = document.getText(range);
      // Inside quotes, the name alone is offered.
      const quoted = /^["'].*["']$/.test(text) && found.isDeclaration;
      return { range: quoted ? new vscode.Range(range.start.translate(0, 1), range.end.translate(0, -1)) : range, placeholder: found.entity.name };
    },
    async provideRenameEdits(document, position, newName, token) {
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
      const usesEntity = (briefing: Briefing) => briefing.entities.some((candidate) => candidate.name === entity.name && candidate.definition.source === entity.definition.source);
      for (const { uri, model: indexed } of await index.briefings(token)) {
        if (token.isCancellationRequested) return undefined;
        // The index tells which briefings may use the entity; the open document tells where.
        if (!usesEntity(indexed)) continue;
        const current = store.get(await vscode.workspace.openTextDocument(uri));
        if (usesEntity(current)) add(uri, renameEditsInBriefing(current, entity.name, name));
      }
      return edit;
    },
  });
}
