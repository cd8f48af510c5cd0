"""`check` of one persona warm (target ≤ 12 ms), `samenloop check` from a cold start (target < 0.5 s) and
`samenloop --help` from a cold start (target ≤ 0.15 s).

Timings on a shared machine vary with what else runs: each figure is given as best and median of its runs.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from checker import check

PERSONA = "ronald-marijke"
WORTEL = Path(__file__).resolve().parent.parent


def warm(herhalingen: int = 200) -> list[float]:
    check(PERSONA)  # warm-up: imports, parameter and rule caches
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        check(PERSONA)
        tijden.append(time.perf_counter() - t)
    return tijden


def koud(opdracht: list[str], herhalingen: int = 7) -> list[float]:
    """Wall time of ``samenloop <opdracht>`` in a fresh interpreter (the console script, as a user starts it)."""
    samenloop = Path(sys.executable).with_name("samenloop")
    start = [str(samenloop)] if samenloop.exists() else [sys.executable, "-m", "checker"]
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        subprocess.run(start + opdracht, check=True, stdout=subprocess.DEVNULL, cwd=WORTEL)
        tijden.append(time.perf_counter() - t)
    return tijden


def _ms(tijden: list[float]) -> str:
    return f"best {min(tijden) * 1000:.2f} ms, mediaan {statistics.median(tijden) * 1000:.2f} ms"


if __name__ == "__main__":
    w = warm()
    print(f"check {PERSONA} warm: {_ms(w)}, p95 {sorted(w)[int(len(w) * 0.95)] * 1000:.2f} ms (doel ≤ 12 ms)")
    k = koud(["check", PERSONA, "--json"])
    print(f"samenloop check {PERSONA} --json koude start: best {min(k):.3f} s, mediaan {statistics.median(k):.3f} s "
          "(doel < 0,5 s)")
    h = koud(["--help"])
    print(f"samenloop --help koude start: best {min(h):.3f} s, mediaan {statistics.median(h):.3f} s (doel ≤ 0,15 s)")
