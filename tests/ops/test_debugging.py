"""tf.debugging assertions: TF's classes and messages (and against real TF)."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

X = tf.constant([1.0, 2.0])


def test_assert_equal_reports_the_differences():
    tf.debugging.assert_equal(X, X)
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.debugging.assert_equal(X, [1.0, 3.0], message="custom")
    assert str(info.value) == (
        "custom\nCondition x == y did not hold.\nIndices of first 1 different values:\n[[1]]\n"
        "Corresponding x values:\n[2.]\nCorresponding y values:\n[3.]\nFirst 2 elements of x:\n"
        "[1. 2.]\nFirst 2 elements of y:\n[1. 3.]"
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match="cannot compute Equal as input #1"):
        tf.debugging.assert_equal(X, 1)


def test_sign_and_order_asserts():
    tf.debugging.assert_positive(X)
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.debugging.assert_positive(X - 1, message="m")
    assert (
        str(info.value)
        == "m.  \nCondition x > 0 did not hold element-wise:\nx (shape=(2,) dtype=float32) = "
        "\n['0.0', '1.0']"
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match="Condition x < y did not hold"):
        tf.debugging.assert_less(X, 2.0)
    tf.debugging.assert_greater(X, 0.0)


def test_near_rank_numerics():
    tf.debugging.assert_near(X, X + 1e-7)
    with pytest.raises(tf.errors.InvalidArgumentError, match="x and y not equal to tolerance"):
        tf.debugging.assert_near(X, X + 1)
    with pytest.raises(
        ValueError, match=r"Tensor  must have rank 2.  Received rank 1, shape \(2,\)"
    ):
        tf.debugging.assert_rank(X, 2)
    assert tf.debugging.check_numerics(X, "ok") is X
    with pytest.raises(tf.errors.InvalidArgumentError, match="msg : Tensor had Inf and NaN values"):
        tf.debugging.check_numerics(tf.constant([1.0, np.inf, np.nan]), "msg")
    with pytest.raises(tf.errors.InvalidArgumentError, match="Tensor had Inf values"):
        tf.debugging.assert_all_finite(tf.constant([np.inf]), "msg")


def test_assert_shapes_symbols():
    tf.debugging.assert_shapes([(X, ("N",)), (tf.zeros([2, 3]), ("N", "D"))])
    with pytest.raises(ValueError, match="must have size 2.  Received size 3"):
        tf.debugging.assert_shapes([(X, ("N",)), (tf.zeros([3, 3]), ("N", "D"))])


CASES = [
    line
    for line in """
tf.debugging.assert_equal(x, x)
tf.debugging.assert_equal(x, [1., 3.])
tf.debugging.assert_equal(x, [1., 3.], message="custom")
tf.debugging.assert_equal(x, [1., 3.], summarize=1)
tf.debugging.assert_equal(x, [1., 2., 3.])
tf.debugging.assert_equal(x, 1)
tf.debugging.assert_equal(tf.constant([1,2]), tf.constant([1.,2.]))
tf.debugging.assert_equal(tf.range(10), tf.range(10)+1)
tf.debugging.assert_near(x, x+1e-7)
tf.debugging.assert_near(x, x+1)
tf.debugging.assert_near(x, x+1, rtol=0.1, atol=0.1, message="m")
tf.debugging.assert_near(tf.constant([1,2]), tf.constant([1,2]))
tf.debugging.assert_rank(x, 1)
tf.debugging.assert_rank(x, 2)
tf.debugging.assert_rank(x, 2, message="m")
tf.debugging.assert_rank(x, [1])
tf.debugging.check_numerics(x, "msg")
tf.debugging.check_numerics(tf.constant([1., np.nan]), "msg")
tf.debugging.check_numerics(tf.constant([1., np.inf, np.nan]), "msg")
tf.debugging.check_numerics(tf.constant([1, 2]), "msg")
tf.debugging.assert_all_finite(tf.constant([1., np.inf]), "msg")
tf.debugging.assert_positive(x)
tf.debugging.assert_positive(x-1)
tf.debugging.assert_positive(x-1, message="m")
tf.debugging.assert_non_negative(x-2)
tf.debugging.assert_negative(x)
tf.debugging.assert_non_positive(x)
tf.debugging.assert_less(x, 2.)
tf.debugging.assert_less(x, 3.)
tf.debugging.assert_less_equal(x, 1.)
tf.debugging.assert_greater(x, 1.)
tf.debugging.assert_greater_equal(x, 3.)
tf.debugging.assert_none_equal(x, 1.)
tf.debugging.assert_type(x, tf.int32)
tf.debugging.assert_shapes([(x, ('N',)), (tf.zeros([2,3]), ('N','D'))])
tf.debugging.assert_shapes([(x, ('N',)), (tf.zeros([3,3]), ('N','D'))])
tf.debugging.assert_shapes([(x, ('N','D'))])
tf.debugging.assert_integer(x)
tf.debugging.is_numeric_tensor(x)
tf.debugging.assert_equal(tf.zeros([0]), tf.zeros([0]))
tf.debugging.assert_rank_at_least(x, 2)
tf.debugging.assert_scalar(x)
tf.debugging.assert_less(tf.constant([1,2]), tf.constant([1.,2.]))
tf.debugging.assert_equal(tf.constant(["a"]), tf.constant(["b"]))
tf.debugging.assert_equal(tf.constant(1), 2)
tf.debugging.assert_equal(tf.reshape(tf.range(6),[2,3]), tf.zeros([2,3], tf.int32))
tf.debugging.assert_equal(tf.reshape(tf.range(6),[2,3]), 0)
tf.debugging.assert_equal(tf.reshape(tf.range(6),[2,3]), 0, summarize=10)
tf.debugging.assert_near(tf.range(10.), tf.range(10.)+1)
tf.debugging.assert_near(tf.range(10., dtype=tf.float64), tf.range(10., dtype=tf.float64)+1)
tf.debugging.assert_near(tf.range(10.), tf.range(10.)+1, summarize=2)
tf.debugging.assert_near(tf.reshape(tf.range(4.),[2,2]), 0.)
tf.debugging.assert_near(x, [1., 2., 3.])
tf.debugging.assert_positive(tf.range(10.)-1)
tf.debugging.assert_positive(tf.range(10)-1)
tf.debugging.assert_positive(tf.range(10)-1, summarize=2)
tf.debugging.assert_positive(tf.reshape(tf.range(4.),[2,2]))
tf.debugging.assert_positive(tf.constant(-1.))
tf.debugging.assert_less(tf.range(10), 5)
tf.debugging.assert_less(tf.range(10), [5,5])
tf.debugging.assert_less(tf.reshape(tf.range(6),[2,3]), 1)
tf.debugging.assert_rank(tf.constant(1.), 1)
tf.debugging.assert_rank(tf.constant(1.), tf.constant(1))
tf.debugging.assert_equal(x, x, message="m", summarize=2, name="n")
tf.debugging.assert_equal([1,2],[1,2])
tf.debugging.check_numerics(tf.constant([1., np.inf]), message="msg", name="n")
tf.debugging.assert_near(tf.constant([1.],tf.float64), tf.constant([1.],tf.float32))
tf.debugging.assert_positive(tf.constant([True]))
tf.debugging.assert_positive([1, -1])
tf.debugging.assert_positive(tf.constant([1., np.nan]))
tf.debugging.assert_shapes([(x, (3,))])
tf.debugging.assert_shapes([(x, (2,)), (tf.zeros([2,3]), (2, 'D'))])
tf.debugging.assert_shapes({x: ('N',)})
tf.debugging.assert_shapes([(x, ('N',)), (tf.zeros([2,3]), ('N', 4))])
tf.debugging.assert_shapes([(x, (None,))])
tf.debugging.assert_shapes([(x, ('.',))])
tf.debugging.assert_shapes([(tf.zeros([2,3,4]), ('...', 4))])
tf.debugging.assert_shapes([(tf.zeros([2,3,4]), ('*', 4))])
tf.debugging.assert_shapes([(x, (3,))], message="m")
tf.debugging.assert_type(x, tf.int32, message="m")
tf.debugging.assert_integer(x, message="m")
tf.debugging.assert_scalar(x, message="m")
tf.debugging.Assert(False, ["a", x])
tf.debugging.Assert(tf.constant(True), ["a", x])
tf.debugging.assert_rank_in(x, [2, 3])
tf.debugging.assert_equal(x, x, message="m")
tf.debugging.assert_equal(tf.constant([1.,np.nan]), tf.constant([1.,np.nan]))
tf.debugging.assert_near(tf.constant([1.,np.nan]), tf.constant([1.,np.nan]))
tf.debugging.assert_greater(tf.constant([[1,2],[3,4]]), tf.constant([[0,2],[3,5]]))
tf.debugging.check_numerics(tf.constant(np.inf), "m")
tf.debugging.assert_less([1,2], [2,3])
""".strip().split("\n")
    if line
]


@pytest.mark.parametrize("expression", CASES)
def test_debugging_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert_same(
        expression,
        run(tf_real, expression, {"x": tf_real.constant([1.0, 2.0])}),
        run(tf, expression, {"x": tf.constant([1.0, 2.0])}),
    )


def test_namespace_lists_only_tf_debugging_names():
    tf_real = pytest.importorskip("tensorflow")
    ours = {n for n in dir(tf.debugging) if not n.startswith("_")}
    assert ours <= set(dir(tf_real.debugging))
