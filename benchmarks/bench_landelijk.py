"""The calibrated national population (issue 12): the baseline for the whole country (target ≤ 10 s) and a reform
with signals (target ≤ 30 s), each in a fresh process with its peak memory (target ≤ 2 GB).

    .venv/bin/python benchmarks/bench_landelijk.py            # both, three runs each (about 3 minutes)
"""
from __future__ import annotations

import json
import subprocess
import sys

STAP = r"""
import json, resource, sys, time
from checker.populatie import landelijk
begin = time.perf_counter()
if sys.argv[1] == "basis":
    landelijk.basis(2026)
else:
    landelijk.hervorming({"schema": 1, "naam": "standaardpremie +100", "jaar": 2026,
                          "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}})
piek_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": time.perf_counter() - begin, "piek_mb": piek_mb}))
"""


def meet(soort: str, keer: int = 3) -> tuple[float, float, float]:
    uit = []
    for _ in range(keer):
        p = subprocess.run([sys.executable, "-c", STAP, soort], capture_output=True, text=True, check=True)
        uit.append(json.loads(p.stdout.strip().splitlines()[-1]))
    tijden = sorted(x["s"] for x in uit)
    return tijden[0], tijden[keer // 2], max(x["piek_mb"] for x in uit)


if __name__ == "__main__":
    for soort, naam, doel in (("basis", "samenloop populatie (basis, heel Nederland)", "≤ 10 s"),
                              ("hervorming", "hervorming met signalen op de landelijke populatie", "≤ 30 s")):
        beste, mediaan, piek = meet(soort)
        print(f"{naam}: beste {beste:.1f} s, mediaan {mediaan:.1f} s (doel {doel}); piekgeheugen {piek:.0f} MB "
              "(doel ≤ 2 GB)", flush=True)
