"""tf.cond, tf.case, tf.switch_case, tf.while_loop and the graph-only helpers."""

import warnings

import pytest

import torchkeras as tf
from oracle_compare import assert_same, call


def _grad(tf, build):
    """The gradient of ``build(tf, x, v)`` with respect to a watched constant and a Variable."""
    x, v = tf.constant(2.0), tf.Variable(3.0)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = build(tf, x, v)
    return [tape.gradient(y, x), tape.gradient(y, v)]


def _while_ta(tf):
    ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
    i, ta = tf.while_loop(
        lambda i, t: i < 3, lambda i, t: (i + 1, t.write(i, tf.cast(i, tf.float32) * 2.0)), (0, ta)
    )
    return [i, ta.stack()]


def _rnn(tf):
    """An RNN written with while_loop and a TensorArray: the loss and its gradient."""
    w = tf.Variable([[0.5, -0.2], [0.1, 0.3]])
    xs = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])

    def body(i, h, ta):
        h = tf.tanh(tf.linalg.matvec(w, xs[i]) + h)
        return i + 1, h, ta.write(i, h)

    with tf.GradientTape() as tape:
        ta = tf.TensorArray(tf.float32, size=3)
        _, h, ta = tf.while_loop(lambda i, h, ta: i < 3, body, (0, tf.zeros([2]), ta))
        loss = tf.reduce_sum(ta.stack() ** 2) + tf.reduce_sum(h)
    return [loss, tape.gradient(loss, w)]


T = lambda tf: tf.constant(True)  # noqa: E731
F = lambda tf: tf.constant(False)  # noqa: E731

CASES = {
    "cond": lambda tf: tf.cond(tf.constant(2.0) > 1, lambda: 4.0 * 2, lambda: 3),
    "cond_python_pred": lambda tf: tf.cond(0, lambda: 1, lambda: tf.constant(2.0)),
    "cond_string_pred": lambda tf: tf.cond("", lambda: 1, lambda: 2),
    "cond_vector_pred": lambda tf: tf.cond(tf.constant([True, False]), lambda: 1, lambda: 2),
    "cond_1x1_pred": lambda tf: tf.cond(tf.constant([[True]]), lambda: 1, lambda: 2),
    "cond_none_pred": lambda tf: tf.cond(None, lambda: 1, lambda: 2),
    "cond_no_true_fn": lambda tf: tf.cond(True, None, lambda: 1),
    "cond_no_false_fn": lambda tf: tf.cond(True, lambda: 1),
    "cond_true_not_callable": lambda tf: tf.cond(True, 1, lambda: 1),
    "cond_false_not_callable": lambda tf: tf.cond(True, lambda: 1, 2),
    "cond_unchecked_structures": lambda tf: tf.cond(True, lambda: (1, 2), lambda: 3),
    "cond_single_tuple": lambda tf: tf.cond(True, lambda: (tf.constant(1),), lambda: (2,)),
    "cond_none": lambda tf: tf.cond(True, lambda: None, lambda: None),
    "case_first_true": lambda tf: tf.case(
        [(F(tf), lambda: 1), (T(tf), lambda: 2)], default=lambda: 3
    ),
    "case_default": lambda tf: tf.case([(F(tf), lambda: 1), (F(tf), lambda: 2)], default=lambda: 3),
    "case_no_default_none_true": lambda tf: tf.case([(F(tf), lambda: 1), (F(tf), lambda: 2)]),
    "case_no_default_last": lambda tf: tf.case([(F(tf), lambda: 1), (T(tf), lambda: 2)]),
    "case_two_true": lambda tf: tf.case([(T(tf), lambda: 1), (T(tf), lambda: 2)]),
    "case_exclusive": lambda tf: tf.case(
        [(T(tf), lambda: 1), (T(tf), lambda: 2)], default=lambda: 3, exclusive=True
    ),
    "case_exclusive_no_default": lambda tf: tf.case(
        [(T(tf), lambda: 1), (F(tf), lambda: 7), (T(tf), lambda: 2)], exclusive=True
    ),
    "case_exclusive_single": lambda tf: tf.case([(T(tf), lambda: 1)], exclusive=True),
    "case_exclusive_single_false": lambda tf: tf.case([(F(tf), lambda: 1)], exclusive=True),
    "case_python_pred": lambda tf: tf.case([(True, lambda: 1)], default=lambda: 3),
    "case_int_pred": lambda tf: tf.case([(tf.constant(1), lambda: 1)], default=lambda: 3),
    "case_not_callable": lambda tf: tf.case([(T(tf), 1)], default=lambda: 3),
    "case_not_pairs": lambda tf: tf.case(5, default=lambda: 3),
    "case_empty": lambda tf: tf.case([], default=lambda: 3),
    "case_unpacks": lambda tf: tf.case(
        [(T(tf), lambda: [tf.constant(2.0)])], default=lambda: [1.0]
    ),
    "case_strict": lambda tf: tf.case(
        [(T(tf), lambda: [tf.constant(2.0)])], default=lambda: [1.0], strict=True
    ),
    "case_variable_pred": lambda tf: tf.case([(tf.Variable(True), lambda: 1)], default=lambda: 3),
    "switch_case": lambda tf: tf.switch_case(tf.constant(1), [lambda: 1, lambda: 2]),
    "switch_case_out_of_range": lambda tf: tf.switch_case(tf.constant(7), [lambda: 1, lambda: 2]),
    "switch_case_negative": lambda tf: tf.switch_case(
        tf.constant(-1, tf.int64), [lambda: 1, lambda: 2], default=lambda: 9
    ),
    "switch_case_dict": lambda tf: tf.switch_case(tf.constant(0), {1: lambda: 1, 0: lambda: 2}),
    "switch_case_pairs": lambda tf: tf.switch_case(
        tf.constant(0), [(1, lambda: 1), (0, lambda: 2)]
    ),
    "switch_case_gap": lambda tf: tf.switch_case(tf.constant(0), {3: lambda: 1, 0: lambda: 2}),
    "switch_case_python_index": lambda tf: tf.switch_case(1, [lambda: 1]),
    "switch_case_float_index": lambda tf: tf.switch_case(tf.constant(1.0), [lambda: 1]),
    "switch_case_vector_index": lambda tf: tf.switch_case(tf.constant([1]), [lambda: 1]),
    "switch_case_empty": lambda tf: tf.switch_case(tf.constant(0), []),
    "switch_case_bad_key": lambda tf: tf.switch_case(tf.constant(0), {"a": lambda: 1}),
    "switch_case_not_callable": lambda tf: tf.switch_case(tf.constant(0), [(0, 1)]),
    "while": lambda tf: tf.while_loop(
        lambda i, s: i < 5, lambda i, s: (i + 1, s + i), (tf.constant(0), 0)
    ),
    "while_list": lambda tf: tf.while_loop(
        lambda i, s: i < 5, lambda i, s: [i + 1, s * 2.0], [0, 1.0]
    ),
    "while_single_tuple": lambda tf: tf.while_loop(lambda i: i < 10, lambda i: (i + 1,), (0,)),
    "while_body_returns_tensor": lambda tf: tf.while_loop(
        lambda i: i < 10, lambda i: i + 1, [tf.constant(0)]
    ),
    "while_not_list": lambda tf: tf.while_loop(lambda i: i < 10, lambda i: i + 1, tf.constant(0)),
    "while_empty": lambda tf: tf.while_loop(lambda: True, lambda: (), []),
    "while_nested": lambda tf: tf.while_loop(
        lambda p: p[0] < 4, lambda p: ((p[0] + 1, p[1] * 2.0),), [(0, 1.0)]
    ),
    "while_nested_mismatch": lambda tf: tf.while_loop(
        lambda i, s: i < 5, lambda i, s: (i + 1, (s, s)), (tf.constant(0), 0)
    ),
    "while_count_mismatch": lambda tf: tf.while_loop(
        lambda i, s: i < 5, lambda i, s: (i + 1,), (tf.constant(0), 0)
    ),
    "while_dict_body": lambda tf: tf.while_loop(
        lambda p: p["a"] < 5,
        lambda p: {"a": p["a"] + 1, "b": p["b"]},
        [{"a": tf.constant(0), "b": 1.0}],
    ),
    "while_shape_change": lambda tf: tf.while_loop(
        lambda x: tf.shape(x)[0] < 4, lambda x: (tf.concat([x, x], 0),), [tf.ones([1])]
    ),
    "while_shape_invariants": lambda tf: tf.while_loop(
        lambda x: tf.shape(x)[0] < 4,
        lambda x: (tf.concat([x, x], 0),),
        [tf.ones([1])],
        shape_invariants=[tf.TensorShape([None])],
    ),
    "while_maximum_iterations": lambda tf: tf.while_loop(
        lambda i, j: i < 10, lambda i, j: (i + 1, j), (0, 2), maximum_iterations=tf.constant(3)
    ),
    "while_maximum_iterations_list": lambda tf: tf.while_loop(
        lambda i, j: i < 10, lambda i, j: (i + 1, j), [0, 2], maximum_iterations=3
    ),
    "while_maximum_iterations_vector": lambda tf: tf.while_loop(
        lambda i: i < 10, lambda i: (i + 1,), [0], maximum_iterations=[3]
    ),
    "while_maximum_iterations_negative": lambda tf: tf.while_loop(
        lambda i: i < 10, lambda i: (i + 1,), (0,), maximum_iterations=-1
    ),
    "while_cond_not_callable": lambda tf: tf.while_loop(1, lambda i: i, [0]),
    "while_body_not_callable": lambda tf: tf.while_loop(lambda i: i < 3, 1, [0]),
    "while_parallel_iterations": lambda tf: tf.while_loop(
        lambda i: i < 3, lambda i: (i + 1,), [0], parallel_iterations=0
    ),
    "while_vector_cond": lambda tf: tf.while_loop(
        lambda x: x < 4, lambda x: (x + 1,), [tf.constant([0, 1])]
    ),
    "while_none_var": lambda tf: tf.while_loop(
        lambda x, n: x < 4, lambda x, n: (x + 1, n), [0, None]
    ),
    "while_string_var": lambda tf: tf.while_loop(
        lambda x, n: x < 4, lambda x, n: (x + 1, n), [0, "a"]
    ),
    "while_variable_var": lambda tf: tf.while_loop(
        lambda y: y < 10, lambda y: (y * 2,), (tf.Variable(2.0),)
    ),
    "while_flags": lambda tf: tf.while_loop(
        lambda x: x < 3, lambda x: (x + 1,), [0], swap_memory=True, parallel_iterations=1
    ),
    "while_tensor_array": _while_ta,
    "grad_while_tensor_array_rnn": _rnn,
    "grad_cond": lambda tf: _grad(tf, lambda tf, x, v: tf.cond(x > 1, lambda: x * v, lambda: x)),
    "grad_case": lambda tf: _grad(
        tf, lambda tf, x, v: tf.case([(v > 5, lambda: v), (x > 1, lambda: v * x * 4.0)])
    ),
    "grad_switch_case": lambda tf: _grad(
        tf, lambda tf, x, v: tf.switch_case(tf.constant(1), [lambda: v, lambda: v * x * 3.0])
    ),
    "grad_while": lambda tf: _grad(
        tf,
        lambda tf, x, v: tf.while_loop(
            lambda i, y: i < 3, lambda i, y: (i + 1, y * x + v), (0, tf.constant(1.0))
        )[1],
    ),
    "grad_while_maximum_iterations": lambda tf: _grad(
        tf,
        lambda tf, x, v: tf.while_loop(
            lambda y: y < 1000.0, lambda y: (y * x * v,), (tf.constant(1.0),), maximum_iterations=2
        )[0],
    ),
    "case_entry_tensor": lambda tf: tf.case([tf.constant(True)], default=lambda: 2),
    "control_dependencies": lambda tf: tf.control_dependencies([tf.constant(1)]).__enter__(),
    "control_dependencies_none": lambda tf: tf.control_dependencies(None).__enter__(),
    "control_dependencies_int": lambda tf: tf.control_dependencies(1),
    "group": lambda tf: tf.group(tf.constant(1), [tf.constant(2)], name="g"),
    "tuple": lambda tf: tf.tuple([tf.constant(1), None, 2.0]),
    "tuple_of_tuple": lambda tf: tf.tuple((tf.constant(1),), control_inputs=[tf.constant(3)]),
    "no_op": lambda tf: tf.no_op(name="x"),
    "executing_eagerly": lambda tf: tf.executing_eagerly(),
    "init_scope": lambda tf: tf.init_scope().__enter__(),
    "identity_n": lambda tf: tf.identity_n([tf.constant(1), 2.0, tf.Variable([1.0, 2.0])]),
    "identity_n_rows": lambda tf: tf.identity_n(tf.constant([1, 2])),
    "identity_n_empty": lambda tf: tf.identity_n([]),
    "get_static_value_variable": lambda tf: tf.get_static_value(tf.Variable([1.0])),
    "get_static_value_tensor": lambda tf: tf.get_static_value(tf.constant([1, 2])).tolist(),
    "get_static_value_python": lambda tf: tf.get_static_value([1, 2]),
    "nest_flatten_variables": lambda tf: [
        type(leaf).__name__ in ("Variable", "ResourceVariable")
        for leaf in tf.nest.flatten({"a": tf.Variable(1.0), "b": [tf.Variable([1.0, 2.0]), 1]})
    ],
    "nest_variable_is_leaf": lambda tf: tf.nest.is_nested(tf.Variable([1.0, 2.0])),
}


@pytest.mark.parametrize("case_name", sorted(CASES))
def test_matches_tf(case_name):
    tf_real = pytest.importorskip("tensorflow")
    fn = CASES[case_name]
    assert_same(case_name, call(tf_real, fn), call(tf, fn))


# TF-independent expectations.


def test_cond_runs_only_the_chosen_branch():
    calls = []
    result = tf.cond(
        tf.constant(False), lambda: calls.append("t") or 1, lambda: calls.append("f") or 2
    )
    assert (result, calls) == (2, ["f"])


def test_case_without_match_raises_tf_assert():
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.case([(tf.constant(False), lambda: 1)])
    assert str(info.value) == (
        "Expected 'tf.Tensor(False, shape=(), dtype=bool)' to be true. Summarized data: "
        "b'Input error: None of conditions evaluated as True:'\nFalse"
    )


def test_switch_case_clamps_to_last_branch():
    assert tf.switch_case(tf.constant(5), [lambda: "a", lambda: "b"]) == "b"
    assert tf.switch_case(tf.constant(-3), [lambda: "a"], default=lambda: "d") == "d"


def test_while_loop_returns_tensors_in_loop_vars_structure():
    i, (a, b) = tf.while_loop(
        lambda i, p: i < 3, lambda i, p: (i + 1, (p[0] + 1, p[1])), (0, (1, 2.0))
    )
    assert [t.numpy().tolist() for t in (i, a, b)] == [3, 4, 2.0]
    assert (i.dtype, a.dtype, b.dtype) == (tf.int32, tf.int32, tf.float32)


def test_while_loop_maximum_iterations_and_structure_error():
    (x,) = tf.while_loop(lambda x: x < 100, lambda x: (x * 2,), (1,), maximum_iterations=3)
    assert int(x) == 8
    with pytest.raises(ValueError, match="don't have the same number of elements"):
        tf.while_loop(lambda a, b: a < 3, lambda a, b: (a + 1,), (0, 0))


def test_while_loop_gradient():
    x = tf.constant(2.0)
    with tf.GradientTape() as tape:
        tape.watch(x)
        _, y = tf.while_loop(lambda i, y: i < 3, lambda i, y: (i + 1, y * x), (0, tf.constant(1.0)))
    assert float(tape.gradient(y, x)) == pytest.approx(12.0)


def test_graph_only_helpers_are_eager_no_ops():
    ran = []
    with tf.control_dependencies([lambda: ran.append(1), tf.constant(1)]) as scope:
        assert scope is None
    assert ran == [1]
    assert tf.group(tf.constant(1)) is None and tf.no_op() is None
    values = [tf.constant(1)]
    assert tf.tuple(values) is values
    with tf.init_scope() as scope:
        assert scope is None and tf.executing_eagerly()


def test_nest_treats_variables_as_leaves():
    v = tf.Variable([1.0, 2.0])
    assert tf.nest.flatten([v, {"k": v}]) == [v, v] or all(
        leaf is v for leaf in tf.nest.flatten([v, {"k": v}])
    )
    assert not tf.nest.is_nested(v)
    assert tf.get_static_value(v) is None


FUNCTION_COND_ERRORS = [
    ("lambda x: tf.cond(x, lambda: 1, lambda: 2)", "tf.constant([True, False])"),
    ("lambda x: tf.cond(x, lambda: 1, lambda: 2)", "tf.constant([[True, False]])"),
    ("lambda x: tf.cond(x, lambda: 1, lambda: 2)", "tf.constant(1.5)"),
    ("lambda: tf.cond(True, lambda: 1, lambda: 2)", None),
]


@pytest.mark.parametrize("source,argument", FUNCTION_COND_ERRORS)
def test_cond_predicate_errors_in_function_match_tf(source, argument):
    """In a tf.function TF's graph ``Switch`` checks the predicate (a bool of one element,
    not a Python bool)."""
    tf_real = pytest.importorskip("tensorflow")

    def error(module):
        fn = module.function(eval(source, {"tf": module}))  # noqa: S307 - this file's sources
        args = [] if argument is None else [eval(argument, {"tf": module})]  # noqa: S307
        try:
            fn(*args)
        except Exception as caught:  # noqa: BLE001 - the error is the result
            return type(caught).__name__, str(caught).split("}} ", 1)[-1].split(" [Op:")[0]
        return None

    assert error(tf) == error(tf_real)


def test_cond_single_element_predicate_in_function():
    fn = tf.function(lambda x: tf.cond(x, lambda: 1, lambda: 2))
    with pytest.warns(RuntimeWarning, match="runs eagerly"):
        assert int(fn(tf.constant([[False]]))) == 2


FUNCTION_WHILE_SHAPES = [
    "lambda x: tf.while_loop(lambda v: tf.size(v) < 3, lambda v: tf.concat([v, [1]], 0), [x])",
    "lambda x: tf.while_loop(lambda i, v: i < 3, lambda i, v: (i + 1, tf.concat([v, [1]], 0)), "
    "[0, x])",
    "lambda x: tf.while_loop(lambda v: tf.size(v) < 3, lambda v: [tf.concat([v, [1]], 0)], [x], "
    "maximum_iterations=5)",
    "lambda x: tf.while_loop(lambda v: tf.size(v) < 3, lambda v: [tf.concat([v, [1]], 0)], [x], "
    "shape_invariants=[tf.TensorShape([None])])",
]


@pytest.mark.parametrize("source", FUNCTION_WHILE_SHAPES)
def test_while_loop_shape_invariants_in_function_match_tf(source):
    """In a tf.function TF's graph loop packs a lone loop variable and checks the shapes
    after one iteration against ``shape_invariants`` (by default the shapes on entry)."""
    tf_real = pytest.importorskip("tensorflow")

    def outcome(module):
        fn = module.function(eval(source, {"tf": module}))  # noqa: S307 - this file's sources
        try:
            return [t.numpy().tolist() for t in module.nest.flatten(fn(module.constant([1])))]
        except ValueError as error:
            return str(error)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert outcome(tf) == outcome(tf_real)
