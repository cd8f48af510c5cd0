"""Municipal policy as data: rules/gemeenten/<id>.yaml (kwijtschelding, SMI, ...).

Each value carries its source and grade like a parameter. ``standaard`` holds the national defaults;
a gemeente file states only where it deviates, the rest is taken from ``standaard``.
"""
from __future__ import annotations

from functools import cache
from typing import Any, Literal

import yaml

from .yamllader import YAML_LADER
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import paden
from .fouten import InvoerFout, RegelFout


class Beleidswaarde(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    waarde: Any
    bron: str = Field(min_length=1)
    zekerheid: Literal["A", "B", "C", "UNCONFIRMED"]
    toelichting: str | None = None


class Gemeentebeleid(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    naam: str
    bron: str | None = None           # the regeling itself (CVDR / gemeenteblad)
    kwijtschelding: dict[str, Beleidswaarde] = {}
    smi: dict[str, Beleidswaarde] = {}

    def waarde(self, onderdeel: str, sleutel: str) -> Beleidswaarde:
        """The gemeente's value, or the national default from ``standaard``."""
        eigen = getattr(self, onderdeel).get(sleutel)
        if eigen is not None:
            return eigen
        if self.id != "standaard":
            return laad("standaard").waarde(onderdeel, sleutel)
        raise RegelFout(f"gemeentebeleid: '{onderdeel}.{sleutel}' ontbreekt in rules/gemeenten/standaard.yaml")


def bekende_gemeenten() -> list[str]:
    return sorted(p.stem for p in (paden.regels() / "gemeenten").glob("*.yaml"))


@cache
def laad(gemeente: str) -> Gemeentebeleid:
    pad = paden.regels() / "gemeenten" / f"{gemeente}.yaml"
    if not pad.is_file():
        raise InvoerFout([("gemeente", f"onbekende gemeente '{gemeente}'; bekend: {', '.join(bekende_gemeenten())}")])
    try:
        data = yaml.load(pad.read_text(encoding="utf-8"), Loader=YAML_LADER)
        beleid = Gemeentebeleid.model_validate(data)
    except (yaml.YAMLError, ValidationError) as e:
        raise RegelFout(f"{pad.name}: ongeldig gemeentebeleid ({e})") from None
    if beleid.id != gemeente:
        raise RegelFout(f"{pad.name}: id '{beleid.id}' hoort gelijk te zijn aan de bestandsnaam")
    return beleid
