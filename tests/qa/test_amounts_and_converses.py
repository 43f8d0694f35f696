"""*Jaki* + a noun said with an amount, and converse verbs, in notes written for these tests: the amount
right after the noun, after it with *o* or a complex preposition of amount (*w wysokości*, *w kwocie*), or
before it governing its genitive, says which (*na głębokości 35 m*, *podwyżka o 4 proc.*, *nagroda w
wysokości 300 zł*, *zapomogę w kwocie 1.200 zł*, *25 proc. zniżki*); the subject of *towarzyszyć* is the partner
*z kim* asks about; the cause after *od* of a verb whose subject suffers (*ucierpieć od*) is what did
it."""

from __future__ import annotations

import pytest

from kronika.qa import answer
from kronika.store import Store

NOTES = [
    ("1935-04-02", "Robotnicy cegielni w Zawierciu żądali podwyżki płac o 10 proc. Właściciel cegielni zgodził "
                   "się wczoraj na podwyżkę o 4 proc."),
    ("1935-04-04", "Za wskazanie sprawcy pożaru stodoły w Brzozowie wyznaczono nagrodę w wysokości 300 zł."),
    ("1935-04-06", "Uczestnicy zjazdu weterynarzy w Płocku otrzymują 25 proc. zniżki kolejowej."),
    ("1935-04-08", "Lotnik Jan Brzoza odbył wczoraj lot z Poznania do Wilna. Towarzyszył mu mechanik Piotr "
                   "Grab."),
    ("1935-04-12", "Wojewoda przyznał powodzianom z Tarnobrzega zapomogę w kwocie 1.200 zł."),
    ("1935-04-14", "W Borysławiu wiercenie nowego szybu naftowego doszło wczoraj do ropy na głębokości 35 m."),
    ("1935-04-10", "W Kieleckiem żyto ucierpiało od przymrozków majowych, a w Lubelskiem od suszy."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Na jaką podwyżkę zgodził się właściciel cegielni?", "4"),
    ("Jaką nagrodę wyznaczono za wskazanie sprawcy pożaru stodoły?", "300"),
    ("Jaką zniżkę otrzymują uczestnicy zjazdu weterynarzy?", "25"),
    ("Z kim odbył lot Brzoza?", "Grab"),
    ("Co zaszkodziło żytu w Kieleckiem?", "przymrozków"),
    ("Jaką zapomogę przyznał wojewoda powodzianom?", "1.200"),
    ("Na jakiej głębokości natrafiono na ropę w Borysławiu?", "35"),
])
def test_amounts_of_a_noun_and_converse_verbs(store: Store, question: str, expected: str) -> None:
    answers = answer(store, question)
    assert answers, question
    assert expected in answers[0].text, (question, answers[0])
