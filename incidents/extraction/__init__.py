"""Incidents from news text: rule-based extraction with provenance (every field traced to its sentence), and merging."""

from __future__ import annotations

from datetime import date
from typing import Any

from incidents.errors import ExtractionError
from incidents.model import Incident

__all__ = ["extract_incidents", "extract_geojson", "merge_incidents"]


def extract_incidents(text: str, published: date | str | None = None, source: dict | None = None) -> list[Incident]:
    """Incidents proposed for one article (empty when it reports none); ExtractionError when it cannot be read."""
    from incidents.extraction.assemble import analyse, to_incident

    analysis = analyse(text, published)
    _check_dated(analysis)
    return [to_incident(draft, analysis, source) for draft in analysis.drafts]


def extract_geojson(text: str, published: date | str | None = None, explain: bool = False,
                    source: dict | None = None) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the proposed incidents; with explain, the reasons and rejected mentions too."""
    from incidents.extraction.assemble import analyse, to_incident

    analysis = analyse(text, published)
    _check_dated(analysis)
    incidents = [to_incident(draft, analysis, source, explain) for draft in analysis.drafts]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": [feature(i) for i in incidents]}
    if explain:
        collection["explain"] = {
            "published": analysis.published.isoformat() if analysis.published else None,
            "rejected": analysis.rejected,
        }
    return collection


def feature(incident: Incident) -> dict[str, Any]:
    """One incident as a GeoJSON Feature: Point [lon, lat], properties = every model field."""
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [incident.lon, incident.lat]},
            "properties": incident.to_dict()}


def merge_incidents(incidents: list[Incident]) -> list[Incident]:
    """Reports of the same incident (type, place or airport, day) merged into one incident with several sources."""
    from incidents.extraction.merge import merge

    return merge(incidents)


def _check_dated(analysis: Any) -> None:
    if analysis.undated and analysis.published is None:
        raise ExtractionError("no date for the incidents: give the publication date (--published YYYY-MM-DD or a first line 'date YYYY-MM-DD')")
