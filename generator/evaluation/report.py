"""The plain-text report that `explainer evaluate` prints: the score table, the accuracies
and, with details, every miss and false hit."""

from __future__ import annotations

from generator.evaluation.scoring import ACCURACIES, ROWS, TYPES, Report


# Confidence bands of the reliability table: [0, 0.5), [0.5, 0.7), [0.7, 0.9), [0.9, 1].
BANDS = (0.0, 0.5, 0.7, 0.9)


def _fmt(value: float | None) -> str:
    return "   n/a" if value is None else f"{value:6.3f}"


def _band_labels() -> list[str]:
    ends = [*BANDS[1:], None]
    return [f"{low:.1f}-{high:.1f}" if high is not None else f">={low:.1f}" for low, high in zip(BANDS, ends)]


def reliability_lines(report: Report) -> list[str]:
    """Precision and count by confidence band, per type, of every prediction (held ones too):
    how far each extractor's confidence can be trusted, and where the review threshold cuts."""
    labels = _band_labels()
    lines = [f"reliability: precision (count) by confidence, held facts included; "
             f"below {report.review_below:g} is held for review",
             f"{'type':<14}" + "".join(f"{label:>14}" for label in labels) + f"{'none':>14}"]
    for name, outcomes in report.reliability.items():
        cells = []
        for index, low in enumerate(BANDS):
            high = BANDS[index + 1] if index + 1 < len(BANDS) else float("inf")
            cells.append([o.right for o in outcomes if o.confidence is not None and low <= o.confidence < high])
        cells.append([o.right for o in outcomes if o.confidence is None])
        shown = [f"{sum(r) / len(r):.2f} ({len(r)})" if r else "-" for r in cells]
        lines.append(f"{name:<14}" + "".join(f"{cell:>14}" for cell in shown))
    return lines


def rule_lines(report: Report) -> list[str]:
    """Precision by extraction rule (a fact's `basis`), held facts included, with the confidence
    the rule gives now: where a rule's confidence and its measured precision part ways."""
    rules = rule_outcomes(report)
    if not rules:
        return []
    lines = [f"by rule: {'right':>5} {'of':>4} {'prec':>6} {'conf':>6}"]
    for basis, outcomes in sorted(rules.items()):
        right = sum(o.right for o in outcomes)
        confidences = [o.confidence for o in outcomes if o.confidence is not None]
        confidence = f"{sum(confidences) / len(confidences):6.2f}" if confidences else "     -"
        lines.append(f"  {basis:<28} {right:>5} {len(outcomes):>4} {right / len(outcomes):6.2f} {confidence}")
    return lines


def rule_outcomes(report: Report) -> dict[str, list]:
    """Every prediction's outcome, by the rule that proposed it."""
    rules: dict[str, list] = {}
    for outcomes in report.reliability.values():
        for outcome in outcomes:
            if outcome.basis:
                rules.setdefault(outcome.basis, []).append(outcome)
    return rules


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
        f"{f'micro ({len(TYPES)} types)':<20} {micro.tp:>4} {micro.fp:>4} {micro.fn:>4} "
        f"{_fmt(micro.precision)} {_fmt(micro.recall)} {_fmt(micro.f1)}",
        "",
        f"{'among matched':<20} {'right':>6} {'of':>4} {'accuracy':>8}",
    ]
    for name in ACCURACIES:
        a = report.accuracies[name]
        lines.append(f"{name:<20} {a.correct:>6} {a.total:>4} {_fmt(a.value):>8}")
    if report.reliability:
        lines += ["", *reliability_lines(report)]
        if details:
            lines += ["", *rule_lines(report)]
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
