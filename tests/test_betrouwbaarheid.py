"""Reliability: many random VALID households through check: a result every time, no engine or rule error.

In CI (CI=true) 10,000 households; locally 300 (set SAMENLOOP_HUISHOUDENS to change it).
"""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import check

AANTAL = int(os.environ.get("SAMENLOOP_HUISHOUDENS", 10_000 if os.environ.get("CI") else 300))
JAREN = st.sampled_from([2025, 2026])
geld = st.one_of(st.integers(0, 6000), st.lists(st.integers(0, 6000), min_size=12, max_size=12))
klein_geld = st.one_of(st.integers(0, 400), st.lists(st.integers(0, 400), min_size=12, max_size=12))


@st.composite
def datum(draw, jaar):
    return f"{jaar}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"


@st.composite
def volwassene(draw, pid, rol, jaar):
    p = {"id": pid, "rol": rol, "leeftijd": draw(st.integers(16, 90)),
         "inkomen": draw(st.fixed_dictionaries({}, optional={
             "loon": geld, "winst": geld, "ww": klein_geld, "aow": klein_geld, "pensioen": klein_geld,
             "bijstand": klein_geld, "bijstand_netto": klein_geld, "wga": klein_geld}))}
    if "bijstand" in p["inkomen"] and "bijstand_netto" in p["inkomen"]:   # received bijstand: gross or net, not both
        del p["inkomen"][draw(st.sampled_from(["bijstand", "bijstand_netto"]))]
    if draw(st.booleans()):
        p["activiteiten"] = [{"soort": draw(st.sampled_from(["werk", "traject", "studie", "inburgering"])),
                              "van": f"{jaar - 1}-{draw(st.integers(1, 12)):02d}-01",
                              "tot": draw(datum(jaar))}]
    if draw(st.integers(0, 4)) == 0:
        p["wia"] = {"fase": draw(st.sampled_from(["loongerelateerd", "na_loongerelateerd", "iva"])),
                    "klasse": draw(st.sampled_from(["35-45", "45-55", "55-65", "65-80", "80-100"])),
                    "maandloon": draw(st.integers(1500, 7000)), "restverdiencapaciteit": draw(st.integers(0, 3000))}
        if draw(st.booleans()):
            p["wia"]["einde_loongerelateerd"] = draw(datum(jaar))
    p["zorgverzekerd"] = draw(st.booleans())          # an uninsured person (Wzt art. 2) is valid input too
    p["kan_niet_voor_kind_zorgen"] = draw(st.booleans())
    p["urencriterium"] = draw(st.booleans())
    if rol == "partner":
        p["wlz_indicatie"] = draw(st.integers(0, 5)) == 0
    return p


@st.composite
def huishoudens(draw):
    jaar = draw(JAREN)
    personen = [draw(volwassene("a", "aanvrager", jaar))]
    if draw(st.booleans()):
        personen.append(draw(volwassene("p", "partner", jaar)))
    for k in range(draw(st.integers(0, 3))):
        kind = {"id": f"k{k}", "rol": "kind", "geboortedatum": f"{jaar - draw(st.integers(0, 19))}-"
                f"{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"}
        if draw(st.booleans()):
            kind["kinderopvang"] = {"soort": draw(st.sampled_from(["dagopvang", "bso", "gastouder"])),
                                    "uren_per_maand": draw(st.integers(0, 260)),
                                    "uurprijs": draw(st.floats(5, 15).map(lambda x: round(x, 2)))}
        personen.append(kind)
    if draw(st.integers(0, 4)) == 0:
        personen.append({"id": "m", "rol": "medebewoner", "leeftijd": draw(st.integers(18, 80)),
                         "inkomen": draw(st.fixed_dictionaries({"loon": geld}, optional={"bijstand_netto": geld}))})
    wonen = draw(st.sampled_from(["huur", "koop", "inwonend"]))
    h = {"schema": 1, "naam": "willekeurig", "jaar": jaar, "peildatum": draw(datum(jaar)),
         "gemeente": draw(st.sampled_from(["standaard", "zuidplas", "staphorst"])), "personen": personen,
         "wonen": {"soort": wonen, **({"kale_huur": draw(st.integers(0, 1600))} if wonen == "huur" else {})},
         "vermogen": draw(st.integers(0, 250_000)), "gemeentelijke_belastingen": draw(st.integers(0, 900)),
         "ontvangt": draw(st.fixed_dictionaries({}, optional={
             "zorgtoeslag": klein_geld, "huurtoeslag": klein_geld, "kindgebonden_budget": klein_geld,
             "kinderopvangtoeslag": st.integers(0, 2000)})),
         "schulden": draw(st.lists(st.fixed_dictionaries({
             "schuldeiser": st.sampled_from(["Belastingdienst", "CJIB", "Energiebedrijf", "gemeente Zuidplas"]),
             "soort": st.just("achterstand"), "bedrag": st.integers(0, 5000)}), max_size=3))}
    gebeurtenissen = []
    for _ in range(draw(st.integers(0, 2))):
        soort = draw(st.sampled_from(["stopt_met_werken", "start_met_werken", "huurwijziging", "verhuizing",
                                      "samenwonen", "scheiding"]))
        g = {"datum": draw(datum(jaar)), "soort": soort}
        if soort in ("stopt_met_werken", "start_met_werken"):
            g["persoon"] = "a"
        if soort == "huurwijziging":
            g["bedrag"] = draw(st.integers(0, 1600))
        gebeurtenissen.append(g)
    h["gebeurtenissen"] = gebeurtenissen
    return h


@settings(max_examples=AANTAL, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(h=huishoudens())
def test_random_valid_households_always_give_a_result(h):
    uit = check(h)
    assert len(uit["regelingen"]) >= 10
    for r in uit["regelingen"].values():
        assert len(r["maandbedragen"]) == 12 and min(r["maandbedragen"]) >= 0 and r["jaarbedrag"] >= 0
    for s in uit["signalen"]:
        assert s["code"] and s["titel"] and "{" not in s["titel"] + s["uitleg"] + s["actie"]


def test_a_denormal_amount_gives_a_result_not_an_engine_error():
    # found by the CI fuzzing: a winst of 2.2e-308 made the bijstand's net/gross ratio overflow into NaN
    from checker import check
    h = {"schema": 1, "naam": "0", "jaar": 2025,
         "personen": [{"id": "a", "rol": "aanvrager", "inkomen": {}, "leeftijd": 16},
                      {"id": "p", "rol": "partner", "inkomen": {"loon": 0, "wga": 4, "winst": 2.2250738585072014e-308},
                       "geboortedatum": "2000-01-01"},
                      {"id": "k", "rol": "kind", "inkomen": {}, "geboortedatum": "2008-01-01"}],
         "wonen": {"soort": "huur", "kale_huur": 0}, "vermogen": 0}
    assert check(h)["regelingen"]["bijstand"]["jaarbedrag"] >= 0
