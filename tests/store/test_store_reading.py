"""Reading documents back for questions: several at once, through indexes that stores made before the
indexes existed also get when opened."""

import subprocess
import sys

from sqlalchemy import inspect, text

from kronika.store import Store, schema

FIRST = "Sejm zebrał się 2 października 1939 roku w Warszawie. Posłowie obradowali do wieczora."
SECOND = "Wojsko walczyło pod Kockiem 5 października 1939 roku. Poległo około 300 żołnierzy."
NEW_INDEXES = {"ix_tokens_document", "ix_quantities_document", "ix_quantities_event", "ix_documents_ingested",
               "ix_corrections_kind"}


def _documents(store, build):
    first = store.ingest(build(FIRST, name="a", entities=[("Warszawie", "PLACE", "Warszawa", None, None)],
                               timexes=[("2 października 1939 roku", "1939-10-02")],
                               events=[{"trigger": "zebrał", "type": "meeting", "timex": "2 października 1939 roku",
                                        "places": ["Warszawa"]}]))
    second = store.ingest(build(SECOND, name="b", entities=[("Kockiem", "PLACE", "Kock", None, None)],
                                timexes=[("5 października 1939 roku", "1939-10-05")],
                                events=[{"trigger": "walczyło", "type": "battle", "places": ["Kock"]}]))
    return first, second


def test_several_documents_read_at_once_equal_each_read_alone(store, build):
    first, second = _documents(store, build)
    together = store.document_analyses([second, "missing", first, second])
    assert set(together) == {first, second}
    for document in (first, second):
        alone = store.document_analysis(document)
        assert alone is not None
        assert together[document].to_json() == alone.to_json()
        assert [[t.text for t in s.tokens] for s in together[document].sentences] == \
            [[t.text for t in s.tokens] for s in alone.sentences]
    assert [q.text for q in together[second].quantities] == ["około 300 żołnierzy"]
    assert [e.places[0].lemma for e in together[first].events] == ["Warszawa"]
    assert store.document_analyses([]) == {}
    assert store.document_analysis("missing") is None


def test_documents_read_without_their_events_differ_in_nothing_else(store, build):
    first, second = _documents(store, build)
    whole = store.document_analyses([first, second])
    without = store.document_analyses([first, second], events=False)
    for document in (first, second):
        assert whole[document].events and not without[document].events
        assert {**without[document].to_json(), "events": []} == {**whole[document].to_json(), "events": []}


def test_an_older_store_gets_the_new_indexes_when_opened(store, build):
    _documents(store, build)
    with store.engine.begin() as connection:
        for table in schema.metadata.sorted_tables:
            for index in table.indexes:
                if index.name in NEW_INDEXES:
                    connection.execute(text(f"DROP INDEX {index.name}"))
        # made by a code whose schema had not these indexes: its recorded digest is not this code's
        connection.execute(text("UPDATE store_info SET value = 'older:2' WHERE key = 'schema_source'"))
    url = store.url
    with Store.open(url) as reopened:
        inspector = inspect(reopened.engine)
        names = {i["name"] for table in ("tokens", "quantities", "documents", "corrections")
                 for i in inspector.get_indexes(table)}
        assert NEW_INDEXES <= names
        assert len(reopened.documents()) == 2


def test_a_documents_tokens_and_quantities_are_read_through_an_index(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store, store.engine.connect() as connection:
        for query in ("SELECT start, text FROM tokens WHERE document_id = 'a' ORDER BY start",
                      "SELECT * FROM quantities WHERE document_id = 'a'",
                      "SELECT * FROM quantities WHERE event_id IN (1, 2)"):
            plan = " ".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}")))
            assert "USING INDEX" in plan and "SCAN" not in plan and "TEMP B-TREE" not in plan, (query, plan)


def test_opening_the_store_for_questions_imports_no_file_reader():
    """``kronika ask`` starts faster without the TEI and HTML readers, which only ingest needs."""
    code = "import sys, kronika.qa, kronika.store; print('kronika.text.reader' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_a_document_pages_corrections_are_read_through_indexes(tmp_path):
    # its own corrections by document, the entity corrections (shown on every page) by kind: no scan of the log
    query = ("SELECT * FROM corrections WHERE undone_at IS NULL "
             "AND (document_id = 'a' OR kind IN ('entity', 'merge', 'place', 'link'))")
    with Store.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as store, store.engine.connect() as connection:
        plan = " ".join(row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}")))
    assert "ix_corrections_document" in plan and "ix_corrections_kind" in plan and "SCAN" not in plan, plan


QUESTION_WITHOUT_SQLALCHEMY = """
import sys
from kronika.qa import answer
from kronika.store import Store
with Store.open(sys.argv[1]) as store:
    found = answer(store, "Kiedy zebrał się Sejm?")
    hits = store.search("Kock", type="battle", date_from="1939-10")
print(found[0].text if found else "nie wiem", [hit.citation.document for hit in hits], "sqlalchemy" in sys.modules)
"""


def test_a_question_on_a_sqlite_store_this_code_made_needs_no_sqlalchemy(tmp_path, build):
    """``kronika ask`` starts in half the time: the store's reads on the way to an answer are its plain SQL on
    the standard library's sqlite3, and a store whose schema this code made opens without any DDL."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with Store.open(url) as store:
        _, second = _documents(store, build)
    found = subprocess.run([sys.executable, "-c", QUESTION_WITHOUT_SQLALCHEMY, url], capture_output=True, text=True,
                           check=True)
    assert found.stdout.split() == ["2", "października", "1939", f"['{second}']", "False"]


def test_a_store_opened_without_sqlalchemy_still_writes(tmp_path, build):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with Store.open(url) as store:
        first, second = _documents(store, build)
    with Store.open(url) as reopened:
        assert reopened.delete_document(first)
        assert [d.id for d in reopened.documents()] == [second]
        assert reopened.search("Sejm") == []
        assert _documents(reopened, build) == (first, second)
        assert [hit.citation.document for hit in reopened.search("Sejm")] == [first]
