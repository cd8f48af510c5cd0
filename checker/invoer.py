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
from .maanden import VOORAF, eerste_maand_na_wijziging, maand_index

# The gross income sources; ``bijstand_netto`` (net, as the gemeente pays it) is kept apart in ``Invoer.bijstand_netto``
# until the income tax has derived its gross (it then stands in ``bijstand``).
NETTO_BRONNEN = ("bijstand_netto",)
INKOMENSBRONNEN = tuple(b for b in Inkomen.model_fields if b not in NETTO_BRONNEN)
OPVANGSOORTEN = ("geen", "dagopvang", "bso", "gastouder")   # codes 0..3 in ``opvang_soort``
WIA_FASEN = ("geen", "loongerelateerd", "na_loongerelateerd", "iva")  # codes 0..3 in ``wia_fase``
WIA_KLASSEN = ("geen", "35-45", "45-55", "55-65", "65-80", "80-100")  # codes 0..5 in ``wia_klasse``


@dataclass(frozen=True)
class Invoer:
    jaar: int
    # aanvrager and toeslagpartner
    inkomen_aanvrager: dict[str, np.ndarray]   # bron -> (N, 12)
    inkomen_partner: dict[str, np.ndarray]     # bron -> (N, 12); zeros without a partner
    heeft_partner: np.ndarray                  # (N, 12) bool: a toeslagpartner in that month
    verzekerd_aanvrager: np.ndarray            # (N,) bool: zorgverzekerd
    verzekerd_partner: np.ndarray              # (N,) bool
    geboren_aanvrager: np.ndarray              # (N, 3) int: year, month, day of birth
    geboren_partner: np.ndarray                # (N, 3) int
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
    bewoner_geboren: np.ndarray                # (N, B, 3) int: year, month, day of birth
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
        return self.met(**{veld: nieuw})

    def met(self, **velden) -> "Invoer":
        """A copy with other values for some fields (dataclasses.replace); the ages per month computed so far are
        shared when no birth date or year changes (they depend on nothing else)."""
        kopie = replace(self, **velden)
        if not {"jaar", "geboren_aanvrager", "geboren_partner", "bewoner_geboren"} & velden.keys():
            kopie.__dict__["_leeftijden"] = self.__dict__.setdefault("_leeftijden", {})
        return kopie

    # -- ages per month, computed once per Invoer (every regeling asks; a scan has thousands of rows) -----------
    def _onthouden(self, sleutel: tuple, maak):
        cache = self.__dict__.setdefault("_leeftijden", {})   # not a field: replace() and herhaald() start afresh
        if sleutel not in cache:
            cache[sleutel] = maak()
        return cache[sleutel]

    def _geboren(self, wie: str) -> np.ndarray:
        return {"aanvrager": self.geboren_aanvrager, "partner": self.geboren_partner,
                "bewoner": self.bewoner_geboren}[wie]

    def maanden_oud(self, wie: str) -> np.ndarray:
        """Whole months of age on the first day of each month (see ``maanden_oud_op_eerste_dag``); ``wie``:
        aanvrager, partner (N, 12) or bewoner (N, B, 12)."""
        return self._onthouden(("maanden", wie), lambda: maanden_oud_op_eerste_dag(self._geboren(wie), self.jaar))

    def leeftijd(self, wie: str) -> np.ndarray:
        """Age in years on the first day of each month: the Awir art. 5 month (``leeftijd_per_maand``)."""
        return self._onthouden(("jaren", wie), lambda: self.maanden_oud(wie) // 12)

    def leeftijd_na_verjaardagsmaand(self, wie: str) -> np.ndarray:
        """Age in years counting a birthday from the month after its month (``leeftijd_vanaf_maand_na_verjaardag``)."""
        return self._onthouden(("na_maand", wie),
                               lambda: leeftijd_vanaf_maand_na_verjaardag(self._geboren(wie), self.jaar))

    def bereikt(self, wie: str, leeftijd_jaren: float) -> np.ndarray:
        """On the first day of each month the age (years, possibly with months) is reached
        (``bereikt_op_eerste_dag``)."""
        return self.maanden_oud(wie) >= int(round(float(leeftijd_jaren) * 12))

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


def _geboren(h: Huishouden, p: Persoon | None) -> tuple[int, int, int]:
    """Year, month and day of birth; with only ``leeftijd`` the date Huishouden.geboortedatum assumes (1 July)."""
    if p is None:
        return (0, 1, 1)
    d = h.geboortedatum(p)
    return (d.year, d.month, d.day)


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
        van = max(0, maand_index(jaar, a.van))
        tot = VOORAF + 11 if a.tot is None else min(VOORAF + 11, maand_index(jaar, a.tot))
        if tot >= van:
            uit[van:tot + 1] = True
            if a.soort == "werk":
                werk[van:tot + 1] = True
    return uit, werk, True


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


@dataclass
class _Personen:
    """The (…, 2) arrays of the aanvrager (0) and the partner (1), filled household by household."""
    activiteit: np.ndarray        # (2, N, VOORAF + 12) bool
    werk: np.ndarray              # (2, N, VOORAF + 12) bool
    activiteit_bekend: np.ndarray  # (N, 2) bool
    uren: np.ndarray              # (N, 2) bool
    uren_bekend: np.ndarray       # (N, 2) bool
    wia: dict[str, np.ndarray]    # fase, klasse, maandloon, rvc, einde -> (N, 2)
    bijstand_netto: np.ndarray    # (N, 2, 12)

    @classmethod
    def leeg(cls, n: int) -> _Personen:
        wia = {k: np.zeros((n, 2), dtype=d) for k, d in (("fase", int), ("klasse", int), ("maandloon", float),
                                                          ("rvc", float), ("einde", int))}
        wia["einde"][:] = 12
        return cls(
            activiteit=np.zeros((2, n, VOORAF + 12), dtype=bool), werk=np.zeros((2, n, VOORAF + 12), dtype=bool),
            activiteit_bekend=np.ones((n, 2), dtype=bool),
            uren=np.zeros((n, 2), dtype=bool), uren_bekend=np.zeros((n, 2), dtype=bool),
            wia=wia, bijstand_netto=np.zeros((n, 2, 12)),
        )

    def vul(self, i: int, jaar: int, h: Huishouden) -> None:
        """Fill row ``i`` from the aanvrager and partner of ``h``."""
        for k, persoon in enumerate((h.aanvrager, h.partner)):
            self.activiteit[k, i], self.werk[k, i], self.activiteit_bekend[i, k] = activiteit_per_maand(jaar, persoon)
            if persoon is not None:
                self.bijstand_netto[i, k] = persoon.inkomen.bijstand_netto
            if persoon is not None and persoon.urencriterium is not None:
                self.uren[i, k], self.uren_bekend[i, k] = persoon.urencriterium, True
            if persoon is not None and persoon.wia is not None:
                self._vul_wia(i, k, jaar, persoon)

    def _vul_wia(self, i: int, k: int, jaar: int, persoon: Persoon) -> None:
        w = persoon.wia
        self.wia["fase"][i, k] = WIA_FASEN.index(w.fase)
        self.wia["klasse"][i, k] = WIA_KLASSEN.index(w.klasse)
        self.wia["maandloon"][i, k] = w.maandloon
        self.wia["rvc"][i, k] = w.restverdiencapaciteit
        if w.einde_loongerelateerd is not None:
            self.wia["einde"][i, k] = min(12, max(-1, maand_index(jaar, w.einde_loongerelateerd) - VOORAF))


@dataclass
class _Bewoners:
    """The (N, B, …) arrays of the bewoners (kinderen and medebewoners), filled household by household."""
    aanwezig: np.ndarray         # (N, B) bool
    kind: np.ndarray             # (N, B) bool
    geboren: np.ndarray          # (N, B, 3) int
    inkomen: np.ndarray          # (N, B, 12)
    bijstand_netto: np.ndarray   # (N, B, 12)
    opvang_soort: np.ndarray     # (N, B) int
    opvang_uren: np.ndarray      # (N, B, 12)
    opvang_uurprijs: np.ndarray  # (N, B)

    @classmethod
    def leeg(cls, n: int, b: int) -> _Bewoners:
        geboren = np.zeros((n, b, 3), dtype=int)
        geboren[..., 1:] = 1
        return cls(
            aanwezig=np.zeros((n, b), dtype=bool), kind=np.zeros((n, b), dtype=bool), geboren=geboren,
            inkomen=np.zeros((n, b, 12)), bijstand_netto=np.zeros((n, b, 12)),
            opvang_soort=np.zeros((n, b), dtype=int), opvang_uren=np.zeros((n, b, 12)),
            opvang_uurprijs=np.zeros((n, b)),
        )

    def vul(self, i: int, h: Huishouden) -> None:
        """Fill row ``i`` from the bewoners of ``h``."""
        for j, x in enumerate(_bewoners(h)):
            self.aanwezig[i, j] = True
            self.kind[i, j] = x.rol == "kind"
            self.geboren[i, j] = _geboren(h, x)
            self.inkomen[i, j] = sum(_inkomen(x).values())
            self.bijstand_netto[i, j] = x.inkomen.bijstand_netto
            if x.kinderopvang is not None:
                self.opvang_soort[i, j] = OPVANGSOORTEN.index(x.kinderopvang.soort)
                self.opvang_uren[i, j] = x.kinderopvang.uren_per_maand
                self.opvang_uurprijs[i, j] = x.kinderopvang.uurprijs


def _huishoudfeiten(h: Huishouden) -> dict:
    """The facts of one household that stack row by row (keys as ``_stapel`` and ``_rij`` read them)."""
    a, p, w = h.aanvrager, h.partner, h.wonen
    return dict(
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
    )


def _stapel(per: list[dict], sleutel: str) -> dict[str, np.ndarray]:
    return {k: np.stack([d[sleutel][k] for d in per]) for k in per[0][sleutel]}


def _rij(per: list[dict], sleutel: str, dtype=None) -> np.ndarray:
    return np.array([d[sleutel] for d in per], dtype=dtype)


def _berekeningsjaar(huishoudens: list[Huishouden]) -> int:
    jaren = {h.jaar for h in huishoudens}
    if len(jaren) != 1:
        raise ValueError("alle huishoudens moeten hetzelfde berekeningsjaar hebben")
    return jaren.pop()


def uit_huishoudens(huishoudens: list[Huishouden]) -> Invoer:
    """Stack households of one berekeningsjaar into arrays."""
    jaar = _berekeningsjaar(huishoudens)
    n = len(huishoudens)
    personen = _Personen.leeg(n)
    bewoners = _Bewoners.leeg(n, max([len(_bewoners(h)) for h in huishoudens] + [1]))
    per = []
    for i, h in enumerate(huishoudens):
        personen.vul(i, jaar, h)
        bewoners.vul(i, h)
        per.append(_huishoudfeiten(h))
    return _invoer(jaar, per, personen, bewoners)


def _invoer(jaar: int, per: list[dict], personen: _Personen, bewoners: _Bewoners) -> Invoer:
    wia = personen.wia
    return Invoer(
        jaar=jaar,
        inkomen_aanvrager=_stapel(per, "ia"), inkomen_partner=_stapel(per, "ip"),
        heeft_partner=_rij(per, "partner", bool), verzekerd_aanvrager=_rij(per, "va", bool),
        verzekerd_partner=_rij(per, "vp", bool),
        geboren_aanvrager=_rij(per, "ga", int), geboren_partner=_rij(per, "gp", int),
        activiteit_aanvrager=personen.activiteit[0], activiteit_partner=personen.activiteit[1],
        werk_aanvrager=personen.werk[0], werk_partner=personen.werk[1],
        activiteit_vooraf_bekend=personen.activiteit_bekend,
        wlz_partner=_rij(per, "wlz", bool), kan_niet_zorgen=_rij(per, "zorg", bool),
        urencriterium=personen.uren, urencriterium_bekend=personen.uren_bekend,
        wia_fase=wia["fase"], wia_klasse=wia["klasse"], wia_maandloon=wia["maandloon"],
        wia_restverdiencapaciteit=wia["rvc"], wia_einde_loongerelateerd=wia["einde"],
        bewoner_aanwezig=bewoners.aanwezig, bewoner_is_kind=bewoners.kind, bewoner_geboren=bewoners.geboren,
        bewoner_inkomen=bewoners.inkomen, opvang_soort=bewoners.opvang_soort, opvang_uren=bewoners.opvang_uren,
        opvang_uurprijs=bewoners.opvang_uurprijs,
        huurwoning=_rij(per, "huur", bool), kale_huur=_rij(per, "kaal", float),
        servicekosten=_rij(per, "service", float),
        vermogen=_rij(per, "vermogen", float), gemeente=_rij(per, "gemeente", object),
        gemeentelijke_belastingen=_rij(per, "belastingen", float), peildatum_maand=_rij(per, "peil", int),
        ontvangt=_stapel(per, "ontvangt"),
        heeft_wia_zonder_uitkering=_rij(per, "wia", bool),
        bijstand_netto=personen.bijstand_netto if personen.bijstand_netto.any() else None,
        bewoner_bijstand_netto=bewoners.bijstand_netto if bewoners.bijstand_netto.any() else None,
    )


def jaartotaal(maanden: np.ndarray) -> np.ndarray:
    """The sum over the months (last axis) of an array of amounts: the same as ``sum(axis=-1)`` up to the last
    bit, but several times faster on rows of 12 (numpy's reduction over a short last axis is slow; einsum
    is not). Used where scans and populations sum many (N, 12) arrays."""
    if maanden.dtype != np.float64:
        return maanden.sum(axis=-1)
    return np.einsum("...m->...", maanden)


# --- ages per month ----------------------------------------------------------------------------------------
# Birth dates are (..., 3) arrays of year, month, day. Two month rules occur in the laws used here:
# - Awir art. 5 (all toeslagen unless their own law says otherwise) counts a change of age, and a birth, from the
#   first day of the month after it, or from that month when it falls on its first day: the age that counts in a
#   month is the age on its first day. The AKW judges each quarter by its first day the same way (art. 11 lid 2,
#   art. 12 lid 3).
# - Some laws count from the calendar month after the month of the birthday or birth, whatever the day: the Wkgb
#   (art. 2 lid 1, 3 and 5) and the Wzt (art. 1 lid 1 onder c).
# With only ``leeftijd`` in the household file the birth date is taken as 1 July (Huishouden.geboortedatum).
MAANDNUMMERS = np.arange(1, 13)


def maanden_oud_op_eerste_dag(geboren: np.ndarray, jaar: int) -> np.ndarray:
    """(..., 12) the age in whole months on the first day of each month of ``jaar``: a month is complete on the day
    of the month with the day of birth, so on the first day when born on a first; negative before the birth."""
    geboortemaand = geboren[..., 0:1] * 12 + geboren[..., 1:2]
    return (jaar * 12 + MAANDNUMMERS) - geboortemaand - (geboren[..., 2:3] > 1)


def leeftijd_per_maand(geboren: np.ndarray, jaar: int) -> np.ndarray:
    """(..., 12) age in whole years on the first day of each month of ``jaar``; negative before the birth.

    This is the age that counts under Awir art. 5: a birthday after the first day of a month counts from the first
    day of the next month, a birthday on the first day from that month itself."""
    return maanden_oud_op_eerste_dag(geboren, jaar) // 12


def leeftijd_vanaf_maand_na_verjaardag(geboren: np.ndarray, jaar: int) -> np.ndarray:
    """(..., 12) age in whole years per month of ``jaar``, a birthday (and the birth) counting from the calendar
    month after the month in which it falls, whatever the day (Wkgb art. 2 lid 1, 3 and 5; Wzt art. 1 lid 1
    onder c); negative up to and including the month of birth."""
    geboortemaand = geboren[..., 0:1] * 12 + geboren[..., 1:2]
    return ((jaar * 12 + MAANDNUMMERS) - geboortemaand - 1) // 12


def bereikt_op_eerste_dag(geboren: np.ndarray, jaar: int, leeftijd_jaren: float) -> np.ndarray:
    """(..., 12) bool: on the first day of each month of ``jaar`` the person has reached an age given in years,
    possibly with months (the AOW age, AOW art. 7a, is set in years and months): reached on the birthday that many
    years and months after the birth. As ``leeftijd_per_maand``, this is the Awir art. 5 month."""
    return maanden_oud_op_eerste_dag(geboren, jaar) >= int(round(float(leeftijd_jaren) * 12))


def verjaardag_na_eerste_dag(geboren: np.ndarray, jaar: int, leeftijd_jaren: float) -> np.ndarray:
    """(..., 12) bool: the month of ``jaar`` in which the person reaches that age on a day after the first (the month
    a law that counts from the day itself splits)."""
    totaal = int(round(float(leeftijd_jaren) * 12))
    jaar_geb, maand_geb, dag_geb = geboren[..., 0:1], geboren[..., 1:2], geboren[..., 2:3]
    maand_bereikt = jaar_geb * 12 + (maand_geb - 1) + totaal
    return (jaar * 12 + (MAANDNUMMERS - 1) == maand_bereikt) & (dag_geb > 1)
