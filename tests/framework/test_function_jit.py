"""tf.function(jit_compile=True): torch.compile'd (here with the "aot_eager" backend), same results,
gradients through it, one compiled function shared by a method's instances, and the eager fallback."""
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
    np.testing.assert_allclose(tape.gradient(loss, w).numpy(), eager_tape.gradient(eager_loss, w).numpy())
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
        "jit_compile=True: tf.function 'add_one' could not be compiled by torch.compile (RuntimeError: unsupported "
        "op); running it eagerly instead."]


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
