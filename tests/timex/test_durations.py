"""Polish durations as a class, one sentence of our own for each form, checked against the contract's
conventions (CONTRACT.md "timexes[]", docs/timex-press-guideline.md): the value in ISO 8601 / TIMEX3 with an
unknown amount written X, a hedge or bound in ``mod`` and inside the span, a preposition of duration (*przez*,
*na*, *od*, *w ciągu*) outside it; an amount counted from the anchor (*tydzień temu*) is a date."""

from __future__ import annotations

import pytest

from kronika.timex import find_timexes

DCT = "2012-03-14"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount and a unit; a vague amount keeps X
        ("Mieszkał tam 2 lata.", ("2 lata", "DURATION", "P2Y", None)),
        ("Choroba trwała kilka dni.", ("kilka dni", "DURATION", "PXD", None)),
        ("Remont trwał kilka godzin.", ("kilka godzin", "DURATION", "PTXH", None)),
        # fractions: "półtora", "pół", "i pół" after the numeral
        ("Czekał na wyrok półtora roku.", ("półtora roku", "DURATION", "P1.5Y", None)),
        ("Jechaliśmy dwie i pół godziny.", ("dwie i pół godziny", "DURATION", "PT2.5H", None)),
        ("Budowa potrwa pół roku.", ("pół roku", "DURATION", "P0.5Y", None)),
        # prepositions of duration stay outside the span: przez, na, od, w ciągu
        ("Padało przez trzy dni.", ("trzy dni", "DURATION", "P3D", None)),
        ("Wyjechał na 10 lat.", ("10 lat", "DURATION", "P10Y", None)),
        ("Mieszka tu od 5 lat.", ("5 lat", "DURATION", "P5Y", None)),
        # "od" with an amount (a numeral, a vague amount, the plural) is how long; a lone unit is a point (below)
        ("Choruje od pół roku.", ("pół roku", "DURATION", "P0.5Y", None)),
        ("Od lat nie pisze.", ("lat", "DURATION", "PXY", None)),
        ("Zrobię to w ciągu tygodnia.", ("tygodnia", "DURATION", "P1W", None)),
        ("Przez dobę nie spał.", ("dobę", "DURATION", "P1D", None)),
        # a whole unit or a night
        ("Padało przez całą noc.", ("całą noc", "DURATION", "PT1NI", None)),
        ("Pracował w polu cały dzień.", ("cały dzień", "DURATION", "P1D", None)),
        # a quarter of an hour, with or without a preposition
        ("Czekał na nią kwadrans.", ("kwadrans", "DURATION", "PT15M", None)),
        ("Mowa trwała trzy kwadranse.", ("trzy kwadranse", "DURATION", "PT45M", None)),
        # a unit in the nominative, the subject of a verb of time passing
        ("Od wypadku minęła doba.", ("doba", "DURATION", "P1D", None)),
        ("Minął tydzień.", ("tydzień", "DURATION", "P1W", None)),
        # compound adjectives
        ("Był to trzydniowy strajk.", ("trzydniowy", "DURATION", "P3D", None)),
        ("Kilkuletni pobyt w Paryżu zmienił go.", ("Kilkuletni", "DURATION", "PXY", None)),
        ("Dwudziestominutowy spacer wystarczy.", ("Dwudziestominutowy", "DURATION", "PT20M", None)),
        ("Zmarł wieloletni prezes klubu.", ("wieloletni", "DURATION", "PXY", None)),
        # bounds and hedges: kept in the span and in mod
        ("Nie widziałem go ponad rok.", ("ponad rok", "DURATION", "P1Y", "MORE_THAN")),
        ("Trwało to mniej niż dwie godziny.", ("mniej niż dwie godziny", "DURATION", "PT2H", "LESS_THAN")),
        ("Umowa trwa nie dłużej niż rok.", ("nie dłużej niż rok", "DURATION", "P1Y", "EQUAL_OR_LESS")),
        ("Jechał około dwóch godzin.", ("około dwóch godzin", "DURATION", "PT2H", "APPROX")),
        ("Chorował niemal dwa lata.", ("niemal dwa lata", "DURATION", "P2Y", "LESS_THAN")),
        ("Siedział w więzieniu rok z okładem.", ("rok z okładem", "DURATION", "P1Y", "MORE_THAN")),
        # the last, first or next units: an amount given is that amount, none given an unknown one
        ("Ostatnie 10 lat były trudne.", ("Ostatnie 10 lat", "DURATION", "P10Y", None)),
        ("W ciągu ostatnich trzech lat miasto urosło.", ("ostatnich trzech lat", "DURATION", "P3Y", None)),
        ("W ciągu ostatnich lat miasto urosło.", ("ostatnich lat", "DURATION", "PXY", None)),
        ("Przez ostatnie lata niewiele się zmieniło.", ("ostatnie lata", "DURATION", "PXY", None)),
        ("Przez pierwsze dni padał deszcz.", ("pierwsze dni", "DURATION", "PXD", None)),
        ("Od dziesięcioleci tu mieszka.", ("dziesięcioleci", "DURATION", "PXDE", None)),
        # … but "in recent years" is a vague date, and the first days of a month a phase of it
        ("W ostatnich latach miasto urosło.", ("ostatnich latach", "DATE", "PAST_REF", None)),
        ("W pierwszych dniach września padało.", ("pierwszych dniach września", "DATE", "2011-09", "START")),
        # an amount counted from the anchor is a date, not a duration
        ("Tydzień temu byłem w Krakowie.", ("Tydzień temu", "DATE", "2012-03-07", None)),
        ("Kuźnia stoi zamknięta od tygodnia.", ("od tygodnia", "DATE", "2012-03-07", None)),
        ("Wyjechał przed trzema laty.", ("przed trzema laty", "DATE", "2009", None)),
        ("Wróci za dwa tygodnie.", ("za dwa tygodnie", "DATE", "2012-03-28", None)),
        ("Wrócił paręnaście dni później.", ("paręnaście dni później", "DATE", "FUTURE_REF", None)),
    ],
)
def test_duration_forms(text: str, expected: tuple[str, str, str, str | None]) -> None:
    assert [(t.text, t.type, t.value, t.mod) for t in find_timexes(text, DCT)] == [expected]


@pytest.mark.parametrize("text", ["Pięcioletni chłopiec wpadł do wody.", "Trzyletnie dziecko zgubiło się.",
                                  "31-letni mieszkaniec Łodzi zginął.", "Burza złamała stuletni dąb.",
                                  "Rozebrano 200-letnią kamienicę.", "Kupił trzyletniego konia.",
                                  "Sześciomiesięczne cielę padło."])
def test_an_age_is_no_duration(text: str) -> None:
    assert find_timexes(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Po dwuletniej przerwie wznowiono wykopaliska.", ("dwuletniej", "P2Y")),
        ("Wojna trzydziestoletnia spustoszyła Czechy.", ("trzydziestoletnia", "P30Y")),
        ("Kilkuletni pobyt we Włoszech zmienił malarza.", ("Kilkuletni", "PXY")),
        ("Ukończył trzymiesięczny kurs.", ("trzymiesięczny", "P3M")),
    ],
)
def test_an_adjective_of_a_stretch_of_time_is_its_duration(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, DCT) if t.type == "DURATION"] == [expected]


def test_a_range_of_amounts_is_two_durations() -> None:
    found = [(t.text, t.value) for t in find_timexes("Grozi mu kara od 2 do 12 lat, a proces potrwa 2–3 dni.", DCT)]
    assert found == [("2", "P2Y"), ("12 lat", "P12Y"), ("2", "P2D"), ("3 dni", "P3D")]
