import * as vscode from 'vscode';
import {
  completionContext,
  CREDIBILITY,
  entityCompletions,
  gradeMeaning,
  RELIABILITY,
  keyCompletions,
  plainText,
  relationTypesOf,
  tagsOf,
  TYPE_VALUES,
  type BriefingStore,
  type Entity,
} from '../../core';
import type { RegistryWatcher } from '../registryWatcher';
import type { WorkspaceIndex } from '../workspaceIndex';

function kindOf(entity: Entity): vscode.CompletionItemKind {
  if (entity.kind === 'place') return vscode.CompletionItemKind.Module;
  return entity.type === 'person' || entity.type === undefined ? vscode.CompletionItemKind.User : vscode.CompletionItemKind.Class;
}

function detailOf(entity: Entity): string {
  const facts = entity.kind === 'actor' ? [entity.role, entity.affiliation] : [entity.country];
  return plainText(facts.filter(Boolean).join(' · ') || (entity.kind === 'actor' ? 'actor' : 'place'), 80);
}

/**
 * The entity an item names. Its detail and documentation are made when VS Code shows the item
 * (`resolveCompletionItem`): made for each of a long briefing's thousands of names, and sent with
 * them, they held up the extension host at every word typed.
 */
const entityOfItem = new WeakMap<vscode.CompletionItem, Entity>();

/** Gives an entity's item its detail (role, affiliation or country) and documentation (its summary, plain text). */
export function resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
  const entity = entityOfItem.get(item);
  if (entity) {
    item.detail = detailOf(entity);
    if (entity.summary) item.documentation = plainText(entity.summary, 500);
  }
  return item;
}

/**
 * What completion offers at a position: names and aliases in the body (as you type) and in a
 * relation's `to:`, front-matter keys, `type` values, the relation types used in the workspace,
 * the workspace's tags after `#`, and the listed sources in a citation (`[S`). Documentation is
 * plain text, never Markdown from the file.
 */
export async function completionItems(
  store: BriefingStore,
  index: WorkspaceIndex,
  registries: RegistryWatcher,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.CompletionItem[] | undefined> {
  const model = store.get(document);
  const offset = document.offsetAt(position);
  const context = completionContext(model, offset, registries.registries);
  if (context.kind === 'none') return undefined;
  const range = new vscode.Range(document.positionAt(context.prefixStart), position);
  switch (context.kind) {
    case 'entity':
    case 'relationTarget': {
      const typed = document.getText(range);
      const wordStartOnly = vscode.workspace.getConfiguration('editor.suggest', document).get<boolean>('matchOnWordStartOnly', true);
      return entityCompletions(model, registries.registries, typed, wordStartOnly).map(({ label, entity, isAlias }) => {
        const item = new vscode.CompletionItem({ label, description: isAlias ? `alias of ${plainText(entity.name, 60)}` : undefined }, kindOf(entity));
        item.range = range;
        item.sortText = `${isAlias ? 1 : 0}${label}`;
        entityOfItem.set(item, entity);
        return item;
      });
    }
    case 'tag': {
      const briefings = await index.summaries(token);
      return tagsOf([model, ...briefings.map((entry) => entry.summary)]).map((tag) => {
        const item = new vscode.CompletionItem(tag, vscode.CompletionItemKind.Keyword);
        item.range = range;
        item.detail = 'tag';
        return item;
      });
    }
    case 'source':
      return model.sources.map((source, order) => {
        const item = new vscode.CompletionItem(source.id, vscode.CompletionItemKind.Reference);
        item.detail = plainText(source.text, 80);
        item.documentation = plainText(source.text, 500);
        item.range = range;
        item.sortText = String(order).padStart(6, '0');
        return item;
      });
    case 'grade': {
      // The closing bracket too, unless it is there.
      const closed = document.getText(new vscode.Range(position, position.translate(0, 1))) === ')';
      return Object.keys(RELIABILITY).flatMap((reliability) =>
        Object.keys(CREDIBILITY).map((credibility) => {
          const grade = `${reliability}${credibility}`;
          const item = new vscode.CompletionItem({ label: grade, description: gradeMeaning(grade) }, vscode.CompletionItemKind.EnumMember);
          item.insertText = closed ? grade : `${grade})`;
          item.range = range;
          item.detail = 'Admiralty grade: reliability of the source, credibility of what it says';
          return item;
        }),
      );
    }
    case 'topLevelKey':
    case 'entryKey':
    case 'relationKey':
      return keyCompletions(context.kind).map((key) => {
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
        item.insertText = `${key}: `;
        item.range = range;
        return item;
      });
    case 'relationType': {
      const briefings = await index.summaries(token);
      return relationTypesOf([model, ...briefings.map((entry) => entry.summary)], registries.registries).map((value) => {
        const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.Value);
        item.range = range;
        item.detail = 'relation type used in the workspace';
        return item;
      });
    }
    case 'entityType':
      return TYPE_VALUES.map((value) => {
        const item = new vscode.CompletionItem(value, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        return item;
      });
  }
}
