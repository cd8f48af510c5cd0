"""Scan: sweep one person's loon or winst and find where earning more leaves the household with less.

Contract section 7. The sweep and the cliffs come from ``klif`` (one vectorised pass over all points: the household
repeated once per income point, the swept source set to the point's amount in every month); this module checks the
options and builds the JSON.
"""
from __future__ import annotations

import gc
from typing import Any

import numpy as np

from . import jaren, parameters
from .fouten import InvoerFout, kort
from .huishouden import GROOTSTE_BEDRAG, is_getal
from .klif import Veranderingen, bereken_scan, marginale_druk, namen, per_maand, sprongen

SCHEMA = 1


def punten(van: float, tot: float, stap: float) -> np.ndarray:
    """The swept amounts per month: from ``van`` to ``tot`` in steps of ``stap`` (bad input otherwise)."""
    problemen = []
    for naam, w in (("--van", van), ("--tot", tot), ("--stap", stap)):
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            problemen.append((naam, f"moet een getal zijn, niet {kort(w)}"))
        elif not is_getal(w) or w < 0 or w > GROOTSTE_BEDRAG:
            grens = f"{GROOTSTE_BEDRAG:,.0f}".replace(",", ".")
            problemen.append((naam, f"moet een getal van 0 tot {grens} zijn, niet {kort(w)}"))
    if not problemen and stap <= 0:
        problemen.append(("--stap", "moet groter dan 0 zijn"))
    if not problemen and tot < van:
        problemen.append(("--tot", f"moet minstens --van ({van}) zijn"))
    if not problemen and (tot - van) / stap > 100_000:
        problemen.append(("--stap", "te klein: meer dan 100.000 punten"))
    if problemen:
        raise InvoerFout(problemen)
    van, tot, stap = float(van), float(tot), float(stap)
    n = int(np.floor((tot - van) / stap + 1e-9)) + 1
    return van + stap * np.arange(n)


def _punten_json(bruto: np.ndarray, netto: np.ndarray, regelingen: dict[str, np.ndarray]) -> list[dict]:
    """The contract's points, one dict per point, from the columns (each rounded to cents in one pass). The
    collector of reference cycles pauses while the dicts are made: they hold only floats, so there is nothing for it
    to find, and with thousands of points it would otherwise run many times over the growing list."""
    sleutels = list(regelingen)
    kolommen = [np.round(regelingen[k], 2).tolist() for k in sleutels]
    aan = gc.isenabled()
    gc.disable()
    try:
        return [{"bruto": b, "netto_besteedbaar": n, "regelingen": dict(zip(sleutels, rij))}
                for b, n, rij in zip(np.round(bruto, 2).tolist(), np.round(netto, 2).tolist(), zip(*kolommen))]
    finally:
        if aan:
            gc.enable()


def scan(bron_huishouden: Any, persoon: str | None = None, bron: str = "loon", van: float = 0.0,
         tot: float = 6000.0, stap: float = 10.0, jaar: int | None = None) -> dict[str, Any]:
    """Contract section 7. ``persoon`` defaults to the aanvrager."""
    jaren.controleer(jaar)
    if persoon is not None and not isinstance(persoon, str):
        raise InvoerFout([("--persoon", f"moet een id zijn, niet {kort(persoon)}")])
    h = jaren.laad(bron_huishouden, jaar)
    persoon = persoon or h.aanvrager.id
    bruto = punten(van, tot, stap)
    res = bereken_scan(h, persoon, bron, bruto, parameters.laad(h.jaar))
    netto, regelingen = per_maand(res)
    veranderingen = Veranderingen(regelingen, res.regelingen, namen(h))
    huidig_p = next(p for p in h.personen if p.id == persoon)
    huidig = float(np.mean(getattr(huidig_p.inkomen, bron)))
    return {
        "schema": SCHEMA, "naam": h.naam, "jaar": h.jaar, "persoon": persoon, "bron": bron,
        "huidig": round(huidig, 2),
        "punten": _punten_json(bruto, netto, regelingen),
        "sprongen": sprongen(bruto, netto, veranderingen, persoon.capitalize()),
        "marginale_druk": marginale_druk(bruto, netto, veranderingen),
        "compleet": bool(res.netto.compleet),
    }
