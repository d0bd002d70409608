import * as vscode from 'vscode';
import { mentionCount, type BriefingStore } from '../../core';
import type { ActorsNode } from '../actorsView';

/**
 * "Find All Mentions" of an actor or place: the References view (VS Code's Find All References)
 * from its `name:` in the front matter, or from its first mention for a registry's entity (the
 * registry is YAML, where the briefing's references are not served). Peek if that view is off.
 * Returns where the search starts (for tests), or nothing when the briefing never mentions it.
 */
export async function findMentions(store: BriefingStore, node: ActorsNode | undefined): Promise<vscode.Position | undefined> {
  if (node?.type !== 'entity') return undefined;
  const document = await vscode.workspace.openTextDocument(node.uri);
  const model = store.get(document);
  const entity = model.entities.find((other) => other.id === node.entity.id);
  if (!entity || mentionCount(model, entity) === 0) {
    void vscode.window.showInformationMessage(`${node.entity.name} is not mentioned in this briefing.`);
    return undefined;
  }
  const { start } = entity.definition.source === undefined ? entity.definition.nameRange : entity.mentions[0].range;
  const at = new vscode.Position(start.line, start.character);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
  try {
    await vscode.commands.executeCommand('references-view.findReferences');
  } catch {
    await vscode.commands.executeCommand('editor.action.goToReferences');
  }
  return at;
}
