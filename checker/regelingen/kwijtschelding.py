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

from dataclasses import dataclass

import numpy as np

from .. import instellingen, opmaak
from ..feitsoorten import Veld
from ..invoer import Invoer
from ..parameters import ParameterLezer, Parameters
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
    boven = np.maximum(0.0, np.minimum(netto, p("kwijtschelding.maximale_huurgrens"))
                       - p("kwijtschelding.minimum_normhuur"))
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
        tabel = (np.array([float(w[t]) for t in HUISHOUDTYPEN]) if isinstance(w, dict)
                 else np.full(len(HUISHOUDTYPEN), float(w or 0)))
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


# --- the calculation --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _NettoBesteedbaar:
    """(N, 12) arrays of the netto-besteedbaar inkomen (art. 14-15, art. 28 lid 3) and its parts."""
    netto: np.ndarray                  # the income without the bijstand received now (art. 14 lid 1 onder a-b)
    ontvangen_bijstand: np.ndarray
    bijstand: np.ndarray               # the bijstand that counts (art. 14 lid 1 onder c)
    bijstand_berekend: np.ndarray
    bijstand_recht: np.ndarray
    huurtoeslag: np.ndarray
    woon: np.ndarray                   # art. 15 onder b
    zorg: np.ndarray                   # art. 15 onder c
    opvang: np.ndarray                 # art. 28 lid 3, where the gemeente chooses it
    per_maand: np.ndarray


def _netto_besteedbaar(inv: Invoer, p: ParameterLezer, beleid: Beleid,
                       eerder: dict[str, Uitkomst]) -> _NettoBesteedbaar:
    """Art. 14-15: the net income with the bijstand, minus the woonlasten, the zorgpremie and (where the gemeente
    chooses so, art. 28 lid 3) the netto kinderopvangkosten."""
    netto, ontvangen_bijstand = netto_inkomen(eerder)
    bijstand, bijstand_berekend, bijstand_recht = bijstand_per_maand(eerder, ontvangen_bijstand)
    huurtoeslag = huurtoeslag_per_maand(eerder)
    woon = netto_woonlasten_uitgave(inv, p, huurtoeslag)
    zorg = zorgpremie_uitgave(inv, p, eerder)
    opvang_kiezen = beleid.vlag("netto_kinderopvangkosten_als_uitgave")
    opvang = np.where(opvang_kiezen[:, None], netto_kinderopvangkosten(inv, eerder), 0.0)
    return _NettoBesteedbaar(netto, ontvangen_bijstand, bijstand, bijstand_berekend, bijstand_recht, huurtoeslag,
                             woon, zorg, opvang, netto + bijstand - woon - zorg - opvang)


@dataclass(frozen=True)
class _KostenVanBestaan:
    """(N, 12) arrays of the kosten van bestaan (art. 16; Regeling medeoverheden art. 2-3) and what they rest on."""
    pensioen: np.ndarray
    norm: np.ndarray
    norm_soort: np.ndarray
    aow_kiezen: np.ndarray             # (N,) the gemeente takes the netto AOW for pensioengerechtigden
    netto_aow: np.ndarray
    per_maand: np.ndarray


def _kosten_van_bestaan(inv: Invoer, p: ParameterLezer, beleid: Beleid,
                        eerder: dict[str, Uitkomst]) -> _KostenVanBestaan:
    """Art. 16: a percentage of the bijstandsnorm, or for pensioengerechtigden (if the gemeente chooses so) of the
    netto AOW."""
    pensioen = pensioengerechtigd(inv, p("algemeen.aow_leeftijd"))
    norm, norm_soort = bijstandsnorm(inv, eerder)
    aow_kiezen = beleid.vlag("kosten_van_bestaan_pensioen_netto_aow")
    netto_aow = netto_aow_per_maand(inv, p) if (aow_kiezen[:, None] & pensioen).any() else np.zeros((inv.n, 12))
    kosten = kosten_van_bestaan(norm, beleid.getal("norm_percentage_bijstandsnorm"), aow_kiezen, pensioen,
                                netto_aow, beleid.getal("percentage_netto_aow"))
    return _KostenVanBestaan(pensioen, norm, norm_soort, aow_kiezen, netto_aow, kosten)


def marges(netto_besteedbaar: np.ndarray, kosten: np.ndarray, bc: np.ndarray, jaarbedrag: np.ndarray,
           deel: np.ndarray, gedeeltelijk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(N,) each: how much more net income per year before the kwijtschelding falls (while there is no
    betalingscapaciteit), and before it ends altogether (art. 11, 13)."""
    nb_jaar, kvb_jaar = 12.0 * netto_besteedbaar.mean(axis=1), 12.0 * kosten.mean(axis=1)
    recht = jaarbedrag > 0
    marge = np.where(recht & (bc <= 0), np.maximum(0.0, kvb_jaar - nb_jaar), 0.0)
    marge_einde = np.where(recht, marge + np.where(gedeeltelijk & (deel > 0),
                                                   jaarbedrag / np.where(deel > 0, deel, 1.0), 0.0), 0.0)
    return marge, marge_einde


@dataclass(frozen=True)
class _Berekening:
    """The arrays of one calculation, kept so the explanation is built from the same numbers as the amount."""
    inv: Invoer
    parameters: Parameters
    p: ParameterLezer
    beleid: Beleid
    netto_besteedbaar: _NettoBesteedbaar
    kosten: _KostenVanBestaan
    bc: np.ndarray                     # (N,) betalingscapaciteit per year (art. 13)
    grens: np.ndarray                  # (N,) vrijgelaten vermogen (art. 12 lid 2 onder d)
    vermogen_in: np.ndarray            # (N,) vermogen above it
    aanslag: np.ndarray
    deel: np.ndarray
    gedeeltelijk: np.ndarray
    ondernemer: np.ndarray
    uitgesloten: np.ndarray
    zonder_vermogen: np.ndarray
    jaarbedrag: np.ndarray
    marge: np.ndarray
    marge_einde: np.ndarray
    vast: dict[str, float]

    def feiten(self) -> dict[str, np.ndarray]:
        """The facts the signals read."""
        inv, beleid = self.inv, self.beleid
        return {
            "betalingscapaciteit": self.bc,
            "aanslag": self.aanslag,
            "kosten_van_bestaan_jaar": 12.0 * self.kosten.per_maand.mean(axis=1),
            "netto_besteedbaar_jaar": 12.0 * self.netto_besteedbaar.per_maand.mean(axis=1),
            "vermogen": inv.vermogen,
            "vermogensgrens": self.grens,
            "jaarbedrag_zonder_vermogenstoets": self.zonder_vermogen,
            "marge_tot_grens": self.marge,
            "marge_tot_einde": self.marge_einde,
            "deel_betalingscapaciteit": self.deel,
            "ondernemer_uitgesloten": self.uitgesloten,
            # the terms for the request: the gemeente's policy, and the national beroepstermijn (URI art. 24, 28)
            "aanvraag_binnen_weken_na_aanslag": beleid.getal("aanvraag_binnen_weken_na_aanslag").astype(np.int64),
            "termijn_na_laatste_betaling_maanden": beleid.getal("termijn_na_laatste_betaling_maanden").astype(np.int64),
            "beroep_dagen": np.full(inv.n, int(self.parameters.waarde("kwijtschelding.beroep_dagen"))),
        }

    # --- explanation -----------------------------------------------------------------------------------------
    def uitleg(self, i: int) -> list[str]:
        r = self._aanslag(i)
        if self.uitgesloten[i]:
            return r + ["Geen kwijtschelding: er is winst uit onderneming en deze gemeente behandelt de "
                        "privé-belastingen van ondernemers niet als die van particulieren; voor ondernemers gelden de "
                        "akkoordregels (URI art. 28 lid 1 onder b)."]
        if self.ondernemer[i]:
            r.append("Er is winst uit onderneming; deze gemeente behandelt de privé-belastingen van ondernemers als "
                     "die van particulieren (URI art. 28 lid 1 onder a; gemeentelijke regeling).")
        return (r + [self._netto_besteedbaar_regel(i), self._kosten_van_bestaan_regel(i),
                     self._betalingscapaciteit_regel(i)]
                + self._vermogen(i) + self._kwijtschelding(i) + self._per_maand_en_marge(i) + self._aanvraag())

    def _aanslag(self, i: int) -> list[str]:
        """The gemeente, the taxes it remits and the aanslag (URI art. 27 onder b, art. 11)."""
        e, beleid = opmaak.euro, self.beleid
        belastingen = beleid.record(i, "belastingen").waarde
        wie = beleid.naam(i) if beleid.ids[i] == "standaard" else f"Gemeente {beleid.naam(i)}"
        r = [f"{wie}: kwijtschelding voor {belastingen}; aanslag {e(self.aanslag[i], centen=True)} "
             "(URI art. 27 onder b)."]
        if self.aanslag[i] <= 0:
            r.append("Geen aanslag gemeentelijke belastingen opgegeven, dus niets kwijt te schelden (URI art. 11).")
        return r

    def _netto_besteedbaar_regel(self, i: int) -> str:
        """The netto-besteedbaar inkomen as a monthly average with its parts (URI art. 14-15, art. 28 lid 3)."""
        e, nb, inv, p = opmaak.euro, self.netto_besteedbaar, self.inv, self.p
        zonder = " zonder bijstand" if nb.bijstand[i].any() else ""
        delen = [f"netto inkomen{zonder} {e(nb.netto[i].mean(), centen=True)}"]
        if nb.bijstand[i].any():
            bron = _bijstand_bron(i, nb.bijstand_berekend, nb.ontvangen_bijstand, nb.bijstand_recht)
            delen.append(f"+ bijstand {e(nb.bijstand[i].mean(), centen=True)} netto ({bron})")
        if inv.huurwoning[i]:
            huur, huurtoeslag = inv.kale_huur[i].mean(), nb.huurtoeslag[i].mean()
            delen.append(f"− woonlasten boven de minimum-normhuur {e(nb.woon[i].mean(), centen=True)} (huur "
                         f"{e(huur, centen=True)} min huurtoeslag {e(huurtoeslag, centen=True)} = "
                         f"{e(huur - huurtoeslag, centen=True)}, ten hoogste tot "
                         f"{e(p('kwijtschelding.maximale_huurgrens'), centen=True)}, boven "
                         f"{e(p('kwijtschelding.minimum_normhuur'), centen=True)})")
        if nb.zorg[i].any():
            delen.append(f"− zorgpremie boven normpremie en zorgtoeslag {e(nb.zorg[i].mean(), centen=True)}")
        if nb.opvang[i].any():
            delen.append(f"− netto kinderopvangkosten {e(nb.opvang[i].mean(), centen=True)} (URI art. 28 lid 3)")
        return ("Netto besteedbaar inkomen, gemiddeld per maand: " + " ".join(delen)
                + f" = {e(nb.per_maand[i].mean(), centen=True)} (URI art. 14-15).")

    def _kosten_van_bestaan_regel(self, i: int) -> str:
        """The kosten van bestaan: a percentage of the netto AOW or of the bijstandsnorm (URI art. 16; Regeling
        medeoverheden art. 2-3); the norm as of January."""
        e, pct, k, m = opmaak.euro, opmaak.procent, self.kosten, 0
        if k.aow_kiezen[i] and k.pensioen[i].any():
            return (f"Kosten van bestaan: {pct(self.beleid.record(i, 'percentage_netto_aow').waarde)} van de netto AOW "
                    f"{e(k.netto_aow[i, m], centen=True)} = {e(k.per_maand[i].mean(), centen=True)} per maand "
                    "(gemiddeld) (URI art. 16 lid 2; Regeling kwijtschelding belastingen medeoverheden art. 3; "
                    "gemeentelijke regeling).")
        soort = f" ({k.norm_soort[i, m]})"
        normtekst = (f"{e(k.norm[i, m], centen=True)}" if np.allclose(k.norm[i], k.norm[i, m])
                     else f"gemiddeld {e(k.norm[i].mean(), centen=True)} ({e(k.norm[i, m], centen=True)} in januari, "
                          f"{e(k.norm[i, -1], centen=True)} in december)")
        return (f"Kosten van bestaan: {pct(self.beleid.record(i, 'norm_percentage_bijstandsnorm').waarde)} van de "
                f"bijstandsnorm {normtekst}{soort} = {e(k.per_maand[i].mean(), centen=True)} per maand "
                "(URI art. 16; Regeling kwijtschelding belastingen medeoverheden art. 2).")

    def _betalingscapaciteit_regel(self, i: int) -> str:
        """12 × the netto-besteedbaar inkomen above the kosten van bestaan (URI art. 13)."""
        e = opmaak.euro
        if self.bc[i] > 0:
            return (f"Betalingscapaciteit: 12 × ({e(self.netto_besteedbaar.per_maand[i].mean(), centen=True)} − "
                    f"{e(self.kosten.per_maand[i].mean(), centen=True)}) = {e(self.bc[i], centen=True)} per jaar "
                    "(URI art. 13).")
        return ("Geen betalingscapaciteit: het netto besteedbaar inkomen is niet hoger dan de kosten van bestaan "
                "(URI art. 13).")

    def _vermogen(self, i: int) -> list[str]:
        """The vrijgelaten vermogen (URI art. 12 lid 2 onder d) and the vermogen above it (art. 11 onder b 1°)."""
        e, nb = opmaak.euro, self.netto_besteedbaar
        zonder_extra = self.kosten.per_maand[i].mean() + (nb.woon[i] + nb.zorg[i]).mean()
        r = [f"Vermogen {e(self.inv.vermogen[i])} (rendementsgrondslag box 3); vrijgelaten tot "
             f"{e(self.grens[i], centen=True)}: de kosten van bestaan plus de gemiddelde woon- en zorguitgaven van een "
             "maand" + (" plus de extra ruimte van de gemeente" if self.grens[i] > zonder_extra + 0.005 else "")
             + " (URI art. 12 lid 2 onder d)."]
        if self.vermogen_in[i] > 0:
            r.append(f"Het vermogen boven die grens, {e(self.vermogen_in[i], centen=True)}, gaat eerst naar de aanslag "
                     "(URI art. 11 onder b 1°).")
        return r

    def _kwijtschelding(self, i: int) -> list[str]:
        """The kwijtschelding: the whole aanslag (URI art. 11 onder a), or what the vermogen and the share of the
        betalingscapaciteit leave (onder b); a gemeente may grant only the whole."""
        e, pct = opmaak.euro, opmaak.procent
        aanslag, jaarbedrag, bc, vermogen_in, d = (self.aanslag[i], self.jaarbedrag[i], self.bc[i],
                                                   self.vermogen_in[i], self.deel[i])
        if aanslag <= 0:
            return []
        if not self.gedeeltelijk[i]:
            if jaarbedrag > 0:
                return [f"Kwijtschelding van de hele aanslag: {e(jaarbedrag, centen=True)} (URI art. 11 onder a); "
                        "deze gemeente scheldt alleen volledig kwijt."]
            return ["Geen kwijtschelding: deze gemeente scheldt alleen volledig kwijt, en er is betalingscapaciteit "
                    "of vermogen boven de vrijlating (URI art. 11; gemeentelijke regeling)."]
        if bc <= 0 and vermogen_in <= 0:
            return [f"Kwijtschelding van de hele aanslag: {e(jaarbedrag, centen=True)} (URI art. 11 onder a)."]
        return [f"Kwijtschelding: {e(aanslag, centen=True)}"
                + (f" − vermogen {e(vermogen_in, centen=True)}" if vermogen_in > 0 else "")
                + (f" − {pct(d)} van {e(bc, centen=True)} = {e(d * bc, centen=True)}" if bc > 0 else "")
                + f" = {e(jaarbedrag, centen=True)}" + (" (niet minder dan nul)" if jaarbedrag <= 0 else "")
                + " (URI art. 11 onder b)."]

    def _per_maand_en_marge(self, i: int) -> list[str]:
        """The kwijtschelding per month in the overview, and how extra income would lower it (URI art. 11 en 13)."""
        e, pct, d = opmaak.euro, opmaak.procent, self.deel[i]
        r = []
        if self.jaarbedrag[i] > 0:
            r.append(f"Per maand {e(self.jaarbedrag[i] / 12, centen=True)}: de kwijtschelding verlaagt de jaaraanslag; "
                     "samenloop verdeelt haar over 12 maanden voor het overzicht van het netto inkomen.")
        if self.marge[i] > 0:
            r.append(f"Volledige kwijtschelding tot {e(self.marge[i], centen=True)} extra netto besteedbaar inkomen "
                     "per jaar; "
                     + (f"daarboven daalt de kwijtschelding met {pct(d)} van iedere extra euro (URI art. 11 en 13)."
                        if self.gedeeltelijk[i] else "daarboven vervalt de kwijtschelding helemaal (gemeentelijke "
                                                     "regeling)."))
        elif self.jaarbedrag[i] > 0 and self.bc[i] > 0:
            r.append(f"Iedere extra euro netto inkomen verlaagt de kwijtschelding met {pct(d)} van die euro "
                     "(URI art. 11 en 13).")
        return r

    def _aanvraag(self) -> list[str]:
        """The aflossingen that bar kwijtschelding (URI art. 17), and where to ask for it (art. 27-28)."""
        return [f"Lost u meer dan {opmaak.euro(self.vast['aflossingen_andere_schulden_grens'])} per maand af op andere "
                "schulden, dan volgt kwijtschelding alleen in zeer bijzondere omstandigheden (URI art. 17).",
                "Kwijtschelding vraagt u aan bij de gemeente (of het samenwerkingsverband dat de belastingen int), "
                "binnen de termijn op het aanslagbiljet (URI art. 27-28)."]

    def bronnen(self, i: int) -> list[str]:
        uit = [f"{BRON_URI} art. 11", f"{BRON_URI} art. 12 lid 1-2", f"{BRON_URI} art. 13", f"{BRON_URI} art. 14-15",
               f"{BRON_URI} art. 16", f"{BRON_URI} art. 17", f"{BRON_URI} art. 27-28",
               "Regeling kwijtschelding belastingen medeoverheden art. 2-4"]
        if self.beleid.bron(i):
            uit.append(f"{self.beleid.naam(i)}: {self.beleid.bron(i)}")
        return uit + [f"{r.id}: {r.bron}" for r in (self.parameters.record(x) for x in self.p.gelezen)]

    def waarschuwingen(self, i: int) -> list[str]:
        e, inv, vast = opmaak.euro, self.inv, self.vast
        w = []
        if inv.heeft_partner[i].any() and not inv.heeft_partner[i].all():
            w.append("De partner hoort niet het hele jaar bij het huishouden. samenloop rekent per maand met het "
                     "inkomen en de norm van die maand en kiest de extra vrijlating van de gemeente naar de situatie "
                     "op de peildatum; de gemeente beoordeelt het verzoek naar de situatie op het moment van het "
                     "verzoek.")
        if not inv.huurwoning[i]:
            w.append("Geen huurwoning: hypotheekrente of erfpacht kent samenloop niet, dus woonlasten tellen niet mee "
                     "als uitgave (URI art. 15 onder b). De kwijtschelding kan hoger zijn.")
        w.append(f"Vermogen is de rendementsgrondslag box 3 op 1 januari; de gemeente kijkt naar het vermogen bij de "
                 f"aanvraag. Inboedel tot {e(vast['inboedel_vrijstelling'])} en een auto tot "
                 f"{e(vast['auto_vrijstelling_uri'])} (URI art. 12 lid 2 onder a en c; in de praktijk vaak "
                 f"{e(vast['auto_vrijstelling_praktijk'])}) tellen niet mee, hoger bevoorrechte schulden gaan eraf.")
        w.append("De betalingscapaciteit gaat over de 12 maanden vanaf de aanvraag (URI art. 13); samenloop rekent met "
                 "het kalenderjaar.")
        jaren = self.beleid.record(i, "regeling_jaren").waarde
        if jaren and inv.jaar not in jaren:
            w.append(f"De regeling van {self.beleid.naam(i)} in samenloop geldt voor {', '.join(map(str, jaren))}, "
                     f"niet voor {inv.jaar}; de uitkomst gebruikt haar keuzes toch.")
        return w + self.beleid.onzeker(i, self._beleidskeuzes(i))

    def _beleidskeuzes(self, i: int) -> list[str]:
        """The gemeente's choices that matter for this household, whose uncertainty is worth a warning."""
        sleutels = ["norm_percentage_bijstandsnorm", "deel_betalingscapaciteit", "gedeeltelijke_kwijtschelding"]
        dichtbij = instellingen.waarde("kwijtschelding.vermogen_dicht_bij_grens")  # a samenloop choice, not the law's
        if self.vermogen_in[i] > 0 or self.inv.vermogen[i] > dichtbij * self.grens[i]:
            sleutels.append("extra_financiele_middelen")
        if self.kosten.pensioen[i].any():
            sleutels.append("kosten_van_bestaan_pensioen_netto_aow")
            if self.kosten.aow_kiezen[i]:
                sleutels.append("percentage_netto_aow")
        if self.ondernemer[i]:
            sleutels.append("ondernemers")
        return sleutels


# --- the regeling ----------------------------------------------------------------------------------------------
def bereken(inv: Invoer, parameters: Parameters, eerder: dict[str, Uitkomst] | None = None) -> Uitkomst:
    eerder = eerder or {}
    p = parameters.lezer()
    beleid = Beleid(inv, REGELING, parameters.gemeente_wijzigingen)
    nb = _netto_besteedbaar(inv, p, beleid, eerder)
    kosten = _kosten_van_bestaan(inv, p, beleid, eerder)
    bc = betalingscapaciteit(nb.per_maand, kosten.per_maand)

    typen = huishoudtype(inv)
    grens = vrijgelaten_vermogen(kosten.per_maand, nb.woon, nb.zorg, extra_vrijlating(beleid, typen))
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
    marge, marge_einde = marges(nb.per_maand, kosten.per_maand, bc, jaarbedrag, deel, gedeeltelijk)
    b = _Berekening(inv, parameters, p, beleid, nb, kosten, bc, grens, vermogen_in, aanslag, deel, gedeeltelijk,
                    ondernemer, uitgesloten, zonder_vermogen, jaarbedrag, marge, marge_einde, vaste_bedragen(p))

    return Uitkomst(
        regeling=REGELING, instantie=INSTANTIE, maandbedragen=over_twaalf_maanden(jaarbedrag), jaarbedrag=jaarbedrag,
        recht=recht, uitleg=b.uitleg, bronnen=b.bronnen, waarschuwingen=b.waarschuwingen, lezer=p,
        signaalbronnen={"bron_recht": f"{BRON_URI} art. 11 en 13",
                        "bron_vermogen": f"{BRON_URI} art. 12 lid 2 onder d"},
        feiten=b.feiten(),
        details={
            "netto_besteedbaar_per_maand": nb.per_maand,
            "kosten_van_bestaan_per_maand": kosten.per_maand,
        },
    )


# --- explanation helpers ---------------------------------------------------------------------------------------
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
