"""Replacing a folder of files whole, writing only the files whose bytes changed."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from generator.files import atomic
from generator.files.atomic import replace_folder


def state(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Each file's inode, modification time and bytes: a file written again gets a new inode."""
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns, path.read_bytes())
            for path in sorted(folder.iterdir())}


def test_a_folder_that_holds_the_texts_already_is_left_alone(tmp_path):
    target = tmp_path / "out"
    assert replace_folder(target, {"a.yaml": "a: 1\n", "b.yaml": "b: ü\n"})
    before, folder = state(target), target.stat().st_ino
    assert not replace_folder(target, {"a.yaml": "a: 1\n", "b.yaml": "b: ü\n"})
    assert state(target) == before and target.stat().st_ino == folder


def test_only_the_changed_file_is_written_and_a_dropped_one_goes(tmp_path):
    target = tmp_path / "out"
    replace_folder(target, {"a.yaml": "a: 1\n", "b.yaml": "b: 2\n", "c.yaml": "c: 3\n"})
    before = state(target)
    assert replace_folder(target, {"a.yaml": "a: 1\n", "b.yaml": "b: 20\n"})
    after = state(target)
    assert after.keys() == {"a.yaml", "b.yaml"}
    assert after["a.yaml"] == before["a.yaml"]                    # kept, not written again
    assert after["b.yaml"][2] == b"b: 20\n" and after["b.yaml"][0] != before["b.yaml"][0]
    assert [path.name for path in tmp_path.iterdir()] == ["out"]   # no staging folder left behind


def test_a_file_beside_the_texts_is_removed_even_when_they_are_unchanged(tmp_path):
    target = tmp_path / "out"
    replace_folder(target, {"a.yaml": "a: 1\n"})
    (target / "stray.txt").write_text("left by hand\n", encoding="utf-8")
    assert replace_folder(target, {"a.yaml": "a: 1\n"})
    assert sorted(path.name for path in target.iterdir()) == ["a.yaml"]


def test_files_in_subfolders_are_kept_too(tmp_path):
    target = tmp_path / "schema"
    replace_folder(target, {"site.json": "{}\n", "extracted/people.json": "{}\n", "editorial/people.json": "{}\n"})
    before = state(target / "extracted")
    assert replace_folder(target, {"site.json": "{}\n", "extracted/people.json": "{}\n", "editorial/people.json": "[]\n"})
    assert state(target / "extracted") == before
    assert (target / "editorial" / "people.json").read_text(encoding="utf-8") == "[]\n"
    assert not replace_folder(target, {"site.json": "{}\n", "extracted/people.json": "{}\n", "editorial/people.json": "[]\n"})


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to tell a zombie")
def test_a_leftover_of_a_process_that_ended_unreaped_is_cleared(tmp_path):
    # A killed run's worker whose parent died first stays a zombie where nobody reaps it: it
    # answers signal 0, yet its staging folder is abandoned.
    ended = subprocess.Popen(["true"])
    deadline = time.monotonic() + 10
    while Path(f"/proc/{ended.pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    target = tmp_path / "extracted"
    leftover = tmp_path / f".extracted.new-{ended.pid}-abc"
    leftover.mkdir()
    try:
        staging = atomic.staging_dir(target)
        assert not leftover.exists() and staging.exists()
    finally:
        ended.wait()
