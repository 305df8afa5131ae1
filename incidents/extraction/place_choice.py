"""A second look at each site's place against the article's other places: the namesake near them, far small places dropped."""

from __future__ import annotations

import re
from typing import Any, Iterable

from incidents.extraction import geo
from incidents.extraction.findings import Finding

# A site farther than this from every other place of the article looks for a namesake near them ("Любимівка" with
# Belbek is the Sevastopol village, not the one in Luhansk region).
COHERENT_KM = 300.0
# A namesake counts as near the article's places within this distance of one of them, or in the region of one.
NEAR_KM = 150.0
# A small place farther than this from every other place of the article, and no known target, needs a strong reason.
FAR_KM = 700.0
SMALL_PEOPLE = 100_000
TARGET_KM = 20.0  # an air base this close makes a small place a known target (Olenegorsk by the Olenya base); a
# remote town's civil airport does not (Cherskiy's)
_AIR_BASE = re.compile(r"\b(?:air ?base|airfield)\b", re.IGNORECASE)
# The catch-all reasons a site was taken for; the others (object of a strike verb, a line's head ...) are strong.
WEAK_REASONS = ("place phrase (in/over/near/at", "listed with", "named in a list after a site", "' refers to ")
# Mentions that name no place of the article.
_NOT_PLACES = ("part of", "not a place", "a common", "an abbreviation", "retracted")


def review(findings: list[Finding], body: str, context: Iterable[Any], rejections: Iterable[dict[str, Any]]) -> list[Finding]:
    """The findings with each site's place checked against the article's other places: a far city moved to a namesake
    near them (the other sites, the regions in focus, the places only mentioned); a city dropped when small, far from the
    other sites and regions in focus, no known target and taken for a weak reason, or abroad, taken for a weak reason, in
    an article whose sites are in the war's countries."""
    # the places the reader resolved (sites, regions in focus), distinct: a long list repeats its places
    sites = list(dict.fromkeys([f.place for f in findings] + [p for p in context if getattr(p, "kind", "") in ("city", "region")]))
    mentioned = [p for p in _mentioned(rejections) if p not in sites]  # read here without the reader's context: hints only
    weak_abroad = {f.place for f in findings if f.place.country not in geo.THEATRE and _weak(f)}
    kept = []
    for finding in findings:
        if finding.place.kind == "region" and _far_region_abroad(finding, _others(finding, sites) + _others(finding, mentioned)):
            continue  # "near the port of Pivdennyi, east of Odesa" read as Botswana's Southern district
        if finding.place.kind != "city" or finding.place not in geo.cities_named(finding.mention_text):
            kept.append(finding)  # an airport, a region, or a place reached through another name (a district's city)
            continue
        anchors = _others(finding, sites)
        hints = anchors + _others(finding, mentioned)
        if hints and _far(finding.place, hints) > COHERENT_KM and (finding.place.population or 0) < SMALL_PEOPLE:
            finding.place = _namesake_near(finding, body, hints) or finding.place
        if not _implausible(finding, anchors, [p for p in anchors if p not in weak_abroad]):
            kept.append(finding)
    return kept


def _far_region_abroad(finding: Finding, hints: list[Any]) -> bool:
    """A region outside the war's countries, far from the article's other places, which lie in them and none in its
    country: a word read as a far region (a translated name, 'Pivdennyi' as 'Southern'), not a site."""
    place = finding.place
    return (place.country not in geo.THEATRE and any(p.country in geo.THEATRE for p in hints)
            and not any(p.country == place.country for p in hints) and _far(place, hints) > FAR_KM)


def _others(finding: Finding, places: list[Any]) -> list[Any]:
    return [p for p in places if geo.key(p.name) != geo.key(finding.place.name) and p.kind != "approximate"]


# A place only mentioned counts when it is a region, or a town of some size in the war's countries (not a common word
# read as a hamlet abroad, "Весь" as Wees in Germany).
MENTIONED_PEOPLE = 10_000


def _mentioned(rejections: Iterable[dict[str, Any]]) -> list[Any]:
    out = []
    for text in dict.fromkeys(item["text"] for item in rejections if not str(item.get("reason", "")).startswith(_NOT_PLACES)):
        found = geo.place(text) if geo.is_name(text) else None
        if found is not None and found.country in geo.THEATRE and (
                found.kind in ("region", "airport") or (found.population or 0) >= MENTIONED_PEOPLE):
            out.append(found)
    return out


def _far(place: Any, anchors: list[Any]) -> float:
    """The distance to the nearest other place of the article; none for a place inside a region it names."""
    return min(0.0 if other.kind == "region" and (other.country, other.admin1) == (place.country, place.admin1)
               else geo.km_roughly(place, other) for other in anchors)


def _namesake_near(finding: Finding, body: str, anchors: list[Any]) -> Any:
    """The namesake of the site (its name, or another reading of the word as written) nearest the article's other
    places: in the region of one of them or within NEAR_KM of one; None when there is none."""
    written = body[finding.start:finding.end]
    names = dict.fromkeys([finding.mention_text, written, *geo.other_readings(written)])
    regions = {(p.country, p.admin1) for p in anchors if p.admin1}
    best: tuple[tuple[bool, float], Any] | None = None
    for name in names:
        for candidate in geo.cities_named(name):
            if candidate == finding.place:
                continue
            rank = ((candidate.country, candidate.admin1) not in regions, _far(candidate, anchors))
            if (not rank[0] or rank[1] <= NEAR_KM) and (best is None or rank < best[0]):
                best = (rank, candidate)
    return best[1] if best else None


def _weak(finding: Finding) -> bool:
    return any(weak in finding.reason for weak in WEAK_REASONS)


def _implausible(finding: Finding, anchors: list[Any], firm: list[Any]) -> bool:
    """A weakly taken city abroad among the war's places (no place of its country there but other weakly taken cities
    abroad: "partners in Washington, London and Paris"), or small and far from every other place with no target near."""
    if not anchors or not _weak(finding):
        return False
    place = finding.place
    if place.country not in geo.THEATRE:
        return any(p.country in geo.THEATRE for p in firm) and not any(p.country == place.country for p in firm)
    return ((place.population or 0) < SMALL_PEOPLE and _far(place, anchors) > FAR_KM
            and not any(_AIR_BASE.search(base.name) for base in geo.airports_near(place, TARGET_KM)))
