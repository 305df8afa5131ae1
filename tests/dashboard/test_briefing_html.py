"""The briefing page builder, checked without a browser: content, escaping, empty window, table cut-off, chart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import pytest

from dashboard import briefing_html as bh
from incidents.frames import to_frame
from incidents.model import Incident, IncidentFilter, Source

HOSTILE = '<img src=x onerror=alert(1)>'
HOSTILE_URL = "javascript:alert(1)"
GENERATED = datetime(2026, 11, 26, 1, 30, tzinfo=timezone.utc)
KAZAN_URL = "https://example.org/news/kazan-drone-attack"
ROSAVIATSIA_URL = "https://example.org/news/rosaviatsia-izhevsk-saratov"


@dataclass(frozen=True)
class Reference:
    """Stands in for geodata's Place: the reference city's name and coordinates."""

    name: str = "Moscow"
    lat: float = 55.7558
    lon: float = 37.6173


MOSCOW = Reference()


def seed_incidents() -> list[Incident]:
    """The reference case: the Kazan drone strike and the airport restrictions of 21 December 2024."""
    kazan = Source("Ukrainian drones strike high-rise buildings in Kazan", KAZAN_URL, "2024-12-21",
                   "Kazan ... was struck by three waves of drones between 7:40 am and 9:20 am local time")
    rosaviatsia = Source("Rosaviatsia restricts flights at Izhevsk and Saratov", ROSAVIATSIA_URL, "2024-12-21", "")
    common = {"country": "RU"}
    return [
        Incident(event_type="drone_strike", lat=55.7963, lon=49.1088, started_at="2024-12-21T07:40+03:00",
                 ended_at="2024-12-21T09:20+03:00", place="Kazan", admin1="Tatarstan", time_precision="minute",
                 killed=0, injured=0, drones_downed=6, sources=(kazan,), **common),
        Incident(event_type="airspace_restriction", lat=55.6062, lon=49.2787, started_at="2024-12-21",
                 place="Kazan International Airport", admin1="Tatarstan", airport_iata="KZN", airport_icao="UWKD",
                 status="active", sources=(kazan,), **common),
        Incident(event_type="airspace_restriction", lat=56.8281, lon=53.4575, started_at="2024-12-21",
                 place="Izhevsk Airport", admin1="Udmurtia", airport_iata="IJK", airport_icao="USII", status="active",
                 sources=(rosaviatsia,), **common),
        Incident(event_type="airspace_restriction", lat=51.7128, lon=46.1711, started_at="2024-12-21",
                 place="Saratov Gagarin Airport", admin1="Saratov Oblast", airport_iata="GSV", airport_icao="UWSG",
                 status="lifted", sources=(rosaviatsia,), **common),
    ]


def hostile_incidents() -> list[Incident]:
    """An incident whose every text field carries markup, template and script payloads."""
    source = Source(f"{HOSTILE} </script> ${{alert(1)}}", HOSTILE_URL, "2024-12-22", "`\\ \"'")
    return [Incident(event_type="explosion", lat=55.75, lon=48.74, started_at="2024-12-22T10:00+03:00",
                     place=HOSTILE, admin1="</script><script>alert(2)</script>", country="RU",
                     notes="${alert(3)} ` \\", sources=(source,))]


def many_incidents(n: int) -> list[Incident]:
    """`n` drone strikes on consecutive days from 1 January 2024, for the table cut-off and the chart."""
    return [
        Incident(event_type="drone_strike", lat=50.0 + i % 7, lon=36.0 + i % 11,
                 started_at=f"{date.fromordinal(date(2024, 1, 1).toordinal() + i).isoformat()}T12:00+03:00",
                 place=f"Place {i:03d}", admin1="Region", country="RU")
        for i in range(n)
    ]


def render(incidents: list[Incident], flt: IncidentFilter = IncidentFilter(), **options) -> str:
    values = {"title": "Kazan briefing", "banner": "", "generated_at": GENERATED, "reference": MOSCOW} | options
    return bh.briefing_html(to_frame(incidents), flt, **values)


def top_level(html: str) -> str:
    """The briefing page without the map document embedded in the iframe's srcdoc."""
    return re.sub(r'srcdoc="[^"]*"', 'srcdoc=""', html)


class Elements(HTMLParser):
    """Every start tag and its attributes in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_seed_briefing_has_what_a_reader_needs():
    html = render(seed_incidents(), banner="UNCLASSIFIED // FOR TRAINING")
    page = top_level(html)
    for needle in ("Kazan briefing", "Kazan", "Izhevsk Airport", "Saratov Gagarin Airport", "Tatarstan",
                   "21 Dec 2024 to 21 Dec 2024", "UTC+03:00", KAZAN_URL, ROSAVIATSIA_URL, "KZN/UWKD active",
                   "GSV/UWSG lifted", "Natural Earth", "GeoNames", "Generated 2026-11-26 01:30 UTC", "Moscow"):
        assert needle in page, needle
    assert page.count("UNCLASSIFIED // FOR TRAINING") == 2
    assert "OpenStreetMap" not in page


def test_table_states_unknown_counts_time_and_distance_as_a_reader_would():
    page = top_level(render(seed_incidents()))
    assert "2024-12-21 07:40–09:20 UTC+03:00" in page
    assert "2024-12-21 (time not stated)" in page  # a bare date is never shown as midnight
    assert "not stated" in page
    assert re.search(r"7\d\d km E<", page), "Kazan lies about 720 km east of Moscow"


def test_sources_are_numbered_links_once_each():
    kazan, *others = seed_incidents()
    again = Source(kazan.sources[0].title, KAZAN_URL, "2024-12-21", "another sentence of the same article")
    quoted_twice = kazan.with_changes(sources=kazan.sources + (again,))
    page = top_level(render([quoted_twice, *others]))
    assert "[1] [1]" not in page
    links = [attrs["href"] for tag, attrs in elements(page) if tag == "a"]
    assert sorted(links) == sorted([KAZAN_URL, ROSAVIATSIA_URL])
    assert "[1]" in page and "[2]" in page and "[3]" not in page


@pytest.mark.parametrize("clustered", [False, True], ids=["markers", "clusters"])
def test_the_map_is_embedded_with_no_network_asset(clustered):
    from dashboard.maps import remote_asset_urls
    from incidents.synth import synthesize

    frame = synthesize(400, seed=5) if clustered else to_frame(seed_incidents())
    html = bh.briefing_html(frame, IncidentFilter(), title="T", banner="", generated_at=GENERATED, reference=MOSCOW)
    frames = [attrs for tag, attrs in elements(html) if tag == "iframe"]
    assert len(frames) == 1
    document = frames[0]["srcdoc"]
    assert "leaflet" in document.lower() and "L.MarkerClusterGroup=" not in document  # incidents are the overlay's
    assert ('<g class="clusters">' in html or '<g class="dots">' in html) == clustered
    assert remote_asset_urls(document) == [], "the map must not load assets from the network"
    assert remote_asset_urls(top_level(html)) == []
    assert not [attrs for tag, attrs in elements(top_level(html)) if tag in ("img", "script", "link")]


def test_online_tiles_add_the_openstreetmap_attribution():
    assert "OpenStreetMap" in top_level(render(seed_incidents(), online_tiles=True))


def test_hostile_strings_are_text_not_markup():
    html = render(hostile_incidents(), title=f"T {HOSTILE}", banner=f"B {HOSTILE}")
    page = top_level(html)
    tags = elements(page)
    assert not [attrs for tag, attrs in tags if tag == "img"]
    assert [tag for tag, _ in tags].count("script") == 0
    assert not [attrs for tag, attrs in tags if tag == "a"], "a javascript: URL must not become a link"
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "${alert" not in page and "`" not in page
    assert "javascript:alert(1)" in page  # shown as text so the reader sees what the source claimed


def test_empty_window_says_so():
    page = top_level(render(seed_incidents(), IncidentFilter(start=date(2030, 1, 1), end=date(2030, 1, 2))))
    assert "No incidents in this window" in page
    assert "1 Jan 2030 to 2 Jan 2030" in page
    assert "<table" not in page


def test_long_windows_list_the_most_recent_rows_then_and_n_more():
    page = top_level(render(many_incidents(40))).split('class="sheet continuation"')[0].split('class="tablewrap"')[1]
    rows = re.findall(r'<tr><td class="n">', page)
    assert len(rows) == bh.MAX_ROWS
    assert f"and {40 - bh.MAX_ROWS} more incidents" in page
    assert "Place 039" in page and "Place 000" not in page
    assert page.index("Place 039") < page.index("Place 038")  # newest first


def test_filter_in_force_is_printed():
    flt = IncidentFilter(start=date(2024, 12, 21), end=date(2024, 12, 21), event_types=("airspace_restriction",),
                         regions=("Udmurtia",))
    page = top_level(render(seed_incidents(), flt))
    assert "Airspace restriction" in page and "regions: Udmurtia" in page
    assert "Izhevsk Airport" in page and "Saratov Gagarin Airport" not in page


def test_open_ended_distance_band_reads_as_words():
    flt = IncidentFilter(distance_km=(800.0, float("inf")), reference=(MOSCOW.lat, MOSCOW.lon))
    page = top_level(render(seed_incidents(), flt))
    assert "distance from 800 km" in page and "inf" not in page
    assert "Izhevsk Airport" in page  # 986 km from Moscow; Kazan and Saratov lie about 720 km away
    assert "Saratov Gagarin Airport" not in page and "Kazan International Airport" not in page


def test_timeline_stacks_one_bar_per_day_by_type_in_the_map_colours():
    from dashboard.maps import EVENT_COLORS

    from incidents.selection import select

    flt = IncidentFilter(start=date(2024, 1, 1), end=date(2024, 1, 3))
    view = select(to_frame(seed_incidents() + many_incidents(3)), flt)
    svg = bh.timeline_svg(bh.brief_figures(view, flt, None).timeline)
    fills = re.findall(r'<rect [^>]*fill="([^"]+)"', svg)
    assert fills == [EVENT_COLORS["drone_strike"]] * 3


def test_timeline_bins_by_week_over_long_windows():
    from incidents.figures import BRIEF_BARS

    frame = to_frame(many_incidents(400))
    bins = bh.brief_figures(frame, IncidentFilter(), None).timeline
    assert bins.unit == "week" and len(bins.starts) <= BRIEF_BARS
    assert int(bins.table().to_numpy().sum()) == 400


@pytest.mark.parametrize(
    "value, expected",
    [(None, "not stated"), (float("nan"), "not stated"), (0, "0"), (12, "12"), (1234, "1,234")],
)
def test_counts_never_turn_unknown_into_zero(value, expected):
    assert bh.count_text(value) == expected


def test_time_zones_list_each_offset_or_a_range():
    assert bh.time_zones(["2024-12-21T07:40+03:00", "2024-12-21", "2024-12-21T08:00+04:00"]) == ["UTC+03:00", "UTC+04:00"]
    many = [f"2024-01-01T00:00+{h:02d}:00" for h in range(2, 9)] + ["2024-01-01T00:00-05:00"]
    assert bh.time_zones(many) == ["UTC-05:00 to UTC+08:00"]


def test_distance_and_airport_texts():
    assert bh.distance_text(721.4, "east") == "721 km E"
    assert bh.distance_text(1500, "east-northeast") == "1,500 km ENE"
    assert bh.distance_text(None, None) == "—"
    assert bh.airport_text({"airport_iata": "IJK", "airport_icao": None, "status": None}) == "IJK (status not stated)"


def test_page_policy_forbids_the_network_unless_online_tiles_were_chosen():
    offline = top_level(render(seed_incidents()))
    assert "default-src 'none'" in offline and "https:" not in offline.split("Content-Security-Policy")[1].split(">")[0]
    online = top_level(render(seed_incidents(), online_tiles=True))
    assert "img-src data: blob: https:" in online


def test_the_map_takes_the_room_a_short_table_and_missing_banners_leave():
    assert bh.map_height(bh.MAX_ROWS + 1) == bh.map_height(bh.MAX_ROWS + 5) == bh.MAP_HEIGHT
    assert bh.MAP_HEIGHT < bh.map_height(4) < bh.map_height(0) < bh.map_height(0, banner=False)
    page = top_level(render(seed_incidents()))
    assert f".map iframe {{ width: 670px; height: {bh.map_height(4, banner=False) - 2}px;" in page


def test_the_briefing_map_takes_in_the_reference_city():
    assert bh.map_options(False).fit_reference and bh.map_options(False).tiles == "offline"
    assert bh.map_options(True).tiles == "osm"


def test_table_distances_are_from_where_the_map_draws_a_restriction():
    izhevsk = seed_incidents()[2].with_changes(lat=56.8498, lon=53.2045, geo_precision="city")  # city centre
    page = top_level(render([izhevsk]))
    assert "986 km ENE" in page, "measured to USII airport, where the marker is, not to the city centre"
