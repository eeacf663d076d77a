"""Extraction speed at every size: one core after the model loaded, and `explainer extract` on
a project of many articles, all new, then one new beside many cached, then none new.

    .venv/bin/python bench/speed.py [--articles N] [--repeat R]

The articles are the repository's seeds and the development articles of the test corpus
(never the held-out ones, which are for scoring only), copied under distinct names until the
project holds N; each copy is an article of its own to the cache. The project has this
repository's kinds. Each `explainer extract` runs as the command does, in a fresh process,
and reports whether it imported spaCy or loaded the model and its peak memory (its worker
processes' included). Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.extract import extract_articles, load_model
from generator.extract.language import MODEL
from generator.extract.machine_layer import read_articles_from
from generator.files.project import read_options

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "seeds", ROOT / "tests" / "corpus" / "dev" / "articles",
           *sorted((ROOT / "tests" / "corpus" / "real").glob("*/dev/articles"))]

# Runs `explainer extract` in this process, then prints what it imported and its peak memory.
# Linux carries a process's peak over exec, so a command started by this bench would report the
# bench's own; its peak is the high-water mark of its memory map instead where the system has one,
# and its worker processes' that getrusage reports for the children it waited for.
PROBE = """
import json, resource, sys
from generator.cli import main
try:
    main(["--project", sys.argv[1], "extract"], standalone_mode=False)
finally:
    try:
        status = open("/proc/self/status").read()
        own = int(status.split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print("probe " + json.dumps({"spacy": "spacy" in sys.modules, "model": sys.argv[2] in sys.modules,
                                 "peak_mib": peak / 1024}))
"""


def one_core(articles: list, repeat: int) -> dict:
    """Words per second of extraction (parse and rules) in this process, after the model loaded."""
    started = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - started
    extract_articles(nlp, articles[:3])   # the first parse warms caches the later ones find ready
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        extract_articles(nlp, articles)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    # Every distinct article as one: a long article must cost no more per word than a short one.
    long = dataclasses.replace(articles[0], id="long", text="\n\n".join(article.text for article in articles))
    started = time.perf_counter()
    extract_articles(nlp, [long])
    return {"load": load, "wall": min(walls), "cpu": min(cpus), "long": time.perf_counter() - started}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def extract_run(project: Path) -> dict:
    started, cpu = time.perf_counter(), children_cpu()
    finished = subprocess.run([sys.executable, "-c", PROBE, str(project), MODEL],
                              capture_output=True, text=True, cwd=project)
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    if finished.returncode != 0:
        sys.exit(f"explainer extract failed:\n{finished.stdout}\n{finished.stderr}")
    probe = next(line for line in finished.stdout.splitlines() if line.startswith("probe "))
    summary = next((line for line in finished.stdout.splitlines() if " parsed, " in line), "")
    return {"seconds": seconds, "cpu": cpu, "summary": summary, **json.loads(probe.removeprefix("probe "))}


def layer_writing(folder: Path, repeat: int) -> tuple[int, float]:
    """The machine layer's size in bytes, and the best time to write its text again."""
    from generator.files.yamlfile import dump_yaml, load_yaml

    paths = sorted(folder.glob("*.yaml"))
    documents = [load_yaml(path)[0].data for path in paths]
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        for data in documents:
            dump_yaml(data)
        timings.append(time.perf_counter() - started)
    return sum(path.stat().st_size for path in paths), min(timings)


def project_of(folder: Path, articles: list, count: int) -> Path:
    created = subprocess.run([sys.executable, "-m", "generator.cli", "new", str(folder), "--title", "Speed",
                              "--kinds", ",".join(read_options(ROOT / "mkdocs.yml")[0].kinds)],
                             capture_output=True, text=True)
    if created.returncode != 0:
        sys.exit(f"explainer new failed:\n{created.stderr}")
    for index in range(count):
        article = articles[index % len(articles)]
        shutil.copyfile(article.path, folder / "seeds" / f"n{index:04d}-{article.path.name}")
    return folder


def shown(run: dict) -> str:
    return (f"{run['seconds']:7.2f} s ({run['cpu']:6.2f} s CPU)  spaCy imported: {'yes' if run['spacy'] else 'no '}  "
            f"model loaded: {'yes' if run['model'] else 'no '}  peak {run['peak_mib']:5.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles in the project (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="passes for the one-core figure (best kept)")
    options = parser.parse_args()

    articles = [article for folder in FOLDERS for article in read_articles_from(folder)[0]]
    words = sum(article.words for article in articles)
    speed = one_core(articles, options.repeat)
    print(f"distinct articles        {len(articles)} ({words:,} words)")
    print(f"model load               {speed['load']:.2f} s")
    print(f"one core, model loaded   {words / speed['wall']:,.0f} words/s  ({speed['wall']:.2f} s wall, "
          f"{words / speed['cpu']:,.0f} words/s of CPU time)")
    print(f"the same as one article  {words / speed['long']:,.0f} words/s  ({speed['long']:.2f} s; "
          f"{speed['long'] / speed['wall']:.2f}x the time of the separate articles)")

    with tempfile.TemporaryDirectory() as folder:
        project = project_of(Path(folder) / "story", articles, options.articles)
        total = sum(article.words for index in range(options.articles)
                    for article in [articles[index % len(articles)]])
        first = extract_run(project)
        shutil.copyfile(articles[0].path, project / "seeds" / f"new-{articles[0].path.name}")
        one_new = extract_run(project)
        cached = extract_run(project)
        print(f"project                  {options.articles} articles ({total:,} words), then one more")
        print(f"extract, all new         {shown(first)}  {total / first['seconds']:,.0f} words/s")
        print(f"extract, {options.articles} cached + 1 new {shown(one_new)}")
        print(f"extract, all cached      {shown(cached)}")
        print(f"  {first['summary'].strip()}\n  {one_new['summary'].strip()}\n  {cached['summary'].strip()}")
        print(f"one new / all new        {one_new['seconds'] / first['seconds']:.3f}")
        print(f"all cached / one new     {cached['seconds'] / one_new['seconds']:.3f}")
        print(f"one new over all cached  {one_new['seconds'] - cached['seconds']:+.2f} s")
        size, writing = layer_writing(project / "content" / "extracted", options.repeat)
        print(f"machine layer            {size / 1024:,.0f} KiB written as YAML in {writing:.3f} s "
              f"({size / 1024 / writing:,.0f} KiB/s)")

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory, this bench  {peak_mib:.0f} MiB (the model, and every article parsed in one process)")


if __name__ == "__main__":
    main()
