"""Population runs: 100,000 households through all regelingen (target < 5 s) and with signals (target < 30 s);
reform runs streamed in chunks with their memory.

    .venv/bin/python benchmarks/bench_populatie.py            # 100k, and 100k + 1M streamed reform runs
    .venv/bin/python benchmarks/bench_populatie.py --landelijk # also the national size, 8 million (about 20 min)
"""
from __future__ import annotations

import resource
import sys
import time
from datetime import date

import psutil

from checker import parameters, populatie, signalen
from checker.berekening import bereken
from checker.hervormingen import populatie_run

REFORM = {"schema": 1, "naam": "standaardpremie +100", "jaar": 2026,
          "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}}


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10  # kB on Linux


def beste_en_mediaan(f, keer: int = 3) -> tuple[float, float]:
    tijden = []
    for _ in range(keer):
        t = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - t)
    return min(tijden), sorted(tijden)[keer // 2]


if __name__ == "__main__":
    p = parameters.laad(2026)
    peil = date(2026, 1, 1)
    signalen.tel(bereken(populatie.genereer(1000, 2026, 9), p), peil)  # warm-up
    inv = populatie.genereer(100_000, 2026, 1)
    b, m = beste_en_mediaan(lambda: bereken(inv, p))
    print(f"100.000 huishoudens, alle regelingen: beste {b:.2f} s, mediaan {m:.2f} s (doel < 5 s)")
    b, m = beste_en_mediaan(lambda: signalen.tel(bereken(inv, p), peil))
    print(f"100.000 huishoudens, alle regelingen en alle signaalregels: beste {b:.2f} s, mediaan {m:.2f} s "
          f"(doel < 30 s)")
    del inv
    for n in (100_000, 1_000_000) + ((8_000_000,) if "--landelijk" in sys.argv else ()):
        voor = rss_mb()
        uit = populatie_run(REFORM, n, seed=1)["populatie"]
        print(f"hervormingsrun {n:,} huishoudens (basis + hervorming + klif-check + signalen, in stukken van "
              f"25.000): {uit['doorlooptijd_s']} s, {uit['huishoudens_per_seconde']:,} per seconde, waarvan "
              f"signalen {uit['signalen']['rekentijd_s']} s; geheugen {voor:.0f} → {rss_mb():.0f} MB "
              f"(piek van het proces {piek_mb():.0f} MB)", flush=True)
