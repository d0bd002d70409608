import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkChartToWebview } from '../../src/core';
import { activateExtension, openSample, positionOf, sampleUri, untitledBriefing, waitFor } from './helpers';

type Api = Awaited<ReturnType<typeof activateExtension>>;
type Data = Extract<LinkChartToWebview, { type: 'data' }>;

suite('the link chart panel', () => {
  let api: Api;
  /** Every message the extension posted to the panel's page, newest last. */
  const posted: LinkChartToWebview[] = [];
  const lastData = () => posted.filter((message): message is Data => message.type === 'data').at(-1);
  const chart = () => api.views.linkChart.current!;

  suiteSetup(async () => {
    api = await activateExtension();
    await api.ready;
  });
  suiteTeardown(async () => {
    api.views.linkChart.current?.panel?.dispose();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sampleUri()));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("Show Link Chart opens a panel beside the editor, with a strict policy, fed with the briefing's graph", async () => {
    await openSample();
    await vscode.commands.executeCommand('briefing.linkChart.show');
    const panel = await waitFor('the panel', () => api.views.linkChart.current?.panel);
    assert.equal(panel.viewType, 'briefing.linkChart');
    const { html, options } = panel.webview;
    assert.equal(options.enableScripts, true);
    const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(policy)?.[1];
    assert.ok(nonce, policy);
    assert.match(html, new RegExp(`<script nonce="${nonce}" src="[^"]+/dist/webview/linkChart\\.js"`));
    assert.doesNotMatch(policy.replaceAll(panel.webview.cspSource, ''), /unsafe|https?:|\*/);
    const post = panel.webview.postMessage.bind(panel.webview);
    panel.webview.postMessage = (message: LinkChartToWebview) => {
      posted.push(message);
      return post(message);
    };
    await chart().receive({ type: 'ready' });
    const data = await waitFor('the data posted', () => lastData());
    assert.equal(data.title, 'vladivostok-summit.briefing');
    const names = data.graph.nodes.map((node) => node.name);
    for (const name of ['Kim Jong Un', 'Vladimir Putin', 'Vladivostok']) assert.ok(names.includes(name), names.join(', '));
    // Kim Jong Un and Vladimir Putin share the Vladivostok meeting.
    const shared = data.graph.edges.find((edge) => edge.kind === 'events' && [edge.from, edge.to].sort().join() === 'actor:Kim Jong Un,actor:Vladimir Putin');
    assert.ok(shared && shared.kind === 'events' && shared.weight >= 1, JSON.stringify(data.graph.edges.slice(0, 5)));
    assert.ok(
      shared.events.every((line) => typeof data.events[line] === 'string'),
      'each event of an edge has its label',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(data.graph)), data.graph, 'plain data');
  });

  test('a node chosen in the page selects its entity in the Actors view and its entry in the editor; the cursor on a mention selects its node', async () => {
    await chart().receive({ type: 'open', id: 'actor:Vladimir Putin' });
    const editor = await waitFor('the entry selected', () => {
      const shown = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === sampleUri().toString());
      return shown && shown.document.getText(shown.selection) === 'Vladimir Putin' ? shown : undefined;
    });
    await waitFor('Vladimir Putin selected in the Actors view', () => {
      const [row] = api.views.actors.treeView.selection;
      return row?.type === 'entity' && row.entity.name === 'Vladimir Putin' ? true : undefined;
    });
    assert.notEqual(editor.viewColumn, chart().panel!.viewColumn, 'not in the chart’s column');
    const at = positionOf(editor.document, 'Kim Jong Un is set to travel', 0, 2);
    editor.selection = new vscode.Selection(at, at);
    await waitFor('the node selected', () => posted.find((message) => message.type === 'select' && message.id === 'actor:Kim Jong Un'));
  });

  test('a relation typed in the front matter comes as an arrow, after the pause; typing that changes no tie posts nothing', async () => {
    const editor = await untitledBriefing('---\nactors:\n  - name: Kim Jong Un\n  - name: Vladimir Putin\n---\nKim Jong Un met Vladimir Putin.\n');
    const arrow = () => lastData()?.graph.edges.find((edge) => edge.kind === 'relation' && edge.type === 'meets');
    await waitFor('the untitled briefing drawn', () => (lastData()?.graph.nodes.length === 2 ? true : undefined));
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '    relations: [{ to: Vladimir Putin, type: meets }]\n'));
    const relation = await waitFor('the arrow', arrow);
    const relationGraph = lastData()!.graph;
    assert.equal(relation.from, 'actor:Kim Jong Un');
    assert.equal(relation.to, 'actor:Vladimir Putin');
    // A page that loads again (the panel hidden by the new editor, then shown) asks for the data
    // and gets it: those posts are not the edit's.
    let reloads = 0;
    const receive = chart().receive.bind(chart());
    chart().receive = async (message) => {
      if (message.type === 'ready') reloads++;
      return receive(message);
    };
    const count = chart().postCount;
    const updates = chart().updateCount;
    await editor.edit((edit) => edit.insert(new vscode.Position(6, 0), 'More prose.\n'));
    await waitFor('the graph made again after the pause', () => (chart().updateCount > updates ? true : undefined));
    assert.equal(chart().postCount - reloads, count, 'the same graph is not posted again');
    assert.deepEqual(lastData()?.graph, relationGraph, 'the graph the page has is the one with the arrow');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
