"""The quick synthetic population (``hervorming --populatie N``): unweighted, built directly as arrays (no
per-household validation), illustrative. The calibrated national population is in ``landelijk``.

The distributions live in rules/populatie/synthetisch.yaml with their (mostly illustrative) sources. A population is
generated in chunks from a seed, so a national-size run streams with bounded memory and the same seed
always gives the same households.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Iterator

import numpy as np

from .. import paden, yamllader
from ..invoer import INKOMENSBRONNEN, VOORAF, Invoer
from ..regelingen.register import actief

TYPEN = ("alleenstaand", "paar_zonder_kinderen", "paar_met_kinderen", "eenouder")
MAX_KINDEREN = 3


@cache
def verdelingen() -> dict:
    return yamllader.lees_regels(paden.regels() / "populatie" / "synthetisch.yaml")


@dataclass(frozen=True)
class _Ouders:
    """The aanvrager and the partner of each household (the partner's figures are zero without one)."""
    met_partner: np.ndarray   # (n,) bool
    inkomen_a: dict[str, np.ndarray]
    inkomen_p: dict[str, np.ndarray]
    geboren_a: np.ndarray     # (n, 3) year, month, day
    geboren_p: np.ndarray     # (n, 3)
    werk_a: np.ndarray        # (n,) bool: loon or winst
    werk_p: np.ndarray        # (n,) bool


@dataclass(frozen=True)
class _Kinderen:
    aanwezig: np.ndarray      # (n, MAX_KINDEREN) bool
    geboren: np.ndarray       # (n, MAX_KINDEREN, 3)
    opvang: np.ndarray        # (n, MAX_KINDEREN) bool
    opvang_soort: np.ndarray  # (n, MAX_KINDEREN) int


@dataclass(frozen=True)
class _Wonen:
    huur: np.ndarray          # (n,) bool
    kale_huur: np.ndarray     # (n,)
    vermogen: np.ndarray      # (n,)


@dataclass
class _Trekker:
    """Draws the households of one population. The order of the draws fixes what a seed gives: keep it."""
    rng: np.random.Generator
    n: int
    jaar: int
    v: dict

    def huishoudtypen(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(met_partner, met_kinderen, aow): the household type, and whether the aanvrager is of AOW age."""
        v, n = self.v, self.n
        typen = self.rng.choice(len(TYPEN), size=n, p=[v["huishoudtypen"][t] for t in TYPEN])
        met_partner = np.isin(typen, (1, 2))
        met_kinderen = np.isin(typen, (2, 3))
        aow = self.rng.random(n) < v["aandeel_aow"]
        aow &= ~met_kinderen
        return met_partner, met_kinderen, aow

    def geboortemaanden(self, aow: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Year and month of birth of aanvrager and partner (the day is drawn last, see ``met_dag``)."""
        from .. import parameters
        rng, n, jaar = self.rng, self.n, self.jaar
        aow_leeftijd = int(parameters.laad(jaar).waarde("algemeen.aow_leeftijd"))
        leeftijd_a = np.where(aow, rng.integers(aow_leeftijd, 90, n), rng.integers(20, aow_leeftijd, n))
        leeftijd_p = np.clip(leeftijd_a + rng.integers(-4, 5, n), 18, 95)
        geboren_a = np.stack([jaar - leeftijd_a - 1, rng.integers(1, 13, n)], axis=1)
        geboren_p = np.stack([jaar - leeftijd_p - 1, rng.integers(1, 13, n)], axis=1)
        return geboren_a, geboren_p

    def werkinkomen(self, actief: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(loon, winst) per month for those who may work: some do not, some work as zzp'er."""
        v, n = self.v, self.n
        werkt = actief & (self.rng.random(n) >= v["aandeel_zonder_werk"])
        bedrag = self.rng.lognormal(np.log(v["loon"]["mediaan"]), v["loon"]["sigma"], n)
        zzp = werkt & (self.rng.random(n) < v["aandeel_zzp"])
        loon = np.where(werkt & ~zzp, bedrag, 0.0)
        winst = np.where(zzp, bedrag * 0.9, 0.0)
        return np.round(loon, 0), np.round(winst, 0)

    def inkomen(self, actief_werk: np.ndarray, op_aow: np.ndarray, aow_bedrag: float) -> dict[str, np.ndarray]:
        """One person's income per source: work, or AOW with a pension."""
        n = self.n
        loon, winst = self.werkinkomen(actief_werk)
        pensioen = np.where(op_aow, self.rng.lognormal(np.log(self.v["aow_pensioen"]["pensioen_mediaan"]), 0.8, n), 0.0)
        uit = {b: np.zeros((n, 12)) for b in INKOMENSBRONNEN}
        uit["loon"][:] = loon[:, None]
        uit["winst"][:] = winst[:, None]
        uit["aow"][:] = np.where(op_aow, aow_bedrag, 0.0)[:, None]
        uit["pensioen"][:] = np.round(pensioen, 0)[:, None]
        return uit

    def inkomens(self, aow: np.ndarray, met_partner: np.ndarray) -> tuple[dict, dict]:
        """The incomes of aanvrager and partner; the AOW of a couple is the amount per partner."""
        aow_alleen, aow_partner = self.v["aow_pensioen"]["aow_alleenstaand"], self.v["aow_pensioen"]["aow_per_partner"]
        ink_a = self.inkomen(~aow, aow, 0.0)
        ink_a["aow"][:] = np.where(aow, np.where(met_partner, aow_partner, aow_alleen), 0.0)[:, None]
        ink_p = self.inkomen(met_partner & ~aow, met_partner & aow, aow_partner)
        for b in ink_p:
            ink_p[b] *= met_partner[:, None]
        return ink_a, ink_p

    def kinderen(self, met_kinderen: np.ndarray, alle_ouders_werken: np.ndarray) -> _Kinderen:
        """The children, and the kinderopvang of those under 12 whose parents all work (day of birth: ``met_dag``)."""
        rng, n, jaar, v = self.rng, self.n, self.jaar, self.v
        p_kind = np.asarray(v["kinderen_per_gezin"])
        aantal = np.where(met_kinderen, rng.choice(np.arange(1, MAX_KINDEREN + 1), size=n, p=p_kind / p_kind.sum()), 0)
        aanwezig = np.arange(MAX_KINDEREN)[None, :] < aantal[:, None]
        kind_leeftijd = rng.integers(0, 18, (n, MAX_KINDEREN))
        kind_geboren = np.stack([jaar - kind_leeftijd - 1, rng.integers(1, 13, (n, MAX_KINDEREN))], axis=2)
        opvang = (aanwezig & (kind_leeftijd < 12) & alle_ouders_werken[:, None]
                  & (rng.random((n, MAX_KINDEREN)) < v["kinderopvang"]["aandeel_met_opvang"]))
        opvang_soort = np.where(opvang, np.where(kind_leeftijd < 4, 1, 2), 0)
        return _Kinderen(aanwezig=aanwezig, geboren=kind_geboren, opvang=opvang, opvang_soort=opvang_soort)

    def wonen(self) -> _Wonen:
        """Housing (a rented home and its kale huur) and wealth."""
        rng, n, v = self.rng, self.n, self.v
        huur = rng.random(n) < v["wonen"]["aandeel_huur"]
        kale_huur = np.where(huur, np.round(rng.lognormal(np.log(v["wonen"]["kale_huur_mediaan"]),
                                                          v["wonen"]["kale_huur_sigma"], n), 2), 0.0)
        vermogen = np.where(rng.random(n) < v["vermogen"]["aandeel_nihil"], 0.0,
                            np.round(rng.lognormal(np.log(v["vermogen"]["mediaan"]), v["vermogen"]["sigma"], n), 0))
        return _Wonen(huur=huur, kale_huur=kale_huur, vermogen=vermogen)

    def met_dag(self, geboren: np.ndarray) -> np.ndarray:
        """Year and month of birth with a day added: any day that every month has."""
        return np.concatenate([geboren, self.rng.integers(1, 29, geboren.shape[:-1] + (1,))], axis=-1)


def genereer(n: int, jaar: int, seed: int = 0) -> Invoer:
    """n households of ``jaar``; deterministic for a given seed."""
    t = _Trekker(np.random.default_rng(seed), n, jaar, verdelingen())
    met_partner, met_kinderen, aow = t.huishoudtypen()
    geboren_a, geboren_p = t.geboortemaanden(aow)
    ink_a, ink_p = t.inkomens(aow, met_partner)
    werk_a = (ink_a["loon"][:, 0] + ink_a["winst"][:, 0]) > 0
    werk_p = (ink_p["loon"][:, 0] + ink_p["winst"][:, 0]) > 0
    kinderen = t.kinderen(met_kinderen, werk_a & (werk_p | ~met_partner))
    wonen = t.wonen()
    # the days of birth come last, so that they do not shift the other draws
    geboren_a, geboren_p = t.met_dag(geboren_a), t.met_dag(geboren_p)
    kinderen = replace(kinderen, geboren=t.met_dag(kinderen.geboren))
    ouders = _Ouders(met_partner=met_partner, inkomen_a=ink_a, inkomen_p=ink_p, geboren_a=geboren_a,
                     geboren_p=geboren_p, werk_a=werk_a, werk_p=werk_p)
    return _invoer(n, jaar, t.v, ouders, kinderen, wonen)


def _invoer(n: int, jaar: int, v: dict, ouders: _Ouders, kinderen: _Kinderen, wonen: _Wonen) -> Invoer:
    """The drawn households as arrays; what is not drawn takes its plain value (insured, no WIA, no voorschot)."""
    met_partner = ouders.met_partner
    activiteit_a = np.zeros((n, VOORAF + 12), dtype=bool)
    activiteit_a[:] = ouders.werk_a[:, None]
    activiteit_p = np.zeros((n, VOORAF + 12), dtype=bool)
    activiteit_p[:] = (ouders.werk_p & met_partner)[:, None]
    leeg2 = np.zeros((n, 2))
    return Invoer(
        jaar=jaar, inkomen_aanvrager=ouders.inkomen_a, inkomen_partner=ouders.inkomen_p,
        heeft_partner=np.repeat(met_partner[:, None], 12, axis=1),
        verzekerd_aanvrager=np.ones(n, dtype=bool), verzekerd_partner=met_partner.copy(),
        geboren_aanvrager=ouders.geboren_a, geboren_partner=ouders.geboren_p,
        activiteit_aanvrager=activiteit_a, activiteit_partner=activiteit_p,
        werk_aanvrager=activiteit_a.copy(), werk_partner=activiteit_p.copy(),
        activiteit_vooraf_bekend=np.ones((n, 2), dtype=bool), wlz_partner=np.zeros(n, dtype=bool),
        kan_niet_zorgen=np.zeros((n, 2), dtype=bool),
        urencriterium=np.ones((n, 2), dtype=bool), urencriterium_bekend=np.ones((n, 2), dtype=bool),
        wia_fase=np.zeros((n, 2), dtype=int), wia_klasse=np.zeros((n, 2), dtype=int), wia_maandloon=leeg2,
        wia_restverdiencapaciteit=leeg2.copy(), wia_einde_loongerelateerd=np.full((n, 2), 12),
        bewoner_aanwezig=kinderen.aanwezig, bewoner_is_kind=kinderen.aanwezig.copy(),
        bewoner_geboren=kinderen.geboren,
        bewoner_inkomen=np.zeros((n, MAX_KINDEREN, 12)), opvang_soort=kinderen.opvang_soort,
        opvang_uren=np.where(kinderen.opvang, v["kinderopvang"]["uren_per_maand"], 0.0)[:, :, None] * np.ones(12),
        opvang_uurprijs=np.where(kinderen.opvang, v["kinderopvang"]["uurprijs"], 0.0),
        huurwoning=wonen.huur, kale_huur=np.repeat(wonen.kale_huur[:, None], 12, axis=1),
        servicekosten=np.zeros((n, 12)),
        vermogen=wonen.vermogen, gemeente=np.full(n, "standaard", dtype=object),
        gemeentelijke_belastingen=np.full(n, float(v["gemeentelijke_belastingen"])),
        peildatum_maand=np.zeros(n, dtype=int),
        ontvangt={k: np.zeros((n, 12)) for k in actief().met_voorschot},
        heeft_wia_zonder_uitkering=np.zeros(n, dtype=bool),
    )


def met_voorschotten(inv: Invoer, res, seed: int, eerder: dict[str, np.ndarray] | None = None) -> Invoer:
    """The population with the toeslagen it receives: a household with recht applies, except a share that does not
    (``niet_gebruik`` in rules/populatie/synthetisch.yaml), and gets a voorschot equal to its recht. Kindgebonden
    budget comes without an aanvraag to whoever gets another toeslag (Dienst Toeslagen grants it by itself); the
    others decline it more often, so that the share over all with recht is the CPB figure. The same seed makes the
    same households decline in the baseline and under a reform (for kindgebonden budget, up to that share being
    recalibrated). ``eerder``: what the same households receive in the baseline; a toeslag that came by itself keeps
    coming under a reform that ends the other one."""
    niet_gebruik = verdelingen()["niet_gebruik"]
    rng = np.random.default_rng([seed, 7])
    trekking = {k: rng.random(inv.n) for k in sorted(inv.ontvangt)}
    ontvangt = {}
    # the toeslagen that come only with an aanvraag first, then those granted with another toeslag
    toeslagen = sorted((actief()[k] for k in actief().met_voorschot), key=lambda r: r.vanzelf_bij_andere_toeslag)
    for r in toeslagen:
        k = r.sleutel
        u = res.regelingen[k]
        vanzelf = np.zeros(inv.n, dtype=bool)
        kans = float(niet_gebruik[k])
        if r.vanzelf_bij_andere_toeslag:
            al = eerder[k].sum(axis=1) > 0 if eerder is not None else False
            vanzelf = u.recht & (np.logical_or.reduce([ontvangt[a].sum(axis=1) > 0 for a in ontvangt]) | al)
            # the CPB share is over everyone with recht, so the others decline more often: the share over all
            # with recht stays the CPB figure
            kans = min(1.0, kans * u.recht.sum() / max(1, (u.recht & ~vanzelf).sum()))
        krijgt = vanzelf | (u.recht & (trekking[k] >= kans))
        ontvangt[k] = np.where(krijgt[:, None], np.round(u.maandbedragen, 2), 0.0)
    return replace(inv, ontvangt=ontvangt)


def stukken(n: int, seed: int = 0, stuk: int = 100_000) -> list[tuple[int, int]]:
    """(size, seed) of each chunk of a population of n households: each chunk is generated from its own seed,
    so chunks can be computed anywhere, in any order, and always give the same households."""
    return [(min(stuk, n - start), seed * 1_000_003 + k) for k, start in enumerate(range(0, n, stuk))]


def in_stukken(n: int, jaar: int, seed: int = 0, stuk: int = 100_000) -> Iterator[Invoer]:
    """The population of n households in chunks of at most ``stuk``."""
    for grootte, stuk_seed in stukken(n, seed, stuk):
        yield genereer(grootte, jaar, seed=stuk_seed)


def als_huishouden(inv: Invoer, i: int):
    """Household i of a population as a validated household."""
    from .. import huishouden
    return huishouden.valideer(als_huishoudbestand(inv, i))


def _datum(geboren: np.ndarray) -> str:
    return f"{int(geboren[0])}-{int(geboren[1]):02d}-{int(geboren[2]):02d}"


def als_huishoudbestand(inv: Invoer, i: int, corporatie: bool | None = None) -> dict:
    """Household i of a population as a household file (contract section 1), to save and check on its own."""
    from ..invoer import OPVANGSOORTEN, WIA_FASEN, WIA_KLASSEN

    def lijst(a: np.ndarray) -> list[float]:
        return [round(float(x), 2) for x in a]

    def inkomen(d: dict[str, np.ndarray]) -> dict:
        return {b: lijst(v[i]) for b, v in d.items() if v[i].any()}

    def activiteiten(werk: np.ndarray) -> list[dict]:
        """Periods of consecutive months with werk, from October of the year before."""
        uit, m = [], 0
        while m < werk.shape[0]:
            if not werk[m]:
                m += 1
                continue
            begin = m
            while m < werk.shape[0] and werk[m]:
                m += 1
            van, tot = _maand(inv.jaar, begin), _maand(inv.jaar, m)
            uit.append({"soort": "werk", "van": van.isoformat(), "tot": (tot - timedelta(days=1)).isoformat()})
        return uit

    def persoon(pid: str, k: int, geboren: np.ndarray, ink: dict, werk: np.ndarray) -> dict:
        uit = {"id": pid, "rol": pid, "geboortedatum": _datum(geboren),
               "inkomen": inkomen(ink), "urencriterium": bool(inv.urencriterium[i, k]),
               "activiteiten": activiteiten(werk)}
        if inv.wia_fase[i, k] > 0:
            uit["wia"] = {"fase": WIA_FASEN[inv.wia_fase[i, k]], "klasse": WIA_KLASSEN[inv.wia_klasse[i, k]],
                          "maandloon": float(inv.wia_maandloon[i, k]),
                          "restverdiencapaciteit": float(inv.wia_restverdiencapaciteit[i, k])}
            einde = int(inv.wia_einde_loongerelateerd[i, k])
            if WIA_FASEN[inv.wia_fase[i, k]] == "loongerelateerd" and 0 <= einde < 12:
                uit["wia"]["einde_loongerelateerd"] = (_maand(inv.jaar, VOORAF + einde + 1)
                                                       - timedelta(days=1)).isoformat()
        return uit

    personen = [persoon("aanvrager", 0, inv.geboren_aanvrager[i], inv.inkomen_aanvrager, inv.werk_aanvrager[i])]
    if inv.heeft_partner[i].any():
        personen.append(persoon("partner", 1, inv.geboren_partner[i], inv.inkomen_partner, inv.werk_partner[i]))
    for b in np.flatnonzero(inv.bewoner_aanwezig[i]):
        kind = {"id": f"kind{b + 1}", "rol": "kind" if inv.bewoner_is_kind[i, b] else "medebewoner",
                "geboortedatum": _datum(inv.bewoner_geboren[i, b])}
        if inv.opvang_soort[i, b] > 0:
            kind["kinderopvang"] = {"soort": OPVANGSOORTEN[inv.opvang_soort[i, b]],
                                    "uren_per_maand": [float(x) for x in inv.opvang_uren[i, b]],
                                    "uurprijs": float(inv.opvang_uurprijs[i, b])}
        personen.append(kind)
    wonen: dict = {"soort": "koop"}
    if inv.huurwoning[i]:
        wonen = {"soort": "huur", "kale_huur": lijst(inv.kale_huur[i])}
        if inv.servicekosten[i].any():
            wonen["servicekosten"] = lijst(inv.servicekosten[i])
        if corporatie is not None:
            wonen["corporatie"] = bool(corporatie)
    ontvangt = {k: lijst(v[i]) for k, v in inv.ontvangt.items() if v[i].any()}
    return {
        "schema": 1, "naam": f"synthetisch huishouden {i + 1}", "jaar": inv.jaar, "peildatum": f"{inv.jaar}-01-01",
        "gemeente": str(inv.gemeente[i]), "personen": personen, "wonen": wonen, "vermogen": float(inv.vermogen[i]),
        "gemeentelijke_belastingen": float(inv.gemeentelijke_belastingen[i]), "ontvangt": ontvangt,
    }


def _maand(jaar: int, index: int) -> date:
    """The first day of month ``index`` on the activity axis (0 = October of the year before)."""
    m = index - VOORAF
    return date(jaar + m // 12, m % 12 + 1, 1)
