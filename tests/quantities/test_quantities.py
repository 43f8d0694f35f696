"""The quantity stage: numbers with their units, multipliers and precision words."""

import pytest

from kronika.model import Analysis, Document
from kronika.morph import get_morphology
from kronika.pipeline import analyze
from kronika.quantities import find_quantities
from kronika.text.segment import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Wywieziono ponad 320 000 obywateli polskich.", [(320000, "obywatel", "more")]),
    ("Zginęło ok. 22 tys. oficerów.", [(22000, "oficer", "approx")]),
    ("Zginęło dwadzieścia dwa tysiące ludzi.", [(22000, "człowiek", None)]),
    ("Armia liczyła prawie 600 tys. żołnierzy i 5 000 czołgów.",
     [(600000, "żołnierz", "less"), (5000, "czołg", None)]),
    ("Walczyła z 52. Dywizją Strzelecką.", []),  # an ordinal, not a count
    ("Było to 17 września 1939 roku.", []),  # a date, not a count
    ("W 1794 grupa powstańców ruszyła.", []),  # a year before a singular noun
    ("Na przełomie 19 wieku.", []),  # an ordinal century
    ("Była to jedna okazja.", []),  # "one", not a count
    ("Zdobyto 1 działo.", [(1, "działo", None)]),
    ("Polska może powołać pod broń 7 milionów ludzi.", [(7000000, "człowiek", None)]),
    ("Koszta obliczono na miljard litów.", [(1000000000, "lit", None)]),
    ("Sala mieściła około 1,5 tys. słuchaczy.", [(1500, "słuchacz", "approx")]),
    ("Od miasta dzieli nas około 80 km drogi.", [(80, "kilometr", "approx")]),
    ("Cech wpłacił zł 300 na cele obrony.", [(300, "złoty", None)]),
    ("Zniżka wynosi 33 proc. od ceny.", [(33, "procent", None)]),
    ("Nad brzegiem stała 2-metrowa fala.", [(2, "metr", None)]),
    ("Sprzedaż rozłożono na 3-ch okresów.", [(3, "okres", None)]),
    ("Sejm załatwił trzy budżety.", [(3, "budżet", None)]),
    ("Straty oceniają na 12 tysięcy złotych.", [(12000, "złoty", None)]),
    ("Zebrano 12.500 zł na sztandar.", [(12500, "złoty", None)]),  # thousands grouped by a dot
    ("Niemcy wydali 1.250.000 marek.", [(1250000, "marka", None)]),
    ("Gmina zapłaciła 1 250,50 zł.", [(1250.5, "złoty", None)]),  # a decimal comma after a group
    ("Wojsko cofnęło się o 2,5 kilometra.", [(2.5, "kilometr", None)]),
    ("Umarło 24,720 osób.", [(24720, "osoba", None)]),  # thousands grouped by a comma: a plural noun
    ("Przejechał 1,500 kilometra.", [(1.5, "kilometr", None)]),  # a fraction: the genitive singular
    # currencies of the 19th-century press, abbreviated
    ("Na budowę zebrano 104.000 złr. w ciągu roku.", [(104000, "złoty reński", None)]),
    ("Otrzymał wsparcie 20,000 tal. od rządu.", [(20000, "talar", None)]),
    ("Zapłacono 300 złp. i 50 rb. za konia.", [(300, "złoty polski", None), (50, "rubel", None)]),
    ("Mają 500 marek i 80 koron.", [(500, "marka", None), (80, "korona", None)]),
    # a preposition after the coin is not what is counted
    ("Rząd pobierze jeden milion reńskich od nich w ratach.", [(1000000, "reński", None)]),
    # a range is one quantity of its upper value (its lower one is kept beside)
    ("Przyszło 3 lub 4 rolników.", [(4, "rolnik", None)]),
    # the adjective of a unit of time in a compound with digits: an age or a length in that unit
    ("Zatrzymano 32-letniego furmana.", [(32, "rok", None)]),
    ("Zawarto 6-miesięczną umowę dzierżawy.", [(6, "miesiąc", None)]),
    ("Ogłoszono 3-tygodniową żałobę.", [(3, "tydzień", None)]),
    ("Trwał 5-dniowy jarmark.", [(5, "dzień", None)]),
    # a sum in a currency and its hundredth part right after it: one amount
    ("Bochenek chleba kosztował 1 zł 15 gr na targu.", [(1.15, "złoty", None)]),
    ("Chłop sprzedał wieprza za 3 ruble 50 kopiejek.", [(3.5, "rubel", None)]),
    ("Za funt cukru płacono 75 gr, za funt kawy 2 zł.", [(75, "grosz", None), (2, "złoty", None)]),
    ("Wpłacił 5 zł, resztę 30 gr oddał.", [(5, "złoty", None), (30, "grosz", None)]),  # not right after
])
def test_find_quantities(text, expected):
    morphology = get_morphology()
    found = []
    for sentence in split_sentences(text):
        for token in sentence.tokens:
            token.interps = morphology.analyse(token.text)
            token.chosen = token.interps[0]
        found += [(q.value, q.unit, q.modifier) for q in find_quantities(text, sentence, [])]
    assert found == expected


def test_quantities_are_in_the_analysis_json():
    text = "Wczoraj wywieziono ponad 320 000 obywateli. Spłonęło 5 domów."
    data = analyze(Document(id="q", text=text, dct="1939-06-07")).to_json()
    assert [(q["value"], q["unit"], q["text"]) for q in data["quantities"]] == [
        (320000, "obywatel", "ponad 320 000 obywateli"), (5, "dom", "5 domów")]


def test_numbers_inside_names_and_dates_are_not_counted():
    analysis = Analysis(Document(id="q", text="Dnia 17 września 1939 r. padło 40 osób."))
    analysis.sentences = split_sentences(analysis.document.text)
    for sentence in analysis.sentences:
        for token in sentence.tokens:
            token.interps = get_morphology().analyse(token.text)
            token.chosen = token.interps[0]
    found = find_quantities(analysis.document.text, analysis.sentences[0], [(5, 24)])
    assert [(q.value, q.unit) for q in found] == [(40, "osoba")]


@pytest.mark.parametrize(("text", "low", "value", "span"), [
    ("Prasa oblicza na 4 albo 5 milionów zyski kupców.", 4000000, 5000000, "4 albo 5 milionów zyski"),
    ("Mają 10 do 12 tysięcy koron.", 10000, 12000, "10 do 12 tysięcy koron"),
])
def test_a_range_is_one_quantity_with_its_low_and_high_values(text, low, value, span):
    (quantity,) = analyze(Document(id="r", text=text)).to_json()["quantities"]
    assert (quantity["low"], quantity["value"], quantity["text"]) == (low, value, span)


def test_a_single_number_has_no_low_value():
    (quantity,) = analyze(Document(id="r", text="Spłonęło 5 domów.")).to_json()["quantities"]
    assert "low" not in quantity


def test_an_amount_with_its_hundredth_part_and_an_age_are_in_the_analysis_json():
    text = "Kupiec z Płocka, 45-letni wdowiec, sprzedawał mąkę po 2 zł 35 gr za pud."
    data = analyze(Document(id="q", text=text)).to_json()
    assert [(q["value"], q["unit"], q["text"]) for q in data["quantities"]] == [
        (45, "rok", "45-letni"), (2.35, "złoty", "2 zł 35 gr")]
