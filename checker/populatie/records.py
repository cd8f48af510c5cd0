"""The national records: plausible Dutch households drawn the way microsimulation models draw them, before
weighting (rules/populatie/ontwerp.yaml says how, kenmerken.yaml gives the facts drawn from).

Records come in blocks of a fixed size, each from its own random stream ([seed, block]), so record i is the same
whatever the size of the slices it is computed in. A slice is a range of blocks, laid out as ``Invoer`` arrays
for the regelingen, with the few characteristics the rules do not see (household type, who is in the bijstand,
corporatie or private rent, the take-up draws) alongside.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from .. import parameters
from ..fouten import RegelFout
from ..invoer import INKOMENSBRONNEN, OPVANGSOORTEN, VOORAF, WIA_FASEN, WIA_KLASSEN, Invoer, leeftijd_per_maand
from ..regelingen.register import standaard
from .gegevens import kenmerk, ontwerp

TYPEN = ("alleenstaand", "paar_zonder_kinderen", "paar_met_kinderen", "eenouder", "overig")
BEWONERS = 4        # slots for children and medebewoners per record
# the regelingen with a voorschot (the toeslagen), from the registry: each has a take-up draw and a voorschot received
TOESLAGEN = standaard().met_voorschot
AFNAME = TOESLAGEN + ("kwijtschelding", "aio")   # what a household may leave unclaimed (a take-up draw each)
GEMEENTEN = ("standaard", "norm-100")       # municipal policy profiles the population is spread over
MAAND = np.arange(12)


@dataclass(frozen=True)
class Records:
    """A slice of the national records: the household arrays and what the rules do not see."""
    invoer: Invoer
    type: np.ndarray            # (N,) code in TYPEN
    bijstand: np.ndarray        # (N,) bool: the household lives on algemene bijstand
    corporatie: np.ndarray      # (N,) bool: rents from a woningcorporatie
    zzp: np.ndarray             # (N, 2) bool: aanvrager/partner works as zelfstandige
    ww_maanden: np.ndarray      # (N, 2, 12) bool: months with WW
    trekking: dict[str, np.ndarray]   # regeling -> (N,) uniform draw; the household claims when draw >= niet-gebruik
    trekking_bewoner: np.ndarray      # (N, B) the same for what each bewoner claims in his or her own name
    aow_opbouw: np.ndarray            # (N, 2) aanvrager/partner: the part of a full AOW built up (1 = full or no AOW)

    @property
    def n(self) -> int:
        return self.invoer.n


def aantal_records() -> int:
    return int(ontwerp()["records"])


def blokken() -> int:
    o = ontwerp()
    return -(-int(o["records"]) // int(o["blok"]))


class _Trekker:
    """The draws of one block: one random stream, the design and the facts of the year."""

    def __init__(self, jaar: int, blok: int):
        o = ontwerp()
        self.o, self.jaar = o, jaar
        self.n = int(o["blok"])
        self.rng = np.random.default_rng([int(o["seed"]), blok])
        self.aow_leeftijd = int(parameters.laad(jaar).waarde("algemeen.aow_leeftijd"))

    def kans(self, p, vorm=None) -> np.ndarray:
        return self.rng.random(self.n if vorm is None else vorm) < p

    def uniform(self, laag, hoog, vorm=None) -> np.ndarray:
        return self.rng.uniform(laag, hoog, self.n if vorm is None else vorm)

    def band(self, banden: list, kansen, vorm=None) -> np.ndarray:
        """Whole ages: a band by its chance, then uniform within it. ``kansen`` may differ per record (N, bands)."""
        banden = np.asarray(banden)
        kansen = np.asarray(kansen, dtype=float)
        if kansen.ndim == 1:
            keuze = self.rng.choice(len(banden), size=self.n if vorm is None else vorm, p=kansen / kansen.sum())
        else:
            cum = np.cumsum(kansen / kansen.sum(axis=1, keepdims=True), axis=1)
            keuze = (self.rng.random((self.n, 1)) > cum).sum(axis=1).clip(0, len(banden) - 1)
        laag, hoog = banden[keuze, 0], banden[keuze, 1]
        return laag + np.floor(self.rng.random(keuze.shape) * (hoog - laag + 1)).astype(int)


def _per_band(leeftijd: np.ndarray, banden: list, waarden: list) -> np.ndarray:
    """The value of the band each age falls in (the last band's value above it, the first's below)."""
    bovengrenzen = np.asarray([b[1] for b in banden])
    return np.asarray(waarden)[np.searchsorted(bovengrenzen, leeftijd, side="left").clip(0, len(banden) - 1)]


def _geboren(t: _Trekker, leeftijd: np.ndarray) -> np.ndarray:
    """(..., 3) year, month and day of birth for an age on 1 January of the year (born after 1 January; days up to
    the 28th, which every month has)."""
    maand = t.rng.integers(1, 13, leeftijd.shape)
    dag = t.rng.integers(1, 29, leeftijd.shape)
    geboren = np.stack([t.jaar - leeftijd - 1, maand, dag], axis=-1)
    # a birthday on 1 January itself would make the age on 1 January one more: move it to the 2nd
    return np.where((geboren[..., 1:2] == 1) & (geboren[..., 2:3] == 1), geboren + np.array([0, 0, 1]), geboren)


def _huishoudens(t: _Trekker) -> dict[str, np.ndarray]:
    """Type, ages of the adults and the children, and which slots hold a child or a medebewoner."""
    o = t.o
    if tuple(o["huishoudtype"]) != TYPEN:
        raise RegelFout(f"rules/populatie/ontwerp.yaml: huishoudtype noemt de typen {', '.join(TYPEN)}, "
                        "in die volgorde")
    soort = t.rng.choice(len(TYPEN), size=t.n, p=np.asarray([o["huishoudtype"][k] for k in TYPEN]))
    la = o["leeftijd_aanvrager"]
    kansen = np.stack([np.asarray(la.get(TYPEN[s], la["alleenstaand"]), dtype=float) for s in range(len(TYPEN))])
    leeftijd_a = t.band(la["banden"], kansen[soort])

    k = o["kinderen"]
    aantal = np.zeros(t.n, dtype=int)
    jongste = np.zeros(t.n, dtype=int)
    for code in (2, 3):
        wie = soort == code
        naam = TYPEN[code]
        p_aantal = np.asarray(k["aantal"][naam], dtype=float)
        aantal[wie] = t.rng.choice(np.arange(1, len(p_aantal) + 1), size=int(wie.sum()), p=p_aantal / p_aantal.sum())
        banden = np.asarray(k["jongste_banden"])
        p_j = np.asarray(k["jongste_kansen"][naam], dtype=float)
        keuze = t.rng.choice(len(banden), size=int(wie.sum()), p=p_j / p_j.sum())
        jongste[wie] = banden[keuze, 0] + np.floor(t.rng.random(keuze.shape)
                                                   * (banden[keuze, 1] - banden[keuze, 0] + 1)).astype(int)
    laag, hoog = k["tussenruimte_jaren"]
    tussen = t.rng.integers(laag, hoog + 1, (t.n, BEWONERS))
    tussen[:, 0] = 0
    kind_leeftijd = jongste[:, None] + np.cumsum(tussen, axis=1)
    kind = np.arange(BEWONERS)[None, :] < aantal[:, None]
    oudste = np.where(aantal > 0, kind_leeftijd[np.arange(t.n), np.maximum(aantal - 1, 0)], 0)
    ouder = k["leeftijd_ouder_bij_oudste"]
    bij_oudste = np.clip(np.round(t.rng.normal(ouder["gemiddeld"], ouder["spreiding"], t.n)),
                         ouder["min"], ouder["max"])
    leeftijd_a = np.where(aantal > 0, oudste + bij_oudste, leeftijd_a).astype(int).clip(18, 100)

    verschil = o["partner_leeftijdsverschil"]
    partner = np.isin(soort, (1, 2))
    leeftijd_p = np.clip(leeftijd_a + np.round(t.rng.normal(verschil["gemiddeld"], verschil["spreiding"], t.n)),
                         18, 100).astype(int)
    # a medebewoner (two adults who are not partners: friends or family sharing a home) in the first slot
    overig = soort == 4
    bewoner_leeftijd = np.where(kind, kind_leeftijd, 0)
    bewoner_leeftijd[:, 0] = np.where(overig, np.clip(leeftijd_a + t.rng.integers(-5, 6, t.n), 18, 100),
                                      bewoner_leeftijd[:, 0])
    aanwezig = kind.copy()
    aanwezig[:, 0] |= overig
    return {"soort": soort, "partner": partner, "leeftijd_a": leeftijd_a, "leeftijd_p": leeftijd_p,
            "aanwezig": aanwezig, "is_kind": kind, "bewoner_leeftijd": bewoner_leeftijd, "aantal": aantal}


def _jaarloon(t: _Trekker, leeftijd: np.ndarray, z: np.ndarray, deeltijd: list) -> np.ndarray:
    """Gross yearly wage: a full-time wage by age (lognormal), part-time for a share."""
    lo = t.o["loon"]
    mediaan = _per_band(leeftijd, lo["banden"], lo["mediaan"])
    voltijd = mediaan * np.exp(lo["sigma"] * z)
    kans, laag, hoog = deeltijd
    factor = np.where(t.kans(kans, leeftijd.shape), t.uniform(laag, hoog, leeftijd.shape), 1.0)
    return voltijd * factor


def _status(t: _Trekker, h: dict, bijstand: np.ndarray, rol: str) -> dict[str, np.ndarray]:
    """What one adult (aanvrager or partner) lives on, below the AOW age: work (loon or winst), WW, WGA/IVA,
    bijstand, an early pension, or nothing of his or her own (a partner at home, a student)."""
    o = t.o
    leeftijd = h["leeftijd_a"] if rol == "aanvrager" else h["leeftijd_p"]
    bestaat = np.ones(t.n, dtype=bool) if rol == "aanvrager" else h["partner"]
    onder_aow = bestaat & (leeftijd < t.aow_leeftijd)
    wia = o["wia"]
    vanaf_30 = leeftijd >= 30
    p_wga = np.where(vanaf_30, wia["kans_wga"]["vanaf_30"], wia["kans_wga"]["jong"])
    p_iva = np.where(vanaf_30, wia["kans_iva"]["vanaf_30"], wia["kans_iva"]["jong"])
    r = t.rng.random(t.n)
    vrij = onder_aow & ~bijstand
    iva = vrij & (r < p_iva)
    wga = vrij & ~iva & (r < p_iva + p_wga)
    ww = vrij & ~iva & ~wga & t.kans(o["ww"]["kans"])
    w = o["werk"]
    p_werk = _per_band(leeftijd, w["banden"], w[rol])
    werkt = vrij & ~iva & ~wga & ~ww & t.kans(p_werk)
    zzp = werkt & t.kans(w["zzp_aandeel"][rol])
    return {"onder_aow": onder_aow, "iva": iva, "wga": wga, "ww": ww, "werkt": werkt, "zzp": zzp,
            "leeftijd": leeftijd, "bestaat": bestaat}


def _inkomen(t: _Trekker, h: dict, bijstand: np.ndarray) -> dict:
    """Income per month of aanvrager and partner, with their WIA situation and activities."""
    o = t.o
    st = {rol: _status(t, h, bijstand, rol) for rol in ("aanvrager", "partner")}
    rho = float(kenmerk("inkomen.partner_correlatie", t.jaar))
    z_a = t.rng.standard_normal(t.n)
    z_p = rho * z_a + np.sqrt(1 - rho ** 2) * t.rng.standard_normal(t.n)
    eenouder = h["soort"] == 3
    deeltijd = {rol: [float(kenmerk(f"inkomen.deeltijd_aandeel.{wie}", t.jaar))] + o["loon"]["deeltijdfactor"][rol]
                for rol, wie in (("aanvrager", "mannen"), ("partner", "vrouwen"), ("eenouder", "vrouwen"))}
    uit: dict = {"ink": {}, "wia": {}, "ww_maanden": np.zeros((t.n, 2, 12), dtype=bool),
                 "zzp": np.stack([st["aanvrager"]["zzp"], st["partner"]["zzp"]], axis=1)}
    aow_alleen = float(kenmerk("aow.bruto.alleenstaand", t.jaar))
    aow_partner = float(kenmerk("aow.bruto.per_partner", t.jaar))
    pensioen_mediaan = float(kenmerk("inkomen.pensioen.aanvullend.mediaan", t.jaar)) / 12.0
    ap = o["aow_pensioen"]
    for k, (rol, z) in enumerate((("aanvrager", z_a), ("partner", z_p))):
        s = st[rol]
        ink = {b: np.zeros((t.n, 12)) for b in INKOMENSBRONNEN}
        dt = np.where(eenouder[:, None], np.asarray(deeltijd["eenouder"]), np.asarray(deeltijd[rol]))
        jaarloon = _jaarloon(t, s["leeftijd"], z, [dt[:, 0], dt[:, 1], dt[:, 2]])
        maandloon = jaarloon / 12.0
        # wages, or profit for a zelfstandige
        loont = s["werkt"] & ~s["zzp"]
        ink["loon"][:] = np.where(loont, maandloon, 0.0)[:, None]
        wi = o["winst"]
        winst = float(kenmerk("inkomen.winst.zzp.mediaan", t.jaar)) * np.exp(wi["sigma"] * z) / 12.0
        winst = np.where(t.kans(wi["verlies_kans"]), t.uniform(-400, 200), winst)
        wisselend = t.kans(wi["wisselend"])
        ruis = np.exp(wi["wisselend_sigma"] * t.rng.standard_normal((t.n, 12)))
        ruis /= ruis.mean(axis=1, keepdims=True)
        ink["winst"][:] = np.where(s["zzp"][:, None], winst[:, None] * np.where(wisselend[:, None], ruis, 1.0), 0.0)
        # WW: a spell of some months, work before it and often after it
        ww = o["ww"]
        begin = t.rng.integers(-6, 12, t.n)
        duur = t.rng.integers(ww["duur_maanden"][0], ww["duur_maanden"][1] + 1, t.n)
        in_ww = s["ww"][:, None] & (MAAND[None, :] >= begin[:, None]) & (MAAND[None, :] < (begin + duur)[:, None])
        daarna = t.kans(ww["weer_aan_het_werk"])
        werk_rond = s["ww"][:, None] & ~in_ww & ((MAAND[None, :] < begin[:, None]) | daarna[:, None])
        ww_bedrag = float(kenmerk("inkomen.ww.gemiddeld", t.jaar)) * np.exp(ww["sigma"] * t.rng.standard_normal(t.n)
                                                                            - ww["sigma"] ** 2 / 2)
        ink["ww"] = np.where(in_ww, ww_bedrag[:, None], 0.0)
        ink["loon"] += np.where(werk_rond, maandloon[:, None], 0.0)
        uit["ww_maanden"][:, k] = in_ww
        # bijstand: the household's income is computed by the rules; some have a part-time job next to it
        in_bijstand = bijstand & s["onder_aow"]
        bijbaan = in_bijstand & t.kans(float(kenmerk("bijstand.met_inkomsten_aandeel", t.jaar))) & (k == 0)
        ink["loon"] += np.where(bijbaan, t.uniform(300, 900), 0.0)[:, None]
        # AOW and aanvullend pensioen, and early pension below the AOW age for some who do not work
        leeftijd_maand = leeftijd_per_maand(_geboortes(h, rol, t), t.jaar)
        aow_maand = s["bestaat"][:, None] & (leeftijd_maand >= t.aow_leeftijd)
        ink["aow"] = np.where(aow_maand, np.where(h["partner"], aow_partner, aow_alleen)[:, None], 0.0)
        kans, laag, hoog = o["werk"]["na_aow"]
        na_aow = aow_maand.all(axis=1) & t.kans(kans)
        ink["loon"] += np.where(na_aow, t.uniform(laag, hoog), 0.0)[:, None]
        pensioen = pensioen_mediaan * np.exp(ap["sigma"] * t.rng.standard_normal(t.n))
        pensioen = np.where(t.kans(ap["zonder_pensioen"]), 0.0, pensioen)
        vervroegd = (s["onder_aow"] & ~s["werkt"] & ~s["ww"] & ~s["wga"] & ~s["iva"] & ~in_bijstand
                     & (s["leeftijd"] >= 55) & t.kans(ap["vervroegd_pensioen_vanaf_55"]))
        heeft_pensioen = (aow_maand.any(axis=1) | vervroegd)
        ink["pensioen"] = np.where(heeft_pensioen[:, None] & (aow_maand | vervroegd[:, None]),
                                   np.where(vervroegd, 2.0, 1.0)[:, None] * pensioen[:, None], 0.0)
        # a single adult below the AOW age without work, benefit or bijstand lives on something else
        alleen = ~np.isin(h["soort"], (1, 2))
        overig = (s["onder_aow"] & alleen & ~s["werkt"] & ~s["ww"] & ~s["wga"] & ~s["iva"] & ~in_bijstand
                  & ~vervroegd)
        student = overig & (s["leeftijd"] < 25)
        ink["loon"] += np.where(student, t.uniform(300, 800), 0.0)[:, None]
        ink["overig"] = np.where(overig & ~student, t.uniform(1200, 2400), 0.0)[:, None] * np.ones(12)
        uit["ink"][rol] = {b: np.round(v, 2) for b, v in ink.items()}
        uit["wia"][rol] = _wia(t, s, maandloon, ink)
        uit[f"status_{rol}"] = s
    return uit


def _geboortes(h: dict, rol: str, t: _Trekker) -> np.ndarray:
    sleutel = f"geboren_{rol}"
    if sleutel not in h:
        h[sleutel] = _geboren(t, h["leeftijd_a" if rol == "aanvrager" else "leeftijd_p"])
    return h[sleutel]


def _wia(t: _Trekker, s: dict, maandloon: np.ndarray, ink: dict) -> dict[str, np.ndarray]:
    """WGA or IVA: klasse, fase, WIA-maandloon and restverdiencapaciteit; a WGA'er may earn next to it (Wet WIA
    art. 4: the restverdiencapaciteit follows from the klasse)."""
    wia = t.o["wia"]
    verdeling = {k.replace("_", "-"): v for k, v in kenmerk("wia.wga.klasse_verdeling", t.jaar).items()}
    klassen = list(WIA_KLASSEN[1:])
    p = np.asarray([float(verdeling[k]) for k in klassen])
    klasse = t.rng.choice(len(klassen), size=t.n, p=p / p.sum()) + 1
    klasse = np.where(s["iva"], WIA_KLASSEN.index("80-100"), np.where(s["wga"], klasse, 0))
    midden = np.asarray([0.0] + [wia["klasse_midden"][k] for k in klassen])[klasse]
    wialoon = float(kenmerk("wia.maandloon.gemiddeld", t.jaar)) * np.exp(0.35 * t.rng.standard_normal(t.n))
    rvc = np.where(klasse == WIA_KLASSEN.index("80-100"), 0.0, np.round(wialoon * (1 - midden), 2))
    loongerelateerd = s["wga"] & t.kans(float(kenmerk("wia.wga.fase_verdeling", t.jaar)["loongerelateerd"]))
    fase = np.where(s["iva"], WIA_FASEN.index("iva"),
                    np.where(loongerelateerd, WIA_FASEN.index("loongerelateerd"),
                             np.where(s["wga"], WIA_FASEN.index("na_loongerelateerd"), 0)))
    einde = np.where(loongerelateerd, t.rng.integers(0, 24, t.n), 12).clip(-1, 12)
    laag, hoog = wia["verdiensten_t_o_v_rvc"]
    werkt = s["wga"] & (rvc > 0) & t.kans(float(kenmerk("wia.wga.werkend_aandeel", t.jaar)))
    ink["loon"] += np.where(werkt, np.round(rvc * t.uniform(laag, hoog), 2), 0.0)[:, None]
    return {"fase": fase, "klasse": klasse, "maandloon": np.where(fase > 0, np.round(wialoon, 2), 0.0),
            "rvc": np.where(fase > 0, rvc, 0.0), "einde": np.where(fase > 0, einde, 12)}


def _kinderen(t: _Trekker, h: dict, werkt_a: np.ndarray, werkt_p: np.ndarray) -> dict[str, np.ndarray]:
    """Children's income (side jobs, adult children at home) and childcare when every parent works."""
    o = t.o
    ki = o["kind_inkomen"]
    leeftijd = h["bewoner_leeftijd"]
    vorm = leeftijd.shape
    inkomen = np.zeros(vorm)
    kans, bedrag = ki["bijbaan_15_17"]
    inkomen += np.where((leeftijd >= 15) & (leeftijd <= 17) & t.kans(kans, vorm), bedrag, 0.0)
    kans, bedrag = ki["student_18_22"]
    inkomen += np.where((leeftijd >= 18) & (leeftijd <= 22) & t.kans(kans, vorm),
                        bedrag * np.exp(0.5 * t.rng.standard_normal(vorm)), 0.0)
    volwassen = (leeftijd >= 23) & t.kans(ki["werkt_vanaf_23"], vorm)
    inkomen += np.where(volwassen, _jaarloon(t, leeftijd.ravel(), t.rng.standard_normal(vorm).ravel(),
                                             [0.3, 0.5, 0.9]).reshape(vorm) / 12.0, 0.0)
    inkomen = np.where(h["aanwezig"], inkomen, 0.0)
    # the medebewoner of an 'overig' household earns like an adult
    overig = h["soort"] == 4
    inkomen[:, 0] = np.where(overig, _jaarloon(t, leeftijd[:, 0], t.rng.standard_normal(t.n), [0.3, 0.5, 0.9]) / 12
                             * t.kans(0.8), inkomen[:, 0])

    kov = o["kinderopvang"]
    ouders_werken = werkt_a & (werkt_p | ~h["partner"])
    kind = h["is_kind"] & ouders_werken[:, None]
    p = np.where(leeftijd <= 0, kov["kans"]["baby"],
                 np.where(leeftijd <= 3, kov["kans"]["peuter"], np.where(leeftijd <= 11, kov["kans"]["schoolkind"], 0)))
    opvang = kind & t.kans(p, vorm)
    gastouder = np.where(leeftijd <= 3, kov["gastouder"]["peuter"], kov["gastouder"]["schoolkind"])
    soort = np.where(t.kans(gastouder, vorm), OPVANGSOORTEN.index("gastouder"),
                     np.where(leeftijd <= 3, OPVANGSOORTEN.index("dagopvang"), OPVANGSOORTEN.index("bso")))
    soort = np.where(opvang, soort, 0)
    uren_basis, prijs_basis, maanden = np.zeros(vorm), np.zeros(vorm), np.zeros(vorm)
    for code, naam in enumerate(OPVANGSOORTEN[1:], start=1):
        if naam == "gastouder":  # gastouders: fewer hours for a schoolkind
            uren = np.where(leeftijd <= 3, float(kenmerk("kinderopvang.uren_per_maand.gastouder_0_3", t.jaar)),
                            float(kenmerk("kinderopvang.uren_per_maand.gastouder_4_12", t.jaar)))
        else:
            uren = float(kenmerk(f"kinderopvang.uren_per_maand.{naam}", t.jaar))
        uren_basis = np.where(soort == code, uren, uren_basis)
        prijs_basis = np.where(soort == code, float(kenmerk(f"kinderopvang.uurprijs.{naam}", t.jaar)), prijs_basis)
        maanden = np.where(soort == code, float(kenmerk(f"kinderopvang.maanden_per_jaar.{naam}", t.jaar)), maanden)
    laag, hoog = kov["uren_grenzen"]
    uren = np.clip(np.round(uren_basis * np.exp(kov["uren_sigma"] * t.rng.standard_normal(vorm))), laag, hoog)
    prijs = np.round(prijs_basis * t.uniform(1 - kov["prijs_spreiding"], 1 + kov["prijs_spreiding"], vorm), 2)
    # a child starts or stops during the year: a run of months whose length averages the published months per year
    lengte = np.floor(t.uniform(np.maximum(1.0, 2 * maanden - 12), 12.999, vorm)).astype(int)
    start = np.floor(t.rng.random(vorm) * (13 - lengte)).astype(int)
    # a child born in the year starts three months after the month of birth at the earliest
    geboren_in_jaar = h["bewoner_geboren"][..., 0] == t.jaar
    start = np.where(geboren_in_jaar, np.maximum(start, h["bewoner_geboren"][..., 1] - 1 + 3), start)
    in_opvang = opvang[..., None] & (MAAND >= start[..., None]) & (MAAND < (start + lengte)[..., None])
    return {"inkomen": np.round(inkomen, 2), "soort": soort, "uren": np.where(in_opvang, uren[..., None], 0.0),
            "prijs": np.where(opvang, prijs, 0.0)}


def _wonen(t: _Trekker, h: dict, bruto_jaar: np.ndarray, bijstand: np.ndarray) -> dict[str, np.ndarray]:
    """Rent or own, corporatie or private, the rent; renters have lower incomes more often (WoON)."""
    w = t.o["wonen"]
    kwintiel = np.searchsorted(np.asarray(w["inkomensgrenzen"]), bruto_jaar)
    per_kwintiel = kenmerk("wonen.huur_aandeel_naar_inkomen", t.jaar)
    p_huur = np.asarray([float(per_kwintiel[f"kwintiel_{k}"]) for k in range(1, 6)])[kwintiel]
    p_huur = np.where(bijstand, w["huur_bijstand"], p_huur)
    p_huur = np.where(h["leeftijd_a"] < 30, np.minimum(0.95, p_huur + w["huur_jong"]), p_huur)
    huur = t.kans(p_huur)
    corporatie = huur & t.kans(np.asarray(w["corporatie_kans"])[kwintiel])
    gem_corp = float(kenmerk("wonen.kale_huur.corporatie.gemiddeld", t.jaar))
    gem_part = float(kenmerk("wonen.kale_huur.particulier.gemiddeld", t.jaar))
    laag, hoog = w["corporatie_huur_grenzen"]
    corp_huur = np.clip(t.rng.normal(gem_corp, w["corporatie_huur_spreiding"], t.n), laag, hoog)
    laag, hoog = w["particulier_huur_grenzen"]
    sigma = w["particulier_huur_sigma"]
    part_huur = np.clip(gem_part * np.exp(sigma * t.rng.standard_normal(t.n) - sigma ** 2 / 2), laag, hoog)
    kale_huur = np.where(huur, np.where(corporatie, corp_huur, part_huur), 0.0)
    sk = w["servicekosten"]
    service = np.where(huur, t.uniform(0, np.where(corporatie, sk["corporatie"], sk["particulier"])), 0.0)
    return {"huur": huur, "corporatie": corporatie, "kale_huur": np.round(kale_huur, 2),
            "service": np.round(service, 2)}


def _vermogen(t: _Trekker, h: dict, bijstand: np.ndarray) -> np.ndarray:
    """Box 3 rendementsgrondslag of the household on 1 January (without the eigen woning): lognormal around the
    median savings of its household type (CBS), little for a household in the bijstand."""
    v = t.o["vermogen"]
    medianen = kenmerk("vermogen.verdeling", t.jaar)
    per_type = {"alleenstaand": "eenpersoons", "paar_zonder_kinderen": "paar_zonder_kinderen",
                "paar_met_kinderen": "paar_met_kinderen", "eenouder": "eenouder", "overig": "alle_huishoudens"}
    mediaan = np.asarray([float(medianen[per_type[k]]) for k in TYPEN])[h["soort"]]
    mediaan = np.where(h["leeftijd_a"] >= 65, float(medianen["referentiepersoon_65_plus"]), mediaan)
    vermogen = mediaan * np.exp(v["sigma"] * t.rng.standard_normal(t.n))
    weinig = np.minimum(v["bijstand_tot"], v["bijstand_mediaan"] * np.exp(v["sigma"] * t.rng.standard_normal(t.n)))
    return np.round(np.where(bijstand, weinig, vermogen), 0)


def _bijstand(t: _Trekker, h: dict) -> np.ndarray:
    b = t.o["bijstand"]
    p = np.asarray([b[k] for k in TYPEN])[h["soort"]]
    return t.kans(p) & (h["leeftijd_a"] < t.aow_leeftijd) & (h["leeftijd_a"] >= 21)


def _activiteit(ink: dict[str, np.ndarray]) -> np.ndarray:
    """(N, 3 + 12) months with werk: every month with loon or winst, and the three months before January as January."""
    werk = (ink["loon"] > 0) | (ink["winst"] != 0)
    return np.concatenate([np.repeat(werk[:, :1], VOORAF, axis=1), werk], axis=1)


def blok(jaar: int, nummer: int) -> Records:
    """Block ``nummer`` of the national records for berekeningsjaar ``jaar``."""
    t = _Trekker(jaar, nummer)
    h = _huishoudens(t)
    bijstand = _bijstand(t, h)
    h["geboren_aanvrager"] = _geboren(t, h["leeftijd_a"])
    h["geboren_partner"] = _geboren(t, h["leeftijd_p"])
    ik = _inkomen(t, h, bijstand)
    ink_a, ink_p = ik["ink"]["aanvrager"], ik["ink"]["partner"]
    for v in ink_p.values():
        v *= h["partner"][:, None]
    werkt_a, werkt_p = ((ink_a["loon"][:, 0] + ink_a["winst"][:, 0]) != 0,
                        (ink_p["loon"][:, 0] + ink_p["winst"][:, 0]) != 0)
    h["bewoner_geboren"] = _geboren(t, h["bewoner_leeftijd"])
    kind = _kinderen(t, h, werkt_a, werkt_p)
    bruto_jaar = (sum(ink_a.values()) + sum(ink_p.values())).sum(axis=1)
    wonen = _wonen(t, h, bruto_jaar, bijstand)
    vermogen = _vermogen(t, h, bijstand)
    norm_100 = float(kenmerk("gemeenten.kwijtschelding.norm_100_aandeel", jaar))
    gemeente = np.where(t.kans(norm_100), GEMEENTEN[1], GEMEENTEN[0]).astype(object)
    aanslag = kenmerk("gemeenten.aanslag_2026", jaar)
    meer = np.where(h["soort"] == 0, "eenpersoons", "meerpersoons")
    wie = np.char.add(np.where(wonen["huur"], "huurder_", "eigenaar_"), meer)
    belastingen = np.round(np.vectorize(lambda k: float(aanslag[k]))(wie) * t.uniform(0.8, 1.2), 0)
    wia_a, wia_p = ik["wia"]["aanvrager"], ik["wia"]["partner"]
    act_a, act_p = _activiteit(ink_a), _activiteit(ink_p)
    trekking = {k: t.rng.random(t.n) for k in AFNAME}
    n = t.n
    inv = Invoer(
        jaar=jaar, inkomen_aanvrager=ink_a, inkomen_partner=ink_p,
        heeft_partner=np.repeat(h["partner"][:, None], 12, axis=1),
        verzekerd_aanvrager=np.ones(n, dtype=bool), verzekerd_partner=h["partner"].copy(),
        geboren_aanvrager=h["geboren_aanvrager"], geboren_partner=h["geboren_partner"],
        activiteit_aanvrager=act_a, activiteit_partner=act_p, werk_aanvrager=act_a.copy(), werk_partner=act_p.copy(),
        activiteit_vooraf_bekend=np.ones((n, 2), dtype=bool), wlz_partner=np.zeros(n, dtype=bool),
        kan_niet_zorgen=np.zeros((n, 2), dtype=bool),
        urencriterium=ik["zzp"] & t.kans(t.o["werk"]["urencriterium"], (n, 2)),
        urencriterium_bekend=np.ones((n, 2), dtype=bool),
        wia_fase=np.stack([wia_a["fase"], wia_p["fase"]], axis=1),
        wia_klasse=np.stack([wia_a["klasse"], wia_p["klasse"]], axis=1),
        wia_maandloon=np.stack([wia_a["maandloon"], wia_p["maandloon"]], axis=1),
        wia_restverdiencapaciteit=np.stack([wia_a["rvc"], wia_p["rvc"]], axis=1),
        wia_einde_loongerelateerd=np.stack([wia_a["einde"], wia_p["einde"]], axis=1),
        bewoner_aanwezig=h["aanwezig"], bewoner_is_kind=h["is_kind"],
        bewoner_geboren=h["bewoner_geboren"], bewoner_inkomen=kind["inkomen"][:, :, None] * np.ones(12),
        opvang_soort=kind["soort"], opvang_uren=kind["uren"], opvang_uurprijs=kind["prijs"],
        huurwoning=wonen["huur"], kale_huur=np.repeat(wonen["kale_huur"][:, None], 12, axis=1),
        servicekosten=np.repeat(wonen["service"][:, None], 12, axis=1),
        vermogen=vermogen, gemeente=gemeente, gemeentelijke_belastingen=belastingen,
        peildatum_maand=np.zeros(n, dtype=int),
        ontvangt={k: np.zeros((n, 12)) for k in TOESLAGEN},
        heeft_wia_zonder_uitkering=(np.stack([wia_a["fase"], wia_p["fase"]], axis=1) > 0).any(axis=1),
    )
    # drawn after everything else, so every draw before them stays as it was
    trekking_bewoner = t.rng.random(h["aanwezig"].shape)
    aow_opbouw = _onvolledige_aow(t, ink_a, ink_p)
    return Records(invoer=inv, type=h["soort"], bijstand=bijstand, corporatie=wonen["corporatie"], zzp=ik["zzp"],
                   ww_maanden=ik["ww_maanden"], trekking=trekking, trekking_bewoner=trekking_bewoner,
                   aow_opbouw=aow_opbouw)


def _onvolledige_aow(t: _Trekker, *inkomens: dict[str, np.ndarray]) -> np.ndarray:
    """(N, 2) the part of a full AOW each AOW'er built up: 2% less per year not insured in the 50 years before the
    AOW age (AOW art. 13 lid 1), for the share of households of aow.onvolledig.aandeel; the aanvullend pensioen
    shrinks with it (ontwerp.yaml, onvolledige_aow). Scales the AOW and pensioen of ``inkomens`` in place."""
    laag, hoog = t.o["onvolledige_aow"]["opbouw"]
    jaren = round(1 / float(t.o["onvolledige_aow"]["per_jaar"]))   # 50: the opbouw is in whole years
    getroffen = t.kans(float(kenmerk("aow.onvolledig.aandeel", t.jaar)))
    getrokken = np.where(getroffen[:, None], np.round(t.uniform(laag, hoog, (t.n, 2)) * jaren) / jaren, 1.0)
    opbouw = np.ones((t.n, 2))
    for k, ink in enumerate(inkomens):
        opbouw[:, k] = np.where((ink["aow"] > 0).any(axis=1), getrokken[:, k], 1.0)
        for bron in ("aow", "pensioen"):
            ink[bron][:] = np.round(ink[bron] * opbouw[:, k, None], 2)
    return opbouw


def plak(delen: list[Records]) -> Records:
    """Records of consecutive blocks as one slice."""
    if len(delen) == 1:
        return delen[0]

    def samen(waarden):
        eerste = waarden[0]
        if isinstance(eerste, dict):
            return {k: np.concatenate([w[k] for w in waarden]) for k in eerste}
        if isinstance(eerste, np.ndarray):
            return np.concatenate(waarden)
        return eerste

    inv = Invoer(**{f.name: samen([getattr(d.invoer, f.name) for d in delen]) for f in fields(Invoer)})
    return Records(invoer=inv, **{f.name: samen([getattr(d, f.name) for d in delen])
                                  for f in fields(Records) if f.name != "invoer"})


def stuk(jaar: int, van: int, tot: int) -> Records:
    """Blocks van..tot-1 as one slice."""
    return plak([blok(jaar, b) for b in range(van, tot)])
