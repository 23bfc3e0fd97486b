"""Assigning a variable inside a GradientTape after reading it (``framework/saved_values.py``).

TF differentiates each recorded op with the value it read; the gradient with
respect to a variable sums over all its reads.  Each case runs on torchkeras
against TF's results (recorded from TensorFlow 2.21 and written below), and,
where TensorFlow is installed, on both in the same test.
"""

import gc
import os

import numpy as np
import pytest

import torchkeras
from torchkeras.framework import recording

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def basic(tf):
    v = tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as t:
        y = v * v
        v.assign_add(1.0)
        z = v * y
    return [t.gradient(y, v), t.gradient(z, v), z, v]


def assign_and_sub(tf):
    v = tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as t:
        y = v * v
        v.assign(5.0)
        z = v * y
        v.assign_sub(2.0)
        w = v * z
    return [t.gradient(y, v), t.gradient(z, v), t.gradient(w, v), w]


def non_persistent(tf):
    v = tf.Variable(3.0)
    with tf.GradientTape() as t:
        y = v * v
        v.assign_add(1.0)
        z = v * y
    return [t.gradient(z, v)]


def assign_after_exit(tf):
    v = tf.Variable(3.0)
    with tf.GradientTape() as t:
        y = v * v * v
    v.assign(10.0)
    return [t.gradient(y, v), v]


def slice_assign(tf):
    v = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape(persistent=True) as t:
        y = v * v
        v[0].assign(10.0)
        v[1:].assign([20.0, 30.0])
        z = tf.reduce_sum(v * y)
    return [t.gradient(y, v), t.gradient(z, v), z]


def scatter_updates(tf):
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape(persistent=True) as t:
        y = tf.reduce_sum(v * v * v)
        v.scatter_update(tf.IndexedSlices(tf.constant([[5.0, 6.0]]), tf.constant([1])))
        z = tf.reduce_sum(tf.sin(v))
        v.scatter_nd_add(tf.constant([[0, 0]]), tf.constant([1.0]))
        w = tf.reduce_sum(tf.exp(v / 10.0))
    return [t.gradient(y, v), t.gradient(z, v), t.gradient(w, v), t.gradient([y, z, w], v)]


def matmul_assign_sub(tf):
    x = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W = tf.Variable([[0.5], [0.25]])
    b = tf.Variable([0.1])
    with tf.GradientTape(persistent=True) as t:
        p = tf.matmul(x, W) + b
        loss = tf.reduce_mean(tf.square(p))
        W.assign_sub(W * 0.5)
        b.assign_sub([1.0])
        p2 = tf.matmul(x, W) + b
        loss2 = tf.reduce_mean(tf.square(p2)) + loss
    return [t.gradient(loss, [W, b]), t.gradient(loss2, [W, b]), loss2]


def optimizer_inside(tf):
    v = tf.Variable([3.0, -1.0])
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.5)
    with tf.GradientTape(persistent=True) as t:
        y = tf.reduce_sum(v * v)
        optimizer.apply_gradients([(tf.constant([1.0, 2.0]), v)])
        z = tf.reduce_sum(v * y)
    return [t.gradient(y, v), t.gradient(z, v), v]


def optimizer_between_exit_and_gradient(tf):
    v = tf.Variable([3.0, -1.0])
    optimizer = tf.keras.optimizers.Adam(learning_rate=0.5)
    with tf.GradientTape() as t:
        y = tf.reduce_sum(tf.sin(v) * v)
    optimizer.apply_gradients([(tf.constant([1.0, 2.0]), v)])
    return [t.gradient(y, v), v]


def nested(tf):
    v = tf.Variable(3.0)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = v * v
            v.assign_add(1.0)
            z = v * y
        g = inner.gradient(z, v)
        v.assign(7.0)
    return [g, outer.gradient(g, v)]


def nested_assign_between(tf):
    v = tf.Variable(2.0)
    with tf.GradientTape(persistent=True) as outer:
        with tf.GradientTape() as inner:
            y = v * v * v
        g = inner.gradient(y, v)
        v.assign(5.0)
        h = g * v
    return [g, outer.gradient(g, v), outer.gradient(h, v)]


def sequence(tf):
    v = tf.Variable(2.0)
    with tf.GradientTape(persistent=True) as t:
        y1 = v * v
        v.assign_add(1.0)
        y2 = v * y1
        v.assign(v * 2.0)
        y3 = v * y2
        v.assign_sub(1.0)
        y4 = v + y3
    return [t.gradient(y, v) for y in (y1, y2, y3, y4)] + [y4]


def read_outside(tf):
    v = tf.Variable(2.0)
    u = tf.identity(v)
    s = tf.stop_gradient(v)
    r = v.read_value()
    with tf.GradientTape(persistent=True) as t:
        t.watch(u)
        v.assign(5.0)
        y = u * v * s * r
    return [t.gradient(y, u), t.gradient(y, v), y, u, s, r]


def watch_variable(tf):
    v = tf.Variable(3.0)
    w = tf.Variable(4.0)
    with tf.GradientTape(watch_accessed_variables=False, persistent=True) as t:
        t.watch(v)
        y = v * v * w
        v.assign_add(1.0)
        w.assign_add(1.0)
        z = v * w * y
    return [t.gradient(y, [v, w]), t.gradient(z, [v, w])]


def non_trainable(tf):
    x = tf.constant(3.0)
    w = tf.Variable(2.0, trainable=False)
    with tf.GradientTape(persistent=True) as t:
        t.watch(x)
        y = x * w
        w.assign(5.0)
        z = y * w * x
    return [t.gradient(y, [x, w]), t.gradient(z, [x, w])]


def non_trainable_watched(tf):
    w = tf.Variable([2.0, 3.0], trainable=False)
    with tf.GradientTape(persistent=True) as t:
        t.watch(w)
        y = tf.reduce_sum(w * w)
        w.assign([5.0, 7.0])
        z = y * tf.reduce_sum(w)
    return [t.gradient(y, w), t.gradient(z, w)]


def int_variables(tf):
    x = tf.constant([1.0, 2.0, 3.0])
    i32 = tf.Variable([0, 2])
    i64 = tf.Variable([1, 1], dtype=tf.int64)
    with tf.GradientTape(persistent=True) as t:
        t.watch(x)
        y = tf.reduce_sum(tf.gather(x, i32) * tf.gather(x, i64))
        i32.assign([1, 1])
        i64.scatter_nd_update([[0]], [2])
        z = tf.reduce_sum(tf.gather(x, i32) * tf.gather(x, i64)) * y
    return [
        tf.convert_to_tensor(t.gradient(y, x)),
        tf.convert_to_tensor(t.gradient(z, x)),
        t.gradient(y, i32),
        i32,
        i64,
    ]


def jacobians(tf):
    v = tf.Variable([1.0, 2.0])
    with tf.GradientTape(persistent=True) as t:
        y = v * v
        v.assign_add([1.0, 1.0])
        z = v * y
    with tf.GradientTape() as t2:
        a = tf.sin(v)
        v.assign([0.0, 0.0])
    return [
        t.jacobian(y, v),
        t.jacobian(z, v),
        t.jacobian(z, v, experimental_use_pfor=False),
        t2.jacobian(a, v),
    ]


def batch_jacobians(tf):
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape() as t:
        y = v * v
        v.assign(v * 10.0)
        z = v * y
    return [t.batch_jacobian(z, v)]


def keras_layer_update(tf):
    layer = tf.keras.layers.Dense(
        2, kernel_initializer=tf.keras.initializers.Constant(0.5), bias_initializer="ones"
    )
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)
    x = tf.constant([[1.0, 2.0], [3.0, -1.0]])
    with tf.GradientTape(persistent=True) as t:
        loss = tf.reduce_sum(tf.square(layer(x)))
        grads = t.gradient(loss, layer.trainable_variables)
        optimizer.apply_gradients(zip(grads, layer.trainable_variables))
        loss2 = tf.reduce_sum(tf.square(layer(x))) * loss
    weights = layer.trainable_variables
    return [t.gradient(loss, weights), t.gradient(loss2, weights), loss2]


CASES = [
    basic,
    assign_and_sub,
    non_persistent,
    assign_after_exit,
    slice_assign,
    scatter_updates,
    matmul_assign_sub,
    optimizer_inside,
    optimizer_between_exit_and_gradient,
    nested,
    nested_assign_between,
    sequence,
    read_outside,
    watch_variable,
    non_trainable,
    non_trainable_watched,
    int_variables,
    jacobians,
    batch_jacobians,
    keras_layer_update,
]


EXPECTED = {
    "basic": [6.0, 33.0, 36.0, 4.0],
    "assign_and_sub": [6.0, 39.0, 162.0, 135.0],
    "non_persistent": [33.0],
    "assign_after_exit": [27.0, 10.0],
    "slice_assign": [[2.0, 4.0, 6.0], [21.0, 84.0, 189.0], 360.0],
    "scatter_updates": [
        [[3.0, 12.0], [27.0, 48.0]],
        [[0.5403023, -0.4161468], [0.2836622, 0.9601703]],
        [[0.1221403, 0.1221403], [0.1648721, 0.1822119]],
        [[3.662443, 11.70599], [27.44853, 49.14238]],
    ],
    "matmul_assign_sub": [[[[19.6], [24.8]], [5.2]], [[[23.7], [29.6]], [5.9]], 8.7575],
    "optimizer_inside": [[6.0, -2.0], [13.0, 9.0], [2.5, -2.0]],
    "optimizer_between_exit_and_gradient": [[-2.828857, -1.381773], [2.500005, -1.499996]],
    "nested": [33.0, 20.0],
    "nested_assign_between": [12.0, 12.0, 72.0],
    "sequence": [4.0, 16.0, 108.0, 109.0, 77.0],
    "read_outside": [20.0, 8.0, 40.0, 2.0, 2.0, 2.0],
    "watch_variable": [[24.0, None], [660.0, None]],
    "non_trainable": [[2.0, None], [60.0, None]],
    "non_trainable_watched": [[4.0, 6.0], [61.0, 85.0]],
    "int_variables": [[2.0, 4.0, 2.0], [20.0, 96.0, 36.0], None, [1, 1], [2, 1]],
    "jacobians": [
        [[2.0, 0.0], [0.0, 4.0]],
        [[5.0, 0.0], [0.0, 16.0]],
        [[5.0, 0.0], [0.0, 16.0]],
        [[-0.4161468, -0.0], [-0.0, -0.9899925]],
    ],
    "batch_jacobians": [[[[21.0, 0.0], [0.0, 84.0]], [[189.0, 0.0], [0.0, 336.0]]]],
    "keras_layer_update": [
        [[[17.0, 17.0], [6.0, 6.0]], [9.0, 9.0]],
        [[[-21.0, -21.0], [191.8, 191.8]], [45.80002, 45.80002]],
        543.2501,
    ],
}
"""What TensorFlow 2.21 returns for each case (printed by the oracle run)."""


def _describe(value):
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [_describe(item) for item in value]
    return np.asarray(value).tolist()


def _assert_close(actual, expected, where):
    if isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (a, e) in enumerate(zip(actual, expected)):
            _assert_close(a, e, "%s[%d]" % (where, i))
    elif expected is None:
        assert actual is None, where
    else:
        assert actual is not None, where
        np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-4, err_msg=where)


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_matches_tensorflow_results(case):
    _assert_close(_describe(case(torchkeras)), EXPECTED[case.__name__], case.__name__)


@pytest.mark.parametrize("case", CASES, ids=[case.__name__ for case in CASES])
def test_differential(case):
    tf_real = pytest.importorskip("tensorflow")
    _assert_close(_describe(case(torchkeras)), _describe(case(tf_real)), case.__name__)


def test_nothing_kept_when_no_tape_can_differentiate():
    tf = torchkeras
    v = tf.Variable([1.0, 2.0])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(v * v)
    grad = tape.gradient(loss, v)
    v.assign_sub(grad * 0.1)  # the tape is used up: nothing to keep
    assert not recording.EXITED and not recording.KEPT
    np.testing.assert_allclose(v.numpy(), [0.8, 1.6], rtol=1e-6)


def test_kept_values_go_with_the_last_tape():
    tf = torchkeras
    v = tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as tape:
        y = v * v
        v.assign(5.0)
    assert recording.KEPT
    assert float(tape.gradient(y, v)) == 6.0
    del tape, y
    gc.collect()
    assert not recording.EXITED and not recording.KEPT
    v.assign(7.0)
    assert not recording.KEPT


def test_write_not_saved_by_any_graph_keeps_nothing():
    tf = torchkeras
    counter = tf.Variable(0.0, trainable=False)
    x = tf.constant(2.0)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x
        counter.assign_add(1.0)  # read by no recorded op
        assert not recording.KEPT
    assert float(tape.gradient(y, x)) == 4.0
