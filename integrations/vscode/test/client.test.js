'use strict';
// The real client (src/client.js over src/jsonrpc.js) against a fake server process
// (test/fake-server.js), through a fake `vscode` module.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { BatonClient, syncOptions } = require('../src/client');
const { createFakeVscode, FakeDocument, cancellationSource } = require('./fake-vscode');

const SERVER = path.join(__dirname, 'fake-server.js');

async function eventually(check, what) {
  for (let i = 0; i < 200; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function started(settings = { 'baton.path': 'baton', 'baton.trace.server': 'off' }) {
  const vscode = createFakeVscode({ settings });
  const document = new FakeDocument('file:///work/design.baton', 'service Shop # café ☕\nShop -> Ghost : pay\n');
  vscode.workspace.textDocuments.push(document, new FakeDocument('file:///work/notes.md', 'Ghost', 'markdown'));
  const output = vscode.window.createOutputChannel('Baton');
  const client = new BatonClient(vscode, { command: process.execPath, args: [SERVER, 'lsp'], output, trace: 'messages' });
  await client.start();
  const state = () => client.connection.sendRequest('fake/state', null);
  return { vscode, client, document, output, state };
}

test('syncOptions reads both forms of textDocumentSync', () => {
  assert.deepEqual(syncOptions(1), { openClose: true, change: 1, save: false, includeText: false });
  assert.deepEqual(syncOptions({ openClose: true, change: 2, save: { includeText: true } }), { openClose: true, change: 2, save: true, includeText: true });
  assert.deepEqual(syncOptions(undefined), { openClose: false, change: 0, save: false, includeText: false });
});

test('initialize offers utf-16 positions, related information, code action literals and markdown hovers', async () => {
  const { client, state } = await started();
  try {
    const { clientCapabilities: caps, clientInfo } = await state();
    assert.deepEqual(caps.general.positionEncodings, ['utf-16']);
    assert.equal(caps.textDocument.publishDiagnostics.relatedInformation, true);
    assert.equal(caps.textDocument.publishDiagnostics.codeDescriptionSupport, true);
    assert.ok(caps.textDocument.codeAction.codeActionLiteralSupport.codeActionKind.valueSet.includes('quickfix'));
    assert.deepEqual(caps.textDocument.hover.contentFormat, ['markdown', 'plaintext']);
    assert.equal(caps.textDocument.rename.prepareSupport, true);
    assert.equal(clientInfo.name, 'Baton for VS Code');
  } finally {
    await client.stop();
  }
});

test('open documents are synced and their diagnostics shown, related information included', async () => {
  const { vscode, client, state } = await started();
  try {
    const collection = vscode.test.diagnosticCollections[0];
    const diagnostics = await eventually(() => collection.get('file:///work/design.baton'), 'diagnostics');
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.character], [1, 8, 13]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.code.value, 'undeclared-name');
    assert.equal(d.code.target.toString(), 'https://example.invalid/rules/undeclared-name');
    assert.equal(d.relatedInformation[0].message, 'first line');
    const { documents, received } = await state();
    assert.equal(documents['file:///work/design.baton'], 'service Shop # café ☕\nShop -> Ghost : pay\n', 'multi-byte text arrives intact');
    assert.equal(documents['file:///work/notes.md'], undefined, 'only .baton documents are sent');
    assert.deepEqual(received.slice(0, 3), ['initialize', 'initialized', 'textDocument/didOpen']);
  } finally {
    await client.stop();
  }
});

test('incremental changes, saves and closes reach the server', async () => {
  const { vscode, client, document, state } = await started();
  try {
    const collection = vscode.test.diagnosticCollections[0];
    await eventually(() => collection.get('file:///work/design.baton'), 'first diagnostics');
    // Replace "Ghost" (line 1, characters 8–13) by "Shop": the diagnostic goes away.
    document.setText('service Shop # café ☕\nShop -> Shop : pay\n');
    vscode.test.events.change.fire({
      document,
      contentChanges: [{ range: new vscode.Range(1, 8, 1, 13), rangeLength: 5, text: 'Shop' }],
    });
    await eventually(() => collection.get('file:///work/design.baton').length === 0, 'diagnostics cleared');
    assert.equal((await state()).documents['file:///work/design.baton'], document.getText());
    // An edit after the multi-byte characters on line 0 (UTF-16 columns: ☕ is one unit).
    const before = '☕'.length + 'service Shop # café '.length;
    document.setText('service Shop # café ☕!\nShop -> Shop : pay\n');
    vscode.test.events.change.fire({ document, contentChanges: [{ range: new vscode.Range(0, before, 0, before), rangeLength: 0, text: '!' }] });
    // The server handles messages in order, so fake/state answers after the change.
    assert.equal((await state()).documents['file:///work/design.baton'], document.getText());
    vscode.test.events.save.fire(document);
    assert.equal((await state()).answers.savedText, document.getText());
    vscode.test.events.close.fire(document);
    const after = await state();
    assert.equal(after.documents['file:///work/design.baton'], undefined);
    assert.ok(after.received.includes('textDocument/didClose'));
  } finally {
    await client.stop();
  }
});

test('server requests get proper answers: configuration, progress, registration, unknown methods', async () => {
  const { client, state } = await started({ 'baton.path': '/opt/baton', 'baton.trace.server': 'verbose' });
  try {
    const answers = await eventually(async () => {
      const current = (await state()).answers;
      return current['fake/unknown'] ? current : undefined;
    }, 'answers');
    const resolved = answers;
    assert.deepEqual(resolved['workspace/configuration'], { result: [{ path: '/opt/baton', 'trace.server': 'verbose' }, '/opt/baton', null] });
    assert.deepEqual(resolved['window/workDoneProgress/create'], { result: null });
    assert.deepEqual(resolved['client/registerCapability'], { result: null });
    assert.equal(resolved['fake/unknown'].error.code, -32601);
  } finally {
    await client.stop();
  }
});

test('providers: hover, definition, references, rename, completion, symbols, formatting, folding', async () => {
  const { vscode, client, document } = await started();
  try {
    const providers = vscode.test.providers;
    const token = cancellationSource().token;
    const at = new vscode.Position(0, 9);
    const hover = await providers.hover[0][1].provideHover(document, at, token);
    assert.equal(hover.contents[0].value, '**Shop** — a participant');
    assert.equal(hover.range.start.character, 8);

    const [definition] = await providers.definition[0][1].provideDefinition(document, new vscode.Position(1, 1), token);
    assert.equal(definition.uri.toString(), 'file:///work/design.baton');
    assert.equal(definition.range.start.character, 8);

    const references = await providers.references[0][1].provideReferences(document, at, { includeDeclaration: true }, token);
    assert.equal(references.length, 2);

    const rename = providers.rename[0][1];
    const prepared = await rename.prepareRename(document, at, token);
    assert.equal(prepared.placeholder, 'Shop');
    const edit = await rename.provideRenameEdits(document, at, 'Store', token);
    assert.equal(edit.entries()[0][1][0].newText, 'Store');
    await assert.rejects(rename.provideRenameEdits(document, at, 'not a name', token), /'not a name' is not a name/);

    const [, completion, ...triggers] = providers.completion[0];
    assert.deepEqual(triggers, ['[', ',']);
    const list = await completion.provideCompletionItems(document, at, token, { triggerKind: 1, triggerCharacter: '[' });
    assert.deepEqual(list.items.map((item) => [item.label, item.kind]), [['timeout', vscode.CompletionItemKind.Property], ['service', vscode.CompletionItemKind.Keyword]]);
    assert.ok(list.items[0].insertText instanceof vscode.SnippetString);

    const [symbol] = await providers.documentSymbol[0][1].provideDocumentSymbols(document, token);
    assert.equal(symbol.name, 'Shop');
    assert.equal(symbol.kind, vscode.SymbolKind.Class);
    const [workspaceSymbol] = await providers.workspaceSymbol[0][0].provideWorkspaceSymbols('Sh', token);
    assert.equal(workspaceSymbol.name, 'ShShop');

    const [format] = await providers.formatting[0][1].provideDocumentFormattingEdits(document, { tabSize: 2, insertSpaces: true }, token);
    assert.equal(format.newText, 'service Shop # café ☕\nShop -> Ghost : pay\n');

    const folds = await providers.foldingRange[0][1].provideFoldingRanges(document, {}, token);
    assert.deepEqual(folds.map((f) => [f.start, f.end, f.kind]), [[1, 3, vscode.FoldingRangeKind.Region], [4, 5, vscode.FoldingRangeKind.Comment]]);
  } finally {
    await client.stop();
  }
});

test('a quick fix gets the server\'s own diagnostic back and turns into a workspace edit', async () => {
  const { vscode, client, document } = await started();
  try {
    const collection = vscode.test.diagnosticCollections[0];
    const [diagnostic] = await eventually(() => collection.get('file:///work/design.baton'), 'diagnostics');
    const [registration] = vscode.test.providers.codeAction;
    assert.deepEqual(registration[2].providedCodeActionKinds.map((kind) => kind.value), ['quickfix']);
    const [action] = await registration[1].provideCodeActions(document, diagnostic.range, { diagnostics: [diagnostic], triggerKind: 1 }, cancellationSource().token);
    assert.equal(action.title, "Replace with 'Host'", 'the diagnostic\'s data went back to the server');
    assert.equal(action.kind.value, 'quickfix');
    assert.equal(action.isPreferred, true);
    const [[uri, [edit]]] = action.edit.entries();
    assert.equal(uri.toString(), 'file:///work/design.baton');
    assert.equal(edit.newText, 'Host');
    assert.equal(edit.range.start.character, 8);
  } finally {
    await client.stop();
  }
});

test('workspace/applyEdit from the server is applied and answered', async () => {
  const { vscode, client, output } = await started();
  try {
    await vscode.commands.executeCommand('baton.server.executeCommand', { title: 'apply', command: 'fake.apply', arguments: [] });
    await eventually(() => output.lines.some((line) => line.includes('applyEdit answered {"applied":true}')), 'applyEdit answer');
    assert.equal(vscode.test.appliedEdits.length, 1);
    assert.equal(vscode.test.appliedEdits[0].entries()[0][0].toString(), 'file:///applied.baton');
  } finally {
    await client.stop();
  }
});

test('a cancelled provider request gives nothing; errors are logged, not thrown', async () => {
  const { client, output } = await started();
  try {
    const source = cancellationSource();
    const slow = client.request('fake/slow', {}, source.token);
    source.cancel();
    assert.equal(await slow, null);
    const failed = await client.request('fake/fail', {});
    assert.equal(failed, null);
    assert.ok(output.lines.some((line) => line.includes('fake/fail failed: it failed on purpose')));
    assert.ok(output.lines.some((line) => line.startsWith('[Trace] Sending fake/fail')), 'trace: messages logs requests');
  } finally {
    await client.stop();
  }
});

test('stop shuts the server down in order and the process exits cleanly', async () => {
  const { client, vscode } = await started();
  const child = client.process;
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await client.stop();
  assert.equal(await exited, 0, 'the fake server exits 0 only after shutdown then exit');
  assert.equal(vscode.test.messages.length, 0, 'no crash message for an orderly stop');
  assert.equal(Object.keys(vscode.test.providers).every((kind) => vscode.test.providers[kind].length === 0), true);
});

test('a server that cannot be started gives a clear error', async () => {
  const vscode = createFakeVscode();
  const client = new BatonClient(vscode, { command: '/nonexistent/baton', output: vscode.window.createOutputChannel('Baton') });
  await assert.rejects(client.start(), /cannot run '\/nonexistent\/baton': not found \(set baton\.path/);
  await client.stop(200);
});

test('a server that dies is reported with a Restart offer', async () => {
  const { client, vscode } = await started();
  client.process.kill('SIGKILL');
  await eventually(() => vscode.test.messages.length > 0, 'crash message');
  assert.match(vscode.test.messages[0].message, /stopped \(signal SIGKILL\)/);
  await client.stop(200);
});
