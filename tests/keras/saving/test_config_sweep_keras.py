"""Configs of every built-in object are interchangeable with real Keras 3 (see config_sweep; run
with the TF venv):
the same keys, each side's config accepted by the other's ``from_config`` /
``deserialize_keras_object`` and
giving back the same config."""

import copy
import json

import pytest

pytest.importorskip("tensorflow")
import keras as real_keras  # noqa: E402

from torchkeras import keras  # noqa: E402

from config_sweep import arguments, build, cases  # noqa: E402

CASES = cases(keras)


def as_json(value, keras_module):
    return json.loads(json.dumps(keras_module.saving.serialize_keras_object(value)))


def pair(kind, name):
    args = arguments(getattr(getattr(keras, kind), name), kind)
    if not hasattr(getattr(real_keras, kind), name):
        pytest.skip("real Keras has no %s.%s" % (kind, name))
    return build(keras, kind, name, args), build(real_keras, kind, name, args)


@pytest.mark.parametrize("kind,name", CASES, ids=["%s.%s" % case for case in CASES])
def test_config_matches_keras(kind, name):
    mine, theirs = pair(kind, name)
    mine_config, theirs_config = (
        as_json(mine.get_config(), keras),
        as_json(theirs.get_config(), real_keras),
    )
    assert sorted(mine_config) == sorted(theirs_config)
    from_mine = type(theirs).from_config(copy.deepcopy(mine_config))
    assert as_json(from_mine.get_config(), real_keras) == theirs_config
    from_theirs = type(mine).from_config(copy.deepcopy(theirs_config))
    assert as_json(from_theirs.get_config(), keras) == mine_config


@pytest.mark.parametrize("kind,name", CASES, ids=["%s.%s" % case for case in CASES])
def test_serialized_form_accepted_both_ways(kind, name):
    mine, theirs = pair(kind, name)
    mine_serialized = as_json(mine, keras)
    theirs_serialized = as_json(theirs, real_keras)
    assert {k: v for k, v in mine_serialized.items() if k != "config"} == {
        k: v for k, v in theirs_serialized.items() if k != "config"
    }
    revived_there = real_keras.saving.deserialize_keras_object(copy.deepcopy(mine_serialized))
    assert type(revived_there) is type(theirs)
    revived_here = keras.saving.deserialize_keras_object(copy.deepcopy(theirs_serialized))
    assert type(revived_here) is type(mine)
