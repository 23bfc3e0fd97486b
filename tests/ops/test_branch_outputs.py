"""Branches of tf.cond / tf.switch_case in a traced tf.function: every branch traced, outputs
checked against each other with TF's errors (compared with real TF where importable)."""

import sys

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.ops.branch_outputs import SymbolicTensor, check_branch_outputs

# Each expression builds a function of x and the argument it is called with.
MISMATCHES = [
    ("lambda x: tf.cond(x, lambda: 1, lambda: 'a')", "tf.constant(True)"),
    ("lambda x: tf.cond(x, lambda: (1, 2), lambda: 3)", "tf.constant(True)"),
    ("lambda x: tf.cond(x, lambda: (1, 2), lambda: 3)", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: {'a': 1}, lambda: {'b': 1})", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: [1, 2], lambda: (1, 2))", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: [1, [2]], lambda: [1, 2])", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: 1, lambda: None)", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: None, lambda: 1)", "tf.constant(True)"),
    ("lambda x: tf.cond(x, lambda: [None], lambda: [1])", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: (1, None), lambda: (None, 1))", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: (None, 1), lambda: (1, None))", "tf.constant(True)"),
    ("lambda x: tf.cond(x, lambda: (1, 2.), lambda: (1., 2))", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: (None, 1, 2), lambda: (1, None, 2.))", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: x, lambda: tf.constant(1))", "tf.constant(False)"),
    (
        "lambda x: tf.cond(x, lambda: tf.ones([2, 3]), lambda: tf.zeros([2], tf.int32))",
        "tf.constant(True)",
    ),
    ("lambda x: tf.cond(x, lambda: np.float64(1), lambda: 2.)", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: 1, lambda: 'a', name='foo')", "tf.constant(False)"),
    (
        "lambda x: tf.cond(x, lambda: 1, lambda: 2) + tf.cond(x, lambda: 1, lambda: 'a')",
        "tf.constant(False)",
    ),
    ("lambda x: tf.switch_case(x, [lambda: 1, lambda: 'a'])", "tf.constant(0)"),
    ("lambda x: tf.switch_case(x, [lambda: 1, lambda: 2, lambda: (1, 2)])", "tf.constant(1)"),
    ("lambda x: tf.switch_case(x, [lambda: 1, lambda: 2, lambda: [3]])", "tf.constant(0)"),
    ("lambda x: tf.switch_case(x, [lambda: None, lambda: 1])", "tf.constant(0)"),
]

AGREEMENTS = [
    ("lambda x: tf.cond(x, lambda: tf.ones([2]), lambda: tf.ones([3]))", "tf.constant(True)"),
    (
        "lambda x: tf.cond(x, lambda: tf.constant([1.]), lambda: tf.constant(1.))",
        "tf.constant(False)",
    ),
    ("lambda x: tf.cond(x, lambda: 'a', lambda: b'b')", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: None, lambda: None)", "tf.constant(False)"),
    ("lambda x: tf.cond(x, lambda: (1, {'k': 2.}), lambda: (3, {'k': 4.}))", "tf.constant(False)"),
    ("lambda x: tf.switch_case(x, [lambda: x * 2, lambda: x * 3])", "tf.constant(1)"),
]


def _outcome(module, function_source, argument_source):
    scope = {"tf": module, "np": np}
    function = module.function(eval(function_source, scope))  # noqa: S307 - this file's code
    argument = eval(argument_source, scope)  # noqa: S307 - this file's code
    try:
        result = function(argument)
    except (TypeError, ValueError, AssertionError) as error:
        return type(error).__name__, _inner_message(str(error))
    return "ok", module.nest.map_structure(lambda t: None if t is None else t.numpy(), result)


def _inner_message(text):
    """TF's message without its ``in user code:`` frame listing (ours has none)."""
    if "in user code:" not in text:
        return text.strip()
    body = text.split("\n\n", 2)[-1]
    first, _, rest = body.partition(": ")
    assert first.strip().endswith(("Error", "Exception")), text
    lines = rest.split("\n")
    return "\n".join([lines[0]] + [line[4:] for line in lines[1:]]).strip()


@pytest.mark.filterwarnings("ignore:tf.function")
@pytest.mark.parametrize("source", MISMATCHES, ids=[m[0][10:60] for m in MISMATCHES])
def test_branch_mismatch_raises_tf_error(source):
    kind, message = _outcome(tf, *source)
    assert kind in ("TypeError", "ValueError", "AssertionError"), (kind, message)
    tf_real = pytest.importorskip("tensorflow")
    assert (kind, message) == _outcome(tf_real, *source)


@pytest.mark.filterwarnings("ignore:tf.function")
@pytest.mark.parametrize("source", AGREEMENTS, ids=[a[0][10:60] for a in AGREEMENTS])
def test_agreeing_branches_return_the_taken_one(source):
    kind, value = _outcome(tf, *source)
    assert kind == "ok", value
    tf_real = pytest.importorskip("tensorflow")
    real_kind, real_value = _outcome(tf_real, *source)
    assert real_kind == "ok"
    for mine, theirs in zip(tf.nest.flatten(value), tf.nest.flatten(real_value)):
        np.testing.assert_array_equal(mine, theirs)


def test_known_message_texts():
    function = tf.function(lambda x: tf.cond(x, lambda: 1, lambda: "a"))
    with pytest.raises(TypeError) as raised:
        function(tf.constant(True))
    assert str(raised.value) == (
        "true_fn and false_fn arguments to tf.cond must have the same number, type, and overall "
        "structure of return values.\n\n"
        'true_fn output: Tensor("cond/Identity:0", shape=(), dtype=int32)\n'
        'false_fn output: Tensor("cond/Identity:0", shape=(), dtype=string)\n\n'
        "Error details:\n"
        'Tensor("cond/Identity:0", shape=(), dtype=int32) and '
        'Tensor("cond/Identity:0", shape=(), dtype=string) have different types'
    )
    with pytest.raises(AssertionError, match=r"^\[2, 1\]$"):
        tf.function(lambda x: tf.cond(x, lambda: (1, 2), lambda: 3))(tf.constant(True))


def _side_effects(module, pred):
    """Python prints and variable writes of a traced tf.cond (TF traces both branches)."""
    printed = []
    v = module.Variable(0)

    def f(x):
        def then():
            printed.append("trace true")
            v.assign_add(1)
            return x + 1

        def otherwise():
            printed.append("trace false")
            v.assign_add(10)
            return x - 1

        return module.cond(x > 0, then, otherwise)

    result = module.function(f)(module.constant(pred))
    return printed, int(v.numpy()), int(result.numpy())


@pytest.mark.filterwarnings("ignore:tf.function")
@pytest.mark.parametrize("pred", [1, -1])
def test_both_branches_traced_only_the_taken_one_runs(pred):
    printed, value, result = _side_effects(tf, pred)
    assert printed == ["trace true", "trace false"]
    assert (value, result) == ((1, 2) if pred > 0 else (10, -2))
    tf_real = pytest.importorskip("tensorflow")
    assert (printed, value, result) == _side_effects(tf_real, pred)


@pytest.mark.filterwarnings("ignore:tf.function")
def test_tf_print_of_the_untaken_branch_prints_nothing(capsys):
    def f(x):
        return tf.cond(
            x,
            lambda: tf.print("taken", output_stream=sys.stdout) or x,
            lambda: tf.print("untaken", output_stream=sys.stdout) or x,
        )

    tf.function(f)(tf.constant(True))
    assert capsys.readouterr().out == "taken\n"


@pytest.mark.filterwarnings("ignore:tf.function")
def test_untaken_branch_that_cannot_run_on_fake_tensors_is_left_unchecked():
    def f(x):
        return tf.cond(x > 0, lambda: x, lambda: tf.constant(int(x.numpy())))

    assert int(tf.function(f)(tf.constant(3))) == 3
    v = tf.Variable(1.0)
    g = tf.function(lambda x: tf.cond(x, lambda: v * 2, lambda: tf.Variable(5.0) * 1))
    assert float(g(tf.constant(True))) == 2.0


def test_get_concrete_function_traces_both_branches():
    f = tf.function(lambda x: tf.cond(x, lambda: 1, lambda: 2))
    concrete = f.get_concrete_function(tf.TensorSpec([], tf.bool))
    assert concrete.structured_outputs.dtype == tf.int32
    g = tf.function(lambda x: tf.cond(x, lambda: 1, lambda: "a"))
    with pytest.raises(TypeError, match="true_fn and false_fn arguments to tf.cond"):
        g.get_concrete_function(tf.TensorSpec([], tf.bool))


def test_symbolic_tensor_prints_as_tf_graph_tensor():
    t = SymbolicTensor("cond/Identity:0", tf.TensorShape([2]), tf.float32)
    assert str(t) == 'Tensor("cond/Identity:0", shape=(2,), dtype=float32)'
    assert repr(t) == "<tf.Tensor 'cond/Identity:0' shape=(2,) dtype=float32>"


def test_unchecked_when_a_branch_was_not_traced():
    check_branch_outputs("cond", "cond", [(True, 1), (False, None)])
    with pytest.raises(AssertionError):
        check_branch_outputs("cond", "cond", [(True, 1), (True, (1, 2))])
