"""Write the quickstart notebook's figures to docs/img/ (rerun after changing the pipeline or plots).

    python notebooks/make_figures.py [--out docs/img]

Files:
- ``quickstart-violations-by-type.png``: violations of the seed articles by type and modality;
- ``quickstart-officials-by-category.png``: officials of the seed articles by category;
- ``quickstart-render.png``: ``netral_nlp.render`` of the second seed article (summary and highlighted text)
  (needs Chromium: ``apt-get install -y chromium``; skipped with a message without it).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def seed_annotations():
    import netral_nlp

    nlp = netral_nlp.load()
    seeds = sorted((ROOT / "corpora" / "netral-id" / "raw").glob("*.txt"))
    return [nlp(f.read_text(encoding="utf-8"), id=f.stem) for f in seeds]


def screenshot(html_path: Path, png: Path, width: int = 1100, height: int = 2700) -> bool:
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if chromium is None:
        print("chromium not found: skipping", png.name, "(apt-get install -y chromium)", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as profile:
        res = subprocess.run([chromium, *CHROME_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                              f"--screenshot={png}", html_path.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    if res.returncode != 0 or not png.exists():
        print(f"chromium failed ({res.returncode}): {res.stderr[-500:]}", file=sys.stderr)
        return False
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import matplotlib.pyplot as plt

    import netral_nlp
    from netral_nlp import plots

    annotations = seed_annotations()
    written = []
    for name, fn in (("quickstart-violations-by-type.png", plots.violations_by_type),
                     ("quickstart-officials-by-category.png", plots.officials_by_category)):
        ax = fn(annotations)
        plots.save(ax, out / name, dpi=110)
        plt.close(ax.figure)
        written.append(out / name)
    with tempfile.TemporaryDirectory() as tmp:
        page = netral_nlp.render(annotations[-1], title="netral_nlp quickstart").save(Path(tmp) / "render.html")
        if screenshot(page, out / "quickstart-render.png"):
            written.append(out / "quickstart-render.png")
    for p in written:
        print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
