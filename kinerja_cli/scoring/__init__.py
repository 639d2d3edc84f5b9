"""Placeholder until the scoring engine lands (replaced by the scoring branch)."""


def parameter_bawaan() -> dict:
    return {}
