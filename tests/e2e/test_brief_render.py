"""The briefing rendered in Debian Chromium, checked as a reader would: size, map painted, colours, PDF text, layout."""

from __future__ import annotations

import io
import re
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from dashboard import briefing
from dashboard.briefing_html import LIST_LIMIT, MAX_ROWS, briefing_html
from incidents.frames import to_frame
from incidents.model import IncidentFilter
from incidents.storage import open_store
from tests.dashboard.test_briefing_html import (
    GENERATED, HOSTILE, KAZAN_URL, MOSCOW, ROSAVIATSIA_URL, hostile_incidents, seed_incidents,
)

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "briefing"
SEED_DAY = IncidentFilter(start=date(2024, 12, 21), end=date(2024, 12, 21))
# Where the map sits on the sheet, in CSS pixels (left, top, right, bottom), with a margin inside its frame.
MAP_BOX = (30, 110, 680, 480)


def keep(name: str, data: bytes) -> bytes:
    """Save an output under test-artifacts/ for a human to look at, and pass it on."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(data)
    return data


def make(incidents, flt=IncidentFilter(), fmt="png", **options) -> bytes:
    values = {"reference": MOSCOW, "generated_at": GENERATED, "banner": "UNCLASSIFIED // FOR TRAINING"} | options
    return briefing.make_briefing(to_frame(incidents), flt, fmt, **values)


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def map_pixels(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    scale = image.width / briefing.SHEET_SIZE[0]
    left, top, right, bottom = (round(v * scale) for v in MAP_BOX)
    return np.asarray(image.crop((left, top, right, bottom)), dtype=np.int16)


def colour_pixels(pixels: np.ndarray, hex_colour: str, tolerance: int = 40) -> int:
    """How many pixels are within `tolerance` (sum of channel differences) of a colour."""
    target = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    return int((np.abs(pixels - target).sum(axis=2) <= tolerance).sum())


@pytest.fixture(scope="module")
def seed_png() -> bytes:
    return keep("seed.png", make(seed_incidents(), SEED_DAY))


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return keep("seed.pdf", make(seed_incidents(), SEED_DAY, "pdf"))


def test_png_is_at_least_1600_px_wide_a4_landscape(seed_png):
    image = Image.open(io.BytesIO(seed_png))
    assert image.format == "PNG" and image.width >= 1600
    assert abs(image.width / image.height - 297 / 210) < 0.02


def test_png_map_is_painted_not_blank(seed_png):
    pixels = map_pixels(seed_png)
    assert pixels.reshape(-1, 3).std(axis=0).mean() > 8, "the map area is flat: nothing painted"
    assert len(np.unique(pixels.reshape(-1, 3) // 16, axis=0)) > 20


def test_png_shows_the_marker_colours_of_the_types_present(seed_png):
    from dashboard.maps import EVENT_COLORS

    pixels = map_pixels(seed_png)
    for kind in ("drone_strike", "airspace_restriction"):
        assert colour_pixels(pixels, EVENT_COLORS[kind]) >= 40, f"no {kind} marker colour in the map"
    assert colour_pixels(pixels, EVENT_COLORS["missile_strike"], tolerance=12) < 40, "a type that is not there"


def test_pdf_is_one_selectable_page_with_places_window_and_sources(seed_pdf):
    pages = pdf_pages(seed_pdf)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    for needle in ("Kazan", "Izhevsk Airport", "Saratov Gagarin Airport", "21 Dec 2024 to 21 Dec 2024", "UTC+03:00",
                   KAZAN_URL, ROSAVIATSIA_URL, "UNCLASSIFIED // FOR TRAINING", "not stated", "Natural Earth"):
        assert needle in text, needle


def test_pdf_page_is_a4_landscape(seed_pdf):
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(seed_pdf)).pages[0].mediabox
    assert abs(float(box.width) - 841.9) < 2 and abs(float(box.height) - 595.3) < 2


def test_hostile_strings_appear_as_text_in_the_pdf():
    data = keep("hostile.pdf", make(hostile_incidents(), title=f"T {HOSTILE}", banner=f"B {HOSTILE}", fmt="pdf"))
    pages = pdf_pages(data)
    assert len(pages) == 1
    assert HOSTILE in pages[0]
    text = " ".join(pages[0].split())
    assert "</script><scr" in text  # the region cell, cut to its column with an ellipsis
    assert "javascript:alert(1)" in text  # a non-http URL is printed, never linked


def test_hostile_strings_run_no_script_and_show_as_text(browser):
    html = briefing_html(to_frame(hostile_incidents()), IncidentFilter(), title=f"T {HOSTILE}", banner=HOSTILE,
                         generated_at=GENERATED, reference=MOSCOW)
    dialogs = []
    page = browser.new_page()
    try:
        page.route("**/*", briefing._local_only)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.set_content(html)
        page.wait_for_function(briefing.MAP_PAINTED_JS, timeout=30_000)
        shown = page.locator("#sheet").inner_text()
        markers = page.locator("#overlay .marker").count()
    finally:
        page.close()
    assert dialogs == []
    assert markers == 1, "the hostile incident is still drawn on the map"
    assert HOSTILE in shown


def test_empty_window_renders_a_briefing_that_says_so():
    empty = IncidentFilter(start=date(2030, 1, 1), end=date(2030, 1, 2))
    pages = pdf_pages(keep("empty.pdf", make(seed_incidents(), empty, "pdf")))
    assert len(pages) == 1 and "No incidents in this window" in pages[0]
    png = keep("empty.png", make(seed_incidents(), empty))
    assert Image.open(io.BytesIO(png)).width >= 1600


LAYOUT_JS = """() => {
    const box = (el) => el.getBoundingClientRect();
    const sheet = document.getElementById('sheet');
    const wrap = document.querySelector('.tablewrap');
    const side = document.querySelector('.side');
    return {
        sheet: sheet.scrollHeight - sheet.clientHeight, wide: sheet.scrollWidth - sheet.clientWidth,
        table: wrap.scrollHeight - wrap.clientHeight, side: side.scrollHeight - side.clientHeight,
        last: box([...wrap.children].pop()).bottom, footer: box(document.querySelector('footer')).top,
    };
}"""


def evaluate_when_painted(browser, html: str, script: str):
    """Load a briefing page offline, wait for the map to paint as make_briefing does, then evaluate `script`."""
    page = browser.new_page(viewport={"width": briefing.SHEET_SIZE[0], "height": briefing.SHEET_SIZE[1]})
    try:
        page.route("**/*", briefing._local_only)
        page.set_content(html)
        page.wait_for_function(briefing.MAP_PAINTED_JS, timeout=60_000)
        return page.evaluate(script)
    finally:
        page.close()


def layout_of(browser, html: str) -> dict:
    """Overflows (px, > 0 is a spill) of the sheet, the table area and the side column once the map painted."""
    return evaluate_when_painted(browser, html, LAYOUT_JS)


def test_capture_waits_for_the_final_zoom_not_a_scaled_frame(browser):
    html = briefing_html(to_frame(hostile_incidents()), IncidentFilter(), title="One", banner="",
                         generated_at=GENERATED, reference=MOSCOW)
    scaled = evaluate_when_painted(browser, html, """() => {
        const doc = document.getElementById('map').contentDocument;
        return [...doc.querySelectorAll('.leaflet-pane, .leaflet-zoom-animated')]
            .map((el) => el.style.transform || '').filter((t) => /scale\\((?!1\\))/.test(t));
    }""")
    assert scaled == [], "the map was captured in the middle of a zoom animation"


def assert_fits(layout: dict) -> None:
    assert layout["sheet"] <= 0 and layout["wide"] <= 0, layout
    assert layout["table"] <= 0 and layout["side"] <= 0, layout
    assert layout["last"] <= layout["footer"], layout


def test_5000_incidents_fit_one_page_and_end_with_and_n_more(browser):
    from incidents.synth import synthesize

    frame = synthesize(5000, seed=3)
    html = briefing_html(frame, IncidentFilter(), title="Synthetic", banner="TRAINING", generated_at=GENERATED,
                         reference=MOSCOW)
    assert_fits(layout_of(browser, html))
    data = keep("synthetic-5000.pdf", briefing.make_briefing(frame, IncidentFilter(), "pdf", reference=MOSCOW))
    pages = pdf_pages(data)
    assert len(pages) > 2, "continuation pages list the most recent incidents"
    assert f"and {5000 - MAX_ROWS:,} more incidents" in " ".join(pages[0].split())
    assert "SYNTHETIC DATA" in pages[0] and "SYNTHETIC DATA" in pages[1]
    assert f"and {5000 - LIST_LIMIT:,} more incidents are not listed" in " ".join(" ".join(pages).split())


def test_very_long_texts_are_cut_not_spilled(browser):
    from incidents.model import Source

    long = "Very long " * 60
    sources = tuple(Source(f"{long} {i}", f"https://example.org/{'x' * 300}/{i}", "2024-12-21", long) for i in range(12))
    incidents = [item.with_changes(place=long + item.place, admin1=long, sources=sources) for item in seed_incidents()]
    flt = IncidentFilter(regions=tuple(f"{long[:40]} {i}" for i in range(9)) + (long,))
    html = briefing_html(to_frame(incidents), flt, title=long[:200], banner=long[:300], generated_at=GENERATED,
                         reference=MOSCOW, continuation=False)
    assert_fits(layout_of(browser, html))
    assert "more sources (listed in the PDF)" in html


def test_rendering_over_the_time_limit_is_a_clear_error():
    with pytest.raises(briefing.BriefingError, match="did not render within"):
        make(seed_incidents(), SEED_DAY, timeout_s=0.001)


def test_cli_writes_a_one_page_pdf(tmp_path):
    store_path = tmp_path / "incidents.sqlite"
    store = open_store(str(store_path))
    store.upsert(seed_incidents())
    store.close()
    out = tmp_path / "brief.pdf"
    env = os.environ | {"INCIDENTS_DB": str(store_path)}
    done = subprocess.run([sys.executable, "-m", "dashboard", "brief", "--start", "2024-12-21", "--end", "2024-12-21",
                           "--banner", "UNCLASSIFIED", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["incidents"] == 4 and summary["format"] == "pdf"
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == 1 and "Kazan" in pages[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "incidents.sqlite"]


LONG_300 = ("UNCLASSIFIED // FOR TRAINING " * 11)[:300]
ONE_PAGE_CASES = {
    "long-title-and-banner": (seed_incidents(), SEED_DAY, {"title": LONG_300[:200], "banner": LONG_300}),
    "single-incident": (seed_incidents()[:1], IncidentFilter(), {}),
    "empty-window": (seed_incidents(), IncidentFilter(start=date(2030, 1, 1), end=date(2030, 1, 2)), {}),
}


@pytest.mark.parametrize("case", list(ONE_PAGE_CASES))
def test_every_briefing_is_one_page_that_fits(browser, case):
    incidents, flt, options = ONE_PAGE_CASES[case]
    values = {"title": "Incident briefing", "banner": "UNCLASSIFIED"} | options
    html = briefing_html(to_frame(incidents), flt, generated_at=GENERATED, reference=MOSCOW, **values)
    assert_fits(layout_of(browser, html))
    pages = pdf_pages(keep(f"{case}.pdf", make(incidents, flt, "pdf", **values)))
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert text.count(values["banner"][:40]) >= 2, "the banner is printed at the top and the bottom"
    assert text.count(values["banner"][-20:]) >= 2, "and printed whole"


def test_a_short_table_gives_its_room_to_the_map(browser):
    sizes = evaluate_when_painted(browser, briefing_html(
        to_frame(seed_incidents()), SEED_DAY, title="T", banner="", generated_at=GENERATED, reference=MOSCOW,
    ), "() => [document.getElementById('map').getBoundingClientRect().height, document.querySelector('footer').getBoundingClientRect().top, document.querySelector('.tablewrap table').getBoundingClientRect().bottom]")
    height, footer, table_bottom = sizes
    assert height > 396 + 100, "four rows leave nine lines of room that the map takes"
    assert table_bottom <= footer and footer - table_bottom < 60, "no large blank band above the footer"


def test_single_incident_map_shows_the_reference_city(browser):
    html = briefing_html(to_frame(seed_incidents()[:1]), IncidentFilter(), title="T", banner="", generated_at=GENERATED,
                         reference=MOSCOW)
    labels = evaluate_when_painted(browser, html, """() => {
        const doc = document.getElementById('map').contentDocument, frame = doc.querySelector('.leaflet-container').getBoundingClientRect();
        return [...doc.querySelectorAll('.im-city-label')].filter((n) => {
            const r = n.getBoundingClientRect();
            return r.left >= frame.left && r.right <= frame.right + 120 && r.top >= frame.top && r.bottom <= frame.bottom;
        }).map((n) => n.textContent);
    }""")
    assert labels == ["Moscow"]


# ---- the analyst's words, reliability, numbers and labels, continuation pages, slides ---------------------------

TITLE_120 = ("Drone strikes on Kazan and the closure of Kazan, Izhevsk and Saratov airports on 21 December 2024: "
             "what is known so far and next")[:120]
SUMMARY = ("**Assessment:** the strike on Kazan is *likely* linked to the same-day airport closures.\n\n"
           "- Kazan: high-rise buildings hit, no casualties reported\n- Izhevsk and Saratov: flights suspended\n\n"
           "Confidence: moderate.")
LABEL_JS = """() => {
    const svg = document.getElementById('overlay'), at = svg.getBoundingClientRect();
    return {left: at.left, top: at.top, labels: [...svg.querySelectorAll('g.label')].map((g) => {
        const r = g.querySelector('rect').getBBox(), t = g.querySelector('text').getBBox();
        return {n: Number(g.dataset.number), rect: [r.x, r.y, r.width, r.height], text: [t.x, t.y, t.width, t.height]};
    })};
}"""


def words(text: str) -> str:
    return " ".join(text.split())


def test_pdf_prints_the_title_summary_author_and_verification_whole():
    data = keep("words.pdf", make(seed_incidents(), SEED_DAY, "pdf", title=TITLE_120, summary=SUMMARY,
                                  author="J. Analyst"))
    pages = pdf_pages(data)
    assert len(pages) == 1
    text = words(pages[0])
    assert TITLE_120 in text
    for needle in ("Assessment: the strike on Kazan is likely linked to the same-day airport closures.",
                   "Kazan: high-rise buildings hit, no casualties reported", "Confidence: moderate.",
                   "Prepared by J. Analyst", "VERIFICATION", "Reliability: 4 reported",
                   "Kazan: drone strike; KZN flights suspended"):
        assert needle in text, needle
    assert "SYNTHETIC DATA" not in text
    assert re.search(r"\b1 2024-12-21 07:40–09:20 UTC\+03:00 Kazan\b", text), "numbered first row"


def test_synthetic_incidents_mark_every_page_that_shows_them():
    from incidents.synth import synthesize

    frame = pd.concat([to_frame(seed_incidents()), synthesize(40, seed=9)], ignore_index=True)
    frame = frame.sort_values("day", kind="stable").reset_index(drop=True)
    marked = pdf_pages(keep("synthetic.pdf", briefing.make_briefing(frame, IncidentFilter(), "pdf", reference=MOSCOW)))
    assert len(marked) >= 2 and all("SYNTHETIC DATA" in page for page in marked[:2])
    real = briefing.make_briefing(frame, IncidentFilter(verification=("reported",)), "pdf", reference=MOSCOW)
    assert not any("SYNTHETIC DATA" in page for page in pdf_pages(real))


def test_continuation_pages_carry_every_source_with_its_url():
    from incidents.model import Source

    long_title = "A source title long enough to wrap onto a second line in the side column of the first page, " * 2
    incidents = [item.with_changes(sources=(Source(f"{long_title}{i}", f"https://example.org/article/{i}",
                                                   "2024-12-21", ""),))
                 for i, item in enumerate(seed_incidents() * 5)]
    pages = pdf_pages(keep("continuation.pdf", make(incidents, SEED_DAY, "pdf")))
    assert len(pages) >= 2
    later = words(" ".join(pages[1:]))
    for i in range(len(incidents)):
        assert f"https://example.org/article/{i}" in later
        assert words(f"{long_title}{i}") in later, "source titles wrap, never cut"
    assert "page 2 of" in later


def test_png_labels_are_drawn_inside_their_boxes_and_no_two_overlap(browser):
    from dashboard.briefing_layout import Box
    from dashboard.briefing_html import build_briefing

    frame = to_frame(seed_incidents())
    built = build_briefing(frame, SEED_DAY, title="T", banner="", generated_at=GENERATED, reference=MOSCOW,
                           continuation=False)
    boxes = [label.box for label in built.map.layout.labels]
    assert len(boxes) == 3
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    drawn = evaluate_when_painted(browser, built.html, LABEL_JS)
    for label in drawn["labels"]:
        rx, ry, rw, rh = label["rect"]
        tx, ty, tw, th = label["text"]
        assert rx <= tx and tx + tw <= rx + rw + 0.5, f"label {label['n']}'s text spills out of its box"
    png = keep("labels.png", briefing.render_html(built.html, "png"))
    image = np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=np.int16)
    scale = image.shape[1] / briefing.SHEET_SIZE[0]
    for label in built.map.layout.labels:
        b: Box = label.box
        left, top = drawn["left"] + b.x + 2, drawn["top"] + b.y + 2
        crop = image[round(top * scale):round((top + b.h - 4) * scale), round(left * scale):round((left + b.w - 4) * scale)]
        assert (crop < 80).sum() > 40, f"no text drawn in the box of label {label.number} ({label.text})"
        assert (crop > 200).mean() > 0.4, "the label sits on its light box"


def test_slide_is_one_16_9_slide_with_map_figures_rows_and_sources_in_the_notes():
    from pptx import Presentation
    from pptx.util import Inches

    data = keep("brief.pptx", make(seed_incidents(), SEED_DAY, "pptx", title="Kazan, 21 December 2024",
                                   summary=SUMMARY))
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 1
    assert abs(deck.slide_width / deck.slide_height - 16 / 9) < 0.01
    slide = deck.slides[0]
    texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Kazan, 21 December 2024" in texts and "4 incidents" in texts and "Reliability: 4 reported" in texts
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].width > Inches(6)
    picture = Image.open(io.BytesIO(pictures[0].image.blob))
    assert picture.width > 1000 and np.asarray(picture.convert("RGB")).std() > 8, "the map image is painted"
    table = next(shape for shape in slide.shapes if shape.has_table).table
    assert table.cell(1, 0).text == "1" and table.cell(1, 2).text == "Kazan"
    notes = slide.notes_slide.notes_text_frame.text
    assert KAZAN_URL in notes and ROSAVIATSIA_URL in notes and "Confidence: moderate." in notes
    for shape in slide.shapes:
        assert shape.left >= 0 and shape.top >= 0 and shape.left + shape.width <= deck.slide_width + 1
        assert shape.top + shape.height <= deck.slide_height + 1, "every shape on the slide"
