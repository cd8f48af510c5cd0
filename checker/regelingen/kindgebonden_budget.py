"""Kindgebonden budget — Wet op het kindgebonden budget (Wkgb, BWBR0022751), with the Awir.

A parent has a right for a child for whom kinderbijslag is paid (AKW art. 18), from the calendar month after
the birth up to and including the month in which the child turns 18 (art. 2 lid 1). The Wkgb counts births and
birthdays from the calendar month after their month whatever the day (lid 1, 3, 5), not by Awir art. 5, under which
a birthday on the first day of a month would count from that month. The right is determined
for each calendar month separately (art. 2 lid 11), from annual amounts:
    som = amount for the first child + amount per further child (lid 2)
        + per child 12 to 15 (from the month after the 12th birthday) and per child 16 or 17 (from the month
          after the 16th birthday) a supplement (lid 3-5)
        + the alleenstaande-ouderkop for a parent without partner (lid 6)
    without partner: som − afbouwpercentage × (toetsingsinkomen − drempelinkomen, if > 0)           (lid 7)
    with partner:    som − afbouwpercentage × (joint toetsingsinkomen − (drempelinkomen + add-on), if > 0)  (lid 8)
and one twelfth of it per month. No right when the rendementsgrondslag at the start of the year is above the
vermogensgrens, the joint limit only with the same partner all year (art. 1 lid 4). The annual amount is
rounded and dropped below € 24 (Awir art. 14 lid 4-5).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import opmaak
from ..invoer import Invoer, jaartotaal
from ..parameters import ParameterLezer, Parameters
from . import awir, kinderbijslag
from .register import Regeling
from ._uitkomst import Uitkomst, nodig
from .inkomstenbelasting import InkomenNaBelasting

REGELING = "kindgebonden_budget"
INSTANTIE = "Dienst Toeslagen"
BRON_RECHT = "Wet op het kindgebonden budget art. 2 lid 1"
BRON_VERMOGEN = "Wet op het kindgebonden budget art. 1 lid 4"


def kind_met_kinderbijslag(inv: Invoer, kinderbijslag_kind: np.ndarray, maximumleeftijd: float) -> np.ndarray:
    """(N, B, 12) bool: a child for whom kinderbijslag is paid (art. 2 lid 1), with the months the "met dien
    verstande" of art. 2 lid 1 adds at both ends. Kinderbijslag runs per quarter from the first day of a quarter on
    which the child is born and younger than 18 (AKW art. 11 lid 2), but the aanspraak runs from the calendar month
    after the birth up to and including the month of the 18th birthday: the months between the birth and the first
    quarter with kinderbijslag count, and so does the month of an 18th birthday on the first day of a quarter (no
    kinderbijslag over that quarter, yet it is the month in which the child turns 18)."""
    maanden_na = inv.leeftijd_na_verjaardagsmaand("bewoner")                              # Wkgb month rule
    kwartaalleeftijd = inv.leeftijd("bewoner")[..., kinderbijslag.EERSTE_MAAND_VAN_KWARTAAL]
    kind = (inv.bewoner_aanwezig & inv.bewoner_is_kind)[..., None]
    geboren_nog_geen_kwartaal = (maanden_na >= 0) & (kwartaalleeftijd < 0)
    achttien_op_kwartaalbegin = (kwartaalleeftijd >= maximumleeftijd) & (maanden_na >= 0)
    return kinderbijslag_kind | (kind & (geboren_nog_geen_kwartaal | achttien_op_kwartaalbegin))


def aanspraak_per_kind(kind_kb: np.ndarray, leeftijd: np.ndarray, maximumleeftijd: float) -> np.ndarray:
    """(N, B, 12) bool: from the calendar month after the birth up to and including the month in which the child
    turns 18 (art. 2 lid 1): ``leeftijd`` counts a birthday from the month after it, whatever the day
    (``leeftijd_vanaf_maand_na_verjaardag``), so this is 0 <= leeftijd < 18."""
    return kind_kb & (leeftijd >= 0) & (leeftijd < maximumleeftijd)


def bedrag_kinderen(aantal: np.ndarray, p) -> np.ndarray:
    """(N, 12): amount for the first child plus the amount for each second or further child (art. 2 lid 2)."""
    return (np.where(aantal >= 1, p("kindgebonden_budget.bedrag_eerste_kind"), 0.0)
            + np.maximum(aantal - 1, 0) * p("kindgebonden_budget.bedrag_volgend_kind"))


def verhogingen_leeftijd(aanspraak: np.ndarray, leeftijd: np.ndarray, p) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) each: the number of children with the 12-15 supplement (from the month after the 12th birthday,
    art. 2 lid 3-4) and with the 16-17 supplement (from the month after the 16th birthday, art. 2 lid 5)."""
    v12, v16 = p("kindgebonden_budget.leeftijd_verhoging_12"), p("kindgebonden_budget.leeftijd_verhoging_16")
    n12 = (aanspraak & (leeftijd >= v12) & (leeftijd < v16)).sum(axis=1)
    n16 = (aanspraak & (leeftijd >= v16)).sum(axis=1)
    return n12, n16


def drempel(met_partner: np.ndarray, p) -> np.ndarray:
    """(N, 12): the drempelinkomen (art. 2 lid 7), raised by the fixed add-on with a partner (art. 2 lid 8)."""
    return (p("kindgebonden_budget.drempelinkomen")
            + np.where(met_partner, p("kindgebonden_budget.verhoging_drempel_partners"), 0.0))


def vermindering(toetsingsinkomen: np.ndarray, drempel_: np.ndarray, p) -> np.ndarray:
    """(N, 12): afbouwpercentage of the toetsingsinkomen above the drempel (art. 2 lid 7-8)."""
    return p("kindgebonden_budget.afbouwpercentage") * np.maximum(0.0, toetsingsinkomen - drempel_)


def vermogensgrens(met_partner: np.ndarray, p) -> np.ndarray:
    """(N,): the joint limit only with the same partner the whole year, else the parent's own (art. 1 lid 4)."""
    return np.where(met_partner.all(axis=1), p("kindgebonden_budget.vermogensgrens_partners"),
                    p("kindgebonden_budget.vermogensgrens_alleenstaande"))


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
    aanspraak: np.ndarray
    kb_kind: np.ndarray
    aantal: np.ndarray
    n12: np.ndarray
    n16: np.ndarray
    kinderen: np.ndarray
    kop: np.ndarray
    som: np.ndarray
    drempel: np.ndarray
    minder: np.ndarray
    per_jaar: np.ndarray
    grens: np.ndarray
    onder_grens: np.ndarray
    maand_exact: np.ndarray
    jaarbedrag: np.ndarray

    def maximumleeftijd(self) -> str:
        """The age up to which a child counts (Wkgb art. 2 lid 1), as the explanation writes it."""
        return f"{self.p('kindgebonden_budget.maximumleeftijd'):g}"

    def lid_inkomenstoets(self, i: int, m: int) -> str:
        """The member of art. 2 for the income test: lid 8 with a partner, lid 7 without."""
        return "lid 8" if self.met_partner[i, m] else "lid 7"

    def uitleg(self, i: int) -> list[str]:
        maanden = np.flatnonzero(self.aantal[i] >= 1)
        if maanden.size == 0:
            return [f"Geen kindgebonden budget: er is geen kind jonger dan {self.maximumleeftijd()} jaar "
                    "waarvoor kinderbijslag wordt betaald (Wkgb art. 2 lid 1)."]
        # Explain the first month with a right; the amount is determined per month (art. 2 lid 11).
        m = int(maanden[0])
        return (self._toetsingsinkomen(i, m) + self._bedrag_kinderen(i, m) + self._verhogingen(i, m)
                + self._inkomenstoets(i, m) + self._maanden_zonder_aanspraak(i)
                + self._aanspraak_zonder_kinderbijslag(i) + self._vermogen_en_jaar(i, m))

    def _toetsingsinkomen(self, i: int, m: int) -> list[str]:
        """The (joint) toetsingsinkomen (Awir art. 7 lid 1, art. 8)."""
        e = opmaak.euro
        if self.met_partner[i, m]:
            return [f"Gezamenlijk toetsingsinkomen {e(self.ti[i, m])}: aanvrager {e(self.ti_a[i])} + toeslagpartner "
                    f"{e(self.ti_p[i])} (Awir art. 7 lid 1, art. 8)."]
        return [f"Toetsingsinkomen {e(self.ti[i, m])} (Awir art. 8)."]

    def _bedrag_kinderen(self, i: int, m: int) -> list[str]:
        """The children with kinderbijslag and the amount for them (Wkgb art. 2 lid 1-2)."""
        e, p = opmaak.euro, self.p
        n = int(self.aantal[i, m])
        regels = [f"In {opmaak.MAANDNAMEN[m]}: {n} {'kind' if n == 1 else 'kinderen'} jonger dan "
                  f"{self.maximumleeftijd()} jaar met kinderbijslag (Wkgb art. 2 lid 1)."]
        if n == 1:
            regels.append(f"Bedrag per jaar voor één kind: {e(self.kinderen[i, m])} (Wkgb art. 2 lid 2 onder a).")
        else:
            regels.append(f"Bedrag per jaar: eerste kind {e(p('kindgebonden_budget.bedrag_eerste_kind'))} + {n - 1} × "
                          f"{e(p('kindgebonden_budget.bedrag_volgend_kind'))} voor het tweede en volgende kind = "
                          f"{e(self.kinderen[i, m])} (Wkgb art. 2 lid 2).")
        return regels

    def _verhogingen(self, i: int, m: int) -> list[str]:
        """The supplements for children of 12-15 and 16-17, the alleenstaande-ouderkop, and the sum before the
        income test (Wkgb art. 2 lid 3-6)."""
        e, p = opmaak.euro, self.p
        regels = []
        v12, v16 = p("kindgebonden_budget.leeftijd_verhoging_12"), p("kindgebonden_budget.leeftijd_verhoging_16")
        hoogste = p("kindgebonden_budget.maximumleeftijd") - 1
        verhogingen = ((self.n12[i, m], "kindgebonden_budget.verhoging_12_tot_16", f"{v12:g} t/m {v16 - 1:g} jaar",
                        "lid 3-4"),
                       (self.n16[i, m], "kindgebonden_budget.verhoging_16_en_17", f"{v16:g} t/m {hoogste:g} jaar",
                        "lid 5"))
        for aantal_v, pid, wie, lid_v in verhogingen:
            if aantal_v:
                k = int(aantal_v)
                regels.append(f"Verhoging voor {k} {'kind' if k == 1 else 'kinderen'} van {wie}: {k} × {e(p(pid))} = "
                              f"{e(k * p(pid))} (Wkgb art. 2 {lid_v}).")
        if self.kop[i, m]:
            regels.append(f"Alleenstaande-ouderkop {e(self.kop[i, m])}: de ouder heeft geen partner "
                          "(Wkgb art. 2 lid 6).")
        regels.append(f"Samen {e(self.som[i, m])} per jaar vóór de inkomenstoets (Wkgb art. 2 lid 2-6).")
        return regels

    def _inkomenstoets(self, i: int, m: int) -> list[str]:
        """The reduction for the income above the drempel, and the amount per year and month (Wkgb art. 2 lid 7-8,
        11)."""
        e, pct, p = opmaak.euro, opmaak.procent, self.p
        drempel_ = self.drempel[i, m]
        drempeltekst = (f"het drempelinkomen {e(p('kindgebonden_budget.drempelinkomen'))} + "
                        f"{e(p('kindgebonden_budget.verhoging_drempel_partners'))} = {e(drempel_)}"
                        if self.met_partner[i, m] else f"het drempelinkomen {e(drempel_)}")
        lid = self.lid_inkomenstoets(i, m)
        if self.minder[i, m] > 0:
            regel = (f"Vermindering: {pct(p('kindgebonden_budget.afbouwpercentage'))} × ({e(self.ti[i, m])} − "
                     f"{e(drempel_)}) = {e(self.minder[i, m], centen=True)}; het inkomen ligt boven {drempeltekst} "
                     f"(Wkgb art. 2 {lid}).")
        else:
            regel = f"Geen vermindering: het inkomen ligt niet boven {drempeltekst} (Wkgb art. 2 {lid})."
        return [regel, f"Per jaar {e(self.per_jaar[i, m], centen=True)}, per maand een twaalfde: "
                       f"{e(self.per_jaar[i, m] / 12, centen=True)} (Wkgb art. 2 lid 11)."]

    def _maanden_zonder_aanspraak(self, i: int) -> list[str]:
        """The months without a child with kinderbijslag (Wkgb art. 2 lid 1)."""
        zonder = np.flatnonzero(self.aantal[i] == 0)
        if not zonder.size:
            return []
        return [f"Geen aanspraak in {opmaak.maanden(zonder)}: geen kind met kinderbijslag in die maand; de "
                "aanspraak loopt van de maand na de geboorte tot en met de maand waarin het kind "
                f"{self.maximumleeftijd()} wordt (Wkgb art. 2 lid 1)."]

    def _aanspraak_zonder_kinderbijslag(self, i: int) -> list[str]:
        """The months the "met dien verstande" of art. 2 lid 1 adds: a newborn before its first quarter of
        kinderbijslag, and a child turning 18 on the first day of a quarter."""
        regels = []
        zonder_kb = self.aanspraak[i] & ~self.kb_kind[i]                                # (B, 12)
        kwartaalleeftijd = kinderbijslag.leeftijd_eerste_dag_kwartaal(self.inv.bewoner_geboren[i], self.inv.jaar)
        pasgeboren = np.flatnonzero((zonder_kb & (kwartaalleeftijd < 0)).any(axis=0))
        achttien = np.flatnonzero((zonder_kb & (kwartaalleeftijd >= 0)).any(axis=0))
        if pasgeboren.size:
            regels.append(f"In {opmaak.maanden(pasgeboren)} telt een pasgeboren kind al mee: het kindgebonden budget "
                          "begint de maand na de geboorte, de kinderbijslag pas het kwartaal waarop het kind op de "
                          "eerste dag geboren is (Wkgb art. 2 lid 1; AKW art. 11 lid 2).")
        if achttien.size:
            regels.append(f"In {opmaak.maanden(achttien)} telt een kind mee dat op de eerste dag van dat kwartaal "
                          f"{self.maximumleeftijd()} werd: er is geen kinderbijslag meer over dat "
                          "kwartaal, maar het kindgebonden budget loopt tot en met de maand waarin het kind "
                          f"{self.maximumleeftijd()} wordt (Wkgb art. 2 lid 1; AKW art. 7 lid 1).")
        return regels

    def _vermogen_en_jaar(self, i: int, m: int) -> list[str]:
        """The vermogen at the start of the year against the limit (Wkgb art. 1 lid 4), and the annual amount
        (Awir art. 14 lid 4-5)."""
        e, vermogen = opmaak.euro, self.inv.vermogen[i]
        if not self.onder_grens[i]:
            return [f"Vermogen aan het begin van het jaar {e(vermogen)} is hoger dan de grens {e(self.grens[i])}: "
                    "geen kindgebonden budget dit jaar (Wkgb art. 1 lid 4)."]
        regels = []
        verschil = np.flatnonzero(~np.isclose(self.maand_exact[i], self.maand_exact[i, m]))
        if verschil.size:
            regels.append("Het bedrag verschilt per maand (kinderen, leeftijd of partner): "
                          + _per_maand(self.maand_exact[i]) + " (Wkgb art. 2 lid 11).")
        regels.append(f"Vermogen aan het begin van het jaar {e(vermogen)} is niet hoger dan de grens "
                      f"{e(self.grens[i])} (Wkgb art. 1 lid 4).")
        return regels + self._jaarbedrag(i, m)

    def _jaarbedrag(self, i: int, m: int) -> list[str]:
        """The rounded annual amount, dropped below the minimum (Awir art. 14 lid 4-5)."""
        e = opmaak.euro
        som_jaar = self.maand_exact[i].sum()
        if self.jaarbedrag[i] > 0:
            return [f"Over het jaar {e(som_jaar, centen=True)}, afgerond {e(self.jaarbedrag[i])} "
                    "(Awir art. 14 lid 4)."]
        if som_jaar > 0:
            return [f"Over het jaar {e(som_jaar, centen=True)}: afgerond minder dan "
                    f"{e(self.p('algemeen.awir_minimum_jaarbedrag'))}, dus geen kindgebonden budget "
                    "(Awir art. 14 lid 5)."]
        return ["Het inkomen is zo hoog dat er niets overblijft: geen kindgebonden budget (Wkgb art. 2 "
                f"{self.lid_inkomenstoets(i, m)})."]

    def waarschuwingen(self, i: int) -> list[str]:
        uit = (awir.waarschuwingen_toetsingsinkomen(self.inv, i)
               + awir.waarschuwing_partner_deel_van_het_jaar(self.inv, i, "Wkgb art. 1 lid 4"))
        if self.aanspraak[i].any():
            uit.append("Aangenomen is dat de aanvrager of de toeslagpartner de kinderbijslag voor de kinderen krijgt; "
                       "krijgt een ouder buiten dit huishouden die, dan is er voor dat kind geen kindgebonden budget "
                       "(Wkgb art. 2 lid 1 en 10).")
        return uit

    def bronnen(self, i: int) -> list[str]:
        uit = [awir.BRON_TOETSINGSINKOMEN, BRON_RECHT, "Wet op het kindgebonden budget art. 2 lid 2-6",
               "Wet op het kindgebonden budget art. 2 lid 7-8 en 11", BRON_VERMOGEN, "Awir art. 14 lid 4-5"]
        return uit + [f"{r.id}: {r.bron}" for r in (self.parameters.record(x) for x in self.p.gelezen)]


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    p = parameters.lezer()
    ti_a, ti_p, ti = awir.draagkracht(inv)
    met_partner = inv.heeft_partner

    leeftijd = inv.leeftijd_na_verjaardagsmaand("bewoner")                         # (N, B, 12) art. 2 lid 1, 3, 5
    kb_kind = nodig(eerder, "kinderbijslag", kinderbijslag.KinderbijslagPerKind, REGELING).per_kind
    maximum = p("kindgebonden_budget.maximumleeftijd")
    aanspraak = aanspraak_per_kind(kind_met_kinderbijslag(inv, kb_kind, maximum), leeftijd, maximum)
    aantal = aanspraak.sum(axis=1)                                                   # (N, 12)
    n12, n16 = verhogingen_leeftijd(aanspraak, leeftijd, p)
    kinderen = bedrag_kinderen(aantal, p)
    verhoging = n12 * p("kindgebonden_budget.verhoging_12_tot_16") + n16 * p("kindgebonden_budget.verhoging_16_en_17")
    kop = np.where(~met_partner & (aantal >= 1), p("kindgebonden_budget.alleenstaande_ouderkop"), 0.0)
    som = kinderen + verhoging + kop                                                 # (N, 12) per year
    drempel_ = drempel(met_partner, p)
    minder = vermindering(ti, drempel_, p)
    per_jaar = np.where(aantal >= 1, np.maximum(0.0, som - minder), 0.0)

    grens = vermogensgrens(met_partner, p)
    onder_grens = inv.vermogen <= grens
    maand_zonder_vermogenstoets = per_jaar / 12.0                                     # art. 2 lid 11
    jaar_zonder_vermogenstoets = awir.afgerond_jaarbedrag(jaartotaal(maand_zonder_vermogenstoets), p)
    maand_exact = np.where(onder_grens[:, None], maand_zonder_vermogenstoets, 0.0)
    jaarbedrag = awir.afgerond_jaarbedrag(jaartotaal(maand_exact), p)
    recht = jaarbedrag > 0
    maandbedragen = np.where(recht[:, None], np.round(maand_exact, 2), 0.0)
    b = _Berekening(inv, parameters, p, ti_a, ti_p, ti, met_partner, aanspraak, kb_kind, aantal, n12, n16, kinderen,
                    kop, som, drempel_, minder, per_jaar, grens, onder_grens, maand_exact, jaarbedrag)

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=awir.met_voorschotregel(b.uitleg, inv, REGELING, jaarbedrag), bronnen=b.bronnen,
        waarschuwingen=b.waarschuwingen, lezer=p,
        signaalbronnen={"bron_recht": BRON_RECHT, "bron_vermogen": BRON_VERMOGEN},
        feiten=awir.toeslagfeiten(inv, REGELING, ti[:, 0], jaar_zonder_vermogenstoets, grens),
        details={"aanspraak_kind": aanspraak},
        onderdelen=awir.onderdelen(
            "inkomenstoets", "boven het drempelinkomen gaat er een percentage van het inkomen daarboven "
            "af (Wkgb art. 2 lid 7-8)", maand_exact, maandbedragen, p),
    )


def _per_maand(bedragen: np.ndarray) -> str:
    """'jan–mrt € 374,39, apr–dec € 432,72': runs of equal monthly amounts."""
    delen, start = [], 0
    for k in range(1, 13):
        if k == 12 or not np.isclose(bedragen[k], bedragen[start]):
            delen.append(f"{opmaak.maanden(range(start, k))} {opmaak.euro(bedragen[start], centen=True)}")
            start = k
    return ", ".join(delen)


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="kindgebonden budget", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    # the children with kinderbijslag (Wkgb art. 2 lid 1); the toetsingsinkomen (Awir art. 8), through the household
    nodig={"kinderbijslag": kinderbijslag.KinderbijslagPerKind, "inkomstenbelasting": InkomenNaBelasting},
    feitvelden=awir.TOESLAGFEITEN,
    voorschot=True, vermogen_op_1_januari=True, vanzelf_bij_andere_toeslag=True, rang=70,
)
