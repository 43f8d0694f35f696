import json
import subprocess
import sys

import pytest

from kronika.evaluation import normalise_answer, normalise_name, score_entities, score_events, score_timexes
from kronika.model import Analysis, Document, Entity, Event, EventArgument, Timex

TEXT = "Armia Czerwona zajęła Wilno 19 września 1939 roku, a potem Grodno."


def _gold() -> dict:
    return {
        "text": TEXT,
        "entities": [
            {"start": 0, "end": 14, "text": "Armia Czerwona", "type": "MILITARY_UNIT", "lemma": "Armia Czerwona"},
            {"start": 22, "end": 27, "text": "Wilno", "type": "PLACE", "lemma": "Wilno"},
            {"start": 59, "end": 65, "text": "Grodno", "type": "PLACE", "lemma": "Grodno",
             "type_alternatives": ["COUNTRY"]},
        ],
        "timexes": [{"start": 28, "end": 49, "text": "19 września 1939 roku", "type": "DATE", "value": "1939-09-19"}],
        "events": [{"id": "E1", "trigger": "zajęła", "start": 15, "end": 21, "type": "invasion",
                    "date": "1939-09-19", "places": ["Wilno"], "participants": ["Armia Czerwona"]}],
    }


def _analysis() -> Analysis:
    analysis = Analysis(Document("d", TEXT))
    analysis.entities = [
        Entity("e1", 0, 5, "Armia", "MILITARY_UNIT", "Armia"),  # overlapping, not exact, wrong lemma
        Entity("e2", 22, 27, "Wilno", "PLACE", "wilno"),  # exact; lemma right ignoring case
        Entity("e3", 59, 65, "Grodno", "COUNTRY", "Grodno"),  # an accepted alternative type
        Entity("e4", 28, 35, "19 wrze", "PERSON", "x"),  # spurious
    ]
    analysis.timexes = [Timex("t1", 28, 39, "19 września", "DATE", "1939-09-19")]
    analysis.events = [Event("v1", "invasion", 15, 21, "zajęła", (0, 66), time="1939-09-19",
                             places=[EventArgument("Wilno")]),
                       Event("v2", "battle", 59, 65, "Grodno", (0, 66))]
    return analysis


def test_entity_scores_follow_the_contract():
    scores = score_entities(_gold(), _analysis())
    assert (scores["overlap"]["tp"], scores["overlap"]["system"], scores["overlap"]["gold"]) == (3, 4, 3)
    assert scores["exact"]["tp"] == 2
    assert scores["overlap"]["f"] == pytest.approx(2 * 0.75 * 1.0 / 1.75)
    assert scores["base_form"]["right"] == 2  # "Armia" is not "Armia Czerwona"


def test_timex_and_event_scores():
    timexes = score_timexes(_gold(), _analysis())
    assert timexes["strict"]["tp"] == 0 and timexes["relaxed"]["tp"] == 1 and timexes["value"]["right"] == 1
    events = score_events(_gold(), _analysis())
    assert events["tp"] == 1 and events["p"] == 0.5 and events["r"] == 1.0


@pytest.mark.parametrize(
    ("a", "b"), [("„Polesie”", "polesie"), ("320 000", "320000"), ("Armia  Czerwona", "armia czerwona")]
)
def test_normalisation(a, b):
    assert normalise_answer(a) == normalise_answer(b)
    assert normalise_name("Pułk „Sarny”") == "pułk sarny"


def test_eval_command_prints_every_score_line(seed_gold_path):
    result = subprocess.run([sys.executable, "-m", "kronika.cli", "eval", str(seed_gold_path)], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for line in ("sentences", "entities overlap", "entities exact", "base forms", "geocoding 30 km", "timex strict",
                 "timex relaxed", "timex value", "events", "questions"):
        assert line in result.stdout
    assert "exact 26/26" in result.stdout
    as_json = subprocess.run([sys.executable, "-m", "kronika.cli", "eval", str(seed_gold_path), "--json"],
                             capture_output=True, text=True, timeout=600)
    payload = json.loads(as_json.stdout)
    assert payload["total"]["sentences"]["accuracy"] == 1.0


def test_eval_rejects_a_file_that_is_not_gold(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kronika.cli", "eval", str(path)], capture_output=True, text=True)
    assert result.returncode == 1 and "needs a \"text\" field" in result.stderr
