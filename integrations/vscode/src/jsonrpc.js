'use strict';
// JSON-RPC 2.0 over the Language Server Protocol's base protocol: messages framed by a
// `Content-Length` header (a count of BYTES of the UTF-8 body), correlated by id.
//
// It is written here rather than taken from vscode-languageclient so that the extension has
// no npm dependencies and no build step: what ships is what is in this folder. Nothing in this
// file knows VS Code, so the tests run it under plain Node.

const { EventEmitter } = require('events');

/** Error codes of JSON-RPC and the LSP that this client sends or recognises. */
const ErrorCodes = Object.freeze({
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ServerNotInitialized: -32002,
  RequestFailed: -32803,
  ServerCancelled: -32802,
  ContentModified: -32801,
  RequestCancelled: -32800,
  /** Not on the wire: the connection closed before the answer came. */
  ConnectionClosed: -32099,
});

/** An error response from the other side (or a local stand-in for one), with its code. */
class ResponseError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = 'ResponseError';
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

/** The largest header block accepted before giving up on a stream that sends no blank line. */
const MAX_HEADER_BYTES = 8192;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/**
 * A streaming parser for the base protocol. `push(chunk)` takes bytes as they arrive, however
 * the pipe split or merged them, and returns the complete messages they finished (parsed JSON).
 * A frame with a bad header, or whose body is not JSON, is reported through `onError` and
 * skipped, so one bad message does not stop the ones after it.
 */
class MessageReader {
  constructor(onError = () => {}) {
    this.buffer = Buffer.alloc(0);
    this.expected = -1; // body length of the frame being read, or -1 while reading a header
    this.onError = onError;
  }

  push(chunk) {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const messages = [];
    for (;;) {
      if (this.expected < 0) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) {
            this.onError(new Error(`no end of header within ${MAX_HEADER_BYTES} bytes; input discarded`));
            this.buffer = Buffer.alloc(0);
          }
          return messages;
        }
        const header = this.buffer.subarray(0, end).toString('ascii');
        this.buffer = this.buffer.subarray(end + HEADER_END.length);
        const length = parseContentLength(header);
        if (typeof length === 'string') {
          this.onError(new Error(length));
          continue; // skip this header; the next frame may be fine
        }
        this.expected = length;
      }
      if (this.buffer.length < this.expected) return messages;
      const body = this.buffer.subarray(0, this.expected).toString('utf8');
      this.buffer = this.buffer.subarray(this.expected);
      this.expected = -1;
      try {
        messages.push(JSON.parse(body));
      } catch (error) {
        this.onError(new Error(`a message is not JSON: ${error.message}`));
      }
    }
  }
}

/** The Content-Length of a header block, or a string saying what is wrong with it. */
function parseContentLength(header) {
  let length;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `malformed header line ${JSON.stringify(line)}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^[0-9]{1,10}$/.test(value)) return `bad Content-Length ${JSON.stringify(value)}`;
      length = Number(value);
    } else if (name === 'content-type') {
      const charset = /charset\s*=\s*"?([^";]+)/i.exec(value);
      if (charset && !/^utf-?8$/i.test(charset[1].trim())) return `unsupported charset ${charset[1]}`;
    }
  }
  if (length === undefined) return 'a header without Content-Length';
  return length;
}

/** One message as it goes on the wire. */
function encodeMessage(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * A JSON-RPC connection over a readable and a writable stream (a child's stdout and stdin).
 *
 * Events: 'notification' (method, params) for notifications without a handler, 'error'
 * (Error) for framing problems and handler failures, 'trace' (direction, message), 'close'.
 */
class Connection extends EventEmitter {
  constructor(readable, writable) {
    super();
    this.writable = writable;
    this.nextId = 1;
    this.pending = new Map(); // id → { resolve, reject, method }
    this.requestHandlers = new Map();
    this.notificationHandlers = new Map();
    this.closed = false;
    this.reader = new MessageReader((error) => this.emit('error', error));
    readable.on('data', (chunk) => {
      for (const message of this.reader.push(chunk)) this.dispatch(message);
    });
    readable.on('close', () => this.close());
    readable.on('end', () => this.close());
    if (writable.on) writable.on('error', (error) => { this.emit('error', error); this.close(); });
  }

  /** Handles requests the server sends (`workspace/configuration`, …); the handler's value
   * (or promise) becomes the result, a thrown ResponseError the error. */
  onRequest(method, handler) { this.requestHandlers.set(method, handler); }

  onNotification(method, handler) { this.notificationHandlers.set(method, handler); }

  /**
   * Sends a request; the promise settles with the result, or rejects with a ResponseError.
   * `token` is a cancellation token as VS Code gives providers (`isCancellationRequested`,
   * `onCancellationRequested`): cancelling sends `$/cancelRequest` and rejects at once with
   * RequestCancelled; whatever the server answers afterwards is dropped.
   */
  sendRequest(method, params, token) {
    if (this.closed) return Promise.reject(new ResponseError(ErrorCodes.ConnectionClosed, 'the language server is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      const cancel = () => {
        if (!this.pending.has(id)) return;
        this.pending.delete(id);
        this.sendNotification('$/cancelRequest', { id });
        reject(new ResponseError(ErrorCodes.RequestCancelled, `${method} was cancelled`));
      };
      if (token && token.isCancellationRequested) {
        this.pending.delete(id);
        reject(new ResponseError(ErrorCodes.RequestCancelled, `${method} was cancelled`));
        return;
      }
      this.write({ jsonrpc: '2.0', id, method, params });
      if (token && typeof token.onCancellationRequested === 'function') token.onCancellationRequested(cancel);
    });
  }

  sendNotification(method, params) {
    if (this.closed) return;
    const message = { jsonrpc: '2.0', method };
    if (params !== undefined) message.params = params;
    this.write(message);
  }

  write(message) {
    this.emit('trace', 'send', message);
    this.writable.write(encodeMessage(message));
  }

  dispatch(message) {
    this.emit('trace', 'receive', message);
    if (message === null || typeof message !== 'object' || message.jsonrpc !== '2.0') {
      this.emit('error', new Error('a message that is not JSON-RPC 2.0'));
      return;
    }
    const hasId = typeof message.id === 'number' || typeof message.id === 'string';
    if (typeof message.method === 'string') {
      if (hasId) this.answer(message);
      else this.notify(message);
    } else if (hasId || message.id === null) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return; // cancelled, or an answer to nothing
      this.pending.delete(message.id);
      if (message.error) {
        const { code, message: text, data } = message.error;
        waiting.reject(new ResponseError(typeof code === 'number' ? code : ErrorCodes.InternalError, String(text), data));
      } else {
        waiting.resolve(message.result === undefined ? null : message.result);
      }
    } else {
      this.emit('error', new Error('a message that is neither a request, a notification nor a response'));
    }
  }

  async answer(request) {
    const handler = this.requestHandlers.get(request.method);
    if (!handler) {
      this.reply(request.id, undefined, { code: ErrorCodes.MethodNotFound, message: `unhandled method ${request.method}` });
      return;
    }
    try {
      const result = await handler(request.params);
      this.reply(request.id, result === undefined ? null : result);
    } catch (error) {
      const code = error instanceof ResponseError ? error.code : ErrorCodes.InternalError;
      this.reply(request.id, undefined, { code, message: error && error.message ? error.message : String(error) });
    }
  }

  reply(id, result, error) {
    if (this.closed) return;
    this.write(error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result });
  }

  notify(notification) {
    const handler = this.notificationHandlers.get(notification.method);
    if (handler) {
      try {
        handler(notification.params);
      } catch (error) {
        this.emit('error', error);
      }
    } else {
      this.emit('notification', notification.method, notification.params);
    }
  }

  /**
   * The LSP's orderly end: the `shutdown` request, then the `exit` notification. A server that
   * does not answer within `timeoutMs` still gets `exit`.
   */
  async shutdown(timeoutMs = 2000) {
    if (this.closed) return;
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, timeoutMs); });
    try {
      await Promise.race([this.sendRequest('shutdown', null).catch(() => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.sendNotification('exit');
    this.close();
  }

  /** Stops: every request still waiting is rejected. */
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const [, waiting] of this.pending) {
      waiting.reject(new ResponseError(ErrorCodes.ConnectionClosed, `the language server stopped before answering ${waiting.method}`));
    }
    this.pending.clear();
    this.emit('close');
  }
}

module.exports = { Connection, MessageReader, ResponseError, ErrorCodes, encodeMessage, parseContentLength };
