"""From article text to incidents: read the article, then turn each draft into a validated Incident with its source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from incidents.errors import ExtractionError, ValidationError
from incidents.extraction import confidence, dates, geo, language, markup, place_choice
from incidents.extraction.findings import Draft
from incidents.extraction.reader import Reader
from incidents.extraction.sentences import Sentence
from incidents.model import Incident, Source


# A point placed by a distance (and bearing) from a town, or between two, is 'approximate': a point, but no named place.
GEO_PRECISION = {"airport": "exact", "city": "city", "region": "region", "country": "country", "approximate": "approximate"}


@dataclass
class Analysis:
    """Everything read from one article: drafts (future incidents), rejected mentions and the publication date."""

    text: str
    published: date | None
    title: str
    drafts: list[Draft]
    reader: Reader = field(repr=False)
    undated: int = 0

    @cached_property
    def rejected(self) -> list[dict[str, Any]]:
        """The mentions not taken as sites, with the reasons (their sentences' language read only when asked)."""
        return self.reader.rejected

    @cached_property
    def language(self) -> str:
        """The article's language, read only when asked."""
        return language.detect(self.reader.body)


def analyse(text: str, published: date | str | None = None) -> Analysis:
    """Reads an article into drafts of incidents, keeping the evidence and the rejected mentions."""
    if not isinstance(text, str):
        raise ExtractionError(f"article text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise ExtractionError("the article is empty")
    header_day, header_len = dates.read_header(text)
    try:
        day = dates.as_date(published) or header_day
    except ValueError:
        raise ExtractionError(f"publication date {published!r} is not YYYY-MM-DD") from None
    body = " " * header_len + markup.unmix_scripts(markup.blank_furniture(markup.blank_markup(text[header_len:])))
    reader = Reader(body, day)
    reader.run()
    reader.findings = place_choice.review(reader.findings, reader.body, reader.context, (item for item, _ in reader.rejections))
    undated = sum(1 for finding in reader.findings if finding.day is None)
    return Analysis(text, day, _title(reader.sentences), reader.drafts(), reader, undated)


def _title(sentences: list[Sentence]) -> str:
    for sentence in sentences:
        words = sentence.text.strip()
        if words:
            return words if len(words) <= 120 else words[:117].rsplit(" ", 1)[0] + "..."
    return ""


def to_incident(draft: Draft, analysis: Analysis, source: dict[str, Any] | None, explain: bool = False) -> Incident:
    """The validated Incident for a draft, with its source and evidence (reasons kept only when explaining)."""
    first, values = draft.first, draft.values
    place = first.place
    evidence = {name: ({k: v for k, v in item.items() if explain or k != "reason"}) for name, item in draft.evidence.items()}
    src = dict(source or {})
    published = src.get("published") or (analysis.published.isoformat() if analysis.published else "")
    record = Source(title=str(src.get("title") or analysis.title), url=str(src.get("url") or ""), published=str(published),
                    excerpt=str(src.get("excerpt") or first.sentence.text))
    try:
        return Incident(
            event_type=first.event_type, lat=float(place.lat), lon=float(place.lon), started_at=values["started_at"],
            ended_at=values.get("ended_at"), time_precision=values.get("time_precision", "day"),
            place=place.name, admin1=geo.admin1_of(place) or "", country=place.country or "",
            geo_precision=GEO_PRECISION.get(place.kind, "city"),
            killed=values.get("killed"), injured=values.get("injured"), drones_downed=values.get("drones_downed"),
            airport_iata=place.iata if first.is_airport or place.kind == "airport" else None,
            airport_icao=place.icao if first.is_airport or place.kind == "airport" else None,
            status=values.get("status"), verification=values.get("verification", "reported"),
            sources=(record,), notes="; ".join(draft.notes), origin={"format": "article", "mention": first.mention_text,
                    "extraction": confidence.score(draft, language.detect(first.sentence.text))},
            evidence=evidence, distance_claim=values.get("distance_claim"), review="draft",
        )
    except ValidationError as error:
        raise ExtractionError(f"could not build an incident at {place.name}: {error}") from None
