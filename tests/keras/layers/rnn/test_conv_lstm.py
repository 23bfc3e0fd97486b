"""``keras.layers.ConvLSTM1D``/``2D``/``3D`` without TensorFlow: defaults, shapes, the per-step cell
against
the whole-sequence path, states, dropout, errors, configs and ``.keras`` saving."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

RNG = np.random.RandomState(0)
X = RNG.randn(2, 4, 7, 6, 3).astype("float32")


def test_defaults_and_weights():
    layer = keras.layers.ConvLSTM2D(5, 3)
    assert (layer.kernel_size, layer.strides, layer.dilation_rate) == ((3, 3), (1, 1), (1, 1))
    assert (layer.padding, layer.data_format, layer.use_bias, layer.unit_forget_bias) == (
        "valid",
        "channels_last",
        True,
        True,
    )
    assert (layer.dropout, layer.recurrent_dropout) == (0.0, 0.0)
    assert (
        layer.activation is keras.activations.tanh
        and layer.recurrent_activation is keras.activations.sigmoid
    )
    assert (
        not layer.return_sequences
        and not layer.return_state
        and not layer.go_backwards
        and not layer.stateful
    )
    assert layer.name.startswith("conv_lstm2d") and layer.cell.name == "conv_lstm_cell"
    assert layer.cell.state_size == -1 and not hasattr(layer, "use_cudnn")
    assert tuple(layer(X).shape) == (2, 5, 4, 5)
    assert [w.name for w in layer.weights] == ["kernel", "recurrent_kernel", "bias"]
    assert [tuple(w.shape) for w in layer.weights] == [(3, 3, 3, 20), (3, 3, 5, 20), (20,)]
    np.testing.assert_array_equal(layer.cell.bias.numpy(), [0] * 5 + [1] * 5 + [0] * 10)


CASES = [
    (keras.layers.ConvLSTM2D, (2, 4, 7, 6, 3), dict(filters=4, kernel_size=3)),
    (
        keras.layers.ConvLSTM2D,
        (2, 4, 7, 6, 3),
        dict(
            filters=4, kernel_size=(2, 3), padding="same", return_sequences=True, return_state=True
        ),
    ),
    (
        keras.layers.ConvLSTM2D,
        (2, 4, 7, 6, 3),
        dict(filters=2, kernel_size=3, strides=2, padding="same", return_state=True),
    ),
    (
        keras.layers.ConvLSTM2D,
        (2, 4, 3, 7, 6),
        dict(
            filters=2,
            kernel_size=2,
            dilation_rate=2,
            data_format="channels_first",
            return_sequences=True,
        ),
    ),
    (
        keras.layers.ConvLSTM1D,
        (2, 4, 9, 3),
        dict(filters=3, kernel_size=4, padding="same", go_backwards=True),
    ),
    (
        keras.layers.ConvLSTM3D,
        (2, 3, 5, 6, 4, 2),
        dict(filters=2, kernel_size=2, return_state=True),
    ),
]


@pytest.mark.parametrize("cls,shape,config", CASES, ids=[str(i) for i in range(len(CASES))])
def test_output_shapes_match_compute_output_shape(cls, shape, config):
    layer = cls(**config)
    out = layer(RNG.randn(*shape).astype("float32"))
    flat = out if isinstance(out, tuple) else (out,)
    expected = layer.compute_output_shape(shape)
    expected = expected if isinstance(expected[0], tuple) else (expected,)
    assert [tuple(o.shape) for o in flat] == list(expected)


def _loop_over_cell(layer, x, go_backwards=False):
    """The layer's recurrence redone step by step with ``layer.cell(...)``."""
    states = layer.cell.get_initial_state(x.shape[0])
    outputs = []
    steps = range(x.shape[1] - 1, -1, -1) if go_backwards else range(x.shape[1])
    for t in steps:
        h, states = layer.cell(tf.constant(x[:, t]), states)
        outputs.append(h.numpy())
    return np.stack(outputs, 1), [s.numpy() for s in states]


@pytest.mark.parametrize(
    "config",
    [
        dict(padding="same", go_backwards=True),
        dict(strides=2, padding="same"),
        dict(kernel_size=2, padding="same", data_format="channels_first"),
        dict(use_bias=False, activation="relu", recurrent_activation="hard_sigmoid"),
    ],
)
def test_whole_sequence_projection_matches_cell_steps(config):
    config = dict(
        dict(filters=3, kernel_size=3, return_sequences=True, return_state=True), **config
    )
    layer = keras.layers.ConvLSTM2D(**config)
    x = X if config.get("data_format") != "channels_first" else np.moveaxis(X, -1, 2).copy()
    sequence, h, c = layer(x)
    expected, (h_ref, c_ref) = _loop_over_cell(layer, x, config.get("go_backwards", False))
    np.testing.assert_allclose(sequence.numpy(), expected, atol=1e-5)
    np.testing.assert_allclose(h.numpy(), h_ref, atol=1e-5)
    np.testing.assert_allclose(c.numpy(), c_ref, atol=1e-5)


def test_initial_state_and_mask():
    layer = keras.layers.ConvLSTM2D(2, 3, padding="same", return_sequences=True)
    zero = layer(X).numpy()
    ones = [np.ones((2, 7, 6, 2), "float32")] * 2
    assert not np.allclose(layer(X, initial_state=ones).numpy(), zero)
    masked = layer(X, mask=np.array([[1, 1, 0, 0], [1, 1, 1, 1]], bool)).numpy()
    np.testing.assert_allclose(masked[0, 2], masked[0, 1])
    np.testing.assert_allclose(masked[1], zero[1], atol=1e-6)
    with pytest.raises(ValueError, match="expects 2 state"):
        layer(X, initial_state=ones[:1])


def test_stateful_carries_and_resets():
    layer = keras.layers.ConvLSTM2D(2, 3, stateful=True)
    assert layer.states is None
    layer.build(X.shape)
    assert [tuple(s.shape) for s in layer.states] == [(2, 5, 4, 2)] * 2
    first = layer(X).numpy()
    second = layer(X).numpy()
    assert not np.allclose(second, first)
    np.testing.assert_allclose(layer.states[0].numpy(), second)
    layer.reset_states()
    assert all(not np.any(s.numpy()) for s in layer.states)
    np.testing.assert_allclose(layer(X).numpy(), first, atol=1e-6)


def test_dropout_only_in_training_and_seeded():
    def make():
        layer = keras.layers.ConvLSTM2D(2, 3, dropout=0.5, recurrent_dropout=0.5, seed=4)
        layer.build(X.shape)
        layer.set_weights([np.full(w.shape, 0.1, "float32") for w in layer.weights])
        return layer

    layer = make()
    inference = layer(X).numpy()
    np.testing.assert_allclose(layer(X, training=False).numpy(), inference)
    training = layer(X, training=True).numpy()
    assert not np.allclose(training, inference)
    np.testing.assert_allclose(make()(X, training=True).numpy(), training)


def test_gradients_reach_every_weight():
    layer = keras.layers.ConvLSTM1D(3, 2, padding="same", dropout=0.2, recurrent_dropout=0.2)
    x = RNG.randn(2, 5, 6, 2).astype("float32")
    layer(x)
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x, training=True))
    grads = tape.gradient(loss, layer.trainable_weights)
    assert len(grads) == 3 and all(g is not None and np.any(g.numpy() != 0) for g in grads)


def test_errors():
    with pytest.raises(ValueError, match="not compatible with `dilation_rate > 1`"):
        keras.layers.ConvLSTM2D(2, 3, strides=2, dilation_rate=2)
    with pytest.raises(ValueError, match=r"one of \{'valid', 'same'\}"):
        keras.layers.ConvLSTM1D(2, 3, padding="causal")
    with pytest.raises(ValueError, match="`kernel_size` argument must be a tuple of 2 integers"):
        keras.layers.ConvLSTM2D(2, (3, 3, 3))
    with pytest.raises(ValueError, match="expected ndim=5, found ndim=4"):
        keras.layers.ConvLSTM2D(2, 3)(X[..., 0])
    with pytest.raises(
        ValueError, match="only support static input shapes for the spatial dimension"
    ):
        keras.layers.ConvLSTM2D(2, 3).build((1, 2, None, 5, 1))
    layer = keras.layers.ConvLSTM2D(2, 3)
    layer(X)
    with pytest.raises(
        ValueError, match=r"expected shape=\(None, 7, 6, 3\), found shape=\(2, 6, 6, 3\)"
    ):
        layer(X[:, :, 1:])


def test_symbolic_model_with_unknown_time():
    inputs = keras.Input((None, 7, 6, 3))
    hidden = keras.layers.ConvLSTM2D(4, 3, padding="same", return_sequences=True)(inputs)
    outputs = keras.layers.ConvLSTM2D(2, 3, return_state=True)(hidden)
    assert [tuple(o.shape) for o in outputs] == [(None, 5, 4, 2)] * 3
    assert tuple(hidden.shape) == (None, None, 7, 6, 4)


@pytest.mark.parametrize(
    "make",
    [
        lambda: keras.layers.ConvLSTM2D(
            3,
            (2, 3),
            strides=(1, 2),
            padding="same",
            data_format="channels_first",
            activation="relu",
            dropout=0.1,
            recurrent_dropout=0.2,
            seed=3,
            kernel_regularizer="l2",
            return_sequences=True,
            go_backwards=True,
        ),
        lambda: keras.layers.ConvLSTM1D(
            2, 3, unit_forget_bias=False, use_bias=False, stateful=True, return_state=True
        ),
        lambda: keras.layers.ConvLSTM3D(
            2, 2, dilation_rate=2, recurrent_constraint="non_neg", name="c3"
        ),
    ],
    ids=["2d", "1d", "3d"],
)
def test_get_config_round_trip(make):
    layer = make()
    clone = type(layer).from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()


def test_keras_file_round_trip(tmp_path):
    pytest.importorskip("h5py")
    inputs = keras.Input((4, 7, 6, 3))
    hidden = keras.layers.ConvLSTM2D(3, 3, padding="same", return_sequences=True)(inputs)
    outputs = keras.layers.Dense(1)(keras.layers.Flatten()(keras.layers.ConvLSTM2D(2, 3)(hidden)))
    model = keras.Model(inputs, outputs)
    path = str(tmp_path / "conv_lstm.keras")
    model.save(path)
    loaded = keras.models.load_model(path)
    assert [type(layer).__name__ for layer in loaded.layers][1:3] == ["ConvLSTM2D", "ConvLSTM2D"]
    np.testing.assert_allclose(loaded.predict(X, verbose=0), model.predict(X, verbose=0), atol=1e-6)
