"""The historian's workbench in a real headless Chromium: upload a document, correct a base form, merge
two entities, move a place, reject an event, re-analyse the document, and find every correction still
there and in the TEI and CSV exports. Screenshots of each step go to ``$KRONIKA_TEST_ARTIFACTS`` (else a
temporary folder), never into the repository."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.store import Store
from kronika.store import corrections as library
from kronika.web import running

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402 - only with a browser

from tests.web.test_browser import CHROMIUM_ARGS  # noqa: E402

TEXT = ("Dnia 3 maja 1920 roku wojska polskie zajęły Kijów. Marszałek Józef Piłsudski przybył do Kijowa "
        "8 maja 1920 roku. Komendant Piłsudski wydał rozkaz obrony miasta. W Żytomierzu odbyła się defilada "
        "10 maja 1920 roku.\n")


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KRONIKA_TEST_ARTIFACTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def workbench(tmp_path: Path) -> Iterator[tuple[Page, str, Store]]:
    with Store.open(f"sqlite:///{tmp_path / 'workbench.sqlite'}") as store, running(store, user="Anna") as url, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("response", lambda response: problems.append(f"{response.status} {response.url}")
                if response.status >= 400 else None)
        yield page, url, store
        browser.close()
        assert problems == []


def test_corrections_survive_reanalysis_and_reach_exports(workbench: tuple[Page, str, Store], artifacts: Path,
                                                          tmp_path: Path) -> None:
    page, url, store = workbench
    upload = tmp_path / "kijow-1920.txt"
    upload.write_text(TEXT, encoding="utf-8")

    page.goto(url)
    page.set_input_files('form.upload input[name="file"]', str(upload))
    page.click("form.upload button")
    page.wait_for_url("**/doc/*")
    document = page.url.rsplit("/doc/", 1)[1]
    expect(page.locator("article.document")).to_contain_text("Piłsudski")
    page.screenshot(path=str(artifacts / "1-uploaded.png"), full_page=True)

    page.locator('mark[data-kind="entity"][data-lemma="Józef Piłsudski"]').first.click()
    page.wait_for_url("**/entity?ref=*")
    page.fill('form.entity-edit input[name="lemma"]', "Józef Klemens Piłsudski")
    page.click("form.entity-edit button")
    expect(page.locator("h1")).to_contain_text("Józef Klemens Piłsudski")
    page.screenshot(path=str(artifacts / "2-base-form.png"), full_page=True)

    page.goto(f"{url}entity?ref=place:zytomierz")
    page.fill('form.merge input[name="into"]', "place:kijow")
    page.click("form.merge button")
    page.wait_for_url("**/entity?ref=place*kijow")
    expect(page.locator("p.meta")).to_contain_text("place:zytomierz")
    page.screenshot(path=str(artifacts / "3-merged.png"), full_page=True)

    page.goto(f"{url}map")
    expect(page.locator("#leaflet-map")).to_have_attribute("data-ready", "1")
    page.locator("#leaflet-map path.country").nth(50).wait_for(state="attached")  # the base layer is drawn
    marker = page.locator("#leaflet-map .leaflet-overlay-pane path[fill='#e0b25b']")
    settled = marker.bounding_box()
    page.wait_for_timeout(400)  # the view is final once the map is ready: nothing moves under the click
    assert marker.bounding_box() == settled
    marker.click()
    expect(page.locator(".map-popup")).to_contain_text("Marszałek Józef Piłsudski przybył do Kijowa")
    expect(page.locator(".map-popup .map-candidates button.map-pick")).to_have_count(3)  # villages named Kijów
    expect(page.locator(".map-popup .map-candidates")).to_contain_text("Kijów (Kyiv, Ukraine; 1939: USSR) — teraz")
    page.screenshot(path=str(artifacts / "4-map-popup.png"), full_page=True)
    page.click(".map-popup button.map-move")
    box = page.locator("#leaflet-map").bounding_box()
    assert box is not None
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5)
    moved = store.entities(ref="place:kijow")[0].geo
    assert moved is not None and moved["lon"] < 30.4
    page.screenshot(path=str(artifacts / "5-moved-on-map.png"), full_page=True)

    page.goto(f"{url}entity?ref=place:kijow")
    page.fill('form.place-edit input[name="lat"]', "50.4500")
    page.fill('form.place-edit input[name="lon"]', "30.5200")
    page.click("form.place-edit button")
    expect(page.locator("dl.facts")).to_contain_text("50.4500, 30.5200")

    page.goto(f"{url}doc/{document}")
    events_before = page.locator("ol.timeline form.reject").count()
    defilada = page.locator("ol.timeline li:has-text('defilada') + li.judge form.reject button")
    if defilada.count() == 0:
        defilada = page.locator("ol.timeline form.reject button").last
    defilada.first.click()
    page.wait_for_url(f"**/doc/{document}")
    expect(page.locator("ol.timeline form.reject")).to_have_count(events_before - 1)
    page.screenshot(path=str(artifacts / "6-event-rejected.png"), full_page=True)

    before = store.document_analysis(document)
    page.click(".document-actions form:not(.danger) button")
    page.wait_for_url(f"**/doc/{document}")
    after = store.document_analysis(document)
    assert before is not None and after is not None
    assert [e.to_json() for e in after.entities] == [e.to_json() for e in before.entities]
    assert len(after.events) == len(before.events) == events_before - 1
    page.screenshot(path=str(artifacts / "7-reanalysed.png"), full_page=True)

    page.goto(f"{url}corrections")
    expect(page.locator("table.list tbody tr")).to_have_count(5)
    expect(page.locator("table.list")).to_contain_text("Anna")
    page.screenshot(path=str(artifacts / "8-corrections.png"), full_page=True)
    assert [c.kind for c in library.corrections(store)] == ["event", "place", "place", "merge", "entity"]

    tei = page.request.get(f"{url}export/tei").text()
    assert "Józef Klemens Piłsudski" in tei
    assert re.search(r'key="Józef Klemens Piłsudski" ref="#[^"]+" resp="#', tei)  # the name is Anna's word
    assert "<resp>correction</resp><name>Anna</name>" in tei
    csv = page.request.get(f"{url}export/csv").text()
    assert "Józef Klemens Piłsudski" in csv and "defilada" not in csv and "kijow-1920" in csv
    assert "30.52" in page.request.get(f"{url}export/lpf").text()
