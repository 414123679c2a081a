"""End-to-end: headless Chromium opens the Neo4j Browser served by the kgmem server, connects,
applies kgmem.grass, runs saved queries for a user whose memory we wrote, and finds that user's
facts (table rows) and node captions (graph view) in the page; saves a screenshot (docs/img/neo4j-browser.png with KGMEM_UPDATE_SCREENSHOT=1).

Skips only when Chromium/chromedriver are absent (CI installs them) or no Neo4j is reachable.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kgmem import neo4j_browser as nb
from kgmem import neo4j_server as ns
from kgmem.ids import entity_id, fact_id, turn_id
from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store.base import StoreError
from kgmem.store.neo4j_store import Neo4jStore

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

# the README's screenshot is refreshed only on request; test runs write to a temp folder
_README_SHOT = Path(__file__).resolve().parents[2] / "docs" / "img" / "neo4j-browser.png"
SCREENSHOT = (
    _README_SHOT
    if os.environ.get("KGMEM_UPDATE_SCREENSHOT") == "1"
    else Path(tempfile.gettempdir()) / "kgmem-e2e" / "neo4j-browser.png"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CITIES = ["Paris", "Lyon", "Nice"]
T0 = datetime(2023, 5, 20, 9, 30)


def _neo4j_settings() -> tuple[str, str, str | None, str]:
    return (os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687", os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD") or None, os.environ.get("NEO4J_DATABASE") or "neo4j")


def _city_write(uid: str, n: int, city: str, me: Entity, previous: Fact | None) -> tuple[SessionWrite, Fact]:
    sid = f"s{n}"
    started = T0 + timedelta(days=30 * n)
    turns = [Turn(id=turn_id(sid, i), session_id=sid, idx=i, role=role, text=text)
             for i, (role, text) in enumerate([("user", f"I live in {city} now"), ("assistant", "Nice!")])]
    # the value is an entity (a place): the fact links to it, so the Browser shows me → Paris
    place = Entity(id=entity_id(uid, city.lower()), user_id=uid, name=city, type="place")
    fact = Fact(id=fact_id(uid, me.id, "lives_in", city, sid), user_id=uid, subject_id=me.id,
                predicate="lives_in", object_id=place.id, value=city, text=f"user lives in {city}",
                observed_at=started, session_id=sid, source_turn_ids=[turns[0].id])
    write = SessionWrite(
        user_id=uid, session=Session(id=sid, user_id=uid, started_at=started, turns=turns),
        entities=[me, place], facts=[fact],
        supersessions=[Supersession(user_id=uid, new_fact_id=fact.id, old_fact_id=previous.id, at=started)]
        if previous else [],
        invalidations={previous.id: started} if previous else {},
    )
    return write, fact


@pytest.fixture
def user_memory() -> Iterator[tuple[Neo4jStore, str, list[str]]]:
    """A user whose city changed Paris → Lyon → Nice (a SUPERSEDES chain), in Neo4j."""
    uri, user, password, database = _neo4j_settings()
    try:
        store = Neo4jStore(uri=uri, user=user, password=password, database=database)
    except StoreError as exc:
        if "cannot reach" not in str(exc):
            raise
        pytest.skip(f"neo4j: {exc} (CI always starts one)")
    uid = f"browser-{uuid.uuid4().hex[:8]}"
    me = Entity(id=entity_id(uid, "me"), user_id=uid, name="me", type="person", aliases=["I"])
    facts: list[Fact] = []
    for n, city in enumerate(CITIES):
        write, fact = _city_write(uid, n, city, me, facts[-1] if facts else None)
        store.apply(write)
        facts.append(fact)
    yield store, uid, [f.id for f in facts]
    store.delete_user(uid)
    store.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kgmem-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,860", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # CSP refusals are console errors
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(predicate: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def _retry(action: Any, timeout: float, what: str) -> Any:
    """Run a UI action, retrying while the element is still animating in or being re-rendered
    (the Browser's React app mounts the connect form before it is visible)."""
    from selenium.common.exceptions import (
        ElementNotInteractableException,
        NoSuchElementException,
        StaleElementReferenceException,
    )

    deadline = time.monotonic() + timeout
    while True:
        try:
            return action()
        except (ElementNotInteractableException, StaleElementReferenceException, NoSuchElementException):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:.0f}s waiting to {what}") from None
            time.sleep(0.5)


def _text(driver: Any) -> str:
    """The page's rendered text (what a person reads), not its HTML."""
    return str(driver.execute_script("return document.body.innerText"))


def _run(driver: Any, command: str) -> None:
    """Type one command into the Browser's main editor and run it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    editor = _retry(lambda: driver.find_element(By.CSS_SELECTOR, "[data-testid='activeEditor'] textarea"),
                    30, "find the editor")
    _retry(editor.click, 30, "focus the editor")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    # one line: Enter would run a half-typed multi-line query
    editor.send_keys(" ".join(command.split()))
    driver.find_element(By.CSS_SELECTOR, "[data-testid='editor-Run']").click()


def test_browser_connects_and_shows_a_users_memory(user_memory: tuple[Neo4jStore, str, list[str]], browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    store, uid, fact_ids = user_memory
    uri, user, password, _ = _neo4j_settings()
    port = int(uri.rsplit(":", 1)[1]) if uri.count(":") == 2 else 7687
    # the running server's own Browser URL: its HTTP port need not be the default 7474
    plan = nb.browse_plan(uid, {"fact_id": fact_ids[-1], "fact_ids": fact_ids, "date": "2023-06-25T00:00:00"},
                          base_url=ns.status().browser_url)
    queries = {q["name"]: q["cypher"] for q in plan["queries"]}

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.get(plan["browser_url"])
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, "[data-testid='boltaddress']"), 60, "the connect form")
    # bolt:// (direct): a single server has no routing table to fetch
    _retry(lambda: Select(browser.find_element(By.CSS_SELECTOR, "[data-testid='bolt-scheme-select']"))
           .select_by_visible_text("bolt://"), 60, "choose bolt://")

    def fill_address() -> None:
        address = browser.find_element(By.CSS_SELECTOR, "[data-testid='boltaddress']")
        if address.get_attribute("value") != f"127.0.0.1:{port}":
            address.send_keys(Keys.CONTROL, "a")  # clear() does not reach React's state
            address.send_keys(f"127.0.0.1:{port}")

    _retry(fill_address, 30, "type the address")
    _retry(lambda: browser.find_element(By.CSS_SELECTOR, "[data-testid='username']").send_keys(user), 30, "type the user")
    _retry(lambda: browser.find_element(By.CSS_SELECTOR, "[data-testid='password']").send_keys(password or ""),
           30, "type the password")
    _retry(lambda: browser.find_element(By.CSS_SELECTOR, "[data-testid='connect']").click(), 30, "press connect")
    try:
        _wait(lambda: "connected as user" in _text(browser), 60, "the Browser to connect")
    except AssertionError:
        browser.save_screenshot(str(SCREENSHOT.with_name("neo4j-browser-failed.png")))
        raise

    style = (nb.BROWSER_DIR / "kgmem.grass").read_text(encoding="utf-8")
    style = re.sub(r"/\*.*?\*/", " ", style, flags=re.S)  # the Browser's :style takes no comments
    _run(browser, ":style " + style)
    _run(browser, plan["params_command"])
    _wait(lambda: uid in _text(browser), 30, "the :params frame")

    # the timeline (table): every fact of the user, the old ones marked superseded
    _run(browser, queries["timeline"])
    page = _wait(lambda: "user lives in Nice" in _text(browser) and _text(browser), 60, "the timeline rows")
    for city in CITIES:
        assert f"lives_in: user lives in {city}" in page
    assert page.count("(superseded ") >= 2

    # what was true on 2023-06-25 (after Lyon was said, before Nice): exactly Lyon
    _run(browser, queries["true_on_date"])
    _wait(lambda: _text(browser).count("user lives in Lyon") >= 2, 60, "the 'true on a date' rows")

    # the slot history as a graph: each Fact's caption shows predicate, value and date
    # (kgmem.grass), superseded facts are drawn grey, and the values are linked entities
    _run(browser, queries["slot_history_graph"])

    def node_captions() -> list[str]:
        # a caption is split over several <text> lines inside its node's circle
        return [" ".join(t.text for t in g.find_elements(By.CSS_SELECTOR, "text") if t.text.strip())
                for g in browser.find_elements(By.CSS_SELECTOR, "svg g.node")]

    pattern = re.compile(r"lives_in:\s*(Paris|Lyon|Nice)\s*·\s*2023-\d\d-\d\d")
    captions = _wait(lambda: [c for c in node_captions() if pattern.search(c)], 60,
                     "a Fact caption with a value and a date")
    assert any("Nice" in c and "2023-07-19" in c for c in captions), captions  # the current value
    others = node_captions()
    for city in CITIES:
        assert city in others, f"the {city} entity node is missing from {others}"

    def fact_fills() -> dict[str, str]:
        fills: dict[str, str] = {}
        for g in browser.find_elements(By.CSS_SELECTOR, "svg g.node"):
            text = " ".join(t.text for t in g.find_elements(By.CSS_SELECTOR, "text") if t.text.strip())
            circle = g.find_elements(By.CSS_SELECTOR, "circle.b-outline")
            if pattern.search(text) and circle:
                fills[text] = str(circle[0].get_attribute("fill"))
        return fills

    try:
        fills = _wait(lambda: len(fact_fills()) == 3 and fact_fills(), 30, "three fact nodes")
    except AssertionError:
        raise AssertionError(f"captions {node_captions()}, fills {fact_fills()}") from None
    current = [f for t, f in fills.items() if "Nice" in t]
    superseded = {f for t, f in fills.items() if "Nice" not in t}
    assert len(superseded) == 1 and current[0] not in superseded, fills  # current looks different

    # no telemetry consent banner on the loopback server (client.allow_telemetry=false)
    assert "product analytics" not in _text(browser).lower()
    # and nothing leaves this machine: Community's Browser asks for canny.io, segment and Google
    # Fonts (browser.allow_outgoing_connections is Enterprise-only), and the server's Content
    # Security Policy refuses every one of them
    hosts = set(browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).hostname)"))
    refusals = " ".join(e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"])
    for host in hosts - {"127.0.0.1", "localhost", ""}:
        assert host in refusals, f"{host} was not refused by the Content Security Policy: {refusals[:500]}"
    if SCREENSHOT == _README_SHOT:
        time.sleep(2)  # let the force layout settle before the README's picture
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
