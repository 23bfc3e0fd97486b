"""tf.function(jit_compile=True): torch.compile'd (here with the "aot_eager" backend), same results,
gradients through it, one compiled function shared by a method's instances, and the eager
fallback."""

import warnings

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework import function as function_module


@pytest.fixture(autouse=True)
def backend(monkeypatch):
    def use(name):
        monkeypatch.setitem(function_module.JIT_OPTIONS, "backend", name)

    use("aot_eager")
    return use


def _failing_backend(graph_module, example_inputs):
    raise RuntimeError("unsupported op")


def test_compiled_function_matches_eager_and_differentiates():
    def f(a, b):
        return tf.reduce_sum(tf.square(tf.matmul(a, b) + a))

    compiled = tf.function(f, jit_compile=True)
    a = tf.constant(np.arange(4, dtype=np.float32).reshape(2, 2))
    w = tf.Variable(np.ones((2, 2), np.float32))
    assert float(compiled(a, a)) == float(f(a, a))
    with tf.GradientTape() as tape:
        loss = compiled(w, a)
    with tf.GradientTape() as eager_tape:
        eager_loss = f(w, a)
    np.testing.assert_allclose(
        tape.gradient(loss, w).numpy(), eager_tape.gradient(eager_loss, w).numpy()
    )
    assert compiled._jit.compiled


def test_method_shares_one_compiled_function():
    class Scaler:
        def __init__(self, factor):
            self.factor = factor

        @tf.function(jit_compile=True)
        def scale(self, x):
            return x * self.factor

    x = tf.constant([1.0, 2.0])
    assert Scaler(2.0).scale(x).numpy().tolist() == [2.0, 4.0]
    assert Scaler(3.0).scale(x).numpy().tolist() == [3.0, 6.0]
    assert Scaler.scale._jit.compiled


def test_failure_warns_once_then_runs_eagerly(backend):
    backend(_failing_backend)

    @tf.function(jit_compile=True)
    def add_one(x):
        return x + 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = [float(add_one(tf.constant(1.0))) for _ in range(3)]
    assert results == [2.0, 2.0, 2.0]
    assert [str(w.message) for w in caught] == [
        "jit_compile=True: tf.function 'add_one' could not be compiled by torch.compile "
        "(RuntimeError: unsupported "
        "op); running it eagerly instead."
    ]


def test_without_jit_compile_nothing_is_compiled(backend):
    backend(_failing_backend)
    plain = tf.function(lambda x: x * 2)
    assert plain._jit is None and float(plain(tf.constant(2.0))) == 4.0
    tf.config.run_functions_eagerly(True)
    try:
        jitted = tf.function(lambda x: x * 2, jit_compile=True)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert float(jitted(tf.constant(2.0))) == 4.0
    finally:
        tf.config.run_functions_eagerly(False)


def _train_steps(jit_compile, optimizer_factory, steps=5):
    from torchkeras import keras

    keras.utils.set_random_seed(1)
    model = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)]
    )
    optimizer = optimizer_factory()
    loss_fn = keras.losses.MeanSquaredError()

    @tf.function(jit_compile=jit_compile)
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        return loss

    rng = np.random.RandomState(0)
    x = rng.rand(32, 4).astype(np.float32)
    y = x.sum(axis=1, keepdims=True)
    losses = [
        float(train_step(x, y)) for _ in range(steps)
    ]  # NumPy arguments, as chapter 7's loops pass
    return losses, model.get_weights(), int(optimizer.iterations.numpy()), train_step


@pytest.mark.parametrize("optimizer", ["adam", "sgd_momentum", "rmsprop_schedule"])
def test_custom_train_step_compiles_whole_and_matches_eager(optimizer):
    """A chapter-7 style step (tape, gradient, apply_gradients) under jit_compile=True: the first
    call
    runs eagerly (it builds the optimizer), later calls run one compiled graph; results equal
    eager."""
    from torchkeras import keras

    factory = {
        "adam": lambda: keras.optimizers.Adam(0.01),
        "sgd_momentum": lambda: keras.optimizers.SGD(0.05, momentum=0.9),
        "rmsprop_schedule": lambda: keras.optimizers.RMSprop(
            keras.optimizers.schedules.ExponentialDecay(0.01, 2, 0.5)
        ),
    }[optimizer]
    eager_losses, eager_weights, eager_steps, _ = _train_steps(False, factory)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        losses, weights, steps, step = _train_steps(True, factory)
    assert step._jit.compiled and steps == eager_steps == 5
    np.testing.assert_allclose(losses, eager_losses, rtol=1e-5)
    for a, b in zip(weights, eager_weights):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
