"""Base forms of names (kronika.morph.lemmatize) and the ``kronika lemmatize`` command."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kronika.commands.lemmatize import command
from kronika.lang.orthography import generic_name_nouns
from kronika.lang.tokens import tokenize
from kronika.model import Interp, Token
from kronika.morph import get_morphology, lemmatize
from kronika.morph.lemmatize import base_form, lemmatize_phrase, name_class
from tests.conftest import entities_of


@pytest.mark.parametrize(
    ("phrase", "category", "expected"),
    [
        # head and agreeing modifiers inflect; genitive complements and quoted names stay
        ("Samodzielnej Grupy Operacyjnej „Polesie”", "MILITARY_UNIT", "Samodzielna Grupa Operacyjna „Polesie”"),
        ("Ludowego Komisariatu Spraw Zagranicznych ZSRS", "ORGANIZATION", "Ludowy Komisariat Spraw Zagranicznych ZSRS"),
        ("52. Dywizją Strzelecką", "MILITARY_UNIT", "52. Dywizja Strzelecka"),
        ("II Rzeczpospolitej", "COUNTRY", "II Rzeczpospolita"),
        ("Rady Nadzorczej Polskiego Radia", None, "Rada Nadzorcza Polskiego Radia"),
        ("Ministerstwa Zdrowia", None, "Ministerstwo Zdrowia"),
        ("Urzędu Miejskiego w Białymstoku", None, "Urząd Miejski w Białymstoku"),
        ("Kościoła Świętego Krzyża", None, "Kościół Świętego Krzyża"),
        ("Stanów Zjednoczonych", "PLACE", "Stany Zjednoczone"),
        ("Jeleniej Górze", "PLACE", "Jelenia Góra"),
        ("rzeki Wisły", "PLACE", "rzeka Wisła"),
        # persons: every agreeing name part, hyphenated surnames, unknown surnames by suffix rules
        ("Franciszka Kleeberga", "PERSON", "Franciszek Kleeberg"),
        ("Wilhelma Orlika-Rückemanna", "PERSON", "Wilhelm Orlik-Rückemann"),
        ("Grzybowskiemu", "PERSON", "Grzybowski"),
        ("Anny Kowalskiej", "PERSON", "Anna Kowalska"),
        ("Steve'a Jobsa", "PERSON", "Steve Jobs"),
        # places Morfeusz knows
        ("Kowlem", "PLACE", "Kowel"),
        ("Wytycznem", "PLACE", "Wytyczno"),
        ("Lwowa", "PLACE", "Lwów"),
        # unknown places, by the oblique endings of Polish place names (invented names)
        ("Szackiem", "PLACE", "Szack"),
        ("Zabłockiem", "PLACE", "Zabłock"),
        ("Oranami", "PLACE", "Orany"),
        ("Kalininie", "PLACE", "Kalinin"),
        ("Baranowiczami", "PLACE", "Baranowicze"),
        ("Nowosielcach", "PLACE", "Nowosielce"),
        ("Krzemieńcem", "PLACE", "Krzemieniec"),
        ("Zadubnem", "PLACE", "Zadubno"),
        ("Hrubowem", "PLACE", "Hrubów"),
        ("Mönchengladbach", "PLACE", "Mönchengladbach"),  # -ach ends German nominatives
        # two places SGJP knows equally: the more regular paradigm (Dubno, not Dubne)
        ("Dubnem", "PLACE", "Dubno"),
        # hyphenated parts of different genders, coordinated nouns, appositions of other genders
        ("Bielsku-Białej", "PLACE", "Bielsko-Biała"),
        ("Prawa i Sprawiedliwości", "nam_org_political_party", "Prawo i Sprawiedliwość"),
        ("Lewicy i Demokratów", "ORGANIZATION", "Lewica i Demokraci"),
        ("Ministerstwa Pracy i Polityki Społecznej", None, "Ministerstwo Pracy i Polityki Społecznej"),
        ("San Sebastian", "PLACE", "San Sebastian"),
        ("obrony Lwowa", "EVENT", "obrona Lwowa"),
        ("Prymasa Tysiąclecia", "PERSON", "Prymas Tysiąclecia"),
        # names made only of adjectives: the gender the corpus cites the category in
        ("Wilanowskiej", "nam_fac_road", "Wilanowska"),
        ("nyskim", "nam_loc_gpe_admin2", "nyski"),
        ("opolskim", "nam_loc_gpe_admin1", "opolskie"),
        # case endings glued to acronyms are dropped; short capitals are acronyms even if they spell words
        ("PSL-u", "ORGANIZATION", "PSL"),
        ("MAM Forum", "EVENT", "MAM Forum"),
        # a name-derived adjective: masculine singular, lower case
        ("polskiego", "nam_adj_country", "polski"),
        # already nominative: unchanged
        ("Armia Czerwona", "MILITARY_UNIT", "Armia Czerwona"),
        # an adjective after the head is its modifier, not the region it also names (Łódzkie)
        ("Aleksandrowa Łódzkiego", "PLACE", "Aleksandrów Łódzki"),
        # an indeclinable surname reading (Niemiec) is no evidence the adjective belongs to it
        ("Republiki Federalnej Niemiec", "nam_loc_gpe_country", "Republika Federalna Niemiec"),
        # a head a quoted name follows is singular; unknown oblique place endings without a category
        ("Zgrupowania „Małyńsk”", "MILITARY_UNIT", "Zgrupowanie „Małyńsk”"),
        ("Oranami", None, "Orany"),
        # web addresses as written; an English 's is no Polish case ending
        ("Time.com", "nam_pro_media_web", "Time.com"),
        ("mam.media.pl", None, "mam.media.pl"),
        ("Men's Health", "nam_pro_media_periodic", "Men's Health"),
    ],
)
def test_lemmatize_phrase(phrase: str, category: str | None, expected: str) -> None:
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize(
    ("phrase", "category", "expected"),
    [
        # a name no analysis supports as inflected stays as written
        ("Le Journal de Genève", None, "Le Journal de Genève"),
        ("Rouge et Noir", None, "Rouge et Noir"),
        ("Ober Allgäu", "PLACE", "Ober Allgäu"),
        ("Allgäu", "PLACE", "Allgäu"),
        ("Mikko", "PERSON", "Mikko"),
        # a foreign stem with a Polish ending loses the ending
        ("Winstona Churchilla", None, "Winston Churchill"),
        ("Neville'a Chamberlaina", "PERSON", "Neville Chamberlain"),
        ("Stresemanna", "PERSON", "Stresemann"),
        ("Hofmannem", None, "Hofmann"),
        ("Kennedyego", "PERSON", "Kennedy"),
        # forenames alone: the one usage makes likelier, with or without a category
        ("Edwarda", "PERSON", "Edward"),
        ("Stanisława", "PERSON", "Stanisław"),
        ("Edwarda", None, "Edward"),
        # two forenames; Russian and Belarusian surnames; a family in the plural
        ("Jana Kazimierza Zawiszy", "PERSON", "Jan Kazimierz Zawisza"),
        ("Pietrowa", "PERSON", "Pietrow"),
        ("Sołowjewa", "PERSON", "Sołowjew"),
        ("Iwanowych", "PERSON", "Iwanow"),
        ("Kalininych", None, "Kalinin"),
        # maiden names and patronymics; the ending tells the case the forename shares
        ("Stelli Typelówny", "PERSON", "Stella Typelówna"),
        ("Marii Fiodorowny", "PERSON", "Maria Fiodorowna"),
        # compounds and regions
        ("Kamieńca Podolskiego", None, "Kamieniec Podolski"),
        ("Gorzowie Wielkopolskim", "PLACE", "Gorzów Wielkopolski"),
        ("Naroczem", "PLACE", "Narocz"),
        ("Naroczem", None, "Narocz"),
        # surname first, as in registers: cited forename first
        ("Nowak Jan", "PERSON", "Jan Nowak"),
        ("Sawickiego Piotra", "PERSON", "Piotr Sawicki"),
        ("Nowak Jan", None, "Jan Nowak"),
        ("Jan Nowak", "PERSON", "Jan Nowak"),
        # a lower-case adjective with no category is a name-derived adjective
        ("francuskiego", None, "francuski"),
        # a nation, not a village of the same name (Polaki)
        ("Polaków", None, "Polacy"),
        # a people in the plural, not a village spelt like its genitive nor a family of the same surname;
        # a word the NKJP text used for a country stays the country
        ("Włochów", None, "Włosi"),
        ("Tatarami", None, "Tatarzy"),
        ("Niemcom", None, "Niemcy"),
        # a regnal number is no word of the name: the forenames' usage still decides
        ("Jana Pawła II", None, "Jan Paweł II"),
        ("Bolesława I Chrobrego", None, "Bolesław I Chrobry"),
        # the words of a name share one case: a forename read as a genitive carries an unknown surname with it
        ("Henryka Reymana", None, "Henryk Reyman"),
        ("Tadeusza Wolskiego", None, "Tadeusz Wolski"),
        # a woman's surname keeps the forename beside it feminine
        ("Henryka Reymanowa", "PERSON", "Henryka Reymanowa"),
        ("Henryka Reymanowa", None, "Henryka Reymanowa"),
        ("Stanisława Reymanówna", "PERSON", "Stanisława Reymanówna"),
        ("Henryką Reymanową", None, "Henryka Reymanowa"),
        ("Henryka Sienkiewicza", "PERSON", "Henryk Sienkiewicz"),
        # an abbreviated forename is cited as written
        ("Wład. Kosińskiego", "PERSON", "Wład. Kosiński"),
        # a form of two forenames (Jacek's and Jack's genitive): the commoner in Polish text
        ("Jacka Zielińskiego", "PERSON", "Jacek Zieliński"),
        ("Jacka", None, "Jacek"),
        # an adjective is cited by its lemma, not its short form of the same tag (wszechmocen)
        ("Wszechmocnemu", "nam_liv_god", "Wszechmocny"),
        # a lone forename that is a man's genitive or a woman's nominative is the man's; a woman's surname
        # keeps it hers
        ("Huberta", None, "Hubert"),
        ("Hubercie", None, "Hubert"),
        ("Filipa", "PERSON", "Filip"),
        ("Filipa Reymanowa", None, "Filipa Reymanowa"),
        # the word before an apostrophe and a Polish ending is the nominative; the ending tells the name's case
        ("Gary'ego", None, "Gary"),
        ("Harry'ego Pottera", None, "Harry Potter"),
        # a place after a capitalised common noun is its genitive complement; a person's name is in apposition
        ("Rady Europy", None, "Rada Europy"),
        ("Pana Tadeusza", None, "Pan Tadeusz"),
        # after an abbreviated street noun, its patron stays in the genitive
        ("al. Piłsudskiego", None, "al. Piłsudskiego"),
        ("ul. Unii Lubelskiej", "nam_fac_road", "ul. Unii Lubelskiej"),
        # a club's or a firm's town stays in the nominative beside its declined name
        ("Wisły Kraków", None, "Wisła Kraków"),
        ("Pogoni Szczecin", "nam_org_group_team", "Pogoń Szczecin"),
        # a pseudonym or a byname is a proper name in apposition to the forename
        ("Włodzimierza Lenina", "PERSON", "Włodzimierz Lenin"),
        ("Włodzimierza Lenina", None, "Włodzimierz Lenin"),
    ],
)
def test_names_unseen_in_training(phrase: str, category: str | None, expected: str) -> None:
    assert lemmatize_phrase(phrase, category) == expected


def test_surname_first_is_kept_in_the_corpus_convention() -> None:
    assert lemmatize_phrase("Nowak Jan", "nam_liv_person", "poleval") == "Nowak Jan"


@pytest.mark.parametrize(
    ("phrase", "category", "kronika", "poleval"),
    [
        # one-adjective names of streets and administrative units: agreeing vs dictionary lemma
        ("Płockiej", "nam_fac_road", "Płocka", "płocki"),
        ("Wilanowskiej", "nam_fac_road", "Wilanowska", "wilanowski"),
        ("opolskim", "nam_loc_gpe_admin1", "opolskie", "opolski"),
        # nations: the number of the text vs the singular
        ("Anglików", "nam_org_nation", "Anglicy", "Anglik"),
        ("Polaków", "nam_org_nation", "Polacy", "Polak"),
        # categories the conventions agree on
        ("Franciszka Kleeberga", "nam_liv_person", "Franciszek Kleeberg", "Franciszek Kleeberg"),
        ("polskiego", "nam_adj_country", "polski", "polski"),
        ("Ulicy Płockiej", "nam_fac_road", "ulica Płocka", "ulica Płocka"),
    ],
)
def test_conventions(phrase: str, category: str, kronika: str, poleval: str) -> None:
    assert lemmatize_phrase(phrase, category) == kronika  # the default
    assert lemmatize_phrase(phrase, category, "kronika") == kronika
    assert lemmatize_phrase(phrase, category, "poleval") == poleval


@pytest.mark.parametrize(
    ("phrase", "poleval"),
    [
        ("Zachodniopomorskiej", "zachodniopomorski"),  # only an adjective: its lemma
        ("Papieską", "papieski"),
        ("Kowalskiego", "Kowalski"),  # also a surname: not cited as an adjective
        ("francuskiego", "francuski"),  # lower case: a name-derived adjective in either convention
    ],
)
def test_no_category_capitalised_adjective_in_the_corpus_convention(phrase: str, poleval: str) -> None:
    assert lemmatize_phrase(phrase, None, "poleval") == poleval


def test_unknown_convention_is_refused() -> None:
    with pytest.raises(ValueError, match="convention"):
        lemmatize_phrase("Płockiej", "nam_fac_road", "nkjp")


@pytest.mark.parametrize(
    ("word", "tag", "category", "expected"),
    [
        # a tagger's nominative for a word opening a name with an ending no nominative has
        ("Raulowi", "subst:sg:nom:m1", "nam_liv_person", "Raul"),
        ("Gézę", "subst:sg:nom:m1", "nam_liv_person", "Géza"),
        # a tagged case the word has no ending of: a foreign name that is not declined
        ("Schiavo", "subst:sg:gen:m1", "nam_liv_person", "Schiavo"),
        # the tagged case fits the ending: trusted
        ("Rückemanna", "subst:sg:gen:m1", "nam_liv_person", "Rückemann"),
        # a tagger's vocative of a name is its guess
        ("Paulo", "subst:sg:voc:f", "nam_liv_person", "Paulo"),
    ],
)
def test_tagger_case_of_unknown_words(word: str, tag: str, category: str, expected: str) -> None:
    token = Token(0, len(word), word, get_morphology().analyse(word), Interp(word, tag))
    assert base_form([token], category) == expected


def test_base_form_keeps_spacing_and_uses_only_the_mention_tokens() -> None:
    text = "Rozkaz gen.  Franciszka Kleeberga z dnia"
    start = text.index("Franciszka")
    tokens = [t for t in tokenize(text) if start <= t.start < start + len("Franciszka Kleeberga")]
    assert base_form(tokens, "PERSON") == "Franciszek Kleeberg"
    assert base_form([], "PERSON") == ""


@pytest.mark.parametrize(
    ("category", "expected"),
    [("PERSON", "person"), ("nam_liv_person_last", "person"), ("nam_loc_gpe_city", "place"),
     ("nam_adj_country", "adjective"), ("MILITARY_UNIT", "other"), (None, "unknown"), ("unheard_of", "other")],
)
def test_name_class(category: str | None, expected: str) -> None:
    assert name_class(category) == expected


def test_command_prints_one_line_per_input_line(tmp_path) -> None:
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("Kowlem\n\nFranciszka Kleeberga\n", encoding="utf-8")
    result = CliRunner().invoke(command, ["52. Dywizją Strzelecką", "--file", str(phrases)])
    assert result.exit_code == 0
    assert result.output.split("\n") == ["52. Dywizja Strzelecka", "Kowel", "", "Franciszek Kleeberg", ""]


def test_command_takes_a_convention() -> None:
    arguments = ["Anglików", "Płockiej", "--category", "nam_org_nation"]
    assert CliRunner().invoke(command, arguments).output == "Anglicy\nPłocka\n"
    assert CliRunner().invoke(command, [*arguments, "--convention", "poleval"]).output == "Anglik\nPłocka\n"
    assert CliRunner().invoke(command, [*arguments, "--convention", "nkjp"]).exit_code != 0


def test_command_reports_an_unreadable_file_in_one_line(tmp_path) -> None:
    result = CliRunner().invoke(command, ["--file", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert "cannot read" in str(result.exception)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("pod Wytycznem", "Wytyczno"),
        ("pod Kowlem", "Kowel"),
        ("w Brześciu nad Bugiem", "Brześć nad Bugiem"),
        ("z 52. Dywizją Strzelecką", "52. Dywizja Strzelecka"),
        ("Traktat o granicach i przyjaźni", "Traktat o granicach i przyjaźni"),
    ],
)
def test_a_governing_preposition_is_not_part_of_the_name(phrase, expected):
    assert lemmatize_phrase(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["Pod Kopcem", "Koło Gospodyń Wiejskich", "Przy Młynie", "W3", "Z 12"],
)
def test_a_capitalised_or_glued_preposition_opens_the_name(phrase):
    """A governing preposition is a lower-case word of its own: a capitalised one is the name's first word
    (an inn, a society), a letter glued to a number is a code."""
    assert lemmatize_phrase(phrase) == phrase


def test_the_command_gives_the_base_forms_analyze_gives() -> None:
    """One code path: a mention's base form does not depend on whether it came from a text or alone."""
    text = ("Obóz stał nad Naroczem. Rozmawiano o Winstonie Churchillu i o Kamieńcu Podolskim, "
            "a potem o Stresemannie. Spotkał Edwarda Gierka. Wczoraj Jacek Zieliński spotkał Jacka Zielińskiego "
            "i Malcolma Gladwella.")
    entities = entities_of(text)
    assert entities
    for entity in entities:
        assert lemmatize_phrase(entity.text) == entity.lemma


@pytest.mark.parametrize(
    ("words", "ranked", "expected"),
    [
        # one word lost the genitive -a: the other, left as written, loses it too (invented names)
        (["Gunnara", "Helmerta"], {1: "Helmert"}, {0: "Gunnar", 1: "Helmert"}),
        # no word lost an ending: both stay
        (["Gunnara", "Helmerta"], {}, {}),
        # after a vowel the ending is no case ending of a consonant stem (Andrea keeps its -a)
        (["Andrea", "Helmerta"], {1: "Helmert"}, {1: "Helmert"}),
    ],
)
def test_the_words_of_a_name_lose_the_same_case_ending(words, ranked, expected):
    tokens = tokenize(" ".join(words))
    members = [lemmatize._Member(i, (), False) for i in range(len(tokens))]
    replaced = dict(ranked)
    lemmatize._share_stripped_ending(tokens, members, replaced)
    assert replaced == expected


@pytest.mark.parametrize("category", [None, "nam_liv_person"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Wandy Grzmotkowej", "Wanda Grzmotkowa"), ("Jadwigą Bzdrągowską", "Jadwiga Bzdrągowska")],
)
def test_a_womans_surname_no_dictionary_knows_is_cited_in_the_nominative(phrase, expected, category):
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("example", [noun.example for noun in generic_name_nouns().values()])
def test_a_generic_noun_opening_a_name_is_cited_lower_case(example: str) -> None:
    """The examples of ``generic_name_nouns.tsv``, written with a capital, come out as the table cites them."""
    assert lemmatize_phrase(example[:1].upper() + example[1:], None, "poleval") == example


@pytest.mark.parametrize("category", [None, "nam_loc_land_mountain"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Kasprowym Wierchu", "Kasprowy Wierch"), ("Kasprowego Wierchu", "Kasprowy Wierch")],
)
def test_a_word_only_part_of_a_geographic_name_goes_with_the_noun_it_agrees_with(phrase, expected, category):
    """SGJP lists *Kasprowy* as a noun that is only part of a geographic name: the noun after it that
    agrees with it is the name's head, not a complement left as written."""
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("category", [None, "ORGANIZATION"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Wojsku Polskim", "Wojsko Polskie"), ("Wojska Polskiego", "Wojsko Polskie"),
     ("Morskim Okiem", "Morskie Oko"), ("Morskiego Oka", "Morskie Oko")],
)
def test_the_nouns_of_a_name_of_several_words_are_common_nouns(phrase, expected, category):
    """The nominative of the phrase, not word by word: *Wojska* read as the common noun *wojsko* (neuter,
    so the adjective agrees: *Polskie*), not as a village *Wojsk*; *Oka* as *oko*, not the river Oka in
    apposition, since the adjective before it agrees with it."""
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("category", [None, "ORGANIZATION"])
def test_a_surname_spelt_like_the_common_noun_it_also_is_takes_no_adjective_away(category) -> None:
    """*Doliny* is the valley's genitive (feminine); as a Mr Dolina's it would agree with the masculine
    adjective before it, which would then leave the head phrase with it."""
    assert lemmatize_phrase("Ośrodka Kulturalnego Doliny Dunajca", category) == "Ośrodek Kulturalny Doliny Dunajca"


def test_the_command_and_analyze_agree_on_names_of_every_kind() -> None:
    """`kronika lemmatize` (with no category, or with the type analyze gave) cites each mention of a text
    of our own as `analyze` does: persons, places of several words, foreign names, organisations."""
    text = ("Latem szliśmy z Zakopanego na Kasprowy Wierch. Potem był w Kamieńcu Podolskim. "
            "Spotkaliśmy Mieczysława Karłowicza i panią Zofię Nałkowską. "
            "Depesza z Londynu donosi, że Nevillowi Chamberlainowi towarzyszył lord Halifax. "
            "W Wilnie gościł profesor Marian Zdziechowski z Uniwersytetu Stefana Batorego.")
    entities = entities_of(text)
    assert len(entities) >= 10
    for entity in entities:
        assert lemmatize_phrase(entity.text) == entity.lemma
        assert lemmatize_phrase(entity.text, entity.type) == entity.lemma


@pytest.mark.parametrize("category", [None, "PERSON"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Mieszku II", "Mieszko II"), ("Mieszka II Otyłego", "Mieszko II Otyły"), ("Filipa II", "Filip II"),
     ("Fryderyka III", "Fryderyk III"), ("Bolesławowi III Krzywoustemu", "Bolesław III Krzywousty"),
     ("Elżbiety II", "Elżbieta II")],
)
def test_a_word_before_a_regnal_number_is_a_rulers_forename(phrase, expected, category):
    """Only a ruler's forename takes a regnal number: *Mieszku* is Mieszko's, not a Mr Mieszek's or a purse's;
    a forename alone with its number that may be a man's oblique case or a woman's is the man's, as with a
    forename alone (*Filipa II*), a woman's forename stays hers (*Elżbiety II*)."""
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("category", [None, "PLACE"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Tomaszowa Mazowieckiego", "Tomaszów Mazowiecki"), ("Aleksandrowa Łódzkiego", "Aleksandrów Łódzki"),
     ("Ostrowa Wielkopolskiego", "Ostrów Wielkopolski")],
)
def test_an_adjective_after_a_places_noun_counts_as_its_modifier(phrase, expected, category):
    """*Mazowieckiego* is also the genitive of the region *Mazowieckie* (neuter), but after the town's noun it
    is its modifier: how often the region is named says nothing of the town's gender."""
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("category", [None, "PERSON"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Branimir Kovela", "Branimir Kovela"), ("Radomir Petrula", "Radomir Petrula"),
     ("Kazysowi Sroudze", "Kazys Srouga")],
)
def test_an_unknown_surname_in_a_after_a_nominative_forename_is_a_nominative(phrase, expected, category):
    """The words of one name stand in one case: a forename left as written, with no Polish ending, is a
    nominative, and so is the unknown surname in -a after it (not a genitive of *Kovel*), with a category or
    without; a surname in -dze after a forename's dative is a name in -ga (g → dz)."""
    assert lemmatize_phrase(phrase, category) == expected


@pytest.mark.parametrize("category", ["PERSON", "ORGANIZATION"])
@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Pester Lloydu", "Pester Lloyd"), ("Lloydem", "Lloyd"), ("Newtonu", "Newton"), ("Kutrzeba", "Kutrzeba")],
)
def test_a_masculine_ending_on_a_listed_name_is_stripped(phrase, expected, category):
    """A word SGJP does not know that is a name it lists under a masculine case ending is that name (the
    periodical *Pester Lloyd* declined as a thing: *Lloydu*); a word whose stem is no listed name keeps its
    guesses (*Kutrzeba*)."""
    assert lemmatize_phrase(phrase, category) == expected
