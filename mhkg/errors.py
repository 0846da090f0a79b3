"""The errors mhkg reports to its users, told once, with what and where."""

from __future__ import annotations


class MhkgError(Exception):
    """Base of every error that mhkg reports to a user (not a bug)."""


class RecordError(MhkgError):
    """A record that cannot be read or is invalid: nothing of it is written."""

    def __init__(
        self, source: str, reason: str, *, record: str | None = None, field: str | None = None
    ) -> None:
        self.source = source
        self.record = record
        self.field = field
        self.reason = reason
        super().__init__(str(self))

    def __reduce__(self) -> tuple:
        """Pickled with its fields (worker processes send refusals to the writer)."""
        return (_restored, (type(self), dict(self.__dict__)))

    def __str__(self) -> str:
        where = self.source
        if self.record and self.record != self.source:
            where += f", record {self.record}"
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.reason}"


def _restored(cls: type[RecordError], fields: dict) -> RecordError:
    error = cls.__new__(cls)
    error.__dict__.update(fields)
    Exception.__init__(error, str(error))
    return error


class ValidationError(RecordError):
    """A record whose triples violate the SHACL shapes: one line per violation."""

    def __init__(self, source: str, violations: list[str], *, record: str | None = None) -> None:
        self.violations = violations
        reason = "does not conform to the shapes: " + "; ".join(violations)
        super().__init__(source, reason, record=record)


class QueryError(MhkgError):
    """A query that does not parse or cannot run."""


class NamedQueryError(MhkgError):
    """A named query that does not exist, a parameter it does not declare, or a parameter
    value of the wrong type."""

    def __init__(self, message: str, *, not_found: bool = False) -> None:
        self.not_found = not_found
        super().__init__(message)


class ConfigurationError(MhkgError):
    """A setting (environment variable, option) that cannot work."""


class StoreError(MhkgError):
    """The store cannot be opened or written."""
