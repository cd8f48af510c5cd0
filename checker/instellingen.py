"""samenloop's own choices (rules/instellingen.yaml): thresholds that no law gives, named and explained.

A law's amount, age or percentage is a parameter (rules/parameters/<jaar>/) with its source, date and grade. What
samenloop itself chooses to report a result (a rounding tolerance, the point from which a warning is worth giving)
is a setting here: an id, a value in a unit of rules/eenheden.yaml, and the reason. Code reads them by id.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import eenheden, paden, yamllader
from .fouten import RegelFout

BESTAND = "instellingen.yaml"
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Instelling(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID.pattern)
    omschrijving: str = Field(min_length=1)
    waarde: Any
    eenheid: str = Field(min_length=1)
    reden: str = Field(min_length=1)   # why samenloop chooses this: it is no law
    min: float | None = None
    max: float | None = None


@cache
def alle() -> dict[str, Instelling]:
    """Every setting by id, each checked against its unit."""
    pad = paden.regels() / BESTAND
    try:
        data = yamllader.lees_regels(pad)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as e:
        raise RegelFout(f"rules/{BESTAND}: kan niet gelezen worden ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("instellingen"), list):
        raise RegelFout(f"rules/{BESTAND}: verwacht een sleutel 'instellingen' met een lijst")
    uit: dict[str, Instelling] = {}
    for i, ruw in enumerate(data["instellingen"]):
        try:
            rec = Instelling.model_validate(ruw)
        except ValidationError as e:
            naam = ruw.get("id", f"#{i}") if isinstance(ruw, dict) else f"#{i}"
            velden = "; ".join(f"{'.'.join(map(str, f['loc']))}: {f['msg']}" for f in e.errors())
            raise RegelFout(f"rules/{BESTAND}: instelling {naam} is onvolledig of ongeldig ({velden})") from None
        if rec.id in uit:
            raise RegelFout(f"rules/{BESTAND}: instelling {rec.id} staat er twee keer")
        fouten = eenheden.fouten(rec.id, rec.waarde, rec.eenheid, oud=rec.waarde, min=rec.min, max=rec.max)
        if fouten:
            raise RegelFout(f"rules/{BESTAND}: " + "; ".join(f"{p}: {m}" for p, m in fouten))
        uit[rec.id] = rec
    return uit


def waarde(sid: str) -> Any:
    try:
        return alle()[sid].waarde
    except KeyError:
        raise RegelFout(f"instelling '{sid}' ontbreekt in rules/{BESTAND}") from None
