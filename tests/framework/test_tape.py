"""tf.GradientTape: rules R01-R48 of shared/reference/tf_behaviour/tape_rules.txt (TF 2.21), the
chapter's examples, memory, stop_gradient, custom_gradient."""

import gc
import logging

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras.framework import recording
from torchkeras.framework.errors import InvalidArgumentError

CONSUMED = (
    "A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)"
)


def val(t):
    """A tensor as (dtype name, Python value); None stays None."""
    if t is None:
        return None
    return (t.dtype.name, t.numpy().tolist())


@pytest.fixture
def tf_log():
    records = []

    class Capture(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Capture()
    tf.get_logger().addHandler(handler)
    yield records
    tf.get_logger().removeHandler(handler)


@pytest.fixture(autouse=True)
def no_tape_left_recording():
    yield
    assert not recording.RECORDING and not recording.INSTALLED


# ------------------------------------------------------------------ watching
def test_watch_constant_and_auto_watch_trainable_variables():  # R01-R04
    x = tf.constant(3.0)
    with tf.GradientTape() as g:
        g.watch(x)
        y = x * x
    d = g.gradient(y, x)
    assert str(d) == "tf.Tensor(6.0, shape=(), dtype=float32)" and type(d) is tf.Tensor
    with tf.GradientTape() as g:
        y = x * x
    assert g.gradient(y, x) is None
    v = tf.Variable(3.0)
    with tf.GradientTape() as g:
        y = v * v
    assert val(g.gradient(y, v)) == ("float32", 6.0)
    assert [w.name for w in g.watched_variables()] == ["Variable:0"]
    n = tf.Variable(3.0, trainable=False)
    with tf.GradientTape() as g:
        y = n * n
    assert g.gradient(y, n) is None
    with tf.GradientTape() as g2:
        g2.watch(n)
        y2 = n * n
    assert val(g2.gradient(y2, n)) == ("float32", 6.0)
    assert not n._param.requires_grad


def test_watch_accessed_variables_false():  # R05
    x1 = tf.Variable(1.0, name="x1")
    x2 = tf.Variable(1.0, name="x2")
    with tf.GradientTape(watch_accessed_variables=False) as t:
        t.watch(x2)
        y = x1**2
        z = x2**3
    watched = t.watched_variables()
    assert type(watched) is tuple and [w.name for w in watched] == ["x2:0"]
    assert [val(g) for g in t.gradient([y, z], [x1, x2])] == [None, ("float32", 3.0)]


def test_variables_created_inside_and_read_before():  # R06
    with tf.GradientTape(persistent=True) as t:
        v = tf.Variable(2.0)
        y = v * v
    w = tf.Variable(5.0)
    pre = w * 2.0
    with tf.GradientTape() as t2:
        z = pre * 3.0
    assert val(t.gradient(y, v)) == ("float32", 4.0)
    assert t2.gradient(z, w) is None


def test_ops_before_watch_are_not_recorded():  # R07
    x = tf.constant(3.0)
    with tf.GradientTape() as g:
        y = x * x
        g.watch(x)
        z = y + x
    assert val(g.gradient(z, x)) == ("float32", 1.0)


def test_watch_errors_and_dtype_warnings(tf_log):  # R18, R19, R36
    g = tf.GradientTape()
    with g:
        for bad, text in ((np.array(1.0), "ndarray"), (1.0, "float"), (None, "NoneType")):
            with pytest.raises(ValueError) as info:
                g.watch(bad)
            assert str(info.value) == (
                "Passed in object %s of type '%s', not tf.Tensor or tf.Variable or "
                "ExtensionType." % (bad, text)
            )
    x = tf.constant(3)
    with tf.GradientTape(persistent=True) as g:
        g.watch(x)
        y = x * x
    assert g.gradient(y, x) is None
    assert val(g.gradient(y, x, unconnected_gradients="zero")) == ("int32", 0)
    assert (
        "The dtype of the watched tensor must be floating (e.g. tf.float32), got tf.int32" in tf_log
    )
    v = tf.Variable(3)
    with tf.GradientTape() as g:
        y = v * v
    assert v.trainable and g.gradient(y, v) is None


# --------------------------------------------------------------- persistence
def test_non_persistent_tape_is_consumed():  # R08, R10, R41, R46
    x = tf.constant(3.0)
    with tf.GradientTape() as g:
        g.watch(x)
        y = x * x
        z = y * y
    assert val(g.gradient(z, x)) == ("float32", 108.0)
    with pytest.raises(
        RuntimeError, match="^%s$" % CONSUMED.replace("(", r"\(").replace(")", r"\)")
    ):
        g.gradient(y, x)
    v = tf.Variable(1.0)
    with tf.GradientTape() as t:
        loss = 2 * v
        grad = t.gradient(loss, v)
        more = 3 * v
    assert val(grad) == ("float32", 2.0)
    with pytest.raises(RuntimeError, match="can only be used to compute one set"):
        t.gradient(more, v)
    with pytest.raises(RuntimeError, match="can only be used to compute one set"):
        tf.GradientTape().gradient(x * 2, x)


def test_persistent_tape(tf_log):  # R09, R11
    x = tf.constant(3.0)
    with tf.GradientTape(persistent=True) as g:
        g.watch(x)
        y = x * x
        z = y * y
    assert [val(g.gradient(z, x)), val(g.gradient(y, x)), val(g.gradient(z, x))] == [
        ("float32", 108.0),
        ("float32", 6.0),
        ("float32", 108.0),
    ]
    with tf.GradientTape(persistent=True) as g:
        x = tf.constant(3.0)
        g.watch(x)
        y = x**3
        dy = g.gradient(y, x)
        d2y = g.gradient(dy, x)
    d3y = g.gradient(d2y, x)
    assert [val(dy), val(d2y), val(d3y)] == [("float32", 27.0), ("float32", 18.0), ("float32", 6.0)]
    assert (
        all(
            "Calling GradientTape.gradient on a persistent tape inside its context is "
            "significantly less "
            "efficient" in m
            for m in tf_log[:1]
        )
        and len(tf_log) <= 1
    )


def test_nested_tapes_and_tape_local_watching():  # R12-R14
    x = tf.constant(5.0)
    with tf.GradientTape() as g:
        g.watch(x)
        with tf.GradientTape() as gg:
            gg.watch(x)
            y = x * x
        dy_dx = gg.gradient(y, x)
    assert (val(dy_dx), val(g.gradient(dy_dx, x))) == (("float32", 10.0), ("float32", 2.0))
    with tf.GradientTape() as g:
        g.watch(x)
        with tf.GradientTape() as gg:
            gg.watch(x)
            y = x * x
    dy_dx = gg.gradient(y, x)
    assert (val(dy_dx), g.gradient(dy_dx, x)) == (("float32", 10.0), None)
    x1 = tf.Variable(2.0, trainable=False)
    x2 = tf.Variable(2.0, trainable=False)
    with tf.GradientTape() as tape1:
        with tf.GradientTape() as tape2:
            tape1.watch(x1)
            tape2.watch([x1, x2])
            y = x1**3
            z = x2**2
            dy, dz = tape2.gradient([y, z], [x1, x2])
        d2y, d2z = tape1.gradient([dy, dz], [x1, x2])
    assert [val(dy), val(dz), val(d2y), d2z] == [
        ("float32", 12.0),
        ("float32", 4.0),
        ("float32", 12.0),
        None,
    ]


def test_falling_apple_second_order():  # chapter 3.12
    time = tf.Variable(0.0)
    with tf.GradientTape() as outer_tape:
        with tf.GradientTape() as inner_tape:
            position = 4.9 * time**2
        speed = inner_tape.gradient(position, time)
    acceleration = outer_tape.gradient(speed, time)
    assert str(speed) == "tf.Tensor(0.0, shape=(), dtype=float32)"
    assert str(acceleration) == "tf.Tensor(9.8, shape=(), dtype=float32)"


# ------------------------------------------------------ unconnected, dtypes
def test_unconnected_sources():  # R15-R17
    x = tf.constant(1.0, shape=[2, 2])
    y = tf.constant(3.0)
    v = tf.Variable([1.0, 2.0, 3.0])
    with tf.GradientTape(persistent=True) as g:
        g.watch([x, y])
        z = y * 2
    assert g.gradient(z, x) is None
    assert val(g.gradient(z, x, unconnected_gradients="zero")) == (
        "float32",
        [[0.0, 0.0], [0.0, 0.0]],
    )
    assert val(g.gradient(z, v, unconnected_gradients=tf.UnconnectedGradients.ZERO)) == (
        "float32",
        [0.0, 0.0, 0.0],
    )
    with pytest.raises(ValueError, match="^Unknown value for unconnected_gradients: 'nonsense'$"):
        g.gradient(z, x, unconnected_gradients="nonsense")
    assert repr(tf.UnconnectedGradients.ZERO) == "<UnconnectedGradients.ZERO: 'zero'>"


def test_non_differentiable_paths():  # R20-R22, R47
    x = tf.constant(3.7)
    with tf.GradientTape() as g:
        g.watch(x)
        y = tf.cast(tf.cast(x, tf.int32), tf.float32) * x
    assert val(g.gradient(y, x)) == ("float32", pytest.approx(3.0))
    with tf.GradientTape() as g2:
        g2.watch(x)
        y2 = tf.cast(x, tf.int32)
    assert g2.gradient(y2, x) is None
    xs = tf.constant([1.0, 3.0, 2.0])
    with tf.GradientTape(persistent=True) as g:
        g.watch(xs)
        a = tf.cast(tf.argmax(xs), tf.float32)
        s = tf.stop_gradient(xs) * 1.0
    assert (g.gradient(a, xs), g.gradient(s, xs)) == (None, None)
    st = tf.constant("unknown")
    x = tf.constant(3.0)
    with tf.GradientTape(persistent=True) as t:
        t.watch(x)
        t.watch(st)
    assert (t.gradient(st, x), t.gradient(st, st)) == (None, None)


def test_gradient_dtype_follows_source():  # R21
    x = tf.constant(2.0, tf.float64)
    h = tf.constant(2.0, tf.float16)
    with tf.GradientTape(persistent=True) as g:
        g.watch([x, h])
        y = x * x
        z = h * h
    assert (val(g.gradient(y, x)), val(g.gradient(z, h))) == (("float64", 4.0), ("float16", 4.0))


# ----------------------------------------------------------------- structure
def test_source_structure_is_preserved():  # R23, R28
    with tf.GradientTape(persistent=True) as g:
        x1, x2, x3 = tf.constant(3.0), tf.constant(3.1), tf.constant(3.2)
        g.watch([x1, x2, x3])
        y = x1 + 2 * x2 + 3 * x3
    assert val(g.gradient(y, x1)) == ("float32", 1.0)
    single = g.gradient(y, (x1,))
    assert type(single) is tuple and [val(t) for t in single] == [("float32", 1.0)]
    nested = g.gradient(y, {"b": [x2, x3], "a": x1})
    assert list(nested) == ["b", "a"] and val(nested["a"]) == ("float32", 1.0)
    assert [val(t) for t in nested["b"]] == [("float32", 2.0), ("float32", 3.0)]
    mixed = g.gradient(y, (x1, x2, [x1, x3]))
    assert type(mixed) is tuple and type(mixed[2]) is list
    assert val(mixed[2][1]) == ("float32", 3.0)
    with tf.GradientTape() as g:
        x = tf.constant(3.0)
        g.watch(x)
        y = 2 * x
    assert [val(t) for t in g.gradient(y, [x, x])] == [("float32", 2.0), ("float32", 2.0)]


def test_targets_are_summed_and_weighted():  # R24-R27
    with tf.GradientTape() as t:
        x, y = tf.constant(3.0), tf.constant(2.0)
        t.watch([x, y])
        out = [2 * x, 3 * y, x * y]
    assert [val(g) for g in t.gradient(out, [x, y])] == [("float32", 4.0), ("float32", 6.0)]
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape(persistent=True) as g:
        g.watch(x)
        y = x * x
        s = tf.constant(3.0)
        g.watch(s)
        loss = s * 2.0
    assert val(g.gradient(y, x)) == ("float32", [2.0, 4.0, 6.0])
    assert val(g.gradient(y, x, output_gradients=tf.constant([1.0, 0.0, 10.0]))) == (
        "float32",
        [2.0, 0.0, 60.0],
    )
    assert [val(t) for t in g.gradient([loss, s], [s], output_gradients=[1.0, 2.0])] == [
        ("float32", 4.0)
    ]
    with pytest.raises(
        InvalidArgumentError,
        match="Input to reshape is a tensor with 2 values, but the requested shape has 3",
    ):
        g.gradient(y, x, output_gradients=tf.constant([2.0, 3.0]))
    x = tf.constant(2.0)
    with tf.GradientTape(persistent=True) as t:
        t.watch(x)
        y = x * x
        i = x
    assert [val(t.gradient([x, y], x)), val(t.gradient(i, x)), val(t.gradient([i, i], x))] == [
        ("float32", 5.0),
        ("float32", 1.0),
        ("float32", 2.0),
    ]


def test_target_errors_and_variable_targets():  # R29, R30
    x = tf.constant(1.0)
    with tf.GradientTape() as g:
        g.watch(x)
    with pytest.raises(
        TypeError,
        match=r"^Argument `target` should be a list or nested structure of Tensors, "
        r"Variables or CompositeTensors to be differentiated, but received None.$",
    ):
        g.gradient(None, x)
    with tf.GradientTape(persistent=True) as g:
        x = tf.Variable([3.0])
        y = tf.Variable([2.0])
    assert g.gradient(x, y) is None
    assert val(g.gradient(x, x)) == ("float32", [1.0])


# --------------------------------------------------- stop / reset / re-enter
def test_stop_gradient_and_stop_recording():  # R31-R33
    x = tf.constant(3.0)
    with tf.GradientTape() as g:
        g.watch(x)
        y = tf.stop_gradient(x) * x
    assert val(g.gradient(y, x)) == ("float32", 3.0)
    with tf.GradientTape(persistent=True) as t:
        x = tf.Variable(1.0)
        x2 = x * 2
        with t.stop_recording():
            y = x2 * x2
            assert not recording.RECORDING
        z = x2 * x2
    assert (t.gradient(y, x2), val(t.gradient(z, x2))) == (None, ("float32", 4.0))
    with pytest.raises(
        RuntimeError, match="^Trying to stop recording a tape which is not recording.$"
    ):
        with tf.GradientTape().stop_recording():
            pass


def test_reset_discards_recorded_work():  # R34
    with tf.GradientTape() as t:
        v = tf.Variable(1.0)
        loss = v * v
        before = [w.numpy() for w in t.watched_variables()]
        t.reset()
        after = len(t.watched_variables())
        loss += v * v
    assert (before, after) == ([1.0], 0)
    assert val(t.gradient(loss, v)) == ("float32", 2.0)


def test_reenter():  # R35
    t = tf.GradientTape()
    with t:
        with pytest.raises(
            ValueError,
            match="^Tape is still recording, This can happen if you try to re-enter an "
            "already-active tape.$",
        ):
            t.__enter__()
    g = tf.GradientTape()
    with g:
        x = tf.constant(3.0)
        g.watch(x)
        y = 2 * x
    assert not x._value.requires_grad
    with g:
        z = 2 * y
    assert [val(d) for d in g.gradient(z, [x])] == [("float32", 4.0)]


# ------------------------------------------------------------------ variables
def test_variable_slice_and_gather_gradients():  # R37, R38 (dense, not IndexedSlices)
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape() as g:
        y = v[0, 1] * 3.0
    gr = g.gradient(y, v)
    assert type(gr) is tf.Tensor and val(gr) == ("float32", [[0.0, 3.0], [0.0, 0.0]])
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    with tf.GradientTape() as g:
        y = tf.reduce_sum(tf.gather(v, [0, 2, 0]))
    assert val(g.gradient(y, v)) == ("float32", [[2.0, 2.0], [0.0, 0.0], [1.0, 1.0]])


def test_assign_is_not_differentiable_and_python_control_flow():  # R39, R40
    x = tf.constant(3.0)
    v = tf.Variable(1.0)
    with tf.GradientTape(persistent=True) as g:
        g.watch(x)
        v.assign(2 * x)
        y = v * v
    assert (g.gradient(y, x), val(g.gradient(y, v))) == (None, ("float32", 12.0))
    xs = [tf.Variable(2.0), tf.Variable(3.0), tf.Variable(5.0)]
    with tf.GradientTape() as t:
        f = max(xs)
    assert [val(d) for d in t.gradient(f, xs)] == [None, None, ("float32", 1.0)]


def test_keras_style_usage():  # R48
    w = tf.Variable([[1.0], [2.0]], name="w")
    b = tf.Variable([0.5], name="b")
    x = tf.constant([[1.0, 1.0], [2.0, 0.0]])
    with tf.GradientTape() as t:
        pred = tf.matmul(x, w) + b
        loss = tf.reduce_mean(tf.square(pred))
    assert [val(d) for d in t.gradient(loss, [w, b])] == [
        ("float32", [[8.5], [3.5]]),
        ("float32", [6.0]),
    ]


def test_unread_variable_reads_are_watched():
    v = tf.Variable(2.0)
    r = v.assign(3.0)
    with tf.GradientTape() as t:
        y = r * r
    assert val(t.gradient(y, v)) == ("float32", 6.0)


# ------------------------------------------------------------------ jacobians
def test_jacobian():  # R41-R43
    with tf.GradientTape() as g:
        x = tf.constant([1.0, 2.0])
        g.watch(x)
        y = x * x
    assert val(g.jacobian(y, x)) == ("float32", [[2.0, 0.0], [0.0, 4.0]])
    with pytest.raises(RuntimeError, match="can only be used to compute one set"):
        g.jacobian(y, x)
    with tf.GradientTape() as g:
        x = tf.constant([1.0, 2.0])
        g.watch(x)
        y = x * x
    with pytest.raises(RuntimeError) as info:
        g.jacobian(y, x, experimental_use_pfor=False)
    assert str(info.value) == (
        "GradientTape must be created with persistent=True to compute the jacobian with eager "
        "execution enabled and with  experimental_use_pfor set to False."
    )
    with tf.GradientTape(persistent=True) as g:
        x = tf.constant([1.0, 2.0])
        w = tf.constant([5.0, 6.0, 7.0])
        g.watch([x, w])
        y = x * x
    assert g.jacobian(y, w) is None
    assert g.jacobian(y, w, unconnected_gradients="zero").shape == (2, 3)
    assert val(g.jacobian(y, [x], experimental_use_pfor=False)[0]) == (
        "float32",
        [[2.0, 0.0], [0.0, 4.0]],
    )


def test_batch_jacobian():  # R44, R45
    with tf.GradientTape() as g:
        x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
        g.watch(x)
        y = x * x
    assert val(g.batch_jacobian(y, x)) == (
        "float32",
        [[[2.0, 0.0], [0.0, 4.0]], [[6.0, 0.0], [0.0, 8.0]]],
    )
    with tf.GradientTape(persistent=True) as g:
        x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
        g.watch(x)
        y = tf.reduce_sum(x)
        y2 = tf.ones([3, 2]) * x[0]
    with pytest.raises(IndexError, match="^list index out of range$"):
        g.batch_jacobian(y, x)
    with pytest.raises(
        ValueError,
        match=r"^Need first dimension of target shape \(\(3, 2\)\) and source shape "
        r"\(\(2, 2\)\) to match.$",
    ):
        g.batch_jacobian(y2, x)


def test_hessian_through_nested_jacobian():
    x = tf.constant([1.0, 2.0])
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = x * x * x
        jac = inner.jacobian(y, x)
    assert val(outer.jacobian(jac, x)) == (
        "float32",
        [[[6.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 12.0]]],
    )


# ------------------------------------------------------------- custom_gradient
def test_custom_gradient():
    @tf.custom_gradient
    def h(a, b):
        def grad(dy):
            return dy * b, dy * a

        return a * b, grad

    a, b = tf.constant(2.0), tf.constant(5.0)
    with tf.GradientTape() as t:
        t.watch([a, b])
        z = h(a, b) * 2
    assert [val(g) for g in t.gradient(z, [a, b])] == [("float32", 10.0), ("float32", 4.0)]
    assert h.__name__ == "h" and val(h(a, b)) == ("float32", 10.0)

    @tf.custom_gradient
    def clip_grad(x):
        def grad(dy):
            return tf.minimum(dy, 0.5)

        return x * 1.0, grad

    x = tf.constant(1.0)
    with tf.GradientTape() as t:
        t.watch(x)
        y = clip_grad(x) * 10.0
    assert val(t.gradient(y, x)) == ("float32", 0.5)


def test_custom_gradient_with_variables_and_several_outputs():
    v = tf.Variable(2.0)

    @tf.custom_gradient
    def f(x):
        def grad(dy, variables=None):
            return dy * v * 10, [dy * x * 100]

        return x * v, grad

    x = tf.constant(3.0)
    with tf.GradientTape() as t:
        t.watch(x)
        y = f(x)
    assert [val(g) for g in t.gradient(y, [x, v])] == [("float32", 20.0), ("float32", 300.0)]

    @tf.custom_gradient
    def g(x):
        def grad(dy):
            return dy

        return x * v, grad

    with tf.GradientTape() as t:
        t.watch(x)
        with pytest.raises(
            TypeError,
            match="^@tf.custom_gradient grad_fn must accept keyword argument 'variables', "
            "since function uses variables: \\[<tf.Variable 'Variable:0'",
        ):
            g(x)

    @tf.custom_gradient
    def two(x):
        def grad(d1, d2):
            return d1 + 10 * d2

        return (x * 2, x * 3), grad

    with tf.GradientTape() as t:
        t.watch(x)
        p, q = two(x)
        z = p + q
    assert val(t.gradient(z, x)) == ("float32", 11.0)

    @tf.custom_gradient
    def wrong(x):
        def grad(dy):
            return dy, dy

        return x * 2, grad

    with tf.GradientTape() as t:
        t.watch(x)
        z = wrong(x)
    with pytest.raises(
        ValueError,
        match="^custom_gradient function expected to return 1 gradients, but returned 2 instead.$",
    ):
        t.gradient(z, x)


# -------------------------------------------------------------------- memory
def test_non_persistent_gradient_frees_the_graph():
    w = tf.Variable([[0.5], [0.25]])
    x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(tf.matmul(x, w) - 1.0))
    node = loss._value.grad_fn
    tape.gradient(loss, w)
    with pytest.raises(RuntimeError, match="already been freed"):
        node.next_functions[0][0]._saved_self
    assert not tape._variables and not tape._watched


def test_graph_is_kept_while_a_tape_that_recorded_it_may_still_need_it():
    w = tf.Variable(2.0)
    with tf.GradientTape(persistent=True) as tape:
        y = w * w * w
    assert val(tape.gradient(y, w)) == val(tape.gradient(y, w)) == ("float32", 12.0)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = w * w * w
    assert val(inner.gradient(y, w)) == val(outer.gradient(y, w)) == ("float32", 12.0)


def test_training_loop_memory_is_flat():
    w = tf.Variable(tf.ones((64, 1)))
    x = tf.constant(np.random.RandomState(0).rand(256, 64).astype("float32"))
    live = []
    for step in range(300):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, w)))
        grad = tape.gradient(loss, w)
        w.assign_sub(grad * 0.01)
        if step in (50, 299):
            gc.collect()
            live.append(
                sum(1 for o in gc.get_objects() if type(o) in (torch.Tensor, torch.nn.Parameter))
            )
    assert live[1] <= live[0] + 5
    assert not w._param.grad_fn and w._param.grad is None


def test_linear_classifier_chapter_losses():  # chapter 3.13-3.21
    np.random.seed(1)
    n = 1000
    cov = [[1, 0.5], [0.5, 1]]
    negative = np.random.multivariate_normal(mean=[0, 3], cov=cov, size=n)
    positive = np.random.multivariate_normal(mean=[3, 0], cov=cov, size=n)
    inputs = np.vstack((negative, positive)).astype(np.float32)
    targets = np.vstack((np.zeros((n, 1), dtype="float32"), np.ones((n, 1), dtype="float32")))
    W = tf.Variable(initial_value=[[0.5], [0.25]])
    b = tf.Variable(initial_value=tf.zeros(shape=(1,)))

    def training_step(inputs, targets):
        with tf.GradientTape() as tape:
            predictions = tf.matmul(inputs, W) + b
            loss = tf.reduce_mean(tf.square(targets - predictions))
        grad_loss_wrt_W, grad_loss_wrt_b = tape.gradient(loss, [W, b])
        W.assign_sub(grad_loss_wrt_W * 0.1)
        b.assign_sub(grad_loss_wrt_b * 0.1)
        return loss

    losses = [float(training_step(inputs, targets)) for _ in range(40)]
    assert [round(losses[i], 4) for i in (0, 1, 10, 39)] == [0.8242, 0.1913, 0.0615, 0.0269]
    x = np.linspace(-1, 4, 100)
    y = -W[0] / W[1] * x + (0.5 - b) / W[1]
    assert (y.dtype, y.shape) == (tf.float32, tf.TensorShape([100]))


def test_many_inner_tapes_under_one_outer_tape():
    v = tf.Variable(1.0)
    with tf.GradientTape(persistent=True) as outer:
        for _ in range(200):
            with tf.GradientTape() as inner:
                y = v * v
            inner.gradient(y, v)
        z = v * 3.0
    assert len(outer._overlapping) <= 65
    assert val(outer.gradient(z, v)) == ("float32", 3.0)
