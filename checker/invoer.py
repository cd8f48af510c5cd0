"""Households as arrays: the shape every regeling computes on (N households × 12 months).

One household gives N = 1; a scan repeats one household with one income source varied; a population
stacks many. Nothing here knows a rule: it only lays out the household's facts.

Persons other than the aanvrager and the partner ("bewoners": kinderen and medebewoners) sit on a second
axis of length B (the largest number in any household), with ``bewoner_aanwezig`` marking the real ones.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

import numpy as np

from .huishouden import Huishouden, Inkomen, Persoon

# The gross income sources; ``bijstand_netto`` (net, as the gemeente pays it) is kept apart in ``Invoer.bijstand_netto``
# until the income tax has derived its gross (it then stands in ``bijstand``).
NETTO_BRONNEN = ("bijstand_netto",)
INKOMENSBRONNEN = tuple(b for b in Inkomen.model_fields if b not in NETTO_BRONNEN)
OPVANGSOORTEN = ("geen", "dagopvang", "bso", "gastouder")   # codes 0..3 in ``opvang_soort``
WIA_FASEN = ("geen", "loongerelateerd", "na_loongerelateerd", "iva")  # codes 0..3 in ``wia_fase``
WIA_KLASSEN = ("geen", "35-45", "45-55", "55-65", "65-80", "80-100")  # codes 0..5 in ``wia_klasse``
VOORAF = 3  # months before January kept for activities (the kinderopvangtoeslag uitloop looks back 3 months)


@dataclass(frozen=True)
class Invoer:
    jaar: int
    # aanvrager and toeslagpartner
    inkomen_aanvrager: dict[str, np.ndarray]   # bron -> (N, 12)
    inkomen_partner: dict[str, np.ndarray]     # bron -> (N, 12); zeros without a partner
    heeft_partner: np.ndarray                  # (N, 12) bool: a toeslagpartner in that month
    verzekerd_aanvrager: np.ndarray            # (N,) bool: zorgverzekerd
    verzekerd_partner: np.ndarray              # (N,) bool
    geboren_aanvrager: np.ndarray              # (N, 2) int: year, month of birth
    geboren_partner: np.ndarray                # (N, 2) int
    activiteit_aanvrager: np.ndarray           # (N, 3 + 12) bool: rechtgevende activiteit, Oct of last year .. Dec
    activiteit_partner: np.ndarray             # (N, 3 + 12) bool
    werk_aanvrager: np.ndarray                 # (N, 3 + 12) bool: the months of those that are werk
    werk_partner: np.ndarray                   # (N, 3 + 12) bool
    activiteit_vooraf_bekend: np.ndarray       # (N, 2) bool: aanvrager/partner activities before January given
    wlz_partner: np.ndarray                    # (N,) bool: partner has a Wlz-indicatie
    urencriterium: np.ndarray                  # (N, 2) bool: aanvrager/partner meets the urencriterium
    urencriterium_bekend: np.ndarray           # (N, 2) bool: the household said so (else assumed not met)
    # WIA situation of aanvrager/partner (index 0/1 on the last axis)
    wia_fase: np.ndarray                       # (N, 2) int code, see WIA_FASEN (0 = no WIA)
    wia_klasse: np.ndarray                     # (N, 2) int code, see WIA_KLASSEN
    wia_maandloon: np.ndarray                  # (N, 2) WIA-maandloon
    wia_restverdiencapaciteit: np.ndarray      # (N, 2) per month
    wia_einde_loongerelateerd: np.ndarray      # (N, 2) int: month index in jaar (0..11) of the last LGU month;
                                               #   -1 ended before jaar, 12 runs past jaar or not given
    kan_niet_zorgen: np.ndarray                # (N, 2) bool: aanvrager/partner cannot care for a child
    # kinderen and medebewoners
    bewoner_aanwezig: np.ndarray               # (N, B) bool
    bewoner_is_kind: np.ndarray                # (N, B) bool: rol kind (else medebewoner)
    bewoner_geboren: np.ndarray                # (N, B, 2) int
    bewoner_inkomen: np.ndarray                # (N, B, 12) all income sources together
    opvang_soort: np.ndarray                   # (N, B) int code, see OPVANGSOORTEN
    opvang_uren: np.ndarray                    # (N, B, 12)
    opvang_uurprijs: np.ndarray                # (N, B)
    # wonen, vermogen, what is received now
    huurwoning: np.ndarray                     # (N,) bool
    kale_huur: np.ndarray                      # (N, 12)
    servicekosten: np.ndarray                  # (N, 12)
    vermogen: np.ndarray                       # (N,) rendementsgrondslag on 1 January
    gemeente: np.ndarray                       # (N,) str: id of the municipal policy (rules/gemeenten)
    gemeentelijke_belastingen: np.ndarray      # (N,) this year's aanslag that kwijtschelding could cover
    peildatum_maand: np.ndarray                # (N,) int: month index of the peildatum ("today"; -1 before the
                                               #   year, 12 after it): an aanvraag made now starts there
    ontvangt: dict[str, np.ndarray]            # regeling -> (N, 12) voorschot received
    heeft_wia_zonder_uitkering: np.ndarray     # (N,) bool: WIA situation given but no inkomen.wga
    # set by the orchestrator once the income tax is computed: (N, 2) verzamelinkomen of aanvrager/partner
    toetsingsinkomen: np.ndarray | None = None
    # bijstand received now as its net amount (inkomen.bijstand_netto), None when no household gives one:
    # (N, 2, 12) aanvrager/partner, and (N, B, 12) the bewoners. The income tax derives the gross; the orchestrator
    # then puts it in inkomen_*["bijstand"] and bewoner_inkomen (and sets bewoner_bijstand_netto to None: done).
    bijstand_netto: np.ndarray | None = None
    bewoner_bijstand_netto: np.ndarray | None = None

    @property
    def n(self) -> int:
        return self.vermogen.shape[0]

    def met_inkomen(self, persoon: str, bron: str, bedragen: np.ndarray) -> "Invoer":
        """A copy with one source of the aanvrager or partner replaced by (N, 12) amounts."""
        veld = "inkomen_aanvrager" if persoon == "aanvrager" else "inkomen_partner"
        nieuw = dict(getattr(self, veld))
        nieuw[bron] = bedragen
        return replace(self, **{veld: nieuw})

    def herhaald(self, n: int) -> "Invoer":
        """Every household repeated n times along the first axis (for a sweep)."""
        def rep(a):
            if isinstance(a, dict):
                return {k: np.repeat(v, n, axis=0) for k, v in a.items()}
            return np.repeat(a, n, axis=0) if isinstance(a, np.ndarray) else a
        return Invoer(**{f.name: rep(getattr(self, f.name)) for f in fields(self)})


# --- from validated households ----------------------------------------------------------------------
def _inkomen(p: Persoon | None) -> dict[str, np.ndarray]:
    if p is None:
        return {b: np.zeros(12) for b in INKOMENSBRONNEN}
    return {b: np.asarray(getattr(p.inkomen, b), dtype=float) for b in INKOMENSBRONNEN}


def _geboren(h: Huishouden, p: Persoon | None) -> tuple[int, int]:
    if p is None:
        return (0, 1)
    d = h.geboortedatum(p)
    return (d.year, d.month)


def _maand_index(jaar: int, d: date) -> int:
    """Index of the month of d on the activity axis (0 = October of the previous year)."""
    return (d.year - jaar) * 12 + d.month - 1 + VOORAF


def activiteit_per_maand(jaar: int, p: Persoon | None) -> tuple[np.ndarray, np.ndarray, bool]:
    """Months (Oct of last year .. Dec) with a rechtgevende activiteit, the months of those with werk, and
    whether the months before January are known. Without ``activiteiten`` a month with loon or winst > 0
    counts as werk (contract section 1)."""
    uit = np.zeros(VOORAF + 12, dtype=bool)
    werk = np.zeros(VOORAF + 12, dtype=bool)
    if p is None:
        return uit, werk, True
    if not p.activiteiten:
        uit[VOORAF:] = (np.asarray(p.inkomen.loon) > 0) | (np.asarray(p.inkomen.winst) > 0)
        return uit, uit.copy(), False
    for a in p.activiteiten:
        van = max(0, _maand_index(jaar, a.van))
        tot = VOORAF + 11 if a.tot is None else min(VOORAF + 11, _maand_index(jaar, a.tot))
        if tot >= van:
            uit[van:tot + 1] = True
            if a.soort == "werk":
                werk[van:tot + 1] = True
    return uit, werk, True


def eerste_maand_na_wijziging(d: date) -> int:
    """Month index (0..12) from which a change on day ``d`` counts: a change after the first day of a month counts
    from the first day of the next month (Awir art. 5)."""
    return d.month - 1 if d.day == 1 else d.month


def partnerwijzigingen(h: Huishouden) -> list[tuple[str, int]]:
    """The samenwonen and scheiding events in date order, each with the month index (0..12) from which it counts."""
    uit = []
    for g in sorted((g for g in h.gebeurtenissen if g.soort in ("samenwonen", "scheiding")), key=lambda g: g.datum):
        vanaf = eerste_maand_na_wijziging(g.datum) if g.datum.year == h.jaar else (0 if g.datum.year < h.jaar else 12)
        uit.append((g.soort, vanaf))
    return uit


def partner_per_maand(h: Huishouden) -> np.ndarray:
    """(12,) bool: the months with a (toeslag)partner. Without events the partner in the file counts all year; a
    ``samenwonen`` event starts the partnership and a ``scheiding`` ends it, each from the month Awir art. 5 gives
    (Awir art. 3 lid 1-3). Before the first event the partner is there unless that event is a samenwonen."""
    if h.partner is None:
        return np.zeros(12, dtype=bool)
    wijzigingen = partnerwijzigingen(h)
    maanden = np.full(12, not (wijzigingen and wijzigingen[0][0] == "samenwonen"))
    for soort, vanaf in wijzigingen:
        maanden[vanaf:] = soort == "samenwonen"
    return maanden


def _peildatum_maand(h: Huishouden) -> int:
    peil = h.peildatum or date.today()
    return min(12, max(-1, (peil.year - h.jaar) * 12 + peil.month - 1))


def _bewoners(h: Huishouden) -> list[Persoon]:
    return [p for p in h.personen if p.rol in ("kind", "medebewoner")]


def uit_huishoudens(huishoudens: list[Huishouden]) -> Invoer:
    """Stack households of one berekeningsjaar into arrays."""
    jaren = {h.jaar for h in huishoudens}
    if len(jaren) != 1:
        raise ValueError("alle huishoudens moeten hetzelfde berekeningsjaar hebben")
    jaar = jaren.pop()
    n = len(huishoudens)
    b = max([len(_bewoners(h)) for h in huishoudens] + [1])

    bew_aanwezig = np.zeros((n, b), dtype=bool)
    bew_kind = np.zeros((n, b), dtype=bool)
    bew_geboren = np.zeros((n, b, 2), dtype=int)
    bew_inkomen = np.zeros((n, b, 12))
    bew_bijstand_netto = np.zeros((n, b, 12))
    bijstand_netto = np.zeros((n, 2, 12))
    opvang_soort = np.zeros((n, b), dtype=int)
    opvang_uren = np.zeros((n, b, 12))
    opvang_uurprijs = np.zeros((n, b))
    act = np.zeros((2, n, VOORAF + 12), dtype=bool)
    werk = np.zeros((2, n, VOORAF + 12), dtype=bool)
    act_bekend = np.ones((n, 2), dtype=bool)
    uren = np.zeros((n, 2), dtype=bool)
    uren_bekend = np.zeros((n, 2), dtype=bool)
    wia = {k: np.zeros((n, 2), dtype=d) for k, d in (("fase", int), ("klasse", int), ("maandloon", float),
                                                      ("rvc", float), ("einde", int))}
    wia["einde"][:] = 12
    per = []
    for i, h in enumerate(huishoudens):
        a, p = h.aanvrager, h.partner
        for k, persoon in enumerate((a, p)):
            act[k, i], werk[k, i], act_bekend[i, k] = activiteit_per_maand(jaar, persoon)
            if persoon is not None:
                bijstand_netto[i, k] = persoon.inkomen.bijstand_netto
            if persoon is not None and persoon.urencriterium is not None:
                uren[i, k], uren_bekend[i, k] = persoon.urencriterium, True
            if persoon is not None and persoon.wia is not None:
                w = persoon.wia
                wia["fase"][i, k] = WIA_FASEN.index(w.fase)
                wia["klasse"][i, k] = WIA_KLASSEN.index(w.klasse)
                wia["maandloon"][i, k] = w.maandloon
                wia["rvc"][i, k] = w.restverdiencapaciteit
                if w.einde_loongerelateerd is not None:
                    wia["einde"][i, k] = min(12, max(-1, _maand_index(jaar, w.einde_loongerelateerd) - VOORAF))
        for j, x in enumerate(_bewoners(h)):
            bew_aanwezig[i, j] = True
            bew_kind[i, j] = x.rol == "kind"
            bew_geboren[i, j] = _geboren(h, x)
            bew_inkomen[i, j] = sum(_inkomen(x).values())
            bew_bijstand_netto[i, j] = x.inkomen.bijstand_netto
            if x.kinderopvang is not None:
                opvang_soort[i, j] = OPVANGSOORTEN.index(x.kinderopvang.soort)
                opvang_uren[i, j] = x.kinderopvang.uren_per_maand
                opvang_uurprijs[i, j] = x.kinderopvang.uurprijs
        w = h.wonen
        per.append(dict(
            ia=_inkomen(a), ip=_inkomen(p), partner=partner_per_maand(h),
            va=a.zorgverzekerd, vp=bool(p and p.zorgverzekerd), ga=_geboren(h, a), gp=_geboren(h, p),
            wlz=bool(p and p.wlz_indicatie),
            zorg=(a.kan_niet_voor_kind_zorgen, bool(p and p.kan_niet_voor_kind_zorgen)),
            huur=bool(w and w.soort == "huur"),
            kaal=np.asarray(w.kale_huur if w else (0.0,) * 12, dtype=float),
            service=np.asarray(w.servicekosten if w else (0.0,) * 12, dtype=float),
            vermogen=h.vermogen, gemeente=h.gemeente, belastingen=h.gemeentelijke_belastingen,
            peil=_peildatum_maand(h),
            ontvangt={k: np.asarray(getattr(h.ontvangt, k), dtype=float) for k in type(h.ontvangt).model_fields},
            wia=any(x.wia is not None and not any(x.inkomen.wga) for x in (a, p) if x is not None),
        ))

    def stapel(sleutel: str) -> dict[str, np.ndarray]:
        return {k: np.stack([d[sleutel][k] for d in per]) for k in per[0][sleutel]}

    def rij(sleutel: str, dtype=None) -> np.ndarray:
        return np.array([d[sleutel] for d in per], dtype=dtype)

    return Invoer(
        jaar=jaar,
        inkomen_aanvrager=stapel("ia"), inkomen_partner=stapel("ip"),
        heeft_partner=rij("partner", bool), verzekerd_aanvrager=rij("va", bool), verzekerd_partner=rij("vp", bool),
        geboren_aanvrager=rij("ga", int), geboren_partner=rij("gp", int),
        activiteit_aanvrager=act[0], activiteit_partner=act[1], werk_aanvrager=werk[0], werk_partner=werk[1],
        activiteit_vooraf_bekend=act_bekend,
        wlz_partner=rij("wlz", bool), kan_niet_zorgen=rij("zorg", bool),
        urencriterium=uren, urencriterium_bekend=uren_bekend,
        wia_fase=wia["fase"], wia_klasse=wia["klasse"], wia_maandloon=wia["maandloon"],
        wia_restverdiencapaciteit=wia["rvc"], wia_einde_loongerelateerd=wia["einde"],
        bewoner_aanwezig=bew_aanwezig, bewoner_is_kind=bew_kind, bewoner_geboren=bew_geboren,
        bewoner_inkomen=bew_inkomen, opvang_soort=opvang_soort, opvang_uren=opvang_uren,
        opvang_uurprijs=opvang_uurprijs,
        huurwoning=rij("huur", bool), kale_huur=rij("kaal", float), servicekosten=rij("service", float),
        vermogen=rij("vermogen", float), gemeente=rij("gemeente", object),
        gemeentelijke_belastingen=rij("belastingen", float), peildatum_maand=rij("peil", int),
        ontvangt=stapel("ontvangt"),
        heeft_wia_zonder_uitkering=rij("wia", bool),
        bijstand_netto=bijstand_netto if bijstand_netto.any() else None,
        bewoner_bijstand_netto=bew_bijstand_netto if bew_bijstand_netto.any() else None,
    )


def jaartotaal(maanden: np.ndarray) -> np.ndarray:
    """The sum over the months (last axis) of an array of amounts: the same as ``sum(axis=-1)`` up to the last
    bit, but several times faster on rows of 12 (numpy's reduction over a short last axis is slow; einsum
    is not). Used where scans and populations sum many (N, 12) arrays."""
    if maanden.dtype != np.float64:
        return maanden.sum(axis=-1)
    return np.einsum("...m->...", maanden)


def leeftijd_per_maand(geboren: np.ndarray, jaar: int) -> np.ndarray:
    """(..., 12) age in whole years per month of ``jaar``, a birthday counting from the month after it
    (Awir art. 5: a change after the first day of a month counts from the next month). Only the year and
    month of birth are kept, so a birthday on the 1st also counts from the next month."""
    jaar_geb, maand_geb = geboren[..., 0:1], geboren[..., 1:2]
    maanden = np.arange(1, 13)
    return jaar - jaar_geb - (maanden <= maand_geb).astype(int)
