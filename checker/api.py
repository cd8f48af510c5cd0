"""The public API (contract section 8): check() returns what `check --json` prints."""
from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from . import huishouden, invoer, jaren, parameters, signalen
from .berekening import Resultaat, bereken
from .huishouden import Huishouden
from .regelingen.register import actief

SCHEMA = 1


def _geld(x) -> float:
    return round(float(x), 2)


def _geld_lijst(rij: np.ndarray) -> list[float]:
    """``_geld`` of every amount of a row (Python's round on the same floats, without a numpy scalar each)."""
    return [round(x, 2) for x in rij.tolist()]


def regeling_json(res: Resultaat, sleutel: str, i: int = 0) -> dict[str, Any]:
    u = res.regelingen[sleutel]
    uit: dict[str, Any] = {
        "recht": bool(u.recht[i]),
        "jaarbedrag": _geld(u.jaarbedrag[i]),
        "maandbedragen": _geld_lijst(u.maandbedragen[i]),
        "instantie": u.instantie,
        "uitleg": list(u.uitleg(i)),
        "bronnen": list(u.bronnen(i)),
        "berekend": u.berekend,
        "soort": actief()[sleutel].soort,
    }
    ontvangen = ontvangen_json(res, sleutel, i)
    if ontvangen:
        uit["ontvangen"] = ontvangen
    waarschuwingen = list(u.waarschuwingen(i)) + [f"Parameter {t}" for t in u.onzekere_parameters()]
    if waarschuwingen:
        uit["waarschuwingen"] = waarschuwingen
    return uit


def ontvangen_json(res: Resultaat, sleutel: str, i: int = 0) -> dict[str, Any] | None:
    """What the household receives now of a regeling, in the same terms as its computed amounts, and which
    (``bedragen``: netto or bruto): bijstand net (as on the beschikking), WGA gross (as on the UWV letter), a
    toeslag voorschot as paid out (untaxed, so netto). None when nothing is received."""
    u = res.regelingen[sleutel]
    if u.ontvangen is not None:
        maanden, bedragen = u.ontvangen[i], u.ontvangen_bedragen
    elif sleutel in res.invoer.ontvangt:
        maanden, bedragen = res.invoer.ontvangt[sleutel][i], "netto"
    else:
        return None
    if not np.any(maanden > 0):
        return None
    return {"jaarbedrag": _geld(np.sum(maanden)), "maandbedragen": _geld_lijst(maanden), "bedragen": bedragen}


def netto_json(res: Resultaat, i: int = 0) -> dict[str, Any]:
    n = res.netto
    maand = _geld_lijst(n.maandbedragen[i])
    return {
        "maandbedragen": maand,
        "jaarbedrag": _geld(np.sum(n.maandbedragen[i])),
        "compleet": n.compleet,
        "onderdelen": {k: _geld(np.sum(v[i])) for k, v in n.onderdelen.items()},
        "uitleg": list(n.uitleg),
    }


def voorschotten_json(res: Resultaat, i: int = 0) -> dict[str, Any]:
    """Per regeling with a voorschot in ``ontvangt``: received against computed, and the estimate after the year."""
    uit = {}
    for k, ontvangt in res.invoer.ontvangt.items():
        recht = res.regelingen[k]
        if not recht.berekend:
            continue
        ontvangen = float(ontvangt[i].sum())
        jaar = float(recht.jaarbedrag[i])
        uit[k] = {"ontvangt_jaar": _geld(ontvangen), "recht_jaar": _geld(jaar),
                  "terugvordering": _geld(max(0.0, ontvangen - jaar)), "nabetaling": _geld(max(0.0, jaar - ontvangen)),
                  "maanden_ontvangen_zonder_recht": int(((ontvangt[i] > 0) & (recht.maandbedragen[i] <= 0)).sum())}
    return uit


def tijdlijn_json(h: Huishouden, res: Resultaat, sigs: list[dict], i: int = 0) -> list[dict[str, Any]]:
    """Month by month: rights, voorschotten received, events, and the deadlines of the signals."""
    recht = {k: u.maandbedragen[i].tolist() for k, u in res.regelingen.items() if u.berekend}
    ontvangt = {k: v[i].tolist() for k, v in res.invoer.ontvangt.items()}
    maanden = []
    for m in range(12):
        sleutel = f"{h.jaar}-{m + 1:02d}"
        maanden.append({
            "maand": sleutel,
            "regelingen": {k: round(r[m], 2) for k, r in recht.items() if abs(r[m]) >= 0.005},
            "ontvangt": {k: round(v[m], 2) for k, v in ontvangt.items() if v[m] > 0},
            "gebeurtenissen": [{"datum": g.datum.isoformat(), "soort": g.soort,
                                **({"persoon": g.persoon} if g.persoon else {})}
                               for g in h.gebeurtenissen if g.datum.month == m + 1],
            "termijnen": [{"datum": s["datum"], "code": s["code"], "instantie": s["instantie"]}
                          for s in sigs if s.get("datum", "").startswith(sleutel)],
        })
    return maanden


def uitkomst_json(h: Huishouden, res: Resultaat, sigs: list[dict], i: int = 0) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "jaar": h.jaar,
        "naam": h.naam,
        "peildatum": (h.peildatum or date.today()).isoformat(),   # "today" for the deadlines (contract section 10)
        "regelingen": {k: regeling_json(res, k, i) for k in res.regelingen},
        "netto_besteedbaar_inkomen": netto_json(res, i),
        "signalen": sigs,
        "waarschuwingen": huishouden.tegenstrijdigheden(h),
        "voorschotten": voorschotten_json(res, i),
        "tijdlijn": tijdlijn_json(h, res, sigs, i),
    }


def bereken_huishouden(bron: Any, jaar: int | None = None, wijzigingen: dict | None = None
                       ) -> tuple[Huishouden, Resultaat]:
    h = jaren.laad(bron, jaar)
    return h, bereken(invoer.uit_huishoudens([h]), parameters.laad(h.jaar, wijzigingen))


def check(bron: Any, jaar: int | None = None) -> dict[str, Any]:
    """Check one household: a path, a built-in persona name or a dict (schema 1).

    Returns the dict of contract section 3. Bad input raises ``InvoerFout``. The household goes down the layers
    once: file → arrays → regelingen (``bereken_huishouden``) → facts, with the cliff facts near today's income from
    ``klif`` → signal rules (``signalen.bepaal``) → JSON.
    """
    jaren.controleer(jaar)
    h, res = bereken_huishouden(bron, jaar)
    return uitkomst_json(h, res, signalen.bepaal(h, res))


def parameterlijst(jaar: int) -> list[dict[str, Any]]:
    return parameters.laad(jaar).lijst()
