"""How sure the extractor is of one proposed incident: a score in [0, 1] with the reasons that lowered it."""

from __future__ import annotations

from typing import Any

from incidents.extraction.findings import Draft

# What lowers the score, and by how much: doubtful proposals sort first in the Import review.
PENALTIES = {
    "disputed": 0.5,
    "unverified": 0.3,
    "approximate": 0.25,
    "jurisdiction": 0.2,
    "undated": 0.1,
    "region": 0.1,
    "listed": 0.05,
    "no_cue": 0.15,
    "other_language": 0.1,
}
START = 0.95


def score(draft: Draft, language: str) -> dict[str, Any]:
    """{'confidence': 0..1, 'reasons': [...], 'language': 'en|ru|uk'} for a draft (stored in origin['extraction'])."""
    first, values = draft.first, draft.values
    reasons = [f"site: {first.reason.removeprefix('site: ')}"]
    penalties = []
    verification = values.get("verification", "reported")
    if verification in ("disputed", "unverified"):
        penalties.append((verification, f"verification {verification}: {draft.evidence.get('verification', {}).get('text', '')}"))
    if first.place.kind == "approximate":
        penalties.append(("approximate", "approximate point: the place is given only by distance and bearing"))
    elif first.place.kind == "region":
        penalties.append(("region", "region-level place: no town named"))
    if "governor or mayor" in first.reason:
        penalties.append(("jurisdiction", "placed by the official's title, not a named site"))
    if first.reason.startswith(("site: listed with", "site: another spelling")):
        penalties.append(("listed", "named in a list after a site"))
    if first.day_reason == "publication date":
        penalties.append(("undated", "no date in the text: the publication date is used"))
    if first.cue is None:
        penalties.append(("no_cue", "no event word next to the place"))
    value = START - sum(PENALTIES[name] for name, _ in penalties)
    reasons += [text for _, text in penalties]
    return {"confidence": round(min(1.0, max(0.05, value)), 2), "reasons": reasons, "language": language}
