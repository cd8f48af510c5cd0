"""Algemene bijstand — Participatiewet (Pw, BWBR0015703); uitvoering: gemeente (pensioengerechtigden: SVB).

Per kalendermaand (Pw art. 19 lid 1-2) the alleenstaande or the gezin has a right to the difference between the
bijstandsnorm and the in aanmerking te nemen inkomen, if there is no in aanmerking te nemen vermogen:

    bijstand = max(0, norm − (netto inkomen − vrijlating)),  nothing when vermogen > vermogensgrens

- norm: art. 20 (18-20 years, including the combinations with one partner of 18-20), art. 21 (21 to AOW age),
  art. 22 (AOW age), and with kostendelende medebewoners of 27 or older (art. 19a) the kostendelersnorm of
  art. 22a: ((40 + A × 30) / (A × 100)) × B per person. Norms are net and include vakantietoeslag (art. 19 lid 3).
- inkomen: the net income of aanvrager and partner (art. 31 lid 1 and 3, art. 32), as the inkomstenbelasting hands it
  on (InkomenNaBelasting.netto_zonder_bijstand_per_maand). The bijstand received now is compared with the entitlement
  net, as the norms are net: what it leaves after its own tax (bijstand_netto_per_maand); given net
  (inkomen.bijstand_netto, as on the beschikking) that is the amount given. The WGA counts as the wga regeling
  computed it (WgaBruto).
  Bijstand already received, toeslagen, kinderbijslag and kindgebonden budget are not counted (art. 31 lid 2 b, d);
  nor is the income of children (art. 31 lid 2 onder h) or of medebewoners (not part of the gezin, art. 4).
- vrijlating: art. 31 lid 2 onder n (25% of income from work, 27+, six months below AOW age), onder r (alleenstaande
  ouder with a child under 12, after the n period), art. 33 lid 5 (small private pension at AOW age).
- vermogen: the household's vermogen against the vermogensgrens of art. 34 lid 3.
- a zelfstandige (winst > 0) goes through the Bbz 2004: named, not computed; the Pw norm gap is still reported.

``Bijstandsnorm.soort_per_maand`` (what the bijstand hands on to the kwijtschelding) and ``details["norm_soort"]``
hold codes into NORM_SOORTEN: 0 alleenstaande, 1 alleenstaande ouder, 2 gehuwden,
3 pensioengerechtigd alleenstaande (ouder), 4 pensioengerechtigd gehuwden (one or both at AOW age).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld
from ..invoer import Invoer, jaartotaal, verjaardag_na_eerste_dag
from ..parameters import ParameterLezer, Parameters
from .register import Regeling
from ._uitkomst import Uitkomst, nodig
from .inkomstenbelasting import InkomenNaBelasting
from .wga import WgaBruto

REGELING = "bijstand"
INSTANTIE = "gemeente"
NORM_SOORTEN = ("alleenstaande", "alleenstaande ouder", "gehuwden", "pensioengerechtigd alleenstaande",
                "pensioengerechtigd gehuwden")
PERSONEN = ("aanvrager", "partner")
# Sources that count as income for the bijstand (art. 32 lid 1 onder a); "bijstand" itself is what is
# received now and is not income for the entitlement. The WGA is added separately (from the wga regeling).
INKOMENSBRONNEN = ("loon", "winst", "ww", "aow", "pensioen", "overig")
ARBEID = ("loon", "winst")   # inkomsten uit arbeid for the vrijlating (art. 31 lid 2 onder n, r)


@dataclass(frozen=True)
class Bijstandsnorm:
    """What the bijstand hands on (to the kwijtschelding, URI art. 16: the kosten van bestaan follow the norm)."""
    per_maand: np.ndarray        # (N, 12) the applicable norm (Pw art. 20-22a), net
    soort_per_maand: np.ndarray  # (N, 12) its kind, a code into NORM_SOORTEN

# What the norm rests on, per month (grondslag codes): text and article.
GRONDSLAGEN = (
    ("jonger dan 18 jaar: geen recht op bijstand", "Pw art. 13 lid 1 onder f"),
    ("alleenstaande van 18, 19 of 20 jaar", "Pw art. 20 lid 1 onder a"),
    ("alleenstaande ouder van 18, 19 of 20 jaar", "Pw art. 20 lid 2 onder a"),
    ("gehuwden die beiden 18, 19 of 20 jaar zijn, zonder ten laste komende kinderen", "Pw art. 20 lid 1 onder b"),
    ("gehuwden die beiden 18, 19 of 20 jaar zijn, met ten laste komende kinderen", "Pw art. 20 lid 2 onder b"),
    ("gehuwden van wie één 18, 19 of 20 jaar is en de ander 21 of ouder, zonder ten laste komende kinderen",
     "Pw art. 20 lid 1 onder c"),
    ("gehuwden van wie één 18, 19 of 20 jaar is en de ander 21 of ouder, met ten laste komende kinderen",
     "Pw art. 20 lid 2 onder c"),
    ("alleenstaande van 21 jaar of ouder, jonger dan de AOW-leeftijd", "Pw art. 21 onder a"),
    ("alleenstaande ouder van 21 jaar of ouder, jonger dan de AOW-leeftijd", "Pw art. 21 onder a"),
    ("gehuwden, beiden 21 jaar of ouder en jonger dan de AOW-leeftijd", "Pw art. 21 onder b"),
    ("alleenstaande (ouder) die de AOW-leeftijd heeft bereikt", "Pw art. 22 onder a"),
    ("gehuwden die beiden de AOW-leeftijd hebben bereikt", "Pw art. 22 onder b"),
    ("gehuwden van wie één de AOW-leeftijd heeft bereikt", "Pw art. 22 onder c"),
)
G_MINDERJARIG, G_JONG_ALLEEN, G_JONG_OUDER, G_JONG_GEHUWD, G_JONG_GEHUWD_KIND, G_EEN_JONG, G_EEN_JONG_KIND, \
    G_ALLEEN, G_OUDER, G_GEHUWD, G_AOW_ALLEEN, G_AOW_GEHUWD, G_AOW_EEN = range(len(GRONDSLAGEN))


# --- who lives in the household, per month --------------------------------------------------------------
@dataclass
class Leefsituatie:
    """Ages and household composition per month (N, 12), as the Participatiewet sees them."""
    partner: np.ndarray             # gehuwd (art. 3): a partner in that month
    leeftijd: dict[str, np.ndarray]  # aanvrager / partner (partner: -1 in months without one)
    meerderjarig_a: np.ndarray      # aanvrager is 18 or older (art. 13 lid 1 onder f)
    jong: dict[str, np.ndarray]     # 18, 19 or 20 (art. 20); for the partner: younger than 21
    aow: dict[str, np.ndarray]      # reached the pensioengerechtigde leeftijd (art. 22)
    kinderen: np.ndarray            # one or more ten laste komende kinderen (art. 4 lid 1)
    kind_onder_12: np.ndarray       # a ten laste komend kind younger than 12 (art. 31 lid 2 onder r onder 1°)
    kostendelers: np.ndarray        # int: kostendelende medebewoners, 27 or older (art. 19a lid 1)


def leefsituatie(inv: Invoer, p) -> Leefsituatie:
    """Ages per month and the household's composition: partner (Pw art. 3), ten laste komende kinderen (art. 4 lid 1)
    and kostendelende medebewoners (art. 19a). The Participatiewet has no month rule like Awir art. 5: an age or a
    birth counts from the day itself. samenloop counts whole months with the situation on the first day of each
    month (``leeftijd_per_maand``; the AOW age in years and months, AOW art. 7a); the months where a birthday after
    the first day changes the norm are named in the waarschuwingen (``overgangen_midden_in_maand``)."""
    partner = inv.heeft_partner
    leeftijd = {"aanvrager": inv.leeftijd("aanvrager"), "partner": np.where(partner, inv.leeftijd("partner"), -1)}
    volwassen = p("bijstand.leeftijd_volwassennorm")
    aow_leeftijd = p("algemeen.aow_leeftijd")
    bew = inv.leeftijd("bewoner")                                      # (N, B, 12)
    aanwezig = inv.bewoner_aanwezig[:, :, None] & (bew >= 0)          # born by that month
    ten_laste = aanwezig & inv.bewoner_is_kind[:, :, None] & (bew < p("bijstand.leeftijd_ten_laste_komend_kind"))
    onder_12 = ten_laste & (bew < p("bijstand.vrijlating_alleenstaande_ouder_leeftijd_kind"))
    kostendelend = aanwezig & (bew >= p("bijstand.kostendelende_medebewoner_minimumleeftijd"))
    return Leefsituatie(
        partner=partner,
        leeftijd=leeftijd,
        meerderjarig_a=leeftijd["aanvrager"] >= p("bijstand.minimumleeftijd"),
        jong={"aanvrager": leeftijd["aanvrager"] < volwassen, "partner": partner & (leeftijd["partner"] < volwassen)},
        aow={"aanvrager": inv.bereikt("aanvrager", aow_leeftijd),
             "partner": partner & inv.bereikt("partner", aow_leeftijd)},
        kinderen=ten_laste.any(axis=1),
        kind_onder_12=onder_12.any(axis=1),
        kostendelers=kostendelend.sum(axis=1),
    )


def overgangen_midden_in_maand(inv: Invoer, i: int, p) -> np.ndarray:
    """(12,) bool for household i: months in which, on a day after the first, the aanvrager or partner reaches an
    age the bijstand looks at (18, 21, 27, the AOW age), or a child or medebewoner is born or reaches 12, 18 or 27.
    In those months the real bijstand changes on that day; samenloop counts the whole month as on its first day."""
    sel = slice(i, i + 1)
    grenzen_ouders = (p("bijstand.minimumleeftijd"), p("bijstand.leeftijd_volwassennorm"),
                      p("bijstand.vrijlating_minimumleeftijd"), p("algemeen.aow_leeftijd"))
    grenzen_bewoners = (0, p("bijstand.vrijlating_alleenstaande_ouder_leeftijd_kind"),
                        p("bijstand.leeftijd_ten_laste_komend_kind"),
                        p("bijstand.kostendelende_medebewoner_minimumleeftijd"))
    uit = np.zeros(12, dtype=bool)
    for g in grenzen_ouders:
        uit |= verjaardag_na_eerste_dag(inv.geboren_aanvrager[sel], inv.jaar, g)[0]
        uit |= (verjaardag_na_eerste_dag(inv.geboren_partner[sel], inv.jaar, g) & inv.heeft_partner[sel])[0]
    bewoners = inv.bewoner_geboren[i][inv.bewoner_aanwezig[i]]                      # (b, 3)
    for g in grenzen_bewoners:
        uit |= verjaardag_na_eerste_dag(bewoners, inv.jaar, g).any(axis=0)
    return uit


# --- the norm ------------------------------------------------------------------------------------------
def op_centen(bedrag: np.ndarray) -> np.ndarray:
    """Round half up to whole cents (the published norms are in cents; 0,50 × 2.002,13 = 1.001,07)."""
    return np.floor(np.asarray(bedrag) * 100 + 0.5 + 1e-6) / 100


def kostendelersnorm(a: np.ndarray, b: np.ndarray, p) -> np.ndarray:
    """Pw art. 22a lid 1: ((40 + A × 30) / (A × 100)) × B for one belanghebbende, A the number of kostendelende
    medebewoners plus the belanghebbende and his echtgenoot of 21 or older, B the gehuwdennorm that applies."""
    a = np.maximum(a, 1)
    return op_centen((p("bijstand.kostendelersnorm_vast_deel") + a * p("bijstand.kostendelersnorm_deel_per_persoon"))
                     / a * b)


def normen_zonder_kostendelers(s: Leefsituatie, p) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) norm and grondslag code without kostendelende medebewoners: Pw art. 20 (18-20 years, also one
    partner of 18-20), art. 21 (21 to AOW age) and art. 22 (AOW age)."""
    m = p.per_maand
    alleen, kind = ~s.partner, s.kinderen
    jong_a, jong_p = s.jong["aanvrager"], s.jong["partner"]
    aow_a, aow_p = s.aow["aanvrager"], s.aow["partner"]
    gevallen = [  # (condition, grondslag, norm (12,))
        (~s.meerderjarig_a, G_MINDERJARIG, np.zeros(12)),
        (alleen & jong_a & ~kind, G_JONG_ALLEEN, m("bijstand.norm_jongere_alleenstaande")),
        (alleen & jong_a & kind, G_JONG_OUDER, m("bijstand.norm_jongere_alleenstaande")),
        (alleen & aow_a, G_AOW_ALLEEN, m("bijstand.norm_pensioen_alleenstaande")),
        (alleen & ~kind, G_ALLEEN, m("bijstand.norm_alleenstaande")),
        (alleen & kind, G_OUDER, m("bijstand.norm_alleenstaande")),
        (jong_a & jong_p & ~kind, G_JONG_GEHUWD, m("bijstand.norm_jongere_gehuwden_zonder_kinderen")),
        (jong_a & jong_p & kind, G_JONG_GEHUWD_KIND, m("bijstand.norm_jongere_gehuwden_met_kinderen")),
        ((jong_a | jong_p) & ~kind, G_EEN_JONG, m("bijstand.norm_gehuwden_een_jongere_zonder_kinderen")),
        ((jong_a | jong_p) & kind, G_EEN_JONG_KIND, m("bijstand.norm_gehuwden_een_jongere_met_kinderen")),
        (aow_a & aow_p, G_AOW_GEHUWD, m("bijstand.norm_pensioen_gehuwden")),
        (aow_a | aow_p, G_AOW_EEN, m("bijstand.norm_pensioen_gehuwden_een_pensioengerechtigd")),
    ]
    vorm = s.partner.shape
    keuzes = [np.broadcast_to(c, vorm) for c, _, _ in gevallen]
    grond = np.select(keuzes, [np.full(vorm, g) for _, g, _ in gevallen], G_GEHUWD)
    norm = np.select(keuzes, [np.broadcast_to(w, vorm) for _, _, w in gevallen], m("bijstand.norm_gehuwden")[None, :])
    return norm, grond


def gehuwdennorm_b(aow_zelf: np.ndarray, aow_echtgenoot: np.ndarray, p) -> np.ndarray:
    """Pw art. 22a lid 1, B: art. 21 onder b below AOW age; art. 22 onder c if only the echtgenoot has reached it;
    art. 22 onder b if the belanghebbende has reached it."""
    m = p.per_maand
    return np.where(aow_zelf, m("bijstand.norm_pensioen_gehuwden")[None, :],
                    np.where(aow_echtgenoot, m("bijstand.norm_pensioen_gehuwden_een_pensioengerechtigd")[None, :],
                             m("bijstand.norm_gehuwden")[None, :]))


@dataclass
class Norm:
    bedrag: np.ndarray            # (N, 12) the applicable norm
    zonder_kostendelers: np.ndarray
    grondslag: np.ndarray         # (N, 12) int, GRONDSLAGEN
    kostendelersnorm: np.ndarray  # (N, 12) bool: art. 22a applied
    a: np.ndarray                 # (N, 12) int: A of art. 22a lid 1 (0 where not applied)
    b: np.ndarray                 # (N, 12) B of art. 22a lid 1 for that belanghebbende (0 where not applied)
    per_persoon: np.ndarray       # (N, 12) the art. 22a norm of one belanghebbende of 21 or older
    jongere_bedrag: np.ndarray    # (N, 12) art. 22a lid 3 amount for an echtgenoot of 18-20 (0 where not)
    soort: np.ndarray             # (N, 12) int, NORM_SOORTEN


def bijstandsnorm(s: Leefsituatie, p) -> Norm:
    """The norm per month: art. 20-22, replaced by the kostendelersnorm of art. 22a lid 1-3 when a
    belanghebbende of 21 or older has one or more kostendelende medebewoners (not for those under 21)."""
    basis, grond = normen_zonder_kostendelers(s, p)
    jong_a, jong_p, aow_a, aow_p = s.jong["aanvrager"], s.jong["partner"], s.aow["aanvrager"], s.aow["partner"]
    k = s.kostendelers
    alleen_volwassen = ~s.partner & ~jong_a & s.meerderjarig_a
    beiden_volwassen = s.partner & ~jong_a & ~jong_p
    een_jong = s.partner & (jong_a ^ jong_p) & s.meerderjarig_a
    toegepast = (k > 0) & (alleen_volwassen | beiden_volwassen | een_jong)
    a = np.where(toegepast, k + 1 + beiden_volwassen, 0)
    zeros = np.zeros(s.partner.shape)
    b, per_persoon, jongere, bedrag = zeros, zeros, zeros, basis
    if toegepast.any():   # read the (B-graded) formula only where it is used
        b_a, b_p = gehuwdennorm_b(aow_a, aow_p & s.partner, p), gehuwdennorm_b(aow_p, aow_a, p)
        per_a, per_p = kostendelersnorm(a, b_a, p), kostendelersnorm(a, b_p, p)
        # lid 3: with one echtgenoot of 18-20, an amount for him plus the art. 22a norm of the one of 21 or older
        jongere = np.where(een_jong, np.where(
            s.kinderen, p.per_maand("bijstand.kostendelersnorm_jongere_partner_met_kinderen")[None, :],
            p.per_maand("bijstand.kostendelersnorm_jongere_partner_zonder_kinderen")[None, :]), 0.0)
        per_volwassene = np.where(een_jong & jong_a, per_p, per_a)
        samen = np.where(beiden_volwassen, per_a + per_p, per_volwassene + jongere)   # lid 2: the sum
        per_persoon = np.where(toegepast, per_volwassene, 0.0)
        b = np.where(toegepast, np.where(een_jong & jong_a, b_p, b_a), 0.0)
        jongere = np.where(toegepast, jongere, 0.0)
        bedrag = np.where(toegepast, samen, basis)
    bedrag = np.where(s.meerderjarig_a, bedrag, 0.0)
    soort = np.where(s.partner, np.where(aow_a | aow_p, 4, 2),
                     np.where(aow_a, 3, np.where(s.kinderen, 1, 0)))
    return Norm(bedrag=bedrag, zonder_kostendelers=np.where(s.meerderjarig_a, basis, 0.0), grondslag=grond,
                kostendelersnorm=toegepast, a=a, b=b, per_persoon=per_persoon, jongere_bedrag=jongere, soort=soort)


# --- income ----------------------------------------------------------------------------------------------
@dataclass
class Inkomen:
    """Income per person and month as the bijstand counts it (art. 31-33)."""
    bruto: dict[str, dict[str, np.ndarray]]   # persoon -> bron -> (N, 12), "wga" included, "bijstand" apart
    ontvangen_bijstand: np.ndarray            # (N, 12) bijstand received now (both), net: not counted, compared
    ontvangen_bijstand_bruto: np.ndarray      # (N, 12) the same, gross (as given, or derived from the net amount)
    ontvangen_uit_netto: np.ndarray           # (N,) bool: received bijstand given net (inkomen.bijstand_netto)
    factor_netto: dict[str, np.ndarray]       # persoon -> (N, 12) net/gross of that person's income
    voor_vrijlating: np.ndarray               # (N, 12) household income before the vrijlatingen

    def arbeid_netto(self, persoon: str) -> np.ndarray:
        """Net income from work of one person (art. 31 lid 2 onder n: inkomsten uit arbeid, after art. 31 lid 3)."""
        return sum(self.bruto[persoon][b] for b in ARBEID) * self.factor_netto[persoon]

    def pensioen_netto(self) -> np.ndarray:
        return sum(self.bruto[k]["pensioen"] * self.factor_netto[k] for k in PERSONEN)


def inkomen_per_bron(inv: Invoer, wga: WgaBruto) -> dict[str, dict[str, np.ndarray]]:
    """Gross income per person and source (N, 12); the WGA as the wga regeling computed it replacing inkomen.wga, so
    it is never counted twice. Negative winst counts as nil. The partner's income counts only in months with a
    partner (art. 31 lid 1: the gezin)."""
    bruto = {}
    for k, inkomen, in_huis in (("aanvrager", inv.inkomen_aanvrager, np.ones_like(inv.heeft_partner)),
                                ("partner", inv.inkomen_partner, inv.heeft_partner)):
        bron = {b: np.asarray(inkomen[b], dtype=float) for b in INKOMENSBRONNEN}
        bron["winst"] = np.maximum(bron["winst"], 0.0)
        bron["wga"] = np.broadcast_to(np.asarray(wga.van(k), dtype=float), (inv.n, 12))
        bron["bijstand"] = np.asarray(inkomen["bijstand"], dtype=float)
        bruto[k] = {b: np.where(in_huis, v, 0.0) for b, v in bron.items()}
    return bruto


def in_aanmerking_te_nemen_inkomen(inv: Invoer, eerder: dict[str, Uitkomst]) -> Inkomen:
    """Pw art. 31 lid 1 and 3, art. 32: the net income of aanvrager and partner per month.

    The inkomstenbelasting's net income without the bijstand received now is used (the other income after the tax it
    would bear alone: the bijstand received is no income for the entitlement), and the bijstand received is compared
    net: what it leaves after its own tax, for bijstand given net exactly the amount on the beschikking."""
    bruto = inkomen_per_bron(inv, nodig(eerder, "wga", WgaBruto, REGELING))
    ib = nodig(eerder, "inkomstenbelasting", InkomenNaBelasting, REGELING)
    ontvangen_bruto = bruto["aanvrager"]["bijstand"] + bruto["partner"]["bijstand"]
    telt = {k: sum(v for b, v in bruto[k].items() if b != "bijstand") for k in PERSONEN}
    netto = np.asarray(ib.netto_zonder_bijstand_per_maand, dtype=float)
    f = _deel(netto, telt["aanvrager"] + telt["partner"])
    return Inkomen(bruto, np.asarray(ib.bijstand_netto_per_maand, dtype=float), ontvangen_bruto,
                   np.asarray(ib.bijstand_uit_netto, dtype=bool), {k: f for k in PERSONEN}, np.maximum(netto, 0.0))


HALVE_CENT = 0.005  # below this an amount is no money: a ratio over it would overflow (denormal numbers)


def _deel(teller: np.ndarray, noemer: np.ndarray) -> np.ndarray:
    """teller / noemer where the noemer is at least half a cent, else 0."""
    return np.divide(teller, noemer, out=np.zeros_like(teller, dtype=float), where=noemer >= HALVE_CENT)


# --- vrijlatingen -----------------------------------------------------------------------------------------
@dataclass
class Vrijlating:
    n: dict[str, np.ndarray]    # persoon -> (N, 12) art. 31 lid 2 onder n
    r: np.ndarray               # (N, 12) art. 31 lid 2 onder r (aanvrager as alleenstaande ouder)
    oudedag: np.ndarray         # (N, 12) art. 33 lid 5
    jonger_dan_27: dict[str, np.ndarray]  # persoon -> (N, 12): income from work but no n/r (art. 31 lid 5)

    @property
    def totaal(self) -> np.ndarray:
        return self.n["aanvrager"] + self.n["partner"] + self.r + self.oudedag


def maanden_met_arbeid(arbeid: np.ndarray) -> np.ndarray:
    """(N, 12) the how-manieth month of the year with income from work this is (0 without)."""
    heeft = arbeid > 0
    return np.where(heeft, np.cumsum(heeft, axis=1), 0)


def vrijlating_arbeid(ink: Inkomen, s: Leefsituatie, p) -> tuple[dict[str, np.ndarray], np.ndarray, dict]:
    """Pw art. 31 lid 2 onder n: 25% of the income from work, at most the monthly maximum, per person; below the
    AOW age for at most six months (assumed: the first six months of the year with income from work). Onder r:
    an alleenstaande ouder with a ten laste komend kind under 12 keeps 12,5% (at most the maximum) after those
    six months. Neither applies under 27 (lid 5)."""
    grens = p("bijstand.vrijlating_minimumleeftijd")
    n_max = p.per_maand("bijstand.vrijlating_arbeid_maximum")[None, :]
    zes = p("bijstand.vrijlating_arbeid_maanden")
    n, jong, r = {}, {}, np.zeros(s.partner.shape)
    for k in PERSONEN:
        arbeid = ink.arbeid_netto(k)
        volgnummer = maanden_met_arbeid(arbeid)
        oud_genoeg = s.leeftijd[k] >= grens
        binnen_periode = s.aow[k] | (volgnummer <= zes)
        n[k] = np.where(oud_genoeg & (arbeid > 0) & binnen_periode,
                        np.minimum(p("bijstand.vrijlating_arbeid_percentage") * arbeid, n_max), 0.0)
        jong[k] = (arbeid > 0) & ~oud_genoeg & (s.leeftijd[k] >= p("bijstand.minimumleeftijd"))
        if k == "aanvrager":
            ouder = ~s.partner & s.kind_onder_12 & oud_genoeg & (arbeid > 0) & ~binnen_periode
            if ouder.any():
                r = np.where(ouder, np.minimum(p("bijstand.vrijlating_alleenstaande_ouder_percentage") * arbeid,
                                               p.per_maand("bijstand.vrijlating_alleenstaande_ouder_maximum")[None, :]),
                             0.0)
    return {k: op_centen(v) for k, v in n.items()}, op_centen(r), jong


def vrijlating_oudedagsvoorziening(ink: Inkomen, s: Leefsituatie, p) -> np.ndarray:
    """Pw art. 33 lid 5: at AOW age (the alleenstaande or one of the gehuwden) a periodic private pension is left
    out of account up to the monthly amount (alleenstaande / gehuwden together)."""
    pensioen = ink.pensioen_netto()
    aow = s.aow["aanvrager"] | (s.partner & s.aow["partner"])
    if not (aow & (pensioen > 0)).any():
        return np.zeros(s.partner.shape)
    maximum = np.where(s.partner, p.per_maand("bijstand.vrijlating_oudedagsvoorziening_gehuwden")[None, :],
                       p.per_maand("bijstand.vrijlating_oudedagsvoorziening_alleenstaande")[None, :])
    return op_centen(np.where(aow, np.minimum(pensioen, maximum), 0.0))


# --- vermogen ---------------------------------------------------------------------------------------------
def vermogensgrens(s: Leefsituatie, p) -> np.ndarray:
    """(N, 12) Pw art. 34 lid 3: alleenstaande, alleenstaande ouder, gehuwden together."""
    return np.where(s.partner, p("bijstand.vermogensgrens_gehuwden"),
                    np.where(s.kinderen, p("bijstand.vermogensgrens_alleenstaande_ouder"),
                             p("bijstand.vermogensgrens_alleenstaande"))).astype(float)


def zelfstandige(inv: Invoer) -> np.ndarray:
    """(N,) aanvrager or partner has winst: bijstand for zelfstandigen runs through the Bbz 2004."""
    return (inv.inkomen_aanvrager["winst"] > 0).any(axis=1) | \
        ((inv.inkomen_partner["winst"] > 0) & inv.heeft_partner).any(axis=1)


# --- the regeling -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Toelichting:
    """Parameters only the explanation names, read once in ``bereken`` so the sources list them (None: not read)."""
    verhoging_jongere: np.ndarray | None = None   # (12,) art. 20 lid 3 (the dated choice: raise of the norm)
    urenbeperkt_percentage: float | None = None   # art. 31 lid 2 onder y (not computed, named)
    urenbeperkt_maximum: float | None = None
    n_percentage: float | None = None             # art. 31 lid 2 onder n
    n_maanden: int | None = None
    art_34a: bool = False                         # art. 34a in the law text, its start not confirmed
    r_maanden: int | None = None                  # art. 31 lid 2 onder r
    woning_vrijgelaten: float | None = None       # art. 34 lid 2 onder d


def toelichting(inv: Invoer, s: Leefsituatie, ink: Inkomen, vrij: Vrijlating, p: ParameterLezer) -> _Toelichting:
    """Read the parameters the explanation and warnings name, where they apply: the raise of the norm for a jongere
    without support from the parents (art. 20 lid 3, from 2026; in 2025 bijzondere bijstand, art. 12), the
    vrijlatingen (art. 31 lid 2 onder n, r, y; art. 34a) and the vrijgelaten overwaarde of an own home (art. 34)."""
    waarden: dict = {}
    if (s.jong["aanvrager"] & s.meerderjarig_a).any() or s.jong["partner"].any():
        # the dated choice between the raise of the norm (art. 20 lid 3, 2026) and bijzondere bijstand (art. 12, 2025)
        if p("bijstand.jongere_zonder_steun_ouders") == "verhoging_norm":
            waarden["verhoging_jongere"] = p.per_maand("bijstand.verhoging_jongere_zonder_steun_ouders")
    if sum(ink.arbeid_netto(k) for k in PERSONEN).any():
        waarden["urenbeperkt_percentage"] = p("bijstand.vrijlating_medisch_urenbeperkt_percentage")
        waarden["urenbeperkt_maximum"] = p("bijstand.vrijlating_medisch_urenbeperkt_maximum")
        waarden["n_percentage"] = p("bijstand.vrijlating_arbeid_percentage")
        waarden["n_maanden"] = p("bijstand.vrijlating_arbeid_maanden")
        waarden["art_34a"] = bool(p("bijstand.vrijlating_art_34a_in_wettekst"))
    if (vrij.r > 0).any():
        waarden["r_maanden"] = p("bijstand.vrijlating_alleenstaande_ouder_maanden")
    if (~inv.huurwoning).any():
        waarden["woning_vrijgelaten"] = p("bijstand.vermogen_eigen_woning_vrijgelaten")
    return _Toelichting(**waarden)


@dataclass(frozen=True)
class _Berekening:
    """Every array the amount and its explanation come from, so both are built from the same numbers."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    s: Leefsituatie
    norm: Norm
    ink: Inkomen
    vrij: Vrijlating
    inkomen: np.ndarray        # (N, 12) counted income after the vrijlatingen
    tekort: np.ndarray         # (N, 12) max(0, norm − inkomen), cents
    grens: np.ndarray          # (N, 12)
    onder_grens: np.ndarray    # (N, 12)
    bbz: np.ndarray            # (N,)
    zonder_vermogenstoets: np.ndarray  # (N, 12) the bijstand had the vermogen been below the grens
    maand: np.ndarray          # (N, 12) the bijstand
    jaarbedrag: np.ndarray
    ontvangt_jaar: np.ndarray
    peilmaand: np.ndarray      # (N,) the month the explanation describes
    toelichting: _Toelichting

    @property
    def rij(self) -> np.ndarray:
        return np.arange(self.inv.n)


def vrijlatingen(ink: Inkomen, s: Leefsituatie, p: ParameterLezer) -> Vrijlating:
    """Pw art. 31 lid 2 onder n and r (income from work) and art. 33 lid 5 (a small private pension at AOW age)."""
    n, r, jong = vrijlating_arbeid(ink, s, p)
    return Vrijlating(n=n, r=r, oudedag=vrijlating_oudedagsvoorziening(ink, s, p), jonger_dan_27=jong)


def tekort_op_norm(norm: Norm, inkomen: np.ndarray) -> np.ndarray:
    """(N, 12) Pw art. 19 lid 2: the norm minus the income, not below nil, in cents; nil without a norm."""
    return np.where(norm.bedrag > 0, op_centen(np.maximum(norm.bedrag - inkomen, 0.0)), 0.0)


def peilmaand(norm: Norm) -> np.ndarray:
    """(N,) the first month with a norm (January without any): the month the explanation describes."""
    met_norm = norm.bedrag > 0
    return np.where(met_norm.any(axis=1), met_norm.argmax(axis=1), 0)


def _berekening(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst]) -> _Berekening:
    """The steps of the law in order: household, norm, income, vrijlatingen, gap to the norm, Bbz and vermogen."""
    p = parameters.lezer()
    s = leefsituatie(inv, p)
    norm = bijstandsnorm(s, p)
    ink = in_aanmerking_te_nemen_inkomen(inv, eerder)
    vrij = vrijlatingen(ink, s, p)
    inkomen = np.maximum(ink.voor_vrijlating - vrij.totaal, 0.0)
    tekort = tekort_op_norm(norm, inkomen)
    grens = vermogensgrens(s, p)
    onder_grens = inv.vermogen[:, None] <= grens
    bbz = zelfstandige(inv)
    zonder_vermogenstoets = np.where(bbz[:, None], 0.0, tekort)
    maand = np.where(onder_grens, zonder_vermogenstoets, 0.0)
    return _Berekening(inv=inv, parameters=parameters, p=p, s=s, norm=norm, ink=ink, vrij=vrij, inkomen=inkomen,
                       tekort=tekort, grens=grens, onder_grens=onder_grens, bbz=bbz,
                       zonder_vermogenstoets=zonder_vermogenstoets, maand=maand,
                       jaarbedrag=np.round(jaartotaal(maand), 2), ontvangt_jaar=jaartotaal(ink.ontvangen_bijstand),
                       peilmaand=peilmaand(norm), toelichting=toelichting(inv, s, ink, vrij, p))


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    b = _berekening(inv, parameters, eerder or {})
    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=b.maand, jaarbedrag=b.jaarbedrag,
        recht=b.jaarbedrag > 0, uitleg=lambda i: _uitleg(i, b), bronnen=lambda i: _bronnen(i, b),
        waarschuwingen=lambda i: _waarschuwingen(i, b), lezer=b.p,
        ontvangen=b.ink.ontvangen_bijstand, ontvangen_bedragen="netto",
        signaalbronnen={"bron_recht": "Participatiewet art. 19 lid 1", "bron_vermogen": "Participatiewet art. 34 lid 3",
                        "bron_bbz": "Besluit bijstandverlening zelfstandigen 2004"},
        feiten=_feiten(b), details=_details(b),
        doorgifte=Bijstandsnorm(per_maand=b.norm.bedrag, soort_per_maand=b.norm.soort),
    )


def _feiten(b: _Berekening) -> dict[str, np.ndarray]:
    return {
        "norm_jaar": np.round(jaartotaal(b.norm.bedrag), 2),
        "inkomen_jaar": np.round(jaartotaal(b.inkomen), 2),
        "vrijlating_jaar": np.round(jaartotaal(b.vrij.totaal), 2),
        "vermogen": b.inv.vermogen,
        "vermogensgrens": b.grens[b.rij, b.peilmaand],
        "jaarbedrag_zonder_vermogenstoets": np.round(jaartotaal(b.zonder_vermogenstoets), 2),
        "ontvangt_jaar": b.ontvangt_jaar,
        "bbz_route": b.bbz,
        "tekort_tov_norm_jaar": np.round(jaartotaal(b.tekort), 2),
    }


def _details(b: _Berekening) -> dict[str, np.ndarray]:
    return {
        "norm_per_maand": b.norm.bedrag,                                # (N, 12) the applicable norm (art. 20-22a)
        "norm_soort": b.norm.soort[b.rij, b.peilmaand],                 # (N,) NORM_SOORTEN code in the peilmaand
        "norm_soort_per_maand": b.norm.soort,                           # (N, 12)
        "norm_zonder_kostendelers_per_maand": b.norm.zonder_kostendelers,  # (N, 12) art. 20-22 without art. 22a
        "inkomen_per_maand": b.inkomen,                                 # (N, 12) counted, after the vrijlatingen
        "vrijlating_per_maand": b.vrij.totaal,                          # (N, 12)
        "tekort_per_maand": b.tekort,                                   # (N, 12) norm gap without Bbz/vermogen
    }


def _bronnen(i: int, b: _Berekening) -> list[str]:
    uit = ["Participatiewet art. 4 lid 1, art. 13 lid 1 onder f (leeftijd, ten laste komend kind)",
           "Participatiewet art. 19 lid 1-3 (recht en hoogte algemene bijstand)",
           "Participatiewet art. 19a, 20, 21, 22 en 22a (normen, kostendelersnorm)",
           "Participatiewet art. 31 lid 1-3 en 5, art. 32, art. 33 lid 5 (middelen, inkomen, vrijlatingen)",
           "Participatiewet art. 34 lid 1-3 (vermogen, vermogensgrens)"]
    if b.bbz[i]:
        uit.append("Besluit bijstandverlening zelfstandigen 2004 (BWBR0015711)")
    return uit + [f"{r.id}: {r.bron}" for r in (b.parameters.record(x) for x in b.p.gelezen)]


# --- explanation ------------------------------------------------------------------------------------------
def _per_bedrag(reeks: np.ndarray, maanden: np.ndarray | None = None) -> str:
    """'jan–jun € 1.401,50; jul–dec € 1.419,46' for the months given (default: all)."""
    idx = np.arange(12) if maanden is None else np.asarray(maanden)
    groepen: dict[float, list[int]] = {}
    for m in idx:
        groepen.setdefault(round(float(reeks[m]), 2), []).append(int(m))
    return "; ".join(f"{opmaak.maanden(ms)} {opmaak.euro(bedrag, centen=True)}" for bedrag, ms in groepen.items())


def _uitleg(i: int, b: _Berekening) -> list[str]:
    """The explanation of household i, step by step as the law goes, described for its peilmaand."""
    p = b.p
    minderjarig = np.flatnonzero(~b.s.meerderjarig_a[i])
    if minderjarig.size == 12:
        return [f"Geen bijstand: de aanvrager is het hele jaar jonger dan {p('bijstand.minimumleeftijd')} jaar "
                "(Pw art. 13 lid 1 onder f)."]
    regels = []
    if minderjarig.size:
        regels.append(f"Geen bijstand in {opmaak.maanden(minderjarig)}: de aanvrager is dan jonger dan "
                      f"{p('bijstand.minimumleeftijd')} jaar (Pw art. 13 lid 1 onder f).")
    m = int(b.peilmaand[i])
    return (regels + _uitleg_norm(i, m, b) + _uitleg_inkomen(i, m, b) + _uitleg_vrijlatingen(i, m, b)
            + _uitleg_bijstand(i, m, b) + _uitleg_vermogen(i, m, b) + _uitleg_jaar(i, b))


def _uitleg_norm(i: int, m: int, b: _Berekening) -> list[str]:
    """The norm in the peilmaand (Pw art. 20-22, or the kostendelersnorm of art. 22a) and per month."""
    e, s, norm = opmaak.euro, b.s, b.norm
    tekst, artikel = GRONDSLAGEN[int(norm.grondslag[i, m])]
    if norm.kostendelersnorm[i, m]:
        regels = _uitleg_kostendelersnorm(i, m, b, tekst)
    else:
        regels = [f"In {opmaak.MAANDNAMEN[m]}: {tekst}; norm {e(norm.bedrag[i, m], centen=True)} per maand, netto "
                  f"inclusief vakantietoeslag ({artikel}, art. 19 lid 3)."]
    met_norm = np.flatnonzero(norm.bedrag[i] > 0)
    regels.append(f"Norm per maand: {_per_bedrag(norm.bedrag[i], met_norm)} (Pw art. 20-22a; bedragen per 1 januari "
                  "en 1 juli geïndexeerd).")
    if (s.aow["aanvrager"][i] | (s.partner[i] & s.aow["partner"][i])).any():
        regels.append("Wie de AOW-leeftijd heeft bereikt, vraagt deze bijstand (de AIO-aanvulling) aan bij de SVB, "
                      "niet bij de gemeente (Pw art. 47a).")
    return regels


def _uitleg_kostendelersnorm(i: int, m: int, b: _Berekening, tekst: str) -> list[str]:
    """Pw art. 19a and 22a: the formula with A and B, and for echtgenoten the sum (lid 2) or the jongere (lid 3)."""
    e, p, s, norm = opmaak.euro, b.p, b.s, b.norm
    a = int(norm.a[i, m])
    k = int(s.kostendelers[i, m])
    vast, deel = p("bijstand.kostendelersnorm_vast_deel"), p("bijstand.kostendelersnorm_deel_per_persoon")
    breuk = f"{(vast + a * deel) / a:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    regels = [f"In {opmaak.MAANDNAMEN[m]}: {tekst}, met {k} kostendelende medebewoner{'s' if k > 1 else ''} van "
              f"{p('bijstand.kostendelende_medebewoner_minimumleeftijd')} jaar of ouder, dus de "
              f"kostendelersnorm: A = {a}, (({vast * 100:g} + {a} × {deel * 100:g}) / ({a} × 100)) × B = "
              f"{breuk} × {e(norm.b[i, m], centen=True)} = "
              f"{e(norm.per_persoon[i, m], centen=True)} per persoon van 21 jaar of ouder "
              "(Pw art. 19a, art. 22a lid 1)."]
    if s.partner[i, m] and norm.jongere_bedrag[i, m] > 0:
        regels.append(f"Voor de echtgenoot van 18, 19 of 20 jaar komt daar {e(norm.jongere_bedrag[i, m], centen=True)} "
                      f"bij: samen {e(norm.bedrag[i, m], centen=True)} (Pw art. 22a lid 3).")
    elif s.partner[i, m]:
        regels.append(f"Voor beide echtgenoten samen: {e(norm.bedrag[i, m], centen=True)} (Pw art. 22a lid 2).")
    regels.append("Studenten met studiefinanciering en commerciële (onder)huurders of kostgangers tellen niet als "
                  "kostendelende medebewoner; dat onderscheid kent het huishoudbestand niet, dus iedereen van "
                  f"{p('bijstand.kostendelende_medebewoner_minimumleeftijd')} jaar of ouder telt mee "
                  "(Pw art. 19a lid 1).")
    return regels


def _uitleg_inkomen(i: int, m: int, b: _Berekening) -> list[str]:
    """The net income of aanvrager and partner (Pw art. 31 lid 1 en 3, art. 32) and what does not count."""
    e, maand = opmaak.euro, opmaak.MAANDNAMEN[m]
    wie = "aanvrager en partner" if b.s.partner[i, m] else "de aanvrager"
    zonder = ", zonder de bijstand die nu wordt ontvangen" if b.ontvangt_jaar[i] > 0 else ""
    regels = [f"Inkomen van {wie}, netto (uit de berekening van de inkomstenbelasting{zonder}): "
              f"{e(b.ink.voor_vrijlating[i, m], centen=True)} in {maand} (Pw art. 31 lid 1 en 3, art. 32)."]
    wga = sum(b.ink.bruto[k]["wga"][i, m] for k in PERSONEN)
    if wga > 0:
        regels.append(f"De WGA-uitkering telt mee zoals hier berekend ({e(wga, centen=True)} bruto in {maand}), "
                      "één keer (Pw art. 32 lid 1 onder a).")
    regels.append("Kinderbijslag, kindgebonden budget en toeslagen tellen niet als inkomen "
                  "(Pw art. 31 lid 2 onder b en d).")
    if b.ontvangt_jaar[i] > 0:
        regels.append(f"De bijstand die nu wordt ontvangen ({_ontvangen_tekst(i, b)}) telt niet als inkomen voor dit "
                      "recht; hij wordt ermee vergeleken (Pw art. 19 lid 2).")
    return regels


def _uitleg_vrijlatingen(i: int, m: int, b: _Berekening) -> list[str]:
    """The vrijlatingen of Pw art. 31 lid 2 onder n (and lid 5: not under 27), onder r, and art. 33 lid 5."""
    e, pct, p, vrij = opmaak.euro, opmaak.procent, b.p, b.vrij
    regels = []
    for k, wie in (("aanvrager", "de aanvrager"), ("partner", "de partner")):
        nk = vrij.n[k][i]
        if nk.any():
            mnd = np.flatnonzero(nk > 0)
            regels.append(f"Inkomstenvrijlating voor {wie}: {pct(b.toelichting.n_percentage)} van de inkomsten uit "
                          "arbeid, ten hoogste "
                          f"{e(p.per_maand('bijstand.vrijlating_arbeid_maximum')[mnd[0]], centen=True)} "
                          f"per maand: {_per_bedrag(nk, mnd)} (Pw art. 31 lid 2 onder n).")
        if vrij.jonger_dan_27[k][i].any():
            regels.append(f"Geen inkomstenvrijlating voor {wie}: jonger dan {p('bijstand.vrijlating_minimumleeftijd')} "
                          "jaar (Pw art. 31 lid 5).")
    if vrij.r[i].any():
        mnd = np.flatnonzero(vrij.r[i] > 0)
        regels.append(f"Vrijlating alleenstaande ouder met een kind jonger dan "
                      f"{p('bijstand.vrijlating_alleenstaande_ouder_leeftijd_kind')} jaar, na de zes maanden "
                      f"hierboven: {pct(p('bijstand.vrijlating_alleenstaande_ouder_percentage'))}, ten hoogste "
                      f"{e(p.per_maand('bijstand.vrijlating_alleenstaande_ouder_maximum')[mnd[0]], centen=True)} "
                      f"per maand en {b.toelichting.r_maanden} maanden: {_per_bedrag(vrij.r[i], mnd)} "
                      "(Pw art. 31 lid 2 onder r).")
    if vrij.oudedag[i].any():
        mnd = np.flatnonzero(vrij.oudedag[i] > 0)
        regels.append(f"Een klein pensioen (aanvullend pensioen of lijfrente) telt op AOW-leeftijd niet mee tot het "
                      f"bedrag per maand van de wet: {_per_bedrag(vrij.oudedag[i], mnd)} (Pw art. 33 lid 5).")
    if vrij.totaal[i].any():
        regels.append(f"Inkomen dat meetelt na de vrijlating: {e(b.inkomen[i, m], centen=True)} in "
                      f"{opmaak.MAANDNAMEN[m]} (Pw art. 31 lid 2).")
    return regels


def _uitleg_bijstand(i: int, m: int, b: _Berekening) -> list[str]:
    """Bijstand = norm − inkomen (Pw art. 19 lid 2), or for a zelfstandige the Bbz route with the gap named."""
    e = opmaak.euro
    if b.bbz[i]:
        return ["Voor zelfstandigen loopt bijstand via het Bbz (Besluit bijstandverlening zelfstandigen 2004): "
                "de gemeente beoordeelt daar ook het bedrijf (levensvatbaarheid, bedrijfskapitaal). Algemene bijstand "
                "wordt hier daarom niet toegekend; het tekort ten opzichte van de bijstandsnorm zou "
                f"{e(b.tekort[i].sum(), centen=True)} over het jaar zijn (Bbz 2004; Pw art. 19 lid 2)."]
    regels = []
    if b.tekort[i, m] > 0:
        regels.append(f"Bijstand = norm − inkomen: {e(b.norm.bedrag[i, m], centen=True)} − "
                      f"{e(b.inkomen[i, m], centen=True)} = {e(b.tekort[i, m], centen=True)} in "
                      f"{opmaak.MAANDNAMEN[m]} (Pw art. 19 lid 2).")
    geen = np.flatnonzero((b.tekort[i] <= 0) & (b.norm.bedrag[i] > 0))
    if geen.size:
        regels.append(f"Geen bijstand in {opmaak.maanden(geen)}: het inkomen is dan niet lager dan de norm "
                      "(Pw art. 19 lid 1 onder a).")
    return regels


def _uitleg_vermogen(i: int, m: int, b: _Berekening) -> list[str]:
    """The vermogen against the vermogensgrens of the peilmaand (Pw art. 19 lid 1 onder b, art. 34)."""
    e, s, vermogen = opmaak.euro, b.s, b.inv.vermogen[i]
    grens = b.grens[i, m]
    soort = ("gehuwden samen" if s.partner[i, m] else "een alleenstaande ouder" if s.kinderen[i, m]
             else "een alleenstaande")
    if b.onder_grens[i].all():
        return [f"Vermogen {e(vermogen)} is niet hoger dan de vermogensgrens {e(grens)} voor {soort} "
                "(Pw art. 34 lid 2 onder b en lid 3)."]
    return [f"Vermogen {e(vermogen)} is hoger dan de vermogensgrens {e(grens)} voor {soort}: geen "
            f"bijstand zolang het deel boven de grens ({e(vermogen - grens)}) er is "
            "(Pw art. 19 lid 1 onder b, art. 34 lid 3)."]


def _uitleg_jaar(i: int, b: _Berekening) -> list[str]:
    """The bijstand over the year (Pw art. 19), and against the bijstand received now."""
    if b.bbz[i]:
        return []
    regels = []
    if b.jaarbedrag[i] > 0:
        regels.append(f"Bijstand over het jaar: {opmaak.euro(b.jaarbedrag[i], centen=True)} netto "
                      f"({_per_bedrag(b.maand[i], np.flatnonzero(b.maand[i] > 0))} per maand) (Pw art. 19).")
    if b.ontvangt_jaar[i] > 0:
        regels.append(_vergelijking(i, b))
    return regels


def _ontvangen_tekst(i: int, b: _Berekening) -> str:
    """The bijstand received now, in the terms it was given: 'netto € 16.925,76 per jaar, zoals op de beschikking'."""
    e = opmaak.euro
    netto, bruto = b.ontvangt_jaar[i], jaartotaal(b.ink.ontvangen_bijstand_bruto[i])
    if b.ink.ontvangen_uit_netto[i]:
        return (f"netto {e(netto, centen=True)} per jaar, zoals op de beschikking; bruto {e(bruto, centen=True)} met "
                "de loonheffing die de gemeente erbovenop betaalt")
    return (f"bruto {e(bruto, centen=True)} per jaar, zoals opgegeven; netto {e(netto, centen=True)} na de "
            "belasting die over deze bijstand gaat")


def _vergelijking(i: int, b: _Berekening) -> str:
    """Computed against received, both net and per year (the norms are net, Pw art. 19 lid 2-3)."""
    e = opmaak.euro
    recht, ontvangen = b.jaarbedrag[i], b.ontvangt_jaar[i]
    maanden = np.flatnonzero(b.ink.ontvangen_bijstand[i] > 0)
    verschil = round(ontvangen - recht, 2)
    if abs(verschil) < 0.01:
        uitkomst = "dat is gelijk"
    elif verschil > 0:
        uitkomst = f"er wordt {e(verschil, centen=True)} per jaar meer ontvangen dan het berekende recht"
    else:
        uitkomst = f"er wordt {e(-verschil, centen=True)} per jaar minder ontvangen dan het berekende recht"
    return (f"Berekend recht {e(recht, centen=True)} netto per jaar tegenover ontvangen {e(ontvangen, centen=True)} "
            f"netto per jaar ({_per_bedrag(b.ink.ontvangen_bijstand[i], maanden)} per maand): {uitkomst} "
            "(Pw art. 19 lid 2).")


def _bruto_is_netto_norm(i: int, b: _Berekening) -> bool:
    """The gross bijstand given equals the (net) norm in some month: probably the net amount of the beschikking."""
    bruto, norm = b.ink.ontvangen_bijstand_bruto[i], b.norm.bedrag[i]
    return bool(((bruto > 0) & (np.abs(bruto - norm) < 0.005)).any())


def _waarschuwingen(i: int, b: _Berekening) -> list[str]:
    """What samenloop assumed or could not compute for household i."""
    uit = _waarschuwingen_ontvangen(i, b) + _waarschuwingen_vrijlating(i, b) + _waarschuwingen_leeftijd(i, b)
    e = opmaak.euro
    if not b.inv.huurwoning[i] and b.toelichting.woning_vrijgelaten is not None:
        uit.append(f"Heeft het huishouden een eigen woning, dan telt de overwaarde boven "
                   f"{e(b.toelichting.woning_vrijgelaten)} mee als vermogen (art. 34 lid 2 onder d); die kent het "
                   "huishoudbestand niet.")
    uit.append("Het vermogen is de box 3-rendementsgrondslag op 1 januari uit het huishoudbestand; de bijstand kijkt "
               "naar het vermogen bij de aanvraag en laat gebruikelijke inboedel en een auto buiten beschouwing "
               "(art. 34 lid 1-2), dus de vermogenstoets is een benadering.")
    uit.append("Niet meegenomen: een lagere norm of verlaging door de gemeente (art. 18, 27, 28), bijzondere bijstand "
               "en giften.")
    return uit


def _waarschuwingen_ontvangen(i: int, b: _Berekening) -> list[str]:
    """How the bijstand received now was turned from gross into net or back, and a net norm given as gross."""
    uit = []
    if b.ontvangt_jaar[i] > 0:
        if b.ink.ontvangen_uit_netto[i]:
            uit.append("Het bruto bedrag van de ontvangen bijstand is afgeleid uit het netto bedrag: netto plus de "
                       "inkomstenbelasting en premies die deze bijstand over het jaar toevoegt (de gemeente betaalt de "
                       "loonheffing erbovenop). Op de jaaropgaaf kan het iets anders zijn, vooral met ander inkomen "
                       "ernaast (bij wie de loonheffingskorting wordt toegepast).")
        else:
            uit.append("Het netto bedrag van de ontvangen bijstand is het bruto bedrag min de inkomstenbelasting en "
                       "premies die deze bijstand over het jaar toevoegt; wat de gemeente per maand inhoudt, kan iets "
                       "anders zijn.")
    if not b.ink.ontvangen_uit_netto[i] and _bruto_is_netto_norm(i, b):
        uit.append("De ontvangen bijstand is bruto opgegeven (inkomen.bijstand), maar het bedrag is gelijk aan de "
                   "netto bijstandsnorm. Staat dit bedrag op de beschikking van de gemeente, dan is het netto: vul het "
                   "dan in als inkomen.bijstand_netto (in het formulier: 'Bijstand, netto').")
    return uit


def _waarschuwingen_vrijlating(i: int, b: _Berekening) -> list[str]:
    """The assumed period of the vrijlating (art. 31 lid 2 onder n), and the vrijlatingen not computed (onder y,
    art. 34a)."""
    e, t = opmaak.euro, b.toelichting
    uit = []
    if any(b.vrij.n[k][i].any() for k in PERSONEN):
        uit.append(f"Aangenomen is dat de vrijlating van {t.n_maanden} maanden (art. 31 lid 2 onder n) ingaat "
                   f"in de eerste maand van {b.inv.jaar} met inkomsten uit arbeid; de gemeente bepaalt de echte "
                   "periode, en de vrijlating geldt alleen als het werk volgens de gemeente bijdraagt aan "
                   "arbeidsinschakeling.")
    if t.urenbeperkt_percentage is not None and any(sum(b.ink.bruto[k][x][i] for x in ARBEID).any() for k in PERSONEN):
        uit.append("Niet berekend: de vrijlating voor wie medisch urenbeperkt is "
                   f"({opmaak.procent(t.urenbeperkt_percentage)} van de inkomsten uit arbeid, ten hoogste "
                   f"{e(t.urenbeperkt_maximum, centen=True)} per maand, art. 31 lid 2 onder y); het huishoudbestand "
                   "kent dat gegeven niet.")
        if t.art_34a:
            uit.append("De wettekst per 2026 bevat ook een nieuwe vrijlating (art. 34a, Wet participatie in balans) "
                       "waarvan de ingangsdatum niet is bevestigd; hier is art. 31 lid 2 onder n en r toegepast.")
    return uit


def _waarschuwingen_leeftijd(i: int, b: _Berekening) -> list[str]:
    """Jongeren without support from the parents (art. 20 lid 3-4, art. 12), ages reached within a month, and a
    partner under 18 (art. 13, art. 24)."""
    e, p, s = opmaak.euro, b.p, b.s
    uit = []
    jong = (s.jong["aanvrager"][i] & s.meerderjarig_a[i]) | s.jong["partner"][i]
    if jong.any():
        if b.toelichting.verhoging_jongere is not None:
            m = int(np.flatnonzero(jong)[0])
            uit.append(f"Voor wie 18, 19 of 20 jaar is en voor de kosten van levensonderhoud geen beroep kan doen op "
                       "de ouders, verhoogt de gemeente de norm met "
                       f"{e(b.toelichting.verhoging_jongere[m], centen=True)} per maand (tot de norm voor 21 jaar of "
                       "ouder, art. 20 lid 3-4); dat is hier niet meegerekend.")
        else:
            uit.append("Voor wie 18, 19 of 20 jaar is en geen beroep kan doen op de ouders, kan bijzondere bijstand "
                       "aanvullen (art. 12); dat is hier niet meegerekend.")
    overgang = overgangen_midden_in_maand(b.inv, i, p) & (b.tekort[i] > 0)
    if overgang.any():
        uit.append(f"In {opmaak.maanden(np.flatnonzero(overgang))} wordt iemand in het huishouden geboren of bereikt "
                   "een leeftijd die de bijstandsnorm of de vrijlating verandert, na de eerste dag van de maand. De "
                   "Participatiewet kent geen maandregel zoals Awir art. 5: de gemeente rekent vanaf die dag. "
                   "samenloop rekent de hele maand met de situatie op de eerste dag, dus de bijstand in die maand kan "
                   "iets afwijken.")
    minimumleeftijd = p("bijstand.minimumleeftijd")
    if (s.partner[i] & (s.leeftijd["partner"][i] < minimumleeftijd)).any():
        uit.append(f"De partner is jonger dan {minimumleeftijd} jaar en heeft zelf geen recht op bijstand (art. 13 "
                   "lid 1 onder f); de norm van art. 24 (50%) is niet berekend: hier is gerekend als voor een partner "
                   "van 18-20 jaar, dus het bedrag is te hoog.")
    return uit


def signaalfeiten(u: Uitkomst, inv: Invoer, parameters: Parameters) -> dict:
    """Bijstand starts no earlier than the day of the melding (art. 44 lid 1): every month of waiting costs a month of
    bijstand; since 2026 a gemeente may go back so many months in special circumstances."""
    maanden = (u.maandbedragen > 0).sum(axis=1)
    return {"bijstand_per_maand": np.divide(u.jaarbedrag, maanden, out=np.zeros(inv.n), where=maanden > 0),
            "terugwerkende_kracht_maanden": int(parameters.waarde("bijstand.terugwerkende_kracht_maanden"))}


FEITVELDEN = (
    Veld("norm_jaar", "getal", "de bijstandsnorm over het jaar"),
    Veld("inkomen_jaar", "getal", "het inkomen dat telt, na de vrijlatingen, over het jaar"),
    Veld("vrijlating_jaar", "getal", "de vrijlatingen over het jaar"),
    Veld("vermogen", "getal", "het vermogen (box 3 op 1 januari)"),
    Veld("vermogensgrens", "getal", "de vermogensgrens (art. 34 lid 3)"),
    Veld("jaarbedrag_zonder_vermogenstoets", "getal", "de bijstand over het jaar als het vermogen onder de grens lag"),
    Veld("ontvangt_jaar", "getal", "de bijstand die nu binnenkomt, netto over het jaar"),
    Veld("bbz_route", "waarheid", "een zelfstandige: bijstand loopt via het Bbz"),
    Veld("tekort_tov_norm_jaar", "getal", "wat het inkomen onder de norm blijft over het jaar (zonder Bbz of "
                                          "vermogenstoets)"),
    Veld("bijstand_per_maand", "getal", "de bijstand per maand met recht, gemiddeld"),
    Veld("terugwerkende_kracht_maanden", "geheel", "hoeveel maanden de gemeente terug kan gaan (0: niet vóór de "
                                                   "melding, art. 44)"),
    Veld("bron_vermogen", "tekst", "de wettelijke grondslag van de vermogenstoets"),
    Veld("bron_bbz", "tekst", "de grondslag van het Bbz"),
)

REGISTRATIE = Regeling(
    sleutel=REGELING, naam="bijstand", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    nodig={"wga": WgaBruto, "inkomstenbelasting": InkomenNaBelasting}, geeft=Bijstandsnorm,
    feitvelden=FEITVELDEN, signaalfeiten=signaalfeiten, rang=30,
)
