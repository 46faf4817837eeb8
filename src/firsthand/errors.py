"""Every error firsthand raises on purpose, in one small tree.

    FirsthandError                 base: a message a user can act on
    ├── InputError                 one input cannot be read into a record
    │   ├── MissingInput           the path does not exist
    │   ├── NotAFile               a directory or other non-regular file
    │   ├── EmptyInput             no bytes, or only white space
    │   ├── InputTooLarge          over the size limit
    │   ├── BinaryInput            not text (an image, an archive, a PDF...)
    │   ├── EncodingProblem        bytes that no supported encoding reads cleanly
    │   ├── NoBodyText             a page with nothing left once its chrome is gone
    │   ├── UnreadableDocument     a PDF, image, Word file or e-mail that is damaged or locked
    │   └── OverLimit              past a reading limit (pages, pixels, attachments, unzipped size)
    └── CaseFileError              the case file cannot be opened or written
        ├── UnsupportedCaseURL     a database URL of a kind no store opens (only postgresql://)
        └── CaseServerUnreachable  a postgresql:// case that cannot be reached or signed in to

Each carries the offending path and the bare problem, so the CLI prints
``PATH: problem`` on one line and library users can branch on the type.
"""

from __future__ import annotations


class FirsthandError(Exception):
    """Base of every error firsthand raises on purpose."""


class InputError(FirsthandError):
    """One input cannot be turned into a record."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Rebuilt from its two parts: errors cross from worker processes (add --jobs).
        return self.__class__, (self.path, self.problem)


class MissingInput(InputError):
    pass


class NotAFile(InputError):
    pass


class EmptyInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingProblem(InputError):
    pass


class NoBodyText(InputError):
    pass


class UnreadableDocument(InputError):
    pass


class OverLimit(InputError):
    pass


class CaseFileError(FirsthandError):
    """The case file cannot be opened, migrated or written."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UnsupportedCaseURL(CaseFileError):
    """A database URL of a kind no store opens: a case is a file's path or ``postgresql://``."""


class CaseServerUnreachable(CaseFileError):
    """A server case that cannot be opened: refused connection, unknown host, bad password,
    no such database. ``path`` is its URL with the password masked."""


class ServeError(FirsthandError):
    """The web UI cannot listen where it was asked to."""
