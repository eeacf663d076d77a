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

from .errors import Problem

ARTICLE_SUFFIXES = (".txt", ".md")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_MONTH_NAME = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "Mar 3, 2025 - 21:21" on a line of its own.
_DATELINE_FULL = re.compile(rf"^\s*{_MONTH_NAME}\s+(\d{{1,2}}),\s+(\d{{4}})\b", re.MULTILINE)
# "LONDON, March 4 (Reuters) -": the year is not given, so it is taken from context later.
_DATELINE_WIRE = re.compile(
    rf"^[A-Z][A-Z .'-]+,\s+{_MONTH_NAME}\s+(\d{{1,2}})(?:,\s+(\d{{4}}))?\s*\(([^)]+)\)\s*[-\u2013\u2014]",
    re.MULTILINE,
)
_BYLINE = re.compile(r"^\s*By\s+([A-Z][^\n]{2,120})$", re.MULTILINE)
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

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_date(self) -> dt.date | None:
        if self.published and len(self.published) == 10:
            return dt.date.fromisoformat(self.published)
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
    return text, []


def read_article(path: Path) -> tuple[Article | None, list[Problem]]:
    text, problems = decode(path, path.read_bytes())
    if text is None:
        return None, problems
    return parse_article(path, text), []


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
        article.published, article.date_origin = str(metadata["date"])[:10], "front matter"
    elif header:
        article.published, article.date_origin = header.group(1), "header"
        lines[0] = lines[0][header.end():].strip()
    else:
        article.published, article.date_origin = _dateline_date(body)

    if "author" in metadata or "authors" in metadata:
        authors = metadata.get("authors") or metadata.get("author")
        article.byline = [str(a) for a in (authors if isinstance(authors, list) else [authors])]
    else:
        article.byline = _byline("\n".join(lines))
    article.outlet = str(metadata["outlet"]) if metadata.get("outlet") else _wire_outlet(body)
    article.title = str(metadata.get("title") or _title(lines))
    return article


def _front_matter(block: str) -> dict[str, object]:
    from ruamel.yaml import YAML

    try:
        loaded = YAML(typ="safe").load(block)
    except Exception:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _dateline_date(text: str) -> tuple[str | None, str | None]:
    head = text[:2000]
    match = _DATELINE_FULL.search(head)
    if match:
        month = MONTHS[match.group(1).lower()[:3] if match.group(1).lower() != "sept" else "sep"]
        return f"{int(match.group(3)):04d}-{month:02d}-{int(match.group(2)):02d}", "dateline"
    wire = _DATELINE_WIRE.search(head)
    if wire and wire.group(3):
        month = MONTHS[wire.group(1).lower()[:3]]
        return f"{int(wire.group(3)):04d}-{month:02d}-{int(wire.group(2)):02d}", "dateline"
    return None, None


def _wire_outlet(text: str) -> str | None:
    wire = _DATELINE_WIRE.search(text[:2000])
    return wire.group(4).strip() if wire else None


def _byline(text: str) -> list[str]:
    match = _BYLINE.search(text[:1500])
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
    for line in candidates[:3]:
        words = line.split()
        if (
            3 <= len(words) <= 25
            and not line.endswith((".", ":", "?"))
        ):
            return line
    statements = [line for line in candidates if not line.endswith("?")]  # not a subheading
    first = statements[0] if statements else (candidates[0] if candidates else "")
    first_sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    words = first_sentence.split()
    return " ".join(words[:16]) + ("\u2026" if len(words) > 16 else "")
