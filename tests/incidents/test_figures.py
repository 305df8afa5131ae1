"""incidents.figures: null-aware casualties, airports restricted as of the window's end, timeline bins."""

from datetime import date

import pytest

from incidents.figures import STALE_DAYS, Tally, airport_statuses, count_text, figures, timeline
from incidents.frames import to_frame
from incidents.selection import select
from incidents.model import IncidentFilter
from tests.incidents.factory import make


def restriction(incident_id: str, day: str, status: str | None, icao: str = "UWKD", **more):
    return make(id=incident_id, event_type="airspace_restriction", started_at=day, status=status, airport_icao=icao,
                place="Kazan International Airport", **more)


def test_restrictions_are_never_casualty_reports_with_nothing_stated():
    frame = to_frame([make(id="strike", killed=0, injured=None), restriction("r1", "2024-12-21", "active"),
                      restriction("r2", "2024-12-21", "lifted", icao="USII")])
    figs = figures(frame)
    assert figs.killed == Tally(0, 1, 0) and figs.killed.text("killed") == "0 killed"
    assert figs.injured == Tally(0, 0, 1) and figs.injured.text("injured") == "not stated"
    assert figs.killed.headline == "0" and figs.injured.headline == "not stated"
    assert figs.strikes == 1 and figs.by_type["airspace_restriction"] == 2


def test_tally_texts():
    assert Tally(3, 1, 2).text("killed") == "3+ killed, 2 not stated" and Tally(3, 1, 2).total_text == "3+ (2 not stated)"
    assert Tally(1_000_000, 4, 0).headline == "1,000,000" and Tally(0, 0, 0).text("killed") == "0 killed"
    assert count_text(None) == "not stated" and count_text(1234) == "1,234" and count_text(float("nan")) == "not stated"


def test_an_airport_is_restricted_as_of_the_window_end_by_its_latest_record():
    frame = to_frame([restriction("a", "2024-12-21T08:00+03:00", "active"),
                      restriction("b", "2024-12-21T15:00+03:00", "lifted"),
                      restriction("c", "2024-12-21", "active", icao="USII")])
    figs = figures(frame, date(2024, 12, 21), date(2024, 12, 21))
    assert [a.airport for a in figs.restricted] == ["USII"]  # UWKD was lifted later that day
    assert figs.as_of == "2024-12-21" and figs.restricted_text() == "1 airport restricted as of 2024-12-21"
    assert {a.airport: a.status for a in figs.airports} == {"UWKD": "lifted", "USII": "active"}


def test_an_old_restriction_with_no_lifting_reported_is_not_restricted_now():
    frame = to_frame([restriction("old", "2024-12-21", "active"), make(id="later", started_at="2026-03-01")])
    figs = figures(frame, data_as_of=date(2026, 3, 1))  # the whole store: as of its newest incident
    assert figs.as_of == "2026-03-01" and figs.restricted == ()
    (stale,) = figs.stale
    assert stale.text == f"active, last reported on 2024-12-21 ({stale.age_days:,} days before the window's end; no lifting reported)"
    assert "last reported active over 7 days earlier" in figs.restricted_text()
    recent = figures(frame, date(2024, 12, 15), date(2024, 12, 21 + STALE_DAYS))  # exactly STALE_DAYS old: still active
    assert [a.airport for a in recent.restricted] == ["UWKD"]


def test_status_not_stated_is_neither_active_nor_lifted():
    (status,) = airport_statuses(to_frame([restriction("x", "2024-12-21", None)]), date(2024, 12, 21))
    assert status.status == "not stated" and not status.stale and "status not stated" in status.text
    assert figures(to_frame([restriction("x", "2024-12-21", None)])).restriction_records == {
        "active": 0, "lifted": 0, "none": 1}


@pytest.mark.parametrize("start, end, unit, bins", [
    (date(2024, 12, 1), date(2024, 12, 31), "day", 31),
    (date(2024, 1, 1), date(2024, 12, 31), "day", 366),
    (date(2020, 1, 1), date(2024, 12, 31), "week", 262),
    (date(2000, 1, 1), date(2024, 12, 31), "month", 300),
])
def test_timeline_bins_every_slot_of_the_window(start, end, unit, bins):
    frame = to_frame([make(id=str(d), started_at=f"2024-12-{d:02d}") for d in range(1, 11)])
    bins_found = timeline(select(frame, IncidentFilter(start=start, end=end)), start, end)
    assert bins_found.unit == unit and len(bins_found.starts) == bins
    assert bins_found.table().to_numpy().sum() == 10


def test_figures_as_json_name_every_part():
    out = figures(to_frame([make(killed=2)])).to_dict()
    assert out["killed"] == {"total": 2, "stated": 1, "not_stated": 0, "text": "2 killed"}
    assert set(out) >= {"by_type", "strikes", "drones_downed", "restricted", "restricted_stale", "airports",
                        "timeline", "data_as_of", "as_of"}
