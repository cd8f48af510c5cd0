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
