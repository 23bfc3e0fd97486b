"""tf.TensorArray: reads, writes, stacking and TF's errors."""

import pytest

import torchkeras as tf
from oracle_compare import assert_same, call


def _ta(tf, *args, **kwargs):
    return tf.TensorArray(*args, **kwargs)


def _written(tf, **kwargs):
    ta = tf.TensorArray(tf.float32, size=2, **kwargs)
    ta = ta.write(0, 1.0)
    return ta.write(1, 2)


def _read_twice(tf, clear):
    ta = tf.TensorArray(tf.float32, size=1, clear_after_read=clear).write(0, 3.0)
    return [ta.read(0), ta.read(tf.constant(0))]


def _dynamic(tf):
    ta = tf.TensorArray(tf.int32, size=0, dynamic_size=True, clear_after_read=False)
    ta = ta.write(3, [1, 2])
    return [ta.size(), ta.stack(), ta.gather([3, 0]), ta.concat(), ta.read(3), ta.read(3)]


def _grad(tf):
    x = tf.constant([1.0, 2.0, 3.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        ta = tf.TensorArray(tf.float32, size=3, clear_after_read=False).unstack(x)
        ta = ta.write(1, ta.read(1) * 5.0)
        y = tf.reduce_sum(ta.stack() * ta.gather([0, 0, 2])) + tf.reduce_sum(ta.concat() * 0.0)
    return tape.gradient(y, x)


def _grad_split(tf):
    x = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    with tf.GradientTape() as tape:
        tape.watch(x)
        ta = tf.TensorArray(tf.float32, size=2).split(x * x, [1, 2])
        y = tf.reduce_sum(ta.read(1)) + 2.0 * tf.reduce_sum(ta.read(0))
    return tape.gradient(y, x)


CASES = {
    "no_size": lambda tf: _ta(tf, tf.float32),
    "properties": lambda tf: (
        lambda ta: [ta.size(), ta.dtype, str(ta.element_shape), ta.dynamic_size, ta.flow, ta.handle]
    )(_ta(tf, tf.float32, size=2)),
    "stack": lambda tf: _written(tf).stack(),
    "element_shape_inferred": lambda tf: _written(tf).element_shape,
    "read_unwritten": lambda tf: _ta(tf, tf.float32, size=2, element_shape=[2]).read(1),
    "read_unknown_shape": lambda tf: _ta(tf, tf.float32, size=2).read(1),
    "stack_unknown_shape": lambda tf: _ta(tf, tf.float32, size=2).stack(),
    "stack_partial_shape": lambda tf: _ta(
        tf, tf.float32, size=1, element_shape=tf.TensorShape([None, 2])
    ).stack(),
    "stack_zeros": lambda tf: _ta(tf, tf.float32, size=3, element_shape=[2]).stack(),
    "stack_partially_written": lambda tf: _ta(tf, tf.float32, size=2).write(1, [1.0, 2.0]).stack(),
    "stack_empty": lambda tf: _ta(tf, tf.int32, size=0).stack(),
    "stack_empty_known_shape": lambda tf: _ta(tf, tf.int32, size=0, element_shape=[3]).stack(),
    "read_twice_cleared": lambda tf: _read_twice(tf, None),
    "read_twice_kept": lambda tf: _read_twice(tf, False),
    "read_negative": lambda tf: _written(tf).read(-1),
    "read_out_of_range": lambda tf: _written(tf).read(5),
    "write_negative": lambda tf: _written(tf).write(-1, 1.0),
    "write_out_of_range": lambda tf: _written(tf).write(2, 1.0),
    "write_twice": lambda tf: _written(tf).write(0, 5.0).read(0),
    "write_wrong_dtype": lambda tf: _written(tf).write(1, tf.constant(2)),
    "write_string": lambda tf: _ta(tf, tf.float32, size=1).write(0, "a"),
    "write_float64_numpy": lambda tf: _ta(tf, tf.float32, size=1).write(0, 2.5).stack(),
    "write_wrong_shape": lambda tf: _written(tf).write(1, [1.0, 2.0]),
    "element_shape_mismatch": lambda tf: _ta(tf, tf.float32, size=3, element_shape=[2]).write(
        0, [1.0, 2.0, 3.0]
    ),
    "no_infer_shape": lambda tf: (lambda ta: [str(ta.element_shape), ta.read(0), ta.read(1)])(
        _ta(tf, tf.float32, size=2, infer_shape=False).write(0, [1.0]).write(1, [1.0, 2.0])
    ),
    "no_infer_shape_stack": lambda tf: (
        _ta(tf, tf.float32, size=2, infer_shape=False).write(0, [1.0]).write(1, [1.0, 2.0]).stack()
    ),
    "no_infer_shape_concat": lambda tf: (
        _ta(tf, tf.float32, size=2, infer_shape=False).write(0, [1.0]).write(1, [1.0, 2.0]).concat()
    ),
    "dynamic": _dynamic,
    "gather_out_of_range": lambda tf: _ta(tf, tf.float32, size=1).write(0, 1.0).gather([3]),
    "gather_negative": lambda tf: _ta(tf, tf.float32, size=2).unstack([1.0, 2.0]).gather([-1]),
    "gather_tensor_indices": lambda tf: (
        _ta(tf, tf.float32, size=2).unstack([1.0, 2.0]).gather(tf.constant([1, 0]))
    ),
    "concat_scalars": lambda tf: _ta(tf, tf.float32, size=2).write(0, 1.0).write(1, 2.0).concat(),
    "unstack": lambda tf: _ta(tf, tf.int32, size=2).unstack([[1, 2], [3, 4]]).stack(),
    "unstack_too_many": lambda tf: _ta(tf, tf.float32, size=2).unstack([1.0, 2.0, 3.0]),
    "unstack_fewer": lambda tf: _ta(tf, tf.float32, size=2).unstack([1.0]).size(),
    "unstack_other_dtype": lambda tf: (
        _ta(tf, tf.float32, size=2).unstack(tf.constant([1, 2])).stack()
    ),
    "unstack_scalar": lambda tf: _ta(tf, tf.float32, size=2).unstack(1.0),
    "scatter": lambda tf: (
        _ta(tf, tf.int32, size=0, dynamic_size=True).scatter([4, 0], [[5, 6], [7, 8]]).stack()
    ),
    "scatter_out_of_range": lambda tf: _ta(tf, tf.float32, size=2).scatter([0, 5], [1.0, 2.0]),
    "scatter_tensor_indices": lambda tf: (
        _ta(tf, tf.float32, size=2).scatter(tf.constant([1, 0]), [1.0, 2.0]).stack()
    ),
    "split": lambda tf: _ta(tf, tf.int32, size=2).split([[1, 2], [3, 4], [5, 6]], [1, 2]).concat(),
    "split_ragged_stack": lambda tf: (
        _ta(tf, tf.int32, size=2).split([[1, 2], [3, 4], [5, 6]], [1, 2]).stack()
    ),
    "split_bad_sum": lambda tf: _ta(tf, tf.int32, size=2).split([1, 2, 3], [1, 1]),
    "split_lengths_matrix": lambda tf: _ta(tf, tf.int32, size=1).split([1, 2, 3], [[1, 2]]),
    "split_scalar": lambda tf: _ta(tf, tf.int32, size=1).split(1, [1]),
    "split_size_mismatch": lambda tf: _ta(tf, tf.float32, size=2).split([1.0, 2, 3], [1, 1, 1]),
    "close": lambda tf: (lambda ta: [ta.close(), ta.size()])(_written(tf)),
    "identity": lambda tf: (lambda ta: ta.identity() is ta)(_ta(tf, tf.float32, size=1)),
    "grad_method": lambda tf: _written(tf).grad("x"),
    "size_tensor": lambda tf: _ta(tf, tf.float32, size=tf.constant(3)).size(),
    "dtype_string_name": lambda tf: _ta(tf, "float64", size=1).write(0, 1).read(0),
    "gradient": _grad,
    "gradient_split": _grad_split,
}


@pytest.mark.parametrize("case_name", sorted(CASES))
def test_matches_tf(case_name):
    tf_real = pytest.importorskip("tensorflow")
    fn = CASES[case_name]
    assert_same(case_name, call(tf_real, fn), call(tf, fn))


# TF-independent expectations.


def test_write_returns_the_array_and_grows_when_dynamic():
    ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
    assert ta.write(2, [1.0, 2.0]) is ta
    assert int(ta.size()) == 3
    assert ta.stack().numpy().tolist() == [[0.0, 0.0], [0.0, 0.0], [1.0, 2.0]]


def test_errors_are_tf_classes():
    ta = tf.TensorArray(tf.float32, size=1)
    with pytest.raises(tf.errors.OutOfRangeError, match="array is not resizeable and size is: 1"):
        ta.write(1, 1.0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="TensorArray dtype is float32"):
        ta.write(0, tf.constant(1))
    ta.write(0, 1.0).read(0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Could not read index 0 twice"):
        ta.read(0)


def test_gradient_through_stack():
    x = tf.constant([1.0, 2.0])
    with tf.GradientTape() as tape:
        tape.watch(x)
        ta = tf.TensorArray(tf.float32, size=2).unstack(x * x)
        y = tf.reduce_sum(ta.stack())
    assert tape.gradient(y, x).numpy().tolist() == [2.0, 4.0]


def test_a_float_size_is_tfs_type_error():
    with pytest.raises(TypeError, match="'float' object cannot be interpreted as an integer"):
        tf.TensorArray(tf.float32, size=1.5)
    assert tf.TensorArray(tf.float32, size=tf.constant(2)).size().numpy() == 2


@pytest.mark.parametrize("index", [5, -1])
def test_read_out_of_range_in_function_matches_tf(index):
    """In a tf.function TF reads a TensorList: InvalidArgumentError, worded by its kernel."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        fn = module.function(lambda i: module.TensorArray(module.float32, size=2).read(i))
        with pytest.raises(module.errors.InvalidArgumentError) as info:
            fn(module.constant(index))
        return str(info.value).split("}} ", 1)[1].split(" [Op:")[0]

    assert error(tf) == error(tf_real)


@pytest.mark.parametrize("body", ["ta.read(i)", "ta.write(i, 1.).stack()"])
def test_out_of_range_index_in_a_function_is_the_tensor_lists_error(body):
    from tests.ops import oracle_compare

    def make(module):
        def f(i):
            ta = module.TensorArray(module.float32, size=2)  # noqa: F841 - read by eval
            return eval(body)  # noqa: S307 - the two bodies above

        return module.function(f)

    verb = "access" if "read" in body else "modify"
    with pytest.raises(tf.errors.InvalidArgumentError) as raised:
        make(tf)(tf.constant(5))
    text = oracle_compare.kernel_text(raised.value)
    assert text.startswith("Trying to %s element 5 in a list with 2 elements." % verb)
    try:
        import tensorflow as tf_real
    except ImportError:
        return
    with pytest.raises(tf_real.errors.InvalidArgumentError, match="Trying to %s element 5" % verb):
        make(tf_real)(tf_real.constant(5))
