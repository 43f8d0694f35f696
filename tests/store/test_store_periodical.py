"""A document's periodical and its place are stored and read back; a store made before they were kept gains
the columns on opening, its documents with none; ``kronika ingest`` takes them for plain files."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import text

from kronika.cli import cli
from kronika.store import Store


def _periodical(store: Store, document_id: str) -> tuple[str | None, str | None]:
    analysis = store.document_analysis(document_id)
    assert analysis is not None
    return analysis.document.journal, analysis.document.pub_place


def test_the_periodical_is_stored_and_read_back(store, build) -> None:
    analysis = build("Wczoraj w Oszmianie był jarmark.")
    analysis.document.journal, analysis.document.pub_place = "Kurjer Wileński", "Wilno"
    document_id = store.ingest(analysis)
    assert _periodical(store, document_id) == ("Kurjer Wileński", "Wilno")
    (record,) = store.documents()
    assert (record.journal, record.pub_place) == ("Kurjer Wileński", "Wilno")
    assert record.to_json()["journal"] == "Kurjer Wileński"


def test_an_older_store_gains_the_columns(store, build) -> None:
    old_id = store.ingest(build("Wczoraj w Oszmianie był jarmark.", name="old"))
    with store.engine.begin() as connection:  # the store as it was made before documents kept a periodical
        connection.execute(text("ALTER TABLE documents DROP COLUMN journal"))
        connection.execute(text("ALTER TABLE documents DROP COLUMN pub_place"))
        connection.execute(text("DELETE FROM store_info WHERE key = 'schema_source'"))  # nor a schema digest
    url = store.url
    with Store.open(url) as reopened:
        assert _periodical(reopened, old_id) == (None, None)
        new = build("Dziś w Brodach spadł śnieg.", name="new")
        new.document.journal = "Gazeta Lwowska"
        new_id = reopened.ingest(new)
        assert _periodical(reopened, new_id) == ("Gazeta Lwowska", None)


def test_ingest_takes_the_periodical_of_plain_files(tmp_path) -> None:
    note = tmp_path / "notatka.txt"
    note.write_text("WARSZAWA, 3 marca (PAT). Wczoraj w Oszmianie był jarmark.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'kronika.sqlite'}"
    result = CliRunner().invoke(cli, ["ingest", str(note), "--db", db, "--journal", "Kurjer Wileński",
                                      "--pub-place", "Wilno", "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        (record,) = store.documents()
        assert (record.journal, record.pub_place) == ("Kurjer Wileński", "Wilno")
