"""The household form of the web page: a household document (contract section 1) to form fields and back.

Every field is named by its path in the household file (``personen[1].inkomen.loon``), so the checker's
error paths land next to the field they are about. Keys the form does not show (for example
``activiteiten``) travel along in a hidden ``overig`` field per level and are merged back unchanged, so
a file opened in the form loses nothing. The form only converts text to numbers; all checking is done by
the same validation as the command line (``checker.huishouden.valideer``).
"""
from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime
from typing import Any, Iterable, get_args

from .. import gemeenten, huishouden, opmaak, parameters, yamllader
from ..regelingen.register import standaard

# --- what the form shows ---------------------------------------------------------------------------------
# Every income field, the net bijstand first (what people in bijstand know: the beschikking) and the gross next to it.
INKOMSTEN = ("loon", "winst", "ww", "bijstand_netto", "bijstand", "aow", "pensioen", "overig", "wga")
assert set(INKOMSTEN) == set(huishouden.Inkomen.model_fields), "the form must show every income field"
ONTVANGT = tuple(huishouden.Ontvangt.model_fields)
ROLLEN = huishouden.ROLLEN
GEBEURTENISSEN = huishouden.GEBEURTENISSEN
WIA_FASEN = get_args(huishouden.Wia.model_fields["fase"].annotation)
WIA_KLASSEN = get_args(huishouden.Wia.model_fields["klasse"].annotation)
OPVANGSOORTEN = get_args(huishouden.Kinderopvang.model_fields["soort"].annotation)
WOONSOORTEN = get_args(huishouden.Wonen.model_fields["soort"].annotation)

# Every money field says bruto or netto; a hint where people usually know the other amount.
LABELS = {
    "loon": "Loon, bruto", "winst": "Winst (zzp), vóór belasting", "ww": "WW, bruto",
    "bijstand_netto": "Bijstand, netto (nu ontvangen)", "bijstand": "Bijstand, bruto (nu ontvangen)",
    "aow": "AOW, bruto", "pensioen": "Pensioen, bruto", "overig": "Overig inkomen, bruto",
    "wga": "WGA-uitkering, bruto (nu betaald)",
    # a voorschot as Dienst Toeslagen pays it out: netto (a toeslag is not taxed)
    **{k: f"{standaard()[k].naam[:1].upper()}{standaard()[k].naam[1:]}, netto" for k in ONTVANGT},
}
HINTS = {
    "loon": "Het brutoloon op de loonstrook, niet wat op de rekening komt.",
    "ww": "Het brutobedrag op de brief van UWV, niet wat op de rekening komt.",
    "wga": "Het brutobedrag op de brief van UWV, niet wat op de rekening komt.",
    "bijstand_netto": "Het bedrag op de beschikking van de gemeente. Vul bijstand netto óf bruto in.",
    "bijstand": "Alleen als u het brutobedrag weet, bijvoorbeeld van de jaaropgaaf; anders bij 'Bijstand, netto'.",
    "aow": "Het brutobedrag op de brief van de SVB, niet wat op de rekening komt.",
    "pensioen": "Het brutobedrag op de brief van het pensioenfonds, niet wat op de rekening komt.",
}
ONTVANGT_HINT = "Het voorschot per maand zoals Dienst Toeslagen het uitbetaalt (een toeslag is onbelast)."
BEDRAGEN_NOOT = opmaak.BEDRAGEN_NOOT
ROL_LABELS = {"aanvrager": "aanvrager", "partner": "partner (toeslagpartner)", "kind": "kind",
              "medebewoner": "medebewoner"}
GEBEURTENIS_LABELS = {
    "stopt_met_werken": "stopt met werken", "start_met_werken": "start met werken",
    "huurwijziging": "huurwijziging (nieuwe kale huur)", "verhuizing": "verhuizing", "geboorte": "geboorte",
    "scheiding": "scheiding", "samenwonen": "samenwonen",
}
WIA_FASE_LABELS = {"loongerelateerd": "loongerelateerd", "na_loongerelateerd": "na de loongerelateerde fase",
                   "iva": "IVA"}
OPVANG_LABELS = {"dagopvang": "dagopvang", "bso": "buitenschoolse opvang (bso)", "gastouder": "gastouder"}
WOON_LABELS = {"huur": "huurwoning", "koop": "koopwoning", "inwonend": "inwonend"}
KLASSE_KEUZES = [("", "—")] + [(k, f"{k}%") for k in WIA_KLASSEN]
SCHULDSOORTEN = ("belasting", "boete", "toeslag", "huur", "energie", "zorgverzekering", "overig")

# The fields per level, as (path below the level, kind). Kinds: tekst, geheel, getal, geld (one amount or 12),
# datum, keuze, vinkje (default false), vinkje_ja (default true), janee (true / false / not given).
ALGEMEEN_VELDEN = [("schema", "geheel"), ("naam", "tekst"), ("jaar", "geheel"), ("peildatum", "datum"),
                   ("gemeente", "keuze"), ("vermogen", "getal"), ("gemeentelijke_belastingen", "getal"),
                   ("wonen.soort", "keuze"), ("wonen.kale_huur", "geld"), ("wonen.servicekosten", "geld"),
                   ("wonen.corporatie", "vinkje"), *[(f"ontvangt.{k}", "geld") for k in ONTVANGT]]
PERSOON_VELDEN = [("id", "tekst"), ("rol", "keuze"), ("leeftijd", "geheel"), ("geboortedatum", "datum"),
                  *[(f"inkomen.{b}", "geld") for b in INKOMSTEN],
                  ("zorgverzekerd", "vinkje_ja"), ("kan_niet_voor_kind_zorgen", "vinkje"), ("wlz_indicatie", "vinkje"),
                  ("urencriterium", "janee"),
                  ("wia.fase", "keuze"), ("wia.klasse", "keuze"), ("wia.maandloon", "getal"),
                  ("wia.restverdiencapaciteit", "getal"), ("wia.einde_loongerelateerd", "datum"),
                  ("kinderopvang.soort", "keuze"), ("kinderopvang.uren_per_maand", "geld"),
                  ("kinderopvang.uurprijs", "getal")]
SCHULD_VELDEN = [("schuldeiser", "tekst"), ("soort", "tekst"), ("bedrag", "getal")]
GEBEURTENIS_VELDEN = [("datum", "datum"), ("soort", "keuze"), ("persoon", "tekst"), ("bedrag", "getal")]
RIJEN = {"personen": PERSOON_VELDEN, "schulden": SCHULD_VELDEN, "gebeurtenissen": GEBEURTENIS_VELDEN}


# --- numbers as a Dutch user types them ---------------------------------------------------------------------
_DUIZENDTALLEN = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")
_KOMMA = re.compile(r"-?\d+(,\d+)?")
_PUNT = re.compile(r"-?\d+(\.\d+)?")


def lees_getal(tekst: str) -> float | int | str:
    """'1.250,50', '1250,5', '1250.5' or '€ 1250' as a number; anything else stays text, so the checker's
    validation names it ("moet een getal zijn, niet 'abc'")."""
    t = tekst.strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    if _DUIZENDTALLEN.fullmatch(t):
        t = t.replace(".", "").replace(",", ".")
    elif _KOMMA.fullmatch(t):
        t = t.replace(",", ".")
    if not _PUNT.fullmatch(t):
        return tekst.strip()
    x = float(t)
    return int(x) if x.is_integer() else x


def lees_geld(tekst: str) -> float | int | str | list:
    """One amount (the same every month) or 12 amounts separated by ';' (or spaces)."""
    delen = [d for d in re.split(r";" if ";" in tekst else r"\s+", tekst.strip()) if d.strip()]
    if len(delen) == 1:
        return lees_getal(delen[0])
    return [lees_getal(d) for d in delen]


def toon_getal(x: Any) -> str:
    """A number as the form shows it: decimal comma, no thousands separator (so it reads back unambiguously)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return "" if x is None else (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False))
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.10f}".rstrip("0").replace(".", ",")  # every decimal the file had (to 10 places), no exponent


def toon_geld(x: Any) -> str:
    if isinstance(x, list):
        if x and all(v == x[0] for v in x) and len(x) == huishouden.MAANDEN:
            return toon_getal(x[0])
        return "; ".join(toon_getal(v) for v in x)
    return toon_getal(x)


# --- document <-> form ------------------------------------------------------------------------------------
def jsonbaar(x: Any) -> Any:
    """A parsed YAML document with dates as ISO text (what JSON and the form carry)."""
    if isinstance(x, dict):
        return {str(k): jsonbaar(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonbaar(v) for v in x]
    if isinstance(x, datetime):
        return x.date().isoformat()
    if isinstance(x, date):
        return x.isoformat()
    return x


def _haal(d: Any, pad: str) -> Any:
    for deel in pad.split("."):
        if not isinstance(d, dict):
            return None
        d = d.get(deel)
    return d


def _zet(d: dict, pad: str, waarde: Any) -> None:
    *boven, laatste = pad.split(".")
    for deel in boven:
        d = d.setdefault(deel, {})
    d[laatste] = waarde


def _rest(d: dict, beheerd: Iterable[str]) -> dict:
    """The part of ``d`` the form does not show (keys outside ``beheerd``, at any depth)."""
    beheerd = set(beheerd)
    rest = {}
    for k, v in d.items():
        if k in beheerd:
            continue
        onder = {b.split(".", 1)[1] for b in beheerd if b.startswith(k + ".")}
        if onder and isinstance(v, dict):
            r = _rest(v, onder)
            if r:
                rest[k] = r
        else:
            rest[k] = v
    return rest


def _voeg_samen(formulier: dict, rest: dict) -> dict:
    """Merge the hidden rest back in; what the form says wins."""
    for k, v in rest.items():
        if k not in formulier:
            formulier[k] = v
        elif isinstance(formulier[k], dict) and isinstance(v, dict):
            _voeg_samen(formulier[k], v)
    return formulier


def _toon(soort: str, waarde: Any) -> Any:
    if soort in ("vinkje", "vinkje_ja"):
        return bool(waarde) if waarde is not None else soort == "vinkje_ja"
    if soort == "janee":
        return "" if waarde is None else ("ja" if waarde is True else "nee" if waarde is False else str(waarde))
    if soort == "geld":
        return toon_geld(waarde)
    if soort in ("getal", "geheel"):
        return toon_getal(waarde)
    return "" if waarde is None else (waarde if isinstance(waarde, str) else toon_getal(waarde))


def _velden(d: dict, spec: list[tuple[str, str]]) -> dict[str, Any]:
    return {pad: _toon(soort, _haal(d, pad)) for pad, soort in spec}


def _rij_rest(d: dict, spec) -> str:
    r = _rest(d, [p for p, _ in spec])
    return json.dumps(r, ensure_ascii=False) if r else ""


def naar_formulier(doc: Any) -> dict[str, Any]:
    """The form's values for a household document (dict), each by its path; rows as lists. A list longer than a
    household may be shows its first rows only (the check says it is too long), so no input makes a huge page."""
    doc = jsonbaar(doc) if isinstance(doc, dict) else {}
    rijen = {}
    for lijst, spec in RIJEN.items():
        items = doc.get(lijst)[:huishouden.MEESTE_RIJEN[lijst]] if isinstance(doc.get(lijst), list) else []
        rijen[lijst] = [{**_velden(r, spec), "overig": _rij_rest(r, spec)} for r in items if isinstance(r, dict)]
    beheerd = [p for p, _ in ALGEMEEN_VELDEN] + [k for k in RIJEN if isinstance(doc.get(k), list)]
    rest = _rest(doc, beheerd)
    return {"velden": _velden(doc, ALGEMEEN_VELDEN), "overig": json.dumps(rest, ensure_ascii=False) if rest else "",
            **rijen}


def _lees(soort: str, ruw: str | None) -> Any:
    """One form value to its JSON value; None means 'leave the key out' (the file's default applies)."""
    if soort == "vinkje":
        return True if ruw is not None else None
    if soort == "vinkje_ja":
        return None if ruw is not None else False
    if ruw is None or not ruw.strip():
        return None
    if soort == "janee":
        return {"ja": True, "nee": False}.get(ruw, ruw)
    if soort in ("geheel", "getal"):
        return lees_getal(ruw)
    if soort == "geld":
        return lees_geld(ruw)
    return ruw.strip()


def _uit_velden(form, voorvoegsel: str, spec) -> dict:
    d: dict = {}
    for pad, soort in spec:
        waarde = _lees(soort, form.get(voorvoegsel + pad))
        if waarde is not None:
            _zet(d, pad, waarde)
    # a checkbox alone does not make a section: corporatie without a soort of wonen stays out
    if isinstance(d.get("wonen"), dict) and set(d["wonen"]) == {"corporatie"}:
        del d["wonen"]
    return d


def _json_of_leeg(tekst: str | None) -> dict:
    """A hidden field with the keys the form does not show (JSON, written by this page); unreadable or over the
    limits of a household file (``yamllader``) it counts as empty."""
    if not tekst:
        return {}
    try:
        waarde = yamllader.laad_json(tekst, yamllader.HUISHOUDEN)
    except (json.JSONDecodeError, yamllader.DocumentFout):
        return {}
    return waarde if isinstance(waarde, dict) else {}


def _indices(form, lijst: str) -> list[int]:
    """The row numbers of a list in the form: at most one more than a household may have (the check then says
    there are too many), so a form of thousands of rows is not read row by row."""
    patroon = re.compile(rf"^{lijst}\[(\d{{1,6}})\]\.")
    nummers = sorted({int(m.group(1)) for k in form.keys() if (m := patroon.match(k))})
    return nummers[:huishouden.MEESTE_RIJEN[lijst] + 1]


def uit_formulier(form) -> dict:
    """The household document from the submitted form (a mapping of path -> text)."""
    doc = _uit_velden(form, "", ALGEMEEN_VELDEN)
    for lijst, spec in RIJEN.items():
        rijen = []
        for i in _indices(form, lijst):
            voorvoegsel = f"{lijst}[{i}]."
            rij = _voeg_samen(_uit_velden(form, voorvoegsel, spec), _json_of_leeg(form.get(voorvoegsel + "overig")))
            rijen.append(rij)
        if rijen or lijst == "personen":
            doc[lijst] = rijen
    return _voeg_samen(doc, _json_of_leeg(form.get("overig")))


# --- the row buttons (add / remove) --------------------------------------------------------------------------
def nieuwe_rij(doc: dict, lijst: str) -> dict:
    if lijst == "personen":
        rollen = [p.get("rol") for p in doc.get("personen", []) if isinstance(p, dict)]
        rol = "aanvrager" if "aanvrager" not in rollen else "partner" if "partner" not in rollen else "kind"
        return {"id": "", "rol": rol}
    if lijst == "gebeurtenissen":
        return {"soort": "stopt_met_werken"}
    return {}


def pas_rij_toe(doc: dict, actie: str) -> tuple[dict, str | None]:
    """Apply 'toevoegen-personen' or 'verwijderen-personen-2'; returns the document and the id of the field to
    focus next."""
    doc = copy.deepcopy(doc)
    delen = actie.split("-")
    if len(delen) >= 2 and delen[1] in RIJEN:
        lijst = delen[1]
        rijen = doc.get(lijst) if isinstance(doc.get(lijst), list) else []
        if delen[0] == "toevoegen":
            rijen.append(nieuwe_rij(doc, lijst))
            doc[lijst] = rijen
            return doc, veld_id(f"{lijst}[{len(rijen) - 1}].{RIJEN[lijst][0][0]}")
        if delen[0] == "verwijderen" and len(delen) == 3 and delen[2].isdigit():
            i = int(delen[2])
            if 0 <= i < len(rijen):
                del rijen[i]
            doc[lijst] = rijen
            return doc, f"knop-toevoegen-{lijst}"
    return doc, None


def veld_id(pad: str) -> str:
    """An HTML id for a field path: personen[1].inkomen.loon -> v-personen-1-inkomen-loon."""
    return "v-" + re.sub(r"[^A-Za-z0-9_]+", "-", pad).strip("-")


# --- errors next to their field --------------------------------------------------------------------------------
def alle_paden(waarden: dict[str, Any]) -> list[str]:
    paden = [p for p, _ in ALGEMEEN_VELDEN]
    for lijst, spec in RIJEN.items():
        for i in range(len(waarden.get(lijst, []))):
            paden += [f"{lijst}[{i}].{p}" for p, _ in spec]
    return paden


def fouten_per_veld(problemen: list[tuple[str, str]], paden: list[str]) -> tuple[dict[str, list[str]], list[dict]]:
    """Each problem at the form field whose path is the longest prefix of the problem's path
    (``personen[0].inkomen.loon[3]`` lands at ``personen[0].inkomen.loon``). Returns the messages per field and
    the summary list (pad, melding, veld id or None)."""
    per_veld: dict[str, list[str]] = {}
    overzicht = []
    for pad, melding in problemen:
        beste = None
        for kandidaat in paden:
            if pad == kandidaat or pad.startswith(kandidaat + "[") or pad.startswith(kandidaat + "."):
                if beste is None or len(kandidaat) > len(beste):
                    beste = kandidaat
        if beste is None:  # a problem about a whole row or section: its first field
            for kandidaat in paden:
                if kandidaat.startswith(pad + ".") and pad:
                    beste = kandidaat
                    break
        if beste is not None:
            per_veld.setdefault(beste, []).append(melding if beste == pad else f"{pad}: {melding}")
        overzicht.append({"pad": pad, "melding": melding, "veld": veld_id(beste) if beste else None})
    return per_veld, overzicht


# --- choices ---------------------------------------------------------------------------------------------------
def gemeente_keuzes() -> list[tuple[str, str]]:
    uit = []
    for g in gemeenten.bekende_gemeenten():
        try:
            uit.append((g, gemeenten.laad(g).naam.split(" (")[0]))
        except Exception:  # a broken policy file still appears by its id; the check will report it
            uit.append((g, g))
    return uit


def jaren() -> list[int]:
    return parameters.ondersteunde_jaren()


def leeg_huishouden(vandaag: date | None = None) -> dict:
    vandaag = vandaag or date.today()
    beschikbaar = jaren()
    jaar = vandaag.year if vandaag.year in beschikbaar else beschikbaar[-1]
    doc = {"schema": 1, "naam": "", "jaar": jaar, "gemeente": "standaard",
           "personen": [{"id": "aanvrager", "rol": "aanvrager"}]}
    if vandaag.year == jaar:
        doc["peildatum"] = vandaag.isoformat()
    return doc
