import * as vscode from 'vscode';
import { ACTOR_ORDERS, mentionCount, type ActorOrder, type BriefingStore } from '../core';
import type { ActorsNode, ActorsView } from './actorsView';

const ORDER_LABELS: Record<ActorOrder, { label: string; detail: string }> = {
  definition: { label: 'As defined', detail: "The front matter's actors, then its places, then the registries' entities the briefing mentions" },
  name: { label: 'By name', detail: 'Alphabetical, ignoring case and accents' },
  mentions: { label: 'By mentions', detail: 'Most mentioned first' },
};

/**
 * "Find All Mentions" of an actor or place: the References view (VS Code's Find All References)
 * from its `name:` in the front matter, or from its first mention for a registry's entity (the
 * registry is YAML, where the briefing's references are not served). Peek if that view is off.
 * Returns where the search starts (for tests), or nothing when the briefing never mentions it.
 */
async function findMentions(store: BriefingStore, node: ActorsNode | undefined): Promise<vscode.Position | undefined> {
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

/** The commands of the Actors view. */
export function registerActorsCommands(view: ActorsView, store: BriefingStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('briefing.actors.sortBy', async (order?: ActorOrder) => {
      const chosen =
        order && ACTOR_ORDERS.includes(order)
          ? order
          : (
              await vscode.window.showQuickPick(
                ACTOR_ORDERS.map((value) => ({ ...ORDER_LABELS[value], value, picked: value === view.order, description: value === view.order ? 'current' : undefined })),
                { title: 'Sort Actors' },
              )
            )?.value;
      if (chosen) view.setOrder(chosen);
    }),
    vscode.commands.registerCommand('briefing.actors.findMentions', (node?: ActorsNode) => findMentions(store, node ?? view.treeView.selection[0])),
  );
}
