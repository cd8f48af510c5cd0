"""The household file (contract section 1): pydantic models, loading YAML/JSON, Dutch error messages.

Every problem is reported with its field path (``personen[1].inkomen.loon[3]``) in one
``InvoerFout``; a household is never half-read. Money is normalised to 12 monthly amounts.
"""
from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError
from pydantic_core import PydanticCustomError

from . import paden, yamllader
from .fouten import InvoerFout, kort, kort_tekst
from .maanden import eerste_maand_na_wijziging

MAANDEN = 12
ROLLEN = ("aanvrager", "partner", "kind", "medebewoner")
GEBEURTENISSEN = ("stopt_met_werken", "start_met_werken", "huurwijziging", "verhuizing", "geboorte",
                  "scheiding", "samenwonen")


# --- field types with Dutch messages --------------------------------------------------------------
def is_getal(v: Any) -> bool:
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:  # an int too large for a float
        return False


GROOTSTE_BEDRAG = 1e9   # euro: anything larger is a typing error, and too large for exact sums
GROOTSTE_VERMOGEN = 1e12
# rows a household can have: far above any real household, and what keeps a form page and a scan small
MEESTE_RIJEN = {"personen": 25, "schulden": 100, "gebeurtenissen": 100, "activiteiten": 50}


def _getal(v: Any, grens: float = GROOTSTE_BEDRAG) -> float:
    if not is_getal(v):
        raise PydanticCustomError("getal", "moet een getal zijn, niet {invoer}", {"invoer": kort(v)})
    if abs(v) > grens:
        raise PydanticCustomError("getal", "{invoer} is geen realistisch bedrag (hoogstens {grens})",
                                  {"invoer": kort(v), "grens": f"{grens:,.0f}".replace(",", ".")})
    return float(v)


def _vermogen(v: Any) -> float:
    return _getal(v, GROOTSTE_VERMOGEN)


def _uren(v: Any) -> tuple[float, ...]:
    uren = _geld(False)(v)
    for i, u in enumerate(uren):
        if u > 31 * 24:
            raise PydanticCustomError("element", "meer uren ({invoer}) dan een maand heeft",
                                      {"invoer": u, **({"index": i} if isinstance(v, list) else {})})
    return uren


def _niet_negatief(v: Any) -> float:
    v = _getal(v)
    if v < 0:
        raise PydanticCustomError("negatief", "mag niet negatief zijn ({invoer})", {"invoer": v})
    return v


def _geld(negatief_toegestaan: bool):
    def valideer(v: Any) -> tuple[float, ...]:
        controle = _getal if negatief_toegestaan else _niet_negatief
        if isinstance(v, list):
            if len(v) != MAANDEN:
                raise PydanticCustomError(
                    "maanden", "verwacht één bedrag of een lijst van 12 maandbedragen (januari t/m december), "
                    "kreeg een lijst van {n}", {"n": len(v)})
            uit = []
            for i, x in enumerate(v):
                try:
                    uit.append(controle(x))
                except PydanticCustomError as e:
                    raise PydanticCustomError("element", e.message_template, {**(e.context or {}), "index": i})
            return tuple(uit)
        return (controle(v),) * MAANDEN
    return valideer


def _datum(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        try:
            return date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise PydanticCustomError("datum", "geen geldige datum {invoer}; schrijf JJJJ-MM-DD", {"invoer": kort(v)})


def _ja_nee(v: Any) -> bool:
    if not isinstance(v, bool):
        raise PydanticCustomError("ja_nee", "moet true of false zijn, niet {invoer}", {"invoer": kort(v)})
    return v


def _geheel(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        raise PydanticCustomError("geheel", "moet een geheel getal zijn, niet {invoer}", {"invoer": kort(v)})
    return v


def _tekst(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise PydanticCustomError("tekst", "moet een niet-lege tekst zijn, niet {invoer}", {"invoer": kort(v)})
    return v


Geld = Annotated[tuple[float, ...], BeforeValidator(_geld(False))]
GeldMetVerlies = Annotated[tuple[float, ...], BeforeValidator(_geld(True))]
Bedrag = Annotated[float, BeforeValidator(_niet_negatief)]
Vermogen = Annotated[float, BeforeValidator(_vermogen)]
Uren = Annotated[tuple[float, ...], BeforeValidator(_uren)]
Datum = Annotated[date, BeforeValidator(_datum)]
JaNee = Annotated[bool, BeforeValidator(_ja_nee)]
Geheel = Annotated[int, BeforeValidator(_geheel)]
Tekst = Annotated[str, BeforeValidator(_tekst)]
NUL: tuple[float, ...] = (0.0,) * MAANDEN


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the models -----------------------------------------------------------------------------------
class Inkomen(_Model):
    """Gross income per month. Extensions: ``wga``, a WGA/IVA benefit as UWV pays it now (gross), and
    ``bijstand_netto``, the bijstand received now as the net amount the gemeente pays (as on the beschikking),
    instead of the gross ``bijstand``; the calculation derives the gross from it (Participatiewet art. 19 lid 2:
    the gemeente pays the loonheffing on top)."""
    loon: Geld = NUL
    winst: GeldMetVerlies = NUL
    ww: Geld = NUL
    bijstand: Geld = NUL
    aow: Geld = NUL
    pensioen: Geld = NUL
    overig: Geld = NUL
    wga: Geld = NUL
    bijstand_netto: Geld = NUL

    @property
    def bijstand_ontvangen(self) -> tuple[float, ...]:
        """Per month the bijstand received now, as given (gross or net): only to tell whether it is paid."""
        return tuple(max(b, n) for b, n in zip(self.bijstand, self.bijstand_netto))


class Activiteit(_Model):
    soort: Literal["werk", "traject", "studie", "inburgering"]
    van: Datum
    tot: Datum | None = None


class Wia(_Model):
    fase: Literal["loongerelateerd", "na_loongerelateerd", "iva"]
    klasse: Literal["35-45", "45-55", "55-65", "65-80", "80-100"]
    maandloon: Bedrag
    restverdiencapaciteit: Bedrag = 0.0
    einde_loongerelateerd: Datum | None = None


class Kinderopvang(_Model):
    soort: Literal["dagopvang", "bso", "gastouder"]
    uren_per_maand: Uren
    uurprijs: Bedrag


class Persoon(_Model):
    id: Tekst
    rol: Literal["aanvrager", "partner", "kind", "medebewoner"]
    geboortedatum: Datum | None = None
    leeftijd: Geheel | None = Field(default=None, ge=0, le=130)
    inkomen: Inkomen = Inkomen()
    activiteiten: tuple[Activiteit, ...] = Field(default=(), max_length=MEESTE_RIJEN["activiteiten"])
    zorgverzekerd: JaNee = True
    wia: Wia | None = None
    kan_niet_voor_kind_zorgen: JaNee = False
    wlz_indicatie: JaNee = False
    kinderopvang: Kinderopvang | None = None
    # extension: meets the urencriterium (1.225 hours in the business, Wet IB art. 3.6); None = not given
    urencriterium: JaNee | None = None


class Wonen(_Model):
    soort: Literal["huur", "koop", "inwonend"]
    kale_huur: Geld = NUL
    servicekosten: Geld = NUL
    corporatie: JaNee = False


class Ontvangt(_Model):
    kinderopvangtoeslag: Geld = NUL
    zorgtoeslag: Geld = NUL
    huurtoeslag: Geld = NUL
    kindgebonden_budget: Geld = NUL


class Schuld(_Model):
    schuldeiser: Tekst
    soort: Tekst
    bedrag: Bedrag


class Gebeurtenis(_Model):
    datum: Datum
    soort: Literal["stopt_met_werken", "start_met_werken", "huurwijziging", "verhuizing", "geboorte",
                   "scheiding", "samenwonen"]
    persoon: Tekst | None = None
    bedrag: Bedrag | None = None


class Huishouden(_Model):
    schema_: Literal[1] = Field(alias="schema")
    naam: Tekst
    jaar: Geheel
    peildatum: Datum | None = None
    gemeente: Tekst = "standaard"
    personen: tuple[Persoon, ...] = Field(min_length=1, max_length=MEESTE_RIJEN["personen"])
    wonen: Wonen | None = None
    vermogen: Vermogen = 0.0
    gemeentelijke_belastingen: Bedrag = 0.0
    ontvangt: Ontvangt = Ontvangt()
    schulden: tuple[Schuld, ...] = Field(default=(), max_length=MEESTE_RIJEN["schulden"])
    gebeurtenissen: tuple[Gebeurtenis, ...] = Field(default=(), max_length=MEESTE_RIJEN["gebeurtenissen"])
    # set when the household was moved to another berekeningsjaar (--jaar): (the file's jaar, moved dates as
    # (field path, old, new)); not part of the file
    _jaar_verschoven: tuple[int, tuple[tuple[str, str, str], ...]] | None = PrivateAttr(default=None)

    # -- views used by the calculation -----------------------------------------------------------
    @property
    def aanvrager(self) -> Persoon:
        return next(p for p in self.personen if p.rol == "aanvrager")

    @property
    def partner(self) -> Persoon | None:
        return next((p for p in self.personen if p.rol == "partner"), None)

    @property
    def kinderen(self) -> list[Persoon]:
        return [p for p in self.personen if p.rol == "kind"]

    def geboortedatum(self, persoon: Persoon) -> date:
        """Birth date; with only ``leeftijd`` given (the age on 1 January), 1 July of the year before: an assumed
        birthday halfway through the year, which counts from July (Awir art. 5) and for kinderbijslag from the
        3rd quarter (AKW art. 11-12). The README says so."""
        if persoon.geboortedatum is not None:
            return persoon.geboortedatum
        return date(self.jaar - persoon.leeftijd - 1, 7, 1)

    def geboortedatum_aangenomen(self, persoon: Persoon) -> bool:
        return persoon.geboortedatum is None

    # -- a household moved to another berekeningsjaar (checker/jaren.py) ----------------------------------
    def markeer_jaar_verschoven(self, bestandsjaar: int, verschoven: tuple[tuple[str, str, str], ...]) -> None:
        """Remember that this household was moved from its file's ``bestandsjaar`` with these dates (field path,
        old, new), so its warnings say so."""
        self._jaar_verschoven = (bestandsjaar, verschoven)

    @property
    def jaar_verschoven(self) -> tuple[int, tuple[tuple[str, str, str], ...]] | None:
        return self._jaar_verschoven


# --- error translation ----------------------------------------------------------------------------
_MELDINGEN = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (controleer de spelling; zie het huishoudbestand in de documentatie)",
    "model_type": "verwacht een verzameling velden (sleutel: waarde)",
    "model_attributes_type": "verwacht een verzameling velden (sleutel: waarde)",
    "dict_type": "verwacht een verzameling velden (sleutel: waarde)",
    "tuple_type": "verwacht een lijst",
    "list_type": "verwacht een lijst",
    "too_short": "mag niet leeg zijn",
}


def _pad(loc: tuple, ctx: dict | None) -> str:
    pad = ""
    for deel in loc:
        if isinstance(deel, int):
            pad += f"[{deel}]"
        elif deel == "schema_":
            pad += ".schema" if pad else "schema"
        else:
            deel = kort_tekst(deel)  # a key the user typed may be long
            pad += f".{deel}" if pad else deel
    if ctx and "index" in ctx:
        pad += f"[{ctx['index']}]"
    return pad


def _melding(fout: dict) -> str:
    soort, ctx = fout["type"], fout.get("ctx") or {}
    if soort in ("getal", "negatief", "maanden", "element", "datum", "ja_nee", "geheel", "tekst"):
        return fout["msg"]
    if soort == "literal_error":
        keuzes = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"{kort(fout.get('input'))} is geen geldige waarde; kies uit {keuzes}"
    if soort in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if soort in ("less_than_equal", "less_than"):
        return f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    if soort == "too_long":
        return f"te veel: hoogstens {ctx.get('max_length')}, niet {ctx.get('actual_length')}"
    return _MELDINGEN.get(soort, f"ongeldige waarde {kort(fout.get('input'))}")


def _vertaal(e: ValidationError) -> list[tuple[str, str]]:
    return [(_pad(tuple(f["loc"]), f.get("ctx")), _melding(f)) for f in e.errors() if not _gevolgfout(f)]


def _gevolgfout(fout: dict) -> bool:
    """A list that pydantic calls too short only because its elements failed (it counts the valid ones): the
    elements' own errors say what is wrong, so "mag niet leeg zijn" would be false."""
    invoer, ctx = fout.get("input"), fout.get("ctx") or {}
    return (fout["type"] == "too_short" and isinstance(invoer, (list, tuple))
            and len(invoer) >= int(ctx.get("min_length", 1)))


# --- checks across fields (on the raw data, so they run even when fields are wrong) ---------------
def _samenhang(ruw: dict) -> list[tuple[str, str]]:
    problemen: list[tuple[str, str]] = []
    jaar = ruw.get("jaar") if is_getal(ruw.get("jaar")) and float(ruw.get("jaar")).is_integer() else None
    if jaar is not None:
        from .parameters import ondersteunde_jaren
        if int(jaar) not in ondersteunde_jaren():
            problemen.append(("jaar", f"{int(jaar)} wordt niet ondersteund; beschikbaar: "
                                      + " en ".join(map(str, ondersteunde_jaren()))))
    gemeente = ruw.get("gemeente", "standaard")
    if isinstance(gemeente, str) and gemeente.strip():
        from .gemeenten import bekende_gemeenten
        if gemeente not in bekende_gemeenten():  # a name, never a path (../ would reach other files)
            problemen.append(("gemeente", f"onbekende gemeente '{kort_tekst(gemeente)}'; bekend: "
                                          f"{', '.join(bekende_gemeenten())}"))

    personen = ruw.get("personen")
    ids: set[str] = set()
    if isinstance(personen, list):
        rollen = [(i, p.get("rol")) for i, p in enumerate(personen) if isinstance(p, dict)]
        aanvragers = [i for i, r in rollen if r == "aanvrager"]
        partners = [i for i, r in rollen if r == "partner"]
        # a missing or misspelled rol, or no persons at all, is reported as that, not again as "no aanvrager"
        alle_rollen_geldig = bool(personen) and len(rollen) == len(personen) and all(r in ROLLEN for _, r in rollen)
        if not aanvragers and alle_rollen_geldig:
            problemen.append(("personen", "er is geen persoon met rol: aanvrager (precies één is nodig)"))
        elif len(aanvragers) > 1:
            problemen.append(("personen", "meer dan één aanvrager: " + ", ".join(f"personen[{i}]" for i in aanvragers)))
        if len(partners) > 1:
            problemen.append(("personen", "hoogstens één partner (toeslagpartner) toegestaan; gevonden: "
                              + ", ".join(f"personen[{i}]" for i in partners)))
        for i, p in enumerate(personen):
            if not isinstance(p, dict):
                continue
            pid = p.get("id")
            if isinstance(pid, str):
                if pid in ids:
                    problemen.append((f"personen[{i}].id", f"id '{kort_tekst(pid)}' komt twee keer voor"))
                ids.add(pid)
            if p.get("geboortedatum") is None and p.get("leeftijd") is None:
                problemen.append((f"personen[{i}]", "geef geboortedatum of leeftijd"))
            geb = p.get("geboortedatum")
            gebd = geb if isinstance(geb, date) else (_probeer_datum(geb) if isinstance(geb, str) else None)
            if isinstance(gebd, datetime):
                gebd = gebd.date()
            if jaar is not None and gebd is not None:
                if gebd.year > int(jaar):
                    problemen.append((f"personen[{i}].geboortedatum", f"ligt na het berekeningsjaar {int(jaar)}"))
                lft = p.get("leeftijd")
                if is_getal(lft) and _leeftijd_op(gebd, date(int(jaar), 1, 1)) != int(lft):
                    problemen.append((f"personen[{i}].leeftijd", f"past niet bij geboortedatum {gebd.isoformat()} "
                                      f"(leeftijd op 1 januari {int(jaar)})"))
            inkomen = p.get("inkomen")
            if (isinstance(inkomen, dict) and _niet_nul(inkomen.get("bijstand"))
                    and _niet_nul(inkomen.get("bijstand_netto"))):
                problemen.append((f"personen[{i}].inkomen.bijstand_netto", "geef de bijstand die nu wordt "
                                  "ontvangen óf netto (bijstand_netto, zoals op de beschikking van de gemeente) óf "
                                  "bruto (bijstand, zoals op de jaaropgaaf), niet allebei"))
            if p.get("kinderopvang") is not None and p.get("rol") != "kind":
                problemen.append((f"personen[{i}].kinderopvang", "alleen mogelijk bij een persoon met rol: kind"))
            if p.get("wia") is not None and p.get("rol") not in ("aanvrager", "partner"):
                problemen.append((f"personen[{i}].wia", "alleen mogelijk bij de aanvrager of de partner"))
            for j, a in enumerate(p.get("activiteiten") or []) if isinstance(p.get("activiteiten"), list) else []:
                if isinstance(a, dict):
                    van, tot = _probeer_datum(a.get("van")), _probeer_datum(a.get("tot"))
                    if van and tot and tot < van:
                        problemen.append((f"personen[{i}].activiteiten[{j}].tot", "ligt vóór 'van'"))

    for j, g in enumerate(ruw.get("gebeurtenissen") or []) if isinstance(ruw.get("gebeurtenissen"), list) else []:
        if not isinstance(g, dict):
            continue
        d = _probeer_datum(g.get("datum"))
        if d and jaar is not None and d.year != int(jaar):
            problemen.append((f"gebeurtenissen[{j}].datum",
                              f"{d.isoformat()} ligt buiten het berekeningsjaar {int(jaar)}"))
        wie = g.get("persoon")
        if isinstance(wie, str) and ids and wie not in ids:
            problemen.append((f"gebeurtenissen[{j}].persoon", f"onbekende persoon '{kort_tekst(wie)}'"))
        if g.get("soort") == "huurwijziging" and g.get("bedrag") is None:
            problemen.append((f"gebeurtenissen[{j}].bedrag", "een huurwijziging heeft de nieuwe kale huur nodig"))
    return problemen


def _niet_nul(v: Any) -> bool:
    """A money value (one number or a list) with an amount other than nil; anything malformed counts as nil here
    (the field's own check names it)."""
    waarden = v if isinstance(v, list) else [v]
    return any(is_getal(x) and x != 0 for x in waarden)


def _probeer_datum(v: Any) -> date | None:
    try:
        return _datum(v)
    except PydanticCustomError:
        return None


def _leeftijd_op(geboren: date, op: date) -> int:
    return op.year - geboren.year - ((op.month, op.day) < (geboren.month, geboren.day))


# --- loading --------------------------------------------------------------------------------------
def valideer(ruw: Any) -> Huishouden:
    """Validate a parsed household (dict); every problem goes into one InvoerFout."""
    if not isinstance(ruw, dict):
        raise InvoerFout([("", "het huishoudbestand moet een verzameling velden zijn (schema 1, zie de documentatie)")])
    try:  # a dict from the Python API meets the same limits as a file: nothing below walks an unbounded tree
        yamllader.controleer(ruw, yamllader.HUISHOUDEN)
    except yamllader.DocumentFout as e:
        raise InvoerFout([("", f"het huishouden {e}")]) from None
    problemen: list[tuple[str, str]] = []
    model = None
    try:
        model = Huishouden.model_validate(ruw)
    except ValidationError as e:
        problemen.extend(_vertaal(e))
    except (TypeError, ValueError, RecursionError) as e:  # defensive: never a traceback for bad input
        problemen.append(("", f"kan het huishouden niet lezen ({type(e).__name__})"))
    for p in _samenhang(ruw):
        if p not in problemen:
            problemen.append(p)
    if problemen:
        raise InvoerFout(problemen)
    return model


def lees_tekst(tekst: str, naam: str = "invoer", grenzen: yamllader.Grenzen = yamllader.HUISHOUDEN) -> Any:
    """Parse YAML or JSON text (JSON is valid YAML, but parse it as JSON first for clear errors), held to the
    limits of its kind (``yamllader``: size, values, depth, text length, aliases)."""
    stripped = tekst.lstrip()
    toon = kort_tekst(naam)
    try:
        if stripped.startswith(("{", "[")) or naam.endswith(".json"):
            try:
                return yamllader.laad_json(tekst, grenzen)
            except json.JSONDecodeError as e:
                if naam.endswith(".json"):
                    raise InvoerFout([("bestand",
                                       f"{toon} is geen geldige JSON (regel {e.lineno}, kolom {e.colno})")]) from None
        return yamllader.laad_yaml(tekst, grenzen)
    except InvoerFout:
        raise
    except yamllader.DocumentFout as e:
        raise InvoerFout([("bestand", f"{toon} {e}")]) from None
    except yaml.YAMLError as e:
        plek = getattr(e, "problem_mark", None)
        waar = f" (regel {plek.line + 1}, kolom {plek.column + 1})" if plek else ""
        raise InvoerFout([("bestand", f"{toon} is geen geldige YAML of JSON{waar}")]) from None
    except (RecursionError, ValueError) as e:
        raise InvoerFout([("bestand", f"{toon} kan niet gelezen worden ({type(e).__name__})")]) from None


def lees_bestand(pad: Path, grenzen: yamllader.Grenzen = yamllader.HUISHOUDEN, veld: str = "bestand") -> Any:
    """A YAML or JSON file, refused unread when it is larger than its limit."""
    try:
        tekst = yamllader.lees_tekst(pad, grenzen)
    except yamllader.DocumentFout as e:
        raise InvoerFout([(veld, f"{kort_tekst(pad.name)} {e}")]) from None
    except UnicodeDecodeError:
        raise InvoerFout([(veld, f"{kort_tekst(pad.name)} is geen tekstbestand (UTF-8)")]) from None
    except OSError as e:
        raise InvoerFout([(veld, f"{kort_tekst(str(pad), 200)} kan niet gelezen worden ({e.strerror})")]) from None
    try:
        return lees_tekst(tekst, pad.name, grenzen)
    except InvoerFout as e:
        raise InvoerFout([(veld if p == "bestand" else p, m) for p, m in e.problemen]) from None


def persona_namen() -> list[str]:
    return sorted(p.stem for p in paden.personas().glob("*.yaml"))


def laad(bron: Any) -> Huishouden:
    """A household from a dict, a file path, or the name of a built-in persona."""
    if isinstance(bron, Huishouden):
        return bron
    if isinstance(bron, dict):
        return valideer(bron)
    if isinstance(bron, (str, Path)):
        pad = Path(bron)
        if not pad.is_file():
            persona = paden.personas() / f"{bron}.yaml"
            if isinstance(bron, str) and "/" not in bron and persona.is_file():
                pad = persona
            else:
                raise InvoerFout([("bestand", f"'{kort_tekst(str(bron), 200)}' is geen bestand en geen ingebouwde "
                                              f"persona (ingebouwd: {', '.join(persona_namen())})")])
        return valideer(lees_bestand(pad))
    raise InvoerFout([("", f"verwacht een pad, een personanaam of een dict, kreeg {type(bron).__name__}")])


# --- events against the monthly amounts (contract: "where they do not agree, the checker says so") --------
def tegenstrijdigheden(h: Huishouden) -> list[str]:
    """Dutch warnings where a gebeurtenis and the monthly amounts or persons of the household disagree,
    and for events the calculation does not yet follow month by month."""
    from .opmaak import datum, euro
    uit: list[str] = []
    if h.jaar_verschoven is not None:
        uit.append(_verschoven_jaar_tekst(h))
    personen = {p.id: p for p in h.personen}
    for nr, p in enumerate(h.personen):
        werk = [a + b for a, b in zip(p.inkomen.loon, p.inkomen.winst)]
        if p.activiteiten and any(x > 0 for x in werk):
            in_jaar = [a for a in p.activiteiten
                       if a.van.year <= h.jaar and (a.tot is None or a.tot.year >= h.jaar)]
            if not any(a.soort == "werk" for a in in_jaar):
                uit.append(f"personen[{nr}].activiteiten: {p.id} heeft loon of winst maar geen activiteit 'werk' in "
                           f"{h.jaar}; met opgegeven activiteiten telt alleen die lijst (bijvoorbeeld voor de "
                           "kinderopvangtoeslag). Voeg het werk toe als dat klopt.")
    for nr, g in enumerate(h.gebeurtenissen):
        pad = f"gebeurtenissen[{nr}]"
        m = eerste_maand_na_wijziging(g.datum)
        if g.soort == "huurwijziging":
            if h.wonen is None or h.wonen.soort != "huur":
                uit.append(f"{pad}: een huurwijziging op {datum(g.datum)}, maar het huishouden woont niet in een "
                           "huurwoning.")
            elif m < 12 and any(abs(x - g.bedrag) > 0.005 for x in h.wonen.kale_huur[m:]):
                uit.append(f"{pad}: de huur wordt per {datum(g.datum)} {euro(g.bedrag, centen=True)}, maar "
                           f"wonen.kale_huur noemt vanaf die maand {euro(h.wonen.kale_huur[m], centen=True)}; "
                           "samenloop rekent met wonen.kale_huur. Pas de bedragen per maand aan.")
        elif g.soort in ("stopt_met_werken", "start_met_werken"):
            p = personen.get(g.persoon or "")
            if p is None:
                uit.append(f"{pad}: geef aan wie {'stopt' if g.soort == 'stopt_met_werken' else 'start'} "
                           "met werken (persoon).")
                continue
            werk = [a + b for a, b in zip(p.inkomen.loon, p.inkomen.winst)]
            if g.soort == "stopt_met_werken" and m < 12 and any(x > 0 for x in werk[m:]):
                uit.append(f"{pad}: {p.id} stopt op {datum(g.datum)} met werken, maar heeft daarna nog loon of winst; "
                           "samenloop rekent met de bedragen per maand.")
            if g.soort == "start_met_werken" and m < 12 and not any(x > 0 for x in werk[m:]) and not p.activiteiten:
                uit.append(f"{pad}: {p.id} start op {datum(g.datum)} met werken, maar heeft daarna geen loon of winst.")
        elif g.soort == "geboorte":
            if not any(p.rol == "kind" and p.geboortedatum == g.datum for p in h.personen):
                uit.append(f"{pad}: een geboorte op {datum(g.datum)}, maar geen kind met die geboortedatum in "
                           "personen.")
        elif g.soort in ("samenwonen", "scheiding"):
            uit.append(_partnerwijziging(h, g, pad))
        else:
            uit.append(f"{pad}: '{g.soort}' op {datum(g.datum)} wordt nog niet per maand verwerkt; samenloop rekent "
                       "het hele jaar met de huishoudsamenstelling en woning zoals opgegeven.")
    return uit


def _verschoven_jaar_tekst(h: Huishouden) -> str:
    """The warning for a household computed for another year than its file (--jaar)."""
    from .opmaak import datum
    bestandsjaar, verschoven = h.jaar_verschoven
    jaren = abs(h.jaar - bestandsjaar)
    tekst = (f"jaar: het huishoudbestand gaat over {bestandsjaar}, maar samenloop rekent voor {h.jaar} (--jaar). ")
    if verschoven:
        genoemd = "; ".join(f"{pad} {datum(date.fromisoformat(oud))} → {datum(date.fromisoformat(nieuw))}"
                            for pad, oud, nieuw in verschoven[:6])
        meer = f" en nog {len(verschoven) - 6}" if len(verschoven) > 6 else ""
        tekst += (f"Daarom zijn de datums die bij het jaar horen {jaren} jaar "
                  f"{'teruggezet' if h.jaar < bestandsjaar else 'vooruitgezet'} naar {h.jaar}: {genoemd}{meer}. ")
    tekst += (f"De geboortedatums blijven staan, dus iedereen is in {h.jaar} {jaren} jaar "
              f"{'jonger' if h.jaar < bestandsjaar else 'ouder'} dan in {bestandsjaar}. De bedragen per maand blijven "
              f"ook staan. Controleer of dat voor {h.jaar} klopt.")
    return tekst


def _partnerwijziging(h: Huishouden, g: Gebeurtenis, pad: str) -> str:
    """How a samenwonen or scheiding event is applied (or why it cannot be)."""
    from .opmaak import MAANDNAMEN, datum
    wat = "samenwonen" if g.soort == "samenwonen" else "een scheiding"
    if h.partner is None:
        return (f"{pad}: {wat} op {datum(g.datum)}, maar er staat geen partner in personen; samenloop rekent het hele "
                "jaar zonder partner. Zet de (ex-)partner met rol 'partner' in personen.")
    vanaf = eerste_maand_na_wijziging(g.datum)
    wanneer = f"vanaf {MAANDNAMEN[vanaf]}" if vanaf < 12 else "vanaf januari van het volgende jaar"
    if g.soort == "samenwonen":
        effect = (f"telt {h.partner.id} {wanneer} als partner. In die maanden telt het toetsingsinkomen van de partner "
                  "over het hele jaar mee (Awir art. 3, 5, 7 lid 1 en 8).")
    else:
        effect = (f"telt {h.partner.id} {wanneer} niet meer als partner (Awir art. 3 en 5). Bij een huwelijk eindigt "
                  "het toeslagpartnerschap pas als het verzoek tot echtscheiding is ingediend en een van beiden op een "
                  "ander adres staat; samenloop neemt aan dat dat zo is. Op verzoek telt loon van de ex-partner van na "
                  "de scheiding niet mee als het toetsingsinkomen daardoor ten minste 10% lager wordt (Awir art. 8 "
                  "lid 3); dat rekent samenloop niet door.")
    return (f"{pad}: door {wat} op {datum(g.datum)} {effect} Een wijziging telt vanaf de eerste dag van de volgende "
            "maand, of dezelfde maand als die op de eerste valt. De bijstand rekent met de dag zelf; samenloop rekent "
            "ook daar met de hele maand erna, dus de bijstand in de maand van de wijziging kan afwijken.")
