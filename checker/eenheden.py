"""Units (rules/eenheden.yaml): the fixed vocabulary of what a parameter or a municipal policy value can be.

Every parameter and policy value names a unit from that file, and the loaders refuse a unit that is not in it. A unit
says the kind of value (a number, ja/nee, a text, or a choice between formulas) and for numbers the bounds: a fraction
lies between 0 and 1, an amount in euro is not negative, an age lies between 0 and 130. A record may set its own
``min``/``max`` where the unit says too little. The loaders refuse a value of another kind or outside its bounds (a
broken rules file), and a reform that sets one is bad input naming the parameter and its bounds (issue 14).

A choice (``soort: keuze``) is how a formula changes between years: the record names the formulas it can choose from
and the parameters each one reads (``keuzes``), and the record in force picks one (issue 15).
"""
from __future__ import annotations

import math
from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from . import paden, yamllader
from .fouten import RegelFout, kort

BESTAND = "eenheden.yaml"


class Eenheid(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # getal: a number (or empty); ja/nee: true or false; tekst: a text; keuze: one of the record's own keuzes
    soort: Literal["getal", "ja/nee", "tekst", "keuze"] = "getal"
    min: float | None = None
    max: float | None = None
    geheel: bool = False
    velden: dict[str, str] | None = None   # a table: the unit of each field of a row


@cache
def eenheden() -> dict[str, Eenheid]:
    """rules/eenheden.yaml, checked: bounds in order, and a table's fields name plain units."""
    pad = paden.regels() / BESTAND
    try:
        data = yamllader.lees_regels(pad)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as e:
        raise RegelFout(f"rules/{BESTAND}: kan niet gelezen worden ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("eenheden"), dict):
        raise RegelFout(f"rules/{BESTAND}: verwacht een sleutel 'eenheden' met per eenheid haar grenzen")
    uit = {}
    for naam, ruw in data["eenheden"].items():
        try:
            uit[str(naam)] = Eenheid.model_validate(ruw or {})
        except ValidationError as e:
            raise RegelFout(f"rules/{BESTAND}: eenheid '{naam}' is ongeldig ({e.error_count()} fouten)") from None
    for naam, e in uit.items():
        if e.min is not None and e.max is not None and e.min > e.max:
            raise RegelFout(f"rules/{BESTAND}: eenheid '{naam}' heeft min boven max")
        if e.soort != "getal" and (e.min is not None or e.max is not None or e.geheel or e.velden):
            raise RegelFout(f"rules/{BESTAND}: eenheid '{naam}' ({e.soort}) kan geen grenzen of velden hebben")
        for veld, onder in (e.velden or {}).items():
            if onder not in uit or uit[onder].velden:
                raise RegelFout(f"rules/{BESTAND}: veld '{veld}' van '{naam}' noemt een onbekende eenheid '{onder}'")
    return uit


def _getal(x: float) -> str:
    """A bound in Dutch: 0,5; 1850; 1.000.000.000 (thousands separated from 10.000 on, so years stay years)."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".") if abs(x) >= 10_000 else str(int(x))
    return f"{x:.12f}".rstrip("0").rstrip(".").replace(".", ",")


def beschrijving(eenheid: Eenheid) -> str:
    """The bounds in Dutch: 'van 0 tot en met 1', '0 of meer', 'hoogstens 12' ('' without bounds)."""
    laag, hoog = eenheid.min, eenheid.max
    if laag is not None and hoog is not None:
        return f"van {_getal(laag)} tot en met {_getal(hoog)}"
    if laag is not None:
        return f"{_getal(laag)} of meer"
    if hoog is not None:
        return f"hoogstens {_getal(hoog)}"
    return ""


def grenzen(naam: str, min: float | None = None, max: float | None = None) -> Eenheid:
    """The bounds of unit ``naam``, with a record's own ``min``/``max`` before those of the unit."""
    alle = eenheden()
    if naam not in alle:
        raise KeyError(naam)
    eenheid = alle[naam]
    if min is None and max is None:
        return eenheid
    return eenheid.model_copy(update={k: v for k, v in (("min", min), ("max", max)) if v is not None})


def _soort(x: Any) -> str:
    if x is None:
        return "lege waarde"
    if isinstance(x, bool):
        return "ja/nee"
    if isinstance(x, (int, float)):
        return "getal"
    if isinstance(x, list):
        return "lijst"
    if isinstance(x, dict):
        return "tabel"
    return "tekst"


def _getalfout(x: float, eenheid: Eenheid, naam: str) -> str | None:
    try:
        eindig = math.isfinite(x)
    except OverflowError:
        eindig = False
    if not eindig:
        return "moet een eindig getal zijn"
    if eenheid.geheel and not float(x).is_integer():
        return f"moet een geheel getal zijn (eenheid {naam}), niet {kort(x)}"
    if (eenheid.min is not None and x < eenheid.min) or (eenheid.max is not None and x > eenheid.max):
        return f"moet {beschrijving(eenheid)} zijn (eenheid {naam}), niet {kort(x)}"
    return None


def _waardefout(x: Any, eenheid: Eenheid | None, naam: str, keuzes: list[str] | None) -> str | None:
    """The problem of one value (not a list or table) against its unit; None for a table field without a unit."""
    if eenheid is None:
        return None
    if eenheid.velden:
        return f"verwacht een tabel (eenheid {naam}), kreeg {kort(x)}"
    soort = _soort(x)
    if eenheid.soort == "getal":
        if soort == "getal":
            return _getalfout(x, eenheid, naam)
        return None if x is None else f"verwacht een getal (eenheid {naam}), kreeg {kort(x)}"
    if eenheid.soort == "ja/nee":
        return None if soort == "ja/nee" else f"verwacht ja of nee (true of false; eenheid {naam}), kreeg {kort(x)}"
    if eenheid.soort == "tekst":
        return None if soort == "tekst" else f"verwacht een tekst (eenheid {naam}), kreeg {kort(x)}"
    if not keuzes:
        return f"eenheid {naam} vraagt de keuzes van de parameter (keuzes: {{formule: [parameter-ids]}})"
    if soort == "tekst" and x in keuzes:
        return None
    return f"kies uit {', '.join(keuzes)} (eenheid {naam}), niet {kort(x)}"


def fouten(pad: str, waarde: Any, eenheid: str, *, oud: Any = None, min: float | None = None,
           max: float | None = None, vorm: bool = True, keuzes: list[str] | None = None) -> list[tuple[str, str]]:
    """Every problem of ``waarde`` against its unit, as (path, Dutch message): its kind (a number, ja/nee, a text, one
    of ``keuzes``) and its bounds. With ``vorm`` it must also have the shape of ``oud`` (the value it replaces): the
    same kind at every place, lists of the same length, tables with the same keys; where ``oud`` is empty (None) a
    number may take its place."""
    try:
        basis = grenzen(eenheid, min, max)
    except KeyError:
        return [(pad, f"eenheid '{eenheid}' staat niet in rules/{BESTAND}")]
    uit: list[tuple[str, str]] = []
    stapel: list[tuple[str, Any, Any, Eenheid | None, str]] = [(pad, waarde, oud, basis, eenheid)]
    while stapel:
        p, x, o, e, naam = stapel.pop()
        if vorm:
            if o is None and x is not None and _soort(x) != "getal":
                uit.append((p, f"verwacht een getal of leeg, kreeg {kort(x)}"))
                continue
            if o is not None and _soort(o) != _soort(x):
                uit.append((p, f"verwacht een {_soort(o)}, kreeg een {_soort(x)} ({kort(x)})"))
                continue
            if isinstance(x, list) and len(x) != len(o):
                uit.append((p, f"verwacht een lijst van {len(o)} elementen, kreeg {len(x)}"))
                continue
            if isinstance(x, dict) and set(x) != set(o):
                uit.append((p, f"verwacht de sleutels {kort(sorted(map(str, o)))}, kreeg {kort(sorted(map(str, x)))}"))
                continue
        if isinstance(x, dict):
            for k, v in x.items():
                if e is not None and e.velden:  # a table: each field its own unit; one without (a source) is free
                    onder = e.velden.get(k)
                    stapel.append((f"{p}.{k}", v, o.get(k) if vorm else v, None if onder is None else grenzen(onder),
                                   onder or "tekst"))
                else:
                    stapel.append((f"{p}.{k}", v, o.get(k) if vorm else v, e, naam))
        elif isinstance(x, list):
            for i, v in enumerate(x):
                stapel.append((f"{p}[{i}]", v, o[i] if vorm else v, e, naam))
        else:
            melding = _waardefout(x, e, naam, keuzes)
            if melding:
                uit.append((p, melding))
    return sorted(uit)
