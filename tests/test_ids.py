"""Ids that keep every letter, and `explainer check` naming the ids that changed with them."""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.extract import extract_article
from generator.files.articles import parse_article
from generator.model.ids import ID_PATTERN, _legacy_slug, former_ids, respellings, slugify


@pytest.mark.parametrize("name, fact_id", [
    ("Radosław Sikorski", "radoslaw-sikorski"),
    ("Jonas Gahr Støre", "jonas-gahr-store"),
    ("Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"),
    ("Lars Løkke Rasmussen", "lars-lokke-rasmussen"),
    ("Søren Brostrøm", "soren-brostrom"),
    ("Łódź", "lodz"),
    ("Straße", "strasse"),
    ("Ægir Ørsted", "aegir-orsted"),
    ("Œuvre", "oeuvre"),
    ("Đoković", "dokovic"),
    ("Þór Guðmundsson", "thor-gudmundsson"),
    ("Işıl Kaya", "isil-kaya"),
    ("Ħamrun", "hamrun"),
    ("Ŋgan", "nggan"),
    ("ĸaleĸ", "qaleq"),
    ("Paraŀlel", "parallel"),
    ("ẞ", "ss"),
    ("Mikuláš Dzurinda", "mikulas-dzurinda"),        # decomposed by NFKD, as before
    ("Володимир Зеленський", "volodymyr-zelenskyy"),  # Cyrillic, as before
    ("Κυριάκος Μητσοτάκης", "kyriakos-mitsotakis"),   # Greek, as before
])
def test_every_letter_is_spelled_out(name, fact_id):
    assert slugify(name) == fact_id
    assert re.fullmatch(ID_PATTERN, fact_id)


def test_every_latin_letter_nfkd_leaves_whole_is_spelled():
    """Latin-1 Supplement and Latin Extended-A and -B: every cased letter gives ASCII letters
    (the glottal stop, written like an apostrophe, is dropped like one)."""
    glottal_stops = {"\u0241", "\u0242"}
    missing = [f"{letter} ({unicodedata.name(letter)})" for letter in map(chr, range(0x00C0, 0x0250))
               if unicodedata.category(letter) in ("Lu", "Ll", "Lt") and letter not in glottal_stops
               and not re.fullmatch(r"[a-z]+", slugify(letter))]
    assert missing == []


def test_the_length_cap_and_scripts_without_a_spelling_stay():
    assert len(slugify("Władysław " * 40, max_words=100)) == 64
    assert slugify("Ł" * 200) == "l" * 64
    arabic = slugify("محمد")
    assert arabic.startswith("x-") and arabic != slugify("علي")


@pytest.mark.parametrize("name, legacy", [
    ("Radosław Sikorski", "radosaw-sikorski"),
    ("Jonas Gahr Støre", "jonas-gahr-stre"),
    ("Władysław Kosiniak-Kamysz", "wadysaw-kosiniak-kamysz"),
    ("Straße", "strae"),
    ("Volodymyr Зеленський", "volodymyr-zelenskyy"),
    ("ß", "x-" + hashlib.sha256("ß".encode()).hexdigest()[:10]),   # nothing left: hashed
])
def test_the_legacy_slug_drops_those_letters_as_ids_once_did(name, legacy):
    assert _legacy_slug(name) == legacy


def test_hyphenated_names_stay_whole(nlp):
    text = ("Polish Defence Minister Władysław Kosiniak-Kamysz said the troops would stay. "
            "Kosiniak-Kamysz added that Norwegian Prime Minister Jonas Gahr Støre agreed.")
    facts = extract_article(nlp, parse_article(Path("example.txt"), " date 2025-03-03 " + text))
    people = {person.id: person for person in facts.people}
    assert set(people) == {"wladyslaw-kosiniak-kamysz", "jonas-gahr-store"}
    assert people["wladyslaw-kosiniak-kamysz"].name == "Władysław Kosiniak-Kamysz"
    assert "Kosiniak-Kamysz" in people["wladyslaw-kosiniak-kamysz"].aliases


# -- finding the id a fact had before ----------------------------------------------------------

ARTICLE = ("Polish Foreign Minister Radosław Sikorski met Jonas Gahr Støre and the Store family "
           "in Łódź on Monday. “Die Straße ß ist lang,” he said.")


@pytest.mark.parametrize("current, former", [
    ("radoslaw-sikorski", {"radosaw-sikorski"}),                                    # a person
    ("radoslaw-sikorski-we-will-not-leave", {"radosaw-sikorski-we-will-not-leave"}),  # a quote
    ("2025-03-03-talks-in-lodz", {"2025-03-03-talks-in-odz"}),                     # an event
    ("pl-troops-for-lodz", {"pl-troops-for-odz"}),                                 # a pledge
    ("jonas-gahr-store", {"jonas-gahr-stre"}),      # "store" is also an ASCII word: both ways
    ("die-strasse-ss-ist-lang", {"die-strae-ss-ist-lang", "die-strasse-ist-lang", "die-strae-ist-lang"}),
    ("keir-starmer", set()),
])
def test_former_ids_read_an_id_back_with_the_old_spelling(current, former):
    assert former_ids(current, respellings([ARTICLE])) == former


def test_the_legacy_slug_of_the_text_is_a_former_id():
    changes = respellings([ARTICLE])
    for text in ("Radosław Sikorski", "Die Straße ß ist lang", "Jonas Gahr Støre"):
        assert _legacy_slug(text) in former_ids(slugify(text), changes)


def test_a_typo_is_not_taken_for_a_respelling():
    changes = respellings([ARTICLE])
    assert "radoslaw-sikorsk" not in former_ids("radoslaw-sikorski", changes)
    assert former_ids("radoslaw-sikorski", {}) == set()


# -- explainer check ---------------------------------------------------------------------------

def test_check_names_each_override_whose_id_changed(tmp_path):
    """A project extracted before ids kept every letter: its editors wrote carmen-wela for
    Carmen Wełla; check names the new id of each override, person and quote alike."""
    project = tmp_path / "harbour"
    shutil.copytree(Path(__file__).parent / "fixtures" / "harbour", project)
    for seed in (project / "seeds").iterdir():
        seed.write_text(seed.read_text(encoding="utf-8").replace("Vella", "Wełla"), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(project), "extract"], catch_exceptions=False).exit_code == 0
    editorial = project / "content" / "editorial"
    (editorial / "people.yaml").write_text(
        "fix:\n  carmen-wela:\n    role: Prime Minister of Malta\nconfirm:\n  - carmen-wela\n  - paolo-ricci\n"
        "  - paolo-rici\n", encoding="utf-8")
    (editorial / "quotes.yaml").write_text(
        "reject:\n  carmen-wela-this-is-our-sea-and-it: a fragment\n", encoding="utf-8")

    result = runner.invoke(main, ["--project", str(project), "check"], catch_exceptions=False)

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/editorial/people.yaml:2:3: no people fact with id 'carmen-wela'; ids now spell out "
        "every letter: it is 'carmen-wella' now, so rename it",
        "content/editorial/people.yaml:5:5: no people fact with id 'carmen-wela'; ids now spell out "
        "every letter: it is 'carmen-wella' now, so rename it",
        # A typo is still a typo.
        "content/editorial/people.yaml:7:5: no people fact with id 'paolo-rici'; did you mean 'paolo-ricci'?",
        "content/editorial/quotes.yaml:2:3: no quotes fact with id 'carmen-wela-this-is-our-sea-and-it'; ids now "
        "spell out every letter: it is 'carmen-wella-this-is-our-sea-and-it' now, so rename it",
        "4 problems found.",
    ]

    # Renamed as told, the project checks clean.
    for path in (editorial / "people.yaml", editorial / "quotes.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("wela", "wella").replace("  - paolo-rici\n", ""),
                        encoding="utf-8")
    assert runner.invoke(main, ["--project", str(project), "check"], catch_exceptions=False).exit_code == 0
