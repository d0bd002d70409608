import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelineToWebview } from '../../src/core';
import { activateExtension, carriedMessages, inWebExtensionHost, openSample, positionOf, sampleUri, waitFor } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;
type Data = Extract<TimelineToWebview, { type: 'data' }>;

suite('the timeline panel', () => {
  let api: Api;
  /** Every message the extension posted to the panel's page, newest last. */
  const posted: TimelineToWebview[] = [];
  const lastData = () => posted.filter((message): message is Data => message.type === 'data').at(-1);
  /** The events the page has after every data posted, as the page takes them in (a replace, or changes). */
  const pageEvents = () => {
    const events = new Map<string, Data['events'][number]>();
    for (const message of posted) {
      if (message.type !== 'data') continue;
      if (message.replace) events.clear();
      for (const id of message.removed) events.delete(message.prefix + id);
      for (const event of message.events) events.set(message.prefix + event.id, { ...event, id: message.prefix + event.id });
    }
    return [...events.values()];
  };

  suiteSetup(async () => {
    api = await activateExtension();
    await api.ready;
    await vscode.commands.executeCommand('briefing.events.toggleScope', 'briefing');
    await vscode.commands.executeCommand('briefing.events.clearFilter');
  });
  suiteTeardown(async () => {
    api.views.timeline.current?.panel?.dispose();
    // The sample as it is on disk for the next suites, whatever a failed test left in it.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('briefing.events.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Timeline opens a panel beside the editor, with a strict policy, fed by the Events view', async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.timeline.show');
    const panel = api.views.timeline.current!.panel;
    assert.ok(panel, 'a panel');
    assert.equal(panel.viewType, 'briefing.timeline');
    const { html, options } = panel.webview;
    assert.equal(options.enableScripts, true);
    assert.deepEqual(
      options.localResourceRoots?.map((uri) => uri.toString()),
      [vscode.extensions.getExtension('analyst-briefings.analyst-briefings')!.extensionUri.toString()],
    );
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(policy)?.[1];
    assert.ok(nonce, policy);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/dist/webview/timeline\\.js"`));
    // No origin but the webview's own resources (VS Code's `cspSource`).
    assert.doesNotMatch(policy.replaceAll(panel.webview.cspSource, ''), /unsafe|https?:|\*/);
    // Spy on what the panel posts from now on; the page asks for data when it has loaded.
    const post = panel.webview.postMessage.bind(panel.webview);
    panel.webview.postMessage = (message: TimelineToWebview) => {
      posted.push(message);
      return post(message);
    };
    // Its page is made with the sample's events, which it draws without asking; a page that drew
    // them is sent nothing more, one that did not (a test's "ready") everything.
    const [first] = carriedMessages<TimelineToWebview>(html);
    assert.ok(first?.type === 'data' && first.replace && first.events.length === 5 && first.title === 'vladivostok-summit.briefing', JSON.stringify(first).slice(0, 200));
    const posts = api.views.timeline.current!.postCount;
    await api.views.timeline.current!.receive({ type: 'ready', carried: true });
    assert.equal(api.views.timeline.current!.postCount, posts, 'no data posted');
    await api.views.timeline.current!.receive({ type: 'ready' });
    const data = await waitFor('the data posted', () => lastData());
    assert.equal(data.title, 'vladivostok-summit.briefing');
    assert.equal(data.scope, 'vladivostok-summit.briefing');
    assert.equal(data.replace, true, 'a page that has just loaded gets everything');
    assert.equal(data.events.length, 5);
    assert.equal(data.total, 5);
    // The ids leave out the briefing's URI, which the message names once.
    assert.equal(data.prefix, `${sampleUri().toString()}#`);
    assert.ok(data.events.every((event) => !event.id.includes('file:')));
    // Plain data: a message is JSON.
    assert.deepEqual(JSON.parse(JSON.stringify(data.events)), data.events);
  });

  test("the Events view's filter is the timeline's", async () => {
    const before = posted.length;
    await vscode.commands.executeCommand('briefing.events.filter', { actor: 'Vladimir Putin' });
    const data = await waitFor('the filtered data', () => (posted.length > before ? lastData() : undefined));
    assert.match(data.title, /filter: actor Vladimir Putin/);
    assert.equal(data.replace, false, 'the events left out are removed, none sent again');
    assert.equal(data.events.length, 0);
    const kept = pageEvents();
    assert.ok(kept.length > 0 && kept.length < 5, String(kept.length));
    assert.ok(kept.every((event) => [...event.actors, ...event.places].includes('Vladimir Putin')));
    assert.equal(data.total, 5);
    await vscode.commands.executeCommand('briefing.events.clearFilter');
    await waitFor('the filter cleared', () => (!lastData()!.title.includes('filter') && pageEvents().length === 5 ? true : undefined));
  });

  test("an item chosen in the page selects its event's line in the editor, beside the panel", async () => {
    const range = pageEvents().find(({ text }) => text.startsWith('Expected window'))!;
    await api.views.timeline.current!.receive({ type: 'open', id: range.id });
    const editor = await waitFor('the line selected', () => {
      const active = vscode.window.visibleTextEditors.find((shown) => shown.document.uri.toString() === sampleUri().toString());
      return active?.selection.active.line === range.line ? active : undefined;
    });
    assert.notEqual(editor.viewColumn, api.views.timeline.current!.panel!.viewColumn, 'not in the panel’s column');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^- 2023-11-14\.\.2023-11-30/);
  });

  test("the cursor on an event selects that event's item in the page", async () => {
    const target = pageEvents().find(({ text }) => text.startsWith("South Korea's foreign ministry"))!;
    const editor = vscode.window.visibleTextEditors.find((shown) => shown.document.uri.toString() === sampleUri().toString())!;
    const line = target.line + 1;
    editor.selection = new vscode.Selection(line, 3, line, 3);
    const selected = await waitFor('the item selected', () => posted.filter((message) => message.type === 'select').at(-1));
    assert.deepEqual(selected, { type: 'select', id: target.id });
  });

  test('a lane chosen selects its actor in the Actors view', async () => {
    await api.views.timeline.current!.receive({ type: 'lane', id: 'Vladimir Putin' });
    const actors = api.views.actors.treeView;
    const chosen = await waitFor('Putin selected', () => (actors.selection[0]?.type === 'entity' ? actors.selection[0] : undefined));
    assert.equal(chosen.type === 'entity' && chosen.entity.name, 'Vladimir Putin');
  });

  test('a window set by hand (Briefing: Set Timeline Window…) is posted to the page, and shared at once with the chart and the map', async () => {
    const before = posted.length;
    const november = { start: Date.UTC(2023, 10, 1), end: Date.UTC(2023, 11, 1) - 1 };
    api.views.timeline.current!.setWindow(november);
    // Not when the page tells it back: the other pictures filter beside the timeline.
    assert.deepEqual(api.views.timeline.current!.window, november);
    const sent = await waitFor('the window posted', () => posted.slice(before).find((message) => message.type === 'setWindow'));
    assert.deepEqual(sent, { type: 'setWindow', ...november });
  });

  test('a hidden panel posts nothing, and the latest data once shown again (then a window set meanwhile)', async () => {
    const panel = api.views.timeline.current!.panel!;
    const document = await openSample();
    // The sample in the panel's own column hides it.
    await vscode.window.showTextDocument(document, { viewColumn: panel.viewColumn, preserveFocus: false });
    await waitFor('the panel hidden', () => (!panel.visible ? true : undefined));
    const count = api.views.timeline.current!.postCount;
    const editor = vscode.window.activeTextEditor!;
    const end = new vscode.Position(document.lineCount, 0);
    await editor.edit((edit) => edit.insert(end, '\n- 2023-12-01: an event typed while the timeline is hidden\n'));
    await waitFor('the Events view refreshed', async () => ((await api.views.events.shownEvents()).events.length === 6 ? true : undefined));
    assert.equal(api.views.timeline.current!.postCount, count, 'nothing posted while hidden');
    const hiddenSince = posted.length;
    api.views.timeline.current!.setWindow({ start: Date.UTC(2023, 8, 1), end: Date.UTC(2023, 8, 30) });
    assert.equal(posted.length, hiddenSince, 'no window posted to a hidden page');
    panel.reveal(undefined, true);
    // Shown again, the page loads and asks for its data. The web test's VS Code cannot load a
    // webview's page offline (its pages come from a CDN): the test asks as the page would.
    if (inWebExtensionHost) {
      await waitFor('the panel shown', () => (panel.visible ? true : undefined));
      await api.views.timeline.current!.receive({ type: 'ready' });
    }
    const data = await waitFor('the data posted once shown', () => (api.views.timeline.current!.postCount > count ? lastData() : undefined));
    if (inWebExtensionHost) {
      // The test's "ready" says the page carries nothing: it gets everything.
      assert.equal(data.replace, true, 'a page that has nothing gets everything');
      assert.equal(data.events.length, 6);
    } else {
      // The real page loads again with the events it was made with: it is sent what changed since.
      assert.equal(data.replace, false, 'a page that has the events it was made with gets what changed');
      assert.deepEqual(
        data.events.map((event) => event.text),
        ['an event typed while the timeline is hidden'],
      );
    }
    const window = await waitFor('the window posted after the data', () => posted.slice(posted.indexOf(data)).find((message) => message.type === 'setWindow'));
    assert.equal(window.type === 'setWindow' && window.start, Date.UTC(2023, 8, 1));
    // Taken out again (the editor is behind the panel: no undo reaches it).
    const removal = new vscode.WorkspaceEdit();
    removal.delete(document.uri, new vscode.Range(end, document.lineAt(document.lineCount - 1).range.end));
    assert.ok(await vscode.workspace.applyEdit(removal));
  });

  test('typing prose sends the page nothing: the events it shows are the same', async () => {
    const timeline = api.views.timeline.current!;
    // The sample in the first column, the panel showing in its own: no page reloads meanwhile.
    const document = await vscode.workspace.openTextDocument(sampleUri());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    assert.notEqual(timeline.panel!.viewColumn, vscode.ViewColumn.One);
    timeline.panel!.reveal(undefined, true);
    await waitFor('the panel visible', () => (timeline.panel?.visible ? true : undefined));
    // The last test's removal has reached the page: five events again.
    await waitFor('five events posted', () => (pageEvents().length === 5 ? true : undefined));
    const count = timeline.postCount;
    const builds = api.views.events.buildCount;
    const prose = positionOf(document, 'As the world watches');
    await editor.edit((edit) => edit.insert(prose, 'Meanwhile, '));
    await waitFor('the Events view rebuilt', () => (api.views.events.buildCount > builds ? true : undefined));
    // The panel compares when the build it shares with the view is done: after this await.
    await api.views.events.shownEvents();
    assert.equal(timeline.postCount, count);
    await vscode.commands.executeCommand('undo');
  });

  test('an event typed is sent alone: the page keeps the others', async () => {
    const timeline = api.views.timeline.current!;
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()), { viewColumn: vscode.ViewColumn.One });
    await waitFor('the panel visible', () => (timeline.panel?.visible ? true : undefined));
    await waitFor('five events posted', () => (pageEvents().length === 5 ? true : undefined));
    const count = timeline.postCount;
    const end = new vscode.Position(editor.document.lineCount, 0);
    await editor.edit((edit) => edit.insert(end, '\n- 2023-12-02: an event typed while the timeline shows\n'));
    const data = await waitFor('the new event posted', () => (timeline.postCount > count ? lastData() : undefined));
    assert.equal(data.replace, false);
    assert.deepEqual(
      data.events.map(({ text, date }) => [text, date]),
      [['an event typed while the timeline shows', '2023-12-02']],
    );
    assert.deepEqual(data.removed, []);
    assert.equal(pageEvents().length, 6);
    await vscode.commands.executeCommand('undo');
    await waitFor('the event removed from the page', () => (pageEvents().length === 5 ? true : undefined));
    assert.equal(lastData()!.removed.length, 1);
  });

  test('an export asks the page to draw the picture in a style, and takes its answer', async () => {
    const timeline = api.views.timeline.current!;
    const before = posted.length;
    const drawing = timeline.draw('svg', 'print');
    const asked = await waitFor('the export asked', () =>
      posted.slice(before).find((message): message is Extract<TimelineToWebview, { type: 'export' }> => message.type === 'export'),
    );
    assert.equal(asked.format, 'svg');
    assert.equal(asked.style, 'print');
    // The page answers with the SVG's text (the real page may answer first: either is an SVG).
    await timeline.receive({ type: 'exported', request: asked.request, data: '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    assert.match((await drawing) ?? '', /<svg /);
  });

  test('an export asked while the panel is hidden waits for its page, shown again, to draw it', async function () {
    // The real page draws it: the web test's VS Code cannot load a webview's page offline.
    if (inWebExtensionHost) this.skip();
    const timeline = api.views.timeline.current!;
    const panel = timeline.panel!;
    const document = await vscode.workspace.openTextDocument(sampleUri());
    await vscode.window.showTextDocument(document, { viewColumn: panel.viewColumn });
    await waitFor('the panel hidden', () => (!panel.visible ? true : undefined));
    const drawing = timeline.draw('svg', 'print');
    timeline.show();
    // The page, loaded again, draws the sample's timeline: the real page answers.
    assert.match((await drawing) ?? '', /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [\s\S]*Kim Jong Un/);
  });
});
