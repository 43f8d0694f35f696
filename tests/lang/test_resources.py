"""The shared reader of packaged data files: comments and blank lines, field counts, headers, errors."""

from __future__ import annotations

import pytest

from kronika.lang.resources import Row, data_lines, parse_table, read_table, read_text

COLUMNS = ("adjective", "region")


def test_data_lines_skip_comments_and_blank_lines_and_keep_numbers() -> None:
    text = "# source: SGJP, licence\n\nfirst\n   \n  indented # not a comment\n#second\nlast\t\n"
    assert list(data_lines(text)) == [(3, "first"), (5, "  indented # not a comment"), (7, "last\t")]


@pytest.mark.parametrize(("text", "columns", "options", "rows"), [
    ("# header\na\tb\n\nc\td\n", 2, {}, [Row(2, ["a", "b"]), Row(4, ["c", "d"])]),
    ("a\tb\tc\nd\n", None, {}, [Row(1, ["a", "b", "c"]), Row(2, ["d"])]),
    ("# c\nadjective\tregion\npoleski\tPolesie\n", COLUMNS, {"header": True}, [Row(3, ["poleski", "Polesie"])]),
    ("poleski\tPolesie\n", COLUMNS, {}, [Row(1, ["poleski", "Polesie"])]),
    ("a\t\n", 2, {}, [Row(1, ["a", ""])]),
])
def test_parse_table(text: str, columns: int | tuple[str, ...] | None, options: dict[str, bool],
                     rows: list[Row]) -> None:
    assert parse_table(text, "test.tsv", columns, **options) == rows


@pytest.mark.parametrize(("text", "columns", "options", "message"), [
    ("# c\na\tb\nc\n", 2, {}, r"^test\.tsv line 3: 1 fields, expected 2 tab-separated fields$"),
    ("a\tb\tc\n", COLUMNS, {}, r"^test\.tsv line 1: 3 fields, expected adjective<TAB>region$"),
    ("a\t\n", 2, {"non_empty": True}, r"^test\.tsv line 1: empty field$"),
    ("\nregion\tadjective\n", COLUMNS, {"header": True}, r"^test\.tsv line 2: header must be adjective<TAB>region$"),
    ("# only comments\n", COLUMNS, {"header": True}, r"^test\.tsv: no header$"),
])
def test_parse_table_names_file_and_line(text: str, columns: int | tuple[str, ...], options: dict[str, bool],
                                         message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_table(text, "test.tsv", columns, **options)


def test_a_header_needs_column_names() -> None:
    with pytest.raises(TypeError):
        parse_table("a\tb\n", "test.tsv", 2, header=True)


def test_read_table_reads_a_packaged_file() -> None:
    rows = read_table("kronika.qa", "resources/pl/question_words.tsv", 2)
    text = read_text("kronika.qa", "resources/pl/question_words.tsv")
    assert text.startswith("#")  # every data file opens with its source and licence
    assert rows and all(len(row.fields) == 2 for row in rows)
    assert rows[0].number == next(data_lines(text))[0]


def test_read_table_error_names_the_file_not_its_path() -> None:
    with pytest.raises(ValueError, match=r"^question_words\.tsv line \d+: 2 fields, expected 3"):
        read_table("kronika.qa", "resources/pl/question_words.tsv", 3)
