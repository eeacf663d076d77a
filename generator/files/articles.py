"""Reading articles from `seeds/`: text plus the metadata the text itself gives.

An article is plain text as published (`.txt`) or Markdown with YAML front matter (`.md`).
Metadata comes, in order of trust, from front matter, a ` date YYYY-MM-DD` header line, a
dateline ("Mar 3, 2025 - 21:21", "Auckland, March 16, 2025", "15.04.2025 18:31", "LONDON,
March 4 (Reuters) -", "MOSCOW, March 3. /TASS/.", "NAIROBI, Kenya (AP) —"), a byline ("By A and
B", "By A, PA Political Correspondent") and a wire credit on a line of its own ("AFP", "SDA").
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
from generator.model.records import is_real_date
from generator.model.ids import ID_PATTERN, MAX_ID_LENGTH, slugify
from generator.model.lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS, WEEKDAYS

ARTICLE_SUFFIXES = (".txt", ".md")
# A long news feature is 60,000 characters. Parsing takes about 0.1 s and 4 MB of memory per
# thousand characters, so this bound keeps one article under half a minute and 1 GB.
MAX_ARTICLE_CHARACTERS = 200_000

_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_MONTH_NAME = "(" + "|".join(short.title() for short in MONTH_ABBREVIATIONS) + r")[a-z]*\.?"
_WEEKDAY_NAME = "(?:" + "|".join(day.title() for day in WEEKDAYS) + r"),?\s+"
# A place as datelines write it: one to four capitalised words ("LONDON", "Auckland", "NEW
# YORK", "Nairobi"), with a region after a comma ("NAIROBI, Kenya").
_PLACE = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_REGION = rf"(?:,\s+{_PLACE})?"
# What a wire names itself in a dateline: "Reuters", "AP", "Xinhua", "TASS".
_AGENCY_NAME = r"[A-Z][\w&'’.-]*(?:[ -][A-Z][\w&'’.-]*){0,3}"
# A time on a date line: "21:21", "- 19:48", "12:17 GMT", "4:12 pm CET".
_TIME = r"(?:\s*[-–,|]?\s*\d{1,2}[:.]\d{2}(?:\s*[apAP]\.?[mM]\.?)?(?:\s+[A-Z]{2,5})?)"
# "Mar 3, 2025 - 21:21" at the start of a line, or "Auckland, March 16, 2025" (the place first)
# and "Tuesday, March 4, 2025" on a line of their own.
_DATELINE_FULL = re.compile(rf"\s*{_MONTH_NAME}\s+(\d{{1,2}}),\s+(\d{{4}})\b")
# A page may run the year into the comma ("March 28,2025") and print a view count after it.
# "Published: 11:29, April 1, 2025": the page's label and a time may come first.
_PUBLISHED = r"(?:(?:Published|Posted|First published)(?:\s+on)?:?\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[apAP]\.?[mM]\.?)?,?\s+)?"
_DATELINE_PLACE_FIRST = re.compile(
    rf"\s*{_PUBLISHED}(?:{_PLACE},\s+)?(?:{_WEEKDAY_NAME})?{_MONTH_NAME}\s+(\d{{1,2}}),\s*(\d{{4}}){_TIME}?(?:\s+\d{{1,7}})?\s*$")
# "02 Apr 2025", "Tuesday, 4 March 2025 12:17 GMT": the day first, alone on its line.
_DATELINE_DAY_FIRST = re.compile(rf"\s*{_PUBLISHED}(?:{_WEEKDAY_NAME})?(\d{{1,2}})\s+{_MONTH_NAME},?\s+(\d{{4}}){_TIME}?\s*$")
# "15.04.2025", "18:31 15.04.2025", "6.1.2026 - 19:48": day, month and year with dots, the
# European order (slashes are left alone: 04/09 is April in one country and September in another).
_DATELINE_NUMERIC = re.compile(rf"\s*(?:\d{{1,2}}:\d{{2}}\s+)?(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_TIME}?\s*$")
# A wire dateline with a day: "LONDON, March 4 (Reuters) -", "BEIJING, April 5 (Xinhua) --",
# "MOSCOW, March 3. /TASS/.". Without a year, it is taken from context later.
_MONTH_FIRST = _MONTH_NAME.replace("(", "(?P<month>", 1) + r"\s+(?P<day>\d{1,2})"
_DAY_FIRST = r"(?P<day_first>\d{1,2})\s+" + _MONTH_NAME.replace("(", "(?P<month_second>", 1)
_DATELINE_WIRE = re.compile(
    rf"(?P<place>{_PLACE}{_REGION}),\s+(?:{_MONTH_FIRST}|{_DAY_FIRST})(?:,?\s+(?P<year>\d{{4}}))?"
    rf"(?:\s*\((?P<agency>{_AGENCY_NAME})\)\s*[-\u2013\u2014]+|\.\s*/(?P<slashed>{_AGENCY_NAME})/\.?"
    # "PARIS, January 7, 2026 – Leaders ...": a full date and a dash, no agency.
    r"|(?<=\d{4})\s+[-\u2013\u2014]+(?=\s))"
)
# A wire dateline without a day: "NAIROBI, Kenya (AP) —", "PARIS — (AP) —", "(Reuters) -", and
# a capitals place with no dash after the credit ("TEHRAN (Tasnim) Officials said").
_DATELINE_CREDIT = re.compile(
    rf"(?:(?P<place>{_PLACE}{_REGION})\s*(?:[-\u2013\u2014]+\s*)?)?\((?P<agency>{_AGENCY_NAME})\)"
    r"(?P<dash>\s*[-\u2013\u2014]+)?"
)
# News agencies whose name alone on a line, or before a dash opening the text ("AFP – On 2
# April ..."), credits the copy; in a byline ("By A, PA Political Correspondent", "By A
# Associated Press") it names the outlet. The wire's own spelling is kept.
NEWS_AGENCIES = (
    "AP", "Associated Press", "AFP", "Agence France-Presse", "Reuters", "PA", "PA Media",
    "Press Association", "Bloomberg", "dpa", "SDA", "Keystone-SDA", "ANSA", "EFE", "Europa Press",
    "TASS", "RIA Novosti", "Interfax", "Xinhua", "Kyodo", "Jiji", "Yonhap", "PTI", "IANS", "ANI",
    "Bernama", "Antara", "AAP", "Canadian Press", "UPI", "Anadolu", "Anadolu Agency", "IRNA",
    "Tasnim", "KUNA", "WAM", "MENA", "Ukrinform", "PAP", "CTK", "BTA", "MTI", "Belga", "ANP",
    "NTB", "TT", "STT", "Ritzau", "Lusa", "Agerpres", "APA",
)
_AGENCY_ALTERNATIVES = "|".join(re.escape(name) for name in sorted(NEWS_AGENCIES, key=len, reverse=True))
# "Interfax-Kazakhstan": a regional service of an agency keeps its full name.
_CREDIT_LINE = re.compile(
    rf"\s*(?P<agency>(?:{_AGENCY_ALTERNATIVES})(?:-[A-Z][a-z]+)?)(?:\s*$|\s+[-\u2013\u2014]\s+(?=\S))")
_BYLINE_AGENCY = re.compile(rf"(?:,\s*|\s+)(?P<agency>{_AGENCY_ALTERNATIVES})(?:\s+[A-Z][\w ]*)?$")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][^\n]{2,120})$", re.MULTILINE)
# A byline without "By": a line of nothing but two or three names ("Harriet Lowe and Michael Quinn").
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’.-]+){1,2}"
_NAMES_LINE = re.compile(rf"^\s*({_NAME}(?:(?:,\s*|\s+and\s+){_NAME}){{1,2}})\s*$", re.MULTILINE)
# Two words run together where the page lost a space ("...were agreedThe prime minister"): the
# capital starts a new sentence, not a name: only words that open sentences count, so
# "McDonald", "YouTube" and "LinkedIn" are left whole.
_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[a-z][.!?]))(?=(?:The|This|That|But|He|She|They|We|His|Her|Photo|Image)\b)")
# A photo credit closing a caption: "(Leon Neal/PA)", "(Photo: REUTERS/Leon Neal)",
# "/Ludovic Marin/Pool", "Photo: Thomas Padilla/AP/dpa", "(Image credit: Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"\((?:Photo|Image|Picture)(?: credit)?:[^)]*\)|\([^()/]{2,40}/[^()]{2,40}\)\s*$|"
    r"(?:^|\s)/[A-Z][\w .'-]+(?:/[\w .'-]+)*\s*$|\b(?:Photo|Picture|Pic|Image)\s*:\s*\S|Getty Images\s*$"
)
# Page furniture stored with the text: navigation, reading time, share buttons.
_FURNITURE = re.compile(
    r"(?:Skip to (?:main )?content|Advertisement|Menu|Search|Share(?: this)?|Subscribe|Sign in|Log in|"
    r"Close|Home|Latest news|Read more|\d+ min(?:ute)?s? read|Listen to (?:this )?article|image|video|"
    r"https?://\S+|[-–•]?\s*[\w ]*(?:icon)[\w -]*)\s*$",
    re.IGNORECASE,
)
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
    # The wire dateline opening the text ("LONDON, March 2 (Reuters) -", "KYIV (AP) —"), as
    # offsets: it is no part of the news in the sentence it opens, and the day it gives
    # ("YYYY-MM-DD", or "--MM-DD" without a year) dates that sentence when it names no other.
    dateline: tuple[int, int] | None = None
    dateline_day: str | None = None
    # For an article that states no date: the years of the story's dated articles, so that a
    # day written without a year ("on March 28") can take the story's year; see `infer_years`.
    story_years: tuple[int, ...] = ()
    # The article's address on the web, when its front matter gives one (`url` or `link`).
    url: str | None = None

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
    # Where the text proper starts: after front matter, or after a header's date on its line.
    start = front.end() if front else 0
    if header:
        start = text.index(header.group(1)) + len(header.group(1))
        start += len(text[start:]) - len(text[start:].lstrip(" \t"))
    head = _head_lines(text, start)
    wire = _wire_dateline(head)
    if wire is not None:
        article.dateline = (wire.start, wire.end)
        article.dateline_day = wire.day
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
        dateline = _dateline_date(text, head, wire)
        if dateline is not None:
            article.published, article.date_origin, article.date_written, article.date_offset = dateline
        if article.published and article.published.startswith("--"):
            article.month_day, article.published = article.published, None

    if "author" in metadata or "authors" in metadata:
        authors = metadata.get("authors") or metadata.get("author")
        article.byline = [str(a) for a in (authors if isinstance(authors, list) else [authors])]
        byline_agency = None
    else:
        article.byline, byline_agency = _byline("\n".join(lines))
    article.outlet = (str(metadata["outlet"]) if metadata.get("outlet") else None) or \
        (wire.agency if wire is not None else None) or byline_agency or _credit_line(head)
    article.title = str(metadata.get("title") or _title(lines, text, article.dateline))
    address = metadata.get("url") or metadata.get("link")
    # Only a web address: anything else (a relative path, a script URL) is not a link to publish.
    if isinstance(address, str) and _WEB_ADDRESS.fullmatch(address.strip()):
        article.url = address.strip()
    return article


_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")


def _front_matter(block: str) -> dict[str, object]:
    """The front matter's keys, or none if it is not a clean mapping: an article's metadata is
    a convenience, so a bad block falls back to what the text itself says. The content files'
    loader reads it, so a hostile block (aliases, deep nesting, tags) is refused, not run."""
    from generator.files.yamlfile import load_yaml_text

    document, problems = load_yaml_text(block)
    if document is None or problems or not isinstance(document.data, dict):
        return {}
    return document.data


def _head_lines(text: str, start: int, limit: int = 2000) -> list[tuple[int, str]]:
    """The lines of the article's first `limit` characters from `start`, each with the offset
    of its first non-blank character; where datelines, credits and date lines are."""
    found, offset = [], start
    for line in text[start:start + limit].split("\n"):
        stripped = line.lstrip()
        if stripped:
            found.append((offset + len(line) - len(stripped), stripped.rstrip()))
        offset += len(line) + 1
    return found


@dataclass
class _Wire:
    """A wire dateline opening the text: its span, the agency it credits and the day it gives."""

    start: int
    end: int
    agency: str | None
    day: str | None = None             # "YYYY-MM-DD", or "--MM-DD" without a year
    match: re.Match | None = None      # the dated form, for the year and the date's position
    offset: int = 0                    # where the matched line starts in the text


# A capitals place and a dash before the first words, with no credit: "BRUSSELS —", "LONDON:".
_DATELINE_PLACE = re.compile(
    r"[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2}(?:,\s+[A-Z][\w.'’-]+)?\s*(?:[-\u2013\u2014]+|:)\s+(?=[A-Z\"“‘'])")


def _wire_dateline(head: list[tuple[int, str]]) -> _Wire | None:
    """The dateline that opens the text, if there is one: the first of the head's lines that
    reads as a sentence starts with it."""
    for offset, line in head[:15]:
        dated = _DATELINE_WIRE.match(line)
        if dated:
            month = MONTH_NUMBERS[_month_key(dated.group("month") or dated.group("month_second"))]
            day = int(dated.group("day") or dated.group("day_first"))
            year = dated.group("year")
            iso = f"{int(year):04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
            return _Wire(offset, offset + dated.end(), dated.group("agency") or dated.group("slashed"), iso,
                         dated, offset)
        credit = _DATELINE_CREDIT.match(line)
        place = credit.group("place") if credit else None
        if credit and (credit.group("dash") or (place and len(place.split()[0].strip(",")) >= 3
                                                and place.split()[0].strip(",").isupper())):
            return _Wire(offset, offset + credit.end(), credit.group("agency"))
        bare = _DATELINE_PLACE.match(line)
        if bare:
            return _Wire(offset, offset + bare.end(), None)
        if len(line.split()) > 8 and line[-1:] in ".!?\"”’":
            return None   # the first sentence, and no dateline before it
    return None


def _month_key(name: str) -> str:
    name = name.lower().rstrip(".")
    return "sep" if name.startswith("sep") else name[:3]


def _dateline_date(text: str, head: list[tuple[int, str]], wire: _Wire | None) -> tuple[str, str, str, int] | None:
    """The date a date line or dateline gives: the date (YYYY-MM-DD, or --MM-DD without a
    year), where it came from, the date as written and its offset."""
    for offset, line in head:
        for pattern, order in ((_DATELINE_FULL, "mdy"), (_DATELINE_PLACE_FIRST, "mdy"),
                               (_DATELINE_DAY_FIRST, "dmy"), (_DATELINE_NUMERIC, "numeric")):
            match = pattern.match(line)
            if not match:
                continue
            if order == "numeric":
                day, month, year = (int(g) for g in match.groups()[:3])
                if not 1 <= month <= 12:
                    continue
                date_start = match.start(1)
            elif order == "mdy":
                month, day, year = MONTH_NUMBERS[_month_key(match.group(1))], int(match.group(2)), int(match.group(3))
                date_start = match.start(1)
            else:
                day, month, year = int(match.group(1)), MONTH_NUMBERS[_month_key(match.group(2))], int(match.group(3))
                date_start = match.start(1)
            return (f"{year:04d}-{month:02d}-{day:02d}", "dateline", match.group(0).strip(), offset + date_start)
        if wire is not None and wire.match is not None and offset == wire.offset:
            written, start = wire.match.group(0).strip(), wire.offset + wire.match.start("place")
            if wire.day and not wire.day.startswith("--"):
                return wire.day, "dateline", written, start
            # Wire copy gives no year ("PARIS, March 11 (Reuters) -"): take the one the text
            # gives the same month ("in March 2025"), else leave it for `infer_years` to take
            # from the other articles.
            name = (wire.match.group("month") or wire.match.group("month_second")).rstrip(".")
            years = [int(y) for y in re.findall(rf"\b{re.escape(name)}[a-z]*\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b", text)]
            if years:
                return f"{max(years):04d}{wire.day[1:]}", "dateline, year from the text", written, start
            return wire.day, "dateline without a year", written, start
    return None


def _credit_line(head: list[tuple[int, str]]) -> str | None:
    """A news agency credited on a line of its own ("SDA") or before a dash opening the text
    ("AFP – On 2 April ..."). A name right under a caption is the photo's credit, not the text's."""
    previous = ""
    for offset, line in head[:15]:
        credit = _CREDIT_LINE.match(line)
        if credit and not _PHOTO_CREDIT.search(previous):
            return credit.group("agency")
        previous = line
    return None


def _byline(text: str) -> tuple[list[str], str | None]:
    """The byline's names, and the agency it names ("By A, PA Political Correspondent")."""
    match = _BYLINE.search(text[:1500]) or _NAMES_LINE.search("\n".join(text[:1500].split("\n")[1:]))
    if not match:
        return [], None
    written = _GLUED.split(match.group(1).strip())[0].strip()
    agency = _BYLINE_AGENCY.search(written)
    if agency:
        written = written[:agency.start()].strip(" ,")
    names = re.split(r",\s*|\s+and\s+", written)
    return [name.strip() for name in names if name.strip()], agency.group("agency") if agency else None


_CAPTION = re.compile(r"^(Image|Photo|Picture|Pic|Video|Watch|Read more|RELATED)\b\s*:?", re.IGNORECASE)


def _title(lines: list[str], text: str = "", dateline: tuple[int, int] | None = None) -> str:
    """A headline among the first lines (short, no final full stop), else the first sentence
    without its dateline. Page furniture, captions, credits and date lines are never titles."""
    candidates = [line for line in lines[:16] if line and not _is_furniture(line)]
    first_line = next((line for line in lines if line), "")
    for line in candidates[:3]:
        words = line.split()
        # A question is the headline only as the text's first line ("What is ...?"); after a
        # caption or further down it is a subheading.
        if (3 <= len(words) <= 25 and not line.endswith((".", ":")) and (line is first_line or not line.endswith("?"))
                and not (dateline and _wire_opening(line, text, dateline))):
            return line
    statements = [line for line in candidates if not line.endswith("?")]  # not a subheading
    first = statements[0] if statements else (candidates[0] if candidates else "")
    if dateline and _wire_opening(first, text, dateline):
        line_end = text.find("\n", dateline[1])
        first = text[dateline[1]:line_end if line_end >= 0 else len(text)].strip()
    # A full stop after a capital is an abbreviation ("U.S."), not a sentence's end.
    first_sentence = re.split(r"(?<=[^A-Z\s][.!?])\s", _GLUED.split(first)[0], maxsplit=1)[0]
    words = first_sentence.split()
    return " ".join(words[:16]) + ("\u2026" if len(words) > 16 else "")


def _is_furniture(line: str) -> bool:
    """Lines around a headline that are not one: captions, bylines, date lines, credits and
    the page's navigation. Only a long line's ends are read, so that no pattern runs over a
    whole paragraph."""
    start = line[:300]
    return bool(_CAPTION.match(start) or _BYLINE.match(start) or _is_date_line(start) or _FURNITURE.fullmatch(start)
                or _PHOTO_CREDIT.search(line[-300:]) or _CREDIT_LINE.fullmatch(start) or line == "By")


def is_caption(line: str) -> bool:
    """A photo caption or credit line ("Image: ...", "... (Leon Neal/PA)"), not the article's words."""
    return bool(_CAPTION.match(line) or _PHOTO_CREDIT.search(line[-300:]))


def _wire_opening(line: str, text: str, dateline: tuple[int, int]) -> bool:
    """Whether the line is the one the dateline opens."""
    start = dateline[0]
    return bool(line) and text.startswith(line[:40], start)


def _is_date_line(line: str) -> bool:
    return any(pattern.match(line) for pattern in (_DATELINE_FULL, _DATELINE_PLACE_FIRST, _DATELINE_DAY_FIRST,
                                                       _DATELINE_NUMERIC)) or bool(re.fullmatch(r"\d{1,2}:\d{2}", line))


def infer_years(articles: list[Article]) -> None:
    """Give an article with a day but no year ("--03-11") the year that puts it nearest to
    the dated articles of the same story; its `date_origin` says the year was inferred. An
    article still undated learns the years of the dated ones (`story_years`)."""
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
    years = tuple(sorted({a.published_date.year for a in articles if a.published_date}))
    for article in articles:
        if not article.published:
            article.story_years = years
