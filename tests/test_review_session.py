"""`explainer review` in a real pseudo-terminal, on a copy of this repository's content.

Each test starts the installed command in a pty, sends keys as an editor types them, reads the
screen (ANSI codes stripped) and looks at the files written, or not written. A key is sent only
once the screen it answers is drawn and the session waits for a key (the terminal is in raw
mode): click's `getchar` flushes what was typed before it asked.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from generator.content.review_session import open_review
from generator.files.project import Project
from generator.files.yaml_edits import scalar
from tests.test_review_command import snapshot
from tests.test_review_queue import unsure_project

ROOT = Path(__file__).resolve().parents[1]
EXPLAINER = Path(sys.executable).parent / "explainer"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]")
SCREEN_END = "to write"   # the last words of every screen of a fact: "2 decisions to write"
pytestmark = pytest.mark.skipif(not EXPLAINER.exists(), reason="needs the installed `explainer` command")


class Terminal:
    """`explainer review` running in a pseudo-terminal of 100 columns."""

    def __init__(self, project: Path):
        self.output = ""
        self.status: int | None = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: the command, as an editor starts it
            environment = {**os.environ, "TERM": "xterm", "PAGER": "cat", "PYTHONIOENCODING": "utf-8"}
            os.execve(str(EXPLAINER), [str(EXPLAINER), "--project", str(project), "review"], environment)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))

    def read_until(self, text: str, timeout: float = 20) -> str:
        """What the screen showed from now until `text` appeared (or the command ended)."""
        start, deadline = len(self.output), time.monotonic() + timeout
        while text not in self.output[start:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen showed:\n{self.output[start:]}")
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready and not self._read():
                break
        return self.output[start:]

    def _read(self) -> bool:
        try:
            chunk = os.read(self.fd, 65536)
        except OSError as error:  # the child closed the terminal
            if error.errno != errno.EIO:
                raise
            return False
        self.output += ANSI.sub("", chunk.decode("utf-8", "replace")).replace("\r\n", "\n")
        return bool(chunk)

    def waiting_for_a_key(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            assert time.monotonic() < deadline, "the session never asked for a key"
            time.sleep(0.01)

    def key(self, key: str, then: str = SCREEN_END) -> str:
        """Press one key at the screen shown; what the screen shows next, up to `then`."""
        self.waiting_for_a_key()
        os.write(self.fd, key.encode())
        return self.read_until(then)

    def line(self, text: str, then: str) -> str:
        """Answer a question: type a line and Enter."""
        os.write(self.fd, text.encode() + b"\r")
        return self.read_until(then)

    def wait(self, timeout: float = 20) -> int:
        deadline = time.monotonic() + timeout
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                break
            assert time.monotonic() < deadline, "the session did not end"
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                self._read()
        while select.select([self.fd], [], [], 0)[0] and self._read():
            pass
        return self.status

    def close(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def story(tmp_path) -> Path:
    """This repository's articles and content, with a threshold that holds some facts back."""
    for name in ("content", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    site = tmp_path / "content/editorial/site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(re.sub(r"(?m)^(title:)", r"review_below: 0.99\n\1", text, count=1), encoding="utf-8")
    return tmp_path


@pytest.fixture
def terminals():
    started: list[Terminal] = []
    yield lambda project: started.append(Terminal(project)) or started[-1]
    for terminal in started:
        terminal.close()


def reject(terminal: Terminal, reason: str) -> str:
    """Press r at a fact and give the reason; the next screen."""
    terminal.key("r", then="Why reject it?")
    return terminal.line(reason, then=SCREEN_END)


def folded(text: str) -> str:
    return " ".join(text.split())


def test_each_fact_is_shown_with_its_evidence_in_its_article(story, terminals):
    queue = open_review(Project(story), {}).queue
    first = queue[0]
    [piece] = first.evidence[:1]
    terminal = terminals(story)
    screen = terminal.read_until(SCREEN_END)
    assert f"{first.kind} · {first.record.id}" in screen and f"1 of {len(queue)}" in screen
    assert first.why in folded(screen)
    shown = folded(screen)
    # The passage marked, the sentence before it and the one after, and where it comes from.
    assert f"{folded(piece.before)} »{folded(piece.passage)}« {folded(piece.after)}" in shown
    assert piece.before.strip() and piece.after.strip()
    assert f"{piece.source.outlet} · {piece.source.published} · {piece.source.file}" in shown
    assert folded(piece.source.title) in shown
    assert "c confirm · r reject · f fix · s skip · o open article · u undo · q quit and save · ? help" in screen
    screen = terminal.key("s")
    assert f"2 of {len(queue)}" in screen and f"Skipped {first.reference}." in screen
    screen = terminal.key("?", then="Press any key")
    assert "u  undo the last decision" in screen
    terminal.key("x")
    # The article in the pager, the passage marked in its text.
    second = queue[1].evidence[0]
    screen = terminal.key("o", then=SCREEN_END)
    assert second.source.title in screen and f"»{second.passage}«" in screen
    terminal.key("q", then="nothing was written")
    assert terminal.wait() == 0


def test_decisions_are_written_when_the_session_ends(story, terminals):
    facts_file = story / "content/editorial/events.yaml"
    published = next(event.id for event in open_review(Project(story), {}).facts.events)
    facts_file.write_text(
        "# yaml-language-server: $schema=../schema/editorial/events.schema.json\n"
        "# Editors' review of content/extracted/events.yaml, by event id.\n"
        "\n"
        "confirm: []   # right as extracted\n"
        "\n"
        "# Not events of the story.\n"
        "reject:\n"
        f"  {published}: 'a duplicate'\n", encoding="utf-8")
    queue = open_review(Project(story), {}).queue
    first, second, third = (item.record for item in queue[:3])
    assert [item.kind for item in queue[:3]] == ["events"] * 3
    assert all(re.fullmatch(r"[0-9a-z-]+", record.id) for record in (first, second, third))
    before = snapshot(story)
    terminal = terminals(story)
    terminal.read_until(SCREEN_END)
    reject(terminal, "wrong year")
    screen = terminal.key("u")
    assert f"Undone: reject events:{first.id}." in screen and f"1 of {len(queue)}" in screen
    terminal.key("c")
    reject(terminal, 'the invasion: "full-scale", 2022')
    terminal.key("f", then="Field to fix")
    assert "did you mean 'title'?" in terminal.line("titel", then="Field to fix")
    terminal.line("title", then="New title")
    terminal.line("Leaders meet in Paris", then="Field to fix")
    terminal.line("date", then="New date")
    assert "'2025-02-31' is not a day of the calendar" in terminal.line("2025-02-31", then="New date")
    terminal.line("2025-02-17", then="Field to fix")
    screen = terminal.line("", then=SCREEN_END)
    assert "3 decisions to write" in screen and f"4 of {len(queue)}" in screen
    assert snapshot(story) == before                     # nothing is written before the end
    terminal.key("s")
    screen = terminal.key("q", then="; wrote")
    assert terminal.wait() == 0
    assert f"confirmed events:{first.id}\nrejected events:{second.id}\nfixed (title, date) events:{third.id}\n" \
           "1 confirmed, 1 rejected, 1 fixed; wrote content/editorial/events.yaml" in terminal.output
    assert facts_file.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schema/editorial/events.schema.json\n"
        "# Editors' review of content/extracted/events.yaml, by event id.\n"
        "\n"
        f"confirm: [{first.id}]   # right as extracted\n"
        "\n"
        "fix:\n"
        f"  {third.id}:\n"
        "    title: Leaders meet in Paris\n"
        "    date: '2025-02-17'\n"
        "\n"
        "# Not events of the story.\n"
        "reject:\n"
        f"  {published}: 'a duplicate'\n"
        f"  {second.id}: 'the invasion: \"full-scale\", 2022'\n"
        "\n"
        "fixed_from:\n"
        f"  {third.id}:\n"
        f"    title: {scalar(third.title)}\n"
        f"    date: {scalar(third.date)}\n")
    assert {name for name, data in snapshot(story).items() if before[name] != data} == {"content/editorial/events.yaml"}


def decide_twice(terminal: Terminal) -> None:
    terminal.read_until(SCREEN_END)
    terminal.key("c")
    assert "2 decisions to write" in reject(terminal, "not part of the story")


@pytest.mark.parametrize("interrupt", ["ctrl-c", "sigint", "sigterm"])
def test_an_interrupted_session_writes_nothing(story, terminals, interrupt):
    before = snapshot(story)
    terminal = terminals(story)
    decide_twice(terminal)
    if interrupt == "ctrl-c":
        terminal.key("\x03", then="nothing was written")
    else:
        terminal.waiting_for_a_key()
        os.kill(terminal.pid, signal.SIGINT if interrupt == "sigint" else signal.SIGTERM)
    assert terminal.wait() == 1
    assert "Interrupted: nothing was written; the 2 decisions of this session were dropped." in terminal.output
    assert snapshot(story) == before


def test_a_killed_session_leaves_every_file_as_it_was(story, terminals):
    before = snapshot(story)
    terminal = terminals(story)
    decide_twice(terminal)
    os.kill(terminal.pid, signal.SIGKILL)
    assert terminal.wait() == -signal.SIGKILL
    assert snapshot(story) == before


def test_decisions_that_would_break_the_content_are_not_written_and_can_be_undone(story, terminals):
    queue = open_review(Project(story), {}).queue
    quotes = [index for index, item in enumerate(queue) if item.kind == "quotes"]
    assert quotes, "the copy holds back quotes too"
    # A fix giving a quote a speaker who does not exist passes the quote's own model but not `check`.
    before = snapshot(story)
    terminal = terminals(story)
    terminal.read_until(SCREEN_END)
    for _ in range(quotes[0]):
        terminal.key("s")
    terminal.key("f", then="Field to fix")
    terminal.line("speaker", then="New speaker")
    terminal.line("nobody-at-all", then="Field to fix")
    terminal.line("", then=SCREEN_END)
    screen = terminal.key("q")
    assert "no person with id 'nobody-at-all'" in screen
    assert "These decisions would make the content invalid, so nothing was written." in folded(screen)
    assert snapshot(story) == before
    screen = terminal.key("u")
    assert f"Undone: fix {queue[quotes[0]].reference}." in screen
    terminal.key("c")
    terminal.key("q", then="; wrote")
    assert terminal.wait() == 0
    assert f"confirmed {queue[quotes[0]].reference}" in terminal.output
    assert (story / "content/editorial/quotes.yaml").read_text(encoding="utf-8") == (
        before["content/editorial/quotes.yaml"].decode("utf-8") + f"confirm:\n  - {queue[quotes[0]].record.id}\n")


def test_the_end_of_the_queue_writes_or_says_why_it_cannot(tmp_path, terminals):
    root = unsure_project(tmp_path)
    before = snapshot(root)
    terminal = terminals(root)
    terminal.read_until(SCREEN_END)
    reject(terminal, "not a person")
    # Rejecting the speaker and confirming the quote: the quote would name nobody.
    screen = terminal.key("c")
    assert "End of the queue" in screen and "All 2 facts seen; 2 decisions made." in screen
    assert "content/extracted/quotes.yaml:11:18: no person with id 'mads-kjaer'" in screen
    assert snapshot(root) == before
    terminal.key("u")
    screen = terminal.key("u")
    assert "1 of 2" in screen and "Undone: reject people:mads-kjaer." in screen
    terminal.key("c")
    terminal.key("c", then="; wrote")
    assert terminal.wait() == 0
    assert "2 confirmed, 0 rejected, 0 fixed; wrote content/editorial/people.yaml, content/editorial/quotes.yaml" \
        in terminal.output
    assert (root / "content/editorial/quotes.yaml").read_text(encoding="utf-8").endswith("confirm:\n  - kjaer-ready\n")
