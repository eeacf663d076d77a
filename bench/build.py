"""Build speed and page weight: how long check, render and a full build take, and what a
reader downloads.

    .venv/bin/python bench/build.py [PROJECT_DIR] [--repeat N]

Times are the best of N runs. Page weight is the HTML of each generated page plus the
CSS and JavaScript every page loads (Material's bundle and the explainer stylesheet).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from generator.content.reader import load_facts
from generator.files.project import Project
from generator.site.render import render_site
from generator.plugin import build_project
from generator.site.build import build_site


def best_of(repeat: int, action) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=Path(__file__).parent.parent)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    project = Project(options.project.resolve())

    facts = load_facts(project.root)
    check = best_of(options.repeat, lambda: load_facts(project.root))
    render = best_of(options.repeat, lambda: render_site(facts))
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build = best_of(options.repeat, lambda: build_site(project, site, facts, build_project))
        pages = sorted(site.rglob("index.html"))
        html_sizes = [page.stat().st_size for page in pages]
        home = (site / "index.html").read_text(encoding="utf-8")
        assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', home)
        asset_bytes = sum((site / asset).stat().st_size for asset in assets if (site / asset).is_file())
        total_bytes = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())

    print(f"facts               {len(facts.all_facts())} from {len(facts.sources)} sources")
    print(f"check (load+verify) {check * 1000:.0f} ms")
    print(f"render pages        {render * 1000:.0f} ms for {len(pages)} pages")
    print(f"full build          {build:.2f} s  (MkDocs in this process, atomic swap)")
    print(f"render / build      {render / build:.1%} of the build")
    print(f"site size           {total_bytes / 1024:.0f} KiB")
    print(f"page HTML           median {sorted(html_sizes)[len(html_sizes) // 2] / 1024:.1f} KiB, "
          f"largest {max(html_sizes) / 1024:.1f} KiB")
    print(f"CSS + JS per page   {asset_bytes / 1024:.0f} KiB uncompressed, cached after the first page")


if __name__ == "__main__":
    main()
