#!/usr/bin/env python3
"""Measures `baton serve` end to end: save → repaint in a real browser, and server memory.

    swift build -c release --product baton && swift build -c release --product baton-bench
    python3 scripts/bench-serve.py [--edits 20] [--reloads 1000] [--baton .build/release/baton]

For each design — samples/card-payments.baton and a generated one of 1,000 interactions
(`baton-bench generate --participants 30 --interactions 1000`) — it serves the design, opens its
page in headless chromium (Selenium and chromium-driver), then saves the file `--edits` times,
each time with one interaction's label changed, and times from the write to the moment the new
label is in the page (a MutationObserver in the page reports it, so polling adds nothing). It
prints the median and p95, then the server's resident memory (VmRSS) before and after
`--reloads` fetches of the design page.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WAIT_FOR_TEXT = """
const [needle, done] = [arguments[0], arguments[arguments.length - 1]];
const root = document.getElementById("baton-sequence");
if (root.innerHTML.includes(needle)) { done(performance.now()); return; }
const observer = new MutationObserver(() => {
  if (root.innerHTML.includes(needle)) { observer.disconnect(); done(performance.now()); }
});
observer.observe(root, { childList: true, subtree: true, characterData: true });
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def browser():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def measure(name, text, label, args):
    directory = tempfile.mkdtemp(prefix="baton-bench-serve-")
    path = os.path.join(directory, "design.baton")
    with open(path, "w") as out:
        out.write(text)
    server = subprocess.Popen([args.baton, "serve", directory, "--port", "0"], stdout=subprocess.PIPE, text=True)
    url = None
    while url is None:
        line = server.stdout.readline()
        if not line:
            raise SystemExit("baton serve printed no URL")
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        url = found.group(1) if found else None
    driver = browser()
    driver.set_script_timeout(30)
    try:
        page = url + "design/design.baton"
        driver.get(page)
        driver.execute_async_script(WAIT_FOR_TEXT, label)
        latencies = []
        for edit in range(args.edits):
            new_label = f"{label}{edit}x"
            edited = text.replace(": " + label, ": " + new_label, 1)
            time.sleep(0.3)  # a pause between saves, as a person makes
            began = time.monotonic()
            with open(path, "w") as out:
                out.write(edited)
            driver.execute_async_script(WAIT_FOR_TEXT, new_label)
            latencies.append((time.monotonic() - began) * 1000)
        print(f"{name}: {len(text.encode()):,} bytes; save → repaint over {args.edits} edits: "
              f"median {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms")
        before = rss_kib(server.pid)
        began = time.monotonic()
        for _ in range(args.reloads):
            with urllib.request.urlopen(page) as response:
                response.read()
        elapsed = time.monotonic() - began
        after = rss_kib(server.pid)
        print(f"{name}: server RSS {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after {args.reloads} page loads "
              f"({elapsed / args.reloads * 1000:.1f} ms each)")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--reloads", type=int, default=1000)
    parser.add_argument("--baton", default=".build/release/baton")
    parser.add_argument("--bench", default=".build/release/baton-bench")
    args = parser.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    sample = open(os.path.join(root, "samples", "card-payments.baton"), encoding="utf-8").read()
    measure("card-payments", sample, "createPayment", args)
    generated = subprocess.run([args.bench, "generate", "--participants", "30", "--interactions", "1000"],
                               check=True, capture_output=True, text=True).stdout
    first_label = re.search(r"-> \w+ : (\w+)", generated).group(1)
    measure("1,000 interactions", generated, first_label, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
