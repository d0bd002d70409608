import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openSample, openWorkspaceFile, positionOf, samplesFolder, untitledBriefing, waitFor, workspaceFile } from './helpers';

function markdownOf(hovers: vscode.Hover[]): vscode.MarkdownString {
  assert.equal(hovers.length, 1, 'one hover');
  const content = hovers[0].contents[0];
  assert.ok(content instanceof vscode.MarkdownString);
  return content;
}

suite('hover cards', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  test('on a mention of Vladimir Putin: who he is, where he appears, his events, where he is defined', async () => {
    const document = await openSample();
    const position = positionOf(document, 'Vladimir Putin', 2, 3); // in the body
    const markdown = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    const value = markdown.value;
    assert.match(value, /^\*\*Vladimir Putin\*\* · Actor · person\n\nPresident · Russia\n/);
    assert.match(value, /\*Also:\* President Putin/);
    assert.match(value, /Mentioned 6 times in this briefing/);
    assert.match(value, /\*\*Events\*\* \(3\)/);
    assert.match(value, /\[2023\\-11\\-13\]\(command:briefing\.revealLine\?/);
    assert.match(value, /Defined in \[this briefing, line 14\]\(command:briefing\.revealLine\?/);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['briefing.revealLine'] });
    assert.ok(!markdown.supportHtml);
  });

  test('on the name: of a front-matter entry', async () => {
    const document = await openSample();
    const markdown = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'name: Vladivostok', 0, 8)));
    assert.match(markdown.value, /^\*\*Vladivostok\*\* · Place\n\nRussia · 43\.1155° N, 131\.8855° E\n/);
  });

  test("on a citation [S1]: the source's entry, how often it is cited, a link to its line", async () => {
    const document = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '[S1]', 0, 2));
    const markdown = markdownOf(hovers);
    assert.match(markdown.value, /^\*\*\\\[S1\\\]\*\* · Source\n\nNews report dated 2023\\-11\\-13 on Kim Jong Un/);
    assert.match(markdown.value, /Cited \d+ times in this briefing/);
    assert.match(markdown.value, /Listed on \[line \d+\]\(command:briefing\.revealLine\?/);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['briefing.revealLine'] });
    assert.equal(document.getText(hovers[0].range), 'S1');
  });

  test('on an expression of likelihood: the ICD 203 scale, its row in bold', async () => {
    const document = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'very likely intend', 0, 7));
    const markdown = markdownOf(hovers);
    assert.match(markdown.value, /^\*\*very likely\*\* · likelihood 80–95 % \(ICD 203\)/);
    assert.ok(markdown.value.includes('| **80–95 %** | **very likely** | **highly probable** |'), markdown.value);
    assert.doesNotMatch(markdown.value, /command:/, 'nothing to run');
    assert.equal(document.getText(hovers[0].range), 'very likely');
  });

  test('nothing on plain text', async () => {
    const document = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'Bottom Line', 0, 2));
    assert.equal(hovers.length, 0);
  });

  test('a hostile briefing yields an inert card: the only links are our reveal command', async () => {
    const document = await openWorkspaceFile('hostile.briefing');
    const value = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'Mallory was', 0, 1))).value;
    const targets = [...value.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((match) => match[1]);
    assert.ok(targets.length > 0);
    for (const target of targets) assert.ok(target.startsWith('command:briefing.revealLine?'), target);
    assert.doesNotMatch(value, /(?<!\\)</);
    assert.doesNotMatch(value, /(?<!\\)!\[/);
  });
});

suite('navigation and rename', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  test('Go to Definition: a mention → its entry in the front matter', async () => {
    const document = await openSample();
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'Vladivostok', 3),
    );
    assert.equal(locations.length, 1);
    const location = locations[0] as vscode.Location;
    assert.equal(location.uri.toString(), document.uri.toString());
    assert.equal(document.getText(location.range), 'Vladivostok');
    assert.equal(document.lineAt(location.range.start.line).text, '  - name: Vladivostok');
  });

  test("a citation: Go to Definition → the source's entry; its references and highlights are the citations", async () => {
    const document = await openSample();
    const citation = positionOf(document, '[S1]', 0, 2);
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, citation);
    assert.equal(document.lineAt(location.range.start.line).text.startsWith('- [S1] (F3) News report'), true);
    assert.equal(document.getText(location.range), '[S1]');
    const cited = (document.getText().match(/\[S1\]/g) ?? []).length - 1;
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, citation);
    assert.equal(references.length, cited + 1, 'every citation, and the entry');
    assert.ok(references.every((reference) => /S1/.test(document.getText(reference.range))));
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, citation);
    assert.equal(highlights.length, cited + 1);
    assert.equal(highlights.filter((highlight) => highlight.kind === vscode.DocumentHighlightKind.Write).length, 1, 'the entry');
  });

  test('rename (F2) of a source label: its entry and every citation, one edit', async () => {
    const editor = await untitledBriefing('Said [S2] and [S1, S2].\n\n- [S1] AP\n- [S2] Reuters\n');
    const { uri } = editor.document;
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', uri, new vscode.Position(3, 4));
    assert.equal(editor.document.getText(prepared.range), 'S2', 'the label without its brackets');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, new vscode.Position(0, 7), '4');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), 'Said [S4] and [S1, S4].\n\n- [S1] AP\n- [S4] Reuters\n');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, new vscode.Position(0, 7), 'S1')), /S1 is listed already/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Go to Definition: a registry entity → its entities.yaml', async () => {
    const document = await openWorkspaceFile('second.briefing');
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'Lavrov spoke', 0, 1));
    assert.equal(location.uri.toString(), workspaceFile('team.entities.yaml').toString());
    assert.deepEqual([location.range.start.line, location.range.start.character, location.range.end.character], [2, 10, 23]);
  });

  test('Find All References: every mention, and the definition when asked', async () => {
    const api = await activateExtension();
    const document = await openSample();
    const mentions = api.getBriefing(document).entities.find((e) => e.name === 'Vladivostok')!.mentions.length;
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Vladivostok', 3));
    assert.equal(references.length, mentions + 1, 'the command includes the declaration');
    assert.ok(references.some((reference) => reference.range.start.line === positionOf(document, 'name: Vladivostok').line));
  });

  test('references of a registry entity span the workspace', async () => {
    const document = await openWorkspaceFile('second.briefing');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, 'Pyongyang', 1, 1));
    const files = new Set(references.map((reference) => reference.uri.path.split('/').pop()));
    assert.deepEqual([...files].sort(), ['second.briefing', 'team.entities.yaml']);
  });

  test('document highlights: the other mentions of the same entity, and its declaration', async () => {
    const document = await openSample();
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, positionOf(document, 'China', 1, 1));
    assert.equal(highlights.filter((h) => h.kind === vscode.DocumentHighlightKind.Write).length, 1);
    assert.ok(highlights.every((h) => document.getText(h.range) === 'China'));
    assert.equal(highlights.length, 3);
  });

  test('prepareRename refuses what is not an actor or place, with a clear message', async () => {
    const document = await openSample();
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', document.uri, positionOf(document, 'Bottom Line', 0, 2))),
      /Rename works on an actor or place/,
    );
  });

  test('rename in a briefing: the name: value and the mentions written with it; aliases untouched', async () => {
    const editor = await untitledBriefing('---\nactors:\n  - name: Kim Jong Un\n    aliases: [Kim]\n---\nKim Jong Un met Kim.\n- 2023: Kim Jong Un #x\n');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(5, 2), 'Kim Jong-un');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(editor.document.getText(), '---\nactors:\n  - name: Kim Jong-un\n    aliases: [Kim]\n---\nKim Jong-un met Kim.\n- 2023: Kim Jong-un #x\n');
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /name: Kim Jong Un\n/, 'one undo step restores it');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test("rename of a registry entity edits the registry (its name, the registries' relations that name it) and every briefing that uses it", async () => {
    const document = await openWorkspaceFile('second.briefing');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      positionOf(document, 'Choe Son Hui', 0, 1),
      'Choe Son-hui',
    );
    const byFile = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits.map((e) => e.newText)]));
    // Its name, and the relation of Sergei Lavrov's that names it.
    assert.deepEqual(byFile.get('team.entities.yaml'), ['Choe Son-hui', 'Choe Son-hui']);
    assert.deepEqual(byFile.get('second.briefing'), ['Choe Son-hui', 'Choe Son-hui']);
    assert.equal(byFile.size, 2);
  });
});

suite('completion', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  const labels = (list: vscode.CompletionList) => list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));

  test('entity names and aliases in the body, with kind icons and the role as detail when the item is shown', async () => {
    const editor = await untitledBriefing(
      "---\nactors:\n  - name: Vladimir Putin\n    aliases: [President Putin]\n    role: President\n    affiliation: Russia\n    summary: Russia's president\nplaces: [Vladivostok]\n---\nWe met Vla",
    );
    const complete = (resolved: number) =>
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(9, 10), undefined, resolved);
    const putinOf = (list: vscode.CompletionList) => list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'Vladimir Putin')!;
    // The list is sent without details; VS Code asks for those of the items it shows.
    const unresolved = putinOf(await complete(0));
    assert.ok(unresolved);
    assert.equal(unresolved.detail, undefined);
    const list = await complete(100);
    const putin = putinOf(list);
    assert.ok(putin, labels(list).join(', '));
    assert.equal(putin.kind, vscode.CompletionItemKind.User);
    assert.equal(putin.detail, 'President · Russia');
    assert.equal(putin.documentation, "Russia's president");
    assert.ok(labels(list).includes('President Putin'));
    const place = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'Vladivostok')!;
    assert.equal(place.kind, vscode.CompletionItemKind.Module);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('front-matter keys and type values', async () => {
    const editor = await untitledBriefing('---\nti\nactors:\n  - name: A\n    ro\n    type: \n---\n');
    const top = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(1, 2));
    assert.ok(labels(top).includes('title') && labels(top).includes('classification'));
    const entry = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(4, 6));
    assert.ok(labels(entry).includes('role') && labels(entry).includes('affiliation'));
    const types = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(5, 10));
    for (const type of ['person', 'state', 'organization', 'group', 'other']) assert.ok(labels(types).includes(type), type);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('in a citation, after [S: the sources the briefing lists, with their text', async () => {
    const editor = await untitledBriefing('Said so [S\n\n## Sources\n- [S1] Reuters, 2023-11-13\n- [S2] Yonhap\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 10));
    const sources = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(
      sources.map((item) => [item.label, item.detail]),
      [
        ['S1', 'Reuters, 2023-11-13'],
        ['S2', 'Yonhap'],
      ],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('after a source\'s label and "(", the Admiralty grades with their meanings, the bracket closed', async () => {
    const editor = await untitledBriefing('Said so [S1].\n\n## Sources\n- [S1] (\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(3, 8), '(');
    const grades = list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember);
    assert.equal(grades.length, 36);
    const b2 = grades.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'B2');
    assert.ok(b2);
    assert.equal(typeof b2.label === 'string' ? undefined : b2.label.description, 'usually reliable, probably true');
    assert.equal(b2.insertText, 'B2)');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('after #, the tags already used in the workspace', async () => {
    const editor = await untitledBriefing('- 2023: x #');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 11), '#');
    for (const tag of ['summit', 'sanctions', 'diplomacy']) assert.ok(labels(list).includes(tag), `${tag} in ${labels(list).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('symbols', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  test('the outline: front matter with its entities, sections as a hierarchy, events under their sections', async () => {
    const document = await openSample();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Kim Jong Un to meet Vladimir Putin in Vladivostok', 'Kim Jong Un to meet Vladimir Putin in Vladivostok'],
    );
    assert.equal(symbols[0].children.length, 12, 'the front matter holds the 12 entities');
    const sections = symbols[1].children;
    assert.deepEqual(
      sections.map((s) => s.name),
      ['Bottom Line', 'Key Judgments', 'Background', 'Events', 'Outlook', 'Sources'],
    );
    const events = sections[3].children;
    assert.equal(events.length, 5);
    assert.ok(events.every((event) => event.kind === vscode.SymbolKind.Event));
    assert.match(events[0].name, /^2023-11-13 Kim Jong Un is reported/);
  });

  test('the outline of a briefing with more than 1,000 events lists its sections and entities, not its events', async () => {
    const events = Array.from({ length: 1001 }, (_, day) => `- ${2000 + Math.floor(day / 365)}-01-01: Kim event ${day}`);
    const document = await vscode.workspace.openTextDocument({ language: 'briefing', content: ['---', 'actors: [Kim]', '---', '# Events', ...events, ''].join('\n') });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.children.map((child) => child.name)]),
      [
        ['Front matter', ['Kim']],
        ['Events', []],
      ],
    );
  });

  test('workspace symbols: entities and events of every briefing; a registry entity once', async () => {
    const putin = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Putin');
    const inWorkspace = putin.filter((s) => s.location.uri.toString().startsWith(samplesFolder().toString()));
    const files = inWorkspace
      .filter((s) => s.name === 'Vladimir Putin')
      .map((s) => s.location.uri.path.split('/').pop())
      .sort();
    assert.deepEqual(files, ['second.briefing', 'vladivostok-summit.briefing']);
    const lavrov = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Sergei Lavrov');
    assert.equal(lavrov.filter((s) => s.name === 'Sergei Lavrov').length, 1);
    assert.ok(lavrov.some((s) => s.kind === vscode.SymbolKind.Event && s.name.startsWith('2023-10-18')));
  });
});

suite('relations (format v1.1)', () => {
  suiteSetup(async () => (await activateExtension()).ready);

  const TEXT = [
    '---',
    'actors:',
    '  - name: Kim Jong Un',
    '    relations:',
    '      - { to: Putin, type: meets, since: 2023-09-13 }',
    '      - { to: Vladimir Puttin, type: ally of }',
    '      - { to:  }',
    '      - { to: Putin, type:  }',
    '  - name: Vladimir Putin',
    '    aliases: [Putin]',
    '---',
    'Kim Jong Un met Vladimir Putin.',
    '',
  ].join('\n');

  test("a relation's to: hover shows the relation and its entity; Go to Definition goes to the entry; an unknown to: is a Warning with the fix to the closest name", async () => {
    const editor = await untitledBriefing(TEXT);
    const { document } = editor;
    const at = positionOf(document, 'Putin, type: meets', 0, 2);
    const hover = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at));
    assert.match(hover.value, /^\*\*Kim Jong Un\*\* → \*meets\* → \*\*Vladimir Putin\*\* · since 2023-09-13/);
    assert.match(hover.value, /Defined in/);
    const [location] = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, at);
    assert.equal(location.range.start.line, 8);
    const warning = await waitFor('the Warning', () => vscode.languages.getDiagnostics(document.uri).find((d) => /Vladimir Puttin/.test(d.message)));
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, warning.range);
    assert.ok(
      actions.some((action) => action.title === "Change to 'Vladimir Putin'"),
      actions.map((action) => action.title).join(', '),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('completion: the names after to:, the relation types used after type:', async () => {
    const editor = await untitledBriefing(TEXT);
    const { document } = editor;
    const labels = (list: vscode.CompletionList) => list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(6, 14));
    assert.ok(labels(names).includes('Vladimir Putin') && labels(names).includes('Putin'), labels(names).join(', '));
    const types = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(7, 27));
    assert.ok(labels(types).includes('meets') && labels(types).includes('ally of'), labels(types).join(', '));
    assert.ok(!labels(types).includes('person'), 'no entity types in a relation');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('rename from a mention renames the relations written with the name (an alias stays)', async () => {
    const editor = await untitledBriefing(
      '---\nactors:\n  - name: Kim Jong Un\n    relations: [{ to: Vladimir Putin, type: meets }, { to: Putin, type: phones }]\n  - name: Vladimir Putin\n    aliases: [Putin]\n---\nVladimir Putin spoke.\n',
    );
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(7, 2), 'V. Putin');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      editor.document.getText(),
      '---\nactors:\n  - name: Kim Jong Un\n    relations: [{ to: V. Putin, type: meets }, { to: Putin, type: phones }]\n  - name: V. Putin\n    aliases: [Putin]\n---\nV. Putin spoke.\n',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
