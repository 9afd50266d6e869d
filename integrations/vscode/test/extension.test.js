'use strict';
// The manifest (package.json) and activation: what VS Code reads, and what activate() wires.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { createFakeVscode, FakeDocument } = require('./fake-vscode');

const ROOT = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json: identity, engine, activation and no dependencies', () => {
  assert.equal(manifest.name, 'baton');
  assert.equal(manifest.publisher, 'baton-lang');
  assert.equal(manifest.engines.vscode, '^1.75.0');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:baton']);
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.devDependencies, undefined);
  assert.equal(manifest.scripts, undefined, 'no build step');
  assert.ok(fs.existsSync(path.join(ROOT, manifest.main)));
});

test('package.json: the language, its configuration and the grammar of this repository', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'baton');
  assert.deepEqual(language.extensions, ['.baton']);
  const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '#');
  assert.deepEqual(configuration.brackets, [['{', '}'], ['[', ']']]);
  const [grammar] = manifest.contributes.grammars;
  const projectGrammar = JSON.parse(fs.readFileSync(path.join(ROOT, '../../grammar/baton.tmLanguage.json'), 'utf8'));
  assert.equal(grammar.scopeName, projectGrammar.scopeName);
  assert.equal(grammar.language, 'baton');
  // In the repository the path is a symbolic link to grammar/ (one source of truth); the
  // packaging script puts the real file there.
  assert.equal(grammar.path, './syntaxes/baton.tmLanguage.json');
});

test('package.json: settings and commands', () => {
  const properties = manifest.contributes.configuration.properties;
  assert.equal(properties['baton.path'].default, 'baton');
  assert.deepEqual(properties['baton.trace.server'].enum, ['off', 'messages', 'verbose']);
  const commands = Object.fromEntries(manifest.contributes.commands.map((c) => [c.command, c.title]));
  assert.equal(commands['baton.preview'], 'Baton: Open Preview');
  assert.equal(commands['baton.restartServer'], 'Baton: Restart Language Server');
});

test('activate starts the server, registers the commands, and deactivate stops it', async () => {
  const vscode = createFakeVscode({ settings: { 'baton.path': path.join(__dirname, 'fake-server.js'), 'baton.trace.server': 'off' } });
  vscode.workspace.textDocuments.push(new FakeDocument('file:///w/a.baton', 'A -> Ghost : x\n'));
  const load = Module._load;
  Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
  try {
    delete require.cache[require.resolve('../src/extension')];
    const extension = require('../src/extension');
    const context = { subscriptions: [] };
    await extension.activate(context);
    for (const command of manifest.contributes.commands) assert.ok(vscode.test.commands.has(command.command), command.command);
    const collection = vscode.test.diagnosticCollections[0];
    for (let i = 0; i < 200 && !collection.get('file:///w/a.baton'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(collection.get('file:///w/a.baton').length, 1);
    await vscode.commands.executeCommand('baton.restartServer');
    assert.ok(vscode.test.providers.hover.length === 1, 'one hover provider after a restart, not two');
    await extension.deactivate();
    assert.equal(vscode.test.messages.length, 0, JSON.stringify(vscode.test.messages));
    for (const disposable of context.subscriptions) disposable.dispose();
  } finally {
    Module._load = load;
  }
});
