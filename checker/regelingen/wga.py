"""WIA-uitkering (WGA en IVA) — Wet werk en inkomen naar arbeidsvermogen (Wet WIA, BWBR0019057), UWV.

Per person (aanvrager, partner) with a WIA situation and per calendar month, with A the WIA-maandloon, B the
inkomen uit arbeid of that month and C/D the share of the maandloon left after the maximumdagloon:

- maandloon = 21,75 × dagloon, the dagloon at most the maximumdagloon (art. 13 lid 1 and 4; Wfsv art. 17);
  with a higher given maandloon the benefit uses the capped one and income counts for C/D only (art. 61 lid 1);
- loongerelateerde uitkering: 0,7 × (A − B × C/D) from the third month of the right (art. 61 lid 1 onder b).
  The start date is not in the household: the first two months (0,75) are assumed to lie before the year;
- after it (art. 60 lid 1): with income at least the inkomenseis (50% of the restverdiencapaciteit, art. 60 lid 2)
  a loonaanvullingsuitkering (art. 61 lid 2-5), else a vervolguitkering G × H (art. 62 lid 1), G by klasse
  (art. 61 lid 6), H the minimumloon per month including vakantietoeslag (art. 12 lid 1 onder b);
- IVA: 0,75 × A − 0,7 × B × C/D (art. 51, 52 lid 1);
- no benefit from the month after the AOW age is reached (art. 43 onder g, 49 and 56 lid 1 onder b).

Inkomen uit arbeid (Inkomensbesluit Wet WIA art. 2-3): loon and the fiscale winst (before ondernemersaftrek and
MKB-winstvrijstelling; negative set to nil). WW, pensioen and other benefits do not count. UWV pays a zzp'er on an
estimate and settles over the year (art. 6 lid 3): the monthly amounts here follow that settlement, on the year's
average winst; the amounts on the actual winst per month are kept alongside for comparison.

All amounts include vakantiegeld, as the WIA-dagloon and the WIA-minimumloon do; UWV pays that part (8/108) in May.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import opmaak
from ..feitsoorten import Veld, noem
from ..invoer import WIA_FASEN, WIA_KLASSEN, Invoer
from ..parameters import ParameterLezer, Parameters
from .register import Regeling
from ._uitkomst import Onderdeel, Uitkomst

REGELING = "wga"
INSTANTIE = "UWV"
PERSONEN = ("aanvrager", "partner")
FASE_LGU = WIA_FASEN.index("loongerelateerd")
FASE_NA = WIA_FASEN.index("na_loongerelateerd")
FASE_IVA = WIA_FASEN.index("iva")
# The kind of benefit per month (details["soort_<persoon>"]).
SOORTEN = ("geen", "loongerelateerd", "loonaanvulling", "vervolg", "iva")
GEEN, LGU, LAU, VERVOLG, IVA = range(len(SOORTEN))
# Which paragraph fixed a loonaanvullingsuitkering: lid 2 (full), lid 4 (fixed), lid 5 (floor), lid 5 capped.
GROND_LID2, GROND_LID4, GROND_LID5, GROND_LID5_MAX = 2, 4, 5, 6


@dataclass(frozen=True)
class WgaBruto:
    """What the WGA hands on (to the inkomstenbelasting and the bijstand): per person the gross WIA-uitkering per
    month as UWV pays it, (N, 12) each; for a zzp'er on the year's average winst (Inkomensbesluit Wet WIA art. 6 lid 3).
    The partner's amounts stand in every month: who counts them in which months is the receiver's rule."""
    aanvrager: np.ndarray
    partner: np.ndarray

    def van(self, rol: str) -> np.ndarray:
        return self.aanvrager if rol == "aanvrager" else self.partner


# --- inkomen uit arbeid ---------------------------------------------------------------------------------
def inkomen_uit_arbeid(inkomen: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Inkomen uit arbeid per kalendermaand, (N, 12) twice (Inkomensbesluit Wet WIA art. 2, 3 and 6).

    Loon counts in its own month (art. 2 lid 1 onder a, art. 6 lid 2); winst is the fiscale winst, negative set
    to nil (art. 2 lid 1 onder d, lid 2). WW, pensioen and benefits are no inkomen uit arbeid (art. 3 lid 1).
    Returns the income with the winst of each month, and with the year's winst averaged over its months as UWV
    settles it (art. 6 lid 3).
    """
    loon, winst = inkomen["loon"], inkomen["winst"]
    per_maand = loon + np.maximum(0.0, winst)
    jaarwinst = np.maximum(0.0, winst.sum(axis=1, keepdims=True))
    return per_maand, loon + jaarwinst / winst.shape[1]


# --- maandloon and minimumloon --------------------------------------------------------------------------
def maximum_maandloon(p: ParameterLezer) -> np.ndarray:
    """(12,) the highest maandloon: maximumdagloon × 21,75 (Wet WIA art. 13 lid 1 and 4; Wfsv art. 17)."""
    return p.per_maand("wga.maximumdagloon") * p("wga.dagen_per_maand")


def gemaximeerd_maandloon(maandloon: np.ndarray, maximum: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The maandloon the benefit uses, (N, 12), and C/D: the capped over the uncapped dagloon (art. 61 lid 1)."""
    a = np.minimum(maandloon[:, None], maximum[None, :])
    deler = np.where(maandloon > 0, maandloon, 1.0)[:, None]
    return a, np.where(maandloon[:, None] > 0, a / deler, 1.0)


def minimumloon_wia(p: ParameterLezer) -> np.ndarray:
    """(12,) the minimumloon per month plus vakantietoeslag, as the Wet WIA defines it (art. 12 lid 1 onder b)."""
    return p.per_maand("algemeen.minimumloon_maand") * (1 + p("wga.vakantietoeslag_minimumloon"))


def uitkeringspercentage(klasse: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """(N,) G, the percentage for the arbeidsongeschiktheidsklasse (art. 61 lid 6); 0 without a klasse."""
    tabel = p("wga.uitkeringspercentage")
    return np.array([float(tabel.get(k, 0.0)) for k in WIA_KLASSEN])[klasse]


# --- the benefits -------------------------------------------------------------------------------------
def loongerelateerde_uitkering(a, b, cd, p: ParameterLezer) -> np.ndarray:
    """0,7 × (A − B × C/D), not below nil (Wet WIA art. 61 lid 1 onder b; also lid 2)."""
    return p("wga.percentage_loongerelateerd") * np.maximum(0.0, a - b * cd)


def inkomenseis(rvc: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """50% of the restverdiencapaciteit (Wet WIA art. 60 lid 2)."""
    return p("wga.inkomenseis_fractie") * rvc


def overblijvende_verdiencapaciteit(eis: np.ndarray, p: ParameterLezer) -> np.ndarray:
    """Twice the inkomenseis (Wet WIA art. 61 lid 3)."""
    return p("wga.factor_overblijvende_verdiencapaciteit") * eis


def vervolguitkering(g, h, a) -> np.ndarray:
    """G × H, H the WIA-minimumloon or the maandloon if that is lower (Wet WIA art. 62 lid 1)."""
    return g * np.minimum(h, a)


def loonaanvullingsuitkering(a, b, ovc, cd, g, h, heeft_eis, p: ParameterLezer) -> tuple[np.ndarray, np.ndarray]:
    """The loonaanvullingsuitkering and the paragraph that fixed it (Wet WIA art. 61 lid 2-5).

    Income at least the overblijvende verdiencapaciteit, or no inkomenseis: as the loongerelateerde uitkering
    (lid 2). Between 50% and 100% of it: 0,7 × (A − F × C/D) (lid 4), raised to G × H when lower, but not above
    0,7 × (A − B × C/D) (lid 5).
    """
    volledig = loongerelateerde_uitkering(a, b, cd, p)
    vast = p("wga.percentage_loonaanvulling") * np.maximum(0.0, a - ovc * cd)
    bodem = vervolguitkering(g, h, a)
    # In the band volledig ≥ vast, so "G × H if vast is lower, but at most volledig" is max(vast, min(G × H, volledig)).
    lid45 = np.maximum(vast, np.minimum(bodem, volledig))
    lid2 = ~heeft_eis | (b >= ovc)
    band = vast < bodem
    grond45 = GROND_LID4 + band * ((GROND_LID5 - GROND_LID4) + (bodem > volledig) * (GROND_LID5_MAX - GROND_LID5))
    return np.where(lid2, volledig, lid45), np.where(lid2, GROND_LID2, grond45)


def arbeidsongeschiktheidsuitkering(a, b, cd, p: ParameterLezer) -> np.ndarray:
    """IVA: 75% of the maandloon minus 0,7 × inkomen × B/C, not below nil (Wet WIA art. 51, 52 lid 1)."""
    return np.maximum(0.0, p("wga.percentage_iva") * a - p("wga.korting_iva") * b * cd)


# --- phases per month ---------------------------------------------------------------------------------
def fasen_per_maand(fase: np.ndarray, einde: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(N, 12) masks: loongerelateerd, after it, IVA (Wet WIA art. 54 lid 3, art. 59, art. 60 lid 1, art. 47).

    The loongerelateerde uitkering runs up to and including the month ``einde`` (12: past the year or not given;
    -1: ended before it). With fase na_loongerelateerd only an end date within the year leaves earlier months
    loongerelateerd.
    """
    wga = (fase == FASE_LGU) | (fase == FASE_NA)
    laatste = np.where(fase == FASE_LGU, einde, np.where(einde < 12, einde, -1))
    lgu = wga[:, None] & (np.arange(12)[None, :] <= laatste[:, None])
    return lgu, wga[:, None] & ~lgu, np.repeat((fase == FASE_IVA)[:, None], 12, axis=1)


def einde_loongerelateerd_maand(fase: np.ndarray, einde: np.ndarray) -> np.ndarray:
    """(N,) the last month of the loongerelateerde uitkering: 0..11, 12 past the year, -1 none (any more)."""
    return np.where(fase == FASE_LGU, einde, np.where((fase == FASE_NA) & (einde < 12), einde, -1))


@dataclass
class Uitkering:
    """The benefit of one person for one income path, (N, 12) arrays."""
    bedrag: np.ndarray
    soort: np.ndarray
    grond: np.ndarray


@dataclass
class WiaPersoon:
    """Everything computed for one person (aanvrager or partner); arrays (N, 12) unless noted."""
    fase: np.ndarray             # (N,)
    klasse: np.ndarray           # (N,)
    maandloon: np.ndarray        # (N,) as given
    rvc: np.ndarray              # (N,)
    a: np.ndarray                # maandloon the benefit uses
    cd: np.ndarray               # C/D
    g: np.ndarray                # (N, 1)
    eis: np.ndarray              # (N, 1)
    ovc: np.ndarray              # (N, 1)
    heeft_eis: np.ndarray        # (N, 1)
    b_maand: np.ndarray          # inkomen with the winst of each month
    b_gem: np.ndarray            # inkomen with the year's average winst
    lgu: np.ndarray
    na: np.ndarray
    iva: np.ndarray
    voor_aow: np.ndarray
    jaargemiddelde: Uitkering    # the amounts after UWV's yearly settlement (the legal amounts here)
    per_maand: Uitkering         # the amounts on the actual winst of each month
    lau_bij_eis: np.ndarray      # loonaanvullingsuitkering at an income equal to the inkomenseis
    vervolg: np.ndarray          # vervolguitkering


def bereken_persoon(inv: Invoer, p: ParameterLezer, k: int, h: np.ndarray, maximum: np.ndarray) -> WiaPersoon:
    """The WIA-uitkering of the aanvrager (k = 0) or the partner (k = 1), per month."""
    fase, klasse = inv.wia_fase[:, k], inv.wia_klasse[:, k]
    maandloon, rvc = inv.wia_maandloon[:, k], inv.wia_restverdiencapaciteit[:, k]
    inkomen = inv.inkomen_aanvrager if k == 0 else inv.inkomen_partner
    b_maand, b_gem = inkomen_uit_arbeid(inkomen)
    a, cd = gemaximeerd_maandloon(maandloon, maximum)
    g = uitkeringspercentage(klasse, p)[:, None]
    eis = inkomenseis(rvc, p)[:, None]
    ovc = overblijvende_verdiencapaciteit(eis, p)
    heeft_eis = rvc[:, None] > 0   # assumed: a restverdiencapaciteit above nil is above 20% of maatmaninkomen
    lgu, na, iva = fasen_per_maand(fase, inv.wia_einde_loongerelateerd[:, k])
    # the right ends on the day the AOW age is reached (Wet WIA art. 43 onder g); a month counts when that day is
    # not its first day (the month of a later birthday is counted in full)
    voor_aow = ~inv.bereikt(("aanvrager", "partner")[k], p("algemeen.aow_leeftijd"))

    def uitkering(b: np.ndarray) -> Uitkering:
        lau, grond = loonaanvullingsuitkering(a, b, ovc, cd, g, h, heeft_eis, p)
        onder = heeft_eis & (b < eis)
        na_bedrag = np.where(onder, vervolguitkering(g, h, a), lau)
        bedrag = np.select([lgu, na, iva], [loongerelateerde_uitkering(a, b, cd, p), na_bedrag,
                                             arbeidsongeschiktheidsuitkering(a, b, cd, p)], 0.0)
        soort = np.select([lgu, na, iva], [LGU, np.where(onder, VERVOLG, LAU), IVA], GEEN)
        return Uitkering(bedrag=np.where(voor_aow, np.round(bedrag, 2), 0.0), soort=np.where(voor_aow, soort, GEEN),
                         grond=np.where(na & ~onder, grond, 0))

    if (fase == 0).all():   # nobody has a WIA situation in this role: skip the arithmetic (all nil)
        leeg = Uitkering(bedrag=np.zeros(a.shape), soort=np.full(a.shape, GEEN), grond=np.zeros(a.shape, dtype=int))
        jaargemiddelde = per_maand = leeg
        lau_bij_eis = vervolg = np.zeros(a.shape)
    else:
        jaargemiddelde = uitkering(b_gem)
        per_maand = jaargemiddelde if np.array_equal(b_maand, b_gem) else uitkering(b_maand)
        eis_12 = np.broadcast_to(eis, a.shape)
        lau_bij_eis = np.round(loonaanvullingsuitkering(a, eis_12, ovc, cd, g, h, heeft_eis, p)[0], 2)
        vervolg = np.round(vervolguitkering(g, h, a), 2)
    return WiaPersoon(
        fase=fase, klasse=klasse, maandloon=maandloon, rvc=rvc, a=a, cd=cd, g=g, eis=eis, ovc=ovc,
        heeft_eis=heeft_eis, b_maand=b_maand, b_gem=b_gem, lgu=lgu, na=na, iva=iva, voor_aow=voor_aow,
        jaargemiddelde=jaargemiddelde, per_maand=per_maand, lau_bij_eis=lau_bij_eis, vervolg=vervolg,
    )


# --- facts for the signal rules ---------------------------------------------------------------------------
def hoofdpersoon(personen: list[WiaPersoon]) -> np.ndarray:
    """(N,) 0 or 1: whose situation the facts describe — the one the inkomenseis applies to, then a WGA, then an
    IVA; the aanvrager on a tie."""
    def score(w: WiaPersoon) -> np.ndarray:
        na = (w.na & w.voor_aow).any(axis=1)
        wga = ((w.lgu | w.na) & w.voor_aow).any(axis=1)
        return np.select([na & w.heeft_eis[:, 0], wga, w.fase == FASE_IVA], [3, 2, 1], 0)
    return np.where(score(personen[1]) > score(personen[0]), 1, 0)


def ontvangen_per_maand(inv: Invoer) -> np.ndarray:
    """(N, 12) the WGA UWV pays now (inkomen.wga, gross), the partner's in the months the partner belongs to the
    household: in the same terms as the household's computed WGA."""
    return inv.inkomen_aanvrager["wga"] + np.where(inv.heeft_partner, inv.inkomen_partner["wga"], 0.0)


def _feiten(inv: Invoer, personen: list[WiaPersoon], hoofd: np.ndarray, jaarbedrag: np.ndarray) -> dict:
    """(N,) facts for the signal rules, about the person ``hoofd`` except the household totals."""
    def kies(per_persoon: list[np.ndarray]) -> np.ndarray:
        return np.where(hoofd == 1, per_persoon[1], per_persoon[0])

    na = [w.na & w.voor_aow for w in personen]
    ref = kies([np.argmax(x, axis=1) for x in na])     # first month the inkomenseis applies (else January)
    rij = np.arange(inv.n)
    heeft_eis = kies([x.any(axis=1) & w.heeft_eis[:, 0] for x, w in zip(na, personen)])
    eis = np.where(heeft_eis, kies([w.eis[:, 0] for w in personen]), 0.0)
    gemiddeld = kies([w.b_gem.mean(axis=1) for w in personen])
    inkomens = (inv.inkomen_aanvrager, inv.inkomen_partner)
    ontvangen = ontvangen_per_maand(inv).sum(axis=1)
    # per month, as the amounts are computed: loon is tested in its own month (art. 60 lid 1 onder a "per
    # kalendermaand"), winst on the year's average (Inkomensbesluit Wet WIA art. 6 lid 3)
    met_eis = np.where(hoofd[:, None] == 1, na[1] & personen[1].heeft_eis, na[0] & personen[0].heeft_eis)
    soort = np.where(hoofd[:, None] == 1, personen[1].jaargemiddelde.soort, personen[0].jaargemiddelde.soort)
    bedrag = np.where(hoofd[:, None] == 1, personen[1].jaargemiddelde.bedrag, personen[0].jaargemiddelde.bedrag)
    vervolg_maanden = met_eis & (soort == VERVOLG)
    lau_maanden = met_eis & (soort == LAU)
    n_lau, n_vervolg = lau_maanden.sum(axis=1), vervolg_maanden.sum(axis=1)
    lau_bij_eis = np.where(hoofd[:, None] == 1, personen[1].lau_bij_eis, personen[0].lau_bij_eis)

    def gemiddeld_over(masker: np.ndarray, n: np.ndarray) -> np.ndarray:
        return np.round(np.divide(np.where(masker, bedrag, 0.0).sum(axis=1), n, out=np.zeros(inv.n), where=n > 0), 2)
    return {
        "maanden_met_inkomenseis": met_eis.sum(axis=1),
        "maanden_vervolg": n_vervolg,
        "maanden_loonaanvulling": n_lau,
        "maanden_vervolg_tekst": maandteksten(vervolg_maanden),
        "loonaanvulling_gemiddeld": gemiddeld_over(lau_maanden, n_lau),
        "vervolg_gemiddeld": gemiddeld_over(vervolg_maanden, n_vervolg),
        # what the months below the inkomenseis cost against an income equal to it: per month the
        # loonaanvullingsuitkering at the inkomenseis minus the vervolguitkering actually paid
        "verlies_vervolgmaanden": np.round(np.where(vervolg_maanden, np.maximum(0.0, lau_bij_eis - bedrag), 0.0)
                                           .sum(axis=1), 2),
        "wga_persoon": hoofd,
        "heeft_wia": (personen[0].fase != 0) | (personen[1].fase != 0),
        "heeft_inkomenseis": heeft_eis,
        "inkomenseis": eis,
        "gemiddeld_inkomen": gemiddeld,
        "onder_inkomenseis": heeft_eis & (gemiddeld < eis),
        "maanden_onder_inkomenseis": kies([(x & w.heeft_eis & (w.b_maand < w.eis)).sum(axis=1)
                                           for x, w in zip(na, personen)]),
        "loonaanvulling_bij_inkomenseis": np.where(heeft_eis, kies([w.lau_bij_eis[rij, ref] for w in personen]), 0.0),
        "vervolguitkering": np.where(heeft_eis, kies([w.vervolg[rij, ref] for w in personen]), 0.0),
        "einde_loongerelateerd_maand": kies([einde_loongerelateerd_maand(w.fase, inv.wia_einde_loongerelateerd[:, k])
                                             for k, w in enumerate(personen)]),
        "is_zzp": kies([(ink["winst"] > 0).any(axis=1) for ink in inkomens]),
        "wga_op_jaargemiddelde": jaarbedrag,
        "wga_per_maand_som": np.round(sum(w.per_maand.bedrag.sum(axis=1) for w in personen), 2),
        "ontvangen_jaar": ontvangen,
        "ontvangst_opgegeven": ontvangen > 0,
        "terugvordering_schatting": np.where(ontvangen > 0, np.round(np.maximum(0.0, ontvangen - jaarbedrag), 2), 0.0),
        "nabetaling_schatting": np.where(ontvangen > 0, np.round(np.maximum(0.0, jaarbedrag - ontvangen), 2), 0.0),
    }


def maandteksten(masker: np.ndarray) -> np.ndarray:
    """(N,) the months of an (N, 12) mask in words ("juli tot en met december"), one text per distinct pattern."""
    codes = (masker.astype(np.int64) << np.arange(12)).sum(axis=1)
    uniek, terug = np.unique(codes, return_inverse=True)
    teksten = np.array([opmaak.maanden([m for m in range(12) if c >> m & 1], voluit=True) for c in uniek], dtype=object)
    return teksten[terug.reshape(-1)]


# --- the regeling ---------------------------------------------------------------------------------------
def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    p = parameters.lezer()
    h = minimumloon_wia(p)
    maximum = maximum_maandloon(p)
    personen = [bereken_persoon(inv, p, k, h, maximum) for k in range(len(PERSONEN))]
    # the household's WGA: the partner's only in the months the partner belongs to the household
    maandbedragen = (personen[0].jaargemiddelde.bedrag
                     + np.where(inv.heeft_partner, personen[1].jaargemiddelde.bedrag, 0.0))
    jaarbedrag = np.round(maandbedragen.sum(axis=1), 2)
    recht = jaarbedrag > 0
    hoofd = hoofdpersoon(personen)
    feiten = _feiten(inv, personen, hoofd, jaarbedrag)
    vakantie = p("wga.vakantietoeslag_minimumloon")
    if not feiten["heeft_wia"].any():
        p.gelezen.clear()   # no household has a WIA situation: no parameter was applied, none to report
    details = {}
    for k, wie in enumerate(PERSONEN):
        w = personen[k]
        details[f"bruto_{wie}"] = w.jaargemiddelde.bedrag
        details[f"bruto_per_maand_{wie}"] = w.per_maand.bedrag
        details[f"soort_{wie}"] = w.jaargemiddelde.soort
        details[f"vakantiegeld_{wie}"] = np.round(w.jaargemiddelde.bedrag * vakantie / (1 + vakantie), 2)
        details[f"inkomen_uit_arbeid_{wie}"] = w.b_gem

    def uitleg(i: int) -> list[str]:
        return _uitleg(i, inv, p, personen, maandbedragen, jaarbedrag, feiten)

    def bronnen(i: int) -> list[str]:
        uit = ["Wet WIA art. 12-13 (minimumloon, dagloon, maandloon)", "Wfsv art. 17-18 (maximumdagloon)",
               "Wet WIA art. 51-52 (IVA)", "Wet WIA art. 59-62 (WGA)", "Wet WIA art. 43 onder g (AOW-leeftijd)",
               "Inkomensbesluit Wet WIA art. 2, 3 en 6"]
        return uit + [f"{r.id}: {r.bron}" for r in (parameters.record(x) for x in p.gelezen)]

    def waarschuwingen(i: int) -> list[str]:
        return _waarschuwingen(i, inv, parameters, personen, h)

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=uitleg, bronnen=bronnen, waarschuwingen=waarschuwingen, lezer=p, feiten=feiten, details=details,
        doorgifte=WgaBruto(aanvrager=details["bruto_aanvrager"], partner=details["bruto_partner"]),
        ontvangen=ontvangen_per_maand(inv), ontvangen_bedragen="bruto",
        onderdelen=lambda rijen: onderdelen(inv, personen, rijen),
        signaalbronnen={
            "bron_recht": "Wet WIA art. 54 en 60-62",
            "bron_inkomenseis": "Wet WIA art. 60 lid 1-2 en art. 61 lid 4-5, art. 62 lid 1",
            "bron_loongerelateerd": "Wet WIA art. 59 lid 1 en art. 61 lid 1",
            "bron_herberekening": "Inkomensbesluit Wet WIA art. 6 lid 3",
        },
    )


# The kind of benefit per month as a named part of the WGA, with the rule that decides it (for the scan).
SOORT_REGELS = {
    LGU: ("loongerelateerde uitkering", "de eerste maanden van de WGA, 70% van het maandloon min het inkomen uit "
                                        "arbeid (Wet WIA art. 59 en 61 lid 1)"),
    LAU: ("loonaanvullingsuitkering", "wie ten minste de helft van de restverdiencapaciteit verdient, haalt de "
                                      "inkomenseis en krijgt de loonaanvullingsuitkering (Wet WIA art. 60 lid 1-2 en "
                                      "art. 61)"),
    VERVOLG: ("WGA-vervolguitkering", "wie minder dan de helft van de restverdiencapaciteit verdient, haalt de "
                                      "inkomenseis niet en krijgt de vervolguitkering, naar het minimumloon (Wet WIA "
                                      "art. 60 lid 1-2 en art. 62)"),
    IVA: ("IVA-uitkering", "Wet WIA art. 51-52"),
}


def onderdelen(inv: Invoer, personen: list, rijen: np.ndarray) -> list[Onderdeel]:
    """Per person and kind of benefit the amounts per month for the households ``rijen`` (the partner's in partner
    months): at the inkomenseis the loonaanvullingsuitkering and the vervolguitkering take each other's place."""
    uit = []
    for k, wie in enumerate(PERSONEN):
        u = personen[k].jaargemiddelde
        soort, bedrag = u.soort[rijen], u.bedrag[rijen]
        telt = np.ones_like(soort, dtype=bool) if k == 0 else inv.heeft_partner[rijen]
        for s, (naam, regel) in SOORT_REGELS.items():
            uit.append(Onderdeel(naam=naam, bedrag=np.where((soort == s) & telt, bedrag, 0.0), regel=regel, wie=wie))
    return uit


# --- explanation --------------------------------------------------------------------------------------
def _groepen(*rijen: np.ndarray) -> list[list[int]]:
    """Runs of consecutive months in which all given rows are equal."""
    groepen: list[list[int]] = []
    for m in range(12):
        if groepen and all(r[m] == r[groepen[-1][-1]] for r in rijen) and groepen[-1][-1] == m - 1:
            groepen[-1].append(m)
        else:
            groepen.append([m])
    return groepen


def _met_cd(bedrag: float, cd: float) -> str:
    e = opmaak.euro
    return e(bedrag, centen=True) + (f" × {opmaak.procent(cd)}" if cd < 1 else "")


def _uitleg(i, inv, p, personen, maandbedragen, jaarbedrag, feiten) -> list[str]:
    e = opmaak.euro
    if not feiten["heeft_wia"][i]:
        return ["Geen WIA-situatie opgegeven: geen WIA-uitkering berekend (Wet WIA art. 47 en 54)."]
    regels: list[str] = []
    for k, w in enumerate(personen):
        if w.fase[i] != 0:
            regels += _uitleg_persoon(i, k, inv, p, w)
    regels.append(f"WIA-uitkering over {inv.jaar}: {e(jaarbedrag[i], centen=True)} bruto"
                  + (f" (aanvrager {e(personen[0].jaargemiddelde.bedrag[i].sum(), centen=True)}, partner "
                     f"{e(personen[1].jaargemiddelde.bedrag[i].sum(), centen=True)})"
                     if all(w.fase[i] != 0 for w in personen) else "") + " (Wet WIA art. 51, 61 en 62).")
    ontvangen = feiten["ontvangen_jaar"][i]
    if ontvangen > 0:
        verschil = (f"mogelijke terugvordering {e(feiten['terugvordering_schatting'][i], centen=True)}"
                    if ontvangen > jaarbedrag[i] else
                    f"mogelijke nabetaling {e(feiten['nabetaling_schatting'][i], centen=True)}")
        regels.append(f"UWV betaalt nu (voorschot, inkomen.wga) {e(ontvangen, centen=True)} bruto over het jaar, "
                      f"tegenover een berekend recht van {e(jaarbedrag[i], centen=True)} bruto per jaar; na de "
                      f"jaarlijkse herberekening: {verschil} (Inkomensbesluit Wet WIA art. 6 lid 3).")
    return regels


def _uitleg_persoon(i, k, inv, p, w: WiaPersoon) -> list[str]:
    e = opmaak.euro
    wie = PERSONEN[k].capitalize()
    fase = int(w.fase[i])
    soort_tekst = {FASE_LGU: "WGA, loongerelateerde fase", FASE_NA: "WGA na de loongerelateerde uitkering",
                   FASE_IVA: "IVA (volledig en duurzaam arbeidsongeschikt)"}[fase]
    regels = [f"{wie}: {soort_tekst}, arbeidsongeschiktheidsklasse {WIA_KLASSEN[w.klasse[i]]}%, WIA-maandloon "
              f"{e(w.maandloon[i], centen=True)}"
              + (" (Wet WIA art. 13, art. 47)." if fase == FASE_IVA else
                 f", restverdiencapaciteit {e(w.rvc[i], centen=True)} per maand "
                 "(Wet WIA art. 13, art. 54, art. 60 lid 4).")]
    regels += _uitleg_maandloon(i, w, p)
    regels += _uitleg_inkomen(i, k, inv, w)
    if w.lgu[i].any():
        regels += _uitleg_loongerelateerd(i, k, inv, p, w)
    if w.na[i].any():
        regels += _uitleg_inkomenseis(i, p, w)
    u = w.jaargemiddelde
    for groep in _groepen(u.soort[i], u.bedrag[i], u.grond[i], w.b_gem[i]):
        regels += _uitleg_maanden(i, groep, p, w)
    if (w.per_maand.bedrag[i] != u.bedrag[i]).any():
        regels += _uitleg_herberekening(i, w)
    regels += _uitleg_slot(i, inv, p, w)
    return regels


def _uitleg_maandloon(i, w: WiaPersoon, p) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    regels = []
    for groep in _groepen(w.a[i]):
        m = groep[0]
        if w.cd[i, m] < 1:
            regels.append(
                f"{opmaak.maanden(groep).capitalize()}: het maandloon is hoger dan het maximum "
                f"({e(p.per_maand('wga.maximumdagloon')[m], centen=True)} maximumdagloon × "
                f"{str(p('wga.dagen_per_maand')).replace('.', ',')} = {e(w.a[i, m], centen=True)}); de uitkering "
                f"wordt over dat maximum berekend en het inkomen telt voor {pct(w.cd[i, m])} mee (C/D) "
                "(Wet WIA art. 13 lid 1 en 4, art. 61 lid 1; Wfsv art. 17).")
    return regels


def _uitleg_inkomen(i, k, inv, w: WiaPersoon) -> list[str]:
    e = opmaak.euro
    inkomen = inv.inkomen_aanvrager if k == 0 else inv.inkomen_partner
    winst = inkomen["winst"][i]
    uitgesloten = "WW, pensioen en andere uitkeringen tellen niet mee (Inkomensbesluit Wet WIA art. 2-3)."
    if (winst != 0).any():
        loon = inkomen["loon"][i].mean()
        spreiding = (f"is {e(winst[0], centen=True)}" if (winst == winst[0]).all() else
                     f"wisselt per maand van {e(winst.min(), centen=True)} tot {e(winst.max(), centen=True)}")
        return [f"Inkomen uit arbeid: {f'loon gemiddeld {e(loon, centen=True)} plus ' if loon else ''}winst; de winst "
                f"{spreiding} per maand, over het jaar gemiddeld {e(max(0.0, winst.sum()) / 12, centen=True)} "
                f"(negatieve winst telt als nihil); {uitgesloten}"]
    b = w.b_gem[i]
    bedrag = (e(b[0], centen=True) if (b == b[0]).all()
              else f"van {e(b.min(), centen=True)} tot {e(b.max(), centen=True)}")
    return [f"Inkomen uit arbeid (loon): {bedrag} per maand; {uitgesloten}"]


def _uitleg_loongerelateerd(i, k, inv, p, w: WiaPersoon) -> list[str]:
    pct = opmaak.procent
    regels = [f"Aangenomen: de eerste {p('wga.maanden_verhoogd_percentage')} maanden van het recht (met "
              f"{pct(p('wga.percentage_loongerelateerd_eerste_maanden'))}) liggen vóór {inv.jaar}; de begindatum "
              "van de uitkering staat niet in de gegevens (Wet WIA art. 61 lid 1 onder a)."]
    einde = int(inv.wia_einde_loongerelateerd[i, k])
    if einde >= 12:
        regels.append(f"De einddatum van de loongerelateerde uitkering ligt na {inv.jaar} of is niet opgegeven: "
                      f"heel {inv.jaar} loongerelateerd gerekend (Wet WIA art. 59 lid 1).")
    else:
        regels.append(f"De loongerelateerde uitkering loopt tot en met {opmaak.MAANDNAMEN[einde]} {inv.jaar}; daarna "
                      "hangt de WGA af van de inkomenseis (Wet WIA art. 59 lid 1, art. 60 lid 1).")
    return regels


def _uitleg_inkomenseis(i, p, w: WiaPersoon) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    grens = pct(p("wga.grens_geen_inkomenseis"))
    if not w.heeft_eis[i, 0]:
        return [f"Restverdiencapaciteit € 0: aangenomen dat die ten hoogste {grens} van het maatmaninkomen is, dus "
                "geldt geen inkomenseis (Wet WIA art. 60 lid 3, art. 61 lid 2)."]
    return [f"Inkomenseis: {pct(p('wga.inkomenseis_fractie'))} van de restverdiencapaciteit "
            f"{e(w.rvc[i], centen=True)} = {e(w.eis[i, 0], centen=True)} per maand (Wet WIA art. 60 lid 2).",
            f"Aangenomen: de restverdiencapaciteit is meer dan {grens} van het maatmaninkomen, dat niet in de gegevens "
            "staat; anders geldt geen inkomenseis (Wet WIA art. 60 lid 2-3)."]


def _uitleg_maanden(i, groep, p, w: WiaPersoon) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    m = groep[0]
    u = w.jaargemiddelde
    soort, bedrag = int(u.soort[i, m]), e(u.bedrag[i, m], centen=True)
    a, b, cd = w.a[i, m], w.b_gem[i, m], w.cd[i, m]
    wanneer = opmaak.maanden(groep).capitalize()
    if soort == GEEN:
        if w.fase[i] != 0 and not w.voor_aow[i, m]:
            return [f"{wanneer}: geen WIA-uitkering, de AOW-leeftijd is bereikt; in de maand van de verjaardag eindigt "
                    "het recht op die dag, samenloop rekent die maand nog volledig (Wet WIA art. 43 onder g, art. 49 "
                    "lid 1 en art. 56 lid 1)."]
        return []
    if soort == LGU:
        return [f"{wanneer}: loongerelateerde uitkering {pct(p('wga.percentage_loongerelateerd'))} × "
                f"({e(a, centen=True)} − {_met_cd(b, cd)}) = {bedrag} per maand (Wet WIA art. 61 lid 1 onder b)."]
    if soort == IVA:
        return [f"{wanneer}: IVA {pct(p('wga.percentage_iva'))} × {e(a, centen=True)} − "
                f"{pct(p('wga.korting_iva'))} × {_met_cd(b, cd)} = {bedrag} per maand (Wet WIA art. 51, 52 lid 1)."]
    h = min(float(minimumloon_wia(p)[m]), float(a))
    gh = f"{pct(float(w.g[i, 0]))} × {e(h, centen=True)}"
    if soort == VERVOLG:
        return [f"{wanneer}: inkomen {e(b, centen=True)} is lager dan de inkomenseis {e(w.eis[i, 0], centen=True)}: "
                f"vervolguitkering {gh} = {bedrag} per maand (Wet WIA art. 62 lid 1, art. 61 lid 6).",
                _uitleg_minimumloon(groep, p, a)]
    grond = int(u.grond[i, m])
    lau = pct(p("wga.percentage_loonaanvulling"))
    if grond == GROND_LID2:
        reden = ("er geldt geen inkomenseis" if not w.heeft_eis[i, 0] else
                 f"het is ten minste de restverdiencapaciteit {e(w.ovc[i, 0], centen=True)}")
        return [f"{wanneer}: inkomen {e(b, centen=True)}, {reden}: loonaanvullingsuitkering "
                f"{pct(p('wga.percentage_loongerelateerd'))} × ({e(a, centen=True)} − {_met_cd(b, cd)}) = {bedrag} "
                "per maand (Wet WIA art. 61 lid 2-3)."]
    vast = f"{lau} × ({e(a, centen=True)} − {_met_cd(float(w.ovc[i, 0]), cd)})"
    band = (f"{wanneer}: inkomen {e(b, centen=True)} ligt tussen de inkomenseis {e(w.eis[i, 0], centen=True)} en de "
            f"restverdiencapaciteit {e(w.ovc[i, 0], centen=True)}: loonaanvullingsuitkering {vast}")
    if grond == GROND_LID4:
        return [f"{band} = {bedrag} per maand; het inkomen zelf telt in deze band niet (Wet WIA art. 61 lid 4)."]
    if grond == GROND_LID5:
        return [f"{band} is lager dan {gh}, dus {bedrag} per maand (Wet WIA art. 61 lid 4-5).",
                _uitleg_minimumloon(groep, p, a)]
    return [f"{band} is lager dan {gh}, maar ten hoogste {pct(p('wga.percentage_loongerelateerd'))} × "
            f"({e(a, centen=True)} − {_met_cd(b, cd)}) = {bedrag} per maand (Wet WIA art. 61 lid 5).",
            _uitleg_minimumloon(groep, p, a)]


def _uitleg_minimumloon(groep, p, a) -> str:
    e, pct = opmaak.euro, opmaak.procent
    m = groep[0]
    wml, h = float(p.per_maand("algemeen.minimumloon_maand")[m]), float(minimumloon_wia(p)[m])
    tekst = (f"Minimumloon in de WIA ({opmaak.maanden(groep)}): {e(wml, centen=True)} + "
             f"{pct(p('wga.vakantietoeslag_minimumloon'))} vakantietoeslag = {e(h, centen=True)} per maand")
    if a < h:
        tekst += f"; het maandloon {e(a, centen=True)} is lager en telt in de plaats daarvan"
    return tekst + " (Wet WIA art. 12 lid 1 onder b, art. 62 lid 1; WML art. 8 en 15)."


def _uitleg_herberekening(i, w: WiaPersoon) -> list[str]:
    e = opmaak.euro
    regels = [f"UWV betaalt op een geschatte winst en rekent één keer per jaar af met de belastingaangifte: met de "
              f"winst van elke maand apart zou de uitkering {e(w.per_maand.bedrag[i].sum(), centen=True)} over het "
              f"jaar zijn, op de gemiddelde winst {e(w.jaargemiddelde.bedrag[i].sum(), centen=True)}; de bedragen "
              "hierboven volgen die jaarlijkse herberekening (Inkomensbesluit Wet WIA art. 6 lid 3)."]
    telt = w.na[i] & w.voor_aow[i] & w.heeft_eis[i, 0]
    boven, onder = telt & (w.b_maand[i] >= w.eis[i, 0]), telt & (w.b_maand[i] < w.eis[i, 0])
    if boven.any() and onder.any():
        regels.append(f"Met de winst per maand zou het inkomen in {opmaak.maanden(np.flatnonzero(boven))} boven en in "
                      f"{opmaak.maanden(np.flatnonzero(onder))} onder de inkomenseis {e(w.eis[i, 0], centen=True)} "
                      f"liggen; bij de afrekening telt het jaargemiddelde {e(w.b_gem[i].mean(), centen=True)} "
                      "(Wet WIA art. 60 lid 1; Inkomensbesluit Wet WIA art. 6 lid 3).")
    return regels


def _uitleg_slot(i, inv, p, w: WiaPersoon) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    regels = []
    bedragen = w.jaargemiddelde.bedrag[i]
    if (bedragen > 0).any():
        m = int(np.flatnonzero(bedragen > 0)[0])
        vt = p("wga.vakantietoeslag_minimumloon")
        regels.append(f"De bedragen zijn inclusief vakantiegeld ({pct(vt)}), zoals het WIA-maandloon en het "
                      f"minimumloon in de WIA: van {e(bedragen[m], centen=True)} betaalt UWV "
                      f"{e(bedragen[m] / (1 + vt), centen=True)} per maand uit en de rest als vakantiegeld in mei "
                      "(Wet WIA art. 12 lid 1 onder b; Dagloonbesluit werknemersverzekeringen art. 5).")
    if bedragen[int(p("wga.tegemoetkoming_peilmaand")) - 1] > 0:  # entitled on the 1st of that month (art. 63a lid 1)
        regels.append("Daarnaast: tegemoetkoming arbeidsongeschikten "
                      f"{e(p('wga.tegemoetkoming_arbeidsongeschikten'), centen=True)} in het derde kwartaal; niet in "
                      "deze bedragen en niet meegeteld voor inkomensafhankelijke regelingen (Wet WIA art. 63a).")
    return regels


# --- warnings -----------------------------------------------------------------------------------------
def _waarschuwingen(i, inv, parameters: Parameters, personen: list[WiaPersoon], h: np.ndarray) -> list[str]:
    # The grades of the records from 1 July (maximumdagloon, minimumloon) are reported with the others, by the
    # framework (Uitkomst.onzekere_parameters): every record in force in the year counts.
    uit: list[str] = []
    for k, w in enumerate(personen):
        if w.fase[i] == 0:
            continue
        wie = PERSONEN[k]
        inkomen = inv.inkomen_aanvrager if k == 0 else inv.inkomen_partner
        if inkomen["ww"][i].any():
            uit.append(f"WW van de {wie} telt niet als inkomen uit arbeid voor de WIA (Inkomensbesluit Wet WIA art. 3 "
                       "lid 1 onder b); voor de hoogte kan UWV wel het loon van de maand vóór de WW meetellen "
                       "(art. 4). Dat loon staat niet in de gegevens, dus de WIA-uitkering kan lager uitvallen.")
        if inkomen["overig"][i].any():
            uit.append(f"Overig inkomen van de {wie} telt hier niet mee; is het resultaat uit overige werkzaamheden, "
                       "dan telt het wel als inkomen uit arbeid (Inkomensbesluit Wet WIA art. 2 lid 1 onder c) en is "
                       "de uitkering lager.")
        uit += _waarschuwing_herziening_dagloon(i, wie, inv, parameters, w, h)
    return uit


def _waarschuwing_herziening_dagloon(i, wie, inv, parameters: Parameters, w: WiaPersoon, h: np.ndarray) -> list[str]:
    """Wet WIA art. 14: the dagloon follows the minimumloon on 1 July; the household gives one maandloon."""
    stijging = h / h[0] - 1
    hangt_af = np.isin(w.jaargemiddelde.soort[i], (LGU, LAU, IVA)) & (w.cd[i] == 1) & (stijging > 0)
    if not hangt_af.any():
        return []
    m = int(np.flatnonzero(hangt_af)[0])
    return [f"Het dagloon van de {wie} wordt per 1 {opmaak.MAANDNAMEN[m]} {inv.jaar} herzien in de mate waarin het "
            f"minimumloon stijgt ({opmaak.procent(round(float(stijging[m]), 4))}; Wet WIA art. 14 lid 1). samenloop "
            "rekent het hele jaar met het opgegeven maandloon, dus vanaf dan kan de uitkering iets hoger zijn."]


def signaalfeiten(u: Uitkomst, inv: Invoer, parameters: Parameters) -> dict:
    """What the WGA signals need besides Uitkomst.feiten: the cliff at the inkomenseis, and how far back UWV grants a
    WIA-uitkering (Wet WIA art. 64 lid 11)."""
    f = u.feiten
    return {"wga_klif": np.maximum(0.0, f["loonaanvulling_bij_inkomenseis"] - f["vervolguitkering"]),
            "aanvraag_terugwerkende_weken": int(parameters.waarde("wga.aanvraag_terugwerkende_weken"))}


def tekstfeiten(feit: dict, h) -> dict:
    persoon = h.aanvrager if int(feit["wga_persoon"]) == 0 else h.partner
    return {"wga_persoon_naam": noem(persoon) if persoon else ""}


FEITVELDEN = (
    Veld("heeft_wia", "waarheid", "de aanvrager of de partner heeft een WIA-situatie"),
    Veld("wga_persoon", "geheel", "over wie de velden hieronder gaan: 0 de aanvrager, 1 de partner"),
    Veld("wga_persoon_naam", "tekst", "de naam of rol van die persoon", alleen_tekst=True),
    Veld("heeft_inkomenseis", "waarheid", "de inkomenseis geldt in een maand na de loongerelateerde uitkering"),
    Veld("inkomenseis", "getal", "50% van de restverdiencapaciteit, per maand (Wet WIA art. 60 lid 2)"),
    Veld("gemiddeld_inkomen", "getal", "het inkomen uit arbeid, gemiddeld per maand"),
    Veld("onder_inkomenseis", "waarheid", "dat gemiddelde ligt onder de inkomenseis"),
    Veld("maanden_met_inkomenseis", "geheel", "maanden na de loongerelateerde uitkering"),
    Veld("maanden_onder_inkomenseis", "geheel", "daarvan maanden met inkomen onder de eis"),
    Veld("maanden_vervolg", "geheel", "maanden waarin UWV de vervolguitkering betaalt"),
    Veld("maanden_loonaanvulling", "geheel", "maanden waarin UWV de loonaanvullingsuitkering betaalt"),
    Veld("maanden_vervolg_tekst", "tekst", "welke maanden vervolguitkering, in woorden"),
    Veld("loonaanvulling_gemiddeld", "getal", "de loonaanvullingsuitkering per maand, gemiddeld"),
    Veld("vervolg_gemiddeld", "getal", "de vervolguitkering per maand, gemiddeld"),
    Veld("loonaanvulling_bij_inkomenseis", "getal", "de loonaanvullingsuitkering bij een inkomen gelijk aan de eis, "
                                                    "in de eerste maand met inkomenseis"),
    Veld("vervolguitkering", "getal", "de vervolguitkering in die maand"),
    Veld("wga_klif", "getal", "het verschil per maand tussen die twee: wat onder de eis zakken kost"),
    Veld("verlies_vervolgmaanden", "getal", "wat de maanden onder de eis samen kosten tegenover een inkomen gelijk aan "
                                            "de eis"),
    Veld("einde_loongerelateerd_maand", "geheel", "de maand (0 = januari) waarin de loongerelateerde uitkering "
                                                  "eindigt, buiten het jaar als dat niet in het jaar is",
         als_datum="einde_loongerelateerd"),
    Veld("is_zzp", "waarheid", "de persoon heeft winst: UWV verrekent over het jaargemiddelde"),
    Veld("wga_op_jaargemiddelde", "getal", "de WGA over het jaar zoals UWV haar verrekent"),
    Veld("wga_per_maand_som", "getal", "de WGA over het jaar op het inkomen van elke maand"),
    Veld("ontvangen_jaar", "getal", "wat UWV dit jaar betaalt (opgegeven, bruto)"),
    Veld("ontvangst_opgegeven", "waarheid", "het huishoudbestand geeft een WGA-uitkering op"),
    Veld("terugvordering_schatting", "getal", "wat naar schatting terugbetaald moet worden"),
    Veld("nabetaling_schatting", "getal", "wat naar schatting wordt nabetaald"),
    Veld("aanvraag_terugwerkende_weken", "geheel", "hoeveel weken UWV een WIA-uitkering terug toekent (Wet WIA art. "
                                                   "64 lid 11)"),
    Veld("bron_inkomenseis", "tekst", "de wettelijke grondslag van de inkomenseis"),
    Veld("bron_loongerelateerd", "tekst", "de wettelijke grondslag van de loongerelateerde uitkering"),
    Veld("bron_herberekening", "tekst", "de wettelijke grondslag van de verrekening over het jaar"),
)

REGISTRATIE = Regeling(
    sleutel=REGELING, naam="WGA-uitkering", instantie=INSTANTIE, soort="uitkering", bereken=bereken, geeft=WgaBruto,
    bovenop_netto=False,   # taxable: it is in the net income after the inkomstenbelasting already
    feitvelden=FEITVELDEN, signaalfeiten=signaalfeiten, tekstfeiten=tekstfeiten, rang=10,
)
