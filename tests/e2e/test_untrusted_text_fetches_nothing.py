"""Fault 1: untrusted text made the browser fetch from outside (an id's backtick, the evidence label's Markdown).

A store with every hostile Markdown payload in every field; the Map page's details of each incident and the Import
page's review of the same incidents are opened in Chromium while every request is logged: none may leave loopback.
"""

from __future__ import annotations

import json
import re

import pytest

from incidents.exporters import geojson_text
from incidents.frames import to_frame
from incidents.model import Incident, Source
from tests.dashboard.maps_cases import HOSTILE
from tests.e2e.app_server import app_server, fill_store
from tests.e2e.conftest import LOCAL_URL

pytestmark = pytest.mark.e2e
TIMEOUT = 60_000
SOURCE_LINK = "https://source.example/"
MARKDOWN_PAYLOADS = (
    "`![tick](https://evil.example/backtick.png)`",
    "![image](https://evil.example/image.png)",
    "[link](https://evil.example/link) <https://evil.example/autolink> https://evil.example/bare www.evil.example "
    "mail@evil.example",
    "![data](data:image/svg+xml;base64,PHN2Zy8+) [data](data:text/html,x)",
    "$\\href{https://evil.example/tex}{x}$ $$\\includegraphics{https://evil.example/k.png}$$",
    ":red[red] :blue-background[bg] :material/warning: :streamlit: :smile:",
    "<img src=https://evil.example/html.png><style>@import url(https://evil.example/s.css)</style>",
    "![ref][r]\n\n[r]: https://evil.example/ref.png",
    HOSTILE[0],
)


def hostile_store_incidents() -> list[Incident]:
    """One incident per payload, the payload in every text field (the id keeps a unique prefix)."""
    out = []
    for i, payload in enumerate(MARKDOWN_PAYLOADS):
        tag = f"P{i}q"
        evidence = {"sentence": f"{tag} {payload}", "text": payload}
        out.append(Incident(
            id=f"{tag}`{payload}", event_type="drone_strike", place=f"{tag} {payload}", admin1=payload, country="UA",
            lat=48.0 + i * 0.3, lon=30.0 + i * 0.4, started_at=f"2024-12-{10 + i:02d}T10:00+02:00",
            time_precision="minute", notes=payload,
            sources=(Source(title=payload, url=f"https://source.example/{i}", published=payload, excerpt=payload),),
            origin={payload: payload}, evidence={"place": evidence, payload[:30]: evidence},
            distance_claim={"reference": payload, "claimed_km": 10.0, "claimed_text": payload, "verdict": payload},
        ))
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = fill_store(tmp_path_factory.mktemp("hostile") / "incidents.sqlite", hostile_store_incidents())
    with app_server(db) as url:
        yield url


def log_requests(page) -> list[str]:
    """Every URL the page and its frames ask for, from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def outside(urls: list[str]) -> list[str]:
    return [url for url in urls if not LOCAL_URL.match(url)]


def plain(text: str) -> str:
    """Page text without the invisible word joiners the escaping adds."""
    return text.replace("\u2060", "")


def assert_inert(page) -> None:
    links = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
    assert not [link for link in outside(links) if not link.startswith(SOURCE_LINK)]  # only the sources' own links
    images = page.evaluate("Array.from(document.querySelectorAll('img')).map(i => i.src)")
    assert not outside(images) and not [src for src in images if src.startswith("data:image/svg")]
    assert page.locator(".katex").count() == 0
    assert page.locator("[data-testid='stMarkdownContainer'] [data-testid='stIconMaterial']").count() == 0


def open_expanders(page) -> None:
    headers = page.locator("[data-testid='stExpander'] summary")
    for n in range(headers.count()):
        headers.nth(n).click()


def test_untrusted_text_in_the_map_details_fetches_nothing_outside(server, page, screenshot):
    requests = log_requests(page)
    page.goto(server + "/?start=2024-12-01&end=2024-12-31", timeout=TIMEOUT)
    picker = page.get_by_label("Open the details of")
    picker.wait_for(timeout=TIMEOUT)
    for i, payload in enumerate(MARKDOWN_PAYLOADS):
        picker.click()
        page.keyboard.press("Control+a")  # the box keeps the last choice's text
        page.keyboard.type(f"P{i}q")
        page.keyboard.press("Enter")
        page.get_by_role("button", name="Close details").wait_for(timeout=TIMEOUT)
        page.locator("h4", has_text=f"P{i}q").wait_for(timeout=TIMEOUT)
        open_expanders(page)
        page.wait_for_timeout(800)  # images and fonts start loading as soon as they are in the page
        text = plain(page.inner_text("[data-testid='stMain']"))
        assert re.sub(r"\s+", " ", payload)[:40] in re.sub(r"\s+", " ", text), f"payload {i} shown as text"
        assert_inert(page)
    screenshot(page, "hostile_markdown_details")
    assert outside(requests) == [] and page.blocked == []


def test_untrusted_text_in_the_import_review_fetches_nothing_outside(server, page, screenshot):
    requests = log_requests(page)
    page.goto(server + "/import", timeout=TIMEOUT)
    box = page.get_by_label("Article or data")
    box.wait_for(timeout=TIMEOUT)
    box.fill(geojson_text(to_frame(hostile_store_incidents())))
    page.get_by_role("button", name="Extract / read").click()
    page.get_by_text(re.compile(r"Review: \d+ incident")).wait_for(timeout=TIMEOUT)
    evidence = page.locator("[data-testid='stExpander']").filter(has_not_text="Coordinates in another CRS")
    evidence.first.wait_for(timeout=TIMEOUT)  # the review's own expanders, not the form's CRS choice
    open_expanders(page)
    page.wait_for_timeout(1500)
    text = plain(page.inner_text("[data-testid='stMain']"))
    assert "![image](https://evil.example/image.png)" in text
    assert_inert(page)
    screenshot(page, "hostile_markdown_import")
    assert outside(requests) == [] and page.blocked == []


def test_hostile_payloads_survive_a_geojson_round_trip():
    """The import test pastes these incidents as GeoJSON: they must read back unchanged (else it tests nothing)."""
    text = geojson_text(to_frame(hostile_store_incidents()))
    ids = [feature["id"] for feature in json.loads(text)["features"]]
    assert ids == [incident.id for incident in hostile_store_incidents()]
