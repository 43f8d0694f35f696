from kronika.lang.tokens import CLOSING_QUOTES, CLOSING_QUOTES_OF, OPENING_QUOTES, QUOTES


def test_each_opening_mark_knows_its_closing_ones():
    assert CLOSING_QUOTES_OF["„"] == {"”", "“", '"'}  # Polish, German and OCR's straight close
    assert CLOSING_QUOTES_OF["«"] == {"»"}
    assert CLOSING_QUOTES_OF["»"] == {"«"}  # the Prussian partition's reversed guillemets
    assert CLOSING_QUOTES_OF["‚"] == {"’"}


def test_marks_that_both_open_and_close():
    assert OPENING_QUOTES & CLOSING_QUOTES == {'"', "«", "»", "“"}
    assert QUOTES == OPENING_QUOTES | CLOSING_QUOTES
