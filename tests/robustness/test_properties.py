"""Property tests: whatever the bytes, documents, JSONL lines or query parameters, Kronika answers with a
result or its own one-line error, never an exception of another kind; offsets always slice back."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
import warnings
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.errors import InputError
from kronika.pipeline import analyze
from kronika.text.reader import decode, parse_jsonl
from kronika.timex.values import is_timex3_value
from kronika.web.app import API, PAGES, WebApp
from tests.store.conftest import Spec, build_analysis, fresh_store

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

POLISH_TEXT = st.lists(
    st.one_of(
        st.sampled_from(list("aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘŁŃÓŚŹŻ0123456789 .,;:-–—„”()\n\t")),
        st.sampled_from(["1939", " roku ", " września ", " we Lwowie ", " gen. ", "Armia Czerwona", " 17 IX ",
                         " dnia ", " nazajutrz ", " w 1920 r. ", "Wilno", " przed 5 laty ", "\u2028", "\u00ad"]),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=60,
).map("".join)


def _quietly(function: Any, *args: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args)


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = _quietly(decode, data)
    except InputError as error:
        assert "\n" not in str(error)
        return
    text.encode("utf-8")  # no lone surrogates left
    assert "\x00" not in text and "\r" not in text


@FAST
@given(POLISH_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    text = text.replace("\r", "").replace("\x00", "")
    if not text.strip() or (encoding.startswith("utf-16") and sum(c < "\u0100" for c in text) < len(text) / 2):
        return  # UTF-16 without a BOM is recognised by its NUL bytes: mostly Latin text
    try:
        decoded = _quietly(decode, text.encode(encoding))
    except InputError:
        assert encoding in ("utf-16-le", "utf-16-be")  # too little text to tell it from binary
        return
    assert decoded == unicodedata.normalize("NFC", text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {"text": POLISH_TEXT},
    optional={"id": st.one_of(st.text(max_size=10), st.integers(), JSON_VALUES), "title": JSON_VALUES,
              "dct": st.one_of(st.dates().map(str), st.text(max_size=12), JSON_VALUES)},
)


@FAST
@given(st.lists(st.one_of(RECORDS, JSON_VALUES, st.text(max_size=40)), min_size=1, max_size=5))
def test_any_jsonl_gives_documents_or_a_named_line(lines: list[Any]) -> None:
    data = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    try:
        documents = _quietly(lambda: list(parse_jsonl(data, "test.jsonl")))
    except InputError as error:
        message = str(error)
        assert "\n" not in message and message.startswith("test.jsonl")
        return
    for document in documents:
        assert document.text.strip() and document.text.encode("utf-8")
        assert document.dct is None or is_timex3_value(document.dct)


@settings(max_examples=25, deadline=None)
@given(POLISH_TEXT, st.one_of(st.none(), st.dates(min_value=dt.date(1000, 1, 1),
                                                  max_value=dt.date(2999, 12, 31)).map(str)))
def test_any_document_analyses_and_offsets_slice_back(text: str, dct: str | None) -> None:
    try:
        [document] = _quietly(lambda: list(parse_jsonl(json.dumps({"text": text, "dct": dct}), "t")))
    except InputError:
        assert not text.strip()
        return
    analysis = analyze(document)
    body = analysis.document.text
    for sentence in analysis.sentences:
        assert 0 <= sentence.start < sentence.end <= len(body)
    for item in analysis.entities + analysis.timexes:
        assert body[item.start:item.end] == item.text
    for timex in analysis.timexes:
        assert is_timex3_value(timex.value), timex
    for event in analysis.events:
        assert body[event.trigger_start:event.trigger_end] == event.trigger_text


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebApp]:
    with fresh_store(request.param, tmp_path_factory.mktemp("props")) as store:
        store.ingest(build_analysis(Spec(
            "Dnia 17 września 1939 roku Armia Czerwona weszła do Lwowa.", name="lwow",
            entities=[("Lwowa", "PLACE", "Lwów", "place:lwow", None)],
            timexes=[("17 września 1939 roku", "1939-09-17")],
            events=[{"trigger": "weszła", "type": "occupation", "timex": "17 września 1939 roku",
                     "places": ["Lwów"]}])))
        yield WebApp(store)


PARAMETERS = st.dictionaries(
    st.sampled_from(["q", "type", "place", "ref", "from", "to", "name", "document", "limit", "x"]),
    st.one_of(st.text(max_size=30), st.sampled_from(["1939", "1939-09", "1939-02-30", "-1", "1e9", "9" * 30,
                                                     "PLACE", "battle", "Lwowie", "place:lwow", "%00", "\x00"])),
    max_size=4,
)


def _call(app: WebApp, path: str, query: str) -> str:
    answer: dict[str, str] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answer["status"] = status

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1"}
    b"".join(app(environ, start_response))
    return answer["status"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(set(PAGES) | set(API))), PARAMETERS)
def test_any_query_parameters_are_answered(app: WebApp, path: str, parameters: dict[str, str]) -> None:
    status = _call(app, path, urlencode(parameters))
    assert status.split()[0] in ("200", "400", "404"), (path, parameters, status)


@pytest.mark.parametrize("data", [b"\xed\xa0\x80", b"abc \xe0\x80\x80 def", b"\xed\xbf\xbf\xc5\x82"])
def test_encoded_surrogates_and_overlong_forms_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError as error:
        assert "\n" not in str(error)
        return
    text.encode("utf-8")
