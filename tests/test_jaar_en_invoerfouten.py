"""Two small honesty fixes: --jaar says which dates it moved, and one bad field gives one message."""
from __future__ import annotations

import pytest

from checker import InvoerFout, check

from . import helpers


def huis(**persoon) -> dict:
    """One aanvrager with exactly these fields (the tests give wrong ones on purpose)."""
    return helpers.huis({"id": "a", "rol": "aanvrager", **persoon}, naam="x")


def problemen(h: dict) -> list[tuple[str, str]]:
    with pytest.raises(InvoerFout) as e:
        check(h)
    return e.value.problemen


@pytest.mark.parametrize("persoon, pad", [
    ({"leeftijd": "veertig"}, "personen[0].leeftijd"),
    ({"leeftijd": 40, "inkomen": {"loon": "veel"}}, "personen[0].inkomen.loon"),
    ({"leeftijd": 40, "zorgverzekerd": "ja"}, "personen[0].zorgverzekerd"),
])
def test_one_person_with_one_bad_field_gives_only_that_error(persoon, pad):
    # the list of persons is not empty: only the field itself is wrong
    assert [p for p, _ in problemen(huis(**persoon))] == [pad]


def test_a_misspelled_rol_is_not_reported_again_as_no_aanvrager():
    fouten = problemen(huis(leeftijd=40, rol="aanvragr"))
    assert [p for p, _ in fouten] == ["personen[0].rol"]


def test_an_empty_list_of_persons_is_still_reported():
    h = huis(leeftijd=40)
    h["personen"] = []
    assert problemen(h) == [("personen", "mag niet leeg zijn")]


def test_no_aanvrager_among_valid_persons_is_still_reported():
    fouten = problemen(huis(leeftijd=4, rol="kind"))
    assert fouten == [("personen", "er is geen persoon met rol: aanvrager (precies één is nodig)")]


def test_jaar_2025_on_a_2026_file_says_which_dates_moved():
    h = huis(leeftijd=40, inkomen={"loon": 2000},
             activiteiten=[{"soort": "werk", "van": "2026-03-01"}])
    h["peildatum"] = "2026-06-15"
    h["gebeurtenissen"] = [{"datum": "2026-03-01", "soort": "start_met_werken", "persoon": "a"}]
    r = check(h, jaar=2025)
    assert r["jaar"] == 2025
    tekst = " ".join(r["waarschuwingen"])
    assert "gaat over 2026, maar samenloop rekent voor 2025" in tekst
    for moved in ("peildatum 15 juni 2026 → 15 juni 2025", "gebeurtenissen[0].datum 1 maart 2026 → 1 maart 2025",
                  "personen[0].activiteiten[0].van 1 maart 2026 → 1 maart 2025"):
        assert moved in tekst
    assert "geboortedatums blijven staan" in tekst


def test_no_such_warning_without_jaar_or_with_the_files_own_year():
    h = huis(leeftijd=40)
    for r in (check(h), check(h, jaar=2026)):
        assert not any("--jaar" in w for w in r["waarschuwingen"])


def test_the_report_shows_the_moved_dates():
    from ._helpers_contract import cli
    uit = cli("check", "ronald-marijke", "--jaar", "2025")
    assert uit.returncode == 0
    assert "teruggezet" in uit.stdout and "2025" in uit.stdout
