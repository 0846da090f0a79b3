"""What a query worker may not do, enforced by the kernel rather than by reading queries.

The server refuses SERVICE and LOAD by reading the query's tokens (mhkg.sparql_lexer); the
worker processes that run clients' queries are also made unable to fetch anything at all, so
that a spelling the token reader missed still cannot reach the network: a seccomp filter makes
`socket()` fail for every Internet family (IPv4, IPv6) and io_uring unavailable, so the
engine's HTTP client gets an error instead of a connection. The pipe to the serving process
was opened before the filter, and needs no new socket.

A worker also ends when the serving process goes (so a busy query cannot outlive a stopped
server, even a killed one) and may hold at most so much memory (RLIMIT_DATA: a query that
needs more fails in the worker, not in the machine).
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import time

_INTERNET = (socket.AF_INET, socket.AF_INET6)


def forbid_network() -> bool:
    """Make this process (and its threads) unable to open Internet sockets. Whether it could:
    False where seccomp is not available (not Linux, or no libseccomp)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError):  # the binding, or libseccomp.so.2, is missing
        return False
    refused = seccomp.ERRNO(errno.EACCES)
    syscall_filter = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for family in _INTERNET:
        syscall_filter.add_rule(refused, "socket", seccomp.Arg(0, seccomp.EQ, family))
    syscall_filter.add_rule(seccomp.ERRNO(errno.ENOSYS), "io_uring_setup")
    syscall_filter.load()
    return True


def die_with_parent(every: float = 1.0) -> None:
    """End this process soon after the process that started it has ended: a thread looks
    every `every` seconds (the engine releases the GIL while it evaluates, so the thread runs
    during a query). Not PR_SET_PDEATHSIG: that fires when the parent's *thread* that started
    this process ends, and the pool starts replacements from short-lived threads."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="mhkg-parent-watch", daemon=True).start()


def limit_memory(megabytes: int) -> None:
    """Cap this process's data (heap and anonymous mappings) at `megabytes`; 0: no cap."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # not on POSIX
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
