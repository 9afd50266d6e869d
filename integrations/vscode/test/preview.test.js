'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { previewHtml, escapeHtml, render, renderArguments, PreviewManager } = require('../src/preview');
const { createFakeVscode, FakeDocument, Uri } = require('./fake-vscode');

const policyOf = (html) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1].replace(/&#39;/g, "'");

test('escapeHtml escapes every character that matters in content and attributes', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('the page forbids scripts and allows images only from data:', () => {
  const html = previewHtml({ title: 'a.baton', svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', nonce: 'abc123' });
  const policy = policyOf(html);
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'none'/);
  assert.match(policy, /img-src data:(;|$)/);
  assert.match(policy, /style-src 'nonce-abc123'/);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /<style nonce="abc123">/);
});

test('the SVG goes into an <img> as base64, so its markup never reaches the page', () => {
  const hostile = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>"quotes" & </text></svg>';
  const html = previewHtml({ title: 'x', svg: hostile, nonce: 'n' });
  const src = /<img alt="[^"]*" src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)">/.exec(html);
  assert.ok(src, html);
  assert.equal(Buffer.from(src[1], 'base64').toString('utf8'), hostile);
  assert.doesNotMatch(html, /alert\(1\)/);
});

test('errors and titles are escaped text', () => {
  const html = previewHtml({ title: '<evil>.baton', error: "a.baton:1:1: error: '<script>' & more", nonce: 'n' });
  assert.match(html, /<pre class="error">a\.baton:1:1: error: &#39;&lt;script&gt;&#39; &amp; more<\/pre>/);
  assert.match(html, /<title>&lt;evil&gt;\.baton<\/title>/);
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /<img/);
});

test('render arguments: the file, quiet, and the dark theme for dark editors', () => {
  assert.deepEqual(renderArguments('/d/a.baton', false), ['render', '/d/a.baton', '--quiet']);
  assert.deepEqual(renderArguments('/d/a.baton', true), ['render', '/d/a.baton', '--quiet', '--theme', 'dark']);
});

/** A stand-in for `baton`: a script that prints an SVG, or an error and exit 1 for "bad" files. */
function fakeBaton() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-preview-'));
  const script = path.join(directory, 'baton');
  fs.writeFileSync(script, `#!/bin/sh
case "$2" in
  *bad*) echo "$2:1:1: error[undeclared-name]: '<Ghost>' is not declared" >&2; exit 1 ;;
  *) printf '<svg xmlns="http://www.w3.org/2000/svg" data-args="%s"/>' "$*" ;;
esac
`, { mode: 0o755 });
  return { directory, script };
}

test('render runs baton and gives the SVG, or the error text; a missing program says so', async () => {
  const { directory, script } = fakeBaton();
  const good = await render(script, path.join(directory, 'good.baton'), true);
  assert.match(good.svg.toString('utf8'), /data-args="render .*good\.baton --quiet --theme dark"/);
  const bad = await render(script, path.join(directory, 'bad.baton'), false);
  assert.match(bad.error, /'<Ghost>' is not declared/);
  const missing = await render(path.join(directory, 'no-such-baton'), path.join(directory, 'good.baton'), false);
  assert.match(missing.error, /not found \(set baton\.path/);
});

test('the preview panel opens beside, without scripts, and redraws on save', async () => {
  const { directory, script } = fakeBaton();
  const vscode = createFakeVscode();
  vscode.window.activeColorTheme = { kind: vscode.ColorThemeKind.Dark };
  const previews = new PreviewManager(vscode, () => script);
  const document = new FakeDocument(Uri.file(path.join(directory, 'good.baton')), 'service A\n');
  const panel = previews.open(document);
  assert.equal(panel.options.enableScripts, false);
  assert.deepEqual(panel.options.localResourceRoots, []);
  await previews.update(panel, document);
  assert.match(panel.webview.html, /data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(/base64,([^"]+)"/.exec(panel.webview.html)[1], 'base64').toString('utf8');
  assert.match(svg, /--theme dark/);
  // Opening again reveals the same panel.
  assert.equal(previews.open(document), panel);
  assert.equal(vscode.test.panels.length, 1);
  // A save redraws: the panel shows what the file now renders to.
  panel.webview.html = '';
  vscode.test.events.save.fire(document);
  for (let i = 0; i < 100 && !/base64/.test(panel.webview.html); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.match(panel.webview.html, /base64/);
  previews.dispose();
  assert.equal(previews.panels.size, 0);
});
