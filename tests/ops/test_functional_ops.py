"""tf.map_fn, tf.scan, tf.foldl, tf.foldr and tf.vectorized_map."""

import pytest
import torch

import torchkeras as tf
from oracle_compare import assert_same, call
from torchkeras.ops import functional_ops

X = [1.0, 2.0, 3.0]
M = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


def _grads(tf, build):
    """Gradients of ``build(tf, x, v)`` with respect to a watched constant and a Variable."""
    x, v = tf.constant(X), tf.Variable(2.0)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = build(tf, x, v)
    return [tape.gradient(y, x), tape.gradient(y, v)]


def _second_order(tf):
    x = tf.constant(2.0)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = tf.map_fn(lambda e: e**3, tf.stack([x, x]))
        g = inner.gradient(y, x)
    return [g, outer.gradient(g, x)]


def _values(mapping):
    return [mapping[k] for k in sorted(mapping)]


CASES = {
    "map_fn": lambda tf: tf.map_fn(lambda e: e * 2, tf.constant(X)),
    "map_fn_signature": lambda tf: tf.map_fn(
        lambda e: tf.cast(e, tf.int32), tf.constant(X), fn_output_signature=tf.int32
    ),
    "map_fn_dtype": lambda tf: tf.map_fn(
        lambda e: tf.cast(e, tf.int32), tf.constant(X), dtype=tf.int32
    ),
    "map_fn_dtype_mismatch": lambda tf: tf.map_fn(lambda e: tf.cast(e, tf.int32), tf.constant(X)),
    "map_fn_python_result": lambda tf: tf.map_fn(lambda e: 1, tf.constant(X)),
    "map_fn_shape_result": lambda tf: tf.map_fn(lambda e: tf.stack([e, e]), tf.constant(X)),
    "map_fn_ragged_result": lambda tf: tf.map_fn(
        lambda e: tf.ones([tf.cast(e, tf.int32)]), tf.constant(X)
    ),
    "map_fn_ragged_no_infer": lambda tf: tf.map_fn(
        lambda e: tf.ones([tf.cast(e, tf.int32)]), tf.constant(X), infer_shape=False
    ),
    "map_fn_tuple": lambda tf: tf.map_fn(
        lambda e: (e[0] + e[1], e[0] * e[1]), (tf.constant(X), tf.constant(X))
    ),
    "map_fn_tuple_to_single": lambda tf: tf.map_fn(
        lambda e: e[0] + e[1], (tf.constant(X), tf.constant(X))
    ),
    "map_fn_tuple_to_single_signature": lambda tf: tf.map_fn(
        lambda e: e[0] + e[1], (tf.constant(X), tf.constant(X)), fn_output_signature=tf.float32
    ),
    "map_fn_dict": lambda tf: _values(
        tf.map_fn(
            lambda e: {"a": e["a"] * 2, "b": e["b"]},
            {"a": tf.constant(X), "b": tf.constant([1, 2, 3])},
        )
    ),
    "map_fn_signature_structure": lambda tf: tf.map_fn(
        lambda e: (e, tf.cast(e, tf.int64)),
        tf.constant(X),
        fn_output_signature=(tf.float32, tf.int64),
    ),
    "map_fn_signature_spec": lambda tf: tf.map_fn(
        lambda e: e, tf.constant(X), fn_output_signature=tf.TensorSpec([], tf.float32)
    ),
    "map_fn_signature_spec_mismatch": lambda tf: tf.map_fn(
        lambda e: tf.stack([e, e]),
        tf.constant(X),
        fn_output_signature=tf.TensorSpec([], tf.float32),
    ),
    "map_fn_scalar": lambda tf: tf.map_fn(lambda e: e, tf.constant(1.0)),
    "map_fn_no_tensors": lambda tf: tf.map_fn(lambda e: e, []),
    "map_fn_length_mismatch": lambda tf: tf.map_fn(
        lambda e: e[0], (tf.constant(X), tf.constant([1.0, 2.0]))
    ),
    "map_fn_empty": lambda tf: tf.map_fn(lambda e: e * 2, tf.zeros([0, 2])),
    "map_fn_2d": lambda tf: tf.map_fn(tf.reduce_sum, tf.constant([[1, 2], [3, 4]])),
    "map_fn_list_result": lambda tf: tf.map_fn(lambda e: [e, e], tf.constant(X)),
    "map_fn_variable": lambda tf: tf.map_fn(lambda e: e * 2, tf.Variable([1.0, 2.0])),
    "map_fn_none_result": lambda tf: tf.map_fn(lambda e: None, tf.constant(X)),
    "map_fn_strings": lambda tf: tf.map_fn(lambda e: e, tf.constant(["a", "b"])),
    "map_fn_not_callable": lambda tf: tf.map_fn(1, tf.constant(X)),
    "scan": lambda tf: tf.scan(lambda a, e: a + e, tf.constant(X)),
    "scan_initializer": lambda tf: tf.scan(lambda a, e: a + e, tf.constant(X), initializer=10.0),
    "scan_reverse": lambda tf: tf.scan(lambda a, e: a + e, tf.constant(X), reverse=True),
    "scan_reverse_initializer": lambda tf: tf.scan(
        lambda a, e: a * 10 + e, tf.constant(X), initializer=0.0, reverse=True
    ),
    "scan_structure": lambda tf: tf.scan(
        lambda a, e: (a[0] + e, a[1] * e), tf.constant(X), initializer=(0.0, 1.0)
    ),
    "scan_structure_mismatch": lambda tf: tf.scan(
        lambda a, e: a[0] + e, tf.constant(X), initializer=(0.0, 1.0)
    ),
    "scan_elems_tuple": lambda tf: tf.scan(
        lambda a, e: (a[0] + e[0], a[1] + e[1]), (tf.constant(X), tf.constant(X))
    ),
    "scan_int_initializer": lambda tf: tf.scan(lambda a, e: a + e, tf.constant(X), initializer=0),
    "scan_dtype_change": lambda tf: tf.scan(
        lambda a, e: tf.cast(a, tf.float32) + e, tf.constant(X), initializer=0
    ),
    "scan_shape_change": lambda tf: tf.scan(
        lambda a, e: tf.concat([a, [e]], 0), tf.constant(X), initializer=tf.zeros([1])
    ),
    "scan_scalar": lambda tf: tf.scan(lambda a, e: a + e, tf.constant(1.0)),
    "scan_length_mismatch": lambda tf: tf.scan(
        lambda a, e: a, (tf.constant(X), tf.constant([1.0, 2.0]))
    ),
    "scan_empty": lambda tf: tf.scan(lambda a, e: a + e, tf.zeros([0])),
    "scan_not_callable": lambda tf: tf.scan(1, tf.constant(X)),
    "foldl": lambda tf: tf.foldl(lambda a, e: a + e, tf.constant(X)),
    "foldl_initializer": lambda tf: tf.foldl(
        lambda a, e: a * 10 + e, tf.constant(X), initializer=0.0
    ),
    "foldr": lambda tf: tf.foldr(lambda a, e: a * 10 + e, tf.constant(X)),
    "foldr_initializer": lambda tf: tf.foldr(
        lambda a, e: a * 10 + e, tf.constant(X), initializer=0.0
    ),
    "foldl_structure": lambda tf: tf.foldl(
        lambda a, e: a + e[0] * e[1], (tf.constant(X), tf.constant(X)), initializer=0.0
    ),
    "foldl_python_initializer": lambda tf: tf.foldl(
        lambda a, e: a + 1, tf.constant(X), initializer=0
    ),
    "foldl_structured_accumulator": lambda tf: tf.foldl(
        lambda a, e: (a[0] + e, a[1]), tf.constant(X), initializer=(0.0, 5)
    ),
    "foldl_empty": lambda tf: tf.foldl(lambda a, e: a + e, tf.zeros([0])),
    "foldl_empty_initializer": lambda tf: tf.foldl(
        lambda a, e: a + e, tf.zeros([0]), initializer=1.0
    ),
    "foldr_scalar": lambda tf: tf.foldr(lambda a, e: a + e, tf.constant(1.0)),
    "foldl_not_callable": lambda tf: tf.foldl(1, tf.constant(X)),
    "vectorized_map": lambda tf: tf.vectorized_map(lambda r: r * 2, tf.constant(M)),
    "vectorized_map_reduce": lambda tf: tf.vectorized_map(tf.reduce_sum, tf.constant(M)),
    "vectorized_map_invariant": lambda tf: tf.vectorized_map(
        lambda r: tf.constant([7.0, 8.0]), tf.constant(M)
    ),
    "vectorized_map_python_float": lambda tf: tf.vectorized_map(lambda r: 1.0, tf.constant(M)),
    "vectorized_map_python_int": lambda tf: tf.vectorized_map(lambda r: 1, tf.constant(M)),
    "vectorized_map_tuple": lambda tf: tf.vectorized_map(
        lambda e: (e[0] + e[1], e[0]), (tf.constant(M), tf.constant(M))
    ),
    "vectorized_map_dict": lambda tf: _values(
        tf.vectorized_map(lambda e: {"s": e["a"] * 2}, {"a": tf.constant(M)})
    ),
    "vectorized_map_matvec": lambda tf: tf.vectorized_map(
        lambda r: tf.linalg.matvec(tf.constant([[1.0, 2.0], [3.0, 4.0]]), r), tf.constant(M)
    ),
    "vectorized_map_scalar": lambda tf: tf.vectorized_map(lambda r: r, tf.constant(1.0)),
    "vectorized_map_none": lambda tf: tf.vectorized_map(lambda r: None, tf.constant(M)),
    "vectorized_map_empty": lambda tf: tf.vectorized_map(lambda r: r * 2, tf.zeros([0, 2])),
    "vectorized_map_int": lambda tf: tf.vectorized_map(lambda r: r + 1, tf.constant([1, 2])),
    "vectorized_map_strings": lambda tf: tf.vectorized_map(lambda r: r, tf.constant(["a", "b"])),
    "vectorized_map_py_function": lambda tf: tf.vectorized_map(
        lambda r: tf.py_function(lambda a: a * 2, [r], tf.float32), tf.constant(M)
    ),
    "grad_second_order_map_fn": _second_order,
    "grad_map_fn": lambda tf: _grads(tf, lambda tf, x, v: tf.map_fn(lambda e: e * e * v, x)),
    "grad_scan": lambda tf: _grads(tf, lambda tf, x, v: tf.scan(lambda a, e: a * e + v, x)),
    "grad_scan_reverse": lambda tf: _grads(
        tf, lambda tf, x, v: tf.scan(lambda a, e: a * e * v, x, initializer=1.0, reverse=True)
    ),
    "grad_foldl": lambda tf: _grads(tf, lambda tf, x, v: tf.foldl(lambda a, e: a * e + v, x)),
    "grad_foldr": lambda tf: _grads(tf, lambda tf, x, v: tf.foldr(lambda a, e: a * e + v, x)),
    "vectorized_map_broadcast_size_one": lambda tf: tf.vectorized_map(
        lambda e: e[0] + e[1], (tf.ones([1]), tf.constant(X))
    ),
    "grad_vectorized_map": lambda tf: _grads(
        tf, lambda tf, x, v: tf.vectorized_map(lambda e: e * e * e * v, x)
    ),
}


@pytest.mark.parametrize("case_name", sorted(CASES))
def test_matches_tf(case_name):
    tf_real = pytest.importorskip("tensorflow")
    fn = CASES[case_name]
    assert_same(case_name, call(tf_real, fn), call(tf, fn))


@pytest.mark.parametrize("sizes", [(2, 3), (3, 2), (1, 4, 2)])
def test_vectorized_map_batch_size_mismatch(sizes):
    """TF's batch is the largest first dimension; a shorter input fails pfor's gather (with
    one short input only: TF's graph reports whichever of several fails first)."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        with pytest.raises(module.errors.InvalidArgumentError) as info:
            module.vectorized_map(lambda e: e, tuple(module.ones([n]) for n in sizes))
        text = str(info.value)
        return text[:60], text[text.index("indices[") :].split(" [Op:")[0]

    assert error(tf) == error(tf_real)


# TF-independent expectations.


def test_map_fn_structures_and_dtypes():
    a, b = tf.map_fn(
        lambda e: (e * 2.0, tf.cast(e, tf.int64)),
        tf.constant(X),
        fn_output_signature=(tf.float32, tf.int64),
    )
    assert a.numpy().tolist() == [2.0, 4.0, 6.0]
    assert b.dtype == tf.int64 and b.numpy().tolist() == [1, 2, 3]
    with pytest.raises(tf.errors.InvalidArgumentError, match="trying to write dtype int32"):
        tf.map_fn(lambda e: tf.cast(e, tf.int32), tf.constant(X))


def test_scan_and_folds():
    assert tf.scan(lambda a, e: a + e, tf.constant(X)).numpy().tolist() == [1.0, 3.0, 6.0]
    assert tf.scan(lambda a, e: a + e, tf.constant(X), reverse=True).numpy().tolist() == [
        6.0,
        5.0,
        3.0,
    ]
    assert float(tf.foldl(lambda a, e: a * 10 + e, tf.constant(X), initializer=0.0)) == 123.0
    assert float(tf.foldr(lambda a, e: a * 10 + e, tf.constant(X), initializer=0.0)) == 321.0


def test_vectorized_map_uses_vmap_and_the_loop_gives_the_same_results():
    elems = tf.constant(M)

    def fn(row):
        return tf.nn.softmax(row) * tf.reduce_sum(row)

    outputs, _ = functional_ops._vmapped(fn, elems, [elems])
    looped, _ = functional_ops._looped(fn, elems, [elems], 3)
    assert torch.equal(outputs[0]._value, looped[0]._value)
    expected = tf.map_fn(fn, elems)
    assert torch.allclose(tf.vectorized_map(fn, elems)._value, expected._value)


def test_vectorized_map_falls_back_when_vmap_cannot_run_fn():
    def fn(row):
        return tf.constant(row.numpy() * 2)

    assert tf.vectorized_map(fn, tf.constant(M)).numpy().tolist() == [
        [2.0, 4.0],
        [6.0, 8.0],
        [10.0, 12.0],
    ]
    with pytest.raises(ValueError, match="fallback_to_while_loop=False"):
        tf.vectorized_map(fn, tf.constant(M), fallback_to_while_loop=False)


def test_gradients_flow_through_map_fn_and_vectorized_map():
    x = tf.constant(X)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        m = tf.map_fn(lambda e: e * e, x)
        w = tf.vectorized_map(lambda e: e * e, x)
    assert tape.gradient(m, x).numpy().tolist() == [2.0, 4.0, 6.0]
    assert tape.gradient(w, x).numpy().tolist() == [2.0, 4.0, 6.0]
