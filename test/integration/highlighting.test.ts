import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { decodeTokens } from '../shared/decodeTokens';
import { activateExtension, openSample, waitFor } from './helpers';

function decode(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend) {
  return decodeTokens(tokens.data, legend.tokenTypes, legend.tokenModifiers);
}

suite('highlighting: semantic tokens, snippets, commands', () => {
  suiteSetup(activateExtension);

  test('the legend declares actor and place with the actor types and declaration', async () => {
    const document = await openSample();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.deepEqual(legend.tokenTypes, ['actor', 'place']);
    assert.deepEqual(legend.tokenModifiers, ['declaration', 'person', 'state', 'organization', 'group']);
  });

  test("full-document tokens decode to the sample's mentions and declarations", async () => {
    const api = await activateExtension();
    const document = await openSample();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    const decoded = decode(tokens, legend);
    const model = api.getBriefing(document);
    const mentions = decoded.filter((t) => !t.modifiers.includes('declaration'));
    assert.equal(mentions.length, model.mentions.length);
    model.mentions.forEach((mention, index) => {
      const token = mentions[index];
      assert.equal(document.getText(new vscode.Range(token.line, token.start, token.line, token.start + token.length)), mention.text);
      assert.equal(token.type, mention.entity.kind);
    });
    const putinLine = document
      .getText()
      .split('\n')
      .findIndex((line) => line.includes('name: Vladimir Putin'));
    assert.deepEqual(
      decoded.find((t) => t.line === putinLine),
      { line: putinLine, start: 10, length: 14, type: 'actor', modifiers: ['declaration', 'person'] },
    );
    const vladivostok = decoded.find((t) => t.type === 'place' && !t.modifiers.includes('declaration'))!;
    assert.equal(document.lineAt(vladivostok.line).text.substr(vladivostok.start, vladivostok.length), 'Vladivostok');
  });

  test('range tokens cover only the requested lines', async () => {
    const document = await openSample();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const eventsLine = document
      .getText()
      .split('\n')
      .findIndex((line) => line === '## Events');
    const range = new vscode.Range(eventsLine, 0, eventsLine + 3, 0);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', document.uri, range);
    const decoded = decode(tokens, legend);
    assert.ok(decoded.length > 0);
    assert.ok(decoded.every((t) => t.line >= eventsLine && t.line <= eventsLine + 3));
  });

  test('an edit re-colours: a new mention gets a token', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'briefing', content: '---\nactors: [Kim]\n---\nnothing\n' });
    const editor = await vscode.window.showTextDocument(document);
    const count = async () => {
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
      return tokens ? tokens.data.length / 5 : 0;
    };
    assert.equal(await count(), 1, 'the declaration only');
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'Kim and Kim '));
    assert.equal(await count(), 3);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the snippets are offered by completion in a briefing', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'briefing', content: '\n' });
    await vscode.window.showTextDocument(document);
    const list = await waitFor('snippet completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
      const snippets = result.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
      return snippets.length >= 7 ? snippets : undefined;
    });
    const labels = list.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of ['briefing', 'event', 'judgment', 'confidence', 'source']) {
      assert.ok(labels.includes(prefix), `snippet ${prefix} in ${labels.join(', ')}`);
    }
    // The entry snippets belong to the front matter (writing.test.ts).
    assert.ok(!labels.includes('actor') && !labels.includes('place'), labels.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Briefing: New Briefing" opens an untitled briefing from the template', async () => {
    await vscode.commands.executeCommand('briefing.newBriefing');
    const editor = await waitFor('the new briefing', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && active.document.getText().includes('## Key Judgments') ? active : undefined;
    });
    assert.equal(editor.document.languageId, 'briefing');
    const text = editor.document.getText();
    for (const section of ['## Bottom Line', '## Key Judgments', '## Background', '## Events', '## Outlook', '## Sources']) {
      assert.ok(text.includes(section), section);
    }
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(text.includes(`date: ${iso}`), 'dated today');
    assert.equal(editor.document.getText(editor.selection), 'Title', 'the first tab stop is the title');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Briefing: Open Sample Briefing" opens the shipped sample', async () => {
    await vscode.commands.executeCommand('briefing.openSample');
    const editor = await waitFor('the sample', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/samples/vladivostok-summit.briefing') ? active : undefined;
    });
    assert.equal(editor.document.languageId, 'briefing');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
