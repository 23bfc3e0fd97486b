"""The same Variable / GradientTape snippets on real TensorFlow and on torchkeras: results must
agree.

Run in the oracle venv: ``~/tfref/bin/python -m pytest
tests/framework/test_variable_tape_differential.py``.
"""

import os

import numpy as np
import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf_real = pytest.importorskip("tensorflow")

import torchkeras  # noqa: E402


def outcome(fn, tf):
    """A comparable description of what ``fn(tf)`` returns or raises."""
    try:
        return _describe(fn(tf))
    except Exception as error:  # noqa: BLE001 - the error itself is the result compared
        return ("raises", type(error).__name__, str(error))


def _describe(value):
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return type(value).__name__, [_describe(v) for v in value]
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items()}
    return value.dtype.name, np.asarray(value).tolist()


def nested_second_order(tf):
    time = tf.Variable(0.0)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            position = 4.9 * time**2
        speed = inner.gradient(position, time)
    return [speed, outer.gradient(speed, time)]


def persistent_third_order(tf):
    with tf.GradientTape(persistent=True) as g:
        x = tf.constant(3.0)
        g.watch(x)
        y = x**3
        dy = g.gradient(y, x)
        d2y = g.gradient(dy, x)
    return [dy, d2y, g.gradient(d2y, x)]


def structured_sources(tf):
    with tf.GradientTape(persistent=True) as g:
        x1, x2, x3 = tf.constant(3.0), tf.constant(3.1), tf.constant(3.2)
        g.watch([x1, x2, x3])
        y = x1 * x2 + 2 * x2 + 3 * x3 * x3
        y2 = y * y
    return [g.gradient(y, {"b": [x2, x3], "a": x1}), g.gradient([y, y2], (x1, [x3]))]


def unconnected_zero(tf):
    x = tf.constant([[1.0, 2.0]])
    v = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape() as g:
        g.watch(x)
        z = tf.reduce_sum(x * 2.0)
    return g.gradient(z, [x, v], unconnected_gradients="zero")


def watch_accessed_false(tf):
    x1, x2 = tf.Variable(1.0, name="x1"), tf.Variable(4.0, name="x2")
    with tf.GradientTape(watch_accessed_variables=False) as t:
        t.watch(x2)
        y = x1**2 + x2**3
    return [[v.name for v in t.watched_variables()], t.gradient(y, [x1, x2])]


def output_gradients(tf):
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape() as g:
        g.watch(x)
        y = x * x * x
    return g.gradient(y, x, output_gradients=tf.constant([1.0, -1.0, 0.5]))


def jacobians(tf):
    with tf.GradientTape(persistent=True) as g:
        x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
        g.watch(x)
        y = x * x * x
    return [g.jacobian(y, x), g.batch_jacobian(y, x)]


def reset_and_stop_recording(tf):
    with tf.GradientTape(persistent=True) as t:
        v = tf.Variable(3.0)
        loss = v * v
        t.reset()
        with t.stop_recording():
            ignored = v * 10.0
        loss = loss + v * v * v + ignored
    return t.gradient(loss, v)


def slices_and_gather(tf):
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    with tf.GradientTape() as g:
        y = tf.reduce_sum(tf.gather(v, [0, 2, 0]) * 2.0) + v[1, 1] * 3.0
    return tf.convert_to_tensor(g.gradient(y, v))


def assign_family(tf):
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
    out = [
        repr(w.assign([[5.0, 6.0], [7.0, 8.0]])),
        repr(w[1, 0].assign(0.5)),
        repr(w[:, 1].assign([9.0, 9.5])),
    ]
    out.append(repr(w.assign_add(tf.ones((2, 2)))))
    out.append(repr(w.assign_sub(np.full((2, 2), 0.5))))
    out.append(w.assign(tf.zeros((2, 2)), read_value=False))
    return out + [repr(w)]


def assign_errors(tf):
    w = tf.Variable([1.0, 2.0], name="w")
    errors = []
    for attempt in (
        lambda: w.assign([1.0]),
        lambda: w.assign_add([1.0, 2.0, 3.0]),
        lambda: w[0].assign([1.0, 2.0]),
        lambda: w.assign(tf.constant([1, 2])),
        lambda: w.assign_sub(2.0),
    ):
        errors.append(outcome(lambda _: attempt(), tf))
    return errors + [w]


def scatter(tf):
    w = tf.Variable([1.0, 2.0, 3.0])
    w.scatter_nd_update([[0], [2]], [9.0, 8.0])
    w.scatter_nd_add([[1], [1]], [1.0, 1.0])
    w.scatter_add(tf.IndexedSlices(tf.constant([1.0, 2.0]), tf.constant([0, 0])))
    w.scatter_mul(tf.IndexedSlices(tf.constant([2.0, 3.0]), tf.constant([1, 1])))
    w.scatter_div(tf.IndexedSlices(tf.constant([4.0]), tf.constant([2])))
    w.scatter_max(tf.IndexedSlices(tf.constant([100.0]), tf.constant([2])))
    w.scatter_min(tf.IndexedSlices(tf.constant([-1.0]), tf.constant([0])))
    return [w, w.sparse_read([2, 1]), w.gather_nd([[0]])]


def custom_gradient(tf):
    v = tf.Variable(2.0)

    @tf.custom_gradient
    def f(x):
        def grad(dy, variables=None):
            return dy * v * 10, [dy * x * 100]

        return x * v, grad

    x = tf.constant(3.0)
    with tf.GradientTape() as t:
        t.watch(x)
        y = f(x) * f(x)
    return t.gradient(y, [x, v])


def tape_errors(tf):
    x = tf.constant(1.0)
    g = tf.GradientTape()
    errs = [outcome(lambda _: g.gradient(x, x), tf)]
    with g:
        g.watch(x)
        y = x * 2
        errs.append(outcome(lambda _: g.watch(np.float32(2.0)), tf))
        errs.append(outcome(lambda _: g.__enter__(), tf))
    errs.append(outcome(lambda _: g.gradient(None, x), tf))
    errs.append(outcome(lambda _: g.gradient(y, x, unconnected_gradients="bad"), tf))
    errs.append(outcome(lambda _: g.gradient(y, x), tf))
    errs.append(outcome(lambda _: g.gradient(y, x), tf))
    return errs


def variable_protocols(tf):
    v = tf.Variable([1.5, 2.5], name="p")
    return [
        repr(list(v)),
        np.asarray(v).tolist(),
        float(v[0]),
        str(v),
        tf.is_tensor(v),
        isinstance(v, tf.Tensor),
        repr(v + 1),
        outcome(lambda _: len(v), tf),
        outcome(lambda _: {v}, tf),
        outcome(lambda _: v.__iadd__(1), tf),
    ]


SNIPPETS = [
    nested_second_order,
    persistent_third_order,
    structured_sources,
    unconnected_zero,
    watch_accessed_false,
    output_gradients,
    jacobians,
    reset_and_stop_recording,
    slices_and_gather,
    assign_family,
    assign_errors,
    scatter,
    custom_gradient,
    tape_errors,
    variable_protocols,
]


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda f: f.__name__)
def test_same_as_tensorflow(snippet):
    expected = outcome(snippet, tf_real)
    actual = outcome(snippet, torchkeras)
    assert actual == expected
