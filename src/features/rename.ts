import * as vscode from 'vscode';
import { type BriefingStore } from '../core';
import { entityAt } from '../core/lookup';
import { renameDefinitionEdit, renameEditsInBriefing, renameProblem } from '../core/rename';
import { toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';
import type { WorkspaceIndex } from './workspaceIndex';

const decoder = new TextDecoder('utf-8');

/**
 * Renames an actor or place: its `name:` value and every mention written with that name. An
 * entity of the briefing is renamed in that briefing; an entity of a workspace registry is
 * renamed in the registry and in every briefing that uses it. Aliases are left alone.
 */
export function registerRename(store: BriefingStore, index: WorkspaceIndex): vscode.Disposable {
  return vscode.languages.registerRenameProvider(BRIEFING_SELECTOR, {
    prepareRename(document, position) {
      const found = entityAt(store.get(document), document.offsetAt(position));
      if (!found) throw new Error('Rename works on an actor or place: put the cursor on a mention or on the name: of an entry.');
      const range = toRange(found.range);
      const text = document.getText(range);
      // Inside quotes, the name alone is offered.
      const quoted = /^["'].*["']$/.test(text) && found.isDeclaration;
      return { range: quoted ? new vscode.Range(range.start.translate(0, 1), range.end.translate(0, -1)) : range, placeholder: found.entity.name };
    },
    async provideRenameEdits(document, position, newName, token) {
      const model = store.get(document);
      const found = entityAt(model, document.offsetAt(position));
      if (!found) throw new Error('Rename works on an actor or place.');
      const problem = renameProblem(newName);
      if (problem) throw new Error(problem);
      const { entity } = found;
      const name = newName.trim();
      const edit = new vscode.WorkspaceEdit();
      const add = (uri: vscode.Uri, edits: { range: import('../core').TextRange; newText: string }[]) => {
        for (const change of edits) edit.replace(uri, toRange(change.range), change.newText);
      };

      if (entity.definition.source === undefined) {
        add(document.uri, [renameDefinitionEdit(document.getText(), entity, name), ...renameEditsInBriefing(model, entity.name, name)]);
        return edit;
      }
      const registryUri = vscode.Uri.parse(entity.definition.source);
      const openRegistry = vscode.workspace.textDocuments.find((open) => open.uri.toString() === registryUri.toString());
      const registryText = openRegistry ? openRegistry.getText() : decoder.decode(await vscode.workspace.fs.readFile(registryUri));
      add(registryUri, [renameDefinitionEdit(registryText, entity, name)]);
      for (const { uri, model: other } of await index.briefings(token)) {
        const same = other.entities.find((candidate) => candidate.name === entity.name && candidate.definition.source === entity.definition.source);
        if (same) add(uri, renameEditsInBriefing(other, entity.name, name));
      }
      return edit;
    },
  });
}
