"""Exceptions raised at the package boundaries.

One base class, so a caller can catch everything this project raises, and a
few specific ones that carry what a person needs to act on them.
"""

from __future__ import annotations

__all__ = ["DataFileError", "InputError", "RumorGraphError", "StoreError"]


class RumorGraphError(Exception):
    """Base class of every error this project raises on purpose."""


class InputError(RumorGraphError):
    """An input file (or one line of it) cannot be ingested.

    ``str(err)`` is the one line shown to the user: ``PATH: reason``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # picklable, so errors can cross process boundaries (--workers)
        return (type(self), (self.path, self.reason))


class DataFileError(RumorGraphError):
    """A bundled rule, lexicon or curation file is malformed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class StoreError(RumorGraphError):
    """The store cannot be opened, or is not a store of this project."""
