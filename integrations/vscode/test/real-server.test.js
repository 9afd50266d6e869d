'use strict';
// The extension's client (src/client.js) against the real `baton lsp`, through the fake `vscode`
// module: diagnostics with their codes and links, a hover, a completion, a quick fix that adds
// backoff and jitter. Runs when BATON_PATH names a baton binary (the Swift test
// VSCodeExtensionTests sets it to the one it built); skipped otherwise.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { BatonClient } = require('../src/client');
const { createFakeVscode, FakeDocument, cancellationSource } = require('./fake-vscode');

const BATON = process.env.BATON_PATH;
const DESIGN = 'service Search  [timeout=3s]\nservice Ranking [timeout=1s, idempotent]\nSearch -> Ranking : rank hits [retries=3]\n';

async function eventually(check, what) {
  for (let i = 0; i < 500; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('the client drives the real baton lsp', { skip: BATON ? false : 'BATON_PATH is not set' }, async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-vscode-'));
  const file = path.join(directory, 'search.baton');
  fs.writeFileSync(file, DESIGN);
  const uri = 'file://' + file;
  const vscode = createFakeVscode({ settings: { 'baton.path': BATON, 'baton.trace.server': 'off' } });
  const document = new FakeDocument(uri, DESIGN);
  vscode.workspace.textDocuments.push(document);
  const output = vscode.window.createOutputChannel('Baton');
  const client = new BatonClient(vscode, { command: BATON, args: ['lsp', '--stdio'], output, trace: 'off' });
  await client.start();
  try {
    const collection = vscode.test.diagnosticCollections[0];
    const diagnostics = await eventually(() => { const d = collection.get(uri); return d && d.length ? d : null; }, 'diagnostics');
    assert.deepEqual(diagnostics.map((d) => d.code.value), ['retry-without-backoff']);
    assert.match(diagnostics[0].code.target.toString(), /rules\.md#retry-without-backoff$/);
    assert.equal(diagnostics[0].range.start.line, 2);

    const token = cancellationSource().token;
    const hover = await vscode.test.providers.hover[0][1].provideHover(document, new vscode.Position(2, 12), token);
    assert.match(hover.contents[0].value, /Ranking/);

    const completion = vscode.test.providers.completion[0][1];
    const list = await completion.provideCompletionItems(document, new vscode.Position(2, 0), token, { triggerKind: 0 });
    const labels = (list.items || list).map((item) => item.label);
    assert.ok(labels.includes('Search') && labels.includes('service'), `completion offered ${labels.slice(0, 10)}`);

    const [registration] = vscode.test.providers.codeAction;
    const actions = await registration[1].provideCodeActions(document, diagnostics[0].range,
      { diagnostics, triggerKind: 1 }, token);
    const fix = actions.find((action) => /backoff/.test(action.title));
    assert.ok(fix, `no backoff fix among ${actions.map((a) => a.title)}`);
    const [[editedUri, edits]] = fix.edit.entries();
    assert.equal(editedUri.toString(), uri);
    assert.ok(edits.some((edit) => /backoff=exponential/.test(edit.newText) && /jitter/.test(edit.newText)));
  } finally {
    await client.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
