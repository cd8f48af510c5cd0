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
from .fouten import InvoerFout, kort, kort_tekst
from .signalen import REGELING_NAMEN

SCHEMA = 1
BRONNEN = ("loon", "winst")
RUIS = 0.005          # euro: differences below half a cent are float noise, not cliffs
SPRONG_MARGE = 10.0   # contract: a rise of more than the step plus € 10 is a cliff for whoever earns less
KLEIN = 1.0           # euro per month: a fall this small comes from rounding monthly toeslagen to whole euros
DRUK_GRENS = 0.8      # contract: ranges where more than 80% of extra gross income is lost


def _persoon_rol(h: huishouden.Huishouden, persoon: str) -> str:
    for p in h.personen:
        if p.id == persoon:
            if p.rol not in ("aanvrager", "partner"):
                raise InvoerFout([("--persoon", f"'{kort_tekst(persoon)}' is een {p.rol}; kies de aanvrager of de "
                                                "partner")])
            return p.rol
    raise InvoerFout([("--persoon", f"onbekende persoon '{kort_tekst(persoon)}'; kies uit "
                                    + ", ".join(p.id for p in h.personen if p.rol in ("aanvrager", "partner")))])


def punten(van: float, tot: float, stap: float) -> np.ndarray:
    problemen = []
    from .huishouden import GROOTSTE_BEDRAG, _is_getal
    for naam, w in (("--van", van), ("--tot", tot), ("--stap", stap)):
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            problemen.append((naam, f"moet een getal zijn, niet {kort(w)}"))
        elif not _is_getal(w) or w < 0 or w > GROOTSTE_BEDRAG:
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


def bereken_scan(h: huishouden.Huishouden, persoon: str, bron: str, bedragen: np.ndarray,
                 params: parameters.Parameters) -> Resultaat:
    if bron not in BRONNEN:
        raise InvoerFout([("--bron", f"'{kort_tekst(bron)}' kan niet; kies uit {', '.join(BRONNEN)}")])
    rol = _persoon_rol(h, persoon)
    basis = invoer.uit_huishoudens([h]).herhaald(len(bedragen))
    gesweept = basis.met_inkomen(rol, bron, np.repeat(bedragen[:, None], 12, axis=1))
    return bereken(gesweept, params)


def _per_maand(res: Resultaat) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    netto = res.netto.maandbedragen.sum(axis=1) / 12.0
    regelingen = {k: u.maandbedragen.sum(axis=1) / 12.0 for k, u in res.regelingen.items()}
    return netto, regelingen


class _Veranderingen:
    """Per step, which regelingen changed and by how much (computed once, as a matrix)."""

    def __init__(self, regelingen: dict[str, np.ndarray]):
        self.sleutels = list(regelingen)
        self.delta = np.diff(np.stack([regelingen[k] for k in self.sleutels]), axis=1)  # (K, n - 1)
        self.veranderd = np.abs(self.delta) > RUIS

    def bij(self, i: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i])]

    def in_bereik(self, i: int, j: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i:j + 1].any(axis=1))]


def _uitleg_sprong(naam: str, van: float, tot: float, verschil: float, v: _Veranderingen, i: int,
                   stap: float) -> str:
    from .opmaak import euro
    delen = []
    richting = 1.0 if verschil < 0 else -1.0   # a rise in net income is told from the step down
    for k in np.flatnonzero(v.veranderd[:, i]):
        d = richting * v.delta[k, i]
        delen.append(f"{REGELING_NAMEN[v.sleutels[k]]} {'stijgt' if d > 0 else 'daalt'} met {euro(abs(d), centen=True)}")
    oorzaak = "; ".join(delen) if delen else "geen regeling verandert (afronding)"
    if verschil < 0:
        return (f"Verdient {naam} {euro(stap)} per maand meer (van {euro(van)} naar {euro(tot)}), dan daalt het "
                f"huishoudinkomen met {euro(-verschil, centen=True)} per maand: {oorzaak}.")
    return (f"Verdient {naam} {euro(stap)} per maand minder (van {euro(tot)} naar {euro(van)}), dan daalt het "
            f"huishoudinkomen met {euro(verschil, centen=True)} per maand: {oorzaak}.")


def sprongen(bruto: np.ndarray, netto: np.ndarray, v: _Veranderingen, naam: str) -> list[dict]:
    """Contract section 7: every step where net income falls while gross rises, and every step where it rises
    by more than the step plus € 10. ``klein`` marks a fall of at most € 1 per month: the rounding of monthly
    toeslagen to whole euros, not a rule that stops."""
    uit = []
    d_netto = np.diff(netto)
    d_bruto = np.diff(bruto)
    kandidaten = np.flatnonzero((d_netto < -RUIS) | (d_netto > d_bruto + SPRONG_MARGE))
    for i in kandidaten:
        verschil = float(d_netto[i])
        klein = bool(-KLEIN <= verschil < 0)
        uitleg = (f"Een daling van {-verschil:.2f} euro per maand door het afronden van maandbedragen op hele euro's."
                  .replace(".", ",", 1) if klein else
                  _uitleg_sprong(naam, float(bruto[i]), float(bruto[i + 1]), verschil, v, i, float(d_bruto[i])))
        uit.append({"van": round(float(bruto[i]), 2), "tot": round(float(bruto[i + 1]), 2),
                    "verschil": round(verschil, 2), "regelingen": v.bij(i), "uitleg": uitleg, "klein": klein})
    return uit


def marginale_druk(bruto: np.ndarray, netto: np.ndarray, v: _Veranderingen) -> list[dict]:
    d_bruto = np.diff(bruto)
    hoog = (1.0 - np.diff(netto) / d_bruto) > DRUK_GRENS + 1e-9
    uit = []
    # runs of consecutive steps above the threshold
    randen = np.flatnonzero(np.diff(np.concatenate(([0], hoog.astype(int), [0]))))
    for i, j in zip(randen[::2], randen[1::2] - 1):
        gemiddeld = 1.0 - (netto[j + 1] - netto[i]) / (bruto[j + 1] - bruto[i])
        uit.append({"van": round(float(bruto[i]), 2), "tot": round(float(bruto[j + 1]), 2),
                    "druk": round(float(gemiddeld), 3), "regelingen": v.in_bereik(i, j)})
    return uit


def _punten_json(bruto: np.ndarray, netto: np.ndarray, regelingen: dict[str, np.ndarray]) -> list[dict]:
    sleutels = list(regelingen)
    kolommen = [np.round(regelingen[k], 2).tolist() for k in sleutels]
    return [{"bruto": b, "netto_besteedbaar": n, "regelingen": dict(zip(sleutels, rij))}
            for b, n, rij in zip(np.round(bruto, 2).tolist(), np.round(netto, 2).tolist(), zip(*kolommen))]


def scan(bron_huishouden: Any, persoon: str | None = None, bron: str = "loon", van: float = 0.0,
         tot: float = 6000.0, stap: float = 10.0, jaar: int | None = None) -> dict[str, Any]:
    """Contract section 7. ``persoon`` defaults to the aanvrager."""
    from .api import _met_jaar
    if jaar is not None and (isinstance(jaar, bool) or not isinstance(jaar, int)):
        raise InvoerFout([("jaar", f"moet een geheel getal zijn, niet {kort(jaar)}")])
    if persoon is not None and not isinstance(persoon, str):
        raise InvoerFout([("--persoon", f"moet een id zijn, niet {kort(persoon)}")])
    h = _met_jaar(huishouden.laad(bron_huishouden), jaar)
    persoon = persoon or h.aanvrager.id
    bruto = punten(van, tot, stap)
    res = bereken_scan(h, persoon, bron, bruto, parameters.laad(h.jaar))
    netto, regelingen = _per_maand(res)
    veranderingen = _Veranderingen(regelingen)
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
