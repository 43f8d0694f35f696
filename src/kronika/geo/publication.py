"""Where a document's periodical appeared: the place its input gives, or the city of a known title
(``resources/pl/periodicals.tsv``). Its readers knew that city, so its news of a namesake village most
likely means the one near it: a weak prior for the resolver (``geo.resolve``), weaker than the text's own
places."""

from __future__ import annotations

from functools import lru_cache

from kronika.lang.fold import fold
from kronika.lang.orthography import modernised
from kronika.lang.resources import parse_table, read_text
from kronika.model import Document


@lru_cache(maxsize=1)
def periodical_cities() -> tuple[tuple[str, str], ...]:
    """(folded title, city) of the packaged table, longest title first."""
    rows = read_text("kronika.geo", "resources/pl/periodicals.tsv")
    titles = [(fold(modernised(title)), city) for _, (spellings, city) in parse_table(
        rows, "periodicals.tsv", ("title", "city"), header=True) for title in spellings.split("|")]
    return tuple(sorted(titles, key=lambda row: -len(row[0])))


def periodical_city(journal: str) -> str | None:
    """The city a periodical appeared in, by the start of its title: ``'Kurjer Wileński : Niezależny
    Organ Demokratyczny'`` → Wilno; None for a title not listed."""
    folded = fold(modernised(" ".join(journal.split())))
    for title, city in periodical_cities():
        if folded.startswith(title) and not folded[len(title):len(title) + 1].isalnum():
            return city
    return None


def publication_city(document: Document) -> str | None:
    """Where the document's periodical appeared: its stated place of publication, else the city of its
    title; None when the input says neither."""
    return document.pub_place or (periodical_city(document.journal) if document.journal else None)
