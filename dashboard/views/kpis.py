"""The KPI row: renders incidents.figures.Figures (compact values, exact ones on hover) and computes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from incidents.figures import STALE_DAYS, Figures

COMPACT_FROM = 10_000  # below this a value is written out in full


@dataclass(frozen=True)
class Tile:
    """One metric tile: label, the value shown (never cut) and the help with the exact value."""

    label: str
    value: str
    help: str


def compact(count: int) -> str:
    """'9,999', '316.4 k', '1.0 M': at most seven characters, so a narrow tile never cuts it."""
    if abs(count) < COMPACT_FROM:
        return f"{count:,}"
    if abs(count) < 999_950:
        return f"{count / 1000:.1f} k"
    return f"{count / 1_000_000:.1f} M"


def compact_text(headline: str) -> str:
    """A Tally headline ('1,234,567+', 'not stated') in compact form: '1.2 M+'."""
    digits = headline.rstrip("+").replace(",", "")
    if not digits.isdigit():
        return headline
    return compact(int(digits)) + ("+" if headline.endswith("+") else "")


def kpi_tiles(figs: Figures) -> list[Tile]:
    """The tiles of the KPI row, in order."""
    restricted = ", ".join(a.airport for a in figs.restricted) or "none"
    stale = "; ".join(f"{a.airport}: {a.text}" for a in figs.stale)
    return [
        Tile("Incidents", compact(figs.incidents), f"{figs.incidents:,} incidents in this view"),
        Tile("Strikes", compact(figs.strikes), f"{figs.strikes:,} drone, missile and other strikes"),
        Tile("Killed", compact_text(figs.killed.headline),
             figs.killed.text("killed") + " (airspace restrictions are not counted)"),
        Tile("Injured", compact_text(figs.injured.headline),
             figs.injured.text("injured") + " (airspace restrictions are not counted)"),
        Tile("Downed", compact_text(figs.drones_downed.headline), figs.drones_downed.text("drones downed")),
        Tile("Restricted", compact(len(figs.restricted)),
             f"Airports whose latest restriction up to {figs.as_of} is active and was reported within {STALE_DAYS} "
             f"days of it: {restricted}." + (f" Too old to call restricted: {stale}." if stale else "")),
    ]


def caption(figs: Figures, window: str) -> str:
    """The line under the KPI row: the window, casualties that were not stated, stale restrictions."""
    line = f"Window: {window} (local dates)."
    notes = [text for text in (figs.killed.text("killed"), figs.injured.text("injured")) if "not stated" in text]
    if notes:
        line += " Casualties: " + "; ".join(notes) + " (“not stated” is not zero)."
    if figs.airports:
        line += " " + figs.restricted_text() + "."
    return line
