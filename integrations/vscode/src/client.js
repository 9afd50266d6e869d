'use strict';
// The language client: starts `baton lsp`, says what VS Code can do (initialize), keeps the
// server's copy of every open .baton document in step, shows its diagnostics and answers VS
// Code's provider calls with the server's requests.
//
// Like convert.js it takes the `vscode` module as a constructor argument, so the tests drive it
// against a fake `vscode` and a fake server (test/fake-server.js) under plain Node.

const childProcess = require('child_process');
const { Connection, ResponseError, ErrorCodes } = require('./jsonrpc');
const { createConverters } = require('./convert');

const LANGUAGE = 'baton';
/** The VS Code command a server command goes through (workspace/executeCommand). */
const EXECUTE_SERVER_COMMAND = 'baton.server.executeCommand';
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** What this client supports, for `initialize`. Only the utf-16 position encoding is offered,
 * which is what VS Code counts in, so a server must use it. */
function clientCapabilities() {
  return {
    general: { positionEncodings: ['utf-16'], staleRequestSupport: { cancel: true, retryOnContentModified: [] } },
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'abort' },
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: false },
      symbol: { dynamicRegistration: false, symbolKind: { valueSet: range(1, 26) } },
      executeCommand: { dynamicRegistration: false },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: false,
        contextSupport: true,
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          deprecatedSupport: true,
          preselectSupport: true,
          insertReplaceSupport: true,
          labelDetailsSupport: true,
          tagSupport: { valueSet: [1] },
        },
        completionItemKind: { valueSet: range(1, 25) },
      },
      definition: { dynamicRegistration: false, linkSupport: true },
      references: { dynamicRegistration: false },
      rename: { dynamicRegistration: false, prepareSupport: true, prepareSupportDefaultBehavior: 1 },
      documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true, symbolKind: { valueSet: range(1, 26) } },
      formatting: { dynamicRegistration: false },
      codeAction: {
        dynamicRegistration: false,
        isPreferredSupport: true,
        disabledSupport: true,
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite',
              'source', 'source.organizeImports', 'source.fixAll'],
          },
        },
      },
      foldingRange: { dynamicRegistration: false, lineFoldingOnly: true, foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] } },
    },
    window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: false } }, showDocument: { support: true } },
  };
}

/** TextDocumentSyncKind and the save option from either form of `textDocumentSync`. */
function syncOptions(capability) {
  if (typeof capability === 'number') return { openClose: capability > 0, change: capability, save: false, includeText: false };
  if (!capability) return { openClose: false, change: 0, save: false, includeText: false };
  const save = capability.save;
  return {
    openClose: Boolean(capability.openClose),
    change: capability.change || 0,
    save: Boolean(save),
    includeText: Boolean(save && typeof save === 'object' && save.includeText),
  };
}

/** Errors a provider should swallow: the user moved on, or the server is gone. */
function isQuiet(error) {
  return error instanceof ResponseError && [ErrorCodes.RequestCancelled, ErrorCodes.ServerCancelled,
    ErrorCodes.ContentModified, ErrorCodes.ConnectionClosed].includes(error.code);
}

class BatonClient {
  /**
   * @param vscode the `vscode` module (or a fake)
   * @param options.command the executable (`baton.path`); options.args default ['lsp']
   * @param options.output an output channel (`appendLine`)
   * @param options.trace 'off' | 'messages' | 'verbose'
   * @param options.spawn child_process.spawn, replaceable for tests
   */
  constructor(vscode, options) {
    this.vscode = vscode;
    this.command = options.command;
    this.args = options.args || ['lsp'];
    this.cwd = options.cwd;
    this.output = options.output;
    this.trace = options.trace || 'off';
    this.spawn = options.spawn || childProcess.spawn;
    this.convert = createConverters(vscode);
    this.disposables = [];
    this.opened = new Set(); // uris the server has been told are open
    this.connection = undefined;
    this.process = undefined;
    this.capabilities = undefined;
    this.stopping = false;
    this.diagnostics = vscode.languages.createDiagnosticCollection(LANGUAGE);
  }

  log(line) { if (this.output) this.output.appendLine(line); }

  /** Starts the server and resolves once it is initialized and every open document is synced. */
  async start() {
    const { vscode } = this;
    this.stopping = false;
    const child = this.spawn(this.command, this.args, { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process = child;
    const spawnFailed = new Promise((_, reject) => {
      child.once('error', (error) => {
        reject(new Error(error.code === 'ENOENT'
          ? `cannot run '${this.command}': not found (set baton.path to the baton executable)`
          : `cannot run '${this.command}': ${error.message}`));
      });
    });
    spawnFailed.catch(() => {}); // observed below; never an unhandled rejection
    child.stderr.on('data', (chunk) => this.log(`[baton lsp] ${chunk.toString('utf8').trimEnd()}`));
    child.on('exit', (code, signal) => this.onExit(code, signal));

    const connection = new Connection(child.stdout, child.stdin);
    this.connection = connection;
    connection.on('error', (error) => this.log(`[client] ${error.message}`));
    connection.on('trace', (direction, message) => this.traceMessage(direction, message));
    connection.on('notification', (method) => { if (!method.startsWith('$/')) this.log(`[client] ignored notification ${method}`); });
    this.registerServerRequests(connection);

    const folders = vscode.workspace.workspaceFolders || [];
    const initialize = connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Baton for VS Code', version: vscode.version || 'unknown' },
      locale: vscode.env && vscode.env.language,
      rootUri: folders.length > 0 ? folders[0].uri.toString() : null,
      workspaceFolders: folders.length > 0 ? folders.map((f) => ({ uri: f.uri.toString(), name: f.name })) : null,
      capabilities: clientCapabilities(),
      trace: this.trace,
    });
    const result = await Promise.race([initialize, spawnFailed]);
    this.capabilities = (result && result.capabilities) || {};
    if (this.capabilities.positionEncoding && this.capabilities.positionEncoding !== 'utf-16') {
      this.log(`[client] the server chose position encoding ${this.capabilities.positionEncoding}, which was not offered; positions may be off`);
    }
    connection.sendNotification('initialized', {});
    this.sync = syncOptions(this.capabilities.textDocumentSync);
    this.registerDocumentSync();
    this.registerProviders();
    return this.capabilities;
  }

  traceMessage(direction, message) {
    if (this.trace === 'off') return;
    const what = message.method
      ? `${message.method}${message.id !== undefined ? ` (${message.id})` : ''}`
      : `response (${message.id})${message.error ? ` error ${message.error.code}` : ''}`;
    const arrow = direction === 'send' ? 'Sending' : 'Received';
    const body = this.trace === 'verbose' ? `\n${JSON.stringify(message.params !== undefined ? message.params : (message.result !== undefined ? message.result : message.error), null, 2)}` : '';
    this.log(`[Trace] ${arrow} ${what}${body}`);
  }

  onExit(code, signal) {
    if (this.connection) this.connection.close();
    this.diagnostics.clear();
    this.opened.clear();
    if (this.stopping) return;
    const how = signal ? `signal ${signal}` : `exit status ${code}`;
    this.log(`[client] baton lsp stopped (${how})`);
    const shown = this.vscode.window.showErrorMessage(`The Baton language server stopped (${how}).`, 'Restart');
    if (shown && typeof shown.then === 'function') {
      shown.then((choice) => { if (choice === 'Restart') this.vscode.commands.executeCommand('baton.restartServer'); });
    }
  }

  /** Requests and notifications the server sends, each answered as the LSP says. */
  registerServerRequests(connection) {
    const { vscode, convert } = this;
    connection.onRequest('workspace/configuration', (params) => (params.items || []).map((item) => {
      const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
      const value = item.section ? vscode.workspace.getConfiguration(undefined, scope).get(item.section) : undefined;
      return value === undefined ? null : value;
    }));
    connection.onRequest('window/workDoneProgress/create', () => null);
    // Nothing is offered for dynamic registration, so a registration is acknowledged and the
    // statically registered providers keep serving.
    connection.onRequest('client/registerCapability', (params) => {
      for (const registration of (params && params.registrations) || []) this.log(`[client] registration of ${registration.method} acknowledged`);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/applyEdit', async (params) => {
      try {
        const applied = await vscode.workspace.applyEdit(convert.toWorkspaceEdit(params.edit));
        return applied ? { applied: true } : { applied: false, failureReason: 'VS Code did not apply the edit' };
      } catch (error) {
        return { applied: false, failureReason: error.message };
      }
    });
    connection.onRequest('workspace/workspaceFolders', () => {
      const folders = vscode.workspace.workspaceFolders || [];
      return folders.length > 0 ? folders.map((f) => ({ uri: f.uri.toString(), name: f.name })) : null;
    });
    connection.onRequest('window/showMessageRequest', async (params) => {
      const titles = (params.actions || []).map((action) => action.title);
      const choice = await this.showMessage(params.type, params.message, titles);
      return choice === undefined ? null : (params.actions || []).find((action) => action.title === choice) || null;
    });
    connection.onRequest('window/showDocument', async (params) => {
      try {
        const uri = vscode.Uri.parse(params.uri);
        if (params.external) return { success: Boolean(await vscode.env.openExternal(uri)) };
        const options = { preserveFocus: !params.takeFocus };
        if (params.selection) options.selection = convert.toRange(params.selection);
        await vscode.window.showTextDocument(uri, options);
        return { success: true };
      } catch (error) {
        return { success: false };
      }
    });
    for (const method of ['workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'workspace/inlayHint/refresh',
      'workspace/inlineValue/refresh', 'workspace/diagnostic/refresh', 'workspace/foldingRange/refresh']) {
      connection.onRequest(method, () => null);
    }

    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.diagnostics.set(vscode.Uri.parse(params.uri), (params.diagnostics || []).map(convert.toDiagnostic));
    });
    connection.onNotification('window/logMessage', (params) => this.log(params.message));
    connection.onNotification('window/showMessage', (params) => { this.showMessage(params.type, params.message, []); });
    connection.onNotification('$/logTrace', (params) => this.log(`[Trace] ${params.message}`));
    connection.onNotification('$/progress', () => {});
    connection.onNotification('telemetry/event', () => {});
  }

  showMessage(type, message, titles) {
    const { window } = this.vscode;
    const show = type === 1 ? window.showErrorMessage : type === 2 ? window.showWarningMessage : window.showInformationMessage;
    return show.call(window, message, ...titles);
  }

  isBaton(document) { return document.languageId === LANGUAGE; }

  /** didOpen for every open .baton document and every one opened later; didChange, didSave
   * and didClose for those. */
  registerDocumentSync() {
    const { vscode, convert, connection } = this;
    if (!this.sync.openClose) return;
    const open = (document) => {
      const uri = document.uri.toString();
      if (!this.isBaton(document) || this.opened.has(uri)) return;
      this.opened.add(uri);
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: LANGUAGE, version: document.version, text: document.getText() },
      });
    };
    for (const document of vscode.workspace.textDocuments) open(document);
    this.disposables.push(vscode.workspace.onDidOpenTextDocument(open));
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((event) => {
      const uri = event.document.uri.toString();
      if (!this.opened.has(uri) || this.sync.change === 0 || event.contentChanges.length === 0) return;
      const contentChanges = this.sync.change === 2
        ? event.contentChanges.map(convert.fromContentChange)
        : [{ text: event.document.getText() }];
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: event.document.version }, contentChanges });
    }));
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => {
      const uri = document.uri.toString();
      if (!this.opened.has(uri) || !this.sync.save) return;
      const params = { textDocument: { uri } };
      if (this.sync.includeText) params.text = document.getText();
      connection.sendNotification('textDocument/didSave', params);
    }));
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((document) => {
      const uri = document.uri.toString();
      if (!this.opened.delete(uri)) return;
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      this.diagnostics.delete(document.uri);
    }));
  }

  /**
   * A request from a provider. Cancellation and a stopped server give `null` (VS Code shows
   * nothing); any other error is logged and, with `rethrow`, shown to the user (rename says why
   * it cannot rename).
   */
  async request(method, params, token, rethrow = false) {
    try {
      return await this.connection.sendRequest(method, params, token);
    } catch (error) {
      if (isQuiet(error)) return null;
      this.log(`[client] ${method} failed: ${error.message}`);
      if (rethrow) throw new Error(error.message);
      return null;
    }
  }

  registerProviders() {
    const { vscode, convert } = this;
    const caps = this.capabilities;
    const selector = [{ language: LANGUAGE }];
    const languages = vscode.languages;
    const at = (document, position) => ({ textDocument: { uri: document.uri.toString() }, position: convert.fromPosition(position) });
    const add = (disposable) => this.disposables.push(disposable);

    if (caps.hoverProvider) {
      add(languages.registerHoverProvider(selector, {
        provideHover: async (document, position, token) => convert.toHover(await this.request('textDocument/hover', at(document, position), token)),
      }));
    }
    if (caps.definitionProvider) {
      add(languages.registerDefinitionProvider(selector, {
        provideDefinition: async (document, position, token) => convert.toDefinition(await this.request('textDocument/definition', at(document, position), token)),
      }));
    }
    if (caps.referencesProvider) {
      add(languages.registerReferenceProvider(selector, {
        provideReferences: async (document, position, context, token) => {
          const result = await this.request('textDocument/references',
            { ...at(document, position), context: { includeDeclaration: Boolean(context && context.includeDeclaration) } }, token);
          return Array.isArray(result) ? result.map(convert.toLocation) : undefined;
        },
      }));
    }
    if (caps.renameProvider) {
      const provider = {
        provideRenameEdits: async (document, position, newName, token) => {
          const result = await this.request('textDocument/rename', { ...at(document, position), newName }, token, true);
          return result ? convert.toWorkspaceEdit(result) : undefined;
        },
      };
      if (typeof caps.renameProvider === 'object' && caps.renameProvider.prepareProvider) {
        provider.prepareRename = async (document, position, token) => {
          const result = await this.request('textDocument/prepareRename', at(document, position), token, true);
          if (result && result.defaultBehavior) {
            const word = document.getWordRangeAtPosition ? document.getWordRangeAtPosition(position) : undefined;
            if (word) return word;
          }
          const answer = convert.toPrepareRename(result);
          if (!answer) throw new Error('This element cannot be renamed.');
          return answer;
        };
      }
      add(languages.registerRenameProvider(selector, provider));
    }
    if (caps.completionProvider) {
      const triggers = caps.completionProvider.triggerCharacters || [];
      add(languages.registerCompletionItemProvider(selector, {
        provideCompletionItems: async (document, position, token, context) => {
          const params = at(document, position);
          if (context) {
            // VS Code counts trigger kinds from 0, the LSP from 1.
            params.context = { triggerKind: (context.triggerKind || 0) + 1 };
            if (context.triggerCharacter) params.context.triggerCharacter = context.triggerCharacter;
          }
          return convert.toCompletionList(await this.request('textDocument/completion', params, token));
        },
      }, ...triggers));
    }
    if (caps.documentSymbolProvider) {
      add(languages.registerDocumentSymbolProvider(selector, {
        provideDocumentSymbols: async (document, token) => convert.toDocumentSymbols(
          await this.request('textDocument/documentSymbol', { textDocument: { uri: document.uri.toString() } }, token)),
      }));
    }
    if (caps.workspaceSymbolProvider) {
      add(languages.registerWorkspaceSymbolProvider({
        provideWorkspaceSymbols: async (query, token) => {
          const result = await this.request('workspace/symbol', { query }, token);
          return Array.isArray(result) ? result.map(convert.toSymbolInformation) : undefined;
        },
      }));
    }
    if (caps.documentFormattingProvider) {
      add(languages.registerDocumentFormattingEditProvider(selector, {
        provideDocumentFormattingEdits: async (document, options, token) => {
          const result = await this.request('textDocument/formatting', {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
          }, token);
          return Array.isArray(result) ? result.map(convert.toTextEdit) : undefined;
        },
      }));
    }
    if (caps.codeActionProvider) {
      const kinds = typeof caps.codeActionProvider === 'object' && Array.isArray(caps.codeActionProvider.codeActionKinds)
        ? caps.codeActionProvider.codeActionKinds.map((kind) => vscode.CodeActionKind.Empty.append(kind))
        : undefined;
      add(languages.registerCodeActionsProvider(selector, {
        provideCodeActions: async (document, selected, context, token) => {
          const result = await this.request('textDocument/codeAction', {
            textDocument: { uri: document.uri.toString() },
            range: convert.fromRange(selected),
            context: convert.fromCodeActionContext(context),
          }, token);
          return Array.isArray(result) ? result.map((action) => convert.toCodeAction(action, EXECUTE_SERVER_COMMAND)) : undefined;
        },
      }, kinds ? { providedCodeActionKinds: kinds } : undefined));
    }
    if (caps.foldingRangeProvider) {
      add(languages.registerFoldingRangeProvider(selector, {
        provideFoldingRanges: async (document, context, token) => {
          const result = await this.request('textDocument/foldingRange', { textDocument: { uri: document.uri.toString() } }, token);
          return Array.isArray(result) ? result.map(convert.toFoldingRange) : undefined;
        },
      }));
    }
    if (caps.executeCommandProvider) {
      add(vscode.commands.registerCommand(EXECUTE_SERVER_COMMAND, (command) => this.request('workspace/executeCommand',
        { command: command.command, arguments: command.arguments }, undefined, true)));
    }
  }

  /** Tells the server about a settings change (`workspace/didChangeConfiguration`). */
  configurationChanged(settings) {
    if (this.connection && !this.connection.closed) this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  setTrace(value) {
    this.trace = value;
    if (this.connection && !this.connection.closed) this.connection.sendNotification('$/setTrace', { value });
  }

  /** shutdown, exit, and a kill if the server has not gone within `timeoutMs`. */
  async stop(timeoutMs = 2000) {
    this.stopping = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.diagnostics.clear();
    this.opened.clear();
    const child = this.process;
    if (this.connection) await this.connection.shutdown(timeoutMs);
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => { child.kill(); resolve(); }, timeoutMs);
        child.once('exit', () => { clearTimeout(timer); resolve(); });
      });
    }
    this.process = undefined;
    this.connection = undefined;
  }

  dispose() {
    this.diagnostics.dispose();
  }
}

module.exports = { BatonClient, clientCapabilities, syncOptions, EXECUTE_SERVER_COMMAND };
