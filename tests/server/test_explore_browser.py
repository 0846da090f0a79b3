"""A person exploring the stakeholder graph: headless Chromium on /explore against `mhkg serve`.

At 1280×800 they search the Ministry of Healthcare of Belarus with the keyboard, see its
neighbours drawn (read from the accessible node list and from Cytoscape), expand the Belarus
project from the list, find the path from the ministry to the IOM Development Fund and see it
highlighted with its sentence, export the drawing as GraphML, and rank the co-participation
network. The page fetches from the server itself only. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver, WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

# `browser`, test_browser's headless Chromium, is a fixture: imported, it serves this module too.
from .test_browser import (  # noqa: F401
    FRONTEND,
    WAIT,
    assert_only_local_requests,
    browser,
    click,
    requested_urls,
)

VENDORED = Path(__file__).resolve().parents[2] / "server/static/vendor/cytoscape"
MINISTRY = "Ministry of Healthcare of Belarus"
PROJECT = "Supporting National Capacities in Migration Health Focusing on Communicable Diseases"
FUND = "IOM Development Fund"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

# The labels Cytoscape draws, and those of the neighbours of the node labelled arguments[0].
DRAWN_LABELS = "return cy.nodes().map((node) => node.data('label'))"
NEIGHBOUR_LABELS = """
const node = cy.nodes().filter((n) => n.data('label') === arguments[0]);
return node.neighborhood().nodes().map((n) => n.data('label'));
"""


def test_vendored_cytoscape_is_the_pinned_version() -> None:
    lock = json.loads((FRONTEND / "package-lock.json").read_text("utf-8"))
    pinned = lock["packages"]["node_modules/cytoscape"]["version"]
    assert (VENDORED / "VERSION").read_text("utf-8").startswith(f"cytoscape {pinned}\n")
    for name in ("cytoscape.min.js", "LICENSE.txt"):
        assert (VENDORED / name).stat().st_size > 0
    assert f'cf.version="{pinned}"' in (VENDORED / "cytoscape.min.js").read_text("utf-8")


@pytest.fixture
def explorer(browser: WebDriver, live_server: str) -> WebDriver:  # noqa: F811
    """/explore at 1280×800, ready; downloads are kept in the page (see `capture_downloads`)."""
    browser.set_window_size(1280, 800)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "deny"})
    requested_urls(browser)  # forget earlier pages' requests
    browser.get(f"{live_server}/explore")
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script("return !!window.cy"))
    return browser


def choose_suggestion(driver: WebDriver, field: WebElement, text: str, wanted: str) -> None:
    """Types into a combobox and picks the suggestion `wanted` with the keyboard."""
    assert field.get_attribute("role") == "combobox"
    listbox = driver.find_element(By.ID, field.get_attribute("aria-controls"))
    field.send_keys(text)
    WebDriverWait(driver, WAIT).until(
        lambda d: field.get_attribute("aria-expanded") == "true" and wanted in listbox.text
    )
    field.send_keys(Keys.ARROW_DOWN)
    active = driver.find_element(By.ID, field.get_attribute("aria-activedescendant"))
    assert active.get_attribute("role") == "option"
    assert active.get_attribute("aria-selected") == "true"
    assert wanted in active.text, listbox.text
    field.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: field.get_attribute("aria-expanded") == "false")
    assert field.get_attribute("value") == wanted


def listed_names(driver: WebDriver) -> list[str]:
    """The names in the accessible list of the drawn nodes."""
    return [b.text for b in node_buttons(driver)]


def node_buttons(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "#node-list button.node-name")


def node_button(driver: WebDriver, label: str) -> WebElement:
    return next(b for b in node_buttons(driver) if b.text.startswith(label))


def wait_for_label(driver: WebDriver, label: str) -> None:
    WebDriverWait(driver, WAIT).until(
        lambda d: (
            label in d.execute_script(DRAWN_LABELS)
            and any(name.startswith(label) for name in listed_names(d))
        )
    )


def capture_downloads(driver: WebDriver) -> None:
    """Keeps each file the page offers for download (as a Blob) in window.downloads."""
    driver.execute_script(
        """window.downloads = [];
        const original = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.downloads.push(blob); return original(blob); };"""
    )


def downloaded_text(driver: WebDriver, index: int) -> str:
    return driver.execute_async_script(
        "window.downloads[arguments[0]].text().then(arguments[arguments.length - 1])", index
    )


def script_errors(driver: WebDriver) -> list[str]:
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]
    ]


def test_search_expand_and_find_a_path(
    explorer: WebDriver, live_server: str, artifacts: Path
) -> None:
    driver = explorer
    choose_suggestion(
        driver, driver.find_element(By.ID, "search"), "Ministry of Healthcare", MINISTRY
    )

    # Its neighbours: in the list (by type) and on the canvas, the ministry the focus.
    wait_for_label(driver, PROJECT)
    assert MINISTRY in driver.execute_script(DRAWN_LABELS)
    assert PROJECT in driver.execute_script(NEIGHBOUR_LABELS, MINISTRY)
    focus = driver.execute_script("return cy.nodes('.focus').map((n) => n.data('label'))")
    assert focus == [MINISTRY]
    groups = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#node-list h3")]
    assert any(g.startswith("Projects") for g in groups), groups
    details = driver.find_element(By.ID, "details")
    assert details.find_element(By.TAG_NAME, "h2").text == MINISTRY
    page_link = details.find_element(By.LINK_TEXT, "Open its page")
    assert page_link.get_attribute("href").startswith(f"{live_server}/id/organisation/")
    assert FUND not in driver.execute_script(DRAWN_LABELS)  # two steps away

    # Expand the project from the list, with the keyboard: the fund is drawn beside it.
    before = set(driver.execute_script(DRAWN_LABELS))
    project = node_button(driver, PROJECT)
    driver.execute_script("arguments[0].focus()", project)
    project.send_keys(Keys.ENTER)
    wait_for_label(driver, FUND)
    new = set(driver.execute_script(DRAWN_LABELS)) - before
    assert FUND in new
    assert FUND in driver.execute_script(NEIGHBOUR_LABELS, PROJECT)
    assert "new" in node_button(driver, FUND).text  # the list marks what the expansion drew
    assert driver.switch_to.active_element.text.startswith(PROJECT)  # the keyboard stays put
    ids = driver.execute_script("return cy.nodes().map((n) => n.id())")
    assert len(ids) == len(set(ids))  # merged, no duplicates

    # The path from the ministry (already the start) to the fund, highlighted with its sentence.
    click(driver, driver.find_element(By.ID, "tab-paths"))
    assert driver.find_element(By.ID, "path-from").get_attribute("value") == MINISTRY
    choose_suggestion(driver, driver.find_element(By.ID, "path-to"), FUND, FUND)
    click(driver, driver.find_element(By.CSS_SELECTOR, "#path-form button[type=submit]"))
    caption = driver.find_element(By.ID, "path-caption")
    WebDriverWait(driver, WAIT).until(lambda d: caption.is_displayed())
    first = driver.find_element(By.CSS_SELECTOR, "#path-list .path-button")
    sentence = first.text
    assert re.fullmatch(rf"{MINISTRY} — .+ — {PROJECT} — .+ — {FUND}", sentence), sentence
    assert first.get_attribute("aria-pressed") == "true"
    assert caption.text == f"Path 1: {sentence}"
    on_path = driver.execute_script("return cy.nodes('.on-path').map((n) => n.data('label'))")
    assert sorted(on_path) == sorted([MINISTRY, PROJECT, FUND])
    assert len(driver.execute_script("return cy.edges('.on-path').map((e) => e.id())")) == 2

    # The SPARQL behind it, to run in the editor.
    run = driver.find_element(By.ID, "sparql-run").get_attribute("href")
    assert run.startswith(f"{live_server}/sparql?query=")

    # Readable at 1280×800: no horizontal scrolling, the canvas and the panel side by side.
    width = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], width
    canvas = driver.find_element(By.ID, "cy").rect
    panel = driver.find_element(By.CSS_SELECTOR, ".explore-panel").rect
    assert canvas["x"] + canvas["width"] <= panel["x"]
    assert canvas["width"] >= 600 and canvas["height"] >= 350, canvas
    driver.execute_script("window.scrollTo(0, 0)")  # click() scrolled to the panel's controls
    driver.save_screenshot(str(artifacts / "explore.png"))

    # GraphML of what is drawn: well-formed, with its keys, a node for each drawn one.
    capture_downloads(driver)
    click(driver, driver.find_element(By.ID, "export-graphml"))
    root = ET.fromstring(downloaded_text(driver, 0))
    assert root.tag == f"{GRAPHML}graphml"
    keys = {(k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML}key")}
    assert {("node", "label"), ("node", "type"), ("node", "kind"), ("edge", "label")} <= keys
    nodes = root.findall(f"{GRAPHML}graph/{GRAPHML}node")
    assert len(nodes) == len(driver.execute_script(DRAWN_LABELS))
    assert FUND in {d.text for node in nodes for d in node if d.get("key") == "n-label"}

    assert not script_errors(driver)
    assert_only_local_requests(driver, live_server)


def test_network_ranking_focuses_an_organisation(
    explorer: WebDriver, live_server: str, artifacts: Path
) -> None:
    driver = explorer
    click(driver, driver.find_element(By.ID, "tab-network"))
    rows = (By.CSS_SELECTOR, "#rank-degree tr th button")
    WebDriverWait(driver, WAIT).until(ec.presence_of_all_elements_located(rows))
    assert len(driver.find_elements(*rows)) >= 3
    brokers = driver.find_elements(By.CSS_SELECTOR, "#rank-brokers tr th button")
    assert brokers, "no organisation ranked as a broker"
    first_row = driver.find_element(By.CSS_SELECTOR, "#rank-brokers tr").text
    assert "Africa, Latin America and the Caribbean" in first_row  # whom it brokers between
    download = driver.find_element(By.ID, "network-graphml").get_attribute("href")
    assert download.startswith(f"{live_server}/explore/network?") and "format=graphml" in download
    broker = brokers[0].text
    click(driver, brokers[0])
    heading = driver.find_element(By.CSS_SELECTOR, "#details h2")
    WebDriverWait(driver, WAIT).until(lambda d: heading.text == broker)
    assert driver.execute_script("return cy.nodes('.focus').map((n) => n.data('label'))") == [
        broker
    ]
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(artifacts / "explore-network.png"))
    assert not script_errors(driver)
    assert_only_local_requests(driver, live_server)
