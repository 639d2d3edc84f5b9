"""Computing a period's results (placeholder until the scoring engine lands)."""

from __future__ import annotations


def hitung_untuk_snapshot(db, periode: dict) -> list[tuple[str, dict]]:
    return []
