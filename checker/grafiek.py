"""Charts (matplotlib): net income against gross with the regelingen stacked and the cliffs shaded."""
from __future__ import annotations

from typing import Any

from .signalen import REGELING_NAMEN


def teken_scan(uit: dict[str, Any], pad: str) -> None:
    import matplotlib
    matplotlib.use("Agg")  # no screen needed
    import matplotlib.pyplot as plt

    bruto = [p["bruto"] for p in uit["punten"]]
    netto = [p["netto_besteedbaar"] for p in uit["punten"]]
    sleutels = [k for k in uit["punten"][0]["regelingen"]
                if k != "inkomstenbelasting" and any(p["regelingen"][k] for p in uit["punten"])]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=110)
    if sleutels:
        ax.stackplot(bruto, *[[p["regelingen"][k] for p in uit["punten"]] for k in sleutels],
                     labels=[REGELING_NAMEN[k] for k in sleutels], alpha=0.55)
    label = "netto besteedbaar per maand" if uit.get("compleet", True) else "bruto + regelingen per maand (nog géén netto)"
    ax.plot(bruto, netto, color="black", linewidth=2, label=label)
    for s in uit["sprongen"]:
        ax.axvspan(s["van"], s["tot"], color="red", alpha=0.25)
    for m in uit["marginale_druk"]:
        ax.axvspan(m["van"], m["tot"], color="orange", alpha=0.12)
    ax.axvline(uit["huidig"], color="blue", linestyle="--", label=f"huidig: € {uit['huidig']:,.0f}".replace(",", "."))
    ax.set_xlabel(f"bruto {uit['bron']} van {uit['persoon']} per maand (€)")
    ax.set_ylabel("€ per maand")
    ax.set_title(f"{uit['naam']} ({uit['jaar']}): inkomen bij meer of minder {uit['bron']}\n"
                 "rood = armoedeval of klif, oranje = marginale druk boven 80%")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)
