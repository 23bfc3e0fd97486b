"""``keras.config``: the global settings, and interactive logging routing Keras' messages."""

import logging
import os

import numpy as np
import pytest

from torchkeras import keras


def test_settings_round_trip():
    assert keras.config.floatx() == "float32" and keras.config.epsilon() == 1e-7
    assert (
        keras.config.image_data_format() == "channels_last"
        and keras.config.backend() == "tensorflow"
    )
    keras.config.set_epsilon(1e-5)
    try:
        assert keras.config.epsilon() == 1e-5
    finally:
        keras.config.set_epsilon(1e-7)
    with pytest.raises(ValueError, match="Unknown `floatx` value"):
        keras.config.set_floatx("int8")
    assert keras.config.dtype_policy().name == "float32"


def test_disabled_interactive_logging_sends_fit_output_to_the_logger(capsys, caplog):
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile("sgd", "mse")
    x, y = np.zeros((4, 2), "float32"), np.zeros((4, 1), "float32")
    keras.config.disable_interactive_logging()
    try:
        assert not keras.config.is_interactive_logging_enabled()
        with caplog.at_level(logging.INFO, logger="torchkeras"):
            model.fit(x, y, epochs=1, verbose=2)
    finally:
        keras.config.enable_interactive_logging()
    assert capsys.readouterr().out == ""
    assert any(
        "1/1 - " in record.getMessage() and "loss:" in record.getMessage()
        for record in caplog.records
    )
    model.fit(x, y, epochs=1, verbose=2)
    assert "loss:" in capsys.readouterr().out


def test_names_match_keras():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    for name in keras.config.__all__:
        assert hasattr(real_keras.config, name), name
        if name in (
            "floatx",
            "epsilon",
            "image_data_format",
            "backend",
            "is_interactive_logging_enabled",
        ):
            assert getattr(keras.config, name)() == getattr(real_keras.config, name)()


def test_enable_unsafe_deserialization_admits_lambdas(tmp_path):
    from torchkeras.keras.saving import serialization_lib

    model = keras.Sequential([keras.Input((2,)), keras.layers.Lambda(lambda x: x * 3.0)])
    with pytest.warns(UserWarning, match="includes a `lambda`"):
        config = keras.saving.serialize_keras_object(model)
    with pytest.raises(ValueError, match="safe_mode=False"):
        keras.saving.deserialize_keras_object(config)
    keras.config.enable_unsafe_deserialization()
    try:
        clone = keras.saving.deserialize_keras_object(config)
    finally:
        serialization_lib._STATE.unsafe_deserialization = False
    np.testing.assert_allclose(np.asarray(clone(np.ones((1, 2), "float32"))), [[3.0, 3.0]])
