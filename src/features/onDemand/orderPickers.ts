import * as vscode from 'vscode';
import { ACTOR_ORDERS, EVENT_GROUPINGS, EVENT_ORDERS, type ActorOrder, type EventGrouping, type EventOrder } from '../../core';

const GROUPING_LABELS: Record<EventGrouping, string> = {
  none: 'No grouping',
  month: 'By month',
  actor: 'By actor',
  place: 'By place',
  tag: 'By tag',
  section: 'By section',
};
const EVENT_ORDER_LABELS: Record<EventOrder, string> = { chronological: 'Chronological', document: 'Document order' };
const ACTOR_ORDER_LABELS: Record<ActorOrder, { label: string; detail: string }> = {
  definition: { label: 'As defined', detail: "The front matter's actors, then its places, then the registries' entities the briefing mentions" },
  name: { label: 'By name', detail: 'Alphabetical, ignoring case and accents' },
  mentions: { label: 'By mentions', detail: 'Most mentioned first' },
};

/** "Group Events": the groupings, the current one picked. */
export async function pickEventGrouping(current: EventGrouping): Promise<EventGrouping | undefined> {
  const items = EVENT_GROUPINGS.map((value) => ({ label: GROUPING_LABELS[value], value, picked: value === current }));
  return (await vscode.window.showQuickPick(items, { title: 'Group Events' }))?.value;
}

/** "Sort Events". */
export async function pickEventOrder(): Promise<EventOrder | undefined> {
  return (
    await vscode.window.showQuickPick(
      EVENT_ORDERS.map((value) => ({ label: EVENT_ORDER_LABELS[value], value })),
      { title: 'Sort Events' },
    )
  )?.value;
}

/** "Sort Actors": the orders, the current one marked. */
export async function pickActorOrder(current: ActorOrder): Promise<ActorOrder | undefined> {
  const items = ACTOR_ORDERS.map((value) => ({ ...ACTOR_ORDER_LABELS[value], value, picked: value === current, description: value === current ? 'current' : undefined }));
  return (await vscode.window.showQuickPick(items, { title: 'Sort Actors' }))?.value;
}
