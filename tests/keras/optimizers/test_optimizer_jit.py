"""The optimizer update compiled for ``compile(jit_compile=True)`` computes what the eager update
does (bit for bit), compiles once (a new learning rate or step does not recompile), and Nadam,
whose update keeps host-side state, stays eager.  Compiled with torch's "aot_eager" backend behind a
frame counter."""

import numpy as np
import pytest
import torch
from torch._dynamo.testing import CompileCounterWithBackend

from torchkeras import keras
from torchkeras.framework import function as function_module

CASES = {
    "sgd": lambda: keras.optimizers.SGD(0.1),
    "sgd_nesterov": lambda: keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True),
    "rmsprop": lambda: keras.optimizers.RMSprop(0.01),
    "rmsprop_centered_momentum": lambda: keras.optimizers.RMSprop(
        0.01, momentum=0.5, centered=True
    ),
    "adam": lambda: keras.optimizers.Adam(0.01),
    "adam_amsgrad_clipnorm": lambda: keras.optimizers.Adam(0.01, amsgrad=True, clipnorm=0.5),
    "adamw": lambda: keras.optimizers.AdamW(0.01, weight_decay=0.1),
    "adamax_global_clipnorm": lambda: keras.optimizers.Adamax(0.01, global_clipnorm=0.3),
    "adagrad_clipvalue": lambda: keras.optimizers.Adagrad(0.1, clipvalue=0.2),
    "adadelta": lambda: keras.optimizers.Adadelta(1.0),
    "lion": lambda: keras.optimizers.Lion(0.01),
    "adam_schedule": lambda: keras.optimizers.Adam(
        keras.optimizers.schedules.ExponentialDecay(0.01, 2, 0.5)
    ),
    "sgd_accumulation": lambda: keras.optimizers.SGD(
        0.1, momentum=0.9, gradient_accumulation_steps=2
    ),
}


@pytest.fixture
def counter(monkeypatch):
    backend = CompileCounterWithBackend("aot_eager")
    monkeypatch.setitem(function_module.JIT_OPTIONS, "backend", backend)
    return backend


def _graphs(counter):
    """The graphs compiled that compute something (torch may also hand its backend an empty one
    when it restarts a trace, e.g. after making a hyperparameter seen with several values
    dynamic)."""
    return sum(
        any(node.op == "call_function" for node in graph.graph.nodes) for graph in counter.graphs
    )


def _variables():
    rng = np.random.RandomState(1)
    return [
        keras.Variable(rng.randn(3, 4).astype(np.float32)),
        keras.Variable(rng.randn(4).astype(np.float32)),
    ]


def _run(optimizer, jit, steps=6):
    variables = _variables()
    if jit:
        optimizer._set_jit_compile(True)
    rng = np.random.RandomState(2)
    for step in range(steps):
        if step == 3 and not callable(optimizer._learning_rate):
            optimizer.learning_rate = 0.5 * float(optimizer.learning_rate.numpy())
        grads = [rng.randn(*v.shape).astype(np.float32) for v in variables]
        optimizer.apply([torch.from_numpy(g) for g in grads], variables)
    return [v.numpy() for v in variables]


@pytest.mark.parametrize("name", sorted(CASES))
def test_compiled_update_matches_eager_and_compiles_once(name, counter):
    eager = _run(CASES[name](), jit=False)
    optimizer = CASES[name]()
    compiled = _run(optimizer, jit=True)
    assert optimizer._jit_update is not None and optimizer._jit_update.compiled
    assert _graphs(counter) == 1
    for a, b in zip(eager, compiled):  # the same float32 ops, scalars included: the same bits
        np.testing.assert_array_equal(a, b)
    assert int(optimizer.iterations.numpy()) == (3 if "accumulation" in name else 6)


def test_nadam_update_stays_eager(counter):
    optimizer = keras.optimizers.Nadam(0.01)
    compiled = _run(optimizer, jit=True)
    assert optimizer._jit_update is None and _graphs(counter) == 0
    for a, b in zip(_run(keras.optimizers.Nadam(0.01), jit=False), compiled):
        np.testing.assert_array_equal(a, b)


def test_turning_jit_off_returns_to_the_eager_update(counter):
    optimizer = keras.optimizers.RMSprop(0.01)
    optimizer._set_jit_compile(True)
    optimizer._set_jit_compile(False)
    _run(optimizer, jit=False)
    assert optimizer._jit_update is None and _graphs(counter) == 0
