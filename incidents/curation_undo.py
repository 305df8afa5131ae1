"""Undo of one delete (the tombstone's incident written back) and of one merge (the merged incident back, the kept
one's merged fields restored), each recorded in the history with its reason."""

from __future__ import annotations

from typing import Any

from incidents.access import User, check
from incidents.curation import _need_reason, _same
from incidents.errors import IncidentsError
from incidents.model import Incident
from incidents.storage.journal import DELETED, Change, Tombstone, Writes, changes_between, now_iso, with_values


def _stone(store: Any, incident_id: str) -> Tombstone:
    stone = store.tombstones([incident_id]).get(incident_id)
    if stone is None:
        raise IncidentsError(f"no deleted incident {incident_id}; `python -m incidents history {incident_id}` "
                             "shows what happened to it")
    if store.get_rows([incident_id]):
        raise IncidentsError(f"incident {incident_id} is in the store again: nothing to restore")
    return stone


def restore_deleted(store: Any, user: User, incident_id: str, reason: str) -> dict[str, Any]:
    """Bring back a deleted incident exactly as it was deleted (a merged-away one: use `unmerge`)."""
    check(user, "delete")
    reason = _need_reason(reason, "a restore")
    stone = _stone(store, incident_id)
    if stone.merged_into:
        raise IncidentsError(f"incident {incident_id} was merged into {stone.merged_into}: "
                             f"use `python -m incidents unmerge {incident_id} --reason TEXT`")
    incident = Incident.from_dict(dict(stone.record))
    change = Change(incident_id, DELETED, True, None, user.name, now_iso(), reason)
    store.apply(Writes(rows=(incident,), revived=(incident_id,), changes=(change,)))
    return {"restored": incident_id, "deleted_at": stone.at, "deleted_by": stone.actor}


def unmerge(store: Any, user: User, incident_id: str, reason: str) -> dict[str, Any]:
    """Undo the merge of `incident_id` into another: it comes back as it was, and each field the merge changed in the
    kept incident gets its value from before the merge back (a field changed again since stays, and is reported)."""
    check(user, "merge")
    reason = _need_reason(reason, "an unmerge")
    stone = _stone(store, incident_id)
    if not stone.merged_into:
        raise IncidentsError(f"incident {incident_id} was deleted, not merged: "
                             f"use `python -m incidents restore-deleted {incident_id} --reason TEXT`")
    keep_id = stone.merged_into
    rows = store.get_rows([keep_id])
    if keep_id not in rows:
        raise IncidentsError(f"incident {keep_id} (which {incident_id} was merged into) is gone; restore it first")
    keep = rows[keep_id]
    by_merge = [c for c in store.history(keep_id) if c.at == stone.at and c.actor == stone.actor
                and c.reason == stone.reason and c.field != DELETED]
    current = keep.incident.to_dict()
    restore, skipped = {}, []
    for change in by_merge:
        if _same(current.get(change.field), change.new):
            restore[change.field] = change.old
        else:
            skipped.append({"id": keep_id, "field": change.field, "reason": "changed again since the merge"})
    at = now_iso()
    kept = with_values(keep.incident, restore) if restore else keep.incident
    changes = changes_between(keep.incident, kept, user.name, at, reason)
    changes.append(Change(incident_id, DELETED, {"merged_into": keep_id}, None, user.name, at, reason))
    back = Incident.from_dict(dict(stone.record))
    store.apply(Writes(rows=(back, kept) if restore else (back,), revived=(incident_id,), changes=tuple(changes),
                       expected={keep_id: keep.version}))
    return {"restored": incident_id, "kept": keep_id, "fields_restored": sorted(restore), "skipped": skipped}
