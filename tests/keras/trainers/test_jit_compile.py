"""compile(jit_compile=True): the compiled train step trains like the eager one; failures fall back
with one warning.  Compiled with torch's "aot_eager" backend here (no C++ toolchain needed, fast);
the benchmark suite exercises TorchInductor."""

import warnings

import numpy as np
import pytest

from torchkeras import keras
from torchkeras.framework import function as function_module


@pytest.fixture
def backend(monkeypatch):
    def use(name):
        monkeypatch.setitem(function_module.JIT_OPTIONS, "backend", name)

    use("aot_eager")
    return use


def _data():
    rng = np.random.RandomState(0)
    return rng.rand(96, 6).astype(np.float32), rng.randint(0, 3, size=(96,))


def _trained(jit_compile, epochs=2):
    keras.utils.set_random_seed(3)
    model = keras.Sequential(
        [
            keras.Input((6,)),
            keras.layers.Dense(8, activation="relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(
        keras.optimizers.RMSprop(0.01),
        "sparse_categorical_crossentropy",
        metrics=["accuracy"],
        jit_compile=jit_compile,
    )
    x, y = _data()
    history = model.fit(x, y, batch_size=20, epochs=epochs, shuffle=False, verbose=0)
    return model, history


def _raising_backend(graph_module, example_inputs):
    raise RuntimeError("no C++ compiler found")


def test_compiled_fit_matches_eager_fit(backend):
    eager, eager_history = _trained("auto")
    compiled, compiled_history = _trained(True)
    assert compiled.jit_compile and not eager.jit_compile
    assert (
        compiled._jit_step is not None and compiled._jit_step.compiled and compiled._jit_whole_step
    )
    assert eager._jit_step is None and eager.optimizer._jit_update is None
    for a, b in zip(eager.get_weights(), compiled.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)
    for key in ("loss", "accuracy"):
        np.testing.assert_allclose(
            eager_history.history[key], compiled_history.history[key], rtol=1e-4
        )


def test_failed_compilation_warns_once_and_trains_eagerly(backend):
    eager, eager_history = _trained(False)
    backend(_raising_backend)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled, compiled_history = _trained(True, epochs=2)
    messages = [str(w.message) for w in caught if "jit_compile" in str(w.message)]
    assert messages == [
        "jit_compile=True: the train step of model %r could not be compiled by torch.compile "
        "(RuntimeError: no C++ compiler found); running it eagerly instead." % compiled.name
    ]
    assert not compiled._jit_step.compiled and compiled.optimizer._jit_update is None
    for a, b in zip(eager.get_weights(), compiled.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_run_eagerly_does_not_compile(backend):
    backend(_raising_backend)
    model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1)])
    model.compile("sgd", "mse", jit_compile=True, run_eagerly=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model.fit(*_data(), epochs=1, verbose=0)
    assert model._jit_step is None


def test_each_model_compiles_its_own_graphs(monkeypatch):
    """torch.compile caches graphs per code object with a limit of 8 recompilations; every model
    (and optimizer) compiles a private copy, so the tenth model is still compiled, once."""
    from torch._dynamo.testing import CompileCounterWithBackend

    counter = CompileCounterWithBackend("aot_eager")
    monkeypatch.setitem(function_module.JIT_OPTIONS, "backend", counter)
    x, y = _data()
    for units in range(1, 11):
        model = keras.Sequential(
            [keras.Input((6,)), keras.layers.Dense(units), keras.layers.Dense(3)]
        )
        model.compile("sgd", "mse", jit_compile=True)
        model.fit(x, np.eye(3)[y], batch_size=32, epochs=2, verbose=0)
    computing = [
        g for g in counter.graphs if any(node.op == "call_function" for node in g.graph.nodes)
    ]
    assert len(computing) == 10  # one graph per model: forward, loss, gradients and update


@pytest.mark.parametrize("optimizer", ["nadam", "ema"])
def test_optimizers_with_host_state_compile_the_forward_pass_only(backend, optimizer):
    """Nadam (host-side momentum product) and EMA read the device back: the forward pass and loss
    compile as one graph and the update apart (Adam's update rule compiled, its EMA eager; Nadam's
    update eager); training equals eager training."""
    make = {
        "nadam": lambda: keras.optimizers.Nadam(0.01),
        "ema": lambda: keras.optimizers.Adam(0.01, use_ema=True),
    }[optimizer]

    def trained(jit_compile):
        keras.utils.set_random_seed(3)
        model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(3, activation="softmax")])
        model.compile(make(), "sparse_categorical_crossentropy", jit_compile=jit_compile)
        model.fit(*_data(), batch_size=20, epochs=2, shuffle=False, verbose=0)
        return model

    eager, compiled = trained(False), trained(True)
    assert compiled._jit_step.compiled and not compiled._jit_whole_step
    update = compiled.optimizer._jit_update
    assert update is None if optimizer == "nadam" else update.compiled
    for a, b in zip(eager.get_weights(), compiled.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)


def test_mixed_precision_custom_layer_compiles(backend):
    """The chapter's SimpleDense under mixed_float16 (its float32 weights autocast inside ``call``)
    compiles as one graph; the update of the LossScaleOptimizer's inner optimizer compiles too."""
    import torchkeras as tf

    class SimpleDense(keras.layers.Layer):
        def __init__(self, units, activation=None):
            super().__init__()
            self.units, self.activation = units, activation

        def build(self, input_shape):
            self.W = self.add_weight(
                shape=(input_shape[-1], self.units), initializer="random_normal"
            )
            self.b = self.add_weight(shape=(self.units,), initializer="zeros")

        def call(self, inputs):
            y = tf.matmul(inputs, self.W) + self.b
            return self.activation(y) if self.activation is not None else y

    keras.mixed_precision.set_global_policy("mixed_float16")
    try:
        model = keras.Sequential(
            [
                keras.Input((6,)),
                SimpleDense(8, tf.nn.relu),
                SimpleDense(3),
                keras.layers.Activation("softmax", dtype="float32"),
            ]
        )
        model.compile("rmsprop", "sparse_categorical_crossentropy", jit_compile=True)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            history = model.fit(*_data(), batch_size=16, epochs=2, verbose=0)
    finally:
        keras.mixed_precision.set_global_policy("float32")
    assert model._jit_step.compiled and model.optimizer.inner_optimizer._jit_update.compiled
    assert np.isfinite(history.history["loss"]).all() and model.layers[0].W.dtype == tf.float32


def _bn_model():
    return keras.Sequential(
        [
            keras.Input((6,)),
            keras.layers.Dense(8, kernel_regularizer="l2"),
            keras.layers.BatchNormalization(),
            keras.layers.Activation("relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )


def _two_output_model():
    inputs = keras.Input((6,))
    hidden = keras.layers.Dense(5, activation="relu")(inputs)
    return keras.Model(
        inputs,
        {
            "a": keras.layers.Dense(1, name="a")(hidden),
            "b": keras.layers.Dense(3, activation="softmax", name="b")(hidden),
        },
    )


def _masked_lstm_model():
    return keras.Sequential(
        [
            keras.Input((6,), dtype="int32"),
            keras.layers.Embedding(20, 4, mask_zero=True),
            keras.layers.LSTM(3),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )


@pytest.mark.parametrize("kind", ["batch_norm", "two_outputs", "masked_lstm"])
def test_whole_step_graph_matches_eager(backend, kind):
    """BatchNormalization's moving statistics (updated in place inside the graph), a kernel
    regularizer, clipnorm and weight decay, a dict of outputs with a loss each, and a masked LSTM
    (in a graph it runs the step loop: the packed kernels need the lengths on the host)."""
    x, labels = _data()
    if kind == "batch_norm":
        make, y, loss = _bn_model, labels, "sparse_categorical_crossentropy"
    elif kind == "masked_lstm":
        make, y, loss = _masked_lstm_model, labels, "sparse_categorical_crossentropy"
        x = np.random.RandomState(2).randint(0, 20, size=(len(labels), 6))
        x[::3, 4:] = 0  # right padding
    else:
        make, loss = _two_output_model, {"a": "mse", "b": "sparse_categorical_crossentropy"}
        y = {"a": x[:, :1], "b": labels}

    def trained(jit_compile):
        keras.utils.set_random_seed(0)
        model = make()
        model.compile(
            keras.optimizers.SGD(0.05, clipnorm=1.0, weight_decay=0.01),
            loss,
            jit_compile=jit_compile,
        )
        history = model.fit(x, y, batch_size=16, epochs=2, shuffle=False, verbose=0)
        return model, history.history["loss"]

    (eager, eager_loss), (compiled, compiled_loss) = trained(False), trained(True)
    assert compiled._jit_whole_step and compiled._jit_step.compiled
    np.testing.assert_allclose(compiled_loss, eager_loss, rtol=1e-5)
    for a, b in zip(eager.get_weights(), compiled.get_weights()):  # moving statistics included
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_evaluate_and_predict_compile_their_forward_pass(backend):
    """As Keras' jit-compiled test and predict functions: same results as eager, compiled graphs."""
    x, y = _data()
    eager, _ = _trained("auto")
    compiled, _ = _trained(True)
    compiled.set_weights(eager.get_weights())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = compiled.evaluate(x, y, batch_size=32, verbose=0, return_dict=True)
        predictions = compiled.predict(x, batch_size=40, verbose=0)  # a last, smaller batch too
    expected = eager.evaluate(x, y, batch_size=32, verbose=0, return_dict=True)
    assert results.keys() == expected.keys()
    for key in expected:
        np.testing.assert_allclose(results[key], expected[key], rtol=1e-5)
    np.testing.assert_allclose(
        predictions, eager.predict(x, batch_size=40, verbose=0), rtol=1e-5, atol=1e-6
    )
    assert compiled._jit_test_step.compiled and compiled._jit_predict_step.compiled
    assert eager._jit_test_step is None and eager._jit_predict_step is None
