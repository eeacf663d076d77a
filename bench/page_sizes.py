"""What a reader downloads: the size of the built pages and of the search index, on this
repository's site and on a synthetic story (bench/story.py) of any size.

    .venv/bin/python bench/page_sizes.py [--sites repository,story] [--keep DIR]
                                         [--people 1000 --events 2000 --quotes 500 --sources 50 --seed 1]

Each site is built with `explainer build`; then printed: the largest pages, the timeline (one
page, or its first page and its parts), the sources page and the pages of what each article
supports, and `search/search_index.json`, the file fetched on a reader's first search, with the
share of it each kind of section takes. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from story import StorySize, write_story  # bench/story.py: the script's own folder is on the path

ROOT = Path(__file__).resolve().parent.parent


def build(project: Path, site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project), "build",
                           "--site-dir", str(site)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"explainer build failed:\n{done.stdout}{done.stderr}")


def kilobytes(size: int) -> str:
    return f"{size / 1000:,.0f} KB"


def report(name: str, site: Path) -> None:
    pages = {page.relative_to(site).parent.as_posix(): page.stat().st_size for page in site.rglob("index.html")}
    print(f"\n{name}: {len(pages)} pages, {kilobytes(sum(pages.values()))} of HTML")
    print("  largest pages:", ", ".join(f"{'/' if path == '.' else path} {kilobytes(size)}" for path, size in
                                        sorted(pages.items(), key=lambda item: -item[1])[:4]))
    parts = sorted((path, size) for path, size in pages.items() if path.startswith("timeline/"))
    print(f"  timeline: {kilobytes(pages['timeline'])}", end="")
    if parts:
        sizes = [size for _, size in parts]
        print(f" (first page), {len(parts)} parts of {kilobytes(min(sizes))} to {kilobytes(max(sizes))}", end="")
    print()
    own = [size for path, size in pages.items() if path.startswith("sources/")]
    print(f"  sources: {kilobytes(pages['sources'])}", end="")
    if own:
        print(f", {len(own)} pages of what an article supports, up to {kilobytes(max(own))}", end="")
    print()
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    sections: Counter[str] = Counter()
    for entry in index["docs"]:
        sections[entry["title"] if "#" in entry["location"] else "(page opening)"] += len(json.dumps(entry))
    print(f"  search index: {kilobytes(index_file.stat().st_size)}, {len(index['docs'])} entries; largest sections:",
          ", ".join(f"{title} {kilobytes(size)}" for title, size in sections.most_common(4)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", default="repository,story")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the projects and sites")
    for field, default in vars(StorySize()).items():
        parser.add_argument(f"--{field}", type=int, default=default)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    size = StorySize(**{field: getattr(options, field) for field in vars(StorySize())})
    with tempfile.TemporaryDirectory() as scratch:
        work = options.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        for name in options.sites.split(","):
            if name == "repository":
                build(ROOT, work / "repository-site")
                report("this repository's site", work / "repository-site")
            elif name == "story":
                project = write_story(work / "story", size, options.seed)
                build(project, work / "story-site")
                report(f"synthetic story ({size.people} people, {size.events} events, {size.quotes} quotes, "
                       f"{size.sources} sources)", work / "story-site")
            else:
                raise SystemExit(f"unknown site {name!r}: use repository, story or both")


if __name__ == "__main__":
    main()
