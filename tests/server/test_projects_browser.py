"""A person with a browser (test_browser's headless Chromium) on /projects, /overview and on
/explore opened with no entity: pages that load from this server only, without script errors; a
facet click that narrows the table, and the charts; a network drawn before any name is typed."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from mhkg.queries.charts import CHARTS

from .conftest import serving

# `browser`, test_browser's headless Chromium, is a fixture: imported, it serves this module too.
from .test_browser import (  # noqa: F401
    WAIT,
    assert_only_local_requests,
    browser,
    click,
    requested_urls,
)
from .test_explore_browser import script_errors

ROWS = (By.CSS_SELECTOR, "table.projects tbody tr")
DRAWN_ON_THE_SEEDS = [name for name in CHARTS if name != "co-funding-pairs"]
BARS = "return document.querySelectorAll('#chart-{0} svg path[role=graphics-symbol], #chart-{0} svg .mark-rect path').length"  # noqa: E501


def test_a_facet_click_narrows_the_table(
    browser: WebDriver,  # noqa: F811
    live_server: str,
    artifacts: Path,
) -> None:
    browser.set_window_size(1280, 1000)
    requested_urls(browser)  # forget earlier pages' requests
    browser.get(f"{live_server}/projects")
    before = browser.find_elements(*ROWS)
    assert len(before) == 6, browser.page_source[:2000]
    assert browser.find_element(By.ID, "row-count").text == "1–6 of 6 projects"
    browser.save_screenshot(str(artifacts / "projects.png"))

    guinea = browser.find_element(By.CSS_SELECTOR, "#facet-country a[data-value='GIN']")
    click(browser, guinea)
    WebDriverWait(browser, WAIT).until(lambda d: "country=GIN" in d.current_url)
    after = browser.find_elements(*ROWS)
    assert [row.find_element(By.TAG_NAME, "td").text for row in after] == [
        "Diaspora Engagement in Support of the Health Sector in Guinea"
    ]
    assert browser.find_element(By.ID, "row-count").text == "1–1 of 1 project"
    chosen = browser.find_element(By.CSS_SELECTOR, "#facet-country li.chosen a")
    assert chosen.get_attribute("data-value") == "GIN"
    goals = browser.find_elements(By.CSS_SELECTOR, "#facet-sdg a[data-facet='sdg']")
    assert [g.get_attribute("data-value") for g in goals] == ["3"]  # the counts followed
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(artifacts / "projects-guinea.png"))

    assert not script_errors(browser)
    assert_only_local_requests(browser, live_server)


def drawn_charts(browser: WebDriver) -> dict[str, str]:  # noqa: F811
    """Each chart of /overview once all are drawn or failed: its name, and "svg" (drawn) or
    the error it shows."""
    script = """return Array.from(document.querySelectorAll('div.vega[data-spec]')).map((e) =>
        [e.closest('figure').id.replace('chart-', ''),
         e.dataset.drawn && e.querySelector('svg') ? 'svg' : e.dataset.error || null])"""
    WebDriverWait(browser, WAIT).until(
        lambda d: all(state for _, state in d.execute_script(script))
    )
    return dict(browser.execute_script(script))


def test_overview_draws_every_chart_and_a_facet_narrows_them(
    browser: WebDriver,  # noqa: F811
    live_server: str,
    artifacts: Path,
) -> None:
    browser.set_window_size(1400, 1000)
    requested_urls(browser)
    browser.get(f"{live_server}/overview")
    assert drawn_charts(browser) == dict.fromkeys(DRAWN_ON_THE_SEEDS, "svg")
    pairs = browser.find_element(By.ID, "chart-co-funding-pairs").text
    assert "No data for this selection" in pairs  # no project of the seeds has two funders
    assert browser.find_element(By.ID, "project-count").text == "6 projects"
    bars = "return document.querySelectorAll('#chart-projects-per-sdg svg path[role=graphics-symbol], #chart-projects-per-sdg svg .mark-rect path').length"  # noqa: E501
    before = browser.execute_script(bars)
    assert before > 1
    browser.save_screenshot(str(artifacts / "overview.png"))

    guinea = browser.find_element(By.CSS_SELECTOR, "#facet-country a[data-value='GIN']")
    click(browser, guinea)
    WebDriverWait(browser, WAIT).until(lambda d: "country=GIN" in d.current_url)
    assert drawn_charts(browser) == dict.fromkeys(DRAWN_ON_THE_SEEDS, "svg")
    assert browser.find_element(By.ID, "project-count").text == "1 project"
    assert 0 < browser.execute_script(bars) < before
    table = browser.find_element(By.CSS_SELECTOR, "#chart-projects-per-country table")
    assert "Guinea" in table.get_attribute("textContent")
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(artifacts / "overview-guinea.png"))

    assert not script_errors(browser)
    assert_only_local_requests(browser, live_server)


def test_overview_draws_the_co_funding_pairs(
    browser: WebDriver,  # noqa: F811
    cofunded_copy,
    artifacts: Path,
) -> None:
    """On generated projects with several funders each (and the seeds): the pairs drawn as
    bars, one a pair, with the table of the same pairs; no script error, no other host."""
    store = cofunded_copy("browser-pairs")
    with serving(store.parent) as base_url:
        browser.set_window_size(1400, 1000)
        requested_urls(browser)
        browser.get(f"{base_url}/overview?region=africa")
        assert drawn_charts(browser) == dict.fromkeys(CHARTS, "svg")
        figure = browser.find_element(By.ID, "chart-co-funding-pairs")
        table = figure.find_elements(By.CSS_SELECTOR, "table tbody tr")
        assert table and "IOM Development Fund" in figure.get_attribute("textContent")
        assert browser.execute_script(BARS.format("co-funding-pairs")) == len(table)
        browser.execute_script("arguments[0].scrollIntoView()", figure)
        browser.save_screenshot(str(artifacts / "overview-co-funding.png"))
        assert not script_errors(browser)
        assert_only_local_requests(browser, base_url)


def test_explore_opens_on_the_most_connected(
    browser: WebDriver,  # noqa: F811
    live_server: str,
    artifacts: Path,
) -> None:
    browser.set_window_size(1280, 800)
    requested_urls(browser)
    browser.get(f"{live_server}/explore")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return !!window.cy && cy.nodes().length > 0")
    )
    types = browser.execute_script("return cy.nodes().map((n) => n.data('type'))")
    assert len(types) >= 3 and set(types) == {"Organisation"}, types
    assert browser.execute_script("return cy.edges().length") >= 1
    status = browser.find_element(By.ID, "explore-status").text
    assert "most connected organisation" in status, status
    assert not browser.find_element(By.ID, "graph-empty").is_displayed()
    browser.save_screenshot(str(artifacts / "explore-opening.png"))

    # Opened from a /projects selection: the filters set, the network theirs.
    browser.get(f"{live_server}/explore?country=GIN")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return !!window.cy && cy.nodes().length > 0")
    )
    assert browser.find_element(By.ID, "filter-country").get_attribute("value") == "GIN"
    fewer = browser.execute_script("return cy.nodes().length")
    assert 0 < fewer < len(types)
    assert not script_errors(browser)
    assert_only_local_requests(browser, live_server)
