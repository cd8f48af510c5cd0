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
