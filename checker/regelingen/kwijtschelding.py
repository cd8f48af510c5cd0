"""Kwijtschelding gemeentelijke belastingen — Uitvoeringsregeling Invorderingswet 1990 (URI, BWBR0004766),
hoofdstuk II afdeling 2 (art. 10-17), for gemeentelijke belastingen via art. 27-28, with the gemeente's own
regeling (Regeling kwijtschelding belastingen medeoverheden; rules/gemeenten/<id>.yaml).

    betalingscapaciteit = 12 × max(0, netto-besteedbaar inkomen − kosten van bestaan)     (art. 13, monthly averages)
    netto-besteedbaar   = netto inkomen zonder bijstand + bijstand (net: what is received now, or per month the
                          computed right when higher) − netto-woonlasten boven de minimum-normhuur tot de maximale
                          huurgrens − zorgpremie boven normpremie en zorgtoeslag (− netto kinderopvangkosten)
                                                                                        (art. 14-15, art. 28 lid 3)
    kosten van bestaan  = percentage (90%, gemeente tot 100%) × bijstandsnorm; pensioengerechtigden optioneel de
                          netto AOW                                                      (art. 16; Regeling art. 2-3)
    kwijtschelding      = aanslag − vermogen boven de vrijlating − deel (≥ 80%) × betalingscapaciteit, niet < 0
                                                                                        (art. 11, art. 12 lid 2 d)
An ondernemer only where the gemeente treats ondernemers' private taxes like a particulier's (art. 28 lid 1).

Art. 13 looks at the 12 months from the request; samenloop has no request date and uses the calendar year.
"""
from __future__ import annotations

import numpy as np

from .. import instellingen, opmaak
from ..feitsoorten import Veld
from ..invoer import Invoer
from ..parameters import Parameters
from . import awir, zorgtoeslag
from ._gemeentebeleid import Beleid
from .register import Regeling
from ._uitkomst import Uitkomst, nodig
from .bijstand import NORM_SOORTEN, Bijstandsnorm
from .inkomstenbelasting import InkomenNaBelasting

REGELING = "kwijtschelding"
INSTANTIE = "gemeente"
BRON_URI = "Uitvoeringsregeling Invorderingswet 1990 (BWBR0004766)"
HUISHOUDTYPEN = ("alleenstaande", "alleenstaande_ouder", "echtgenoten")
HALVE_CENT = 0.005   # bijstand received and computed that differ less than this are the same amount


# --- income (art. 13-15) -------------------------------------------------------------------------------------
def partnerinkomen(inv: Invoer, bronnen: tuple[str, ...]) -> np.ndarray:
    """(N, 12) income of aanvrager plus, in months with one, the echtgenoot (art. 13 lid 2)."""
    eigen = sum(inv.inkomen_aanvrager[b] for b in bronnen)
    partner = sum(inv.inkomen_partner[b] for b in bronnen)
    return eigen + np.where(inv.heeft_partner, partner, 0.0)


def netto_inkomen(eerder: dict[str, Uitkomst]) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) the art. 14 lid 1 onder a-b income without the bijstand received now, and (N, 12) that bijstand net,
    as the inkomstenbelasting hands them on (the other income after the tax it would bear alone, and what the
    bijstand received leaves after its own tax)."""
    ib = nodig(eerder, "inkomstenbelasting", InkomenNaBelasting, REGELING)
    return (np.asarray(ib.netto_zonder_bijstand_per_maand, dtype=float),
            np.asarray(ib.bijstand_netto_per_maand, dtype=float))


def bijstand_per_maand(eerder: dict[str, Uitkomst], ontvangen: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(N, 12) the bijstand in the income (art. 14 lid 1 onder c): per month the bijstand received now (net) or, when
    higher, the bijstand samenloop computes (the household has a right to it); (N, 12) bool: the computed one is
    taken; and (N, 12) the computed bijstand."""
    bij = nodig(eerder, "bijstand", Uitkomst, REGELING)
    berekend = bij.maandbedragen > ontvangen + HALVE_CENT
    return np.where(berekend, bij.maandbedragen, ontvangen), berekend, bij.maandbedragen


def huurtoeslag_per_maand(eerder: dict[str, Uitkomst]) -> np.ndarray:
    """(N, 12) the computed huurtoeslag, which lowers the netto-woonlasten."""
    return nodig(eerder, "huurtoeslag", Uitkomst, REGELING).maandbedragen


def netto_woonlasten_uitgave(inv: Invoer, p, huurtoeslag: np.ndarray) -> np.ndarray:
    """(N, 12) art. 15 onder b: netto-woonlasten (huur minus huurtoeslag), up to the maximale huurgrens, insofar as
    they exceed the minimum-normhuur. Only for a huurwoning: samenloop does not know the hypotheekrente."""
    if not inv.huurwoning.any():
        return np.zeros((inv.n, 12))
    huur = inv.kale_huur + (inv.servicekosten if p("kwijtschelding.servicekosten_in_woonlasten") else 0.0)
    netto = np.maximum(0.0, huur - huurtoeslag)
    boven = np.maximum(0.0, np.minimum(netto, p("kwijtschelding.maximale_huurgrens")) - p("kwijtschelding.minimum_normhuur"))
    return np.where(inv.huurwoning[:, None], boven, 0.0)


def zorgpremie_uitgave(inv: Invoer, p, eerder: dict[str, Uitkomst]) -> np.ndarray:
    """(N, 12) art. 15 onder c as applied: nominale premie − normpremie − zorgtoeslag, not below 0.

    The premium is assumed to be a share of the standaardpremie per verzekerde (the household does not give it);
    the normpremie is the Wzt art. 2 normpremie over the same toetsingsinkomen as the zorgtoeslag."""
    zt = nodig(eerder, "zorgtoeslag", Uitkomst, REGELING)
    _, _, ti = awir.draagkracht(inv)
    leeftijd = p("zorgtoeslag.minimumleeftijd")
    verzekerde_a, verzekerde_p = zorgtoeslag.verzekerden(inv, leeftijd)
    verzekerden = verzekerde_a.astype(int) + verzekerde_p.astype(int)
    premie = verzekerden * p("kwijtschelding.zorgpremie_deel_standaardpremie") * p("zorgtoeslag.standaardpremie") / 12.0
    norm = zorgtoeslag.normpremie(ti, inv.heeft_partner, p) / 12.0
    return np.where(verzekerden > 0, np.maximum(0.0, premie - norm - zt.maandbedragen), 0.0)


def netto_kinderopvangkosten(inv: Invoer, eerder: dict[str, Uitkomst]) -> np.ndarray:
    """(N, 12) art. 28 lid 3: childcare costs minus the computed kinderopvangtoeslag."""
    opvang = ((inv.bewoner_aanwezig & inv.bewoner_is_kind & (inv.opvang_soort > 0))[:, :, None]
              & (inv.leeftijd("bewoner") >= 0))                                 # only months the child is there
    kosten = (np.where(opvang, inv.opvang_uren, 0.0) * inv.opvang_uurprijs[:, :, None]).sum(axis=1)
    return np.maximum(0.0, kosten - nodig(eerder, "kinderopvangtoeslag", Uitkomst, REGELING).maandbedragen)


# --- kosten van bestaan (art. 16) ----------------------------------------------------------------------------
def pensioengerechtigd(inv: Invoer, aow_leeftijd: float) -> np.ndarray:
    """(N, 12) the belastingschuldige or the echtgenoot has reached the AOW age (art. 16 lid 2) on the first day of the
    month (the AOW age in years and months, AOW art. 7a)."""
    a = inv.bereikt("aanvrager", aow_leeftijd)
    p_ = inv.bereikt("partner", aow_leeftijd) & inv.heeft_partner
    return a | p_


def bijstandsnorm(inv: Invoer, eerder: dict[str, Uitkomst]) -> tuple[np.ndarray, np.ndarray]:
    """(N, 12) the applicable bijstandsnorm (art. 16 lid 1-2; Participatiewet art. 20-22a) as the bijstand computed it,
    and (N, 12) the names of its kinds."""
    bij = nodig(eerder, "bijstand", Bijstandsnorm, REGELING)
    norm = np.broadcast_to(np.asarray(bij.per_maand, dtype=float), (inv.n, 12))
    return norm, np.asarray(NORM_SOORTEN, dtype=object)[np.asarray(bij.soort_per_maand)]


def netto_aow_per_maand(inv: Invoer, p) -> np.ndarray:
    """(N, 12) the netto AOW of an alleenstaande, or of echtgenoten together (Regeling medeoverheden art. 3)."""
    return np.where(inv.heeft_partner, p.per_maand("kwijtschelding.netto_aow_echtgenoten"),
                    p.per_maand("kwijtschelding.netto_aow_alleenstaande"))


def kosten_van_bestaan(norm: np.ndarray, percentage: np.ndarray, netto_aow_kiezen: np.ndarray, pensioen: np.ndarray,
                       netto_aow: np.ndarray, percentage_aow: np.ndarray) -> np.ndarray:
    """(N, 12) art. 16: percentage × bijstandsnorm; for pensioengerechtigden the gemeente may take a percentage of
    the netto AOW instead (Regeling kwijtschelding belastingen medeoverheden art. 3)."""
    gewoon = percentage[:, None] * norm
    aow = percentage_aow[:, None] * netto_aow
    return np.where(netto_aow_kiezen[:, None] & pensioen, aow, gewoon)


def betalingscapaciteit(netto_besteedbaar: np.ndarray, kosten: np.ndarray) -> np.ndarray:
    """(N,) art. 13: 12 × the positive difference of the monthly averages."""
    return 12.0 * np.maximum(0.0, netto_besteedbaar.mean(axis=1) - kosten.mean(axis=1))


# --- vermogen and the grant (art. 11-12) ---------------------------------------------------------------------
def huishoudtype(inv: Invoer) -> np.ndarray:
    """(N,) index into HUISHOUDTYPEN in the month of the peildatum (when the verzoek is made; January before the
    year, December after it): echtgenoten, alleenstaande ouder (a child lives in), alleenstaande."""
    maand = np.clip(inv.peildatum_maand, 0, 11)
    geboren = inv.leeftijd("bewoner")[np.arange(inv.n), :, maand] >= 0                  # (N, B)
    kind = (inv.bewoner_aanwezig & inv.bewoner_is_kind & geboren).any(axis=1)
    return np.where(inv.heeft_partner[np.arange(inv.n), maand], 2, np.where(kind, 1, 0))


def extra_vrijlating(beleid: Beleid, typen: np.ndarray) -> np.ndarray:
    """(N,) the gemeente's extra financiële middelen (Regeling medeoverheden art. 4): a number, or a table by type."""
    uit = np.zeros(typen.shape[0])
    for masker, w in beleid.per_gemeente("extra_financiele_middelen"):
        tabel = np.array([float(w[t]) for t in HUISHOUDTYPEN]) if isinstance(w, dict) else np.full(len(HUISHOUDTYPEN), float(w or 0))
        uit = np.where(masker, tabel[typen], uit)
    return uit


def vrijgelaten_vermogen(kosten: np.ndarray, woon: np.ndarray, zorg: np.ndarray, extra: np.ndarray) -> np.ndarray:
    """(N,) art. 12 lid 2 onder d: financial means up to the kosten van bestaan plus the monthly average of the
    art. 15 b and c uitgaven are not counted; the gemeente may raise this."""
    return kosten.mean(axis=1) + (woon + zorg).mean(axis=1) + extra


def kwijtschelding_bedrag(aanslag: np.ndarray, vermogen_in: np.ndarray, bc: np.ndarray, deel: np.ndarray,
                          gedeeltelijk: np.ndarray) -> np.ndarray:
    """(N,) art. 11: the aanslag after the vermogen and the share of the betalingscapaciteit are used (onder b), the
    whole aanslag without either (onder a). A gemeente without partial kwijtschelding grants only the whole.
    Rounded down to whole cents."""
    rest = np.maximum(0.0, aanslag - vermogen_in - deel * bc)
    volledig = (vermogen_in + deel * bc) <= 0
    bedrag = np.where(gedeeltelijk, rest, np.where(volledig, aanslag, 0.0))
    return np.floor(np.round(bedrag * 100, 6)) / 100      # whole cents, never above the aanslag


def over_twaalf_maanden(jaarbedrag: np.ndarray) -> np.ndarray:
    """(N, 12) the annual kwijtschelding spread evenly over the months for the netto overview (unrounded, so the
    months add up to the annual amount and none is negative; the JSON rounds to cents)."""
    return np.repeat(jaarbedrag[:, None] / 12.0, 12, axis=1)


def is_ondernemer(inv: Invoer) -> np.ndarray:
    """(N,) winst in the year (aanvrager, or the partner in a month with partner): art. 28 lid 1 onder b."""
    return (partnerinkomen(inv, ("winst",)) > 0).any(axis=1)


def vaste_bedragen(p) -> dict[str, float]:
    """Fixed URI amounts samenloop cannot apply (no car, inboedel or repayments in the household) but states:
    art. 12 lid 2 onder a and c, the Leidraad practice for the car, art. 17."""
    return {k: p(f"kwijtschelding.{k}") for k in ("inboedel_vrijstelling", "auto_vrijstelling_uri",
                                                  "auto_vrijstelling_praktijk", "aflossingen_andere_schulden_grens")}


# --- the regeling ----------------------------------------------------------------------------------------------
def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    eerder = eerder or {}
    p = parameters.lezer()
    beleid = Beleid(inv, REGELING, parameters.gemeente_wijzigingen)

    netto, ontvangen_bijstand = netto_inkomen(eerder)
    bijstand, bijstand_berekend, bijstand_recht = bijstand_per_maand(eerder, ontvangen_bijstand)
    huurtoeslag = huurtoeslag_per_maand(eerder)
    woon = netto_woonlasten_uitgave(inv, p, huurtoeslag)
    zorg = zorgpremie_uitgave(inv, p, eerder)
    opvang_kiezen = beleid.vlag("netto_kinderopvangkosten_als_uitgave")
    opvang = np.where(opvang_kiezen[:, None], netto_kinderopvangkosten(inv, eerder), 0.0)
    netto_besteedbaar = netto + bijstand - woon - zorg - opvang

    pensioen = pensioengerechtigd(inv, p("algemeen.aow_leeftijd"))
    norm, norm_soort = bijstandsnorm(inv, eerder)
    aow_kiezen = beleid.vlag("kosten_van_bestaan_pensioen_netto_aow")
    netto_aow = netto_aow_per_maand(inv, p) if (aow_kiezen[:, None] & pensioen).any() else np.zeros((inv.n, 12))
    kosten = kosten_van_bestaan(norm, beleid.getal("norm_percentage_bijstandsnorm"), aow_kiezen, pensioen,
                                netto_aow, beleid.getal("percentage_netto_aow"))
    bc = betalingscapaciteit(netto_besteedbaar, kosten)

    typen = huishoudtype(inv)
    grens = vrijgelaten_vermogen(kosten, woon, zorg, extra_vrijlating(beleid, typen))
    vermogen_in = np.maximum(0.0, inv.vermogen - grens)

    aanslag = inv.gemeentelijke_belastingen
    deel = beleid.getal("deel_betalingscapaciteit")
    gedeeltelijk = beleid.vlag("gedeeltelijke_kwijtschelding")
    ondernemer = is_ondernemer(inv)
    uitgesloten = ondernemer & ~beleid.vlag("ondernemers")
    mag = ~uitgesloten
    zonder_vermogen = np.where(mag, kwijtschelding_bedrag(aanslag, np.zeros(inv.n), bc, deel, gedeeltelijk), 0.0)
    jaarbedrag = np.where(mag, kwijtschelding_bedrag(aanslag, vermogen_in, bc, deel, gedeeltelijk), 0.0)
    recht = jaarbedrag > 0
    maandbedragen = over_twaalf_maanden(jaarbedrag)

    nb_jaar = 12.0 * netto_besteedbaar.mean(axis=1)
    kvb_jaar = 12.0 * kosten.mean(axis=1)
    marge = np.where(recht & (bc <= 0), np.maximum(0.0, kvb_jaar - nb_jaar), 0.0)
    marge_einde = np.where(recht, marge + np.where(gedeeltelijk & (deel > 0), jaarbedrag / np.where(deel > 0, deel, 1.0),
                                                   0.0), 0.0)
    vast = vaste_bedragen(p)

    a = dict(inv=inv, p=p, beleid=beleid, netto=netto, bijstand=bijstand,
             bijstand_berekend=bijstand_berekend, bijstand_recht=bijstand_recht, ontvangen_bijstand=ontvangen_bijstand,
             huurtoeslag=huurtoeslag,
             woon=woon, zorg=zorg, opvang=opvang, opvang_kiezen=opvang_kiezen, nb=netto_besteedbaar, norm=norm,
             norm_soort=norm_soort, pensioen=pensioen, aow_kiezen=aow_kiezen, netto_aow=netto_aow, kosten=kosten,
             bc=bc, grens=grens, vermogen_in=vermogen_in, aanslag=aanslag, deel=deel,
             gedeeltelijk=gedeeltelijk, ondernemer=ondernemer, uitgesloten=uitgesloten, jaarbedrag=jaarbedrag,
             zonder_vermogen=zonder_vermogen, marge=marge, typen=typen, vast=vast)

    def bronnen(i: int) -> list[str]:
        uit = [f"{BRON_URI} art. 11", f"{BRON_URI} art. 12 lid 1-2", f"{BRON_URI} art. 13", f"{BRON_URI} art. 14-15",
               f"{BRON_URI} art. 16", f"{BRON_URI} art. 17", f"{BRON_URI} art. 27-28",
               "Regeling kwijtschelding belastingen medeoverheden art. 2-4"]
        if beleid.bron(i):
            uit.append(f"{beleid.naam(i)}: {beleid.bron(i)}")
        return uit + [f"{r.id}: {r.bron}" for r in (parameters.record(x) for x in p.gelezen)]

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=maandbedragen, jaarbedrag=jaarbedrag, recht=recht,
        uitleg=lambda i: _uitleg(i, **a), bronnen=bronnen,
        waarschuwingen=lambda i: _waarschuwingen(i, **a),
        lezer=p,
        signaalbronnen={"bron_recht": f"{BRON_URI} art. 11 en 13", "bron_vermogen": f"{BRON_URI} art. 12 lid 2 onder d"},
        feiten={
            "betalingscapaciteit": bc,
            "aanslag": aanslag,
            "kosten_van_bestaan_jaar": kvb_jaar,
            "netto_besteedbaar_jaar": nb_jaar,
            "vermogen": inv.vermogen,
            "vermogensgrens": grens,
            "jaarbedrag_zonder_vermogenstoets": zonder_vermogen,
            "marge_tot_grens": marge,
            "marge_tot_einde": marge_einde,
            "deel_betalingscapaciteit": deel,
            "ondernemer_uitgesloten": uitgesloten,
            # the terms for the request: the gemeente's policy, and the national beroepstermijn (URI art. 24, 28)
            "aanvraag_binnen_weken_na_aanslag": beleid.getal("aanvraag_binnen_weken_na_aanslag").astype(np.int64),
            "termijn_na_laatste_betaling_maanden": beleid.getal("termijn_na_laatste_betaling_maanden").astype(np.int64),
            "beroep_dagen": np.full(inv.n, int(parameters.waarde("kwijtschelding.beroep_dagen"))),
        },
        details={
            "netto_besteedbaar_per_maand": netto_besteedbaar,
            "kosten_van_bestaan_per_maand": kosten,
        },
    )


# --- explanation ---------------------------------------------------------------------------------------------
def _uitleg(i, *, inv, p, beleid, netto, bijstand, bijstand_berekend, bijstand_recht, ontvangen_bijstand,
            huurtoeslag, woon, zorg, opvang, opvang_kiezen, nb, norm,
            norm_soort, pensioen, aow_kiezen, netto_aow, kosten, bc, grens, vermogen_in, aanslag, deel,
            gedeeltelijk, ondernemer, uitgesloten, jaarbedrag, zonder_vermogen, marge, typen, vast) -> list[str]:
    e, pct = opmaak.euro, opmaak.procent
    r = []
    belastingen = beleid.record(i, "belastingen").waarde
    wie = beleid.naam(i) if beleid.ids[i] == "standaard" else f"Gemeente {beleid.naam(i)}"
    r.append(f"{wie}: kwijtschelding voor {belastingen}; aanslag {e(aanslag[i], centen=True)} (URI art. 27 onder b).")
    if aanslag[i] <= 0:
        r.append("Geen aanslag gemeentelijke belastingen opgegeven, dus niets kwijt te schelden (URI art. 11).")
    if uitgesloten[i]:
        r.append("Geen kwijtschelding: er is winst uit onderneming en deze gemeente behandelt de privé-belastingen van "
                 "ondernemers niet als die van particulieren; voor ondernemers gelden de akkoordregels "
                 "(URI art. 28 lid 1 onder b).")
        return r
    if ondernemer[i]:
        r.append("Er is winst uit onderneming; deze gemeente behandelt de privé-belastingen van ondernemers als die van "
                 "particulieren (URI art. 28 lid 1 onder a; gemeentelijke regeling).")
    zonder = " zonder bijstand" if bijstand[i].any() else ""
    delen = [f"netto inkomen{zonder} {e(netto[i].mean(), centen=True)}"]
    if bijstand[i].any():
        delen.append(f"+ bijstand {e(bijstand[i].mean(), centen=True)} netto ({_bijstand_bron(i, bijstand_berekend, ontvangen_bijstand, bijstand_recht)})")
    if inv.huurwoning[i]:
        huur = inv.kale_huur[i].mean()
        delen.append(f"− woonlasten boven de minimum-normhuur {e(woon[i].mean(), centen=True)} (huur "
                     f"{e(huur, centen=True)} min huurtoeslag {e(huurtoeslag[i].mean(), centen=True)} = "
                     f"{e(huur - huurtoeslag[i].mean(), centen=True)}, ten hoogste tot "
                     f"{e(p('kwijtschelding.maximale_huurgrens'), centen=True)}, boven "
                     f"{e(p('kwijtschelding.minimum_normhuur'), centen=True)})")
    if zorg[i].any():
        delen.append(f"− zorgpremie boven normpremie en zorgtoeslag {e(zorg[i].mean(), centen=True)}")
    if opvang[i].any():
        delen.append(f"− netto kinderopvangkosten {e(opvang[i].mean(), centen=True)} (URI art. 28 lid 3)")
    r.append("Netto besteedbaar inkomen, gemiddeld per maand: " + " ".join(delen)
             + f" = {e(nb[i].mean(), centen=True)} (URI art. 14-15).")
    m = 0
    if aow_kiezen[i] and pensioen[i].any():
        r.append(f"Kosten van bestaan: {pct(beleid.record(i, 'percentage_netto_aow').waarde)} van de netto AOW "
                 f"{e(netto_aow[i, m], centen=True)} = {e(kosten[i].mean(), centen=True)} per maand (gemiddeld) "
                 "(URI art. 16 lid 2; Regeling kwijtschelding belastingen medeoverheden art. 3; gemeentelijke regeling).")
    else:
        soort = f" ({norm_soort[i, m]})"
        normtekst = (f"{e(norm[i, m], centen=True)}" if np.allclose(norm[i], norm[i, m])
                     else f"gemiddeld {e(norm[i].mean(), centen=True)} ({e(norm[i, m], centen=True)} in januari, "
                          f"{e(norm[i, -1], centen=True)} in december)")
        r.append(f"Kosten van bestaan: {pct(beleid.record(i, 'norm_percentage_bijstandsnorm').waarde)} van de "
                 f"bijstandsnorm {normtekst}{soort} = {e(kosten[i].mean(), centen=True)} per maand "
                 "(URI art. 16; Regeling kwijtschelding belastingen medeoverheden art. 2).")
    if bc[i] > 0:
        r.append(f"Betalingscapaciteit: 12 × ({e(nb[i].mean(), centen=True)} − {e(kosten[i].mean(), centen=True)}) = "
                 f"{e(bc[i], centen=True)} per jaar (URI art. 13).")
    else:
        r.append("Geen betalingscapaciteit: het netto besteedbaar inkomen is niet hoger dan de kosten van bestaan "
                 "(URI art. 13).")
    r.append(f"Vermogen {e(inv.vermogen[i])} (rendementsgrondslag box 3); vrijgelaten tot {e(grens[i], centen=True)}: "
             "de kosten van bestaan plus de gemiddelde woon- en zorguitgaven van een maand"
             + (" plus de extra ruimte van de gemeente" if grens[i] > kosten[i].mean() + (woon[i] + zorg[i]).mean() + 0.005 else "")
             + " (URI art. 12 lid 2 onder d).")
    if vermogen_in[i] > 0:
        r.append(f"Het vermogen boven die grens, {e(vermogen_in[i], centen=True)}, gaat eerst naar de aanslag "
                 "(URI art. 11 onder b 1°).")
    d = deel[i]
    if aanslag[i] > 0:
        if not gedeeltelijk[i]:
            if jaarbedrag[i] > 0:
                r.append(f"Kwijtschelding van de hele aanslag: {e(jaarbedrag[i], centen=True)} (URI art. 11 onder a); "
                         "deze gemeente scheldt alleen volledig kwijt.")
            else:
                r.append("Geen kwijtschelding: deze gemeente scheldt alleen volledig kwijt, en er is betalingscapaciteit "
                         "of vermogen boven de vrijlating (URI art. 11; gemeentelijke regeling).")
        elif bc[i] <= 0 and vermogen_in[i] <= 0:
            r.append(f"Kwijtschelding van de hele aanslag: {e(jaarbedrag[i], centen=True)} (URI art. 11 onder a).")
        else:
            r.append(f"Kwijtschelding: {e(aanslag[i], centen=True)}"
                     + (f" − vermogen {e(vermogen_in[i], centen=True)}" if vermogen_in[i] > 0 else "")
                     + (f" − {pct(d)} van {e(bc[i], centen=True)} = {e(d * bc[i], centen=True)}" if bc[i] > 0 else "")
                     + f" = {e(jaarbedrag[i], centen=True)}" + (" (niet minder dan nul)" if jaarbedrag[i] <= 0 else "")
                     + " (URI art. 11 onder b).")
    if jaarbedrag[i] > 0:
        r.append(f"Per maand {e(jaarbedrag[i] / 12, centen=True)}: de kwijtschelding verlaagt de jaaraanslag; samenloop "
                 "verdeelt haar over 12 maanden voor het overzicht van het netto inkomen.")
    if marge[i] > 0:
        r.append(f"Volledige kwijtschelding tot {e(marge[i], centen=True)} extra netto besteedbaar inkomen per jaar; "
                 + (f"daarboven daalt de kwijtschelding met {pct(d)} van iedere extra euro (URI art. 11 en 13)."
                    if gedeeltelijk[i] else "daarboven vervalt de kwijtschelding helemaal (gemeentelijke regeling).")
                 )
    elif jaarbedrag[i] > 0 and bc[i] > 0:
        r.append(f"Iedere extra euro netto inkomen verlaagt de kwijtschelding met {pct(d)} van die euro (URI art. 11 en 13).")
    r.append(f"Lost u meer dan {e(vast['aflossingen_andere_schulden_grens'])} per maand af op andere schulden, "
             "dan volgt kwijtschelding alleen in zeer bijzondere omstandigheden (URI art. 17).")
    r.append("Kwijtschelding vraagt u aan bij de gemeente (of het samenwerkingsverband dat de belastingen int), binnen "
             "de termijn op het aanslagbiljet (URI art. 27-28).")
    return r


def _bijstand_bron(i: int, berekend: np.ndarray, ontvangen: np.ndarray, recht: np.ndarray) -> str:
    """Where the bijstand in the income comes from: the computed right, what is received now, or both by month."""
    if not berekend[i].any():
        if np.allclose(recht[i], ontvangen[i], rtol=0, atol=HALVE_CENT):
            return "wat nu wordt ontvangen, gelijk aan het berekende recht"
        return "wat nu wordt ontvangen"
    if berekend[i].all() or not ontvangen[i].any():
        return "het berekende recht"
    return (f"het berekende recht in {opmaak.maanden(np.flatnonzero(berekend[i]))}, anders wat nu wordt ontvangen, "
            "het hoogste van de twee")


def _waarschuwingen(i, *, inv, p, beleid, pensioen, aow_kiezen,
                    ondernemer, vermogen_in, grens, aanslag, vast, **_) -> list[str]:
    e = opmaak.euro
    w = []
    if inv.heeft_partner[i].any() and not inv.heeft_partner[i].all():
        w.append("De partner hoort niet het hele jaar bij het huishouden. samenloop rekent per maand met het inkomen en "
                 "de norm van die maand en kiest de extra vrijlating van de gemeente naar de situatie op de peildatum; "
                 "de gemeente beoordeelt het verzoek naar de situatie op het moment van het verzoek.")
    if not inv.huurwoning[i]:
        w.append("Geen huurwoning: hypotheekrente of erfpacht kent samenloop niet, dus woonlasten tellen niet mee als "
                 "uitgave (URI art. 15 onder b). De kwijtschelding kan hoger zijn.")
    w.append(f"Vermogen is de rendementsgrondslag box 3 op 1 januari; de gemeente kijkt naar het vermogen bij de aanvraag. "
             f"Inboedel tot {e(vast['inboedel_vrijstelling'])} en een auto tot "
             f"{e(vast['auto_vrijstelling_uri'])} (URI art. 12 lid 2 onder a en c; in de praktijk vaak "
             f"{e(vast['auto_vrijstelling_praktijk'])}) tellen niet mee, hoger bevoorrechte schulden gaan eraf.")
    w.append("De betalingscapaciteit gaat over de 12 maanden vanaf de aanvraag (URI art. 13); samenloop rekent met het "
             "kalenderjaar.")
    jaren = beleid.record(i, "regeling_jaren").waarde
    if jaren and inv.jaar not in jaren:
        w.append(f"De regeling van {beleid.naam(i)} in samenloop geldt voor {', '.join(map(str, jaren))}, niet voor "
                 f"{inv.jaar}; de uitkomst gebruikt haar keuzes toch.")
    sleutels = ["norm_percentage_bijstandsnorm", "deel_betalingscapaciteit", "gedeeltelijke_kwijtschelding"]
    dichtbij = instellingen.waarde("kwijtschelding.vermogen_dicht_bij_grens")  # a samenloop choice, not the law's
    if vermogen_in[i] > 0 or inv.vermogen[i] > dichtbij * grens[i]:
        sleutels.append("extra_financiele_middelen")
    if pensioen[i].any():
        sleutels.append("kosten_van_bestaan_pensioen_netto_aow")
        if aow_kiezen[i]:
            sleutels.append("percentage_netto_aow")
    if ondernemer[i]:
        sleutels.append("ondernemers")
    return w + beleid.onzeker(i, sleutels)


REGISTRATIE = Regeling(
    sleutel=REGELING, naam="kwijtschelding gemeentelijke belastingen", instantie=INSTANTIE, soort="uitkering",
    bereken=bereken,
    # the net income (URI art. 14), the bijstand and its norm (art. 14, 16), and what the toeslagen pay against the
    # woonlasten, the zorgpremie and the childcare costs (art. 15, 28 lid 3)
    nodig={"inkomstenbelasting": InkomenNaBelasting, "bijstand": Bijstandsnorm, "huurtoeslag": Uitkomst,
           "zorgtoeslag": Uitkomst, "kinderopvangtoeslag": Uitkomst},
    feitvelden=(
        Veld("aanslag", "getal", "de aanslag gemeentelijke belastingen"),
        Veld("betalingscapaciteit", "getal", "de betalingscapaciteit per jaar (URI art. 13)"),
        Veld("kosten_van_bestaan_jaar", "getal", "de kosten van bestaan per jaar (URI art. 16)"),
        Veld("netto_besteedbaar_jaar", "getal", "het netto besteedbaar inkomen per jaar (URI art. 14-15)"),
        Veld("vermogen", "getal", "het vermogen (box 3 op 1 januari)"),
        Veld("vermogensgrens", "getal", "het vrijgelaten vermogen (URI art. 12 lid 2 onder d)"),
        Veld("jaarbedrag_zonder_vermogenstoets", "getal", "de kwijtschelding als het vermogen niet meetelde"),
        Veld("marge_tot_grens", "getal", "hoeveel meer netto per jaar voordat de kwijtschelding daalt"),
        Veld("marge_tot_einde", "getal", "hoeveel meer netto per jaar voordat de kwijtschelding helemaal vervalt"),
        Veld("deel_betalingscapaciteit", "getal", "het deel van de betalingscapaciteit dat de gemeente vraagt"),
        Veld("ondernemer_uitgesloten", "waarheid", "winst uit onderneming, en deze gemeente scheldt ondernemers niet "
                                                   "kwijt (URI art. 28)"),
        Veld("aanvraag_binnen_weken_na_aanslag", "geheel", "de termijn van de gemeente voor het verzoek, in weken na "
                                                           "de aanslag (0 = geen vaste termijn)"),
        Veld("termijn_na_laatste_betaling_maanden", "geheel", "hoe lang na de laatste betaling een al betaalde aanslag "
                                                              "nog kan worden kwijtgescholden, in maanden"),
        Veld("beroep_dagen", "geheel", "de beroepstermijn tegen de beslissing (URI art. 24), in dagen"),
        Veld("bron_vermogen", "tekst", "de wettelijke grondslag van de vermogenstoets"),
    ),
    rang=90,
)
