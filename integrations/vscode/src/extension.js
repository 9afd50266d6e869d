'use strict';
// Entry point: VS Code calls activate() when a .baton file opens (activationEvents), and
// deactivate() on shutdown. It wires the language client, the preview and the commands.

const vscode = require('vscode');
const { BatonClient } = require('./client');
const { PreviewManager } = require('./preview');

let client;
let output;

function settings() {
  const config = vscode.workspace.getConfiguration('baton');
  return { path: config.get('path') || 'baton', trace: config.get('trace.server') || 'off' };
}

function workspaceDirectory() {
  const folders = vscode.workspace.workspaceFolders || [];
  return folders.length > 0 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
}

async function startClient() {
  const { path, trace } = settings();
  client = new BatonClient(vscode, { command: path, args: ['lsp'], cwd: workspaceDirectory(), output, trace });
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`[client] ${error.message}`);
    vscode.window.showErrorMessage(`Baton: the language server did not start: ${error.message}`);
    const failed = client;
    client = undefined;
    await failed.stop(500).catch(() => {});
    failed.dispose();
  }
}

async function stopClient() {
  if (!client) return;
  const stopping = client;
  client = undefined;
  await stopping.stop();
  stopping.dispose();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('Baton');
  context.subscriptions.push(output);

  const previews = new PreviewManager(vscode, () => settings().path);
  context.subscriptions.push(previews);

  context.subscriptions.push(vscode.commands.registerCommand('baton.preview', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'baton') {
      vscode.window.showInformationMessage('Baton: open a .baton file to preview it.');
      return;
    }
    previews.open(editor.document);
  }));

  context.subscriptions.push(vscode.commands.registerCommand('baton.restartServer', async () => {
    await stopClient();
    await startClient();
  }));

  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    if (event.affectsConfiguration('baton.path')) {
      await stopClient();
      await startClient();
    } else if (event.affectsConfiguration('baton.trace.server')) {
      if (client) client.setTrace(settings().trace);
    } else if (event.affectsConfiguration('baton') && client) {
      client.configurationChanged({ baton: vscode.workspace.getConfiguration('baton') });
    }
  }));

  await startClient();
}

async function deactivate() {
  await stopClient();
}

module.exports = { activate, deactivate };
