"""Serving the WSGI application with waitress: an event loop that reads requests (so slow or idle clients
hold no worker), a bounded pool of worker threads, a real listen backlog and idle-connection timeouts."""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import time
import webbrowser
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from waitress import wasyncore
from waitress.server import create_server as create_waitress_server

from kronika.errors import KronikaError
from kronika.store import Store
from kronika.web.app import LOOPBACK_HOSTS, StartResponse, WebApp
from kronika.web.editing import TileLayer

WORKER_THREADS = 8  # requests handled at once; more wait in the queue, never in new threads
LISTEN_BACKLOG = 1024  # connections the kernel queues before accept (the old default of 5 dropped them)
CONNECTION_LIMIT = 1000  # open connections at once; more wait in the backlog
IDLE_TIMEOUT = 30  # seconds an idle or half-sent connection is kept
MAX_REQUEST_HEADERS = 64 * 1024  # bytes; only GET/HEAD are served, so no request needs more
MAX_REQUEST_BODY = 64 * 1024
CACHE_ENTRIES = 512  # rendered answers kept in memory while the store is unchanged
CACHE_BYTES = 64 * 1024 * 1024
CACHE_CHECK_SECONDS = 0.5  # how stale a page may be after another process stores a document


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


class _RequestLog:
    """One short line per request on stderr: client, method, path, status."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        def logging_start_response(status: str, headers: list[tuple[str, str]]) -> Any:
            path = environ.get("PATH_INFO", "")
            query = environ.get("QUERY_STRING", "")
            line = f"{environ.get('REMOTE_ADDR', '-')} {environ.get('REQUEST_METHOD', '-')} " \
                   f"{path}{'?' + query if query else ''} {status.split(' ', 1)[0]}"
            sys.stderr.write(line.encode("ascii", "backslashreplace").decode("ascii")[:500] + "\n")
            return start_response(status, headers)
        return self.app(environ, logging_start_response)


class _ResponseCache:
    """Rendered GET/HEAD answers kept while the store is unchanged: a page is computed once, then served
    from memory until any process stores or deletes a document (checked at most every ``check_every``
    seconds). Bounded in entries and bytes; exports and errors are never kept."""

    def __init__(self, app: Callable[..., Iterable[bytes]], store: Store, entries: int = CACHE_ENTRIES,
                 size: int = CACHE_BYTES, check_every: float = CACHE_CHECK_SECONDS) -> None:
        self.app, self.store = app, store
        self.entries, self.size, self.check_every = entries, size, check_every
        self._answers: OrderedDict[tuple[str, ...], tuple[str, list[tuple[str, str]], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._fingerprint: tuple[Any, ...] | None = None
        self._checked = 0.0

    def _current(self) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._checked < self.check_every:
                return
            self._checked = now
        try:
            fingerprint = self.store.fingerprint()
        except KronikaError:
            fingerprint = None  # the store cannot be read: keep nothing, let the app answer
        with self._lock:
            if fingerprint is None or fingerprint != self._fingerprint:
                self._answers.clear()
                self._bytes = 0
            self._fingerprint = fingerprint

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        if method not in ("GET", "HEAD") or "/export/" in path:
            if method not in ("GET", "HEAD"):  # a correction may change what every page shows
                with self._lock:
                    self._answers.clear()
                    self._bytes = 0
                    self._checked = 0.0
            return self.app(environ, start_response)
        self._current()
        # the credentials are part of the key: an answer is only ever given again to the same access
        key = (method, path, environ.get("QUERY_STRING", ""), environ.get("HTTP_HOST", ""),
               environ.get("HTTP_COOKIE", ""), environ.get("HTTP_AUTHORIZATION", ""))
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
        if found is not None:
            start_response(found[0], list(found[1]))
            return [found[2]]
        answer: dict[str, Any] = {}

        def recording_start_response(status: str, headers: list[tuple[str, str]]) -> Any:
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers)

        body = b"".join(self.app(environ, recording_start_response))
        if answer.get("status", "").startswith("200") and len(body) <= self.size // 16:
            with self._lock:
                if self._fingerprint is not None and key not in self._answers:
                    self._answers[key] = (answer["status"], list(answer["headers"]), body)
                    self._bytes += len(body)
                    while len(self._answers) > self.entries or self._bytes > self.size:
                        self._bytes -= len(self._answers.popitem(last=False)[1][2])
        return [body]


class Server:
    """A bound server, not yet serving: :meth:`serve_forever` serves, :meth:`shutdown` stops it from
    another thread, :meth:`server_close` releases everything."""

    def __init__(self, app: Callable[..., Iterable[bytes]], sock: socket.socket) -> None:
        self.socket_map: dict[int, Any] = {}
        self.server_address = sock.getsockname()
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        self._waitress = create_waitress_server(
            app, map=self.socket_map, sockets=[sock], threads=WORKER_THREADS, backlog=LISTEN_BACKLOG,
            connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT, cleanup_interval=5,
            max_request_header_size=MAX_REQUEST_HEADERS, max_request_body_size=MAX_REQUEST_BODY,
            asyncore_use_poll=True, ident="kronika", expose_tracebacks=False, log_socket_errors=False)

    def serve_forever(self) -> None:
        self._stopped.clear()
        try:
            while not self._stopping.is_set():
                wasyncore.loop(timeout=0.5, map=self.socket_map, use_poll=True, count=1)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` (called from another thread) and wait until it has stopped."""
        self._stopping.set()
        self._waitress.pull_trigger()
        self._stopped.wait()

    def server_close(self) -> None:
        self._waitress.task_dispatcher.shutdown()
        wasyncore.close_all(self.socket_map)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(LISTEN_BACKLOG)
    except OSError as error:
        sock.close()
        reason = "the port is in use; choose another with --port" if error.errno == errno.EADDRINUSE \
            else error.strerror or str(error)
        raise KronikaError(f"cannot listen on {host}:{port}: {reason}") from None
    except OverflowError:
        sock.close()
        raise KronikaError(f"cannot listen on {host}:{port}: not a port number") from None
    return sock


def create_server(store: Store, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
                  user: str | None = None, token: str | None = None, tiles: TileLayer | None = None) -> Server:
    """A server bound to ``host:port`` (port 0: any free port), not yet serving. Beyond loopback a
    ``token`` is required (every request must carry it); ``user`` signs the corrections made; ``tiles``
    is an online base map the map offers (off until chosen)."""
    if not is_loopback(host) and not token:
        raise KronikaError(f"listening on {host} exposes the store to the network: give a --token "
                           "(or set KRONIKA_TOKEN) that every request must carry")
    allowed = None if not is_loopback(host) else LOOPBACK_HOSTS | {host}
    app = _ResponseCache(WebApp(store, allowed, user, token, tiles), store)
    return Server(app if quiet else _RequestLog(app), _bind(host, port))


def server_url(server: Server) -> str:
    host, port = server.server_address[:2]
    return f"http://[{host}]:{port}/" if ":" in str(host) else f"http://{host}:{port}/"


def has_display() -> bool:
    """Whether a graphical browser can open: on Linux without a display, :mod:`webbrowser` would start a
    text browser inside the terminal the server is logging to."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000, start_path: str | None = None,
          open_browser: bool = False, echo: Callable[[str], object] = print, user: str | None = None,
          token: str | None = None, tiles: TileLayer | None = None) -> None:
    """Serve until Ctrl+C, announcing the URL (and the page ``start_path``, opened in a browser when
    ``open_browser``)."""
    server = create_server(store, host, port, user=user, token=token, tiles=tiles)
    try:  # Ctrl+C at any moment from here on is the normal way to stop
        url = server_url(server)
        echo(f"Kronika: {url}  (Ctrl+C kończy)")
        if token:
            echo(f"Dostęp tylko z tokenem: {url}?token=…")
        start_url = url.rstrip("/") + start_path if start_path else url
        if start_path:
            echo(f"Otwórz: {start_url}")
        if open_browser:
            webbrowser.open(start_url)
        server.serve_forever()
    except KeyboardInterrupt:
        echo("Zatrzymano.")
    finally:
        server.server_close()


@contextmanager
def running(store: Store, host: str = "127.0.0.1", port: int = 0, user: str | None = None,
            token: str | None = None, tiles: TileLayer | None = None) -> Iterator[str]:
    """A server on a background thread for the duration of the block; yields its URL (tests, scripts)."""
    server = create_server(store, host, port, quiet=True, user=user, token=token, tiles=tiles)
    thread = threading.Thread(target=server.serve_forever, name="kronika-web", daemon=True)
    thread.start()
    try:
        yield server_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
