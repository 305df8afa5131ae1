"""The Import review shows and edits geo_precision (approximate included); the detail panel and the briefing table say
what an approximate point is."""

from dashboard.views.detail import _precision
from dashboard.views.review import apply_edits, editor_frame
from incidents.extraction import extract_incidents


def village():
    text = "Shelling hit Belgorod on Friday. A village about 30 km south of Belgorod was also hit."
    return [i for i in extract_incidents(text, published="2025-01-10") if i.place == "30 km south of Belgorod"]


def test_an_extracted_village_by_distance_shows_as_approximate_in_the_review_table():
    incidents = village()
    frame = editor_frame(incidents)
    assert frame["geo_precision"].tolist() == ["approximate"] and frame["place"].tolist() == ["30 km south of Belgorod"]
    kept, problems = apply_edits(incidents, frame)
    assert problems == [] and kept[0].geo_precision == "approximate"


def test_a_reviewer_can_change_the_precision_and_an_emptied_cell_keeps_the_proposal():
    incidents = village()
    frame = editor_frame(incidents)
    frame.loc[0, "geo_precision"] = "region"
    assert apply_edits(incidents, frame)[0][0].geo_precision == "region"
    frame.loc[0, "geo_precision"] = None
    assert apply_edits(incidents, frame)[0][0].geo_precision == "approximate"
    frame.loc[0, "geo_precision"] = "roughly"
    assert apply_edits(incidents, frame)[1][0]["field"] == "geo_precision"


def test_the_detail_panel_says_what_an_approximate_point_is():
    assert _precision("approximate").startswith("approximate — a point placed by distance")
    assert _precision("city") == "city"


def test_the_briefing_table_marks_an_approximate_point():
    from dashboard.briefing_html import SourceList, table_row

    record = {**village()[0].to_dict(), "sources": ()}
    assert str(table_row(record, SourceList()).full_place) == "30 km south of Belgorod (approximate point)"
    assert str(table_row({**record, "geo_precision": "city", "place": "Belgorod"}, SourceList()).full_place) == "Belgorod"
