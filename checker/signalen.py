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
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import opmaak, paden, yamllader
from .berekening import Resultaat
from .engine import Regelset
from .fouten import RegelFout
from .huishouden import Gebeurtenis, Huishouden, Ontvangt
from .invoer import Invoer

ERNST_VOLGORDE = {"hoog": 0, "midden": 1, "laag": 2, "info": 3}
OPERATOREN = {"gelijk_aan": "$eq", "niet_gelijk_aan": "$neq", "groter_dan": "$gt", "kleiner_dan": "$lt",
              "ten_minste": "$gte", "ten_hoogste": "$lte"}
REGELING_NAMEN = {
    "zorgtoeslag": "zorgtoeslag", "huurtoeslag": "huurtoeslag", "kindgebonden_budget": "kindgebonden budget",
    "kinderopvangtoeslag": "kinderopvangtoeslag", "kinderbijslag": "kinderbijslag", "wga": "WGA-uitkering",
    "bijstand": "bijstand", "kwijtschelding": "kwijtschelding gemeentelijke belastingen",
    "smi": "SMI-vergoeding kinderopvang", "inkomstenbelasting": "inkomstenbelasting",
}


class SignaalRegel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    code: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    ernst: Literal["hoog", "midden", "laag", "info"]
    feit: str
    als: dict[str, Any] = Field(min_length=1)
    titel: str
    uitleg: str
    actie: str
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


@cache
def instellingen(thema_bestand: str) -> dict[str, Any]:
    """The 'instellingen' block of a rule file under rules/signalen (settings the facts are built with)."""
    data = yamllader.lees_regels(paden.regels() / "signalen" / thema_bestand)
    return dict(data.get("instellingen") or {})


def lees_regels(map_: Path | None = None) -> list[SignaalRegel]:
    map_ = map_ or paden.regels() / "signalen"
    regels: list[SignaalRegel] = []
    for pad in sorted(map_.glob("*.yaml")):
        data = yamllader.lees_regels(pad) or {}
        for i, ruw in enumerate(data.get("regels", [])):
            try:
                regels.append(SignaalRegel.model_validate(ruw))
            except ValidationError as e:
                velden = "; ".join(f"{'.'.join(map(str, f['loc']))}: {f['msg']}" for f in e.errors())
                raise RegelFout(f"{pad.name}: signaalregel #{i} ({ruw.get('naam', '?')}) is ongeldig: {velden}") from None
    namen = [r.naam for r in regels]
    dubbel = {n for n in namen if namen.count(n) > 1}
    if dubbel:
        raise RegelFout(f"signaalregels met dezelfde naam: {', '.join(sorted(dubbel))}")
    return regels


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


def huishoudkolommen(inv: Invoer) -> dict[str, Any]:
    """The fields of the household fact that follow from the arrays, for every household of a batch at once."""
    werk = [ink["loon"] + ink["winst"] for ink in (inv.inkomen_aanvrager, inv.inkomen_partner)]
    variatie_a, variatie_p = variatie(werk[0]), variatie(werk[1])
    return {
        "t": "huishouden", "jaar": inv.jaar, "heeft_partner": inv.heeft_partner.any(axis=1),
        "aantal_kinderen": (inv.bewoner_aanwezig & inv.bewoner_is_kind).sum(axis=1), "vermogen": inv.vermogen,
        "heeft_winst": (inv.inkomen_aanvrager["winst"] != 0).any(axis=1) | (inv.inkomen_partner["winst"] != 0).any(axis=1),
        "inkomen_variatie_aanvrager": variatie_a, "inkomen_variatie_partner": variatie_p,
        "inkomen_variatie": np.maximum(variatie_a, variatie_p),
        "ontvangt_toeslagvoorschot": np.logical_or.reduce([v.sum(axis=1) > 0 for v in inv.ontvangt.values()]),
        "ontvangt_wga": (inv.inkomen_aanvrager["wga"] != 0).any(axis=1) | (inv.inkomen_partner["wga"] != 0).any(axis=1),
    }


def huishoudfeit(h: Huishouden, peil: date, kolommen: dict[str, Any], i: int) -> dict[str, Any]:
    """The household fact of household i: the array fields, and what only the household file holds (debts, names)."""
    schuldeisers = sorted({s.schuldeiser for s in h.schulden})
    publiek = [s for s in schuldeisers if is_publiek(s)]
    feit = rij(kolommen, i)
    wisselend = [p for p in (h.aanvrager, h.partner)
                 if p is not None and feit[f"inkomen_variatie_{p.rol}"] > 0]
    ontvangt = {k: sum(getattr(h.ontvangt, k)) for k in ONTVANGST}
    return {
        **feit, "peildatum": peil,
        "aantal_schuldeisers": len(schuldeisers), "aantal_publieke_schuldeisers": len(publiek),
        "publieke_schuldeisers": ", ".join(publiek), "schuldeisers": ", ".join(schuldeisers),
        "schuld_totaal": sum(s.bedrag for s in h.schulden),
        "wisselend_inkomen_van": " en ".join(noem(p) for p in wisselend),
        "ontvangen_toeslagen": ", ".join(REGELING_NAMEN[k] for k, v in ontvangt.items() if v > 0),
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
                **huurtoeslagfeiten(h, res, i),
                **ontvangstfeiten(h, g.datum.month - 1),
                **persoonsfeiten(h, g, float(res.parameters.waarde("algemeen.aow_leeftijd"))),
                "kinderbijslag_recht": heeft_recht(res, "kinderbijslag", i),
                "eerste_kind": eerste_kind(h, g.datum, float(res.parameters.waarde("kinderbijslag.maximumleeftijd")))}
        feit["svb_regelingen"] = opsomming([naam for naam, ja in (("AOW", feit["aow_ontvangen"]),
                                                                  ("kinderbijslag", feit["kinderbijslag_recht"])) if ja])
        if g.bedrag is not None:
            feit["bedrag"] = g.bedrag
        if h.wonen is not None and g.soort == "huurwijziging":
            feit["oude_huur"] = h.wonen.kale_huur[max(0, g.datum.month - 2)]
        uit.append(feit)
    return uit


def heeft_recht(res: Resultaat, regeling: str, i: int) -> bool:
    u = res.regelingen.get(regeling)
    return bool(u is not None and u.berekend and u.recht[i])


def huurtoeslagfeiten(h: Huishouden, res: Resultaat, i: int) -> dict[str, Any]:
    """Huurtoeslag over the whole year: received (voorschot), computed and a right to it, and a rented home."""
    ht = res.regelingen.get("huurtoeslag")
    return {"huurtoeslag_ontvangen": sum(h.ontvangt.huurtoeslag) > 0,
            "huurtoeslag_berekend": bool(ht is not None and ht.berekend),
            "huurtoeslag_recht": heeft_recht(res, "huurtoeslag", i),
            "huurwoning": bool(h.wonen is not None and h.wonen.soort == "huur")}


def ontvangen_rond(bedragen: tuple[float, ...], maand: int) -> bool:
    """Paid in ``maand`` (0 = January), the month of the event, or in the month before: it still runs when the
    event happens (a benefit that stopped months earlier brings no duty to report)."""
    return bedragen[maand] > 0 or (maand > 0 and bedragen[maand - 1] > 0)


def ontvangstfeiten(h: Huishouden, maand: int) -> dict[str, Any]:
    """What the household receives around an event: toeslag voorschotten (Awir art. 17 applies to
    a voorschot), bijstand (Participatiewet art. 17) and AOW (AOW art. 49) of the aanvrager or the partner."""
    ouders = [p for p in (h.aanvrager, h.partner) if p is not None]
    toeslagen = [k for k in ONTVANGST if ontvangen_rond(getattr(h.ontvangt, k), maand)]
    return {"toeslagvoorschot": bool(toeslagen),
            "ontvangen_toeslagen": opsomming([REGELING_NAMEN[k] for k in toeslagen]),
            "huurtoeslag_voorschot": "huurtoeslag" in toeslagen,
            "bijstand_ontvangen": any(ontvangen_rond(p.inkomen.bijstand, maand) for p in ouders),
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


def eerste_kind(h: Huishouden, geboren: date, maximumleeftijd: float) -> bool:
    """No other child in the household young enough for kinderbijslag on the birth date (AKW art. 7 lid 1). For a
    next child the SVB adjusts the kinderbijslag by itself; for the first one the parents apply (AKW art. 14 lid 1)."""
    return not any(h.geboortedatum(k) < geboren and leeftijd_op(h.geboortedatum(k), geboren) < maximumleeftijd
                   for k in h.kinderen)


def leeftijd_op(geboren: date, dag: date) -> int:
    return dag.year - geboren.year - ((dag.month, dag.day) < (geboren.month, geboren.day))


def opsomming(namen: list[str]) -> str:
    """Dutch enumeration: "a", "a en b", "a, b en c"."""
    return " en ".join([", ".join(namen[:-1]), namen[-1]]) if len(namen) > 1 else "".join(namen)


VERMOGEN_OP_1_JANUARI = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget")


def noem(persoon) -> str:
    """How the texts name a person: the id as a name ("Ronald"), or the role when the id is just the role."""
    if persoon.id.lower() in ("a", "p", "aanvrager", "partner"):
        return "de aanvrager" if persoon.rol == "aanvrager" else "de partner"
    return persoon.id[:1].upper() + persoon.id[1:]

# Month indices (0 = January) in regeling facts that the rules want as dates: the last day of that month
# (<naam>) and the first day after it (<naam>_volgende_dag).
MAAND_ALS_DATUM = {"uitloop_einde_maand": "uitloop_einde", "einde_loongerelateerd_maand": "einde_loongerelateerd",
                   "laatste_maand_met_recht": "laatste_dag_met_recht"}


def laatste_dag(jaar: int, maand_index: int) -> date:
    volgende = date(jaar + (maand_index + 1) // 12, (maand_index + 1) % 12 + 1, 1)
    return date.fromordinal(volgende.toordinal() - 1)


def _afgeleid(feit: dict[str, Any], h: Huishouden) -> None:
    """Fields only the texts need: dates from month indices, names."""
    from datetime import timedelta
    for veld, naam in MAAND_ALS_DATUM.items():
        m = feit.get(veld)
        if m is not None and 0 <= int(m) <= 11:
            feit[naam] = laatste_dag(h.jaar, int(m))
            feit[f"{naam}_volgende_dag"] = feit[naam] + timedelta(days=1)
    if "wga_persoon" in feit:
        persoon = h.aanvrager if int(feit["wga_persoon"]) == 0 else h.partner
        feit["wga_persoon_naam"] = noem(persoon) if persoon else ""
    if feit["regeling"] == "smi" and 0 <= int(feit.get("eerste_maand_mogelijk", -1)) <= 11:
        feit["smi_vanaf"] = date(h.jaar, int(feit["eerste_maand_mogelijk"]) + 1, 1)


def armoedevalfeiten(h: Huishouden, res: Resultaat) -> list[dict[str, Any]]:
    """For each aanvrager/partner with loon or winst: the household recomputed with more of that income."""
    from .scanner import _per_maand, bereken_scan
    inst = instellingen("armoedeval.yaml")
    uit = []
    for p in (h.aanvrager, h.partner):
        if p is None:
            continue
        bron = max(("loon", "winst"), key=lambda b: sum(getattr(p.inkomen, b)))
        huidig = float(np.mean(getattr(p.inkomen, bron)))
        if huidig <= 0:
            continue
        bedragen = huidig + np.arange(0.0, float(inst["bereik"]) + 1e-9, float(inst["stap"]))
        sres = bereken_scan(h, p.id, bron, bedragen, res.parameters)
        netto, regelingen = _per_maand(sres)
        d = np.diff(netto)
        k = int(np.argmin(d))
        veranderd = [s for s, v in regelingen.items() if abs(v[-1] - v[0]) > 0.5]
        druk = 1.0 - (netto[-1] - netto[0]) / (bedragen[-1] - bedragen[0])
        from .scanner import _Veranderingen, _uitleg_sprong
        v = _Veranderingen(regelingen)
        uit.append({
            "t": "armoedeval", "persoon": noem(p), "bron": bron, "huidig": huidig,
            "tot": float(bedragen[-1]), "verlies": float(max(0.0, -d[k])),
            "verlies_van": float(bedragen[k]), "verlies_tot": float(bedragen[k + 1]),
            "druk": float(druk), "houdt_over": float(100.0 * (1.0 - druk)),
            "regelingen": ", ".join(REGELING_NAMEN[s] for s in (veranderd or ["inkomstenbelasting"])),
            "instanties": ", ".join(sorted({res.regelingen[s].instantie for s in (veranderd or ["inkomstenbelasting"])})),
            "uitleg_sprong": _uitleg_sprong(noem(p), float(bedragen[k]), float(bedragen[k + 1]),
                                            float(d[k]), v, k, float(inst["stap"])),
        })
    return uit


ONTVANGST = tuple(Ontvangt.model_fields)
ANDERE_TOESLAGEN = ("zorgtoeslag", "huurtoeslag", "kinderopvangtoeslag")


def regelingkolommen(res: Resultaat) -> dict[str, dict[str, Any]]:
    """The fact of every computed regeling, as columns over all households of a batch."""
    inv, params = res.invoer, res.parameters
    ontvangen = {k: inv.ontvangt[k].sum(axis=1) for k in ONTVANGST}
    andere = np.logical_or.reduce([ontvangen[k] > 0 for k in ANDERE_TOESLAGEN])
    partner_deel_van_jaar = inv.heeft_partner.any(axis=1) & ~inv.heeft_partner.all(axis=1)
    uit = {}
    for sleutel, u in res.regelingen.items():
        if not u.berekend:
            continue
        kol: dict[str, Any] = {
            "t": "regeling", "regeling": sleutel, "regeling_naam": REGELING_NAMEN[sleutel],
            "instantie": u.instantie, "jaar": inv.jaar, "volgend_jaar": inv.jaar + 1,
            "recht": u.recht.astype(bool), "jaarbedrag": u.jaarbedrag.astype(float),
            "ontvangst_bekend": sleutel in ONTVANGST, **u.signaalbronnen, **u.feiten,
            # Dienst Toeslagen grants kindgebonden budget by itself to whoever already gets another toeslag
            "automatisch_bij_andere_toeslag": andere if sleutel == "kindgebonden_budget" else False,
            # the toeslagen test the vermogen of 1 January (Awir art. 7 lid 3, Wzt art. 3, Wkgb art. 1 lid 4);
            # bijstand tests it at the aanvraag, kwijtschelding uses what is above the vrijlating first
            "vermogenstoets_1_januari": sleutel in VERMOGEN_OP_1_JANUARI,
            "partner_deel_van_jaar": partner_deel_van_jaar,
        }
        if sleutel in ONTVANGST:
            kol["ontvangt_jaar"] = ontvangen[sleutel]
            kol["verschil_voorschot"] = kol["ontvangt_jaar"] - kol["jaarbedrag"]
            kol["terugvordering"] = np.maximum(0.0, kol["verschil_voorschot"])
            kol["nabetaling"] = np.maximum(0.0, -kol["verschil_voorschot"])
            kol["terugvordering_drempel"] = float(params.waarde("algemeen.awir_terugvordering_niet_boven"))
        if "vermogen" in kol and "vermogensgrens" in kol:
            kol["vermogen_ruimte"] = np.maximum(0.0, kol["vermogensgrens"] - kol["vermogen"])
            kol["vermogen_boven_grens"] = np.maximum(0.0, kol["vermogen"] - kol["vermogensgrens"])
        if "wga_persoon" in kol:
            kol["wga_klif"] = np.maximum(0.0, kol.get("loonaanvulling_bij_inkomenseis", 0.0)
                                         - kol.get("vervolguitkering", 0.0))
        if sleutel == "smi" and "bedrag_per_maand_mogelijk" in kol:
            kol["smi_bedrag_mogelijk"] = kol["bedrag_per_maand_mogelijk"] * kol["maanden_mogelijk"]
        if sleutel == "kinderopvangtoeslag":
            kol["uitloop_maanden"] = int(params.waarde("kinderopvangtoeslag.uitloop_maanden"))
            kol["voorschot_per_maand"] = inv.ontvangt["kinderopvangtoeslag"].max(axis=1)
            kol["recht_na_uitloop"] = (np.asarray(kol.get("laatste_maand_met_recht", -1))
                                       > np.asarray(kol.get("uitloop_einde_maand", -1)))
        uit[sleutel] = kol
    return uit


def peilvelden(jaar: int, peil: date, res: Resultaat) -> dict[str, Any]:
    """What depends on the peildatum ("today"): has the aanvraagtermijn of Awir art. 15 passed?"""
    uiterlijk = aanvraag_uiterlijk(jaar, int(res.parameters.waarde("algemeen.awir_aanvraag_uiterlijk_maand")))
    return {"peildatum": peil, "aanvraag_uiterlijk": uiterlijk, "aanvraagtermijn_verstreken": peil > uiterlijk}


def feitkolommen(res: Resultaat) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    return huishoudkolommen(res.invoer), regelingkolommen(res)


def feiten(h: Huishouden, res: Resultaat, i: int = 0, peildatum: date | None = None,
           kolommen: tuple[dict[str, Any], dict[str, dict[str, Any]]] | None = None) -> list[dict[str, Any]]:
    """The facts of household i of a batch result (``kolommen``: that batch's columns, when already built)."""
    huishouden_kol, regeling_kol = kolommen or feitkolommen(res)
    peil = peildatum or h.peildatum or date.today()
    per_peil = peilvelden(h.jaar, peil, res)
    uit: list[dict[str, Any]] = [huishoudfeit(h, peil, huishouden_kol, i)]
    uit += gebeurtenisfeiten(h, res, i, peil)
    if res.invoer.n == 1:
        uit += armoedevalfeiten(h, res)
    for kol in regeling_kol.values():
        feit = {**rij(kol, i), **per_peil}
        feit["andere_toeslagen"] = ", ".join(k for k in ANDERE_TOESLAGEN if res.invoer.ontvangt[k][i].sum() > 0)
        _afgeleid(feit, h)
        uit.append(feit)
    return uit


def per_huishouden(res: Resultaat, peil: date) -> np.ndarray:
    """(N, regels) bool: the signal rules that fire for each household of a synthetic population, in one pass.

    The facts are the ones ``feiten`` builds, as columns. A synthetic household has no debts, no events and
    no scan of its own, so the debt fields are zero and the event and armoedeval facts are absent."""
    regelset, _ = standaard_regelset()
    huishouden_kol, regeling_kol = feitkolommen(res)
    per_peil = peilvelden(res.invoer.jaar, peil, res)
    geen_schulden = {"aantal_schuldeisers": 0, "aantal_publieke_schuldeisers": 0, "schuld_totaal": 0.0}
    tabellen = [{**huishouden_kol, **geen_schulden, "peildatum": peil}]
    tabellen += [{**kol, **per_peil} for kol in regeling_kol.values()]
    return regelset.evalueer_kolommen(tabellen, res.invoer.n)


def tel(res: Resultaat, peil: date, uit: set[str] = frozenset()) -> dict[str, int]:
    """How many households of a population get each signal code (rules or codes in ``uit`` switched off)."""
    regelset, regels = standaard_regelset()
    vuurt = per_huishouden(res, peil)
    codes: dict[str, np.ndarray] = {}
    for k, naam in enumerate(regelset.regelnamen):
        regel = regels[naam]
        if naam in uit or regel.code in uit:
            continue
        codes[regel.code] = codes.get(regel.code, np.zeros(res.invoer.n, dtype=bool)) | vuurt[:, k]
    return {code: int(v.sum()) for code, v in sorted(codes.items()) if v.any()}


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


def _vul(tekst: str, feit: dict, regel: str) -> str:
    try:
        return " ".join(_invuller.format(tekst, **feit).split())
    except (KeyError, ValueError, IndexError) as e:
        raise RegelFout(f"signaalregel '{regel}': tekst verwijst naar een onbekend of ongeschikt veld ({e})") from None


def maak_signaal(regel: SignaalRegel, feit: dict) -> dict[str, Any]:
    def vul(t: str) -> str:
        return _vul(t, feit, regel.naam)

    def zin(t: str) -> str:
        tekst = vul(t)
        return tekst[:1].upper() + tekst[1:]
    signaal: dict[str, Any] = {
        "code": regel.code, "ernst": regel.ernst, "titel": zin(regel.titel),
        "uitleg": zin(regel.uitleg), "actie": zin(regel.actie), "instantie": vul(regel.instantie),
        "regelingen": [vul(r) for r in regel.regelingen], "bronnen": [vul(b) for b in regel.bronnen],
    }
    if regel.bedrag:
        signaal["bedrag"] = round(float(feit[regel.bedrag]), 2)
    if regel.datum:
        signaal["datum"] = str(feit[regel.datum])
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
    for gevuurd in regelset.evalueer_veel(groepen):
        uniek = {(naam, feit["feit_nr"]): (naam, feit) for naam, feit in gevuurd}
        uit.append(sorteer([maak_signaal(regels[naam], feit) for naam, feit in uniek.values()]))
    return uit


def bepaal(h: Huishouden, res: Resultaat, i: int = 0, regelset=None) -> list[dict[str, Any]]:
    regelset, regels = regelset or standaard_regelset()
    gevuurd = regelset.evalueer(feiten(h, res, i))
    # A rule with 'een_van' fires once per alternative that holds: one signal per rule and fact.
    uniek = {(naam, feit["feit_nr"]): (naam, feit) for naam, feit in gevuurd}
    return sorteer([maak_signaal(regels[naam], feit) for naam, feit in uniek.values()])
