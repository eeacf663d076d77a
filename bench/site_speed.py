"""Build speed at every size: `explainer build` beside a plain `mkdocs build` of the same pages,
on this repository's site and on a synthetic story (bench/story.py), with `explainer check`'s
time and the builds' peak memory.

    .venv/bin/python bench/site_speed.py [--repeat N] [--sites repository,story] [--profile] [--keep DIR]
                                         [--compiled] [--people 1000 --events 2000 --quotes 500 --sources 50 --seed 1]

For each site the contenders run interleaved, one after the other, N times (A B A B ...), each
in a fresh process as a user runs it, after one untimed round that warms the disk cache:

- `explainer build`: the command line, which checks the content, then runs MkDocs with the
  explainer plugin in its own process, handing it the facts it checked (MkDocs reads no
  content), and swaps the site in;
- plain `mkdocs build` of the same rendered pages: the Markdown `render_site` returns, written
  once into the docs/ folder of a plain MkDocs project with Material, the same theme features,
  search settings, Markdown extensions and navigation, but no explainer plugin (so none of its
  work: loading and checking the facts, rendering, the open-data files, the feed, the theme
  overrides and the pages' metadata);
- on the synthetic story, a plain Material site of the same page count whose pages are
  ordinary Markdown of the same mean size, with a slim navigation (a few top-level entries).

`explainer check` runs N times on its own. Times are wall clock, best and median, with the CPU
time of the best run; the ratio is the explainer build's time over the other build's, best to
best, median to median and CPU to CPU (the steadiest of the three on a shared machine). Peak memory is each process's high-water mark (/proc VmHWM).
`--profile` adds where `mkdocs build` with the plugin spends its time on the synthetic story:
each plugin hook and the library functions it calls, timed by the clock in one build, then a
cProfile of another, as the top entries by cumulative time. Run on its own, as here, the plugin
reads the content itself (`load_facts`); under `explainer build` it takes the checked facts. Figures only: nothing is asserted.
`--keep DIR` keeps the projects and the sites built, to look at.

The generator is installed in editable mode, so its modules start from bytecode only if Python
has written it beside them; where PYTHONDONTWRITEBYTECODE is set it never has, and every run of
the explainer first compiles some 7,000 lines, which MkDocs and Material, installed with their
bytecode, never do. The output says which it was; `--compiled` writes the generator's bytecode
first, as an installed package has it.
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import importlib.util
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import resource
import time
from pathlib import Path

import yaml
import yaml_env_tag
from story import StorySize, write_story  # bench/story.py: the script's own folder is on the path

from generator.content.reader import load_facts
from generator.files.project import Project
from generator.site.navigation import page_nav
from generator.site.render import render_site

ROOT = Path(__file__).resolve().parent.parent
# What `explainer build` copies of a project: its settings, content and articles.
PROJECT_PARTS = ("mkdocs.yml", "content", "seeds")

# Runs one command in this fresh process, then prints its peak memory.
# A process started by this bench would inherit the bench's peak in getrusage (Linux carries it
# over exec), so each command reports its own high-water mark from /proc.
PROBE = """
import json, resource, sys
what, arguments = sys.argv[1], sys.argv[2:]
status = 0
try:
    if what == "explainer":
        from generator.cli import main
    else:
        from mkdocs.__main__ import cli as main
    main(arguments, standalone_mode=False)
except SystemExit as error:
    status = error.code or 0
except Exception as error:
    print(f"{type(error).__name__}: {error}", file=sys.stderr)
    status = 1
try:
    own = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])
except (OSError, IndexError):
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("probe " + json.dumps({"own_mib": own / 1024}))
sys.exit(status)
"""


@dataclasses.dataclass
class Contender:
    label: str
    what: str              # "explainer" or "mkdocs": which command line the probe runs
    arguments: list[str]
    cwd: Path
    runs: list[dict] = dataclasses.field(default_factory=list)

    def command(self) -> str:
        return " ".join([self.what, *self.arguments])

    def best(self) -> dict:
        return min(self.runs, key=lambda run: run["seconds"])

    def median(self) -> float:
        return statistics.median(run["seconds"] for run in self.runs)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(contender: Contender) -> dict:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started, cpu = time.perf_counter(), children_cpu()
    finished = subprocess.run([sys.executable, "-c", PROBE, contender.what, *contender.arguments],
                              capture_output=True, text=True, cwd=contender.cwd, env=environment)
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    probe = next((line for line in finished.stdout.splitlines() if line.startswith("probe ")), None)
    if finished.returncode != 0 or probe is None:
        sys.exit(f"{contender.command()} failed:\n{finished.stdout}\n{finished.stderr}")
    return {"seconds": seconds, "cpu": cpu, **json.loads(probe.removeprefix("probe "))}


def interleaved(contenders: list[Contender], repeat: int, warmup: int) -> None:
    for _ in range(warmup):
        for contender in contenders:
            run(contender)
    for _ in range(repeat):
        for contender in contenders:
            contender.runs.append(run(contender))


def copy_project(source: Path, target: Path) -> Path:
    """The project's own parts in a folder of their own, so edits to the repository during a run
    cannot change what is measured, and nothing is written into it."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        else:
            shutil.copyfile(source / part, target / part)
    return target


def mkdocs_settings(config_file: Path) -> dict:
    """A project's mkdocs.yml as MkDocs reads it: `!ENV` tags take the variable's value."""
    loader = yaml_env_tag.add_env_tag(type("SettingsLoader", (yaml.SafeLoader,), {}))
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=loader)


def plain_settings(config_file: Path) -> dict:
    """The project's MkDocs settings without the explainer plugin."""
    settings = mkdocs_settings(config_file)
    settings["plugins"] = [plugin for plugin in settings.get("plugins", [])
                           if (plugin if isinstance(plugin, str) else next(iter(plugin))) != "explainer"]
    settings["docs_dir"] = "docs"
    return settings


def plain_project(project: Project, folder: Path) -> tuple[Path, dict[str, str]]:
    """A plain MkDocs project of the pages the plugin would add, rendered once, and those pages."""
    settings = plain_settings(project.config_file)
    facts = load_facts(project.root)
    pages = render_site(facts, directory_urls=settings.get("use_directory_urls", True))
    docs = folder / "docs"
    docs.mkdir(parents=True)
    own_pages = project.root / (mkdocs_settings(project.config_file).get("docs_dir") or "docs")
    if own_pages.is_dir():
        shutil.copytree(own_pages, docs, dirs_exist_ok=True)
    for uri, text in pages.items():
        path = docs / uri
        if not path.exists():  # a page the editors wrote themselves wins, as in the plugin
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    # The plugin's navigation, and its people pages kept out of it.
    settings.setdefault("nav", page_nav(facts))
    settings["not_in_nav"] = "/people/\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder, pages


# Ordinary Markdown for the slim site: prose, a list and a table, as a hand-written page has.
PARAGRAPH = ("The committee met again on Tuesday to review the figures, and members asked for a "
             "clearer account of how the money was spent in each region over the last year. ")
SECTIONS = ("Overview", "Reports", "Background", "Contact")


def slim_project(settings: dict, folder: Path, count: int, page_bytes: int) -> Path:
    """A plain Material site of `count` Markdown pages of about `page_bytes` each; the navigation
    has a home page and a few top-level entries, and the rest of the pages are outside it."""
    docs = folder / "docs"
    (docs / "pages").mkdir(parents=True)
    names = ["index.md", *(f"{section.lower()}.md" for section in SECTIONS)]
    names += [f"pages/page-{index:04d}.md" for index in range(count - len(names))]
    for index, name in enumerate(names):
        parts = [f"# Page {index}\n\n", "- one point\n- another point\n- a third point\n\n",
                 "| item | value |\n| --- | --- |\n| first | 1 |\n| second | 2 |\n\n"]
        while sum(len(part) for part in parts) < page_bytes:
            parts.append(f"## Part {len(parts)}\n\n{PARAGRAPH * 3}\n\n")
        (docs / name).write_text("".join(parts), encoding="utf-8")
    slim = {key: value for key, value in settings.items() if key not in ("nav", "not_in_nav")}
    slim["site_name"] = "Slim navigation"
    slim["nav"] = [{"Home": "index.md"}, *({section: f"{section.lower()}.md"} for section in SECTIONS)]
    slim["not_in_nav"] = "/pages/\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(slim, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def build_contenders(name: str, project: Path, work: Path, slim: bool) -> tuple[list[Contender], Contender, int]:
    """The builds of one site to interleave, its `explainer check`, and its page count."""
    plain, pages = plain_project(Project(project), work / f"{name}-plain")
    contenders = [
        Contender(f"{name}: explainer build", "explainer",
                  ["--project", str(project), "build", "--site-dir", str(work / f"{name}-site")], project),
        Contender(f"{name}: plain mkdocs build, same pages", "mkdocs",
                  ["build", "--config-file", str(plain / "mkdocs.yml"), "--site-dir", str(work / f"{name}-plain-site")],
                  plain),
    ]
    if slim:
        mean_bytes = sum(len(text.encode()) for text in pages.values()) // len(pages)
        folder = slim_project(plain_settings(Path(project) / "mkdocs.yml"), work / f"{name}-slim", len(pages), mean_bytes)
        contenders.append(Contender(f"{name}: plain Material, {len(pages)} pages, slim nav", "mkdocs",
                                    ["build", "--config-file", str(folder / "mkdocs.yml"),
                                     "--site-dir", str(work / f"{name}-slim-site")], folder))
    check = Contender(f"{name}: explainer check", "explainer", ["--project", str(project), "check"], project)
    return contenders, check, len(pages)


# Runs `mkdocs build` with every hook of the plugin, and the library functions it calls, timed
# by the clock alone: what each costs without a profiler's overhead.
HOOK_TIMER = """
import functools, json, sys, time
from generator import plugin
spent = {}
def timed(name, function):
    @functools.wraps(function)  # keeps the hook's priority mark
    def wrapper(*arguments, **options):
        started = time.perf_counter()
        try:
            return function(*arguments, **options)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
    return wrapper
for name in [name for name in vars(plugin.ExplainerPlugin) if name.startswith("on_")]:
    setattr(plugin.ExplainerPlugin, name, timed(name, getattr(plugin.ExplainerPlugin, name)))
for name in ("load_facts", "render_site", "page_nav", "facts_json", "schema_json", "atom_feed"):
    setattr(plugin, name, timed(name, getattr(plugin, name)))
for name in ("site_info", "page_descriptions", "page_head", "robots_txt", "fold_search_index_json"):
    setattr(plugin.web, name, timed("web." + name, getattr(plugin.web, name)))
from mkdocs.__main__ import cli
started = time.perf_counter()
cli(sys.argv[1:], standalone_mode=False)
print("hooks " + json.dumps({"build": time.perf_counter() - started, **spent}))
"""


def hook_times(project: Path, work: Path) -> None:
    """Seconds of each plugin hook, and of what it calls, in one `mkdocs build` with the plugin."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    arguments = ["build", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(work / "hooks-site")]
    started = time.perf_counter()
    finished = subprocess.run([sys.executable, "-c", HOOK_TIMER, *arguments], capture_output=True, text=True,
                              cwd=project, env=environment)
    seconds = time.perf_counter() - started
    line = next((line for line in finished.stdout.splitlines() if line.startswith("hooks ")), None)
    if finished.returncode != 0 or line is None:
        sys.exit(f"timed build failed:\n{finished.stderr}")
    spent = json.loads(line.removeprefix("hooks "))
    build = spent.pop("build")
    hooks = sum(value for name, value in spent.items() if name.startswith("on_"))
    print("\nwhere `mkdocs build` with the plugin spends its time on the synthetic story, by the clock (one run)")
    print(f"  mkdocs {' '.join(arguments)}, each hook and the functions it calls wrapped in a timer")
    print(f"  {'the process, start to end':50} {seconds:7.2f} s")
    print(f"  {'mkdocs build, after its imports':50} {build:7.2f} s   share of it")
    print(f"  {'every plugin hook':50} {hooks:7.2f} s   {hooks / build:6.1%}")
    for hook in sorted((name for name in spent if name.startswith("on_")), key=lambda name: -spent[name]):
        if spent[hook] >= 0.005:
            print(f"    {hook:48} {spent[hook]:7.2f} s   {spent[hook] / build:6.1%}")
            for name in HOOK_CALLS.get(hook, ()):
                if spent.get(name, 0) >= 0.005:
                    print(f"      {name:46} {spent[name]:7.2f} s   {spent[name] / build:6.1%}")
    print(f"  {'the rest: MkDocs and Material, with the overrides':50} {build - hooks:7.2f} s   "
          f"{(build - hooks) / build:6.1%}")


# The library functions each hook calls, as HOOK_TIMER names them.
HOOK_CALLS = {
    "on_config": ("load_facts", "page_nav", "web.site_info", "web.page_descriptions"),
    "on_files": ("render_site", "facts_json", "schema_json", "atom_feed", "web.robots_txt"),
    "on_page_context": ("web.page_head",),
    "on_post_build": ("web.fold_search_index_json",),
}


def profile(project: Path, work: Path, top: int) -> None:
    """cProfile of `mkdocs build` with the plugin, in its own process as `explainer build` runs it."""
    hook_times(project, work)
    output = work / "build.prof"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(work / "profile-site")]
    finished = subprocess.run(command, capture_output=True, text=True, cwd=project, env=environment)
    if finished.returncode != 0:
        sys.exit(f"profiled build failed:\n{finished.stderr}")
    stats = pstats.Stats(str(output))
    total = stats.total_tt
    print(f"\nprofile of `mkdocs build` with the explainer plugin on the synthetic story ({total:.2f} s under "
          "cProfile, which slows Python code unevenly: the shares and the order are what count)")
    print(f"  {' '.join(command[:7])} ...")
    # The plugin's hooks: its share of the build.
    hooks = sorted(((function, row) for function, row in stats.stats.items()
                    if function[0].endswith(os.path.join("generator", "plugin.py")) and function[2].startswith("on_")),
                   key=lambda item: -item[1][3])
    print("\n  plugin hook                     calls   cumulative   share")
    for (_, _, name), (_, calls, _, cumulative, _) in hooks:
        print(f"  {name:30} {calls:6}   {cumulative:8.2f} s   {cumulative / total:6.1%}")
    for title, keep in (("every function", lambda filename: True),
                        ("the generator's functions", lambda filename: f"{os.sep}generator{os.sep}" in filename)):
        rows = sorted(((function, row) for function, row in stats.stats.items() if keep(function[0])),
                      key=lambda item: -item[1][3])[:top]
        print(f"\n  top {top} of {title} by cumulative time")
        print("    cumulative      own     calls  function")
        for (filename, line, name), (_, calls, own, cumulative, _) in rows:
            print(f"    {cumulative:8.2f} s {own:6.2f} s {calls:9}  {_short(filename)}:{line}({name})")


def _short(filename: str) -> str:
    for marker in ("site-packages" + os.sep, str(ROOT) + os.sep):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def bytecode_state() -> str:
    """Whether the generator's modules start from cached bytecode in the runs."""
    modules = sorted((ROOT / "generator").rglob("*.py"))
    cached = sum(Path(importlib.util.cache_from_source(str(module))).is_file() for module in modules)
    writes = "PYTHONDONTWRITEBYTECODE is set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "Python writes bytecode"
    return f"generator bytecode: {cached} of {len(modules)} modules cached ({writes})"


def figures(contender: Contender) -> str:
    best = contender.best()
    return f"{best['seconds']:6.2f} s / {contender.median():6.2f} s  ({best['cpu']:5.2f} s CPU)"


def table(site_contenders: list[tuple[list[Contender], Contender, int]], goals: dict[str, str]) -> None:
    print(f"\n{'what':50} {'best / median (CPU of best)':34} {'ratio best, median, CPU':22} goal")
    for contenders, check, _ in site_contenders:
        explainer = contenders[0]
        for contender in contenders:
            ratio = ""
            if contender is not explainer:
                ratio = (f"{explainer.best()['seconds'] / contender.best()['seconds']:.2f}x, "
                         f"{explainer.median() / contender.median():.2f}x, "
                         f"{explainer.best()['cpu'] / contender.best()['cpu']:.2f}x")
            print(f"{contender.label:50} {figures(contender):34} {ratio:22} {goals.get(contender.label, '')}")
        print(f"{check.label:50} {figures(check):34} {'':22} {goals.get(check.label, '')}")
    print("\nratio: the explainer build's time over that build's: best, median, and CPU of the best runs "
          "(the CPU time is the steadier on a shared machine)")
    print(f"\n{'peak memory (highest of the runs)':50} {'process':>10}")
    for contenders, check, _ in site_contenders:
        for contender in [*contenders, check]:
            own = max(run["own_mib"] for run in contender.runs)
            print(f"{contender.label:50} {own:6.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each contender (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--sites", default="repository,story", help="which sites: repository, story or both")
    parser.add_argument("--profile", action="store_true", help="also profile the build of the synthetic story")
    parser.add_argument("--top", type=int, default=25, help="entries of each profile listing (default 25)")
    defaults = StorySize()
    for name in ("people", "events", "quotes", "sources"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="a new folder to keep the projects and sites in, to look at")
    parser.add_argument("--compiled", action="store_true",
                        help="write the generator's bytecode first, as an installed package has it")
    options = parser.parse_args()
    sites = [site.strip() for site in options.sites.split(",") if site.strip()]
    if not set(sites) <= {"repository", "story"}:
        parser.error("--sites takes repository, story or both")

    if options.keep is not None and options.keep.exists():
        parser.error(f"--keep {options.keep} exists; give a new folder")
    if options.compiled:
        compileall.compile_dir(str(ROOT / "generator"), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        work = options.keep.resolve() if options.keep is not None else Path(folder)
        work.mkdir(exist_ok=True)
        site_contenders, goals = [], {}
        if "repository" in sites:
            project = copy_project(ROOT, work / "repository")
            site_contenders.append(build_contenders("repository", project, work, slim=False))
            goals["repository: plain mkdocs build, same pages"] = "<= 1.2x"
        if "story" in sites:
            size = dataclasses.replace(StorySize(), people=options.people, events=options.events,
                                       quotes=options.quotes, sources=options.sources)
            started = time.perf_counter()
            project = write_story(work / "story", size, options.seed)
            print(f"synthetic story: {size.people} people, {size.events} events, {size.quotes} quotes, "
                  f"{size.sources} sources, {size.participants} participants, {size.conflicts} conflicts, "
                  f"seed {options.seed} (written in {time.perf_counter() - started:.1f} s)")
            site_contenders.append(build_contenders("story", project, work, slim=True))
            pages = site_contenders[-1][2]
            goals["story: plain mkdocs build, same pages"] = "<= 1.2x"
            goals[f"story: plain Material, {pages} pages, slim nav"] = "<= 1.0x (no slower)"
            goals["story: explainer check"] = "<= 1.5 s"

        for contenders, check, pages in site_contenders:
            print(f"\n{contenders[0].label.split(':')[0]}: {pages} rendered Markdown pages")
            for contender in [*contenders, check]:
                print(f"  {contender.label:52} python -c PROBE {contender.command()}")
        for contenders, check, _ in site_contenders:
            interleaved(contenders, options.repeat, options.warmup)
            interleaved([check], options.repeat, options.warmup)
        print(f"\n{options.repeat} timed runs of each after {options.warmup} untimed round(s); "
              f"PROBE runs the command line in its own process and reports its peak memory; {bytecode_state()}")
        table(site_contenders, goals)

        if options.profile:
            if "story" not in sites:
                parser.error("--profile profiles the synthetic story: keep it in --sites")
            profile(work / "story", work, options.top)


if __name__ == "__main__":
    main()
