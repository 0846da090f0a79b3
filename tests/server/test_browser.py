"""A person with a browser: headless Chromium (Debian's chromium + chromium-driver) against
`mhkg serve`.

It opens the query editor, runs a query in YASGUI and reads the result rows; opens a shared
query link and a named-query example; opens a resource page and follows a link. Every page
must fetch from the server itself only (no CDN, no prefix.cc, no LOV). Screenshots go to
tests/artifacts/ (gitignored). `make test` installs Chromium; without it these tests fail.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver, WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from mhkg.vocab import MHKG

WAIT = 20  # seconds, the most any one step may take
GUINEA_TITLE = "Diaspora Engagement in Support of the Health Sector in Guinea"
VENDORED = Path(__file__).resolve().parents[2] / "server/static/vendor/yasgui"
FRONTEND = Path(__file__).resolve().parents[2] / "tools/frontend"
RESULT_ROWS = (By.CSS_SELECTOR, ".tabPanel.active .yasr table.dataTable tbody tr")
PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
TITLES_QUERY = (
    PREFIXES
    + """SELECT ?title ?code WHERE {
  ?p a mhkg:Project ; rdfs:label ?title ; mhkg:projectCode ?code
} ORDER BY ?code"""
)


def chromium_paths() -> tuple[str, str]:
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver):
        pytest.fail(
            "Chromium or chromedriver is missing: `make chromium` (a prerequisite of"
            " `make test`) installs Debian's chromium and chromium-driver",
            pytrace=False,
        )
    return browser, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    binary, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        # Chromium's own traffic (updates, sync, field trials): none of it is the page's.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


def requested_urls(driver: WebDriver) -> list[str]:
    """The URLs the pages asked for since the last call (the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def assert_only_local_requests(driver: WebDriver, base_url: str) -> list[str]:
    urls = requested_urls(driver)
    own = urllib.parse.urlsplit(base_url).netloc
    foreign = [
        url
        for url in urls
        if urllib.parse.urlsplit(url).scheme not in ("data", "blob", "about")
        and urllib.parse.urlsplit(url).netloc != own
    ]
    assert not foreign, f"the page fetched from other hosts: {foreign}"
    return urls


def open_editor(driver: WebDriver, url: str) -> None:
    requested_urls(driver)  # forget earlier pages' requests
    driver.get(url)
    try:
        WebDriverWait(driver, WAIT).until(
            lambda d: d.execute_script(
                "return !!(window.yasgui && yasgui.getTab() && yasgui.getTab().getYasqe())"
            )
        )
    except TimeoutException:
        logs = driver.get_log("browser")
        pytest.fail(f"no YASGUI editor at {url}; console: {logs}\n{driver.page_source[:2000]}")


def result_rows(driver: WebDriver) -> list[str]:
    """The rows of the active tab's result table, once there are some."""
    WebDriverWait(driver, WAIT).until(ec.presence_of_all_elements_located(RESULT_ROWS))
    return [row.text for row in driver.find_elements(*RESULT_ROWS)]


def click(driver: WebDriver, element: WebElement) -> None:
    """Click as a person would, after scrolling the element to the middle of the window."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    WebDriverWait(driver, WAIT).until(ec.element_to_be_clickable(element)).click()


def test_vendored_editor_is_the_pinned_version() -> None:
    lock = json.loads((FRONTEND / "package-lock.json").read_text("utf-8"))
    pinned = lock["packages"]["node_modules/@triply/yasgui"]["version"]
    assert (VENDORED / "VERSION").read_text("utf-8").startswith(f"@triply/yasgui {pinned}\n")
    for name in ("yasgui.min.js", "yasgui.min.css", "LICENSE.txt"):
        assert (VENDORED / name).stat().st_size > 0


def test_editor_runs_a_query(browser: WebDriver, live_server: str, artifacts: Path) -> None:
    open_editor(browser, f"{live_server}/sparql")
    endpoint = browser.execute_script("return yasgui.getTab().getEndpoint()")
    assert endpoint == f"{live_server}/sparql"
    default_query = browser.execute_script("return yasgui.getTab().getQuery()")
    assert f"PREFIX mhkg: <{MHKG}>" in default_query
    browser.execute_script("yasgui.getTab().setQuery(arguments[0])", TITLES_QUERY)
    click(browser, browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasqe_queryButton"))
    rows = result_rows(browser)
    assert any(GUINEA_TITLE in row and "CD.0015" in row for row in rows), rows
    assert len(rows) >= 2
    browser.save_screenshot(str(artifacts / "query-editor.png"))
    urls = assert_only_local_requests(browser, live_server)
    assert f"{live_server}/sparql" in urls  # the query went to the server's endpoint


def test_shared_link_opens_the_editor_with_its_query(browser: WebDriver, live_server: str) -> None:
    link = f"{live_server}/sparql?" + urllib.parse.urlencode({"query": TITLES_QUERY})
    open_editor(browser, link)
    assert browser.execute_script("return yasgui.getTab().getQuery()") == TITLES_QUERY
    assert any(GUINEA_TITLE in row for row in result_rows(browser))  # run on opening
    share = urllib.parse.urlsplit(
        browser.execute_script("return yasgui.getTab().getShareableLink()")
    )
    assert f"{share.scheme}://{share.netloc}{share.path}" == f"{live_server}/sparql"
    assert urllib.parse.parse_qs(share.query) == {"query": [TITLES_QUERY]}
    assert_only_local_requests(browser, live_server)


def test_named_query_example(browser: WebDriver, live_server: str) -> None:
    open_editor(browser, f"{live_server}/sparql")
    example = browser.find_element(By.CSS_SELECTOR, "a.mhkg-example[data-name='projects']")
    title = example.text
    click(browser, example)
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return yasgui.getTab().getName()") == title
    )
    assert "mhkg:Project" in browser.execute_script("return yasgui.getTab().getQuery()")
    assert any(GUINEA_TITLE in row for row in result_rows(browser))
    assert_only_local_requests(browser, live_server)


def test_result_links_lead_to_resource_pages(
    browser: WebDriver, live_server: str, artifacts: Path
) -> None:
    """A project IRI in the results opens the project's page on this server (whatever the base
    IRI), and the page links on to the project's country."""
    query = (
        PREFIXES
        + 'SELECT ?project ?title WHERE { ?project mhkg:projectCode "CD.0015" ; rdfs:label ?title }'
    )
    open_editor(browser, f"{live_server}/sparql?" + urllib.parse.urlencode({"query": query}))
    assert any(GUINEA_TITLE in row for row in result_rows(browser))
    editor, live = browser.current_window_handle, re.escape(live_server)
    link = browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr a[href*='/id/project/']")
    cell = link.find_element(By.XPATH, "./ancestor::td[1]/div")
    if "expandable" in (cell.get_attribute("class") or ""):
        click(browser, cell)  # YASR shows a long IRI cut short; the first click shows it whole
        WebDriverWait(browser, WAIT).until(lambda d: "expanded" in cell.get_attribute("class"))
    click(browser, link)
    WebDriverWait(browser, WAIT).until(ec.number_of_windows_to_be(2))  # YASR opens a new one
    browser.switch_to.window(next(h for h in browser.window_handles if h != editor))
    try:
        # /id/… answers 303 See Other to its document, /doc/…
        WebDriverWait(browser, WAIT).until(ec.url_matches(rf"^{live}/(id|doc)/project/"))
        assert GUINEA_TITLE in heading(browser)
        click(browser, browser.find_element(By.CSS_SELECTOR, "main a[href$='/id/country/GIN']"))
        WebDriverWait(browser, WAIT).until(ec.url_matches(rf"^{live}/(id|doc)/country/GIN$"))
        assert "Guinea" in heading(browser)
        browser.save_screenshot(str(artifacts / "resource-page.png"))
        assert_only_local_requests(browser, live_server)
    finally:
        browser.close()
        browser.switch_to.window(editor)


def heading(driver: WebDriver) -> str:
    return (
        WebDriverWait(driver, WAIT)
        .until(ec.visibility_of_element_located((By.TAG_NAME, "h1")))
        .text
    )


def test_the_editor_works_under_the_content_security_policy(
    browser: WebDriver, live_server: str
) -> None:
    """The page's policy (server/headers.py) allows scripts from the server only: YASGUI,
    its table and its raw response view must run without the browser refusing anything."""
    browser.get_log("browser")  # forget earlier pages' messages
    open_editor(browser, f"{live_server}/sparql?" + urllib.parse.urlencode({"query": TITLES_QUERY}))
    assert any(GUINEA_TITLE in row for row in result_rows(browser))
    click(browser, browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .select_response"))
    WebDriverWait(browser, WAIT).until(
        lambda d: "CD.0015" in d.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr").text
    )
    refused = [
        e["message"] for e in browser.get_log("browser") if "Security Policy" in e["message"]
    ]
    assert refused == []
