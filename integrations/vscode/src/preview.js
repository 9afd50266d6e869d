'use strict';
// "Baton: Open Preview": a webview beside the editor that shows the design's diagram, drawn by
// `baton render FILE` (SVG on standard output) each time the file is saved.
//
// The webview runs no script at all. The SVG is shown as an <img> from a data: URI, so even a
// hostile SVG cannot run code or load anything (browsers run no scripts and fetch nothing for
// an SVG used as an image), and the Content-Security-Policy allows nothing else: no scripts, no
// connections, images only from data:, styles only from the page's own nonce'd <style>. An
// error (baton's standard error) is shown as escaped text.

const childProcess = require('child_process');
const crypto = require('crypto');
const path = require('path');

/** Text made safe for HTML content and attribute values. */
function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A fresh nonce for the page's one <style> element. */
function makeNonce() {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * The webview's HTML: the diagram (`svg`, a string or Buffer) or the error text, under a
 * policy that forbids scripts. Pure: same arguments, same page.
 */
function previewHtml({ title, svg, error, nonce }) {
  const policy = [
    "default-src 'none'",
    'img-src data:',
    `style-src 'nonce-${nonce}'`,
    "script-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  let body;
  if (error !== undefined && error !== null) {
    body = `<pre class="error">${escapeHtml(error)}</pre>`;
  } else if (svg !== undefined && svg !== null) {
    const data = Buffer.from(svg).toString('base64');
    body = `<img alt="${escapeHtml(`Diagram of ${title}`)}" src="data:image/svg+xml;base64,${data}">`;
  } else {
    body = '<p class="waiting">Rendering…</p>';
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">
body { margin: 0; padding: 12px; }
img { max-width: 100%; height: auto; background: transparent; }
pre.error { white-space: pre-wrap; color: var(--vscode-errorForeground); font-family: var(--vscode-editor-font-family); }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The arguments of `baton render` for a file, in the editor's light or dark theme. */
function renderArguments(file, dark) {
  const args = ['render', file, '--quiet'];
  if (dark) args.push('--theme', 'dark');
  return args;
}

/** Runs `baton render`; resolves with `{ svg }` or `{ error }` (never rejects). */
function render(command, file, dark, execFile = childProcess.execFile) {
  return new Promise((resolve) => {
    execFile(command, renderArguments(file, dark), {
      cwd: path.dirname(file),
      encoding: 'buffer',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120000,
      windowsHide: true,
    }, (failure, stdout, stderr) => {
      const errorText = Buffer.isBuffer(stderr) ? stderr.toString('utf8') : String(stderr || '');
      if (failure) {
        const reason = failure.code === 'ENOENT'
          ? `cannot run '${command}': not found (set baton.path to the baton executable)`
          : errorText.trim() || failure.message;
        resolve({ error: reason });
      } else {
        resolve({ svg: stdout });
      }
    });
  });
}

/** One preview panel per document; it redraws when its document is saved. */
class PreviewManager {
  constructor(vscode, getCommand) {
    this.vscode = vscode;
    this.getCommand = getCommand;
    this.panels = new Map(); // document uri → panel
    this.disposables = [
      vscode.workspace.onDidSaveTextDocument((document) => {
        const panel = this.panels.get(document.uri.toString());
        if (panel) this.update(panel, document);
      }),
    ];
  }

  isDark() {
    const theme = this.vscode.window.activeColorTheme;
    const kinds = this.vscode.ColorThemeKind || {};
    return Boolean(theme && (theme.kind === kinds.Dark || theme.kind === kinds.HighContrast));
  }

  open(document) {
    const { vscode } = this;
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(vscode.ViewColumn.Beside, true);
      this.update(existing, document);
      return existing;
    }
    const title = `Preview ${path.basename(document.fileName)}`;
    const panel = vscode.window.createWebviewPanel('baton.preview', title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
    this.panels.set(key, panel);
    panel.onDidDispose(() => this.panels.delete(key));
    this.update(panel, document);
    return panel;
  }

  async update(panel, document) {
    const title = path.basename(document.fileName);
    if (document.isUntitled) {
      panel.webview.html = previewHtml({ title, error: 'Save the design to a .baton file to preview it.', nonce: makeNonce() });
      return;
    }
    if (!panel.webview.html) panel.webview.html = previewHtml({ title, nonce: makeNonce() });
    const result = await render(this.getCommand(), document.fileName, this.isDark());
    panel.webview.html = previewHtml({ title, svg: result.svg, error: result.error, nonce: makeNonce() });
  }

  dispose() {
    for (const disposable of this.disposables) disposable.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}

module.exports = { PreviewManager, previewHtml, escapeHtml, render, renderArguments, makeNonce };
