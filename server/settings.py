"""The server's settings in one table: name, default, environment variable, `mhkg serve`
option and help.

Why one table: the defaults, the ``MHKG_*`` environment variables and the command-line
options used to be written in three places, and `mhkg serve`'s option defaults silently
overrode the environment (``MHKG_QUERY_TIMEOUT=5 mhkg serve`` ran with 30 s). Now every layer
is derived from `SETTINGS`, and the precedence is: an option given on the command line, else
the environment variable, else the default. An option that is not given passes nothing.

A new setting is one row here; `create_app` reads it from the environment, `mhkg serve`
grows the option, and the README's table is written from `markdown_table()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import click

from mhkg.errors import ConfigurationError

SECONDS = click.FloatRange(min=0)
COUNT = click.IntRange(min=0)
POSITIVE = click.IntRange(min=1)


@dataclass(frozen=True)
class Setting:
    """One setting: the configuration key `name`, read from ``MHKG_<name>``."""

    name: str
    default: Any
    type: click.ParamType
    help: str
    option: str | None = None  # the `mhkg serve` option; None: environment (and config) only

    @property
    def env(self) -> str:
        return f"MHKG_{self.name}"

    def parse(self, text: str) -> Any:
        """The value of the environment variable's `text`.

        Raises ConfigurationError naming the variable when the text is not a valid value.
        """
        try:
            return self.type.convert(text, None, None)
        except click.BadParameter as error:
            raise ConfigurationError(f"{self.env}={text!r}: {error.message}") from None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "STORE", None, click.STRING,
        "Store folder or SPARQL endpoint URL (the --store option of every command).",
    ),
    Setting("BASE_IRI", None, click.STRING, "The IRIs this server answers for."),
    Setting("HOST", "127.0.0.1", click.STRING, "Address to listen on.", "--host"),
    Setting("PORT", 8080, click.IntRange(0, 65535), "Port to listen on.", "--port"),
    Setting("PUBLIC_URL", None, click.STRING,
            "The address clients use (e.g. https://kg.example.org/), in every absolute URL "
            "the server writes; the Host header is never used. Default: http://HOST:PORT/.",
            "--public-url"),
    Setting("TRUSTED_PROXIES", 0, COUNT,
            "How many reverse proxies stand in front; their X-Forwarded-For (and, without "
            "a public URL, -Proto, -Host, -Port, -Prefix) are believed. 0: none are.",
            "--trusted-proxies"),
    Setting("QUERY_TIMEOUT", 30.0, SECONDS,
            "Seconds a client's query may run before it is stopped (503); 0: no limit.",
            "--timeout"),
    Setting("QUERY_WORKERS", 2, POSITIVE, "Worker processes that run clients' queries.",
            "--workers"),
    Setting("MAX_ROWS", 10_000, COUNT,
            "Results beyond this many rows are cut (MHKG-Truncated: true); 0: no cap.",
            "--max-rows"),
    Setting("MAX_ANSWER_BYTES", 16_000_000, COUNT,
            "Characters of the values in one answer; beyond them it is cut "
            "(MHKG-Truncated: true, like the row cap); 0: no cap.",
            "--max-answer-bytes"),
    Setting("WORKER_MEMORY", 2048, COUNT,
            "Megabytes of memory a query worker may hold; a query that needs more is "
            "stopped (503); 0: no cap.",
            "--worker-memory"),
    Setting("THREADS", 16, POSITIVE,
            "Threads answering requests (a query waiting for a worker holds one).",
            "--threads"),
    Setting("MAX_QUERY_LENGTH", 100_000, POSITIVE, "Characters of a query; longer: 413.",
            "--max-query-length"),
    Setting("MAX_CONTENT_LENGTH", 1_000_000, POSITIVE, "Bytes of a request body; larger: 413.",
            "--max-body"),
    Setting("MAX_URL_LENGTH", 65_536, POSITIVE,
            "Bytes of a request line (method, URL, version); longer: 414 (POST long queries).",
            "--max-url-length"),
    Setting("CONNECTION_LIMIT", 1000, POSITIVE,
            "Open connections; beyond this the server accepts no more until some close.",
            "--connection-limit"),
    Setting("MAX_CONNECTIONS_PER_CLIENT", 20, COUNT,
            "Open connections from one client address; more are refused at once. 0: no "
            "limit (set 0, or a higher value, behind a reverse proxy: every client then "
            "has the proxy's address).",
            "--max-connections-per-client"),
    Setting("HEADER_TIMEOUT", 10.0, SECONDS,
            "Seconds from a request's first byte to the end of its headers; slower: the "
            "connection is closed (slow clients cannot hold connections); 0: no limit.",
            "--header-timeout"),
    Setting("BODY_TIMEOUT", 30.0, SECONDS,
            "Seconds from the end of a request's headers to the end of its body; slower: "
            "the connection is closed; 0: no limit.",
            "--body-timeout"),
    Setting("IDLE_TIMEOUT", 30, POSITIVE,
            "Seconds a connection may stay open between requests with nothing sent.",
            "--idle-timeout"),
    Setting("ACCESS_LOG", True, click.BOOL,
            "Log one line per request (logger mhkg.access): client, method, path, status, "
            "bytes, seconds.",
            "--access-log"),
    Setting("TOKENS", None, click.STRING,
            "The write tokens file (mhkg token new NAME): SPARQL Update, the Graph Store "
            "Protocol's writes and POST /records are accepted with one of its tokens. "
            "Without it the server is read-only.",
            "--tokens"),
    Setting("ALLOW_LOAD", False, click.BOOL, "With writes: accept LOAD in an update (fetches "
            "URLs).",
            "--allow-load"),
    Setting("ALLOW_SERVICE", False, click.BOOL, "Accept federated queries (SERVICE).",
            "--allow-service"),
    Setting("DATASET_LICENSE", "https://creativecommons.org/licenses/by/4.0/", click.STRING,
            "The licence the dataset description names."),
    Setting("DATASET_CONTACT", None, click.STRING,
            "Who answers for the dataset (mailto:… or https://…): the description's "
            "dcat:contactPoint, which DCAT-AP recommends."),
    Setting("DATASET_PUBLISHER", None, click.STRING,
            "Who publishes the dataset (a name): the description's dct:publisher."),
)  # fmt: skip

BY_NAME = {setting.name: setting for setting in SETTINGS}


def defaults() -> dict[str, Any]:
    return {setting.name: setting.default for setting in SETTINGS}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings that ``MHKG_*`` variables in `environ` give (an empty one gives nothing).

    Raises ConfigurationError for a value of the wrong kind (``MHKG_QUERY_TIMEOUT=soon``).
    """
    return {s.name: s.parse(environ[s.env]) for s in SETTINGS if environ.get(s.env, "") != ""}


def given(options: Mapping[str, Any]) -> dict[str, Any]:
    """The configuration keys of the `mhkg serve` options that were given (not None)."""
    return {name.upper(): value for name, value in options.items() if value is not None}


def _shown(value: Any) -> str:
    """A default as the help shows it: on/off, 10,000, 30.0; '' for none."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, int) and value >= 10_000:
        return f"{value:,}"
    return "" if value is None else str(value)


def serve_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate the `serve` command with one option per setting that has one.

    Each option defaults to None (not given), reads its environment variable itself (so
    that Click names the variable when its value is wrong), and passes its value under the
    setting's name in lower case.
    """
    for setting in reversed([s for s in SETTINGS if s.option]):
        flags = [setting.option]
        if setting.type is click.BOOL:
            flags = [f"{setting.option}/--no-{setting.option[2:]}"]
        shown = setting.default is not None
        command = click.option(
            *flags,
            setting.name.lower(),
            type=None if setting.type is click.BOOL else setting.type,
            default=None,
            envvar=setting.env,
            show_envvar=True,
            help=setting.help + (f" [default: {_shown(setting.default)}]" if shown else ""),
        )(command)
    return command


def markdown_table() -> str:
    """The table for the README and docs/security.md: setting, default, variable, option."""
    lines = [
        "| Setting | Default | Environment | `mhkg serve` | What it does |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS:
        option = f"`{s.option}`" if s.option else ""
        if s.option and s.type is click.BOOL:
            option = f"`{s.option}` / `--no-{s.option[2:]}`"
        lines.append(f"| {s.name} | {_shown(s.default)} | `{s.env}` | {option} | {s.help} |")
    return "\n".join(lines)
