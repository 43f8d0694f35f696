"""Names in 19th-century and interwar press, on sentences of our own: titles of nobility and offices before
foreign surnames, the press agency, older case forms, headings, names with a river, quoted buildings."""

from __future__ import annotations

import pytest

from kronika.ner.entities import _trim
from tests.conftest import analysed, entities_of, top_level


def roles(text: str) -> dict[str, str | None]:
    return {e.text: e.role for e in entities_of(text) if e.type == "PERSON"}


@pytest.mark.parametrize(("sentence", "expected"), [
    # a capitalised word Morfeusz does not know after a title of nobility or an office is a person
    ("Kr. pruski poseł, hr. Wallenrodt powrócił wczoraj do Berlina.", ("Wallenrodt", "PERSON", "Wallenrodt")),
    ("Baron Hübner wyjechał do Paryża.", ("Hübner", "PERSON", "Hübner")),
    ("W parlamencie przemawiał kanclerz dr. Seipel.", ("Seipel", "PERSON", "Seipel")),
    ("Sąd zwołał jen. Bem do Komorna.", ("Bem", "PERSON", "Bem")),
    ("Sprawę referował radzca sądowy Hoffmann.", ("Hoffmann", "PERSON", "Hoffmann")),
    # a religious brother: br. before his name is no year and ends no sentence
    ("Do klasztoru przybył br. Kasimir Tomaszek z Krakowa.", ("Kasimir Tomaszek", "PERSON", "Kasimir Tomaszek")),
    ("Rozmawiano z br. Albertem o przytułku.", ("Albertem", "PERSON", "Albert")),
    # the Polish Telegraphic Agency, however a despatch signs it
    ("KRAKÓW, 4.3. (Pat.). Rada miejska obradowała.", ("Pat", "ORGANIZATION", "PAT")),
    ("Jak donosi P. A. T., minister wyjechał.", ("P. A. T.", "ORGANIZATION", "P. A. T.")),
    ("Według PAT rokowania przerwano.", ("PAT", "ORGANIZATION", "PAT")),
    # the older locative of Niemcy is the country, not the plural of the town Niemcza
    ("Fabryki w Niemczach stanęły.", ("Niemczach", "COUNTRY", "Niemcy")),
    # a town with "nad" and its river is one name, whichever source found the town
    ("Zjazd odbył się w Brześciu nad Bugiem.", ("Brześciu nad Bugiem", "PLACE", "Brześć nad Bugiem")),
    ("Pociąg jechał z Frankfurtu nad Odrą.", ("Frankfurtu nad Odrą", "PLACE", "Frankfurt nad Odrą")),
])
def test_period_press_names(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence)


def test_a_religious_brothers_abbreviation_is_his_role() -> None:
    """*br.* before a name is *brat*, the title of a religious brother, not *bieżącego roku*."""
    assert roles("Do klasztoru przybył br. Kasimir Tomaszek z Krakowa.") == {"Kasimir Tomaszek": "br."}


def test_a_verb_ends_the_office_before_a_later_title() -> None:
    assert roles("Prezesem sądu jest radzca sądowy Hoffmann z Poznania.") == {"Hoffmann": "radzca sądowy"}


def test_a_place_after_a_title_of_nobility_is_no_person() -> None:
    assert not roles("Rozmawiał z hrabią Flandrii.")


def test_the_river_of_a_towns_name_is_no_place_of_its_own() -> None:
    assert not any(name == "Bugiem" for name, _, _ in top_level("Zjazd odbył się w Brześciu nad Bugiem."))


@pytest.mark.parametrize(("text", "heading"), [
    ("Bawarya.\nZ Monachium donoszą, że sejm zebrał się wczoraj.", "Bawarya"),
    ("Węgry.\nW Peszcie otwarto nowy most.", "Węgry"),
    ("Lodomerya.\nZ Włodzimierza donoszą o pożarze.", "Lodomerya"),  # unknown in either spelling
    ("Krajna.\nW Nakle otwarto szkołę.", "Krajna"),  # a land's name that is also a surname
])
def test_a_one_word_heading_of_a_news_column_is_a_place(text: str, heading: str) -> None:
    assert any(name == heading and kind in ("PLACE", "COUNTRY") for name, kind, _ in top_level(text))


def test_a_one_word_sentence_of_a_common_word_is_no_heading() -> None:
    assert not top_level("Dziękuję.\nTak było.")


def test_an_abbreviated_ministry_is_no_place() -> None:
    found = top_level("Sejm uchwalił wczoraj budżet Min. Spraw Wewnętrznych.")
    assert not any(name.startswith("Min") and kind == "PLACE" for name, kind, _ in found)


def test_three_initials_abbreviate_an_institution_not_a_persons_forenames() -> None:
    found = top_level("Do kasy T. C. L. Śmigiel wpłacono sto marek.")
    assert not any(kind == "PERSON" for _, kind, _ in found)
    assert ("J. K. Nowak", "PERSON", "J. K. Nowak") in top_level("Wiersz napisał J. K. Nowak z Krakowa.")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("O wybudowaniu „Domu Ludowego” marzyli mieszkańcy od dawna.",
     ("Domu Ludowego", "ORGANIZATION", "Dom Ludowy")),
    ("Zapisał się do „Czytelni Polskiej” w Wiedniu.", ("Czytelni Polskiej", "ORGANIZATION", "Czytelnia Polska")),
])
def test_a_quoted_common_noun_with_its_adjectives_is_an_institution(sentence: str, expected: tuple) -> None:
    assert expected in top_level(sentence)


def test_a_quoted_noun_with_a_genitive_is_not_taken_for_an_institution() -> None:
    assert not any(kind == "ORGANIZATION" for _, kind, _ in top_level("Orkiestra zagrała „Marsz Sokołów” na placu."))


@pytest.mark.parametrize(("sentence", "expected"), [
    # a quoted name as the subject of a verb of reporting is a periodical
    ("„Kurjer” donosi, że most otwarto.", ("Kurjer", "ORGANIZATION", "Kurjer")),
    ("„Gazeta Rolnicza” zaznacza, że żniwa się opóźnią.", ("Gazeta Rolnicza", "ORGANIZATION", "Gazeta Rolnicza")),
    ("„Iskra” przedstawia sprawę inaczej.", ("Iskra", "ORGANIZATION", "Iskra")),
    # a mine or a pit named in quotation marks is a place
    ("Na szybie „Anna” zginął górnik.", ("Anna", "PLACE", "Anna")),
    ("Węgiel z kopalni \"Florian\" wywieziono koleją.", ("Florian", "PLACE", "Florian")),
    # German-style quotation marks of the Prussian partition's press
    ("O wiecu pisze »Orędownik« obszernie.", ("Orędownik", "ORGANIZATION", "Orędownik")),
])
def test_quoted_names_of_the_period_press(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    # the sentence's full stop inside the closing mark is no part of the name
    ("Zebrało się towarzystwo „Lutnia.” — Obrady trwały długo.", "Lutnia"),
    ("Zarząd objęło stowarzyszenie „Zgoda.”", "Zgoda"),
])
def test_a_quoted_name_keeps_no_punctuation_of_the_sentence(sentence: str, name: str) -> None:
    found = {text: lemma for text, _, lemma in top_level(sentence)}
    assert name in found and not any(c in found[name] for c in ".”\""), found


def test_a_name_keeps_a_closing_mark_only_with_its_opening_one() -> None:
    # a tagger's span of a quoted title loses its opening mark with the punctuation before the name
    tokens = analysed("Redaktor „Zorzy” i Związek „Jedność” obradowali.").sentences[0].tokens
    words = [t.text for t in tokens]
    assert [t.text for t in _trim(tokens[1:4])] == ["Zorzy"]
    start = words.index("Związek")
    assert [t.text for t in _trim(tokens[start:start + 4])] == ["Związek", "„", "Jedność", "”"]


@pytest.mark.parametrize(("sentence", "name"), [
    # a foreign village the dictionary does not know, after a complex preposition of place, is a place
    ("Patrol nasz dotarł na zachód od Bixschoote.", "Bixschoote"),
    ("Artylerya ostrzeliwała drogę na północny wschód od Langemarck.", "Langemarck"),
    ("Piechota posunęła się w kierunku Merckem.", "Merckem"),
])
def test_a_name_after_a_complex_preposition_of_place_is_a_place(sentence: str, name: str) -> None:
    assert any(text == name and kind == "PLACE" for text, kind, _ in top_level(sentence)), top_level(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    # older press capitalised only the first word of an institution's name
    ("Zebrał się zarząd Związku zawodowego robotników rolnych.",
     ("Związku zawodowego robotników rolnych", "ORGANIZATION", "Związek zawodowy robotników rolnych")),
    ("Na posiedzeniu Towarzystwa naukowego mówiono o Koperniku.",
     ("Towarzystwa naukowego", "ORGANIZATION", "Towarzystwo naukowe")),
    ("Wycieczkę urządziło Polskie Tow. gimnastyczne w sobotę.",
     ("Polskie Tow. gimnastyczne", "ORGANIZATION", "Polskie Tow. gimnastyczne")),
    # an acronym with its dot is no abbreviated head: the adjective after it is not the name's
    ("Dekret podpisał PKWN. tymczasowy rząd nie istniał.", ("PKWN", "ORGANIZATION", "PKWN")),
])
def test_an_institution_keeps_its_lower_case_words(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence), top_level(sentence)


def test_a_head_before_a_quoted_name_is_that_names_word() -> None:
    found = top_level("Członkowie Stowarzyszenia śpiewaczego „Lutnia” wystąpili w teatrze.")
    assert ("Lutnia", "ORGANIZATION", "Lutnia") in found and not any(t.startswith("Stowarzysz") for t, _, _ in found)


def test_a_date_after_an_institution_is_no_part_of_its_name() -> None:
    assert ("Sejmie", "ORGANIZATION", "Sejm") in top_level("Minister przemówi w Sejmie dnia 5 maja.")


def test_a_lower_case_adjective_sharing_only_a_case_is_no_part_of_a_name() -> None:
    found = top_level("Nauczyciel opracował dla Towarzystwa polską mapę Śląska.")
    assert ("Towarzystwa", "ORGANIZATION", "Towarzystwo") in found, found


@pytest.mark.parametrize(("sentence", "expected"), [
    # the older spelling of an adjective's locative (-em for -ym, -iem for -im) in a known name
    ("Szkoły w Królestwie Polskiem są przeważnie wiejskie.", ("Królestwie Polskiem", "COUNTRY", "Królestwo Polskie")),
    # a land named by a neuter adjective used as a noun, in the locative after a preposition
    ("Urodzaj w Zabrskiem był w tym roku dobry.", ("Zabrskiem", "PLACE", "Zabrskie")),
    ("Pożar na Kieleckiem zniszczył wieś.", ("Kieleckiem", "PLACE", "Kieleckie")),
])
def test_older_and_adjectival_names_of_lands(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence), top_level(sentence)


def test_al_after_an_honorific_is_a_forename_not_an_avenue() -> None:
    found = top_level("Odczyt wygłosili pp. Al. Kowalczyk i St. Nowak.")
    assert ("Al. Kowalczyk", "PERSON", "Al. Kowalczyk") in found, found
    assert ("Ujazdowskich", "PLACE", "Ujazdowskie") in top_level("Mieszka przy Al. Ujazdowskich.")


@pytest.mark.parametrize("sentence", [
    # a word the dictionary knows only in today's spelling, and only as a common word
    "(Wakacye szkolne.)",
    "Komisya obradowała do wieczora.",
    # a capitalised adjective agreeing with the noun of a thing before it is its attribute
    "Paszport wydano z magistratu Sosnowieckiego.",
])
def test_no_person_in_older_spellings_and_capitalised_attributes(sentence: str) -> None:
    assert not any(kind == "PERSON" for _, kind, _ in top_level(sentence)), top_level(sentence)


def test_a_surname_after_a_persons_noun_stays_a_person() -> None:
    assert ("Kowalski", "PERSON", "Kowalski") in top_level("Wczoraj nauczyciel Kowalski przyszedł do szkoły.")


@pytest.mark.parametrize(("sentence", "expected"), [
    # a press agency or bureau with a foreign surname in the genitive
    ("Agencja Havasa donosi o nowym rządzie.", ("Agencja Havasa", "ORGANIZATION", "Agencja Havasa")),
    ("Jak podaje Biuro Wolffa, cesarz wyjechał.", ("Biuro Wolffa", "ORGANIZATION", "Biuro Wolffa")),
    # a person known by a pseudonym (SGJP's "pseudonim") is a person
    ("Przemówienie Lenina odczytano na zebraniu.", ("Lenina", "PERSON", "Lenin")),
])
def test_agencies_and_pseudonyms(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence), top_level(sentence)


def test_a_place_adjective_after_a_documents_head_agrees_with_it_in_full() -> None:
    assert ("traktatu wersalskiego", "DOCUMENT", "traktat wersalski") in top_level(
        "Postanowienia traktatu wersalskiego omawiano długo.")
    assert not any(kind == "DOCUMENT" for _, kind, _ in top_level(
        "Zatwierdzono ustawę polskiego Towarzystwa gimnastycznego w Łodzi."))


@pytest.mark.parametrize(("sentence", "expected"), [
    # a title of nobility or a rank between the forename and the surname: one person
    ("Na zjeździe przemawiał Adam hr. Krasiński z Krakowa.", ("Adam hr. Krasiński", "PERSON", "Adam Krasiński")),
    ("Mszę odprawił biskup Jerzy hr. Szembek.", ("Jerzy hr. Szembek", "PERSON", "Jerzy Szembek")),
])
def test_a_title_between_forename_and_surname(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence), top_level(sentence)


@pytest.mark.parametrize("heading", ["SPRAWY KOŚCIELNE.\nKsiądz biskup poświęcił kaplicę.",
                                     "PRASA POLSKA.\nDziennik pisze o wyborach."])
def test_an_adjective_of_a_capitals_heading_is_no_name(heading: str) -> None:
    assert not top_level(heading), top_level(heading)


def test_a_title_in_abbreviations_keeps_its_last_dot_before_a_dash() -> None:
    found = top_level("Zjazd, jak pisze korespondent „Kur. Polsk.” — udał się nadspodziewanie.")
    assert ("Kur. Polsk.", "ORGANIZATION", "Kur. Polsk.") in found, found


@pytest.mark.parametrize(("sentence", "expected"), [
    # the plural title of an order's members before the order's name: the order, not a place or a surname
    ("Na odpust do OO. Paulinów ciągnęły tłumy.", ("Paulinów", "ORGANIZATION")),
    ("Szkołę prowadzą ks. Salezjanie od roku.", ("Salezjanie", "ORGANIZATION")),
    ("Kazania głosili u nas OO. Jezuitów uczniowie.", ("Jezuitów", "ORGANIZATION")),
    # a press review: the periodical, a colon and the title it printed, with or without its author
    ("Wisła: Maryan W. „O weselu w Sandomierskiem”.", ("Wisła", "ORGANIZATION")),
    ("Przegląd Tygodniowy: „Nasze szkoły ludowe”.", ("Przegląd Tygodniowy", "ORGANIZATION")),
    # a quoted title with its author after it, or after the verb whose subject the author is, is a work
    ("Czytałem „Bajki dawne” Brücknera z zajęciem.", ("Bajki dawne", "DOCUMENT")),
    ("„Wspomnienia generała Jana Nowaka” wydał Józef K.", ("Wspomnienia generała Jana Nowaka", "DOCUMENT")),
])
def test_orders_reviewed_periodicals_and_works(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in {(text, kind) for text, kind, _ in top_level(sentence)}


def test_a_lone_common_word_before_a_colon_is_no_periodical() -> None:
    assert not any(text == "Uwaga" for text, _, _ in top_level("Uwaga: „Kurjer” donosi o pożarze."))


def test_the_subject_of_a_reporting_verb_is_no_author() -> None:
    assert ("Czas", "ORGANIZATION") in {(t, k) for t, k, _ in top_level("„Czas” podaje Rzym jako miejsce zjazdu.")}


def test_a_person_inside_a_title_stays_nested() -> None:
    entities = entities_of("„Wspomnienia generała Jana Nowaka” wydał Józef K.")
    assert any(e.text == "Jana Nowaka" and e.type == "PERSON" and e.parent for e in entities)


def test_an_office_ends_before_its_holders_surname() -> None:
    # "minister Spraw Zagranicznych" is the role; the unknown surname after it the person; the verb no name's
    entities = entities_of("Minister Spraw Zagranicznych Valdemaras złoży wizytę w Rydze.")
    assert [(e.text, e.type, e.role) for e in entities if e.type != "PLACE"] == \
        [("Valdemaras", "PERSON", "Minister Spraw Zagranicznych")]


@pytest.mark.parametrize(("sentence", "organization", "person"), [
    # an adjective agreeing with the institution's noun names the institution, not the holder after the office
    ("Gmach zaprojektował prof. Politechniki Lwowskiej inż. Roman Kłosowski.", "Politechnika Lwowska",
     "Roman Kłosowski"),
    ("Most zbudował prof. Politechniki Warszawskiej inż. Jan Lis.", "Politechnika Warszawska", "Jan Lis"),
])
def test_an_agreeing_adjective_belongs_to_the_institution(sentence: str, organization: str, person: str) -> None:
    found = top_level(sentence)
    assert (organization, "ORGANIZATION") in {(lemma, kind) for _, kind, lemma in found}
    assert {lemma for _, kind, lemma in found if kind == "PERSON"} == {person}


@pytest.mark.parametrize(("sentence", "lemma"), [
    # a forename with no Polish case ending is a nominative: the surname in -a after it is Lithuanian or Latvian
    ("Wczoraj Kazys Grinuska przemawiał w sejmie.", "Kazys Grinuska"),
    ("Posłem został Antanas Dauguva z Kowna.", "Antanas Dauguva"),
    # a forename in the genitive: the surname in -a after it is a genitive too
    ("Spotkałem Hansa Wolffa w Berlinie.", "Hans Wolff"),
])
def test_a_surname_in_a_after_a_nominative_forename(sentence: str, lemma: str) -> None:
    assert lemma in {lem for _, kind, lem in top_level(sentence) if kind == "PERSON"}


@pytest.mark.parametrize(("sentence", "name"), [
    # the period set the sentence's comma or semicolon inside the closing mark: no name ends in one
    ("Pismo „Ziarno,” wydawane w Warszawie, upadło.", "Ziarno"),
    ("Czytałem „Bajki dawne;” Brücknera i inne.", "Bajki dawne"),
    # a straight mark glued to a word closes a quotation: no title runs from it to the next opening one
    ('Wyszły: „Listy z podróży" Kowalskiego; „Bajki dawne" Brücknera.', "Bajki dawne"),
])
def test_the_sentences_marks_inside_a_quotation(sentence: str, name: str) -> None:
    names = {text for text, _, _ in top_level(sentence)}
    assert name in names
    assert not any(text.endswith((",", ";")) or "„" in text for text in names)
