"""The public API (contract section 8): check() returns what `check --json` prints."""
from __future__ import annotations

from typing import Any

import numpy as np

from . import huishouden, invoer, parameters, signalen
from .berekening import Resultaat, bereken
from .fouten import InvoerFout
from .huishouden import Huishouden

SCHEMA = 1


def _geld(x) -> float:
    return round(float(x), 2)


def regeling_json(res: Resultaat, sleutel: str, i: int = 0) -> dict[str, Any]:
    u = res.regelingen[sleutel]
    uit: dict[str, Any] = {
        "recht": bool(u.recht[i]),
        "jaarbedrag": _geld(u.jaarbedrag[i]),
        "maandbedragen": [_geld(x) for x in u.maandbedragen[i]],
        "instantie": u.instantie,
        "uitleg": list(u.uitleg(i)),
        "bronnen": list(u.bronnen(i)),
        "berekend": u.berekend,
    }
    waarschuwingen = list(u.waarschuwingen(i)) + [f"Parameter {t}" for t in u.onzekere_parameters()]
    if waarschuwingen:
        uit["waarschuwingen"] = waarschuwingen
    return uit


def netto_json(res: Resultaat, i: int = 0) -> dict[str, Any]:
    n = res.netto
    maand = [_geld(x) for x in n.maandbedragen[i]]
    return {
        "maandbedragen": maand,
        "jaarbedrag": _geld(np.sum(n.maandbedragen[i])),
        "compleet": n.compleet,
        "onderdelen": {k: _geld(np.sum(v[i])) for k, v in n.onderdelen.items()},
        "uitleg": list(n.uitleg),
    }


def uitkomst_json(h: Huishouden, res: Resultaat, sigs: list[dict], i: int = 0) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "jaar": h.jaar,
        "naam": h.naam,
        "regelingen": {k: regeling_json(res, k, i) for k in res.regelingen},
        "netto_besteedbaar_inkomen": netto_json(res, i),
        "signalen": sigs,
    }


def _met_jaar(h: Huishouden, jaar: int | None) -> Huishouden:
    if jaar is None or jaar == h.jaar:
        return h
    ruw = h.model_dump(by_alias=True, mode="json", exclude_none=True)
    ruw["jaar"] = jaar
    return huishouden.valideer(ruw)


def bereken_huishouden(bron: Any, jaar: int | None = None, wijzigingen: dict | None = None
                       ) -> tuple[Huishouden, Resultaat]:
    h = _met_jaar(huishouden.laad(bron), jaar)
    return h, bereken(invoer.uit_huishoudens([h]), parameters.laad(h.jaar, wijzigingen))


def check(bron: Any, jaar: int | None = None) -> dict[str, Any]:
    """Check one household: a path, a built-in persona name or a dict (schema 1).

    Returns the dict of contract section 3. Bad input raises ``InvoerFout``.
    """
    if jaar is not None and (isinstance(jaar, bool) or not isinstance(jaar, int)):
        raise InvoerFout([("jaar", f"moet een geheel getal zijn, niet {jaar!r}")])
    h, res = bereken_huishouden(bron, jaar)
    return uitkomst_json(h, res, signalen.bepaal(h, res))


def parameterlijst(jaar: int) -> list[dict[str, Any]]:
    return parameters.laad(jaar).lijst()
