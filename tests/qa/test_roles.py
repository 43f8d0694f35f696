"""Reading roles in press notes written for these tests: the subject beside a participle's agent, the
accusative that equals the genitive, a title before a name the name stage took for a place, an unknown
name after the asked preposition, a name in apposition to the asked noun, names the sentence splitter cut
after an abbreviation, the place a relative *gdzie* refers to and numbers grouped by dots."""

from __future__ import annotations

import pytest

from kronika.model import Document
from kronika.pipeline import analyze
from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1930-05-02", "Inżynier Tadeusz Brzoza, kierownik cukrowni przez hr. Zamoyskiego w Klemensowie założonej, "
                   "zbudował nową suszarnię buraków."),
    ("1930-05-03", "Na posiedzeniu rady miejskiej w Kaliszu prezesem wybrano inż. Stanisława Mroczka, sekretarzem "
                   "zaś p. Józefa Lisa."),
    ("1930-05-04", "Redaktorem tygodnika „Rola” jest p. J. Kalisz. Tygodnik wychodzi w Warszawie."),
    ("1930-05-05", "Konsul Ahmed Rustem odjechał wczoraj do Erzerum."),
    ("1930-05-06", "Minister Jan Kwapiński przybył do Lwowa i zamieszkał w hotelu Krantz."),
    ("1930-05-07", "Norwegia otrzymała wczoraj notę rządu brytyjskiego."),
    ("1930-05-08", "Komitet wystawy otworzył w Poznaniu biuro, na którego czele stanął p. Wład. Kosiński."),
    ("1930-05-09", "Po nabożeństwie delegaci przeszli do gmachu starostwa, gdzie odbyło się zebranie cechów."),
    ("1930-05-10", "Parafianie zebrali 12.500 złr. na odbudowę dzwonnicy."),
    ("1930-05-12", "Konsul Jan Wierzba bawi obecnie w Gdańsku i wkrótce odjedzie do Rygi."),
    ("1930-05-13", "Sąd okręgowy skazał podpalacza stodoły na 6 lat więzienia."),
    ("1930-05-14", "Walne zebranie kółka rolniczego odbyło się pod przewodnictwem dyrek. Karpińskiego."),
    ("1930-05-15", "Nazajutrz delegaci złożyli wieniec na grobie Nieznanego Żołnierza."),
    ("1930-05-16", "Odczyt o hodowli pszczół wygłosi w niedzielę dr Hausbrandt."),
    ("1930-05-17", "Poselstwo duńskie przesłało notę departamentowi stanu."),
    ("1930-05-18", "Do sądu w Radomiu stawił się wczoraj oskarżony."),
    ("1930-05-19", "W zeszłym roku utonęło w Wiśle 31 mężczyzn i 6 kobiet, ogółem 37 osób."),
    ("1930-05-20", "Z Gdyni wypłynęło wczoraj sześciu marynarzy, których wysłano do Argentyny na budowę portu."),
    ("1930-05-21", "Adres redakcji: Kalisz, ul. Długa 5. Wydawcą kalendarza jest p. B . Wiśniewski."),
    ("1930-05-22", "Sąd przysięgłych skazał fałszerza weksli na 3 do 5 lat więzienia."),
    ("1930-05-23", "Wycieczka nauczycieli z Łodzi zwiedzi w lipcu Kraków i Wieliczkę."),
    ("1930-05-24", "Ochotnicy straży pożarnej wyjechali do Lwowa, Stanisławowa oraz Tarnopola."),
    ("1930-05-25", "Na zjeździe cechów przemawiali p. Jan Kowal i p. Piotr Nowak."),
]



@pytest.mark.parametrize(("question", "expected"), [
    ("Kto zbudował nową suszarnię buraków?", "Tadeusz Brzoza"),  # not the agent of the participle
    ("Kogo wybrano prezesem rady miejskiej?", "Stanisław Mroczek"),  # "Stanisława": genitive = accusative
    ("Kto jest redaktorem tygodnika „Rola”?", "Kalisz"),  # a surname that is also a town, after "p."
    ("Dokąd odjechał konsul Ahmed Rustem?", "Erzerum"),  # a foreign name after "do"
    ("W którym hotelu zamieszkał minister Kwapiński?", "Krantz"),  # in apposition to "hotel"
    ("Który kraj otrzymał notę rządu brytyjskiego?", "Norwegia"),  # a subject, not a place where
    ("Kto stanął na czele biura komitetu wystawy?", "Kosiński"),  # "Wład." cut off by the splitter
    ("Gdzie odbyło się zebranie cechów?", "gmachu starostwa"),  # the phrase a relative "gdzie" refers to
    ("Ile zebrali parafianie na odbudowę dzwonnicy?", "12500"),  # thousands grouped by a dot
    ("Kto jest wydawcą kalendarza?", "Wiśniewski"),  # an initial written apart from its dot
    ("Dokąd odjedzie konsul Wierzba?", "Ryga"),  # "w Gdańsku": the locative says where, not whither
    ("Na ile lat skazano podpalacza stodoły?", "6"),  # a duration in the asked unit
    ("Pod czyim przewodnictwem odbyło się walne zebranie kółka rolniczego?", "Karpiński"),  # "dyrek." cut
    ("Na czyim grobie delegaci złożyli wieniec?", "Nieznanego Żołnierza"),  # a name of two words
    ("Kto wygłosi odczyt o hodowli pszczół?", "Hausbrandt"),  # an unknown name after a title
    ("Komu poselstwo duńskie przesłało notę?", "departamentowi stanu"),  # a noun with its genitive
    ("Kto stawił się do sądu w Radomiu?", "oskarżony"),  # an adjective standing for a noun
    ("Ile osób utonęło w Wiśle w zeszłym roku?", "37"),  # the total, not its parts
    ("Dokąd wysłano marynarzy?", "Argentyna"),  # the place of the asked verb, not of another
])
def test_role_gives_the_answer(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in str(answers[0].value), (question, [(a.text, a.value) for a in answers])


@pytest.mark.parametrize(("question", "expected"), [
    ("Jakie miasta zwiedzi wycieczka nauczycieli z Łodzi?", {"Kraków", "Wieliczka"}),
    ("Dokąd wyjechali ochotnicy straży pożarnej?", {"Lwów", "Stanisławów", "Tarnopol"}),
    ("Kto przemawiał na zjeździe cechów?", {"Jan Kowal", "Piotr Nowak"}),  # titles before each
])
def test_coordinated_phrases_are_answered_together(store: Store, question: str, expected: set[str]) -> None:
    answers = answer(store, question)
    assert expected <= {str(a.value) for a in answers}, [(a.text, a.value) for a in answers]
    assert len({a.confidence for a in answers if str(a.value) in expected}) == 1  # one role, one support


def test_a_range_of_years_is_read_whole(store: Store) -> None:
    answers = answer(store, "Na ile lat skazano fałszerza weksli?")
    assert answers and answers[0].text == "3–5"


def test_a_rival_answer_keeps_the_confidence_low(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("rival")
    with Store.open(f"sqlite:///{folder}/rival.sqlite") as opened:
        # two notes that disagree on who spoke
        for number, name in enumerate(("p. Jan Kowal", "p. Piotr Nowak")):
            opened.ingest(analyze(Document(id=f"rival{number}", text=f"Na zebraniu cechu przemawiał {name}.",
                                           dct="1930-05-11")))
        answers = answer(opened, "Kto przemawiał na zebraniu cechu?")
    # the two alternatives share one probability: neither looks nearly sure
    assert len(answers) == 2 and all(a.confidence < 0.6 for a in answers)
    assert sum(a.confidence for a in answers) <= 1.0
