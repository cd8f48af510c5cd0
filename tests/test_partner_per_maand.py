"""A samenwonen or scheiding event sets the months with a toeslagpartner (Awir art. 3 lid 1-3): a change after the
first day of a month counts from the first day of the next month (Awir art. 5), and each month is computed with
that month's situation. The expectations below follow from those articles, not from the program."""
import pytest

from checker import check, huishouden
from checker.invoer import partner_per_maand

from .helpers import huishouden as hh


def met_gebeurtenissen(*gebeurtenissen: tuple[str, str], **extra) -> dict:
    h = hh(loon=1800, partner_loon=1500, **extra)
    h["gebeurtenissen"] = [{"soort": s, "datum": d, "persoon": "p"} for s, d in gebeurtenissen]
    return h


@pytest.mark.parametrize("gebeurtenissen, maanden_met_partner", [
    ([], list(range(12))),
    ([("samenwonen", "2026-06-15")], list(range(6, 12))),          # after 1 June: from July
    ([("samenwonen", "2026-06-01")], list(range(5, 12))),          # on the first day: June itself
    ([("scheiding", "2026-07-02")], list(range(0, 7))),            # still a partner in July
    ([("scheiding", "2026-07-01")], list(range(0, 6))),            # no partner from July
    ([("samenwonen", "2026-03-10"), ("scheiding", "2026-09-20")], list(range(3, 9))),
    ([("scheiding", "2026-09-20"), ("samenwonen", "2026-03-10")], list(range(3, 9))),  # date order, not file order
    ([("scheiding", "2026-03-15"), ("samenwonen", "2026-09-10")], [0, 1, 2, 9, 10, 11]),  # apart, then together
])
def test_partner_months_follow_awir_art_5(gebeurtenissen, maanden_met_partner):
    h = huishouden.valideer(met_gebeurtenissen(*gebeurtenissen))
    assert [m for m, ja in enumerate(partner_per_maand(h)) if ja] == maanden_met_partner


def test_zorgtoeslag_half_a_year_alone_and_half_a_year_with_a_partner():
    # Wzt art. 2 per month with Awir art. 7 lid 1: Jan-Jun the aanvrager alone, Jul-Dec the couple, so the year is
    # half of each whole-year amount (within the € 1 of the rounding of Awir art. 14 lid 4)
    alleen = check(hh(loon=1800))["regelingen"]["zorgtoeslag"]
    samen = check(met_gebeurtenissen())["regelingen"]["zorgtoeslag"]
    deels = check(met_gebeurtenissen(("samenwonen", "2026-06-15")))["regelingen"]["zorgtoeslag"]
    assert alleen["jaarbedrag"] != samen["jaarbedrag"]
    assert abs(deels["jaarbedrag"] - (alleen["jaarbedrag"] + samen["jaarbedrag"]) / 2) <= 1
    assert deels["maandbedragen"][5] == pytest.approx(alleen["maandbedragen"][5], abs=1)
    assert deels["maandbedragen"][6] == pytest.approx(samen["maandbedragen"][6], abs=1)


def test_alleenstaande_ouderkop_from_the_month_after_a_scheiding():
    # Wkgb art. 2 lid 6: the kop for a parent without a partner; after a scheiding on 10 April the parent is alone
    # from May (Awir art. 5): 4 months as a couple and 8 as a single parent
    kind = [{"id": "k", "rol": "kind", "geboortedatum": "2020-05-05"}]
    def kgb(h):
        h["personen"] = h["personen"] + kind
        return check(h)["regelingen"]["kindgebonden_budget"]["jaarbedrag"]
    alleen, samen = kgb(hh(loon=1800)), kgb(met_gebeurtenissen())
    deels = kgb(met_gebeurtenissen(("scheiding", "2026-04-10")))
    assert alleen > samen
    assert abs(deels - (4 * samen + 8 * alleen) / 12) <= 1


def test_the_report_says_which_months_count_with_a_partner():
    u = check(met_gebeurtenissen(("samenwonen", "2026-06-15")))
    assert any("telt p vanaf juli als partner" in w and "Awir art. 3, 5" in w for w in u["waarschuwingen"])
    weg = check(met_gebeurtenissen(("scheiding", "2026-04-10")))
    assert any("telt p vanaf mei niet meer als partner" in w and "Awir art. 8 lid 3" in w
               for w in weg["waarschuwingen"])
    zonder = hh(loon=1800)
    zonder["gebeurtenissen"] = [{"soort": "scheiding", "datum": "2026-04-10"}]
    assert any("geen partner in personen" in w for w in check(zonder)["waarschuwingen"])


def test_part_year_partner_says_the_vermogensgrens_is_for_one_person():
    # Awir art. 7 lid 3 / Wkgb art. 1 lid 4: the joint limit only with the same partner all year
    u = check(met_gebeurtenissen(("samenwonen", "2026-06-15")))
    for regeling in ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget"):
        waarschuwingen = u["regelingen"][regeling]["waarschuwingen"]
        assert any("Niet het hele jaar dezelfde partner" in w for w in waarschuwingen), regeling
    assert not any("Niet het hele jaar dezelfde partner" in w
                   for w in check(met_gebeurtenissen())["regelingen"]["zorgtoeslag"]["waarschuwingen"])
    assert not any("Niet het hele jaar dezelfde partner" in w
                   for w in u["regelingen"]["kinderopvangtoeslag"].get("waarschuwingen", []))


def test_after_a_scheiding_the_ex_partners_income_leaves_the_household():
    # the household's net income counts the partner only in the partner months (Jan-Apr here): from May on it is
    # the aanvrager's own net income, as in a household whose partner earns nothing (no kinderen, both born after
    # 1963, so no tax rule ties the aanvrager's tax to the partner's income)
    from checker import huishouden as hmod, invoer, parameters
    from checker.berekening import bereken

    def netto(h):
        uit = bereken(invoer.uit_huishoudens([hmod.valideer(h)]), parameters.laad(2026))
        return uit.netto.onderdelen["netto_inkomen"][0]
    na = netto(met_gebeurtenissen(("scheiding", "2026-04-10")))
    zonder = hh(loon=1800, partner_loon=0)
    assert na[4:] == pytest.approx(netto(zonder)[4:], abs=0.01)
    assert (na[:4] > netto(zonder)[:4] + 1000).all()  # with the partner's € 1.500 gross a month in Jan-Apr


def test_combinatiekorting_with_a_partner_from_november():
    # belastingdienst.nl, "Voorbeeld: u hebt minder dan 6 maanden dezelfde fiscale partner" and the goedkeuring of
    # BWBR0050562: a partner for less than six months does not take the korting away from the parent with the higher
    # arbeidsinkomen, and that partner gets none. Here: aanvrager € 3.000 a month, partner € 1.500, child of 5.
    from checker import huishouden as hmod, invoer, parameters
    from checker.berekening import bereken

    def iack(h):
        h = {**h, "personen": h["personen"] + [{"id": "k", "rol": "kind", "geboortedatum": "2021-03-03"}]}
        d = bereken(invoer.uit_huishoudens([hmod.valideer(h)]), parameters.laad(2026)).regelingen["inkomstenbelasting"]
        return d

    kort = hh(loon=3000, partner_loon=1500)
    kort["gebeurtenissen"] = [{"soort": "samenwonen", "datum": "2026-11-15", "persoon": "p"}]
    lang = hh(loon=3000, partner_loon=1500)
    lang["gebeurtenissen"] = [{"soort": "samenwonen", "datum": "2026-05-15", "persoon": "p"}]
    from checker.regelingen.inkomstenbelasting import partner_voor_iack
    for h, verwacht in ((kort, False), (lang, True)):
        inv = invoer.uit_huishoudens([hmod.valideer(h)])
        assert bool(partner_voor_iack(inv, parameters.laad(2026).lezer())[0]) is verwacht
    # with the short partnership the aanvrager pays less tax than with the long one (the korting stays with him)
    assert iack(kort).details["heffingskortingen_aanvrager"][0] > iack(lang).details["heffingskortingen_aanvrager"][0]
    assert iack(kort).details["heffingskortingen_partner"][0] < iack(lang).details["heffingskortingen_partner"][0]


def test_bijstand_after_a_scheiding_from_an_earning_partner():
    # Participatiewet art. 21 onder a and b (norms per 2026-01-01 and 2026-07-01: alleenstaande € 1.401,50 and
    # € 1.419,46; gehuwden € 2.002,13) with art. 31-32: the aanvrager has no income, the partner earns € 3.000 gross a
    # month. Jan-Apr (partner until the month after 10 April): the partner's net income is above the gehuwdennorm, so
    # nil. May-Dec: a single person without income gets the whole norm.
    h = hh(loon=0, partner_loon=3000)
    h["gebeurtenissen"] = [{"soort": "scheiding", "datum": "2026-04-10", "persoon": "p"}]
    maanden = check(h)["regelingen"]["bijstand"]["maandbedragen"]
    assert maanden[:4] == [0.0] * 4
    assert maanden[4:] == pytest.approx([1401.50] * 2 + [1419.46] * 6, abs=0.01)


def test_kwijtschelding_says_the_partner_is_not_there_all_year():
    h = hh(loon=0, partner_loon=3000, gemeentelijke_belastingen=400)
    h["gebeurtenissen"] = [{"soort": "scheiding", "datum": "2026-04-10", "persoon": "p"}]
    w = check(h)["regelingen"]["kwijtschelding"]["waarschuwingen"]
    assert any("niet het hele jaar bij het huishouden" in x for x in w)


def test_vermogen_above_the_single_limit_with_a_part_year_partner_is_a_possibility_not_a_verdict():
    # Awir art. 7 lid 3: with a partner for part of the year only the aanvrager's own vermogen counts; the household
    # file gives the household's, so the signal says 'mogelijk' (ernst midden) instead of 'geen zorgtoeslag' (hoog)
    deels = check(met_gebeurtenissen(("samenwonen", "2026-06-15"), vermogen=160_000))
    zt = [s for s in deels["signalen"] if s["code"] == "VERMOGENSGRENS" and s["regelingen"] == ["zorgtoeslag"]]
    assert zt and all(s["ernst"] == "midden" and s["titel"].startswith("Mogelijk") for s in zt)
    heel = check(hh(loon=1800, vermogen=160_000))
    zt = [s for s in heel["signalen"] if s["code"] == "VERMOGENSGRENS" and s["regelingen"] == ["zorgtoeslag"]]
    assert zt and all(s["ernst"] == "hoog" for s in zt)


def test_the_household_wga_counts_the_partner_only_in_partner_months():
    # the partner's WGA is the partner's own benefit (Wet WIA art. 54): after a scheiding it leaves the household
    wia = {"fase": "na_loongerelateerd", "klasse": "35-45", "maandloon": 3000, "restverdiencapaciteit": 1500}

    def wga(h):
        h["personen"][1]["wia"] = wia
        return check(h)["regelingen"]["wga"]["maandbedragen"]
    hele_jaar = wga(met_gebeurtenissen())
    weg = wga(met_gebeurtenissen(("scheiding", "2026-04-10")))
    assert hele_jaar[0] > 0 and weg[:4] == pytest.approx(hele_jaar[:4]) and weg[4:] == [0.0] * 8
