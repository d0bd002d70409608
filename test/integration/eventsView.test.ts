import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActorsView } from '../../src/features/actorsView';
import type { EventsNode, EventsView } from '../../src/features/eventsView';
import { activateExtension, openSample, openWorkspaceFile, untitledBriefing, waitFor, workspaceFile } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;

async function labels(api: Api, node?: EventsNode): Promise<string[]> {
  const view = api.views.events;
  const children = await view.getChildren(node);
  return children.map((child) => String(view.getTreeItem(child).label));
}

suite('the Events view', () => {
  let api: Api;
  suiteSetup(async () => {
    api = await activateExtension();
    await api.ready;
    await vscode.commands.executeCommand('briefing.events.toggleScope', 'briefing');
    await vscode.commands.executeCommand('briefing.events.groupBy', 'none');
    await vscode.commands.executeCommand('briefing.events.sortBy', 'chronological');
    await vscode.commands.executeCommand('briefing.events.clearFilter');
  });
  teardown(async () => {
    await vscode.commands.executeCommand('briefing.events.toggleScope', 'briefing');
    await vscode.commands.executeCommand('briefing.events.groupBy', 'none');
    await vscode.commands.executeCommand('briefing.events.sortBy', 'chronological');
    await vscode.commands.executeCommand('briefing.events.clearFilter');
  });

  test("the sample's events, in chronological order, with actors, icons and commands", async () => {
    await openSample();
    const items = await waitFor('the sample in the tree', async () => {
      const found = await labels(api);
      return found.length === 5 ? found : undefined;
    });
    assert.deepEqual(
      items,
      [
        '~2023-11  Kim Jong Un and President Putin to discuss military technology cooperation, in particular artillery shells and anti-tank missiles, and supplying Moscow with weapons for the war in Ukraine',
        '~2023-11  North Korea seeks advanced technology for satellites and nuclear-powered submarines from Moscow in return',
        '2023-11-13  Kim Jong Un is reported set to travel to Russia to meet Vladimir Putin, choosing Russia over China for his first overseas journey since the COVID-19 pandemic',
        "2023-11-13  South Korea's foreign ministry says any discussions between Russia and North Korea must adhere to international sanctions",
        '2023-11-14..2023-11-30  Expected window for the meeting in Vladivostok between Kim Jong Un and Vladimir Putin, which the report of 2023-11-13 places "later this month"',
      ],
      'the whole text, not cut at the first comma',
    );
    const view = api.views.events;
    const [first] = await view.getChildren();
    const item = view.getTreeItem(first);
    assert.equal(item.description, 'Kim Jong Un, Vladimir Putin, Russia');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'question');
    assert.equal(item.command?.command, 'briefing.goToEvent');
    assert.equal(item.contextValue, 'briefingEvent');
    assert.equal(view.treeView.description, '5 events');
  });

  test('document order, grouping by actor, filtering', async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.events.sortBy', 'document');
    assert.match((await labels(api))[0], /^2023-11-13 {2}Kim Jong Un is reported/);
    await vscode.commands.executeCommand('briefing.events.groupBy', 'actor');
    const groups = await labels(api);
    assert.deepEqual(groups, ['China', 'Kim Jong Un', 'North Korea', 'Russia', 'South Korean foreign ministry', 'Vladimir Putin']);
    // Every event of the sample names an actor; not every one a place, whose events group last.
    await vscode.commands.executeCommand('briefing.events.groupBy', 'place');
    assert.deepEqual(await labels(api), ['Ukraine', 'Vladivostok', '(no place)']);
    await vscode.commands.executeCommand('briefing.events.filter', { tag: 'summit' });
    await vscode.commands.executeCommand('briefing.events.groupBy', 'none');
    assert.equal((await labels(api)).length, 3);
    assert.equal(api.views.events.treeView.description, '3 of 5 events · filter: #summit');
  });

  test('an edit adds, changes and removes items within the debounce', async () => {
    const editor = await untitledBriefing('# Events\n\n- 2023-01-01: first\n');
    await waitFor('the first event', async () => ((await labels(api)).join() === '2023-01-01  first' ? true : undefined));
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '- 2022-06: earlier\n'));
    await waitFor('the added event', async () => ((await labels(api)).join('|') === '2022-06  earlier|2023-01-01  first' ? true : undefined));
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 14, 2, 19), 'changed'));
    await waitFor('the changed event', async () => ((await labels(api)).join('|') === '2022-06  earlier|2023-01-01  changed' ? true : undefined));
    await editor.edit((edit) => edit.delete(new vscode.Range(2, 0, 3, 0)));
    await waitFor('the removed event', async () => ((await labels(api)).join('|') === '2022-06  earlier' ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a fence right after a list marker is a fence (CommonMark): the events and colours after it are all there', async () => {
    const body = ['- ```', '  Kim in code', '  ```', '- 2023-11-13: Kim arrives', 'and Kim stays', '<!-- Kim -->', '- 2023-11-14: Kim leaves'];
    const editor = await untitledBriefing(['---', 'actors: [Kim]', '---', ...body, ''].join('\n'));
    const document = editor.document;
    await waitFor('both events', async () => ((await labels(api)).join('|') === '2023-11-13  Kim arrives and Kim stays|2023-11-14  Kim leaves' ? true : undefined));
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    const coloured: string[] = [];
    for (let i = 0, line = 0, start = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
      coloured.push(`${line}:${start}`);
    }
    // The declaration, then the mentions after the fence: none in the code, none in the comment.
    assert.deepEqual(coloured, ['1:9', '6:14', '7:4', '9:14']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('switching editors switches the tree', async () => {
    await openWorkspaceFile('second.briefing');
    await waitFor('the second briefing', async () => ((await labels(api)).some((label) => label.includes('Sergei Lavrov visits')) ? true : undefined));
    await openSample();
    await waitFor('the sample again', async () => ((await labels(api)).length === 5 ? true : undefined));
  });

  test('workspace scope merges the briefings and drops a deleted one', async () => {
    const extra = workspaceFile('extra.briefing');
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('- 1999-12-31: the extra event\n'));
    await vscode.commands.executeCommand('briefing.events.toggleScope', 'workspace');
    const merged = await waitFor(
      'the merged chronology',
      async () => {
        const found = await labels(api);
        return found.some((label) => label.includes('the extra event')) ? found : undefined;
      },
      10_000,
    );
    assert.match(merged[0], /^1999-12-31 {2}extra · the extra event/, 'the oldest first, its file named before its text');
    assert.ok(merged.some((label) => label.includes('Sergei Lavrov visits')));
    assert.ok(merged.some((label) => label.includes('Kim Jong Un is reported')));
    const view = api.views.events;
    const first = view.getTreeItem((await view.getChildren())[0]);
    assert.equal(first.description, '', 'the description holds the actors (none here); the file is in the label');
    assert.equal(first.accessibilityInformation?.label, '1999-12-31: the extra event, in extra.briefing');
    await vscode.workspace.fs.delete(extra);
    await waitFor('the deleted briefing gone', async () => ((await labels(api)).some((label) => label.includes('the extra event')) ? undefined : true), 10_000);
  });

  test('a long workspace chronology: years of months, a month made when expanded, in order; the filter and the cursor reach it', async () => {
    const day = (i: number) => `${2019 + (i % 3)}-${String((Math.floor(i / 3) % 12) + 1).padStart(2, '0')}-${String((Math.floor(i / 36) % 28) + 1).padStart(2, '0')}`;
    const longText = (file: number) => Array.from({ length: 3000 }, (_, i) => `- ${day(i * 7 + file)}: long event ${file}-${i}${i % 10 === 0 ? ' #tenth' : ''}`).join('\n');
    const files = [workspaceFile('long-1.briefing'), workspaceFile('long-2.briefing')];
    await Promise.all(files.map((file, i) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${longText(i + 1)}\n`))));
    try {
      await vscode.commands.executeCommand('briefing.events.toggleScope', 'workspace');
      const view = api.views.events;
      const years = await waitFor(
        'the years of the long chronology',
        async () => {
          const roots = await view.getChildren();
          return roots.some((root) => root.type === 'year' && root.id === 'year:2021') ? roots : undefined;
        },
        20_000,
      );
      assert.ok(
        years.every((root) => root.type !== 'event'),
        'no event is made up front',
      );
      const yearItem = view.getTreeItem(years.find((root) => root.id === 'year:2020')!);
      assert.equal(yearItem.label, '2020');
      assert.equal(yearItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.equal(yearItem.description, '2000');
      const months = await view.getChildren(years.find((root) => root.id === 'year:2020'));
      assert.deepEqual(
        months.map((month) => view.getTreeItem(month).label),
        Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`),
      );
      assert.equal(view.getParent(months[0])?.id, 'year:2020');
      const events = await view.getChildren(months[10]);
      const dates = events.map((node) => (node.type === 'event' ? node.item.event.start.text : ''));
      assert.equal(dates.length, Number(view.getTreeItem(months[10]).description));
      assert.deepEqual(dates, [...dates].sort(), 'a month in chronological order');
      assert.ok(dates.every((date) => date.startsWith('2020-11')));
      assert.equal(view.getParent(events[0])?.id, months[10].id);
      assert.match(view.treeView.description ?? '', /^\d+ events in \d+ briefings/);

      view.setFilter({ tag: 'tenth' });
      const filtered = await waitFor(
        'the filter over the long chronology',
        async () => {
          const roots = await view.getChildren();
          return /^600 of \d+ events/.test(view.treeView.description ?? '') ? roots : undefined;
        },
        20_000,
      );
      const shown = await view.getChildren((await view.getChildren(filtered.find((root) => root.id === 'year:2019')))[0]);
      assert.ok(shown.length > 0 && shown.every((node) => node.type === 'event' && node.item.event.tags.includes('tenth')));
      view.setFilter(undefined);

      const document = await vscode.workspace.openTextDocument(files[0]);
      const node = await view.nodeAt(document, 1501);
      assert.ok(node?.type === 'event' && node.item.event.text === 'long event 1-1501');
      assert.equal(view.getParent(view.getParent(node)!)?.type, 'year');
      const all = await view.shownEvents();
      assert.equal(all.events.length, all.total, 'the whole ordered chronology, made when asked');
    } finally {
      await Promise.all(files.map((file) => vscode.workspace.fs.delete(file)));
    }
  });

  test('follow the cursor: moving onto an event line selects it in the tree', async () => {
    await vscode.commands.executeCommand('briefing.events.focus');
    const document = await openSample();
    const editor = await vscode.window.showTextDocument(document);
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text.startsWith('- 2023-11-14..2023-11-30'));
    editor.selection = new vscode.Selection(line + 1, 3, line + 1, 3); // on its continuation line
    const selected = await waitFor('the event selected in the tree', () => {
      const [node] = api.views.events.treeView.selection;
      return node?.type === 'event' && node.item.event.range.start.line === line ? node : undefined;
    });
    assert.ok(selected);
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the editor keeps the focus');
  });

  test('a hidden view does no work; it catches up when shown', async () => {
    const editor = await untitledBriefing('- 2023-01-01: first\n');
    await vscode.commands.executeCommand('briefing.events.focus');
    await waitFor('the view built', async () => ((await labels(api)).length === 1 ? true : undefined));
    await vscode.commands.executeCommand('workbench.view.explorer'); // the Briefings views are hidden now
    await waitFor('the view hidden', () => (api.views.events.treeView.visible ? undefined : true));
    const builds = api.views.events.buildCount;
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '- 2023-02-02: second\n'));
    await waitFor('the refresh deferred while hidden', () => (api.views.events.waitingToShow ? true : undefined));
    assert.equal(api.views.events.buildCount, builds, 'nothing was built while hidden');
    await vscode.commands.executeCommand('briefing.events.focus');
    await waitFor('the view caught up', async () => ((await labels(api)).length === 2 ? true : undefined));
    await waitFor('the deferred refresh done', () => (api.views.events.waitingToShow ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the Actors view: entities with mention counts, their events as children', async () => {
    await openSample();
    const view = api.views.actors;
    const roots = view.getChildren();
    const putin = roots.find((node) => node.type === 'entity' && node.entity.name === 'Vladimir Putin')!;
    const item = view.getTreeItem(putin);
    assert.equal(item.description, '6 mentions');
    assert.equal(item.command?.command, 'briefing.revealLine');
    assert.equal(view.getChildren(putin).length, 3);
    assert.equal(roots.length, 12, "the sample's own 12; the registry's entities join only when mentioned");
  });

  test("Find All Mentions of an actor: from its name in the front matter, or from its first mention for a registry's", async () => {
    const document = await openWorkspaceFile('second.briefing');
    const view = api.views.actors;
    const node = (name: string) => waitFor(name, () => view.getChildren().find((found) => found.type === 'entity' && found.entity.name === name));
    const at = async (name: string) => {
      const position = await vscode.commands.executeCommand<vscode.Position | undefined>('briefing.actors.findMentions', await node(name));
      assert.equal(vscode.window.activeTextEditor?.document, document);
      assert.deepEqual(vscode.window.activeTextEditor?.selection.active, position);
      return position && document.getText(new vscode.Range(position, position.translate(0, name.length)));
    };
    try {
      assert.equal(await at('Vladimir Putin'), 'Vladimir Putin', 'its name in the front matter');
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, 4);
      assert.equal(await at('Sergei Lavrov'), 'Sergei Lavrov', "a registry's entity: its first mention here");
      await untitledBriefing('---\nactors: [Nobody]\n---\nNo one is named.\n');
      assert.equal(await vscode.commands.executeCommand('briefing.actors.findMentions', await node('Nobody')), undefined, 'never mentioned: it says so');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      // The References view took the side bar: give it back to the Briefings views.
      await vscode.commands.executeCommand('briefing.events.focus');
      await waitFor('the Briefings views shown', () => (api.views.events.waitingToShow || view.waitingToShow ? undefined : true));
    }
  });

  test('Sort Actors By…: as defined, by name, by mentions', async () => {
    await openSample();
    const view = api.views.actors;
    const shown = () => view.getChildren().map((node) => (node.type === 'entity' ? `${node.entity.name} ${String(view.getTreeItem(node).description)}` : ''));
    try {
      assert.equal(view.order, 'definition', 'the default of briefing.actors.sortBy');
      assert.deepEqual(shown().slice(0, 3), ['Kim Jong Un 9 mentions', 'Vladimir Putin 6 mentions', 'North Korea 9 mentions']);
      await vscode.commands.executeCommand('briefing.actors.sortBy', 'mentions');
      assert.deepEqual(shown().slice(0, 3), ['Russia 13 mentions', 'Kim Jong Un 9 mentions', 'North Korea 9 mentions']);
      await vscode.commands.executeCommand('briefing.actors.sortBy', 'name');
      assert.deepEqual(shown().slice(0, 3), ['China 2 mentions', 'East Asia 1 mention', 'Japan 1 mention']);
    } finally {
      await vscode.commands.executeCommand('briefing.actors.sortBy', 'definition');
    }
  });

  test("an event's tooltip is made when hovered (resolveTreeItem), not with every item", async () => {
    await openSample();
    const view = api.views.events;
    const [first] = await view.getChildren();
    const item = view.getTreeItem(first);
    assert.equal(item.tooltip, undefined, 'not sent with the item');
    const tooltip = (view.resolveTreeItem(item, first) as vscode.TreeItem).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /^\*\*\\~2023\\-11\*\* Kim Jong Un and President Putin to discuss military/, 'escaped as hover cards are');
    assert.match(tooltip.value, /\*Actors:\* Kim Jong Un, Vladimir Putin/);
    assert.doesNotMatch(tooltip.value, /Line/, 'VS Code keeps a tooltip, and a line typed above moves the event without a refresh');
    assert.equal(tooltip.isTrusted, false);
    const actors = api.views.actors;
    const putin = actors.getChildren().find((node) => node.type === 'entity' && node.entity.name === 'Vladimir Putin')!;
    const putinItem = actors.getTreeItem(putin);
    assert.equal(putinItem.tooltip, undefined);
    assert.match(String((actors.resolveTreeItem(putinItem, putin) as vscode.TreeItem).tooltip), /^Vladimir Putin President · Russia To host Kim Jong Un/);
    const [event] = actors.getChildren(putin);
    const eventItem = actors.getTreeItem(event);
    assert.equal(eventItem.tooltip, undefined);
    assert.match(((actors.resolveTreeItem(eventItem, event) as vscode.TreeItem).tooltip as vscode.MarkdownString).value, /\*Actors:\*.*Vladimir Putin/);
  });

  test("typing prose sends the views nothing; an edited event's row alone goes to the Events view, and to the Actors view if its entity is expanded", async () => {
    const editor = await untitledBriefing('---\nactors: [Kim, Putin]\n---\nProse about Kim.\n\n- 2023-01-01: Kim leaves\n');
    await vscode.commands.executeCommand('briefing.events.focus');
    const events = api.views.events;
    const actors = api.views.actors;
    await waitFor('the event in the view', async () => ((await labels(api)).join() === '2023-01-01  Kim leaves' ? true : undefined));
    await waitFor('no refresh waiting for the views to show', () => (events.waitingToShow || actors.waitingToShow ? undefined : true));
    // What the views send (they tell VS Code their data changed), and what VS Code then asks for
    // (their roots, counted from the last send; the children of an entity it expands).
    const sent = { events: 0, actors: 0 };
    const fetched = { events: 0, actors: 0, entityChildren: 0, eventRows: 0 };
    const payload: { events?: unknown; actors?: unknown } = {};
    const watch = (view: EventsView | ActorsView, key: keyof typeof sent) => {
      const original = view.getChildren.bind(view) as (node?: never) => unknown;
      Object.assign(view, { getChildren: (node?: never) => (node ? fetched.entityChildren++ : fetched[key]++, original(node)) });
      return view.onDidChangeTreeData((changed) => {
        sent[key]++;
        fetched[key] = 0;
        payload[key] = changed;
      });
    };
    const getEventItem = events.getTreeItem.bind(events);
    Object.assign(events, { getTreeItem: (node: EventsNode) => (fetched.eventRows++, getEventItem(node)) });
    const listeners = [watch(events, 'events'), watch(actors, 'actors')];
    const unchanged = { events: events.unchangedCount, actors: actors.unchangedCount };
    const seenUnchanged = (view: 'events' | 'actors') => {
      const before = unchanged[view];
      unchanged[view] = api.views[view].unchangedCount;
      return unchanged[view] > before;
    };
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 15), ', typed on'));
      await waitFor('both views to see the edit', () => (seenUnchanged('events') && seenUnchanged('actors') ? true : undefined));
      assert.deepEqual(sent, { events: 0, actors: 0 }, 'prose without a name changes nothing either view shows');

      const rowsSent = events.rowsSentCount;
      fetched.eventRows = 0;
      await editor.edit((edit) => edit.insert(new vscode.Position(5, 24), ' for Moscow'));
      await waitFor('the Events view sent the row, and VS Code fetched it', () => (sent.events && fetched.eventRows ? true : undefined));
      assert.equal(events.rowsSentCount, rowsSent + 1);
      const [row, ...others] = payload.events as EventsNode[];
      assert.equal(others.length, 0, 'the one row that changed, not the whole view');
      assert.equal(row.type === 'event' && row.item.event.text, 'Kim leaves for Moscow');
      assert.equal(fetched.events, 0, 'VS Code did not ask for the rows again');
      assert.match((await labels(api)).join(), /Kim leaves for Moscow/);
      await waitFor('the Actors view to see the edit', () => (seenUnchanged('actors') ? true : undefined));
      assert.equal(sent.actors, 0, 'Kim is collapsed: the Actors view shows nothing of his event');

      const kim = actors.getChildren()[0];
      await actors.treeView.reveal(kim, { expand: true });
      await waitFor("VS Code to fetch Kim's events", () => (fetched.entityChildren > 0 ? true : undefined));
      const kimEventsFetched = fetched.entityChildren;
      await editor.edit((edit) => edit.insert(new vscode.Position(5, 35), ' today'));
      // Sent, and fetched by VS Code before the next edit: a fetch after it would already show it.
      await waitFor("the Actors view sent Kim's row (his event, expanded, changed), and VS Code asked for his events again", () =>
        sent.actors && fetched.entityChildren > kimEventsFetched ? true : undefined,
      );
      assert.deepEqual(payload.actors, [kim], "Kim's row alone, not Putin's");
      assert.equal(fetched.actors, 0, 'VS Code did not ask for every row again');

      sent.actors = 0;
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Kim. '));
      await waitFor('the Actors view sent (a new mention)', () => (sent.actors > 0 ? true : undefined));
      assert.deepEqual(payload.actors, [kim], 'the row whose count changed');
      assert.equal(actors.getChildren()[0], kim, 'the node VS Code holds');
      assert.equal(actors.getTreeItem(kim).description, '3 mentions');
      // VS Code asks for a row it was sent about 200 ms later: typing may have gone on. The row
      // is read from its own model (it had read "0 mentions": the new model's count of the old entity).
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Kim. '));
      assert.equal(actors.getTreeItem(kim).description, '3 mentions', 'until the view follows the edit');
      sent.actors = 0;
      await waitFor('the Actors view sent the new count', () => (sent.actors > 0 ? true : undefined));
      assert.equal(actors.getTreeItem(kim).description, '4 mentions');
    } finally {
      listeners.forEach((listener) => listener.dispose());
      delete (events as Partial<EventsView>).getChildren;
      delete (events as Partial<EventsView>).getTreeItem;
      delete (actors as Partial<ActorsView>).getChildren;
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a line typed above the events sends neither view anything: a row still goes to its event; Reveal and Export read its line now', async () => {
    const editor = await untitledBriefing('---\nactors: [Kim]\n---\nProse about Kim.\n\n- 2023-01-01: Kim leaves\n- 2023-01-02: Kim arrives\n');
    await vscode.commands.executeCommand('briefing.events.focus');
    const events = api.views.events;
    const actors = api.views.actors;
    await waitFor('the events in the view', async () => ((await labels(api)).length === 2 ? true : undefined));
    const kim = actors.getChildren()[0];
    await actors.treeView.reveal(kim, { expand: true });
    // The rows as VS Code holds them, made before the edit.
    const [leaves] = await events.getChildren();
    const heldInEvents = events.getTreeItem(leaves);
    const heldInActors = actors.getTreeItem(actors.getChildren(kim)[0]);
    assert.deepEqual(heldInEvents.command?.arguments?.[2], 5, 'the line the row was made with');
    const sent = { events: 0, actors: 0 };
    const listeners = [events.onDidChangeTreeData(() => sent.events++), actors.onDidChangeTreeData(() => sent.actors++)];
    const unchanged = { events: events.unchangedCount, actors: actors.unchangedCount };
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 16), '\n\nMore prose.'));
      await waitFor('both views to see the edit', () => (events.unchangedCount > unchanged.events && actors.unchangedCount > unchanged.actors ? true : undefined));
      assert.deepEqual(sent, { events: 0, actors: 0 }, 'the events moved two lines down; no row changed');

      for (const held of [heldInEvents, heldInActors]) {
        await vscode.commands.executeCommand(held.command!.command, ...held.command!.arguments!);
        assert.equal(vscode.window.activeTextEditor?.selection.active.line, 7, `${held.label}: the event's line now, not the row's 5`);
      }
      const atCursor = await events.nodeAt(editor.document, 8);
      assert.equal(atCursor?.type === 'event' && atCursor.item.event.text, 'Kim arrives');
      editor.selection = new vscode.Selection(8, 3, 8, 3);
      await vscode.commands.executeCommand('briefing.events.revealInTree');
      const selected = events.treeView.selection[0];
      assert.equal(selected?.type === 'event' && selected.item.event.text, 'Kim arrives', "revealed in the tree by the cursor's line");
      assert.deepEqual(
        (await events.shownEvents()).events.map((item) => item.event.range.start.line),
        [7, 8],
        'Export writes the lines as they are',
      );
    } finally {
      listeners.forEach((listener) => listener.dispose());
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('export writes the shown events (save dialog), copy puts one on the clipboard', async () => {
    await openSample();
    const [first] = await api.views.events.getChildren();
    await vscode.commands.executeCommand('briefing.events.copy', first);
    assert.match(await vscode.env.clipboard.readText(), /^~2023-11: Kim Jong Un and President Putin to discuss/);
  });
});
