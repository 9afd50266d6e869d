'use strict';
// Conversions between the LSP's values (plain JSON) and VS Code's classes.
//
// `createConverters(vscode)` takes the `vscode` module as a parameter instead of requiring it,
// so the tests pass a small fake and check every conversion under plain Node. The functions
// are pure: they read their argument and build new values, nothing else.
//
// Positions: the client offers only the "utf-16" position encoding, the LSP's default, which
// is what VS Code counts in too, so lines and characters pass through unchanged.

/** LSP DiagnosticSeverity (1 Error … 4 Hint) → index into vscode.DiagnosticSeverity order. */
const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'];
/** LSP FoldingRangeKind → the vscode.FoldingRangeKind member's name. */
const FOLDING_KINDS = { comment: 'Comment', imports: 'Imports', region: 'Region' };

function createConverters(vscode) {
  // The LSP diagnostic each vscode.Diagnostic came from: a code action request sends the
  // server its own diagnostics back, `data` included (a quick fix may depend on it).
  const originals = new WeakMap();

  const toPosition = (p) => new vscode.Position(p.line, p.character);
  const toRange = (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const toUri = (uri) => vscode.Uri.parse(uri);
  const toLocation = (l) => new vscode.Location(toUri(l.uri), toRange(l.range));

  /** A Location or a LocationLink (servers may answer definition with either). */
  function toLocationOrLink(value) {
    if (value.targetUri !== undefined) {
      return {
        originSelectionRange: value.originSelectionRange ? toRange(value.originSelectionRange) : undefined,
        targetUri: toUri(value.targetUri),
        targetRange: toRange(value.targetRange),
        targetSelectionRange: toRange(value.targetSelectionRange || value.targetRange),
      };
    }
    return toLocation(value);
  }

  function toDefinition(result) {
    if (!result) return undefined;
    return Array.isArray(result) ? result.map(toLocationOrLink) : toLocationOrLink(result);
  }

  function toSeverity(severity) {
    const name = SEVERITY_NAMES[(severity || 1) - 1] || 'Error';
    return vscode.DiagnosticSeverity[name];
  }

  function toDiagnostic(d) {
    const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
    if (d.code !== undefined && d.code !== null) {
      diagnostic.code = d.codeDescription && d.codeDescription.href
        ? { value: d.code, target: toUri(d.codeDescription.href) }
        : d.code;
    }
    if (d.source) diagnostic.source = d.source;
    if (Array.isArray(d.relatedInformation)) {
      diagnostic.relatedInformation = d.relatedInformation.map(
        (info) => new vscode.DiagnosticRelatedInformation(toLocation(info.location), info.message));
    }
    if (Array.isArray(d.tags)) {
      // LSP Unnecessary = 1, Deprecated = 2: the same numbers as vscode.DiagnosticTag.
      diagnostic.tags = d.tags.filter((tag) => tag === 1 || tag === 2);
    }
    originals.set(diagnostic, d);
    return diagnostic;
  }

  const fromPosition = (p) => ({ line: p.line, character: p.character });
  const fromRange = (r) => ({ start: fromPosition(r.start), end: fromPosition(r.end) });

  /** The LSP diagnostic for a vscode.Diagnostic: the original if it came from the server. */
  function fromDiagnostic(diagnostic) {
    const original = originals.get(diagnostic);
    if (original) return original;
    const severities = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning,
      vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];
    const result = {
      range: fromRange(diagnostic.range),
      message: diagnostic.message,
      severity: severities.indexOf(diagnostic.severity) + 1 || undefined,
    };
    const code = diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    if (code !== undefined) result.code = code;
    if (diagnostic.source) result.source = diagnostic.source;
    return result;
  }

  const toTextEdit = (e) => new vscode.TextEdit(toRange(e.range), e.newText);

  /** A WorkspaceEdit: `documentChanges` (text edits and file operations, in order) or `changes`. */
  function toWorkspaceEdit(edit) {
    const result = new vscode.WorkspaceEdit();
    if (!edit) return result;
    if (Array.isArray(edit.documentChanges)) {
      for (const change of edit.documentChanges) {
        if (change.kind === 'create') {
          result.createFile(toUri(change.uri), change.options || {});
        } else if (change.kind === 'rename') {
          result.renameFile(toUri(change.oldUri), toUri(change.newUri), change.options || {});
        } else if (change.kind === 'delete') {
          result.deleteFile(toUri(change.uri), change.options || {});
        } else if (change.textDocument) {
          const uri = toUri(change.textDocument.uri);
          for (const textEdit of change.edits || []) result.replace(uri, toRange(textEdit.range), textEdit.newText);
        }
      }
    } else if (edit.changes) {
      for (const uri of Object.keys(edit.changes)) {
        for (const textEdit of edit.changes[uri]) result.replace(toUri(uri), toRange(textEdit.range), textEdit.newText);
      }
    }
    return result;
  }

  /** MarkupContent, a MarkedString or an array of them → one MarkdownString. Server text is
   * never trusted: command links stay inert and raw HTML is not rendered. */
  function toMarkdown(contents) {
    const markdown = new vscode.MarkdownString();
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    const parts = Array.isArray(contents) ? contents : [contents];
    parts.forEach((part, index) => {
      if (index > 0) markdown.appendMarkdown('\n\n---\n\n');
      if (typeof part === 'string') {
        markdown.appendMarkdown(part); // a MarkedString that is a string is Markdown
      } else if (part && part.kind === 'plaintext') {
        markdown.appendText(part.value);
      } else if (part && part.kind === 'markdown') {
        markdown.appendMarkdown(part.value);
      } else if (part && typeof part.language === 'string') {
        markdown.appendCodeblock(part.value, part.language);
      }
    });
    return markdown;
  }

  function toHover(hover) {
    if (!hover || hover.contents === undefined || hover.contents === null) return undefined;
    return new vscode.Hover(toMarkdown(hover.contents), hover.range ? toRange(hover.range) : undefined);
  }

  /** LSP CompletionItemKind runs 1…25, VS Code's 0…24 in the same order. */
  function toCompletionKind(kind) {
    return Number.isInteger(kind) && kind >= 1 && kind <= 25 ? kind - 1 : vscode.CompletionItemKind.Text;
  }

  function toCompletionItem(item) {
    const result = new vscode.CompletionItem(item.label, toCompletionKind(item.kind));
    if (item.labelDetails) result.label = { label: item.label, detail: item.labelDetails.detail, description: item.labelDetails.description };
    if (item.detail) result.detail = item.detail;
    if (item.documentation) result.documentation = toMarkdown(item.documentation);
    if (item.sortText) result.sortText = item.sortText;
    if (item.filterText) result.filterText = item.filterText;
    if (item.preselect) result.preselect = true;
    if (Array.isArray(item.tags) && item.tags.includes(1)) result.tags = [vscode.CompletionItemTag.Deprecated];
    const snippet = item.insertTextFormat === 2;
    const text = (value) => (snippet ? new vscode.SnippetString(value) : value);
    if (item.textEdit) {
      result.insertText = text(item.textEdit.newText);
      result.range = item.textEdit.insert
        ? { inserting: toRange(item.textEdit.insert), replacing: toRange(item.textEdit.replace) }
        : toRange(item.textEdit.range);
    } else if (item.insertText !== undefined) {
      result.insertText = text(item.insertText);
    }
    if (Array.isArray(item.additionalTextEdits)) result.additionalTextEdits = item.additionalTextEdits.map(toTextEdit);
    if (Array.isArray(item.commitCharacters)) result.commitCharacters = item.commitCharacters;
    return result;
  }

  function toCompletionList(result) {
    if (!result) return undefined;
    if (Array.isArray(result)) return new vscode.CompletionList(result.map(toCompletionItem), false);
    return new vscode.CompletionList((result.items || []).map(toCompletionItem), Boolean(result.isIncomplete));
  }

  /** LSP SymbolKind runs 1…26, VS Code's 0…25 in the same order. */
  const toSymbolKind = (kind) => (Number.isInteger(kind) && kind >= 1 && kind <= 26 ? kind - 1 : vscode.SymbolKind.Variable);

  function toDocumentSymbol(symbol) {
    const result = new vscode.DocumentSymbol(symbol.name, symbol.detail || '', toSymbolKind(symbol.kind),
      toRange(symbol.range), toRange(symbol.selectionRange));
    result.children = (symbol.children || []).map(toDocumentSymbol);
    return result;
  }

  /** SymbolInformation, or a WorkspaceSymbol whose location may lack a range. */
  function toSymbolInformation(symbol) {
    const location = symbol.location.range
      ? toLocation(symbol.location)
      : new vscode.Location(toUri(symbol.location.uri), new vscode.Range(0, 0, 0, 0));
    return new vscode.SymbolInformation(symbol.name, toSymbolKind(symbol.kind), symbol.containerName || '', location);
  }

  function toDocumentSymbols(result) {
    if (!Array.isArray(result)) return undefined;
    return result.map((symbol) => (symbol.location ? toSymbolInformation(symbol) : toDocumentSymbol(symbol)));
  }

  function toFoldingRange(range) {
    const kind = range.kind && FOLDING_KINDS[range.kind] ? vscode.FoldingRangeKind[FOLDING_KINDS[range.kind]] : undefined;
    return new vscode.FoldingRange(range.startLine, range.endLine, kind);
  }

  /**
   * A Command or a CodeAction. A server command is run through `executeCommand` (the name of
   * the VS Code command that sends `workspace/executeCommand`), since VS Code knows none of them.
   */
  function toCodeAction(action, executeCommand) {
    const toCommand = (command) => ({ title: command.title, command: executeCommand, arguments: [command] });
    if (typeof action.command === 'string') {
      const result = new vscode.CodeAction(action.title);
      result.command = toCommand(action);
      return result;
    }
    const result = new vscode.CodeAction(action.title, action.kind ? vscode.CodeActionKind.Empty.append(action.kind) : undefined);
    if (action.edit) result.edit = toWorkspaceEdit(action.edit);
    if (Array.isArray(action.diagnostics)) result.diagnostics = action.diagnostics.map(toDiagnostic);
    if (action.isPreferred) result.isPreferred = true;
    if (action.disabled) result.disabled = { reason: action.disabled.reason };
    if (action.command) result.command = toCommand(action.command);
    return result;
  }

  /** prepareRename's answer: a Range, `{ range, placeholder }`, `{ defaultBehavior }` or null. */
  function toPrepareRename(result) {
    if (!result) return undefined;
    if (result.range) return { range: toRange(result.range), placeholder: result.placeholder };
    if (result.start) return toRange(result);
    return undefined; // defaultBehavior: let VS Code pick the word
  }

  function fromContentChange(change) {
    return { range: fromRange(change.range), rangeLength: change.rangeLength, text: change.text };
  }

  function fromCodeActionContext(context) {
    const result = { diagnostics: (context.diagnostics || []).map(fromDiagnostic) };
    if (context.only && context.only.value) result.only = [context.only.value];
    if (context.triggerKind) result.triggerKind = context.triggerKind; // Invoke 1, Automatic 2 in both
    return result;
  }

  return {
    toPosition, toRange, toUri, toLocation, toLocationOrLink, toDefinition, toSeverity, toDiagnostic,
    fromPosition, fromRange, fromDiagnostic, toTextEdit, toWorkspaceEdit, toMarkdown, toHover,
    toCompletionKind, toCompletionItem, toCompletionList, toSymbolKind, toDocumentSymbol,
    toSymbolInformation, toDocumentSymbols, toFoldingRange, toCodeAction, toPrepareRename,
    fromContentChange, fromCodeActionContext,
  };
}

module.exports = { createConverters };
