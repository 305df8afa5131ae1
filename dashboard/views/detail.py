"""The detail panel of one incident: every field, sources with excerpts, evidence and the distance claim check."""

from __future__ import annotations

import math
from typing import Any, Mapping

import pandas as pd
import streamlit as st

from dashboard.escape import markdown_text as md
from incidents.figures import count_text

from dashboard.escape import safe_url
from incidents.model import EVENT_LABELS


def is_missing(value: Any) -> bool:
    """None, NA, NaN or NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def highlighted(evidence: Mapping[str, Any]) -> str:
    """The evidence sentence with the extracted words in bold, escaped.

    The words are `text` when given, else sentence[start:end] when those offsets fall inside the sentence (extractors
    may give offsets in the article instead).
    """
    sentence = str(evidence.get("sentence") or "")
    words = str(evidence.get("text") or "")
    start, end = evidence.get("start"), evidence.get("end")
    if not words and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence):
        words = sentence[start:end]
    where = sentence.find(words) if words else -1
    if where < 0:
        return md(sentence)
    stop = where + len(words)
    return f"{md(sentence[:where])}**{md(words)}**{md(sentence[stop:])}"


def claim_text(claim: Mapping[str, Any], reference_name: str) -> str:
    """'Claimed 800 km from Moscow ("500 miles (800 km)"); geodesic 721 km: 11% off (overstated).'"""
    parts = [f"Claimed {_num(claim.get('claimed_km'))} km from {md(claim.get('reference') or reference_name)}"]
    if claim.get("claimed_text"):
        parts[0] += f" (“{md(claim['claimed_text'])}”)"
    parts.append(f"geodesic {_num(claim.get('geodesic_km'))} km")
    error = claim.get("error_pct")
    verdict = claim.get("verdict")
    tail = f"{_num(error)} % off" if isinstance(error, (int, float)) else ""
    if verdict:
        tail = f"{tail} ({md(verdict)})" if tail else md(verdict)
    return "; ".join(parts) + (f": {tail}" if tail else "") + "."


def _num(value: Any) -> str:
    return f"{float(value):,.0f}" if isinstance(value, (int, float)) and math.isfinite(value) else "?"


def _when(row: pd.Series) -> str:
    text = md(row["started_at"])
    if not is_missing(row.get("start_utc")):
        text += f" (UTC {row['start_utc'].strftime('%Y-%m-%d %H:%M')})"
    if row.get("ended_at"):
        text += f" until {md(row['ended_at'])}"
    return text + f", precision: {md(row.get('time_precision'))}"


def _precision(value: Any) -> str:
    if value == "approximate":
        return "approximate — a point placed by distance from a named place, not a place of its own"
    return md(value)


def _facts(row: pd.Series, reference_name: str) -> list[str]:
    lines = [
        f"**When** {_when(row)}",
        f"**Where** {md(row['place'])}, {md(row['admin1'])}, {md(row['country'])} "
        f"({row['lat']:.4f}, {row['lon']:.4f}; precision: {_precision(row['geo_precision'])})",
        f"**Killed** {count_text(row['killed'])} · **Injured** {count_text(row['injured'])} · "
        f"**Drones downed** {count_text(row['drones_downed'])}",
    ]
    if "ref_km" in row and not is_missing(row["ref_km"]):
        lines.append(f"**From {md(reference_name)}** {row['ref_km']:,.0f} km {md(row.get('ref_compass'))}")
    if row.get("airport_iata") or row.get("airport_icao"):
        codes = " / ".join(md(c) for c in (row.get("airport_iata"), row.get("airport_icao")) if c)
        lines.append(f"**Airport** {codes} · **status** {md(row.get('status') or 'not stated')}")
    lines.append(f"**Verification** {md(row['verification'])} · **id** {md(row['id'])}")
    return lines


def _sources(sources: Any) -> None:
    for number, source in enumerate(sources if isinstance(sources, (list, tuple)) else (), start=1):
        title = md(source.get("title") or "untitled")
        url = safe_url(source.get("url"))
        head = f"{number}. [{title}](<{url}>)" if url else f"{number}. {title}"
        if source.get("published"):
            head += f" · {md(source['published'])}"
        st.markdown(head)
        if source.get("excerpt"):
            st.caption(md(source["excerpt"]))


def render_detail(row: pd.Series, reference_name: str) -> None:
    """Draw the panel for one incident row of the frame."""
    st.markdown(
        f"#### {md(EVENT_LABELS.get(row['event_type'], row['event_type']))}: {md(row['place'] or 'unnamed place')}"
    )
    st.markdown("  \n".join(_facts(row, reference_name)))
    if row.get("notes"):
        st.markdown(f"**Notes** {md(row['notes'])}")
    claim = row.get("distance_claim")
    if isinstance(claim, Mapping) and claim:
        st.markdown(f"**Distance claim check** {claim_text(claim, reference_name)}")
    st.markdown("**Sources**")
    _sources(row.get("sources"))
    evidence = row.get("evidence")
    if isinstance(evidence, Mapping) and evidence:
        with st.expander(f"Evidence for {len(evidence)} extracted field(s)"):
            for name, item in evidence.items():
                if isinstance(item, Mapping):
                    st.markdown(f"**{md(name)}**: {highlighted(item)}")
    origin = row.get("origin")
    if isinstance(origin, Mapping) and origin:
        with st.expander("Original labels and codes"):
            st.json(dict(origin), expanded=False)
    from dashboard.edit_panel import edit_form
    from dashboard.history_panel import history_list, related_list

    related_list(str(row["id"]))
    history_list(str(row["id"]))
    edit_form(str(row["id"]))
