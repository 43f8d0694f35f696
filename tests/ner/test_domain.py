"""Domain entities (contract types) from the rules and the NKJP tagger, on sentences of our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kronika.model import Analysis, Document
from kronika.morph.disambiguate import disambiguate
from kronika.ner.domain import find_events, load_lexicon, sentence_lemmas
from kronika.pipeline import analyze
from kronika.text.segment import split_sentences
from tests.conftest import entities_of, top_level


@pytest.mark.parametrize(("sentence", "expected"), [
    # an adjective opening a name after a noun that governs the genitive keeps its adjective reading
    ("Pismo wysłano do przedstawiciela Ludowego Komisariatu Spraw Zagranicznych w Moskwie.",
     ("Ludowego Komisariatu Spraw Zagranicznych", "ORGANIZATION", "Ludowy Komisariat Spraw Zagranicznych")),
    # military units: ordinal, quoted name, capitalised head, coordinated quoted names
    ("Pod Kutnem walczyła 25. Dywizja Piechoty.", ("25. Dywizja Piechoty", "MILITARY_UNIT", "25. Dywizja Piechoty")),
    ("Żołnierze 7. Pułku Ułanów Lubelskich odpoczywali.",
     ("7. Pułku Ułanów Lubelskich", "MILITARY_UNIT", "7. Pułk Ułanów Lubelskich")),
    ("Dowódca Armii „Pomorze” wydał rozkaz.", ("Armii „Pomorze”", "MILITARY_UNIT", "Armia „Pomorze”")),
    ("Oddziały batalionu „Wołożyn” cofnęły się.", ("batalionu „Wołożyn”", "MILITARY_UNIT", "batalion „Wołożyn”")),
    ("Walczyły kompanie: „Olkusz”, „Wilno”.", ("„Olkusz”", "MILITARY_UNIT", "kompania „Olkusz”")),
    ("Wrzesień przyniósł klęskę Wojsku Polskiemu.", ("Wojsku Polskiemu", "MILITARY_UNIT", "Wojsko Polskie")),
    ("Na zachodzie nacierał Wehrmacht.", ("Wehrmacht", "MILITARY_UNIT", "Wehrmacht")),
    # documents
    ("Podpisano wtedy traktat wersalski.", ("traktat wersalski", "DOCUMENT", "traktat wersalski")),
    ("Rząd zerwał pakt o nieagresji z Niemcami.", ("pakt o nieagresji", "DOCUMENT", "pakt o nieagresji")),
    ("Sejm przyjął Ustawę o obronie Ojczyzny.", ("Ustawę o obronie Ojczyzny", "DOCUMENT", "Ustawa o obronie Ojczyzny")),
    # events
    ("Po obronie Warszawy przyszła kapitulacja.", ("obronie Warszawy", "EVENT", "obrona Warszawy")),
    ("Wybuchło powstanie styczniowe.", ("powstanie styczniowe", "EVENT", "powstanie styczniowe")),
    ("Była to bitwa pod Kockiem.", ("bitwa pod Kockiem", "EVENT", "bitwa pod Kockiem")),
    ("Wspomnienia z I wojny światowej.", ("I wojny światowej", "EVENT", "I wojna światowa")),
    # organisations
    ("Decyzję podjęło Ministerstwo Spraw Wojskowych.",
     ("Ministerstwo Spraw Wojskowych", "ORGANIZATION", "Ministerstwo Spraw Wojskowych")),
    ("Aresztowań dokonywało Gestapo.", ("Gestapo", "ORGANIZATION", "Gestapo")),
    # countries and places, any case form
    ("Wojska wkroczyły do Związku Radzieckiego.", ("Związku Radzieckiego", "COUNTRY", "Związek Radziecki")),
    ("Granica III Rzeszy przebiegała blisko.", ("III Rzeszy", "COUNTRY", "III Rzesza")),
    ("Ewakuowano urzędy z Zachodniej Białorusi.", ("Zachodniej Białorusi", "PLACE", "Zachodnia Białoruś")),
    ("Pociąg jechał do Krakowa.", ("Krakowa", "PLACE", "Kraków")),
    ("Bronili się pod Kockiem, Serokomlą i Wolą Gułowską.", ("Serokomlą", "PLACE", "Serokomla")),
    # persons with titles kept apart
    ("Rozkaz wydał płk Stefan Rowecki.", ("Stefan Rowecki", "PERSON", "Stefan Rowecki")),
    ("Przemawiał minister Józef Beck.", ("Józef Beck", "PERSON", "Józef Beck")),
    # 1930s press: chained titles and initials, a dateline in capitals, "W. Brytania", name endings
    ("Na zjeździe przemawiał p. wiceminister inż. J. Nowicki.", ("J. Nowicki", "PERSON", "J. Nowicki")),
    ("Mszę odprawił ks. kan. Lubański.", ("Lubański", "PERSON", "Lubański")),
    ("RZYM, (PAT). — Prasa pisze o rokowaniach.", ("RZYM", "PLACE", "Rzym")),
    ("Rząd porozumiał się z W. Brytanią.", ("W. Brytanią", "COUNTRY", "W. Brytania")),
    # a newspaper's title is an organisation even when it reads like a first name and a surname
    ("Jak donosi Daily Telegraph, rokowania trwają.", ("Daily Telegraph", "ORGANIZATION", "Daily Telegraph")),
    ("Artykuł przedrukował Kurjer Poranny.", ("Kurjer Poranny", "ORGANIZATION", "Kurjer Poranny")),
    ("W zawodach wystąpiła Kusocińszczówna.", ("Kusocińszczówna", "PERSON", "Kusocińszczówna")),
    ("Mieszkańcy przedmieścia zwanego Zarzeczówką protestowali.", ("Zarzeczówką", "PLACE", "Zarzeczówka")),
    # a surname in capitals (a speaker in a report) is a person, as its title-case form; a city stays a place
    ("Posiedzenie.\nMIEDZIŃSKI\nPanowie posłowie, sytuacja jest poważna.", ("MIEDZIŃSKI", "PERSON", "Miedziński")),
    ("WARSZAWA. (PAT). Minister przyjął ambasadora.", ("WARSZAWA", "PLACE", "Warszawa")),
    # a periodical cited with its issue's date is no person
    ("Rząd milczy. Także Constitutionnel z 28. b. m. zarzuca Anglii, że dba o swój interes.",
     ("Constitutionnel", "ORGANIZATION", "Constitutionnel")),
])
def test_recognises(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in top_level(sentence)


@pytest.mark.parametrize(("sentence", "absent"), [
    ("Polskie wojsko walczyło z Sowietami.", "Sowietami"),  # ethnonym, not a country
    ("Polskie wojsko walczyło z Sowietami.", "Polskie"),  # adjective, not a country
    ("Oddziały sowieckie przekroczyły granicę.", "Oddziały"),  # a unit head needs a name
    ("Podpisano protokół o przekazaniu miasta.", "protokół o przekazaniu miasta"),  # descriptive, not a title
    ("Rosjanie weszli do miasta.", "Rosjanie"),
    # a common word at a sentence's start after a dash, common words of an all-capitals passage,
    # letters written after a surname
    ("— Płonie stodoła za wsią.", "Płonie"),
    ("Minister oświadczył: WIEMY JAK DAMY SOBIE RADĘ Z KAŻDYM.", "JAK"),
    ("Minister oświadczył: WIEMY JAK DAMY SOBIE RADĘ Z KAŻDYM.", "DAMY"),
    ("Kazanie wygłosił o. Nowak T. J. w kościele.", "Nowak T"),
    # a month capitalised after a day number, as older press writes it, is part of the date
    ("Kalisz, 3. Sierpnia. Jarmark trwał cały dzień.", "Sierpnia"),
    ("Protokół z dnia 4go Września podpisali obaj posłowie.", "Września"),
    # truncated words of an institution's name are no person
    ("Na posiedzeniu Komit. Ekon. Ministrów omówiono ceny zboża.", "Komit"),
    ("Na posiedzeniu Komit. Ekon. Ministrów omówiono ceny zboża.", "Komit. Ekon"),
])
def test_rejects(sentence: str, absent: str) -> None:
    assert absent not in {e.text for e in entities_of(sentence)}


@pytest.mark.parametrize(("sentence", "expected"), [
    # a periodical or a society named in quotation marks after its word, kept whole
    ("Jak pisze dziennik „Czas”, obrady trwały długo.", ("Czas", "ORGANIZATION", None, "Czas")),
    ("O zjeździe donosi korespondent „Kur. Warsz.” z Lublina.",
     ("Kur. Warsz.", "ORGANIZATION", None, "Kur. Warsz.")),
    ("Na zebraniu byli członkowie stow. polskiego „Ognisko” z Krakowa.",
     ("Ognisko", "ORGANIZATION", None, "Ognisko")),
    ("Lokal dzielą stowarzyszenia „Sokół” i „Strzecha”.", ("Strzecha", "ORGANIZATION", None, "Strzecha")),
    # a song, a poem or a play is a work; its title after its word stays as written
    ("Chór odśpiewał pieśń „Wstań biały orle, wstań!” na powitanie.",
     ("Wstań biały orle, wstań!", "DOCUMENT", "work", "Wstań biały orle, wstań!")),
    ("Na zakończenie orkiestra wykonała „I Brygadę”.", ("I Brygadę", "DOCUMENT", "work", "I Brygada")),
    ("Uczeń wygłosił wiersz Asnyka „Daremne żale” przy wielkim aplauzie.",
     ("Daremne żale", "DOCUMENT", "work", "Daremne żale")),
    ("Druh Lis wygłosił wiersz Konopnickiej „Jan Zamoyski” na zakończenie.",
     ("Jan Zamoyski", "DOCUMENT", "work", "Jan Zamoyski")),
    ("O wyborach pisze „Kur. Pozn.” obszernie.", ("Kur. Pozn.", "ORGANIZATION", None, "Kur. Pozn.")),
    # a periodical's unknown title beside a verb of publishing, with its capitalised adjective
    ("Berliński Rundschauer zamieszcza obszerny artykuł o wyborach.",
     ("Berliński Rundschauer", "ORGANIZATION", None, "Berliński Rundschauer")),
])
def test_quoted_titles_take_their_words_kind(sentence: str, expected: tuple) -> None:
    found = {(e.text, e.type, e.subtype, e.lemma) for e in entities_of(sentence) if e.parent is None}
    assert expected in found, found


def test_a_village_named_like_a_month_outside_a_date_stays_a_place() -> None:
    assert ("Lipcu", "PLACE") in {(e.text, e.type) for e in entities_of("Oddział stał w Lipcu pod Krakowem.")}


def test_a_title_or_a_see_is_not_a_person() -> None:
    types = {e.text: e.type for e in entities_of("Ojciec Święty przyjął wczoraj arcybiskupa Udine.")}
    assert "Święty" not in types and "Ojciec Święty" not in types
    assert types.get("Udine") != "PERSON"


def test_capital_p_opens_a_sentence_as_pan_and_links_to_the_full_name() -> None:
    entities = entities_of("Głos zabrał p. Henryk Duval z Paryża. P. Duval mówił długo.")
    persons = [(e.text, e.ref) for e in entities if e.type == "PERSON"]
    assert persons == [("Henryk Duval", "person:henryk-duval"), ("Duval", "person:henryk-duval")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wczoraj p. Wład. Kosiński wyjechał do Krakowa.", ("Wład. Kosiński", "Wład. Kosiński")),
    ("Rozmawiałem z p. Wład. Kosińskim.", ("Wład. Kosińskim", "Wład. Kosiński")),
    ("Wczoraj p. Stan. Nowak wyjechał.", ("Stan. Nowak", "Stan. Nowak")),
    ("Widziałem p. Edw. Kowalskiego.", ("Edw. Kowalskiego", "Edw. Kowalski")),
])
def test_an_abbreviated_forename_and_the_surname_are_one_person(sentence: str, expected: tuple[str, str]) -> None:
    persons = [(e.text, e.lemma) for e in entities_of(sentence) if e.type == "PERSON"]
    assert persons == [expected]


def test_a_lower_case_abbreviation_is_no_forename() -> None:
    persons = [e.text for e in entities_of("Taki jest stan. Nowak przyszedł.") if e.type == "PERSON"]
    assert persons == ["Nowak"]


def test_title_is_role_not_name() -> None:
    [person] = [e for e in entities_of("Wezwano ambasadora Wacława Grzybowskiego.") if e.type == "PERSON"]
    assert (person.text, person.lemma, person.role) == ("Wacława Grzybowskiego", "Wacław Grzybowski", "ambasadora")


@pytest.mark.parametrize(("sentence", "outer", "inner"), [
    ("Zawarto pakt Ribbentrop-Mołotow.", "pakt Ribbentrop-Mołotow", ("Mołotow", "PERSON")),
    ("Trwała obrona Lwowa.", "obrona Lwowa", ("Lwowa", "PLACE")),
    ("Urzędnicy Ludowego Komisariatu Spraw Zagranicznych ZSRR milczeli.",
     "Ludowego Komisariatu Spraw Zagranicznych ZSRR", ("ZSRR", "COUNTRY")),
])
def test_nested_mentions_have_parent(sentence: str, outer: str, inner: tuple[str, str]) -> None:
    entities = entities_of(sentence)
    [parent] = [e for e in entities if e.text == outer]
    assert any((e.text, e.type) == inner and e.parent == parent.id for e in entities)


def test_offsets_slice_back_and_ids_follow_text() -> None:
    text = "W nocy do Moskwy wezwano ambasadora Grzybowskiego, a Armia Czerwona weszła do Polski."
    entities = entities_of(text)
    assert [e.id for e in entities] == [f"e{n}" for n in range(1, len(entities) + 1)]
    assert all(text[e.start:e.end] == e.text for e in entities)
    assert [e.start for e in entities] == sorted(e.start for e in entities)


def test_resources_load_and_event_examples_run() -> None:
    lexicon = load_lexicon()
    assert ("pułk",) in lexicon.unit_heads and ("gen", ".") in lexicon.titles
    header = next(line for line in (Path(__file__).resolve().parents[2] / "src" / "kronika" / "ner" / "resources" /
                                    "pl" / "event_patterns.txt").read_text("utf-8").splitlines()
                  if line.startswith("# Examples"))
    for example in header.split(":", 1)[1].split("|"):
        [sentence] = split_sentences(example.strip())
        disambiguate([sentence])
        assert [m.type for m in find_events(sentence.tokens, sentence_lemmas(sentence.tokens))] == ["EVENT"], example


def score(gold: dict, analysis: Analysis) -> tuple[float, float]:
    from kronika.evaluation import score_entities

    result = score_entities(gold, analysis)
    return result["overlap"]["f"], result["base_form"]["accuracy"]


def test_seed_entities_reach_target(seed_gold: dict[str, Any]) -> None:
    f1, base = score(seed_gold, analyze(Document(id="seed", text=seed_gold["text"])))
    assert f1 >= 0.90 and base >= 0.90, (f1, base)


def test_a_shouted_first_name_before_a_surname_ends_quickly():
    # "ANNA" is a first name in capitals: no name may start there, and the scan must still move on
    import threading

    from kronika.model import Document
    from kronika.pipeline import analyze

    result: list = []
    worker = threading.Thread(
        target=lambda: result.append(analyze(Document("d", "Wczoraj ANNA Kowalska przyjechała do Lwowa."))),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    assert result, "the entity stage did not finish"
