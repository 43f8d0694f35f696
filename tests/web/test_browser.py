"""The web application in a real headless Chromium (Debian's, driven by Playwright): hovering, clicking,
searching, asking, the timeline, and a hostile document that must render as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Served

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page, Route, expect, sync_playwright  # noqa: E402 - only with a browser

from kronika.model import Document  # noqa: E402
from kronika.pipeline import analyze  # noqa: E402
from kronika.store import Store  # noqa: E402
from kronika.store import corrections as library  # noqa: E402
from kronika.web import TileLayer, running  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page that records console errors (a CSP violation is one) and any dialog a script would open."""
    opened = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield opened
    opened.close()
    assert problems == []


def test_hover_shows_base_form_and_click_opens_entity(served: Served, page: Page) -> None:
    page.goto(f"{served.url}doc/{served.sample_id}")
    person = page.locator('mark[data-kind="entity"][data-type="PERSON"]').first
    person.hover()
    tooltip = page.locator("#tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("forma podstawowa")
    expect(tooltip).to_contain_text(person.get_attribute("data-lemma") or "?")
    page.locator('mark[data-kind="timex"][data-value="1939-09-18/1939-09-19"]').first.hover()
    expect(tooltip).to_contain_text("TIMEX3")
    expect(tooltip).to_contain_text("1939-09-18/1939-09-19")
    place = page.locator('mark[data-kind="entity"][data-lemma="Lwów"]').first
    place.click()
    page.wait_for_url("**/entity?ref=*")
    expect(page.locator("h1")).to_contain_text("Lwów")
    expect(page.locator("dl.facts")).to_contain_text("Poland")
    expect(page.locator("ol.mentions blockquote").first).to_contain_text("Lw")


def test_search_finds_another_case_form(served: Served, page: Page) -> None:
    page.goto(f"{served.url}search")
    page.fill('form.filters input[name="q"]', "Lwów")
    page.click("form.filters button")
    results = page.locator("#results")
    expect(results).to_contain_text("obrony Lwowa")
    results.locator("cite a").first.click()
    expect(page.locator(".sentence:target")).to_contain_text("Lw")


def test_question_is_answered_with_citation(served: Served, page: Page) -> None:
    page.goto(f"{served.url}ask")
    page.fill('form.filters input[name="q"]', "Kiedy broniło się Wilno?")
    page.press('form.filters input[name="q"]', "Enter")
    answer = page.locator("#answers li.answer").first
    expect(answer).to_contain_text("18–19 września 1939")
    expect(answer.locator("blockquote")).to_contain_text("W dniach 18–19 września broniło się Wilno.")
    expect(answer.locator("blockquote mark")).to_contain_text("18–19 września")  # the answer in its sentence


def test_cited_sentence_is_highlighted_in_the_document(served: Served, page: Page) -> None:
    page.goto(f"{served.url}ask")
    page.fill('form.filters input[name="q"]', "Kto przekazał Brześć Armii Czerwonej?")
    page.press('form.filters input[name="q"]', "Enter")
    page.locator("#answers li.answer").first.locator("cite a").first.click()
    page.wait_for_url("**/doc/**")  # answering and the document page may each take seconds on a busy machine
    expect(page.locator(".sentence:target")).to_contain_text("został przekazany Armii Czerwonej przez Wehrmacht",
                                                             timeout=15_000)


def _start(value: str) -> str:
    return value.split("/")[0][:10]


def test_timeline_shows_dated_events_in_order(served: Served, page: Page) -> None:
    page.goto(f"{served.url}timeline")
    values: list[Any] = page.locator("#timeline time").evaluate_all("nodes => nodes.map(n => n.dataset.value)")
    assert len(values) >= 5 and all(values)
    assert [_start(v) for v in values] == sorted(_start(v) for v in values)
    expect(page.locator("#timeline li.event").first.locator("blockquote")).to_be_visible()


def test_map_plots_places(served: Served, page: Page) -> None:
    page.goto(f"{served.url}map")
    assert page.locator("svg.map circle").count() >= 5
    page.locator('svg.map a.place[data-lemma="Lwów"] circle').hover()
    expect(page.locator("#tooltip")).to_contain_text("Lviv")
    expect(page.locator("#places")).to_contain_text("Ukraine")


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_interactive_map_clusters_by_mentions_and_labels_without_overlap(served: Served, page: Page) -> None:
    page.goto(f"{served.url}map")
    expect(page.locator("#leaflet-map")).not_to_have_attribute("data-ready", "")
    clusters = page.locator("#leaflet-map .map-cluster")
    expect(clusters.first).to_be_visible()
    sizes = {clusters.nth(i).inner_text(): clusters.nth(i).bounding_box()["width"] for i in range(clusters.count())}
    biggest = max(sizes, key=lambda count: int(count))
    assert sizes[biggest] == max(sizes.values())  # the cluster of most places (and mentions) is the largest
    clusters.filter(has_text=biggest).first.click()  # zooms in: its places are shown on their own, labelled
    expect(page.locator("#leaflet-map .map-label", has_text="Lwów")).to_be_visible()
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")  # settled
    boxes = page.locator("#leaflet-map .map-label").evaluate_all(
        "labels => labels.map(l => { const r = l.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })")
    assert len(boxes) >= 5 and not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_place_is_moved_by_dragging_its_pin(page: Page, tmp_path: Path) -> None:
    text = "Dnia 8 maja 1920 roku wojska polskie weszły do Kijowa."
    with Store.open(f"sqlite:///{tmp_path / 'drag.sqlite'}") as store, running(store, user="Ewa") as url:
        store.ingest(analyze(Document("kijow", text, "1920-05-09")))
        page.goto(f"{url}map")
        expect(page.locator("#leaflet-map")).to_have_attribute("data-ready", "1")
        page.locator("#leaflet-map .leaflet-overlay-pane path[fill='#e0b25b']").click()
        page.click(".map-popup button.map-move")
        pin = page.locator("#leaflet-map .map-pin")
        box = pin.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 2
        with page.expect_navigation():
            page.mouse.move(x, y)
            page.mouse.down()
            page.mouse.move(x - 60, y + 40, steps=8)
            page.mouse.up()
        page.wait_for_load_state("networkidle")  # the page shown after the move loads in full before the server stops
        moved = store.entities(ref="place:kijow")[0].geo
        assert moved is not None and moved["lon"] < 30.5 and moved["lat"] < 50.45
        assert library.corrections(store)[0].user == "Ewa"


TILES = TileLayer.checked("https://tiles.example/{z}/{x}/{y}.png", "© Przykładowe kafelki")
# the smallest valid PNG (1×1, transparent): what the stand-in tile server answers
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_online_tiles_are_offered_but_fetched_only_when_chosen(served: Served, page: Page) -> None:
    fetched: list[str] = []

    def tile(route: Route) -> None:
        fetched.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route("https://tiles.example/**", tile)
    with running(served.store, tiles=TILES) as url:
        page.goto(f"{url}map")
        expect(page.locator("#leaflet-map")).to_have_attribute("data-ready", re.compile(r"\d+"))
        choice = page.locator(".leaflet-control-layers label", has_text="Mapa online")
        expect(choice).to_be_visible()
        assert fetched == []  # offline until the historian asks for it
        choice.click()
        expect(page.locator("#leaflet-map img.leaflet-tile-loaded").first).to_be_attached()
        expect(page.locator(".leaflet-control-attribution")).to_contain_text("© Przykładowe kafelki")
    assert fetched and all(address.startswith("https://tiles.example/") for address in fetched)


def test_hostile_document_renders_as_text(served: Served, page: Page) -> None:
    page.goto(f"{served.url}doc/{served.hostile_id}")
    article = page.locator("article.document")
    expect(article).to_contain_text('<script>alert("xss")</script>')
    expect(article).to_contain_text('<img src=x onerror="alert(1)">')
    assert article.locator("script, img, a").count() == 0
    expect(page.locator("h1")).to_have_text('<img src=x onerror="alert(3)">Meldunek')
    page.goto(served.url)
    expect(page.locator("table.list")).to_contain_text('<img src=x onerror="alert(3)">Meldunek')
