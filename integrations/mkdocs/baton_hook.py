"""MkDocs hook: draw ```baton fences with the baton command at build time.

Add to mkdocs.yml:

    hooks:
      - baton_hook.py

Every ```baton fence in a page becomes an inline SVG (light theme; set BATON_THEME=dark for a
dark site). A fence that does not compile becomes an error box in the page and a warning in
the build log, so `mkdocs build --strict` fails on it. Set BATON to the baton binary if it is
not on PATH. Needs nothing but the standard library.
"""

import logging
import os
import subprocess

log = logging.getLogger("mkdocs.hooks.baton")


def on_page_markdown(markdown, page, config, files):
    if "```baton" not in markdown and "~~~baton" not in markdown:
        return markdown
    source = page.file.src_uri
    command = [
        os.environ.get("BATON", "baton"), "markdown", "-", "--inline",
        "--on-error", "placeholder",
        "--theme", os.environ.get("BATON_THEME", "light"),
        "--source-name", os.path.join(config["docs_dir"], source),
        "--color", "never",
    ]
    result = subprocess.run(command, input=markdown.encode("utf-8"), capture_output=True)
    if result.returncode != 0:
        raise RuntimeError(f"baton failed on {source}:\n{result.stderr.decode('utf-8', 'replace')}")
    if result.stderr:
        log.warning("baton: %s", result.stderr.decode("utf-8", "replace").strip())
    return result.stdout.decode("utf-8")
