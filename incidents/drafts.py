"""The review queue over the catalog: every draft's hot columns with its extraction confidence, highest first."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from incidents.catalog import Catalog
from incidents.model import IncidentFilter

QUEUE_COLUMNS = ("id", "confidence", "event_type", "place", "started_at")


def confidence(origin: Any) -> float | None:
    """The extraction's confidence (0..1) in an incident's origin (a mapping, or its stored JSON text), else None."""
    if isinstance(origin, str):
        try:
            origin = json.loads(origin) if origin else {}
        except ValueError:
            return None
    value = (origin.get("extraction") or {}).get("confidence") if isinstance(origin, Mapping) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def draft_confidences(store: Any) -> dict[str, float]:
    """Each draft's extraction confidence, where it has one: one read of the drafts' ids and origins, nothing else."""
    raw = store.catalog(IncidentFilter(review=("draft",)), ("id", "origin"))
    found = {str(key): confidence(origin) for key, origin in zip(raw["id"], raw["origin"])}
    return {key: value for key, value in found.items() if value is not None}


def draft_queue(catalog: Catalog, confidences: Mapping[str, float]) -> pd.DataFrame:
    """The drafts of the catalog (QUEUE_COLUMNS), highest confidence first, unknown last, else by day then id."""
    codes, labels = catalog.codes["review"]
    where = np.flatnonzero(codes == labels.get("draft", -1))
    rows = catalog.frame.iloc[where]
    ids = rows["id"].astype(object).to_numpy()
    scores = pd.Series(ids, dtype=object).map(confidences).astype(float).to_numpy()
    order = np.lexsort((np.arange(len(ids)), -np.nan_to_num(scores, nan=0.0), np.isnan(scores)))  # last key first
    picked = rows.iloc[order]
    return pd.DataFrame({
        "id": ids[order],
        "confidence": scores[order],
        "event_type": picked["event_type"].astype(object).to_numpy(),
        "place": picked["place"].astype(object).to_numpy(),
        "started_at": picked["started_at"].astype(object).to_numpy(),
    })


def evidence_text(evidence: Any, sources: Iterable[Any], limit: int = 200) -> str:
    """The distinct evidence sentences (else the first source's excerpt), joined and cut to `limit` characters."""
    items = evidence.values() if isinstance(evidence, Mapping) else ()
    sentences = [str(item.get("sentence") or item.get("text") or "") for item in items if isinstance(item, Mapping)]
    found = list(dict.fromkeys(s for s in sentences if s))
    if not found:
        first = next(iter(sources or ()), None)
        excerpt = first.get("excerpt") if isinstance(first, Mapping) else getattr(first, "excerpt", None)
        found = [str(excerpt)] if excerpt else []
    text = " · ".join(found)
    return text if len(text) <= limit else text[:limit - 1] + "…"
