"""Stable deployment ids across document versions: rows matched by what they print, not by ordinal alone.

Owns one decision at load time: which stored deployment each incoming row
is. The extractor numbers rows that share a date and a place in document
order (`…-westminster-1`, `-2`, …); when a new row is printed ahead of
the others, or one is deleted, or the rows are reordered, those ordinals
shift, and a row would take another's id — a false revision of both and a
new row filed under an old one. So, within each group of one date and one
place, an incoming row keeps the id of the stored row that prints exactly
its figures; what is left pairs with the stored row it resembles most
(most of the figures both print agree), or, one left on each side, with
that one (a revision); any row still unpaired is new and gets the next
free ordinal. Stored rows left unpaired are absent from this version.

Must not: parse, or change figures. Proof: tests/test_identity.py.
"""

from __future__ import annotations

from collections import defaultdict

import duckdb

from schemas.records import Deployment

# Figures that tell two rows of one day and place apart (the date and place are the group's).
_COMPARED = ("duration_minutes", "purpose", "watchlist_size", "threshold", "alerts_total", "true_alerts",
             "true_alerts_confirmed", "true_alerts_unconfirmed", "false_alerts", "false_alerts_confirmed",
             "false_alerts_unconfirmed", "true_alert_engagements", "false_alert_engagements", "arrests",
             "other_disposals", "no_action", "faces_seen", "status", "note")
_MIN_LIKENESS = 0.5


def _group(deployment_id: str) -> tuple[str, int]:
    key, _, ordinal = deployment_id.rpartition("-")
    return key, int(ordinal) if ordinal.isdigit() else 0


def _likeness(a: dict, b: dict) -> float:
    pairs = [(a[c], b[c]) for c in _COMPARED if a.get(c) is not None or b.get(c) is not None]
    return sum(x == y for x, y in pairs) / len(pairs) if pairs else 0.0


def stable_ids(con: duckdb.DuckDBPyConnection, deployments: list[Deployment], hashes: list[str]) -> list[str]:
    """The id each incoming deployment is stored under (aligned with `deployments`); `hashes` are their
    figures_sha256."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(deployments):
        groups[_group(d.deployment_id)[0]].append(i)
    stored = _stored(con, list(groups))
    ids = [d.deployment_id for d in deployments]
    for key, members in groups.items():
        existing = stored.get(key, [])
        if not existing:
            continue
        taken: set[str] = set()
        pairs: dict[int, str] = {}
        for i in members:  # the same figures: the same deployment
            match = next((e for e in existing if e["figures_sha256"] == hashes[i] and e["deployment_id"] not in taken),
                         None)
            if match:
                pairs[i] = match["deployment_id"]
                taken.add(match["deployment_id"])
        left = [i for i in members if i not in pairs]
        others = [e for e in existing if e["deployment_id"] not in taken]
        if len(left) == 1 and len(others) == 1:  # one row on each side: a revision of that row
            pairs[left[0]] = others[0]["deployment_id"]
        else:
            scored = sorted(((_likeness(deployments[i].__dict__, e), -abs(members.index(i) - e["position"]), i,
                              e["deployment_id"]) for i in left for e in others), reverse=True)
            for score, _, i, deployment_id in scored:
                if score >= _MIN_LIKENESS and i not in pairs and deployment_id not in taken:
                    pairs[i] = deployment_id
                    taken.add(deployment_id)
        used = {_group(e["deployment_id"])[1] for e in existing} | {_group(v)[1] for v in pairs.values()}
        next_free = max(used, default=0) + 1
        for i in members:
            if i in pairs:
                ids[i] = pairs[i]
            else:  # a row seen for the first time
                ids[i] = f"{key}-{next_free}"
                next_free += 1
    return ids


def _stored(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, list[dict]]:
    """The stored deployments of each group (date and place key), in the order their documents printed them."""
    if not keys:
        return {}
    columns = ", ".join(_COMPARED)
    cursor = con.execute(f"""
        SELECT deployment_id, figures_sha256, {columns}
        FROM deployments
        WHERE list_contains(?, regexp_replace(deployment_id, '-[0-9]+$', ''))
        ORDER BY deployment_id""", [keys])
    names = [d[0] for d in cursor.description]
    out: dict[str, list[dict]] = defaultdict(list)
    for row in cursor.fetchall():
        record = dict(zip(names, row))
        key, ordinal = _group(record["deployment_id"])
        record["position"] = ordinal - 1
        out[key].append(record)
    for rows in out.values():
        rows.sort(key=lambda r: r["position"])
    return out
