"""keras.mixed_precision: policies, layer autocast, LossScaleOptimizer in compile/fit."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras

mp = keras.mixed_precision


@pytest.fixture(autouse=True)
def _restore_policy():
    yield
    mp.set_global_policy("float32")


def test_policy_names_and_dtypes():
    policy = mp.Policy("mixed_float16")
    assert mp.Policy is mp.DTypePolicy and repr(policy) == '<DTypePolicy "mixed_float16">'
    assert (policy.name, policy.compute_dtype, policy.variable_dtype) == (
        "mixed_float16",
        "float16",
        "float32",
    )
    assert (mp.Policy("mixed_bfloat16").compute_dtype, mp.Policy("float64").variable_dtype) == (
        "bfloat16",
        "float64",
    )
    assert mp.Policy("float16") == mp.Policy("float16") and mp.Policy("float16") != mp.Policy(
        "float32"
    )
    assert (
        policy.get_config() == {"name": "mixed_float16"}
        and mp.Policy.from_config(policy.get_config()) == policy
    )
    with pytest.raises(
        ValueError, match="^Cannot convert 'foo' to a mixed precision DTypePolicy. Valid policies "
    ):
        mp.Policy("foo")
    with pytest.raises(TypeError, match="'name' must be a string"):
        mp.Policy(3)


def test_global_policy():
    assert repr(mp.global_policy()) == '<DTypePolicy "float32">'
    mp.set_global_policy("mixed_bfloat16")
    assert mp.global_policy().name == "mixed_bfloat16" and mp.DTypePolicy().name == "mixed_bfloat16"
    mp.set_global_policy(mp.Policy("mixed_float16"))
    assert mp.global_policy().name == "mixed_float16"
    with pytest.raises(ValueError, match=r"^Invalid `policy` argument\. .* Received: policy=None"):
        mp.set_global_policy(None)


@pytest.mark.parametrize(
    "name, compute, torch_dtype",
    [("mixed_float16", "float16", torch.float16), ("mixed_bfloat16", "bfloat16", torch.bfloat16)],
)
def test_layers_compute_in_half_keep_float32_variables(name, compute, torch_dtype):
    mp.set_global_policy(name)
    dense = keras.layers.Dense(4)
    out = dense(np.ones((2, 3), np.float32))
    assert (dense.compute_dtype, dense.variable_dtype, dense.dtype) == (
        compute,
        "float32",
        "float32",
    )
    assert dense.dtype_policy == mp.Policy(name)
    assert out._value.dtype is torch_dtype and dense.kernel.dtype == tf.float32
    softmax = keras.layers.Activation("softmax", dtype="float32")
    assert softmax.compute_dtype == "float32" and softmax(out).dtype == tf.float32
    assert keras.layers.Dense(2, dtype=mp.Policy("float32")).compute_dtype == "float32"
    assert keras.layers.Dense(2).get_config()["dtype"]["config"] == {"name": name}


def test_float32_policy_leaves_inputs_alone():
    dense = keras.layers.Dense(3)
    x = tf.constant(np.ones((2, 3), np.float32))
    assert dense(x).dtype == tf.float32 and dense.dtype_policy.name == "float32"


def _model():
    return keras.Sequential(
        [
            keras.Input((8,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(1, dtype="float32"),
        ]
    )


def _data():
    rng = np.random.RandomState(0)
    x = rng.rand(256, 8).astype(np.float32)
    return x, x.sum(axis=1, keepdims=True)


def test_compile_wraps_optimizer_for_mixed_float16_and_fit_learns():
    mp.set_global_policy("mixed_float16")
    model = _model()
    model.compile(keras.optimizers.SGD(0.01), "mse")
    assert (
        isinstance(model.optimizer, mp.LossScaleOptimizer)
        and model.optimizer.name == "loss_scale_optimizer"
    )
    assert isinstance(model.optimizer.inner_optimizer, keras.optimizers.SGD)
    x, y = _data()
    first = model.evaluate(x, y, verbose=0)
    model.fit(x, y, epochs=3, batch_size=32, verbose=0)
    assert model.evaluate(x, y, verbose=0) < first
    assert model.predict(x[:4], verbose=0).dtype == np.float32
    assert all(v.dtype == tf.float32 for v in model.weights)
    skipped = 24 - int(
        model.optimizer.iterations
    )  # each skipped (overflowing) step halved the scale
    assert (
        0 <= skipped < 24 and float(model.optimizer.dynamic_scale.numpy()) == 32768.0 / 2**skipped
    )


def test_no_wrapping_for_bfloat16_or_when_disabled():
    mp.set_global_policy("mixed_bfloat16")
    model = _model()
    model.compile("sgd", "mse")
    assert type(model.optimizer).__name__ == "SGD"
    x, y = _data()
    first = model.evaluate(x, y, verbose=0)
    model.fit(x, y, epochs=2, batch_size=32, verbose=0)
    assert model.evaluate(x, y, verbose=0) < first
    mp.set_global_policy("mixed_float16")
    model = _model()
    model.compile("sgd", "mse", auto_scale_loss=False)
    assert type(model.optimizer).__name__ == "SGD"


def test_fit_skips_steps_and_halves_the_scale_on_overflow():
    mp.set_global_policy("mixed_float16")
    model = _model()
    model.compile(mp.LossScaleOptimizer(keras.optimizers.SGD(0.01), initial_scale=2.0**40), "mse")
    x, y = _data()
    model.fit(x, y, epochs=1, batch_size=32, verbose=0)
    optimizer = model.optimizer
    scale = float(optimizer.dynamic_scale.numpy())
    assert scale < 2.0**40  # float16 gradients of a 2**40-scaled loss overflow: scale halved
    assert int(optimizer.iterations) < 8  # ... and those steps skipped
    assert all(np.isfinite(w).all() for w in model.get_weights())


def test_layer_weights_read_in_the_compute_dtype_inside_call():
    """Keras' autocast scope: ``tf.matmul(inputs, self.W)`` in a custom layer sees a float16 ``W``;
    ``autocast=False`` weights, normalization weights and reads outside ``call`` stay float32."""
    seen = {}

    class SimpleDense(keras.layers.Layer):
        def build(self, input_shape):
            self.W = self.add_weight(shape=(input_shape[-1], 2))
            self.scale = self.add_weight(shape=(), initializer="ones", autocast=False)

        def call(self, inputs):
            seen["W"], seen["scale"] = self.W._value.dtype, self.scale._value.dtype
            return tf.matmul(inputs, self.W)

    mp.set_global_policy("mixed_float16")
    layer = SimpleDense()
    norm = keras.layers.LayerNormalization()
    out = norm(layer(np.ones((4, 3), np.float32)))
    assert seen == {"W": torch.float16, "scale": torch.float32}
    assert out.dtype == tf.float16 and norm.gamma._value.dtype is torch.float32
    assert layer.W._value.dtype is torch.float32 and layer.W.dtype == tf.float32
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.cast(layer(np.ones((4, 3), np.float32)), tf.float32))
    assert tape.gradient(loss, layer.W).dtype == tf.float32
