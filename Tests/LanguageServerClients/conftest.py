"""A real LSP client (pytest-lsp) driving `baton lsp`.

Run through `swift test` (LanguageServerClientTests), which sets BATON_EXECUTABLE to the built
binary, or by hand:

    BATON_EXECUTABLE=.build/debug/baton python3 -m pytest Tests/LanguageServerClients
"""
import os
import shutil
import sys

import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

BATON = os.environ.get("BATON_EXECUTABLE") or shutil.which("baton") or "baton"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BATON, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    # Each test initializes its own session (it needs its own workspace folder).
    yield
    await lsp_client.shutdown_session()
