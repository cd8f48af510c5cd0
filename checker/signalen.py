"""Signals: household + computed regelingen → facts → the rules engine → Dutch signals.

The rules live in rules/signalen/*.yaml, readable by a policy person (see the header of each file).
This module checks and compiles them into the engine's form, builds the facts, and fills the texts.
"""
from __future__ import annotations

import string
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import feitsoorten, klif, opmaak, paden, yamllader
from .berekening import REGELING_NAMEN, Resultaat
from .engine import Regelset
from .feitsoorten import leeftijd_op, noem, ontvangen_rond
from .fouten import RegelFout
from .huishouden import Gebeurtenis, Huishouden, Ontvangt
from .invoer import Invoer
from .regelingen.register import actief

ERNST_VOLGORDE = {"hoog": 0, "midden": 1, "laag": 2, "info": 3}
OPERATOREN = {"gelijk_aan": "$eq", "niet_gelijk_aan": "$neq", "groter_dan": "$gt", "kleiner_dan": "$lt",
              "ten_minste": "$gte", "ten_hoogste": "$lte"}


class SignaalRegel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    code: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    ernst: Literal["hoog", "midden", "laag", "info"]
    feit: str
    als: dict[str, Any] = Field(min_length=1)
    titel: str
    uitleg: str
    actie: str                      # for the worker (baliemedewerker): what to do, with whom, referrals
    bewoner: str                    # for the resident: second person, plain Dutch (B1), on the print sheet
    actie_verlopen: str | None = None     # when the datum lies before the peildatum: what can still be done now
    bewoner_verlopen: str | None = None
    instantie: str
    regelingen: list[str]
    bronnen: list[str] = Field(min_length=1)
    bedrag: str | None = None
    datum: str | None = None


def _conditie(veld: str, spec: Any, regel: str) -> list[dict]:
    """One 'als' entry as durable-rules JSON conditions."""
    if not isinstance(spec, dict):
        return [{veld: spec}]
    uit = []
    for op, rechts in spec.items():
        if op not in OPERATOREN:
            raise RegelFout(f"signaalregel '{regel}': onbekende vergelijking '{op}' bij '{veld}' "
                            f"(kies uit {', '.join(OPERATOREN)})")
        if isinstance(rechts, dict):
            if set(rechts) - {"veld", "maal"} or "veld" not in rechts:
                raise RegelFout(f"signaalregel '{regel}': verwacht {{veld: naam, maal: getal}} bij '{veld}'")
            waarde: Any = {"$m": rechts["veld"]}
            if "maal" in rechts:
                waarde = {"$mul": {"$l": waarde, "$r": rechts["maal"]}}
        else:
            waarde = rechts
        uit.append({OPERATOREN[op]: {veld: waarde}})
    return uit


def _condities(als: dict[str, Any], regel: str) -> list[dict]:
    """All entries of an 'als' block (AND); 'een_van' holds alternatives of which one must hold (OR)."""
    uit = []
    for veld, spec in als.items():
        if veld == "een_van":
            if not isinstance(spec, list) or not all(isinstance(x, dict) and x for x in spec):
                raise RegelFout(f"signaalregel '{regel}': 'een_van' verwacht een lijst van voorwaardenblokken")
            uit.append({"$or": [{"$and": _condities(blok, regel)} for blok in spec]})
        else:
            uit += _conditie(veld, spec, regel)
    return uit


def compileer(regels: list[SignaalRegel]) -> dict[str, dict]:
    definitie = {}
    for r in regels:
        definitie[r.naam] = {"all": [{"m": {"$and": [{"t": r.feit}] + _condities(r.als, r.naam)}}]}
    return definitie


class _Instellingen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArmoedevalInstellingen(_Instellingen):
    """How the ARMOEDEVAL fact sweeps the income (rules/signalen/armoedeval.yaml), euro per month."""
    bereik: float = Field(gt=0, le=5000)
    stap: float = Field(gt=0, le=1000)
    regeling_verandert_vanaf: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _stap_binnen_bereik(self):
        if self.stap > self.bereik:
            raise ValueError("stap mag niet groter zijn dan bereik")
        return self


class WisselendInkomen(_Instellingen):
    """When income from work counts as wisselend (rules/signalen/huishouden.yaml)."""
    min_richtingwisselingen: int = Field(ge=1, le=11)
    min_variatie: float = Field(ge=0, le=10)
    min_stap: float = Field(ge=0, le=1)


class HuishoudenInstellingen(_Instellingen):
    wisselend_inkomen: WisselendInkomen


# The rule files whose facts are built with settings, and what their 'instellingen' block must hold.
INSTELLINGEN: dict[str, type[_Instellingen]] = {
    "armoedeval.yaml": ArmoedevalInstellingen,
    "huishouden.yaml": HuishoudenInstellingen,
}


def lees_instellingen(pad: Path, data: dict[str, Any]) -> _Instellingen | None:
    """The 'instellingen' block of one rule file, checked against its declaration; RegelFout naming the file and
    the setting when one is missing, unknown or out of its bounds, or when the file has a block nobody reads."""
    ruw = data.get("instellingen")
    soort = INSTELLINGEN.get(pad.name)
    if soort is None:
        if ruw is not None:
            raise RegelFout(f"{pad.name}: 'instellingen' wordt voor dit bestand niet gelezen")
        return None
    try:
        return soort.model_validate(ruw or {})
    except ValidationError as e:
        velden = "; ".join(f"{'.'.join(map(str, f['loc'])) or 'instellingen'}: {f['msg']}" for f in e.errors())
        raise RegelFout(f"{pad.name}: instellingen ongeldig: {velden}") from None


@cache
def instellingen(thema_bestand: str) -> Any:
    """The checked 'instellingen' block of a rule file under rules/signalen (settings the facts are built with)."""
    pad = paden.regels() / "signalen" / thema_bestand
    return lees_instellingen(pad, yamllader.lees_regels(pad) or {})


def lees_regels(map_: Path | None = None) -> list[SignaalRegel]:
    map_ = map_ or paden.regels() / "signalen"
    regels: list[SignaalRegel] = []
    for pad in sorted(map_.glob("*.yaml")):
        data = yamllader.lees_regels(pad) or {}
        lees_instellingen(pad, data)
        for i, ruw in enumerate(data.get("regels", [])):
            try:
                regels.append(SignaalRegel.model_validate(ruw))
            except ValidationError as e:
                velden = "; ".join(f"{'.'.join(map(str, f['loc']))}: {f['msg']}" for f in e.errors())
                raise RegelFout(f"{pad.name}: signaalregel #{i} ({ruw.get('naam', '?')}) is ongeldig: "
                                f"{velden}") from None
    register = actief()
    for r in regels:
        controleer_velden(r, register)
    for r in regels:
        if not kan_verlopen(r) or (r.actie_verlopen and r.bewoner_verlopen):
            continue
        raise RegelFout(f"signaalregel '{r.naam}' heeft als datum '{r.datum}', die voor de peildatum kan liggen, maar "
                        "geen actie_verlopen en bewoner_verlopen: wat kan er nog als die termijn voorbij is?")
    namen = [r.naam for r in regels]
    dubbel = {n for n in namen if namen.count(n) > 1}
    if dubbel:
        raise RegelFout(f"signaalregels met dezelfde naam: {', '.join(sorted(dubbel))}")
    return regels


def controleer_velden(regel: SignaalRegel, register=None) -> None:
    """Every field the rule uses (conditions, {placeholders} in its texts, bedrag, datum) is a declared field of its
    fact type (checker/feitsoorten.py and the regelingen' registrations); RegelFout with the rule's name otherwise."""
    teksten = [regel.titel, regel.uitleg, regel.actie, regel.bewoner, regel.instantie, *regel.regelingen,
               *regel.bronnen, *(t for t in (regel.actie_verlopen, regel.bewoner_verlopen) if t)]
    feitsoorten.controleer_regel(regel.naam, regel.feit, regel.als, teksten, regel.bedrag, regel.datum,
                                 register or actief())


def kan_verlopen(regel: SignaalRegel) -> bool:
    """Can this rule's datum lie before the peildatum while its other texts still read as current? Not when the datum
    is the peildatum itself, nor when the rule fires only before (``<datum>_verstreken: false``) or only after
    (``<datum>_verstreken: true``: its actie is then written for a passed deadline) that date."""
    if not regel.datum or regel.datum == "peildatum":
        return False
    return f"{regel.datum}_verstreken" not in regel.als


@cache
def standaard_regelset() -> tuple[Regelset, dict[str, SignaalRegel]]:
    regels = lees_regels()
    return Regelset("signalen", compileer(regels)), {r.naam: r for r in regels}


# --- facts ----------------------------------------------------------------------------------------
def aanvraag_uiterlijk(jaar: int, maand: int) -> date:
    """The last day of ``maand`` in the year after the berekeningsjaar (Awir art. 15 lid 1)."""
    volgende = date(jaar + 1, maand % 12 + 1, 1) if maand < 12 else date(jaar + 2, 1, 1)
    return date.fromordinal(volgende.toordinal() - 1)


@cache
def publieke_schuldeisers() -> tuple[str, ...]:
    data = yamllader.lees_regels(paden.regels() / "schuldeisers.yaml")
    return tuple(str(x).lower() for x in data["publiek"])


def is_publiek(schuldeiser: str) -> bool:
    naam = schuldeiser.lower()
    return any(p in naam for p in publieke_schuldeisers())


def variatie(bedragen: np.ndarray) -> np.ndarray:
    """Coefficient of variation of monthly amounts per row of an (N, 12) array (0 for a steady income)."""
    gemiddeld = bedragen.mean(axis=1)
    return np.where(gemiddeld > 0, bedragen.std(axis=1) / np.where(gemiddeld > 0, gemiddeld, 1.0), 0.0)


def richtingwisselingen(bedragen: np.ndarray, min_stap: float) -> np.ndarray:
    """(N,) how often monthly amounts turn: up then down, or down then up (one step up or down is no turn). A change
    of at most ``min_stap`` times the average month is no move at all, so rounding noise turns nothing."""
    grens = min_stap * np.abs(bedragen.mean(axis=1))
    verschil = np.diff(bedragen, axis=1)
    richting = np.where(np.abs(verschil) > grens[:, None], np.sign(verschil), 0.0)
    vorige = np.zeros(bedragen.shape[0])
    keren = np.zeros(bedragen.shape[0], dtype=np.int64)
    for kolom in richting.T:
        keren += (kolom != 0) & (vorige != 0) & (kolom != vorige)
        vorige = np.where(kolom != 0, kolom, vorige)
    return keren


def huishoudkolommen(inv: Invoer, wga: Any = None) -> dict[str, Any]:
    """The fields of the household fact that follow from the arrays, for every household of a batch at once.

    Income from work (loon + winst) 'wisselt' when it goes up and down: at least ``min_richtingwisselingen`` turns
    and a spread above ``min_variatie`` of the average (the settings in rules/signalen/huishouden.yaml). A single
    step (a new job, the end of a benefit) is no wisselend inkomen: that is a change to report."""
    inst = instellingen("huishouden.yaml").wisselend_inkomen
    uit: dict[str, Any] = {
        "t": "huishouden", "jaar": inv.jaar, "heeft_partner": inv.heeft_partner.any(axis=1),
        "aantal_kinderen": (inv.bewoner_aanwezig & inv.bewoner_is_kind).sum(axis=1), "vermogen": inv.vermogen,
        "heeft_winst": ((inv.inkomen_aanvrager["winst"] != 0).any(axis=1)
                        | (inv.inkomen_partner["winst"] != 0).any(axis=1)),
        "ontvangt_toeslagvoorschot": np.logical_or.reduce([v.sum(axis=1) > 0 for v in inv.ontvangt.values()]),
        "ontvangt_wga": (inv.inkomen_aanvrager["wga"] != 0).any(axis=1) | (inv.inkomen_partner["wga"] != 0).any(axis=1),
    }
    nul = np.zeros(inv.n, dtype=bool)
    wisselt, met_winst, wga_winst, wga_loon, variaties, keren = nul, nul, nul, nul, [], []
    for rol, ink in (("aanvrager", inv.inkomen_aanvrager), ("partner", inv.inkomen_partner)):
        werk = ink["loon"] + ink["winst"]
        v, k = variatie(werk), richtingwisselingen(werk, inst.min_stap)
        uit[f"inkomen_variatie_{rol}"], uit[f"inkomen_wisselt_{rol}"] = v, (
            (k >= inst.min_richtingwisselingen) & (v > inst.min_variatie))
        variaties.append(v)
        keren.append(k)
        w = uit[f"inkomen_wisselt_{rol}"]
        winst, loon = (ink["winst"] != 0).any(axis=1), (ink["loon"] != 0).any(axis=1)
        heeft_wga = (ink["wga"] != 0).any(axis=1)
        if wga is not None:
            heeft_wga = heeft_wga | (wga.doorgifte.van(rol) > 0).any(axis=1)
        wisselt, met_winst = wisselt | w, met_winst | (w & winst)
        wga_winst, wga_loon = wga_winst | (w & heeft_wga & winst), wga_loon | (w & heeft_wga & loon & ~winst)
    uit.update({
        "inkomen_variatie": np.maximum(*variaties), "inkomen_richtingwisselingen": np.maximum(*keren),
        "inkomen_wisselt": wisselt, "wisselend_met_winst": met_winst,
        "wisselend_wga_winst": wga_winst, "wisselend_wga_loon": wga_loon,
    })
    return uit


def huishoudfeit(h: Huishouden, peil: date, kolommen: dict[str, Any], i: int) -> dict[str, Any]:
    """The household fact of household i: the array fields, and what only the household file holds (debts, names)."""
    schuldeisers = sorted({s.schuldeiser for s in h.schulden})
    publiek = [s for s in schuldeisers if is_publiek(s)]
    feit = rij(kolommen, i)
    wisselend = [p for p in (h.aanvrager, h.partner) if p is not None and feit[f"inkomen_wisselt_{p.rol}"]]
    soorten = [naam for bron, naam in (("loon", "loon"), ("winst", "winst uit een eigen bedrijf"))
               if any(any(getattr(p.inkomen, bron)) for p in wisselend)]
    ontvangt = {k: sum(getattr(h.ontvangt, k)) for k in ONTVANGST}
    return {
        **feit, "peildatum": peil,
        "aantal_schuldeisers": len(schuldeisers), "aantal_publieke_schuldeisers": len(publiek),
        "publieke_schuldeisers": ", ".join(publiek), "schuldeisers": ", ".join(schuldeisers),
        "schuld_totaal": sum(s.bedrag for s in h.schulden),
        "wisselend_inkomen_van": " en ".join(noem(p) for p in wisselend),
        "wisselende_inkomsten": " en ".join(soorten),
        "ontvangen_toeslagen": opsomming([REGELING_NAMEN[k] for k, v in ontvangt.items() if v > 0]),
    }


def rij(kolommen: dict[str, Any], i: int) -> dict[str, Any]:
    """Row i of a table of columns (arrays of one value per household, or one value for all)."""
    return {k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in kolommen.items()}


# --- gebeurtenissen (contract section 1): which instanties an event concerns, and by when -------------------
# Deadline fields of a gebeurtenis fact: the parameter that holds the term in days after the event date.
TERMIJNEN = {
    "doorgeven_uiterlijk": "algemeen.awir_wijziging_doorgeven_dagen",     # Awir art. 17; Uitv.reg. Awir art. 5 lid 1
    "brp_uiterlijk": "algemeen.brp_adreswijziging_dagen",                 # Wet BRP art. 2.39 lid 2
    "geboorteaangifte_uiterlijk": "algemeen.geboorteaangifte_dagen",      # BW Boek 1 art. 19e lid 7
    "ww_aanvragen_uiterlijk": "algemeen.ww_aanvraag_dagen",               # WW art. 26 lid 1 onder b
    "uwv_doorgeven_uiterlijk": "algemeen.uwv_wijziging_doorgeven_dagen",  # WW art. 25 lid 1; Wet WIA art. 27 lid 1
    "svb_doorgeven_uiterlijk": "algemeen.svb_wijziging_doorgeven_dagen",  # AOW art. 49; AKW art. 15 lid 1
}


def gebeurtenisfeiten(h: Huishouden, res: Resultaat, i: int, peil: date) -> list[dict[str, Any]]:
    """One fact per gebeurtenis: the event, its deadlines (and for each ``<termijn>_verstreken``: is the peildatum past
    it), and what the household and the person concerned receive or have a right to around the event (so a rule can
    tell which instantie is involved)."""
    termijnen = {veld: timedelta(days=int(res.parameters.waarde(pid))) for veld, pid in TERMIJNEN.items()}
    uit = []
    for nr, g in enumerate(h.gebeurtenissen):
        feit = {"t": "gebeurtenis", "soort": g.soort, "datum": g.datum, "persoon": g.persoon or "", "nummer": nr,
                **{veld: g.datum + dagen for veld, dagen in termijnen.items()},
                **{f"{veld}_verstreken": peil > g.datum + dagen for veld, dagen in termijnen.items()},
                "huurwoning": bool(h.wonen is not None and h.wonen.soort == "huur"),
                **ontvangstfeiten(h, g.datum.month - 1),
                **persoonsfeiten(h, g, float(res.parameters.waarde("algemeen.aow_leeftijd")))}
        for r in actief():
            if r.gebeurtenisfeiten is not None:
                feit.update(r.gebeurtenisfeiten(h, res.regelingen[r.sleutel], i, g, res.parameters))
        feit["svb_regelingen"] = opsomming(["AOW"] * feit["aow_ontvangen"] + svb_met_recht(res, i))
        if g.bedrag is not None:
            feit["bedrag"] = g.bedrag
        if h.wonen is not None and g.soort == "huurwijziging":
            feit["oude_huur"] = h.wonen.kale_huur[max(0, g.datum.month - 2)]
        uit.append(feit)
    return uit


SVB = "Sociale Verzekeringsbank"   # pays the AOW, and the regelingen registered with this instantie


def svb_met_recht(res: Resultaat, i: int) -> list[str]:
    """The names of the regelingen the SVB pays that household i has a right to this year (a change is reported to
    the SVB: AOW art. 49, AKW art. 15)."""
    return [REGELING_NAMEN[k] for k, u in res.regelingen.items() if u.instantie == SVB and u.berekend and u.recht[i]]


def ontvangstfeiten(h: Huishouden, maand: int) -> dict[str, Any]:
    """What the household receives around an event: toeslag voorschotten (Awir art. 17 applies to
    a voorschot), bijstand (Participatiewet art. 17) and AOW (AOW art. 49) of the aanvrager or the partner."""
    ouders = [p for p in (h.aanvrager, h.partner) if p is not None]
    toeslagen = [k for k in ONTVANGST if ontvangen_rond(getattr(h.ontvangt, k), maand)]
    return {"toeslagvoorschot": bool(toeslagen),
            "ontvangen_toeslagen": opsomming([REGELING_NAMEN[k] for k in toeslagen]),
            "bijstand_ontvangen": any(ontvangen_rond(p.inkomen.bijstand_ontvangen, maand) for p in ouders),
            "aow_ontvangen": any(ontvangen_rond(p.inkomen.aow, maand) for p in ouders)}


def persoonsfeiten(h: Huishouden, g: Gebeurtenis, aow_leeftijd: float) -> dict[str, Any]:
    """The person an event is about: name, wages and UWV benefits around the event, and whether
    that person is below the AOW age on the event date (no WW from that age on: WW art. 19 lid 1 onder i)."""
    p = next((x for x in h.personen if x.id == g.persoon), None)
    if p is None:
        return {"persoon_naam": "iemand in het huishouden", "persoon_had_loon": False, "persoon_ontvangt_ww": False,
                "persoon_ontvangt_wga": False, "uwv_uitkeringen": "", "persoon_onder_aow_leeftijd": False}
    maand = g.datum.month - 1
    uwv = [naam for naam, bedragen in (("WW-uitkering", p.inkomen.ww), ("WGA-uitkering", p.inkomen.wga))
           if ontvangen_rond(bedragen, maand)]
    return {"persoon_naam": noem(p), "persoon_had_loon": ontvangen_rond(p.inkomen.loon, maand),
            "persoon_ontvangt_ww": ontvangen_rond(p.inkomen.ww, maand),
            "persoon_ontvangt_wga": ontvangen_rond(p.inkomen.wga, maand), "uwv_uitkeringen": opsomming(uwv),
            "persoon_onder_aow_leeftijd": leeftijd_op(h.geboortedatum(p), g.datum) < aow_leeftijd}


def opsomming(namen: list[str]) -> str:
    """Dutch enumeration: "a", "a en b", "a, b en c"."""
    return " en ".join([", ".join(namen[:-1]), namen[-1]]) if len(namen) > 1 else "".join(namen)


def _afgeleid(feit: dict[str, Any], h: Huishouden) -> None:
    """Fields only the texts need: the dates of the month indices a regeling declares (``als_datum``), and what its
    registration adds from the household file (names)."""
    r = actief()[feit["regeling"]]
    feitsoorten.maand_als_datum(feit, r.feitvelden, h.jaar)
    if r.tekstfeiten is not None:
        feit.update(r.tekstfeiten(feit, h))


def armoedevalfeiten(h: Huishouden, res: Resultaat) -> list[dict[str, Any]]:
    """For each aanvrager/partner with loon or winst: the household recomputed with more of that income (``klif``,
    both adults in one pass), as the fact the ARMOEDEVAL rules see."""
    inst = instellingen("armoedeval.yaml")
    uit = []
    for veeg in klif.rond_huidig_inkomen(h, res.parameters, inst.bereik, inst.stap):
        bedragen, netto, regelingen = veeg.bedragen, veeg.netto, veeg.regelingen
        d = np.diff(netto)
        k = int(np.argmin(d))
        veranderd = [s for s, v in regelingen.items() if abs(v[-1] - v[0]) > inst.regeling_verandert_vanaf]
        druk = 1.0 - (netto[-1] - netto[0]) / (bedragen[-1] - bedragen[0])
        uit.append({
            "t": "armoedeval", "persoon": noem(veeg.persoon), "bron": veeg.bron, "huidig": veeg.huidig,
            "tot": float(bedragen[-1]), "verlies": float(max(0.0, -d[k])),
            "verlies_van": float(bedragen[k]), "verlies_tot": float(bedragen[k + 1]),
            "druk": float(druk), "houdt_over": float(100.0 * (1.0 - druk)),
            "regelingen": ", ".join(REGELING_NAMEN[s] for s in (veranderd or ["inkomstenbelasting"])),
            "instanties": ", ".join(sorted({res.regelingen[s].instantie
                                            for s in (veranderd or ["inkomstenbelasting"])})),
            "uitleg_sprong": klif.uitleg_sprong(noem(veeg.persoon), float(bedragen[k]), float(bedragen[k + 1]),
                                                float(d[k]), veeg.veranderingen, k, inst.stap),
        })
    return uit


ONTVANGST = tuple(Ontvangt.model_fields)


def andere_toeslagen() -> tuple[str, ...]:
    """The toeslagen with a voorschot that come only with their own aanvraag (not with another toeslag)."""
    register = actief()
    return tuple(k for k in register.met_voorschot if not register[k].vanzelf_bij_andere_toeslag)


def regelingkolommen(res: Resultaat) -> dict[str, dict[str, Any]]:
    """The fact of every computed regeling, as columns over all households of a batch: what every regeling's fact
    holds, the voorschot (for a regeling with one), the room to the vermogensgrens, and the regeling's own fields
    (Uitkomst.feiten, its signal sources, and what its registration's signaalfeiten adds)."""
    inv, params = res.invoer, res.parameters
    register = actief()
    ontvangen = {k: inv.ontvangt[k].sum(axis=1) for k in ONTVANGST}
    andere = np.logical_or.reduce([ontvangen[k] > 0 for k in andere_toeslagen()])
    partner_deel_van_jaar = inv.heeft_partner.any(axis=1) & ~inv.heeft_partner.all(axis=1)
    uit = {}
    for sleutel, u in res.regelingen.items():
        if not u.berekend:
            continue
        r = register[sleutel]
        kol: dict[str, Any] = {
            "t": "regeling", "regeling": sleutel, "regeling_naam": r.naam,
            "instantie": u.instantie, "jaar": inv.jaar, "volgend_jaar": inv.jaar + 1,
            "recht": u.recht.astype(bool), "jaarbedrag": u.jaarbedrag.astype(float),
            "ontvangst_bekend": r.voorschot, **u.signaalbronnen, **u.feiten,
            # Dienst Toeslagen grants kindgebonden budget by itself to whoever already gets another toeslag
            "automatisch_bij_andere_toeslag": andere if r.vanzelf_bij_andere_toeslag else False,
            # the toeslagen test the vermogen of 1 January (Awir art. 7 lid 3, Wzt art. 3, Wkgb art. 1 lid 4);
            # bijstand tests it at the aanvraag, kwijtschelding uses what is above the vrijlating first
            "vermogenstoets_1_januari": r.vermogen_op_1_januari,
            "partner_deel_van_jaar": partner_deel_van_jaar,
        }
        if r.voorschot:
            kol["ontvangt_jaar"] = ontvangen[sleutel]
            kol["verschil_voorschot"] = kol["ontvangt_jaar"] - kol["jaarbedrag"]
            kol["terugvordering"] = np.maximum(0.0, kol["verschil_voorschot"])
            kol["nabetaling"] = np.maximum(0.0, -kol["verschil_voorschot"])
            kol["terugvordering_drempel"] = float(params.waarde("algemeen.awir_terugvordering_niet_boven"))
        if "vermogen" in kol and "vermogensgrens" in kol:
            kol["vermogen_ruimte"] = np.maximum(0.0, kol["vermogensgrens"] - kol["vermogen"])
            kol["vermogen_boven_grens"] = np.maximum(0.0, kol["vermogen"] - kol["vermogensgrens"])
        if r.signaalfeiten is not None:
            kol.update(r.signaalfeiten(u, inv, params))
        uit[sleutel] = kol
    return uit


def peilkolommen(res: Resultaat, peil: date) -> dict[str, dict[str, Any]]:
    """Per computed regeling, what depends on the peildatum ("today"): the application deadline and whether it has
    passed (Awir art. 15 lid 1 for the toeslagen of the year), and what the regeling's registration adds (the
    three-month rule for kinderopvangtoeslag)."""
    uiterlijk = aanvraag_uiterlijk(res.invoer.jaar,
                                   int(res.parameters.waarde("algemeen.awir_aanvraag_uiterlijk_maand")))
    algemeen = {"peildatum": peil, "aanvraag_uiterlijk": uiterlijk, "aanvraag_uiterlijk_verstreken": peil > uiterlijk,
                "aanvraagtermijn_verstreken": peil > uiterlijk}
    register = actief()
    uit = {}
    for k, u in res.regelingen.items():
        if u.berekend:
            uit[k] = dict(algemeen)
            if register[k].peilfeiten is not None:
                uit[k].update(register[k].peilfeiten(u, res.invoer, res.parameters, peil))
    return uit


def feitkolommen(res: Resultaat) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    return huishoudkolommen(res.invoer, res.regelingen.get("wga")), regelingkolommen(res)


def feiten(h: Huishouden, res: Resultaat, i: int = 0, peildatum: date | None = None,
           kolommen: tuple[dict[str, Any], dict[str, dict[str, Any]]] | None = None) -> list[dict[str, Any]]:
    """The facts of household i of a batch result (``kolommen``: that batch's columns, when already built)."""
    huishouden_kol, regeling_kol = kolommen or feitkolommen(res)
    peil = peildatum or h.peildatum or date.today()
    per_peil = peilkolommen(res, peil)
    uit: list[dict[str, Any]] = [huishoudfeit(h, peil, huishouden_kol, i)]
    uit += gebeurtenisfeiten(h, res, i, peil)
    if res.invoer.n == 1:
        uit += armoedevalfeiten(h, res)
    for sleutel, kol in regeling_kol.items():
        feit = {**rij(kol, i), **rij(per_peil[sleutel], i)}
        feit["andere_toeslagen"] = ", ".join(k for k in andere_toeslagen() if res.invoer.ontvangt[k][i].sum() > 0)
        _afgeleid(feit, h)
        uit.append(feit)
    return uit


def per_huishouden(res: Resultaat, peil: date) -> np.ndarray:
    """(N, regels) bool: the signal rules that fire for each household of a synthetic population, in one pass.

    The facts are the ones ``feiten`` builds, as columns. A synthetic household has no debts, no events and
    no scan of its own, so the debt fields are zero and the event and armoedeval facts are absent."""
    regelset, _ = standaard_regelset()
    huishouden_kol, regeling_kol = feitkolommen(res)
    per_peil = peilkolommen(res, peil)
    geen_schulden = {"aantal_schuldeisers": 0, "aantal_publieke_schuldeisers": 0, "schuld_totaal": 0.0}
    tabellen = [{**huishouden_kol, **geen_schulden, "peildatum": peil}]
    tabellen += [{**kol, **per_peil[sleutel]} for sleutel, kol in regeling_kol.items()]
    register = actief()
    for tabel in tabellen:   # exactly the declared fields a population builds (checker/feitsoorten.py)
        feitsoorten.controleer_kolommen(tabel, register)
    return regelset.evalueer_kolommen(tabellen, res.invoer.n)


def per_code(res: Resultaat, peil: date, uit: set[str] = frozenset()) -> dict[str, np.ndarray]:
    """(N,) bool per signal code: which households of a population get it (rules or codes in ``uit`` switched off)."""
    regelset, regels = standaard_regelset()
    vuurt = per_huishouden(res, peil)
    codes: dict[str, np.ndarray] = {}
    for k, naam in enumerate(regelset.regelnamen):
        regel = regels[naam]
        if naam in uit or regel.code in uit:
            continue
        codes[regel.code] = codes.get(regel.code, np.zeros(res.invoer.n, dtype=bool)) | vuurt[:, k]
    return {code: v for code, v in sorted(codes.items()) if v.any()}


def tel(res: Resultaat, peil: date, uit: set[str] = frozenset()) -> dict[str, int]:
    """How many households of a population get each signal code (rules or codes in ``uit`` switched off)."""
    return {code: int(v.sum()) for code, v in per_code(res, peil, uit).items()}


# --- texts ----------------------------------------------------------------------------------------
class _Invuller(string.Formatter):
    def format_field(self, waarde: Any, spec: str) -> str:
        if spec == "euro":
            return opmaak.euro(float(waarde))
        if spec == "procent":
            return opmaak.procent(float(waarde))
        if spec == "datum":
            return opmaak.datum(date.fromisoformat(waarde) if isinstance(waarde, str) else waarde)
        return super().format_field(waarde, spec)


_invuller = _Invuller()


@cache
def _stukken(tekst: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """A text of a rule as (literal, field, format) pieces when every field is a plain name with a plain format,
    read once per text; None when a field needs more of ``string.Formatter`` (a conversion, an index, a nested
    format), which then fills the whole text."""
    stukken = []
    for letterlijk, veld, spec, conversie in _invuller.parse(tekst):
        if veld is not None and (not veld.isidentifier() or conversie is not None or "{" in spec):
            return None
        stukken.append((letterlijk, veld, spec or ""))
    return tuple(stukken)


def _vul(tekst: str, feit: dict, regel: str) -> str:
    try:
        stukken = _stukken(tekst)
        if stukken is None:
            return " ".join(_invuller.format(tekst, **feit).split())
        return " ".join("".join([letterlijk + (_invuller.format_field(feit[veld], spec) if veld is not None else "")
                                 for letterlijk, veld, spec in stukken]).split())
    except (KeyError, ValueError, IndexError) as e:
        raise RegelFout(f"signaalregel '{regel}': tekst verwijst naar een onbekend of ongeschikt veld ({e})") from None


def maak_signaal(regel: SignaalRegel, feit: dict, peil: date | None = None) -> dict[str, Any]:
    """The signal of a rule on a fact: texts filled in, and ``verlopen`` when its datum lies before ``peil`` (the
    household's peildatum): then ``actie`` and ``bewoner`` say what can still be done now (contract section 10)."""
    def vul(t: str) -> str:
        return _vul(t, feit, regel.naam)

    def zin(t: str) -> str:
        tekst = vul(t)
        return tekst[:1].upper() + tekst[1:]
    signaal: dict[str, Any] = {
        "code": regel.code, "ernst": regel.ernst, "titel": zin(regel.titel),
        "uitleg": zin(regel.uitleg), "actie": "", "instantie": vul(regel.instantie),
        "regelingen": [vul(r) for r in regel.regelingen], "bronnen": [vul(b) for b in regel.bronnen],
    }
    if regel.bedrag:
        signaal["bedrag"] = round(float(feit[regel.bedrag]), 2)
    verlopen = False
    if regel.datum:
        waarde = feit[regel.datum]
        datum = date.fromisoformat(waarde) if isinstance(waarde, str) else waarde
        signaal["datum"] = datum.isoformat()
        verlopen = peil is not None and datum < peil
    signaal["verlopen"] = verlopen
    signaal["actie"] = zin(regel.actie_verlopen if verlopen and regel.actie_verlopen else regel.actie)
    signaal["bewoner"] = zin(regel.bewoner_verlopen if verlopen and regel.bewoner_verlopen else regel.bewoner)
    signaal["regel"] = regel.naam
    return signaal


def sorteer(signalen: list[dict]) -> list[dict]:
    return sorted(signalen, key=lambda s: (ERNST_VOLGORDE[s["ernst"]], s.get("datum", "9999"), s["code"]))


def bepaal_veel(huishoudens: list[Huishouden], res: Resultaat, indices: list[int]) -> list[list[dict[str, Any]]]:
    """Signals for many households of one batch result at once (no ARMOEDEVAL: that needs a scan per household)."""
    regelset, regels = standaard_regelset()
    kolommen = feitkolommen(res)
    groepen = [feiten(h, res, i, kolommen=kolommen) for h, i in zip(huishoudens, indices)]
    uit = []
    for h, gevuurd in zip(huishoudens, regelset.evalueer_veel(groepen)):
        peil = h.peildatum or date.today()
        uniek = {(naam, feit["feit_nr"]): (naam, feit) for naam, feit in gevuurd}
        uit.append(sorteer([maak_signaal(regels[naam], feit, peil) for naam, feit in uniek.values()]))
    return uit


def bepaal(h: Huishouden, res: Resultaat, i: int = 0, regelset=None) -> list[dict[str, Any]]:
    regelset, regels = regelset or standaard_regelset()
    gevuurd = regelset.evalueer(feiten(h, res, i))
    # A rule with 'een_van' fires once per alternative that holds: one signal per rule and fact.
    uniek = {(naam, feit["feit_nr"]): (naam, feit) for naam, feit in gevuurd}
    peil = h.peildatum or date.today()
    return sorteer([maak_signaal(regels[naam], feit, peil) for naam, feit in uniek.values()])
