"""HXL (Humanitarian Exchange Language) hashtag rows, as HDX redistributes tables: the row of #tags under the header
is skipped (never a rejected row), and the tags map columns when the header names are not a known format."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

# (hashtag, attributes it must carry) -> model field, first match wins per field; event types are left to the
# cues/labels, as HXL's #event+type holds the publisher's own vocabulary
TAG_FIELDS = (
    (("#event", {"id"}), "id"),
    (("#event", {"code"}), "id"),
    (("#date", {"end"}), "ended_at"),
    (("#date", {"start"}), "started_at"),
    (("#date", set()), "started_at"),
    (("#geo", {"lat"}), "lat"),
    (("#geo", {"lon"}), "lon"),
    (("#geo", {"coord"}), "coordinates"),
    (("#loc", {"name"}), "place"),
    (("#adm3", {"name"}), "place"),
    (("#adm2", {"name"}), "place"),
    (("#adm1", {"name"}), "admin1"),
    (("#country", {"code"}), "country"),
    (("#country", {"name"}), "country"),
    (("#affected", {"killed"}), "killed"),
    (("#affected", {"dead"}), "killed"),
    (("#affected", {"injured"}), "injured"),
    (("#description", set()), "notes"),
    (("#meta", {"source"}), "sources"),
)
SKIP_ATTRIBUTES = frozenset({"year", "month", "week", "pcode"})  # #date+year is not a day


def parse_tag(cell: Any) -> tuple[str, frozenset[str]] | None:
    """('#geo', {'lat'}) for '#geo +lat'; None for a cell that is not a hashtag."""
    text = str(cell or "").strip().casefold().replace(" ", "")
    if not text.startswith("#") or len(text) < 2 or len(text) > 200:
        return None
    name, *attributes = text.split("+")
    if not name[1:].replace("_", "").isalnum():
        return None
    return name, frozenset(filter(None, attributes))


def is_hashtag_row(cells: Iterable[Any]) -> bool:
    """Whether a row is an HXL hashtag row: every filled cell is a #tag, and at least one is."""
    filled = [cell for cell in cells if cell not in (None, "") and str(cell).strip()]
    return bool(filled) and all(parse_tag(cell) is not None for cell in filled)


def tags_after(records: list[list[Any]], start: int, header: list[str]) -> dict[str, str] | None:
    """Column -> hashtag when the record after the header (index `start`) is an HXL hashtag row, else None."""
    if start + 1 >= len(records) or not is_hashtag_row(records[start + 1]):
        return None
    return {name: str(tag).strip() for name, tag in zip(header, records[start + 1]) if name and str(tag or "").strip()}


def tag_map(tags: Mapping[str, str]) -> dict[str, str]:
    """Model field -> column from a table's hashtags (each field and each column at most once)."""
    parsed = {column: parse_tag(tag) for column, tag in tags.items()}
    fields: dict[str, str] = {}
    used: set[str] = set()
    for (name, needed), field in TAG_FIELDS:
        if field in fields:
            continue
        for column, tag in parsed.items():
            if tag and column not in used and tag[0] == name and needed <= tag[1] and not tag[1] & SKIP_ATTRIBUTES:
                fields[field] = column
                used.add(column)
                break
    return fields


def usable(fields: Mapping[str, str]) -> bool:
    """Whether a map from hashtags places and dates rows (a date, and a point or a place to geocode)."""
    return "started_at" in fields and ({"lat", "lon"} <= set(fields) or bool({"place", "coordinates"} & set(fields)))


def unusable_message(tags: Mapping[str, str], fields: Mapping[str, str]) -> str:
    """Why a table's hashtags do not make incidents, and what to do."""
    periods = [column for column, tag in tags.items() if (parsed := parse_tag(tag)) and parsed[0] == "#date"
               and parsed[1] & SKIP_ATTRIBUTES]
    if "started_at" not in fields and periods:
        return (f"the table counts per period ({', '.join(periods[:3])}: {tags[periods[0]]}), it lists no incidents "
                "with a day; download the event-level data (one row per event) instead")
    missing = "a #date column" if "started_at" not in fields else "#geo+lat/#geo+lon or a place (#loc+name, #adm2+name)"
    return (f"the HXL hashtags ({', '.join(list(tags.values())[:8])}) have no {missing}; map the columns with "
            "--map date=Column --map place=Column (or lat/lon)")
