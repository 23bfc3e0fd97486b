"""get_config/from_config and serialize/deserialize round trips of every built-in object (see
config_sweep)."""

import json

import pytest

from torchkeras import keras
from torchkeras.keras.saving import deserialize_keras_object, serialize_keras_object

from config_sweep import SKIP, arguments, build, cases, names

CASES = cases(keras)


def as_json(config):
    """``config`` as it reads back from a saved file (tuples become lists)."""
    return json.loads(json.dumps(serialize_keras_object(config)))


def test_sweep_covers_every_public_class():
    for kind in SKIP:
        listed = names(keras, kind)
        assert set(SKIP[kind]) <= set(listed), "stale skip entries in %s" % kind
    assert len(CASES) > 150


@pytest.mark.parametrize("kind,name", CASES, ids=["%s.%s" % case for case in CASES])
def test_config_round_trip(kind, name):
    cls = getattr(getattr(keras, kind), name)
    obj = build(keras, kind, name, arguments(cls, kind))
    config = obj.get_config()
    again = type(obj).from_config(config)
    assert type(again) is type(obj)
    assert as_json(again.get_config()) == as_json(config)
    serialized = as_json(serialize_keras_object(obj))
    assert serialized["class_name"] == type(obj).__name__
    revived = deserialize_keras_object(serialized)
    assert type(revived) is type(obj)
    assert as_json(revived.get_config()) == as_json(config)
