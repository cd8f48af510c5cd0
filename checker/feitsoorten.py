"""The facts the signal rules can see, declared: every fact type with its fields (name, type, meaning).

A signal rule in rules/signalen/*.yaml looks at one fact type (``feit``: huishouden, regeling, gebeurtenis,
armoedeval). What a fact of that type holds is declared here; a regeling adds the fields of its own 'regeling' fact in
its registration (``Regeling.feitvelden``, checker/regelingen/register.py). Loading the rules checks every condition,
every ``{placeholder}`` in the texts and the ``bedrag`` and ``datum`` fields against these declarations and refuses an
unknown field with the rule's name (``controleer_regel``); the facts built for one household and the columns built for
a population are checked against the same declarations (``controleer_feit``, ``controleer_kolommen``).

Types: waarheid (true/false), getal, geheel (a whole number), tekst, datum (a date, or the same as ISO text). A field
marked ``alleen_tekst`` serves the texts only: no condition may test it, and a population does not build it. A field
marked ``optioneel`` is not on every fact of its type (a condition on it simply does not hold where it is absent).
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

from .fouten import RegelFout
from .huishouden import GEBEURTENISSEN

if TYPE_CHECKING:
    from .regelingen.register import Regeling, Register

SOORTEN = ("waarheid", "getal", "geheel", "tekst", "datum")
GETALLEN = ("getal", "geheel")
ORDENING = ("groter_dan", "kleiner_dan", "ten_minste", "ten_hoogste")   # comparisons that need a number or a date


@dataclass(frozen=True)
class Veld:
    """One field of a fact: its name, type and meaning (Dutch, for whoever writes rules)."""
    naam: str
    soort: str
    betekenis: str
    alleen_tekst: bool = False   # only for the texts; no condition tests it and populations do not build it
    optioneel: bool = False      # not on every fact of its type
    # a month index (0 = January) that the texts also get as dates: <als_datum> (the last day of that month) and
    # <als_datum>_volgende_dag (the day after it)
    als_datum: str = ""
    waarden: tuple[str, ...] = ()   # the only values a text field takes (a condition with another never holds)

    def __post_init__(self):
        if self.soort not in SOORTEN:
            raise ValueError(f"veld {self.naam}: soort '{self.soort}' (kies uit {', '.join(SOORTEN)})")


@dataclass(frozen=True)
class Feitsoort:
    naam: str
    velden: tuple[Veld, ...]
    in_populatie: bool = True    # built for a population (as columns) too


def _samen(*groepen: Iterable[Veld]) -> dict[str, Veld]:
    """The fields of several groups by name; a field in two groups must have one type."""
    uit: dict[str, Veld] = {}
    for groep in groepen:
        for v in groep:
            if v.naam in uit and uit[v.naam].soort != v.soort:
                raise RegelFout(f"veld '{v.naam}' is twee keer gedeclareerd, als {uit[v.naam].soort} en als {v.soort}")
            uit.setdefault(v.naam, v)
    return uit


# --- the household ---------------------------------------------------------------------------------------------------
HUISHOUDEN = Feitsoort("huishouden", (
    Veld("jaar", "geheel", "het berekeningsjaar"),
    Veld("peildatum", "datum", "'vandaag' voor de termijnen"),
    Veld("heeft_partner", "waarheid", "er is een partner in ten minste één maand"),
    Veld("aantal_kinderen", "geheel", "kinderen (rol kind) in het huishouden"),
    Veld("vermogen", "getal", "de rendementsgrondslag box 3 op 1 januari"),
    Veld("heeft_winst", "waarheid", "de aanvrager of de partner heeft winst uit een eigen bedrijf"),
    Veld("ontvangt_toeslagvoorschot", "waarheid", "er komt nu een voorschot van een toeslag binnen"),
    Veld("ontvangt_wga", "waarheid", "de aanvrager of de partner krijgt nu een WGA-uitkering (opgegeven)"),
    Veld("inkomen_variatie_aanvrager", "getal", "spreiding van loon + winst per maand van de aanvrager "
                                                "(standaardafwijking gedeeld door het gemiddelde)"),
    Veld("inkomen_wisselt_aanvrager", "waarheid", "het inkomen uit werk van de aanvrager gaat echt op en neer"),
    Veld("inkomen_variatie_partner", "getal", "dezelfde spreiding voor de partner"),
    Veld("inkomen_wisselt_partner", "waarheid", "het inkomen uit werk van de partner gaat echt op en neer"),
    Veld("inkomen_variatie", "getal", "de grootste spreiding van de twee"),
    Veld("inkomen_richtingwisselingen", "geheel", "hoe vaak het inkomen uit werk omkeert (op en dan neer, of neer "
                                                  "en dan op), het meest van de twee"),
    Veld("inkomen_wisselt", "waarheid", "bij iemand gaat het inkomen uit werk echt op en neer"),
    Veld("wisselend_met_winst", "waarheid", "wisselend inkomen met winst uit een eigen bedrijf"),
    Veld("wisselend_wga_winst", "waarheid", "wie wisselende winst heeft, krijgt ook een WGA-uitkering"),
    Veld("wisselend_wga_loon", "waarheid", "wie wisselend loon (zonder winst) heeft, krijgt ook een WGA-uitkering"),
    Veld("aantal_schuldeisers", "geheel", "verschillende schuldeisers (een populatie heeft geen schulden: 0)"),
    Veld("aantal_publieke_schuldeisers", "geheel", "daarvan publieke schuldeisers (rules/schuldeisers.yaml)"),
    Veld("schuld_totaal", "getal", "alle schulden samen"),
    Veld("schuldeisers", "tekst", "de namen van de schuldeisers", alleen_tekst=True),
    Veld("publieke_schuldeisers", "tekst", "de namen van de publieke schuldeisers", alleen_tekst=True),
    Veld("wisselend_inkomen_van", "tekst", "wie het wisselende inkomen heeft (naam of rol)", alleen_tekst=True),
    Veld("wisselende_inkomsten", "tekst", "welke inkomsten wisselen (loon, winst uit een eigen bedrijf)",
         alleen_tekst=True),
    Veld("ontvangen_toeslagen", "tekst", "de toeslagen waarvan nu een voorschot binnenkomt (namen)", alleen_tekst=True),
))

# --- a life event (contract section 1, gebeurtenissen) ----------------------------------------------------------------
_TERMIJNEN = (
    ("doorgeven_uiterlijk", "de wijziging doorgeven aan Dienst Toeslagen (Awir art. 17)"),
    ("brp_uiterlijk", "de verhuizing aangeven bij de gemeente (Wet BRP art. 2.39)"),
    ("geboorteaangifte_uiterlijk", "de geboorte aangeven (BW Boek 1 art. 19e)"),
    ("ww_aanvragen_uiterlijk", "WW aanvragen bij UWV (WW art. 26)"),
    ("uwv_doorgeven_uiterlijk", "de wijziging doorgeven aan UWV (WW art. 25; Wet WIA art. 27)"),
    ("svb_doorgeven_uiterlijk", "de wijziging doorgeven aan de SVB (AOW art. 49; AKW art. 15)"),
)
GEBEURTENIS = Feitsoort("gebeurtenis", (
    Veld("soort", "tekst", "wat er gebeurt", waarden=tuple(GEBEURTENISSEN)),
    Veld("datum", "datum", "de datum van de gebeurtenis"),
    Veld("persoon", "tekst", "de id van de persoon om wie het gaat (leeg als er geen is)"),
    Veld("nummer", "geheel", "de plaats van de gebeurtenis in het huishoudbestand (0 = de eerste)"),
    *(Veld(naam, "datum", f"uiterste datum: {wat}") for naam, wat in _TERMIJNEN),
    *(Veld(f"{naam}_verstreken", "waarheid", f"de peildatum ligt na de uiterste datum om {wat}")
      for naam, wat in _TERMIJNEN),
    Veld("huurwoning", "waarheid", "het huishouden huurt"),
    Veld("toeslagvoorschot", "waarheid", "in de maand van de gebeurtenis of de maand ervoor komt een voorschot van "
                                         "een toeslag binnen"),
    Veld("ontvangen_toeslagen", "tekst", "die toeslagen (namen)", alleen_tekst=True),
    Veld("bijstand_ontvangen", "waarheid", "de aanvrager of de partner krijgt rond de gebeurtenis bijstand"),
    Veld("aow_ontvangen", "waarheid", "de aanvrager of de partner krijgt rond de gebeurtenis AOW"),
    Veld("persoon_naam", "tekst", "de naam of rol van de persoon (of 'iemand in het huishouden')", alleen_tekst=True),
    Veld("persoon_had_loon", "waarheid", "de persoon had loon rond de gebeurtenis"),
    Veld("persoon_ontvangt_ww", "waarheid", "de persoon krijgt WW rond de gebeurtenis"),
    Veld("persoon_ontvangt_wga", "waarheid", "de persoon krijgt een WGA-uitkering rond de gebeurtenis"),
    Veld("uwv_uitkeringen", "tekst", "die uitkeringen van UWV (namen)", alleen_tekst=True),
    Veld("persoon_onder_aow_leeftijd", "waarheid", "de persoon is op de datum jonger dan de AOW-leeftijd"),
    Veld("svb_regelingen", "tekst", "wat de SVB betaalt (AOW, kinderbijslag)", alleen_tekst=True),
    Veld("bedrag", "getal", "het bedrag van de gebeurtenis (bij een huurwijziging de nieuwe kale huur)",
         optioneel=True),
    Veld("oude_huur", "getal", "bij een huurwijziging: de kale huur in de maand ervoor", optioneel=True),
), in_populatie=False)

# --- earning more: the household recomputed along a person's loon or winst (rules/signalen/armoedeval.yaml) -----------
ARMOEDEVAL = Feitsoort("armoedeval", (
    Veld("persoon", "tekst", "wie meer verdient (naam of rol)"),
    Veld("bron", "tekst", "loon of winst", waarden=("loon", "winst")),
    Veld("huidig", "getal", "het huidige gemiddelde per maand"),
    Veld("tot", "getal", "tot waar samenloop doorrekent, per maand"),
    Veld("verlies", "getal", "de grootste daling van het huishoudinkomen bij één stap, per maand"),
    Veld("verlies_van", "getal", "waar die daling begint"),
    Veld("verlies_tot", "getal", "waar die daling eindigt"),
    Veld("druk", "getal", "het deel van de extra bruto euro's dat verloren gaat over het hele bereik"),
    Veld("houdt_over", "getal", "wat er overblijft van 100 euro extra bruto"),
    Veld("regelingen", "tekst", "de regelingen die veranderen (namen)"),
    Veld("instanties", "tekst", "hun instanties"),
    Veld("uitleg_sprong", "tekst", "de uitleg van de grootste daling", alleen_tekst=True),
), in_populatie=False)

# --- one regeling: every regeling's fact has these --------------------------------------------------------------------
REGELING = (
    Veld("regeling", "tekst", "de sleutel van de regeling (zorgtoeslag, kindgebonden_budget, ...)"),
    Veld("regeling_naam", "tekst", "de naam die gebruikers lezen"),
    Veld("instantie", "tekst", "wie de regeling uitvoert"),
    Veld("jaar", "geheel", "het berekeningsjaar"),
    Veld("volgend_jaar", "geheel", "het jaar erna"),
    Veld("recht", "waarheid", "er is recht (bij een heffing: er is iets te betalen)"),
    Veld("jaarbedrag", "getal", "het bedrag over het jaar"),
    Veld("ontvangst_bekend", "waarheid", "het huishoudbestand kan zeggen wat er nu van binnenkomt (een voorschot)"),
    Veld("automatisch_bij_andere_toeslag", "waarheid", "Dienst Toeslagen kent deze regeling vanzelf toe en het "
                                                       "huishouden krijgt al een andere toeslag"),
    Veld("vermogenstoets_1_januari", "waarheid", "de vermogenstoets gaat over het vermogen op 1 januari (Awir art. 7 "
                                                 "lid 3)"),
    Veld("partner_deel_van_jaar", "waarheid", "een partner in sommige maanden, niet in alle"),
    Veld("bron_recht", "tekst", "de wettelijke grondslag van het recht"),
    Veld("peildatum", "datum", "'vandaag' voor de termijnen"),
    Veld("aanvraag_uiterlijk", "datum", "tot wanneer de regeling over het jaar kan worden aangevraagd (Awir art. 15)"),
    Veld("aanvraag_uiterlijk_verstreken", "waarheid", "de peildatum ligt na die datum"),
    Veld("aanvraagtermijn_verstreken", "waarheid", "hetzelfde"),
    Veld("andere_toeslagen", "tekst", "de andere toeslagen waarvan een voorschot binnenkomt (sleutels)",
         alleen_tekst=True),
)
# ... a regeling with a voorschot (Regeling.voorschot) also these
VOORSCHOT = (
    Veld("ontvangt_jaar", "getal", "het voorschot dat dit jaar binnenkomt"),
    Veld("verschil_voorschot", "getal", "voorschot min berekend jaarbedrag"),
    Veld("terugvordering", "getal", "wat naar schatting terugbetaald moet worden"),
    Veld("nabetaling", "getal", "wat naar schatting wordt nabetaald"),
    Veld("terugvordering_drempel", "getal", "onder dit bedrag vordert Dienst Toeslagen niet terug"),
)
# ... a regeling whose fact has vermogen and vermogensgrens also these
VERMOGENSRUIMTE = (
    Veld("vermogen_ruimte", "getal", "hoeveel het vermogen onder de grens ligt (niet negatief)"),
    Veld("vermogen_boven_grens", "getal", "hoeveel het vermogen boven de grens ligt (niet negatief)"),
)

FEITSOORTEN = {f.naam: f for f in (HUISHOUDEN, GEBEURTENIS, ARMOEDEVAL)}
FEITSOORT_NAMEN = ("huishouden", "regeling", "gebeurtenis", "armoedeval")


def regelingvelden(r: "Regeling") -> dict[str, Veld]:
    """Every field of the 'regeling' fact of one regeling: the common ones, the voorschot's, its own, the dates of its
    month indices (``als_datum``), and the room to its vermogensgrens."""
    eigen = list(r.feitvelden)
    for v in r.feitvelden:
        if v.als_datum:
            eigen += [Veld(v.als_datum, "datum", f"de laatste dag van de maand {v.naam} (als die in het jaar ligt)",
                           alleen_tekst=True, optioneel=True),
                      Veld(f"{v.als_datum}_volgende_dag", "datum", f"de dag na {v.als_datum}", alleen_tekst=True,
                           optioneel=True)]
    velden = _samen(REGELING, VOORSCHOT if r.voorschot else (), eigen)
    if "vermogen" in velden and "vermogensgrens" in velden:
        velden = _samen(velden.values(), VERMOGENSRUIMTE)
    return velden


def velden(feit: str, register: "Register", regelingen: Iterable[str] | None = None) -> dict[str, Veld]:
    """The fields a rule on ``feit`` can see; for 'regeling' those of the regelingen it is about (all of them when it
    does not say), the common ones first."""
    if feit == "gebeurtenis":   # what an event means for a regeling, declared in its registration
        return _samen(GEBEURTENIS.velden, *(r.gebeurtenisvelden for r in register))
    if feit != "regeling":
        return {v.naam: v for v in FEITSOORTEN[feit].velden}
    sleutels = register.sleutels if regelingen is None else regelingen
    return _samen(REGELING, *(regelingvelden(register[k]).values() for k in sleutels))


# --- checking a rule ------------------------------------------------------------------------------------------------
def _plaatshouders(tekst: str) -> list[tuple[str, str]]:
    """The ``{veld}`` and ``{veld:opmaak}`` in a text: (field, format)."""
    uit = []
    for _, naam, opmaak, _ in string.Formatter().parse(tekst):
        if naam is not None and naam != "":
            uit.append((re.split(r"[.\[]", naam)[0], opmaak or ""))
    return uit


def _over_regelingen(als: dict[str, Any], register: "Register") -> list[str] | None:
    """The regelingen a rule's conditions pin it to (``regeling: x``, ``{gelijk_aan: x}``, ``{niet_gelijk_aan: x}``),
    or None when it may see every one."""
    spec = als.get("regeling")
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and isinstance(spec.get("gelijk_aan"), str):
        return [spec["gelijk_aan"]]
    if isinstance(spec, dict) and isinstance(spec.get("niet_gelijk_aan"), str):
        return [k for k in register.sleutels if k != spec["niet_gelijk_aan"]]
    return None


def _past(waarde: Any, soort: str) -> bool:
    if soort == "waarheid":
        return isinstance(waarde, bool)
    if soort in GETALLEN:
        return isinstance(waarde, (int, float)) and not isinstance(waarde, bool)
    if soort == "tekst":
        return isinstance(waarde, str)
    return isinstance(waarde, (str, date))


def controleer_regel(naam: str, feit: str, als: dict[str, Any], teksten: Iterable[str], bedrag: str | None,
                     datum: str | None, register: "Register") -> None:
    """Every field a rule uses, checked against the declared fields of its fact type: RegelFout with the rule's name
    for an unknown fact type, an unknown regeling, an unknown field, a condition on a field that is only for the texts,
    or a value or comparison that does not fit the field's type."""
    def fout(tekst: str) -> RegelFout:
        return RegelFout(f"signaalregel '{naam}': {tekst}")

    if feit not in FEITSOORT_NAMEN:
        raise fout(f"onbekend feit '{feit}' (kies uit {', '.join(FEITSOORT_NAMEN)})")
    regelingen = _over_regelingen(als, register) if feit == "regeling" else None
    for k in regelingen or ():
        if k not in register:
            raise fout(f"onbekende regeling '{k}' (kies uit {', '.join(register.sleutels)})")
    bekend = velden(feit, register, regelingen)
    waar = f"het feit '{feit}'" + (f" van {', '.join(regelingen)}" if regelingen and len(regelingen) < 3 else "")

    def veld(v: str, rol: str) -> Veld:
        if v not in bekend:
            raise fout(f"onbekend veld '{v}' in {rol}: {waar} heeft geen veld '{v}'"
                       + _suggestie(v, bekend))
        return bekend[v]

    def voorwaarden(blok: dict[str, Any]) -> None:
        for v, spec in blok.items():
            if v == "een_van":
                for alternatief in spec if isinstance(spec, list) else ():
                    if isinstance(alternatief, dict):
                        voorwaarden(alternatief)
                continue
            d = veld(v, "de voorwaarden")
            if d.alleen_tekst:
                raise fout(f"het veld '{v}' is alleen voor de teksten; een voorwaarde kan het niet toetsen")
            for op, rechts in (spec.items() if isinstance(spec, dict) else [("gelijk_aan", spec)]):
                if isinstance(rechts, dict):
                    ander = veld(str(rechts.get("veld")), "de voorwaarden")
                    if op in ORDENING and not (d.soort in GETALLEN and ander.soort in GETALLEN):
                        raise fout(f"'{v}' {op} '{ander.naam}' vergelijkt {d.soort} met {ander.soort}")
                    continue
                if op in ORDENING and d.soort not in (*GETALLEN, "datum"):
                    raise fout(f"'{v}' is {d.soort}: {op} kan alleen bij een getal of een datum")
                if not _past(rechts, d.soort):
                    raise fout(f"'{v}' is {d.soort}, maar de voorwaarde geeft {rechts!r}")
                waarden = register.sleutels if (feit, v) == ("regeling", "regeling") else d.waarden
                if waarden and rechts not in waarden:
                    raise fout(f"'{v}' is nooit {rechts!r} (kies uit {', '.join(waarden)})")

    voorwaarden(als)
    for tekst in teksten:
        for v, opmaak in _plaatshouders(tekst):
            d = veld(v, "de tekst")
            if opmaak in ("euro", "procent") and d.soort not in GETALLEN:
                raise fout(f"{{{v}:{opmaak}}}: '{v}' is {d.soort}, geen getal")
            if opmaak == "datum" and d.soort != "datum":
                raise fout(f"{{{v}:datum}}: '{v}' is {d.soort}, geen datum")
    if bedrag is not None and veld(bedrag, "bedrag").soort not in GETALLEN:
        raise fout(f"bedrag: '{bedrag}' is geen getal")
    if datum is not None and veld(datum, "datum").soort != "datum":
        raise fout(f"datum: '{datum}' is geen datum")


def _suggestie(v: str, bekend: dict[str, Veld]) -> str:
    import difflib
    dichtbij = difflib.get_close_matches(v, list(bekend), n=1)
    return f" (bedoelt u '{dichtbij[0]}'?)" if dichtbij else ""


# --- checking built facts against the declarations -------------------------------------------------------------------
def _verschil(sleutels: Iterable[str], verwacht: dict[str, Veld], waar: str, populatie: bool) -> None:
    gebouwd = set(sleutels) - {"t"}
    nodig = {n for n, v in verwacht.items() if not v.optioneel and not (populatie and v.alleen_tekst)}
    mag = {n for n, v in verwacht.items() if not (populatie and v.alleen_tekst)}
    ontbreekt, extra = sorted(nodig - gebouwd), sorted(gebouwd - mag)
    if ontbreekt or extra:
        raise RegelFout(f"{waar}: " + "; ".join(
            ([f"gedeclareerd maar niet gebouwd: {', '.join(ontbreekt)}"] if ontbreekt else [])
            + ([f"gebouwd maar niet gedeclareerd: {', '.join(extra)}"] if extra else [])))


def verwachte_velden(feit: dict[str, Any] | str, register: "Register") -> dict[str, Veld]:
    """The declared fields of a built fact (or of a fact type)."""
    soort = feit if isinstance(feit, str) else feit["t"]
    if soort == "regeling" and not isinstance(feit, str):
        return regelingvelden(register[feit["regeling"]])
    return velden(soort, register)


def controleer_feit(feit: dict[str, Any], register: "Register") -> None:
    """A fact built for one household holds exactly the declared fields of its type (optional ones may be absent)."""
    waar = f"feit '{feit['t']}'" + (f" van {feit['regeling']}" if feit["t"] == "regeling" else "")
    _verschil(feit, verwachte_velden(feit, register), waar, populatie=False)


def controleer_kolommen(kolommen: dict[str, Any], register: "Register") -> None:
    """The columns built for a population hold exactly the declared fields of their fact type that a population
    builds (all but the ones for the texts)."""
    soort = kolommen["t"]
    if soort == "regeling":
        verwacht = regelingvelden(register[kolommen["regeling"]])
        waar = f"populatiekolommen van regeling {kolommen['regeling']}"
    else:
        verwacht, waar = velden(soort, register), f"populatiekolommen van '{soort}'"
    _verschil(kolommen, verwacht, waar, populatie=True)


# --- small helpers the facts are built with (below both the regelingen and the signals) -------------------------------
def laatste_dag(jaar: int, maand_index: int) -> date:
    """The last day of month ``maand_index`` (0 = January of ``jaar``; 12 = January of the year after)."""
    volgende = date(jaar + (maand_index + 1) // 12, (maand_index + 1) % 12 + 1, 1)
    return date.fromordinal(volgende.toordinal() - 1)


def eerste_dag(jaar: int, maand_index: int) -> date:
    return date(jaar + maand_index // 12, maand_index % 12 + 1, 1)


def maand_als_datum(feit: dict[str, Any], velden_: Iterable[Veld], jaar: int) -> None:
    """Add the dates of the month indices a regeling declares with ``als_datum`` (when the index lies in the year)."""
    for v in velden_:
        m = feit.get(v.naam) if v.als_datum else None
        if m is not None and 0 <= int(m) <= 11:
            feit[v.als_datum] = laatste_dag(jaar, int(m))
            feit[f"{v.als_datum}_volgende_dag"] = feit[v.als_datum] + timedelta(days=1)


def iso_datums(datums: dict[int, date], sleutels: np.ndarray) -> np.ndarray:
    """(N,) ISO date strings for month indices, from a small table (the rules engine takes dates as text)."""
    tabel = {k: d.isoformat() for k, d in datums.items()}
    return np.array([tabel[int(k)] for k in sleutels], dtype=object) if sleutels.size else np.array([], dtype=object)


def ontvangen_rond(bedragen: tuple[float, ...], maand: int) -> bool:
    """Paid in ``maand`` (0 = January), the month of an event, or in the month before: it still runs when the
    event happens (a benefit that stopped months earlier brings no duty to report)."""
    return bedragen[maand] > 0 or (maand > 0 and bedragen[maand - 1] > 0)


def leeftijd_op(geboren: date, dag: date) -> int:
    """Age in whole years on ``dag``."""
    return dag.year - geboren.year - ((dag.month, dag.day) < (geboren.month, geboren.day))


def noem(persoon) -> str:
    """How the texts name a person: the id as a name ("Ronald"), or the role when the id is just the role."""
    if persoon.id.lower() in ("a", "p", "aanvrager", "partner"):
        return "de aanvrager" if persoon.rol == "aanvrager" else "de partner"
    return persoon.id[:1].upper() + persoon.id[1:]
