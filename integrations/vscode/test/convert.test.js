'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { createConverters } = require('../src/convert');
const { createFakeVscode } = require('./fake-vscode');

const vscode = createFakeVscode();
const c = createConverters(vscode);
const r = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('ranges and positions pass through unchanged, both ways', () => {
  const range = c.toRange(r(3, 4, 5, 6));
  assert.ok(range instanceof vscode.Range);
  assert.deepEqual([range.start.line, range.start.character, range.end.line, range.end.character], [3, 4, 5, 6]);
  assert.deepEqual(c.fromRange(range), r(3, 4, 5, 6));
  assert.deepEqual(c.fromPosition(new vscode.Position(7, 0)), { line: 7, character: 0 });
});

test('a diagnostic keeps severity, code with its description link, source, tags and related information', () => {
  const lsp = {
    range: r(1, 0, 1, 5),
    severity: 2,
    code: 'orphan-channel',
    codeDescription: { href: 'https://example.invalid/rules#orphan-channel' },
    source: 'baton',
    message: "queue 'FulfilDLQ' is written but nobody reads it",
    tags: [1, 9],
    relatedInformation: [{ location: { uri: 'file:///d/a.baton', range: r(0, 56, 0, 65) }, message: "the dead-letter queue of 'Fulfil'" }],
    data: { fix: 1 },
  };
  const d = c.toDiagnostic(lsp);
  assert.ok(d instanceof vscode.Diagnostic);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.equal(d.code.value, 'orphan-channel');
  assert.equal(d.code.target.toString(), 'https://example.invalid/rules#orphan-channel');
  assert.equal(d.source, 'baton');
  assert.deepEqual(d.tags, [vscode.DiagnosticTag.Unnecessary]);
  assert.equal(d.relatedInformation.length, 1);
  assert.ok(d.relatedInformation[0] instanceof vscode.DiagnosticRelatedInformation);
  assert.equal(d.relatedInformation[0].location.uri.toString(), 'file:///d/a.baton');
  assert.equal(d.relatedInformation[0].location.range.start.character, 56);
  assert.equal(d.relatedInformation[0].message, "the dead-letter queue of 'Fulfil'");
  // Sent back in a code action request, it is the server's own diagnostic, data included.
  assert.equal(c.fromDiagnostic(d), lsp);
});

test('severities map 1…4 to Error…Hint; a missing severity is an error; a plain code stays plain', () => {
  assert.deepEqual([1, 2, 3, 4].map(c.toSeverity), [0, 1, 2, 3]);
  assert.equal(c.toSeverity(undefined), vscode.DiagnosticSeverity.Error);
  const d = c.toDiagnostic({ range: r(0, 0, 0, 1), message: 'm', code: 42 });
  assert.equal(d.code, 42);
  assert.equal(d.relatedInformation, undefined);
  const made = new vscode.Diagnostic(new vscode.Range(1, 2, 3, 4), 'local', vscode.DiagnosticSeverity.Hint);
  made.code = { value: 'x', target: vscode.Uri.parse('https://e') };
  assert.deepEqual(c.fromDiagnostic(made), { range: r(1, 2, 3, 4), message: 'local', severity: 4, code: 'x' });
});

test('a workspace edit from `changes` and from `documentChanges` with file operations', () => {
  const fromChanges = c.toWorkspaceEdit({ changes: { 'file:///a.baton': [{ range: r(0, 8, 0, 12), newText: 'Store' }, { range: r(2, 0, 2, 4), newText: 'Store' }] } });
  const entries = fromChanges.entries();
  assert.equal(entries.length, 1);
  assert.equal(entries[0][0].toString(), 'file:///a.baton');
  assert.deepEqual(entries[0][1].map((e) => [e.range.start.line, e.newText]), [[0, 'Store'], [2, 'Store']]);

  const fromDocumentChanges = c.toWorkspaceEdit({
    documentChanges: [
      { kind: 'create', uri: 'file:///new.baton', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///new.baton', version: null }, edits: [{ range: r(0, 0, 0, 0), newText: 'service A\n' }] },
      { kind: 'rename', oldUri: 'file:///old.baton', newUri: 'file:///renamed.baton' },
      { kind: 'delete', uri: 'file:///gone.baton' },
    ],
  });
  assert.deepEqual(fromDocumentChanges.operations.map((op) => op.kind), ['create', 'edit', 'rename', 'delete']);
  assert.equal(fromDocumentChanges.operations[1].edit.newText, 'service A\n');
  assert.equal(fromDocumentChanges.operations[2].newUri.toString(), 'file:///renamed.baton');
  assert.equal(c.toWorkspaceEdit(null).operations.length, 0);
});

test('completion kinds shift from the LSP (1…25) to VS Code (0…24); snippets and text edits convert', () => {
  assert.equal(c.toCompletionKind(14), vscode.CompletionItemKind.Keyword);
  assert.equal(c.toCompletionKind(10), vscode.CompletionItemKind.Property);
  assert.equal(c.toCompletionKind(17), vscode.CompletionItemKind.File);
  assert.equal(c.toCompletionKind(18), vscode.CompletionItemKind.Reference);
  assert.equal(c.toCompletionKind(25), vscode.CompletionItemKind.TypeParameter);
  assert.equal(c.toCompletionKind(0), vscode.CompletionItemKind.Text);
  assert.equal(c.toCompletionKind(99), vscode.CompletionItemKind.Text);

  const list = c.toCompletionList({
    isIncomplete: true,
    items: [
      { label: 'timeout', kind: 10, detail: 'duration', documentation: { kind: 'markdown', value: 'How long **at most**' }, insertText: 'timeout=${1:1s}', insertTextFormat: 2, tags: [1] },
      { label: 'Shop', kind: 7, textEdit: { range: r(3, 0, 3, 2), newText: 'Shop' }, sortText: '0' },
      { label: 'Stripe', textEdit: { insert: r(4, 0, 4, 1), replace: r(4, 0, 4, 3), newText: 'Stripe' } },
    ],
  });
  assert.ok(list instanceof vscode.CompletionList);
  assert.equal(list.isIncomplete, true);
  const [timeout, shop, stripe] = list.items;
  assert.ok(timeout.insertText instanceof vscode.SnippetString);
  assert.equal(timeout.insertText.value, 'timeout=${1:1s}');
  assert.equal(timeout.documentation.value, 'How long **at most**');
  assert.deepEqual(timeout.tags, [vscode.CompletionItemTag.Deprecated]);
  assert.equal(shop.kind, vscode.CompletionItemKind.Class);
  assert.equal(shop.insertText, 'Shop');
  assert.equal(shop.range.start.line, 3);
  assert.equal(stripe.range.inserting.end.character, 1);
  assert.equal(stripe.range.replacing.end.character, 3);
  assert.equal(c.toCompletionList([{ label: 'a' }]).isIncomplete, false);
  assert.equal(c.toCompletionList(null), undefined);
});

test('hover contents: markdown stays markdown (untrusted), plain text is escaped, marked strings become code blocks', () => {
  const hover = c.toHover({ contents: { kind: 'markdown', value: '**Shop** — service' }, range: r(0, 8, 0, 12) });
  assert.ok(hover instanceof vscode.Hover);
  assert.equal(hover.contents[0].value, '**Shop** — service');
  assert.equal(hover.contents[0].isTrusted, false);
  assert.equal(hover.contents[0].supportHtml, false);
  assert.equal(hover.range.end.character, 12);
  assert.equal(c.toHover({ contents: { kind: 'plaintext', value: 'a*b' } }).contents[0].value, 'a\\*b');
  const marked = c.toHover({ contents: ['intro', { language: 'baton', value: 'service Shop' }] }).contents[0].value;
  assert.match(marked, /^intro/);
  assert.match(marked, /```baton\nservice Shop\n```/);
  assert.equal(c.toHover(null), undefined);
});

test('definitions: a location, a list, or location links', () => {
  const one = c.toDefinition({ uri: 'file:///a.baton', range: r(1, 2, 1, 6) });
  assert.ok(one instanceof vscode.Location);
  const links = c.toDefinition([{ originSelectionRange: r(5, 0, 5, 4), targetUri: 'file:///b.baton', targetRange: r(0, 0, 0, 20), targetSelectionRange: r(0, 8, 0, 12) }]);
  assert.equal(links[0].targetUri.toString(), 'file:///b.baton');
  assert.equal(links[0].targetSelectionRange.start.character, 8);
  assert.equal(links[0].originSelectionRange.start.line, 5);
  assert.equal(c.toDefinition(null), undefined);
});

test('symbols: hierarchical document symbols, symbol information and workspace symbols without a range', () => {
  const [service] = c.toDocumentSymbols([{
    name: 'Checkout', kind: 12, detail: 'flow', range: r(0, 0, 9, 1), selectionRange: r(0, 5, 0, 13),
    children: [{ name: 'Shop', kind: 5, range: r(1, 2, 1, 20), selectionRange: r(1, 2, 1, 6) }],
  }]);
  assert.ok(service instanceof vscode.DocumentSymbol);
  assert.equal(service.kind, vscode.SymbolKind.Function);
  assert.equal(service.children[0].kind, vscode.SymbolKind.Class);
  assert.equal(service.children[0].detail, '');
  const [info] = c.toDocumentSymbols([{ name: 'Shop', kind: 5, containerName: 'a.baton', location: { uri: 'file:///a.baton', range: r(1, 2, 1, 6) } }]);
  assert.ok(info instanceof vscode.SymbolInformation);
  assert.equal(info.containerName, 'a.baton');
  const workspace = c.toSymbolInformation({ name: 'Shop', kind: 5, location: { uri: 'file:///a.baton' } });
  assert.equal(workspace.location.range.start.line, 0);
});

test('folding ranges keep their kind', () => {
  const ranges = [{ startLine: 1, endLine: 4, kind: 'comment' }, { startLine: 5, endLine: 9, kind: 'region' }, { startLine: 10, endLine: 12 }].map(c.toFoldingRange);
  assert.deepEqual(ranges.map((f) => [f.start, f.end, f.kind]), [[1, 4, vscode.FoldingRangeKind.Comment], [5, 9, vscode.FoldingRangeKind.Region], [10, 12, undefined]]);
});

test('a quick fix becomes a CodeAction with a WorkspaceEdit; a server command goes through executeCommand', () => {
  const action = c.toCodeAction({
    title: "Add 'idempotent' to 'Stripe'",
    kind: 'quickfix',
    isPreferred: true,
    diagnostics: [{ range: r(2, 0, 2, 10), message: 'retries without idempotency', severity: 1, code: 'retry-without-idempotency' }],
    edit: { changes: { 'file:///a.baton': [{ range: r(1, 20, 1, 20), newText: ', idempotent' }] } },
  }, 'baton.server.executeCommand');
  assert.ok(action instanceof vscode.CodeAction);
  assert.equal(action.kind.value, 'quickfix');
  assert.equal(action.isPreferred, true);
  assert.equal(action.diagnostics[0].code, 'retry-without-idempotency');
  assert.equal(action.edit.entries()[0][1][0].newText, ', idempotent');
  const command = c.toCodeAction({ title: 'Fix all', command: 'baton.fixAll', arguments: ['file:///a.baton'] }, 'baton.server.executeCommand');
  assert.equal(command.command.command, 'baton.server.executeCommand');
  assert.deepEqual(command.command.arguments, [{ title: 'Fix all', command: 'baton.fixAll', arguments: ['file:///a.baton'] }]);
});

test('prepareRename answers: a range, a range with placeholder, or nothing', () => {
  assert.equal(c.toPrepareRename(r(0, 8, 0, 12)).start.character, 8);
  const withPlaceholder = c.toPrepareRename({ range: r(0, 8, 0, 12), placeholder: 'Shop' });
  assert.equal(withPlaceholder.placeholder, 'Shop');
  assert.equal(withPlaceholder.range.end.character, 12);
  assert.equal(c.toPrepareRename(null), undefined);
  assert.equal(c.toPrepareRename({ defaultBehavior: true }), undefined);
});

test('incremental changes and code action contexts go back to the LSP shape', () => {
  assert.deepEqual(c.fromContentChange({ range: new vscode.Range(1, 0, 1, 3), rangeLength: 3, text: 'é' }), { range: r(1, 0, 1, 3), rangeLength: 3, text: 'é' });
  const context = c.fromCodeActionContext({ diagnostics: [], only: vscode.CodeActionKind.QuickFix, triggerKind: 1 });
  assert.deepEqual(context, { diagnostics: [], only: ['quickfix'], triggerKind: 1 });
});
