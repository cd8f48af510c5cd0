"""`check` of one persona warm (target < 50 ms) and `samenloop check` from a cold start (target < 1.5 s)."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from checker import check

PERSONA = "ronald-marijke"


def warm(herhalingen: int = 200) -> list[float]:
    check(PERSONA)  # warm-up: imports, parameter and rule caches
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        check(PERSONA)
        tijden.append(time.perf_counter() - t)
    return tijden


def koud(herhalingen: int = 5) -> list[float]:
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "checker", "check", PERSONA, "--json"], check=True,
                       stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parent.parent)
        tijden.append(time.perf_counter() - t)
    return tijden


if __name__ == "__main__":
    w = warm()
    print(f"check {PERSONA} warm: mediaan {statistics.median(w) * 1000:.2f} ms, "
          f"p95 {sorted(w)[int(len(w) * 0.95)] * 1000:.2f} ms (doel < 50 ms)")
    k = koud()
    print(f"samenloop check {PERSONA} koude start: mediaan {statistics.median(k):.3f} s, "
          f"max {max(k):.3f} s (doel < 1,5 s)")
