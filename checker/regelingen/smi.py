"""SMI — tegemoetkoming in de kosten van kinderopvang op sociaal-medische indicatie (gemeentelijk beleid).

There is no national law: gemeenten base SMI on art. 149 Gemeentewet, art. 35 Participatiewet (bijzondere bijstand)
or art. 1.13 Wet kinderopvang, each with its own beleidsregels (rules/gemeenten/<id>.yaml, part ``smi``).
The common core of their regelingen (examples per setting in rules/gemeenten/standaard.yaml):
- a parent (or the partner) cannot care for the child for medical or social reasons, shown by an indication;
- the child is in registered childcare and is not older than the gemeente's maximum age;
- the household has no right to kinderopvangtoeslag in that month (e.g. Woudenberg CVDR702654);
- the gemeente pays the costs, often capped like the kinderopvangtoeslag (hours, maximum uurprijs), minus an eigen
  bijdrage, for a limited period, and not for months before the aanvraag unless its policy says so.

samenloop has no aanvraag date: it shows the months with a possible right and their amounts; the uitleg says that
SMI must be applied for and is not paid over months before the aanvraag.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld
from ..invoer import OPVANGSOORTEN, VOORAF, Invoer, jaartotaal
from ..parameters import ParameterLezer, Parameters
from ._gemeentebeleid import Beleid
from .register import Regeling
from ._uitkomst import Uitkomst, nodig
from .kinderopvangtoeslag import KinderopvangRecht

REGELING = "smi"
INSTANTIE = "gemeente"
GRONDSLAG = ("gemeentelijke beleidsregels SMI (art. 149 Gemeentewet, art. 35 Participatiewet of art. 1.13 Wet "
             "kinderopvang)")
KOT_MAX_UREN = "kinderopvangtoeslag.max_uren_per_maand"
KOT_MAX_UURPRIJS = "kinderopvangtoeslag.max_uurprijs_{}"


def ouder_kan_niet_zorgen(inv: Invoer) -> np.ndarray:
    """(N, 12) the aanvrager, or the partner in a month with a partner, cannot care for the child."""
    return inv.kan_niet_zorgen[:, 0:1] | (inv.kan_niet_zorgen[:, 1:2] & inv.heeft_partner)


def geen_ouder_beschikbaar(inv: Invoer) -> np.ndarray:
    """(N, 12) no parent can look after the child: each parent either cannot care or has a (rechtgevende) activity
    such as work (Wet kinderopvang art. 1.6 lid 1), and at least one cannot care. A parent at home who can care
    makes SMI unnecessary (e.g. Woudenberg CVDR702654: "tijdelijk niet in staat om voor de kinderen te zorgen")."""
    act_a, act_p = inv.activiteit_aanvrager[:, VOORAF:], inv.activiteit_partner[:, VOORAF:]
    aanvrager_weg = inv.kan_niet_zorgen[:, 0:1] | act_a
    partner_weg = ~inv.heeft_partner | inv.kan_niet_zorgen[:, 1:2] | act_p
    return ouder_kan_niet_zorgen(inv) & aanvrager_weg & partner_weg


def kinderen_in_opvang(inv: Invoer, maximumleeftijd: np.ndarray) -> np.ndarray:
    """(N, B, 12) a child of the household in childcare that month, born and not older than the gemeente's maximum
    age on the first day of the month."""
    leeftijd = inv.leeftijd("bewoner")                                                 # (N, B, 12)
    kind = inv.bewoner_aanwezig & inv.bewoner_is_kind & (inv.opvang_soort > 0)
    return kind[:, :, None] & (inv.opvang_uren > 0) & (leeftijd >= 0) & (leeftijd <= maximumleeftijd[:, None, None])


def kinderopvangtoeslag_recht(eerder: dict[str, Uitkomst]) -> np.ndarray:
    """(N, 12) a right to kinderopvangtoeslag that month (Wet kinderopvang art. 1.5-1.6), as the kinderopvangtoeslag
    hands it on."""
    return np.asarray(nodig(eerder, "kinderopvangtoeslag", KinderopvangRecht, REGELING).per_maand, dtype=bool)


def kot_maxima(p) -> tuple[float, np.ndarray]:
    """Maximum hours per child per month and maximum uurprijs per OPVANGSOORTEN code, as for the
    kinderopvangtoeslag (Besluit kinderopvangtoeslag art. 3-4). Every year has them: a year without them is a broken
    rules file (the reader says which parameter is missing), not a reason to leave the costs uncapped."""
    ids = [KOT_MAX_UREN] + [KOT_MAX_UURPRIJS.format(s) for s in OPVANGSOORTEN[1:]]
    return float(p(KOT_MAX_UREN)), np.array([0.0] + [float(p(x)) for x in ids[1:]])


def kosten_per_kind(inv: Invoer, in_opvang: np.ndarray, begrensd: np.ndarray, maxima) -> np.ndarray:
    """(N, B, 12) the childcare costs the gemeente takes into account: hours × uurprijs, capped like the
    kinderopvangtoeslag where its policy says so."""
    uren = np.where(in_opvang, inv.opvang_uren, 0.0)
    prijs = np.broadcast_to(inv.opvang_uurprijs[:, :, None], uren.shape)
    if maxima is not None:
        max_uren, max_prijs = maxima
        b = begrensd[:, None, None]
        uren = np.where(b, np.minimum(uren, max_uren), uren)
        prijs = np.where(b, np.minimum(prijs, max_prijs[inv.opvang_soort][:, :, None]), prijs)
    return np.round(uren * prijs, 2)


def binnen_maximale_duur(mogelijk: np.ndarray, maximale_duur: np.ndarray) -> np.ndarray:
    """(N, 12) the first ``maximale_duur`` months with a possible right; later months need a new aanvraag."""
    return mogelijk & (np.cumsum(mogelijk, axis=1) <= maximale_duur[:, None])


BELEIDSREGELS = ("terugwerkende_kracht_maanden", "maximale_duur_maanden", "maximumleeftijd_kind",
                 "kosten_begrensd_als_kinderopvangtoeslag", "eigen_bijdrage_percentage")


@dataclass(frozen=True, eq=False)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    beleid: Beleid
    kan_niet: np.ndarray        # (N, 12) a parent cannot care for the child
    niemand: np.ndarray         # (N, 12) no parent can look after the child
    in_opvang: np.ndarray       # (N, B, 12) children in childcare within the gemeente's age
    kot: np.ndarray             # (N, 12) a right to kinderopvangtoeslag
    voorwaarden: np.ndarray     # (N, 12) all conditions but the kinderopvangtoeslag test
    na_aanvraag: np.ndarray     # (N, 12) months an aanvraag on the peildatum reaches
    mogelijk: np.ndarray        # (N, 12) possible right from the peildatum (with retroactivity)
    binnen: np.ndarray          # (N, 12) ... within the maximale duur
    begrensd: np.ndarray        # (N,) costs capped as for the kinderopvangtoeslag
    maxima: tuple | None        # (max hours, max uurprijs per soort) when some household is capped
    kosten: np.ndarray          # (N, B, 12)
    eigen: np.ndarray           # (N,) eigen bijdrage as a fraction
    per_maand: np.ndarray       # (N, 12) what the gemeente pays in a month with a right
    maandbedragen: np.ndarray
    jaarbedrag: np.ndarray
    terug: np.ndarray           # (N,) months of retroactivity

    @property
    def gemist(self) -> np.ndarray:
        """(N, 12) months SMI was possible but an aanvraag on the peildatum no longer reaches."""
        return self.voorwaarden & ~self.kot & ~self.na_aanvraag

    def feiten(self) -> dict[str, np.ndarray]:
        aantal, gemist = self.binnen.sum(axis=1), self.gemist
        return {
            "maanden_mogelijk": aantal,
            "maanden_gemist": gemist.sum(axis=1),
            "bedrag_gemist": np.where(gemist, self.per_maand, 0.0).sum(axis=1),
            "bedrag_per_maand_mogelijk": np.where(aantal > 0, self.jaarbedrag / np.maximum(aantal, 1), 0.0),
            "terugwerkende_kracht_maanden": np.round(self.terug).astype(int),
            "eerste_maand_mogelijk": np.where(self.binnen.any(axis=1), np.argmax(self.binnen, axis=1), -1),
            "maanden_boven_maximale_duur": (self.mogelijk & ~self.binnen).sum(axis=1),
            "maanden_geen_ouder_beschikbaar_met_opvang": self.voorwaarden.sum(axis=1),
            "vermogen": self.inv.vermogen,
            "vermogensgrens": np.zeros(self.inv.n),
            "jaarbedrag_zonder_vermogenstoets": self.jaarbedrag,
        }

    # --- explanation --------------------------------------------------------------------------------------------
    def _bron(self, i: int) -> str:
        return "SMI-beleid: standaard van samenloop" if self.beleid.ids[i] == "standaard" else \
            f"SMI-beleid {self.beleid.naam(i)}"

    def uitleg(self, i: int) -> list[str]:
        bron = self._bron(i)
        geen = self._geen_smi(i, bron)
        if geen:
            return geen
        r = [self._niemand_kan_zorgen(i)] + self._niet_mogelijk(i, bron)
        if not self.mogelijk[i].any():
            return r
        m = int(np.argmax(self.binnen[i]))
        r += [self._kind(i, b, m, bron) for b in np.flatnonzero(self.in_opvang[i, :, m])]
        return r + [self._eigen_bijdrage(i, m, bron), self._duur(i, bron), self._aanvragen(i, bron)]

    def _geen_smi(self, i: int, bron: str) -> list[str]:
        """The core conditions of the gemeentelijke regelingen, as the single reason there is no SMI."""
        if not self.kan_niet[i].any():
            return [f"Geen SMI: geen ouder die om medische of sociale redenen niet voor het kind kan zorgen ({bron})."]
        if not self.in_opvang[i].any():
            return [f"Geen SMI: er is geen kind tot en met "
                    f"{int(self.beleid.record(i, 'maximumleeftijd_kind').waarde)} jaar in de kinderopvang ({bron})."]
        if not self.niemand[i].any():
            return [f"Geen SMI: een ouder kan niet voor het kind zorgen, maar de andere ouder werkt niet en kan dat "
                    f"wel ({bron})."]
        return []

    def _niemand_kan_zorgen(self, i: int) -> str:
        mnd = opmaak.maanden
        return (f"Een ouder kan om medische of sociale redenen niet voor het kind zorgen en geen andere ouder kan het "
                f"overnemen in {mnd(np.flatnonzero(self.niemand[i]))}, en er is kinderopvang in "
                f"{mnd(np.flatnonzero(self.in_opvang[i].any(axis=0)))}; de gemeente kan dan de kinderopvang "
                f"vergoeden ({GRONDSLAG}).")

    def _niet_mogelijk(self, i: int, bron: str) -> list[str]:
        """Months without SMI: a right to kinderopvangtoeslag, before the aanvraag, or none at all."""
        mnd, r = opmaak.maanden, []
        met_kot = np.flatnonzero(self.voorwaarden[i] & self.kot[i])
        if met_kot.size:
            r.append(f"In {mnd(met_kot)} is er recht op kinderopvangtoeslag; dan geen SMI (Wet kinderopvang art. "
                     f"1.5-1.6; {bron}).")
        gemist = self.gemist[i]
        if gemist.any():
            r.append(f"In {mnd(np.flatnonzero(gemist))} was SMI mogelijk geweest, maar een aanvraag die nu wordt "
                     f"gedaan (peildatum) werkt niet zo ver terug: die maanden zijn verloren ({bron}).")
        if not self.mogelijk[i].any():
            r.append(f"Geen maand vanaf de peildatum zonder recht op kinderopvangtoeslag waarin een ouder niet kan "
                     f"zorgen: geen SMI ({bron}).")
        return r

    def _kind(self, i: int, b: int, m: int, bron: str) -> str:
        """One child's costs in month m: hours × uurprijs, capped where the policy says so."""
        e, inv = opmaak.euro, self.inv
        uren, prijs = inv.opvang_uren[i, b, m], inv.opvang_uurprijs[i, b]
        soort = OPVANGSOORTEN[inv.opvang_soort[i, b]]
        grens = ""
        if self.begrensd[i] and self.maxima is not None:
            grens = (f" (de gemeente telt ten hoogste {self.maxima[0]:.0f} uur en "
                     f"{e(self.maxima[1][inv.opvang_soort[i, b]], centen=True)} per uur, zoals bij de "
                     "kinderopvangtoeslag)")
        return (f"Kind {b + 1} ({soort}), {opmaak.MAANDNAMEN[m]}: {uren:g} uur × {e(prijs, centen=True)}{grens} = "
                f"{e(self.kosten[i, b, m], centen=True)} ({bron}).")

    def _eigen_bijdrage(self, i: int, m: int, bron: str) -> str:
        e = opmaak.euro
        if self.eigen[i] > 0:
            return (f"Eigen bijdrage {opmaak.procent(self.eigen[i])}: de gemeente betaalt "
                    f"{e(self.per_maand[i, m], centen=True)} per maand ({bron}).")
        return (f"Zonder eigen bijdrage betaalt de gemeente {e(self.per_maand[i, m], centen=True)} per maand; veel "
                f"gemeenten vragen een inkomensafhankelijke eigen bijdrage ({bron}).")

    def _duur(self, i: int, bron: str) -> str:
        """The months with a possible right, within the gemeente's maximale duur."""
        mnd = opmaak.maanden
        later = np.flatnonzero(self.mogelijk[i] & ~self.binnen[i])
        duur = int(self.beleid.record(i, "maximale_duur_maanden").waarde)
        return (f"Mogelijk recht in {mnd(np.flatnonzero(self.binnen[i]))}: samen "
                f"{opmaak.euro(self.jaarbedrag[i], centen=True)}; de gemeente geeft SMI voor ten hoogste {duur} maanden"
                + (f", voor {mnd(later)} is een nieuwe aanvraag nodig" if later.size else "") + f" ({bron}).")

    def _aanvragen(self, i: int, bron: str) -> str:
        """SMI is applied for at the gemeente and reaches back only as far as its policy allows."""
        t = int(self.terug[i])
        return ("SMI vraagt u aan bij de gemeente, met een indicatie van bijvoorbeeld huisarts, CJG of GGD. "
                + ("De gemeente betaalt niet over maanden vóór de aanvraag: vraag het dus nu aan, iedere maand wachten "
                   "is verloren" if t == 0 else f"De gemeente betaalt ten hoogste {t} maanden terug vóór de aanvraag")
                + f" ({bron}; terugwerkende kracht {t} maanden).")

    def bronnen(self, i: int) -> list[str]:
        beleid = self.beleid
        uit = [GRONDSLAG, "Wet kinderopvang art. 1.5-1.6 (geen recht op kinderopvangtoeslag)"]
        if beleid.bron(i):
            uit.append(f"{beleid.naam(i)}: {beleid.bron(i)}")
        for s in BELEIDSREGELS:
            uit.append(f"smi.{s}: {beleid.record(i, s).bron}")
        return uit + [f"{r.id}: {r.bron}" for r in (self.parameters.record(x) for x in self.p.gelezen)]

    def waarschuwingen(self, i: int) -> list[str]:
        w = ["SMI is gemeentelijk beleid: voorwaarden, indicatie, eigen bijdrage en duur verschillen per gemeente."]
        return w + (self.beleid.onzeker(i, list(BELEIDSREGELS)) if self.voorwaarden[i].any() else [])


def _berekening(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst]) -> _Berekening:
    """Every step of the calculation, per household and month, under the household's gemeentelijk beleid."""
    p = parameters.lezer()
    beleid = Beleid(inv, REGELING, parameters.gemeente_wijzigingen)

    kan_niet = ouder_kan_niet_zorgen(inv)
    niemand = geen_ouder_beschikbaar(inv)
    in_opvang = kinderen_in_opvang(inv, beleid.getal("maximumleeftijd_kind"))
    kot = kinderopvangtoeslag_recht(eerder)
    voorwaarden = niemand & in_opvang.any(axis=1)                                       # all but the KOT test
    terug = beleid.getal("terugwerkende_kracht_maanden")
    # An aanvraag made at the peildatum covers that month and the months of retroactivity the policy allows.
    vanaf = inv.peildatum_maand - np.round(terug).astype(int)
    na_aanvraag = np.arange(12)[None, :] >= vanaf[:, None]
    mogelijk = voorwaarden & ~kot & na_aanvraag
    binnen = binnen_maximale_duur(mogelijk, beleid.getal("maximale_duur_maanden"))

    begrensd = beleid.vlag("kosten_begrensd_als_kinderopvangtoeslag")
    maxima = kot_maxima(p) if begrensd.any() else None
    kosten = kosten_per_kind(inv, in_opvang, begrensd, maxima)
    eigen = beleid.getal("eigen_bijdrage_percentage")
    per_maand = np.round(kosten.sum(axis=1) * (1.0 - eigen[:, None]), 2)                 # (N, 12)
    maandbedragen = np.where(binnen, per_maand, 0.0)
    return _Berekening(
        inv=inv, parameters=parameters, p=p, beleid=beleid, kan_niet=kan_niet, niemand=niemand, in_opvang=in_opvang,
        kot=kot, voorwaarden=voorwaarden, na_aanvraag=na_aanvraag, mogelijk=mogelijk, binnen=binnen,
        begrensd=begrensd, maxima=maxima, kosten=kosten, eigen=eigen, per_maand=per_maand,
        maandbedragen=maandbedragen, jaarbedrag=np.round(jaartotaal(maandbedragen), 2), terug=terug)


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    b = _berekening(inv, parameters, eerder or {})
    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=b.maandbedragen, jaarbedrag=b.jaarbedrag,
        recht=b.jaarbedrag > 0, uitleg=b.uitleg, bronnen=b.bronnen, waarschuwingen=b.waarschuwingen, lezer=b.p,
        signaalbronnen={"bron_recht": GRONDSLAG, "bron_vermogen": "SMI: geen landelijke vermogenstoets",
                        "bron_terugwerkende_kracht": "gemeentelijke beleidsregels SMI (ingangsdatum = datum aanvraag)"},
        feiten=b.feiten(),
        details={"mogelijk_per_maand": b.binnen, "kosten_per_kind": b.kosten},
    )


def signaalfeiten(u: Uitkomst, inv: Invoer, parameters: Parameters) -> dict:
    return {"smi_bedrag_mogelijk": u.feiten["bedrag_per_maand_mogelijk"] * u.feiten["maanden_mogelijk"]}


def tekstfeiten(feit: dict, h) -> dict:
    eerste = int(feit["eerste_maand_mogelijk"])
    return {"smi_vanaf": date(h.jaar, eerste + 1, 1)} if 0 <= eerste <= 11 else {}


FEITVELDEN = (
    Veld("maanden_mogelijk", "geheel", "maanden vanaf de peildatum waarin SMI mogelijk is (binnen de maximale duur)"),
    Veld("maanden_gemist", "geheel", "maanden waarin SMI mogelijk was maar die een aanvraag nu niet meer haalt"),
    Veld("bedrag_gemist", "getal", "wat die maanden samen waren"),
    Veld("bedrag_per_maand_mogelijk", "getal", "de SMI-vergoeding per maand, gemiddeld"),
    Veld("smi_bedrag_mogelijk", "getal", "de SMI-vergoeding over die maanden samen"),
    Veld("eerste_maand_mogelijk", "geheel", "de eerste maand (0 = januari) met mogelijke SMI, -1 als er geen is"),
    Veld("smi_vanaf", "datum", "de eerste dag van die maand", alleen_tekst=True, optioneel=True),
    Veld("terugwerkende_kracht_maanden", "geheel", "hoeveel maanden de gemeente terug vergoedt"),
    Veld("maanden_boven_maximale_duur", "geheel", "maanden waarvoor een nieuwe aanvraag nodig is"),
    Veld("maanden_geen_ouder_beschikbaar_met_opvang", "geheel", "maanden waarin geen ouder kan zorgen en er opvang is"),
    Veld("vermogen", "getal", "het vermogen (SMI kent geen landelijke vermogenstoets)"),
    Veld("vermogensgrens", "getal", "0: geen vermogensgrens"),
    Veld("jaarbedrag_zonder_vermogenstoets", "getal", "het jaarbedrag"),
    Veld("bron_vermogen", "tekst", "dat er geen landelijke vermogenstoets is"),
    Veld("bron_terugwerkende_kracht", "tekst", "de grondslag van de ingangsdatum"),
)

REGISTRATIE = Regeling(
    sleutel=REGELING, naam="SMI-vergoeding kinderopvang", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    nodig={"kinderopvangtoeslag": KinderopvangRecht},   # SMI only without that right
    feitvelden=FEITVELDEN, signaalfeiten=signaalfeiten, tekstfeiten=tekstfeiten, rang=100,
)
