"""The calibrated national population: what the regelingen cost and reach in the Netherlands, and what a reform
changes there (contract section 9; ``samenloop populatie`` and ``samenloop hervorming FILE --populatie``).

Every figure is a weighted sum over the national records (records.py) with the calibrated weights
(kalibratie.py). The official counts the weights were fitted to are reported next to the model's, and so are the
official figures that were not fitted (budget totals: the out-of-sample check).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable

import numpy as np

from .. import instellingen, opmaak, parameters, signalen
from ..berekening import REGELINGEN, bereken, herbereken
from ..fouten import RegelFout
from ..regelingen.register import actief
from . import doorrekenen, inwonenden, kalibratie, maten, records
from .gegevens import doelen

SCHEMA = 1
AFWIJKING_CONTROLE = 0.25        # a controle figure further off than this is called out in the report
# the people and households a beleidsmaker asks about first, reported for the baseline
PERSONEN = ("personen.kinderen_0_17", "huishoudens.aow", "personen.aow", "huishoudens.huur", "personen.zzp",
            "huishoudens.bijstand", "personen.wga", "personen.iva", "personen.ww",
            "kinderen.opvang_dagopvang", "kinderen.opvang_bso", "kinderen.opvang_gastouder", "personen.zorgtoeslag")


def _gewichten(jaar: int) -> tuple[np.ndarray, dict]:
    w, info = kalibratie.lees(jaar)
    if w.shape[0] != records.aantal_records():
        raise RegelFout(f"de gewichten van {jaar} horen bij {w.shape[0]:,} records, het ontwerp heeft er "
                        f"{records.aantal_records():,}: kalibreer opnieuw (python -m checker.populatie.kalibratie)")
    return w, info


def _controleer_afdruk(afdruk: str, info: dict, jaar: int) -> None:
    if afdruk != info["vingerafdruk"]:
        raise RegelFout(f"de gewichten van {jaar} horen niet bij deze records (de generator of zijn gegevens zijn "
                        "veranderd): kalibreer opnieuw met python -m checker.populatie.kalibratie")


def _euro(x: float) -> float:
    return round(float(x), 2)


# --- the baseline ------------------------------------------------------------------------------------------
@dataclass
class _Sommen:
    """Weighted sums over the records of one scenario."""
    uitgaven: dict[str, float]
    recht: dict[str, float]
    ontvangers: dict[str, float]
    met_recht: dict[str, float]
    maten: np.ndarray
    inwonend: dict[str, list[float]]     # regeling -> [uitgaven, ontvangers] of adult bewoners in their own name

    @classmethod
    def leeg(cls, aantal_maten: int) -> "_Sommen":
        nul = {k: 0.0 for k in REGELINGEN}
        return cls(dict(nul), dict(nul), dict(nul), dict(nul), np.zeros(aantal_maten),
                   {k: [0.0, 0.0] for k in inwonenden.EIGEN_NAAM})

    def tel(self, s: maten.Stand, w: np.ndarray, namen: list[str]) -> None:
        for k in REGELINGEN:
            self.uitgaven[k] += float(w @ s.uitgaven(k))
            self.recht[k] += float(w @ s.recht(k))
            self.ontvangers[k] += float(w @ s.ontvangers(k))
            self.met_recht[k] += float(w @ s.met_recht(k))
        for k, som in self.inwonend.items():
            som[0] += float(w @ s.inwonenden.uitgaven[k])
            som[1] += float(w @ s.inwonenden.ontvangers[k])
        self.maten += w @ maten.matrix(s, namen)

    def regelingen(self) -> dict[str, dict[str, Any]]:
        uit = {k: {"uitgaven": _euro(self.uitgaven[k]), "recht": _euro(self.recht[k]),
                   "ontvangers": round(self.ontvangers[k]), "met_recht": round(self.met_recht[k]),
                   "soort": actief()[k].soort} for k in REGELINGEN}
        for k, (uitgaven, ontvangers) in self.inwonend.items():
            uit[k]["waarvan_inwonenden"] = {"uitgaven": _euro(uitgaven), "ontvangers": round(ontvangers)}
        return uit


def _doelen_json(waarden: dict[str, float]) -> list[dict[str, Any]]:
    uit = []
    for d in doelen():
        model = waarden[d.maat]
        verhouding = model / d.waarde if d.waarde else None
        r = {"id": d.id, "omschrijving": d.omschrijving, "officieel": d.waarde, "model": round(model, 2),
             "verhouding": None if verhouding is None else round(verhouding, 4), "eenheid": d.eenheid, "jaar": d.jaar,
             "bron": d.bron, "zekerheid": d.zekerheid, "gebruik": d.gebruik, "maat": d.maat}
        if d.url:
            r["url"] = d.url
        if d.toelichting:
            r["toelichting"] = d.toelichting
        if d.gebruik == "controle" and verhouding is not None and abs(verhouding - 1) > AFWIJKING_CONTROLE:
            r["waarschuwing"] = (f"het model wijkt {abs(verhouding - 1):.0%} af van het officiële cijfer "
                                 "(meer dan 25%); zie de README (bekende oorzaken)")
        uit.append(r)
    return uit


def _namen() -> list[str]:
    namen = list(dict.fromkeys([d.maat for d in doelen()] + list(PERSONEN)))
    for n in namen:
        maten.functie(n)
    return namen


def basis(jaar: int = 2026, voortgang: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """The calibrated baseline for the Netherlands (contract section 9)."""
    if jaar not in parameters.ondersteunde_jaren():
        from ..fouten import InvoerFout
        raise InvoerFout([("--jaar", f"{jaar} wordt niet ondersteund; "
                                     f"kies {' of '.join(map(str, parameters.ondersteunde_jaren()))}")])
    begin = time.perf_counter()
    w, info = _gewichten(jaar)
    namen = _namen()
    sommen = _Sommen.leeg(len(namen))

    def per_stuk(van: int, tot: int, rec, standen) -> None:
        sommen.tel(standen[0], w[van:tot], namen)

    _controleer_afdruk(doorrekenen.doorreken(jaar, [parameters.laad(jaar)], per_stuk, voortgang), info, jaar)
    huishoudens = float(w.sum())
    waarden = {n: v / huishoudens if maten.is_gemiddelde(n) else v for n, v in zip(namen, sommen.maten.tolist())}
    return {
        "schema": SCHEMA, "jaar": jaar, "records": int(w.shape[0]), "huishoudens": round(float(w.sum()), 1),
        "regelingen": sommen.regelingen(),
        "personen": {n.split(".", 1)[1] if n.startswith("personen.") else n.replace(".", "_"): round(waarden[n])
                     for n in PERSONEN},
        "doelen": _doelen_json(waarden),
        "kalibratie": _kalibratie_json(info),
        "toelichting": TOELICHTING.format(records=opmaak.aantal(w.shape[0])),
        "doorlooptijd_s": round(time.perf_counter() - begin, 2),
    }


TOELICHTING = ("Landelijke populatie: {records} synthetische huishoudens met gewichten die zo zijn gekalibreerd dat "
               "zij samen de officiële aantallen halen (doelen met gebruik 'kalibratie'); de bedragen per regeling "
               "zijn euro per jaar voor heel Nederland. 'uitgaven' is wat wordt uitbetaald na niet-gebruik, 'recht' "
               "wat het zou zijn als iedereen met recht het aanvraagt. Doelen met gebruik 'controle' (zoals "
               "begrotingsbedragen) zijn niet gebruikt om te wegen: zij tonen hoe goed populatie en regels samen de "
               "werkelijkheid benaderen. Bij de zorgtoeslag tellen meerderjarige thuiswonende kinderen en "
               "medebewoners, die haar op eigen naam krijgen, mee als eigen toeslaghuishouden "
               "('waarvan_inwonenden').")


def _kalibratie_json(info: dict) -> dict[str, Any]:
    return {"bibliotheek": f"microcalibrate {info.get('microcalibrate', '?')}", "records": info["records"],
            "vingerafdruk": info["vingerafdruk"], "doelen": len(info["doelen"]),
            "grootste_afwijking": max((abs(v) for v in info.get("afwijkingen", {}).values()), default=None)}


# --- a reform on the national population -------------------------------------------------------------------
def _met_voorschotten(s: maten.Stand) -> maten.Stand:
    """The slice as the signal rules see it: every toeslag it receives paid as a voorschot equal to the recht. What
    is received changes only the toeslagen's own comparison of voorschot and recht, so only they are computed again
    (tested against computing everything again)."""
    ontvangt = {k: np.where(s.ontvangt[k][:, None], np.round(s.resultaat.regelingen[k].maandbedragen, 2), 0.0)
                for k in records.TOESLAGEN}
    return replace(s, resultaat=herbereken(s.resultaat, records.TOESLAGEN, ontvangt=ontvangt))


def _op_klif(s: maten.Stand, params, netto: np.ndarray, stap: float) -> np.ndarray:
    inv = s.records.invoer
    meer = inv.met_inkomen("aanvrager", "loon", inv.inkomen_aanvrager["loon"] + stap)
    rec = replace(s.records, invoer=meer)
    # the bewoners' own income is the same; the household keeps what it claims now
    hoger = maten.stand(rec, bereken(meer, params), bewoners=s.inwonenden, eerder=s)
    return maten.netto_besteedbaar(hoger) < netto - 0.01


@dataclass
class _Vergelijking:
    """Baseline against reform per record of the national population, filled slice by slice (``per_stuk``)."""
    ref: dict[str, Any]
    basis_p: Any
    hervorm_p: Any
    gewijzigd: set[str]
    w: np.ndarray
    met_signalen: bool
    klif_stap: float
    maak_voorbeeld: Callable
    per_record: dict[str, np.ndarray] = field(init=False)
    regeling_b: np.ndarray = field(init=False)
    regeling_h: np.ndarray = field(init=False)
    klif: np.ndarray = field(init=False)
    codes: dict[str, dict[str, float]] = field(init=False)
    voorbeelden: dict[str, list] = field(init=False)

    def __post_init__(self) -> None:
        r = self.w.shape[0]
        self.per_record = {naam: np.zeros(r) for naam in ("bruto", "netto_b", "netto_h", "direct")}
        self.regeling_b = np.zeros((r, len(REGELINGEN)))
        self.regeling_h = np.zeros((r, len(REGELINGEN)))
        self.klif = np.zeros((r, 2), dtype=bool)
        self.codes = {"basis": {}, "hervorming": {}}
        self.voorbeelden = {"tegen_de_richting": [], "grootste_verliezers": []}

    def per_stuk(self, van: int, tot: int, rec, standen) -> None:
        """Record one computed slice of records ``van:tot`` (baseline and reform)."""
        sb, sh = standen
        ww = self.w[van:tot]
        self._regelingen(van, tot, sb, sh)
        nb, nh = maten.netto_besteedbaar(sb), maten.netto_besteedbaar(sh)
        self.per_record["bruto"][van:tot] = maten.bruto_jaar(sb)
        self.per_record["netto_b"][van:tot], self.per_record["netto_h"][van:tot] = nb, nh
        direct = self._direct(van, tot)
        self.per_record["direct"][van:tot] = direct
        self.klif[van:tot, 0] = _op_klif(sb, self.basis_p, nb, self.klif_stap)
        self.klif[van:tot, 1] = _op_klif(sh, self.hervorm_p, nh, self.klif_stap)
        if self.met_signalen:
            self._tel_signalen(ww, sb, sh)
        _kies_voorbeelden(self.voorbeelden, rec, sb, sh, nb, nh, direct, van, ww, self.maak_voorbeeld)

    def _regelingen(self, van: int, tot: int, sb: maten.Stand, sh: maten.Stand) -> None:
        """What each regeling pays per year (after niet-gebruik), baseline and reform."""
        for k, naam in enumerate(REGELINGEN):
            self.regeling_b[van:tot, k] = sb.uitgaven(naam)
            self.regeling_h[van:tot, k] = sh.uitgaven(naam)

    def _direct(self, van: int, tot: int) -> np.ndarray:
        """The direct effect: the change in the regelingen the reform itself changes."""
        return sum((self.regeling_h[van:tot, k] - self.regeling_b[van:tot, k] for k, naam in enumerate(REGELINGEN)
                    if naam in self.gewijzigd), np.zeros(tot - van))

    def _tel_signalen(self, ww: np.ndarray, sb: maten.Stand, sh: maten.Stand) -> None:
        peil = date(self.ref["jaar"], 1, 1)
        for kant, s, uit in (("basis", sb, set()), ("hervorming", sh, self.ref["signalen_uit"])):
            v = _met_voorschotten(s)
            for code, vuurt in signalen.per_code(v.resultaat, peil, uit).items():
                self.codes[kant][code] = self.codes[kant].get(code, 0.0) + float(ww @ vuurt)

    @property
    def verschil(self) -> np.ndarray:
        return self.per_record["netto_h"] - self.per_record["netto_b"]


def hervorming(bron: Any, met_signalen: bool = True, klif_stap: float = 50.0,
               voortgang: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Baseline against reform on the calibrated national population: € per year per regeling for the
    Netherlands with a bootstrap interval, households gaining and losing, per income decile, signal shares."""
    from ..hervormingen import gewijzigde_regelingen, lees_hervorming, parameters_voor, voorbeeld
    begin = time.perf_counter()
    ref = lees_hervorming(bron)
    jaar = ref["jaar"]
    basis_p, hervorm_p = parameters_voor(ref)
    w, info = _gewichten(jaar)
    v = _Vergelijking(ref=ref, basis_p=basis_p, hervorm_p=hervorm_p,
                      gewijzigd=gewijzigde_regelingen(ref) & set(REGELINGEN), w=w, met_signalen=met_signalen,
                      klif_stap=klif_stap, maak_voorbeeld=voorbeeld)
    afdruk = doorrekenen.doorreken(jaar, [basis_p, hervorm_p], v.per_stuk, voortgang)
    _controleer_afdruk(afdruk, info, jaar)
    return _hervorming_json(v, info, begin)


def _hervorming_json(v: _Vergelijking, info: dict, begin: float) -> dict[str, Any]:
    w, r = v.w, v.w.shape[0]
    totaal = float(w.sum())
    verschil = v.verschil
    interval = _interval(w, np.column_stack([v.regeling_h - v.regeling_b, verschil]))
    return {
        "soort": "landelijk", "jaar": v.ref["jaar"], "records": r, "huishoudens": round(totaal, 1),
        "regelingen": _regelingen_json(v, interval),
        "netto_besteedbaar_inkomen": _netto_json(v, interval[-1]),
        **_winst_en_verlies(v),
        "op_een_klif": _klif_json(v, totaal),
        "per_deciel": _decielen(w, v.per_record["bruto"], verschil),
        "voorbeelden": {**v.voorbeelden, "toelichting": "records van de landelijke populatie (niet meer dan "
                        f"{VOORBEELDEN} per soort); 'huishouden' is een huishoudbestand dat u met samenloop check los "
                        "kunt bekijken; 'gewicht' is het aantal huishoudens waar het record voor staat; "
                        "'regelingen' is het verschil in recht, zoals het huishoudbestand het geeft, en "
                        "'verschil_netto' het verschil na niet-gebruik, met 'verschil_inwonenden' (wat meerderjarige "
                        "inwonenden op eigen naam krijgen)"},
        **({"signalen": _signalen_json(v.codes, totaal)} if v.met_signalen else {}),
        "kalibratie": _kalibratie_json(info),
        "toelichting": (f"Landelijke populatie ({r:,} records, gewogen tot {round(totaal):,} huishoudens; "
                        "euro per jaar voor heel Nederland, na niet-gebruik). Het 95%-interval komt uit de spreiding "
                        "tussen de records (de steekproeffout, zoals een bootstrap over de records die schat): het "
                        "toont hoe precies het getal is bij deze records, niet hoe goed het model de werkelijkheid "
                        "treft (zie de controlecijfers van samenloop populatie).").replace(",", "."),
        "doorlooptijd_s": round(time.perf_counter() - begin, 2),
        "huishoudens_per_seconde": round(r / max(1e-9, time.perf_counter() - begin)),
    }


def _regelingen_json(v: _Vergelijking, interval: np.ndarray) -> dict[str, dict[str, Any]]:
    uit = {}
    for k, naam in enumerate(REGELINGEN):
        b, h = float(v.w @ v.regeling_b[:, k]), float(v.w @ v.regeling_h[:, k])
        uit[naam] = {"basis": _euro(b), "hervorming": _euro(h), "verschil": _euro(h - b),
                     "interval_95": [_euro(x) for x in interval[k]], "soort": actief()[naam].soort}
    return uit


def _netto_json(v: _Vergelijking, interval: np.ndarray) -> dict[str, Any]:
    nb_t, nh_t = float(v.w @ v.per_record["netto_b"]), float(v.w @ v.per_record["netto_h"])
    return {"basis": _euro(nb_t), "hervorming": _euro(nh_t), "verschil": _euro(nh_t - nb_t),
            "interval_95": [_euro(x) for x in interval]}


def _winst_en_verlies(v: _Vergelijking) -> dict[str, int]:
    """Weighted households gaining, losing, unchanged, and moving against the direct effect of the reform."""
    w, verschil, direct = v.w, v.verschil, v.per_record["direct"]
    d, wv = instellingen.waarde("hervorming.kleinste_verschil"), instellingen.waarde("hervorming.drempel_winst_verlies")
    tegen = (((direct > d) & (verschil < -d)) | ((direct < -d) & (verschil > d)))
    return {"winnaars": round(float(w @ (verschil > wv))), "verliezers": round(float(w @ (verschil < -wv))),
            "gelijk": round(float(w @ (np.abs(verschil) <= wv))), "tegen_de_richting": round(float(w @ tegen))}


def _klif_json(v: _Vergelijking, totaal: float) -> dict[str, Any]:
    return {"basis": round(float(v.w @ v.klif[:, 0]) / totaal, 4),
            "hervorming": round(float(v.w @ v.klif[:, 1]) / totaal, 4),
            "toelichting": f"aandeel huishoudens waar € {v.klif_stap:.0f} meer loon per maand van de "
                           "aanvrager het netto besteedbare inkomen verlaagt"}


def _signalen_json(codes: dict[str, dict[str, float]], totaal: float) -> dict[str, Any]:
    return {"huishoudens": round(totaal),
            "basis": {k: round(v / totaal, 4) for k, v in sorted(codes["basis"].items())},
            "hervorming": {k: round(v / totaal, 4) for k, v in sorted(codes["hervorming"].items())},
            "aantallen": {kant: {k: round(v) for k, v in sorted(c.items())} for kant, c in codes.items()},
            "toelichting": SIGNALEN_TOELICHTING}


SIGNALEN_TOELICHTING = ("Gewogen aandeel van alle huishoudens met dit signaal. ARMOEDEVAL niet: zie op_een_klif. "
                        "De records hebben geen schulden of gebeurtenissen. Wie een toeslag ontvangt, krijgt een "
                        "voorschot gelijk aan het recht; een deel vraagt niet aan (niet-gebruik, "
                        "rules/populatie/kenmerken.yaml). Terugvordering en nabetaling komen daarom niet voor.")
VOORBEELDEN = 5


def _kies_voorbeelden(voorbeelden, rec, sb, sh, nb, nh, direct, van, ww, maak) -> None:
    """Keep the largest losers and the first households moving against the reform, as household files."""
    from .synthetisch import als_huishoudbestand
    verschil = nh - nb
    d, wv = instellingen.waarde("hervorming.kleinste_verschil"), instellingen.waarde("hervorming.drempel_winst_verlies")
    tegen = ((direct > d) & (verschil < -d)) | ((direct < -d) & (verschil > d))

    def voorbeeld(i: int) -> dict[str, Any]:
        v = maak(rec.invoer, sb.resultaat, sh.resultaat, int(i))
        v["verschil_netto"] = round(float(verschil[i]), 2)
        eigen_naam = sum(sh.inwonenden.uitgaven[k][i] - sb.inwonenden.uitgaven[k][i] for k in inwonenden.EIGEN_NAAM)
        if abs(eigen_naam) >= 0.005:   # in verschil_netto, not in the household file: adult bewoners' own toeslag
            v["verschil_inwonenden"] = round(float(eigen_naam), 2)
        v["huishouden"] = als_huishoudbestand(rec.invoer, int(i), bool(rec.corporatie[i]))
        v["huishouden"]["naam"] = f"landelijk record {van + int(i) + 1}"
        v["record"] = van + int(i)
        v["gewicht"] = round(float(ww[i]), 2)
        return v

    ruimte = VOORBEELDEN - len(voorbeelden["tegen_de_richting"])
    voorbeelden["tegen_de_richting"] += [voorbeeld(i) for i in np.flatnonzero(tegen)[:max(0, ruimte)]]
    kandidaten = [i for i in np.argsort(verschil, kind="stable")[:VOORBEELDEN] if verschil[i] < -wv]
    voorbeelden["grootste_verliezers"] = sorted(voorbeelden["grootste_verliezers"] + [voorbeeld(i) for i in kandidaten],
                                                key=lambda x: x["verschil_netto"])[:VOORBEELDEN]


def _interval(w: np.ndarray, waarden: np.ndarray) -> np.ndarray:
    """(columns, 2): a 95% interval for each column's weighted total from the spread between records: the total
    over R records drawn with replacement has variance R/(R−1) · Σ (wᵢxᵢ − mean)² (what a bootstrap over the
    records estimates by drawing), with the normal approximation (1.96 standard errors)."""
    gewogen = w[:, None] * waarden
    r = w.shape[0]
    fout = np.sqrt(r / (r - 1) * ((gewogen - gewogen.mean(axis=0)) ** 2).sum(axis=0))
    totaal = gewogen.sum(axis=0)
    return np.stack([totaal - 1.96 * fout, totaal + 1.96 * fout], axis=1)


def _decielen(w: np.ndarray, bruto: np.ndarray, verschil: np.ndarray) -> list[dict[str, Any]]:
    """Weighted deciles of gross household income, each with its households, winners, losers and mean change."""
    orde = np.argsort(bruto, kind="stable")
    cum = np.cumsum(w[orde]) / w.sum()
    deciel = np.empty(w.shape[0], dtype=int)
    deciel[orde] = np.minimum(9, (cum * 10 - 1e-9).astype(int))
    wv = instellingen.waarde("hervorming.drempel_winst_verlies")
    uit = []
    for d in range(10):
        m = deciel == d
        gewicht = float(w[m].sum())
        uit.append({"deciel": d + 1, "huishoudens": round(gewicht), "winnaars": round(float(w[m] @ (verschil[m] > wv))),
                    "verliezers": round(float(w[m] @ (verschil[m] < -wv))),
                    "gemiddeld_verschil": round(float(w[m] @ verschil[m]) / max(gewicht, 1e-9), 2),
                    "bruto_tot": round(float(bruto[m].max()) if m.any() else 0.0)})
    return uit
