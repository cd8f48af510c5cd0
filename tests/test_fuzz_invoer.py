"""Fuzzing the input (design: "Any input file: a result or a clear error naming the field,
never a traceback; fuzzed with hypothesis over the schema").

The only allowed outcomes of ``check()`` are a result of the shape of contract section 3 or
``checker.InvoerFout``. Any other exception is a failure.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import math
import pathlib
import shutil
import sys
import tempfile

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _helpers_contract import REGELING_KEYS, cli, controleer_resultaat, geldig_huishouden  # noqa: E402

from checker import InvoerFout, check  # noqa: E402

FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_TMP = pathlib.Path(tempfile.mkdtemp(prefix="samenloop-fuzz-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)


def _uitkomst(x) -> dict | None:
    """Run check(); a result must have the full section-3 shape, else InvoerFout."""
    try:
        res = check(x)
    except InvoerFout as e:
        assert str(e).strip(), "InvoerFout without a message"
        event("InvoerFout")
        return None
    event("resultaat")
    assert isinstance(res, dict)
    for key in REGELING_KEYS:
        assert key in res.get("regelingen", {}), f"result without regeling {key!r}"
    controleer_resultaat(res)
    return res


# --------------------------------------------------------------------------------------------
# (a) arbitrary file contents
# --------------------------------------------------------------------------------------------

@FUZZ
@given(inhoud=st.binary(max_size=2000), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
def test_willekeurige_bytes(inhoud, suffix):
    pad = _TMP / f"bytes{suffix}"
    pad.write_bytes(inhoud)
    _uitkomst(str(pad))


_json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda kinderen: st.lists(kinderen, max_size=6)
    | st.dictionaries(st.text(max_size=12), kinderen, max_size=6),
    max_leaves=30,
)


@FUZZ
@given(data=_json_waarden, als_json=st.booleans())
def test_willekeurige_yaml_json_structuur(data, als_json):
    """Well-formed YAML/JSON of any structure: still only a result or InvoerFout."""
    if als_json:
        pad = _TMP / "struct.json"
        pad.write_text(json.dumps(data), encoding="utf-8")
    else:
        pad = _TMP / "struct.yaml"
        pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _uitkomst(str(pad))


@FUZZ
@given(tekst=st.text(alphabet=st.sampled_from(list("schema: 1\n-[]{}\"',#&*!|>%@`?\t naam jaar personen rol")),
                     max_size=300))
def test_yaml_achtige_tekst(tekst):
    pad = _TMP / "tekst.yaml"
    pad.write_text(tekst, encoding="utf-8")
    _uitkomst(str(pad))


def test_cli_willekeurige_bytes_rookproef(tmp_path):
    """One CLI run on garbage: exit 0 or 2, never a traceback."""
    pad = tmp_path / "rommel.yaml"
    pad.write_bytes(bytes(range(256)) * 3)
    r = cli("check", str(pad), "--json")
    assert r.returncode in (0, 2), r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr


# --------------------------------------------------------------------------------------------
# (b) schema-shaped households with faults
# --------------------------------------------------------------------------------------------

ONTBREEKT = object()  # marker: leave the key out

_rommel = st.one_of(
    st.none(), st.booleans(), st.text(max_size=8), st.just([]), st.just({}),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10**20, 10**20),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)

# valid values
_bedrag = st.one_of(st.integers(0, 8000), st.floats(0, 8000, allow_nan=False))
_geld = st.one_of(_bedrag, st.lists(_bedrag, min_size=12, max_size=12))
# faulty values of the right kind: negative, huge, wrong list length
_bedrag_fout = st.one_of(st.integers(-5000, -1), st.floats(-1e6, -0.01),
                         st.floats(1e9, 1e300), st.sampled_from(["1200", "veel", "1.200,50"]))
_geld_fout = st.one_of(_bedrag_fout,
                       st.lists(_bedrag, min_size=0, max_size=11),
                       st.lists(_bedrag, min_size=13, max_size=14),
                       st.lists(_bedrag | _bedrag_fout, min_size=12, max_size=12))


def _datum(jaar: int | None = None, fout: bool = False):
    """A date in `jaar` (as date or ISO string); with fout: out of range or malformed."""
    if fout:
        d = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
        return st.one_of(d, d.map(dt.date.isoformat), st.sampled_from(["2026-02-30", "morgen", "15-06-2026"]))
    if jaar is None:
        d = st.dates(dt.date(1930, 1, 1), dt.date(2024, 12, 31))
    else:
        d = st.dates(dt.date(jaar, 1, 1), dt.date(jaar, 12, 31))
    return st.one_of(d, d.map(dt.date.isoformat))


def _vul(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not ONTBREEKT}


class _Veld:
    """Draws a field: valid, or (with probability `kans`) a fault of the right kind, junk, or
    the key left out."""

    def __init__(self, draw, kans: float):
        self.draw, self.kans = draw, kans

    def __call__(self, goed, fout=None, *, optioneel: float = 0.0):
        draw = self.draw
        if optioneel and draw(st.floats(0, 1)) < optioneel:
            return ONTBREEKT
        if self.kans and draw(st.floats(0, 1)) < self.kans:
            keuzes = [_rommel, st.just(ONTBREEKT)] + ([fout] if fout is not None else [])
            return draw(st.one_of(*keuzes))
        return draw(goed)


@st.composite
def _persoon(draw, v: _Veld, rol: str, jaar: int):
    ink_keys = draw(st.lists(st.sampled_from(
        ["loon", "winst", "ww", "bijstand", "bijstand_netto", "aow", "pensioen", "overig", "wga"]),
        max_size=4, unique=True))
    if not v.kans and {"bijstand", "bijstand_netto"} <= set(ink_keys):
        ink_keys.remove(draw(st.sampled_from(["bijstand", "bijstand_netto"])))   # a valid file gives one of the two
    inkomen = {k: v(_geld, _geld_fout) for k in ink_keys}
    if v.kans and draw(st.integers(0, 9)) == 0:
        inkomen["onbekende_bron"] = draw(_geld)
    p = {
        "id": v(st.sampled_from(["a", "b", "c", "d", "e", "f"]), st.text(max_size=4)),
        "rol": v(st.just(rol), st.sampled_from(["aanvrager", "partner", "kind", "medebewoner", "baas"])),
        "inkomen": v(st.just(_vul(inkomen))),
        "zorgverzekerd": v(st.booleans(), optioneel=0.6),
        "kan_niet_voor_kind_zorgen": v(st.booleans(), optioneel=0.7),
        "wlz_indicatie": v(st.booleans(), optioneel=0.8),
    }
    if draw(st.booleans()):
        leeftijden = st.integers(0, 17) if rol == "kind" else st.integers(16, 100)
        p["leeftijd"] = v(leeftijden, st.integers(-100, -1) | st.integers(150, 10**6))
    else:
        if rol == "kind":
            gd = st.dates(dt.date(jaar - 17, 1, 1), dt.date(jaar - 1, 12, 31))
        else:
            gd = st.dates(dt.date(1925, 1, 1), dt.date(jaar - 16, 12, 31))
        p["geboortedatum"] = v(gd | gd.map(dt.date.isoformat), _datum(fout=True))
    if draw(st.integers(0, 4)) == 0:
        p["activiteiten"] = v(st.lists(st.fixed_dictionaries({
            "soort": st.sampled_from(["werk", "traject", "studie", "inburgering"]),
            "van": _datum(jaar), "tot": _datum(jaar),
        }), max_size=3), st.lists(st.fixed_dictionaries({
            "soort": st.sampled_from(["werk", "slapen", ""]),
            "van": _datum(fout=True), "tot": _datum(fout=True)}), min_size=1, max_size=2))
    if rol != "kind" and draw(st.integers(0, 4)) == 0:
        p["wia"] = _vul({
            "fase": v(st.sampled_from(["loongerelateerd", "na_loongerelateerd", "iva"]), st.just("x")),
            "klasse": v(st.sampled_from(["35-45", "45-55", "55-65", "65-80", "80-100"]), st.just("0-35")),
            "maandloon": v(_bedrag, _bedrag_fout),
            "restverdiencapaciteit": v(_bedrag, _bedrag_fout),
            "einde_loongerelateerd": v(_datum(jaar), _datum(fout=True), optioneel=0.5),
        })
    if rol == "kind" and draw(st.booleans()):
        p["kinderopvang"] = _vul({
            "soort": v(st.sampled_from(["dagopvang", "bso", "gastouder"]), st.just("oma")),
            "uren_per_maand": v(st.integers(0, 230) | st.lists(st.integers(0, 230), min_size=12, max_size=12),
                                _geld_fout),
            "uurprijs": v(st.floats(0, 20), _bedrag_fout),
        })
    if v.kans and draw(st.integers(0, 9)) == 0:
        p[draw(st.text(min_size=1, max_size=6))] = draw(_rommel)  # unknown key
    return _vul(p)


@st.composite
def huishoudens(draw):
    """Schema-1 households. About a third have no fault at all; the rest have faults at a low
    or a high rate: wrong types, negative numbers, wrong list lengths, unknown keys, missing
    fields, dates outside the year."""
    kans = draw(st.sampled_from([0.0, 0.0, 0.02, 0.1, 0.3]))
    v = _Veld(draw, kans)
    jaar_goed = draw(st.sampled_from([2025, 2026]))
    jaar = v(st.just(jaar_goed), st.sampled_from([2024, 2027, 1999, 0, -1, "2026"]))
    rollen = ["aanvrager"]
    if draw(st.booleans()):
        rollen.append("partner")
    rollen += draw(st.lists(st.sampled_from(["kind", "kind", "medebewoner"]), max_size=3))
    if kans and draw(st.integers(0, 9)) == 0:
        rollen = draw(st.lists(st.sampled_from(["aanvrager", "partner", "kind"]), max_size=4))
    personen = [draw(_persoon(v, rol, jaar_goed)) for rol in rollen]
    for i, p in enumerate(personen):  # ids unique when they are meant to be valid
        if "id" in p and not kans:
            p["id"] = f"p{i}"
    ids = [p.get("id", "x") for p in personen]
    h = {
        "schema": v(st.just(1), st.sampled_from([2, 0, "1"])),
        "naam": v(st.text(max_size=20)),
        "jaar": jaar,
        "peildatum": v(_datum(jaar_goed), optioneel=0.5),
        "gemeente": v(st.just("standaard"), st.just("onbekend-oord"), optioneel=0.3),
        "personen": v(st.just(personen)),
        "wonen": v(st.one_of(
            st.fixed_dictionaries({"soort": st.just("huur"), "kale_huur": _geld},
                                  optional={"servicekosten": _geld, "corporatie": st.booleans()}),
            st.fixed_dictionaries({"soort": st.sampled_from(["koop", "inwonend"])}),
        ), st.fixed_dictionaries({"soort": st.sampled_from(["huur", "tent"]), "kale_huur": _geld_fout})),
        "vermogen": v(st.integers(0, 300000) | st.floats(0, 1e7), _bedrag_fout),
        "gemeentelijke_belastingen": v(_bedrag, _bedrag_fout, optioneel=0.6),
        "ontvangt": v(st.fixed_dictionaries({}, optional={
            k: _geld for k in ("kinderopvangtoeslag", "zorgtoeslag", "huurtoeslag", "kindgebonden_budget")
        }), st.fixed_dictionaries({"zorgtoeslag": _geld_fout}), optioneel=0.5),
        "schulden": v(st.lists(st.fixed_dictionaries({
            "schuldeiser": st.sampled_from(["Belastingdienst", "CJIB", "DUO", "Eneco"]),
            "soort": st.sampled_from(["belasting", "boete", "studie", "energie", "overig"]),
            "bedrag": st.integers(1, 20000),
        }), max_size=4), st.lists(st.fixed_dictionaries({"bedrag": _bedrag_fout}), min_size=1, max_size=2),
            optioneel=0.5),
        "gebeurtenissen": v(st.lists(st.fixed_dictionaries({
            "datum": _datum(jaar_goed),
            "soort": st.sampled_from(["stopt_met_werken", "start_met_werken", "verhuizing",
                                      "geboorte", "scheiding", "samenwonen"]),
            "persoon": st.sampled_from(ids or ["a"]),
        }), max_size=3), st.lists(st.fixed_dictionaries({
            "datum": _datum(fout=True),
            "soort": st.sampled_from(["loterij", "huurwijziging", "stopt_met_werken"]),
            "persoon": st.sampled_from(["zzz", *ids]),
        }), min_size=1, max_size=2), optioneel=0.5),
    }
    if kans and draw(st.integers(0, 9)) == 0:
        h[draw(st.text(min_size=1, max_size=8))] = draw(_rommel)  # unknown top-level key
    return _vul(h)


@FUZZ
@given(h=huishoudens())
def test_schemavormige_huishoudens(h):
    _uitkomst(h)


@FUZZ
@given(h=huishoudens())
def test_schemavormige_huishoudens_als_yaml_bestand(h):
    """The same through a YAML file (dates become YAML dates, as a user would write them)."""
    pad = _TMP / "huishouden.yaml"
    try:
        tekst = yaml.safe_dump(h, allow_unicode=True)
    except yaml.YAMLError:
        return
    pad.write_text(tekst, encoding="utf-8")
    _uitkomst(str(pad))


@settings(max_examples=100, deadline=None, database=None)
@given(pad_in=st.sampled_from([
    ("personen", 0, "inkomen", "loon"), ("wonen", "kale_huur"), ("vermogen",),
    ("personen", 1, "inkomen", "loon"), ("personen", 0, "leeftijd"), ("personen", 0, "inkomen", "bijstand_netto"),
]), waarde=_rommel | _geld | _geld_fout)
def test_een_veld_verstoord(pad_in, waarde):
    """The valid base household with one field replaced: a result or InvoerFout; when it is
    InvoerFout the message names that field."""
    h = geldig_huishouden()
    del h["personen"][0]["geboortedatum"]
    h["personen"][0]["leeftijd"] = 38
    doel = h
    for stap in pad_in[:-1]:
        doel = doel[stap]
    doel[pad_in[-1]] = waarde
    try:
        res = check(h)
    except InvoerFout as e:
        def naam(stappen):
            return "".join(f"[{s}]" if isinstance(s, int) else (f".{s}" if i else s)
                           for i, s in enumerate(stappen))
        veld = naam(pad_in)
        # null is "left out": then naming the enclosing object is fair ("personen[0]: geef
        # geboortedatum of leeftijd")
        ok = veld in str(e) or (waarde is None and naam(pad_in[:-1]) in str(e))
        assert ok, f"InvoerFout does not name {veld!r}:\n{e}"
        return
    controleer_resultaat(res)


# --------------------------------------------------------------------------------------------
# (c) hostile shapes (issue 14): aliases that expand, nesting, long texts, huge numbers, many
# values. Still only a result or InvoerFout, fast, with a short message quoting little input.
# --------------------------------------------------------------------------------------------

LANG = "Q"


@st.composite
def _alias_keten(draw) -> str:
    """Anchors each holding a few aliases of the one before (a 'billion laughs' of random size), optionally a merge
    key or an alias inside its own anchor."""
    lagen, breedte = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    regels = [f"a0: &a0 [{', '.join(['lol'] * breedte)}]"]
    for i in range(1, lagen):
        regels.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * breedte)}]")
    soort = draw(st.sampled_from(["lijst", "samenvoegen", "zichzelf"]))
    if soort == "samenvoegen":
        regels.append("m: &m {x: *a0}\nwonen: {<<: *m, soort: huur}")
    elif soort == "zichzelf":
        regels.append("r: &r [1, *r]")
    veld = draw(st.sampled_from(["naam", "vermogen", "gemeente", "schulden", "ontvangt"]))
    return "\n".join(regels) + f"\n{veld}: *a{lagen - 1}\n"


_vijandig_yaml = st.one_of(
    _alias_keten(),
    st.integers(1, 3000).map(lambda n: "naam: " + "[" * n + "]" * n + "\n"),              # nesting
    st.integers(1, 3000).map(lambda n: "naam:\n" + "".join("  " * i + "- \n" for i in range(n))),
    st.integers(100, 30_000).map(lambda n: f"naam: {LANG * n}\n"),                       # long texts
    st.integers(100, 30_000).map(lambda n: f"{LANG * n}: 1\n"),                           # long keys
    st.integers(10, 10_000).map(lambda n: f"vermogen: {'9' * n}\n"),                      # huge numbers
    st.integers(100, 40_000).map(lambda n: "schulden: [" + ", ".join(["1"] * n) + "]\n"),  # many values
    st.integers(100, 3_000).map(lambda n: "personen:\n" + "".join(
        f"  - {{id: k{i}, rol: kind, leeftijd: 3}}\n" for i in range(n))),                # many rows
)

_vijandig_json = st.one_of(
    st.integers(1, 200_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 3000).map(lambda n: '{"naam": ' + '{"a": ' * n + "1" + "}" * n + "}"),
    st.integers(100, 30_000).map(lambda n: json.dumps({"naam": LANG * n})),
    st.integers(10, 10_000).map(lambda n: '{"vermogen": ' + "9" * n + "}"),
    st.integers(100, 60_000).map(lambda n: json.dumps({"personen": [0] * n})),
)

_KOP = "schema: 1\njaar: 2026\nnaam: kop\npersonen: [{id: a, rol: aanvrager, leeftijd: 40}]\n"


def _kort_en_snel(pad: pathlib.Path) -> None:
    import time
    begin = time.perf_counter()
    try:
        res = check(str(pad))
    except InvoerFout as e:
        event("InvoerFout")
        assert len(str(e)) < 6_000 and LANG * 201 not in str(e), str(e)[:500]
    else:
        event("resultaat")
        controleer_resultaat(res)
    assert time.perf_counter() - begin < 3.0


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(staart=_vijandig_yaml, met_kop=st.booleans())
def test_vijandige_yaml_vormen(staart, met_kop):
    pad = _TMP / "vijandig.yaml"
    # a key given twice: the later one counts, so the hostile field replaces the valid one of the head
    pad.write_text((_KOP if met_kop else "") + staart, encoding="utf-8")
    _kort_en_snel(pad)


@settings(max_examples=80, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tekst=_vijandig_json)
def test_vijandige_json_vormen(tekst):
    pad = _TMP / "vijandig.json"
    pad.write_text(tekst, encoding="utf-8")
    _kort_en_snel(pad)


def _parameter_ids(jaar: int) -> list[str]:
    from checker import parameters
    return parameters.laad(jaar).ids()


_getallen = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                      st.floats(-2, 2), st.sampled_from([0, 1, -1, 12, 13, 130, 131, 10**400]))


def _vervang_getallen(waarde, draw):
    """The parameter's own value with every number replaced by a random one (the shape stays)."""
    if isinstance(waarde, dict):
        return {k: _vervang_getallen(v, draw) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_vervang_getallen(v, draw) for v in waarde]
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return draw(_getallen)
    return waarde


@st.composite
def _hervormingen(draw):
    """A parameter id with its own value's shape and random numbers in it, or (one in five) junk of any shape."""
    from checker import parameters
    jaar = draw(st.sampled_from([2025, 2026]))
    pid = draw(st.sampled_from(_parameter_ids(jaar)))
    if draw(st.integers(0, 4)) == 0:
        return jaar, pid, draw(_rommel)
    rec = parameters.laad(jaar).record(pid)
    if rec.keuzes:  # a formula chosen by a dated parameter: any of its formulas
        return jaar, pid, draw(st.sampled_from(sorted(rec.keuzes)))
    return jaar, pid, _vervang_getallen(rec.waarde, draw)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(wijziging=_hervormingen(), huishouden=st.sampled_from(["alleenstaande-minimumloon", "ronald-marijke",
                                                             "nathalie-dunya", "wim-angelique"]))
def test_hervorming_met_willekeurige_waarden(wijziging, huishouden):
    """Any value for any parameter: a result, or InvoerFout naming that parameter. A value of the right shape within
    the bounds of its unit is a valid reform, so the calculation must then give a result."""
    from checker import hervorming, parameters
    jaar, pid, nieuw = wijziging
    params = parameters.laad(jaar)
    rec = params.record(pid)
    binnen = not rec.grensfouten(pid, nieuw)
    if binnen and rec.keuzes:  # another formula is a valid reform only where the year has the parameters it reads
        binnen = all(x in params for x in rec.keuzes[nieuw])
    ref = {"schema": 1, "naam": "fuzz", "jaar": jaar, "wijzigingen": {pid: nieuw}}
    try:
        uit = hervorming(ref, huishouden)
    except InvoerFout as e:
        assert not binnen, f"{pid} = {nieuw!r} lies within its bounds, yet: {e}"
        assert f"wijzigingen.{pid}" in str(e)
        event("InvoerFout")
        return
    assert binnen, f"{pid} = {nieuw!r} is outside its bounds but was accepted"
    event("resultaat")
    for h in uit["huishoudens"]:
        for kant in ("basis", "hervorming"):
            assert all(math.isfinite(v) for v in h[kant]["regelingen"].values()), (pid, nieuw)
