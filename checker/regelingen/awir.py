"""Algemene wet inkomensafhankelijke regelingen (Awir, BWBR0018472): what all toeslagen share.

- draagkracht: the toetsingsinkomen of the belanghebbende and the toeslagpartner together (art. 7 lid 1);
- the toetsingsinkomen is the year's inkomensgegeven, in practice the verzamelinkomen (art. 8 lid 1);
- the annual tegemoetkoming is rounded to whole euros (art. 14 lid 4) and not granted below € 24 (lid 5).
"""
from __future__ import annotations

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld
from ..invoer import Invoer
from ..parameters import ParameterLezer

# Until the income-tax module lands, the toetsingsinkomen is the year's gross taxable income.
BELASTBARE_BRONNEN = ("loon", "winst", "ww", "wga", "aow", "pensioen", "bijstand", "overig")
BRON_TOETSINGSINKOMEN = "Awir art. 7 lid 1 en art. 8 lid 1"


def toetsingsinkomen_persoon(inkomen: dict[str, np.ndarray]) -> np.ndarray:
    """Annual gross taxable income of one person, (N,): the fallback before the income tax is computed."""
    return sum(inkomen[b].sum(axis=1) for b in BELASTBARE_BRONNEN)


def draagkracht(inv: Invoer) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Toetsingsinkomen of aanvrager, of partner, and per month the income that counts (N, 12).

    The toetsingsinkomen is the verzamelinkomen (art. 8 lid 1) as the income-tax module computes it; before
    that module has run, the gross taxable income stands in. In a month with a toeslagpartner both incomes
    count (art. 7 lid 1); otherwise only the aanvrager's.
    """
    if inv.toetsingsinkomen is not None:
        ti_a, ti_p = inv.toetsingsinkomen[:, 0], inv.toetsingsinkomen[:, 1]
    else:
        ti_a = toetsingsinkomen_persoon(inv.inkomen_aanvrager)
        ti_p = toetsingsinkomen_persoon(inv.inkomen_partner)
    per_maand = np.where(inv.heeft_partner, (ti_a + ti_p)[:, None], ti_a[:, None])
    return ti_a, ti_p, per_maand


def afgerond_jaarbedrag(exact: np.ndarray, lees: ParameterLezer) -> np.ndarray:
    """Round the annual tegemoetkoming (art. 14 lid 4) and drop it below the minimum (lid 5)."""
    stap = lees("algemeen.awir_afronding_jaarbedrag")
    afgerond = np.floor(exact / stap + 0.5) * stap
    return np.where(afgerond < lees("algemeen.awir_minimum_jaarbedrag"), 0.0, afgerond)


def verdeel_jaarbedrag(maand_exact: np.ndarray, jaarbedrag: np.ndarray) -> np.ndarray:
    """Monthly amounts (N, 12) that add up to the rounded annual amount, in proportion to each month's
    right (art. 14 lid 4 rounds the tegemoetkoming for the year; the months carry the same total)."""
    som = maand_exact.sum(axis=1, keepdims=True)
    factor = np.divide(jaarbedrag[:, None], som, out=np.zeros_like(som), where=som > 0)
    return maand_exact * factor


# The fields toeslagfeiten adds to a toeslag's fact for the signal rules (checker/feiten.py).
TOESLAGFEITEN = (
    Veld("toetsingsinkomen", "getal", "het toetsingsinkomen (Awir art. 8), voor de huurtoeslag het rekeninkomen"),
    Veld("jaarbedrag_zonder_vermogenstoets", "getal", "het jaarbedrag als het vermogen onder de grens lag"),
    Veld("vermogen", "getal", "het vermogen op 1 januari"),
    Veld("vermogensgrens", "getal", "de vermogensgrens van deze toeslag voor dit huishouden"),
    Veld("ontvangt_jaar", "getal", "het voorschot dat dit jaar binnenkomt"),
    Veld("bron_vermogen", "tekst", "de wettelijke grondslag van de vermogenstoets"),
)


def toeslagfeiten(inv: Invoer, regeling: str, toetsingsinkomen: np.ndarray, jaar_zonder_vermogenstoets: np.ndarray,
                  vermogensgrens: np.ndarray) -> dict[str, np.ndarray]:
    """The (N,) facts every toeslag hands to the signal rules (NIET_GEBRUIK, VERMOGENSGRENS, voorschot)."""
    return {"toetsingsinkomen": toetsingsinkomen, "jaarbedrag_zonder_vermogenstoets": jaar_zonder_vermogenstoets,
            "vermogen": inv.vermogen, "vermogensgrens": vermogensgrens,
            "ontvangt_jaar": inv.ontvangt[regeling].sum(axis=1)}


def voorschotregel(ontvangt_jaar: float, jaarbedrag: float) -> str:
    """The voorschot received against the computed tegemoetkoming, both per year and as paid out (a toeslag is not
    taxed), with the estimate after the year (Awir art. 24 lid 2-3, art. 26)."""
    e = opmaak.euro
    verschil = round(ontvangt_jaar - jaarbedrag, 2)
    uitkomst = (f"naar schatting {e(verschil)} terugbetalen" if verschil > 0 else
                f"naar schatting {e(-verschil)} nabetaling" if verschil < 0 else "geen verschil")
    return (f"Ontvangen voorschot {e(ontvangt_jaar)} per jaar tegenover een berekend recht van {e(jaarbedrag)} "
            f"per jaar (een toeslag is onbelast: beide zijn wat wordt uitbetaald): {uitkomst}")


def met_voorschotregel(uitleg, inv: Invoer, regeling: str, jaarbedrag: np.ndarray):
    """The explanation ``uitleg`` (i -> lines) followed by the voorschotregel where a voorschot is received."""
    ontvangt = inv.ontvangt[regeling].sum(axis=1)

    def met(i: int) -> list[str]:
        regels = list(uitleg(i))
        if ontvangt[i] > 0:
            regels.append(voorschotregel(float(ontvangt[i]), float(jaarbedrag[i]))
                          + " (Awir art. 24 lid 2-3 en art. 26).")
        return regels
    return met


def waarschuwingen_toetsingsinkomen(inv: Invoer, i: int) -> list[str]:
    if inv.toetsingsinkomen is not None:
        return ["Het toetsingsinkomen is het verzamelinkomen zoals samenloop het berekent: alleen box 1; inkomen uit "
                "box 2 en 3 en aftrekposten (zoals hypotheekrente of giften) tellen niet mee."]
    return _voorlopig_toetsingsinkomen(inv, i)


def waarschuwing_partner_deel_van_het_jaar(inv: Invoer, i: int, artikel: str) -> list[str]:
    """The joint vermogensgrens applies only with the same partner all year; otherwise the aanvrager's own
    rendementsgrondslag counts, which the household file does not give apart (``artikel``: where the law says so)."""
    if inv.heeft_partner[i].any() and not inv.heeft_partner[i].all():
        return ["Niet het hele jaar dezelfde partner: dan geldt de vermogensgrens voor één persoon, over het vermogen "
                f"van de aanvrager zelf ({artikel}). samenloop kent alleen het vermogen van het huishouden en toetst "
                "dat aan die grens; is een deel ervan van de partner, dan is de toets te streng."]
    return []


def _voorlopig_toetsingsinkomen(inv: Invoer, i: int) -> list[str]:
    uit = ["Het toetsingsinkomen is voorlopig het bruto belastbare inkomen van het jaar (loon, winst, WW, "
           "WGA, AOW, pensioen, bijstand, overig); aftrekposten en box 3 tellen nog niet mee."]
    if any(inv.inkomen_aanvrager["winst"][i]) or any(inv.inkomen_partner["winst"][i]):
        uit.append("Winst telt bruto mee: zelfstandigenaftrek en mkb-winstvrijstelling zijn nog niet afgetrokken, "
                   "dus het toetsingsinkomen is waarschijnlijk te hoog en de toeslag te laag.")
    if inv.heeft_wia_zonder_uitkering[i]:
        uit.append("Er is een WIA-situatie maar geen WGA-uitkering opgegeven (inkomen.wga); samenloop berekent de "
                   "WGA nog niet, dus het toetsingsinkomen is waarschijnlijk te laag en de toeslag te hoog.")
    return uit


def onderdelen(naam: str, regel: str, berekend: np.ndarray, maandbedragen: np.ndarray, lees: ParameterLezer,
               afronding: str = "het jaarbedrag wordt afgerond op hele euro's (Awir art. 14 lid 4)"):
    """The two named parts of a toeslag for the scan, as ``Uitkomst.onderdelen``: the amount the regeling's own
    formula gives per month (``berekend``, before rounding), and what the rounding and the threshold of art. 14
    lid 4-5 make of it."""
    from ._uitkomst import Onderdeel
    from ..opmaak import euro
    drempel = euro(lees("algemeen.awir_minimum_jaarbedrag"))
    rest = maandbedragen - berekend
    drempelregel = (f"een toeslag van minder dan {drempel} per jaar wordt niet betaald (Awir art. 14 lid 5); "
                    + afronding)
    return lambda rijen: [Onderdeel(naam=naam, bedrag=berekend[rijen], regel=regel),
                          Onderdeel(naam=f"drempel van {drempel} per jaar en de afronding", bedrag=rest[rijen],
                                    regel=drempelregel)]
