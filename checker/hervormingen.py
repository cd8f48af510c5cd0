"""Hervorming: a rule change (parameter overrides by id) tested on households, baseline against reform.

Contract section 6. The compiled signal rules carry no thresholds (those travel in the facts), so baseline
and reform share one compiled ruleset and can never contaminate each other.
"""
from __future__ import annotations

from typing import Any

from . import huishouden, parameters, signalen
from .api import uitkomst_json
from .berekening import bereken
from .fouten import InvoerFout
from .invoer import uit_huishoudens

SCHEMA = 1


def lees_hervorming(bron: Any) -> dict[str, Any]:
    """A reform from a dict or a YAML/JSON file; bad input names the field or the parameter id."""
    if isinstance(bron, dict):
        data = bron
    else:
        from pathlib import Path
        pad = Path(bron)
        if not pad.is_file():
            raise InvoerFout([("hervorming", f"'{bron}' is geen bestand")])
        try:
            data = huishouden.lees_tekst(pad.read_bytes().decode("utf-8"), pad.name)
        except UnicodeDecodeError:
            raise InvoerFout([("hervorming", f"{pad.name} is geen tekstbestand (UTF-8)")]) from None
    problemen = []
    if not isinstance(data, dict):
        raise InvoerFout([("hervorming", "verwacht velden schema, naam, jaar en wijzigingen")])
    if data.get("schema") != 1:
        problemen.append(("schema", "moet 1 zijn"))
    if not isinstance(data.get("naam"), str) or not data.get("naam", "").strip():
        problemen.append(("naam", "verplicht: een korte omschrijving van de hervorming"))
    jaar = data.get("jaar")
    if isinstance(jaar, bool) or not isinstance(jaar, int):
        problemen.append(("jaar", f"moet een geheel getal zijn, niet {jaar!r}"))
    elif jaar not in parameters.ondersteunde_jaren():
        problemen.append(("jaar", f"{jaar} wordt niet ondersteund"))
    wijzigingen = data.get("wijzigingen", {})
    if not isinstance(wijzigingen, dict):
        problemen.append(("wijzigingen", "verwacht parameter-id: nieuwe waarde"))
    onbekend = set(data) - {"schema", "naam", "jaar", "wijzigingen", "omschrijving"}
    problemen += [(k, "onbekend veld") for k in sorted(onbekend)]
    if problemen:
        raise InvoerFout(problemen)
    parameters.laad(jaar, wijzigingen)  # unknown ids and wrong shapes → InvoerFout naming the id
    return {"naam": data["naam"], "jaar": jaar, "wijzigingen": dict(wijzigingen)}


def _samenvatting(uit: dict[str, Any]) -> dict[str, Any]:
    return {"netto_besteedbaar_inkomen": uit["netto_besteedbaar_inkomen"]["jaarbedrag"],
            "regelingen": {k: r["jaarbedrag"] for k, r in uit["regelingen"].items()}}


def _signaalsleutels(uit: dict[str, Any]) -> dict[str, dict]:
    return {f"{s['code']}|{','.join(s['regelingen'])}|{s.get('regel', '')}": s for s in uit["signalen"]}


def vergelijk(h: huishouden.Huishouden, basis_p, hervorm_p, gewijzigd: set[str]) -> dict[str, Any]:
    uitkomsten = []
    for p in (basis_p, hervorm_p):
        res = bereken(uit_huishoudens([h]), p)
        uitkomsten.append(uitkomst_json(h, res, signalen.bepaal(h, res)))
    b, r = (_samenvatting(u) for u in uitkomsten)
    verschil = {"netto_besteedbaar_inkomen": round(r["netto_besteedbaar_inkomen"] - b["netto_besteedbaar_inkomen"], 2),
                "regelingen": {k: round(r["regelingen"][k] - b["regelingen"][k], 2) for k in b["regelingen"]}}
    sb, sr = (_signaalsleutels(u) for u in uitkomsten)
    direct = sum(v for k, v in verschil["regelingen"].items() if k in gewijzigd)
    netto = verschil["netto_besteedbaar_inkomen"]
    tegen = (direct > 0.5 and netto < -0.5) or (direct < -0.5 and netto > 0.5)
    return {
        "naam": h.naam, "basis": b, "hervorming": r, "verschil": verschil,
        "signalen_nieuw": sorted({sr[k]["code"] for k in sr.keys() - sb.keys()}),
        "signalen_vervallen": sorted({sb[k]["code"] for k in sb.keys() - sr.keys()}),
        "signalen_nieuw_details": [sr[k]["titel"] for k in sorted(sr.keys() - sb.keys())],
        "signalen_vervallen_details": [sb[k]["titel"] for k in sorted(sb.keys() - sr.keys())],
        "tegen_de_richting": tegen,
    }


def hervorming(bron: Any, *huishoudens: Any) -> dict[str, Any]:
    """Contract section 6: with no households named, every built-in persona."""
    h_lijst = list(huishoudens[0]) if len(huishoudens) == 1 and isinstance(huishoudens[0], (list, tuple)) else list(huishoudens)
    ref = lees_hervorming(bron)
    jaar = ref["jaar"]
    basis_p = parameters.laad(jaar)
    hervorm_p = parameters.laad(jaar, ref["wijzigingen"])
    gewijzigd = {pid.split(".")[0] for pid in ref["wijzigingen"]}
    from .api import _met_jaar
    namen = h_lijst or huishouden.persona_namen()
    uit = [vergelijk(_met_jaar(huishouden.laad(x), jaar), basis_p, hervorm_p, gewijzigd) for x in namen]
    return {"schema": SCHEMA, "hervorming": ref["naam"], "jaar": jaar, "huishoudens": uit}
