"""What a place mention names from its context (streets, buildings, common nouns), the 1939 states
and the world outside Poland: sentences written for these tests, run through the pipeline."""

from __future__ import annotations

import pytest

from kronika.geo import geocode
from kronika.geo.context import context_words
from kronika.geo.curated import load_country_names, load_exonyms, load_town_districts
from kronika.geo.index import get_gazetteer
from kronika.geo.resolve import _cited_name
from kronika.geo.states import country_then
from kronika.lang.orthography import modernised
from kronika.lang.resources import parse_table
from kronika.model import Entity
from kronika.ner.coref import slug
from tests.conftest import analysed, km


def entity(text: str, mention: str) -> Entity:
    analysis = analysed(text, "1938-05-10")
    start = text.index(mention)
    found = [e for e in analysis.entities if e.start < start + len(mention) and start < e.end]
    assert found, (mention, [(e.text, e.type) for e in analysis.entities])
    return found[0]


def assert_not_a_settlement(text: str, mention: str) -> None:
    found = entity(text, mention)
    assert not found.geo or found.geo["kind"] != "settlement", found


@pytest.mark.parametrize(("text", "mention", "subtype"), [
    ("Tramwaj stanął przy ul. Chmielnej w Warszawie.", "Chmielnej", "street"),
    ("Pochód przeszedł od ul. Piwnej i Długiej aż do Wisły w Gdańsku.", "Długiej", "street"),
    ("Ruch zamknięto na Al. Ujazdowskich w Warszawie.", "Ujazdowskich", "street"),
    ("Pociągi kierowano na Dworzec Gdański w Warszawie.", "Dworzec Gdański", "building"),
    ("Wieczorem w Warszawie zebrano się na placu Trzech Krzyży.", "Trzech Krzyży", "street"),
    ("Nabożeństwo odprawiono w kościele św. Barbary w Krakowie.", "Barbary", "building"),
    ("Mieszkał na Marszałkowskiej w Warszawie.", "Marszałkowskiej", "street"),
    ("Górnicy strajkowali w kopalni Wieczorek pod Katowicami.", "Wieczorek", "building"),
    ("Pochowano go w Warszawie na cmentarzu Bródno.", "Bródno", "building"),
    ("Chorego przewieziono do szpitala Dzieciątka Jezus.", "Dzieciątka Jezus", "building"),
])
def test_streets_and_buildings_are_not_settlements(text: str, mention: str, subtype: str) -> None:
    found = entity(text, mention)
    if found.type == "PLACE":
        assert found.subtype == subtype and found.geo is None, found
    else:
        assert not found.geo


@pytest.mark.parametrize(("text", "mention"), [
    ("Na zebraniu Cechu Stolarzy, Kowali i Szewców wybrano zarząd.", "Kowali"),
    ("Prezes Izby Handlowej przemawiał w Wilnie.", "Izby"),
    ("Posłowie Grupy Pracy obradowali w Sejmie.", "Pracy"),
    ("ZE SZPITALA DO WIĘZIENIA poszedł sierżant.", "SZPITALA"),
])
def test_common_nouns_need_evidence_to_be_hamlets(text: str, mention: str) -> None:
    analysis = analysed(text, "1938-05-10")
    start = text.index(mention)
    assert not any(e.geo for e in analysis.entities if e.start < start + len(mention) and start < e.end)


@pytest.mark.parametrize("text", ["Koncert »Koła« odbył się w Poznaniu.", "Pismo „Wisła” wyszło w Warszawie."])
def test_a_title_in_quotation_marks_is_not_a_place(text: str) -> None:
    analysis = analysed(text, "1918-08-01")
    assert [e.geo["name_pl"] for e in analysis.entities if e.geo] in (["Poznań"], ["Warszawa"])


@pytest.mark.parametrize(("name", "polish"), [("Berlin", "Berlin"), ("Pisz", "Pisz"), ("Vienna", "Wiedeń"),
                                              ("Lviv", "Lwów"), ("Tallinn", "Tallin")])
def test_the_polish_name_of_a_place(name: str, polish: str) -> None:
    place = geocode(name)
    assert place is not None and place.name == polish


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Urzędy celne w Pawłowiczkach i Polską Cerekwią należą do Prudnika.", "Cerekwią", 50.23, 18.07),
    ("Wojska wyszły za linię kolejową Rawa-Ruska — Horyniec.", "Rawa", 50.23, 23.62),
    ("Mieszkał w Nowym Sączu od lat.", "Nowym", 49.62, 20.69),
    ("Dwór polecił przygotować zamek królewski w San Sebastian.", "San", 43.31, -1.98),
])
def test_a_name_cut_short_is_completed_by_the_gazetteer(text: str, mention: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 15, found.geo


def test_a_common_noun_heading_a_phrase_is_not_a_town() -> None:
    analysis = analysed("Zebrali się członkowie Koła literackiego i goście.", "1902-01-10")
    assert not any(e.geo for e in analysis.entities)


@pytest.mark.parametrize("text", ["Rano przybył z Warszawy powiatowy lekarz dr Nowak.",
                                  "Wczoraj wrócił do Warszawy miejski inżynier."])
def test_an_adjective_not_agreeing_with_the_name_leaves_it_a_town(text: str) -> None:
    # "warszawa" is also a common noun (the car), but "powiatowy" cannot be its plural's adjective
    found = entity(text, "Warszawy")
    assert found.geo is not None and found.geo["name_pl"] == "Warszawa", found.geo


def test_an_adjective_agreeing_only_in_a_case_the_preposition_rules_out_leaves_it_a_town() -> None:
    # "lublin" (a horse) has a vocative "Lublinie" agreeing with "dwudniowy", but "w" governs the locative
    found = entity("Wczoraj skończył się przed sądem w Lublinie dwudniowy proces kupca.", "Lublinie")
    assert found.geo is not None and found.geo["name_pl"] == "Lublin", found.geo


@pytest.mark.parametrize("text", ["Sprzedano dobra Rogienice w powiecie Włoszczowskim.",
                                  "Sprzedano dobra Rogienice powiatu Włoszczowskiego."])
def test_a_district_named_beside_the_mention_picks_the_namesake(text: str) -> None:
    found = entity(text, "Rogienice")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 50.77, 20.04) < 10, found.geo
    assert "district" in found.geo["reason"]


@pytest.mark.parametrize(("old", "modern"), [("Rosyi", "Rosji"), ("Anglji", "Anglii"), ("Austrya", "Austria"),
                                             ("Francyi", "Francji"), ("Kraków", "Kraków"), ("Monachjum", "Monachium"),
                                             ("Belgjum", "Belgium"), ("monarchji", "monarchii")])
def test_spelling_before_the_reforms(old: str, modern: str) -> None:
    assert modernised(old) == modern


@pytest.mark.parametrize(("name", "expected"), [("Rosyi", "Rosja"), ("Anglji", "Anglia"), ("Hiszpanji", "Hiszpania")])
def test_old_spellings_find_the_place(name: str, expected: str) -> None:
    place = geocode(name, year=1925)
    assert place is not None and place.name == expected


def test_a_foreign_name_in_jum_is_found_as_ium() -> None:
    found = entity("Malarz wystawiał swe obrazy w Monachjum.", "Monachjum")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 48.14, 11.58) < 10, found.geo


def test_a_hamlet_named_like_a_common_noun_in_a_list_of_places() -> None:
    found = entity("Urzędy celne w Gółkowicach i Chałupkach zamknięto.", "Chałupkach")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 49.93, 18.32) < 30, found.geo


def test_a_hamlet_named_like_a_common_noun_with_a_preposition_of_place() -> None:
    found = entity("Pożar wybuchł w Kowalach pod Wrocławiem.", "Kowalach")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 51.10, 17.03) < 30


@pytest.mark.parametrize(("text", "mention"), [
    ("Statek płynął z Ameryki do Gdyni.", "Ameryki"),
    ("Wojna grozi całej Europie, pisze prasa.", "Europie"),
])
def test_continents_are_not_villages(text: str, mention: str) -> None:
    assert_not_a_settlement(text, mention)


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Wycieczka szkolna wyruszyła w Tatry.", "Tatry", "Tatry"),
    ("W Karpatach spadł pierwszy śnieg.", "Karpatach", "Karpaty"),
    ("Na szczycie Giewontu stoi krzyż.", "Giewontu", "Giewont"),
])
def test_mountains_are_mountains_not_villages_of_their_name(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.geo is not None and found.geo["kind"] == "mountains", found


@pytest.mark.parametrize(("name", "country_1939"), [
    ("Gdańsk", "Free City of Danzig"),
    ("Sopot", "Free City of Danzig"),
    ("Gdynia", "Poland"),
    ("Tczew", "Poland"),
    ("Kłajpeda", "Germany"),
    ("Praga", "Protectorate of Bohemia and Moravia"),
    ("Brno", "Protectorate of Bohemia and Moravia"),
    ("Liberec", "Germany"),
    ("Bratysława", "Slovakia"),
    ("Koszyce", "Hungary"),
    # the Slovak border along the Tatra ridge and the Carpathian passes, not a straight line at 49.4°
    ("Zakopane", "Poland"),
    ("Poronin", "Poland"),
    ("Muszyna", "Poland"),
    ("Komańcza", "Poland"),
    ("Medzilaborce", "Slovakia"),
    ("Kieżmark", "Slovakia"),
    # the Oder at the Olza's mouth: Prussian Chałupki and Hlučín German, Bohumín in the Zaolzie
    ("Chałupki", "Germany"),
    ("Krzyżanowice", "Germany"),
    ("Bogumin", "Poland"),
    ("Szanghaj", "China"),
    ("Wiedeń", "Germany"),
])
def test_country_1939_follows_the_borders_of_1939(name: str, country_1939: str) -> None:
    place = geocode(name, year=1939)
    assert place is not None and place.country_1939 == country_1939, (name, place)


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Nankin", 32.06, 118.78), ("Addis-Abeba", 9.02, 38.75), ("Salonika", 40.64, 22.94),
    ("Lizbona", 38.72, -9.14), ("Lizbonie", 38.72, -9.14), ("Guernica", 43.32, -2.68),
    ("Teruel", 40.34, -1.11), ("Helsingfors", 60.17, 24.94), ("Genewy", 46.20, 6.14),
    ("Vaduz", 47.14, 9.52), ("Antokolu", 54.70, 25.32), ("Mokotowie", 52.19, 21.02),
    ("Jasnej Górze", 50.81, 19.10),
])
def test_the_world_outside_poland(name: str, lat: float, lon: float) -> None:
    place = geocode(name, year=1938)
    assert place is not None and km(place.lat, place.lon, lat, lon) < 30, (name, place)


def test_context_table_roles() -> None:
    words = context_words()
    assert words["ul."] == "street" and words["dworzec"] == "building" and words["w"] == "preposition"


def test_every_exonym_is_in_the_index() -> None:
    """The shipped index was built from the current exonyms table."""
    for row in load_exonyms():
        place = geocode(row.exonym)
        assert place is not None and place.name_now == row.name_now, row


def test_the_index_uses_the_readable_1939_names() -> None:
    """The shipped index was built with the current country_1939_names.tsv: no raw label is left."""
    renamed, extra = load_country_names()
    used = set(get_gazetteer()._load().codes["border_1939"].values())
    assert not used & (set(renamed) - set(renamed.values()))
    assert extra <= used


def test_country_names_and_exonyms_load() -> None:
    renamed, extra = load_country_names()
    assert renamed["Chinese warlords"] == "China" and "Free City of Danzig" in extra
    assert any(row.exonym == "Nankin" for row in load_exonyms())


@pytest.mark.parametrize("row", [
    "Nankin\tNanjing\tChina\tx",  # not ISO
    "Nankin\tNanjing\tCN\t",  # no source
])
def test_exonyms_reject_bad_rows(row: str) -> None:
    with pytest.raises(ValueError, match="line 2"):
        load_exonyms(f"exonym\tname_now\tcountry_now\tsource\n{row}\n")


@pytest.mark.parametrize(("text", "mention"), [
    ("Poseł czerkieski przybył do Stambułu, by upraszać Portę o pomoc.", "Portę"),
    ("Obrazy wystawiono w Luwrze w Paryżu.", "Luwrze"),
])
def test_a_name_the_dictionary_knows_as_a_building_is_no_settlement(text: str, mention: str) -> None:
    assert_not_a_settlement(text, mention)


@pytest.mark.parametrize(("text", "mention"), [
    ("W Wiedniu przebywa teraz książę Bordeaux ze swym dworem.", "Bordeaux"),
    ("Król nie został uznany Księciem Szlezwiku przez sejm.", "Szlezwiku"),
    ("Na przyjęciu był hrabia Flandrii z małżonką.", "Flandrii"),
])
def test_a_name_in_a_title_of_nobility_is_not_geocoded(text: str, mention: str) -> None:
    analysis = analysed(text, "1850-07-12")
    start = text.index(mention)
    assert not any(e.geo for e in analysis.entities if e.start < start + len(mention) and start < e.end)


def test_a_name_in_parentheses_after_a_place_is_its_other_name() -> None:
    text = "Rozpoczęto budowę tamy pomiędzy Swieciem a Nowem (Neuenburg) nad Wisłą."
    analysis = analysed(text, "1850-07-12")
    nowe = next(e for e in analysis.entities if e.text == "Nowem")
    alias = next(e for e in analysis.entities if e.text == "Neuenburg")
    assert nowe.geo and alias.geo and alias.geo["name"] == nowe.geo["name"] == "Nowe"


def test_a_village_in_a_distant_gubernia_is_not_a_namesake_at_home() -> None:
    text = "W ubiegłym miesiącu we wsi Jakubówce w gub. Kijowskiej spłonęło kilka chat."
    jakubowka = entity(text, "Jakubówce")
    assert not jakubowka.geo, jakubowka.geo


def test_a_part_of_a_village_answers_to_the_village_name() -> None:
    text = "Armja Auffenberga odniosła zwycięstwo pod Komarowem, Zamościem i Tomaszowem."
    komarow = entity(text, "Komarowem")
    assert komarow.geo and km(komarow.geo["lat"], komarow.geo["lon"], 50.63, 23.48) < 10, komarow.geo


@pytest.mark.parametrize(("text", "mention"), [
    ("Dziennik „New York Herald” zaofiarował mu pomoc.", "York"),
    ("Według „Hamburger Fremdenblatt” rozstrzelano ich w Moskwie.", "Hamburger"),
])
def test_a_name_inside_a_quoted_title_is_no_place(text: str, mention: str) -> None:
    analysis = analysed(text, "1918-09-18")
    start = text.index(mention)
    assert not any(e.geo for e in analysis.entities if e.start < start + len(mention) and start < e.end)


def test_a_quoted_sentence_keeps_its_places() -> None:
    found = entity("Wołano: „Niech żyje Warszawa i cała Polska”.", "Warszawa")
    assert found.geo and found.geo["name"] == "Warsaw"


@pytest.mark.parametrize(("name", "date"), [("Lublin", "1918-09-11"), ("Warszawa", "1916-01-01")])
def test_the_occupied_kingdom_of_poland_has_no_single_state(name: str, date: str) -> None:
    place = geocode(name, 1918)
    assert place is not None and country_then(place, date) is None


@pytest.mark.parametrize(("mention", "name_now", "name_pl"), [
    ("Szumli", "Shumen", "Szumla"), ("Adrianopola", "Edirne", "Adrianopol"), ("Raguzy", "Dubrovnik", "Dubrownik"),
    ("Tryjestu", "Trieste", "Triest"), ("Antivari", "Bar", "Antiwari"), ("Tyflisie", "Tbilisi", "Tyflis"),
    ("Mukdenu", "Shenyang", "Mukden"), ("Pampeluny", "Pamplona", "Pampeluna"),
    ("Brünn", "Brno", "Brno"), ("Göding", "Hodonín", "Hodonín"), ("Kaschau", "Košice", "Koszyce"),
    ("Agram", "Zagreb", "Zagrzeb"), ("Laibach", "Ljubljana", "Łubiana"), ("Kremsier", "Kroměříž", "Kromieryż"),
    ("Jassach", "Iaşi", "Jassy"), ("Smyrny", "İzmir", "Smyrna"), ("Saratowie", "Saratov", "Saratów"),
])
def test_names_of_the_nineteenth_century_resolve_and_keep_the_1939_name(mention: str, name_now: str,
                                                                         name_pl: str) -> None:
    place = geocode(mention, 1863)
    assert place is not None and place.name_now == name_now and place.name == name_pl


def test_a_lower_case_adjective_completes_a_name_the_gazetteer_knows() -> None:
    found = entity("Armja oparła się lewem skrzydłem o okolice Rawy ruskiej i Lwowa.", "Rawy")
    assert found.geo and km(found.geo["lat"], found.geo["lon"], 50.23, 23.62) < 10, found.geo


def test_an_adjective_after_an_administrative_word_is_no_street() -> None:
    text = "W Kijowie mówiono, że we wsi Jakubówce w gub. Kijowskiej spłonęło kilka chat."
    analysis = analysed(text, "1902-11-29")
    assert not any(e.subtype == "street" for e in analysis.entities if e.text == "Kijowskiej")


def test_the_unit_the_gazetteer_can_place_rules_out_a_namesake_far_away() -> None:
    text = "Bandyci napadli na dom zamieszkałego we wsi Borsuki, gm. Chocieńczyckiej, pow. Wilejskiego."
    found = entity(text, "Borsuki")
    assert not found.geo or km(found.geo["lat"], found.geo["lon"], 54.49, 26.91) < 60, found.geo


def test_an_adjective_describing_a_common_noun_is_not_the_town_of_that_name() -> None:
    analysis = analysed("Gellert został nauczycielem w Czarnych olędrach pod Poznaniem.", "1838-05-05")
    assert not any(e.geo for e in analysis.entities if e.text.startswith("Czarn"))


def test_two_towns_joined_by_a_dash_stay_two() -> None:
    text = "Pozostaje więc mecz Wilno–Kowno w przyszłym miesiącu."
    analysis = analysed(text, "1939-04-03")
    kowno = next(e for e in analysis.entities if e.text == "Kowno")
    assert kowno.geo and kowno.geo["name"] == "Kaunas", kowno.geo


def test_older_forms_with_sz_for_s_acute_resolve() -> None:
    assert modernised("Szmiglu") == "Śmiglu" and modernised("Szwecji") == "Szwecji"
    found = entity("Kandydat został rektorem i kaznodzieją w Szmiglu.", "Szmiglu")
    assert found.geo and found.geo["name"] == "Śmigiel"


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Dotychczasowy konsul w Warszawie, baron Lederer, wyjechał.", "Warszawie", 52.23, 21.01),
    ("Komisarz dla Albanii odjechał do Antivari.", "Antivari", 42.09, 19.10),
])
def test_a_name_after_a_preposition_of_place_is_a_place_whatever_its_type(
        text: str, mention: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.type == "PLACE" and found.geo is not None
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 30


@pytest.mark.parametrize(("text", "mention"), [
    ("Przyszedł do Nowaka i rozmawiał z Kowalskim.", "Nowaka"),
    ("Przyszedł do Nowaka i rozmawiał z Kowalskim.", "Kowalskim"),
    ("Przegrali mecz z Resovią i spadli z ligi.", "Resovią"),
    ("Coś tam powiedział, zażartował sobie ktoś z Polaków na sali.", "Polaków"),
    ("Dysponujemy pismem wojewody poznańskiego do Głównego Inspektora Pracy.", "Głównego"),
    ("Był zamach na Lenina w Moskwie.", "Lenina"),  # na + accusative says no place; a pseudonym
    ("Został ugodzony przez Amora w samo serce.", "Amora"),  # an accusative in -a is a person's, not a nominative
    ("Jan Tatar przyjechał. Potem list poszedł do Tatara.", "Tatara"),  # the document's person
    ("Idzie się aleją lip sadzonych jeszcze przez Radziwiłłów do pałacu.", "Radziwiłłów"),  # a passive's agent
    ("Zapowiedziano bojkot przez Serbów władz bośniackich.", "Serbów"),  # a people after przez, off a route
])
def test_a_person_after_a_preposition_stays_a_person(text: str, mention: str) -> None:
    analysis = analysed(text, "1938-05-10")
    found = [e for e in analysis.entities if e.text == mention]
    assert all(e.geo is None or "preposition of place" not in e.geo["reason"] for e in found)


def test_a_name_an_administrative_unit_follows_is_a_place() -> None:
    found = entity("Do karczmy dworskiej Grudna Kępska, w powiecie Jasielskim, wpadło ośmiu ludzi.", "Grudna Kępska")
    assert found.type == "PLACE" and found.geo is not None
    assert km(found.geo["lat"], found.geo["lon"], 49.74, 21.31) < 30


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("KOPENHAGA (Pat). Król przyjął dziś posła polskiego.", "KOPENHAGA", 55.68, 12.57),
    ("SZTOKHOLM (Pat). Rada związkowa obradowała dziś nad budżetem.", "SZTOKHOLM", 59.33, 18.07),
    ("NOWY YORK (WAT). Giełda była dziś spokojna.", "NOWY YORK", 40.71, -74.01),
])
def test_the_place_of_a_press_dateline_is_a_settlement(text: str, mention: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.type == "PLACE" and found.geo is not None and found.lemma == mention.title()
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 30


@pytest.mark.parametrize("text", [
    "KOMUNIKAT (Pat). Rząd ogłosił dziś nowe rozporządzenie.",
    "OSTATNIE WIADOMOŚCI (Red.). Numer zamknięto o północy.",
])
def test_words_in_capitals_before_an_agency_that_name_no_town_are_no_place(text: str) -> None:
    analysis = analysed(text, "1938-05-10")
    assert not [e for e in analysis.entities if e.geo and e.start == 0]


def test_a_foreign_name_after_a_preposition_of_place_no_entity_covers_is_a_place() -> None:
    found = entity("Komitet odbył swe roczne walne zebranie w Datteln, a potem odjechał.", "Datteln")
    assert found.type == "PLACE" and found.geo is not None
    assert km(found.geo["lat"], found.geo["lon"], 51.65, 7.34) < 30


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Mieszkał w Warszawie, na Mokotowie, przy samym parku.", "Mokotowie", 52.19, 21.02),
    ("Wojska cofały się na Lwów, a potem dalej na Przemyśl.", "Lwów", 49.84, 24.03),
    ("Pociąg pospieszny odszedł na Kraków o północy.", "Kraków", 50.06, 19.94),
])
def test_a_district_after_na_stays_in_its_town_and_a_town_in_the_accusative_is_the_town(
        text: str, mention: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 15


def test_a_town_after_na_in_the_locative_is_no_town() -> None:
    found = entity("Wczoraj był arcyksiążę na przedstawieniu w teatrze na Wiedeniu.", "Wiedeniu")
    assert not found.geo


@pytest.mark.parametrize(("name", "country"), [
    ("Göding", "Protectorate of Bohemia and Moravia"), ("Brünn", "Protectorate of Bohemia and Moravia"),
    ("Smyrna", "Turkey"), ("Chios", "Greece"), ("Rodos", "Italy"),
])
def test_towns_abroad_have_their_1939_state(name: str, country: str) -> None:
    place = geocode(name, 1900)
    assert place is not None and place.country_1939 == country


@pytest.mark.parametrize(("text", "mention"), [
    ("Był jednym z przywódców Koła Polskiego w parlamencie wiedeńskim.", "Koła"),
    ("Za odwagę otrzymał Srebrny Krzyż Zasługi i Krzyż Walecznych.", "Krzyż"),
    ("Dywizja przeszła szlak bojowy jako 1 DP im. T. Kościuszki.", "Kościuszki"),
    ("Polska wstąpiła do Unii Europejskiej w maju.", "Unii"),
    ("Kandydaci PiS idą do wyborów z własnej listy.", "PiS"),
])
def test_a_common_noun_inside_a_longer_name_or_a_patron_is_no_settlement(text: str, mention: str) -> None:
    analysis = analysed(text, "2004-05-10")
    start = text.index(mention)
    assert not any(e.geo and e.geo["kind"] == "settlement" for e in analysis.entities
                   if e.start < start + len(mention) and start < e.end)


def test_a_town_followed_by_a_persons_name_stays_a_town() -> None:
    found = entity("Tak zapowiedział wczoraj prezydent Łodzi Marek Czekalski na sesji rady.", "Łodzi")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 51.77, 19.46) < 15


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Wojska stały w Galicyi i na Węgrzech.", "Galicyi", "Galicja"),
    ("Statek przypłynął z Alexandryi do Marsylii.", "Alexandryi", "Aleksandria"),
    ("Kupiec przybył wczoraj z Szumli.", "Szumli", "Szumla"),
    ("Spotkali się w Turcyi i we Lwowie.", "Lwowie", "Lwów"),
    ("Dwór wyjechał do Madrytu, a potem do zamku w San Sebastian.", "San", "San Sebastian"),
])
def test_a_geocoded_case_form_is_cited_by_the_place_name(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert (found.lemma, found.ref) == (lemma, f"place:{slug(lemma)}"), found


def test_a_name_the_gazetteer_completes_takes_the_whole_span() -> None:
    text = "Nauczyciel objął posadę w Nowym Tomyślu."
    found = entity(text, "Nowym")
    assert (found.text, found.lemma) == ("Nowym Tomyślu", "Nowy Tomyśl")
    assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(("lemma", "surface", "cited"), [
    ("Turcia", "Turcyi", "Turcja"),  # a guessed ending: the place's name
    ("Turcya", "Turcyi", None),  # the name in the mention's own older spelling stays
    ("Turcja", "Turcji", None),
])
def test_which_base_forms_the_place_name_replaces(lemma: str, surface: str, cited: str | None) -> None:
    place = geocode("Turcja")
    assert place is not None and _cited_name(place, lemma, surface) == cited


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Pożar zniszczył wieś Borki w powiecie Nisieckim.", "Nisieckim", "Nisiecki"),
    ("Wieś Zalesie, gm. Dubickiej, pow. Wilejskiego, spłonęła.", "Dubickiej", "Dubicka"),
    ("Wieś Zalesie, gm. Dubickiej, pow. Wilejskiego, spłonęła.", "Wilejskiego", "Wilejski"),
    ("Sejmik obradował w woj. Nowogródzkiem.", "Nowogródzkiem", "Nowogródzkie"),
])
def test_an_adjective_after_a_unit_noun_names_the_unit_in_its_gender(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert (found.type, found.lemma) == ("PLACE", lemma), found


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Kamienica na Pradze spłonęła w nocy.", "Pradze", 52.255, 21.035),  # no town named: Warsaw's
    ("W Wilnie mróz. Na Zwierzyńcu otwarto szkołę.", "Zwierzyńcu", 54.69, 25.245),
    ("Kraków rośnie. Na Zwierzyńcu otwarto szkołę.", "Zwierzyńcu", 50.055, 19.905),
    # the town named most, though another was named last
    ("W Warszawie i w Krakowie pada. Potem w Warszawie. Na Ursynowie spokój.", "Ursynowie", 52.15, 21.05),
])
def test_a_district_after_na_belongs_to_the_town_the_text_speaks_of(text: str, mention: str, lat: float,
                                                                     lon: float) -> None:
    found = entity(text, mention)
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 5, found.geo
    assert found.geo["country_1939"] == "Poland"


def test_after_w_the_town_keeps_its_name() -> None:
    found = entity("W Warszawie pada. Konferencja w Pradze trwała dwa dni.", "Pradze")
    assert found.geo is not None and found.geo["name"] == "Prague"


def test_town_districts_load_and_reject_bad_rows() -> None:
    districts = load_town_districts()
    assert {d.town for d in districts} <= {"Warszawa", "Kraków", "Lwów", "Wilno", "Poznań", "Łódź", "Sosnowiec",
                                           "Bytom", "Katowice", "Mysłowice", "Zakopane", "Przemyśl", "Gdynia"}
    assert all(geocode(d.town) is not None for d in districts)
    with pytest.raises(ValueError, match="line 2"):
        load_town_districts("name\tname_now\ttown\tlat\tlon\tsource\nPraga\t\tWarszawa\tx\t21\tsource\n")


def test_a_misprinted_name_is_the_place_the_document_names() -> None:
    text = "Kossuth bawił w Szumli. Już w Szumh powiedział, że chwyci za pióro."
    analysis = analysed(text, "1850-07-12")
    start = text.index("Szumh")
    found = next(e for e in analysis.entities if e.start == start)
    assert found.geo is not None and found.geo["name_pl"] == "Szumla" and found.lemma == "Szumla"


@pytest.mark.parametrize("row", ["h\tli\tSzumh → Szumla", "h\t\tSzumh → Szum"])
def test_print_confusions_reject_bad_rows(row: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from kronika.lang import orthography

    monkeypatch.setattr(orthography, "read_table", lambda *args, **kwargs: parse_table(
        f"read\tmeant\texample\n{row}\n", "print_confusions.tsv", ("read", "meant", "example"), header=True,
        non_empty=True))
    orthography.print_confusions.cache_clear()
    try:
        with pytest.raises(ValueError, match="print_confusions.tsv line 2"):
            orthography.print_confusions()
    finally:
        orthography.print_confusions.cache_clear()


@pytest.mark.parametrize(("text", "mention"), [
    ("Na Częstochowę narzekają wszyscy kierowcy: - Tam na nas się czają.", "Tam"),
])
def test_a_word_read_as_a_particle_or_an_adverb_is_no_town(text: str, mention: str) -> None:
    analysis = analysed(text, "2000-01-01")
    start = text.index(mention)
    assert not any(e.geo for e in analysis.entities if e.start == start)


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Debata o ewakuacji Nadrenji trwała długo.", "Nadrenji", "Nadrenia"),
    ("Pociągi z Westfalii przywiozły węgiel.", "Westfalii", "Westfalia"),
])
def test_a_name_known_only_as_geographic_is_a_place(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert (found.type, found.lemma) == ("PLACE", lemma), found


def test_a_first_name_that_is_also_a_village_stays_a_person() -> None:
    assert entity("Wczoraj widziano Katarzynę na targu.", "Katarzynę").type == "PERSON"


def test_a_widened_name_takes_in_the_entity_of_its_other_word() -> None:
    text = "Na prośbę wystawy w Nowym Jorku wysyłam list."
    places = [e for e in analysed(text, "2000-01-01").entities if e.geo]
    assert [(e.text, e.lemma) for e in places] == [("Nowym Jorku", "Nowy Jork")]


def test_an_abbreviated_qualifier_is_part_of_the_place_name() -> None:
    text = ("Urzędy celne w Tarn. Górach i Król. Hucie podlegały Mysłowicom. Inspekcja obejmuje miasto Król. "
            "Hutę. Mieszkał w Ostrowie Wlkp. przez rok, potem w Tomaszowie Maz.")
    analysis = analysed(text, "1913-03-18")
    placed = {e.text: (e.lemma, e.geo) for e in analysis.entities if e.type == "PLACE"}
    for mention, lemma, lat, lon in [("Tarn. Górach", "Tarnowskie Góry", 50.44, 18.86),
                                     ("Król. Hucie", "Królewska Huta", 50.30, 18.95),
                                     ("Król. Hutę", "Królewska Huta", 50.30, 18.95),
                                     ("Ostrowie Wlkp.", "Ostrów Wielkopolski", 51.65, 17.81),
                                     ("Tomaszowie Maz.", "Tomaszów Mazowiecki", 51.53, 20.01)]:
        assert mention in placed, (mention, placed)
        found_lemma, geo = placed[mention]
        assert found_lemma == lemma and geo is not None and km(geo["lat"], geo["lon"], lat, lon) < 5, placed[mention]


def test_each_part_of_a_hyphenated_name_declines_and_the_name_is_one_mention() -> None:
    text = "Przyjechał z Nowo-Święcian do Nowo-Wilejki, potem do Bielska-Białej. Mecz Wilno-Kowno odbył się wczoraj."
    analysis = analysed(text, "1937-05-10")
    placed = {e.text: e for e in analysis.entities if e.type == "PLACE"}
    assert placed["Bielska-Białej"].lemma == "Bielsko-Biała" and placed["Bielska-Białej"].geo["lat"] < 50
    assert placed["Nowo-Wilejki"].geo is not None and placed["Nowo-Wilejki"].geo["lon"] < 25.6  # not Wilejka
    assert placed["Nowo-Święcian"].geo is None  # the gazetteer lacks the whole; Święciany is another town
    assert {"Wilno", "Kowno"} <= placed.keys()  # two towns joined by a hyphen keep their own names


def test_a_mention_left_unplaced_takes_the_settlement_the_document_names_by_the_same_base_form() -> None:
    text = ("Armia cofała się od Kraśnika ku Lublinowi. Walczyła długo przed Kraśnikiem, zanim nadeszły "
            "posiłki z Lublina.")
    analysis = analysed(text, "1914-09-25")
    again = next(e for e in analysis.entities if e.text == "Kraśnikiem")
    assert again.type == "PLACE" and again.geo is not None and km(again.geo["lat"], again.geo["lon"], 50.92, 22.23) < 5


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("W miasteczku Aurich zmarł restaurator.", "Aurich", 53.47, 7.48),
    ("Armia stała na linii Narol—Uhnów przez tydzień.", "Uhnów", 50.37, 23.75),
    ("Walne zebranie odbyło się w Stęszewie; przybyła p. Jordanówna z Chomencic.", "Chomencic", 52.33, 16.75),
    ("Bytom. Kradzieże się mnożą. Rozbark. Znaleziono trupa przy ulicy Kamińskiej.", "Rozbark", 50.35, 18.95),
])
def test_a_settlement_by_its_context_or_its_older_spelling(text: str, mention: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 10, found


@pytest.mark.parametrize(("text", "mention"), [
    ("Do komitetu wybrano p. Ruszczyńską i p. Brokowa.", "Brokowa"),  # a woman's surname, not Brokowo
    ("Stosunek Hitler—Stalin był chłodny.", "Stalin"),  # a dash joins two persons, not a place
])
def test_a_name_after_an_honorific_or_joined_to_a_person_is_no_settlement(text: str, mention: str) -> None:
    start = text.index(mention)
    assert not [e for e in analysed(text, "1918-08-01").entities
                if e.start < start + len(mention) and start < e.end and e.geo and e.geo["kind"] == "settlement"]


@pytest.mark.parametrize(("text", "mention", "lemma", "lat", "lon"), [
    ("W Dysseldorfie rozegrał się proces o pojedynek.", "Dysseldorfie", "Dysseldorf", 51.22, 6.78),
    ("Kupiec mieszkał w Liwerpoolu od lat.", "Liwerpoolu", "Liwerpool", 53.41, -2.98),
    ("Gubernator przyjechał do Jekaterynosławia w sobotę.", "Jekaterynosławia", "Jekaterynosław", 48.45, 34.98),
])
def test_older_polish_names_of_towns_abroad_are_cited_as_written(text: str, mention: str, lemma: str, lat: float,
                                                                   lon: float) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.geo and km(found.geo["lat"], found.geo["lon"], lat, lon) < 20, found


@pytest.mark.parametrize(("text", "mention", "lemma", "kind"), [
    ("Przedstawicielstwo wysyła cukier do Persyi.", "Persyi", "Persja", "country"),
    ("Uroczystość odbyła się w Kroacyi.", "Kroacyi", "Kroacja", "country"),
    ("Wojska stały w Alzacji i Lotaryngii.", "Alzacji", "Alzacja", "region"),
])
def test_countries_and_historical_regions_are_no_settlements(text: str, mention: str, lemma: str, kind: str) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.geo and found.geo["kind"] == kind, found


def test_a_town_in_parentheses_after_its_country_is_the_town() -> None:
    found = entity("Aktorka urodziła się w Chorwacji (Rijeka), a mieszka w Kijowie.", "Rijeka")
    assert found.geo and km(found.geo["lat"], found.geo["lon"], 45.33, 14.44) < 10, found


@pytest.mark.parametrize(("text", "regions"), [
    ("Grad zniszczył zasiewy w powiatach kutnowskim i łęczyckim.", ["kutnowski", "łęczycki"]),
    ("Sejmik województwa lwowskiego zebrał się wczoraj we Lwowie.", ["lwowskie"]),
    ("Starostwo pow. sanockiego ogłosiło przetarg.", ["sanocki"]),
    ("Zarząd gminy żydowskiej i proboszcz parafji katolickiej przyjęli gości ze wsi polskiej.", []),
])
def test_a_lower_case_adjective_after_a_units_noun_names_the_unit(text: str, regions: list[str]) -> None:
    analysis = analysed(text, "1934-07-20")
    found = [e for e in analysis.entities if e.type == "PLACE" and e.subtype == "region" and e.text.islower()]
    assert [e.lemma for e in found] == regions, [(e.text, e.lemma) for e in found]
    assert all(e.geo is None and text[e.start:e.end] == e.text for e in found)


def test_a_locative_in_owie_lets_the_town_in_ow_compete_with_the_village_in_owo() -> None:
    # "Aleksandrowie" is the locative of both Aleksandrów and Aleksandrowo; the towns named beside it decide
    found = entity("Tkacze w Zgierzu i Aleksandrowie porzucili warsztaty.", "Aleksandrowie")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 51.82, 19.30) < 10, found.geo


@pytest.mark.parametrize(("text", "mention", "placed"), [
    ("Po ślubie pani Helena z Lipińskich zamieszkała w Lublinie.", "Lipińskich", False),
    ("Zmarła Marja z Końskich, wdowa po lekarzu.", "Końskich", False),
    ("Wczoraj przyjechał Jan z Końskich.", "Końskich", True),
    ("Na targ przyjechała Anna z Kielc.", "Kielc", True),
])
def test_z_and_a_family_name_after_a_womans_forename_is_her_maiden_name(text: str, mention: str,
                                                                         placed: bool) -> None:
    start = text.index(mention)
    analysis = analysed(text, "1932-04-23")
    found = [e for e in analysis.entities if e.start < start + len(mention) and start < e.end and e.geo]
    assert bool(found) == placed, [(e.text, e.geo) for e in found]


def test_the_noun_of_a_complex_preposition_of_place_counts_as_one() -> None:
    # "w kierunku" like "do": a town named like a common noun (zwierzyniec, a game park) may be a village
    found = entity("Nowa szosa z Biłgoraja prowadzi w kierunku Zwierzyńca.", "Zwierzyńca")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 50.61, 22.98) < 10, found.geo


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("Młyny stały nad Pilicą od wieków.", "Pilicą", "river"),
    ("Wieś leży nad Wartą, daleko od kolei.", "Wartą", "river"),
    ("Łąki przy ujściu Nidy zalała woda.", "Nidy", "river"),
    ("Jarmark w Pilicy ściągnął chłopów z Wolbromia.", "Pilicy", "settlement"),
    ("Sąd grodzki w Warcie rozpatrzył sprawę.", "Warcie", "settlement"),
    ("Francuzi cofnęli się znad Marny.", "Marny", "river"),
    ("Furmanki jechały z Pilicy do Wolbromia przez las.", "Pilicy", "settlement"),
    ("Autobus kursuje z Wolbromia do Pilicy dwa razy dziennie.", "Pilicy", "settlement"),
    ("Ryby z Pilicy sprzedawano na targu.", "Pilicy", "river"),
])
def test_a_name_after_nad_is_the_river_and_after_w_the_town(text: str, mention: str, kind: str) -> None:
    found = entity(text, mention)
    assert found.geo and found.geo["kind"] == kind, found
    assert kind != "river" or found.subtype != "settlement", found


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Narciarze zjechali z Kasprowego Wierchu przed zmrokiem.", "Kasprowego Wierchu", "Kasprowy Wierch"),
    ("Wójt przyjechał z Małego Chełmu na targ.", "Małego Chełmu", "Mały Chełm"),
    ("Kupcy z Nowego Bierunia sprzedawali len.", "Nowego Bierunia", "Nowy Bieruń"),
    ("Zimą na Szczyrbskim Jeziorze urządzono ślizgawkę.", "Szczyrbskim Jeziorze", "Szczyrbskie Jezioro"),
    ("Wrócił z Tomaszowa Lubelskiego koleją.", "Tomaszowa Lubelskiego", "Tomaszów Lubelski"),
    ("Bawił w Kazimierzu Dolnym nad Wisłą całe lato.", "Kazimierzu Dolnym nad Wisłą", "Kazimierz Dolny nad Wisłą"),
    ("Wycieczka z Gór Świętokrzyskich wróciła.", "Gór Świętokrzyskich", "Góry Świętokrzyskie"),
])
def test_a_place_of_several_words_is_cited_with_each_agreeing_word_in_the_nominative(text: str, mention: str,
                                                                                     lemma: str) -> None:
    assert entity(text, mention).lemma == lemma


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Z Kasprowego Wierchu narciarze zjechali do Kuźnic, skąd autobus wiózł ich do Zakopanego.", "Kuźnic",
     49.27, 19.98),
    ("W Mysłowicach targ, a w Brzezince pod miastem pożar stodoły.", "Brzezince", 50.18, 19.13),
])
def test_a_village_elsewhere_yields_to_a_district_of_a_town_the_text_names(text: str, mention: str, lat: float,
                                                                            lon: float) -> None:
    found = entity(text, mention)
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 5, found.geo


def test_a_village_of_the_name_stays_where_no_town_of_the_district_is_named() -> None:
    found = entity("W Oświęcimiu targ, a w Brzezince pożar.", "Brzezince")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 50.04, 19.19) < 5, found.geo


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Kuracjusze zjechali do Starej Lubowni na Spiszu.", "Starej Lubowni", "Stara Lubownia"),
    ("Narciarze przyjechali ze Szczyrbskiego Jeziora.", "Szczyrbskiego Jeziora", "Szczyrbskie Jezioro"),
])
def test_a_feminine_soft_stem_and_an_unknown_adjective_of_a_name_decline(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert found.text == mention and found.lemma == lemma and found.geo is not None, found
    assert found.geo["country_now"] == "Slovakia"


@pytest.mark.parametrize(("text", "mention"), [
    ("Skrzydłowy New Jersey Nets zdobył punkty.", "New"),
    ("Świadectwa wystawia odtąd CIS w Moskwie.", "CIS"),
])
def test_a_plural_case_form_of_a_rivers_name_is_not_the_river(text: str, mention: str) -> None:
    analysis = analysed(text, "1995-05-10")
    start = text.index(mention)
    assert not any(e.geo and e.geo["kind"] == "river" for e in analysis.entities
                   if e.start < start + len(mention) and start < e.end)


@pytest.mark.parametrize(("text", "mention", "lemma", "kind"), [
    ("W schronisku na Śnieżce nocowało dwudziestu turystów.", "Śnieżce", "Śnieżka", "mountains"),
    ("Parowce kursują na Amurze aż do jesieni.", "Amurze", "Amur", "river"),
])
def test_a_capitalised_common_noun_after_a_preposition_may_be_a_mountain_or_a_river(text: str, mention: str,
                                                                                     lemma: str, kind: str) -> None:
    found = entity(text, mention)
    assert found.type == "PLACE" and found.lemma == lemma and found.geo and found.geo["kind"] == kind, found


def test_a_capitalised_common_noun_after_a_preposition_is_no_settlement_of_its_name() -> None:
    analysis = analysed("Posiedzenie odbyło się w Sejmie, a potem na Zamku.", "1935-05-10")
    assert not any(e.geo for e in analysis.entities), [(e.text, e.geo) for e in analysis.entities]


def test_a_namesake_beyond_the_most_salient_competes_when_near_a_town_the_text_names() -> None:
    # one of about a hundred villages called Dąbrowa, 24 km from Szamotuły; the look-up's 20 most salient miss it
    found = entity("W Szamotułach był targ, a w Dąbrowie wybuchł pożar.", "Dąbrowie")
    assert found.geo is not None and km(found.geo["lat"], found.geo["lon"], 52.61, 16.58) < 30, found.geo


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("W Kieleckiem spadł wczoraj śnieg.", "Kieleckiem", "Kieleckie"),
    ("Górnicy w Bytomskiem strajkują od tygodnia.", "Bytomskiem", "Bytomskie"),
    ("Urodzaj w Lubelskim był dobry.", "Lubelskim", "Lubelskie"),
])
def test_a_lone_adjective_in_the_locative_after_w_names_a_land(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.subtype == "region" and not found.geo, found


@pytest.mark.parametrize(("text", "mention", "lemma", "lat", "lon"), [
    ("Latem prezydent wypoczywał w Spale, dokąd zjechali myśliwi.", "Spale", "Spała", 51.54, 20.14),
    ("Tyfus wybuchł we wsi Dywin pod Kobryniem.", "Dywin", "Dywin", 51.96, 24.56),
    ("Frachtowiec wypłynął z Konstancy do Pireusu.", "Konstancy", "Konstanca", 44.18, 28.63),
    ("Na szczyt Elbrusu weszło trzech taterników.", "Elbrusu", "Elbrus", 43.35, 42.44),
])
def test_a_summer_residence_a_borderland_village_an_exonym_and_a_peak_the_index_lacked(
        text: str, mention: str, lemma: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 10, found.geo


@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Pogrzeb górnika odbędzie się w Wielkich Hajdukach.", "Wielkich Hajdukach", "Wielkie Hajduki"),
    ("Sołtys ze Starych Juch przyjechał na jarmark, a w Starych Juchach został jego brat.", "Starych Juchach",
     "Stare Juchy"),
])
def test_a_place_found_as_its_adjective_takes_the_noun_it_agrees_with(text: str, mention: str, lemma: str) -> None:
    found = entity(text, mention)
    assert found.text == mention and found.lemma == lemma and found.geo is not None, found



@pytest.mark.parametrize(("text", "mention", "lemma"), [
    ("Pożar młyna.\n\nKOŁO, 3 maja (PAT). Wczoraj w nocy spłonął młyn parowy.", "KOŁO", "Koło"),
    ("Nowa szkoła.\n\nRÓWNE, 5 września. Dziś otwarto gimnazjum.", "RÓWNE", "Równe"),
])
def test_a_dateline_in_capitals_names_a_place_whatever_common_word_it_spells(text: str, mention: str,
                                                                            lemma: str) -> None:
    found = entity(text, mention)
    assert found.type == "PLACE" and found.lemma == lemma and found.geo is not None, found


def test_words_in_capitals_before_a_date_that_goes_on_are_no_dateline() -> None:
    analysis = analysed("UWAGA, 3 maja sklep zamknięty.", "1935-05-10")
    assert not any(e.type == "PLACE" for e in analysis.entities)


@pytest.mark.parametrize(("text", "mention", "lemma", "lat", "lon"), [
    # a member of a list a preposition of place governs, typed a person
    ("Samochody przejechały przez Tatarów i Jaremcze w stronę przełęczy.", "Jaremcze", "Jaremcze", 48.45, 24.56),
    # no entity: the accusative of a masculine name is its nominative; a people's name too, but on a route
    ("Droga z Worochty przez Tatarów na przełęcz była trudna.", "Tatarów", "Tatarów", 48.34, 24.58),
    # typed a person: a geographic name in the accusative after "przez", a common noun's plural
    ("Tabor jechał przez Jabłonkę ku Orawce.", "Jabłonkę", "Jabłonka", 49.48, 19.69),
    ("Front przebiegał przez Piaski i Kozy.", "Piaski", "Piaski", 51.88, 17.07),
])
def test_a_name_in_the_case_a_preposition_of_place_governs_is_the_settlement_it_declines(
        text: str, mention: str, lemma: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.type == "PLACE" and found.lemma == lemma and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 10, found.geo


def test_a_common_noun_ending_a_body_s_name_after_a_preposition_is_no_village() -> None:
    assert_not_a_settlement("Sprawozdawca Komisji Emigracji i Polaków za Granicą przedstawił projekt.", "Granicą")
    found = entity("Sądzono szewca Malińskiego z Krobi za kradzież.", "Krobi")  # after a surname: the town
    assert found.geo is not None and found.geo["name"] == "Krobia", found


def test_a_town_named_like_a_works_is_the_town_when_the_gazetteer_knows_the_whole_name() -> None:
    found = entity("Wczoraj nastąpił w kopalni „Barbara“ w Królewskiej Hucie wybuch gazów.", "Królewskiej Hucie")
    assert found.geo is not None and found.geo["name_pl"] == "Chorzów" and found.lemma == "Królewska Huta", found
    found = entity("Msza odbyła się w Krakowskiej Katedrze.", "Krakowskiej Katedrze")
    assert found.subtype == "building" and not found.geo, found


@pytest.mark.parametrize("text", ["Pożar wybuchł wczoraj na Zasaniu w Przemyślu.",
                                  "W Przemyślu otwarto most. Tłumy zebrały się na Zasaniu."])
def test_a_district_in_the_locative_after_na_is_the_district_of_its_town(text: str) -> None:
    found = entity(text, "Zasaniu")
    assert found.lemma == "Zasanie" and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], 49.79, 22.77) < 3, found.geo


def test_a_valley_is_named_by_its_river_never_by_a_town() -> None:
    assert_not_a_settlement("Wyprawa zeszła w dolinę Baksanu i rozbiła namioty.", "Baksanu")


@pytest.mark.parametrize(("text", "mention", "lemma", "lat", "lon"), [
    ("Robotnicy z Orłowej zebrali się w Czeskim Cieszynie.", "Czeskim Cieszynie", "Czeski Cieszyn", 49.75, 18.63),
    ("Robotnicy z Orłowej zebrali się w Czeskim Cieszynie.", "Orłowej", "Orłowa", 49.85, 18.43),
])
def test_the_polish_names_of_zaolzie_towns(text: str, mention: str, lemma: str, lat: float, lon: float) -> None:
    found = entity(text, mention)
    assert found.lemma == lemma and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 5, found.geo


@pytest.mark.parametrize(("text", "mention"), [
    ("Wczoraj wyjechał na Tatrze do Krakowa.", "Tatrze"),  # the make of car, a feminine -ra noun's locative
    ("Wczoraj wyjechał na Tatrze i wrócił nocą.", "Tatrze"),
])
def test_a_singular_case_form_is_no_form_of_a_plurale_tantum(text: str, mention: str) -> None:
    found = entity(text, mention)
    assert found.geo is None or found.geo["name_pl"] != "Tatry"


def test_a_plurale_tantum_in_its_own_cases_stays_itself() -> None:
    found = entity("Latem chodził po Tatrach, zimą mieszkał w Krakowie.", "Tatrach")
    assert found.geo is not None and found.geo["name_pl"] == "Tatry"


@pytest.mark.parametrize("text", [
    "Z Golubia przyjechał do Wąbrzeźna na jarmark.",
    "Wyruszył z Torunia, a nocował w Golubiu nad Drwęcą.",
])
def test_a_part_of_a_compound_name_is_the_towns_older_name(text: str) -> None:
    """SGJP knows *Golub* only as a part of Golub-Dobrzyń: that part is the town (near Toruń), not
    a village Golubie whose genitive is spelled alike."""
    found = entity(text, "Golubi")
    assert found.geo is not None and found.geo["name_pl"] == "Golub-Dobrzyń"


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Jechał przez Worochtę do Stanisławowa.", "Worochtę", 48.29, 24.57),  # read as a body
    ("Pociąg jechał przez Worochtę i dalej na Węgry.", "Worochtę", 48.29, 24.57),  # read as a person
    ("Szli przez Tłumacz i Otynię.", "Otynię", 48.74, 24.85),
])
def test_a_body_or_a_person_nothing_marks_after_a_preposition_of_place_is_the_settlement(
        text: str, mention: str, lat: float, lon: float) -> None:
    """*przez* with the accusative says the way through a place; the gazetteer knows Worochta and Otynia by
    their Polish names beside today's (Vorokhta, Otyniia)."""
    found = entity(text, mention)
    assert found.type == "PLACE" and found.geo is not None and km(found.geo["lat"], found.geo["lon"], lat, lon) < 10


@pytest.mark.parametrize(("text", "mention"), [
    ("Ustawę przyjęto w Sejmie po długiej debacie.", "Sejmie"),  # a noun for a body
    ("Wniosek przeszedł przez Senat bez poprawek.", "Senat"),
    ("Bilety kupił w „Orbisie” na wycieczkę.", "Orbisie"),  # in quotation marks
])
def test_an_organisation_a_noun_or_quotes_mark_stays_no_settlement(text: str, mention: str) -> None:
    found = [e for e in analysed(text, "1938-05-10").entities if e.text == mention]
    assert all(e.geo is None or e.geo["kind"] != "settlement" for e in found)


def test_a_word_of_a_newspapers_name_is_no_place_on_its_own() -> None:
    text = "Donosi o tem Pester Lloyd z Budapesztu, a w Pester Lloydzie czytamy jeszcze więcej."
    analysis = analysed(text, "1910-05-10")
    second = text.rindex("Pester")
    found = [e for e in analysis.entities if e.start == second]
    assert found and all(e.type != "PLACE" and e.geo is None for e in found)
    assert found[0].text == "Pester Lloydzie" and found[0].lemma == "Pester Lloyd"


@pytest.mark.parametrize(("text", "mention", "lat", "lon"), [
    ("Statek płynie z Gdyni do Rio de Janeiro.", "Rio de Janeiro", -22.91, -43.18),
    ("Parowiec zawinie do Hawru, Rio de Janeiro, Santos i Montevideo.", "Santos", -23.96, -46.33),
    ("Wycieczka przybyła do Santa Cruz de Tenerife.", "Santa Cruz de Tenerife", 28.47, -16.25),
    ("Kupiec jechał przez Frankfurt am Main.", "Frankfurt am Main", 50.12, 8.68),
])
def test_a_foreign_name_with_lower_case_particles_is_one_place(text: str, mention: str, lat: float,
                                                                lon: float) -> None:
    found = entity(text, mention)
    assert found.text == mention and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], lat, lon) < 15, found.geo


@pytest.mark.parametrize(("text", "mention"), [
    ("Muzeum kupiło obraz „Wieczór nad Wisłą” pędzla młodego malarza.", "Wisłą"),
    ("Na ringu stanął wczoraj mistrz Europy w wadze piórkowej.", "Europy"),
    ("Zwyciężył wicemistrz Polski z ubiegłego roku.", "Polski"),
])
def test_a_place_in_a_works_title_or_a_sports_title_is_not_geocoded(text: str, mention: str) -> None:
    analysis = analysed(text, "1933-05-02")
    assert not any(e.geo for e in analysis.entities if e.text == mention), analysis.entities


def test_a_district_of_gdynia_after_na_is_the_towns() -> None:
    found = entity("GDYNIA, 3 maja. Robotnicy portowi mieszkają przeważnie na Grabówku i na Oksywiu.", "Grabówku")
    assert found.lemma == "Grabówek" and found.geo is not None, found
    assert km(found.geo["lat"], found.geo["lon"], 54.53, 18.50) < 3, found.geo


def test_an_adjective_no_dictionary_knows_after_a_units_noun_names_the_unit() -> None:
    analysis = analysed("Osadnicy przybyli z powiatu horochowskiego i kostopolskiego.", "1936-04-02")
    names = {e.text: (e.lemma, e.subtype) for e in analysis.entities if e.type == "PLACE"}
    assert names["horochowskiego"] == ("horochowski", "region"), names
    assert names["kostopolskiego"] == ("kostopolski", "region"), names
