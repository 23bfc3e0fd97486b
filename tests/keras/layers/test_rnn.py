"""Recurrent layers without TensorFlow: fused kernels against the cell loop, state handling,
dropout, shapes, configs, gradients and training."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras.layers.rnn import _fused

RNG = np.random.RandomState(0)
X = RNG.randn(3, 7, 5).astype("float32")
RIGHT = np.array([[1] * 7, [1, 1, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0]], bool)


def _loop_reference(layer, x, mask=None, training=False):
    """The same layer run through its Python loop over the cell."""
    value = torch.as_tensor(x)
    states = [
        value.new_zeros((value.shape[0], s))
        for s in (
            [layer.cell.state_size]
            if isinstance(layer.cell.state_size, int)
            else layer.cell.state_size
        )
    ]
    sequence, last, finals = layer._run_loop(
        layer.cell._step, value, states, None if mask is None else torch.as_tensor(mask), training
    )
    return (sequence if layer.return_sequences else last), finals


@pytest.mark.parametrize("name", ["SimpleRNN", "LSTM", "GRU"])
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("zero_output", [False, True])
@pytest.mark.parametrize("mask", [None, RIGHT], ids=["nomask", "rightpadded"])
def test_fused_kernel_matches_cell_loop(name, go_backwards, zero_output, mask):
    layer = getattr(keras.layers, name)(
        4,
        return_sequences=True,
        return_state=True,
        go_backwards=go_backwards,
        zero_output_for_mask=zero_output,
        bias_initializer="random_normal",
    )
    outputs = layer(X, mask=mask)
    assert layer.cell._fused_fits(False)
    expected, finals = _loop_reference(layer, X, mask)
    np.testing.assert_allclose(outputs[0].numpy(), expected.numpy(), atol=1e-5)
    for got, want in zip(outputs[1:], finals):
        np.testing.assert_allclose(got.numpy(), want.numpy(), atol=1e-5)


def test_right_padded_lengths_detects_layouts():
    assert _fused.right_padded_lengths(torch.as_tensor(RIGHT)).tolist() == [7, 3, 1]
    assert _fused.right_padded_lengths(torch.ones(2, 3, dtype=torch.bool)) == "full"
    assert _fused.right_padded_lengths(torch.as_tensor([[True, False, True]])) is None
    assert _fused.right_padded_lengths(torch.as_tensor([[False, False], [True, True]])) is None


def test_non_default_configs_take_the_loop():
    assert not keras.layers.LSTM(3, activation="relu").cell._fused_fits(False)
    assert not keras.layers.GRU(3, reset_after=False).cell._fused_fits(False)
    cell = keras.layers.LSTM(3, recurrent_dropout=0.5).cell
    assert cell._fused_fits(False) and not cell._fused_fits(True)


def test_cells_step_like_keras_returns():
    x = tf.constant(X[:, 0])
    h, states = keras.layers.LSTMCell(3)(x, [tf.zeros((3, 3)), tf.zeros((3, 3))])
    assert tuple(h.shape) == (3, 3) and isinstance(states, list) and len(states) == 2
    h, state = keras.layers.GRUCell(3)(x, tf.zeros((3, 3)))
    assert tf.is_tensor(state) and np.allclose(h.numpy(), state.numpy())
    h, states = keras.layers.SimpleRNNCell(3)(x, [tf.zeros((3, 3))])
    assert isinstance(states, list)


def test_return_state_shapes_and_compute_output_shape():
    layer = keras.layers.LSTM(4, return_sequences=True, return_state=True)
    outputs = layer(X)
    assert isinstance(outputs, tuple) and [tuple(o.shape) for o in outputs] == [
        (3, 7, 4),
        (3, 4),
        (3, 4),
    ]
    assert layer.compute_output_shape((None, 7, 5)) == ((None, 7, 4), (None, 4), (None, 4))
    assert keras.layers.GRU(2).compute_output_shape((3, 7, 5)) == (3, 2)
    inputs = keras.Input((None, 5))
    assert tuple(keras.layers.GRU(2, return_sequences=True)(inputs).shape) == (None, None, 2)
    both = keras.layers.Bidirectional(keras.layers.LSTM(3, return_sequences=True))
    assert both.compute_output_shape((2, 7, 5)) == (2, 7, 6)
    assert tuple(both(X).shape) == (3, 7, 6)


def test_initial_state_is_used():
    layer = keras.layers.GRU(4)
    zero = layer(X).numpy()
    other = layer(X, initial_state=[np.ones((3, 4), "float32")]).numpy()
    assert not np.allclose(zero, other)
    with pytest.raises(ValueError, match="expects 1 state"):
        layer(X, initial_state=[np.ones((3, 4), "float32")] * 2)


def test_stateful_carries_and_resets():
    layer = keras.layers.SimpleRNN(4, stateful=True)
    assert layer.states is None
    layer.build((3, 7, 5))
    assert [tuple(s.shape) for s in layer.states] == [(3, 4)] and not np.any(
        layer.states[0].numpy()
    )
    first = layer(X).numpy()
    second = layer(X).numpy()
    assert not np.allclose(first, second)
    layer.reset_states()
    assert all(np.all(s.numpy() == 0) for s in layer.states)
    np.testing.assert_allclose(layer(X).numpy(), first, atol=1e-6)
    with pytest.raises(ValueError, match="batch size must be static"):
        keras.layers.LSTM(2, stateful=True)(keras.Input((4, 5)))


def test_dropout_only_in_training():
    layer = keras.layers.LSTM(4, dropout=0.5, recurrent_dropout=0.5, seed=1)
    inference = layer(X).numpy()
    np.testing.assert_allclose(layer(X, training=False).numpy(), inference)
    assert not np.allclose(layer(X, training=True).numpy(), inference)
    fused_dropout = keras.layers.GRU(4, dropout=0.5)
    assert not np.allclose(fused_dropout(X, training=True).numpy(), fused_dropout(X).numpy())


def test_gradients_reach_every_weight():
    for layer in (
        keras.layers.LSTM(3),
        keras.layers.GRU(3),
        keras.layers.SimpleRNN(3),
        keras.layers.LSTM(3, activation="relu"),
    ):
        layer(X)
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(layer(X, mask=RIGHT))
        grads = tape.gradient(loss, layer.trainable_weights)
        assert len(grads) == 3 and all(g is not None and np.any(g.numpy() != 0) for g in grads)


def test_unit_forget_bias_initialises_forget_gate_to_one():
    layer = keras.layers.LSTM(2)
    layer(X)
    np.testing.assert_array_equal(layer.cell.bias.numpy(), [0, 0, 1, 1, 0, 0, 0, 0])


@pytest.mark.parametrize(
    "make",
    [
        lambda: keras.layers.SimpleRNN(3, activation="relu", go_backwards=True),
        lambda: keras.layers.LSTM(3, return_state=True, dropout=0.1, unit_forget_bias=False),
        lambda: keras.layers.GRU(3, reset_after=False, stateful=True),
        lambda: keras.layers.RNN(keras.layers.LSTMCell(3), return_sequences=True),
        lambda: keras.layers.Bidirectional(
            keras.layers.GRU(3, return_sequences=True), merge_mode="sum"
        ),
        lambda: keras.layers.TimeDistributed(keras.layers.Dense(2)),
        lambda: keras.layers.Masking(mask_value=-1.0),
        lambda: keras.layers.GRUCell(3, reset_after=False),
        lambda: keras.layers.RNN(
            [keras.layers.LSTMCell(3), keras.layers.SimpleRNNCell(2)], return_state=True
        ),
    ],
    ids=[
        "simple_rnn",
        "lstm",
        "gru",
        "rnn",
        "bidirectional",
        "time_distributed",
        "masking",
        "cell",
        "stacked",
    ],
)
def test_get_config_round_trip(make):
    layer = make()
    clone = type(layer).from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()


def test_bidirectional_weights_and_errors():
    layer = keras.layers.Bidirectional(keras.layers.LSTM(3, name="enc"))
    layer(X)
    assert [w.name for w in layer.weights] == ["kernel", "recurrent_kernel", "bias"] * 2
    assert layer.forward_layer.name == "forward_enc" and layer.backward_layer.name == "backward_enc"
    assert layer.backward_layer.go_backwards and not layer.forward_layer.go_backwards
    with pytest.raises(ValueError, match="Invalid merge mode"):
        keras.layers.Bidirectional(keras.layers.LSTM(2), merge_mode="x")


def test_errors_match_keras():
    with pytest.raises(ValueError, match="expected ndim=3, found ndim=2"):
        keras.layers.LSTM(3)(X[:, 0])
    with pytest.raises(ValueError, match="at least 3 dimensions"):
        keras.layers.TimeDistributed(keras.layers.Dense(2))(X[:, 0])
    with pytest.raises(ValueError, match="should have a `call` method"):
        keras.layers.RNN("a")
    with pytest.raises(ValueError, match="positive integer"):
        keras.layers.GRU(0)


def test_masking_layer_masks_and_zeroes():
    x = X.copy()
    x[0, 2:] = 0.0
    masking = keras.layers.Masking()
    np.testing.assert_array_equal(masking.compute_mask(x).numpy()[0], [True, True] + [False] * 5)
    assert np.all(masking(x).numpy()[0, 2:] == 0)


def test_lstm_model_trains():
    model = keras.Sequential([keras.Input((7, 5)), keras.layers.LSTM(8), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    y = X.sum(axis=(1, 2))[:, None].astype("float32")
    first = model.evaluate(X, y, verbose=0)
    model.fit(X, y, epochs=30, verbose=0)
    assert model.evaluate(X, y, verbose=0) < first


def test_embedding_mask_accepts_numpy_and_lists():
    embedding = keras.layers.Embedding(5, 2, mask_zero=True)
    assert embedding.compute_mask(np.array([[1, 0]])).numpy().tolist() == [[True, False]]
    assert embedding.compute_mask([[0, 3]]).numpy().tolist() == [[False, True]]


@pytest.mark.parametrize("name", ["SimpleRNN", "GRU", "LSTM"])
def test_rnn_integer_inputs_and_empty_sequences_as_keras(name):
    out = getattr(keras.layers, name)(2)(np.ones((1, 2, 3), dtype=np.int32))
    assert out.dtype == "float32" and tuple(out.shape) == (1, 2)
    with pytest.raises(tf.errors.InvalidArgumentError, match="slice index 0 of dimension 1 out"):
        getattr(keras.layers, name)(2)(np.ones((1, 0, 3)))
