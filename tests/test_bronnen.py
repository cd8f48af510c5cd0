"""Sources are cited so that anyone with the repository can follow them: a report by its title and line, a law by
article, a web source by URL; never a path on one machine or into a folder outside the repository."""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAPPEN = ["checker", "rules", "personas", "tests", "benchmarks", "hervormingen", "docs", ".ci"]
SOORTEN = {".py", ".yaml", ".yml", ".md", ".txt", ".json", ".toml", ".html", ".js", ".css", ""}
BUITEN = re.compile(r"/work/|/home/|\.\./shared|shared/(?:reference|seeds)|\breference/[\w-]+\.md|\bseeds/[\w-]+"
                    r"|\bdesign\.md|\bcasussen-20\d\d\.md|\bparameters-(?:2024-2026|income-addendum|toeslagen-addendum)")


def _bestanden():
    for map_ in MAPPEN:
        for pad in sorted((REPO / map_).rglob("*")):
            if pad.is_file() and pad.suffix in SOORTEN and "__pycache__" not in pad.parts:
                yield pad
    for bestand in ("pyproject.toml", "README.md", "CONTRIBUTING.md"):
        yield REPO / bestand


def test_the_pattern_finds_what_it_must():
    for fout in ("/work/shared/seeds/stand.txt", "reference/parameters-2024-2026.md §1", "../shared/contract.md",
                 "via parameters-income-addendum §2", "zie design.md"):
        assert BUITEN.search(fout), fout
    for goed in ('VNG, "Stand van de Uitvoering Gemeenten 2023", regel 1288', "Wet WIA art. 61 lid 2",
                 "https://wetten.overheid.nl/BWBR0015703/2026-01-01", "rules/gemeenten/standaard.yaml"):
        assert not BUITEN.search(goed), goed


def test_no_source_outside_the_repository():
    fouten = []
    for pad in _bestanden():
        if pad == Path(__file__):
            continue
        for nr, regel in enumerate(pad.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if BUITEN.search(regel):
                fouten.append(f"{pad.relative_to(REPO)}:{nr}: {regel.strip()[:100]}")
    assert len(list(_bestanden())) > 100
    assert not fouten, "\n".join(fouten)
