"""The plain-text report that `explainer evaluate` prints: the score table, the accuracies
and, with details, every miss and false hit."""

from __future__ import annotations

from generator.evaluation.scoring import ACCURACIES, ROWS, Report


def _fmt(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.3f}"


def format_report(report: Report, details: bool = True, limit: int | None = None) -> str:
    """A plain-text table of the scores, the accuracies and (with ``details``) every miss and false hit."""
    lines = [f"Articles scored: {len(report.articles)}"]
    if report.unscored:
        lines.append(f"Predictions without gold (not scored): {', '.join(report.unscored)}")
    header = f"{'type':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6} {'F1':>6}"
    lines += ["", header, "-" * len(header)]
    rows = [*ROWS, *(["conflicts"] if "conflicts" in report.types else [])]
    for name in rows:
        s = report.types[name]
        lines.append(
            f"{name:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {_fmt(s.precision)} {_fmt(s.recall)} {_fmt(s.f1)}"
        )
    micro = report.micro
    lines += [
        "-" * len(header),
        f"{'micro (7 types)':<20} {micro.tp:>4} {micro.fp:>4} {micro.fn:>4} "
        f"{_fmt(micro.precision)} {_fmt(micro.recall)} {_fmt(micro.f1)}",
        "",
        f"{'among matched':<20} {'right':>6} {'of':>4} {'accuracy':>8}",
    ]
    for name in ACCURACIES:
        a = report.accuracies[name]
        lines.append(f"{name:<20} {a.correct:>6} {a.total:>4} {_fmt(a.value):>8}")
    if details:
        for name in rows:
            s = report.types[name]
            for title, items in (("missed", s.misses), ("false hits", s.false_hits)):
                if items:
                    shown = items if limit is None else items[:limit]
                    lines += ["", f"{name} {title} ({len(items)}):"]
                    lines += [f"  - {item}" for item in shown]
                    if len(shown) < len(items):
                        lines.append(f"  ... and {len(items) - len(shown)} more")
        for name in ACCURACIES:
            a = report.accuracies[name]
            if a.wrong:
                shown = a.wrong if limit is None else a.wrong[:limit]
                lines += ["", f"{name} wrong ({len(a.wrong)}):"]
                lines += [f"  - {item}" for item in shown]
    return "\n".join(lines) + "\n"
