import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openSample, waitFor } from './helpers';

suite('activation and the model', () => {
  test('opening a .briefing file activates the extension with the briefing language', async () => {
    const document = await openSample();
    assert.equal(document.languageId, 'briefing');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('activation on the briefing language', () => extension.isActive || undefined);
  });

  test("activate() returns the API, and it gives the sample's model", async () => {
    const api = await activateExtension();
    const document = await openSample();
    const model = api.getBriefing(document);
    assert.equal(model.frontMatter?.title, 'Kim Jong Un to meet Vladimir Putin in Vladivostok');
    assert.ok(model.entities.some((entity) => entity.name === 'Vladimir Putin' && entity.mentions.length > 0));
    assert.ok(model.events.length >= 4);
    assert.deepEqual(model.diagnostics, []);
  });

  test('the model is computed once per document version and shared', async () => {
    const api = await activateExtension();
    const document = await openSample();
    assert.equal(api.getBriefing(document), api.getBriefing(document));
  });

  test('"Briefing: Show Model as JSON" opens the export of the active briefing', async () => {
    await activateExtension();
    await openSample();
    await vscode.commands.executeCommand('briefing.showModel');
    const editor = await waitFor('a JSON editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.languageId === 'json' ? active : undefined;
    });
    const exported = JSON.parse(editor.document.getText());
    assert.equal(exported.title, 'Kim Jong Un to meet Vladimir Putin in Vladivostok');
    assert.ok(exported.events.length >= 4);
    assert.equal(editor.document.isDirty, false, 'a read-only view, nothing to save');
    assert.equal(editor.document.uri.scheme, 'briefing-model');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('folding ranges come from the model: front matter and sections', async () => {
    await activateExtension();
    const document = await openSample();
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.ok(
      ranges.some((range) => range.start === 0 && range.kind === vscode.FoldingRangeKind.Comment),
      'the front matter folds',
    );
    const eventsHeading = document
      .getText()
      .split('\n')
      .findIndex((line) => line === '## Events');
    assert.ok(
      ranges.some((range) => range.start === eventsHeading),
      'the Events section folds',
    );
  });
});
