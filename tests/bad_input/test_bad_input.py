"""Bad input gets TensorFlow's answer: every case of ``cases.py`` run on torchkeras, compared
with real TF's recorded outcome (``expected.json``, written by ``record.py``); and, with
TensorFlow installed, the recording checked against TF itself.

Cases torchkeras does not match yet are listed in ``known_differences.json`` with what
differs; they are strict xfails, so a fix must remove its entry.
"""

import json
import pathlib
import warnings

import pytest

import torchkeras as tf
from torchkeras import keras

from .cases import all_cases
from .outcome import differences, run_case

HERE = pathlib.Path(__file__).parent
EXPECTED = json.loads((HERE / "expected.json").read_text())
KNOWN = json.loads((HERE / "known_differences.json").read_text())
CASES = all_cases()


def test_recording_covers_every_case():
    assert sorted(EXPECTED) == sorted(source for source, _ in CASES)
    assert set(KNOWN) <= set(EXPECTED)


def _params():
    for source, state in CASES:
        marks = ()
        if source in KNOWN:
            marks = pytest.mark.xfail(reason=KNOWN[source], strict=True)
        yield pytest.param(source, state, id=source.replace("\n", "; ")[:120], marks=marks)


@pytest.mark.parametrize("source,state", list(_params()))
def test_outcome_is_tensorflows(source, state):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = run_case(source, state, tf, keras)
    assert differences(ours, EXPECTED[source]) == []


def test_recording_is_tensorflows():
    """The recorded outcomes are what TensorFlow does (TF installed: the oracle venv)."""
    real_tf = pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    changed = []
    for source, state in CASES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            outcome = run_case(source, state, real_tf, real_keras)
        if differences(outcome, EXPECTED[source]):
            changed.append(source)
    assert changed == []
