"""Signals: household + computed regelingen → facts → the rules engine → Dutch signals.

The rules live in rules/signalen/*.yaml, readable by a policy person (see the header of each file).
This module checks and compiles them into the engine's form, builds the facts, and fills the texts.
"""
from __future__ import annotations

import string
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from .yamllader import YAML_LADER
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import opmaak, paden
from .berekening import Resultaat
from .engine import Regelset
from .fouten import RegelFout
from .huishouden import Huishouden

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
    data = yaml.load((paden.regels() / "signalen" / thema_bestand).read_text(encoding="utf-8"), Loader=YAML_LADER)
    return dict(data.get("instellingen") or {})


def lees_regels(map_: Path | None = None) -> list[SignaalRegel]:
    map_ = map_ or paden.regels() / "signalen"
    regels: list[SignaalRegel] = []
    for pad in sorted(map_.glob("*.yaml")):
        data = yaml.load(pad.read_text(encoding="utf-8"), Loader=YAML_LADER) or {}
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
    data = yaml.load((paden.regels() / "schuldeisers.yaml").read_text(encoding="utf-8"), Loader=YAML_LADER)
    return tuple(str(x).lower() for x in data["publiek"])


def is_publiek(schuldeiser: str) -> bool:
    naam = schuldeiser.lower()
    return any(p in naam for p in publieke_schuldeisers())


def variatie(bedragen) -> float:
    """Coefficient of variation of monthly amounts (0 for a steady income)."""
    import numpy as np
    x = np.asarray(bedragen, dtype=float)
    gemiddeld = x.mean()
    return float(x.std() / gemiddeld) if gemiddeld > 0 else 0.0


def huishoudfeit(h: Huishouden, peil: date) -> dict[str, Any]:
    ouders = [p for p in (h.aanvrager, h.partner) if p is not None]
    schuldeisers = sorted({s.schuldeiser for s in h.schulden})
    publiek = [s for s in schuldeisers if is_publiek(s)]
    wisselend = [p for p in ouders if variatie([a + b for a, b in zip(p.inkomen.loon, p.inkomen.winst)]) > 0]
    ontvangt = {k: sum(getattr(h.ontvangt, k)) for k in type(h.ontvangt).model_fields}
    return {
        "t": "huishouden", "jaar": h.jaar, "peildatum": peil, "heeft_partner": h.partner is not None,
        "aantal_kinderen": len(h.kinderen), "vermogen": h.vermogen,
        "aantal_schuldeisers": len(schuldeisers), "aantal_publieke_schuldeisers": len(publiek),
        "publieke_schuldeisers": ", ".join(publiek), "schuldeisers": ", ".join(schuldeisers),
        "schuld_totaal": sum(s.bedrag for s in h.schulden),
        "heeft_winst": any(any(x != 0 for x in p.inkomen.winst) for p in ouders),
        "inkomen_variatie": max([variatie([a + b for a, b in zip(p.inkomen.loon, p.inkomen.winst)]) for p in ouders]),
        "wisselend_inkomen_van": " en ".join(noem(p) for p in wisselend),
        "ontvangt_toeslagvoorschot": any(v > 0 for v in ontvangt.values()),
        "ontvangen_toeslagen": ", ".join(REGELING_NAMEN[k] for k, v in ontvangt.items() if v > 0),
        "ontvangt_wga": any(any(p.inkomen.wga) for p in ouders),
    }


def gebeurtenisfeiten(h: Huishouden, res: Resultaat, i: int, doorgeven_dagen: int) -> list[dict[str, Any]]:
    from datetime import timedelta
    ht = res.regelingen.get("huurtoeslag")
    uit = []
    for nr, g in enumerate(h.gebeurtenissen):
        feit = {"t": "gebeurtenis", "soort": g.soort, "datum": g.datum, "persoon": g.persoon or "",
                "nummer": nr, "doorgeven_uiterlijk": g.datum + timedelta(days=doorgeven_dagen),
                "huurtoeslag_ontvangen": sum(h.ontvangt.huurtoeslag) > 0,
                "huurtoeslag_berekend": bool(ht is not None and ht.berekend),
                "huurtoeslag_recht": bool(ht is not None and ht.berekend and ht.recht[i]),
                "huurwoning": bool(h.wonen is not None and h.wonen.soort == "huur")}
        if g.bedrag is not None:
            feit["bedrag"] = g.bedrag
        if h.wonen is not None and g.soort == "huurwijziging":
            feit["oude_huur"] = h.wonen.kale_huur[max(0, g.datum.month - 2)]
        uit.append(feit)
    return uit


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


def _afgeleid(feit: dict[str, Any], h: Huishouden, res: Resultaat, i: int) -> None:
    """Fields the texts need that follow from the facts: dates from month indices, names, differences."""
    from datetime import timedelta
    for veld, naam in MAAND_ALS_DATUM.items():
        m = feit.get(veld)
        if m is not None and 0 <= int(m) <= 11:
            feit[naam] = laatste_dag(h.jaar, int(m))
            feit[f"{naam}_volgende_dag"] = feit[naam] + timedelta(days=1)
    if "wga_persoon" in feit:
        persoon = h.aanvrager if int(feit["wga_persoon"]) == 0 else h.partner
        feit["wga_persoon_naam"] = noem(persoon) if persoon else ""
        feit["wga_klif"] = max(0.0, float(feit.get("loonaanvulling_bij_inkomenseis", 0)) - float(feit.get("vervolguitkering", 0)))
    if feit["regeling"] == "smi" and 0 <= int(feit.get("eerste_maand_mogelijk", -1)) <= 11:
        feit["smi_vanaf"] = date(h.jaar, int(feit["eerste_maand_mogelijk"]) + 1, 1)
        feit["smi_bedrag_mogelijk"] = float(feit["bedrag_per_maand_mogelijk"]) * int(feit["maanden_mogelijk"])
    if feit["regeling"] == "kinderopvangtoeslag":
        feit["uitloop_maanden"] = int(res.parameters.waarde("kinderopvangtoeslag.uitloop_maanden"))
        feit["voorschot_per_maand"] = float(res.invoer.ontvangt["kinderopvangtoeslag"][i].max())
        feit["recht_na_uitloop"] = int(feit.get("laatste_maand_met_recht", -1)) > int(feit.get("uitloop_einde_maand", -1))


def armoedevalfeiten(h: Huishouden, res: Resultaat) -> list[dict[str, Any]]:
    """For each aanvrager/partner with loon or winst: the household recomputed with more of that income."""
    import numpy as np
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


def feiten(h: Huishouden, res: Resultaat, i: int = 0, peildatum: date | None = None) -> list[dict[str, Any]]:
    peil = peildatum or h.peildatum or date.today()
    uiterlijk = aanvraag_uiterlijk(h.jaar, int(res.parameters.waarde("algemeen.awir_aanvraag_uiterlijk_maand")))
    uit: list[dict[str, Any]] = [huishoudfeit(h, peil)]
    uit += gebeurtenisfeiten(h, res, i, int(res.parameters.waarde("algemeen.awir_wijziging_doorgeven_dagen")))
    if res.invoer.n == 1:
        uit += armoedevalfeiten(h, res)
    ontvangst = type(h.ontvangt).model_fields
    for sleutel, u in res.regelingen.items():
        if not u.berekend:
            continue
        feit: dict[str, Any] = {
            "t": "regeling", "regeling": sleutel, "regeling_naam": REGELING_NAMEN[sleutel],
            "instantie": u.instantie, "jaar": h.jaar, "volgend_jaar": h.jaar + 1,
            "recht": bool(u.recht[i]), "jaarbedrag": float(u.jaarbedrag[i]),
            "ontvangst_bekend": sleutel in ontvangst,
            "aanvraag_uiterlijk": uiterlijk, "aanvraagtermijn_verstreken": peil > uiterlijk,
            **u.signaalbronnen,
        }
        feit.update({k: v[i] for k, v in u.feiten.items()})
        # Dienst Toeslagen grants kindgebonden budget by itself to whoever already gets another toeslag
        andere = [k for k in ("zorgtoeslag", "huurtoeslag", "kinderopvangtoeslag") if res.invoer.ontvangt[k][i].sum() > 0]
        feit["automatisch_bij_andere_toeslag"] = sleutel == "kindgebonden_budget" and bool(andere)
        # the toeslagen test the vermogen of 1 January (Awir art. 7 lid 3, Wzt art. 3, Wkgb art. 1 lid 4);
        # bijstand tests it at the aanvraag, kwijtschelding uses what is above the vrijlating first
        feit["vermogenstoets_1_januari"] = sleutel in VERMOGEN_OP_1_JANUARI
        feit["andere_toeslagen"] = ", ".join(andere)
        if feit["ontvangst_bekend"]:
            feit["ontvangt_jaar"] = float(res.invoer.ontvangt[sleutel][i].sum())
            feit["verschil_voorschot"] = feit["ontvangt_jaar"] - feit["jaarbedrag"]
            feit["terugvordering"] = max(0.0, feit["verschil_voorschot"])
            feit["nabetaling"] = max(0.0, -feit["verschil_voorschot"])
            feit["terugvordering_drempel"] = float(res.parameters.waarde("algemeen.awir_terugvordering_niet_boven"))
        if "vermogen" in feit and "vermogensgrens" in feit:
            feit["vermogen_ruimte"] = max(0.0, feit["vermogensgrens"] - feit["vermogen"])
            feit["vermogen_boven_grens"] = max(0.0, feit["vermogen"] - feit["vermogensgrens"])
        feit["peildatum"] = peil
        _afgeleid(feit, h, res, i)
        uit.append(feit)
    return uit


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
    groepen = [feiten(h, res, i) for h, i in zip(huishoudens, indices)]
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
