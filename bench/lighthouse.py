"""Lighthouse scores of the reader's site: mobile performance, accessibility, best practices and
SEO of the home page, a person page and the timeline, on this repository's site beside a plain
Material site of the same pages, in one run; and the bytes the home page transfers, gzipped,
search included.

    .venv/bin/python bench/lighthouse.py [--rounds N] [--keep DIR]

Needs Node.js 20 and /usr/bin/chromium. Lighthouse is pinned in bench/lighthouse/package.json
and its lock; when bench/lighthouse/node_modules is missing the script runs
`npm ci --prefix bench/lighthouse` first, from the registry npm is configured with.

The two sites:

- this repository's site, built by `explainer build --site-dir` from a copy of the project;
- a plain Material site of the same rendered pages, as bench/site_speed.py makes it: the
  Markdown `render_site` returns, in a plain MkDocs project with Material, the same theme
  features, search settings, Markdown extensions and navigation, but no explainer plugin (so
  none of its theme overrides, page metadata, search folding or feed), built by `mkdocs build`.

Each site is served by Python's http.server on 127.0.0.1 (no compression: Lighthouse's scores
do not depend on it), and Lighthouse runs on every page of both sites, one after the other, with
its default mobile emulation and simulated throttling, so the performance score is an estimate
of a mid-range phone on a slow 4G link, taken from a trace of this shared machine. One run's
performance score moves by 5 points or more from run to run here, so the runs are repeated in
`--rounds` interleaved rounds (default 3: page A on both sites, page B on both, ..., then again).
Printed: page x site x the median of each of the four scores (0-100), with the median metrics
behind the performance score and every round's performance score.

Bytes transferred (gzip): every file of the site that Lighthouse saw the home page request
(its network-requests audit, workers included), and also search/search_index.json and the
search worker named in the page's configuration if it did not, each compressed with Python's
gzip module at level 9 (what a server that compresses would send, give or take its level and
headers). Figures only: nothing is asserted. `--keep DIR` keeps the sites and the Lighthouse
reports, to look at.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from site_speed import copy_project, plain_project  # bench/site_speed.py: the script's own folder is on the path

from generator.files.project import Project

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = PACKAGE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flag Chromium keeps trying hosts this closed network refuses.
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (("home", ""), ("person", "people/keir-starmer/"), ("timeline", "timeline/"))
METRICS = (("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"),
           ("TBT", "total-blocking-time"), ("CLS", "cumulative-layout-shift"), ("SI", "speed-index"))


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *arguments: object) -> None:
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """The folder served on a free port of 127.0.0.1 from a daemon thread, and its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_checked(command: list[str], what: str, **options: object) -> None:
    done = subprocess.run(command, capture_output=True, text=True, **options)
    if done.returncode != 0:
        sys.exit(f"{what} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def build_sites(work: Path) -> dict[str, Path]:
    """This repository's site and the plain Material site of the same pages."""
    project = copy_project(ROOT, work / "repository")
    explainer = Path(sys.executable).parent / "explainer"
    run_checked([str(explainer), "--project", str(project), "build", "--site-dir", str(work / "explainer-site")],
                "explainer build")
    plain, _ = plain_project(Project(project), work / "plain")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run_checked([sys.executable, "-m", "mkdocs", "build", "--config-file", str(plain / "mkdocs.yml"),
                 "--site-dir", str(work / "plain-site")], "plain mkdocs build", cwd=plain, env=environment)
    return {"explainer": work / "explainer-site", "plain Material": work / "plain-site"}


def install_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"installing Lighthouse: npm ci --prefix {PACKAGE.relative_to(ROOT)}", flush=True)
    run_checked(["npm", "ci", "--prefix", str(PACKAGE)], "npm ci")


def lighthouse(url: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
               "--form-factor=mobile", f"--only-categories={','.join(CATEGORIES)}", "--output=json",
               f"--output-path={report}", "--quiet"]
    run_checked(command, f"lighthouse {url}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        sys.exit(f"lighthouse {url}: {result['runtimeError']}")
    return result


def scores(result: dict) -> dict[str, int | None]:
    return {category: None if result["categories"][category]["score"] is None
            else round(result["categories"][category]["score"] * 100) for category in CATEGORIES}


def median_score(results: list[dict], category: str) -> int | None:
    found = [score for result in results if (score := scores(result)[category]) is not None]
    return round(statistics.median(found)) if found else None


def median_metrics(results: list[dict]) -> str:
    shown = []
    for label, audit in METRICS:
        values = [value for result in results
                  if (value := result["audits"].get(audit, {}).get("numericValue")) is not None]
        if values:
            value = statistics.median(values)
            shown.append(f"{label} {value:.3f}" if audit == "cumulative-layout-shift" else f"{label} {value / 1000:.1f} s")
    return ", ".join(shown)


def failed_audits(result: dict, category: str) -> list[str]:
    """The ids of the audits that lost the category points, weightiest first."""
    weights = {reference["id"]: reference["weight"] for reference in result["categories"][category]["auditRefs"]}
    lost = [(weights[audit], audit) for audit in weights
            if weights[audit] > 0 and (result["audits"][audit].get("score") is not None)
            and result["audits"][audit]["score"] < 1]
    return [audit for _, audit in sorted(lost, reverse=True)]


def requested_files(result: dict, base: str, site: Path) -> set[Path]:
    """The site's files among the requests Lighthouse recorded for the page."""
    files = set()
    for request in result["audits"]["network-requests"]["details"]["items"]:
        url = request.get("url", "")
        if not url.startswith(base):
            continue
        path = site / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            files.add(path)
    return files


def search_files(site: Path) -> set[Path]:
    """The search index and the worker the home page's configuration names."""
    files = {site / "search" / "search_index.json"}
    page = (site / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    if found:
        worker = json.loads(found.group(1)).get("search")
        if worker:
            files.add(site / urlsplit(urljoin("http://site/", worker)).path.lstrip("/"))
    return {path for path in files if path.is_file()}


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def transfer(site: Path, requested: set[Path]) -> tuple[list[tuple[str, int, int, bool]], int, int]:
    """Each file the home page loads, its size and gzip size, and whether Lighthouse saw it."""
    rows = [(path.relative_to(site).as_posix(), path.stat().st_size, gzip_size(path), path in requested)
            for path in sorted(requested | search_files(site))]
    return rows, sum(row[1] for row in rows), sum(row[2] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of runs, each page on both sites")
    parser.add_argument("--keep", type=Path, help="a new folder to keep the sites and reports in, to look at")
    options = parser.parse_args()
    if options.keep is not None and options.keep.exists():
        parser.error(f"--keep {options.keep} exists; give a new folder")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"{CHROMIUM} is missing: Lighthouse needs Chromium (Debian's package chromium)")

    install_lighthouse()
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()
    browser = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as folder:
        work = options.keep.resolve() if options.keep is not None else Path(folder)
        work.mkdir(exist_ok=True)
        sites = build_sites(work)
        servers = {name: serve(site) for name, site in sites.items()}
        print(f"Lighthouse {version}, {browser}, mobile form factor, simulated throttling; "
              f"{options.rounds} interleaved rounds of one run per page and site")
        runs: dict[tuple[str, str], list[dict]] = {}
        try:
            for round_number in range(1, options.rounds + 1):
                for page, path in PAGES:
                    for name, (_, base) in servers.items():
                        report = work / f"{page}-{name.replace(' ', '-')}-{round_number}.json"
                        print(f"  round {round_number}: {name:15} {base}{path}", flush=True)
                        runs.setdefault((page, name), []).append(lighthouse(base + path, report))
        finally:
            for server, _ in servers.values():
                server.shutdown()
        # The run of median performance stands for the page in the audits and the transfer.
        results = {key: sorted(found, key=lambda result: scores(result)["performance"] or 0)[len(found) // 2]
                   for key, found in runs.items()}

        print(f"\n{'page':10} {'site':16}" + "".join(f"{category:>16}" for category in CATEGORIES)
              + "   median performance metrics; performance of each round")
        for page, path in PAGES:
            for name in sites:
                found = runs[page, name]
                row = {category: median_score(found, category) for category in CATEGORIES}
                cells = "".join(f"{'n/a' if row[category] is None else row[category]:>16}" for category in CATEGORIES)
                each = " ".join(str(scores(result)["performance"]) for result in found)
                print(f"{page:10} {name:16}{cells}   {median_metrics(found)}; {each}")
        print("\naudits short of full marks (accessibility, best practices, SEO), weightiest first")
        for page, _ in PAGES:
            for name in sites:
                lost = {category: failed_audits(results[page, name], category) for category in CATEGORIES[1:]}
                shown = "; ".join(f"{category}: {', '.join(audits)}" for category, audits in lost.items() if audits)
                print(f"  {page:10} {name:16} {shown or 'none'}")

        print("\nhome page, bytes transferred: every file it loads, search included, gzipped (level 9)")
        for name, site in sites.items():
            requested = requested_files(results["home", name], servers[name][1], site)
            rows, raw, packed = transfer(site, requested)
            print(f"\n  {name}: {len(rows)} files, {raw:,} bytes, {packed:,} bytes gzipped")
            for file, size, packed_size, seen in rows:
                mark = "" if seen else "   (not requested during Lighthouse's load; search fetches it)"
                print(f"    {file:58} {size:>10,} {packed_size:>10,}{mark}")


if __name__ == "__main__":
    main()
