"""Peer comparison (issue 6): samenloop's 401-point scan against PolicyEngine-UK's 401-point household
earnings sweep ("axes"), both warm, in the same run. Target: samenloop at least 100 times faster.

PolicyEngine-UK is optional (`pip install -e '.[peer]'`); without it only samenloop is timed and the
script still exits 0.
"""
from __future__ import annotations

import statistics
import sys
import time

from checker import scan

PERSONA = "ronald-marijke"
PUNTEN = 401
DOEL_FACTOR = 100

# The nearest UK counterpart of ronald-marijke: a couple (38 and 36) with one child of 6, renting from a
# social landlord (750 a month), the partner earning 16,000 a year from self-employment; the first
# adult's employment_income is swept from 0 to 48,000 a year (= 0-4,000 a month, samenloop's range) in
# 401 points. household_net_income covers PolicyEngine-UK's taxes and all its benefits (Universal
# Credit, Child Benefit, ...), as samenloop's scan covers all regelingen.
JAAR = "2026"
UK_HUISHOUDEN = {
    "people": {
        "ronald": {"age": {JAAR: 38}},
        "marijke": {"age": {JAAR: 36}, "self_employment_income": {JAAR: 16_000}},
        "lars": {"age": {JAAR: 6}},
    },
    "benunits": {"benunit": {"members": ["ronald", "marijke", "lars"]}},
    "households": {"household": {"members": ["ronald", "marijke", "lars"],
                                 "rent": {JAAR: 9_000}, "tenure_type": {JAAR: "RENT_FROM_COUNCIL"}}},
    "axes": [[{"name": "employment_income", "min": 0, "max": 48_000, "count": PUNTEN, "index": 0,
               "period": JAAR}]],
}


def meet_samenloop(herhalingen: int = 20) -> float:
    def een() -> None:
        res = scan(PERSONA, persoon="ronald", bron="winst", van=0, tot=4000, stap=10)
        assert len(res["punten"]) == PUNTEN

    een()  # warm-up: imports, parameter and rule caches
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        een()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def meet_policyengine(simulation_cls, herhalingen: int = 5) -> tuple[float, float]:
    """Median seconds of (Simulation built from the situation + household_net_income) and of the
    calculation alone. PolicyEngine-UK builds its tax-benefit system anew for every Simulation, as each
    household request to its API does, so the first figure is the cost of one sweep."""
    def een() -> tuple[float, float]:
        t = time.perf_counter()
        sim = simulation_cls(situation=UK_HUISHOUDEN)
        t1 = time.perf_counter()
        netto = sim.calculate("household_net_income", int(JAAR))
        t2 = time.perf_counter()
        assert len(netto) == PUNTEN
        return t2 - t, t2 - t1

    een()  # warm-up: package imported, parameters loaded once
    metingen = [een() for _ in range(herhalingen)]
    return statistics.median(m[0] for m in metingen), statistics.median(m[1] for m in metingen)


if __name__ == "__main__":
    s = meet_samenloop()
    print(f"samenloop scan {PERSONA}, {PUNTEN} punten (winst Ronald 0-4.000 per €10), alle regelingen + "
          f"sprongen: mediaan {s * 1000:.1f} ms")
    try:
        from policyengine_uk import Simulation
    except ImportError:
        print("PolicyEngine-UK (optionele peer) is niet geïnstalleerd; installeer met: pip install -e '.[peer]'")
        sys.exit(0)
    from importlib.metadata import version

    totaal, alleen_berekening = meet_policyengine(Simulation)
    print(f"PolicyEngine-UK {version('policyengine-uk')}, {PUNTEN} punten (employment_income 0-48.000 per jaar, "
          f"household_net_income): mediaan {totaal:.2f} s "
          f"(waarvan berekening zonder opbouw van de Simulation {alleen_berekening:.2f} s)")
    factor = totaal / s
    gehaald = "gehaald" if factor >= DOEL_FACTOR else "niet gehaald"
    print(f"samenloop is {factor:,.0f}× sneller (doel ≥ {DOEL_FACTOR}×: {gehaald}); "
          f"alleen de berekening: {alleen_berekening / s:,.0f}×".replace(",", "."))
