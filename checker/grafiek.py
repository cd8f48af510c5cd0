"""Charts (matplotlib): net income against gross with the regelingen stacked and the cliffs shaded."""
from __future__ import annotations

from typing import Any

from .berekening import REGELING_NAMEN
from .regelingen.register import actief


def teken_scan(uit: dict[str, Any], pad: str) -> None:
    import matplotlib
    matplotlib.use("Agg")  # no screen needed
    import matplotlib.pyplot as plt

    bruto = [p["bruto"] for p in uit["punten"]]
    netto = [p["netto_besteedbaar"] for p in uit["punten"]]
    sleutels = [k for k in uit["punten"][0]["regelingen"]
                if actief()[k].soort != "heffing" and any(p["regelingen"][k] for p in uit["punten"])]
    fig, ax = plt.subplots(figsize=(10, 6), dpi=110)
    if sleutels:
        ax.stackplot(bruto, *[[p["regelingen"][k] for p in uit["punten"]] for k in sleutels],
                     labels=[REGELING_NAMEN[k] for k in sleutels], alpha=0.55)
    label = ("netto besteedbaar per maand" if uit.get("compleet", True)
             else "bruto + regelingen per maand (nog géén netto)")
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


def teken_hervorming(uit: dict[str, Any], pad: str) -> None:
    """Baseline against reform: the change in net income per household, and per income decile of the population."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pop = uit.get("populatie")
    fig, assen = plt.subplots(1, 2 if pop else 1, figsize=(14 if pop else 9, 6), dpi=110, squeeze=False)
    ax = assen[0][0]
    hs = uit["huishoudens"]
    verschil = [h["verschil"]["netto_besteedbaar_inkomen"] for h in hs]
    kleuren = ["#c0392b" if h["tegen_de_richting"] else ("#2e86c1" if v >= 0 else "#e67e22")
               for h, v in zip(hs, verschil)]
    ax.barh([h["naam"] for h in hs], verschil, color=kleuren)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("verschil netto besteedbaar inkomen per jaar (€)")
    ax.set_title("per huishouden: blauw erop vooruit of gelijk, oranje erop achteruit,\n"
                 "rood tegen de richting van de hervorming in", fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    if pop:
        ax2 = assen[0][1]
        decielen = pop["per_deciel"]
        ax2.bar([d["deciel"] for d in decielen], [d["gemiddeld_verschil"] for d in decielen], color="#2e86c1")
        ax2.axhline(0, color="black", linewidth=0.8)
        ax2.set_xticks([d["deciel"] for d in decielen])
        ax2.set_xlabel("deciel van het bruto huishoudinkomen")
        ax2.set_ylabel("gemiddeld verschil netto per jaar (€)")
        titel = (f"Nederland: {round(pop['huishoudens']):,} huishoudens (gekalibreerd)"
                 if pop.get("soort") == "landelijk"
                 else f"synthetische populatie van {pop['huishoudens']:,} huishoudens (illustratief)")
        ax2.set_title(titel.replace(",", "."), fontsize=10)
        ax2.grid(axis="y", alpha=0.3)
    fig.suptitle(f"Hervorming: {uit['hervorming']} ({uit['jaar']})")
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)


def teken_populatie(uit: dict[str, Any], pad: str) -> None:
    """The national baseline: every official figure against the model (calibration targets and controls), and the
    national cost of each regeling."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    doelen = sorted(uit["doelen"], key=lambda d: (d["gebruik"], d["id"]))
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(15, max(6, 0.28 * len(doelen))), dpi=110,
                                  gridspec_kw={"width_ratios": [3, 2]})
    kleuren = ["#2e86c1" if d["gebruik"] == "kalibratie" else ("#c0392b" if "waarschuwing" in d else "#e67e22")
               for d in doelen]
    ax.barh([d["omschrijving"][:60] for d in doelen], [d["verhouding"] or 0 for d in doelen], color=kleuren)
    ax.axvline(1.0, color="black", linewidth=0.8)
    for grens in (0.75, 1.25):
        ax.axvline(grens, color="#c0392b", linewidth=0.6, linestyle=":")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("model / officieel")
    ax.set_title("blauw: kalibratiedoel; oranje: controle (niet gewogen); rood: controle > 25% ernaast", fontsize=9)
    regelingen = [(k, r) for k, r in uit["regelingen"].items() if r["soort"] == "uitkering" and r["recht"] > 0]
    namen = [k.replace("_", " ") for k, _ in regelingen]
    ax2.barh(namen, [r["recht"] / 1e9 for _, r in regelingen], color="#d6eaf8", label="bij volledig gebruik")
    ax2.barh(namen, [r["uitgaven"] / 1e9 for _, r in regelingen], color="#2e86c1", label="uitgaven (na niet-gebruik)")
    ax2.invert_yaxis()
    ax2.set_xlabel("miljard euro per jaar")
    ax2.legend(fontsize=8)
    ax2.set_title("kosten per regeling voor heel Nederland", fontsize=10)
    fig.suptitle(f"Landelijke populatie {uit['jaar']}: {round(uit['huishoudens']):,} huishoudens".replace(",", "."))
    fig.tight_layout()
    fig.savefig(pad)
    plt.close(fig)
