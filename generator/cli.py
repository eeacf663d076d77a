"""The `explainer` command: a thin layer over the library; errors become exit codes here."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import click

from generator import __version__
from generator.model.errors import ContentError, describe_os_error
from generator.model.kinds import STORY_KINDS
from generator.files.project import Project


class ProblemsFound(click.ClickException):
    """Content problems: already formatted one per line, exit status 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)


def project_from(context: click.Context) -> Project:
    given = context.obj.get("project")
    try:
        return Project.at(Path(given)) if given else Project.find(Path.cwd())
    except FileNotFoundError as error:
        raise click.UsageError(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", type=click.Path(file_okay=False, path_type=Path),
              help="Explainer project folder (default: the one holding the current folder).")
@click.version_option(__version__, prog_name="explainer")
@click.pass_context
def main(context: click.Context, project: Path | None) -> None:
    """Build a sourced explainer site from news articles."""
    context.ensure_object(dict)["project"] = project


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="Explainer", show_default=True, help="Site title.")
@click.option("--kinds", default="", metavar="KIND,KIND",
              help=f"Story kinds to switch on besides the core ones, comma-separated: {', '.join(STORY_KINDS)} "
                   "(default: none).")
def new(directory: Path, title: str, kinds: str) -> None:
    """Create a new explainer project in DIRECTORY."""
    from generator.content.scaffold import new_project

    chosen = [kind.strip() for kind in kinds.split(",") if kind.strip()]
    unknown = [kind for kind in chosen if kind not in STORY_KINDS]
    if unknown:
        raise click.BadParameter(f"unknown kind {unknown[0]!r}; the kinds are {', '.join(STORY_KINDS)}",
                                 param_hint="--kinds")
    try:
        created = new_project(directory, title, chosen)
    except FileExistsError as error:
        raise click.UsageError(str(error)) from error
    click.echo(f"Created {created.root}. Add articles to {created.seeds_dir}, then run "
               f"`explainer extract` and `explainer build` there.")


@main.command()
@click.pass_context
def extract(context: click.Context) -> None:
    """Extract facts from seeds/ into content/extracted/."""
    from generator.extract.machine_layer import extract_project
    from generator.content.schemas import write_schemas

    project = project_from(context)
    try:
        summary = extract_project(project)
    except OSError as error:
        raise ProblemsFound(f"cannot write the machine layer: {describe_os_error(error)}\n"
                            "content/extracted/ was left as it was.") from error
    if summary.problems:
        raise ProblemsFound(ContentError(summary.problems, project.root).report()
                            + "\ncontent/extracted/ was left as it was.")
    write_schemas(project.schema_dir, summary.kinds)  # editors' tools then know the current models
    counts = ", ".join(f"{count} {kind}" for kind, count in summary.counts.items())
    click.echo(f"{summary.articles} articles ({summary.words} words): {summary.parsed} parsed, "
               f"{summary.cached} unchanged, in {summary.seconds:.1f}s")
    click.echo(f"wrote content/extracted/: {counts}")
    _report_changes(summary.changes)
    for source_id, date in summary.inferred:
        click.echo(f"note: {source_id} gives a day but no year; the year of {date} was inferred from "
                   "the other articles. If it is wrong, set `published` under `fix` in "
                   "content/editorial/sources.yaml and extract again.")
    for source_id in summary.undated:
        click.echo(f"note: {source_id} states no publication date; its relative dates "
                   "(\"on Sunday\") were left unresolved. Set `published` under `fix` in "
                   "content/editorial/sources.yaml if you know it, and extract again to resolve them.")


def _report_changes(changes) -> None:
    if changes is None:
        click.echo("nothing changed")
        return
    from generator.extract.changes import report

    for line in report(changes, "run `explainer review` to go through them"):
        click.echo(line)


@main.command()
@click.pass_context
def check(context: click.Context) -> None:
    """Validate content/: schema, references and evidence."""
    from generator.content.reader import read_content

    project = project_from(context)
    facts, problems = read_content(project)
    if problems:
        raise ProblemsFound(ContentError(problems, project.root).report())
    click.echo(f"content is valid: {len(facts.all_facts())} facts from {len(facts.sources)} sources, "
               f"{len(facts.reviewed)} reviewed by editors")
    _report_held(facts)


def _report_held(facts) -> None:
    from generator.content.review import held_report

    report = held_report(facts.held, facts.site.review_below)
    if report:
        click.echo(report)


@main.command()
@click.argument("operands", nargs=-1, metavar="[ID]... [FIELD=VALUE]...")
@click.option("--list", "listing", is_flag=True, help="Print the queue: the facts waiting for review, and why.")
@click.option("--confirm", is_flag=True, help="Confirm the facts ID...: right as extracted.")
@click.option("--reject", is_flag=True, help="Reject the facts ID..., for the reason --why gives.")
@click.option("--why", metavar="TEXT", help="Why the facts are rejected (kept in the file for the next editor).")
@click.option("--fix", is_flag=True, help="Fix fields of the fact ID: --fix ID FIELD=VALUE...")
@click.pass_context
def review(context: click.Context, operands: tuple[str, ...], listing: bool, confirm: bool, reject: bool,
           why: str | None, fix: bool) -> None:
    """Review the facts waiting for an editor: those held for review, then those new since the
    last extraction. In a terminal, one fact per screen with its evidence in context, decided with
    one key (c confirm, r reject, f fix, s skip, o open the article, u undo, q quit and save, ? help);
    without one, the queue is listed. An id that two kinds have is written KIND:ID."""
    from generator.content.review_session import ReviewProblem, Session, decide, list_queue, open_review

    actions = [name for name, chosen in (("confirm", confirm), ("reject", reject), ("fix", fix)) if chosen]
    if len(actions) + listing > 1:
        raise ProblemsFound("choose one of --list, --confirm, --reject and --fix")
    if operands and not actions:
        raise ProblemsFound(f"say what to do with {' '.join(operands)}: --confirm, --reject ID --why TEXT, "
                            "or --fix ID FIELD=VALUE")
    if why is not None and not reject:
        raise ProblemsFound("--why gives the reason of --reject")
    project = project_from(context)
    session = open_review(project, _new_since_last_extract(project))
    if actions:
        try:
            click.echo(decide(session, actions[0], list(operands), why))
        except ReviewProblem as error:
            raise ProblemsFound(str(error)) from error
    elif listing or not sys.stdin.isatty():
        click.echo(list_queue(session))
    else:
        sys.exit(Session(session).run())


def _new_since_last_extract(project: Project) -> dict[str, list[str]]:
    """The ids of the facts the last `extract` added, by kind; none before extract records them."""
    from generator.extract.changes import read_last_changes

    changes = read_last_changes(project)
    return dict(changes.new) if changes is not None else {}


@main.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the site (default: site/ in the project).")
@click.option("--since", type=click.Path(dir_okay=False, path_type=Path),
              help="The facts.json of the published site, to say what this build changes (default: the one "
                   "of the site it replaces).")
@click.pass_context
def build(context: click.Context, site_dir: Path | None, since: Path | None) -> None:
    """Check content, then build the static site (the previous site stays if this fails)."""
    from generator.content.reader import read_content
    from generator.plugin import build_project
    from generator.site.build import BuildFailed, build_site
    from generator.site.developments import since_previous
    from generator.site.navigation import FACTS_JSON

    project = project_from(context)
    facts, problems = read_content(project)
    if problems:
        raise ProblemsFound(ContentError(problems, project.root).report() + "\nThe site was not changed.")
    target = Path(os.path.abspath(site_dir or project.site_dir))
    previous = _published_facts(since or target / FACTS_JSON)
    # The facts, and the modules loaded so far, outlive the build: the cycle collector need not
    # scan them again at each of the many collections MkDocs' build sets off.
    gc.freeze()
    try:
        build_site(project, target, facts, build_project)
    except BuildFailed as error:
        raise ProblemsFound(f"{error}\nThe site was not changed.") from error
    finally:
        gc.unfreeze()
    click.echo(f"built {target}")
    if previous is not None:
        changes = since_previous(previous, _published_facts(target / FACTS_JSON) or {})
        count = f"{len(changes)} change{'' if len(changes) == 1 else 's'}"
        click.echo(f"since the previous build: {count}" + "".join(f"\n  {line}" for line in changes)
                   if changes else "since the previous build: nothing changed")
    _report_held(facts)


def _published_facts(path: Path) -> dict | None:
    """A build's facts.json, or None when there is none to read (a first build)."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the annotated articles (default: the project's seeds/).")
@click.option("--details/--brief", default=True, show_default=True,
              help="List every miss and false hit, and precision by extraction rule, after the scores.")
@click.option("--review-below", type=click.FloatRange(0, 1), default=None,
              help="Score only facts at or above this confidence (default: the project's review_below, else the default review_below).")
@click.pass_context
def evaluate(context: click.Context, gold_dir: Path, articles: Path | None, details: bool,
             review_below: float | None) -> None:
    """Score raw extraction against hand annotations in GOLD_DIR (precision, recall, F1)."""
    from generator.evaluation.report import format_report
    from generator.evaluation.runs import score_folder

    if review_below is None:
        review_below = _project_review_below(context)
    try:
        report = score_folder(gold_dir, articles or project_from(context).seeds_dir, review_below)
    except ContentError as error:
        raise ProblemsFound(error.report()) from error
    click.echo(format_report(report, details=details), nl=False)


def _project_review_below(context: click.Context) -> float:
    """The threshold of the project the command runs in, if it runs in one."""
    from generator.content.reader import site_review_below
    from generator.model.facts import REVIEW_BELOW

    try:
        project = project_from(context)
    except click.UsageError:
        return REVIEW_BELOW
    return site_review_below(project)


@main.command()
@click.argument("gold_dirs", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the table (default: the generator's own calibration.yaml).")
@click.pass_context
def calibrate(context: click.Context, gold_dirs: tuple[Path, ...], out: Path | None) -> None:
    """Measure each extraction rule's precision on annotated articles and write the table that
    sets the facts' confidence. Each GOLD_DIR's articles are in the `articles` folder beside it,
    or in the project's seeds/."""
    from generator.evaluation.runs import calibration
    from generator.extract.calibration import TABLE

    folders = []
    for gold_dir in gold_dirs:
        beside = gold_dir.parent / "articles"
        folders.append((gold_dir, beside if beside.is_dir() else project_from(context).seeds_dir))
    try:
        text, rules = calibration(folders)
    except ContentError as error:
        raise ProblemsFound(error.report()) from error
    target = out or TABLE
    target.write_text(text, encoding="utf-8")
    sets = f"{len(folders)} set" + ("s" if len(folders) != 1 else "")
    click.echo(f"wrote {target}: {rules} rules measured on {sets} of annotated articles")


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@click.pass_context
def serve(context: click.Context, dev_addr: str) -> None:
    """Preview the site, rebuilding when content, seeds or the theme change."""
    from generator.site.build import serve_site

    sys.exit(serve_site(project_from(context), dev_addr))


if __name__ == "__main__":  # pragma: no cover
    main()
