"""Municipal policy as data: rules/gemeenten/<id>.yaml (kwijtschelding, SMI, ...).

Each value carries its source and grade like a parameter. ``standaard`` holds the national defaults;
a gemeente file states only where it deviates, the rest is taken from ``standaard``.
"""
from __future__ import annotations

from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import eenheden, paden, yamllader
from .fouten import InvoerFout, RegelFout, kort_tekst


class Beleidswaarde(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    waarde: Any
    bron: str = Field(min_length=1)
    zekerheid: Literal["A", "B", "C", "UNCONFIRMED"]
    toelichting: str | None = None
    # the unit (rules/eenheden.yaml): required in standaard.yaml, elsewhere taken from there when left out
    eenheid: str | None = None
    min: float | None = None
    max: float | None = None

    def grensfouten(self, pad: str, waarde: Any) -> list[tuple[str, str]]:
        """The problems of ``waarde`` in place of this value: its shape, and the bounds of its unit."""
        return eenheden.fouten(pad, waarde, self.eenheid or "", oud=self.waarde, min=self.min, max=self.max)


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
    if gemeente not in bekende_gemeenten():  # a name, never a path
        raise InvoerFout([("gemeente", f"onbekende gemeente '{kort_tekst(str(gemeente))}'; bekend: "
                                       f"{', '.join(bekende_gemeenten())}")])
    pad = paden.regels() / "gemeenten" / f"{gemeente}.yaml"
    try:
        beleid = Gemeentebeleid.model_validate(yamllader.lees_regels(pad))
    except (yaml.YAMLError, ValidationError) as e:
        raise RegelFout(f"{pad.name}: ongeldig gemeentebeleid ({e})") from None
    if beleid.id != gemeente:
        raise RegelFout(f"{pad.name}: id '{beleid.id}' hoort gelijk te zijn aan de bestandsnaam")
    return beleid.model_copy(update={o: _met_eenheden(beleid, o, pad.name) for o in ("kwijtschelding", "smi")})


def _met_eenheden(beleid: Gemeentebeleid, onderdeel: str, bestand: str) -> dict[str, Beleidswaarde]:
    """The values of one part, each with its unit (from standaard.yaml where the gemeente leaves it out) and
    within the bounds of that unit."""
    standaard = beleid if beleid.id == "standaard" else laad("standaard")
    uit = {}
    for sleutel, record in getattr(beleid, onderdeel).items():
        basis = getattr(standaard, onderdeel).get(sleutel)
        if record.eenheid is not None and basis is not None and basis.eenheid != record.eenheid:
            raise RegelFout(f"{bestand}: {onderdeel}.{sleutel} heeft eenheid '{record.eenheid}', maar in "
                            f"standaard.yaml '{basis.eenheid}' (elke gemeente geeft een waarde in dezelfde eenheid)")
        if record.eenheid is None:
            if basis is None or basis.eenheid is None:
                raise RegelFout(f"{bestand}: {onderdeel}.{sleutel} heeft geen eenheid (zie rules/eenheden.yaml)")
            record = record.model_copy(update={"eenheid": basis.eenheid,
                                               "min": basis.min if record.min is None else record.min,
                                               "max": basis.max if record.max is None else record.max})
        fouten = record.grensfouten(f"{onderdeel}.{sleutel}", record.waarde)
        if fouten:
            raise RegelFout(f"{bestand}: " + "; ".join(f"{p}: {m}" for p, m in fouten))
        uit[sleutel] = record
    return uit
