#!/usr/bin/env node
'use strict';
// A FAKE language server for the tests: it speaks the LSP over standard I/O the way `baton lsp`
// will, with canned answers, so the real client code (src/client.js, src/jsonrpc.js) and the
// Neovim check script can be exercised end to end before the real server exists.
//
// It has its own framing code on purpose: a bug shared by the client's parser and this one
// would otherwise cancel out.
//
// Diagnostics: every occurrence of the word `Ghost` in a document is an error
// `undeclared-name`, with related information pointing at the document's first line.
// `fake/state` (a request) answers what the server has seen: methods, documents and the
// client's answers to the server's own requests.

// `node --test test/` runs every .js file under test/, this one included: it serves only when
// started as a server is (`… lsp` or `… --stdio`), and otherwise exits at once.
if (!process.argv.slice(2).some((arg) => arg === 'lsp' || arg === '--stdio')) {
  process.exit(0);
}

const received = [];
const documents = new Map();
const answers = {};
let initializeParams = null;
let shutdown = false;
let nextId = 1;
const waiting = new Map(); // id of a server → client request → its method
const slow = new Map(); // id of a pending fake/slow request

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const match = /Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'));
    if (!match) { process.stderr.write('fake-server: bad header\n'); process.exit(3); }
    const length = Number(match[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(shutdown ? 0 : 1));

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function request(method, params) {
  const id = `s${nextId++}`;
  waiting.set(id, method);
  send({ id, method, params });
}

/** UTF-16 line and character → index into a JS string (which counts UTF-16 units too). */
function offsetAt(text, position) {
  let offset = 0;
  for (let line = 0; line < position.line; line += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function publish(uri) {
  const text = documents.get(uri);
  const diagnostics = [];
  const pattern = /Ghost/g;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    diagnostics.push({
      range: { start: positionAt(text, match.index), end: positionAt(text, match.index + 5) },
      severity: 1,
      code: 'undeclared-name',
      codeDescription: { href: 'https://example.invalid/rules/undeclared-name' },
      source: 'baton',
      message: "'Ghost' is not declared",
      relatedInformation: [{ location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: 'first line' }],
      data: { fix: 'Host' },
    });
  }
  send({ method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } });
}

function wordAt(uri, position) {
  const text = documents.get(uri) || '';
  const offset = offsetAt(text, position);
  let start = offset;
  let end = offset;
  while (start > 0 && /\w/.test(text[start - 1])) start -= 1;
  while (end < text.length && /\w/.test(text[end])) end += 1;
  return { word: text.slice(start, end), range: { start: positionAt(text, start), end: positionAt(text, end) } };
}

const handlers = {
  initialize(params) {
    initializeParams = params;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: 2, save: { includeText: true } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: ['[', ','] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        foldingRangeProvider: true,
        executeCommandProvider: { commands: ['fake.apply'] },
      },
      serverInfo: { name: 'fake-baton-lsp', version: '0' },
    };
  },
  shutdown() { shutdown = true; return null; },
  'fake/state'() {
    return {
      received,
      documents: Object.fromEntries(documents),
      answers,
      clientCapabilities: initializeParams && initializeParams.capabilities,
      clientInfo: initializeParams && initializeParams.clientInfo,
    };
  },
  'textDocument/hover'(params) {
    const { word, range } = wordAt(params.textDocument.uri, params.position);
    return { contents: { kind: 'markdown', value: `**${word}** — a participant` }, range };
  },
  'textDocument/definition'(params) {
    return [{ uri: params.textDocument.uri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } } }];
  },
  'textDocument/references'(params) {
    const locations = [{ uri: params.textDocument.uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } }];
    if (params.context.includeDeclaration) locations.unshift({ uri: params.textDocument.uri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } } });
    return locations;
  },
  'textDocument/prepareRename'(params) {
    const { word, range } = wordAt(params.textDocument.uri, params.position);
    if (!word) return null;
    return { range, placeholder: word };
  },
  'textDocument/rename'(params) {
    if (!/^\w+$/.test(params.newName)) {
      const error = new Error(`'${params.newName}' is not a name`);
      error.code = -32602;
      throw error;
    }
    const { range } = wordAt(params.textDocument.uri, params.position);
    return { changes: { [params.textDocument.uri]: [{ range, newText: params.newName }] } };
  },
  'textDocument/completion'() {
    return {
      isIncomplete: false,
      items: [
        { label: 'timeout', kind: 10, detail: 'duration', insertText: 'timeout=${1:1s}', insertTextFormat: 2 },
        { label: 'service', kind: 14 },
      ],
    };
  },
  'textDocument/documentSymbol'() {
    return [{
      name: 'Shop', kind: 5, detail: 'service',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } },
      selectionRange: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } },
      children: [],
    }];
  },
  'workspace/symbol'(params) {
    const uri = [...documents.keys()][0] || 'file:///nowhere.baton';
    return [{ name: `${params.query}Shop`, kind: 5, location: { uri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 12 } } } }];
  },
  'textDocument/formatting'(params) {
    const text = documents.get(params.textDocument.uri) || '';
    const formatted = text.replace(/[ \t]+/g, ' ');
    return [{ range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) }, newText: formatted }];
  },
  'textDocument/codeAction'(params) {
    return params.context.diagnostics.map((diagnostic) => ({
      title: `Replace with '${diagnostic.data && diagnostic.data.fix}'`,
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: { changes: { [params.textDocument.uri]: [{ range: diagnostic.range, newText: diagnostic.data && diagnostic.data.fix }] } },
    }));
  },
  'textDocument/foldingRange'() {
    return [{ startLine: 1, endLine: 3, kind: 'region' }, { startLine: 4, endLine: 5, kind: 'comment' }];
  },
  'workspace/executeCommand'(params) {
    if (params.command === 'fake.apply') {
      request('workspace/applyEdit', { label: 'fake', edit: { changes: { 'file:///applied.baton': [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] } } });
    }
    return null;
  },
};

const notifications = {
  initialized() {
    request('workspace/configuration', { items: [{ section: 'baton' }, { section: 'baton.path' }, { section: 'nothing.here' }] });
    request('window/workDoneProgress/create', { token: 'fake-progress' });
    request('client/registerCapability', { registrations: [{ id: 'r1', method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [] } }] });
    request('fake/unknown', {});
  },
  'textDocument/didOpen'(params) {
    documents.set(params.textDocument.uri, params.textDocument.text);
    publish(params.textDocument.uri);
  },
  'textDocument/didChange'(params) {
    const uri = params.textDocument.uri;
    let text = documents.get(uri) || '';
    for (const change of params.contentChanges) {
      if (change.range) {
        text = text.slice(0, offsetAt(text, change.range.start)) + change.text + text.slice(offsetAt(text, change.range.end));
      } else {
        text = change.text;
      }
    }
    documents.set(uri, text);
    publish(uri);
  },
  'textDocument/didSave'(params) {
    if (params.text !== undefined) answers.savedText = params.text;
  },
  'textDocument/didClose'(params) {
    documents.delete(params.textDocument.uri);
    send({ method: 'textDocument/publishDiagnostics', params: { uri: params.textDocument.uri, diagnostics: [] } });
  },
  '$/cancelRequest'(params) {
    if (slow.has(params.id)) {
      slow.delete(params.id);
      send({ id: params.id, error: { code: -32800, message: 'cancelled' } });
    }
  },
  exit() { process.exit(shutdown ? 0 : 1); },
};

function handle(message) {
  if (message.method) received.push(message.method);
  if (message.method === undefined) {
    // An answer to one of our requests.
    const method = waiting.get(message.id);
    waiting.delete(message.id);
    answers[method] = message.error ? { error: message.error } : { result: message.result };
    if (method === 'workspace/applyEdit') send({ method: 'window/logMessage', params: { type: 3, message: `applyEdit answered ${JSON.stringify(message.result)}` } });
    return;
  }
  if (message.id === undefined) {
    const handler = notifications[message.method];
    if (handler) handler(message.params);
    return;
  }
  if (message.method === 'fake/slow') {
    slow.set(message.id, true);
    return;
  }
  if (message.method === 'fake/fail') {
    send({ id: message.id, error: { code: -32803, message: 'it failed on purpose', data: { why: 'test' } } });
    return;
  }
  if (message.method === 'fake/echo') {
    send({ id: message.id, result: message.params });
    return;
  }
  const handler = handlers[message.method];
  if (!handler) {
    send({ id: message.id, error: { code: -32601, message: `unknown method ${message.method}` } });
    return;
  }
  try {
    send({ id: message.id, result: handler(message.params) });
  } catch (error) {
    send({ id: message.id, error: { code: error.code || -32603, message: error.message } });
  }
}
