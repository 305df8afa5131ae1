"""Curation writes on a store: review, edit, delete (tombstone), merge and undo of a batch, each recorded field by field."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from incidents.access import User, check
from incidents.errors import IncidentsError, InputError
from incidents.model import COUNT_FIELDS, OPTIONAL_TEXT_FIELDS, REVIEW_STATES, Incident, utc_now_iso
from incidents.storage.base import BOOKKEEPING, merge_sources
from incidents.storage.journal import (
    CREATED,
    DELETED,
    REMOVED,
    Batch,
    Change,
    Tombstone,
    Writes,
    changes_between,
    now_iso,
    with_values,
)

JSON_VALUED = ("sources", "origin", "evidence", "distance_claim")
NOT_EDITABLE = (*BOOKKEEPING, "review")  # the review state changes through `review`, with its own permission


def with_review(incidents: Iterable[Incident], state: str) -> Iterator[Incident]:
    """The incidents with their review state set, without validating each again (a hot path of imports)."""
    for incident in incidents:
        if incident.review == state:
            yield incident
            continue
        out = object.__new__(Incident)
        out.__dict__.update(incident.__dict__, review=state)
        yield out


def parse_assignments(pairs: Iterable[str]) -> dict[str, Any]:
    """FIELD=VALUE pairs as field values: numbers for counts and coordinates, JSON for sources and mappings, an empty
    value clears an optional field; a bad pair is an InputError naming it (the `--set` flag, or the form's field)."""
    known = set(Incident.__dataclass_fields__)
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise InputError(f"--set {pair!r}: write FIELD=VALUE, e.g. --set killed=2",
                             f"{pair!r} is not a field and a value")
        if name not in known:
            raise InputError(f"--set {name}: unknown field; known fields are {', '.join(sorted(known))}",
                             f"{name!r} is not an incident field")
        if name in NOT_EDITABLE:
            raise InputError(f"--set {name}: the store keeps it" if name != "review"
                             else "--set review: use `python -m incidents review ID --accept|--reject`",
                             f"{name} is kept by the store" if name != "review"
                             else "the review state changes on the Review page (Accept / Reject)")
        out[name] = _value(name, text)
    if not out:
        raise InputError("nothing to change: give at least one --set FIELD=VALUE",
                         "nothing to change: no field differs from the stored incident")
    return out


def _value(name: str, text: str) -> Any:
    if text == "" and (name in COUNT_FIELDS or name in OPTIONAL_TEXT_FIELDS or name == "distance_claim"):
        return None
    kind = "JSON value" if name in JSON_VALUED else "whole number" if name in COUNT_FIELDS else "number"
    try:
        if name in COUNT_FIELDS:
            return int(text)
        if name in ("lat", "lon"):
            return float(text)
        if name in JSON_VALUED:
            return json.loads(text) if text else ([] if name == "sources" else {})
    except ValueError:
        raise InputError(f"--set {name}={text!r}: not a valid {kind}",
                         f"{name}: {text!r} is not a {kind}; correct the {name} field") from None
    if name == "zero_zero_intended":
        if text.lower() not in ("true", "false"):
            raise InputError(f"--set {name}={text!r}: write true or false",
                             f"{name}: {text!r} is neither true nor false; write true or false")
        return text.lower() == "true"
    return text


def _need_reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise InputError(f"{what} needs a reason: add --reason TEXT", f"{what} needs a reason: fill in the Reason field")
    return text


def _rows(store: Any, ids: Iterable[str]) -> dict[str, Any]:
    wanted = list(dict.fromkeys(ids))
    rows = store.get_rows(wanted)
    missing = [key for key in wanted if key not in rows]
    if missing:
        gone = store.tombstones(missing)
        said = f"no incident {missing[0]}" + (" (it was deleted)" if missing[0] in gone else "")
        raise InputError(said + "; list ids with `python -m incidents export --format csv --include-drafts`",
                         said + " any more; it may have been deleted or merged since the page was drawn")
    return rows


def edit(store: Any, user: User, incident_id: str, changes: Mapping[str, Any], reason: str,
         expected_version: int | None = None) -> dict[str, Any]:
    """Change fields of one incident (editors: drafts only; reviewers: any), recorded with the reason. With
    `expected_version` (the row version the editor saw), an incident changed since is an EditConflict."""
    reason = _need_reason(reason, "an edit")
    row = _rows(store, [incident_id])[incident_id]
    check(user, "edit_draft" if row.incident.review == "draft" else "edit")
    version = row.version if expected_version is None else expected_version
    saved = store.update(incident_id, dict(changes), version, actor=user.name, reason=reason)
    changed = changes_between(row.incident, saved.incident, user.name, "", reason)
    return {"id": incident_id, "changed": [c.field for c in changed if c.field != "updated_at"],
            "version": saved.version}


def review(store: Any, user: User, ids: Iterable[str], state: str, reason: str = "") -> dict[str, Any]:
    """Set the review state of incidents in one write (a rejection needs a reason)."""
    check(user, "review")
    if state not in REVIEW_STATES:
        raise IncidentsError(f"unknown review state {state!r}; use one of {', '.join(REVIEW_STATES)}")
    if state == "rejected":
        reason = _need_reason(reason, "a rejection")
    rows = _rows(store, ids)
    at = now_iso()
    written, changes = [], []
    for key, row in rows.items():
        if row.incident.review == state:
            continue
        new = _changed(row.incident, review=state, updated_at=utc_now_iso())
        written.append(new)
        changes += changes_between(row.incident, new, user.name, at, reason or "")
    store.apply(Writes(rows=tuple(written), changes=tuple(changes),
                       expected={item.id: rows[item.id].version for item in written}))
    return {"state": state, "changed": [item.id for item in written],
            "unchanged": [key for key in rows if key not in {item.id for item in written}]}


def delete(store: Any, user: User, ids: Iterable[str], reason: str) -> dict[str, Any]:
    """Tombstone incidents: hidden from every view, kept whole with their history."""
    check(user, "delete")
    reason = _need_reason(reason, "a delete")
    rows = _rows(store, ids)
    at = now_iso()
    stones = tuple(Tombstone(key, at, user.name, reason, None, row.incident.to_dict()) for key, row in rows.items())
    changes = tuple(Change(key, DELETED, None, True, user.name, at, reason) for key in rows)
    store.apply(Writes(tombstones=stones, changes=changes, expected={key: row.version for key, row in rows.items()}))
    return {"deleted": list(rows)}


def merge(store: Any, user: User, keep_id: str, other_id: str, reason: str) -> dict[str, Any]:
    """Merge `other` into `keep`: every source and evidence kept (the other's conflicting evidence and origin under
    origin.merged_from), the other tombstoned as merged; both recorded."""
    check(user, "merge")
    reason = _need_reason(reason, "a merge")
    if keep_id == other_id:
        raise IncidentsError("cannot merge an incident into itself: give two different ids")
    rows = _rows(store, [keep_id, other_id])
    keep, other = rows[keep_id].incident, rows[other_id].incident
    at = now_iso()
    merged_from = {**dict(keep.origin.get("merged_from") or {}),
                   other.id: {"evidence": dict(other.evidence), "origin": dict(other.origin)}}
    new = _changed(keep, sources=merge_sources(keep.sources, other.sources),
                   evidence={**other.evidence, **keep.evidence}, origin={**keep.origin, "merged_from": merged_from},
                   updated_at=utc_now_iso())
    changes = changes_between(keep, new, user.name, at, reason)
    changes.append(Change(other.id, DELETED, None, {"merged_into": keep.id}, user.name, at, reason))
    stone = Tombstone(other.id, at, user.name, reason, keep.id, other.to_dict())
    store.apply(Writes(rows=(new,), tombstones=(stone,), changes=tuple(changes),
                       expected={key: row.version for key, row in rows.items()}))
    return {"kept": keep.id, "merged": other.id, "sources": len(new.sources)}


def undo(store: Any, user: User, batch_id: str, reason: str) -> dict[str, Any]:
    """Undo an import batch: remove the incidents it created, restore the previous value of each field it changed
    (a field changed again since is left as it is and reported); recorded, and the batch marked undone."""
    check(user, "undo")
    reason = _need_reason(reason, "an undo")
    batch = next((item for item in store.batches() if item.id == batch_id), None)
    if batch is None:
        raise IncidentsError(f"no batch {batch_id}; list them with `python -m incidents batches`")
    if batch.undone_by:
        raise IncidentsError(f"batch {batch_id} was already undone ({batch.undone_by})")
    logged = store.history(batch=batch_id)
    created = list(dict.fromkeys(c.incident_id for c in logged if c.field == CREATED))
    fields: dict[str, dict[str, Change]] = {}
    for change in logged:
        if change.field != CREATED:
            fields.setdefault(change.incident_id, {})[change.field] = change
    rows = store.get_rows(created + list(fields))
    at = now_iso()
    note = f"undo of {batch_id}: {reason}"
    removed = tuple(key for key in created if key in rows)
    changes = [Change(key, REMOVED, None, None, user.name, at, note) for key in removed]
    written, skipped = [], []
    for key, by_field in fields.items():
        row = rows.get(key)
        if row is None or key in removed:
            continue
        current = row.incident.to_dict()
        restore = {}
        for name, change in by_field.items():
            if _same(current.get(name), change.new):
                restore[name] = change.old
            else:
                skipped.append({"id": key, "field": name, "reason": "changed again since the batch"})
        if restore:
            new = with_values(row.incident, restore)
            written.append(new)
            changes += changes_between(row.incident, new, user.name, at, note)
    done = Batch(batch.id, batch.kind, batch.source, batch.sha256, batch.actor, batch.at, batch.inserted,
                 batch.updated, batch.unchanged, f"{user.name} at {at}: {reason}")
    store.apply(Writes(rows=tuple(written), removed=removed, changes=tuple(changes), batch=done,
                       expected={key: rows[key].version for key in [*removed, *(item.id for item in written)]}))
    return {"batch": batch_id, "removed": len(removed), "restored": len(written), "skipped": skipped}


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def _changed(incident: Incident, **values: Any) -> Incident:
    return incident.with_changes(**values)


def recently_changed(store: Any, hours: float = 24.0, limit: int = 5000) -> set[str]:
    """The ids of incidents edited, reviewed or merged into in the last `hours` (creations, deletes and removals
    left out), the latest `limit` of them: with the drafts, the rows whose duplicate candidates are worth a look."""
    since = (datetime.now(timezone.utc) - timedelta(hours=hours)).isoformat()
    ids = [c.incident_id for c in store.history(since=since) if c.field not in (CREATED, DELETED, REMOVED)]
    return set(list(dict.fromkeys(reversed(ids)))[:limit])


def related_stored(store: Any, incident: Incident) -> list[dict[str, Any]]:
    """The incidents related to `incident` (see duplicates.related_incidents) among those stored within a day of it,
    drafts included, rejected left out: one bounded query, cheap enough for a detail panel."""
    from datetime import timedelta

    from incidents.duplicates import related_incidents
    from incidents.frames import from_frame
    from incidents.model import IncidentFilter, WITH_DRAFTS

    day = incident.start.day
    window = IncidentFilter(start=day - timedelta(days=1), end=day + timedelta(days=1), review=WITH_DRAFTS)
    nearby = from_frame(store.select(window))
    return [link.to_dict() for link in related_incidents(nearby, incident)]
