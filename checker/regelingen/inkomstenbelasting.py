"""Inkomstenbelasting box 1 and premies volksverzekeringen — Wet inkomstenbelasting 2001 (Wet IB 2001,
BWBR0011353) with the Wet financiering sociale verzekeringen (Wfsv, BWBR0017745) — plus the inkomensafhankelijke
bijdrage Zorgverzekeringswet (Zvw, BWBR0018450) that a person owes himself.

Each person (aanvrager and partner) is taxed on his own income, over the whole calendar year:

- box 1 = loon + belastbare winst + WW + WGA + AOW + pensioen + bijstand + overig (art. 3.1). Belastbare winst
  = winst − ondernemersaftrek − MKB-winstvrijstelling (art. 3.2). The ondernemersaftrek modelled is the
  zelfstandigenaftrek, only with the urencriterium (art. 3.76 lid 1), halved from AOW age at the start of the year
  (lid 4), at most the winst (lid 5); the MKB-winstvrijstelling is a percentage of the winst after
  ondernemersaftrek (art. 3.79a), so of a loss too (it then shrinks the loss). A loss lowers box 1.
- belasting from the table of art. 2.10 lid 1 (art. 2.10a for those born before 1946), plus the aftrekbeperking of
  art. 2.10 lid 2 for ondernemersaftrek and MKB-winstvrijstelling that fall in the top bracket.
- premies volksverzekeringen over box 1 up to the first bracket limit (Wfsv art. 8 lid 3, art. 10 lid 1); no AOW
  premium from the first day of the month in which the AOW age is reached (Wfsv art. 10 lid 2). For the year of
  reaching it the AOW premium is taken as months-before-that-month / 12 of the year's premium (a whole-year
  simplification; the law's ministeriële regeling for part-year premieplicht was not seen).
- heffingskortingen: algemene heffingskorting over the verzamelinkomen (art. 8.10), arbeidskorting over the
  arbeidsinkomen (art. 8.11), inkomensafhankelijke combinatiekorting (art. 8.14a), ouderenkorting (art. 8.17) and
  alleenstaande ouderenkorting (art. 8.18). The law's amounts are split over belasting and premies in the ratio of
  the rates (art. 8.3-8.6); without AOW premieplicht the AOW part falls away (Wfsv art. 12 lid 1; the same monthly
  fraction as the premium), except for the ouderenkortingen whose AOW part is nil anyway (art. 8.7). Together they
  are at most belasting + premies (art. 8.8): non-refundable. The partner's verhoging of art. 8.9 (born before
  1963) is not computed; it is reported.
- Zvw: the bijdrage over belastbare winst and over AOW and pensioen (loon on which no werkgeversheffing is paid),
  up to the maximum bijdrage-inkomen minus the loon with werkgeversheffing (Zvw art. 43 lid 2, 3 en 5, art. 45).

Arbeidsinkomen (art. 8.1 lid 1 onder e) = winst uit onderneming + loon (+ resultaat uit overige werkzaamheden, not
in the input). "Winst" there is the winst of art. 3.8, before ondernemersaftrek and MKB-winstvrijstelling (which
art. 3.2 only subtracts to get the belastbare winst); WW, WGA, AOW, pensioen, bijstand are not arbeidsinkomen.

The verzamelinkomen is box 1 only (box 2 and 3 are not modelled), at least nil. The jaarbedrag is the tax due
over the year (positive = to pay), most of which is withheld as loonheffing during the year. It is spread over
the months in proportion to each month's positive gross income (a presentation choice, not a legal rule).
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld
from ..invoer import Invoer, jaartotaal
from ..parameters import ParameterLezer, Parameters
from .register import Regeling
from ._uitkomst import Onderdeel, Uitkomst, nodig
from .wga import WgaBruto

REGELING = "inkomstenbelasting"
INSTANTIE = "Belastingdienst"
ROLLEN = ("aanvrager", "partner")
ROLNAAM = {"aanvrager": "Aanvrager", "partner": "Partner"}
BOX1_BRONNEN = ("loon", "winst", "ww", "wga", "aow", "pensioen", "bijstand", "overig")
BRONNAAM = {"loon": "loon", "winst": "belastbare winst", "ww": "WW", "wga": "WGA/WIA", "aow": "AOW",
            "pensioen": "pensioen", "bijstand": "bijstand", "overig": "overig"}
# Zvw art. 42: the inhoudingsplichtige (werkgever, UWV, gemeente) pays the bijdrage over this loon.
LOON_MET_WERKGEVERSHEFFING = ("loon", "ww", "wga", "bijstand")
# Zvw art. 43 lid 2 onder a: loon of an inhoudingsplichtige without werkgeversheffing; withheld (art. 49 lid 2).
LOON_MET_EIGEN_BIJDRAGE = ("aow", "pensioen")
MAANDEN = 12  # calendar


@dataclass(frozen=True)
class InkomenNaBelasting:
    """What the inkomstenbelasting hands on: the verzamelinkomen (for the toeslagen the toetsingsinkomen, Awir art. 8
    lid 1), the household's net income per month, and the bijstand received now, gross as taxed here and net as it
    is paid (for the bijstand and the kwijtschelding, which test net income)."""
    verzamelinkomen: np.ndarray                    # (N, 2) aanvrager, partner; box 1 only, at least nil
    netto_per_maand: np.ndarray                    # (N, 12) gross minus tax, the partner's in partner months
    netto_zonder_bijstand_per_maand: np.ndarray    # (N, 12) the other income after the tax it would bear alone
    bijstand_netto_per_maand: np.ndarray           # (N, 12) the bijstand received now, after its own tax
    bijstand_uit_netto: np.ndarray                 # (N,) bool: that bijstand was given net (inkomen.bijstand_netto)
    bijstand_bruto_aanvrager: np.ndarray           # (N, 12) the bijstand received now, gross as taxed here
    bijstand_bruto_partner: np.ndarray             # (N, 12)
    bijstand_bruto_bewoners: np.ndarray            # (N, B, 12) the gross of the bewoners' net bijstand (nil if none)


def werk_invoer_bij(inv: Invoer, d: InkomenNaBelasting) -> Invoer:
    """The household as every regeling after the inkomstenbelasting sees it: the toetsingsinkomen is the computed
    verzamelinkomen (Awir art. 8 lid 1), and bijstand given net (inkomen.bijstand_netto) stands as the gross the
    income tax derived (Participatiewet art. 19 lid 2), as if that gross had been given: in inkomen_*["bijstand"],
    and for kinderen and medebewoners in bewoner_inkomen (once: their net amounts are then cleared)."""
    nieuw: dict = {"toetsingsinkomen": d.verzamelinkomen}
    if inv.bijstand_netto is not None:
        nieuw["inkomen_aanvrager"] = {**inv.inkomen_aanvrager, "bijstand": d.bijstand_bruto_aanvrager}
        nieuw["inkomen_partner"] = {**inv.inkomen_partner, "bijstand": d.bijstand_bruto_partner}
    if inv.bewoner_bijstand_netto is not None:
        nieuw["bewoner_inkomen"] = inv.bewoner_inkomen + d.bijstand_bruto_bewoners
        nieuw["bewoner_bijstand_netto"] = None
    return inv.met(**nieuw)


# --- who and when -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Leeftijdsstatus:
    """AOW status of one person over the year, from the date of birth."""
    maanden_aow_premie: np.ndarray   # (N,) months before the month in which the AOW age is reached (Wfsv art. 10 lid 2)
    aow_einde_jaar: np.ndarray       # (N,) bool: AOW age reached at the end of the year (art. 8.17 lid 1)
    aow_begin_jaar: np.ndarray       # (N,) bool: AOW age reached at the start of the year (art. 3.76 lid 2, 4)
    aow_maand: np.ndarray            # (N, 12) bool: month on or after the month of reaching AOW age
    voor_1946: np.ndarray            # (N,) bool: born before the year of art. 2.10a


def leeftijdsstatus(geboren: np.ndarray, jaar: int, p) -> Leeftijdsstatus:
    """AOW age (AOW art. 7a, algemeen.aow_leeftijd) per month. The AOW premium stops from the first day of the
    month in which the AOW age is reached (Wfsv art. 10 lid 2), whatever the day. 'At the start of the year' the AOW
    age is reached when it was reached before the year or on 1 January itself."""
    leeftijd_maanden = int(round(p("algemeen.aow_leeftijd") * MAANDEN))
    eerste_aow_maand = geboren[:, 0] * MAANDEN + geboren[:, 1] - 1 + leeftijd_maanden   # absolute month index
    maanden = jaar * MAANDEN + np.arange(MAANDEN)
    aow_maand = maanden[None, :] >= eerste_aow_maand[:, None]
    return Leeftijdsstatus(
        maanden_aow_premie=(~aow_maand).sum(axis=1),
        aow_einde_jaar=aow_maand[:, -1],
        aow_begin_jaar=((eerste_aow_maand < jaar * MAANDEN)
                        | ((eerste_aow_maand == jaar * MAANDEN) & (geboren[:, 2] == 1))),
        aow_maand=aow_maand,
        voor_1946=geboren[:, 0] < p("inkomstenbelasting.geboren_voor_jaar_tabel_2_10a"),
    )


def inkomen_per_bron(inv: Invoer, eerder: dict[str, Uitkomst], rol: str) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """(N, 12) per box-1 source of one person; the WGA/WIA benefit as the wga regeling computed it for a person with
    a WIA situation, else as given in the household (inkomen.wga). Returns also (N,) bool: the WGA came from the
    regeling."""
    inkomen = dict(inv.inkomen_aanvrager if rol == "aanvrager" else inv.inkomen_partner)
    wga = nodig(eerder, "wga", WgaBruto, REGELING)
    uit_regeling = inv.wia_fase[:, ROLLEN.index(rol)] > 0
    berekend = np.broadcast_to(np.asarray(wga.van(rol), dtype=float), (inv.n, MAANDEN))
    inkomen["wga"] = np.where(uit_regeling[:, None], berekend, inkomen["wga"])
    return {b: np.asarray(inkomen[b], dtype=float) for b in BOX1_BRONNEN}, uit_regeling


# --- winst --------------------------------------------------------------------------------------------
def zelfstandigenaftrek(winst: np.ndarray, urencriterium: np.ndarray, aow_begin_jaar: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 3.76: for an ondernemer who meets the urencriterium (lid 1), the amount of lid 2, 50% of it
    with AOW age at the start of the year (lid 4), at most the winst (lid 5). Startersaftrek (lid 3) not modelled."""
    bedrag = p("inkomstenbelasting.zelfstandigenaftrek") * np.where(
        aow_begin_jaar, p("inkomstenbelasting.zelfstandigenaftrek_factor_aow"), 1.0)
    return np.where(urencriterium, np.minimum(np.maximum(winst, 0.0), bedrag), 0.0)


def mkb_winstvrijstelling(winst_na_ondernemersaftrek: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 3.79a: a percentage of the winst after ondernemersaftrek; of a loss too (then negative:
    the loss that lowers box 1 shrinks by the same percentage)."""
    return p("inkomstenbelasting.mkb_winstvrijstelling") * winst_na_ondernemersaftrek


# --- belasting and premies ----------------------------------------------------------------------------
def schijf_index(inkomen: np.ndarray, tabel: list[dict]) -> np.ndarray:
    """Index of the row of the table of art. 2.10 lid 1: "meer dan" column I, "niet meer dan" column II."""
    vanaf = np.array([rij["vanaf"] for rij in tabel], dtype=float)
    return np.clip(np.searchsorted(vanaf, np.maximum(inkomen, 0.0), side="left") - 1, 0, len(tabel) - 1)


def belasting_volgens_tabel(inkomen: np.ndarray, tabel: list[dict]) -> np.ndarray:
    """Wet IB 2001 art. 2.10 lid 1 (art. 2.10a lid 1): column III plus the column IV percentage of the part of the
    belastbaar inkomen uit werk en woning above column I. Nil for an income of nil or less."""
    idx = schijf_index(inkomen, tabel)
    vanaf = np.array([rij["vanaf"] for rij in tabel], dtype=float)[idx]
    basis = np.array([rij["basis"] for rij in tabel], dtype=float)[idx]
    tarief = np.array([rij["tarief"] for rij in tabel], dtype=float)[idx]
    return np.where(inkomen > 0, basis + tarief * (np.maximum(inkomen, 0.0) - vanaf), 0.0)


def aftrekbeperking(box1: np.ndarray, posten: np.ndarray, tabel: list[dict], p) -> np.ndarray:
    """Wet IB 2001 art. 2.10 lid 2-3: the percentage of the part of (box 1 + grondslagverminderende posten) above
    the last column-I amount, at most that percentage of the posten."""
    hoogste = float(tabel[-1]["vanaf"])
    pct = p("inkomstenbelasting.aftrekbeperking_percentage")
    return pct * np.minimum(posten, np.maximum(0.0, box1 + posten - hoogste))


def premie_volksverzekeringen(box1: np.ndarray, premiegrens: np.ndarray, maanden_aow_premie: np.ndarray,
                              p) -> tuple[np.ndarray, np.ndarray]:
    """Wfsv art. 8 lid 1 en 3, art. 10: the percentages of art. 11 over the premie-inkomen (box 1, at most the first
    column-II amount of the applicable table). AOW premium only for the months before the month of reaching AOW age
    (art. 10 lid 2), as a fraction of the year. Returns (AOW premium, Anw + Wlz premium)."""
    premie_inkomen = np.clip(box1, 0.0, premiegrens)
    aow = p("inkomstenbelasting.premie_aow") * premie_inkomen * maanden_aow_premie / MAANDEN
    anw_wlz = (p("inkomstenbelasting.premie_anw") + p("inkomstenbelasting.premie_wlz")) * premie_inkomen
    return aow, anw_wlz


# --- heffingskortingen --------------------------------------------------------------------------------
def algemene_heffingskorting(verzamelinkomen: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 8.10 lid 2: the maximum, reduced (not below nil) by a percentage of the verzamelinkomen
    above the afbouwpunt."""
    boven = np.maximum(0.0, verzamelinkomen - p("inkomstenbelasting.algemene_heffingskorting_afbouwpunt"))
    return np.maximum(0.0, p("inkomstenbelasting.algemene_heffingskorting_maximum")
                      - p("inkomstenbelasting.algemene_heffingskorting_afbouwpercentage") * boven)


def arbeidskorting(arbeidsinkomen: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 8.11 lid 2: a) percentage of the arbeidsinkomen up to a maximum, b) plus a percentage above
    drempel b with a+b at most maximum b, c) plus a percentage above drempel c with a+b+c at most maximum c,
    d) minus a percentage above the afbouwpunt, not below nil. Nil without arbeidsinkomen (lid 1)."""
    ai = np.maximum(arbeidsinkomen, 0.0)
    k = "inkomstenbelasting.arbeidskorting_"
    a = np.minimum(p(k + "percentage_a") * ai, p(k + "maximum_a"))
    ab = np.minimum(a + p(k + "percentage_b") * np.maximum(0.0, ai - p(k + "drempel_b")), p(k + "maximum_b"))
    abc = np.minimum(ab + p(k + "percentage_c") * np.maximum(0.0, ai - p(k + "drempel_c")), p(k + "maximum_c"))
    return np.maximum(0.0, abc - p(k + "afbouwpercentage") * np.maximum(0.0, ai - p(k + "afbouwpunt")))


def kind_jonger_dan_12(inv: Invoer, p) -> np.ndarray:
    """(N,) bool, Wet IB 2001 art. 8.14a lid 1 onder b: a child (rol kind) of the household that "bij de aanvang van het
    kalenderjaar" had not reached the age (its age on 1 January) and is at least the months required at the address.
    A child born in the year counts the months whose first day it has been born: born on or before 1 July gives the
    six months to 31 December, born 2 July not."""
    leeftijd = inv.leeftijd("bewoner")                                            # (N, B, 12) age on each 1st
    maanden = (leeftijd >= 0).sum(axis=2)
    kind = (inv.bewoner_aanwezig & inv.bewoner_is_kind
            & (leeftijd[..., 0] < p("inkomstenbelasting.iack_leeftijd_kind"))
            & (maanden >= p("inkomstenbelasting.iack_maanden_kind")))
    return kind.any(axis=1)


def _dagnummer(geboren: np.ndarray) -> np.ndarray:
    """(N,) a number that orders dates of birth (year, month, day)."""
    return (geboren[:, 0] * 12 + geboren[:, 1]) * 31 + geboren[:, 2]


def partner_voor_iack(inv: Invoer, p) -> np.ndarray:
    """(N,) bool: a partner that counts for the combinatiekorting. A fiscal partnership of fewer months than
    ``iack_kortstondig_partnerschap_maanden`` is kortstondig: the parent keeps the korting as if without partner,
    and that partner, at the child's address for less than six months, gets none (goedkeuring art. 63 AWR,
    BWBR0050562; Wet IB 2001 art. 8.14a)."""
    return inv.heeft_partner.sum(axis=1) >= p("inkomstenbelasting.iack_kortstondig_partnerschap_maanden")


def recht_op_iack(kind: np.ndarray, heeft_partner: np.ndarray, ai_a: np.ndarray, ai_p: np.ndarray,
                  aanvrager_oudste: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Wet IB 2001 art. 8.14a lid 1 onder c and lid 3: with a child under 12, for whoever has no partner in the
    year, or has the lower arbeidsinkomen of the two; with equal arbeidsinkomen only the oldest. The household's
    partner is taken as the fiscal partner (art. 1.2). Returns (aanvrager, partner)."""
    alleen = ~heeft_partner
    aanvrager = kind & (alleen | (ai_a < ai_p) | ((ai_a == ai_p) & aanvrager_oudste))
    partner = kind & heeft_partner & ((ai_p < ai_a) | ((ai_a == ai_p) & ~aanvrager_oudste))
    return aanvrager, partner


def inkomensafhankelijke_combinatiekorting(arbeidsinkomen: np.ndarray, recht: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 8.14a lid 1 onder a en lid 2: a percentage of the arbeidsinkomen above the drempel, at most
    the maximum, for an arbeidsinkomen above the drempel."""
    drempel = p("inkomstenbelasting.iack_drempel")
    bedrag = np.minimum(p("inkomstenbelasting.iack_percentage") * (arbeidsinkomen - drempel),
                        p("inkomstenbelasting.iack_maximum"))
    return np.where(recht & (arbeidsinkomen > drempel), bedrag, 0.0)


def ouderenkorting(verzamelinkomen: np.ndarray, aow_einde_jaar: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 8.17: for who has reached AOW age at the end of the year (lid 1), the maximum reduced (not
    below nil) by a percentage of the verzamelinkomen above the afbouwpunt (lid 2)."""
    boven = np.maximum(0.0, verzamelinkomen - p("inkomstenbelasting.ouderenkorting_afbouwpunt"))
    bedrag = np.maximum(0.0, p("inkomstenbelasting.ouderenkorting_maximum")
                        - p("inkomstenbelasting.ouderenkorting_afbouwpercentage") * boven)
    return np.where(aow_einde_jaar, bedrag, 0.0)


def alleenstaande_ouderenkorting(aow_maand: np.ndarray, zonder_partner: np.ndarray, p) -> np.ndarray:
    """Wet IB 2001 art. 8.18: for who in the year can get AOW as ongehuwde (AOW art. 9 lid 1 onder a); taken as a
    month at AOW age without a partner in the household."""
    return np.where((aow_maand & zonder_partner).any(axis=1), p("inkomstenbelasting.alleenstaande_ouderenkorting"), 0.0)


def aandeel_kortingen(maanden_aow_premie: np.ndarray, tarief_eerste_schijf: float, p) -> np.ndarray:
    """Wet IB 2001 art. 8.3-8.6 with Wfsv art. 12 lid 1 en 3: the standaardheffingskorting is split over belasting,
    AOW, Anw and Wlz in the ratio of the belastingtarief eerste schijf and the premium percentages to their sum (the
    gecombineerd heffingspercentage, art. 8.1 lid 1 onder c). The AOW part only applies to who is AOW premieplichtig,
    here for the months with AOW premium. Returns the share of the law's amounts that applies."""
    aow = p("inkomstenbelasting.premie_aow")
    gecombineerd = tarief_eerste_schijf + aow + p("inkomstenbelasting.premie_anw") + p("inkomstenbelasting.premie_wlz")
    return 1.0 - aow / gecombineerd * (1.0 - maanden_aow_premie / MAANDEN)


# --- Zvw ----------------------------------------------------------------------------------------------
def zvw_bijdrage(belastbare_winst: np.ndarray, inkomen: dict[str, np.ndarray], verzekerd: np.ndarray,
                 p) -> tuple[np.ndarray, np.ndarray]:
    """Zvw art. 43 lid 2, 3 en 5, art. 45 lid 2: the verzekeringsplichtige owes a percentage of his bijdrage-inkomen
    other than loon with werkgeversheffing (art. 42): belastbare winst, and AOW and pensioen (withheld by SVB and
    pension fund, art. 49 lid 2). At most the maximum bijdrage-inkomen minus the loon with werkgeversheffing.
    Returns (grondslag, bijdrage)."""
    eigen = np.maximum(0.0, belastbare_winst + sum(jaartotaal(inkomen[b]) for b in LOON_MET_EIGEN_BIJDRAGE))
    werkgeversloon = sum(jaartotaal(inkomen[b]) for b in LOON_MET_WERKGEVERSHEFFING)
    ruimte = np.maximum(0.0, p("inkomstenbelasting.zvw_maximum_bijdrage_inkomen") - werkgeversloon)
    grondslag = np.where(verzekerd, np.minimum(eigen, ruimte), 0.0)
    return grondslag, p("inkomstenbelasting.zvw_bijdrage_percentage") * grondslag


def verdeling_over_maanden(bruto_per_maand: np.ndarray) -> np.ndarray:
    """(N, 12) shares summing to 1: each month's positive gross income over the year's (months with a negative
    amount get nothing); equal shares without positive income. A presentation choice, not a legal rule."""
    positief = np.maximum(bruto_per_maand, 0.0)
    som = positief.sum(axis=1, keepdims=True)
    return np.where(som > 0, positief / np.where(som > 0, som, 1.0), 1.0 / MAANDEN)


# --- one person ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Box1Heffing:
    """Box 1 of one person (aanvrager or partner) and the belasting and premies on it, before heffingskortingen;
    (N,) unless noted."""
    aanwezig: np.ndarray
    inkomen: dict[str, np.ndarray]        # bron -> (N, 12) as taxed
    wga_uit_regeling: np.ndarray          # (N,) bool
    jaar: dict[str, np.ndarray]           # bron -> (N,) year total
    status: Leeftijdsstatus
    urencriterium: np.ndarray
    urencriterium_bekend: np.ndarray
    zelfstandigenaftrek: np.ndarray
    mkb: np.ndarray
    belastbare_winst: np.ndarray
    box1: np.ndarray
    verzamelinkomen: np.ndarray
    arbeidsinkomen: np.ndarray
    tabel: np.ndarray                     # (N,) bool: True = table of art. 2.10a
    belasting_tabel: np.ndarray
    aftrekbeperking: np.ndarray
    premie_aow: np.ndarray
    premie_anw_wlz: np.ndarray
    premiegrens: np.ndarray


@dataclass(frozen=True, eq=False)
class Jaarheffing(Box1Heffing):
    """Box 1 with the heffingskortingen, their cap and the Zvw bijdrage: one person's tax over the year."""
    iack_recht: np.ndarray
    ahk: np.ndarray
    ak: np.ndarray
    iack: np.ndarray
    ok: np.ndarray
    aok: np.ndarray
    aandeel: np.ndarray                   # share of ahk, ak and iack that applies (art. 8.3-8.7)
    kortingen: np.ndarray                 # before the cap of art. 8.8
    heffing: np.ndarray                   # belasting + premies
    kortingen_benut: np.ndarray
    verschuldigd: np.ndarray
    zvw_grondslag: np.ndarray
    zvw: np.ndarray
    totaal: np.ndarray
    bruto_per_maand: np.ndarray           # (N, 12)


@dataclass(frozen=True, eq=False)
class Persoonsheffing(Jaarheffing):
    """Every step for one person: the tax over the year, spread over the months, split over the bijstand received
    now and the other income (see bijstand_en_overig)."""
    per_maand: np.ndarray                         # (N, 12)
    heffing_zonder_bijstand: np.ndarray           # (N,) totaal had there been no bijstand
    bijstand_uit_netto: np.ndarray                # (N,) bool: given net, the gross derived here
    bijstand_netto_per_maand: np.ndarray          # (N, 12) what the bijstand leaves after its tax
    netto_zonder_bijstand_per_maand: np.ndarray   # (N, 12) the other income after its tax


def _verder(stap: type, eerder, **nieuw):
    """The next stage ``stap`` of a calculation: the fields of ``eerder`` and the ``nieuw`` ones."""
    return stap(**{f.name: getattr(eerder, f.name) for f in fields(eerder)}, **nieuw)


def _box1(inv: Invoer, p, eerder, rol: str, aanwezig: np.ndarray) -> Box1Heffing:
    """Box 1 of the aanvrager or the partner, with the income of the household file."""
    k = ROLLEN.index(rol)
    inkomen, wga_uit_regeling = inkomen_per_bron(inv, eerder, rol)
    geboren = inv.geboren_aanvrager if rol == "aanvrager" else inv.geboren_partner
    return _box1_van(inkomen, wga_uit_regeling, geboren, inv.jaar,
                     inv.urencriterium[:, k] & inv.urencriterium_bekend[:, k], inv.urencriterium_bekend[:, k],
                     aanwezig, p)


def _box1_van(inkomen: dict[str, np.ndarray], wga_uit_regeling: np.ndarray, geboren: np.ndarray, jaar_: int,
              urencriterium: np.ndarray, urencriterium_bekend: np.ndarray, aanwezig: np.ndarray, p) -> Box1Heffing:
    """Box 1 income of one person (Wet IB 2001 art. 3.1, 3.2, 3.76, 3.79a) and the tax and premiums on it
    (art. 2.10, 2.10a; Wfsv art. 8-10), before heffingskortingen."""
    inkomen = {b: np.where(aanwezig[:, None], v, 0.0) for b, v in inkomen.items()}
    jaar = {b: jaartotaal(v) for b, v in inkomen.items()}
    status = leeftijdsstatus(geboren, jaar_, p)
    winst = jaar["winst"]
    za = zelfstandigenaftrek(winst, urencriterium, status.aow_begin_jaar, p)
    mkb = mkb_winstvrijstelling(winst - za, p)
    belastbare_winst = winst - za - mkb
    box1 = sum(jaar[b] for b in BOX1_BRONNEN if b != "winst") + belastbare_winst
    verzamelinkomen = np.maximum(box1, 0.0)
    arbeidsinkomen = jaar["loon"] + winst
    tabel_normaal = p("inkomstenbelasting.tarieftabel_box1")
    tabel_1946 = p("inkomstenbelasting.tarieftabel_box1_voor_1946")
    belasting = np.where(status.voor_1946, belasting_volgens_tabel(box1, tabel_1946),
                         belasting_volgens_tabel(box1, tabel_normaal))
    # Grondslagverminderende posten (art. 2.10 lid 3 onder a-b): the MKB-winstvrijstelling only when positive.
    posten = za + np.maximum(mkb, 0.0)
    beperking = np.where(status.voor_1946, aftrekbeperking(box1, posten, tabel_1946, p),
                         aftrekbeperking(box1, posten, tabel_normaal, p))
    premiegrens = np.where(status.voor_1946, float(tabel_1946[1]["vanaf"]), float(tabel_normaal[1]["vanaf"]))
    premie_aow, premie_anw_wlz = premie_volksverzekeringen(box1, premiegrens, status.maanden_aow_premie, p)
    return Box1Heffing(
        aanwezig=aanwezig, inkomen=inkomen, wga_uit_regeling=wga_uit_regeling, jaar=jaar, status=status,
        urencriterium=urencriterium, urencriterium_bekend=urencriterium_bekend, zelfstandigenaftrek=za,
        mkb=mkb, belastbare_winst=belastbare_winst, box1=box1, verzamelinkomen=verzamelinkomen,
        arbeidsinkomen=arbeidsinkomen, tabel=status.voor_1946, belasting_tabel=belasting, aftrekbeperking=beperking,
        premie_aow=premie_aow, premie_anw_wlz=premie_anw_wlz, premiegrens=premiegrens)


def _kortingen_en_heffing(b: Box1Heffing, inv: Invoer, p, iack_recht: np.ndarray, zonder_partner: np.ndarray,
                          verzekerd: np.ndarray) -> Jaarheffing:
    """Heffingskortingen (Wet IB 2001 art. 8.3-8.18), their cap (art. 8.8), and the Zvw bijdrage."""
    ahk = algemene_heffingskorting(b.verzamelinkomen, p)
    ak = arbeidskorting(b.arbeidsinkomen, p)
    iack = inkomensafhankelijke_combinatiekorting(b.arbeidsinkomen, iack_recht, p)
    ok = ouderenkorting(b.verzamelinkomen, b.status.aow_einde_jaar, p)
    aok = alleenstaande_ouderenkorting(b.status.aow_maand, zonder_partner, p)
    tarief_1 = float(p("inkomstenbelasting.tarieftabel_box1")[0]["tarief"])
    aandeel = aandeel_kortingen(b.status.maanden_aow_premie, tarief_1, p)
    kortingen = (ahk + ak + iack) * aandeel + ok + aok
    heffing = b.belasting_tabel + b.aftrekbeperking + b.premie_aow + b.premie_anw_wlz
    kortingen_benut = np.minimum(kortingen, heffing)
    verschuldigd = heffing - kortingen_benut
    zvw_grondslag, zvw = zvw_bijdrage(b.belastbare_winst, b.inkomen, verzekerd & b.aanwezig, p)
    return _verder(
        Jaarheffing, b, iack_recht=iack_recht, ahk=ahk, ak=ak, iack=iack, ok=ok, aok=aok, aandeel=aandeel,
        kortingen=kortingen, heffing=heffing, kortingen_benut=kortingen_benut, verschuldigd=verschuldigd,
        zvw_grondslag=zvw_grondslag, zvw=zvw, totaal=np.where(b.aanwezig, verschuldigd + zvw, 0.0),
        bruto_per_maand=sum(b.inkomen.values()))


# --- bijstand received: its own tax, and its gross from the net amount -----------------------------------
BIJSTAND_NAUWKEURIGHEID = 1e-9  # relative: the derived gross leaves the net amount up to this fraction of it
BIJSTAND_STAP = 1e-3            # euro: where the tax jumps (a rounded table amount) the gross is this close to it


def bruto_bij_netto(netto_jaar: np.ndarray, extra_heffing, begin: np.ndarray | None = None) -> np.ndarray:
    """(N,) the gross G with G − extra_heffing(G) = netto_jaar: what the gemeente pays when it pays the net amount
    and the loonheffing on top (Participatiewet art. 19 lid 2; the norms are net). ``extra_heffing(g, rijen)`` gives
    the tax the annual bijstand ``g`` adds for the households ``rijen`` (indices), from this module's formulas.
    G − extra_heffing(G) rises with G (no marginal rate reaches 100%), so there is one solution: found by Newton
    steps from ``begin`` (default the net amount) inside a bracket that halves where a step would leave it (the tax
    tables have steps of a few cents where the law rounds column III: there the gross is the step, to a tenth of a
    cent). Only unsolved rows are evaluated, each by itself, so many households at once give exactly what each
    gives alone."""
    netto_jaar = np.asarray(netto_jaar, dtype=float)
    tolerantie = BIJSTAND_NAUWKEURIGHEID * np.maximum(netto_jaar, 1.0)
    breedte = np.maximum(tolerantie, BIJSTAND_STAP)
    actief = netto_jaar > 0
    g = np.where(actief, netto_jaar if begin is None else np.maximum(begin, netto_jaar), 0.0)
    laag, hoog = np.zeros_like(netto_jaar), np.full_like(netto_jaar, np.inf)
    rijen = np.flatnonzero(actief)
    for _ in range(200):
        if rijen.size == 0:
            break
        x = g[rijen]
        fx = x - extra_heffing(x, rijen) - netto_jaar[rijen]
        bezig = (np.abs(fx) > tolerantie[rijen]) & (hoog[rijen] - laag[rijen] > breedte[rijen])
        rijen, x, fx = rijen[bezig], x[bezig], fx[bezig]
        if rijen.size == 0:
            break
        laag[rijen] = np.where(fx < 0, x, laag[rijen])
        hoog[rijen] = np.where(fx > 0, x, hoog[rijen])
        x1 = x + 1.0
        helling = x1 - extra_heffing(x1, rijen) - netto_jaar[rijen] - fx   # per euro: 1 − the marginal rate
        nieuw = x - np.divide(fx, helling, out=np.zeros_like(fx), where=helling > 0)
        binnen = (helling > 0) & (nieuw > laag[rijen]) & (nieuw < hoog[rijen])
        midden = np.where(np.isfinite(hoog[rijen]), 0.5 * (laag[rijen] + hoog[rijen]), 2.0 * x)
        g[rijen] = np.where(binnen, nieuw, midden)
    return g


def _heffing_alleen_bijstand(bijstand: np.ndarray, geboren: np.ndarray, inv: Invoer, p) -> np.ndarray:
    """(M,) the tax over the year of someone whose only income is ``bijstand`` (M, 12), with the algemene
    heffingskorting (the loonheffingskorting the gemeente applies) and no other korting that needs other income."""
    rijen = bijstand.shape[0]
    inkomen = {bron: np.zeros((rijen, MAANDEN)) for bron in BOX1_BRONNEN}
    inkomen["bijstand"] = bijstand
    nee, ja = np.zeros(rijen, dtype=bool), np.ones(rijen, dtype=bool)
    b = _box1_van(inkomen, nee, geboren, inv.jaar, nee, nee, ja, p)
    return _kortingen_en_heffing(b, inv, p, nee, np.zeros((rijen, MAANDEN), dtype=bool), ja).totaal


def _per_maand_bedrag(bedragen: np.ndarray, geboren: np.ndarray, functie) -> np.ndarray:
    """(N, 12) ``functie(bedrag, geboren)`` applied to every month's amount on its own, as the loonheffing of a
    tijdvak is (each distinct amount and date of birth once: a scan repeats one household thousands of times)."""
    n = bedragen.shape[0]
    dagen = 31
    geboorte = np.repeat((geboren[:, 0] * MAANDEN + geboren[:, 1] - 1) * dagen + geboren[:, 2] - 1, MAANDEN)
    sleutel = bedragen.reshape(-1) + 1j * geboorte            # one sortable value per (amount, date of birth)
    uniek, terug = np.unique(sleutel, return_inverse=True)
    geb = np.rint(uniek.imag).astype(int)
    maand, dag = geb // dagen, geb % dagen + 1
    uit = functie(uniek.real, np.stack([maand // MAANDEN, maand % MAANDEN + 1, dag], axis=1))
    return uit[np.asarray(terug).reshape(-1)].reshape(n, MAANDEN)


def loonheffing_bijstand(bijstand: np.ndarray, geboren: np.ndarray, inv: Invoer, p) -> np.ndarray:
    """(N, 12) per month the loonheffing over the bijstand of that month alone, as the gemeente withholds it (the tax
    over twelve such months, divided by twelve; with the loonheffingskorting)."""
    def functie(bedrag, geb):
        return _heffing_alleen_bijstand(np.repeat(bedrag[:, None], MAANDEN, axis=1), geb, inv, p) / MAANDEN
    return _per_maand_bedrag(bijstand, geboren, functie)


def bruto_volgens_loonheffing(netto: np.ndarray, geboren: np.ndarray, inv: Invoer, p) -> np.ndarray:
    """(N, 12) per month the gross bijstand that leaves the month's net amount after loonheffing_bijstand: what the
    loonheffing tables give for that net (and a jaaropgaaf shows for bijstand as the only income)."""
    def functie(bedrag, geb):
        def extra_heffing(g, rijen):
            return _heffing_alleen_bijstand(np.repeat(g[:, None] / MAANDEN, MAANDEN, axis=1), geb[rijen], inv, p)
        return bruto_bij_netto(MAANDEN * bedrag, extra_heffing) / MAANDEN
    return _per_maand_bedrag(netto, geboren, functie)


def _verdeling(gewicht: np.ndarray, terugval: np.ndarray) -> np.ndarray:
    """(N, 12) shares summing to 1 per row: ``gewicht``, or ``terugval`` where the weights sum to nil."""
    def deel(x):
        som = jaartotaal(x)[:, None]
        return np.divide(x, som, out=np.zeros_like(x), where=som > 0)
    g = deel(np.maximum(gewicht, 0.0))
    return np.where(jaartotaal(g)[:, None] > 0, g, deel(terugval))


def bijstand_en_overig(h: Jaarheffing, zonder: np.ndarray, verdeling_bijstand: np.ndarray,
                       uit_netto: np.ndarray) -> Persoonsheffing:
    """One person's tax spread over the months and split over the bijstand received and the other income: the
    other income bears the tax it would bear alone (``zonder``) spread as verdeling_over_maanden; the bijstand what
    it adds, spread as the gemeente's loonheffing falls per month (``verdeling_bijstand``). Without bijstand the
    tax is spread as verdeling_over_maanden of all gross income. Presentation choices that keep the year's total;
    the net bijstand is what the bijstand adds to the net income. ``uit_netto``: (N,) bool, given net."""
    bijstand = h.inkomen["bijstand"]
    heeft = jaartotaal(bijstand) > 0
    overig = h.bruto_per_maand - bijstand
    extra = np.where(heeft, h.totaal - zonder, 0.0)
    heffing_overig = (h.totaal - extra)[:, None] * verdeling_over_maanden(overig)
    heffing_bijstand = extra[:, None] * verdeling_bijstand
    naar_bruto = h.totaal[:, None] * verdeling_over_maanden(h.bruto_per_maand)
    return _verder(
        Persoonsheffing, h, per_maand=np.where(heeft[:, None], heffing_overig + heffing_bijstand, naar_bruto),
        heffing_zonder_bijstand=h.totaal - extra, bijstand_uit_netto=uit_netto,
        bijstand_netto_per_maand=bijstand - heffing_bijstand, netto_zonder_bijstand_per_maand=overig - heffing_overig)


def bijstand_van_persoon(h: Jaarheffing, netto: np.ndarray, geboren: np.ndarray, inv: Invoer, p,
                         heffing) -> Persoonsheffing:
    """One person's tax with the bijstand received now, given gross (in ``h``) or net (``netto``, (N, 12)).

    Given net, the gemeente pays the loonheffing on top (Participatiewet art. 19 lid 2): the gross over the year is
    the G with G − (tax with G − tax without bijstand) = the year's net amount (bruto_bij_netto, with the year's
    income tax of this module), and its tax falls on the months as the gemeente's loonheffing does (the loonheffing
    tables per month), so each month's net stays what was given. For bijstand as the only income this is exactly
    what the loonheffing tables give per month; with other income the year's tax decides (the loonheffingskorting
    counts once). ``heffing(bijstand, rijen)`` gives the Jaarheffing of households ``rijen`` (indices, or all
    with a slice) with that (len, 12) bijstand."""
    uit_netto = netto.any(axis=1)
    gegeven = h.inkomen["bijstand"]
    if not (uit_netto.any() or gegeven.any()):
        return bijstand_en_overig(h, h.totaal, np.zeros_like(gegeven), uit_netto)
    alle = slice(None)
    zonder = heffing(np.zeros_like(gegeven), alle).totaal
    verdeling = (_verdeling(loonheffing_bijstand(gegeven, geboren, inv, p), gegeven) if gegeven.any()
                 else np.zeros_like(gegeven))
    if uit_netto.any():
        tabel = bruto_volgens_loonheffing(netto, geboren, inv, p)
        verdeling_netto = _verdeling(tabel - netto, netto)
        netto_jaar = jaartotaal(netto)
        vorm = np.divide(netto, netto_jaar[:, None], out=np.zeros_like(netto), where=netto_jaar[:, None] > 0)

        def extra_heffing(g: np.ndarray, rijen: np.ndarray) -> np.ndarray:
            return heffing(vorm[rijen] * g[:, None], rijen).totaal - zonder[rijen]

        bruto_jaar = bruto_bij_netto(netto_jaar, extra_heffing, begin=jaartotaal(tabel))
        bruto = netto + (bruto_jaar - netto_jaar)[:, None] * verdeling_netto
        h = heffing(np.where(uit_netto[:, None], bruto, gegeven), alle)
        verdeling = np.where(uit_netto[:, None], verdeling_netto, verdeling)
    return bijstand_en_overig(h, zonder, verdeling, uit_netto)


def bruto_bijstand_bewoners(inv: Invoer, p) -> np.ndarray | None:
    """(N, B, 12) the gross of the bijstand a kind or medebewoner receives as a net amount, or None without any.
    samenloop does not compute the income tax of bewoners; their gross is what the loonheffing tables give for the
    net amount of each month (with the loonheffingskorting)."""
    netto = inv.bewoner_bijstand_netto
    if netto is None:
        return None
    n, b, _ = netto.shape
    netto = netto.reshape(n * b, MAANDEN) * inv.bewoner_aanwezig.reshape(n * b)[:, None]
    bruto = bruto_volgens_loonheffing(netto, inv.bewoner_geboren.reshape(n * b, -1), inv, p)
    return np.where(netto > 0, bruto, 0.0).reshape(n, b, MAANDEN)


def _heffing_met_bijstand(inv: Invoer, p, eerder, rol: str, aanwezig: np.ndarray, kortingen: tuple):
    """heffing(bijstand, rijen): the Jaarheffing of the aanvrager or partner of households ``rijen`` (indices, or
    a slice) with their bijstand replaced by ``bijstand`` (len, 12); everything else as in the household."""
    k = ROLLEN.index(rol)
    inkomen, wga_uit_regeling = inkomen_per_bron(inv, eerder, rol)
    geboren = inv.geboren_aanvrager if rol == "aanvrager" else inv.geboren_partner
    uren, bekend = inv.urencriterium[:, k] & inv.urencriterium_bekend[:, k], inv.urencriterium_bekend[:, k]

    def heffing(bijstand: np.ndarray, rijen) -> Jaarheffing:
        ink = {bron: v[rijen] for bron, v in inkomen.items()}
        ink["bijstand"] = bijstand
        b = _box1_van(ink, wga_uit_regeling[rijen], geboren[rijen], inv.jaar, uren[rijen], bekend[rijen],
                      aanwezig[rijen], p)
        return _kortingen_en_heffing(b, inv, p, *(x[rijen] for x in kortingen))
    return heffing


# --- the regeling -------------------------------------------------------------------------------------
def aanwezigheid(inv: Invoer) -> dict[str, np.ndarray]:
    """(N,) per rol: the aanvrager always, the partner in a household with a partner in some month."""
    return {"aanvrager": np.ones(inv.n, dtype=bool), "partner": inv.heeft_partner.any(axis=1)}


def kortingsgegevens(inv: Invoer, p, kind: np.ndarray, eerst: dict[str, Box1Heffing]) -> dict[str, tuple]:
    """Per rol what the heffingskortingen need from the household: the right to the combinatiekorting (art. 8.14a),
    the months without a partner (alleenstaande ouderenkorting, art. 8.18) and whether Zvw-verzekerd."""
    aanvrager_oudste = (_dagnummer(inv.geboren_aanvrager) <= _dagnummer(inv.geboren_partner))
    # the arbeidsinkomen decides the combinatiekorting; the bijstand is no part of it (art. 8.1 lid 1 onder e)
    iack_a, iack_p = recht_op_iack(kind, partner_voor_iack(inv, p), eerst["aanvrager"].arbeidsinkomen,
                                   eerst["partner"].arbeidsinkomen, aanvrager_oudste)
    # The partner has the aanvrager as partner in the months we know of; the AOK is not assumed for him.
    return {"aanvrager": (iack_a, ~inv.heeft_partner, inv.verzekerd_aanvrager),
            "partner": (iack_p, np.zeros_like(inv.heeft_partner), inv.verzekerd_partner)}


def heffing_van_persoon(inv: Invoer, p, eerder, rol: str, b: Box1Heffing, aanwezig: np.ndarray,
                        kortingen: tuple) -> Persoonsheffing:
    """One person's tax: the box-1 tax and premiums ``b`` with the heffingskortingen and the Zvw bijdrage, and the
    bijstand received now (given gross, or net with its gross derived)."""
    heffing = _heffing_met_bijstand(inv, p, eerder, rol, aanwezig, kortingen)
    h = _kortingen_en_heffing(b, inv, p, *kortingen)
    netto = (np.zeros((inv.n, MAANDEN)) if inv.bijstand_netto is None
             else np.where(aanwezig[:, None], inv.bijstand_netto[:, ROLLEN.index(rol)], 0.0))
    geboren = inv.geboren_aanvrager if rol == "aanvrager" else inv.geboren_partner
    return bijstand_van_persoon(h, netto, geboren, inv, p, heffing)


@dataclass(frozen=True)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    personen: dict[str, Persoonsheffing]   # rol -> every step for that person
    kind: np.ndarray                       # (N,) a child under 12 for the combinatiekorting (art. 8.14a)
    jaarbedrag: np.ndarray
    maandbedragen: np.ndarray
    netto_per_maand: np.ndarray            # (N, 12) the household's, the partner's in partner months
    bewoners: np.ndarray | None            # (N, B, 12) the gross of the bewoners' net bijstand, None without any
    geboortejaar_partnerregel: float       # art. 8.9: born before this year (named, not computed)
    urencriterium_uren: float              # art. 3.6

    @property
    def aanvrager(self) -> Persoonsheffing:
        return self.personen["aanvrager"]

    @property
    def partner(self) -> Persoonsheffing:
        return self.personen["partner"]

    def huishouden(self, veld: str) -> np.ndarray:
        """(N, 12) aanvrager plus the partner in the months the partner belongs to the household."""
        return getattr(self.aanvrager, veld) + np.where(self.inv.heeft_partner, getattr(self.partner, veld), 0.0)

    @property
    def bijstand_uit_netto(self) -> np.ndarray:
        return self.aanvrager.bijstand_uit_netto | self.partner.bijstand_uit_netto

    @property
    def bijstand_bruto_bewoners(self) -> np.ndarray:
        return np.zeros_like(self.inv.bewoner_inkomen) if self.bewoners is None else self.bewoners


def _berekening(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst]) -> _Berekening:
    """Each person's box 1, the household facts the kortingen need, each person's tax, and the household's sums."""
    p = parameters.lezer()
    aanwezig = aanwezigheid(inv)
    eerst = {rol: _box1(inv, p, eerder, rol, aanwezig[rol]) for rol in ROLLEN}
    kind = kind_jonger_dan_12(inv, p)
    kortingen = kortingsgegevens(inv, p, kind, eerst)
    personen = {rol: heffing_van_persoon(inv, p, eerder, rol, eerst[rol], aanwezig[rol], kortingen[rol])
                for rol in ROLLEN}
    a, b = personen["aanvrager"], personen["partner"]
    # the household's net income: the partner's only in the months the partner belongs to the household
    netto_per_maand = ((a.bruto_per_maand - a.per_maand)
                       + np.where(inv.heeft_partner, b.bruto_per_maand - b.per_maand, 0.0))
    bewoners = bruto_bijstand_bewoners(inv, p)
    return _Berekening(
        inv=inv, parameters=parameters, p=p, personen=personen, kind=kind,
        jaarbedrag=np.round(a.totaal + b.totaal, 2), maandbedragen=np.round(a.per_maand + b.per_maand, 2),
        netto_per_maand=netto_per_maand, bewoners=bewoners,
        geboortejaar_partnerregel=p("inkomstenbelasting.partnerverhoging_geboren_voor_jaar"),
        urencriterium_uren=p("inkomstenbelasting.urencriterium_uren"))


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    b = _berekening(inv, parameters, eerder or {})
    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=b.maandbedragen, jaarbedrag=b.jaarbedrag,
        recht=b.jaarbedrag > 0, uitleg=lambda i: _uitleg(i, b), bronnen=lambda i: _bronnen(i, b),
        waarschuwingen=lambda i: _waarschuwingen(i, b), lezer=b.p,
        signaalbronnen={"bron_recht": "Wet inkomstenbelasting 2001 art. 2.10 en 8.8"},
        feiten={"verzamelinkomen": b.aanvrager.verzamelinkomen + b.partner.verzamelinkomen},
        onderdelen=lambda rijen: [o for rol in ROLLEN for o in onderdelen(b.personen[rol], rol, b.p, rijen)],
        details=_details(b),
        doorgifte=_doorgifte(b),
    )


def _details(b: _Berekening) -> dict[str, np.ndarray]:
    a, partner = b.aanvrager, b.partner
    return {
        "verzamelinkomen_aanvrager": a.verzamelinkomen,   # (N,) box 1 only, at least nil
        "verzamelinkomen_partner": partner.verzamelinkomen,
        "belasting_aanvrager": a.totaal,                  # (N,) belasting + premies − kortingen + Zvw
        "belasting_partner": partner.totaal,
        "netto_per_maand": b.netto_per_maand,             # (N, 12) gross minus tax, partner in partner months
        "arbeidsinkomen_aanvrager": a.arbeidsinkomen,     # (N,) art. 8.1 lid 1 onder e
        "arbeidsinkomen_partner": partner.arbeidsinkomen,
        "heffingskortingen_aanvrager": a.kortingen_benut,  # (N,) after the cap of art. 8.8
        "heffingskortingen_partner": partner.kortingen_benut,
        "zvw_aanvrager": a.zvw,                           # (N,) Zvw bijdrage included in belasting_*
        "zvw_partner": partner.zvw,
        "belasting_per_maand": a.per_maand + partner.per_maand,  # (N, 12) unrounded maandbedragen
        # the bijstand received now (inkomen.bijstand, or its gross derived from inkomen.bijstand_netto):
        "bijstand_bruto_aanvrager": a.inkomen["bijstand"],  # (N, 12) gross, as taxed here
        "bijstand_bruto_partner": partner.inkomen["bijstand"],
        "bijstand_netto_per_maand": b.huishouden("bijstand_netto_per_maand"),  # (N, 12) after its own tax
        "netto_zonder_bijstand_per_maand": b.huishouden("netto_zonder_bijstand_per_maand"),  # (N, 12) the rest
        "bijstand_uit_netto": b.bijstand_uit_netto,       # (N,) given net on the beschikking
        # (N, B, 12) the gross of the bewoners' net bijstand (nil where none is given)
        "bijstand_bruto_bewoners": b.bijstand_bruto_bewoners,
    }


def _doorgifte(b: _Berekening) -> InkomenNaBelasting:
    return InkomenNaBelasting(
        verzamelinkomen=np.stack([b.aanvrager.verzamelinkomen, b.partner.verzamelinkomen], axis=1),
        netto_per_maand=b.netto_per_maand,
        netto_zonder_bijstand_per_maand=b.huishouden("netto_zonder_bijstand_per_maand"),
        bijstand_netto_per_maand=b.huishouden("bijstand_netto_per_maand"),
        bijstand_uit_netto=b.bijstand_uit_netto,
        bijstand_bruto_aanvrager=b.aanvrager.inkomen["bijstand"],
        bijstand_bruto_partner=b.partner.inkomen["bijstand"],
        bijstand_bruto_bewoners=b.bijstand_bruto_bewoners,
    )


def _bronnen(i: int, b: _Berekening) -> list[str]:
    uit = ["Wet IB 2001 art. 2.10 en 2.10a (tarief box 1)", "Wet IB 2001 art. 3.1, 3.2, 3.76 en 3.79a (box 1, winst)",
           "Wet IB 2001 art. 8.1, 8.3-8.8 (heffingskortingen, maximum)",
           "Wet IB 2001 art. 8.10, 8.11, 8.14a, 8.17, 8.18",
           "Wfsv art. 8-12 (premies volksverzekeringen)", "Zvw art. 42, 43 en 45 (inkomensafhankelijke bijdrage)"]
    return uit + [f"{r.id}: {r.bron}" for r in (b.parameters.record(x) for x in b.p.gelezen)]


def onderdelen(h: Persoonsheffing, rol: str, p, rijen: np.ndarray) -> list[Onderdeel]:
    """The parts of one person's tax per year for the households ``rijen``, which add up to it: belasting and
    premies, each heffingskorting (negative), the part of the kortingen above the heffing that cannot be used
    (art. 8.8), and the Zvw bijdrage."""
    telt = h.aanwezig[rijen].astype(float)
    e = opmaak.euro
    delen = [
        ("heffing (belasting en premies volksverzekeringen)", h.heffing,
         "de belasting en de premies volksverzekeringen stijgen met het inkomen "
         "(Wet IB 2001 art. 2.10; Wfsv art. 9-10)"),
        ("algemene heffingskorting", -h.ahk * h.aandeel,
         "de algemene heffingskorting daalt boven een inkomensgrens (Wet IB 2001 art. 8.10)"),
        ("arbeidskorting", -h.ak * h.aandeel,
         "de arbeidskorting stijgt en daalt met het arbeidsinkomen (Wet IB 2001 art. 8.11)"),
        ("inkomensafhankelijke combinatiekorting", -h.iack * h.aandeel,
         "met een kind jonger dan 12 krijgt de ouder met het laagste arbeidsinkomen deze korting, bij een "
         f"arbeidsinkomen boven {e(p('inkomstenbelasting.iack_drempel'))} (Wet IB 2001 art. 8.14a)"),
        ("ouderenkorting", -h.ok, "de ouderenkorting daalt boven een inkomensgrens (Wet IB 2001 art. 8.17)"),
        ("alleenstaande ouderenkorting", -h.aok, "Wet IB 2001 art. 8.18"),
        ("heffingskortingen die niet verrekend kunnen worden", h.kortingen - h.kortingen_benut,
         "de heffingskortingen van {naam} kunnen niet hoger zijn dan de belasting en premies van {naam} "
         "(Wet IB 2001 art. 8.8)"),
        ("inkomensafhankelijke bijdrage Zvw", h.zvw, "Zvw art. 43"),
    ]
    return [Onderdeel(naam=naam, bedrag=telt * np.asarray(bedrag)[rijen], regel=regel, wie=rol)
            for naam, bedrag, regel in delen]


# --- explanation --------------------------------------------------------------------------------------
def _uitleg(i: int, b: _Berekening) -> list[str]:
    e = opmaak.euro
    regels = [f"Let op: dit is geen recht op geld. Deze regel toont de inkomstenbelasting, premies volksverzekeringen "
              f"en eigen inkomensafhankelijke bijdrage Zvw die over {b.inv.jaar} naar schatting verschuldigd zijn "
              "(jaarbedrag = te betalen, grotendeels al ingehouden als loonheffing); ieder wordt afzonderlijk belast "
              "(Wet IB 2001 art. 2.10 en 8.8; Wfsv art. 10; Zvw art. 43)."]
    for rol in ROLLEN:
        if b.personen[rol].aanwezig[i]:
            regels += _uitleg_persoon(i, rol, b)
    regels.append(f"Totaal verschuldigd door het huishouden: {e(b.jaarbedrag[i], centen=True)}. Per maand verdeeld "
                  "naar het bruto inkomen van die maand; maanden met negatief inkomen krijgen niets (benadering van "
                  "samenloop, geen wettelijke regel).")
    return regels


def _uitleg_persoon(i: int, rol: str, b: _Berekening) -> list[str]:
    """One person's tax step by step: winst, box 1, belasting, premies, heffingskortingen, what is due."""
    h, p, naam = b.personen[rol], b.p, ROLNAAM[rol]
    return (_uitleg_winst(i, naam, h, p) + _uitleg_box1(i, naam, h) + _uitleg_belasting(i, naam, h, p)
            + _uitleg_premies(i, naam, h, p) + _uitleg_heffingskortingen(i, naam, h, b)
            + _uitleg_verschuldigd(i, naam, h, p))


def _centen(x) -> str:
    return opmaak.euro(x, centen=True)


def _uitleg_winst(i: int, naam: str, h: Persoonsheffing, p) -> list[str]:
    """Belastbare winst: winst − zelfstandigenaftrek − mkb-winstvrijstelling (Wet IB 2001 art. 3.2, 3.76, 3.79a)."""
    pct, c = opmaak.procent, _centen
    winst = h.jaar["winst"][i]
    if winst == 0:
        return []
    if h.urencriterium[i]:
        za = (f"zelfstandigenaftrek {c(h.zelfstandigenaftrek[i])} (urencriterium; ten hoogste de winst"
              + (f", {pct(p('inkomstenbelasting.zelfstandigenaftrek_factor_aow'))} vanaf de AOW-leeftijd"
                 if h.status.aow_begin_jaar[i] else "") + ")")
    elif h.urencriterium_bekend[i]:
        za = "geen zelfstandigenaftrek (niet aan het urencriterium voldaan)"
    else:
        za = "geen zelfstandigenaftrek (urencriterium niet opgegeven, aangenomen: niet voldaan)"
    return [f"{naam} — winst {c(winst)}; {za} (Wet IB 2001 art. 3.76); mkb-winstvrijstelling "
            f"{pct(p('inkomstenbelasting.mkb_winstvrijstelling'))} × {c(winst - h.zelfstandigenaftrek[i])} = "
            f"{c(h.mkb[i])} (art. 3.79a); belastbare winst {c(h.belastbare_winst[i])} (art. 3.2)."]


def _uitleg_box1(i: int, naam: str, h: Persoonsheffing) -> list[str]:
    """Belastbaar inkomen uit werk en woning and the verzamelinkomen (Wet IB 2001 art. 3.1, 2.18)."""
    c = _centen
    delen = [f"{BRONNAAM[b]} {c(h.belastbare_winst[i] if b == 'winst' else h.jaar[b][i])}"
             for b in BOX1_BRONNEN if (h.jaar[b][i] != 0)]
    wga = " (WGA zoals berekend door de regeling wga)" if h.wga_uit_regeling[i] and h.jaar["wga"][i] else ""
    return [f"{naam} — belastbaar inkomen uit werk en woning (box 1): " + (" + ".join(delen) or "geen inkomen")
            + f" = {c(h.box1[i])}{wga}; verzamelinkomen {c(h.verzamelinkomen[i])} (box 2 en 3 niet berekend) "
            "(Wet IB 2001 art. 3.1, 2.18)."]


def _uitleg_belasting(i: int, naam: str, h: Persoonsheffing, p) -> list[str]:
    """Belasting box 1 from the table (Wet IB 2001 art. 2.10 or 2.10a) and the aftrekbeperking (art. 2.10 lid 2)."""
    e, pct, c = opmaak.euro, opmaak.procent, _centen
    tabel = p("inkomstenbelasting.tarieftabel_box1_voor_1946" if h.tabel[i] else "inkomstenbelasting.tarieftabel_box1")
    artikel = "art. 2.10a lid 1 (geboren vóór 1946)" if h.tabel[i] else "art. 2.10 lid 1"
    if h.box1[i] > 0:
        rij = tabel[int(schijf_index(h.box1[i:i + 1], tabel)[0])]
        formule = (f"{pct(rij['tarief'])} × {c(h.box1[i])}" if rij["vanaf"] == 0 else
                   f"{e(rij['basis'])} + {pct(rij['tarief'])} × ({c(h.box1[i])} − {e(rij['vanaf'])})")
        regels = [f"{naam} — belasting box 1: {formule} = {c(h.belasting_tabel[i])} (Wet IB 2001 {artikel})."]
    else:
        regels = [f"{naam} — geen belasting: het inkomen uit werk en woning is niet positief (Wet IB 2001 {artikel}); "
                  "een verlies wordt niet verrekend in deze berekening (afdeling 3.13)."]
    if h.aftrekbeperking[i] > 0:
        regels.append(f"{naam} — aftrekbeperking: {pct(p('inkomstenbelasting.aftrekbeperking_percentage'))} over het "
                      f"deel van ondernemersaftrek en mkb-winstvrijstelling in de hoogste schijf = "
                      f"{c(h.aftrekbeperking[i])} (Wet IB 2001 art. 2.10 lid 2).")
    return regels


def _uitleg_premies(i: int, naam: str, h: Persoonsheffing, p) -> list[str]:
    """Premies volksverzekeringen over the premie-inkomen, AOW only before the month of the AOW age
    (Wfsv art. 8, 10)."""
    e, pct, c = opmaak.euro, opmaak.procent, _centen
    aow_maanden = int(h.status.maanden_aow_premie[i])
    aow_deel = (f"AOW {pct(p('inkomstenbelasting.premie_aow'))}" if aow_maanden == MAANDEN else
                "geen AOW-premie (AOW-leeftijd)" if aow_maanden == 0 else
                f"AOW {pct(p('inkomstenbelasting.premie_aow'))} × {aow_maanden}/12 (maanden vóór de maand van de "
                "AOW-leeftijd)")
    return [f"{naam} — premies volksverzekeringen: {aow_deel} + Anw {pct(p('inkomstenbelasting.premie_anw'))} + "
            f"Wlz {pct(p('inkomstenbelasting.premie_wlz'))} over {c(min(max(h.box1[i], 0), h.premiegrens[i]))} "
            f"(ten hoogste {e(h.premiegrens[i])}) = {c(h.premie_aow[i] + h.premie_anw_wlz[i])} "
            "(Wfsv art. 8 lid 3, art. 10)."]


def _uitleg_heffingskortingen(i: int, naam: str, h: Persoonsheffing, b: _Berekening) -> list[str]:
    """The heffingskortingen one by one (Wet IB 2001 art. 8.10-8.18) and the share without AOW premium
    (art. 8.3-8.7)."""
    e, pct, c, p = opmaak.euro, opmaak.procent, _centen, b.p
    k = "inkomstenbelasting."
    regels = [f"{naam} — algemene heffingskorting: {e(p(k + 'algemene_heffingskorting_maximum'))} − "
              f"{pct(p(k + 'algemene_heffingskorting_afbouwpercentage'))} × verzamelinkomen boven "
              f"{e(p(k + 'algemene_heffingskorting_afbouwpunt'))} = {c(h.ahk[i])} (Wet IB 2001 art. 8.10)."]
    if h.arbeidsinkomen[i] > 0:
        regels.append(f"{naam} — arbeidskorting over arbeidsinkomen {c(h.arbeidsinkomen[i])} (loon + winst vóór "
                      "ondernemersaftrek, art. 8.1 lid 1 onder e): "
                      f"{_arbeidskorting_formule(h.arbeidsinkomen[i], p)} = {c(h.ak[i])} (Wet IB 2001 art. 8.11).")
    else:
        regels.append(f"{naam} — geen arbeidskorting: geen arbeidsinkomen (loon of winst) "
                      "(Wet IB 2001 art. 8.11 lid 1).")
    regels += _uitleg_combinatiekorting(i, naam, h, b)
    if h.status.aow_einde_jaar[i]:
        regels.append(f"{naam} — ouderenkorting (AOW-leeftijd bereikt aan het eind van het jaar): "
                      f"{e(p(k + 'ouderenkorting_maximum'))} − {pct(p(k + 'ouderenkorting_afbouwpercentage'))} × "
                      f"verzamelinkomen boven {e(p(k + 'ouderenkorting_afbouwpunt'))} = {c(h.ok[i])} "
                      "(Wet IB 2001 art. 8.17).")
    if h.aok[i] > 0:
        regels.append(f"{naam} — alleenstaande ouderenkorting (AOW-leeftijd, geen partner): {c(h.aok[i])} "
                      "(Wet IB 2001 art. 8.18).")
    if h.status.maanden_aow_premie[i] < MAANDEN:
        regels.append(f"{naam} — zonder AOW-premie geldt het AOW-deel van de algemene heffingskorting, arbeidskorting "
                      f"en combinatiekorting niet: die tellen voor {pct(h.aandeel[i])} mee (1 − AOW-premie ÷ "
                      "gecombineerd heffingspercentage, naar rato van de maanden zonder AOW-premie); de "
                      "ouderenkortingen hebben geen AOW-deel (Wet IB 2001 art. 8.3-8.7; Wfsv art. 12).")
    return regels


def _uitleg_combinatiekorting(i: int, naam: str, h: Persoonsheffing, b: _Berekening) -> list[str]:
    """The inkomensafhankelijke combinatiekorting, or why there is none (Wet IB 2001 art. 8.14a)."""
    e, pct, c, p = opmaak.euro, opmaak.procent, _centen, b.p
    k = "inkomstenbelasting."
    if h.iack[i] > 0:
        return [f"{naam} — inkomensafhankelijke combinatiekorting (kind jonger dan "
                f"{p(k + 'iack_leeftijd_kind'):g} jaar; geen partner of het laagste arbeidsinkomen): "
                f"{pct(p(k + 'iack_percentage'))} × ({c(h.arbeidsinkomen[i])} − {e(p(k + 'iack_drempel'))}), ten "
                f"hoogste {e(p(k + 'iack_maximum'))} = {c(h.iack[i])} (Wet IB 2001 art. 8.14a)."]
    if h.iack_recht[i]:
        return [f"{naam} — geen inkomensafhankelijke combinatiekorting: arbeidsinkomen niet meer dan "
                f"{e(p(k + 'iack_drempel'))} (Wet IB 2001 art. 8.14a lid 1 onder a)."]
    if b.kind[i]:
        return [f"{naam} — geen inkomensafhankelijke combinatiekorting: de partner heeft het laagste "
                "arbeidsinkomen (bij gelijk inkomen: de oudste) (Wet IB 2001 art. 8.14a lid 1 onder c, lid 3)."]
    return []


def _uitleg_verschuldigd(i: int, naam: str, h: Persoonsheffing, p) -> list[str]:
    """Heffing minus the kortingen, at most the heffing (Wet IB 2001 art. 8.8), plus the Zvw bijdrage (Zvw art. 43)."""
    e, pct, c = opmaak.euro, opmaak.procent, _centen
    k = "inkomstenbelasting."
    beperkt = h.kortingen[i] > h.heffing[i]
    regels = [f"{naam} — heffing (belasting + premies) {c(h.heffing[i])} min heffingskortingen "
              f"{c(h.kortingen_benut[i])}" + (f" (berekend {c(h.kortingen[i])}, maar ten hoogste de heffing: niet "
                                               "uitbetaald)" if beperkt else "")
              + f" = {c(h.verschuldigd[i])} (Wet IB 2001 art. 8.8)."]
    if h.zvw[i] > 0:
        regels.append(f"{naam} — inkomensafhankelijke bijdrage Zvw (percentage zekerheid C): "
                      f"{pct(p(k + 'zvw_bijdrage_percentage'))} × {c(h.zvw_grondslag[i])} (belastbare winst, AOW en "
                      "pensioen; samen met loon en uitkeringen ten hoogste "
                      f"{e(p(k + 'zvw_maximum_bijdrage_inkomen'))}) = {c(h.zvw[i])} (Zvw art. 43 en 45).")
    regels.append(f"{naam} — totaal verschuldigd {c(h.totaal[i])} (Wet IB 2001 art. 8.8; Zvw art. 43).")
    return regels


def _arbeidskorting_formule(ai: float, p) -> str:
    """The applicable line of art. 8.11 lid 2 for this arbeidsinkomen, in words."""
    e, pct = opmaak.euro, opmaak.procent
    k = "inkomstenbelasting.arbeidskorting_"
    if ai <= 0:
        return "geen arbeidsinkomen"
    if ai <= p(k + "drempel_b"):
        return f"{pct(p(k + 'percentage_a'))} × arbeidsinkomen, ten hoogste {e(p(k + 'maximum_a'))}"
    if ai <= p(k + "drempel_c"):
        return (f"{e(p(k + 'maximum_a'))} + {pct(p(k + 'percentage_b'))} × deel boven {e(p(k + 'drempel_b'))}, "
                f"ten hoogste {e(p(k + 'maximum_b'))}")
    if ai <= p(k + "afbouwpunt"):
        return (f"{e(p(k + 'maximum_b'))} + {pct(p(k + 'percentage_c'))} × deel boven {e(p(k + 'drempel_c'))}, "
                f"ten hoogste {e(p(k + 'maximum_c'))}")
    return (f"{e(p(k + 'maximum_c'))} − {pct(p(k + 'afbouwpercentage'))} × deel boven {e(p(k + 'afbouwpunt'))}, "
            "niet lager dan nihil")


def _getal(x: float) -> str:
    """A whole number with Dutch thousands dots."""
    return f"{x:,.0f}".replace(",", ".")


def _waarschuwingen(i: int, b: _Berekening) -> list[str]:
    uit = ["Berekend is alleen box 1 met de standaard heffingskortingen. Niet meegenomen: box 2 en 3 (de algemene "
           "heffingskorting en de ouderenkorting hangen sinds 2025 af van het hele verzamelinkomen), aftrekposten "
           "(eigen woning, persoonsgebonden aftrek, reisaftrek), startersaftrek, verliesverrekening, "
           "jonggehandicaptenkorting en een ondergrens van de arbeidskorting uit de loonheffing. Het bedrag is "
           "de heffing over het hele jaar; wat al als loonheffing is ingehouden, gaat daar op de aanslag vanaf."]
    if b.inv.vermogen[i] > 0:
        uit.append("Er is vermogen opgegeven: box 3 is niet berekend. Boven het heffingsvrij vermogen telt het "
                   "belastbaar inkomen uit sparen en beleggen mee in het verzamelinkomen; dat verlaagt de algemene "
                   "heffingskorting en de ouderenkorting (Wet IB 2001 art. 2.18).")
    for rol in ROLLEN:
        if b.personen[rol].aanwezig[i]:
            uit += _waarschuwingen_persoon(i, rol, b)
    if b.inv.heeft_partner[i].any() and (b.aanvrager.iack_recht[i] or b.partner.iack_recht[i]):
        uit.append("Voor de combinatiekorting is de partner in het huishouden als fiscale partner genomen "
                   "(Wet IB 2001 art. 1.2, 8.14a lid 1 onder c).")
    return uit


def _waarschuwingen_persoon(i: int, rol: str, b: _Berekening) -> list[str]:
    """One person's assumptions: the urencriterium, a loss, the year of the AOW age, the partner's verhoging."""
    h, inv, naam = b.personen[rol], b.inv, ROLNAAM[rol].lower()
    uit = []
    if h.jaar["winst"][i] > 0 and not h.urencriterium_bekend[i]:
        uit.append(f"Het urencriterium van de {naam} is niet opgegeven: samenloop neemt aan dat het niet is gehaald "
                   "en trekt geen zelfstandigenaftrek af (Wet IB 2001 art. 3.76 lid 1). Geef 'urencriterium: true' "
                   f"op bij ten minste {_getal(b.urencriterium_uren)} uur aan de onderneming (art. 3.6).")
    if h.box1[i] < 0:
        uit.append(f"Het inkomen uit werk en woning van de {naam} is negatief (verlies): dat verlies kan met "
                   "andere jaren worden verrekend (Wet IB 2001 afdeling 3.13); dat is niet berekend.")
    if 0 < h.status.maanden_aow_premie[i] < MAANDEN:
        uit.append(f"De {naam} bereikt dit jaar de AOW-leeftijd: AOW-premie en het AOW-deel van de "
                   "heffingskortingen zijn naar het aantal maanden vóór de maand van de AOW-leeftijd berekend over "
                   "het jaarinkomen (benadering; de ministeriële regeling voor een deel van het jaar is niet gezien).")
    if h.status.maanden_aow_premie[i] < MAANDEN:
        uit.append("De Belastingdienst publiceert voor AOW-gerechtigden afgeronde maximumbedragen van de "
                   "heffingskortingen; samenloop rekent de verhouding uit de wet exact uit, wat tot ongeveer een "
                   "euro per korting kan verschillen.")
    grens = b.geboortejaar_partnerregel
    geboren_voor = (inv.geboren_aanvrager if rol == "aanvrager" else inv.geboren_partner)[i, 0] < grens
    if h.kortingen[i] > h.heffing[i] and geboren_voor and inv.heeft_partner[i].any():
        uit.append(f"De heffingskortingen van de {naam} zijn hoger dan de heffing. Wie vóór "
                   f"{grens:g} is geboren en een partner heeft, kan de algemene heffingskorting "
                   "mogelijk toch (deels) uitbetaald krijgen ten laste van de partner (Wet IB 2001 art. 8.9); dat is "
                   "niet berekend.")
    return uit


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="inkomstenbelasting", instantie=INSTANTIE, soort="heffing", bereken=bereken,
    nodig={"wga": WgaBruto}, geeft=InkomenNaBelasting, werkt_invoer_bij=werk_invoer_bij,
    bovenop_netto=False,   # the net income after tax is the base of the netto besteedbaar inkomen
    feitvelden=(Veld("verzamelinkomen", "getal", "het verzamelinkomen van aanvrager en partner samen (alleen box 1)"),),
    rang=20,
)
