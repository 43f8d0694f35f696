"""The web application (``kronika serve``, ``kronika demo``): pages and a JSON API over the store.

    from kronika.web import WebApp, serve, running

    WebApp(store)                      # a WSGI application over an open Store
    serve(store, host, port)           # serve until Ctrl+C (waitress: worker pool, timeouts, backlog)
    with running(store) as url: ...    # a server on a free port in a background thread
    TileLayer.checked(url, attribution) # an online base map the map may offer (tiles=…), off by default

Modules: :mod:`.app` (routing, security headers, static files), :mod:`.pages` (HTML), :mod:`.api`
(JSON), :mod:`.markup` (escaping), :mod:`.server`; ``static/`` holds the only CSS and JS, no CDN.
"""

from kronika.web.app import WebApp
from kronika.web.editing import TileLayer
from kronika.web.server import running, serve

__all__ = ["TileLayer", "WebApp", "running", "serve"]
