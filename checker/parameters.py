"""Rule parameters as data: loading rules/parameters/<jaar>/*.yaml, checking their sources, overrides.

Every parameter record carries its id, value, unit, the date it applies from, its legal source and a
grade (A, B, C, UNCONFIRMED). The loader refuses a record without a source. Code reads values by id;
it never holds the numbers itself.
"""
from __future__ import annotations

import copy
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import eenheden, paden, yamllader
from .fouten import InvoerFout, RegelFout, kort_tekst

Zekerheid = Literal["A", "B", "C", "UNCONFIRMED"]
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Parameter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    omschrijving: str = Field(min_length=1)
    waarde: Any
    eenheid: str = Field(min_length=1)
    geldig_vanaf: date
    bron: str = Field(min_length=1)
    zekerheid: Zekerheid
    toelichting: str | None = None
    # bounds of the value where the unit says too little (rules/eenheden.yaml); they go before the unit's
    min: float | None = None
    max: float | None = None
    # for a unit of soort keuze: the formulas the value chooses from, each with the parameter ids it reads
    keuzes: dict[str, list[str]] | None = None

    @field_validator("id")
    @classmethod
    def _id_vorm(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id moet klein, met punten gescheiden zijn (bijv. zorgtoeslag.standaardpremie)")
        return v

    @field_validator("keuzes")
    @classmethod
    def _keuzes_vorm(cls, v: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        for formule, ids in (v or {}).items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*", formule):
                raise ValueError(f"keuze '{formule}' moet een klein woord zijn (a-z, 0-9, _)")
            for pid in ids:
                if not _ID.match(pid):
                    raise ValueError(f"keuze '{formule}' noemt geen parameter-id: '{pid}'")
        return v

    @field_validator("bron")
    @classmethod
    def _bron_niet_leeg(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("bron ontbreekt")
        return v

    def grensfouten(self, pad: str, waarde: Any) -> list[tuple[str, str]]:
        """The problems of ``waarde`` in place of this record's value: its shape, and the bounds of its unit."""
        return eenheden.fouten(pad, waarde, self.eenheid, oud=self.waarde, min=self.min, max=self.max,
                               keuzes=list(self.keuzes) if self.keuzes else None)

    def vereist(self) -> list[str]:
        """The parameter ids the chosen formula reads (a keuze); [] for any other record."""
        return list(self.keuzes.get(self.waarde, [])) if self.keuzes else []

    def als_contract(self) -> dict[str, Any]:
        """The record as `parameters --json` lists it (contract section 5)."""
        uit = {
            "id": self.id,
            "waarde": self.waarde,
            "eenheid": self.eenheid,
            "geldig_vanaf": self.geldig_vanaf.isoformat(),
            "bron": self.bron,
            "zekerheid": self.zekerheid,
            "omschrijving": self.omschrijving,
        }
        if self.keuzes:
            uit["keuzes"] = self.keuzes
        if self.toelichting:
            uit["toelichting"] = self.toelichting
        return uit


def ondersteunde_jaren() -> list[int]:
    basis = paden.regels() / "parameters"
    return sorted(int(p.name) for p in basis.iterdir() if p.is_dir() and p.name.isdigit())


class Parameters:
    """All parameter records of one berekeningsjaar, possibly with reform overrides applied."""

    def __init__(self, jaar: int, records: dict[str, list[Parameter]],
                 gemeente_wijzigingen: dict[str, dict[str, dict[str, Any]]] | None = None):
        self.jaar = jaar
        self._records = records
        self._per_maand: dict[str, np.ndarray] = {}   # per_maand per id, made once (the records do not change)
        # reform overrides of municipal policy: gemeente id (or "alle") -> onderdeel -> sleutel -> value
        self.gemeente_wijzigingen = gemeente_wijzigingen or {}

    # -- reading -------------------------------------------------------------------------------
    def __contains__(self, pid: str) -> bool:
        return pid in self._records

    def ids(self) -> list[str]:
        return sorted(self._records)

    def record(self, pid: str) -> Parameter:
        """The record in force on 1 January (or the first of the year)."""
        try:
            return self._records[pid][0]
        except KeyError:
            raise RegelFout(f"parameter '{pid}' ontbreekt in rules/parameters/{self.jaar}") from None

    def records(self, pid: str) -> list[Parameter]:
        """Every record of ``pid`` in the year, by date: each is in force from its date until the next one."""
        try:
            return list(self._records[pid])
        except KeyError:
            raise RegelFout(f"parameter '{pid}' ontbreekt in rules/parameters/{self.jaar}") from None

    def waarde(self, pid: str) -> Any:
        return self.record(pid).waarde

    def per_maand(self, pid: str) -> np.ndarray:
        """The value for each month January..December: the record in force on the 1st of the month (a new array:
        the caller may change it)."""
        if pid not in self._per_maand:
            records = self._records.get(pid)
            if not records:
                raise RegelFout(f"parameter '{pid}' ontbreekt in rules/parameters/{self.jaar}")
            uit = np.empty(12)
            for maand in range(1, 13):
                eerste = date(self.jaar, maand, 1)
                geldig = [r for r in records if r.geldig_vanaf <= eerste] or records[:1]
                uit[maand - 1] = float(geldig[-1].waarde)
            self._per_maand[pid] = uit
        return self._per_maand[pid].copy()

    def lezer(self) -> "ParameterLezer":
        return ParameterLezer(self)

    def lijst(self) -> list[dict[str, Any]]:
        return [r.als_contract() for pid in self.ids() for r in self._records[pid]]

    # -- reforms -------------------------------------------------------------------------------
    def met_wijzigingen(self, wijzigingen: dict[str, Any] | None) -> "Parameters":
        """A copy with values replaced by id. An unknown id or a value of another shape is bad input."""
        if not wijzigingen:
            return self
        problemen = []
        nieuw = {pid: list(recs) for pid, recs in self._records.items()}
        elders: dict[str, int] = {}   # ids this year lacks, given for a formula that reads them: id -> their year
        for pid, waarde in wijzigingen.items():
            pad = f"wijzigingen.{kort_tekst(str(pid))}"
            records = nieuw.get(pid)
            if records is None:
                ander = _uit_ander_jaar(pid, self.jaar) if isinstance(pid, str) else None
                if ander is None:
                    problemen.append((pad, "onbekende parameter-id (zie `samenloop parameters`)"))
                    continue
                elders[pid] = ander[0]
                records = [ander[1].model_copy(update={"geldig_vanaf": date(self.jaar, 1, 1)})]
            fouten = [f for r in records for f in r.grensfouten(pad, waarde)]
            if fouten:
                problemen.extend(dict.fromkeys(fouten))
                continue
            bron = (f"hervorming (bestaat niet in {self.jaar}; eenheid en vorm als in {elders[pid]})" if pid in elders
                    else None)
            nieuw[pid] = [r.model_copy(update={"waarde": copy.deepcopy(waarde),
                                               "bron": bron or f"hervorming (was: {r.bron})"}) for r in records]
        problemen += self._keuzeproblemen(nieuw, elders)
        if problemen:
            raise InvoerFout(problemen)
        return Parameters(self.jaar, nieuw, self.gemeente_wijzigingen)

    def _keuzeproblemen(self, nieuw: dict[str, list[Parameter]], elders: dict[str, int]) -> list[tuple[str, str]]:
        """A reform that chooses another formula gives the parameters it reads that the year lacks; a parameter of
        another year may be given only for such a formula."""
        problemen, gelezen = [], set()
        for pid, lijst in nieuw.items():
            for r in lijst:
                gelezen.update(r.vereist())
                ontbreekt = [x for x in r.vereist() if x not in nieuw]
                if ontbreekt:
                    problemen.append((f"wijzigingen.{pid}", f"'{r.waarde}' rekent met {', '.join(ontbreekt)}, die in "
                                      f"{self.jaar} niet bestaan: geef die ook in wijzigingen"))
        for pid, ander in elders.items():
            if pid not in gelezen:
                keuzes = sorted({k for lijst in nieuw.values() for r in lijst if r.keuzes for k, ids in r.keuzes.items()
                                 if pid in ids and k != r.waarde})
                hoe = f" (kies daarvoor {' of '.join(keuzes)})" if keuzes else ""
                problemen.append((f"wijzigingen.{kort_tekst(pid)}", f"bestaat niet in {self.jaar} (wel in {ander}); "
                                  f"alleen te geven voor een formule die hem leest{hoe}"))
        return problemen

    def met_gemeentebeleid(self, wijzigingen: dict[str, Any] | None) -> "Parameters":
        """A copy with municipal policy overridden: {gemeente id or "alle": {onderdeel: {sleutel: waarde}}}.
        A key or value shape that does not exist in the policy files is bad input naming its path."""
        if not wijzigingen:
            return self
        from . import gemeenten
        problemen = []
        if not isinstance(wijzigingen, dict):
            raise InvoerFout([("gemeenten", "verwacht gemeente: {onderdeel: {sleutel: waarde}}")])
        bekend = set(gemeenten.bekende_gemeenten()) | {"alle"}
        standaard = gemeenten.laad("standaard")
        for g, onderdelen in wijzigingen.items():
            g_pad = f"gemeenten.{kort_tekst(str(g))}"
            if g not in bekend:
                problemen.append((g_pad, f"onbekende gemeente; kies uit {', '.join(sorted(bekend))}"))
                continue
            if not isinstance(onderdelen, dict):
                problemen.append((g_pad, "verwacht onderdeel: {sleutel: waarde}"))
                continue
            for onderdeel, waarden in onderdelen.items():
                basis = getattr(standaard, onderdeel, None) if onderdeel in ("kwijtschelding", "smi") else None
                if basis is None or not isinstance(waarden, dict):
                    problemen.append((f"{g_pad}.{kort_tekst(str(onderdeel))}",
                                      "onbekend onderdeel (kwijtschelding of smi)"))
                    continue
                for sleutel, waarde in waarden.items():
                    pad = f"{g_pad}.{onderdeel}.{kort_tekst(str(sleutel))}"
                    if sleutel not in basis:
                        problemen.append((pad, f"onbekende sleutel; kies uit {', '.join(sorted(basis))}"))
                    else:
                        problemen.extend(basis[sleutel].grensfouten(pad, waarde))
        if problemen:
            raise InvoerFout(problemen)
        return Parameters(self.jaar, self._records, wijzigingen)


class ParameterLezer:
    """Reads parameters and remembers which ones a calculation used (for its sources and grades)."""

    def __init__(self, parameters: Parameters):
        self.parameters = parameters
        self.gelezen: dict[str, None] = {}    # the ids read, in the order first read (a dict: a set with order)

    def __call__(self, pid: str) -> Any:
        self.gelezen[pid] = None
        return self.parameters.waarde(pid)

    def per_maand(self, pid: str) -> np.ndarray:
        self.gelezen[pid] = None
        return self.parameters.per_maand(pid)

    def onzeker(self) -> list[Parameter]:
        """Records used that are not graded A: of every parameter read, each record in force at some time in the year
        (the one of 1 January and those from a later date, such as the minimumloon of 1 July)."""
        return [r for pid in self.gelezen for r in self.parameters.records(pid) if r.zekerheid != "A"]


def _lees_bestand(pad: Path, jaar: int) -> list[Parameter]:
    try:
        data = yamllader.lees_regels(pad)
    except yaml.YAMLError as e:
        raise RegelFout(f"{pad}: geen geldige YAML ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), list):
        raise RegelFout(f"{pad}: verwacht een sleutel 'parameters' met een lijst")
    regeling = data.get("regeling")
    uit = []
    for i, ruw in enumerate(data["parameters"]):
        naam = ruw.get("id", f"#{i}") if isinstance(ruw, dict) else f"#{i}"
        try:
            rec = Parameter.model_validate(ruw)
        except ValidationError as e:
            velden = "; ".join(f"{'.'.join(map(str, f['loc']))}: {f['msg']}" for f in e.errors())
            raise RegelFout(f"{pad}: parameter {naam} is onvolledig of ongeldig ({velden})") from None
        if rec.geldig_vanaf.year != jaar:
            raise RegelFout(f"{pad}: parameter {rec.id} geldt vanaf {rec.geldig_vanaf}, buiten {jaar}")
        if regeling and not rec.id.startswith(f"{regeling}."):
            raise RegelFout(f"{pad}: parameter {rec.id} hoort niet bij regeling '{regeling}'")
        fouten = rec.grensfouten(rec.id, rec.waarde)
        if fouten:
            raise RegelFout(f"{pad}: " + "; ".join(f"{p}: {m}" for p, m in fouten))
        if rec.keuzes and eenheden.eenheden()[rec.eenheid].soort != "keuze":
            raise RegelFout(f"{pad}: parameter {rec.id} heeft keuzes, maar eenheid '{rec.eenheid}' is geen keuze")
        uit.append(rec)
    return uit


def _controleer_keuzes(jaar: int, records: dict[str, list[Parameter]]) -> None:
    """A formula chosen by a dated parameter reads parameters that must exist in the year; a change of formula within
    the year is not supported yet (the regelingen read the choice once for the year), so it is refused."""
    for pid, lijst in records.items():
        if not lijst[0].keuzes:
            continue
        if len(lijst) > 1:
            raise RegelFout(f"rules/parameters/{jaar}: parameter {pid} (een keuze) heeft meer dan één record; een "
                            "andere formule binnen het jaar kan samenloop nog niet aan")
        ontbreekt = [x for x in lijst[0].vereist() if x not in records]
        if ontbreekt:
            raise RegelFout(f"rules/parameters/{jaar}: parameter {pid} kiest '{lijst[0].waarde}', die rekent met "
                            f"{', '.join(ontbreekt)}; die ontbreken in {jaar}")


@cache
def _laad_jaar(jaar: int) -> Parameters:
    map_ = paden.regels() / "parameters" / str(jaar)
    records: dict[str, list[Parameter]] = {}
    for pad in sorted(map_.glob("*.yaml")):
        for rec in _lees_bestand(pad, jaar):
            lijst = records.setdefault(rec.id, [])
            if any(r.geldig_vanaf == rec.geldig_vanaf for r in lijst):
                raise RegelFout(f"{pad}: parameter {rec.id} staat twee keer met geldig_vanaf {rec.geldig_vanaf}")
            lijst.append(rec)
    for lijst in records.values():
        lijst.sort(key=lambda r: r.geldig_vanaf)
    _controleer_keuzes(jaar, records)
    return Parameters(jaar, records)


def _uit_ander_jaar(pid: str, jaar: int) -> tuple[int, Parameter] | None:
    """The first record of ``pid`` in the supported year nearest to ``jaar`` that has it (None: in no year)."""
    for ander in sorted((j for j in ondersteunde_jaren() if j != jaar), key=lambda j: (abs(j - jaar), -j)):
        lijst = _laad_jaar(ander)._records.get(pid)
        if lijst:
            return ander, lijst[0]
    return None


def laad(jaar: int, wijzigingen: dict[str, Any] | None = None) -> Parameters:
    """The parameters of ``jaar``; with ``wijzigingen`` (id -> value) applied on a copy."""
    if jaar not in ondersteunde_jaren():
        jaren = " en ".join(map(str, ondersteunde_jaren()))
        raise InvoerFout([("jaar", f"{jaar} wordt niet ondersteund; beschikbaar: {jaren}")])
    return _laad_jaar(jaar).met_wijzigingen(wijzigingen)
