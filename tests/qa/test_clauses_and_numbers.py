"""Reading clauses and numbers in notes written for these tests: a name belongs to the clause of its own
verb (*…, Kazimierza Pyrę zaś zwolnił*); a name the tagger read as a common word, or a masculine surname,
may stand in any case its form has; a name in the genitive after a noun is that noun's attribute, not the
verb's object; *który* + noun is answered by the ordinal before that noun; a sum in a currency and its
hundredth part is one amount; *N-letni* gives an age; in a list of items with their amounts the amount
of the asked item is the one in its part of the sentence; a name after a noun of a building or an
institution makes one place with it; a noun a passive participle qualifies is that verb's patient; *wraz
z X* joins X to the subject, so X is not whom *z kim* asks about; a common noun agreeing with the asked
verb is its subject when no name fits; in a gapped clause the part naming the question's words answers;
*jaki* + noun is answered by the classifying adjective after that noun."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.qa.question import parse_question
from kronika.store import Store

NOTES = [
    ("1934-02-10", "Sąd Grodzki w Płocku ukarał wczoraj Wincentego Mroza grzywną 50 zł, Kazimierza Pyrę zaś "
                   "zwolnił od kary."),
    ("1934-02-11", "W zawodach o puchar miasta pierwszą nagrodę zdobył Wilczek z Poznania, drugą otrzymał "
                   "Sroka w czasie 12 minut."),
    ("1934-02-12", "Po ostatnim meczu drużyna Pogoni zajęła w tabeli trzecie miejsce. Jedyną bramkę spotkania "
                   "zdobył Kruk w 55 minucie."),
    ("1934-02-13", "Wczoraj zmarł w 81 roku życia zasłużony rzemieślnik Piotr Gałka."),
    ("1934-02-14", "Na jarmarku w Łowiczu płacono: za parę koni 400 zł, za krowę 180 zł, za cielę 35 zł. "
                   "Metr drzewa opałowego kosztował 9 zł 50 gr."),
    ("1934-02-15", "Policja zatrzymała 19-letniego Józefa Kanię, podejrzanego o kradzież roweru."),
    ("1934-02-16", "Piorun uderzył w stodołę gospodarza Wojciecha Kani we wsi Brzozów i zabił jego córkę "
                   "Zofję."),
    ("1934-02-17", "Chorego odwieziono karetką do szpitala św. Łazarza."),
    ("1934-02-18", "Rada miejska omawiała odbudowę wiaduktu kolejowego, uszkodzonego przez pożar w styczniu."),
    ("1934-02-19", "Burmistrz wraz z radcą Janem Mazurem odbył wczoraj naradę z wojewodą Stanisławem Kotem."),
    ("1934-02-20", "W Kaliszu za korzec żyta płacono wczoraj 3 ruble 50 kopiejek."),
    ("1934-02-21", "Pod kołami wozu zginął wczoraj 32-letni robotnik Antoni Wilk."),
    ("1932-05-10", "Wczoraj w południe na szosie pod Radomiem rolnik z Jedlni znalazł porzucony worek z pieniędzmi. "
                   "Znalezisko oddał na posterunek policji w Radomiu."),
    ("1932-05-11", "Komisja szacunkowa obliczyła straty spowodowane gradobiciem na przeszło 2 miljony złotych."),
    ("1932-05-12", "Delegacja kupców łódzkich udała się wczoraj do Warszawy, a druga grupa do Krakowa."),
    ("1932-05-14", "Wojewoda Kazimierz Świtalski odbył konferencję z przedstawicielami przemysłu naftowego."),
    ("1932-05-15", "Orkiestra kolejowa pod batutą kapelmistrza Józefa Nowaka odegrała hymn narodowy."),
    ("1932-05-16", "Policja aresztowała w Łodzi dwóch złodziei, którzy okradli sklep jubilerski przy ul. "
                   "Piotrkowskiej."),
]



@pytest.mark.parametrize(("question", "expected"), [
    ("Kogo sąd zwolnił od kary?", "Pyr"),  # the object of the second clause, not of "ukarał"
    ("Kto otrzymał drugą nagrodę?", "Sroka"),  # "sroka" is a word too: the name may be a subject
    ("Które miejsce zajęła Pogoń?", "trzecie"),  # the ordinal before the asked noun
    ("W której minucie Kruk zdobył bramkę?", "55"),
    ("W którym roku życia zmarł Piotr Gałka?", "81"),  # a year of life, not of the calendar
    ("Ile płacono za krowę na jarmarku?", "180"),  # the amount in the part that names the cow
    ("Ile kosztował metr drzewa opałowego?", "9,50"),  # złote and grosze: one amount
    ("Ile lat ma Józef Kania?", "19"),  # "19-letni"
    ("Ile płacono za korzec żyta w Kaliszu?", "3,50"),  # rubles and kopecks: one amount
    ("Ile lat miał Antoni Wilk?", "32"),  # "32-letni", before the name
    ("Kogo zabił piorun?", "Zofj"),  # not the farmer, whose barn it struck
    ("Dokąd odwieziono chorego?", "szpitala św. Łazarza"),  # the hospital with its name
    ("Co uszkodził pożar?", "wiadukt"),  # the noun the participle qualifies
    ("Z kim burmistrz odbył naradę?", "Kot"),  # "wraz z" goes with the subject, not the partner
    ("Kto znalazł worek z pieniędzmi?", "rolnik"),  # a common noun agreeing with the verb, when no name fits
    ("Kto odegrał hymn narodowy?", "Orkiestra"),  # not the conductor in the genitive
    ("Dokąd rolnik oddał znalezisko?", "posterunek"),  # the noun in the asked role, not "w Radomiu"
    ("Na ile obliczono straty spowodowane gradobiciem?", "2 miljony"),  # the multiplier shown
    ("Dokąd udała się druga grupa kupców?", "Krak"),  # the gapped part that names the second group
    ("Z kim wojewoda odbył konferencję?", "przedstawicielami"),  # the noun after "kim" is the subject
    ("Jaki sklep okradli złodzieje?", "jubilerski"),  # the classifying adjective after the noun
])
def test_clause_or_number_gives_the_answer(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    found = [(a.text, str(a.value)) for a in answers]
    assert expected in found[0][0] or expected in found[0][1], (question, found)


def test_a_year_of_life_is_no_calendar_year() -> None:
    question = parse_question("W którym roku życia zmarł?")
    assert question.asks == "which"
    assert parse_question("W którym roku zmarł?").asks == "time"
