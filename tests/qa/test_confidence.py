"""The confidence model: its weights are the fit of the table they name, and they say what a grammar of
evidence would: more of the question covered, a better role fit and a wider lead make an answer surer."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from types import ModuleType

from kronika.lang.resources import read_text
from kronika.qa.confidence import FEATURES, load_weights, probability
from tests.conftest import BENCH, ROOT, load_script


def _calibration() -> ModuleType:
    """The fitting script; it imports its helpers (qa_press, splits) as run from bench/."""
    return load_script(BENCH / "qa_calibration.py")


def _source() -> Path:
    header = read_text("kronika.qa", "resources/pl/confidence.tsv")
    match = re.search(r"fitted by bench/qa_calibration\.py --fit on (\S+) sha1 ([0-9a-f]{40})", header)
    assert match, "confidence.tsv must name the table it was fitted on and its SHA-1"
    path = ROOT / match[1]
    assert hashlib.sha1(path.read_bytes()).hexdigest() == match[2], f"{path} changed since the fit: refit"
    return path


def test_weights_are_the_fit_of_their_table() -> None:
    calibration = _calibration()
    assert calibration.fit(calibration.read_answers(_source())) == load_weights()


def test_the_package_holds_only_the_scorer() -> None:
    import kronika.qa.confidence as confidence

    assert not {"fit", "read_answers", "write_weights"} & set(vars(confidence))


def test_the_table_holds_wrong_answers_to_learn_from() -> None:
    rows = _calibration().read_answers(_source())
    assert sum(not ok for _, ok in rows) >= len(rows) // 4


def test_better_support_never_gives_a_less_sure_answer() -> None:
    weak = {"coverage": 0.5, "fit": 0.5, "proximity": 0.3, "lead": 0.1, "rank": 0.5, "alone": 0.5}
    for feature in FEATURES:
        assert probability({**weak, feature: 1.0}) >= probability(weak), feature
    assert probability(weak) < 0.5 < probability(dict.fromkeys(FEATURES, 1.0))


def test_the_fit_keeps_every_feature_weight_at_or_above_zero() -> None:
    # answers whose only rival-free ones are wrong: unconstrained, `alone` would weigh against an answer
    rows = [({**dict.fromkeys(FEATURES, 0.9), "alone": 0.0}, True)] * 6
    rows += [({**dict.fromkeys(FEATURES, 0.2), "alone": 1.0}, False)] * 6
    rows += [({**dict.fromkeys(FEATURES, 0.9), "alone": 1.0}, False), ({**dict.fromkeys(FEATURES, 0.2)}, True)]
    weights = _calibration().fit(rows)
    assert all(weights[feature] >= 0 for feature in FEATURES)
    assert weights["alone"] == 0
