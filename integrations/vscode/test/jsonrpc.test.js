'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { PassThrough } = require('node:stream');
const { MessageReader, Connection, ResponseError, ErrorCodes, encodeMessage, parseContentLength } = require('../src/jsonrpc');
const { cancellationSource } = require('./fake-vscode');

const frame = (body) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n`, 'ascii'), Buffer.from(body, 'utf8')]);

test('a message split at every byte comes out whole, once', () => {
  const reader = new MessageReader();
  const bytes = frame('{"jsonrpc":"2.0","method":"x","params":{"a":1}}');
  const out = [];
  for (let i = 0; i < bytes.length; i += 1) out.push(...reader.push(bytes.subarray(i, i + 1)));
  assert.deepEqual(out, [{ jsonrpc: '2.0', method: 'x', params: { a: 1 } }]);
});

test('several messages in one chunk, and a chunk ending inside the next header', () => {
  const reader = new MessageReader();
  const all = Buffer.concat([frame('{"id":1}'), frame('{"id":2}'), frame('{"id":3}')]);
  const cut = all.length - 10;
  assert.deepEqual(reader.push(all.subarray(0, cut)), [{ id: 1 }, { id: 2 }]);
  assert.deepEqual(reader.push(all.subarray(cut)), [{ id: 3 }]);
});

test('Content-Length counts UTF-8 bytes: multi-byte characters split across chunks', () => {
  const text = 'é ☃ 𝄞 日本 — Ghost';
  const body = JSON.stringify({ text });
  assert.ok(Buffer.byteLength(body) > body.length, 'the body has multi-byte characters');
  const bytes = frame(body);
  const reader = new MessageReader();
  // Cut in the middle of the snowman (3 bytes) and of the clef (4 bytes).
  const snowman = bytes.indexOf(Buffer.from('☃'));
  const clef = bytes.indexOf(Buffer.from('𝄞'));
  const parts = [bytes.subarray(0, snowman + 1), bytes.subarray(snowman + 1, clef + 2), bytes.subarray(clef + 2)];
  const out = parts.flatMap((part) => reader.push(part));
  assert.deepEqual(out, [{ text }]);
  assert.equal(encodeMessage({ text }).toString('utf8').split('\r\n\r\n')[0], `Content-Length: ${Buffer.byteLength(JSON.stringify({ text }))}`);
});

test('headers: Content-Type is accepted, bad or missing lengths are reported and skipped', () => {
  assert.equal(parseContentLength('Content-Length: 12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
  assert.equal(parseContentLength('content-length:7'), 7);
  assert.match(parseContentLength('Content-Type: application/json'), /without Content-Length/);
  assert.match(parseContentLength('Content-Length: -3'), /bad Content-Length/);
  assert.match(parseContentLength('Content-Length: twelve'), /bad Content-Length/);
  assert.match(parseContentLength('garbage'), /malformed header/);
  assert.match(parseContentLength('Content-Length: 2\r\nContent-Type: text/plain; charset=latin1'), /unsupported charset/);

  const errors = [];
  const reader = new MessageReader((error) => errors.push(error.message));
  const input = Buffer.concat([Buffer.from('Content-Length: nope\r\n\r\n'), frame('{"ok":true}'), frame('{not json'), frame('{"after":1}')]);
  assert.deepEqual(reader.push(input), [{ ok: true }, { after: 1 }]);
  assert.equal(errors.length, 2);
  assert.match(errors[0], /bad Content-Length/);
  assert.match(errors[1], /not JSON/);
});

test('a stream that never ends its header is discarded instead of growing without bound', () => {
  const errors = [];
  const reader = new MessageReader((error) => errors.push(error.message));
  assert.deepEqual(reader.push(Buffer.alloc(9000, 0x41)), []);
  assert.equal(errors.length, 1);
  assert.deepEqual(reader.push(frame('{"fine":1}')), [{ fine: 1 }]);
});

/** A connection whose peer is the test: `toClient` feeds it, `fromClient` collects what it sends. */
function pair() {
  const toClient = new PassThrough();
  const fromClient = new PassThrough();
  const connection = new Connection(toClient, fromClient);
  const peerReader = new MessageReader();
  const sent = [];
  const waiters = [];
  fromClient.on('data', (chunk) => {
    for (const message of peerReader.push(chunk)) {
      sent.push(message);
      for (const waiter of waiters.splice(0)) waiter();
    }
  });
  const next = async (predicate) => {
    for (;;) {
      const found = sent.find(predicate);
      if (found) return found;
      await new Promise((resolve) => waiters.push(resolve));
    }
  };
  const reply = (message) => toClient.write(encodeMessage({ jsonrpc: '2.0', ...message }));
  return { connection, sent, next, reply, toClient };
}

test('responses are matched to their requests by id, in any order', async () => {
  const { connection, next, reply } = pair();
  const first = connection.sendRequest('a', { n: 1 });
  const second = connection.sendRequest('b', { n: 2 });
  const a = await next((m) => m.method === 'a');
  const b = await next((m) => m.method === 'b');
  assert.notEqual(a.id, b.id);
  reply({ id: b.id, result: 'B' });
  reply({ id: a.id, result: { answer: 'A' } });
  assert.deepEqual(await first, { answer: 'A' });
  assert.equal(await second, 'B');
});

test('an error response rejects with its code, message and data', async () => {
  const { connection, next, reply } = pair();
  const pending = connection.sendRequest('textDocument/rename', {});
  const request = await next((m) => m.method === 'textDocument/rename');
  reply({ id: request.id, error: { code: ErrorCodes.InvalidParams, message: 'not a name', data: { x: 1 } } });
  await assert.rejects(pending, (error) => error instanceof ResponseError && error.code === -32602 && error.message === 'not a name' && error.data.x === 1);
});

test('server requests are answered; unknown ones get MethodNotFound, a throwing handler an error', async () => {
  const { connection, next, reply } = pair();
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => 'value'));
  connection.onRequest('boom', () => { throw new ResponseError(ErrorCodes.RequestFailed, 'nope'); });
  reply({ id: 7, method: 'workspace/configuration', params: { items: [{}, {}] } });
  reply({ id: 'x', method: 'made/up', params: {} });
  reply({ id: 8, method: 'boom' });
  assert.deepEqual((await next((m) => m.id === 7)).result, ['value', 'value']);
  assert.equal((await next((m) => m.id === 'x')).error.code, ErrorCodes.MethodNotFound);
  const boom = await next((m) => m.id === 8);
  assert.equal(boom.error.code, ErrorCodes.RequestFailed);
  assert.equal(boom.error.message, 'nope');
});

test('notifications reach their handler, others the notification event', async () => {
  const { connection, reply } = pair();
  const seen = [];
  connection.onNotification('window/logMessage', (params) => seen.push(params.message));
  connection.on('notification', (method) => seen.push(`other:${method}`));
  reply({ method: 'window/logMessage', params: { message: 'hello' } });
  reply({ method: '$/progress', params: {} });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(seen, ['hello', 'other:$/progress']);
});

test('cancelling sends $/cancelRequest and rejects with RequestCancelled; a late answer is dropped', async () => {
  const { connection, next, reply } = pair();
  const source = cancellationSource();
  const pending = connection.sendRequest('textDocument/hover', {}, source.token);
  const request = await next((m) => m.method === 'textDocument/hover');
  source.cancel();
  await assert.rejects(pending, (error) => error.code === ErrorCodes.RequestCancelled);
  const cancel = await next((m) => m.method === '$/cancelRequest');
  assert.equal(cancel.params.id, request.id);
  reply({ id: request.id, result: 'too late' }); // must not throw or resolve anything
  const already = cancellationSource();
  already.cancel();
  await assert.rejects(connection.sendRequest('x', {}, already.token), (error) => error.code === ErrorCodes.RequestCancelled);
});

test('shutdown sends the shutdown request, then exit; closing rejects what is still waiting', async () => {
  const { connection, sent, next, reply } = pair();
  const orphan = connection.sendRequest('textDocument/hover', {});
  const done = connection.shutdown(1000);
  const shutdown = await next((m) => m.method === 'shutdown');
  reply({ id: shutdown.id, result: null });
  await done;
  await next((m) => m.method === 'exit');
  assert.deepEqual(sent.map((m) => m.method), ['textDocument/hover', 'shutdown', 'exit']);
  await assert.rejects(orphan, (error) => error.code === ErrorCodes.ConnectionClosed);
  await assert.rejects(connection.sendRequest('after', {}), (error) => error.code === ErrorCodes.ConnectionClosed);
});

test('the reader end closing rejects pending requests', async () => {
  const { connection, toClient } = pair();
  const pending = connection.sendRequest('x', {});
  toClient.end();
  await assert.rejects(pending, (error) => error.code === ErrorCodes.ConnectionClosed);
});
