"""Symbolic shape inference: dims computed from unknown ones are unknown (two traced runs, as
Keras)."""

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras.ops import symbolic_trace


class FlattenAll(keras.layers.Layer):
    """A layer with no ``compute_output_shape``: its output shape comes from a trace."""

    def call(self, x):
        return keras.ops.reshape(x, (-1,))


def shapes(k):
    """Output shapes of layers and ops on KerasTensors with unknown dims."""
    ops = k.ops
    x = k.Input((3, 4))
    y = k.Input(batch_shape=(None, None, 5))
    return [
        k.layers.Reshape((-1,))(x).shape,
        k.layers.Reshape((-1,))(y).shape,
        k.layers.Flatten()(y).shape,
        k.layers.Flatten()(x).shape,
        ops.reshape(x, (-1,)).shape,
        ops.reshape(x, (-1, 2)).shape,
        ops.reshape(y, (-1, 5)).shape,
        ops.sum(x, axis=(1, 2)).shape,
        (x[:, 0] * 2).shape,
        ops.concatenate([x, x], axis=0).shape,
        ops.concatenate([y, y], axis=1).shape,
        ops.matmul(ops.transpose(y, (0, 2, 1)), y).shape,
        k.layers.Lambda(lambda t: ops.reshape(t, (-1,)))(x).shape,
        (FlattenAll if k is keras else _keras_flatten_all(k))()(x).shape,
    ]


def _keras_flatten_all(k):
    class KerasFlattenAll(k.layers.Layer):
        def call(self, x):
            return k.ops.reshape(x, (-1,))

    return KerasFlattenAll


def test_computed_dims_are_unknown():
    x = keras.Input((3, 4))
    assert keras.ops.reshape(x, (-1,)).shape == (None,)
    assert keras.ops.reshape(x, (-1, 6)).shape == (None, 6)
    assert FlattenAll()(x).shape == (None,)
    assert (x[:, 0] * 2).shape == (None, 4)
    known = keras.Input(batch_shape=(2, 3))
    assert keras.ops.reshape(known, (-1,)).shape == (6,)


def test_second_run_only_with_unknown_dims():
    calls = []

    def fn(t):
        calls.append(tuple(t.shape))
        return t

    symbolic_trace.compute_output_spec(fn, [keras.KerasTensor((2, 3))], {})
    assert calls == [(2, 3)]
    calls.clear()
    spec = symbolic_trace.compute_output_spec(fn, [keras.KerasTensor((None, 3))], {})
    assert calls == [(symbolic_trace.UNKNOWN, 3), (symbolic_trace.SECOND_UNKNOWN, 3)]
    assert spec.shape == (None, 3)


def test_model_with_computed_dims_runs_and_summarizes():
    x = keras.Input((3, 4))
    model = keras.Model(x, keras.ops.reshape(x, (-1,)))
    lines = []
    model.summary(print_fn=lines.append)
    assert "(None)" in "".join(lines)
    out = model(np.ones((2, 3, 4), "float32"))
    assert tuple(out.shape) == (24,)


def test_shapes_match_keras():
    pytest.importorskip("tensorflow")
    real_keras = pytest.importorskip("keras")
    assert shapes(keras) == [tuple(shape) for shape in shapes(real_keras)]
    keras.backend.clear_session()
    real_keras.backend.clear_session()
    x, real_x = keras.Input((3, 4)), real_keras.Input((3, 4))
    mine = keras.Model(x, keras.ops.reshape(x, (-1, 2)))
    theirs = real_keras.Model(real_x, real_keras.ops.reshape(real_x, (-1, 2)))
    lines, expected = [], []
    mine.summary(print_fn=lines.append)
    theirs.summary(print_fn=expected.append)
    assert "".join(lines).strip() == "".join(expected).strip()
