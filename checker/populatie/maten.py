"""The model's measures of the official counts: for every record, how much it contributes to a measure named in
rules/populatie/doelen.yaml (``maat``). A weighted sum of a measure over the records is the model's figure for
the Netherlands; the calibration fits the weights so that these sums hit the official counts.

A measure is a name from a fixed vocabulary (``huishoudens.eenouder``, ``personen.kinderen_0_3``,
``ontvangers.huurtoeslag``, ``uitgaven.zorgtoeslag``) or one with age, income or wealth bands in its name
(``huishoudens.leeftijd_65_plus``, ``huishoudens.bruto_20_30`` in thousands of euros a year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..berekening import Resultaat
from ..fouten import RegelFout
from ..invoer import OPVANGSOORTEN, WIA_FASEN
from ..regelingen.register import actief
from . import inwonenden
from .gegevens import kenmerk
from .inwonenden import Inwonenden
from .records import TOESLAGEN, TYPEN, Records


@dataclass(frozen=True)
class Stand:
    """One slice of records with its computed regelingen and who receives what. A record is a household with, for
    the zorgtoeslag, its adult bewoners who claim in their own name (inwonenden.py): ``uitgaven``, ``recht``,
    ``ontvangers`` and ``met_recht`` count them too, as Dienst Toeslagen does; ``ontvangt`` is the household's own."""
    records: Records
    resultaat: Resultaat
    ontvangt: dict[str, np.ndarray]      # regeling -> (N,) bool: the household receives it (after niet-gebruik)
    inwonenden: Inwonenden               # what its adult bewoners get in their own name

    @property
    def n(self) -> int:
        return self.records.n

    def uitgaven(self, regeling: str) -> np.ndarray:
        """(N,) € per year paid to the household and its adult bewoners, after niet-gebruik."""
        eigen = np.where(self.ontvangt[regeling], self.resultaat.regelingen[regeling].jaarbedrag, 0.0)
        return eigen + self.inwonenden.uitgaven.get(regeling, 0.0)

    def recht(self, regeling: str) -> np.ndarray:
        """(N,) € per year with full take-up."""
        return self.resultaat.regelingen[regeling].jaarbedrag + self.inwonenden.recht.get(regeling, 0.0)

    def ontvangers(self, regeling: str) -> np.ndarray:
        """(N,) how many receive it: the household (0 or 1) and its adult bewoners in their own name."""
        return self.ontvangt[regeling] + self.inwonenden.ontvangers.get(regeling, 0.0)

    def met_recht(self, regeling: str) -> np.ndarray:
        """(N,) how many have a right to it."""
        return (self.resultaat.regelingen[regeling].jaarbedrag > 0) + self.inwonenden.met_recht.get(regeling, 0.0)


def afname(rec: Records, res: Resultaat, eerder: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Who receives each regeling: a toeslag when there is recht and the household does not leave it unclaimed (its
    draw against the niet-gebruik share); kindgebonden budget also comes by itself with another toeslag (Dienst
    Toeslagen grants it without an aanvraag); bijstand for the households that live on it below the AOW age, and
    above it (the AIO) for those who claim it; kwijtschelding for those who claim it (most in the bijstand do, the
    gemeente checks them automatically); the rest (no aanvraag or no known niet-gebruik) to everyone with recht.
    ``eerder``: who received what in the situation compared with (see ``stand``)."""
    jaar = rec.invoer.jaar
    register = actief()
    uit: dict[str, np.ndarray] = {}
    recht = {k: u.jaarbedrag > 0 for k, u in res.regelingen.items()}
    toeslagen = [register[k] for k in register.met_voorschot]
    for r in toeslagen:
        if not r.vanzelf_bij_andere_toeslag:
            k = r.sleutel
            uit[k] = recht[k] & (rec.trekking[k] >= float(kenmerk(f"niet_gebruik.{k}", jaar)))
    vanzelf = np.logical_or.reduce([uit[r.sleutel] for r in toeslagen if not r.vanzelf_bij_andere_toeslag])
    for r in toeslagen:
        if r.vanzelf_bij_andere_toeslag:
            k = r.sleutel
            al = eerder[k] if eerder is not None else False   # it keeps coming once it was granted
            uit[k] = recht[k] & (vanzelf | al | (rec.trekking[k] >= float(kenmerk(f"niet_gebruik.{k}", jaar))))
    aio = aow_huishouden(rec) & (rec.trekking["aio"] >= float(kenmerk("niet_gebruik.aio", jaar)))
    uit["bijstand"] = recht["bijstand"] & (rec.bijstand | aio)
    kw = kenmerk("gemeenten.kwijtschelding.niet_gebruik", jaar)
    niet = np.where(uit["bijstand"], float(kw["bijstand"]), float(kw["overige_minima"]))
    uit["kwijtschelding"] = recht["kwijtschelding"] & (rec.trekking["kwijtschelding"] >= niet)
    for k in register.sleutels:
        if k not in uit:
            uit[k] = recht[k]
    return uit


def aow_huishouden(rec: Records) -> np.ndarray:
    """(N,) the household receives AOW (aanvrager or partner)."""
    inv = rec.invoer
    return (inv.inkomen_aanvrager["aow"] > 0).any(axis=1) | (inv.inkomen_partner["aow"] > 0).any(axis=1)


def netto_besteedbaar(s: "Stand") -> np.ndarray:
    """Yearly netto besteedbaar inkomen of the aanvrager and partner (their own income and what they receive),
    without what the household leaves unclaimed, plus what its adult bewoners receive in their own name (their own
    income is not in it: the records hold it only as a gross amount)."""
    netto = s.resultaat.netto.maandbedragen.sum(axis=1)
    for k, u in s.resultaat.regelingen.items():
        if k in actief().bovenop_netto:
            netto = netto - np.where(s.ontvangt[k], 0.0, u.jaarbedrag) + s.inwonenden.uitgaven.get(k, 0.0)
    return netto


def stand(rec: Records, res: Resultaat, bewoners: Inwonenden | None = None,
          eerder: Stand | None = None) -> Stand:
    """The slice with who receives what; ``bewoners`` when the adult bewoners are already computed under the same
    parameters (their own income did not change); ``eerder`` the situation this one is compared with (the baseline
    of a reform, the household before it earns more): a toeslag that came by itself with another one is not stopped
    when that other one ends (take-up is the household's, not the scenario's)."""
    if bewoners is None:
        jaar = rec.invoer.jaar
        bewoners = inwonenden.bereken(rec.invoer, res.parameters, rec.trekking_bewoner,
                                      {k: float(kenmerk(f"niet_gebruik.{k}", jaar)) for k in inwonenden.EIGEN_NAAM})
    return Stand(records=rec, resultaat=res, ontvangt=afname(rec, res, eerder and eerder.ontvangt), inwonenden=bewoners)


# --- the vocabulary ----------------------------------------------------------------------------------------
def _type(code: str) -> Callable[[Stand], np.ndarray]:
    return lambda s: (s.records.type == TYPEN.index(code)).astype(float)


def _kinderen(s: Stand) -> np.ndarray:
    """(N, B) the children living at home on 1 January (a child born during the year is not yet counted, as in the
    CBS counts on 1 January)."""
    inv = s.records.invoer
    return inv.bewoner_aanwezig & inv.bewoner_is_kind & (_kindleeftijd(s) >= 0)


def _kindleeftijd(s: Stand) -> np.ndarray:
    inv = s.records.invoer
    return inv.jaar - 1 - inv.bewoner_geboren[..., 0]       # age on 1 January


def _kinderen_tussen(laag: int, hoog: int) -> Callable[[Stand], np.ndarray]:
    def maat(s: Stand) -> np.ndarray:
        a = _kindleeftijd(s)
        return (_kinderen(s) & (a >= laag) & (a <= hoog)).sum(axis=1).astype(float)
    return maat


def _aantal_kinderen(s: Stand) -> np.ndarray:
    return _kinderen(s).sum(axis=1)


def _jongste(s: Stand) -> np.ndarray:
    return np.where(_kinderen(s), _kindleeftijd(s), 999).min(axis=1)


def _aow_personen(s: Stand) -> np.ndarray:
    inv = s.records.invoer
    return ((inv.inkomen_aanvrager["aow"] > 0).any(axis=1).astype(float)
            + (inv.inkomen_partner["aow"] > 0).any(axis=1).astype(float))


def _aow_maanden(s: Stand) -> np.ndarray:
    """(N, 12) months in which the aanvrager or the partner receives AOW."""
    inv = s.records.invoer
    return (inv.inkomen_aanvrager["aow"] > 0) | (inv.inkomen_partner["aow"] > 0)


def _bijstand_per_maand(s: Stand) -> np.ndarray:
    """(N, 12) the bijstand the household receives (after niet-gebruik)."""
    return np.where(s.ontvangt["bijstand"][:, None], s.resultaat.regelingen["bijstand"].maandbedragen, 0.0)


def _bijstand_in_maanden(s: Stand, aow: bool) -> np.ndarray:
    """Yearly bijstand received in the months with (the AIO) or without AOW: someone who reaches the AOW age in the
    year gets bijstand before it and the AIO after it."""
    return np.where(_aow_maanden(s) == aow, _bijstand_per_maand(s), 0.0).sum(axis=1)


def _aow_onvolledig(s: Stand) -> np.ndarray:
    """AOW'ers with less than a full AOW (AOW art. 13 lid 1)."""
    inv = s.records.invoer
    heeft = np.stack([(inv.inkomen_aanvrager["aow"] > 0).any(axis=1), (inv.inkomen_partner["aow"] > 0).any(axis=1)], 1)
    return (heeft & (s.records.aow_opbouw < 1.0)).sum(axis=1).astype(float)


def _met_partner(s: Stand) -> np.ndarray:
    return s.records.invoer.heeft_partner.any(axis=1)


def _wia(fasen: tuple[str, ...]) -> Callable[[Stand], np.ndarray]:
    codes = [WIA_FASEN.index(f) for f in fasen]
    return lambda s: np.isin(s.records.invoer.wia_fase, codes).sum(axis=1).astype(float)


def _wga_klasse(klasse: str) -> Callable[[Stand], np.ndarray]:
    from ..invoer import WIA_KLASSEN

    def maat(s: Stand) -> np.ndarray:
        inv = s.records.invoer
        wga = np.isin(inv.wia_fase, [WIA_FASEN.index("loongerelateerd"), WIA_FASEN.index("na_loongerelateerd")])
        return (wga & (inv.wia_klasse == WIA_KLASSEN.index(klasse))).sum(axis=1).astype(float)
    return maat


def _opvang(soort: str) -> Callable[[Stand], np.ndarray]:
    code = OPVANGSOORTEN.index(soort)

    def maat(s: Stand) -> np.ndarray:
        inv = s.records.invoer
        return ((inv.opvang_soort == code).sum(axis=1) * s.ontvangt["kinderopvangtoeslag"]).astype(float)
    return maat


def _ontvangers(regeling: str) -> Callable[[Stand], np.ndarray]:
    return lambda s: s.ontvangers(regeling).astype(float)


def _uitgaven(regeling: str) -> Callable[[Stand], np.ndarray]:
    return lambda s: s.uitgaven(regeling)


def bruto_jaar(s: Stand) -> np.ndarray:
    """Gross yearly income of the household: aanvrager, partner, and the computed WGA and bijstand."""
    inv = s.records.invoer
    eigen = (sum(inv.inkomen_aanvrager.values()) + sum(inv.inkomen_partner.values())).sum(axis=1)
    return eigen + np.where(s.ontvangt["wga"], s.resultaat.regelingen["wga"].jaarbedrag, 0.0)


def _persoonlijk_inkomen(s: Stand) -> np.ndarray:
    """(N, 2 + B) gross yearly income of each person: aanvrager, partner (with the WGA as computed, and the bijstand
    received shared between the partners) and bewoners."""
    inv = s.records.invoer
    wga = s.resultaat.regelingen["wga"]
    partner = _met_partner(s)
    bijstand = np.where(s.ontvangt["bijstand"], s.resultaat.regelingen["bijstand"].jaarbedrag, 0.0)
    uit = []
    for rol, ink, deel in (("aanvrager", inv.inkomen_aanvrager, np.where(partner, 0.5, 1.0)),
                           ("partner", inv.inkomen_partner, np.where(partner, 0.5, 0.0))):
        jaar = sum(v for k, v in ink.items() if k != "wga").sum(axis=1) + deel * bijstand
        jaar = jaar + np.broadcast_to(wga.doorgifte.van(rol), (s.n, 12)).sum(axis=1)
        uit.append(jaar)
    return np.column_stack(uit + [inv.bewoner_inkomen.sum(axis=2)[:, b] for b in range(inv.bewoner_inkomen.shape[1])])


def _werkzaam(s: Stand) -> np.ndarray:
    """Persons with work (loon or winst) in the year, children of 15 and over with a job included."""
    inv = s.records.invoer
    a = ((inv.inkomen_aanvrager["loon"] > 0) | (inv.inkomen_aanvrager["winst"] != 0)).any(axis=1)
    p = ((inv.inkomen_partner["loon"] > 0) | (inv.inkomen_partner["winst"] != 0)).any(axis=1)
    kind = (inv.bewoner_aanwezig & (_kindleeftijd(s) >= 15) & (inv.bewoner_inkomen.sum(axis=2) > 0)).sum(axis=1)
    return a.astype(float) + p.astype(float) + kind.astype(float)


def _huur(corporatie: bool | None) -> Callable[[Stand], np.ndarray]:
    def maat(s: Stand) -> np.ndarray:
        huur = s.records.invoer.huurwoning
        if corporatie is None:
            return huur.astype(float)
        return (huur & (s.records.corporatie == corporatie)).astype(float)
    return maat


VAST: dict[str, Callable[[Stand], np.ndarray]] = {
    "huishoudens": lambda s: np.ones(s.n),
    "huishoudens.eenpersoons": _type("alleenstaand"),
    "huishoudens.paar_zonder_kinderen": _type("paar_zonder_kinderen"),
    "huishoudens.paar_met_kinderen": _type("paar_met_kinderen"),
    "huishoudens.eenouder": _type("eenouder"),
    "huishoudens.overig": _type("overig"),
    "huishoudens.meerpersoons_zonder_kinderen": lambda s: np.isin(s.records.type, (1, 4)).astype(float),
    "huishoudens.met_kinderen": lambda s: (_aantal_kinderen(s) > 0).astype(float),
    "huishoudens.kinderen_1": lambda s: (_aantal_kinderen(s) == 1).astype(float),
    "huishoudens.kinderen_2": lambda s: (_aantal_kinderen(s) == 2).astype(float),
    "huishoudens.kinderen_3plus": lambda s: (_aantal_kinderen(s) >= 3).astype(float),
    "huishoudens.jongste_kind_0_5": lambda s: (_jongste(s) <= 5).astype(float),
    "huishoudens.jongste_kind_18plus": lambda s: ((_jongste(s) >= 18) & (_jongste(s) < 999)).astype(float),
    "huishoudens.huur": _huur(None),
    "huishoudens.huur_corporatie": _huur(True),
    "huishoudens.huur_particulier": _huur(False),
    "huishoudens.koop": lambda s: (~s.records.invoer.huurwoning).astype(float),
    "huishoudens.aow": lambda s: (_aow_personen(s) > 0).astype(float),
    "huishoudens.bijstand": _ontvangers("bijstand"),
    "huishoudens.kinderopvangtoeslag": _ontvangers("kinderopvangtoeslag"),
    "huishoudens.met_minderjarige_kinderen": lambda s: (_kinderen_tussen(0, 17)(s) > 0).astype(float),
    "huishoudens.besteedbaar_gemiddeld": lambda s: netto_besteedbaar(s),
    "personen.kinderen_0_17": _kinderen_tussen(0, 17),
    "personen.thuiswonend_kind": lambda s: _kinderen(s).sum(axis=1).astype(float),
    "personen.werkzaam": _werkzaam,
    "personen.thuiswonend_18plus": _kinderen_tussen(18, 200),
    "personen.aow": _aow_personen,
    "personen.aow_alleenstaand": lambda s: np.where(_met_partner(s), 0.0, _aow_personen(s)),
    "personen.aow_samenwonend": lambda s: np.where(_met_partner(s), _aow_personen(s), 0.0),
    "personen.zzp": lambda s: s.records.zzp.sum(axis=1).astype(float),
    "personen.ww": lambda s: s.records.ww_maanden.sum(axis=(1, 2)) / 12.0,   # average over the months: a stock
    # below the AOW age (the AIO above it is counted apart)
    "personen.bijstand": lambda s: (s.ontvangt["bijstand"] & ~aow_huishouden(s.records)) * (1.0 + _met_partner(s)),
    "personen.aow_onvolledig": _aow_onvolledig,
    # receiving AIO in September (the SVB's count is of the end of September)
    "huishoudens.aio": lambda s: ((_bijstand_per_maand(s) > 0) & _aow_maanden(s))[:, 8].astype(float),
    "personen.wga": _wia(("loongerelateerd", "na_loongerelateerd")),
    "personen.wga_loongerelateerd": _wia(("loongerelateerd",)),
    "personen.iva": _wia(("iva",)),
    "personen.wia": _wia(("loongerelateerd", "na_loongerelateerd", "iva")),
    "kinderen.opvang_dagopvang": _opvang("dagopvang"),
    "kinderen.opvang_bso": _opvang("bso"),
    "kinderen.opvang_gastouder": _opvang("gastouder"),
    "kinderen.kinderopvangtoeslag": lambda s: ((s.records.invoer.opvang_soort > 0).sum(axis=1)
                                                * s.ontvangt["kinderopvangtoeslag"]).astype(float),
    # the bijstand paid in months without AOW, and the AIO: the bijstand paid in months with AOW
    "uitgaven.bijstand": lambda s: _bijstand_in_maanden(s, aow=False),
    "uitgaven.aio": lambda s: _bijstand_in_maanden(s, aow=True),
    "uitgaven.ww": lambda s: (s.records.invoer.inkomen_aanvrager["ww"]
                              + s.records.invoer.inkomen_partner["ww"]).sum(axis=1),
    "kinderen.kinderbijslag": lambda s: np.where(s.ontvangt["kinderbijslag"], _kinderen_tussen(0, 17)(s), 0.0),
    "personen.zorgtoeslag": lambda s: np.where(s.ontvangt["zorgtoeslag"],
                                               s.records.invoer.verzekerd_aanvrager.astype(float)
                                               + (_met_partner(s) & s.records.invoer.verzekerd_partner), 0.0)
                                      + s.inwonenden.ontvangers["zorgtoeslag"],
    # toeslaghuishoudens with at least one toeslag: the household, and each adult bewoner with one in his or her name
    "ontvangers.toeslag_een_of_meer": lambda s: (np.logical_or.reduce([s.ontvangt[k] for k in TOESLAGEN])
                                                 + sum(s.inwonenden.ontvangers.values())),
}

_BAND = re.compile(r"^(huishoudens\.(?:leeftijd|bruto|vermogen)|personen\.kinderen|personen\.persoonlijk_inkomen)"
                   r"_(\d+)_(\d+|plus)$")


def _banden(naam: str) -> Callable[[Stand], np.ndarray] | None:
    m = _BAND.match(naam)
    if m is None:
        return None
    soort, laag, hoog = m.group(1), int(m.group(2)), m.group(3)
    boven = np.inf if hoog == "plus" else float(hoog)
    if soort == "huishoudens.leeftijd":          # age of the oldest adult (aanvrager or partner) on 1 January
        def maat(s: Stand) -> np.ndarray:
            inv = s.records.invoer
            a = inv.jaar - 1 - inv.geboren_aanvrager[:, 0]
            p = np.where(_met_partner(s), inv.jaar - 1 - inv.geboren_partner[:, 0], 0)
            oudste = np.maximum(a, p)
            return ((oudste >= laag) & (oudste <= boven)).astype(float)
        return maat
    if soort == "personen.kinderen":
        return _kinderen_tussen(laag, int(min(boven, 200)))
    if soort == "huishoudens.bruto":              # thousands of euros a year, the upper bound excluded
        return lambda s: ((bruto_jaar(s) >= 1000 * laag) & (bruto_jaar(s) < 1000 * boven)).astype(float)
    if soort == "personen.persoonlijk_inkomen":  # persons with income, thousands of euros a year
        def maat(s: Stand) -> np.ndarray:   # in euros of 2022, the year of the CBS table
            ink = _persoonlijk_inkomen(s) / float(kenmerk("inkomen.index_2022", s.records.invoer.jaar))
            return ((ink > 0) & (ink >= 1000 * laag) & (ink < 1000 * boven)).sum(axis=1).astype(float)
        return maat
    if soort == "huishoudens.vermogen":
        return lambda s: ((s.records.invoer.vermogen >= 1000 * laag)
                          & (s.records.invoer.vermogen < 1000 * boven)).astype(float)
    return None


def functie(naam: str) -> Callable[[Stand], np.ndarray]:
    """The measure named ``naam``; an unknown name is an error in the data, naming it."""
    if naam in VAST:
        return VAST[naam]
    soort, _, regeling = naam.partition(".")
    from ..berekening import REGELINGEN
    if soort == "ontvangers" and regeling in REGELINGEN:
        return _ontvangers(regeling)
    if soort == "uitgaven" and regeling in REGELINGEN:
        return _uitgaven(regeling)
    if soort == "met_recht" and regeling in REGELINGEN:
        return lambda s: s.met_recht(regeling).astype(float)
    band = _banden(naam)
    if band is not None:
        return band
    raise RegelFout(f"rules/populatie/doelen.yaml: onbekende maat '{naam}'")


def is_gemiddelde(naam: str) -> bool:
    """A measure that is an average over households (its weighted sum is divided by the households)."""
    return naam.endswith("_gemiddeld")


def matrix(s: Stand, namen: list[str]) -> np.ndarray:
    """(N, len(namen)): each record's contribution to each measure."""
    return np.stack([functie(n)(s).astype(float) for n in namen], axis=1) if namen else np.zeros((s.n, 0))
