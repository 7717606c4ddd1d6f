"""Tables built from the data files (lexicons, gazetteer, actor tables) kept compiled in a cache
file, so a new process loads them in milliseconds instead of building them again: `eventwire
extract` on one article starts fast (docs/design.md). The file's name holds a fingerprint of what
the table is built from (the data files, the builder's module, the libraries it reads), so any
change builds it afresh; a cache that cannot be read or written is only a slower start."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Generic, TypeVar

from . import __version__

T = TypeVar("T")
DATA = Path(__file__).resolve().parent / "data"
CACHE_VARIABLE = "EVENTWIRE_CACHE_DIR"  # where the compiled tables go; empty: no cache


def cache_dir() -> Path | None:
    if CACHE_VARIABLE in os.environ:
        return Path(os.environ[CACHE_VARIABLE]) if os.environ[CACHE_VARIABLE] else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eventwire"


def _fingerprint(build: Callable[[], object], packages: tuple[str, ...]) -> str:
    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    module = Path(sys.modules[build.__module__].__file__ or "")
    for path in sorted([module, *DATA.rglob("*")]):
        if path.is_file():
            info = path.stat()
            digest.update(f"{path.relative_to(path.anchor)} {info.st_size} {info.st_mtime_ns}\n".encode())
    for package in packages:
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package} -\n".encode())
    return digest.hexdigest()[:16]


class Compiled(Generic[T]):
    """A table built once per process: loaded from the cache file, else built and stored there.
    After `cache_clear()` (a test that patches the builder's inputs) it is built afresh and the
    cache file is neither read nor written: the file only ever holds what the data files give."""

    def __init__(self, build: Callable[[], T], packages: tuple[str, ...]) -> None:
        self.build, self.packages = build, packages
        self.__doc__ = build.__doc__
        self._table: T | None = None
        self._bypass = False

    def __call__(self) -> T:
        if self._table is None:
            self._table = self.build() if self._bypass else self._load()
        return self._table

    def cache_clear(self) -> None:
        self._table, self._bypass = None, True

    def _load(self) -> T:
        folder = cache_dir()
        if folder is None:
            return self.build()
        stem = f"{self.build.__module__}.{self.build.__qualname__}"
        name = f"{stem}-{_fingerprint(self.build, self.packages)}.pickle"
        try:
            with (folder / name).open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # none yet, or unreadable: build it
        table = self.build()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as fh:
                written = Path(fh.name)
                pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(written, folder / name)  # whole or not at all: workers may write it at once
            for stale in folder.glob(f"{stem}-*.pickle"):  # built from data files as they were: never read again
                if stale.name != name:
                    stale.unlink(missing_ok=True)
        except (OSError, pickle.PicklingError):
            if "written" in locals():
                written.unlink(missing_ok=True)
        return table


def compiled(*packages: str) -> Callable[[Callable[[], T]], Compiled[T]]:
    """Decorate a function that builds a table from the data files (and the given installed packages)."""
    return lambda build: Compiled(build, packages)
