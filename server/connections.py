"""The connections waitress holds: how many, from whom, and how slowly a request may arrive.

Why more than waitress's own settings: waitress cuts a connection only when it has been
*idle* for ``channel_timeout`` seconds, so a client that sends one header line every few
seconds keeps its connection for ever, and ``connection_limit`` such clients (the issue's
120 sockets, against the default 100) stop the server from accepting anyone else. Here:

- a request must arrive in time: its headers within HEADER_TIMEOUT seconds of its first
  byte, its body within BODY_TIMEOUT seconds of its headers, else its connection is closed
  (checked every second);
- one client address may hold at most MAX_CONNECTIONS_PER_CLIENT connections; more are
  answered 503 and closed at once, so that one host cannot fill the CONNECTION_LIMIT;
- the connection limit is high (waiting connections cost a socket and a small buffer, not a
  thread: only complete requests reach the threads), with poll() instead of select();
- a request line over MAX_URL_LENGTH bytes is read to its end, thrown away as it comes,
  and answered 414 (waitress would answer 431 in the middle of it and close, which a client
  still sending sees as a reset).
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import MultiSocketServer, TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher
from waitress.utilities import Error

logger = logging.getLogger("mhkg.server")

HEADER_ROOM = 65_536  # bytes of headers allowed beyond the request line
SKIP_LIMIT = 8 * 1024 * 1024  # bytes of an over-long request read (and dropped) to answer 414
RESERVED_DESCRIPTORS = 256  # open files kept for the store, the workers' pipes, logs
_REFUSED = b"too many open connections from your address; close some, or try again later\n"
REFUSAL = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\n\r\n%s" % (len(_REFUSED), _REFUSED)
)


@dataclass(frozen=True)
class Limits:
    """What a connection may do; 0 switches a limit off."""

    max_line: int
    header_timeout: float
    body_timeout: float
    per_client: int

    @classmethod
    def from_config(cls, config: Any) -> Limits:
        return cls(
            max_line=config["MAX_URL_LENGTH"],
            header_timeout=config["HEADER_TIMEOUT"],
            body_timeout=config["BODY_TIMEOUT"],
            per_client=config["MAX_CONNECTIONS_PER_CLIENT"],
        )


class URITooLong(Error):
    """414, in the server's one JSON error shape."""

    code = 414
    reason = "URI Too Long"

    def to_response(self, ident: str | None = None) -> tuple[str, list, bytes]:
        error = {"status": self.code, "title": self.reason, "detail": self.body}
        body = json.dumps({"error": error}).encode("utf-8")
        return f"{self.code} {self.reason}", [("Content-Type", "application/json")], body


class TimedRequest(HTTPRequestParser):
    """A request being read: when it began, when its headers ended, and its request line's
    length (counted as it arrives, so that an over-long one is never buffered)."""

    def __init__(self, adj: Adjustments, limits: Limits) -> None:
        super().__init__(adj)
        self.limits = limits
        self.started = time.monotonic()
        self.headers_at: float | None = None
        self.line_bytes = 0
        self.line_done = False
        self.skipped: int | None = None  # an over-long line: bytes dropped so far
        self.tail = b""

    def received(self, data: bytes) -> int:
        if self.skipped is not None:
            return self._skip(data)
        if not self.line_done and not self.completed:
            line = data.lstrip(b"\r\n") if self.line_bytes == 0 else data
            newline = line.find(b"\n")
            self.line_bytes += len(line) if newline < 0 else newline
            self.line_done = newline >= 0
            if self.line_bytes > self.limits.max_line:
                self.skipped = 0
                return self._skip(data)
        consumed = super().received(data)
        if self.headers_finished and self.headers_at is None:
            self.headers_at = time.monotonic()
        return consumed

    def _skip(self, data: bytes) -> int:
        """Drop `data` up to the end of the headers; then (or past SKIP_LIMIT) answer 414."""
        window = self.tail + data
        ends = [i + len(mark) for mark in (b"\r\n\r\n", b"\n\n") if (i := window.find(mark)) >= 0]
        if ends:
            self._refuse()
            return max(min(ends) - len(self.tail), 0)
        self.skipped = (self.skipped or 0) + len(data)
        self.tail = window[-3:]
        if self.skipped > SKIP_LIMIT:
            self._refuse()
        return len(data)

    def _refuse(self) -> None:
        self.parse_header(b"GET / HTTP/1.0\r\n")  # what waitress needs to answer (as for 431)
        self.error = URITooLong(
            f"the request line is longer than this server's limit of {self.limits.max_line:,}"
            " bytes; send a long SPARQL query by POST (form or application/sparql-query)"
        )
        self.completed = True

    def overdue(self, now: float) -> bool:
        """Whether the request is taking longer to arrive than the limits allow."""
        if self.completed:
            return False
        if self.headers_at is None:
            timeout, since = self.limits.header_timeout, self.started
        else:
            timeout, since = self.limits.body_timeout, self.headers_at
        return bool(timeout) and now - since > timeout


class TimedChannel(HTTPChannel):
    """A connection whose requests are TimedRequests."""

    def parser_class(self, adj: Adjustments) -> TimedRequest:  # waitress: parser_class(adj)
        return TimedRequest(adj, self.server.limits)


class GuardedServer(TcpWSGIServer):
    """waitress's TCP server, with the per-client limit and the request deadlines."""

    channel_class = TimedChannel

    def __init__(self, *args: Any, limits: Limits, **kwargs: Any) -> None:
        self.limits = limits
        self.refused: Counter[str] = Counter()
        super().__init__(*args, **kwargs)

    def accept(self) -> tuple[Any, Any] | None:
        pair = super().accept()
        if pair is None or not self.limits.per_client:
            return pair
        connection, address = pair
        client = address[0]
        held = sum(1 for c in list(self.active_channels.values()) if c.addr[0] == client)
        if held < self.limits.per_client:
            return pair
        self.refused[client] += 1
        try:
            connection.setblocking(False)
            connection.send(REFUSAL)
        except OSError:
            pass
        connection.close()
        return None

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # idle connections (IDLE_TIMEOUT)
        moment = time.monotonic()
        for channel in list(self.active_channels.values()):
            request = channel.request
            idle = not channel.requests  # none being answered: it is reading one
            if idle and isinstance(request, TimedRequest) and request.overdue(moment):
                channel.will_close = True
        for client, count in self.refused.items():
            logger.warning(
                "refused %d connection(s) from %s: over %d open connections from one address",
                count, client, self.limits.per_client,
            )  # fmt: skip
        self.refused.clear()


def make_server(app: Any, config: Any) -> GuardedServer | MultiSocketServer:
    """A waitress server for `app` with the settings in `config` (see server.settings)."""
    limits = Limits.from_config(config)
    adj = Adjustments(
        host=config["HOST"],
        port=config["PORT"],
        threads=config["THREADS"],
        channel_request_lookahead=1,  # read ahead, so a client that hangs up is noticed
        connection_limit=room_for(config["CONNECTION_LIMIT"]),
        channel_timeout=config["IDLE_TIMEOUT"],
        cleanup_interval=1,  # the deadlines are checked every second
        max_request_header_size=limits.max_line + HEADER_ROOM,
        # Flask answers 413 in JSON past MAX_CONTENT_LENGTH; waitress stops buffering at twice
        max_request_body_size=2 * config["MAX_CONTENT_LENGTH"],
        asyncore_use_poll=True,  # select() cannot watch more than 1,024 sockets
    )
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    sockets: dict = {}
    servers = [
        GuardedServer(app, sockets, dispatcher=dispatcher, adj=adj, sockinfo=info, limits=limits)
        for info in adj.listen
    ]
    if len(servers) == 1:
        return servers[0]
    listening = [(s.effective_host, s.effective_port) for s in servers]
    return MultiSocketServer(sockets, adj, listening, dispatcher, servers[0].log_info)


def room_for(connections: int) -> int:
    """The connection limit that the open-file limit leaves room for, raising the soft
    limit up to the hard one when it is lower (a warning says when it still does not fit)."""
    try:
        import resource
    except ImportError:  # not on POSIX
        return connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = connections + RESERVED_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < needed:
        soft = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    if soft == resource.RLIM_INFINITY or soft >= needed:
        return connections
    fitting = max(soft - RESERVED_DESCRIPTORS, 1)
    logger.warning("connection limit lowered to %d to fit the open-file limit (%d)", fitting, soft)
    return fitting
