"""Replacing files and folders so that a reader sees the old version or the new, never half.

Extraction and builds both write their output beside the target and swap it in at the end:
an interrupted run, or one that fails, leaves what was there before. On Linux the swap is one
`renameat2(RENAME_EXCHANGE)` call, so even a kill at the worst moment never leaves the target
missing; elsewhere it is two renames, and the next run puts back a target a kill left
missing. Staging folders carry the writer's process id, so the next run clears those of
writers that died.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Written files and folders get the usual permissions (mkstemp and mkdtemp make them private,
# which a web server running as another user could not read).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_text(path: Path, text: str, durable: bool = False) -> None:
    """Write beside the target, then rename over it: UTF-8, lines ending in "\\n" on every system."""
    write_bytes(path, text.encode("utf-8"), durable)


def write_bytes(path: Path, data: bytes, durable: bool = False) -> None:
    """Write beside the target, then rename over it. `durable` files (what an editor decided)
    are also flushed to the disk before the rename, and the rename after it, so that a crash
    or a power cut leaves the old file or the new one, never an empty one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to the disk, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # a file system or a system (Windows) that cannot sync a folder
    finally:
        os.close(descriptor)


def replace_folder(target: Path, texts: dict[str, str]) -> bool:
    """Make `target` hold exactly these files (relative path with "/": text), swapped in whole.
    A file that already holds its text is not written again but linked into the new folder (it
    keeps its inode and time, so watchers and tools see no change), and a folder that already
    holds them all is left alone. False when nothing was written."""
    current = {path.relative_to(target).as_posix(): path for path in target.rglob("*")
               if not path.is_dir()} if target.is_dir() else {}
    kept = {name for name, text in texts.items() if name in current and _holds(current[name], text)}
    if kept == texts.keys() == current.keys():
        recover(target)   # nothing to write, but a killed run may have left a copy beside it
        return False
    staging = staging_dir(target)
    for name, text in texts.items():
        if name in kept:
            _keep(current[name], staging / name)
        else:
            write_text(staging / name, text)
    swap_in(staging, target)
    return True


def _holds(path: Path, text: str) -> bool:
    data = text.encode("utf-8")   # what write_text writes: UTF-8, line breaks as given
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data


def _keep(path: Path, copy: Path) -> None:
    copy.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(path, copy)
    except OSError:   # a file system without hard links
        shutil.copy2(path, copy)


def staging_dir(target: Path) -> Path:
    """A fresh folder beside `target` (same file system, so the final rename is atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(target)}{os.getpid()}-", dir=target.parent))
    os.chmod(staging, 0o777 & ~_UMASK)
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Put the finished `staging` folder in place of `target`, then drop the old one."""
    if target.is_dir() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old version
        return
    previous = _previous(target)
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        os.replace(target, previous)
    os.replace(staging, target)
    shutil.rmtree(previous, ignore_errors=True)


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.new-"


def _previous(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


def recover(target: Path) -> None:
    """Undo what a run killed in the middle left behind `target`: the old version put back if
    the new one never arrived, abandoned staging folders removed."""
    previous = _previous(target)
    if not target.exists() and previous.is_dir():
        os.replace(previous, target)  # killed between the two renames of `swap_in`
    for leftover in target.parent.glob(f"{_staging_prefix(target)}*"):
        owner = leftover.name[len(_staging_prefix(target)):].split("-", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that ended but that nobody has reaped yet (a killed run's worker whose parent
    died first, where the container's first process reaps nothing): it answers signal 0, but
    it writes nothing more."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux); False where the system cannot, to fall back."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a C library older than glibc 2.28
    at_current_dir, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_current_dir, os.fsencode(first), at_current_dir, os.fsencode(second), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False  # a kernel or file system without RENAME_EXCHANGE
    raise OSError(error, os.strerror(error), str(first), None, str(second))
