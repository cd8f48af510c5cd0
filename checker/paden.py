"""Where the data folders live: next to the package in a source checkout, inside it when installed."""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PAKKET = Path(__file__).resolve().parent


@cache
def _map(naam: str) -> Path:
    for kandidaat in (_PAKKET / naam, _PAKKET.parent / naam):
        if kandidaat.is_dir():
            return kandidaat
    raise FileNotFoundError(f"map '{naam}' niet gevonden naast of in het pakket checker")


def regels() -> Path:
    return _map("rules")


def personas() -> Path:
    return _map("personas")
