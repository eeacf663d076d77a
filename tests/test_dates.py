import datetime as dt

import pytest

from generator.extract.dates import find_dates

MONDAY = dt.date(2025, 3, 3)


@pytest.mark.parametrize("sentence, date, approximate, kind", [
    ("In 1999, peacekeepers landed in the territory.", "1999", False, "absolute"),
    ("The invasion began in February 2022 after months of build-up.", "2022-02", False, "absolute"),
    ("On Friday, the two leaders argued in front of cameras.", "2025-02-28", False, "relative"),
    ("The ministers met on Sunday in Rome.", "2025-03-02", False, "relative"),
    ("The ministers will meet on Friday in Rome.", "2025-03-07", False, "relative"),
    ("A similar summit two weeks ago ended without a deal.", "2025-02-17", True, "relative"),
    ("The envoy visited the capital last week.", "2025-02-24", True, "relative"),
    ("Spending will rise to 3% of GDP by 2030.", "2030", False, "target"),
    ("The treaty was signed on 12 June 2019 in Vienna.", "2019-06-12", False, "absolute"),
])
def test_dates_keep_their_precision(nlp, sentence, date, approximate, kind):
    doc = nlp(sentence)
    found = find_dates(next(doc.sents), sentence, MONDAY)
    assert found, sentence
    assert (found[0].date, found[0].approximate, found[0].kind) == (date, approximate, kind)
    if kind == "relative":
        assert "3 March 2025" in found[0].note


def test_relative_dates_need_a_publication_date(nlp):
    sentence = "The ministers met on Sunday in Rome."
    assert find_dates(next(nlp(sentence).sents), sentence, None) == []


def test_dates_inside_quotations_are_ignored(nlp):
    sentence = "“What happened on Friday was a disgrace,” the senator said."
    quoted = (1, sentence.index("”"))
    found = find_dates(next(nlp(sentence).sents), sentence, MONDAY,
                       lambda c: quoted[0] <= c < quoted[1])
    assert found == []
