"""Households for tests, built in one place (the household file of the contract, schema 1).

``persoon``, ``kind`` and ``huis`` build the parts; ``twaalf`` spreads a year's amount over twelve whole-euro months
so that a toetsingsinkomen is exact; ``invoer_van`` turns households into the arrays the regelingen take. The
builders of a test file (its usual household, with that file's defaults) are made of these.
"""
from __future__ import annotations


def twaalf(totaal: int) -> list[int]:
    """A 12-list of whole euros (January..December) whose sum is exactly ``totaal``."""
    basis, rest = divmod(int(totaal), 12)
    return [basis + (1 if i < rest else 0) for i in range(12)]


def persoon(pid: str, rol: str, jaarinkomen: int | None = None, *, bron: str = "loon", leeftijd: int | None = 40,
            geboortedatum: str | None = None, inkomen: dict | None = None, **extra) -> dict:
    """One person: by ``geboortedatum`` or else by ``leeftijd`` (age on 1 January); ``jaarinkomen`` is a year's
    amount of ``bron`` spread over the months with ``twaalf``, ``inkomen`` the income keys as given; ``extra`` adds
    fields (zorgverzekerd, activiteiten, wia, ...)."""
    p: dict = {"id": pid, "rol": rol}
    if geboortedatum:
        p["geboortedatum"] = geboortedatum
    elif leeftijd is not None:
        p["leeftijd"] = leeftijd
    if jaarinkomen is not None:
        p["inkomen"] = {bron: twaalf(jaarinkomen)}
    if inkomen is not None:
        p["inkomen"] = inkomen
    p.update(extra)
    return p


def kind(pid: str, geboortedatum: str | None = None, *, leeftijd: int | None = None,
         opvang: tuple | None = None, **extra) -> dict:
    """A child, by ``geboortedatum`` or ``leeftijd``; ``opvang`` = (soort, uren_per_maand, uurprijs)."""
    k = persoon(pid, "kind", leeftijd=leeftijd, geboortedatum=geboortedatum, **extra)
    if opvang is not None:
        soort, uren, uurprijs = opvang
        k["kinderopvang"] = {"soort": soort, "uren_per_maand": uren, "uurprijs": uurprijs}
    return k


def huis(*personen: dict, jaar: int = 2026, naam: str = "test", peildatum: str | None = None, **velden) -> dict:
    """A household of these persons in ``jaar``; ``velden`` are its other fields (wonen, vermogen, ontvangt, ...).
    Without ``peildatum`` there is none (the regelingen do not need it; check() then takes today)."""
    h: dict = {"schema": 1, "naam": naam, "jaar": jaar}
    if peildatum is not None:
        h["peildatum"] = peildatum
    h["personen"] = list(personen)
    h.update(velden)
    return h


def invoer_van(*huishoudens):
    """The households validated and as arrays (checker.invoer), as a regeling's ``bereken`` takes them."""
    from checker import huishouden as model, invoer
    return invoer.uit_huishoudens([model.valideer(h) for h in huishoudens])


def huishouden(loon=0.0, partner_loon=None, jaar=2026, vermogen=0.0, ontvangt_zt=0.0, leeftijd=40,
               partner_leeftijd=40, **extra) -> dict:
    """An aanvrager (and partner) with this loon per month, peildatum 15 June."""
    personen = [persoon("a", "aanvrager", leeftijd=leeftijd, inkomen={"loon": loon})]
    if partner_loon is not None:
        personen.append(persoon("p", "partner", leeftijd=partner_leeftijd, inkomen={"loon": partner_loon}))
    h = huis(*personen, jaar=jaar, peildatum=f"{jaar}-06-15", vermogen=vermogen, ontvangt={"zorgtoeslag": ontvangt_zt})
    h.update(extra)
    return h


def assert_samen_gelijk_aan_los(samen, losse) -> None:
    """Many households computed at once give, for each, exactly what it gets computed alone: amounts,
    explanation, warnings, facts and details (the vectorised path the scan and populations rely on)."""
    import numpy as np
    for i, los in enumerate(losse):
        assert samen.jaarbedrag[i] == los.jaarbedrag[0]
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.uitleg(i) == los.uitleg(0)
        assert samen.waarschuwingen(i) == los.waarschuwingen(0)
        for sleutel, waarde in samen.feiten.items():
            assert np.array_equal(waarde[i], los.feiten[sleutel][0]), sleutel
        for sleutel, waarde in samen.details.items():
            a, b = np.asarray(waarde[i]), np.asarray(los.details[sleutel][0])
            if a.shape != b.shape:  # arrays over the bewoners axis: the batch pads to its largest household,
                a = a[:b.shape[0]]  # and what stands in the padding has no meaning
            assert np.array_equal(a, b), sleutel


def netto_als_bruto(inv, wga=None) -> dict:
    """What the bijstand needs from the regelingen before it, for tests of the bijstand's own arithmetic: the WGA as
    the household gives it (inkomen.wga), or ``wga`` (a WgaBruto), and an inkomstenbelasting whose net income is the
    gross income the bijstand counts (the tax is tested on its own), with the bijstand received as given (net where it
    was given net). Returns the ``eerder`` to pass, typed as the regelingen hand their results on."""
    import numpy as np

    from checker.regelingen import bijstand
    from checker.regelingen._uitkomst import Uitkomst
    from checker.regelingen.inkomstenbelasting import InkomenNaBelasting
    from checker.regelingen.wga import WgaBruto

    def uitkomst(regeling, doorgifte):
        return Uitkomst(regeling=regeling, instantie="test", maandbedragen=np.zeros((inv.n, 12)),
                        jaarbedrag=np.zeros(inv.n), recht=np.zeros(inv.n, dtype=bool), uitleg=lambda i: [],
                        bronnen=lambda i: [], doorgifte=doorgifte)

    wga = wga or WgaBruto(aanvrager=inv.inkomen_aanvrager["wga"], partner=inv.inkomen_partner["wga"])
    bruto = bijstand.inkomen_per_bron(inv, wga)
    netto = sum(sum(v for b, v in bruto[k].items() if b != "bijstand") for k in bijstand.PERSONEN)
    ontvangen = bruto["aanvrager"]["bijstand"] + bruto["partner"]["bijstand"]
    uit_netto = np.zeros(inv.n, dtype=bool)
    if inv.bijstand_netto is not None:
        gegeven = inv.bijstand_netto[:, 0] + np.where(inv.heeft_partner, inv.bijstand_netto[:, 1], 0.0)
        uit_netto = gegeven.any(axis=1)
        ontvangen = np.where(uit_netto[:, None], gegeven, ontvangen)
    ib = InkomenNaBelasting(
        verzamelinkomen=np.zeros((inv.n, 2)), netto_per_maand=netto + ontvangen, netto_zonder_bijstand_per_maand=netto,
        bijstand_netto_per_maand=ontvangen, bijstand_uit_netto=uit_netto,
        bijstand_bruto_aanvrager=inv.inkomen_aanvrager["bijstand"],
        bijstand_bruto_partner=inv.inkomen_partner["bijstand"],
        bijstand_bruto_bewoners=np.zeros_like(inv.bewoner_inkomen))
    return {"wga": uitkomst("wga", wga), "inkomstenbelasting": uitkomst("inkomstenbelasting", ib)}
