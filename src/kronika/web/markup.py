"""Safe HTML building: text is escaped unless it is already :class:`Html`, so document text cannot inject markup."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlencode

from kronika.export.markup import xml_safe


class Html(str):
    """A fragment of markup that is safe to emit as it is."""

    __slots__ = ()


def esc(value: object) -> Html:
    """``value`` as HTML: unchanged if already :class:`Html`, else escaped (quotes included), without the
    control characters no HTML or XML parser accepts."""
    if isinstance(value, Html):
        return value
    return Html(escape(xml_safe("" if value is None else str(value)), quote=True))


def _argument(value: object) -> object:
    # Numbers pass through so that format specs such as {:.1f} still apply; they cannot carry markup.
    return value if isinstance(value, int | float) else esc(value)


def h(template: str, *args: object, **kwargs: object) -> Html:
    """``template.format`` with every argument escaped (see :func:`esc`); the template itself is trusted."""
    return Html(template.format(*(_argument(a) for a in args), **{k: _argument(v) for k, v in kwargs.items()}))


def join(parts: Iterable[object], separator: str = "") -> Html:
    return Html(separator.join(esc(part) for part in parts))


def url(path: str, **query: object) -> str:
    """A local URL with a query string of the non-empty parameters (escape it with :func:`esc` to emit)."""
    params = {key: str(value) for key, value in query.items() if value not in (None, "")}
    return f"{path}?{urlencode(params)}" if params else path
