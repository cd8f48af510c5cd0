"""Scan: sweep one person's loon or winst and find where earning more leaves the household with less.

One vectorised pass: the household is repeated once per income point (``Invoer.herhaald``), the swept
source is set to the point's amount in every month, and the orchestrator computes all regelingen for all
points at once. Contract section 7.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from . import huishouden, invoer, parameters
from .berekening import Resultaat, bereken
from .fouten import InvoerFout
from .signalen import REGELING_NAMEN

SCHEMA = 1
BRONNEN = ("loon", "winst")
RUIS = 0.005          # euro: differences below half a cent are float noise, not cliffs
SPRONG_MARGE = 10.0   # contract: a rise of more than the step plus € 10 is a cliff for whoever earns less
DRUK_GRENS = 0.8      # contract: ranges where more than 80% of extra gross income is lost


def _persoon_rol(h: huishouden.Huishouden, persoon: str) -> str:
    for p in h.personen:
        if p.id == persoon:
            if p.rol not in ("aanvrager", "partner"):
                raise InvoerFout([("--persoon", f"'{persoon}' is een {p.rol}; kies de aanvrager of de partner")])
            return p.rol
    raise InvoerFout([("--persoon", f"onbekende persoon '{persoon}'; kies uit "
                                    + ", ".join(p.id for p in h.personen if p.rol in ("aanvrager", "partner")))])


def punten(van: float, tot: float, stap: float) -> np.ndarray:
    problemen = []
    for naam, w in (("--van", van), ("--tot", tot), ("--stap", stap)):
        if not np.isfinite(w) or w < 0:
            problemen.append((naam, f"moet een getal van 0 of meer zijn, niet {w}"))
    if not problemen and stap <= 0:
        problemen.append(("--stap", "moet groter dan 0 zijn"))
    if not problemen and tot < van:
        problemen.append(("--tot", f"moet minstens --van ({van}) zijn"))
    if not problemen and (tot - van) / stap > 100_000:
        problemen.append(("--stap", "te klein: meer dan 100.000 punten"))
    if problemen:
        raise InvoerFout(problemen)
    n = int(np.floor((tot - van) / stap + 1e-9)) + 1
    return van + stap * np.arange(n)


def bereken_scan(h: huishouden.Huishouden, persoon: str, bron: str, bedragen: np.ndarray,
                 params: parameters.Parameters) -> Resultaat:
    if bron not in BRONNEN:
        raise InvoerFout([("--bron", f"'{bron}' kan niet; kies uit {', '.join(BRONNEN)}")])
    rol = _persoon_rol(h, persoon)
    basis = invoer.uit_huishoudens([h]).herhaald(len(bedragen))
    gesweept = basis.met_inkomen(rol, bron, np.repeat(bedragen[:, None], 12, axis=1))
    return bereken(gesweept, params)


def _per_maand(res: Resultaat) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    netto = res.netto.maandbedragen.sum(axis=1) / 12.0
    regelingen = {k: u.maandbedragen.sum(axis=1) / 12.0 for k, u in res.regelingen.items()}
    return netto, regelingen


def _veranderd(regelingen: dict[str, np.ndarray], i: int) -> list[str]:
    return [k for k, v in regelingen.items() if abs(v[i + 1] - v[i]) > RUIS]


def _uitleg_sprong(naam: str, van: float, tot: float, verschil: float, regelingen: dict[str, np.ndarray],
                   i: int, stap: float) -> str:
    from .opmaak import euro
    delen = []
    for k in _veranderd(regelingen, i):
        d = regelingen[k][i + 1] - regelingen[k][i]
        richting = "stijgt" if d > 0 else "daalt"
        delen.append(f"{REGELING_NAMEN[k]} {richting} met {euro(abs(d), centen=True)}")
    oorzaak = "; ".join(delen) if delen else "geen regeling verandert (afronding)"
    if verschil < 0:
        return (f"Verdient {naam} {euro(stap)} per maand meer (van {euro(van)} naar {euro(tot)}), dan daalt het "
                f"huishoudinkomen met {euro(-verschil, centen=True)} per maand: {oorzaak}.")
    return (f"Verdient {naam} {euro(stap)} per maand minder (van {euro(tot)} naar {euro(van)}), dan daalt het "
            f"huishoudinkomen met {euro(verschil, centen=True)} per maand: {oorzaak}.")


def sprongen(bruto: np.ndarray, netto: np.ndarray, regelingen: dict[str, np.ndarray], naam: str) -> list[dict]:
    uit = []
    d_netto = np.diff(netto)
    d_bruto = np.diff(bruto)
    kandidaten = np.flatnonzero((d_netto < -RUIS) | (d_netto > d_bruto + SPRONG_MARGE))
    for i in kandidaten:
        verschil = float(d_netto[i])
        uit.append({
            "van": round(float(bruto[i]), 2), "tot": round(float(bruto[i + 1]), 2),
            "verschil": round(verschil, 2),
            "regelingen": _veranderd(regelingen, i),
            "uitleg": _uitleg_sprong(naam, float(bruto[i]), float(bruto[i + 1]), verschil, regelingen, i,
                                     float(d_bruto[i])),
        })
    return uit


def marginale_druk(bruto: np.ndarray, netto: np.ndarray, regelingen: dict[str, np.ndarray]) -> list[dict]:
    d_bruto = np.diff(bruto)
    druk = 1.0 - np.diff(netto) / d_bruto
    hoog = druk > DRUK_GRENS + 1e-9
    uit = []
    i = 0
    while i < len(hoog):
        if not hoog[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(hoog) and hoog[j + 1]:
            j += 1
        gemiddeld = 1.0 - (netto[j + 1] - netto[i]) / (bruto[j + 1] - bruto[i])
        oorzaken = sorted({k for s in range(i, j + 1) for k in _veranderd(regelingen, s)},
                          key=list(regelingen).index)
        uit.append({"van": round(float(bruto[i]), 2), "tot": round(float(bruto[j + 1]), 2),
                    "druk": round(float(gemiddeld), 3), "regelingen": oorzaken})
        i = j + 1
    return uit


def scan(bron_huishouden: Any, persoon: str | None = None, bron: str = "loon", van: float = 0.0,
         tot: float = 6000.0, stap: float = 10.0, jaar: int | None = None) -> dict[str, Any]:
    """Contract section 7. ``persoon`` defaults to the aanvrager."""
    from .api import _met_jaar
    h = _met_jaar(huishouden.laad(bron_huishouden), jaar)
    persoon = persoon or h.aanvrager.id
    bruto = punten(float(van), float(tot), float(stap))
    res = bereken_scan(h, persoon, bron, bruto, parameters.laad(h.jaar))
    netto, regelingen = _per_maand(res)
    huidig_p = next(p for p in h.personen if p.id == persoon)
    huidig = float(np.mean(getattr(huidig_p.inkomen, bron)))
    return {
        "schema": SCHEMA, "naam": h.naam, "jaar": h.jaar, "persoon": persoon, "bron": bron,
        "huidig": round(huidig, 2),
        "punten": [{"bruto": round(float(b), 2), "netto_besteedbaar": round(float(netto[i]), 2),
                    "regelingen": {k: round(float(v[i]), 2) for k, v in regelingen.items()}}
                   for i, b in enumerate(bruto)],
        "sprongen": sprongen(bruto, netto, regelingen, persoon.capitalize()),
        "marginale_druk": marginale_druk(bruto, netto, regelingen),
        "compleet": bool(res.netto.compleet),
    }
