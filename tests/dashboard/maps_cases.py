"""Incident frames for the map tests: the Kazan reference case and incidents carrying hostile text."""

from __future__ import annotations

import pandas as pd

from incidents.frames import to_frame
from incidents.model import Incident, Source

KAZAN_SOURCE = Source(
    title="Ukrainian drones strike Kazan",
    url="https://news.example.org/kazan-drones",
    published="2024-12-21",
    excerpt="Kazan is approximately 500 miles (800 km) east of Moscow.",
)
HOSTILE = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "</script><script>window.__pwned=2;alert(2)</script>",
    "${window.__pwned=3}",
    "`;window.__pwned=4;//",
    "back\\slash \\u003c \\",
    "quotes \" ' \u2028\u2029 {{7*7}}",
    "<svg onload=\"window.__pwned=5;alert(5)\"></svg>",
    "A" * 3000 + "<b>long</b>",
)
HOSTILE_URLS = (
    "javascript:window.__pwned=6;alert(6)",
    "https://evil.example/\"><script>window.__pwned=7</script>",
    "data:text/html,<script>alert(8)</script>",
    "https://ok.example/path?q=1&r=2",
)


def kazan_incidents() -> list[Incident]:
    """The 2024-12-21 Kazan strike and the airport restrictions of that morning (seed article)."""
    common = {"verification": "reported", "sources": (KAZAN_SOURCE,), "country": "RU"}
    return [
        Incident(event_type="drone_strike", lat=55.7964, lon=49.1089, place="Kazan", admin1="Tatarstan",
                 started_at="2024-12-21T07:40+03:00", ended_at="2024-12-21T09:20+03:00", time_precision="minute",
                 killed=0, injured=0, drones_downed=6, notes="Residential buildings hit; no casualties.", **common),
        Incident(event_type="airspace_restriction", lat=55.6062, lon=49.2787, place="Kazan", admin1="Tatarstan",
                 started_at="2024-12-21T07:50+03:00", time_precision="minute", airport_iata="KZN",
                 airport_icao="UWKD", status="active", geo_precision="exact", **common),
        Incident(event_type="airspace_restriction", lat=56.8281, lon=53.4575, place="Izhevsk", admin1="Udmurtia",
                 started_at="2024-12-21T08:50+04:00", time_precision="minute", airport_iata="IJK",
                 airport_icao="USII", status="active", geo_precision="exact", **common),
        Incident(event_type="airspace_restriction", lat=51.7122, lon=46.1717, place="Saratov", admin1="Saratov",
                 started_at="2024-12-21T08:50+04:00", time_precision="minute", airport_iata="GSV",
                 airport_icao="UWSG", status="lifted", geo_precision="exact", **common),
    ]


def kazan_frame() -> pd.DataFrame:
    return to_frame(kazan_incidents())


def hostile_incidents(copies: int = 1) -> list[Incident]:
    """Incidents whose every free-text field carries an injection payload; `copies` spreads them out."""
    out = []
    for copy in range(copies):
        for i, text in enumerate(HOSTILE):
            sources = tuple(Source(title=text, url=url, excerpt=text, published=text[:20]) for url in HOSTILE_URLS)
            out.append(Incident(
                event_type="airspace_restriction" if i % 2 else "drone_strike",
                lat=50.0 + i * 0.7 + copy * 0.01, lon=30.0 + i * 1.3 + (copy % 50) * 0.05,
                place=text, admin1=text, country="UA", started_at=f"2024-12-{1 + i:02d}T10:0{i}+02:00",
                time_precision="minute", notes=text, sources=sources, status="active" if i % 2 else None,
                airport_icao=f"ZZQ{chr(65 + i)}" if i % 2 else None,  # unknown airports: named after their place
                id=f"hostile-{copy}-{i}",
            ))
    return out


def hostile_frame(copies: int = 1) -> pd.DataFrame:
    return to_frame(hostile_incidents(copies))
