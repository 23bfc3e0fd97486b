"""tf.function: eager execution with TF's results, bare and with arguments, on functions and
methods."""

import pytest

import torchkeras as tf
from torchkeras.framework import function as function_module


def test_bare_decorator_runs_the_function():
    @tf.function
    def f(x):
        return x * 2

    assert f(tf.constant(3.0)).numpy() == 6.0
    assert f.__name__ == "f" and f.python_function.__name__ == "f" and f.input_signature is None
    assert type(f).__name__ == "Function"


def test_decorator_with_arguments():
    spec = [tf.TensorSpec([None], tf.float32)]
    g = tf.function(input_signature=spec, jit_compile=True, reduce_retracing=True, autograph=False)(
        lambda x: x + 1
    )
    assert g(tf.constant([1.0])).numpy().tolist() == [2.0]
    assert g.input_signature == spec
    assert tf.function(lambda x: x, experimental_relax_shapes=True)(tf.constant(1)).numpy() == 1


def test_python_numbers_in_outputs_become_tensors():
    f = tf.function(lambda x: (x, {"n": 3}, None))
    x, out, nothing = f(1.0)
    assert isinstance(x, tf.Tensor) and x.dtype is tf.float32
    assert isinstance(out["n"], tf.Tensor) and out["n"].dtype is tf.int32
    assert nothing is None


def test_method_decorator_binds_self():
    class Counter:
        def __init__(self):
            self.v = tf.Variable(0)

        @tf.function
        def step(self, n):
            self.v.assign_add(n)
            return self.v.read_value()

    c = Counter()
    assert c.step(2).numpy() == 2 and c.step(3).numpy() == 5
    assert type(Counter.step).__name__ == "Function"


def test_gradients_through_a_function():
    v = tf.Variable(3.0)

    @tf.function
    def loss():
        return v * v

    with tf.GradientTape() as tape:
        y = loss()
    assert tape.gradient(y, v).numpy() == 6.0


def test_run_functions_eagerly_flag():
    before = function_module.functions_run_eagerly()
    try:
        function_module.run_functions_eagerly(True)
        assert function_module.functions_run_eagerly() is True
    finally:
        function_module.run_functions_eagerly(before)


def test_input_signature_binds_and_converts_arguments():
    f = tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])(lambda x: x * 2)
    assert f([1.0, 2.0]).numpy().tolist() == [2.0, 4.0]
    assert f([1, 2]).dtype is tf.float32
    assert f(x=tf.constant([1.0])).numpy().tolist() == [2.0]
    signature = "for signature: (x: TensorSpec(shape=(None,), dtype=tf.float32, name=None))."
    with pytest.raises(TypeError) as info:
        f(tf.constant([1, 2]))
    assert str(info.value) == (
        "Binding inputs to tf.function failed due to `Can not cast TensorSpec(shape=(2,), "
        "dtype=tf.int32, name=None) "
        "to TensorSpec(shape=(None,), dtype=tf.float32, name=None)`. Received args: (<tf.Tensor: "
        "shape=(2,), "
        "dtype=int32, numpy=array([1, 2], dtype=int32)>,) and kwargs: {} " + signature
    )
    with pytest.raises(
        TypeError,
        match=r"failed due to `too many positional arguments`. Received args: "
        r"\(1.0, 2.0\) and kwargs: \{\}",
    ):
        f(1.0, 2.0)
    with pytest.raises(TypeError, match="failed due to `missing a required argument: 'x'`"):
        f()


def test_input_signature_on_a_method():
    class Model:
        @tf.function(input_signature=[tf.TensorSpec([], tf.float32)])
        def double(self, x):
            return x * 2

    assert Model().double(3).numpy() == 6.0


# Bad input_signatures and bindings get TF's TypeError (messages checked against TF 2.21).
BAD_FUNCTION_CALLS = [
    (lambda: tf.function(5), "5 is not a callable object"),
    (
        lambda: tf.function(lambda x, y: x, input_signature=[tf.TensorSpec([2])]),
        "input_signature missing type constraint for y",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=[tf.TensorSpec([2])] * 2),
        "input_signature contains 1 extra type constraints.",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=tf.TensorSpec([2])),
        "input_signature must be either a tuple or a list, got <class",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=[5]),
        "input_signature must be a possibly nested sequence of TensorSpec objects, got "
        "invalid args [5] with types [<class 'int'>].",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=[tf.TensorSpec([2])])(None),
        "Binding inputs to tf.function failed due to `Attempt to convert a value (None)",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=[(tf.TensorSpec([2]),) * 2])(
            (tf.ones([2]),)
        ),
        "Binding inputs to tf.function failed due to `Expected (<tf.Tensor: shape=(2,)",
    ),
    (
        lambda: tf.function(lambda x: x, input_signature=[{"a": tf.TensorSpec([2])}])(
            {"b": tf.ones([2])}
        ),
        "Binding inputs to tf.function failed due to `{'b': <tf.Tensor",
    ),
    (
        lambda: tf.function(lambda x: x)(tf.ones([2]), tf.ones([2])),
        "Binding inputs to tf.function failed due to `too many positional arguments`.",
    ),
    (
        lambda: tf.function(lambda x: x)(y=1),
        "Binding inputs to tf.function failed due to `missing a required argument: 'x'`.",
    ),
]


@pytest.mark.parametrize("call,start", BAD_FUNCTION_CALLS)
def test_bad_signatures_and_calls_raise_tfs_type_error(call, start):
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value).startswith(start)


def test_input_signature_skips_self_and_accepts_defaults():
    class Model:
        @tf.function(input_signature=[tf.TensorSpec([2])])
        def call(self, x, scale=2.0):
            return x * scale

    assert Model().call(tf.ones([2])).numpy().tolist() == [2.0, 2.0]


GRAPH_DTYPE_ERRORS = [
    ("lambda x: x + 1.5", "tf.constant(0)"),
    ("lambda x: tf.constant(1.5) * x", "tf.constant(0)"),
    ("lambda x: tf.matmul(x, tf.ones([1, 1]))", "tf.constant([[0]])"),
    ("lambda x: tf.while_loop(lambda i: i < 3, lambda i: i + 1.5, [x])", "tf.constant(0)"),
]


@pytest.mark.parametrize("source,argument", GRAPH_DTYPE_ERRORS)
def test_binary_dtype_mismatch_in_function_is_tfs_graph_type_error(source, argument):
    """In a tf.function TF's op builder, not the eager kernel, rejects a second input of
    another dtype: a TypeError naming the op's arguments."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        fn = module.function(eval(source, {"tf": module}))  # noqa: S307 - this file's sources
        with pytest.raises(TypeError) as info:
            fn(eval(argument, {"tf": module}))  # noqa: S307 - this file's sources
        return str(info.value)

    assert error(tf) == error(tf_real)


@pytest.mark.parametrize(
    "argument", ["tf.ones([2, 2], tf.int32)", "[[1, 2]]", "tf.constant([1, 2, 3])"]
)
def test_ragged_spec_signature_rejects_other_values_as_tf(argument):
    """A RaggedTensorSpec in ``input_signature`` compares its component specs' structure with
    a value that is not a RaggedTensor: TF's nest error inside the binding TypeError."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        spec = module.RaggedTensorSpec([2, None], module.int32)
        fn = module.function(lambda x: x, input_signature=[spec])
        with pytest.raises(TypeError) as info:
            fn(eval(argument, {"tf": module}))  # noqa: S307 - this file's sources
        return str(info.value)

    assert error(tf) == error(tf_real)


@pytest.mark.parametrize(
    "source,argument",
    [
        ("lambda: tf.constant([1, 2])[5]", None),
        ("lambda: tf.constant([1, 2])[-5]", None),
        ("lambda: tf.constant([[1, 2]])[0, 5]", None),
        ("lambda x: x[5]", "tf.constant([1.0, 2.0])"),
    ],
)
def test_index_out_of_bounds_in_function_is_tfs_shape_inference_error(source, argument):
    """In a tf.function an integer index out of bounds fails TF's graph shape inference: a
    ValueError quoting the StridedSlice node."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        fn = module.function(eval(source, {"tf": module}))  # noqa: S307 - this file's sources
        args = [] if argument is None else [eval(argument, {"tf": module})]  # noqa: S307
        with pytest.raises(ValueError) as info:
            fn(*args)
        return str(info.value)

    assert error(tf) == error(tf_real)


def test_ragged_arguments_bind_to_a_ragged_tensor_spec():
    signature = [tf.RaggedTensorSpec([None, None], tf.int32)]
    double = tf.function(lambda x: x * 2, input_signature=signature)
    with pytest.warns(RuntimeWarning, match="runs eagerly"):
        assert double(tf.ragged.constant([[1, 2], [3]])).to_list() == [[2, 4], [6]]
    assert double(tf.ragged.constant([[5], []])).to_list() == [[10], []]
    with pytest.raises(TypeError, match=r"Can not cast TensorSpec\(shape=\(1,\), dtype=tf.float32"):
        double(tf.ragged.constant([[1.5]]))
    with pytest.raises(TypeError, match="The two structures don't have the same nested"):
        double(tf.ragged.constant([[[1]]]))
