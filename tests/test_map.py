"""The map of the countries involved (generator/site/world_map.py): shapes for the countries
present, a class per status, escaped titles, a crop that holds them, the same bytes every time,
a bounded size, no map without countries, and the map as a reader sees it on a phone."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.model.records import Participant
from generator.site import world_map
from generator.site.pages import ParticipantGroup, ParticipantRow, status_heading
from generator.site.page_builder import PageBuilder
from tests.conftest import in_chromium, serve_directory
from tests.factories import HOSTILE_NAME, build_site, make_facts

ROOT = Path(__file__).parent.parent
SVG = "{http://www.w3.org/2000/svg}"
WORLD_WIDTH = world_map.world().box[2] - world_map.world().box[0]


def groups_of(*participants: tuple[str, str, str] | tuple[str, str, str, str]) -> list[ParticipantGroup]:
    """Table groups as the who page makes them, from (id, name, status[, kind]) in group order."""
    groups: dict[str, list[ParticipantRow]] = {}
    for id_, name, status, *kind in participants:
        groups.setdefault(status, []).append(ParticipantRow(
            f"participant-{id_}", name, kind[0] if kind else "country", status, status, status,
            None, [], None, [], [], id_))
    return [ParticipantGroup(status_heading(status), f"{len(rows)}", rows) for status, rows in groups.items()]


def drawing(country_map) -> ElementTree.Element:
    return ElementTree.fromstring(str(country_map.svg))


def shapes(country_map) -> dict[str, tuple[str, list[tuple[float, float]]]]:
    """Title → (class, every point) of each country involved."""
    found = {}
    for path in drawing(country_map).iter(f"{SVG}path"):
        title = path.find(f"{SVG}title")
        if title is not None:
            points = [point for ring in world_map.path_rings(path.get("d")) for point in ring]
            found[title.text] = (path.get("class"), points)
    return found


def view_size(country_map) -> tuple[float, float]:
    _, _, width, height = (float(n) for n in drawing(country_map).get("viewBox").split())
    return width, height


NORDIC = groups_of(("NO", "Norway", "lead"), ("DK", "Denmark", "member"), ("FI", "Finland", "attended"),
                   ("IS", "Iceland", "likely"), ("arctic-council", "Arctic Council", "attended", "organisation"))


def test_each_country_present_is_one_shape_with_its_status_class_and_title():
    drawn = world_map.draw_map(NORDIC)
    assert {title: cls for title, (cls, _) in shapes(drawn).items()} == {
        "Norway: lead": "explainer-map-status explainer-map-status--lead",
        "Denmark: member": "explainer-map-status explainer-map-status--member",
        "Finland: attended": "explainer-map-status explainer-map-status--attended",
        "Iceland: likely": "explainer-map-status explainer-map-status--likely",
    }
    svg = drawing(drawn)
    assert svg.get("role") == "img" and svg.get("aria-label") == "Map of the 4 countries involved, coloured by status"
    assert svg.findall(f"{SVG}path")[0].get("class") == "explainer-map-land"   # the neighbours, drawn first
    assert drawn.not_shown == ["Arctic Council"]
    # The legend names each status as the table's groups do, in their order, then the neighbours.
    assert [(key.label, key.css_class) for key in drawn.legend] == [
        ("Leading", "explainer-map-status explainer-map-status--lead"),
        ("Members", "explainer-map-status explainer-map-status--member"),
        ("Attended", "explainer-map-status explainer-map-status--attended"),
        ("Likely to take part", "explainer-map-status explainer-map-status--likely"),
        ("Other countries", "explainer-map-land"),
    ]


def test_titles_and_classes_are_escaped():
    drawn = world_map.draw_map(groups_of(("FR", HOSTILE_NAME, 'odd" onload="alert(1)')))
    text = str(drawn.svg)
    assert "<img" not in text and 'onload="' not in text
    assert list(shapes(drawn)) == [f'{HOSTILE_NAME}: odd" onload="alert(1)']


def test_the_crop_holds_every_country_involved_with_a_margin():
    drawn = world_map.draw_map(NORDIC)
    width, height = view_size(drawn)
    for title, (_, points) in shapes(drawn).items():
        xs, ys = [x for x, _ in points], [y for _, y in points]
        assert 0 < min(xs) and max(xs) < width and 0 < min(ys) and max(ys) < height, title
    assert 1.25 <= width / height <= 2.2


def test_a_single_small_country_does_not_fill_the_map():
    drawn = world_map.draw_map(groups_of(("LU", "Luxembourg", "member")))
    width, _ = view_size(drawn)
    (_, points), = shapes(drawn).values()
    assert max(x for x, _ in points) - min(x for x, _ in points) < 0.1 * width
    assert drawing(drawn).findall(f"{SVG}path")[0].get("class") == "explainer-map-land"


def test_a_country_too_small_to_see_is_left_to_the_table():
    drawn = world_map.draw_map(groups_of(("US", "United States", "lead"), ("UA", "Ukraine", "member"),
                                         ("MT", "Malta", "member"), ("nato", "NATO", "member", "organisation")))
    assert list(shapes(drawn)) == ["United States: lead", "Ukraine: member"]
    assert drawn.not_shown == ["Malta", "NATO"]


def test_the_same_participants_give_the_same_bytes():
    first = world_map.draw_map(NORDIC)
    outlines = world_map.read_world(world_map.outlines_path().read_text(encoding="utf-8"))
    assert world_map.draw_map(NORDIC, outlines) == first
    assert str(world_map.draw_map(NORDIC).svg) == str(first.svg)


def test_a_drawing_kept_between_builds_gives_the_same_map_whatever_the_statuses(tmp_path):
    cache = tmp_path / "map"
    first = world_map.draw_map(NORDIC)
    assert world_map.draw_map(NORDIC, cache=cache) == first
    (entry,) = cache.iterdir()
    assert world_map.draw_map(NORDIC, cache=cache) == first
    # Statuses and names are not part of the drawing: a change of status reuses it.
    promoted = groups_of(("NO", "Norway", "lead"), ("DK", "Denmark", "lead"), ("FI", "Finland", "attended"),
                         ("IS", "Iceland", "likely"), ("arctic-council", "Arctic Council", "attended", "organisation"))
    assert world_map.draw_map(promoted, cache=cache) == world_map.draw_map(promoted)
    assert list(cache.iterdir()) == [entry]
    # Another set of countries is another view, kept beside the first.
    world_map.draw_map(groups_of(("FR", "France", "lead")), cache=cache)
    assert len(list(cache.iterdir())) == 2


def test_a_kept_drawing_is_what_the_map_is_drawn_from(tmp_path):
    cache = tmp_path / "map"
    world_map.draw_map(NORDIC, cache=cache)
    (entry,) = cache.iterdir()
    kept = json.loads(entry.read_text(encoding="utf-8"))
    kept["land"] = ""
    entry.write_text(json.dumps(kept), encoding="utf-8")
    assert 'class="explainer-map-land"' not in str(world_map.draw_map(NORDIC, cache=cache).svg)


@pytest.mark.parametrize("damage", ["{not json", '{"height": 3}', "[1, 2]", ""])
def test_a_damaged_kept_drawing_is_drawn_again(tmp_path, damage):
    cache = tmp_path / "map"
    first = world_map.draw_map(NORDIC, cache=cache)
    (entry,) = cache.iterdir()
    entry.write_text(damage, encoding="utf-8")
    assert world_map.draw_map(NORDIC, cache=cache) == first
    assert json.loads(entry.read_text(encoding="utf-8"))["land"]    # and it was kept again


def test_a_folder_that_cannot_keep_the_drawing_still_draws(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("a file where the folder would be", encoding="utf-8")
    assert world_map.draw_map(NORDIC, cache=taken / "map") == world_map.draw_map(NORDIC)


def test_a_map_of_countries_far_apart_stays_small():
    drawn = world_map.draw_map(groups_of(
        ("US", "United States", "lead"), ("CA", "Canada", "member"), ("BR", "Brazil", "member"),
        ("GB", "United Kingdom", "lead"), ("RU", "Russia", "attended"), ("CN", "China", "attended"),
        ("AU", "Australia", "likely"), ("ZA", "South Africa", "invited")))
    assert len(shapes(drawn)) == 8
    assert len(str(drawn.svg).encode()) < 100_000


def test_no_map_without_a_country_to_draw():
    assert world_map.draw_map([]) is None
    assert world_map.draw_map(groups_of(("nato", "NATO", "member", "organisation"),
                                        ("un", "United Nations", "attended", "organisation"))) is None
    assert world_map.draw_map(groups_of(("atlantis", "Atlantis", "lead"))) is None


def test_the_who_page_gets_the_map_only_when_participants_are_countries():
    facts = make_facts()
    assert PageBuilder(facts).who().map == world_map.draw_map(PageBuilder(facts).who().groups)
    facts.participants = [Participant(id="arctic-council", name="Arctic Council", kind="organisation",
                                      status="attended", evidence=facts.participants[-1].evidence)]
    assert PageBuilder(facts).who().map is None


def test_path_data_and_transforms_are_read_as_svg_defines_them():
    assert world_map.path_rings("m 10,10 5,0 c 1,1 2,2 0,5 z M 0 0 H 4 V 4 L 0 4 Z") == [
        [(10, 10), (15, 10), (15, 15)], [(0, 0), (4, 0), (4, 4), (0, 4)]]
    assert world_map.parse_transform("translate(3,4) scale(2)") == (2, 0, 0, 2, 3, 4)
    outlines = world_map.read_world(
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="zz country"><g transform="translate(100,0)">'
        '<path d="M 0 0 L 10 0 L 10 10 Z" transform="scale(2)"/></g><circle r="3"/></g>'
        '<g class="other"><path d="M 0 0 L 1 0 L 1 1 Z"/></g></svg>')
    assert list(outlines.countries) == ["zz"]
    (part,) = outlines.countries["zz"]
    assert part.points == ((100, 0), (120, 0), (120, 20)) and part.box == (100, 0, 120, 20)


def test_clipping_keeps_what_lies_inside_the_view():
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5)]
    clipped = world_map.clip(square, (0, 0, 10, 10))
    assert sorted(set(clipped)) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert world_map.clip(square, (20, 20, 30, 30)) == []


# -- in the browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coalition_site(tmp_path_factory) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


FILL_JS = "element => getComputedStyle(element).fill"


@in_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_fits_a_phone_and_names_what_it_shows(browser, coalition_site, scheme):
    html = (coalition_site / "who" / "index.html").read_text(encoding="utf-8")
    assert len(re.search(r"<svg\b.*?</svg>", html, re.DOTALL).group(0).encode()) < 100_000
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, color_scheme=scheme)
    page = context.new_page()
    with serve_directory(coalition_site) as url:
        page.goto(url + "who/")
        figure = page.locator("figure.explainer-map")
        drawing = page.get_by_role("img", name=re.compile(r"^Map of the \d+ countries involved"))
        assert figure.is_visible() and drawing.is_visible()
        box = drawing.bounding_box()
        viewport = page.evaluate("document.documentElement.clientWidth")
        assert 0.75 * viewport < box["width"] <= viewport and box["x"] >= 0 and box["height"] > 100
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport
        # The map comes before the table that lists every participant in words.
        assert page.evaluate("""() => {
          const map = document.querySelector('figure.explainer-map');
          const table = document.querySelector('table.explainer-who');
          return Boolean(map.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        legend = figure.locator("ul.explainer-map-legend > li").all_inner_texts()
        assert legend[0] == "Leading" and legend[-1] == "Other countries"
        assert "Not on the map: " in figure.inner_text() and "NATO" in figure.inner_text()
        # Colours come from the stylesheet's custom properties, one per status and scheme, and
        # each swatch of the legend has its countries' colour.
        lead = page.locator("svg.explainer-map-drawing path.explainer-map-status--lead").first
        land = page.locator("svg.explainer-map-drawing path.explainer-map-land")
        assert lead.evaluate(FILL_JS) == ("rgb(21, 101, 192)" if scheme == "light" else "rgb(100, 181, 246)")
        assert land.evaluate(FILL_JS) != lead.evaluate(FILL_JS)
        swatch = figure.locator(".explainer-map-swatch.explainer-map-status--lead")
        assert swatch.evaluate("element => getComputedStyle(element).backgroundColor") == lead.evaluate(FILL_JS)
        titles = page.locator("svg.explainer-map-drawing path > title").all_text_contents()
        assert "France: lead" in titles and "United Kingdom: lead" in titles
    context.close()


def test_search_finds_the_table_not_the_map_shapes(coalition_site):
    index = json.loads((coalition_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    who = " ".join(entry["text"] for entry in index["docs"] if entry["location"].startswith("who/"))
    assert "France" in who and "France: lead" not in who and "Not on the map" not in who
