"""The limits a reader keeps to, declared once: name, default, what it bounds.

A PDF of 5,000 pages, an image of 20,000 × 20,000 pixels, a Word file that unzips to
gigabytes or an e-mail with a thousand attachments must not take a machine's memory or
an afternoon. Each limit is a setting with a default that leaves every real document
room; ``FIRSTHAND_LIMIT_<NAME>`` in the environment overrides it (worker processes
inherit it), and ``firsthand read``/``add --limit NAME=N`` sets it for one command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Setting:
    name: str
    default: int
    help: str


# The defaults: the longest report we have met runs to a few hundred pages; a 600 dpi A4
# scan is about 35 million pixels; a real .docx unzips to a few MB.
SETTINGS: tuple[Setting, ...] = (
    Setting("pages", 2000, "pages of a PDF or multi-page TIFF read at most; a longer one is refused"),
    Setting("ocr_pages", 500, "pages of one document sent to OCR at most; more are refused"),
    Setting("pixels", 60_000_000, "pixels of one image or rendered page at most (width × height)"),
    Setting("unzipped_bytes", 200 * 1024 * 1024, "bytes a .docx or .odt may unzip to, all members together"),
    Setting("attachments", 100, "attachments of one e-mail read at most; a message with more is refused"),
    Setting(
        "attachment_depth", 2, "how deep attachments inside attachments are read (a message's own are 1)"
    ),
    Setting("messages", 10_000, "messages of one .mbox read at most"),
)


@dataclass(frozen=True)
class ReadLimits:
    pages: int = 2000
    ocr_pages: int = 500
    pixels: int = 60_000_000
    unzipped_bytes: int = 200 * 1024 * 1024
    attachments: int = 100
    attachment_depth: int = 2
    messages: int = 10_000

    @classmethod
    def from_environment(cls) -> ReadLimits:
        """The defaults, each overridden by ``FIRSTHAND_LIMIT_<NAME>`` when it is set."""
        limits = cls()
        for setting in SETTINGS:
            value = os.environ.get(f"FIRSTHAND_LIMIT_{setting.name.upper()}")
            if value:
                limits = replace(limits, **{setting.name: parse_limit(setting.name, value)})
        return limits


def parse_limit(name: str, value: str) -> int:
    """A limit's value as a positive whole number, or ValueError saying which limit is wrong."""
    if name not in {f.name for f in fields(ReadLimits)}:
        known = ", ".join(s.name for s in SETTINGS)
        raise ValueError(f"no limit named {name!r} (the limits: {known})")
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise ValueError(f"limit {name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise ValueError(f"limit {name} must not be negative")
    return number


def _check_defaults() -> None:
    # The table and the dataclass say the same thing.
    defaults = ReadLimits()
    for setting in SETTINGS:
        assert getattr(defaults, setting.name) == setting.default, setting.name


_check_defaults()
