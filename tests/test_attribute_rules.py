"""The model's attribute rules applied by `AttributeRules` set what spaCy's AttributeRuler sets."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from generator.extract.attribute_rules import AttributeRules
from generator.extract.language import MODEL

ROOT = Path(__file__).resolve().parent.parent
# Every development article (never the held-out ones) and the seeds: real news copy.
FOLDERS = [ROOT / "seeds", ROOT / "tests" / "corpus" / "dev" / "articles",
           *sorted((ROOT / "tests" / "corpus" / "real").glob("*/dev/articles"))]
WRITTEN = [POS, TAG, DEP, LEMMA, MORPH]


def attributes(doc: Doc) -> list[list[int]]:
    return doc.to_array(WRITTEN).tolist()


def both(ruler: AttributeRuler, doc: Doc) -> tuple[list, list]:
    """What spaCy's ruler and AttributeRules made of the same rules, each on its own copy of `doc`."""
    return attributes(ruler(doc.copy())), attributes(AttributeRules(doc.vocab, ruler)(doc.copy()))


def test_the_models_rules_set_every_token_of_real_news_as_spacys_ruler_does(nlp):
    model_ruler = spacy.load(MODEL, vocab=nlp.vocab, exclude=["lemmatizer", "senter"]).get_pipe("attribute_ruler")
    ours = nlp.get_pipe("attribute_rules")
    texts = [path.read_text(encoding="utf-8") for folder in FOLDERS for path in sorted(folder.iterdir())
             if path.suffix in (".txt", ".md")]
    texts += ["", " ", "\n\n\n", "Ain't nobody gonna stop us, y'all.\n \nC'mon, let's go! Gotta run, there's more."]
    changed = 0
    with nlp.select_pipes(disable=["attribute_rules", "ner"]):
        for doc in nlp.pipe(texts):
            theirs, before = model_ruler(doc.copy()), attributes(doc)
            assert attributes(ours(doc)) == attributes(theirs)
            changed += sum(row != old for row, old in zip(attributes(doc), before))
    assert changed > 10_000   # most tokens get their part of speech here


def english_doc(words, tags, deps=None) -> Doc:
    """A document of these words, tags and labels in a vocabulary that knows English words'
    lower case and which are spaces."""
    heads = list(range(len(words))) if deps else None
    return Doc(spacy.blank("en").vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize("rules, words, tags, deps", [
    # A later rule wins for a token both match; a rule sees the tags as they came, not as an
    # earlier rule set them.
    ([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
      {"patterns": [[{"LOWER": "x"}]], "attrs": {"POS": "PROPN", "TAG": "NNP"}},
      {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "VERB"}}],
     ["X", "y", "z"], ["NN", "NN", "NNP"], None),
    # Two-token patterns, their target counted from either end; the words in and out of lists,
    # and by a regular expression.
    ([{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
      {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}, "index": -2},
      {"patterns": [[{"TAG": {"IN": ["VB", "VBZ"]}, "LOWER": {"NOT_IN": ["is"]}}]], "attrs": {"POS": "VERB"}}],
     ["gon", "na", "y'", "all", "is", "goes", "na"], ["VB", "TO", "PRP", "DT", "VBZ", "VBZ", "NN"], None),
    # Dependency labels, an empty one among them, and spaces.
    ([{"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
      {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
      {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1}],
     ["There", "is", "\n", "a", "\n\n"], ["EX", "VBZ", "NN", "DT", "NN"], ["expl", "ROOT", "dep", "det", ""]),
    # A pattern longer than the document matches nowhere.
    ([{"patterns": [[{"LOWER": "a"}, {"LOWER": "b"}]], "attrs": {"POS": "X"}},
      {"patterns": [[{"TAG": "DT"}]], "attrs": {"LEMMA": "a"}}], ["a"], ["DT"], None),
])
def test_rules_mean_what_spacys_ruler_makes_of_them(rules, words, tags, deps):
    doc = english_doc(words, tags, deps)
    ruler = AttributeRuler(doc.vocab)
    ruler.add_patterns(rules)
    theirs, ours = both(ruler, doc)
    assert ours == theirs
    assert ours != attributes(doc)   # the rules did something


@pytest.mark.parametrize("rule", [
    {"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}},     # an operator
    {"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "NOUN"}},                 # an attribute it does not read
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}},                   # or write
    {"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "NOUN"}},
])
def test_a_rule_it_cannot_apply_as_spacy_does_is_refused(rule):
    ruler = AttributeRuler(spacy.blank("en").vocab)
    ruler.add_patterns([rule])
    with pytest.raises(ValueError):
        AttributeRules(ruler.vocab, ruler)


def test_the_pipeline_applies_the_rules_without_spacys_ruler(nlp):
    assert "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index("attribute_rules") < nlp.pipe_names.index("ner")
    assert [token.pos_ for token in nlp("They said it was over.")] == ["PRON", "VERB", "PRON", "AUX", "ADV", "PUNCT"]
