"""Walking the parse up to a clause's subject ends at the sentence's root."""

from __future__ import annotations

import signal

from generator.extract.clauses import describe


def test_a_verb_under_a_root_that_is_no_verb_has_no_subject(nlp):
    # No verb stands above "end": the walk up from it passes nouns to the root, "Calls", and
    # must stop there (spaCy makes a new Token at every access, so only indexes tell the root).
    doc = nlp("Calls for a ceasefire and talks to end the war.")
    verb = next(token for token in doc if token.text == "end")
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert root.pos_ not in ("VERB", "AUX") and not any(token.pos_ in ("VERB", "AUX") for token in verb.ancestors)
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(TimeoutError("the walk did not end")))
    signal.alarm(5)
    try:
        assert describe(verb, set()) is None
    finally:
        signal.alarm(0)
