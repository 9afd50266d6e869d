"""End-to-end: open, edit, diagnostics, hover, completion, definition, rename across an import,
code actions applied, formatting and symbols, all through pytest-lsp's client."""
import asyncio
import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

TIMEOUT = 20.0

RETRIES = """\
service Search  [timeout=3s]
service Ranking [timeout=1s, idempotent]
Search -> Ranking : rank hits [retries=3]
"""


async def start(client: LanguageClient, root: pathlib.Path):
    capabilities = client_capabilities("visual-studio-code")
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        )
    )
    assert result.server_info is not None and result.server_info.name == "baton"
    return result


def open_document(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1) -> str:
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="baton", version=version, text=text)
        )
    )
    return uri


async def diagnostics_where(client: LanguageClient, uri: str, predicate, what: str):
    """Waits until the diagnostics published for `uri` satisfy `predicate`."""
    async def wait():
        while not (uri in client.diagnostics and predicate(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    try:
        return await asyncio.wait_for(wait(), TIMEOUT)
    except asyncio.TimeoutError:
        raise AssertionError(f"timed out waiting for {what}; last: {client.diagnostics.get(uri)}")


def replace_text(client: LanguageClient, uri: str, version: int, text: str):
    """Sends the whole new text of an open document, as a version."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def codes(diagnostics):
    return sorted(str(d.code) for d in diagnostics)


def position_of(text: str, needle: str, offset: int = 0) -> types.Position:
    index = text.index(needle) + offset
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return types.Position(line=line, character=column)


def apply_edits(text: str, edits) -> str:
    """Applies LSP text edits (UTF-16 positions; these tests use ASCII) to `text`."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position):
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_diagnostics_arrive_with_rule_codes_and_links(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    uri = open_document(client, tmp_path / "search.baton", RETRIES)
    found = await diagnostics_where(client, uri, lambda d: len(d) > 0, "a finding")
    assert codes(found) == ["retry-without-backoff"]
    finding = found[0]
    assert finding.range.start == types.Position(line=2, character=0)
    assert finding.severity == types.DiagnosticSeverity.Warning
    assert finding.source == "baton"
    assert finding.code_description is not None
    assert finding.code_description.href.endswith("#retry-without-backoff")


async def test_editing_the_document_clears_a_finding(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    uri = open_document(client, tmp_path / "search.baton", RETRIES)
    await diagnostics_where(client, uri, lambda d: len(d) == 1, "the retry finding")
    fixed = RETRIES.replace("[retries=3]", "[retries=3, backoff=exponential, jitter]")
    replace_text(client, uri, 2, fixed)
    await diagnostics_where(client, uri, lambda d: len(d) == 0, "no findings after the edit")


async def test_incremental_edit_that_breaks_the_file_reports_a_syntax_error(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    uri = open_document(client, tmp_path / "search.baton", RETRIES)
    await diagnostics_where(client, uri, lambda d: len(d) == 1, "the retry finding")
    # Replace "->" on line 3 with "=>", which is not an arrow.
    start_position = position_of(RETRIES, "->")
    end_position = types.Position(line=start_position.line, character=start_position.character + 2)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=start_position, end=end_position), text="=>")],
        )
    )
    broken = await diagnostics_where(
        client, uri, lambda d: any(x.severity == types.DiagnosticSeverity.Error for x in d), "a compile error")
    assert broken[0].range.start.line == 2


async def test_hover_on_a_participant_and_on_an_interaction(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = """\
client Browser
service Shop [timeout=2s, availability=99.9%]
external Stripe [availability=99.99%, latency=250ms]
Browser -> Shop : pay [timeout=5s] {
  Shop -> Stripe : charge [timeout=1s, retries=2, backoff=exponential, jitter, circuit-breaker]
}
"""
    uri = open_document(client, tmp_path / "shop.baton", text)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, "Stripe", 2))
    )
    assert hover is not None
    content = hover.contents.value if hasattr(hover.contents, "value") else str(hover.contents)
    assert "external" in content
    assert "99.99%" in content

    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(text, ": charge", 3))
    )
    assert hover is not None
    content = hover.contents.value
    assert "3" in content  # attempts: retries=2 → 3 attempts
    assert "attempt" in content.lower()


async def test_completion_offers_attribute_keys_for_the_kind_and_names_after_an_arrow(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = "queue Orders [\nservice Shop\n"
    uri = open_document(client, tmp_path / "orders.baton", text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=14))
    )
    items = result.items if hasattr(result, "items") else result
    labels = {item.label for item in items}
    assert "capacity" in labels and "dlq" in labels
    assert "circuit-breaker" not in labels  # an interaction attribute, not a queue's

    text2 = "service Shop\nqueue Orders\nShop ->> "
    replace_text(client, uri, 2, text2)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=9))
    )
    items = result.items if hasattr(result, "items") else result
    assert "Orders" in {item.label for item in items}


async def test_definition_and_rename_across_an_import(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    shared = "store Ledger [availability=99.95%]\n"
    (tmp_path / "shared.baton").write_text(shared)
    main = 'import "shared.baton"\nservice Billing [timeout=1s]\nBilling -> Ledger : post [timeout=500ms]\n'
    main_uri = open_document(client, tmp_path / "main.baton", main)
    shared_uri = (tmp_path / "shared.baton").as_uri()

    locations = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=main_uri), position=position_of(main, "Ledger", 1))
    )
    if isinstance(locations, types.Location):
        locations = [locations]
    uris = {getattr(l, "uri", getattr(l, "target_uri", None)) for l in locations}
    assert uris == {shared_uri}

    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=types.TextDocumentIdentifier(uri=main_uri),
                           position=position_of(main, "Ledger", 1), new_name="Books")
    )
    assert edit is not None
    changes = {}
    if edit.changes:
        changes = edit.changes
    else:
        for document_edit in edit.document_changes or []:
            changes.setdefault(document_edit.text_document.uri, []).extend(document_edit.edits)
    assert set(changes) == {main_uri, shared_uri}
    assert apply_edits(shared, changes[shared_uri]) == "store Books [availability=99.95%]\n"
    assert "Billing -> Books : post" in apply_edits(main, changes[main_uri])


async def test_a_quick_fix_applied_removes_its_finding(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    uri = open_document(client, tmp_path / "search.baton", RETRIES)
    found = await diagnostics_where(client, uri, lambda d: len(d) == 1, "the retry finding")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=found[0].range,
            context=types.CodeActionContext(diagnostics=list(found), only=[types.CodeActionKind.QuickFix]),
        )
    )
    titles = [action.title for action in actions]
    fix = next(action for action in actions if "backoff" in action.title)
    assert any("baton:ignore" in title or "uppress" in title for title in titles)
    fixed = apply_edits(RETRIES, fix.edit.changes[uri])
    assert "backoff=exponential" in fixed and "jitter" in fixed
    replace_text(client, uri, 2, fixed)
    await diagnostics_where(client, uri, lambda d: len(d) == 0, "no findings after the fix")


async def test_formatting_and_document_symbols(client: LanguageClient, tmp_path):
    await start(client, tmp_path)
    text = "service   Search [timeout=3s]\nservice Ranking\nflow \"rank\" {\nSearch -> Ranking : rank [timeout=1s]\n}\n"
    uri = open_document(client, tmp_path / "messy.baton", text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri),
                                       options=types.FormattingOptions(tab_size=2, insert_spaces=True))
    )
    formatted = apply_edits(text, edits)
    assert "service   Search" not in formatted and "\n  Search -> Ranking" in formatted

    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    names = {symbol.name for symbol in symbols}
    assert {"Search", "Ranking"} <= names
