import * as vscode from 'vscode';
import { labelIdRange, symbolAt, type BriefingStore } from '../core';
import { toRange } from './convert';
import type { OnDemandCode } from './loadOnDemand';
import { BRIEFING_SELECTOR } from './selector';
import type { RegistryWatcher } from './registryWatcher';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Renames an actor or place: its `name:` value, every mention and every relation's `to:` written
 * with that name. An entity of the briefing is renamed in that briefing; an entity of a workspace
 * registry is renamed in the registry, in the registries' relations and in every briefing that uses it. Aliases are left alone. A source
 * label (`S2` → `S4`) is renamed in its entry and every citation of it. The edits are made by
 * the on-demand code (onDemand/renameEdits.ts), read at the first rename.
 */
export function registerRename(store: BriefingStore, index: WorkspaceIndex, registries: RegistryWatcher, onDemand: OnDemandCode): vscode.Disposable {
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
      const code = await onDemand.load();
      return code?.renameEdits({ store, index, registries }, document, position, newName, token);
    },
  });
}
