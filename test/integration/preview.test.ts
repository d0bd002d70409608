import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MARKDOWN_EXTENSION_ID, openPreview, PREVIEW_UNAVAILABLE, type PreviewHost } from '../../src/features/onDemand/preview';
import { activateExtension, closeAllEditors, openSample, waitFor } from './helpers';

/** The open Markdown preview tabs (webviews of the built-in Markdown extension). */
function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
}

/** A host that records what the command would do, for the cases a real VS Code cannot show on demand. */
function recordingHost(markdownAvailable: boolean, execute: PreviewHost['execute'] = async () => undefined) {
  const told: string[] = [];
  const executed: string[] = [];
  const host: PreviewHost = {
    markdownAvailable: () => markdownAvailable,
    execute: (command, uri) => {
      executed.push(`${command} ${uri.path.split('/').pop()}`);
      return execute(command, uri);
    },
    tell: (message) => void told.push(message),
  };
  return { host, told, executed };
}

suite('the preview', () => {
  teardown(closeAllEditors);

  test('the built-in Markdown extension is there to render briefings', () => {
    assert.ok(vscode.extensions.getExtension(MARKDOWN_EXTENSION_ID), `${MARKDOWN_EXTENSION_ID} is installed and enabled`);
  });

  test('"Briefing: Open Preview to the Side" opens the Markdown preview of the active briefing beside it', async () => {
    await activateExtension();
    await openSample();
    await vscode.commands.executeCommand('briefing.showPreviewToSide');
    const tab = await waitFor('a Markdown preview tab', () => previewTabs()[0]);
    assert.match(tab.label, /vladivostok-summit\.briefing/);
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'beside the briefing');
  });

  test('"Briefing: Open Preview" opens it in the briefing\'s own group', async () => {
    await activateExtension();
    await openSample();
    await vscode.commands.executeCommand('briefing.showPreview');
    const tab = await waitFor('a Markdown preview tab', () => previewTabs()[0]);
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.One);
  });

  test('with the Markdown extension disabled, it says so and what to do, instead of failing silently', async () => {
    const document = await openSample();
    const { host, told, executed } = recordingHost(false);
    assert.equal(await openPreview('markdown.showPreview', document.uri, host), false);
    assert.deepEqual(told, [PREVIEW_UNAVAILABLE]);
    assert.deepEqual(executed, []);
  });

  test('with no briefing to preview, it says to open one', async () => {
    await closeAllEditors();
    const { host, told, executed } = recordingHost(true);
    assert.equal(await openPreview('markdown.showPreview', undefined, host), false);
    assert.match(told[0] ?? '', /Open a briefing/);
    assert.deepEqual(executed, []);
  });

  test('a preview that fails to open gives the reason', async () => {
    await openSample();
    const { host, told, executed } = recordingHost(true, async () => {
      throw new Error('webviews are off');
    });
    assert.equal(await openPreview('markdown.showPreviewToSide', undefined, host), false);
    assert.deepEqual(executed, ['markdown.showPreviewToSide vladivostok-summit.briefing']);
    assert.deepEqual(told, ['The preview could not be opened: webviews are off']);
  });
});
