"""Moving a household file to another berekeningsjaar (``--jaar``): the dates that belong to the year move along.

Used by ``check``, ``scan`` and ``hervorming``; it knows the household model and the supported years, nothing
above them.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from . import huishouden, parameters
from .fouten import InvoerFout, kort
from .huishouden import Huishouden


def controleer(jaar: Any) -> None:
    """``jaar`` as an option of the API: None or a whole number (bad input otherwise)."""
    if jaar is not None and (isinstance(jaar, bool) or not isinstance(jaar, int)):
        raise InvoerFout([("jaar", f"moet een geheel getal zijn, niet {kort(jaar)}")])


def verschuif(datum: str, jaren: int) -> str:
    """An ISO date ``jaren`` years later (earlier when negative); 29 February becomes the 28th in a common year."""
    d = date.fromisoformat(datum)
    try:
        return d.replace(year=d.year + jaren).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + jaren, day=28).isoformat()


def met_jaar(h: Huishouden, jaar: int | None) -> Huishouden:
    """The household computed for another berekeningsjaar (``--jaar``): the dates that belong to the year
    (gebeurtenissen, activiteiten, peildatum, end of the loongerelateerde WGA) move along; birth dates stay,
    so ages follow the chosen year."""
    if jaar is None or jaar == h.jaar:
        return h
    if jaar not in parameters.ondersteunde_jaren():  # before any date moves (year 99999 has no dates)
        raise InvoerFout([("jaar", f"{kort(jaar)} wordt niet ondersteund; beschikbaar: "
                                   + " en ".join(map(str, parameters.ondersteunde_jaren())))])
    delta = jaar - h.jaar
    ruw = h.model_dump(by_alias=True, mode="json", exclude_none=True)
    ruw["jaar"] = jaar
    verschoven: list[tuple[str, str, str]] = []   # (field path, old date, new date)

    def schuif(houder: dict, veld: str, pad: str) -> None:
        oud = houder[veld]
        houder[veld] = verschuif(oud, delta)
        verschoven.append((pad, oud, houder[veld]))

    if "peildatum" in ruw:
        schuif(ruw, "peildatum", "peildatum")
    for j, g in enumerate(ruw.get("gebeurtenissen", [])):
        schuif(g, "datum", f"gebeurtenissen[{j}].datum")
    for n, p in enumerate(ruw.get("personen", [])):
        for j, a in enumerate(p.get("activiteiten", [])):
            for veld in ("van", "tot"):
                if veld in a:
                    schuif(a, veld, f"personen[{n}].activiteiten[{j}].{veld}")
        if "einde_loongerelateerd" in p.get("wia", {}):
            schuif(p["wia"], "einde_loongerelateerd", f"personen[{n}].wia.einde_loongerelateerd")
    nieuw = huishouden.valideer(ruw)
    nieuw.markeer_jaar_verschoven(h.jaar, tuple(verschoven))
    return nieuw


def laad(bron: Any, jaar: int | None = None) -> Huishouden:
    """A household (path, persona name, dict) for berekeningsjaar ``jaar`` (None: the file's own year)."""
    return met_jaar(huishouden.laad(bron), jaar)
