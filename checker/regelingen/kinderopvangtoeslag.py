"""Kinderopvangtoeslag — Wet kinderopvang (Wko, BWBR0017017) and Besluit kinderopvangtoeslag (BWBR0017321),
with the Awir.

Aanspraak (Wko art. 1.6): the ouder has a rechtgevende activiteit (werk, traject, studie, inburgering; lid 1) and so
has the toeslagpartner (lid 3), unless the partner has a Wlz-indicatie (lid 8). After work ends the aanspraak runs on
for three calendar months counted from the first day without work (lid 5): with month flags, work in month m gives
aanspraak through month m + 3. After that, opvanguren not used in the months with aanspraak (230 per child per month)
may still be used until the end of the year (Dienst Toeslagen, "Ik heb geen werk meer").

Height, per calendar month (Besluit art. 2): per child hours = min(hours, 230) (art. 8a lid 1 onder a), price =
min(price, maximum uurprijs of the soort) (art. 4), kosten = hours × price (art. 1 onder d); the child with the most
hours is the first child, on equal hours the one with the highest kosten (art. 3; Dienst Toeslagen brochure 2026);
toeslag = table percentage × kosten, first child and next children from their own column of bijlage I at the
toetsingsinkomen (art. 6, 8). As in the Dienst Toeslagen worked examples, kosten and toeslag per child are in cents
(half up) and the month's total is rounded down to whole euros. The annual amount falls under Awir art. 14 lid 4-5
(Wko art. 1.3 lid 2). There is no vermogenstoets.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from .. import instellingen, opmaak
from ..feitsoorten import Veld, eerste_dag, iso_datums, laatste_dag
from ..invoer import OPVANGSOORTEN, VOORAF, Invoer, jaartotaal
from ..parameters import Parameter, ParameterLezer, Parameters
from . import awir
from .register import Regeling
from ._uitkomst import Uitkomst
from .inkomstenbelasting import InkomenNaBelasting

REGELING = "kinderopvangtoeslag"
INSTANTIE = "Dienst Toeslagen"
TABEL = "kinderopvangtoeslag.toeslagtabel"
SOORTNAAM = {"dagopvang": "dagopvang", "bso": "buitenschoolse opvang", "gastouder": "gastouderopvang"}
BRON_BROCHURE = "Dienst Toeslagen, Berekening kinderopvangtoeslag (stap 7)"


@dataclass(frozen=True)
class KinderopvangRecht:
    """What the kinderopvangtoeslag hands on (to the SMI, which the gemeente pays only without this right)."""
    per_maand: np.ndarray   # (N, 12) bool: a right to kinderopvangtoeslag that month (Wet kinderopvang art. 1.5-1.6)


@dataclass(frozen=True)
class Toeslagtabel:
    """Bijlage I of the Besluit as arrays, with the grade of every percentage (rows ascending, bounds inclusive)."""
    vanaf: np.ndarray                 # (R,) euro
    tot_en_met: np.ndarray            # (R,) euro, inf for the last row
    basispunten_eerste: np.ndarray    # (R,) int, 1/100 of a percent
    basispunten_volgend: np.ndarray   # (R,) int
    zekerheid_eerste: tuple[str, ...]
    zekerheid_volgend: tuple[str, ...]
    herkomst: tuple[str, ...]


def lees_toeslagtabel(rijen: list[dict], zekerheid: str) -> Toeslagtabel:
    """Besluit art. 6 and 8 with bijlage I: the table record; a row without its own grade has the record's."""
    def bp(x) -> int:
        return int(round(float(x) * 10000))
    return Toeslagtabel(
        vanaf=np.array([float(r["vanaf"]) for r in rijen]),
        tot_en_met=np.array([np.inf if r["tot_en_met"] is None else float(r["tot_en_met"]) for r in rijen]),
        basispunten_eerste=np.array([bp(r["eerste_kind"]) for r in rijen], dtype=np.int64),
        basispunten_volgend=np.array([bp(r["volgend_kind"]) for r in rijen], dtype=np.int64),
        zekerheid_eerste=tuple(r.get("zekerheid_eerste_kind", zekerheid) for r in rijen),
        zekerheid_volgend=tuple(r.get("zekerheid_volgend_kind", zekerheid) for r in rijen),
        herkomst=tuple(r.get("herkomst", "") for r in rijen),
    )


def tabelrij(toetsingsinkomen: np.ndarray, tabel: Toeslagtabel) -> np.ndarray:
    """Besluit art. 6, bijlage I: the row whose band holds the toetsingsinkomen (whole euros, bounds inclusive)."""
    ti = np.maximum(0.0, np.floor(toetsingsinkomen))
    return np.clip(np.searchsorted(tabel.vanaf, ti, side="right") - 1, 0, len(tabel.vanaf) - 1)


def activiteit_met_uitloop(activiteit: np.ndarray, uitloop_maanden: int) -> np.ndarray:
    """Wko art. 1.6 lid 5: (N, 12) a rechtgevende activiteit in the month or in the uitloop_maanden before it.

    ``activiteit`` is (N, VOORAF + 12): October of the previous year .. December.
    """
    terug = min(int(uitloop_maanden), VOORAF)
    uit = activiteit[:, VOORAF:].copy()
    for k in range(1, terug + 1):  # the month itself, or one of the k months before it
        uit |= activiteit[:, VOORAF - k:VOORAF + 12 - k]
    return uit


def aanspraak_per_maand(inv: Invoer, uitloop_maanden: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Wko art. 1.6 lid 1, 3, 5 and 8: (N, 12) aanspraak, and per parent the months that count (with uitloop).

    The uitloop of lid 5 follows the end of arbeid only; a study, traject or inburgering counts while it runs.
    Without a toeslagpartner only the ouder's activity counts; a partner with a Wlz-indicatie needs none (lid 8).
    """
    aanvrager = inv.activiteit_aanvrager[:, VOORAF:] | activiteit_met_uitloop(inv.werk_aanvrager, uitloop_maanden)
    partner = inv.activiteit_partner[:, VOORAF:] | activiteit_met_uitloop(inv.werk_partner, uitloop_maanden)
    partner_voldoet = partner | inv.wlz_partner[:, None]
    aanspraak = aanvrager & (~inv.heeft_partner | partner_voldoet)
    return aanspraak, aanvrager, partner


def uitloopmaanden(inv: Invoer, aanspraak: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Wko art. 1.6 lid 5: (N, 12) per parent the months with aanspraak only thanks to the uitloop."""
    nu_a = inv.activiteit_aanvrager[:, VOORAF:]
    nu_p = inv.activiteit_partner[:, VOORAF:]
    partner_nodig = inv.heeft_partner & ~inv.wlz_partner[:, None]
    return aanspraak & ~nu_a, aanspraak & partner_nodig & ~nu_p


def kinderen_met_opvang(inv: Invoer) -> np.ndarray:
    """Wko art. 1.5 lid 1: (N, B) children of the household in registered childcare (a soort is given)."""
    return inv.bewoner_aanwezig & inv.bewoner_is_kind & (inv.opvang_soort > 0)


def opvang_telt(inv: Invoer, leeftijd: np.ndarray, bso_minimumleeftijd: float) -> np.ndarray:
    """(N, B, 12) bool: months in which a child's opvang can count. The child is born, counting from the month after
    the birth or, born on the first day of a month, from that month (Awir art. 5); buitenschoolse opvang is opvang for
    children of the age to go to primary school (Wko art. 1.1 lid 1), which a child reaches at 4 (WPO art. 39 lid 1),
    counted the same way. ``leeftijd`` is the age on the first day of each month."""
    bso = (inv.opvang_soort == OPVANGSOORTEN.index("bso"))[:, :, None]
    return (leeftijd >= 0) & (~bso | (leeftijd >= bso_minimumleeftijd))


def uurprijs_in_aanmerking(inv: Invoer, maxima: np.ndarray) -> np.ndarray:
    """Besluit art. 4 (Wko art. 1.7 lid 2): (N, B) the price per hour, not above the maximum of the soort."""
    return np.minimum(inv.opvang_uurprijs, maxima[inv.opvang_soort])


def uren_in_aanmerking(uren: np.ndarray, aanspraak: np.ndarray, max_uren: float) -> tuple[np.ndarray, np.ndarray]:
    """Besluit art. 8a lid 1 onder a: (N, B, 12) hours that count, and where they come from unused hours.

    In a month with aanspraak at most ``max_uren`` per child. Each such month adds ``max_uren`` to the child's
    hours for the year; hours not used may be used in later months without aanspraak until the end of the year
    (Dienst Toeslagen, "Ik heb geen werk meer": "U mag dan eerst de nog niet-gebruikte opvanguren opmaken").
    """
    gevraagd = np.minimum(np.maximum(uren, 0.0), max_uren)
    telt = np.zeros_like(gevraagd)
    uit_tegoed = np.zeros(gevraagd.shape, dtype=bool)
    tegoed = np.zeros(gevraagd.shape[:2])
    for m in range(12):
        recht = aanspraak[:, m][:, None]
        uit_restant = np.minimum(gevraagd[:, :, m], tegoed)
        telt[:, :, m] = np.where(recht, gevraagd[:, :, m], uit_restant)
        uit_tegoed[:, :, m] = ~recht & (uit_restant > 0)
        tegoed = np.where(recht, tegoed + max_uren - gevraagd[:, :, m], tegoed - uit_restant)
    return telt, uit_tegoed


def kosten_in_centen(uren: np.ndarray, uurprijs: np.ndarray) -> np.ndarray:
    """Besluit art. 1 onder d (Wko art. 1.7 lid 1): (N, B, 12) hours × price, in cents rounded half up."""
    return np.floor(np.round(uren * uurprijs[:, :, None] * 100, 6) + 0.5).astype(np.int64)


def eerste_kind(uren: np.ndarray, kosten: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Besluit art. 3: (N, B, 12) the first child — most hours; on equal hours the highest kosten (Dienst Toeslagen
    brochure 2026) — and (N, 12) whether two children had the most hours (a tie the rule had to break)."""
    meeste = uren.max(axis=1, keepdims=True)
    kandidaat = (uren == meeste) & (uren > 0)
    gelijk = kandidaat.sum(axis=1) > 1
    hoogste = np.where(kandidaat, kosten, -1).max(axis=1, keepdims=True)
    kandidaat &= kosten == hoogste
    eerste = np.arange(uren.shape[1])[None, :, None] == kandidaat.argmax(axis=1)[:, None, :]
    return eerste & kandidaat.any(axis=1)[:, None, :], gelijk


def toeslag_in_centen(kosten: np.ndarray, basispunten: np.ndarray) -> np.ndarray:
    """Besluit art. 8 lid 1: kosten × percentage, in cents rounded half up (as in the Dienst Toeslagen examples)."""
    return (kosten * basispunten * 2 + 10000) // 20000


def naar_beneden(centen: np.ndarray, stap: float) -> np.ndarray:
    """Dienst Toeslagen brochure, stap 7: the month's total rounded down to a multiple of ``stap`` euro."""
    stap_centen = int(round(stap * 100))
    return (centen // stap_centen) * stap_centen / 100.0


def _laatste(masker: np.ndarray) -> np.ndarray:
    """(N,) index of the last True month, or -1."""
    heeft = masker.any(axis=1)
    return np.where(heeft, masker.shape[1] - 1 - np.argmax(masker[:, ::-1], axis=1), -1)


def uitloop_loopt_door(inv: Invoer, aanspraak: np.ndarray, uitloop_n: int) -> np.ndarray:
    """Wko art. 1.6 lid 5: (N,) the last uitloop runs into next year (work that ends in October-December)."""
    doorloop = np.zeros(inv.n, dtype=bool)
    for act, nodig in ((inv.werk_aanvrager, np.ones(inv.n, dtype=bool)),
                       (inv.werk_partner, inv.heeft_partner[:, -1] & ~inv.wlz_partner)):
        laatste_act = _laatste(act[:, VOORAF:])
        doorloop |= nodig & (laatste_act >= 12 - uitloop_n) & (laatste_act < 11) & aanspraak[:, -1]
    return doorloop


@dataclass(frozen=True, eq=False)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    ti_a: np.ndarray                 # (N,) toetsingsinkomen of the aanvrager
    ti_p: np.ndarray                 # (N,) of the toeslagpartner
    ti: np.ndarray                   # (N, 12) of the household
    uitloop_n: int                   # months of uitloop after work ends (Wko art. 1.6 lid 5)
    aanspraak: np.ndarray            # (N, 12)
    uitloop_a: np.ndarray            # (N, 12) aanspraak only thanks to the aanvrager's uitloop
    uitloop_p: np.ndarray            # (N, 12) same for the toeslagpartner
    kinderen: np.ndarray             # (N, B) children in registered childcare
    prijs: np.ndarray                # (N, B) uurprijs in aanmerking
    max_uren: float
    leeftijd: np.ndarray             # (N, B, 12) age on the first of each month
    uren_niet_geteld: np.ndarray     # (N, B, 12) hours the file gives but the law does not count
    uren_opgegeven: np.ndarray       # (N, B, 12)
    uren: np.ndarray                 # (N, B, 12) hours in aanmerking
    uit_tegoed: np.ndarray           # (N, B, 12) hours from unused hours of earlier months
    kosten: np.ndarray               # (N, B, 12) cents
    eerste: np.ndarray               # (N, B, 12) the first child
    gelijk: np.ndarray               # (N, 12) two children with the most hours
    tabel: Toeslagtabel
    tabel_record: Parameter
    rij: np.ndarray                  # (N, 12) row of bijlage I
    per_kind: np.ndarray             # (N, B, 12) toeslag in cents
    totaal_centen: np.ndarray        # (N, 12)
    maand: np.ndarray                # (N, 12) rounded down, before the annual threshold
    jaarbedrag: np.ndarray
    maandbedragen: np.ndarray
    ontvangt: np.ndarray             # (N, 12) voorschot
    ontvangt_jaar: np.ndarray
    zonder_recht: np.ndarray         # (N, 12) voorschot in a month without a right

    @property
    def recht_per_maand(self) -> np.ndarray:
        return self.maandbedragen > 0

    @property
    def uitloop(self) -> np.ndarray:
        return self.uitloop_a | self.uitloop_p

    # --- facts and details --------------------------------------------------------------------------------------
    def feiten(self) -> dict[str, np.ndarray]:
        """The per-household values the signal rules see; the voorschot is netted against the entitlement (Awir
        art. 24 lid 2-3 and art. 26)."""
        inv, jaarbedrag, ontvangt_jaar = self.inv, self.jaarbedrag, self.ontvangt_jaar
        verschil = jaarbedrag - ontvangt_jaar
        return {
            "toetsingsinkomen": self.ti[:, 0],
            "jaarbedrag_zonder_vermogenstoets": jaarbedrag,
            "vermogen": inv.vermogen,
            "vermogensgrens": np.zeros(inv.n),
            "ontvangt_jaar": ontvangt_jaar,
            "terugvordering_schatting": np.maximum(0.0, ontvangt_jaar - jaarbedrag),
            "nabetaling_schatting": np.where(ontvangt_jaar > 0, np.maximum(0.0, verschil), 0.0),
            "maanden_voorschot_zonder_recht": self.zonder_recht.sum(axis=1),
            "ontvangen_zonder_recht": np.where(self.zonder_recht, self.ontvangt, 0.0).sum(axis=1),
            "uitloop_einde_maand": _laatste(self.uitloop),
            "uitloop_loopt_door_in_volgend_jaar": uitloop_loopt_door(inv, self.aanspraak, self.uitloop_n),
            "laatste_maand_met_recht": _laatste(self.recht_per_maand),
            "heeft_kinderopvang": (self.uren_opgegeven > 0).any(axis=(1, 2)),
            "maanden_opvang_zonder_recht": ((self.uren_opgegeven > 0).any(axis=1) & ~self.recht_per_maand).sum(axis=1),
        }

    def details(self) -> dict[str, np.ndarray]:
        return {
            "recht_per_maand": self.recht_per_maand,
            "aanspraak_per_maand": self.aanspraak,
            "uitloop_per_maand": self.uitloop,
            "uitloop_einde_maand": _laatste(self.uitloop),
            "restant_uren_per_maand": self.uit_tegoed.any(axis=1),
            "teveel_ontvangen_per_maand": np.maximum(0.0, self.ontvangt - self.maandbedragen),
            "tabelrij": self.rij,
            "uren_in_aanmerking": self.uren,
            "eerste_kind": self.eerste,
            "toeslag_per_kind": self.per_kind / 100.0,
        }

    # --- explanation --------------------------------------------------------------------------------------------
    def uitleg(self, i: int) -> list[str]:
        regels = self._toetsingsinkomen(i) + self._activiteiten(i) + self._aanspraak(i)
        kids = np.flatnonzero(self.kinderen[i])
        if kids.size == 0:
            return regels + ["Er is geen kind met kinderopvang opgegeven, dus geen kosten van kinderopvang "
                             "(Wet kinderopvang art. 1.5 lid 1)."]
        m = self._uitlegmaand(i)
        regels.append(self._tabelrij(i, m))
        regels += [self._kind(i, b, nr, m) for nr, b in enumerate(kids, start=1)]
        if len(kids) > 1:
            regels.append("Het eerste kind is het kind met de meeste uren; bij gelijke uren het kind met de hoogste "
                          "kosten (Besluit kinderopvangtoeslag art. 3).")
        return regels + self._maandbedrag(i, m) + self._jaar_en_voorschot(i)

    def _toetsingsinkomen(self, i: int) -> list[str]:
        """Awir art. 7-8: the household's toetsingsinkomen."""
        e, partner = opmaak.euro, self.inv.heeft_partner[i]
        if partner.any():
            return [f"Toetsingsinkomen {e(self.ti[i, np.argmax(partner)])}: aanvrager {e(self.ti_a[i])} + "
                    f"toeslagpartner {e(self.ti_p[i])} (Awir art. 7 lid 1, art. 8)."]
        return [f"Toetsingsinkomen {e(self.ti[i, 0])} (Awir art. 8)."]

    def _activiteiten(self, i: int) -> list[str]:
        """Wko art. 1.6 lid 1, 3 and 8: the rechtgevende activiteit of each parent."""
        inv, partner = self.inv, self.inv.heeft_partner[i]
        regels = [f"Aanvrager: rechtgevende activiteit (werk, traject naar werk, studie of inburgering) in "
                  f"{_maanden_zin(inv.activiteit_aanvrager[i, VOORAF:])} (Wet kinderopvang art. 1.6 lid 1)."]
        if not partner.any():
            return regels + ["Geen toeslagpartner: alleen de activiteit van de aanvrager telt (Wet kinderopvang "
                             "art. 1.6 lid 1)."]
        wanneer = "" if partner.all() else f" (toeslagpartner in {_maanden_zin(partner)})"
        if inv.wlz_partner[i]:
            return regels + [f"De toeslagpartner heeft een Wlz-indicatie: een activiteit van de toeslagpartner is "
                             f"niet nodig{wanneer} (Wet kinderopvang art. 1.6 lid 8)."]
        return regels + [f"Toeslagpartner: rechtgevende activiteit in "
                         f"{_maanden_zin(inv.activiteit_partner[i, VOORAF:])}{wanneer}; ook de toeslagpartner moet "
                         "een activiteit hebben (Wet kinderopvang art. 1.6 lid 3)."]

    def _aanspraak(self, i: int) -> list[str]:
        """Wko art. 1.6 lid 5 and the months with aanspraak."""
        regels = []
        for wie, masker in (("de aanvrager", self.uitloop_a[i]), ("de toeslagpartner", self.uitloop_p[i])):
            if masker.any():
                regels.append(f"Na het einde van de activiteit van {wie} loopt de aanspraak {self.uitloop_n} maanden "
                              f"door, gerekend vanaf de eerste dag zonder werk: {_maanden_zin(masker)} "
                              "(Wet kinderopvang art. 1.6 lid 5).")
        aanspraak = self.aanspraak[i]
        if aanspraak.all():
            regels.append("Aanspraak op kinderopvangtoeslag in alle maanden (Wet kinderopvang art. 1.6).")
        elif aanspraak.any():
            regels.append(f"Aanspraak op kinderopvangtoeslag in {_maanden_zin(aanspraak)}; niet in "
                          f"{_maanden_zin(~aanspraak)} (Wet kinderopvang art. 1.6).")
        else:
            regels.append("Geen aanspraak: in geen enkele maand hebben de aanvrager en (zo nodig) de toeslagpartner "
                          "allebei een rechtgevende activiteit, ook niet in de "
                          f"{int(self.p('kinderopvangtoeslag.uitloop_maanden'))} maanden na het einde van het werk "
                          "(Wet kinderopvang art. 1.6).")
        return regels

    def _uitlegmaand(self, i: int) -> int:
        """The month explained: the first with toeslag, else the first with opvang (amounts are per month, Besluit
        art. 2)."""
        met_toeslag = np.flatnonzero(self.totaal_centen[i] > 0)
        met_opvang = np.flatnonzero(self.uren_opgegeven[i].sum(axis=0) > 0)
        return int(met_toeslag[0]) if met_toeslag.size else (int(met_opvang[0]) if met_opvang.size else 0)

    def _tabelrij(self, i: int, m: int) -> str:
        """Besluit art. 6 and 8, bijlage I: the row of the toetsingsinkomen and its percentages."""
        e, pct, tabel, r = opmaak.euro, opmaak.procent, self.tabel, int(self.rij[i, m])
        tot = "en hoger" if np.isinf(tabel.tot_en_met[r]) else f"t/m {e(tabel.tot_en_met[r])}"
        return (f"Toetsingsinkomen {e(self.ti[i, m])} valt in de rij vanaf {e(tabel.vanaf[r])} {tot}: eerste kind "
                f"{pct(tabel.basispunten_eerste[r] / 10000)}, elk volgend kind "
                f"{pct(tabel.basispunten_volgend[r] / 10000)} van de kosten (Besluit kinderopvangtoeslag art. 6 en 8, "
                "bijlage I).")

    def _kind(self, i: int, b: int, nr: int, m: int) -> str:
        """Besluit art. 3, 4, 8 and 8a: one child's hours × price = kosten, and its toeslag in month m."""
        e, pct, inv = opmaak.euro, opmaak.procent, self.inv
        naam, soort = opmaak.MAANDNAMEN[m], SOORTNAAM[OPVANGSOORTEN[inv.opvang_soort[i, b]]]
        opgegeven, telt = self.uren_opgegeven[i, b, m], self.uren[i, b, m]
        if telt <= 0:
            reden = ("geen opvanguren opgegeven" if opgegeven <= 0 else
                     f"{opgegeven:g} uur opvang, maar geen aanspraak in die maand en geen opvanguren meer over")
            return (f"Kind {nr} ({soort}) in {naam}: {reden} "
                    "(Wet kinderopvang art. 1.6; Besluit kinderopvangtoeslag art. 8a).")
        uurtekst = f"{telt:g} uur"
        if opgegeven > telt:
            uurtekst += f" (opgegeven {opgegeven:g}; maximaal {self.max_uren:g} per maand of de uren die nog over zijn)"
        prijstekst = e(self.prijs[i, b], centen=True)
        if inv.opvang_uurprijs[i, b] > self.prijs[i, b]:
            prijstekst += f" (uurprijs {e(inv.opvang_uurprijs[i, b], centen=True)}, maximum voor {soort})"
        r = int(self.rij[i, m])
        rol = "eerste kind" if self.eerste[i, b, m] else "volgend kind"
        bp = self.tabel.basispunten_eerste[r] if self.eerste[i, b, m] else self.tabel.basispunten_volgend[r]
        return (f"Kind {nr} ({soort}) in {naam}: {uurtekst} × {prijstekst} = "
                f"{e(self.kosten[i, b, m] / 100, centen=True)} kosten; als {rol} {pct(bp / 10000)} = "
                f"{e(self.per_kind[i, b, m] / 100, centen=True)} (Besluit kinderopvangtoeslag art. 3, 4, 8 en 8a).")

    def _maandbedrag(self, i: int, m: int) -> list[str]:
        """Besluit art. 2 and 8a: the month's total, rounded down, per month and from unused hours."""
        e, maand = opmaak.euro, self.maand
        regels = [f"Totaal in {opmaak.MAANDNAMEN[m]} {e(self.totaal_centen[i, m] / 100, centen=True)}, naar beneden "
                  f"afgerond {e(maand[i, m])} (Besluit kinderopvangtoeslag art. 2; {BRON_BROCHURE})."]
        if not np.allclose(maand[i], maand[i, m]):
            regels.append("Per maand: " + "; ".join(f"{opmaak.MAANDKORT[k]} {e(maand[i, k])}" for k in range(12))
                          + " (Besluit kinderopvangtoeslag art. 2).")
        tegoed = self.uit_tegoed[i].any(axis=0)
        if tegoed.any():
            regels.append(f"In {_maanden_zin(tegoed)} telt de opvang mee met uren die nog over waren uit de maanden "
                          f"met aanspraak ({self.max_uren:g} per kind per maand) (Besluit kinderopvangtoeslag art. 8a; "
                          "Dienst Toeslagen, 'Ik heb geen werk meer').")
        return regels

    def _jaar_en_voorschot(self, i: int) -> list[str]:
        """Awir art. 14 lid 4-5 (the year) and art. 24 lid 2-3 and 26 (the voorschot)."""
        e, regels = opmaak.euro, []
        som = self.maand[i].sum()
        if self.jaarbedrag[i] > 0:
            regels.append(f"Over het jaar {e(self.jaarbedrag[i])} (Awir art. 14 lid 4).")
        elif som > 0:
            regels.append(f"Over het jaar {e(som)}: minder dan {e(self.p('algemeen.awir_minimum_jaarbedrag'))}, dus "
                          "geen kinderopvangtoeslag (Awir art. 14 lid 5).")
        if self.ontvangt_jaar[i] > 0:
            tekst = awir.voorschotregel(float(self.ontvangt_jaar[i]), float(self.jaarbedrag[i]))
            if self.zonder_recht[i].any():
                tekst += f"; voorschot ontvangen in {_maanden_zin(self.zonder_recht[i])} zonder recht in die maanden"
            regels.append(tekst + " (Awir art. 24 lid 2-3 en art. 26).")
        return regels

    def bronnen(self, i: int) -> list[str]:
        uit = [awir.BRON_TOETSINGSINKOMEN, "Wet kinderopvang art. 1.5 lid 1 en art. 1.6 lid 1 en 3"]
        if self.inv.wlz_partner[i] and self.inv.heeft_partner[i].any():
            uit.append("Wet kinderopvang art. 1.6 lid 8")
        if self.uitloop[i].any():
            uit.append("Wet kinderopvang art. 1.6 lid 5")
        uit += ["Wet kinderopvang art. 1.7 en 1.8",
                "Besluit kinderopvangtoeslag art. 2, 3, 4, 6, 8 en 8a en bijlage I", BRON_BROCHURE,
                "Awir art. 14 lid 4-5"]
        if self.ontvangt_jaar[i] > 0:
            uit.append("Awir art. 24 lid 2-3 en art. 26")
        uit += [f"{r.id}: {r.bron}" for r in (self.parameters.record(x) for x in self.p.gelezen)]
        return uit + [f"{TABEL}: {self.tabel_record.bron}"]

    # --- warnings -----------------------------------------------------------------------------------------------
    def waarschuwingen(self, i: int) -> list[str]:
        inv, uitloop_n = self.inv, self.uitloop_n
        uit = awir.waarschuwingen_toetsingsinkomen(inv, i)
        uit += self._opvang_buiten_leeftijd(i) + self._tabelzekerheid(i) + self._activiteiten_vooraf_onbekend(i)
        if self.uitloop[i].any():
            uit.append(f"De uitloop van {uitloop_n} maanden na het einde van werk (Wet kinderopvang art. 1.6 lid 5) is "
                       "meegerekend. Valt de uitloop rond een bevalling (28 dagen ervoor tot 42 dagen erna), dan wordt "
                       "die verlengd; dat is niet berekend.")
        if self.uit_tegoed[i].any():
            uit.append("In maanden na de uitloop is gerekend met opvanguren die nog over waren. Dienst Toeslagen "
                       "vraagt de toeslag stop te zetten zodra die uren op zijn; controleer het aantal uren met Mijn "
                       "toeslagen.")
        if (self.gelijk[i] & (self.per_kind[i] > 0).any(axis=0)).any():
            uit.append("Twee kinderen hebben evenveel opvanguren. samenloop neemt dan het kind met de hoogste kosten "
                       "als eerste kind (brochure Dienst Toeslagen 2026); een oudere tekst van het Besluit "
                       "kinderopvangtoeslag (art. 3 lid 3) noemde het kind met de laagste kosten. Het verschil is "
                       "klein, maar controleer dit.")
        # a samenloop choice, not the law's
        vo = instellingen.waarde("kinderopvangtoeslag.leeftijd_voortgezet_onderwijs")
        if (self.kinderen[i][:, None] & (self.uren_opgegeven[i] > 0) & (self.leeftijd[i] >= vo)).any():
            uit.append(f"Een kind van {vo} jaar of ouder heeft kinderopvang: kinderopvangtoeslag geldt alleen tot de "
                       "maand waarin het voortgezet onderwijs begint (Wet kinderopvang art. 1.1).")
        return uit

    def _tabelzekerheid(self, i: int) -> list[str]:
        """The grade of every table percentage this household actually uses (only months with a toeslag for that
        child), each row and column once."""
        uit, vermeld, tabel = [], set(), self.tabel
        gebruikt = self.per_kind[i] > 0                                               # (B, 12)
        for m in range(12):
            r = int(self.rij[i, m])
            for is_eerste in (True, False):
                if not (gebruikt[:, m] & (self.eerste[i, :, m] == is_eerste)).any():
                    continue
                zekerheid = (tabel.zekerheid_eerste if is_eerste else tabel.zekerheid_volgend)[r]
                if zekerheid == "A" or (r, is_eerste) in vermeld:
                    continue
                vermeld.add((r, is_eerste))
                uit.append(self._tabelwaarschuwing(r, is_eerste, zekerheid))
        return uit

    def _tabelwaarschuwing(self, r: int, is_eerste: bool, zekerheid: str) -> str:
        tabel = self.tabel
        bp = (tabel.basispunten_eerste if is_eerste else tabel.basispunten_volgend)[r]
        tot = "en hoger" if np.isinf(tabel.tot_en_met[r]) else f"t/m {opmaak.euro(tabel.tot_en_met[r])}"
        tekst = (f"Parameter {TABEL}, rij vanaf {opmaak.euro(tabel.vanaf[r])} {tot}, "
                 f"{'eerste kind' if is_eerste else 'volgend kind'} = {opmaak.procent(bp / 10000)} heeft zekerheid "
                 f"{zekerheid}: {tabel.herkomst[r] or self.tabel_record.bron}")
        if zekerheid == "UNCONFIRMED":
            tekst += (". Dit percentage is voor dit jaar niet in een bron gevonden; samenloop rekent met een "
                      "bovengrens, dus de werkelijke kinderopvangtoeslag is waarschijnlijk lager.")
        return tekst

    def _activiteiten_vooraf_onbekend(self, i: int) -> list[str]:
        """Wko art. 1.6 lid 5: without activities in October-December of last year an uitloop into January is
        unknown."""
        inv, uit = self.inv, []
        for k, (wie, bekend) in enumerate((("de aanvrager", inv.activiteit_vooraf_bekend[i, 0]),
                                           ("de toeslagpartner", inv.activiteit_vooraf_bekend[i, 1]))):
            act = inv.activiteit_aanvrager if k == 0 else inv.activiteit_partner
            nodig = k == 0 or (inv.heeft_partner[i, 0] and not inv.wlz_partner[i])
            if nodig and not bekend and not act[i, VOORAF]:
                uit.append(f"De activiteiten van {wie} in oktober-december van {inv.jaar - 1} zijn onbekend (geen "
                           f"'activiteiten' opgegeven) en in januari is er geen: stopte het werk in die maanden, dan "
                           f"loopt de aanspraak nog tot {self.uitloop_n} maanden na het einde door (Wet kinderopvang "
                           "art. 1.6 lid 5) en kan het recht in het begin van het jaar hoger zijn.")
        return uit

    def _opvang_buiten_leeftijd(self, i: int) -> list[str]:
        """Dutch warnings for opvanguren in the household file in months the law does not count them: before the
        month the child counts from (Awir art. 5), or buitenschoolse opvang before the child is 4 (Wko art. 1.1; WPO
        art. 39)."""
        inv, leeftijd, niet_geteld, uit = self.inv, self.leeftijd, self.uren_niet_geteld, []
        nummers = np.cumsum(inv.bewoner_aanwezig[i] & inv.bewoner_is_kind[i])
        bso_leeftijd = self.p("kinderopvangtoeslag.bso_minimumleeftijd")
        for b in np.flatnonzero((niet_geteld[i] > 0).any(axis=1)):
            geboren = date(*(int(x) for x in inv.bewoner_geboren[i, b]))
            wie = f"Kind {int(nummers[b])} (geboren {opmaak.datum(geboren)})"
            voor_geboorte = np.flatnonzero((niet_geteld[i, b] > 0) & (leeftijd[i, b] < 0))
            te_jong = np.flatnonzero((niet_geteld[i, b] > 0) & (leeftijd[i, b] >= 0))
            if voor_geboorte.size:
                vanaf = np.flatnonzero(leeftijd[i, b] >= 0)
                wanneer = (f"pas mee vanaf {opmaak.MAANDNAMEN[int(vanaf[0])]}" if vanaf.size
                           else f"in {inv.jaar} nog niet mee")
                uit.append(f"{wie} heeft volgens het huishoudbestand kinderopvang in {opmaak.maanden(voor_geboorte)}, "
                           f"maar telt voor de kinderopvangtoeslag {wanneer}: een kind telt vanaf de maand na de "
                           "geboorte, of vanaf de maand van de geboorte als die op de 1e valt (Awir art. 5). De "
                           f"opvanguren in {opmaak.maanden(voor_geboorte)} tellen niet mee; controleer de opvanguren "
                           "per maand.")
            if te_jong.size:
                uit.append(f"{wie} heeft volgens het huishoudbestand buitenschoolse opvang in "
                           f"{opmaak.maanden(te_jong)}, maar is dan nog geen {bso_leeftijd:g} jaar. Buitenschoolse "
                           "opvang is voor kinderen die naar de basisschool kunnen, vanaf "
                           f"{bso_leeftijd:g} jaar (Wet kinderopvang art. 1.1; Wet op het primair onderwijs art. 39 "
                           "lid 1); die uren tellen niet mee. Gaat het om dagopvang of "
                           "gastouderopvang, geef dan die soort op.")
        return uit


def _maanden_zin(masker: np.ndarray) -> str:
    idx = np.flatnonzero(masker)
    return opmaak.maanden(idx) if idx.size else "geen enkele maand"


def _berekening(inv: Invoer, parameters: Parameters) -> _Berekening:
    """Every step of the calculation, per household and month (Wko art. 1.6; Besluit art. 2-8a)."""
    p = parameters.lezer()
    ti_a, ti_p, ti = awir.draagkracht(inv)

    uitloop_n = int(p("kinderopvangtoeslag.uitloop_maanden"))
    aanspraak, _, _ = aanspraak_per_maand(inv, uitloop_n)
    uitloop_a, uitloop_p = uitloopmaanden(inv, aanspraak)

    kinderen = kinderen_met_opvang(inv)
    maxima = np.array([0.0] + [p(f"kinderopvangtoeslag.max_uurprijs_{s}") for s in OPVANGSOORTEN[1:]])
    prijs = np.where(kinderen, uurprijs_in_aanmerking(inv, maxima), 0.0)
    max_uren = float(p("kinderopvangtoeslag.max_uren_per_maand"))
    leeftijd = inv.leeftijd("bewoner")                                            # (N, B, 12) on each 1st
    telt = opvang_telt(inv, leeftijd, p("kinderopvangtoeslag.bso_minimumleeftijd"))
    uren_niet_geteld = np.where(kinderen[:, :, None] & ~telt, inv.opvang_uren, 0.0)  # file gives hours, law does not
    uren_opgegeven = np.where(kinderen[:, :, None] & telt, inv.opvang_uren, 0.0)
    uren, uit_tegoed = uren_in_aanmerking(uren_opgegeven, aanspraak, max_uren)
    kosten = kosten_in_centen(uren, prijs)
    eerste, gelijk = eerste_kind(uren, kosten)

    # The table is read through its own lezer: its grade differs per row, so each household is told the grade of
    # the row it uses (waarschuwingen) instead of the worst grade of the whole table.
    tabel_record = parameters.record(TABEL)
    tabel = lees_toeslagtabel(parameters.lezer()(TABEL), tabel_record.zekerheid)
    rij = tabelrij(ti, tabel)                                                     # (N, 12)
    bp = np.where(eerste, tabel.basispunten_eerste[rij][:, None, :], tabel.basispunten_volgend[rij][:, None, :])
    per_kind = toeslag_in_centen(kosten, bp)                                      # (N, B, 12) cents
    totaal_centen = per_kind.sum(axis=1)                                          # (N, 12)
    maand = naar_beneden(totaal_centen, p("kinderopvangtoeslag.afronding_maandbedrag"))
    jaarbedrag = awir.afgerond_jaarbedrag(jaartotaal(maand), p)
    maandbedragen = np.where((jaarbedrag > 0)[:, None], maand, 0.0)

    # Voorschot against the entitlement (Awir art. 24 lid 2-3 and art. 26: the year's voorschotten are netted).
    ontvangt = inv.ontvangt[REGELING]
    return _Berekening(
        inv=inv, parameters=parameters, p=p, ti_a=ti_a, ti_p=ti_p, ti=ti, uitloop_n=uitloop_n, aanspraak=aanspraak,
        uitloop_a=uitloop_a, uitloop_p=uitloop_p, kinderen=kinderen, prijs=prijs, max_uren=max_uren,
        leeftijd=leeftijd, uren_niet_geteld=uren_niet_geteld, uren_opgegeven=uren_opgegeven, uren=uren,
        uit_tegoed=uit_tegoed, kosten=kosten, eerste=eerste, gelijk=gelijk, tabel=tabel, tabel_record=tabel_record,
        rij=rij, per_kind=per_kind, totaal_centen=totaal_centen, maand=maand, jaarbedrag=jaarbedrag,
        maandbedragen=maandbedragen, ontvangt=ontvangt, ontvangt_jaar=jaartotaal(ontvangt),
        zonder_recht=(ontvangt > 0) & ~(maandbedragen > 0))


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    b = _berekening(inv, parameters)
    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=b.maandbedragen, jaarbedrag=b.jaarbedrag,
        recht=b.jaarbedrag > 0, uitleg=b.uitleg, bronnen=b.bronnen, waarschuwingen=b.waarschuwingen, lezer=b.p,
        signaalbronnen={"bron_recht": "Wet kinderopvang art. 1.5 en 1.6",
                        "bron_vermogen": "Wet kinderopvang (geen vermogenstoets)",
                        "bron_uitloop": "Wet kinderopvang art. 1.6 lid 5",
                        "bron_terugvordering": "Awir art. 24 lid 2-3 en art. 26"},
        feiten=b.feiten(),
        details=b.details(),
        doorgifte=KinderopvangRecht(per_maand=b.recht_per_maand),
        onderdelen=awir.onderdelen(
            "inkomenstoets", "het percentage van de kosten dat vergoed wordt, hangt af van de rij "
            "van de tabel waarin het toetsingsinkomen valt; een hogere rij geeft een lager percentage (Besluit "
            "kinderopvangtoeslag art. 6 en 8, bijlage I)", b.totaal_centen / 100.0,
            b.maandbedragen, b.p, afronding="Dienst Toeslagen rondt het maandbedrag af op hele euro's naar beneden"),
    )


def signaalfeiten(u: Uitkomst, inv: Invoer, parameters: Parameters) -> dict:
    """The uitloop (Wet kinderopvang art. 1.6) and the voorschot, for KOT_UITLOOP and KOT_GEEN_RECHT."""
    return {"uitloop_maanden": int(parameters.waarde("kinderopvangtoeslag.uitloop_maanden")),
            "voorschot_per_maand": inv.ontvangt[REGELING].max(axis=1),
            "recht_na_uitloop": u.feiten["laatste_maand_met_recht"] > u.feiten["uitloop_einde_maand"]}


def peilfeiten(u: Uitkomst, inv: Invoer, parameters: Parameters, peil: date) -> dict:
    """Kinderopvangtoeslag goes back at most three calendar months before the month of the application (Wet
    kinderopvang art. 1.3 lid 2 onder b): the last day to apply and still get the first month with a right, and, for
    an application on the peildatum, the months already lost, what is still to be had, and what waiting one more month
    costs (the toeslag of the month that then drops off)."""
    jaar, m = inv.jaar, u.maandbedragen
    terug = int(parameters.waarde("kinderopvangtoeslag.aanvraag_terugwerkende_kalendermaanden"))
    recht = m > 0
    eerste = np.where(recht.any(axis=1), recht.argmax(axis=1), 0)
    maand = np.arange(12)
    k = (peil.year - jaar) * 12 + peil.month - 1 - terug     # the first month an application on the peildatum reaches
    verloren, nog = recht & (maand < k), recht & (maand >= k)
    eerste_nog = np.where(nog.any(axis=1), nog.argmax(axis=1), 0)
    rij = np.arange(m.shape[0])
    return {
        "kot_aanvraag_uiterlijk": iso_datums({e: laatste_dag(jaar, e + terug) for e in range(12)}, eerste),
        "kot_aanvraag_uiterlijk_verstreken": eerste < k,
        "kot_eerste_maand": iso_datums({e: eerste_dag(jaar, e) for e in range(12)}, eerste),
        "kot_eerste_maandbedrag": m[rij, eerste],
        "kot_maanden_verloren": verloren.sum(axis=1), "kot_bedrag_verloren": np.where(verloren, m, 0.0).sum(axis=1),
        "kot_maanden_nog": nog.sum(axis=1), "kot_bedrag_nog": np.where(nog, m, 0.0).sum(axis=1),
        "kot_vanaf": iso_datums({e: eerste_dag(jaar, e) for e in range(12)}, eerste_nog),
        "kot_maand_wachten": m[:, k] if 0 <= k < 12 else np.zeros(m.shape[0]),
        "kot_deze_maand_uiterlijk": laatste_dag(peil.year, peil.month - 1),
        "aanvraag_terugwerkende_kalendermaanden": terug,
    }


FEITVELDEN = (
    Veld("toetsingsinkomen", "getal", "het toetsingsinkomen (Awir art. 8)"),
    Veld("jaarbedrag_zonder_vermogenstoets", "getal", "het jaarbedrag (de kinderopvangtoeslag kent geen "
                                                      "vermogenstoets)"),
    Veld("vermogen", "getal", "het vermogen op 1 januari"),
    Veld("vermogensgrens", "getal", "0: geen vermogensgrens"),
    Veld("ontvangt_jaar", "getal", "het voorschot dat dit jaar binnenkomt"),
    Veld("terugvordering_schatting", "getal", "wat naar schatting terugbetaald moet worden"),
    Veld("nabetaling_schatting", "getal", "wat naar schatting wordt nabetaald"),
    Veld("heeft_kinderopvang", "waarheid", "een kind van het huishouden gaat naar de kinderopvang"),
    Veld("maanden_opvang_zonder_recht", "geheel", "maanden met opvang maar zonder recht"),
    Veld("maanden_voorschot_zonder_recht", "geheel", "maanden met een voorschot maar zonder recht"),
    Veld("ontvangen_zonder_recht", "getal", "het voorschot in die maanden samen"),
    Veld("voorschot_per_maand", "getal", "het hoogste voorschot per maand"),
    Veld("uitloop_maanden", "geheel", "hoe lang het recht doorloopt na het einde van de activiteit (art. 1.6)"),
    Veld("uitloop_einde_maand", "geheel", "de laatste maand (0 = januari) van de uitloop, -1 als er geen is, 12 of "
                                          "meer als die na het jaar valt", als_datum="uitloop_einde"),
    Veld("uitloop_loopt_door_in_volgend_jaar", "waarheid", "de uitloop loopt door in het volgende jaar"),
    Veld("laatste_maand_met_recht", "geheel", "de laatste maand (0 = januari) met recht, -1 als er geen is",
         als_datum="laatste_dag_met_recht"),
    Veld("recht_na_uitloop", "waarheid", "er is nog recht na de uitloop (een nieuwe activiteit)"),
    Veld("kot_aanvraag_uiterlijk", "datum", "de laatste dag om aan te vragen en de eerste maand met recht nog te "
                                            "krijgen (art. 1.3 lid 2 onder b)"),
    Veld("kot_aanvraag_uiterlijk_verstreken", "waarheid", "de peildatum ligt na die dag"),
    Veld("kot_eerste_maand", "datum", "de eerste dag van de eerste maand met recht"),
    Veld("kot_eerste_maandbedrag", "getal", "de toeslag in die maand"),
    Veld("kot_maanden_verloren", "geheel", "bij een aanvraag op de peildatum: maanden met recht die verloren zijn"),
    Veld("kot_bedrag_verloren", "getal", "de toeslag van die maanden"),
    Veld("kot_maanden_nog", "geheel", "maanden met recht die een aanvraag op de peildatum nog haalt"),
    Veld("kot_bedrag_nog", "getal", "de toeslag van die maanden"),
    Veld("kot_vanaf", "datum", "vanaf wanneer er dan nog toeslag komt"),
    Veld("kot_maand_wachten", "getal", "wat een maand later aanvragen kost"),
    Veld("kot_deze_maand_uiterlijk", "datum", "de laatste dag van de maand van de peildatum"),
    Veld("aanvraag_terugwerkende_kalendermaanden", "geheel", "hoeveel kalendermaanden een aanvraag terugwerkt"),
    Veld("bron_vermogen", "tekst", "dat er geen vermogenstoets is"),
    Veld("bron_uitloop", "tekst", "de wettelijke grondslag van de uitloop"),
    Veld("bron_terugvordering", "tekst", "de wettelijke grondslag van de terugvordering"),
)

REGISTRATIE = Regeling(
    sleutel=REGELING, naam="kinderopvangtoeslag", instantie=INSTANTIE, soort="uitkering", bereken=bereken,
    nodig={"inkomstenbelasting": InkomenNaBelasting},   # the toetsingsinkomen (Awir art. 8), through the household
    geeft=KinderopvangRecht, voorschot=True, feitvelden=FEITVELDEN, signaalfeiten=signaalfeiten,
    peilfeiten=peilfeiten, rang=80,
)
