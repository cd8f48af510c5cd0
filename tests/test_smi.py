"""SMI (sociaal-medische indicatie kinderopvang): gemeentelijk beleid, rules/gemeenten/standaard.yaml part ``smi``.

The standaard follows what the municipal regelingen below have in common (there is no national law): no right to
kinderopvangtoeslag (Woudenberg CVDR702654), costs capped like the kinderopvangtoeslag (ISD Bollenstreek: 230 hours
per child per month and the maximum uurprijs), at most 6 months (Beverwijk), children up to 12, no eigen bijdrage
(UNCONFIRMED), no retroactivity before the aanvraag (Meerinzicht: ingangsdatum = datum van de aanvraag).
Maxima 2026 (Rijksoverheid "Bedragen kinderopvangtoeslag 2026"): 230 hours, dagopvang € 11,23, bso € 9,98.
"""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check, huishouden, invoer, parameters
from checker.fouten import RegisterFout
from checker.regelingen import smi
from checker.regelingen._uitkomst import Uitkomst
from checker.regelingen.kinderopvangtoeslag import KinderopvangRecht

from .helpers import huishouden as hh


def kot(recht, n: int = 1) -> dict:
    recht = np.broadcast_to(np.asarray(recht, dtype=bool), (n, 12)).copy()
    u = Uitkomst(regeling="kinderopvangtoeslag", instantie="test", maandbedragen=np.where(recht, 100.0, 0.0),
                 jaarbedrag=np.where(recht, 100.0, 0.0).sum(axis=1), recht=recht.any(axis=1),
                 uitleg=lambda i: [], bronnen=lambda i: [], doorgifte=KinderopvangRecht(per_maand=recht))
    return {"kinderopvangtoeslag": u}


def gezin(uren=250.0, uurprijs=12.0, soort="dagopvang", kind_geboren="2022-03-01", partner_kan_niet=True, jaar=2026,
          gemeente="standaard", loon=2500.0):
    h = hh(loon, 0, jaar, gemeente=gemeente, peildatum=f"{jaar}-01-01")  # an aanvraag at the start of the year
    h["personen"][1]["kan_niet_voor_kind_zorgen"] = partner_kan_niet
    h["personen"].append({"id": "k", "rol": "kind", "geboortedatum": kind_geboren,
                          "kinderopvang": {"soort": soort, "uren_per_maand": uren, "uurprijs": uurprijs}})
    return h


def bereken(h, eerder, jaar=2026):
    inv = invoer.uit_huishoudens([huishouden.valideer(h)])
    return smi.bereken(inv, parameters.laad(jaar), eerder)


def test_no_smi_while_there_is_a_kinderopvangtoeslag_right():
    u = bereken(gezin(), kot(True))
    assert not u.recht[0] and u.jaarbedrag[0] == 0
    assert u.feiten["maanden_mogelijk"][0] == 0
    assert any("recht op kinderopvangtoeslag; dan geen SMI" in r for r in u.uitleg(0))


def test_smi_without_kot_capped_like_kot_for_at_most_six_months():
    # 250 h × € 12 capped to 230 h × € 11,23 (KOT maxima 2026) = € 2.582,90 per month,
    # for the first 6 months (standaard maximale duur), no eigen bijdrage: 6 × 2.582,90 = 15.497,40.
    u = bereken(gezin(), kot(False))
    assert u.recht[0]
    np.testing.assert_allclose(u.maandbedragen[0], [230 * 11.23] * 6 + [0.0] * 6)
    assert u.jaarbedrag[0] == pytest.approx(6 * 2582.90)
    assert u.feiten["maanden_mogelijk"][0] == 6
    assert u.feiten["bedrag_per_maand_mogelijk"][0] == pytest.approx(2582.90)
    assert u.feiten["terugwerkende_kracht_maanden"][0] == 0
    assert u.feiten["maanden_boven_maximale_duur"][0] == 6
    assert any("niet over maanden vóór de aanvraag" in r for r in u.uitleg(0))


def test_costs_below_the_maxima_are_taken_as_they_are():
    # bso 40 h × € 9,50 (below € 9,98): 380 per month
    u = bereken(gezin(uren=40, uurprijs=9.50, soort="bso", kind_geboren="2018-05-01"), kot(False))
    assert u.feiten["bedrag_per_maand_mogelijk"][0] == pytest.approx(380.0)


def test_smi_starts_when_the_kot_right_ends():
    # Ronald en Marijke (Stand van de Uitvoering Gemeenten 2023, regels 1286-1288): KOT runs jan-mrt (uitloop), none
    # from April → SMI possible apr-sep.
    u = bereken(gezin(), kot([True] * 3 + [False] * 9))
    assert u.feiten["eerste_maand_mogelijk"][0] == 3
    m = u.maandbedragen[0]
    assert (m[:3] == 0).all() and (m[3:9] > 0).all() and (m[9:] == 0).all()


def test_kot_not_computed_is_an_error_not_a_guess():
    # SMI needs the kinderopvangtoeslag right (declared in its registry entry); without it, it names what is missing.
    with pytest.raises(RegisterFout, match="'smi'.*'kinderopvangtoeslag'"):
        bereken(gezin(), {})


def test_no_smi_when_every_parent_can_care():
    u = bereken(gezin(partner_kan_niet=False), kot(False))
    assert not u.recht[0]
    assert u.feiten["maanden_geen_ouder_beschikbaar_met_opvang"][0] == 0


def test_no_smi_when_the_other_parent_is_at_home_and_can_care():
    # the aanvrager has no work or other activity (no loon, no activiteiten) and can care: SMI is not needed
    u = bereken(gezin(loon=0), kot(False))
    assert not u.recht[0]
    assert any("de andere ouder werkt niet" in r for r in u.uitleg(0))


def test_no_smi_for_a_child_above_the_maximum_age():
    # born 2013-06: 12 until the birthday month, 13 from July 2026 (standaard: up to 12, the end of basisschool)
    u = bereken(gezin(soort="bso", uren=40, uurprijs=9, kind_geboren="2013-06-01"), kot(False))
    oud = u.maandbedragen[0]
    assert oud[:6].sum() > 0 and oud[6:].sum() == 0     # 13 from July (the month after the birthday month)


def test_binnen_maximale_duur_counts_the_first_months_with_a_right():
    mogelijk = np.array([[False, True, True, False, True, True, True, False, False, False, False, False]])
    uit = smi.binnen_maximale_duur(mogelijk, np.array([3.0]))
    assert uit[0].tolist() == [False, True, True, False, True] + [False] * 7


# --- properties ---------------------------------------------------------------------------------------------
@settings(max_examples=80, deadline=None)
@given(uren=st.floats(min_value=0, max_value=400), prijs=st.floats(min_value=0, max_value=20),
       soort=st.sampled_from(["dagopvang", "bso", "gastouder"]),
       recht=st.lists(st.booleans(), min_size=12, max_size=12), jaar=st.sampled_from([2025, 2026]))
def test_never_negative_never_above_the_capped_cost(uren, prijs, soort, recht, jaar):
    u = bereken(gezin(uren=uren, uurprijs=prijs, soort=soort, kind_geboren=f"{jaar - 4}-01-01", jaar=jaar), kot(recht),
                jaar=jaar)
    p = parameters.laad(jaar)
    plafond = p.waarde("kinderopvangtoeslag.max_uren_per_maand") * p.waarde(f"kinderopvangtoeslag.max_uurprijs_{soort}")
    assert u.maandbedragen.shape == (1, 12)
    assert (u.maandbedragen >= 0).all() and (u.maandbedragen <= min(plafond, uren * prijs) + 0.01).all()
    assert not u.maandbedragen[0][np.array(recht)].any()       # never in a month with KOT
    assert (u.maandbedragen[0] > 0).sum() <= 6
    assert u.recht[0] == (u.jaarbedrag[0] > 0)


@settings(max_examples=30, deadline=None)
@given(rijen=st.lists(st.tuples(st.floats(min_value=0, max_value=300), st.booleans(), st.booleans()),
                      min_size=2, max_size=5))
def test_many_households_at_once_equal_one_by_one(rijen):
    hs = [huishouden.valideer(gezin(uren=u, partner_kan_niet=k)) for u, k, _ in rijen]
    recht = np.array([[r] * 12 for _, _, r in rijen])
    samen = smi.bereken(invoer.uit_huishoudens(hs), parameters.laad(2026), kot(recht, n=len(hs)))
    for i, h in enumerate(hs):
        los = smi.bereken(invoer.uit_huishoudens([h]), parameters.laad(2026), kot(recht[i]))
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.uitleg(i) == los.uitleg(0)


def test_end_to_end_through_check():
    # The whole calculation, as `samenloop check` runs it: the partner has no rechtgevende activiteit (no loon, no
    # activiteiten) and no Wlz, so there is no kinderopvangtoeslag and SMI is possible; the aanvraag at 1 January
    # gives the standaard's maximum of 6 months, each 230 h × € 11,23 (the KOT maxima for dagopvang 2026).
    uit = check(gezin())["regelingen"]
    assert uit["kinderopvangtoeslag"]["recht"] is False
    assert uit["smi"]["recht"] is True
    assert uit["smi"]["maandbedragen"] == pytest.approx([230 * 11.23] * 6 + [0.0] * 6)


def test_no_smi_for_months_before_the_aanvraag():
    # Without retroactivity (standaard: 0 months) an aanvraag at the peildatum 15 June covers June onwards;
    # with 6 months of possible SMI from January, only June is left (6th month), January-May are lost.
    h = gezin()
    h["peildatum"] = "2026-06-15"
    u = bereken(h, kot(False))
    assert u.feiten["maanden_gemist"][0] == 5
    assert u.maandbedragen[0].tolist()[:5] == [0.0] * 5 and u.maandbedragen[0][5] > 0
