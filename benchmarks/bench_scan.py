"""Scan speed, warm, all regelingen and cliff attribution: 401 points (target < 35 ms) and 6,001 points
(target ≤ 40 ms). Timings on a shared machine vary with what else runs: best and median of the runs."""
from __future__ import annotations

import statistics
import time

from checker import scan

PERSONA = "ronald-marijke"


def meet(n_stap: float, tot: float, herhalingen: int = 30) -> list[float]:
    scan(PERSONA, persoon="ronald", bron="winst", van=0, tot=tot, stap=n_stap)  # warm-up
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        scan(PERSONA, persoon="ronald", bron="winst", van=0, tot=tot, stap=n_stap)
        tijden.append(time.perf_counter() - t)
    return tijden


def _ms(tijden: list[float]) -> str:
    return f"best {min(tijden) * 1000:.1f} ms, mediaan {statistics.median(tijden) * 1000:.1f} ms"


if __name__ == "__main__":
    print(f"scan {PERSONA}, 401 punten (0-4.000 per €10): {_ms(meet(10, 4000))} (doel < 35 ms)")
    print(f"scan {PERSONA}, 6.001 punten (0-6.000 per €1): {_ms(meet(1, 6000))} (doel ≤ 40 ms)")
