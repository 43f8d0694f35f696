"""Serving the WSGI application with the standard library: a threaded ``wsgiref`` server."""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from kronika.errors import KronikaError
from kronika.store import Store
from kronika.web.app import LOOPBACK_HOSTS, WebApp


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # an open browser tab must not keep the process alive after Ctrl+C


class _ThreadingServer6(_ThreadingServer):
    address_family = socket.AF_INET6


class _RequestLog(WSGIRequestHandler):
    """One short line per request on stderr (none when ``quiet``)."""

    quiet = False

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


class _QuietLog(_RequestLog):
    quiet = True


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def create_server(store: Store, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False,
                  user: str | None = None, token: str | None = None) -> WSGIServer:
    """A server bound to ``host:port`` (port 0: any free port), not yet serving. Beyond loopback a
    ``token`` is required (every request must carry it); ``user`` signs the corrections made."""
    if not is_loopback(host) and not token:
        raise KronikaError(f"listening on {host} exposes the store to the network: give a --token "
                           "(or set KRONIKA_TOKEN) that every request must carry")
    allowed = None if not is_loopback(host) else LOOPBACK_HOSTS | {host}
    server_class = _ThreadingServer6 if ":" in host else _ThreadingServer
    try:
        return make_server(host, port, WebApp(store, allowed, user, token), server_class=server_class,
                           handler_class=_QuietLog if quiet else _RequestLog)
    except OSError as error:
        reason = "the port is in use; choose another with --port" if error.errno == errno.EADDRINUSE \
            else error.strerror or str(error)
        raise KronikaError(f"cannot listen on {host}:{port}: {reason}") from None


def server_url(server: WSGIServer) -> str:
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
          token: str | None = None) -> None:
    """Serve until Ctrl+C, announcing the URL (and the page ``start_path``, opened in a browser when
    ``open_browser``)."""
    server = create_server(store, host, port, user=user, token=token)
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
            token: str | None = None) -> Iterator[str]:
    """A server on a background thread for the duration of the block; yields its URL (tests, scripts)."""
    server = create_server(store, host, port, quiet=True, user=user, token=token)
    thread = threading.Thread(target=server.serve_forever, name="kronika-web", daemon=True)
    thread.start()
    try:
        yield server_url(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
