"""Differential tests of the recurrent layers against real Keras: same config, Keras' weights
transplanted with ``set_weights``, outputs compared (1e-4).  Runs only where TensorFlow imports."""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")
real_keras = pytest.importorskip("keras")

import torchkeras  # noqa: E402
from torchkeras import keras  # noqa: E402
from tests.keras.layer_contract import assert_outputs_close, transplant  # noqa: E402

RNG = np.random.RandomState(1)
X = RNG.randn(3, 6, 5).astype("float32")
RIGHT = np.array([[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0], [1, 0, 0, 0, 0, 0]], bool)
HOLES = np.array([[1, 0, 1, 1, 0, 1], [0, 0, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1]], bool)
EMPTY = np.array([[1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]], bool)

BASE = [
    ("SimpleRNN", {}),
    ("SimpleRNN", dict(activation="relu", use_bias=False)),
    ("LSTM", {}),
    ("LSTM", dict(use_bias=False)),
    ("LSTM", dict(activation="relu")),
    ("LSTM", dict(recurrent_activation="hard_sigmoid", unit_forget_bias=False)),
    ("GRU", {}),
    ("GRU", dict(reset_after=False)),
    ("GRU", dict(use_bias=False)),
    ("GRU", dict(activation="softsign")),
]
SEQ = [
    dict(),
    dict(return_sequences=True),
    dict(return_state=True),
    dict(go_backwards=True),
    dict(return_sequences=True, return_state=True, go_backwards=True),
]
MASKS = {"none": None, "right": RIGHT, "holes": HOLES, "empty": EMPTY}


def _transplant(ours, theirs, x, **kwargs):
    transplant(ours, theirs, x, rng=RNG, scale=0.5, **kwargs)


def _compare(ours, theirs, x, **kwargs):
    assert_outputs_close(ours(x, **kwargs), theirs(x, **kwargs), atol=1e-4, rtol=1e-4)


@pytest.mark.parametrize("name,config", BASE, ids=["%s-%d" % (c[0], i) for i, c in enumerate(BASE)])
@pytest.mark.parametrize("seq", SEQ, ids=[",".join(s) or "last" for s in SEQ])
@pytest.mark.parametrize("mask", list(MASKS))
def test_recurrent_layer_matches_keras(name, config, seq, mask):
    config = dict(config, units=4, **seq)
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    kwargs = {} if MASKS[mask] is None else {"mask": MASKS[mask]}
    _transplant(ours, theirs, X)
    _compare(ours, theirs, X, **kwargs)
    assert ours.compute_output_shape(X.shape) == theirs.compute_output_shape(X.shape)


@pytest.mark.parametrize("name", ["SimpleRNN", "LSTM", "GRU"])
def test_zero_output_for_mask_and_initial_state_match_keras(name):
    config = dict(units=4, return_sequences=True, zero_output_for_mask=True)
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    _transplant(ours, theirs, X)
    _compare(ours, theirs, X, mask=RIGHT)
    _compare(ours, theirs, X, mask=HOLES)
    states = [RNG.randn(3, 4).astype("float32") for _ in range(2 if name == "LSTM" else 1)]
    _compare(ours, theirs, X, initial_state=states)


@pytest.mark.parametrize("name", ["SimpleRNN", "LSTM", "GRU"])
def test_config_matches_keras(name):
    config = dict(units=4, dropout=0.25, return_sequences=True, name="r")
    ours, theirs = getattr(keras.layers, name)(**config), getattr(real_keras.layers, name)(**config)
    assert ours.get_config() == theirs.get_config()
    assert ours.cell.get_config() == theirs.cell.get_config()
    clone = getattr(keras.layers, name).from_config(ours.get_config())
    assert clone.get_config() == ours.get_config()


@pytest.mark.parametrize("cell", ["SimpleRNNCell", "LSTMCell", "GRUCell"])
def test_generic_rnn_over_cell_matches_keras(cell):
    keras.backend.clear_session()
    real_keras.backend.clear_session()
    ours = keras.layers.RNN(getattr(keras.layers, cell)(3), return_sequences=True)
    theirs = real_keras.layers.RNN(getattr(real_keras.layers, cell)(3), return_sequences=True)
    _transplant(ours, theirs, X)
    _compare(ours, theirs, X)
    _compare(ours, theirs, X, mask=HOLES)
    assert ours.get_config()["cell"]["config"] == theirs.get_config()["cell"]["config"]


@pytest.mark.parametrize("merge_mode", ["concat", "sum", "mul", "ave", None])
@pytest.mark.parametrize("inner", ["LSTM", "GRU"])
@pytest.mark.parametrize(
    "seq",
    [dict(), dict(return_sequences=True), dict(return_sequences=True, return_state=True)],
    ids=["last", "seq", "seq-state"],
)
def test_bidirectional_matches_keras(merge_mode, inner, seq):
    ours = keras.layers.Bidirectional(getattr(keras.layers, inner)(4, **seq), merge_mode=merge_mode)
    theirs = real_keras.layers.Bidirectional(
        getattr(real_keras.layers, inner)(4, **seq), merge_mode=merge_mode
    )
    _transplant(ours, theirs, X)
    _compare(ours, theirs, X)
    _compare(ours, theirs, X, mask=RIGHT)
    assert ours.compute_output_shape(X.shape) == theirs.compute_output_shape(X.shape)
    assert type(ours(X)) is tuple or type(theirs(X)) is not tuple
    mask = np.ones((3, 6), bool)
    ours_mask, their_mask = ours.compute_mask(X, mask), theirs.compute_mask(X, mask)
    assert type(ours_mask) is type(their_mask) or (ours_mask is not None and their_mask is not None)
    if isinstance(their_mask, tuple):
        assert [m is None for m in ours_mask] == [m is None for m in their_mask]


def test_time_distributed_dense_matches_keras():
    ours = keras.layers.TimeDistributed(keras.layers.Dense(3, activation="tanh"))
    theirs = real_keras.layers.TimeDistributed(real_keras.layers.Dense(3, activation="tanh"))
    _transplant(ours, theirs, X)
    _compare(ours, theirs, X)
    assert ours.compute_output_shape(X.shape) == theirs.compute_output_shape(X.shape)
    assert ours.get_config()["layer"]["config"] == theirs.get_config()["layer"]["config"]


def test_masking_and_embedding_masks_feed_lstm_like_keras():
    x = X.copy()
    x[1, 4:] = 0.0
    x[2, 1:] = 0.0
    ours, theirs = keras.layers.Masking(), real_keras.layers.Masking()
    np.testing.assert_array_equal(
        np.asarray(ours.compute_mask(x)), np.asarray(theirs.compute_mask(x))
    )
    np.testing.assert_allclose(np.asarray(ours(x)), np.asarray(theirs(x)))
    lstm, real_lstm = (
        keras.layers.LSTM(4, return_sequences=True),
        real_keras.layers.LSTM(4, return_sequences=True),
    )
    _transplant(lstm, real_lstm, x)
    expected = np.asarray(real_keras.Sequential([real_keras.Input((6, 5)), theirs, real_lstm])(x))
    np.testing.assert_allclose(
        np.asarray(lstm(ours(x), mask=ours.compute_mask(x))), expected, atol=1e-4
    )
    ids = np.array([[3, 1, 4, 0, 0], [5, 9, 0, 0, 0]], "int32")
    emb, real_emb = (
        keras.layers.Embedding(10, 5, mask_zero=True),
        real_keras.layers.Embedding(10, 5, mask_zero=True),
    )
    real_emb.build((None, 5))
    emb.build((None, 5))
    emb.set_weights(real_emb.get_weights())
    gru, real_gru = (
        keras.layers.GRU(3, go_backwards=True),
        real_keras.layers.GRU(3, go_backwards=True),
    )
    _transplant(gru, real_gru, np.asarray(real_emb(ids)))
    expected = np.asarray(real_gru(real_emb(ids)))
    np.testing.assert_allclose(
        np.asarray(gru(emb(ids), mask=emb.compute_mask(torchkeras.constant(ids)))),
        expected,
        atol=1e-4,
    )


def test_stateful_lstm_carries_state_like_keras():
    ours = keras.layers.LSTM(4, stateful=True, return_sequences=True)
    theirs = real_keras.layers.LSTM(4, stateful=True, return_sequences=True)
    _transplant(ours, theirs, X)
    ours.reset_states()
    theirs.reset_states()
    _compare(ours, theirs, X)
    _compare(ours, theirs, X[:, ::-1].copy())
    ours.reset_states()
    theirs.reset_states()
    _compare(ours, theirs, X)


def test_stacked_cells_match_keras():
    config = dict(return_sequences=True, return_state=True)
    ours = keras.layers.RNN([keras.layers.LSTMCell(3), keras.layers.GRUCell(2)], **config)
    theirs = real_keras.layers.RNN(
        [real_keras.layers.LSTMCell(3), real_keras.layers.GRUCell(2)], **config
    )
    _transplant(ours, theirs, X)
    expected, got = theirs(X, mask=HOLES), ours(X, mask=HOLES)
    np.testing.assert_allclose(np.asarray(got[0]), np.asarray(expected[0]), atol=1e-4)
    assert [len(g) for g in got[1:]] == [len(e) for e in expected[1:]] == [2, 1]
    for g, e in zip(got[1] + got[2], expected[1] + expected[2]):
        np.testing.assert_allclose(np.asarray(g), np.asarray(e), atol=1e-4)
    assert ours.compute_output_shape(X.shape) == theirs.compute_output_shape(X.shape)
    assert (
        ours.get_config()["cell"]["config"]["cells"]
        == theirs.get_config()["cell"]["config"]["cells"]
    )
    assert ours.cell.state_size == theirs.cell.state_size
