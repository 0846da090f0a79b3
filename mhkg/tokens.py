"""Write tokens: who may change the graph over HTTP.

A token is a random secret that ``mhkg token new NAME`` prints once; the tokens file keeps only
its SHA-256 hash under NAME (a token has 256 bits of entropy, so a plain hash is enough: nobody
can guess one from its hash), and ``mhkg serve --tokens FILE`` accepts a write whose
``Authorization: Bearer TOKEN`` hashes to one of them. The comparison runs in constant time
over every entry, so timing tells nothing of how close a guess came.

The file is JSON, written whole to a temporary file and renamed (a crash leaves the old file or
the new one), readable by its owner only::

    {"tokens": {"curator": {"sha256": "…", "created": "2026-12-05T23:50:00+00:00"}}}

The server reads the file again when it changes, so a revoked token stops working at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_config_dir

from mhkg.errors import ConfigurationError

PREFIX = "mhkg_"  # tells a reader (and a secret scanner) what the string is
ENVIRONMENT = "MHKG_TOKENS"


def default_path() -> Path:
    """`MHKG_TOKENS` if set, else tokens.json in the user's configuration folder."""
    return Path(os.environ.get(ENVIRONMENT) or Path(user_config_dir("mhkg")) / "tokens.json")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Tokens:
    """The hashed tokens of one file, by name."""

    hashes: dict[str, str]

    def holder(self, token: str) -> str | None:
        """The name of the token `token`, or None when no entry matches it."""
        given = digest(token).encode("ascii")
        found = None
        for name, stored in self.hashes.items():  # all of them: the time does not depend on which
            if hmac.compare_digest(given, stored.encode("ascii")):
                found = name
        return found


def read(path: Path) -> Tokens:
    """The tokens of `path` (none when it does not exist).

    Raises ConfigurationError naming the file when it cannot be read or is not a tokens file.
    """
    return Tokens({name: entry["sha256"] for name, entry in _entries(path).items()})


def new(path: Path, name: str) -> str:
    """Make a token named `name`, keep its hash in `path`, and return the token.

    Raises ConfigurationError when the name is empty or taken, or the file cannot be written.
    """
    if not name.strip() or name != name.strip():
        raise ConfigurationError(f"{name!r} is not a token name (no spaces at either end)")
    entries = _entries(path)
    if name in entries:
        raise ConfigurationError(
            f"{path}: a token named {name!r} exists; revoke it first (mhkg token revoke {name})"
        )
    token = PREFIX + secrets.token_urlsafe(32)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    entries[name] = {"sha256": digest(token), "created": created}
    _write(path, entries)
    return token


def revoke(path: Path, name: str) -> None:
    """Remove the token named `name` from `path`.

    Raises ConfigurationError when there is no such token.
    """
    entries = _entries(path)
    if name not in entries:
        known = ", ".join(sorted(entries)) or "none"
        raise ConfigurationError(f"{path}: no token named {name!r} (tokens: {known})")
    del entries[name]
    _write(path, entries)


def _entries(path: Path) -> dict[str, dict[str, str]]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(f"cannot read the tokens file {path}: {error}") from None
    try:
        entries = json.loads(text)["tokens"]
        if not all(
            isinstance(entry, dict) and isinstance(entry.get("sha256"), str)
            for entry in entries.values()
        ):
            raise ValueError("an entry without its sha256")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ConfigurationError(
            f"{path} is not an mhkg tokens file ({error}); make one with mhkg token new NAME"
        ) from None
    return entries


def _write(path: Path, entries: dict[str, dict[str, str]]) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tokens-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp: mode 0600
            json.dump({"tokens": entries}, out, indent=2, sort_keys=True)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise ConfigurationError(f"cannot write the tokens file {path}: {error}") from None
