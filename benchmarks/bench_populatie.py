"""Population runs: 100,000 households through all regelingen (target < 5 s); a reform run; streaming memory.

    .venv/bin/python benchmarks/bench_populatie.py            # 100k, and a 1M streamed reform run
    .venv/bin/python benchmarks/bench_populatie.py --landelijk # also the national size, 8 million (about 15 min)
"""
from __future__ import annotations

import sys
import time

import psutil

from checker import parameters, populatie
from checker.berekening import bereken
from checker.hervormingen import populatie_run

REFORM = {"schema": 1, "naam": "standaardpremie +100", "jaar": 2026,
          "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}}


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


if __name__ == "__main__":
    p = parameters.laad(2026)
    bereken(populatie.genereer(1000, 2026, 9), p)  # warm-up
    for n in (100_000,):
        inv = populatie.genereer(n, 2026, 1)
        tijden = []
        for _ in range(3):
            t = time.perf_counter()
            bereken(inv, p)
            tijden.append(time.perf_counter() - t)
        print(f"{n:,} huishoudens, alle regelingen: beste {min(tijden):.2f} s, mediaan {sorted(tijden)[1]:.2f} s "
              f"(doel < 5 s)")
    for n in (100_000, 1_000_000) + ((8_000_000,) if "--landelijk" in sys.argv else ()):
        voor = rss_mb()
        uit = populatie_run(REFORM, n, seed=1)["populatie"]
        print(f"hervormingsrun {n:,} huishoudens (basis + hervorming + klif-check, in stukken van 25.000): "
              f"{uit['doorlooptijd_s']} s, {uit['huishoudens_per_seconde']:,} per seconde; geheugen {voor:.0f} → "
              f"{rss_mb():.0f} MB (piek {psutil.Process().memory_info().rss / 2**20:.0f} MB)")
