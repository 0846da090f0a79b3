"""How big a file, a record and a text to read may be: checked before anything is parsed.

Reading costs time and memory in proportion to what is read, and the prose reader more
than the rest (40 s and 480 MB for a 2 MB description). Unbounded, one 50 MB page
held a load for minutes. So:

- a **file** is refused, unread, when it is larger than `max_file_size` — a file of many
  records (CSV, JSON, IATI XML) — or than `max_record_size` — a page or an article, which
  is one record (its size is known from the file system before it is read);
- a **record** of a many-record file (a CSV row, a JSON object, an IATI activity) is refused
  alone when the values it holds are larger than `max_record_size`; the others load;
- the **prose reader** reads at most `max_prose_chars` characters of a description or an
  article: the whole text is stored, and the graph says what was left unread (an
  rdfs:comment on the project a description is of, else on the article).

Each limit comes from one row of `SETTINGS`: its default, its environment variable and its
command-line option (0 means no limit). `current()` gives the limits in force: those a
caller `applied()` (the CLI, from its options), else the environment's, else the defaults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import NamedTuple

from mhkg.errors import ConfigurationError, RecordError

KB, MB = 1_000, 1_000_000
MANY_RECORD_TYPES = frozenset(
    {
        "text/csv",
        "application/json",
        "application/xml",
        *("text/turtle", "application/n-triples", "application/n-quads", "application/trig"),
        *("text/n3", "application/ld+json", "application/rdf+xml"),
    }
)  # RDF files too: a file of triples is one record, but as large as a file of records


class Setting(NamedTuple):
    name: str  # the Limits field
    environment: str
    option: str  # for `mhkg load`
    default: int
    unit: str  # "bytes" (accepts 5MB, 100 MiB …) or "characters"
    description: str


SETTINGS = (
    Setting(
        "max_file_size", "MHKG_MAX_FILE_SIZE", "--max-file-size", 100 * MB, "bytes",
        "largest file of many records (CSV, JSON, IATI XML) that is read",
    ),
    Setting(
        "max_record_size", "MHKG_MAX_RECORD_SIZE", "--max-record-size", 5 * MB, "bytes",
        "largest page or article file, and largest record (CSV row, JSON object, IATI "
        "activity: the values it holds) that is read",
    ),
    Setting(
        "max_prose_chars", "MHKG_MAX_PROSE_CHARS", "--max-prose-chars", 100_000, "characters",
        "most characters of a description or article that the prose reader reads for "
        "organisations, people, places and goals (the whole text is stored)",
    ),
)  # fmt: skip
_BY_NAME = {s.name: s for s in SETTINGS}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {
    "": 1,
    "b": 1,
    "k": KB,
    "m": MB,
    "g": 1_000 * MB,
    "ki": 1024,
    "mi": 1024**2,
    "gi": 1024**3,
}


@dataclass(frozen=True)
class Limits:
    """The limits in force; 0 is no limit."""

    max_file_size: int = _BY_NAME["max_file_size"].default
    max_record_size: int = _BY_NAME["max_record_size"].default
    max_prose_chars: int = _BY_NAME["max_prose_chars"].default

    @classmethod
    def from_environment(cls, overrides: Mapping[str, int | str | None] | None = None) -> Limits:
        """The defaults, replaced by the MHKG_* environment variables that are set, replaced
        by `overrides` (setting name → value; None: not given). Raises ConfigurationError
        for a value that is not a size."""
        values: dict[str, int] = {}
        for setting in SETTINGS:
            given = (overrides or {}).get(setting.name)
            where = setting.option
            if given is None:
                given, where = os.environ.get(setting.environment), setting.environment
            if given is not None and str(given).strip():
                values[setting.name] = parse_size(given, setting, where)
        return cls(**values)

    def for_file(self, media_type: str) -> tuple[int, Setting]:
        """The largest file of this media type, and the setting that says so."""
        name = "max_file_size" if media_type in MANY_RECORD_TYPES else "max_record_size"
        return getattr(self, name), _BY_NAME[name]

    def check_file(self, name: str, size: int, media_type: str) -> None:
        """Raises RecordError when a file of `size` bytes is too large to be read."""
        limit, setting = self.for_file(media_type)
        if limit and size > limit:
            what = "a file of records" if media_type in MANY_RECORD_TYPES else "a page"
            raise RecordError(name, f"is {too_large(size, limit, what, setting)}: not read")

    def check_record(self, source: str, record: str, size: int) -> None:
        """Raises RecordError (for that record) when a record holds more than it may."""
        limit = self.max_record_size
        if limit and size > limit:
            reason = f"holds {too_large(size, limit, 'a record', _BY_NAME['max_record_size'])}"
            raise RecordError(source, reason + ": not read", record=record)


def too_large(size: int, limit: int, what: str, setting: Setting) -> str:
    """ "6.2 MB, more than a page may be (5 MB; set MHKG_MAX_RECORD_SIZE to allow more)" """
    return (
        f"{format_size(size)}, more than {what} may be ({format_size(limit)}; "
        f"set {setting.environment} to allow more)"
    )


def format_size(size: int) -> str:
    """Bytes in the units people read (decimal: 1 MB is 1,000,000 bytes).

    >>> format_size(5_000_000), format_size(6_234_567), format_size(2_048), format_size(12)
    ('5 MB', '6.2 MB', '2 kB', '12 bytes')
    """
    for unit, scale in (("GB", 1_000 * MB), ("MB", MB), ("kB", KB)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def parse_size(value: int | str, setting: Setting, where: str) -> int:
    """A setting's value: a whole number, for sizes also with a unit (5MB, 100 MiB, 2k).

    >>> parse_size("5MB", SETTINGS[1], "x"), parse_size("1 KiB", SETTINGS[1], "x")
    (5000000, 1024)
    """
    if isinstance(value, int):
        number = value
    else:
        match = _SIZE.match(value)
        unit = (match[2] or "").lower().removesuffix("b") if match else ""
        if not match or (unit and setting.unit != "bytes"):
            expected = "5MB, 100 MiB or 5000000" if setting.unit == "bytes" else "100000"
            raise ConfigurationError(
                f"{where}={value!r} is not a number of {setting.unit} (for example {expected})"
            )
        number = int(float(match[1]) * _UNITS[unit])
    if number < 0:
        raise ConfigurationError(f"{where}={value!r} is negative (0 means no limit)")
    return number


_applied: ContextVar[Limits | None] = ContextVar("mhkg_limits", default=None)


def current() -> Limits:
    """The limits in force: those `applied()`, else the environment's (ConfigurationError
    for a malformed variable)."""
    return _applied.get() or Limits.from_environment()


@contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Load with these limits (the CLI's options) in place of the environment's."""
    token = _applied.set(limits)
    try:
        yield limits
    finally:
        _applied.reset(token)


def utf8_size(values: object) -> int:
    """The UTF-8 bytes of the text a record holds: strings, and those in lists and dicts
    (keys too), however nested; other values count as their text.

    >>> utf8_size({"Title": "Née", "Countries": ["GIN", 12]})
    23
    """
    total, stack = 0, [values]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            total += len(value.encode("utf-8", "surrogatepass"))
        elif isinstance(value, dict):
            stack += [*value.keys(), *value.values()]
        elif isinstance(value, list | tuple):
            stack += value
        elif value is not None:
            total += len(str(value))
    return total
