"""100,000 evaluations of the signal rules in one process: no engine error, flat memory."""
from __future__ import annotations

import time

import psutil

from checker import api, signalen

N = 100_000


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


if __name__ == "__main__":
    regelset, _ = signalen.standaard_regelset()
    h, res = api.bereken_huishouden("ronald-marijke")
    feiten = signalen.feiten(h, res)
    regelset.evalueer(feiten)
    voor = rss_mb()
    tussen = None
    t = time.perf_counter()
    gevuurd = 0
    for i in range(N):
        feiten[1]["jaarbedrag"] = float(i % 3000)  # vary a value so rules fire and stay silent
        gevuurd += len(regelset.evalueer(feiten))
        if i == N // 2:
            tussen = rss_mb()
    duur = time.perf_counter() - t
    na = rss_mb()
    print(f"{N:,} evaluaties in {duur:.2f} s ({N / duur:,.0f} per seconde), {gevuurd:,} signalen, geen fout")
    print(f"geheugen (RSS): voor {voor:.1f} MB, halverwege {tussen:.1f} MB, na {na:.1f} MB")
