"""Scan speed: 401 points (target < 35 ms) and 6,001 points (target < 100 ms), warm, all regelingen."""
from __future__ import annotations

import statistics
import time

from checker import scan

PERSONA = "ronald-marijke"


def meet(n_stap: float, tot: float, herhalingen: int = 30) -> float:
    scan(PERSONA, persoon="ronald", bron="winst", van=0, tot=tot, stap=n_stap)  # warm-up
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        scan(PERSONA, persoon="ronald", bron="winst", van=0, tot=tot, stap=n_stap)
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


if __name__ == "__main__":
    print(f"scan {PERSONA}, 401 punten (0-4.000 per €10): mediaan {meet(10, 4000) * 1000:.1f} ms (doel < 35 ms)")
    print(f"scan {PERSONA}, 6.001 punten (0-6.000 per €1): mediaan {meet(1, 6000) * 1000:.1f} ms (doel < 100 ms)")
