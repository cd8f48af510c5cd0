"""The data of the national population: the generator's design (rules/populatie/ontwerp.yaml), the facts it draws
from (kenmerken.yaml) and the official counts (doelen.yaml), each value with its source and grade."""
from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import paden, yamllader
from ..fouten import RegelFout

Zekerheid = Literal["A", "B", "C", "UNCONFIRMED"]


class Ontwerpwaarde(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    waarde: Any
    bron: str = Field(min_length=1)
    zekerheid: Zekerheid


class Kenmerk(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    id: str
    waarde: Any
    eenheid: str
    jaar: int
    bron: str = Field(min_length=1)
    zekerheid: Zekerheid
    url: str | None = None
    toelichting: str | None = None


class Doel(BaseModel):
    """One official figure: a count the weights are fitted to (kalibratie) or a figure shown next to the model
    (controle, such as a budget total in euros, never fitted)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    omschrijving: str
    waarde: float
    eenheid: Literal["huishoudens", "personen", "kinderen", "euro/jaar", "euro/huishouden/jaar"]
    jaar: int
    peildatum: date | None = None
    maat: str
    gebruik: Literal["kalibratie", "controle"]
    bron: str = Field(min_length=1)
    url: str | None = None
    zekerheid: Zekerheid
    toelichting: str | None = None


def _lees(naam: str) -> Any:
    pad = paden.regels() / "populatie" / naam
    try:
        return yamllader.lees_regels(pad)
    except (OSError, yaml.YAMLError) as e:
        raise RegelFout(f"rules/populatie/{naam}: niet te lezen ({e})") from None


@cache
def ontwerp() -> dict[str, Any]:
    """The generator's design choices by name (their values; sources and grades checked on loading)."""
    try:
        return {k: Ontwerpwaarde.model_validate(v).waarde for k, v in _lees("ontwerp.yaml").items()}
    except (ValidationError, AttributeError) as e:
        raise RegelFout(f"rules/populatie/ontwerp.yaml: elke waarde heeft waarde, bron en zekerheid ({e})") from None


@cache
def kenmerken() -> dict[str, Kenmerk]:
    data = _lees("kenmerken.yaml")
    lijst = data.get("kenmerken") if isinstance(data, dict) else None
    if not isinstance(lijst, list):
        raise RegelFout("rules/populatie/kenmerken.yaml: verwacht 'kenmerken:' met een lijst")
    try:
        uit = {k.id: k for k in (Kenmerk.model_validate(x) for x in lijst)}
    except ValidationError as e:
        raise RegelFout(f"rules/populatie/kenmerken.yaml: {e}") from None
    if len(uit) != len(lijst):
        raise RegelFout("rules/populatie/kenmerken.yaml: een id staat er twee keer in")
    return uit


def kenmerk(kid: str, jaar: int | None = None) -> Any:
    """A fact's value; a value given per year ({2025: .., 2026: ..}) is read for ``jaar``."""
    try:
        waarde = kenmerken()[kid].waarde
    except KeyError:
        raise RegelFout(f"rules/populatie/kenmerken.yaml: kenmerk '{kid}' ontbreekt") from None
    if isinstance(waarde, dict) and jaar is not None and jaar in waarde:
        return waarde[jaar]
    return waarde


@cache
def doelen() -> tuple[Doel, ...]:
    data = _lees("doelen.yaml")
    lijst = data.get("doelen") if isinstance(data, dict) else None
    if not isinstance(lijst, list):
        raise RegelFout("rules/populatie/doelen.yaml: verwacht 'doelen:' met een lijst")
    try:
        uit = tuple(Doel.model_validate(x) for x in lijst)
    except ValidationError as e:
        raise RegelFout(f"rules/populatie/doelen.yaml: {e}") from None
    ids = [d.id for d in uit]
    if len(set(ids)) != len(ids):
        raise RegelFout("rules/populatie/doelen.yaml: een id staat er twee keer in")
    return uit
