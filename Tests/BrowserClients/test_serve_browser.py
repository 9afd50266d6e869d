"""`baton serve` in a real browser: Debian's chromium driven by Selenium.

Run through `swift test` (ServeBrowserTests), which sets BATON_EXECUTABLE and
BATON_SCREENSHOTS, or by hand:

    BATON_EXECUTABLE=.build/debug/baton python3 -m pytest Tests/BrowserClients
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BATON = os.environ.get("BATON_EXECUTABLE") or shutil.which("baton") or "baton"
SCREENSHOTS = os.environ.get("BATON_SCREENSHOTS") or tempfile.mkdtemp(prefix="baton-screenshots-")

DESIGN = """\
title "Search"
client   Browser
service  Search  [timeout=3s]
service  Ranking [timeout=1s, idempotent]
Browser -> Search : query [timeout=5s] {
  Search -> Ranking : rank hits [retries=3]
}
"""


@pytest.fixture
def site():
    directory = tempfile.mkdtemp(prefix="baton-serve-")
    path = os.path.join(directory, "search.baton")
    with open(path, "w") as out:
        out.write(DESIGN)
    server = subprocess.Popen([BATON, "serve", directory, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and url is None:
        line = server.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line or "")
        if found:
            url = found.group(1)
    assert url, "baton serve printed no URL"
    yield url, path
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def browser():
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"]:
        options.add_argument(argument)
    # The console, so a blocked script or a content-security-policy violation shows up.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def shot(driver, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))


def rewrite(path, text):
    # A new mtime even within the same second: the watcher compares mtimes and sizes.
    with open(path, "w") as out:
        out.write(text)
    now = time.time()
    os.utime(path, (now + 2, now + 2))


def wait(driver, condition, what, timeout=10):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.01).until(lambda d: condition(d))
    except Exception as error:  # noqa: BLE001 - reported with what was awaited
        shot(driver, "timeout-" + re.sub(r"\W+", "-", what))
        raise AssertionError(f"timed out waiting for {what}") from error


def sequence_html(driver):
    return driver.execute_script("return document.getElementById('baton-sequence').innerHTML")


def test_the_index_lists_the_design_and_opens_its_page(site, browser):
    url, _ = site
    browser.get(url)
    link = browser.find_element(By.LINK_TEXT, "search.baton")
    shot(browser, "index")
    link.click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#baton-sequence svg"), "the sequence view")
    assert browser.find_element(By.ID, "baton-title").text == "Search"
    # The graph view is on the page too, behind its tab.
    browser.find_element(By.ID, "baton-tab-graph").click()
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#baton-graph svg").is_displayed(), "the graph view")
    shot(browser, "design-graph")
    # The page's scripts ran under its content security policy (no violation was reported).
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors


def test_an_edit_repaints_without_a_reload_and_a_broken_file_keeps_the_last_diagram(site, browser):
    url, path = site
    browser.get(url + "design/search.baton")
    wait(browser, lambda d: "Ranking" in sequence_html(d), "the first diagram")
    browser.execute_script("window.batonNotReloaded = true;")
    transform = browser.execute_script("return document.getElementById('baton-sequence').style.transform")

    began = time.monotonic()
    rewrite(path, DESIGN + "Search ->> Audit : log query\nqueue Audit [overflow=drop-oldest]\n")
    wait(browser, lambda d: "Audit" in sequence_html(d), "the edited diagram")
    repaint = time.monotonic() - began
    print(f"save → repaint: {repaint * 1000:.0f} ms")
    assert browser.execute_script("return window.batonNotReloaded === true"), "the page was reloaded"
    assert browser.execute_script("return document.getElementById('baton-sequence').style.transform") == transform
    shot(browser, "edited")

    rewrite(path, DESIGN + "Search -> : nobody\n")
    banner = wait(browser, lambda d: d.find_element(By.ID, "baton-banner").text.strip() or None, "the error banner")
    assert re.search(r"\b8\b", banner) or "line 8" in banner or "8:" in banner, banner
    assert "Audit" in sequence_html(browser), "the last good diagram stays"
    assert browser.execute_script("return window.batonNotReloaded === true")
    shot(browser, "broken")

    rewrite(path, DESIGN)
    wait(browser, lambda d: "Audit" not in sequence_html(d) and not d.find_element(By.ID, "baton-banner").text.strip(),
         "the repaired diagram")


def test_clicking_a_finding_highlights_its_arrow(site, browser):
    url, _ = site
    browser.get(url + "design/search.baton")
    finding = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "li.baton-finding button"), "the findings")[0]
    assert "retry-without-backoff" in browser.find_element(By.ID, "baton-findings").text
    finding.click()
    highlighted = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#baton-sequence .baton-highlight"),
                       "a highlighted element")
    # The retried call: Search -> Ranking, the design's second interaction.
    assert any(element.get_attribute("data-interaction") == "1" for element in highlighted), \
        [element.get_attribute("outerHTML")[:120] for element in highlighted]
    shot(browser, "highlight")
    finding.click()
    wait(browser, lambda d: not d.find_elements(By.CSS_SELECTOR, ".baton-highlight"), "the highlight to clear")
