"""tf.Variable: creation, text, assign family, slices, operators (rules T25-T35, T99-T155 of
shared/reference/tf_behaviour/tensor_semantics.txt, checked on TF 2.21)."""

import copy
import pickle

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError

M22 = (
    "<tf.Variable '%s' shape=(2, 2) dtype=float32, numpy=\n"
    "array([[%s],\n       [%s]], dtype=float32)>"
)


# ------------------------------------------------------------------ creation
def test_repr_and_str_of_unnamed_and_named_variables():  # T25-T28
    va = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    assert repr(va) == M22 % ("Variable:0", "1., 2.", "3., 4.")
    assert str(va) == repr(va)
    assert (
        repr(tf.Variable(3.0, name="w")) == "<tf.Variable 'w:0' shape=() dtype=float32, numpy=3.0>"
    )
    assert (
        repr(tf.Variable([1, 2], name="counter", trainable=False))
        == "<tf.Variable 'counter:0' shape=(2,) dtype=int32, numpy=array([1, 2], dtype=int32)>"
    )


def test_names_are_not_uniquified():  # T29, T30
    tf.Variable(1.0)
    assert tf.Variable(2.0).name == "Variable:0"
    assert (tf.Variable(1.0, name="w").name, tf.Variable(2.0, name="w").name) == ("w:0", "w:0")
    assert tf.Variable(1.0, name="a:0").name == "a:0:0"


def test_properties():  # T31, T154
    va = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    assert (va.name, va.trainable, va.shape, va.dtype) == (
        "Variable:0",
        True,
        tf.TensorShape([2, 2]),
        tf.float32,
    )
    assert tf.Variable(1.0, dtype=tf.float64).dtype is tf.float64
    assert tf.Variable(1).dtype is tf.int32
    assert tf.Variable(np.array([1.0, 2.0])).dtype is tf.float64
    assert va.device.endswith(("CPU:0", "GPU:0"))
    assert va.synchronization is tf.VariableSynchronization.AUTO
    assert va.aggregation is tf.VariableAggregation.NONE
    assert va.constraint is None


def test_synchronization_and_aggregation():
    v = tf.Variable(
        1.0,
        synchronization=tf.VariableSynchronization.ON_READ,
        aggregation=tf.VariableAggregation.MEAN,
    )
    assert not v.trainable and not v._param.requires_grad
    assert repr(v.synchronization) == "<VariableSynchronization.ON_READ: 3>"
    assert repr(v.aggregation) == "<VariableAggregationV2.MEAN: 2>"


def test_initial_value_callable_and_errors():
    assert tf.Variable(lambda: [1.0, 2.0], dtype=tf.float64).numpy().tolist() == [1.0, 2.0]
    with pytest.raises(
        ValueError,
        match=r"^The `initial_value` arg to `tf.Variable` must be specified except when "
        r"you are not providing a `variable_def`. You provided neither.$",
    ):
        tf.Variable(None)
    with pytest.raises(
        TypeError, match=r"^Cannot convert \[1.0, 2.0\] to EagerTensor of dtype int32$"
    ):
        tf.Variable([1.0, 2.0], dtype=tf.int32)
    with pytest.raises(
        ValueError,
        match=r"^initial_value: Tensor conversion requested dtype float32 for Tensor with "
        r"dtype int32: <tf.Tensor: shape=\(2,\), dtype=int32",
    ):
        tf.Variable(tf.constant([1, 2]), dtype=tf.float32)
    with pytest.raises(
        ValueError, match=r"^Can't convert non-rectangular Python sequence to Tensor.$"
    ):
        tf.Variable([[1], [1, 2]])
    with pytest.raises(
        RuntimeError, match="^This property is not supported when eager execution is enabled.$"
    ):
        tf.Variable(1.0).initial_value


def test_shape_argument():
    v = tf.Variable([1.0, 2.0], shape=tf.TensorShape(None))
    assert str(v.shape) == "<unknown>"
    assert (
        repr(v.assign([1.0, 2.0, 3.0]))
        == "<tf.Variable 'UnreadVariable' shape=<unknown> dtype=float32, numpy=array([1., 2., "
        "3.], dtype=float32)>"
    )
    assert repr(tf.Variable([1.0, 2.0], shape=(None,))).startswith(
        "<tf.Variable 'Variable:0' shape=(None,)"
    )
    with pytest.raises(
        ValueError,
        match=r"the initial value's shape \(\(2,\)\) is not compatible with the "
        r"explicitly supplied `shape` argument \(\(3,\)\).",
    ):
        tf.Variable([1.0, 2.0], shape=(3,))


def test_constraint_is_stored_not_applied_by_assign():
    clip = lambda x: tf.maximum(x, 0.0)
    c = tf.Variable([1.0, -2.0], constraint=clip)
    assert c.constraint is clip
    c.assign([-5.0, 3.0])
    assert c.numpy().tolist() == [-5.0, 3.0]
    with pytest.raises(
        ValueError,
        match="^Argument `constraint` must be None or a callable. a callable. "
        "Got a <class 'int'>:  5$",
    ):
        tf.Variable(1.0, constraint=5)


def test_string_and_bool_variables():
    s = tf.Variable("abc")
    assert repr(s) == "<tf.Variable 'Variable:0' shape=() dtype=string, numpy=b'abc'>"
    s.assign("xy")
    assert s.numpy() == b"xy"
    assert (
        repr(tf.Variable([True]))
        == "<tf.Variable 'Variable:0' shape=(1,) dtype=bool, numpy=array([ True])>"
    )


# ----------------------------------------------------------- torch storage
def test_param_is_a_parameter_kept_across_assigns():
    v = tf.Variable([[1.0, 2.0]])
    param = v._param
    assert isinstance(param, torch.nn.Parameter) and param.requires_grad
    v.assign([[3.0, 4.0]])
    v.assign_add([[1.0, 1.0]])
    v[0, 0].assign(9.0)
    assert v._param is param and param.requires_grad
    assert not tf.Variable(1.0, trainable=False)._param.requires_grad
    assert not tf.Variable(1)._param.requires_grad


def test_reads_outside_a_tape_build_no_graph():
    v = tf.Variable([1.0, 2.0])
    assert not v._value.requires_grad
    assert not (v * 2.0)._value.requires_grad
    with tf.GradientTape():
        assert v._value is v._param


def test_reads_are_snapshots():
    v = tf.Variable([1.0, 2.0])
    reads = [v.read_value(), v.value(), v[0], list(v)[1]]
    v.assign([5.0, 6.0])
    assert [float(np.asarray(r).reshape(-1)[0]) for r in reads] == [1.0, 1.0, 1.0, 2.0]


# ------------------------------------------------------------- assign family
def test_assign_shape_errors_leave_variable_unchanged():  # T129-T131
    w = tf.Variable([1.0, 2.0], name="w")
    for value, shape in (([1.0, 2.0, 3.0], "(3,)"), ([[1.0, 2.0]], "(1, 2)"), (5.0, "()")):
        with pytest.raises(ValueError) as info:
            w.assign(value)
        assert str(info.value) == (
            "Cannot assign value to variable ' w:0': Shape mismatch.The variable shape (2,), "
            "and the assigned value shape %s are incompatible." % shape
        )
    assert w.numpy().tolist() == [1.0, 2.0]


def test_assign_dtype_rules():  # T132-T134, T155
    w = tf.Variable([1.0, 2.0], name="w")
    with pytest.raises(
        ValueError,
        match=r"^Tensor conversion requested dtype float32 for Tensor with dtype int32: "
        r"<tf.Tensor: shape=\(2,\), dtype=int32, numpy=array\(\[1, 2\], dtype=int32\)>$",
    ):
        w.assign(tf.constant([1, 2]))
    assert (
        repr(w.assign(np.array([1.0, 2.0])))
        == "<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, numpy=array([1., 2.], "
        "dtype=float32)>"
    )
    assert (
        repr(w.assign([3, 4]))
        == "<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, numpy=array([3., 4.], "
        "dtype=float32)>"
    )
    assert (
        repr(tf.Variable(3.0).assign(tf.Variable(4.0)))
        == "<tf.Variable 'UnreadVariable' shape=() dtype=float32, numpy=4.0>"
    )
    with pytest.raises(
        ValueError,
        match=r"^Incompatible type conversion requested to type float32 for `tf.Variable "
        r"of type float64. \(Variable: <tf.Variable 'Variable:0'",
    ):
        w.assign(tf.Variable([1.0, 1.0], dtype=tf.float64))
    iv = tf.Variable([1, 2])
    with pytest.raises(
        TypeError, match=r"^Cannot convert \[1.5, 2.0\] to EagerTensor of dtype int32$"
    ):
        iv.assign([1.5, 2.0])
    assert iv.numpy().tolist() == [1, 2]


def test_assign_returns_unread_variable_reading_live_value():  # T135-T139
    w = tf.Variable([1.0, 2.0], name="w")
    assert w.assign([3.0, 4.0], read_value=False) is None
    ret = w.assign_add([1.0, 1.0])
    assert (
        repr(ret)
        == "<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, numpy=array([4., 5.], "
        "dtype=float32)>"
    )
    assert type(ret).__name__ == "UnreadVariable" and ret is not w and isinstance(ret, tf.Variable)
    assert ret.name == "UnreadVariable" and ret.trainable
    w.assign([0.0, 0.0])
    assert ret.numpy().tolist() == [0.0, 0.0]
    assert (
        repr(w.assign_sub([1.0, 1.0]))
        == "<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, numpy=array([-1., -1.], "
        "dtype=float32)>"
    )
    ret.assign([7.0, 8.0])
    assert w.numpy().tolist() == [7.0, 8.0]
    assert (ret + 1.0).numpy().tolist() == [8.0, 9.0]


def test_assign_add_shape_errors():  # T140, T141
    w = tf.Variable([1.0, 2.0], name="w")
    for delta, shape in (([1.0, 1.0, 1.0], "[3]"), (1.0, "[]")):
        with pytest.raises(InvalidArgumentError) as info:
            w.assign_add(delta)
        assert str(info.value) == (
            "{{function_node "
            "__wrapped__AssignAddVariableOp_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
            "Cannot update variable with shape [2] using a Tensor with shape %s, shapes must be "
            "equal. "
            "[Op:AssignAddVariableOp] name: " % shape
        )
    m = tf.Variable(tf.ones((2, 2)))
    with pytest.raises(
        InvalidArgumentError,
        match=r"AssignSubVariableOp.*shape \[2,2\] using a Tensor with shape "
        r"\[3,2\]",
    ):
        m.assign_sub(tf.ones((3, 2)))
    assert w.numpy().tolist() == [1.0, 2.0]


# -------------------------------------------------------------------- slices
def test_slice_assign_writes_and_returns_unread_variable():  # T32-T35, T142-T145, T149, T151
    va = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    r = va[0, 0].assign(9.0)
    assert repr(r) == M22 % ("UnreadVariable", "9., 2.", "3., 4.")
    assert type(r).__name__ == "UnreadVariable"
    assert repr(va) == M22 % ("Variable:0", "9., 2.", "3., 4.")
    va[0].assign([7.0, 8.0])
    assert repr(va) == M22 % ("Variable:0", "7., 8.", "3., 4.")
    assert repr(va[0, 0]) == "<tf.Tensor: shape=(), dtype=float32, numpy=7.0>"
    va[:, 1].assign([10.0, 20.0])
    assert repr(va) == M22 % ("Variable:0", " 7., 10.", " 3., 20.")
    c = va[0, 0]
    c.assign(1.0)
    assert va.numpy().tolist() == [[1.0, 10.0], [3.0, 20.0]]
    va[1:].assign(0.0)
    va[::-1, 0].assign([5.0, 6.0])
    va[..., 1].assign([1, 2])
    assert va.numpy().tolist() == [[6.0, 1.0], [5.0, 2.0]]


def test_slice_read_carries_only_assign():  # T146-T148, T152
    ww = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    m2 = tf.constant([[1.0, 2.0], [3.0, 4.0]])
    assert isinstance(ww[0], tf.Tensor) and type(ww[0]).__name__ == "Tensor"
    assert (
        hasattr(ww[0, 0], "assign"),
        hasattr(ww[0, 0], "assign_add"),
        hasattr(m2[0], "assign"),
    ) == (True, False, False)
    with pytest.raises(
        AttributeError,
        match="'tensorflow.python.framework.ops.EagerTensor' object has no attribute 'assign_add'",
    ):
        ww[0, 0].assign_add(1.0)
    assert not hasattr(ww[0][0], "assign")
    assert not hasattr(ww[0] * 1.0, "assign")
    assert not hasattr(ww[tf.constant([True, False])], "assign")
    with pytest.raises(
        TypeError,
        match=r"strided_slice.<locals>.assign\(\) got an unexpected keyword argument "
        r"'read_value'",
    ):
        ww[0, 0].assign(1.0, read_value=False)


def test_slice_assign_errors():  # T150
    ww = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with pytest.raises(InvalidArgumentError) as info:
        ww[0].assign([1.0, 2.0, 3.0])
    assert str(info.value) == (
        "{{function_node "
        "__wrapped__ResourceStridedSliceAssign_device_"
        "/job:localhost/replica:0/task:0/device:CPU:0}} "
        "Cannot broadcast input shape [3] into final shape [2] [Op:ResourceStridedSliceAssign] "
        "name: "
        "strided_slice/_assign"
    )
    with pytest.raises(
        ValueError, match="^Tensor conversion requested dtype float32 for Tensor with dtype int32"
    ):
        ww[0].assign(tf.constant([1, 2]))
    with pytest.raises(InvalidArgumentError, match="slice index 5 of dimension 0 out of bounds"):
        ww[5]
    assert ww.numpy().tolist() == [[1.0, 2.0], [3.0, 4.0]]


# ------------------------------------------------------------------ scatter
def test_scatter_methods():
    w = tf.Variable([1.0, 2.0])
    assert w.scatter_nd_update([[0]], [9.0]).numpy().tolist() == [9.0, 2.0]
    assert w.scatter_nd_add([[0], [1]], [1.0, 1.0]).numpy().tolist() == [10.0, 3.0]
    assert w.scatter_nd_sub([[1]], [1.0]).numpy().tolist() == [10.0, 2.0]
    with pytest.raises(
        InvalidArgumentError,
        match=r"indices\[0\] = \[5\] does not index into shape \[2\] "
        r"\[Op:ResourceScatterNdUpdate\]",
    ):
        w.scatter_nd_update([[5]], [9.0])
    with pytest.raises(
        InvalidArgumentError,
        match=r"Dimensions \[0,1\) of indices\[shape=\[1,1\]\] = 1 must match "
        r"dimensions \[0,1\) of updates\[shape=\[2\]\] = 2",
    ):
        w.scatter_nd_update([[0]], [9.0, 1.0])
    w.scatter_add(tf.IndexedSlices(tf.constant([1.0]), tf.constant([0])))
    w.scatter_update(tf.IndexedSlices(tf.constant([7.0]), tf.constant([1])))
    w.scatter_max(tf.IndexedSlices(tf.constant([100.0]), tf.constant([1])))
    w.scatter_div(tf.IndexedSlices(tf.constant([2.0]), tf.constant([1])))
    w.scatter_mul(tf.IndexedSlices(tf.constant([2.0, 3.0]), tf.constant([0, 0])))
    w.scatter_min(tf.IndexedSlices(tf.constant([1.0]), tf.constant([1])))
    w.scatter_sub(tf.IndexedSlices(tf.constant([1.0, 1.0]), tf.constant([0, 0])))
    assert w.numpy().tolist() == [64.0, 1.0]
    with pytest.raises(
        TypeError,
        match=r"^Argument `sparse_delta` must be a `tf.IndexedSlices`. Received arg: "
        r"\[1.0\]$",
    ):
        w.scatter_add([1.0])
    assert w.sparse_read([0, 0]).numpy().tolist() == [64.0, 64.0]
    assert w.gather_nd([[1]]).numpy().tolist() == [1.0]
    assert str(
        tf.IndexedSlices(tf.constant([[1.0, 2.0]]), tf.constant([1]), tf.constant([2, 2]))
    ) == (
        "IndexedSlices(indices=tf.Tensor([1], shape=(1,), dtype=int32), values=tf.Tensor([[1. "
        "2.]], shape=(1, 2), "
        "dtype=float32), dense_shape=tf.Tensor([2 2], shape=(2,), dtype=int32))"
    )


# ------------------------------------------------------- Python protocols
def test_hash_setitem_len_format():  # T99, T122
    v = tf.Variable(1.0)
    with pytest.raises(TypeError) as info:
        {v}
    assert str(info.value) == (
        "Variable is unhashable. Instead, use variable.ref() as the key. "
        "(Variable: <tf.Variable 'Variable:0' shape=() dtype=float32, numpy=1.0>)"
    )
    assert v.ref().deref() is v and v.ref() == v.ref()
    vv = tf.Variable([1.0, 2.0])
    with pytest.raises(
        TypeError, match="^'ResourceVariable' object does not support item assignment$"
    ):
        vv[0] = 5.0
    with pytest.raises(TypeError, match="^object of type 'ResourceVariable' has no len\\(\\)$"):
        len(vv)
    with pytest.raises(
        TypeError, match="^unsupported format string passed to ResourceVariable.__format__$"
    ):
        format(tf.Variable(1.5), ".2f")
    assert f"{v}" == str(v)
    assert float(tf.Variable(1.5)) == 1.5


def test_in_place_operators_raise():  # T125
    vv = tf.Variable([1.0, 2.0])
    with pytest.raises(RuntimeError) as info:
        vv += 1
    assert str(info.value) == (
        "`variable += value` with `tf.Variable`s is not supported. Use "
        "`variable.assign_add(value)` to modify the variable, or `out = variable + value` if "
        "you need to get a new output Tensor."
    )
    with pytest.raises(RuntimeError, match=r"`variable -= value`.*`out = variable \* value`"):
        vv -= 1
    with pytest.raises(
        RuntimeError,
        match=r"^`var \*= value` with `tf.Variable`s is not supported. Use "
        r"`var.assign\(var \* value\)`",
    ):
        vv *= 2
    with pytest.raises(RuntimeError, match=r"`var /= value`"):
        vv /= 2
    with pytest.raises(RuntimeError, match=r"`var \*\*= value`"):
        vv **= 2
    assert vv.numpy().tolist() == [1.0, 2.0]


def test_tensor_protocols():  # T106, T109, T127, T128, T153
    v = tf.Variable([1.0, 2.0])
    assert repr(list(v)) == (
        "[<tf.Tensor: shape=(), dtype=float32, numpy=1.0>, "
        "<tf.Tensor: shape=(), dtype=float32, numpy=2.0>]"
    )
    array = np.asarray(v)
    assert repr(array) == "array([1., 2.], dtype=float32)"
    v.assign([3.0, 4.0])
    assert array.tolist() == [1.0, 2.0]
    assert not isinstance(tf.Variable(1.0), tf.Tensor)
    assert tf.is_tensor(tf.Variable(1.0))
    assert type(tf.Variable(1.0) + 1) is tf.Tensor
    assert (v == v).numpy().tolist() == [True, True]
    assert bool(tf.Variable(0.0)) is False


def test_copy_deepcopy_pickle():
    m = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="m")
    assert copy.copy(m) is m
    deep = copy.deepcopy(m)
    assert deep is not m and deep._param is not m._param and deep.name == "m:0"
    deep.assign(tf.zeros((2, 2)))
    assert m.numpy().tolist() == [[1.0, 2.0], [3.0, 4.0]]
    restored = pickle.loads(pickle.dumps(m))
    assert repr(restored) == repr(m)
