"""Kinderbijslag — Algemene Kinderbijslagwet (AKW, BWBR0002368), paid by the Sociale Verzekeringsbank.

The right exists per calendar quarter: a verzekerde has a right over a quarter for a child that, on the
first day of that quarter, is younger than 18 and belongs to the household (art. 7 lid 1, art. 11 lid 2).
The amount over the quarter depends on the child's age on that first day (art. 12 lid 3): younger than 6,
6 to 12, 12 to 18. The basisbedrag is indexed on 1 January and 1 July (art. 13 lid 4). There is no income
or vermogen test. For a child of 16 or 17 the school conditions of art. 7 lid 2 apply; they are assumed met.

The SVB pays each quarter afterwards, at the latest three months after the quarter (art. 18 lid 1 onder a).
To line up with the monthly regelingen, the quarter amount is shown as one third in each of its months.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld, leeftijd_op
from ..huishouden import Gebeurtenis, Huishouden
from ..invoer import Invoer, leeftijd_per_maand
from ..parameters import Parameters
from .register import Regeling
from ._uitkomst import Uitkomst

REGELING = "kinderbijslag"
INSTANTIE = "Sociale Verzekeringsbank"

MAANDEN_PER_KWARTAAL = 3                                       # calendar, not a rule
EERSTE_MAAND_VAN_KWARTAAL = np.repeat(np.arange(0, 12, MAANDEN_PER_KWARTAAL), MAANDEN_PER_KWARTAAL)  # (12,)
KWARTAALNAMEN = ("1e kwartaal", "2e kwartaal", "3e kwartaal", "4e kwartaal")
EERSTE_DAG = ("1 januari", "1 april", "1 juli", "1 oktober")
BRON_RECHT = "Algemene Kinderbijslagwet art. 7 lid 1 en art. 11 lid 2"
KWARTAALBEDRAGEN = ("kinderbijslag.kwartaalbedrag_jonger_dan_6", "kinderbijslag.kwartaalbedrag_6_tot_12",
                    "kinderbijslag.kwartaalbedrag_12_tot_18")


@dataclass(frozen=True)
class KinderbijslagPerKind:
    """What the kinderbijslag hands on (to the kindgebonden budget, Wkgb art. 2 lid 1: a child for whom kinderbijslag
    is paid)."""
    per_kind: np.ndarray   # (N, B, 12) bool: kinderbijslag is paid for the child over the quarter of each month


def leeftijd_eerste_dag_kwartaal(geboren: np.ndarray, jaar: int) -> np.ndarray:
    """(N, B, 12): the child's age on the first day of the quarter each month belongs to (AKW art. 11 lid 2,
    art. 12 lid 3); negative when the child is not yet born on that day. A child born on the first day of a quarter
    is born on that day (age 0), so it counts for that quarter; a birthday on that day gives the new age for it."""
    per_maand = leeftijd_per_maand(geboren, jaar)              # age on the 1st of each month
    return per_maand[..., EERSTE_MAAND_VAN_KWARTAAL]


def recht_per_kwartaal(inv: Invoer, leeftijd_q: np.ndarray, maximumleeftijd: float) -> np.ndarray:
    """(N, B, 12) bool: a right over the quarter of each month: a child of the household (rol kind) that on
    the quarter's first day is born and younger than the maximum age (AKW art. 7 lid 1, art. 11 lid 2)."""
    kind = (inv.bewoner_aanwezig & inv.bewoner_is_kind)[..., None]
    return kind & (leeftijd_q >= 0) & (leeftijd_q < maximumleeftijd)


def kwartaalbedrag(leeftijd_q: np.ndarray, p) -> np.ndarray:
    """(N, B, 12): the amount over the quarter by the age on its first day (AKW art. 12 lid 3 onder a-c),
    with the amounts in force on the first day of each month (indexed 1 January and 1 July, art. 13 lid 4)."""
    jong, midden, oud = (p.per_maand(pid) for pid in KWARTAALBEDRAGEN)
    return np.where(leeftijd_q < p("kinderbijslag.leeftijd_tweede_groep"), jong,
                    np.where(leeftijd_q < p("kinderbijslag.leeftijd_derde_groep"), midden, oud))


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    p = parameters.lezer()
    leeftijd_q = inv.leeftijd("bewoner")[..., EERSTE_MAAND_VAN_KWARTAAL]           # = leeftijd_eerste_dag_kwartaal
    recht_kind = recht_per_kwartaal(inv, leeftijd_q, p("kinderbijslag.maximumleeftijd"))
    per_kwartaal = np.where(recht_kind, kwartaalbedrag(leeftijd_q, p), 0.0)        # (N, B, 12)
    per_maand_kind = per_kwartaal / MAANDEN_PER_KWARTAAL
    maandbedragen = per_maand_kind.sum(axis=1)                                    # (N, 12)
    # The law's amounts are whole quarters: sum them per quarter (the first month of each quarter holds it).
    jaarbedrag = np.round(per_kwartaal[..., ::MAANDEN_PER_KWARTAAL].sum(axis=(1, 2)), 2)
    recht = jaarbedrag > 0
    schoolleeftijd = recht_kind & (leeftijd_q >= p("kinderbijslag.leeftijd_schoolvoorwaarden"))

    def uitleg(i: int) -> list[str]:
        return _uitleg(i, inv, p, leeftijd_q, recht_kind, per_kwartaal, jaarbedrag)

    def waarschuwingen(i: int) -> list[str]:
        return _waarschuwingen(i, inv, p, schoolleeftijd)

    def bronnen(i: int) -> list[str]:
        uit = [BRON_RECHT, "Algemene Kinderbijslagwet art. 12 lid 3 en art. 13 lid 4",
               "Algemene Kinderbijslagwet art. 18 lid 1 onder a"]
        if schoolleeftijd[i].any():
            uit.append("Algemene Kinderbijslagwet art. 7 lid 2")
        return uit + [f"{r.id}: {r.bron}" for r in (parameters.record(x) for x in p.gelezen)]

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=uitleg, bronnen=bronnen, waarschuwingen=waarschuwingen, lezer=p,
        signaalbronnen={"bron_recht": BRON_RECHT},
        feiten={"aantal_kinderen_met_kinderbijslag": recht_kind.any(axis=2).sum(axis=1)},
        details={
            "kinderbijslag_kind": recht_kind,                 # (N, B, 12) bool: paid over this month's quarter
            "leeftijd_eerste_dag_kwartaal": leeftijd_q,        # (N, B, 12)
            "kwartaalbedrag_kind": per_kwartaal,               # (N, B, 12) the quarter's amount, in each of its months
        },
        doorgifte=KinderbijslagPerKind(per_kind=recht_kind),
    )


def _indexeringen(p) -> list:
    """The dates after 1 January from which new amounts apply, from the records of the amounts themselves."""
    return sorted({r.geldig_vanaf for pid in KWARTAALBEDRAGEN for r in p.parameters.records(pid)
                   if (r.geldig_vanaf.month, r.geldig_vanaf.day) != (1, 1)})


def _uitleg(i, inv, p, leeftijd_q, recht_kind, per_kwartaal, jaarbedrag) -> list[str]:
    e = opmaak.euro
    kinderen = np.flatnonzero(inv.bewoner_aanwezig[i] & inv.bewoner_is_kind[i])
    if kinderen.size == 0:
        return ["Geen kinderbijslag: er is geen kind (rol kind) in het huishouden (AKW art. 7 lid 1)."]
    grens_2, grens_3 = p("kinderbijslag.leeftijd_tweede_groep"), p("kinderbijslag.leeftijd_derde_groep")
    maximum = p("kinderbijslag.maximumleeftijd")
    regels = ["Kinderbijslag per kwartaal naar de leeftijd van het kind op de eerste dag van het kwartaal "
              "(AKW art. 11 lid 2 en art. 12 lid 3)."]
    for nummer, b in enumerate(kinderen, start=1):
        geboren = opmaak.datum(date(*(int(x) for x in inv.bewoner_geboren[i, b])))
        delen = []
        for q in range(4):
            m = q * MAANDEN_PER_KWARTAAL
            leeftijd = int(leeftijd_q[i, b, m])
            if recht_kind[i, b, m]:
                groep = (f"jonger dan {grens_2:g} jaar" if leeftijd < grens_2 else
                         f"{grens_2:g}–{grens_3 - 1:g} jaar" if leeftijd < grens_3 else
                         f"{grens_3:g}–{maximum - 1:g} jaar")
                delen.append(f"{KWARTAALNAMEN[q]} {e(per_kwartaal[i, b, m], centen=True)} ({leeftijd} jaar op "
                             f"{EERSTE_DAG[q]}: {groep})")
            elif leeftijd < 0:
                delen.append(f"{KWARTAALNAMEN[q]} niets (op {EERSTE_DAG[q]} nog niet geboren)")
            else:
                delen.append(f"{KWARTAALNAMEN[q]} niets ({leeftijd} jaar op {EERSTE_DAG[q]})")
        totaal = per_kwartaal[i, b, ::MAANDEN_PER_KWARTAAL].sum()
        regels.append(f"Kind {nummer} (geboren {geboren}): " + "; ".join(delen)
                      + f"; samen {e(totaal, centen=True)} (AKW art. 12 lid 3).")
    for vanaf in _indexeringen(p):  # the dates of the amounts' records after 1 January (1 July: art. 13 lid 4)
        if recht_kind[i, :, :vanaf.month - 1].any() and recht_kind[i, :, vanaf.month - 1:].any():
            dag = opmaak.datum(vanaf).rsplit(" ", 1)[0]
            regels.append(f"De bedragen worden op 1 januari en {dag} geïndexeerd; vanaf het "
                          f"{KWARTAALNAMEN[(vanaf.month - 1) // MAANDEN_PER_KWARTAAL]} gelden de bedragen per {dag} "
                          "(AKW art. 13 lid 4).")
    if jaarbedrag[i] > 0:
        regels.append(f"Samen {e(jaarbedrag[i], centen=True)} over het jaar. Per maand staat een derde van het "
                      "kwartaalbedrag; de SVB betaalt per kwartaal achteraf, uiterlijk drie maanden na afloop van het "
                      "kwartaal (AKW art. 18 lid 1 onder a).")
    else:
        regels.append("Geen kinderbijslag dit jaar: geen kind dat op de eerste dag van een kwartaal geboren en "
                      f"jonger dan {maximum:g} jaar is (AKW art. 7 lid 1, art. 11 lid 2).")
    return regels


def _waarschuwingen(i, inv, p, schoolleeftijd) -> list[str]:
    uit = []
    if schoolleeftijd[i].any():
        uit.append(f"Voor een kind van {p('kinderbijslag.leeftijd_schoolvoorwaarden'):g} of "
                   f"{p('kinderbijslag.maximumleeftijd') - 1:g} jaar is aangenomen dat "
                   "aan de voorwaarden van AKW art. 7 lid 2 is voldaan: het kind gaat naar school volgens de "
                   "leerplicht of kwalificatieplicht (of is vrijgesteld), staat ingeschreven bij een vergelijkbare "
                   "school buiten Nederland, of heeft een startkwalificatie. Zo niet, dan betaalt de SVB geen "
                   "kinderbijslag voor dat kind (het kindgebonden budget loopt dan wel door, Wkgb art. 2 lid 1). "
                   "De wettekst 2025 en 2026 stelt geen inkomenseis aan het kind.")
    return uit


GEBEURTENISVELDEN = (
    Veld("kinderbijslag_recht", "waarheid", "er is dit jaar recht op kinderbijslag"),
    Veld("eerste_kind", "waarheid", "bij een geboorte: geen ander kind jonger dan de kinderbijslagleeftijd"),
)


def gebeurtenisfeiten(h: Huishouden, u: Uitkomst, i: int, g: Gebeurtenis, parameters: Parameters) -> dict:
    """What a life event means for the kinderbijslag: a right this year, and at a birth whether it is the first
    child (for a next one the SVB adjusts the kinderbijslag by itself; for the first the parents apply, AKW art. 14
    lid 1)."""
    maximum = float(parameters.waarde("kinderbijslag.maximumleeftijd"))
    return {"kinderbijslag_recht": bool(u.berekend and u.recht[i]), "eerste_kind": eerste_kind(h, g.datum, maximum)}


def eerste_kind(h: Huishouden, geboren: date, maximumleeftijd: float) -> bool:
    """No other child in the household young enough for kinderbijslag on the birth date (AKW art. 7 lid 1)."""
    return not any(h.geboortedatum(k) < geboren and leeftijd_op(h.geboortedatum(k), geboren) < maximumleeftijd
                   for k in h.kinderen)


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="kinderbijslag", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    geeft=KinderbijslagPerKind,
    feitvelden=(Veld("aantal_kinderen_met_kinderbijslag", "geheel", "kinderen met kinderbijslag in ten minste één "
                                                                    "kwartaal"),),
    gebeurtenisvelden=GEBEURTENISVELDEN, gebeurtenisfeiten=gebeurtenisfeiten,
    rang=60,
)
