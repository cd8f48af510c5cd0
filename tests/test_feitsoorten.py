"""Declared facts (checker/feitsoorten.py): every fact type the signal rules can see declares its fields; loading the
rules refuses an unknown field with the rule's name, and the facts built for a household and the columns built for
a population hold exactly the declared fields."""
from datetime import date

import numpy as np
import pytest

from checker import api, feitsoorten, huishouden, parameters, populatie, signalen
from checker.berekening import bereken
from checker.fouten import RegelFout
from checker.regelingen.register import standaard

REGISTER = standaard()


def regel_bestand(tmp_path, **velden) -> None:
    """A rule file with one rule, 'proef', on the fact 'regeling' of zorgtoeslag unless ``velden`` say otherwise."""
    regel = {"naam": "proef", "code": "PROEF", "ernst": "info", "feit": "regeling",
             "als": {"regeling": "zorgtoeslag", "recht": True}, "titel": "Recht op {regeling_naam}",
             "uitleg": "{jaarbedrag:euro} per jaar", "actie": "x", "bewoner": "x", "instantie": "{instantie}",
             "regelingen": ["{regeling}"], "bronnen": ["{bron_recht}"], **velden}
    import yaml
    (tmp_path / "proef.yaml").write_text(yaml.safe_dump({"regels": [regel]}, allow_unicode=True), encoding="utf-8")


def test_a_correct_rule_loads(tmp_path):
    regel_bestand(tmp_path)
    assert [r.naam for r in signalen.lees_regels(tmp_path)] == ["proef"]


@pytest.mark.parametrize("velden, melding", [
    # an unknown field in a condition, with the nearest declared name
    ({"als": {"regeling": "zorgtoeslag", "rechten": True}}, "onbekend veld 'rechten' in de voorwaarden.*'recht'"),
    # an unknown {placeholder} in a text
    ({"uitleg": "{jaarbedrag_per_maand:euro}"}, "onbekend veld 'jaarbedrag_per_maand' in de tekst"),
    ({"bronnen": ["{bron_bestaat_niet}"]}, "onbekend veld 'bron_bestaat_niet' in de tekst"),
    ({"actie_verlopen": "{nergens}", "bewoner_verlopen": "x"}, "onbekend veld 'nergens'"),
    # the field a comparison refers to
    ({"als": {"regeling": "zorgtoeslag", "vermogen": {"groter_dan": {"veld": "grens"}}}}, "onbekend veld 'grens'"),
    # bedrag and datum
    ({"bedrag": "jaarbedragen"}, "onbekend veld 'jaarbedragen' in bedrag"),
    ({"datum": "aanvraag_tot"}, "onbekend veld 'aanvraag_tot' in datum"),
    # a field of another regeling: wga_klif is the WGA's, not the zorgtoeslag's
    ({"als": {"regeling": "zorgtoeslag", "wga_klif": {"groter_dan": 0}}},
     "het feit 'regeling' van zorgtoeslag heeft geen veld 'wga_klif'"),
    # inside een_van
    ({"als": {"regeling": "zorgtoeslag", "een_van": [{"recht": True}, {"rech": False}]}}, "onbekend veld 'rech'"),
    # an unknown regeling or fact type
    ({"als": {"regeling": "zorgtoeslagen"}}, "onbekende regeling 'zorgtoeslagen'"),
    ({"feit": "persoon"}, "onbekend feit 'persoon'"),
    # a field only for the texts cannot be tested
    ({"als": {"regeling": "zorgtoeslag", "andere_toeslagen": "huurtoeslag"}}, "alleen voor de teksten"),
    # values and comparisons that do not fit the field's type
    ({"als": {"regeling": "zorgtoeslag", "recht": "ja"}}, "'recht' is waarheid, maar de voorwaarde geeft 'ja'"),
    ({"als": {"regeling": "zorgtoeslag", "jaarbedrag": {"groter_dan": "veel"}}}, "'jaarbedrag' is getal"),
    ({"als": {"regeling": "zorgtoeslag", "regeling_naam": {"groter_dan": 3}}}, "tekst: groter_dan kan alleen"),
    ({"uitleg": "{regeling_naam:euro}"}, "'regeling_naam' is tekst, geen getal"),
    ({"bedrag": "regeling_naam"}, "bedrag: 'regeling_naam' is geen getal"),
    # a value the field never takes: a regeling or an event kind that does not exist
    ({"als": {"regeling": {"niet_gelijk_aan": "kinderopvang"}}}, "'regeling' is nooit 'kinderopvang'"),
    ({"feit": "gebeurtenis", "als": {"soort": "verhuisd"}, "titel": "x", "uitleg": "x", "instantie": "x",
      "regelingen": [], "bronnen": ["x"]}, "'soort' is nooit 'verhuisd' \\(kies uit stopt_met_werken"),
])
def test_an_unknown_or_unfit_field_is_refused_with_the_rules_name(tmp_path, velden, melding):
    regel_bestand(tmp_path, **velden)
    with pytest.raises(RegelFout, match=f"signaalregel 'proef': .*{melding}"):
        signalen.lees_regels(tmp_path)


def test_a_rule_on_any_regeling_sees_the_fields_of_all_of_them(tmp_path):
    # without 'regeling' in its conditions a rule sees every regeling's fields (a field absent on a fact simply does
    # not match there), but a field no regeling has is still refused
    regel_bestand(tmp_path, als={"ontvangst_bekend": True, "terugvordering": {"groter_dan": 0}})
    signalen.lees_regels(tmp_path)
    regel_bestand(tmp_path, als={"ontvangst_bekend": True, "terugvorderingen": {"groter_dan": 0}})
    with pytest.raises(RegelFout, match="proef.*terugvorderingen"):
        signalen.lees_regels(tmp_path)


def test_the_standard_rules_use_declared_fields_only():
    for r in signalen.lees_regels():
        signalen.controleer_velden(r, REGISTER)


def test_every_field_has_a_type_and_a_meaning_once():
    for soort in feitsoorten.FEITSOORTEN.values():
        namen = [v.naam for v in soort.velden]
        assert len(namen) == len(set(namen)), soort.naam
    for r in REGISTER:
        eigen = [v.naam for v in r.feitvelden]
        assert len(eigen) == len(set(eigen)), r.sleutel
        for v in feitsoorten.regelingvelden(r).values():
            assert v.soort in feitsoorten.SOORTEN and v.betekenis.strip(), (r.sleutel, v.naam)


def test_every_fact_built_for_the_personas_holds_exactly_its_declared_fields():
    gezien = set()
    for naam in huishouden.persona_namen():
        for jaar in (2025, 2026):
            h, res = api.bereken_huishouden(naam, jaar)
            for feit in signalen.feiten(h, res):
                feitsoorten.controleer_feit(feit, REGISTER)
                gezien.add(feit["t"] if feit["t"] != "regeling" else feit["regeling"])
    # every fact type and every regeling was seen (the personas have events and earn)
    assert {"huishouden", "gebeurtenis", "armoedeval", *REGISTER.sleutels} <= gezien


def test_a_fact_with_a_field_too_many_or_too_few_is_caught():
    h, res = api.bereken_huishouden("ronald-marijke")
    feit = next(f for f in signalen.feiten(h, res) if f.get("regeling") == "zorgtoeslag")
    with pytest.raises(RegelFout, match="gebouwd maar niet gedeclareerd: nieuw_veld"):
        feitsoorten.controleer_feit({**feit, "nieuw_veld": 1}, REGISTER)
    zonder = {k: v for k, v in feit.items() if k != "toetsingsinkomen"}
    with pytest.raises(RegelFout, match="gedeclareerd maar niet gebouwd: toetsingsinkomen"):
        feitsoorten.controleer_feit(zonder, REGISTER)


def _past(kolom, soort: str) -> bool:
    w = np.asarray(kolom)
    if soort == "waarheid":
        return w.dtype == bool
    if soort == "geheel":
        return np.issubdtype(w.dtype, np.integer)
    if soort == "getal":
        return np.issubdtype(w.dtype, np.number) and w.dtype != bool
    if soort == "tekst":
        return w.dtype == object or w.dtype.kind == "U"
    return w.dtype == object or isinstance(kolom, date)


@pytest.mark.parametrize("bron", ["synthetisch", "landelijk"])
def test_population_columns_hold_exactly_the_declared_fields_with_their_types(bron):
    # The population path builds its facts as columns (signalen.per_huishouden); it checks them against the same
    # declarations: every declared field a population builds (all but those for the texts), no other, and each of
    # the declared type.
    p = parameters.laad(2026)
    if bron == "synthetisch":
        inv = populatie.genereer(2_000, 2026, seed=3)
        res = bereken(populatie.met_voorschotten(inv, bereken(inv, p), seed=3), p)
    else:
        from checker.populatie import records
        res = bereken(records.blok(2026, 0).invoer, p)
    huishouden_kol, regeling_kol = signalen.feitkolommen(res)
    peil = date(2026, 6, 15)
    per_peil = signalen.peilkolommen(res, peil)
    tabellen = [{**huishouden_kol, "aantal_schuldeisers": 0, "aantal_publieke_schuldeisers": 0, "schuld_totaal": 0.0,
                 "peildatum": peil}]
    tabellen += [{**kol, **per_peil[k]} for k, kol in regeling_kol.items()]
    assert {t.get("regeling", t["t"]) for t in tabellen} == {"huishouden", *REGISTER.sleutels}
    for tabel in tabellen:
        feitsoorten.controleer_kolommen(tabel, REGISTER)
        verwacht = feitsoorten.verwachte_velden(tabel["t"] if tabel["t"] != "regeling" else tabel, REGISTER)
        for naam, kolom in tabel.items():
            if naam != "t":
                assert _past(kolom, verwacht[naam].soort), (tabel.get("regeling", tabel["t"]), naam, kolom)
    signalen.per_huishouden(res, peil)   # which checks the same, and evaluates


def test_population_columns_that_drift_from_the_declarations_are_refused():
    p = parameters.laad(2026)
    inv = populatie.genereer(50, 2026, seed=1)
    res = bereken(inv, p)
    _, regeling_kol = signalen.feitkolommen(res)
    kol = {**regeling_kol["bijstand"], **signalen.peilkolommen(res, date(2026, 1, 1))["bijstand"]}
    feitsoorten.controleer_kolommen(kol, REGISTER)
    with pytest.raises(RegelFout, match="populatiekolommen van regeling bijstand: gedeclareerd maar niet gebouwd: "
                                        "norm_jaar"):
        feitsoorten.controleer_kolommen({k: v for k, v in kol.items() if k != "norm_jaar"}, REGISTER)
    with pytest.raises(RegelFout, match="gebouwd maar niet gedeclareerd: wga_persoon_naam"):
        feitsoorten.controleer_kolommen({**kol, "wga_persoon_naam": "x"}, REGISTER)


# --- the 'instellingen' blocks of the rule files are declared and checked too -------------------------------------
def test_the_settings_of_the_rule_files_load_and_hold_their_declared_values():
    arm = signalen.instellingen("armoedeval.yaml")
    assert isinstance(arm, signalen.ArmoedevalInstellingen) and 0 < arm.stap <= arm.bereik
    assert signalen.instellingen("huishouden.yaml").wisselend_inkomen.min_richtingwisselingen >= 1


@pytest.mark.parametrize("naam, blok, melding", [
    # a setting misspelled: named, and the missing one named too
    ("armoedeval.yaml", {"bereik": 300, "stapp": 10, "regeling_verandert_vanaf": 0.5}, r"stap: Field required.*stapp"),
    # out of its bounds
    ("armoedeval.yaml", {"bereik": 300, "stap": -10, "regeling_verandert_vanaf": 0.5}, r"stap"),
    ("armoedeval.yaml", {"bereik": 10, "stap": 300, "regeling_verandert_vanaf": 0.5}, r"stap mag niet groter"),
    ("huishouden.yaml", {"wisselend_inkomen": {"min_richtingwisselingen": 2, "min_variatie": 0.15}},
     r"wisselend_inkomen\.min_stap"),
    ("huishouden.yaml", None, r"wisselend_inkomen"),
    # a block in a file whose facts read no settings
    ("proef.yaml", {"x": 1}, r"proef\.yaml: 'instellingen' wordt .* niet gelezen"),
])
def test_a_bad_settings_block_is_refused_with_the_file_and_the_setting(tmp_path, naam, blok, melding):
    import yaml
    data = {"regels": []} if blok is None else {"instellingen": blok, "regels": []}
    (tmp_path / naam).write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RegelFout, match=melding):
        signalen.lees_regels(tmp_path)
