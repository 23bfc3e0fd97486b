"""Differential tests of ``ConvLSTM1D``/``2D``/``3D`` against real Keras: same config, Keras'
weights
transplanted with ``set_weights``, outputs compared (1e-5).  Runs only where TensorFlow imports."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

import torchkeras  # noqa: E402
from torchkeras import keras  # noqa: E402
from tests.keras.layer_contract import assert_outputs_close, transplant  # noqa: E402

RNG = np.random.RandomState(2)
SHAPES = {
    "ConvLSTM1D": (3, 5, 9, 2),
    "ConvLSTM2D": (3, 5, 7, 6, 2),
    "ConvLSTM3D": (3, 3, 5, 4, 6, 2),
}

BASE = [
    ("ConvLSTM2D", dict(kernel_size=3)),
    ("ConvLSTM2D", dict(kernel_size=(2, 3), padding="same")),
    ("ConvLSTM2D", dict(kernel_size=3, strides=2, padding="same")),
    ("ConvLSTM2D", dict(kernel_size=(3, 2), strides=(1, 2))),
    ("ConvLSTM2D", dict(kernel_size=2, dilation_rate=2, padding="same")),
    (
        "ConvLSTM2D",
        dict(kernel_size=3, use_bias=False, activation="relu", recurrent_activation="hard_sigmoid"),
    ),
    ("ConvLSTM2D", dict(kernel_size=3, padding="same", data_format="channels_first")),
    ("ConvLSTM1D", dict(kernel_size=4, padding="same")),
    ("ConvLSTM1D", dict(kernel_size=3, strides=2, unit_forget_bias=False)),
    ("ConvLSTM3D", dict(kernel_size=2, padding="same")),
    ("ConvLSTM3D", dict(kernel_size=(1, 2, 3))),
]
SEQ = [
    dict(),
    dict(return_sequences=True),
    dict(return_state=True),
    dict(go_backwards=True),
    dict(return_sequences=True, return_state=True, go_backwards=True),
]


def _input(name, config):
    shape = SHAPES[name]
    if config.get("data_format") == "channels_first":
        shape = shape[:2] + shape[-1:] + shape[2:-1]
    return RNG.randn(*shape).astype("float32")


def _pair(name, config, x):
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    transplant(ours, theirs, x, rng=RNG, scale=0.4)
    return ours, theirs


def _compare(ours, theirs, x, **kwargs):
    assert_outputs_close(ours(x, **kwargs), theirs(x, **kwargs))


@pytest.mark.parametrize("name,config", BASE, ids=["%s-%d" % (c[0], i) for i, c in enumerate(BASE)])
@pytest.mark.parametrize("seq", SEQ, ids=[",".join(s) or "last" for s in SEQ])
def test_conv_lstm_matches_keras(name, config, seq):
    config = dict(config, filters=3, **seq)
    x = _input(name, config)
    ours, theirs = _pair(name, config, x)
    _compare(ours, theirs, x)
    assert ours.compute_output_shape(x.shape) == theirs.compute_output_shape(x.shape)
    unknown_time = (None, None) + x.shape[2:]
    assert ours.compute_output_shape(unknown_time) == theirs.compute_output_shape(unknown_time)


@pytest.mark.parametrize("zero_output_for_mask", [False, True])
def test_masks_and_initial_state_match_keras(zero_output_for_mask):
    config = dict(
        filters=2,
        kernel_size=3,
        padding="same",
        return_sequences=True,
        return_state=True,
        zero_output_for_mask=zero_output_for_mask,
    )
    x = _input("ConvLSTM2D", config)
    ours, theirs = _pair("ConvLSTM2D", config, x)
    for mask in (
        [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1], [1, 0, 0, 0, 0]],
        [[1, 0, 1, 1, 0], [0, 0, 1, 1, 1], [1] * 5],
    ):
        _compare(ours, theirs, x, mask=np.array(mask, bool))
    states = [RNG.randn(3, 7, 6, 2).astype("float32") for _ in range(2)]
    _compare(ours, theirs, x, initial_state=states)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_per_position_mask_matches_keras(data_format):
    config = dict(
        filters=2,
        kernel_size=3,
        padding="same",
        return_sequences=True,
        return_state=True,
        data_format=data_format,
    )
    x = _input("ConvLSTM2D", config)
    ours, theirs = _pair("ConvLSTM2D", config, x)
    mask = (
        RNG.rand(*x.shape[:-1]) > 0.3
    )  # Masking's shape; channels_first: (channels=filters, rows) lead
    _compare(ours, theirs, x, mask=mask)
    valid = dict(config, padding="valid", data_format="channels_last")
    x = _input("ConvLSTM2D", valid)
    ours, theirs = _pair("ConvLSTM2D", valid, x)
    mask = RNG.rand(*x.shape[:-1]) > 0.3
    with pytest.raises(tf_real.errors.InvalidArgumentError) as expected:
        theirs(x, mask=mask)
    with pytest.raises(torchkeras.errors.InvalidArgumentError) as got:
        ours(x, mask=mask)
    detail = "condition [3,7,6,2], then [3,5,4,2], and else [3,5,4,2] must be broadcastable"
    assert detail in str(expected.value) and detail in str(got.value)


def test_stateful_matches_keras():
    config = dict(filters=2, kernel_size=3, stateful=True, return_state=True)
    x = _input("ConvLSTM2D", config)
    ours, theirs = _pair("ConvLSTM2D", config, x)
    ours.reset_states()
    theirs.reset_states()
    for _ in range(2):
        _compare(ours, theirs, x)
    for mine, real in zip(ours.states, theirs.states):
        np.testing.assert_allclose(mine.numpy(), np.asarray(real), atol=1e-4)


@pytest.mark.parametrize("name", ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"])
def test_config_matches_keras(name):
    config = dict(
        filters=4,
        kernel_size=2,
        padding="same",
        dropout=0.25,
        recurrent_dropout=0.1,
        seed=2,
        kernel_regularizer="l2",
        bias_constraint="non_neg",
        return_sequences=True,
        name="c",
    )
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    assert ours.get_config() == theirs.get_config()
    assert ours.cell.get_config() == theirs.cell.get_config()
    x = RNG.randn(*SHAPES[name]).astype("float32")
    assert ours.compute_output_shape(x.shape) == theirs.compute_output_shape(x.shape)


def test_keras_saved_model_loads(tmp_path):
    def build(lib):
        inputs = lib.Input((5, 7, 6, 2))
        hidden = lib.layers.ConvLSTM2D(3, 3, padding="same", return_sequences=True)(inputs)
        return lib.Model(inputs, lib.layers.ConvLSTM2D(2, 2, go_backwards=True)(hidden))

    x = _input("ConvLSTM2D", {})
    theirs = build(real_keras)
    path = str(tmp_path / "real.keras")
    theirs.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(
        loaded.predict(x, verbose=0), theirs.predict(x, verbose=0), atol=1e-4
    )
    ours = build(keras)
    ours_path = str(tmp_path / "ours.keras")
    ours.save(ours_path)
    back = real_keras.models.load_model(ours_path)
    np.testing.assert_allclose(back.predict(x, verbose=0), ours.predict(x, verbose=0), atol=1e-4)
