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

from datetime import date

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld
from ..invoer import OPVANGSOORTEN, VOORAF, Invoer, jaartotaal
from ..parameters import Parameters
from ._gemeentebeleid import Beleid
from .register import Regeling
from ._uitkomst import Uitkomst, nodig
from .kinderopvangtoeslag import KinderopvangRecht

REGELING = "smi"
INSTANTIE = "gemeente"
GRONDSLAG = "gemeentelijke beleidsregels SMI (art. 149 Gemeentewet, art. 35 Participatiewet of art. 1.13 Wet kinderopvang)"
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


def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    eerder = eerder or {}
    p = parameters.lezer()
    beleid = Beleid(inv, REGELING, parameters.gemeente_wijzigingen)

    kan_niet = ouder_kan_niet_zorgen(inv)
    niemand = geen_ouder_beschikbaar(inv)
    in_opvang = kinderen_in_opvang(inv, beleid.getal("maximumleeftijd_kind"))
    kot = kinderopvangtoeslag_recht(eerder)
    zonder_kot = ~kot
    voorwaarden = niemand & in_opvang.any(axis=1)                                       # all but the KOT test
    terug = beleid.getal("terugwerkende_kracht_maanden")
    # An aanvraag made at the peildatum covers that month and the months of retroactivity the policy allows.
    vanaf = inv.peildatum_maand - np.round(terug).astype(int)
    na_aanvraag = np.arange(12)[None, :] >= vanaf[:, None]
    mogelijk_ooit = voorwaarden & zonder_kot
    mogelijk = mogelijk_ooit & na_aanvraag
    binnen = binnen_maximale_duur(mogelijk, beleid.getal("maximale_duur_maanden"))

    begrensd = beleid.vlag("kosten_begrensd_als_kinderopvangtoeslag")
    maxima = kot_maxima(p) if begrensd.any() else None
    kosten = kosten_per_kind(inv, in_opvang, begrensd, maxima)
    eigen = beleid.getal("eigen_bijdrage_percentage")
    per_maand = np.round(kosten.sum(axis=1) * (1.0 - eigen[:, None]), 2)                 # (N, 12)
    maandbedragen = np.where(binnen, per_maand, 0.0)
    jaarbedrag = np.round(jaartotaal(maandbedragen), 2)
    recht = jaarbedrag > 0
    aantal = binnen.sum(axis=1)
    gemiddeld = np.where(aantal > 0, jaarbedrag / np.maximum(aantal, 1), 0.0)
    gemist = mogelijk_ooit & ~na_aanvraag
    eerste = np.where(binnen.any(axis=1), np.argmax(binnen, axis=1), -1)

    a = dict(inv=inv, beleid=beleid, kan_niet=kan_niet, niemand=niemand, in_opvang=in_opvang, kot=kot, voorwaarden=voorwaarden,
             mogelijk=mogelijk, gemist=gemist, binnen=binnen, begrensd=begrensd, maxima=maxima, kosten=kosten, eigen=eigen,
             per_maand=per_maand, jaarbedrag=jaarbedrag, terug=terug)

    def bronnen(i: int) -> list[str]:
        uit = [GRONDSLAG, "Wet kinderopvang art. 1.5-1.6 (geen recht op kinderopvangtoeslag)"]
        if beleid.bron(i):
            uit.append(f"{beleid.naam(i)}: {beleid.bron(i)}")
        for s in ("terugwerkende_kracht_maanden", "maximale_duur_maanden", "maximumleeftijd_kind",
                  "kosten_begrensd_als_kinderopvangtoeslag", "eigen_bijdrage_percentage"):
            uit.append(f"smi.{s}: {beleid.record(i, s).bron}")
        return uit + [f"{r.id}: {r.bron}" for r in (parameters.record(x) for x in p.gelezen)]

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=lambda i: _uitleg(i, **a), bronnen=bronnen,
        waarschuwingen=lambda i: _waarschuwingen(i, **a), lezer=p,
        signaalbronnen={"bron_recht": GRONDSLAG, "bron_vermogen": "SMI: geen landelijke vermogenstoets",
                        "bron_terugwerkende_kracht": "gemeentelijke beleidsregels SMI (ingangsdatum = datum aanvraag)"},
        feiten={
            "maanden_mogelijk": aantal,
            "maanden_gemist": gemist.sum(axis=1),
            "bedrag_gemist": np.where(gemist, per_maand, 0.0).sum(axis=1),
            "bedrag_per_maand_mogelijk": gemiddeld,
            "terugwerkende_kracht_maanden": np.round(terug).astype(int),
            "eerste_maand_mogelijk": eerste,
            "maanden_boven_maximale_duur": (mogelijk & ~binnen).sum(axis=1),
            "maanden_geen_ouder_beschikbaar_met_opvang": voorwaarden.sum(axis=1),
            "vermogen": inv.vermogen,
            "vermogensgrens": np.zeros(inv.n),
            "jaarbedrag_zonder_vermogenstoets": jaarbedrag,
        },
        details={"mogelijk_per_maand": binnen, "kosten_per_kind": kosten},
    )


# --- explanation ---------------------------------------------------------------------------------------------
def _uitleg(i, *, inv, beleid, kan_niet, niemand, in_opvang, kot, voorwaarden, mogelijk, gemist, binnen, begrensd, maxima,
            kosten, eigen, per_maand, jaarbedrag, terug) -> list[str]:
    e, pct, mnd = opmaak.euro, opmaak.procent, opmaak.maanden
    bron = ("SMI-beleid: standaard van samenloop" if beleid.ids[i] == "standaard" else f"SMI-beleid {beleid.naam(i)}")
    r = []
    if not kan_niet[i].any():
        return [f"Geen SMI: geen ouder die om medische of sociale redenen niet voor het kind kan zorgen ({bron})."]
    if not in_opvang[i].any():
        return [f"Geen SMI: er is geen kind tot en met {int(beleid.record(i, 'maximumleeftijd_kind').waarde)} jaar "
                f"in de kinderopvang ({bron})."]
    if not niemand[i].any():
        return [f"Geen SMI: een ouder kan niet voor het kind zorgen, maar de andere ouder werkt niet en kan dat wel "
                f"({bron})."]
    r.append(f"Een ouder kan om medische of sociale redenen niet voor het kind zorgen en geen andere ouder kan het "
             f"overnemen in {mnd(np.flatnonzero(niemand[i]))}, en er is kinderopvang in "
             f"{mnd(np.flatnonzero(in_opvang[i].any(axis=0)))}; de gemeente kan dan de kinderopvang vergoeden "
             f"({GRONDSLAG}).")
    met_kot = np.flatnonzero(voorwaarden[i] & kot[i])
    if met_kot.size:
        r.append(f"In {mnd(met_kot)} is er recht op kinderopvangtoeslag; dan geen SMI (Wet kinderopvang art. 1.5-1.6; {bron}).")
    if gemist[i].any():
        r.append(f"In {mnd(np.flatnonzero(gemist[i]))} was SMI mogelijk geweest, maar een aanvraag die nu wordt gedaan "
                 f"(peildatum) werkt niet zo ver terug: die maanden zijn verloren ({bron}).")
    if not mogelijk[i].any():
        r.append(f"Geen maand vanaf de peildatum zonder recht op kinderopvangtoeslag waarin een ouder niet kan zorgen: "
                 f"geen SMI ({bron}).")
        return r
    m = int(np.argmax(binnen[i]))
    for b in np.flatnonzero(in_opvang[i, :, m]):
        uren, prijs = inv.opvang_uren[i, b, m], inv.opvang_uurprijs[i, b]
        soort = OPVANGSOORTEN[inv.opvang_soort[i, b]]
        grens = ""
        if begrensd[i] and maxima is not None:
            grens = (f" (de gemeente telt ten hoogste {maxima[0]:.0f} uur en {e(maxima[1][inv.opvang_soort[i, b]], centen=True)} "
                     "per uur, zoals bij de kinderopvangtoeslag)")
        r.append(f"Kind {b + 1} ({soort}), {opmaak.MAANDNAMEN[m]}: {uren:g} uur × {e(prijs, centen=True)}{grens} = "
                 f"{e(kosten[i, b, m], centen=True)} ({bron}).")
    if eigen[i] > 0:
        r.append(f"Eigen bijdrage {pct(eigen[i])}: de gemeente betaalt {e(per_maand[i, m], centen=True)} per maand ({bron}).")
    else:
        r.append(f"Zonder eigen bijdrage betaalt de gemeente {e(per_maand[i, m], centen=True)} per maand; veel gemeenten "
                 f"vragen een inkomensafhankelijke eigen bijdrage ({bron}).")
    later = np.flatnonzero(mogelijk[i] & ~binnen[i])
    duur = int(beleid.record(i, "maximale_duur_maanden").waarde)
    r.append(f"Mogelijk recht in {mnd(np.flatnonzero(binnen[i]))}: samen {e(jaarbedrag[i], centen=True)}; de gemeente geeft "
             f"SMI voor ten hoogste {duur} maanden"
             + (f", voor {mnd(later)} is een nieuwe aanvraag nodig" if later.size else "") + f" ({bron}).")
    t = int(terug[i])
    r.append("SMI vraagt u aan bij de gemeente, met een indicatie van bijvoorbeeld huisarts, CJG of GGD. "
             + ("De gemeente betaalt niet over maanden vóór de aanvraag: vraag het dus nu aan, iedere maand wachten is "
                "verloren" if t == 0 else f"De gemeente betaalt ten hoogste {t} maanden terug vóór de aanvraag")
             + f" ({bron}; terugwerkende kracht {t} maanden).")
    return r


def _waarschuwingen(i, *, inv, beleid, voorwaarden, **_) -> list[str]:
    w = ["SMI is gemeentelijk beleid: voorwaarden, indicatie, eigen bijdrage en duur verschillen per gemeente."]
    sleutels = ["terugwerkende_kracht_maanden", "maximale_duur_maanden", "maximumleeftijd_kind",
                "kosten_begrensd_als_kinderopvangtoeslag", "eigen_bijdrage_percentage"]
    return w + (beleid.onzeker(i, sleutels) if voorwaarden[i].any() else [])


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
