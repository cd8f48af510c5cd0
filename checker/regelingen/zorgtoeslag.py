"""Zorgtoeslag — Wet op de zorgtoeslag (Wzt, BWBR0018451), with the Awir.

Per month (Wzt art. 2 lid 5) a verzekerde has a right to the difference between the standaardpremie
(twice it with a partner) and the normpremie (art. 2 lid 1):
    normpremie = percentage × drempelinkomen + percentage × (toetsingsinkomen − drempelinkomen, if > 0)
(art. 2 lid 2–3), over the joint toetsingsinkomen of verzekerde and partner (Awir art. 7 lid 1).
Half of it when the partner is no verzekerde (art. 2 lid 4). A verzekerde counts from the month after
the month of the 18th birthday (art. 1 lid 1 onder c). No right when the rendementsgrondslag on
1 January is above the vermogensgrens (art. 3 lid 1). The annual amount is rounded and dropped below
€ 24 (Awir art. 14 lid 4–5).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import opmaak
from ..invoer import Invoer, leeftijd_vanaf_maand_na_verjaardag
from ..parameters import ParameterLezer, Parameters
from . import awir
from .register import Regeling
from ._uitkomst import Uitkomst
from .inkomstenbelasting import InkomenNaBelasting

REGELING = "zorgtoeslag"
INSTANTIE = "Dienst Toeslagen"


def verzekerde_per_maand(geboren: np.ndarray, verzekerd: np.ndarray, jaar: int, minimumleeftijd: int) -> np.ndarray:
    """(N, 12) bool: insured, "steeds vanaf de eerste dag van de kalendermaand volgende op de maand waarin hij achttien
    jaar wordt" (Wzt art. 1 lid 1 onder c): the Wzt's own month rule, so a birthday on the first day of a month also
    counts from the next month (not Awir art. 5)."""
    return verzekerd[:, None] & (leeftijd_vanaf_maand_na_verjaardag(geboren, jaar) >= minimumleeftijd)


def verzekerden(inv: Invoer, minimumleeftijd: int) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) each: ``verzekerde_per_maand`` for the aanvrager and for the partner (in months with a partner)."""
    a = inv.verzekerd_aanvrager[:, None] & (inv.leeftijd_na_verjaardagsmaand("aanvrager") >= minimumleeftijd)
    p = inv.verzekerd_partner[:, None] & (inv.leeftijd_na_verjaardagsmaand("partner") >= minimumleeftijd)
    return a, p & inv.heeft_partner


def normpremie(toetsingsinkomen: np.ndarray, met_partner: np.ndarray, p) -> np.ndarray:
    """Wzt art. 2 lid 2–3: percentage of the drempelinkomen plus percentage of the income above it."""
    drempel = p("zorgtoeslag.drempelinkomen")
    pct_drempel = np.where(met_partner, p("zorgtoeslag.percentage_drempel_partners"),
                           p("zorgtoeslag.percentage_drempel_alleenstaande"))
    boven = np.maximum(0.0, toetsingsinkomen - drempel)
    return pct_drempel * drempel + p("zorgtoeslag.percentage_boven_drempel") * boven


@dataclass(frozen=True)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    ti_a: np.ndarray
    ti_p: np.ndarray
    ti: np.ndarray
    met_partner: np.ndarray
    heeft_verzekerde: np.ndarray
    partner_geen_verzekerde: np.ndarray
    premie: np.ndarray
    npremie: np.ndarray
    per_jaar: np.ndarray
    grens: np.ndarray
    onder_grens: np.ndarray
    maand_exact: np.ndarray
    jaarbedrag: np.ndarray

    def referentiemaand(self, i: int) -> int:
        """The first month with a right (or January): the formula is per month, the explanation shows one."""
        maanden_recht = np.flatnonzero(self.heeft_verzekerde[i])
        return int(maanden_recht[0]) if maanden_recht.size else 0

    def uitleg(self, i: int) -> list[str]:
        m = self.referentiemaand(i)
        zonder = np.flatnonzero(~self.heeft_verzekerde[i])
        return (self._toetsingsinkomen(i, m) + self._premies(i, m) + self._verzekerden(zonder)
                + self._vermogen(i) + self._jaarbedrag(i, m, zonder))

    def _toetsingsinkomen(self, i: int, m: int) -> list[str]:
        """The joint toetsingsinkomen of verzekerde and partner (Awir art. 7 lid 1, art. 8)."""
        e = opmaak.euro
        if self.met_partner[i, m]:
            return [f"Toetsingsinkomen {e(self.ti[i, m])}: aanvrager {e(self.ti_a[i])} + toeslagpartner "
                    f"{e(self.ti_p[i])} (Awir art. 7 lid 1, art. 8)."]
        return [f"Toetsingsinkomen {e(self.ti[i, m])} (Awir art. 8)."]

    def _premies(self, i: int, m: int) -> list[str]:
        """Normpremie, standaardpremie and the difference (Wzt art. 2 lid 1-4)."""
        e, pct, p = opmaak.euro, opmaak.procent, self.p
        drempel = p("zorgtoeslag.drempelinkomen")
        partner = bool(self.met_partner[i, m])
        pct_d = p("zorgtoeslag.percentage_drempel_partners" if partner
                  else "zorgtoeslag.percentage_drempel_alleenstaande")
        boven = max(0.0, self.ti[i, m] - drempel)
        regels = [f"Normpremie: {pct(pct_d)} van het drempelinkomen {e(drempel)}"
                  + (f" + {pct(p('zorgtoeslag.percentage_boven_drempel'))} van {e(boven)} boven de drempel"
                     if boven else "")
                  + f" = {e(self.npremie[i, m], centen=True)} (Wzt art. 2 lid 2-3).",
                  f"Standaardpremie {'2 × ' + e(p('zorgtoeslag.standaardpremie')) + ' = ' if partner else ''}"
                  f"{e(self.premie[i, m])}; min de normpremie geeft {e(self.per_jaar[i, m], centen=True)} per jaar "
                  "(Wzt art. 2 lid 1)."]
        if self.partner_geen_verzekerde[i, m]:
            regels.append(f"De partner is geen verzekerde: {pct(p('zorgtoeslag.factor_partner_niet_verzekerd'))} "
                          "daarvan (Wzt art. 2 lid 4).")
        return regels

    def _verzekerden(self, zonder: np.ndarray) -> list[str]:
        """The months without a verzekerde in the household (Wzt art. 1 lid 1 onder c)."""
        if zonder.size == 12:
            return ["Geen recht: niemand in het huishouden is verzekerde in de zin van de Wzt (zorgverzekerd "
                    f"én vanaf de maand na de {self.p('zorgtoeslag.minimumleeftijd')}e verjaardag; Wzt art. 1 lid 1 "
                    "onder c)."]
        if zonder.size:
            return [f"Geen recht in {opmaak.maanden(zonder)}: nog geen verzekerde (zorgverzekerd en vanaf de maand na "
                    f"de {self.p('zorgtoeslag.minimumleeftijd')}e verjaardag; Wzt art. 1 lid 1 onder c)."]
        return []

    def _vermogen(self, i: int) -> list[str]:
        """The vermogen on 1 January against the vermogensgrens (Wzt art. 3 lid 1)."""
        e, vermogen = opmaak.euro, self.inv.vermogen[i]
        if self.onder_grens[i]:
            return [f"Vermogen op 1 januari {e(vermogen)} is niet hoger dan de grens {e(self.grens[i])} (Wzt art. 3)."]
        return [f"Vermogen op 1 januari {e(vermogen)} is hoger dan de grens {e(self.grens[i])}: geen zorgtoeslag "
                "dit jaar (Wzt art. 3 lid 1)."]

    def _jaarbedrag(self, i: int, m: int, zonder: np.ndarray) -> list[str]:
        """The monthly amount and the rounded annual amount, dropped below the minimum (Awir art. 14 lid 4-5)."""
        e = opmaak.euro
        if not (self.onder_grens[i] and zonder.size < 12):
            return []
        som = self.maand_exact[i].sum()
        if self.jaarbedrag[i] > 0:
            return [f"Per maand {e(self.maand_exact[i, m], centen=True)}; over het jaar {e(som, centen=True)}, "
                    f"afgerond {e(self.jaarbedrag[i])} (Awir art. 14 lid 4)."]
        return [f"Over het jaar {e(som, centen=True)}: afgerond minder dan "
                f"{e(self.p('algemeen.awir_minimum_jaarbedrag'))}, dus geen zorgtoeslag (Awir art. 14 lid 5)."]

    def bronnen(self, i: int) -> list[str]:
        uit = [awir.BRON_TOETSINGSINKOMEN, "Wzt art. 1 lid 1 onder c en f", "Wzt art. 2 lid 1-3 en 5"]
        if self.partner_geen_verzekerde[i].any():
            uit.append("Wzt art. 2 lid 4")
        uit += ["Wzt art. 3 lid 1", "Awir art. 14 lid 4-5"]
        return uit + [f"{r.id}: {r.bron}" for r in (self.parameters.record(x) for x in self.p.gelezen)]

    def waarschuwingen(self, i: int) -> list[str]:
        return (awir.waarschuwingen_toetsingsinkomen(self.inv, i)
                + awir.waarschuwing_partner_deel_van_het_jaar(self.inv, i, "Awir art. 7 lid 3; Wzt art. 3"))


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    p = parameters.lezer()
    ti_a, ti_p, ti = awir.draagkracht(inv)
    met_partner = inv.heeft_partner

    minimumleeftijd = p("zorgtoeslag.minimumleeftijd")
    verzekerde_a, verzekerde_p = verzekerden(inv, minimumleeftijd)
    # One of the partners must be a verzekerde to claim; together they have one right (art. 2 lid 1).
    heeft_verzekerde = verzekerde_a | verzekerde_p
    partner_geen_verzekerde = met_partner & (verzekerde_a ^ verzekerde_p)

    premie = np.where(met_partner, 2.0, 1.0) * p("zorgtoeslag.standaardpremie")
    npremie = normpremie(ti, met_partner, p)
    per_jaar = np.maximum(0.0, premie - npremie)
    factor = np.where(partner_geen_verzekerde, p("zorgtoeslag.factor_partner_niet_verzekerd"), 1.0)

    # Vermogensgrens on 1 January; the joint limit only with the same partner all year (art. 3 lid 1).
    grens = np.where(met_partner.all(axis=1), p("zorgtoeslag.vermogensgrens_partners"),
                     p("zorgtoeslag.vermogensgrens_alleenstaande"))
    onder_grens = inv.vermogen <= grens

    maand_zonder_vermogenstoets = np.where(heeft_verzekerde, per_jaar * factor / 12.0, 0.0)
    jaar_zonder_vermogenstoets = awir.afgerond_jaarbedrag(maand_zonder_vermogenstoets.sum(axis=1), p)
    maand_exact = np.where(onder_grens[:, None], maand_zonder_vermogenstoets, 0.0)
    jaarbedrag = awir.afgerond_jaarbedrag(maand_exact.sum(axis=1), p)
    recht = jaarbedrag > 0
    maandbedragen = awir.verdeel_jaarbedrag(maand_exact, jaarbedrag)
    b = _Berekening(inv, parameters, p, ti_a, ti_p, ti, met_partner, heeft_verzekerde, partner_geen_verzekerde,
                    premie, npremie, per_jaar, grens, onder_grens, maand_exact, jaarbedrag)

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=awir.met_voorschotregel(b.uitleg, inv, REGELING, jaarbedrag), bronnen=b.bronnen,
        waarschuwingen=b.waarschuwingen, lezer=p,
        signaalbronnen={"bron_recht": "Wet op de zorgtoeslag art. 2 lid 1",
                        "bron_vermogen": "Wet op de zorgtoeslag art. 3 lid 1"},
        feiten=awir.toeslagfeiten(inv, REGELING, ti[:, 0], jaar_zonder_vermogenstoets, grens),
        onderdelen=awir.onderdelen(
            "inkomenstoets", "de normpremie stijgt met het toetsingsinkomen boven het drempelinkomen, en de "
            "zorgtoeslag is de standaardpremie min de normpremie (Wzt art. 2 lid 1-3)", maand_exact, maandbedragen, p),
    )


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="zorgtoeslag", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    nodig={"inkomstenbelasting": InkomenNaBelasting},   # the toetsingsinkomen (Awir art. 8), through the household
    feitvelden=awir.TOESLAGFEITEN,
    voorschot=True, vermogen_op_1_januari=True, rang=40,
)
