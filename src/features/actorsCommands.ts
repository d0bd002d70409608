import * as vscode from 'vscode';
import { ACTOR_ORDERS, type ActorOrder } from '../core/lookup';
import type { ActorsView } from './actorsView';

const ORDER_LABELS: Record<ActorOrder, { label: string; detail: string }> = {
  definition: { label: 'As defined', detail: 'The front matter\'s actors, then its places, then the registries\' entities the briefing mentions' },
  name: { label: 'By name', detail: 'Alphabetical, ignoring case and accents' },
  mentions: { label: 'By mentions', detail: 'Most mentioned first' },
};

/** The commands of the Actors view. */
export function registerActorsCommands(view: ActorsView): vscode.Disposable {
  return vscode.commands.registerCommand('briefing.actors.sortBy', async (order?: ActorOrder) => {
    const chosen = order && ACTOR_ORDERS.includes(order)
      ? order
      : (await vscode.window.showQuickPick(ACTOR_ORDERS.map((value) => ({ ...ORDER_LABELS[value], value, picked: value === view.order, description: value === view.order ? 'current' : undefined })), { title: 'Sort Actors' }))?.value;
    if (chosen) view.setOrder(chosen);
  });
}
