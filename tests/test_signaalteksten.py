"""Filling a rule's texts: the pieces read once per text give exactly what string.Formatter gives."""
import pytest

from checker import api, huishouden, signalen
from checker.fouten import RegelFout


@pytest.mark.parametrize("persona", huishouden.persona_namen())
def test_every_text_of_every_fired_rule_equals_the_formatter(persona):
    regelset, regels = signalen.standaard_regelset()
    h, res = api.bereken_huishouden(persona)
    for naam, feit in regelset.evalueer(signalen.feiten(h, res)):
        r = regels[naam]
        for tekst in (r.titel, r.uitleg, r.actie, r.bewoner, r.actie_verlopen, r.bewoner_verlopen, r.instantie,
                      *r.regelingen, *r.bronnen):
            if tekst is not None:
                assert signalen._vul(tekst, feit, naam) == " ".join(signalen._invuller.format(tekst, **feit).split())


def test_texts_the_pieces_do_not_cover_go_to_the_formatter():
    feit = {"a": [3, 4], "b": "x", "bedrag": 1234.5}
    assert signalen._vul("{a[1]} en {b!r}, {bedrag:euro}", feit, "r") == "4 en 'x', € 1.234,50"
    assert signalen._vul("{b:*>3}|", feit, "r") == "**x|"


@pytest.mark.parametrize("tekst", ["{onbekend}", "{bedrag:euro} {}", "{b:{onbekend}}", "één } te veel"])
def test_an_unknown_or_unfit_field_names_the_rule(tekst):
    with pytest.raises(RegelFout, match="signaalregel 'regel_x': tekst verwijst naar een onbekend of ongeschikt veld"):
        signalen._vul(tekst, {"b": "x", "bedrag": 1.0}, "regel_x")
