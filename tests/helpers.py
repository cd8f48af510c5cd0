"""Small builders for households in tests (contract section 1)."""
from __future__ import annotations


def huishouden(loon=0.0, partner_loon=None, jaar=2026, vermogen=0.0, ontvangt_zt=0.0, leeftijd=40,
               partner_leeftijd=40, **extra) -> dict:
    personen = [{"id": "a", "rol": "aanvrager", "leeftijd": leeftijd, "inkomen": {"loon": loon}}]
    if partner_loon is not None:
        personen.append({"id": "p", "rol": "partner", "leeftijd": partner_leeftijd, "inkomen": {"loon": partner_loon}})
    h = {"schema": 1, "naam": "test", "jaar": jaar, "peildatum": f"{jaar}-06-15", "personen": personen,
         "vermogen": vermogen, "ontvangt": {"zorgtoeslag": ontvangt_zt}}
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
