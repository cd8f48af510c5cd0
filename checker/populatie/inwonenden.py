"""Adults who live in someone else's household and claim toeslagen in their own name.

An adult child at home, or a medebewoner, is in the usual case no toeslagpartner of the aanvrager (Awir art. 3 lists
when someone is; the model treats every adult bewoner so): he or she is a verzekerde of his or her own and asks for
zorgtoeslag on his or her own toetsingsinkomen (Wet op de zorgtoeslag art. 2 lid 1; Awir art. 7 lid 1 and art. 8).
Dienst Toeslagen counts such a person as a household of its own. Huurtoeslag, kindgebonden budget and
kinderopvangtoeslag go through the aanvrager of the home or the parents, so only the zorgtoeslag is claimed here.

The records hold these adults as bewoners of a household (``bewoner_inkomen``). Each is computed as a one-person
household: the same regeling modules, his or her own income (all of it as loon), age and take-up draw. What they
get is summed per record, so a record's national figures hold its aanvrager and its adult bewoners together.
Assumed, for want of data in the records: zorgverzekerd, no vermogen on 1 January (students and young workers
at home have little), and the niet-gebruik of the zorgtoeslag as a whole.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..berekening import bereken_alleen
from ..invoer import INKOMENSBRONNEN, Invoer
from ..maanden import VOORAF
from ..parameters import Parameters

# Claimed in one's own name while living in another's household (see above).
EIGEN_NAAM = ("zorgtoeslag",)


@dataclass(frozen=True)
class Inwonenden:
    """What the adult bewoners of each record of a slice get in their own name, summed per record: (N,) each."""
    recht: dict[str, np.ndarray]        # regeling -> € per year with full take-up
    uitgaven: dict[str, np.ndarray]     # € per year paid, after niet-gebruik
    met_recht: dict[str, np.ndarray]    # how many of them have a right
    ontvangers: dict[str, np.ndarray]   # how many of them receive it

    @classmethod
    def geen(cls, n: int) -> "Inwonenden":
        return cls(*({k: np.zeros(n) for k in EIGEN_NAAM} for _ in range(4)))


def meerderjarig(inv: Invoer, parameters: Parameters) -> np.ndarray:
    """(N, B) bool: a bewoner who is a verzekerde of his or her own in some month of the year (from the month after
    the 18th birthday, Wzt art. 1 lid 1 onder c; the months before are left to the zorgtoeslag itself)."""
    leeftijd = inv.leeftijd_na_verjaardagsmaand("bewoner")          # (N, B, 12)
    grens = float(parameters.waarde("zorgtoeslag.minimumleeftijd"))
    return inv.bewoner_aanwezig & (leeftijd >= grens).any(axis=2)


def als_eigen_huishouden(inv: Invoer, wie: np.ndarray) -> Invoer:
    """The bewoners ``wie`` ((N, B) bool) as one-person households, one row each in the order of ``np.nonzero``."""
    r, b = np.nonzero(wie)
    m = r.size
    loon = inv.bewoner_inkomen[r, b]                                  # (M, 12)
    inkomen = {bron: (loon.copy() if bron == "loon" else np.zeros((m, 12))) for bron in INKOMENSBRONNEN}
    werk = np.concatenate([np.repeat(loon[:, :1] > 0, VOORAF, axis=1), loon > 0], axis=1)
    nee, nee2 = np.zeros(m, dtype=bool), np.zeros((m, 2), dtype=bool)
    geboren = inv.bewoner_geboren[r, b]
    return Invoer(
        jaar=inv.jaar, inkomen_aanvrager=inkomen, inkomen_partner={bron: np.zeros((m, 12)) for bron in INKOMENSBRONNEN},
        heeft_partner=np.zeros((m, 12), dtype=bool), verzekerd_aanvrager=np.ones(m, dtype=bool),
        verzekerd_partner=nee, geboren_aanvrager=geboren, geboren_partner=geboren.copy(),
        activiteit_aanvrager=werk, activiteit_partner=np.zeros_like(werk), werk_aanvrager=werk.copy(),
        werk_partner=np.zeros_like(werk), activiteit_vooraf_bekend=np.ones((m, 2), dtype=bool), wlz_partner=nee,
        urencriterium=nee2, urencriterium_bekend=np.ones((m, 2), dtype=bool),
        wia_fase=np.zeros((m, 2), dtype=int), wia_klasse=np.zeros((m, 2), dtype=int),
        wia_maandloon=np.zeros((m, 2)), wia_restverdiencapaciteit=np.zeros((m, 2)),
        wia_einde_loongerelateerd=np.full((m, 2), 12, dtype=int), kan_niet_zorgen=nee2,
        bewoner_aanwezig=np.zeros((m, 1), dtype=bool), bewoner_is_kind=np.zeros((m, 1), dtype=bool),
        bewoner_geboren=geboren[:, None, :].copy(), bewoner_inkomen=np.zeros((m, 1, 12)),
        opvang_soort=np.zeros((m, 1), dtype=int), opvang_uren=np.zeros((m, 1, 12)), opvang_uurprijs=np.zeros((m, 1)),
        huurwoning=nee, kale_huur=np.zeros((m, 12)), servicekosten=np.zeros((m, 12)), vermogen=np.zeros(m),
        gemeente=inv.gemeente[r], gemeentelijke_belastingen=np.zeros(m), peildatum_maand=inv.peildatum_maand[r],
        ontvangt={k: np.zeros((m, 12)) for k in inv.ontvangt}, heeft_wia_zonder_uitkering=nee,
    )


def bereken(inv: Invoer, parameters: Parameters, trekking: np.ndarray,
            niet_gebruik: dict[str, float]) -> Inwonenden:
    """The adult bewoners of every record through the regelingen of ``EIGEN_NAAM``; a bewoner claims when his or her
    draw (``trekking``, (N, B)) is at least the regeling's ``niet_gebruik`` share."""
    wie = meerderjarig(inv, parameters)
    if not wie.any():
        return Inwonenden.geen(inv.n)
    r, b = np.nonzero(wie)
    uitkomsten = bereken_alleen(als_eigen_huishouden(inv, wie), parameters, EIGEN_NAAM)
    uit = Inwonenden.geen(inv.n)
    for k in EIGEN_NAAM:
        jaar = uitkomsten[k].jaarbedrag
        claimt = (jaar > 0) & (trekking[r, b] >= niet_gebruik[k])
        np.add.at(uit.recht[k], r, jaar)
        np.add.at(uit.uitgaven[k], r, np.where(claimt, jaar, 0.0))
        np.add.at(uit.met_recht[k], r, (jaar > 0).astype(float))
        np.add.at(uit.ontvangers[k], r, claimt.astype(float))
    return uit
