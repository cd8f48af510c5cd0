"""Month arithmetic of the Awir and the activity axis: the lowest floor, used by the household model and the arrays.

It imports nothing of samenloop, so both ``huishouden`` (warnings about events) and ``invoer`` (the arrays) can
use it without importing each other.
"""
from __future__ import annotations

from datetime import date

VOORAF = 3  # months before January kept for activities (the kinderopvangtoeslag uitloop looks back 3 months)


def maand_index(jaar: int, d: date) -> int:
    """Index of the month of d on the activity axis (0 = October of the year before ``jaar``)."""
    return (d.year - jaar) * 12 + d.month - 1 + VOORAF


def eerste_maand_na_wijziging(d: date) -> int:
    """Month index (0..12) from which a change on day ``d`` counts: a change after the first day of a month counts
    from the first day of the next month (Awir art. 5)."""
    return d.month - 1 if d.day == 1 else d.month
