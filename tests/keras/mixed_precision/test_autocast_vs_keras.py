"""Keras' autocast scope against real Keras 3: inside a mixed-precision layer's ``call`` its
floating
weights read in the compute dtype (``add_weight(autocast=False)`` ones do not), with Keras' rules
for
nested layers; the chapter's SimpleDense trains under ``mixed_float16``."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")
import keras as real_keras  # noqa: E402
import tensorflow as real_tf  # noqa: E402

import torchkeras as tf  # noqa: E402
from torchkeras import keras  # noqa: E402


@pytest.fixture(autouse=True)
def _restore_policies():
    yield
    real_keras.mixed_precision.set_global_policy("float32")
    keras.mixed_precision.set_global_policy("float32")


def _dtype_name(value):
    return str(np.dtype(getattr(value.dtype, "name", str(value.dtype)).replace("tf.", "")))


def _probe_class(k):
    class Probe(k.layers.Layer):
        """Records the dtype its weights read in (``w`` autocast, ``u`` not) and of its output."""

        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1], 2), initializer="ones")
            self.u = self.add_weight(shape=(2,), initializer="ones", autocast=False)
            self.step = self.add_weight(shape=(), initializer="zeros", dtype="int32")

        def call(self, inputs):
            self.seen = (
                _dtype_name(k.ops.convert_to_tensor(self.w)),
                _dtype_name(k.ops.convert_to_tensor(self.u)),
                _dtype_name(k.ops.convert_to_tensor(self.step)),
            )
            return k.ops.matmul(inputs, self.w)

    return Probe


def _scenarios(k):
    probe = _probe_class(k)
    x = np.ones((4, 3), np.float32)
    results = {}
    for policy in ("float32", "mixed_float16", "mixed_bfloat16"):
        k.mixed_precision.set_global_policy(policy)
        for name, make in [
            ("plain", lambda: probe()),
            ("float32_layer", lambda: probe(dtype="float32")),
            ("no_autocast", lambda: probe(autocast=False)),
        ]:
            alone = make()
            out = alone(x)
            results[policy, name, "alone"] = alone.seen + (_dtype_name(out),)
            inner = make()
            model = k.Sequential([k.Input((3,)), inner])
            out = model(x)
            results[policy, name, "in_model"] = inner.seen + (_dtype_name(out),)
    return results


def test_autocast_rules_match_keras():
    assert _scenarios(keras) == _scenarios(real_keras)


def _simple_dense_fit(tf_module, policy):
    k = tf_module.keras

    class SimpleDense(k.layers.Layer):
        """Listing 3.22: ``tf.matmul`` of the float16 inputs with the layer's own float32 ``W``."""

        def __init__(self, units, activation=None):
            super().__init__()
            self.units, self.activation = units, activation

        def build(self, input_shape):
            self.W = self.add_weight(
                shape=(input_shape[-1], self.units), initializer="random_normal"
            )
            self.b = self.add_weight(shape=(self.units,), initializer="zeros")

        def call(self, inputs):
            y = tf_module.matmul(inputs, self.W) + self.b
            return self.activation(y) if self.activation is not None else y

    k.mixed_precision.set_global_policy(policy)
    k.utils.set_random_seed(0)
    model = k.Sequential(
        [
            k.Input((8,)),
            SimpleDense(16, k.activations.relu),
            SimpleDense(3),
            k.layers.Activation("softmax", dtype="float32"),
        ]
    )
    model.compile("sgd", "sparse_categorical_crossentropy")
    rng = np.random.RandomState(0)
    x, y = rng.rand(64, 8).astype(np.float32), rng.randint(0, 3, size=(64,))
    weights = [
        np.full(w.shape, 0.05 * (i + 1), np.float32) for i, w in enumerate(model.get_weights())
    ]
    model.set_weights(weights)
    history = model.fit(x, y, batch_size=16, epochs=2, shuffle=False, verbose=0)
    return history.history["loss"], model.get_weights(), [_dtype_name(w) for w in model.weights]


@pytest.mark.parametrize("policy", ["mixed_float16", "mixed_bfloat16"])
def test_chapter_simple_dense_trains_under_mixed_precision_like_keras(policy):
    ours_loss, ours_weights, ours_dtypes = _simple_dense_fit(tf, policy)
    keras_loss, keras_weights, keras_dtypes = _simple_dense_fit(real_tf, policy)
    assert ours_dtypes == keras_dtypes == ["float32"] * 4
    tolerance = 2e-2 if policy == "mixed_bfloat16" else 2e-3
    np.testing.assert_allclose(ours_loss, keras_loss, rtol=tolerance)
    for a, b in zip(ours_weights, keras_weights):
        np.testing.assert_allclose(a, b, rtol=tolerance, atol=tolerance)
