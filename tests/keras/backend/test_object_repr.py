"""Keras objects without their own ``repr`` show Keras' module path, as in Keras 3."""

import inspect
import re

import pytest

import torchkeras
from torchkeras.keras.backend.object_repr import KerasObjectRepr, keras_module

NAMESPACES = [
    "optimizers",
    "callbacks",
    "initializers",
    "regularizers",
    "constraints",
    "optimizers.schedules",
    "losses",
    "utils",
    "random",
    "saving",
]


def _reprs(keras):
    objects = [
        keras.optimizers.Adam(),
        keras.callbacks.History(),
        keras.callbacks.EarlyStopping(),
        keras.initializers.GlorotUniform(),
        keras.regularizers.L2(),
        keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9),
        keras.constraints.MaxNorm(),
    ]
    return [re.sub(r"0x[0-9a-f]+", "0x", repr(obj)) for obj in objects]


EXPECTED = [  # real Keras 3.15
    "<keras.src.optimizers.adam.Adam object at 0x>",
    "<keras.src.callbacks.history.History object at 0x>",
    "<keras.src.callbacks.early_stopping.EarlyStopping object at 0x>",
    "<keras.src.initializers.random_initializers.GlorotUniform object at 0x>",
    "<keras.src.regularizers.regularizers.L2 object at 0x>",
    "<keras.src.optimizers.schedules.learning_rate_schedule.ExponentialDecay object at 0x>",
    "<keras.src.constraints.constraints.MaxNorm object at 0x>",
]


def test_reprs():
    assert _reprs(torchkeras.keras) == EXPECTED


def test_user_subclass_keeps_its_module():
    class MyCallback(torchkeras.keras.callbacks.Callback):
        pass

    assert repr(MyCallback()).startswith("<%s." % __name__)


def _classes(keras):
    found = {}
    for namespace in NAMESPACES:
        module = keras
        for part in namespace.split("."):
            module = getattr(module, part, None)
        for name in dir(module or ()):
            obj = getattr(module, name)
            if inspect.isclass(obj):
                found["%s.%s" % (namespace, name)] = obj
    return found


def test_every_default_repr_class_matches_keras():
    pytest.importorskip("tensorflow")
    import keras

    ours = _classes(torchkeras.keras)
    for key, theirs in _classes(keras).items():
        if theirs.__repr__ is not object.__repr__ or key not in ours:
            continue
        mine = ours[key]
        assert mine.__repr__ is KerasObjectRepr.__repr__, key
        assert keras_module(mine) == theirs.__module__, key
