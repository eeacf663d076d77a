"""Reading articles from `seeds/`: text plus the metadata the text itself gives.

An article is plain text as published (`.txt`) or Markdown with YAML front matter (`.md`).
Metadata comes, in order of trust, from front matter, a ` date YYYY-MM-DD` header line, a
dateline ("Mar 3, 2025 - 21:21", "LONDON, March 4 (Reuters) -") and a byline ("By A and B").
Offsets into `text` are what evidence quotes are checked against, so the text is kept as
published apart from newline normalisation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.errors import Problem
from generator.model.facts import is_real_date
from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH, slugify
from generator.model.lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS

ARTICLE_SUFFIXES = (".txt", ".md")
# A long news feature is 60,000 characters. Parsing takes about 0.1 s and 4 MB of memory per
# thousand characters, so this bound keeps one article under half a minute and 1 GB.
MAX_ARTICLE_CHARACTERS = 200_000

_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_MONTH_NAME = "(" + "|".join(short.title() for short in MONTH_ABBREVIATIONS) + r")[a-z]*\.?"
# "Mar 3, 2025 - 21:21" on a line of its own.
_DATELINE_FULL = re.compile(rf"^\s*{_MONTH_NAME}\s+(\d{{1,2}}),\s+(\d{{4}})\b", re.MULTILINE)
# "LONDON, March 4 (Reuters) -": the year is not given, so it is taken from context later.
_DATELINE_WIRE = re.compile(
    rf"^[A-Z][A-Z .'-]+,\s+{_MONTH_NAME}\s+(\d{{1,2}})(?:,\s+(\d{{4}}))?\s*\(([^)]+)\)\s*[-\u2013\u2014]",
    re.MULTILINE,
)
_BYLINE = re.compile(r"^\s*By\s+([A-Z][^\n]{2,120})$", re.MULTILINE)
# A byline without "By": a line of nothing but two or three names ("Harriet Lowe and Michael Quinn").
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’.-]+){1,2}"
_NAMES_LINE = re.compile(rf"^\s*({_NAME}(?:(?:,\s*|\s+and\s+){_NAME}){{1,2}})\s*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass
class Article:
    id: str
    path: Path
    text: str
    title: str
    published: str | None = None
    outlet: str | None = None
    byline: list[str] = field(default_factory=list)
    # Where the published date came from, for `extract` to report ("header", "dateline", ...).
    date_origin: str | None = None
    # "--MM-DD" when the article gives a day but no year (wire datelines); see `infer_years`.
    month_day: str | None = None
    # The date as the text writes it, and the offset where it starts, to point at a bad one.
    date_written: str | None = None
    date_offset: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_date(self) -> dt.date | None:
        if self.published and len(self.published) == 10:
            try:
                return dt.date.fromisoformat(self.published)
            except ValueError:  # reported by `date_problems`
                return None
        return None


def article_paths(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        return []
    return sorted(
        path for path in seeds_dir.iterdir()
        if path.suffix in ARTICLE_SUFFIXES and path.is_file() and not path.name.startswith(".")
    )


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with a BOM dropped and newlines normalised, or a problem at the bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            Problem(
                path, line, column,
                f"article is not UTF-8 (byte 0x{data[error.start]:02x}); "
                "re-save it as UTF-8",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [Problem(path, 1, 1, "article is empty; add its text or remove the file")]
    if len(text) > MAX_ARTICLE_CHARACTERS:
        # Pointed at the first character past the limit: a place to split the file.
        line, column = _line_column(text, MAX_ARTICLE_CHARACTERS)
        return None, [
            Problem(
                path, line, column,
                f"article is too long ({len(text):,} characters; the limit is "
                f"{MAX_ARTICLE_CHARACTERS:,}, passed here); split it into several articles",
            )
        ]
    return text, []


def read_article(path: Path) -> tuple[Article | None, list[Problem]]:
    # The file name is the source id that evidence and editors refer to.
    if not re.fullmatch(ID_PATTERN, path.stem):
        suggestion = slugify(path.stem, max_words=12) + path.suffix
        return None, [Problem(path, 1, 1, f"{path.name!r} cannot be a source id; rename the file "
                                          f"using letters, digits, '-', '_' and '.' (say '{suggestion}')")]
    if len(path.stem) > MAX_ID_LENGTH:
        return None, [Problem(path, 1, 1, f"the file name is {len(path.stem)} characters long; source ids "
                                          f"name the site's files, so rename it to at most {MAX_ID_LENGTH}")]
    text, problems = decode(path, path.read_bytes())
    if text is None:
        return None, problems
    article = parse_article(path, text)
    problems = date_problems(article)
    return (None if problems else article), problems


def date_problems(article: Article) -> list[Problem]:
    """A publication date the calendar lacks ("Feb 30, 2025", front matter "March 3rd") is
    an error at the place it is written, not a date to publish."""
    if article.published is None:
        return []
    if is_real_date(article.published):
        return []
    line, column = _line_column(article.text, article.date_offset)
    origin = "front matter date" if article.date_origin == "front matter" else "date"
    return [Problem(article.path, line, column,
                    f"the {origin} {article.date_written!r} is not a day of the calendar; "
                    "write it as YYYY-MM-DD (or YYYY-MM, or YYYY)")]


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset, for a Problem."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def outside_problem(path: Path, folder: Path) -> Problem | None:
    """Articles are read from seeds/ only: a link out of it would publish any file as evidence."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return Problem(path, 1, 1, f"{path.name} links to {path.resolve()}, outside {folder.name}/; "
                                   f"copy the article into {folder.name}/ instead of linking to it")
    return None


def parse_article(path: Path, text: str) -> Article:
    metadata: dict[str, object] = {}
    body = text
    front = _FRONT_MATTER.match(text) if path.suffix == ".md" else None
    if front:
        metadata = _front_matter(front.group(1))
    article = Article(id=path.stem, path=path, text=text, title="")
    lines = [line.strip() for line in body.split("\n")]

    header = _HEADER_DATE.match(lines[0]) if lines else None
    if "date" in metadata:
        article.date_written = str(metadata["date"])
        article.published, article.date_origin = article.date_written[:10], "front matter"
        written = re.search(r"^date\s*:\s*", front.group(1), re.MULTILINE)
        article.date_offset = front.start(1) + (written.end() if written else 0)
    elif header:
        article.published, article.date_origin = header.group(1), "header"
        article.date_written, article.date_offset = header.group(1), text.index(header.group(1))
        lines[0] = lines[0][header.end():].strip()
    else:
        article.published, article.date_origin, match = _dateline_date(body)
        if match is not None:
            article.date_written, article.date_offset = match.group(0).strip(), match.start(1)
        if article.published and article.published.startswith("--"):
            article.month_day, article.published = article.published, None

    if "author" in metadata or "authors" in metadata:
        authors = metadata.get("authors") or metadata.get("author")
        article.byline = [str(a) for a in (authors if isinstance(authors, list) else [authors])]
    else:
        article.byline = _byline("\n".join(lines))
    article.outlet = str(metadata["outlet"]) if metadata.get("outlet") else _wire_outlet(body)
    article.title = str(metadata.get("title") or _title(lines))
    return article


def _front_matter(block: str) -> dict[str, object]:
    """The front matter's keys, or none if it is not a clean mapping: an article's metadata is
    a convenience, so a bad block falls back to what the text itself says. The content files'
    loader reads it, so a hostile block (aliases, deep nesting, tags) is refused, not run."""
    from generator.files.yamlfile import load_yaml_text

    document, problems = load_yaml_text(block)
    if document is None or problems or not isinstance(document.data, dict):
        return {}
    return document.data


def _dateline_date(text: str) -> tuple[str | None, str | None, re.Match | None]:
    """The date a dateline gives, where it came from, and the dateline itself."""
    head = text[:2000]
    match = _DATELINE_FULL.search(head)
    if match:
        month = MONTH_NUMBERS[match.group(1).lower()[:3] if match.group(1).lower() != "sept" else "sep"]
        return f"{int(match.group(3)):04d}-{month:02d}-{int(match.group(2)):02d}", "dateline", match
    wire = _DATELINE_WIRE.search(head)
    if wire:
        month = MONTH_NUMBERS[wire.group(1).lower()[:3]]
        if wire.group(3):
            return f"{int(wire.group(3)):04d}-{month:02d}-{int(wire.group(2)):02d}", "dateline", wire
        # Wire copy gives no year ("PARIS, March 11 (Reuters) -"): take the one the text gives
        # the same month ("in March 2025"), else leave it for `infer_years` to take from
        # the other articles.
        name = wire.group(1).rstrip(".")
        years = [int(y) for y in re.findall(rf"\b{re.escape(name)}[a-z]*\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b", text)]
        if years:
            return f"{max(years):04d}-{month:02d}-{int(wire.group(2)):02d}", "dateline, year from the text", wire
        return f"--{month:02d}-{int(wire.group(2)):02d}", "dateline without a year", wire
    return None, None, None


def _wire_outlet(text: str) -> str | None:
    wire = _DATELINE_WIRE.search(text[:2000])
    return wire.group(4).strip() if wire else None


def _byline(text: str) -> list[str]:
    match = _BYLINE.search(text[:1500]) or _NAMES_LINE.search("\n".join(text[:1500].split("\n")[1:]))
    if not match:
        return []
    names = re.split(r",\s*|\s+and\s+", match.group(1).strip())
    return [name.strip() for name in names if name.strip()]


_CAPTION = re.compile(r"^(Image|Photo|Picture|Pic|Video|Watch|Read more|RELATED)\b\s*:?", re.IGNORECASE)


def _title(lines: list[str]) -> str:
    """A headline among the first lines (short, no final full stop), else the first sentence."""
    candidates = [
        line for line in lines[:12]
        if line and not _CAPTION.match(line) and not _BYLINE.match(line)
        and not _DATELINE_FULL.match(line)
    ]
    first_line = next((line for line in lines if line), "")
    for line in candidates[:3]:
        words = line.split()
        # A question is the headline only as the text's first line ("What is ...?"); after a
        # caption or further down it is a subheading.
        if 3 <= len(words) <= 25 and not line.endswith((".", ":")) and (line is first_line or not line.endswith("?")):
            return line
    statements = [line for line in candidates if not line.endswith("?")]  # not a subheading
    first = statements[0] if statements else (candidates[0] if candidates else "")
    first_sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    words = first_sentence.split()
    return " ".join(words[:16]) + ("\u2026" if len(words) > 16 else "")


def infer_years(articles: list[Article]) -> None:
    """Give an article with a day but no year ("--03-11") the year that puts it nearest to
    the dated articles of the same story; its `date_origin` says the year was inferred."""
    dated = [a.published_date for a in articles if a.published_date]
    for article in articles:
        if article.published or not article.month_day or not dated:
            continue
        month, day = int(article.month_day[2:4]), int(article.month_day[5:7])
        candidates = []
        for year in sorted({d.year for d in dated} | {d.year - 1 for d in dated} | {d.year + 1 for d in dated}):
            try:
                candidates.append(dt.date(year, month, day))
            except ValueError:   # 29 February
                continue
        if candidates:
            best = min(candidates, key=lambda c: (min(abs((c - d).days) for d in dated), c))
            article.published = best.isoformat()
            article.date_origin = "dateline, year inferred from the other articles"
