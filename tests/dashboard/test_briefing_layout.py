"""The briefing's words, numbers, groups and labels, checked without a browser."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from dashboard import briefing_html as bh
from dashboard.briefing_groups import numbered_groups
from dashboard.briefing_layout import Box, Layout, MapFrame, Marker, fit_frame, place_labels, spread, wrapped_lines
from dashboard.briefing_markdown import summary_html
from incidents.frames import to_frame
from incidents.model import IncidentFilter
from incidents.synth import synthesize
from tests.dashboard.test_briefing_html import GENERATED, HOSTILE, MOSCOW, seed_incidents, top_level

SEED_DAY = IncidentFilter(start=date(2024, 12, 21), end=date(2024, 12, 21))
TITLE_120 = ("Drone strikes on Kazan and the closure of Kazan, Izhevsk and Saratov airports on 21 December 2024: "
             "what is known so far")[:120]


def build(incidents=None, flt=SEED_DAY, frame=None, **options):
    values = {"title": "Kazan briefing", "banner": "", "generated_at": GENERATED, "reference": MOSCOW} | options
    return bh.build_briefing(frame if frame is not None else to_frame(incidents or seed_incidents()), flt, **values)


def first_sheet(html: str) -> str:
    return top_level(html).split('class="sheet continuation"')[0]


def test_the_kazan_strike_and_its_airport_are_one_numbered_group():
    groups = build().groups
    labels = [g.label for g in groups]
    assert "Kazan: drone strike; KZN flights suspended" in labels
    assert len(groups) == 3, "Izhevsk and Saratov share an article but lie 600 km apart: two groups"
    assert [g.number for g in groups] == [1, 2, 3]


def test_table_rows_carry_the_group_number_and_the_verification():
    built = build()
    assert [r.number for r in built.rows] == [1, 1, 2, 3]
    page = first_sheet(built.html)
    assert "<th>#</th>" in page and "<th>Verification</th>" in page
    assert page.count('<td class="n">1</td>') == 2
    assert "Reliability: 4 reported" in page


def test_the_same_airport_in_two_years_is_two_markers_spread_with_leader_lines():
    kzn = seed_incidents()[1]
    from incidents.model import Source

    lifted = kzn.with_changes(started_at="2025-03-02", status="lifted",
                              sources=(Source("Kazan airport reopens", "https://example.org/kzn-open", "2025-03-02", ""),))
    built = build([kzn, lifted], IncidentFilter())
    markers = built.map.layout.markers
    assert len(markers) == 2 and all(m.spread for m in markers)
    assert markers[0].box().overlaps(markers[1].box()) is False
    assert built.html.count('class="leader"') == 2


def test_labels_never_overlap_and_the_least_important_are_dropped():
    frame = MapFrame(55.0, 45.0, 6.0, 300, 200)
    markers = [Marker(i, 150 + (i % 3) * 20, 100 + (i // 3) * 20, 150, 100, "drone_strike") for i in range(1, 10)]
    layout = Layout(frame, markers=markers)
    place_labels(layout, {i: f"A long place name {i}" for i in range(1, 10)}, range(1, 10))
    boxes = [label.box for label in layout.labels] + [m.box() for m in markers]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a in [m.box() for m in markers] and b in [m.box() for m in markers]:
                continue
            assert not a.overlaps(b), (a, b)
    assert layout.dropped and 1 not in layout.dropped, "the most important label is kept"
    assert all(label.box.inside(300, 200) for label in layout.labels)


def test_spread_places_coincident_points_apart():
    points = spread([(100.0, 100.0)] * 5)
    assert len({(round(x), round(y)) for x, y in points}) == 5
    assert spread([(0.0, 0.0), (100.0, 0.0)]) == [(0.0, 0.0), (100.0, 0.0)]


def test_fit_frame_shows_the_box_inside_the_padding():
    frame = fit_frame((51.7, 46.1, 56.9, 53.5), 670, 400)
    xs, ys = frame.project([51.7, 56.9], [46.1, 53.5])
    assert all(30 <= x <= 640 for x in xs) and all(30 <= y <= 370 for y in ys)
    south, west, north, east = frame.bounds()
    assert south < 51.7 and north > 56.9 and west < 46.1 and east > 53.5


def test_the_view_on_screen_is_used_and_said():
    bounds = (54.0, 47.0, 57.5, 54.0)
    built = build(view_bounds=bounds)
    south, west, north, east = built.map.frame.bounds()
    assert south <= 54.0 + 0.01 and north >= 57.5 - 0.01 and west <= 47.01 and east >= 53.99
    assert "the view on screen in the app" in first_sheet(built.html)
    assert "fitted to the incidents" in first_sheet(build().html)


def test_summary_markdown_is_rendered_and_everything_else_escaped():
    html = str(summary_html(f"**Bold** and *it* {HOSTILE}\n\n- one\n- two\n\n1. first"))
    assert "<b>Bold</b>" in html and "<i>it</i>" in html and "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>first</li></ol>" in html
    assert "<img" not in html and "&lt;img" in html


def test_title_summary_author_and_banner_are_printed_whole():
    summary = "**Assessment.** " + " ".join(f"Sentence {i} of the analyst's view." for i in range(60))
    built = build(title=TITLE_120, summary=summary, author="J. Analyst", banner="UNCLASSIFIED // FOR TRAINING")
    page = top_level(built.html)
    assert TITLE_120 in page and "…" not in TITLE_120
    assert "Sentence 59 of the analyst" in page, "the summary continues on page 2"
    assert "continued on page 2" in page and "J. Analyst" in page
    assert page.count("UNCLASSIFIED // FOR TRAINING") >= 4, "top and bottom of both pages"


def test_too_long_words_are_a_clear_error():
    with pytest.raises(bh.BriefingInputError, match="title has 201 characters"):
        build(title="x" * 201)


def test_synthetic_mark_only_when_synthetic_incidents_are_shown():
    frame = synthesize(60, seed=4)
    marked = build(frame=frame, flt=IncidentFilter())
    assert marked.synthetic and 'class="synthetic">SYNTHETIC DATA' in marked.html
    assert "60 synthetic" in first_sheet(marked.html)
    assert "SYNTHETIC DATA" not in build().html
    left_out = build(frame=frame, flt=IncidentFilter(verification=("reported", "confirmed")))
    assert "SYNTHETIC DATA" not in left_out.html and left_out.figures.incidents == 0


def test_continuation_pages_list_every_row_and_source_with_its_url():
    from tests.dashboard.test_briefing_html import many_incidents
    from incidents.model import Source

    incidents = [item.with_changes(sources=(Source(f"Article {i}", f"https://example.org/a/{i}", "2024-01-01", ""),))
                 for i, item in enumerate(many_incidents(60))]
    built = build(incidents, IncidentFilter())
    assert built.pages >= 2
    cont = top_level(built.html).split('class="sheet continuation"', 1)[1]
    for i in range(60):
        assert f"https://example.org/a/{i}<" in cont and f">Place {i:03d}<" in cont
    assert 'class="sheet continuation"' not in build(incidents, IncidentFilter(), continuation=False).html


def test_20k_synthetic_aggregates_the_unnumbered_incidents():
    built = build(frame=synthesize(20_000, seed=2), flt=IncidentFilter(), continuation=False)
    assert built.map.clustered and '<g class="clusters">' in built.html
    assert len(built.map.layout.markers) <= 40


def test_wrapped_lines_counts_wrapping():
    assert wrapped_lines("a " * 10, 1000) == 1
    assert wrapped_lines("word " * 200, 300) > 5
    assert wrapped_lines("", 300) == 0


def test_empty_window_has_no_markers():
    built = build(flt=IncidentFilter(start=date(2030, 1, 1), end=date(2030, 1, 2)))
    assert built.map.layout.markers == [] and built.rows == []
    assert "No incidents in this window" in built.html


def test_the_map_has_no_attribution_control_and_the_footer_a_neutral_credit_line():
    built = build()
    assert '"attributionControl": false' in built.map.document
    assert ".leaflet-control-attribution" in built.map.document  # hidden by the print CSS as well
    page = first_sheet(built.html)
    assert "Natural Earth" in page and "GeoNames" in page and "Leaflet" in page
    assert "\U0001F1FA\U0001F1E6" not in built.html and "flag" not in page.lower()


def test_hostile_places_are_text_in_the_map_labels():
    from tests.dashboard.test_briefing_html import hostile_incidents

    built = build(hostile_incidents(), IncidentFilter())
    assert built.map.layout.labels and built.map.layout.labels[0].text.startswith("<img")
    overlay = built.map.overlay
    assert "<img" not in overlay and "&lt;img src=x onerror=alert(1)&gt;" in overlay
