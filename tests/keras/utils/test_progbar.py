"""keras.utils.Progbar: the exact text Keras prints (time is faked so output is deterministic)."""

import io
import sys
import types

import pytest

from torchkeras.keras.utils import progbar as progbar_module
from torchkeras.keras.utils.progbar import Progbar


class FakeClock:
    def __init__(self, step):
        self.now, self.step = 1000.0, step

    def time(self):
        self.now += self.step
        return self.now


def run(progbar_cls, module, monkeypatch, script, step=0.01, **kwargs):
    clock = FakeClock(step)
    monkeypatch.setattr(module, "time", types.SimpleNamespace(time=clock.time))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    bar = progbar_cls(**kwargs)
    for args in script:
        bar.update(*args[:2], finalize=args[2] if len(args) > 2 else None)
    monkeypatch.undo()
    return out.getvalue()


SCRIPT = [
    (1, [("loss", 0.5), ("acc", 0.25)]),
    (2, [("loss", 0.4), ("acc", 0.5)]),
    (3, [("loss", 0.3), ("acc", 0.0004)]),
]


def test_verbose_2_line(monkeypatch):
    text = run(
        Progbar, progbar_module, monkeypatch, SCRIPT, target=3, verbose=2, stateless_metrics=set()
    )
    assert text == "3/3 - 0s - 10ms/step - loss: 0.3000 - acc: 4.0000e-04\n"


def test_verbose_1_redraws_in_place(monkeypatch):
    text = run(
        Progbar,
        progbar_module,
        monkeypatch,
        SCRIPT,
        step=0.1,
        target=3,
        verbose=1,
        stateless_metrics=set(),
    )
    assert text.count("\r") == 3 and text.endswith("\n")
    assert "\x1b[1m1/3\x1b[0m \x1b[32m" in text and "━" * 20 in text


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(target=3, verbose=1, stateless_metrics=set()),
        dict(target=3, verbose=2),
        dict(target=None, verbose=1),
        dict(target=3, verbose=1),
        dict(target=120, verbose=1, stateful_metrics=["acc"]),
    ],
)
@pytest.mark.parametrize("step", [0.01, 0.2, 70.0])
def test_matches_keras(monkeypatch, kwargs, step):
    keras_progbar = pytest.importorskip("keras.src.utils.progbar")
    script = SCRIPT + (
        [(120, [("loss", 0.1), ("acc", 0.9)])]
        if kwargs.get("target") == 120
        else [(3, [("loss", 0.2)], True)]
    )
    ours = run(Progbar, progbar_module, monkeypatch, script, step=step, **kwargs)
    theirs = run(keras_progbar.Progbar, keras_progbar, monkeypatch, script, step=step, **kwargs)
    assert ours == theirs
