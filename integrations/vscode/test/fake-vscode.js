'use strict';
// A small stand-in for the `vscode` module: the classes and functions the extension uses, with
// the same shapes and enum numbers as VS Code 1.75, plus hooks the tests read (the providers
// registered, the diagnostics set, the messages shown). `createFakeVscode()` gives a fresh one
// per test.

class Position {
  constructor(line, character) { this.line = line; this.character = character; }
}

class Range {
  constructor(a, b, c, d) {
    if (a instanceof Position) { this.start = a; this.end = b; } else { this.start = new Position(a, b); this.end = new Position(c, d); }
  }
}

class Uri {
  constructor(value) { this.value = value; this.scheme = value.slice(0, Math.max(0, value.indexOf(':'))); }
  static parse(value) { return new Uri(value); }
  static file(path) { return new Uri(`file://${encodeURI(path)}`); }
  get fsPath() { return this.scheme === 'file' ? decodeURI(this.value.slice('file://'.length)) : this.value; }
  toString() { return this.value; }
}

class Location {
  constructor(uri, range) { this.uri = uri; this.range = range; }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };
const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 };

class Diagnostic {
  constructor(range, message, severity = DiagnosticSeverity.Error) { this.range = range; this.message = message; this.severity = severity; }
}

class DiagnosticRelatedInformation {
  constructor(location, message) { this.location = location; this.message = message; }
}

class TextEdit {
  constructor(range, newText) { this.range = range; this.newText = newText; }
}

class WorkspaceEdit {
  constructor() { this.operations = []; }
  replace(uri, range, newText) { this.operations.push({ kind: 'edit', uri, edit: new TextEdit(range, newText) }); }
  createFile(uri, options) { this.operations.push({ kind: 'create', uri, options }); }
  renameFile(oldUri, newUri, options) { this.operations.push({ kind: 'rename', oldUri, newUri, options }); }
  deleteFile(uri, options) { this.operations.push({ kind: 'delete', uri, options }); }
  /** [uri, TextEdit[]] pairs, as vscode.WorkspaceEdit.entries() gives them. */
  entries() {
    const byUri = new Map();
    for (const op of this.operations.filter((o) => o.kind === 'edit')) {
      const key = op.uri.toString();
      if (!byUri.has(key)) byUri.set(key, [op.uri, []]);
      byUri.get(key)[1].push(op.edit);
    }
    return [...byUri.values()];
  }
}

class MarkdownString {
  constructor(value = '') { this.value = value; this.isTrusted = false; this.supportHtml = false; }
  appendMarkdown(text) { this.value += text; return this; }
  appendText(text) { this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&'); return this; }
  appendCodeblock(code, language = '') { this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`; return this; }
}

class Hover {
  constructor(contents, range) { this.contents = Array.isArray(contents) ? contents : [contents]; this.range = range; }
}

const CompletionItemKind = {
  Text: 0, Method: 1, Function: 2, Constructor: 3, Field: 4, Variable: 5, Class: 6, Interface: 7, Module: 8, Property: 9,
  Unit: 10, Value: 11, Enum: 12, Keyword: 13, Snippet: 14, Color: 15, File: 16, Reference: 17, Folder: 18, EnumMember: 19,
  Constant: 20, Struct: 21, Event: 22, Operator: 23, TypeParameter: 24, User: 25, Issue: 26,
};
const CompletionItemTag = { Deprecated: 1 };

class CompletionItem {
  constructor(label, kind) { this.label = label; this.kind = kind; }
}

class CompletionList {
  constructor(items = [], isIncomplete = false) { this.items = items; this.isIncomplete = isIncomplete; }
}

class SnippetString {
  constructor(value) { this.value = value; }
}

const SymbolKind = {
  File: 0, Module: 1, Namespace: 2, Package: 3, Class: 4, Method: 5, Property: 6, Field: 7, Constructor: 8, Enum: 9,
  Interface: 10, Function: 11, Variable: 12, Constant: 13, String: 14, Number: 15, Boolean: 16, Array: 17, Object: 18,
  Key: 19, Null: 20, EnumMember: 21, Struct: 22, Event: 23, Operator: 24, TypeParameter: 25,
};

class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) {
    Object.assign(this, { name, detail, kind, range, selectionRange, children: [] });
  }
}

class SymbolInformation {
  constructor(name, kind, containerName, location) { Object.assign(this, { name, kind, containerName, location }); }
}

const FoldingRangeKind = { Comment: 1, Imports: 2, Region: 3 };

class FoldingRange {
  constructor(start, end, kind) { this.start = start; this.end = end; this.kind = kind; }
}

class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');

class CodeAction {
  constructor(title, kind) { this.title = title; this.kind = kind; }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) { for (const listener of [...this.listeners]) listener(value); }
}

/** A text document: `text` may change through `setText`, which bumps the version. */
class FakeDocument {
  constructor(uri, text, languageId = 'baton') {
    this.uri = typeof uri === 'string' ? Uri.parse(uri) : uri;
    this.text = text;
    this.languageId = languageId;
    this.version = 1;
    this.isUntitled = this.uri.scheme === 'untitled';
  }
  get fileName() { return this.uri.fsPath; }
  getText() { return this.text; }
  setText(text) { this.text = text; this.version += 1; }
}

function createFakeVscode({ settings = {} } = {}) {
  const events = {
    open: new EventEmitter(), change: new EventEmitter(), close: new EventEmitter(), save: new EventEmitter(), configuration: new EventEmitter(),
  };
  const providers = {};
  const diagnosticCollections = [];
  const messages = [];
  const appliedEdits = [];
  const commands = new Map();
  const panels = [];
  const register = (kind) => (...args) => {
    (providers[kind] = providers[kind] || []).push(args);
    return { dispose: () => { providers[kind] = providers[kind].filter((entry) => entry !== args); } };
  };

  const vscode = {
    version: '1.75.0-fake',
    Position, Range, Uri, Location, Diagnostic, DiagnosticSeverity, DiagnosticTag, DiagnosticRelatedInformation, TextEdit,
    WorkspaceEdit, MarkdownString, Hover, CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList,
    SnippetString, SymbolKind, DocumentSymbol, SymbolInformation, FoldingRange, FoldingRangeKind, CodeAction,
    CodeActionKind, EventEmitter,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
    env: { language: 'en', openExternal: async () => true },
    languages: {
      createDiagnosticCollection(name) {
        const entries = new Map();
        const collection = {
          name,
          entries,
          set(uri, diagnostics) { entries.set(uri.toString(), diagnostics); },
          get(uri) { return entries.get(uri.toString()); },
          delete(uri) { entries.delete(uri.toString()); },
          clear() { entries.clear(); },
          dispose() { entries.clear(); },
        };
        diagnosticCollections.push(collection);
        return collection;
      },
      registerHoverProvider: register('hover'),
      registerDefinitionProvider: register('definition'),
      registerReferenceProvider: register('references'),
      registerRenameProvider: register('rename'),
      registerCompletionItemProvider: register('completion'),
      registerDocumentSymbolProvider: register('documentSymbol'),
      registerWorkspaceSymbolProvider: register('workspaceSymbol'),
      registerDocumentFormattingEditProvider: register('formatting'),
      registerCodeActionsProvider: register('codeAction'),
      registerFoldingRangeProvider: register('foldingRange'),
    },
    workspace: {
      textDocuments: [],
      workspaceFolders: undefined,
      onDidOpenTextDocument: events.open.event,
      onDidChangeTextDocument: events.change.event,
      onDidCloseTextDocument: events.close.event,
      onDidSaveTextDocument: events.save.event,
      onDidChangeConfiguration: events.configuration.event,
      getConfiguration(section) {
        return {
          get(key) {
            const full = section ? `${section}.${key}` : key;
            if (Object.prototype.hasOwnProperty.call(settings, full)) return settings[full];
            // A section asked for as a whole: its settings as an object.
            const prefix = `${full}.`;
            const nested = Object.keys(settings).filter((name) => name.startsWith(prefix)).sort();
            if (nested.length === 0) return undefined;
            const result = {};
            for (const name of nested) result[name.slice(prefix.length)] = settings[name];
            return result;
          },
        };
      },
      async applyEdit(edit) { appliedEdits.push(edit); return true; },
    },
    window: {
      activeColorTheme: { kind: 1 },
      activeTextEditor: undefined,
      showErrorMessage: async (message) => { messages.push({ type: 'error', message }); return undefined; },
      showWarningMessage: async (message) => { messages.push({ type: 'warning', message }); return undefined; },
      showInformationMessage: async (message) => { messages.push({ type: 'info', message }); return undefined; },
      showTextDocument: async () => ({}),
      createOutputChannel(name) {
        const lines = [];
        return { name, lines, appendLine: (line) => lines.push(line), append: (text) => lines.push(text), show() {}, dispose() {} };
      },
      createWebviewPanel(viewType, title, showOptions, options) {
        const disposed = new EventEmitter();
        const panel = {
          viewType, title, showOptions, options, webview: { html: '', cspSource: 'fake-webview:' },
          revealed: 0,
          reveal() { this.revealed += 1; },
          onDidDispose: disposed.event,
          dispose() { disposed.fire(); },
        };
        panels.push(panel);
        return panel;
      },
    },
    commands: {
      registerCommand(name, handler) { commands.set(name, handler); return { dispose: () => commands.delete(name) }; },
      async executeCommand(name, ...args) { const handler = commands.get(name); return handler ? handler(...args) : undefined; },
    },
  };

  /** What the tests read and drive. */
  vscode.test = { events, providers, diagnosticCollections, messages, appliedEdits, commands, panels, settings };
  return vscode;
}

/** A cancellation token that the test can cancel. */
function cancellationSource() {
  const listeners = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(listener) { listeners.push(listener); return { dispose() {} }; },
  };
  return {
    token,
    cancel() { token.isCancellationRequested = true; for (const listener of listeners) listener(); },
  };
}

module.exports = { createFakeVscode, FakeDocument, cancellationSource, Uri, Range, Position };
