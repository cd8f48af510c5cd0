"""Running the national records through the regelingen, slice by slice, with bounded memory.

A slice is a range of whole blocks (records.blok), computed and then reduced to what a national figure needs:
per record a few numbers (the measures of the targets, the amounts per regeling), never the full arrays of all
records at once.
"""
from __future__ import annotations

import hashlib
from dataclasses import fields
from typing import Callable, Iterator

import numpy as np

from ..berekening import bereken
from ..parameters import Parameters
from . import maten, records

BLOKKEN_PER_STUK = 2   # 10,000 records per slice: about 0.3 GB at the peak, as fast as larger slices


def stukken() -> Iterator[tuple[int, int]]:
    """(first block, last block + 1) of each slice."""
    n = records.blokken()
    for van in range(0, n, BLOKKEN_PER_STUK):
        yield van, min(n, van + BLOKKEN_PER_STUK)


class Vingerafdruk:
    """A hash of the records, so weights are never used with records they were not fitted to: every field of the
    household arrays and of what the rules do not see (the take-up draws included), amounts rounded to 1/10,000 so
    the last bit of a floating-point function on another processor does not count."""

    def __init__(self):
        self._h = hashlib.sha256()

    def voeg_toe(self, rec: records.Records) -> None:
        inv = rec.invoer
        velden = [(f"invoer.{f.name}", getattr(inv, f.name)) for f in fields(inv)]
        velden += [(f.name, getattr(rec, f.name)) for f in fields(rec) if f.name != "invoer"]
        for naam, waarde in velden:
            self._h.update(naam.encode())
            for sleutel, deel in (sorted(waarde.items()) if isinstance(waarde, dict) else [("", waarde)]):
                self._h.update(sleutel.encode() + _als_bytes(deel))

    def waarde(self) -> str:
        return self._h.hexdigest()[:16]


def _als_bytes(waarde) -> bytes:
    if waarde is None or isinstance(waarde, (int, str)):
        return repr(waarde).encode()
    a = np.asarray(waarde)
    if a.dtype == object or a.dtype.kind in "US":
        return "\x1f".join(map(str, a.ravel())).encode()
    if a.dtype.kind == "f":
        a = np.round(a, 4) + 0.0          # + 0.0: -0.0 and 0.0 hash the same
    return str(a.shape).encode() + np.ascontiguousarray(a).astype(np.float64).tobytes()


def doorreken(jaar: int, params: list[Parameters], per_stuk: Callable[[int, int, records.Records, list], None],
              voortgang: Callable[[int, int], None] | None = None) -> str:
    """Every slice of records computed under each of ``params``; ``per_stuk(van, tot, rec, standen)`` reduces it
    (van..tot are record indices). Returns the records' fingerprint."""
    afdruk = Vingerafdruk()
    blok = int(records.ontwerp()["blok"])
    totaal = records.aantal_records()
    for b_van, b_tot in stukken():
        rec = records.stuk(jaar, b_van, b_tot)
        afdruk.voeg_toe(rec)
        basis = maten.stand(rec, bereken(rec.invoer, params[0]))
        standen = [basis] + [maten.stand(rec, bereken(rec.invoer, p), eerder=basis) for p in params[1:]]
        van = b_van * blok
        per_stuk(van, van + rec.n, rec, standen)
        if voortgang is not None:
            voortgang(min(totaal, van + rec.n), totaal)
    return afdruk.waarde()
