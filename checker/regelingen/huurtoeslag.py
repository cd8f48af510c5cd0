"""Huurtoeslag — Wet op de huurtoeslag (Wht, BWBR0008659), Besluit op de huurtoeslag (BWBR0008763), with the Awir.

The right exists per calendar month (Awir art. 5): for each month

    rekenhuur     = kale huur (+ eligible servicekosten, 2025: Wht art. 5 lid 1 en 3)
    basishuur     = normhuur − verlaging eigen bijdrage
                    (Wht art. 16-19; Wet verlaging eigen bijdrage huurtoeslag art. 1)
    huurtoeslag   = 100% of the rent above the basishuur up to the kwaliteitskortingsgrens
                  + 65% up to the aftoppingsgrens + 40% above it (Wht art. 21 lid 1; Besluit art. 7)
                  − (2026) afbouwpercentage/12 × the rekeninkomen above the minimum-inkomensijkpunt (Wht art. 21 lid 2)

Which rules apply is chosen by dated parameters, not by the year number or by which parameter ids exist:
- ``huurtoeslag.inkomenstoets``: ``normhuur`` (2025: the normhuur rises with the income, a·Y² + b·Y, Wht art. 19) or
  ``afbouw`` (from 1 January 2026: a fixed basishuur, and the income tapers the toeslag, Wht art. 21 lid 2);
- ``huurtoeslag.rekenhuur``: ``kale_huur_en_servicekosten`` (2025, art. 5 lid 1 en 3) or ``kale_huur`` (2026);
- ``huurtoeslag.maximale_huurgrens_sluit_uit``: a rent above the maximale huurgrens excludes the right (2025,
  art. 13 lid 1) or only caps the rent (2026, art. 21 lid 1 onder d).
A reform that sets one of these chooses the other formula (giving the parameters it reads that the year lacks).

The rekeninkomen is the toetsingsinkomen of huurder, partner and medebewoners (Wht art. 1 onder i; Awir art. 7
lid 1-2), a (foster) child under 23 counting only above the vrijstelling (Awir art. 7 lid 6). No right without a
rented home, for a minor huurder (Wht art. 8; Awir art. 10 lid 2), or with vermogen above the Awir limit on
1 January (Awir art. 7 lid 3-4). The monthly amount is rounded down to whole euros as Dienst Toeslagen does; the
annual amount is the sum of the months, dropped below € 24 (Awir art. 14 lid 4-5).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld, ontvangen_rond
from ..huishouden import Gebeurtenis, Huishouden
from ..invoer import Invoer
from ..parameters import ParameterLezer, Parameters
from . import awir
from .register import Regeling
from ._uitkomst import Uitkomst
from .inkomstenbelasting import InkomenNaBelasting

REGELING = "huurtoeslag"
INSTANTIE = "Dienst Toeslagen"
EENPERSOONS, MEERPERSOONS = "eenpersoonshuishouden", "meerpersoonshuishouden"
# the formulas chosen by dated parameters (their keuzes in rules/parameters/<jaar>/huurtoeslag.yaml)
INKOMENSTOETS, NORMHUUR_NAAR_INKOMEN = "huurtoeslag.inkomenstoets", "normhuur"
REKENHUUR, MET_SERVICEKOSTEN = "huurtoeslag.rekenhuur", "kale_huur_en_servicekosten"


# --- household -----------------------------------------------------------------------------------------
def bewoners_per_maand(inv: Invoer) -> tuple[np.ndarray, np.ndarray]:
    """(N, B, 12) kinderen and medebewoners living in the home each month, and their ages.

    Ages are those on the first day of each month, and a child born this year lives in from the month after its birth
    or, born on the first day of a month, from that month (Awir art. 5)."""
    leeftijd = inv.leeftijd("bewoner")
    return inv.bewoner_aanwezig[:, :, None] & (leeftijd >= 0), leeftijd


def personen_per_maand(inv: Invoer, aanwezig: np.ndarray) -> np.ndarray:
    """(N, 12) persons in the household: huurder, partner, medebewoners (Wht art. 2, art. 20 lid 2)."""
    return 1 + inv.heeft_partner.astype(int) + aanwezig.sum(axis=1)


def per_type(waarde: dict, meerpersoons: np.ndarray) -> np.ndarray:
    """A parameter given per type of household (Wht art. 2) as an array of the household's type."""
    return np.where(meerpersoons, float(waarde[MEERPERSOONS]), float(waarde[EENPERSOONS]))


def meerderjarige_huurder(leeftijd_aanvrager: np.ndarray, kind_aanwezig: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N, 12): the huurder is of age (Wht art. 8), or a minor with a child who counts as of age
    (Awir art. 10 lid 2)."""
    return (leeftijd_aanvrager >= p("algemeen.leeftijd_meerderjarig")) | kind_aanwezig


def maximale_huurgrens(inv: Invoer, leeftijd_aanvrager, leeftijd_partner, aanwezig, leeftijd_bewoner,
                       kind_aanwezig, p: ParameterLezer) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) maximale huurgrens and whether the ordinary (higher) one applies (Wht art. 13 lid 1).

    The ordinary limit applies when the huurder, the partner or a medebewoner has reached the jongerenleeftijd, or a
    child lives in the home (onder a 1°); otherwise the lower limit (onder b). A handicap (onder a 2°) is not known."""
    grens = p("huurtoeslag.leeftijd_jongerengrens")
    oud_genoeg = ((leeftijd_aanvrager >= grens) | (inv.heeft_partner & (leeftijd_partner >= grens))
                  | (aanwezig & (leeftijd_bewoner >= grens)).any(axis=1))
    gewoon = oud_genoeg | kind_aanwezig
    return np.where(gewoon, p("huurtoeslag.maximale_huurgrens"), p("huurtoeslag.maximale_huurgrens_jongeren")), gewoon


# --- rent ----------------------------------------------------------------------------------------------
def servicekosten_tellen_mee(p: ParameterLezer) -> bool:
    """Whether the rekenhuur includes servicekosten (Wht art. 5 lid 1: 2025 yes, from 2026 no), by a dated parameter."""
    return p(REKENHUUR) == MET_SERVICEKOSTEN


def normhuur_naar_inkomen(p: ParameterLezer) -> bool:
    """Whether the income works through the normhuur (Wht art. 19, 2025) rather than through the afbouw of art. 21
    lid 2 (from 2026), by its dated parameter."""
    return p(INKOMENSTOETS) == NORMHUUR_NAAR_INKOMEN


def subsidiabele_servicekosten(inv: Invoer, p: ParameterLezer) -> np.ndarray:
    """(N, 12) servicekosten that count (Wht art. 5 lid 1 onder a en lid 3; 2025).

    The household file gives one amount per month; it counts up to the number of categories × the maximum per
    category, assuming it is spread over the categories. From 2026 servicekosten do not count (art. 5 lid 1)."""
    if not servicekosten_tellen_mee(p):
        return np.zeros_like(inv.servicekosten)
    maximum = p("huurtoeslag.servicekosten_categorieen") * p("huurtoeslag.servicekosten_max_per_categorie")
    return np.minimum(inv.servicekosten, maximum)


def rekenhuur(inv: Invoer, servicekosten: np.ndarray) -> np.ndarray:
    """(N, 12) rekenhuur: the kale huur per month plus the servicekosten that count (Wht art. 5 lid 1)."""
    return inv.kale_huur + servicekosten


# --- income --------------------------------------------------------------------------------------------
def toetsingsinkomen_medebewoners(inv: Invoer, aanwezig: np.ndarray, leeftijd_bewoner: np.ndarray,
                                  p: ParameterLezer) -> tuple[np.ndarray, np.ndarray]:
    """(N, B) toetsingsinkomen of each medebewoner as it counts, and (N, 12) their total per month.

    A medebewoner's toetsingsinkomen counts (Awir art. 7 lid 2; Wht art. 7 lid 1); for a child who had not reached
    the age limit at the start of the year only the part above the vrijstelling counts (Awir art. 7 lid 6)."""
    jaarinkomen = inv.bewoner_inkomen.sum(axis=2)
    jong_kind = inv.bewoner_is_kind & (leeftijd_bewoner[:, :, 0] < p("algemeen.awir_leeftijd_kind_medebewoner"))
    vrij = p("algemeen.awir_vrijstelling_inkomen_kind_medebewoner")
    telt = np.where(jong_kind, np.maximum(0.0, jaarinkomen - vrij), jaarinkomen) * inv.bewoner_aanwezig
    return telt, (aanwezig * telt[:, :, None]).sum(axis=1)


# --- basishuur -----------------------------------------------------------------------------------------
def normhuur(rekeninkomen: np.ndarray, meerpersoons: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N, 12) normhuur (Wht art. 17 lid 2-3 and, where the year's inkomenstoets says so, art. 19).

    At or below the minimum-inkomensijkpunt (and always with the afbouw of 2026) the normhuur at that ijkpunt minus
    the reduction for the household type; above it (2025) a·Y² + b·Y with Y the annual rekeninkomen, rounded up to
    whole cents."""
    minimum = (p("huurtoeslag.normhuur_minimum_inkomensijkpunt")
               - per_type(p("huurtoeslag.verlaging_normhuur"), meerpersoons))
    if not normhuur_naar_inkomen(p):
        return minimum
    a = per_type(p("huurtoeslag.normhuur_factor_a"), meerpersoons)
    b = per_type(p("huurtoeslag.normhuur_factor_b"), meerpersoons)
    formule = np.ceil(np.round((a * rekeninkomen ** 2 + b * rekeninkomen) * 100, 6)) / 100
    ijkpunt = per_type(p("huurtoeslag.minimum_inkomensijkpunt"), meerpersoons)
    return np.where(rekeninkomen <= ijkpunt, minimum, formule)


def basishuur(normhuur_: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N, 12) basishuur: the normhuur plus the art. 16 raise as Dienst Toeslagen applies it (Wht art. 16), minus the
    year's reduction of the eigen bijdrage (Wet verlaging eigen bijdrage huurtoeslag art. 1)."""
    return normhuur_ + p("huurtoeslag.verhoging_normhuur") - p("huurtoeslag.verlaging_basishuur")


# --- amount --------------------------------------------------------------------------------------------
def vergoede_delen(huur: np.ndarray, basishuur_: np.ndarray, aftoppingsgrens: np.ndarray,
                   p: ParameterLezer) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The three parts of the rent above the basishuur and the subsidy on each (Wht art. 21 lid 1-3; Besluit art. 7).

    A: up to the kwaliteitskortingsgrens; B: from there (or from the basishuur if higher) up to the aftoppingsgrens;
    C: above the aftoppingsgrens (or above the basishuur if higher)."""
    kkg = p("huurtoeslag.kwaliteitskortingsgrens")
    deel_a = np.maximum(0.0, np.minimum(huur, kkg) - basishuur_)
    deel_b = np.maximum(0.0, np.minimum(huur, aftoppingsgrens) - np.maximum(kkg, basishuur_))
    deel_c = np.maximum(0.0, huur - np.maximum(aftoppingsgrens, basishuur_))
    return (deel_a, deel_b, deel_c, deel_a * p("huurtoeslag.percentage_tot_kwaliteitskortingsgrens"),
            deel_b * p("huurtoeslag.percentage_tot_aftoppingsgrens"),
            deel_c * p("huurtoeslag.percentage_boven_aftoppingsgrens"))


def aftoppingsgrens(personen: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N, 12) aftoppingsgrens by household size (Wht art. 20 lid 2)."""
    return np.where(personen >= p("huurtoeslag.personen_hoge_aftoppingsgrens"),
                    p("huurtoeslag.aftoppingsgrens_drie_of_meer_personen"),
                    p("huurtoeslag.aftoppingsgrens_een_of_twee_personen"))


def inkomensafbouw(rekeninkomen: np.ndarray, meerpersoons: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N, 12) monthly reduction Y × afbouwpercentage / 12, Y the rekeninkomen above the minimum-inkomensijkpunt
    (Wht art. 21 lid 2; from 2026). Zero where the income works through the normhuur instead."""
    if normhuur_naar_inkomen(p):
        return np.zeros_like(rekeninkomen)
    boven = np.maximum(0.0, rekeninkomen - per_type(p("huurtoeslag.minimum_inkomensijkpunt"), meerpersoons))
    return boven * per_type(p("huurtoeslag.afbouwpercentage"), meerpersoons) / 12.0


def afgerond_maandbedrag(exact: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """The monthly amount rounded down to whole euros, as Dienst Toeslagen does (practice, see the parameter)."""
    stap = p("huurtoeslag.afronding_maandbedrag")
    return np.floor(np.round(exact / stap, 6)) * stap


def vermogensgrens(inv: Invoer, aanwezig: np.ndarray, leeftijd_bewoner: np.ndarray,
                   p: ParameterLezer) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(N,) limit for the household's vermogen on 1 January, the part for huurder and partner, and the number of
    medebewoners whose own limit is added (Awir art. 7 lid 3-4; Wht art. 7 lid 1).

    The law tests each person: the huurder (with the same partner all year: both together) and each medebewoner
    who lived in the home all year. The household file gives one amount for the whole household, so the test here
    is that it does not exceed the sum of those limits. A minor medebewoner gets no limit of its own: its box 3
    assets are taxed with the parent (Wet IB 2001 art. 2.15), so they are already in the parents' part."""
    basis = np.where(inv.heeft_partner.all(axis=1), p("algemeen.awir_vermogensgrens_partners"),
                     p("algemeen.awir_vermogensgrens_alleenstaande"))
    eigen_grens = aanwezig.all(axis=2) & (leeftijd_bewoner[:, :, 0] >= p("algemeen.leeftijd_meerderjarig"))
    aantal = eigen_grens.sum(axis=1)
    return basis + aantal * p("algemeen.awir_vermogensgrens_medebewoner"), basis, aantal


@dataclass(frozen=True, eq=False)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    ti_a: np.ndarray
    ti_p: np.ndarray
    ti: np.ndarray
    medebewoners_telt: np.ndarray
    inkomen_medebewoners: np.ndarray
    rekeninkomen: np.ndarray
    personen: np.ndarray
    meerpersoons: np.ndarray
    meerderjarig: np.ndarray
    mogelijk: np.ndarray
    jong_kind: np.ndarray
    servicekosten: np.ndarray
    rekenhuur: np.ndarray
    huurgrens: np.ndarray
    gewone_grens: np.ndarray
    boven_grens: np.ndarray
    huur_telt: np.ndarray
    normhuur: np.ndarray
    basishuur: np.ndarray
    aftoppingsgrens: np.ndarray
    delen: tuple
    afbouw: np.ndarray
    exact: np.ndarray
    maand_zonder_vermogenstoets: np.ndarray
    grens: np.ndarray
    grens_basis: np.ndarray
    aantal_eigen_grens: np.ndarray
    onder_grens: np.ndarray
    maandbedragen: np.ndarray
    jaarbedrag: np.ndarray
    referentiemaand: np.ndarray


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    p = parameters.lezer()
    ti_a, ti_p, ti = awir.draagkracht(inv)
    aanwezig, leeftijd_bewoner = bewoners_per_maand(inv)
    kind_aanwezig = (aanwezig & inv.bewoner_is_kind[:, :, None]).any(axis=1)
    leeftijd_a = inv.leeftijd("aanvrager")
    leeftijd_p = inv.leeftijd("partner")

    personen = personen_per_maand(inv, aanwezig)
    meerpersoons = personen > 1
    telt, inkomen_mb = toetsingsinkomen_medebewoners(inv, aanwezig, leeftijd_bewoner, p)
    rekeninkomen = ti + inkomen_mb

    servicekosten = subsidiabele_servicekosten(inv, p)
    huur = rekenhuur(inv, servicekosten)
    grens_huur, gewone_grens = maximale_huurgrens(inv, leeftijd_a, leeftijd_p, aanwezig, leeftijd_bewoner,
                                                  kind_aanwezig, p)
    boven_grens = huur > grens_huur
    sluit_uit = bool(p("huurtoeslag.maximale_huurgrens_sluit_uit"))
    huur_telt = huur if sluit_uit else np.minimum(huur, grens_huur)

    nh = normhuur(rekeninkomen, meerpersoons, p)
    bh = basishuur(nh, p)
    aftop = aftoppingsgrens(personen, p)
    delen = vergoede_delen(huur_telt, bh, aftop, p)
    afbouw = inkomensafbouw(rekeninkomen, meerpersoons, p)

    meerderjarig = meerderjarige_huurder(leeftijd_a, kind_aanwezig, p)
    mogelijk = inv.huurwoning[:, None] & meerderjarig & ~(boven_grens & sluit_uit)
    exact = np.where(mogelijk, np.maximum(0.0, delen[3] + delen[4] + delen[5] - afbouw), 0.0)
    maand_zonder = afgerond_maandbedrag(exact, p)

    grens, grens_basis, aantal_eigen = vermogensgrens(inv, aanwezig, leeftijd_bewoner, p)
    grens = grens.astype(float)
    onder_grens = inv.vermogen <= grens
    jaar_zonder = awir.afgerond_jaarbedrag(maand_zonder.sum(axis=1), p)
    maand_met = np.where(onder_grens[:, None], maand_zonder, 0.0)
    jaarbedrag = awir.afgerond_jaarbedrag(maand_met.sum(axis=1), p)
    recht = jaarbedrag > 0
    maandbedragen = np.where(recht[:, None], maand_met, 0.0)

    # The month the explanation describes: the first with an amount, else the first the huurder could have a right.
    met_bedrag = maand_zonder > 0
    ref = np.where(met_bedrag.any(axis=1), met_bedrag.argmax(axis=1), mogelijk.argmax(axis=1))
    jong_kind = inv.bewoner_is_kind & (leeftijd_bewoner[:, :, 0] < p("algemeen.awir_leeftijd_kind_medebewoner"))
    b = _Berekening(ti_a, ti_p, ti, telt, inkomen_mb, rekeninkomen, personen, meerpersoons, meerderjarig,
                    mogelijk, jong_kind, servicekosten, huur, grens_huur, gewone_grens, boven_grens, huur_telt,
                    nh, bh, aftop, delen, afbouw, exact, maand_zonder, grens, grens_basis, aantal_eigen,
                    onder_grens, maandbedragen, jaarbedrag, ref)
    rij = np.arange(inv.n)

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=awir.met_voorschotregel(lambda i: _uitleg(i, inv, parameters, p, b, sluit_uit), inv, REGELING,
                                       jaarbedrag),
        bronnen=lambda i: _bronnen(i, inv, parameters, p, b),
        waarschuwingen=lambda i: _waarschuwingen(i, inv, parameters, p, b, sluit_uit), lezer=p,
        signaalbronnen={"bron_recht": "Wet op de huurtoeslag art. 7 lid 1 en art. 21",
                        "bron_vermogen": "Awir art. 7 lid 3 en 4 (Wet op de huurtoeslag art. 7 lid 1)"},
        feiten={
            **awir.toeslagfeiten(inv, REGELING, rekeninkomen[rij, ref], jaar_zonder, grens),
            "rekenhuur": huur.mean(axis=1),
        },
        details={
            "rekenhuur": huur,
            "rekenhuur_in_berekening": huur_telt,
            "maximale_huurgrens": grens_huur,
            "rekeninkomen": rekeninkomen,
            "basishuur": bh,
            "maandbedragen_exact": exact,
            "maandbedragen_zonder_vermogenstoets": maand_zonder,
        },
        onderdelen=awir.onderdelen(
            "inkomenstoets",
            ("de normhuur, het deel van de huur dat de huurder zelf betaalt, stijgt met het rekeninkomen (Wht art. 17 "
             "en 19)" if normhuur_naar_inkomen(p) else
             "boven het minimum-inkomensijkpunt gaat er een percentage van het rekeninkomen af (Wht art. 21 lid 2)"),
            np.where(onder_grens[:, None], exact, 0.0), maandbedragen, p,
            afronding="Dienst Toeslagen rondt het maandbedrag af op hele euro's naar beneden"),
    )


# --- explanation ---------------------------------------------------------------------------------------
def _per_maand_tekst(bedragen: np.ndarray) -> str:
    """'jan–mei € 300, jun–dec € 310': consecutive months with the same amount grouped."""
    delen, start = [], 0
    for m in range(1, 13):
        if m == 12 or bedragen[m] != bedragen[start]:
            delen.append(f"{opmaak.maanden(range(start, m))} {opmaak.euro(bedragen[start])}")
            start = m
    return ", ".join(delen)


def _uitleg(i: int, inv: Invoer, parameters: Parameters, p: ParameterLezer, b: _Berekening,
            sluit_uit: bool) -> list[str]:
    e = opmaak.euro
    if not inv.huurwoning[i]:
        return ["Geen huurtoeslag: het huishouden huurt geen woning (Wht art. 1 onder c en art. 7 lid 1)."]
    m = int(b.referentiemaand[i])
    regels = []
    maand = opmaak.MAANDNAMEN[m]
    if (b.rekeninkomen[i] != b.rekeninkomen[i, m]).any() or (b.personen[i] != b.personen[i, m]).any() \
            or (b.rekenhuur[i] != b.rekenhuur[i, m]).any():
        regels.append(f"De berekening hieronder is die van {maand}; in andere maanden wijkt de situatie af "
                      "(het recht bestaat per maand, Awir art. 5).")

    # rekeninkomen
    delen = [f"aanvrager {e(b.ti_a[i])}"]
    if inv.heeft_partner[i, m]:
        delen.append(f"toeslagpartner {e(b.ti_p[i])}")
    if b.inkomen_medebewoners[i, m] > 0 or inv.bewoner_aanwezig[i].any():
        delen.append(f"medebewoners {e(b.inkomen_medebewoners[i, m])}")
    regels.append(f"Rekeninkomen {e(b.rekeninkomen[i, m])}: " + " + ".join(delen)
                  + " (Wht art. 1 onder i; Awir art. 7 lid 1-2, art. 8).")
    vrij_kinderen = b.jong_kind[i] & inv.bewoner_aanwezig[i] & (inv.bewoner_inkomen[i].sum(axis=1) > 0)
    if vrij_kinderen.any():
        regels.append(f"Van een inwonend kind dat op 1 januari jonger was dan "
                      f"{p('algemeen.awir_leeftijd_kind_medebewoner')} telt alleen het inkomen boven "
                      f"{e(p('algemeen.awir_vrijstelling_inkomen_kind_medebewoner'))} mee (Awir art. 7 lid 6).")

    # rekenhuur and the maximale huurgrens
    soort = "meerpersoonshuishouden" if b.meerpersoons[i, m] else "eenpersoonshuishouden"
    regels.append(f"Huishouden van {b.personen[i, m]} {'personen' if b.personen[i, m] > 1 else 'persoon'}: "
                  f"{soort} (Wht art. 2).")
    if servicekosten_tellen_mee(p):
        maximum = p("huurtoeslag.servicekosten_categorieen") * p("huurtoeslag.servicekosten_max_per_categorie")
        regels.append(f"Rekenhuur {e(b.rekenhuur[i, m], centen=True)}: kale huur {e(inv.kale_huur[i, m], centen=True)} "
                      f"+ servicekosten {e(b.servicekosten[i, m], centen=True)} (Wht art. 5 lid 1).")
        if inv.servicekosten[i].any():
            regels.append(f"Servicekosten tellen mee tot {p('huurtoeslag.servicekosten_categorieen')} categorieën "
                          f"van elk {e(p('huurtoeslag.servicekosten_max_per_categorie'))}, samen {e(maximum)} per "
                          "maand; er is één bedrag opgegeven, dus samenloop neemt aan dat het over die categorieën "
                          "verdeeld is (Wht art. 5 lid 3).")
    else:
        regels.append(f"Rekenhuur {e(b.rekenhuur[i, m], centen=True)}: de kale huur (Wht art. 5 lid 1).")
        if inv.servicekosten[i].any():
            regels.append("Servicekosten tellen vanaf 2026 niet meer mee voor de huurtoeslag (Wht art. 5 lid 1).")
    if not b.gewone_grens[i, m]:
        regels.append(f"De maximale huurgrens is {e(b.huurgrens[i, m], centen=True)}: niemand in het huishouden is "
                      f"{p('huurtoeslag.leeftijd_jongerengrens')} jaar of ouder en er woont geen kind "
                      "(Wht art. 13 lid 1 onder b).")
    if sluit_uit:
        if b.boven_grens[i].any():
            regels.append(f"Geen huurtoeslag in {opmaak.maanden(np.flatnonzero(b.boven_grens[i]))}: de rekenhuur is "
                          f"hoger dan de maximale huurgrens {e(b.huurgrens[i, m], centen=True)} (Wht art. 13 lid 1).")
        else:
            regels.append(f"De rekenhuur is niet hoger dan de maximale huurgrens {e(b.huurgrens[i, m], centen=True)} "
                          "(Wht art. 13 lid 1).")
    elif b.boven_grens[i, m]:
        regels.append(f"Van de rekenhuur telt {e(b.huur_telt[i, m], centen=True)} mee: boven de maximale huurgrens "
                      "wordt niets vergoed (Wht art. 13 lid 1 en art. 21 lid 1 onder d).")

    if b.mogelijk[i, m]:
        regels += _uitleg_bedrag(i, m, parameters, p, b, soort)
    _uitleg_geen_recht(i, m, regels, b)
    _uitleg_vermogen_en_jaar(i, inv, p, b, regels)
    return regels


def _uitleg_bedrag(i: int, m: int, parameters: Parameters, p: ParameterLezer, b: _Berekening, soort: str) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    regels = []
    # basishuur
    verhoging, verlaging = p("huurtoeslag.verhoging_normhuur"), p("huurtoeslag.verlaging_basishuur")
    if normhuur_naar_inkomen(p):
        ijk = per_type(p("huurtoeslag.minimum_inkomensijkpunt"), b.meerpersoons[i, m])
        hoe = ("het rekeninkomen is niet hoger dan het minimum-inkomensijkpunt " + e(ijk) + " (Wht art. 17 lid 2-3, "
               "art. 19 lid 1)") if b.rekeninkomen[i, m] <= ijk else \
            ("a·Y² + b·Y over het rekeninkomen boven het minimum-inkomensijkpunt " + e(ijk)
             + ", naar boven afgerond op centen (Wht art. 19 lid 2-3)")
        regels.append(f"Normhuur {e(b.normhuur[i, m], centen=True)}: {hoe}.")
    else:
        regels.append(f"Normhuur {e(b.normhuur[i, m], centen=True)}: "
                      f"{e(p('huurtoeslag.normhuur_minimum_inkomensijkpunt'), centen=True)} "
                      f"min {e(per_type(p('huurtoeslag.verlaging_normhuur'), b.meerpersoons[i, m]), centen=True)} "
                      f"voor een {soort} (Wht art. 17 lid 2-3).")
    regels.append(f"Basishuur {e(b.basishuur[i, m], centen=True)} = normhuur"
                  + (f" + {e(verhoging, centen=True)}" if verhoging else "")
                  + f" − {e(verlaging, centen=True)} verlaging eigen bijdrage (Wht art. 16; Wet verlaging eigen "
                    "bijdrage huurtoeslag art. 1).")

    # the subsidised parts
    da, db, dc, va, vb, vc = (d[i, m] for d in b.delen)
    kkg = p("huurtoeslag.kwaliteitskortingsgrens")
    onderdelen = [f"{pct(p('huurtoeslag.percentage_tot_kwaliteitskortingsgrens'))} van {e(da, centen=True)} "
                  f"(tot de kwaliteitskortingsgrens {e(kkg, centen=True)}) = {e(va, centen=True)}"]
    if db > 0:
        onderdelen.append(f"{pct(p('huurtoeslag.percentage_tot_aftoppingsgrens'))} van {e(db, centen=True)} (tot de "
                          f"aftoppingsgrens {e(b.aftoppingsgrens[i, m], centen=True)}) = {e(vb, centen=True)}")
    if dc > 0:
        onderdelen.append(f"{pct(p('huurtoeslag.percentage_boven_aftoppingsgrens'))} van {e(dc, centen=True)} "
                          f"(boven de aftoppingsgrens) = {e(vc, centen=True)}")
    lid = "lid 1-3" if normhuur_naar_inkomen(p) and b.basishuur[i, m] >= kkg else "lid 1"
    regels.append("Vergoed: " + "; ".join(onderdelen) + f" (Wht art. 21 {lid}; Besluit op de huurtoeslag art. 7).")
    if not normhuur_naar_inkomen(p):
        ijk = per_type(p("huurtoeslag.minimum_inkomensijkpunt"), b.meerpersoons[i, m])
        afbouw_pct = per_type(p("huurtoeslag.afbouwpercentage"), b.meerpersoons[i, m])
        if b.afbouw[i, m] > 0:
            regels.append(f"Inkomensafbouw: {pct(afbouw_pct)} / 12 × ({e(b.rekeninkomen[i, m])} − "
                          f"minimum-inkomensijkpunt {e(ijk)}) = {e(b.afbouw[i, m], centen=True)} per maand minder "
                          "(Wht art. 21 lid 2).")
        else:
            regels.append(f"Het rekeninkomen is niet hoger dan het minimum-inkomensijkpunt {e(ijk)}: geen "
                          "inkomensafbouw (Wht art. 21 lid 2).")
    return regels


def _uitleg_geen_recht(i: int, m: int, regels: list[str], b: _Berekening) -> None:
    e = opmaak.euro
    minderjarig = np.flatnonzero(~b.meerderjarig[i])
    if minderjarig.size:
        regels.append(f"Geen huurtoeslag in {opmaak.maanden(minderjarig)}: de aanvrager is nog niet meerderjarig "
                      "(vanaf de maand na de 18e verjaardag; Wht art. 8, Awir art. 5 en art. 10 lid 2).")
    if b.maand_zonder_vermogenstoets[i].any():
        regels.append(f"Per maand {e(b.exact[i, m], centen=True)}, naar beneden afgerond op hele euro's zoals Dienst "
                      f"Toeslagen rekent: {e(b.maand_zonder_vermogenstoets[i, m])} (Wht art. 21).")
        if (b.maand_zonder_vermogenstoets[i] != b.maand_zonder_vermogenstoets[i, m]).any():
            regels.append(f"Per maand: {_per_maand_tekst(b.maand_zonder_vermogenstoets[i])} (Awir art. 5).")
    elif b.mogelijk[i].any():
        regels.append("De vergoeding valt weg tegen de basishuur en het inkomen: geen huurtoeslag (Wht art. 21).")


def _uitleg_vermogen_en_jaar(i: int, inv: Invoer, p: ParameterLezer, b: _Berekening, regels: list[str]) -> None:
    e = opmaak.euro
    som_exact = b.exact[i].sum()
    if b.aantal_eigen_grens[i]:
        grens_tekst = (f"{e(b.grens[i])} ({e(b.grens_basis[i])} voor de aanvrager"
                       f"{' en de toeslagpartner samen' if inv.heeft_partner[i].all() else ''} + "
                       f"{b.aantal_eigen_grens[i]} × {e(p('algemeen.awir_vermogensgrens_medebewoner'))} voor de "
                       "meerderjarige medebewoners)")
    else:
        grens_tekst = e(b.grens[i])
    if b.onder_grens[i]:
        regels.append(f"Vermogen op 1 januari {e(inv.vermogen[i])} is niet hoger dan de grens {grens_tekst} "
                      "(Awir art. 7 lid 3-4).")
    else:
        regels.append(f"Vermogen op 1 januari {e(inv.vermogen[i])} is hoger dan de grens {grens_tekst}: geen "
                      "huurtoeslag dit jaar (Awir art. 7 lid 3-4).")

    # the year
    totaal = b.maandbedragen[i].sum()
    if b.jaarbedrag[i] > 0:
        regels.append(f"Over het jaar {e(b.jaarbedrag[i])}: de som van de maandbedragen (Awir art. 14 lid 4).")
        if abs(som_exact - totaal) >= 1:
            regels.append(f"Zonder de afronding per maand zou het jaarbedrag {e(som_exact, centen=True)} zijn; Dienst "
                          "Toeslagen rondt de maandbedragen naar beneden af (Awir art. 14 lid 4).")
    elif b.onder_grens[i] and b.maand_zonder_vermogenstoets[i].any():
        regels.append(f"Over het jaar {e(b.maand_zonder_vermogenstoets[i].sum())}: minder dan "
                      f"{e(p('algemeen.awir_minimum_jaarbedrag'))}, dus geen huurtoeslag (Awir art. 14 lid 5).")


def _bronnen(i: int, inv: Invoer, parameters: Parameters, p: ParameterLezer, b: _Berekening) -> list[str]:
    uit = ["Wet op de huurtoeslag art. 1 onder i, art. 2, art. 5, art. 7 lid 1, art. 8, art. 13 lid 1",
           "Wet op de huurtoeslag art. 16, 17, 19, 20 en 21", "Besluit op de huurtoeslag art. 7",
           "Wet verlaging eigen bijdrage huurtoeslag art. 1", awir.BRON_TOETSINGSINKOMEN,
           "Awir art. 5, art. 7 lid 2-4 en 6, art. 10 lid 2", "Awir art. 14 lid 4-5"]
    return uit + [f"{r.id}: {r.bron}" for r in (parameters.record(x) for x in p.gelezen)]


def _waarschuwingen(i: int, inv: Invoer, parameters: Parameters, p: ParameterLezer, b: _Berekening,
                    sluit_uit: bool) -> list[str]:
    e = opmaak.euro
    uit = awir.waarschuwingen_toetsingsinkomen(inv, i) + awir.waarschuwing_partner_deel_van_het_jaar(
        inv, i, "Awir art. 7 lid 3")
    if not inv.huurwoning[i]:
        return uit
    if inv.bewoner_aanwezig[i].any():
        uit.append("Alle kinderen en medebewoners tellen mee voor het huishouden en het rekeninkomen. Een onderhuurder "
                   "met een schriftelijk huurcontract (en diens huishouden) telt niet mee (Awir art. 2 lid 1 onder e); "
                   "samenloop kan dat niet zien.")
    if (inv.bewoner_inkomen[i].sum(axis=1) * inv.bewoner_aanwezig[i]).any():
        uit.append("Het inkomen van medebewoners telt bruto mee als hun toetsingsinkomen (alle opgegeven inkomsten).")
    if b.aantal_eigen_grens[i] and inv.vermogen[i] > b.grens_basis[i]:
        uit.append(f"De vermogensgrens geldt per persoon: {e(b.grens_basis[i])} voor de aanvrager"
                   f"{' en de toeslagpartner samen' if inv.heeft_partner[i].all() else ''} en "
                   f"{e(p('algemeen.awir_vermogensgrens_medebewoner'))} voor elke meerderjarige medebewoner "
                   f"(Awir art. 7 lid 3-4). Het vermogen van {e(inv.vermogen[i])} is voor het hele huishouden "
                   "opgegeven; samenloop neemt aan dat niemand afzonderlijk boven zijn eigen grens zit. Controleer "
                   "dat.")
    if (~b.gewone_grens[i]).any():
        uit.append("Woont er iemand met een handicap in het huishouden, dan geldt de hogere maximale huurgrens "
                   "(Wht art. 13 lid 1 onder a 2°); samenloop kent die situatie niet.")
    if sluit_uit and b.boven_grens[i].any():
        uit.append("Boven de maximale huurgrens bestaat toch recht (tot de grens) bij voorzieningen voor een handicap, "
                   "een huishouden van ten minste acht personen in een daarvoor bestemde woning, of als er eerder "
                   "huurtoeslag voor deze woning is toegekend (Wht art. 13 lid 2-3); samenloop kent die situaties "
                   "niet.")
        if inv.ontvangt["huurtoeslag"][i].any():
            uit.append("Er wordt huurtoeslag ontvangen terwijl de rekenhuur boven de maximale huurgrens ligt: mogelijk "
                       "geldt de uitzondering voor een woning waarvoor eerder huurtoeslag is toegekend "
                       "(Wht art. 13 lid 2 onder c).")
    if (~b.meerderjarig[i]).any():
        uit.append("Een minderjarige van wie beide ouders zijn overleden geldt ook als meerderjarig "
                   "(Awir art. 10 lid 2); samenloop kent die situatie niet.")
    return uit


GEBEURTENISVELDEN = (
    Veld("huurtoeslag_ontvangen", "waarheid", "er komt dit jaar een voorschot huurtoeslag binnen"),
    Veld("huurtoeslag_berekend", "waarheid", "samenloop berekent de huurtoeslag"),
    Veld("huurtoeslag_recht", "waarheid", "er is dit jaar recht op huurtoeslag"),
    Veld("huurtoeslag_voorschot", "waarheid", "in de maand van de gebeurtenis of de maand ervoor komt een voorschot "
                                              "huurtoeslag binnen"),
)


def gebeurtenisfeiten(h: Huishouden, u: Uitkomst, i: int, g: Gebeurtenis, parameters: Parameters) -> dict:
    """What a life event means for the huurtoeslag: a voorschot that runs makes a change one to report (Awir art.
    17), and whether there is a right this year."""
    ontvangt = getattr(h.ontvangt, REGELING)
    return {"huurtoeslag_ontvangen": sum(ontvangt) > 0, "huurtoeslag_berekend": u.berekend,
            "huurtoeslag_recht": bool(u.berekend and u.recht[i]),
            "huurtoeslag_voorschot": ontvangen_rond(ontvangt, g.datum.month - 1)}


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="huurtoeslag", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    nodig={"inkomstenbelasting": InkomenNaBelasting},   # the toetsingsinkomen (Awir art. 8), through the household
    feitvelden=awir.TOESLAGFEITEN + (
        Veld("rekenhuur", "getal", "de rekenhuur per maand (Wet op de huurtoeslag art. 5), gemiddeld over het jaar"),
    ),
    gebeurtenisvelden=GEBEURTENISVELDEN, gebeurtenisfeiten=gebeurtenisfeiten,
    voorschot=True, vermogen_op_1_januari=True, rang=50,
)
