"""torchkeras' math ops against real TensorFlow: values, dtypes, shapes, errors."""

import pytest

import torchkeras
from oracle_compare import assert_same, run

tf_real = pytest.importorskip("tensorflow")


def _env(tf):
    return {
        "f": tf.constant([[1.5, -2.0], [3.0, 0.5]]),
        "g": tf.constant([[0.25, 4.0], [-1.0, 2.0]]),
        "d": tf.constant([0.5, 1.5, 2.5, -0.5, -1.5], dtype=tf.float64),
        "i": tf.constant([[4, 9], [-3, 2]]),
        "j": tf.constant([[3, -2], [2, 5]]),
        "b": tf.constant([[True, False], [True, True]]),
        "s": tf.constant(["a", "b"]),
        "e": tf.zeros((0, 2)),
        "c": tf.constant([1 + 2j, -3 + 0j]),
        "u8": tf.constant([1, 200], dtype=tf.uint8),
        "i8": tf.constant([[1, -2], [3, 4]], dtype=tf.int8),
        "x3": tf.reshape(tf.range(24.0), (2, 3, 4)) - 11.0,
        "big": tf.constant([1.0, 5.0, 3.0, 5.0, -1.0]),
        "v": tf.Variable([[1.0, 2.0], [3.0, 4.0]]),
        "h": tf.constant([[1.0, 2.5], [-3.0, 4.0]], dtype=tf.float16),
        "bf": tf.constant([1.0, 2.5, -3.0], dtype=tf.bfloat16),
    }


UNARY = (
    "abs sign square sqrt rsqrt exp log log1p expm1 sin cos tan tanh sigmoid negative round "
    "floor ceil reciprocal erf erfc softplus softsign is_nan is_inf is_finite log_sigmoid asin "
    "acos atan "
    "sinh cosh asinh atanh lgamma digamma rint"
).split()
EXPRESSIONS = []
for _op in UNARY:
    EXPRESSIONS += ["tf.math.%s(f)" % _op, "tf.math.%s(i)" % _op, "tf.math.%s(b)" % _op]
EXPRESSIONS += [
    "tf.math.acosh(f + 3.)",
    "tf.math.round(d)",
    "tf.math.sign(c)",
    "tf.abs(c)",
    "tf.sqrt(2)",
    "tf.sqrt([1., 4.])",
    "tf.square(u8)",
    "tf.abs(i8)",
    "tf.math.exp(tf.constant(1., tf.float16))",
]

BINARY = (
    "add subtract multiply divide truediv floordiv floormod mod pow maximum minimum "
    "squared_difference "
    "divide_no_nan atan2 xlogy xdivy equal not_equal less less_equal greater greater_equal"
).split()
for _op in BINARY:
    EXPRESSIONS += [
        "tf.math.%s(f, g)" % _op,
        "tf.math.%s(i, j)" % _op,
        "tf.math.%s(b, b)" % _op,
        "tf.math.%s(i, 2.5)" % _op,
        "tf.math.%s(2.5, i)" % _op,
        "tf.math.%s(f, i)" % _op,
        "tf.math.%s(f, 2)" % _op,
        "tf.math.%s(f, [1., 2.])" % _op,
        "tf.math.%s(f, tf.ones((3,)))" % _op,
    ]
EXPRESSIONS += [
    "tf.add(1, 2)",
    "tf.add(1, 2.5)",
    "tf.add([1, 2], 2.5)",
    "tf.add(s, s)",
    "tf.add(i, np.array([2.5, 1.]))",
    "tf.add(np.array([1., 2.]), np.array([1., 2.]))",
    "tf.math.subtract(f, None)",
    "tf.divide(1, 2)",
    "tf.divide(i8, i8)",
    "tf.math.floordiv(i, 0)",
    "tf.math.floormod(i, 0)",
    "tf.pow(i, -1)",
    "tf.pow(2, 3)",
    "tf.math.multiply(i, True)",
    "tf.maximum(1, 2.5)",
    "tf.maximum(2.5, 1)",
    "tf.maximum([1, 2], [2.5, 1.])",
    "tf.math.divide_no_nan(f, tf.zeros((2, 2)))",
    "tf.math.divide_no_nan(1., 0.)",
    "tf.math.scalar_mul(2, f)",
    "tf.math.scalar_mul(2., i)",
    "tf.add_n([i, j, i])",
    "tf.add_n([i, f])",
    "tf.add_n([])",
    "tf.add_n([i])",
    "tf.add_n([1, 2])",
    "tf.add_n([i, tf.constant([1, 2, 3])])",
    "tf.add_n([b, b])",
    "tf.clip_by_value(f, 0, 1)",
    "tf.clip_by_value(i, 0, 3)",
    "tf.clip_by_value(i, 5., 8.)",
    "tf.clip_by_value(f, tf.constant([1., 2.]), 8)",
    "tf.clip_by_value(f, 8, 5)",
    "tf.clip_by_value(b, 0, 1)",
    "tf.equal(s, 'a')",
    "tf.equal(s, s)",
    "tf.not_equal(s, 'b')",
    "tf.equal(i, 'a')",
    "tf.equal(i, tf.ones((3,), tf.int32))",
    "tf.greater(1, 2)",
    "tf.less(s, s)",
    "tf.logical_and(b, tf.logical_not(b))",
    "tf.logical_and(b, False)",
    "tf.logical_and(i, i)",
    "tf.logical_not(i)",
    "tf.math.logical_xor(b, True)",
    "tf.logical_or([True], [False])",
    "tf.logical_and(b, 1)",
    "tf.math.logical_xor(i, j)",
    "tf.where(b)",
    "tf.where(i)",
    "tf.where(tf.constant([1.5, 0.]))",
    "tf.where(b, f, g)",
    "tf.where(b, 1., 2.)",
    "tf.where(b, f, i)",
    "tf.where(tf.constant([[True], [False]]), f, 0.)",
    "tf.where(b, f)",
    "tf.where(i, 1., 2.)",
    "tf.where([True, False, True], [1, 2, 3], [4, 5, 6])",
    "tf.where(tf.constant([True, False, True]), f, 0.)",
    "tf.where(tf.constant([True, False]), s, s)",
]

REDUCTIONS = (
    "reduce_sum reduce_mean reduce_max reduce_min reduce_prod reduce_std reduce_variance "
    "reduce_logsumexp reduce_euclidean_norm"
).split()
for _op in REDUCTIONS:
    for _args in (
        "f",
        "i",
        "b",
        "x3",
        "x3, axis=1",
        "x3, axis=-1, keepdims=True",
        "x3, axis=[0, 2]",
        "x3, axis=(0, -1)",
        "x3, axis=tf.constant([1, 0])",
        "x3, axis=tf.constant(2)",
        "x3, axis=3",
        "x3, axis=-4",
        "x3, axis=[0, -3]",
        "x3, axis=1.0",
        "x3, axis=[]",
        "x3, None, True",
        "e",
        "e, 1",
        "tf.constant(3.), 0",
        "u8",
        "i8",
        "[1, 2, 3]",
        "np.array([1., 2.])",
        "x3, np.int64(1)",
        "tf.constant([-1, -2])",
        "c",
        "s",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))
for _op in ("reduce_all", "reduce_any"):
    for _args in (
        "b",
        "b, 0",
        "b, axis=1, keepdims=True",
        "i",
        "f",
        "[True, False]",
        "b, []",
        "b, 2",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))
EXPRESSIONS += [
    "tf.math.count_nonzero(i)",
    "tf.math.count_nonzero(f, axis=1)",
    "tf.math.count_nonzero(b, keepdims=True)",
    "tf.math.count_nonzero(i, dtype=tf.int32)",
    "tf.reduce_min(tf.zeros((0,), tf.int32))",
    "tf.reduce_max(tf.constant([1., np.nan, 3.]))",
]

for _op in ("argmax", "argmin"):
    for _args in (
        "f",
        "f, 1",
        "f, axis=1, output_type=tf.int32",
        "i, -1",
        "f, 2",
        "f, output_type=tf.float32",
        "b",
        "tf.constant(3.)",
        "big",
        "f, axis=[1]",
        "f, axis=tf.constant(1)",
        "tf.zeros((0,))",
        "u8",
        "x3, 2",
        "s",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))

for _op in ("cumsum", "cumprod"):
    for _args in (
        "big",
        "f, axis=1, exclusive=True",
        "f, reverse=True",
        "f, axis=1, exclusive=True, reverse=True",
        "f, axis=2",
        "tf.constant(3.)",
        "[1, 2, 3]",
        "b",
        "f, axis=tf.constant(1)",
        "i8",
        "x3, -1, True",
        "e, 0, True",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))

EXPRESSIONS += [
    "tf.math.top_k(big, k=2)",
    "tf.math.top_k(f)",
    "tf.math.top_k(f, k=2)",
    "tf.math.top_k(f, k=3)",
    "tf.math.top_k(tf.constant(1.))",
    "tf.math.top_k(f, k=-1)",
    "tf.math.top_k(i, 2)",
    "tf.math.top_k(x3, 3)",
    "tf.math.top_k(b)",
    "tf.math.l2_normalize(f)",
    "tf.math.l2_normalize(f, axis=1)",
    "tf.math.l2_normalize(i)",
    "tf.math.l2_normalize(x3, [0, 2])",
    "tf.math.l2_normalize(tf.zeros((2,)))",
]

EXPRESSIONS += [
    "tf.truncatediv(i, j)",
    "tf.truncatediv(f, g)",
    "tf.truncatemod(i, j)",
    "tf.truncatemod(f, g)",
    "tf.truncatediv(b, b)",
    "tf.math.angle(f)",
    "tf.math.angle(c)",
    "tf.math.real(f)",
    "tf.math.real(c)",
    "tf.math.imag(f)",
    "tf.math.imag(c)",
    "tf.math.conj(i)",
    "tf.math.conj(c)",
    "tf.math.imag(i)",
    "tf.math.zero_fraction(f)",
    "tf.math.zero_fraction(i)",
    "tf.math.multiply_no_nan(tf.constant([np.inf, 2.]), tf.constant([0., 3.]))",
    "tf.math.reciprocal_no_nan(f - f)",
    "tf.math.xlog1py(f, g)",
    "tf.math.erfinv(tf.constant([0.5, -0.25]))",
    "tf.math.erfinv(i)",
    "tf.math.cumulative_logsumexp(big)",
    "tf.math.cumulative_logsumexp(f, axis=1, exclusive=True, reverse=True)",
    "tf.math.is_non_decreasing(f)",
    "tf.math.is_strictly_increasing([1, 2, 3])",
    "tf.math.is_non_decreasing(tf.constant(1.))",
]
EXPRESSIONS += [
    "tf.add(v, 1)",
    "tf.add(1, v)",
    "tf.multiply(v, f)",
    "tf.maximum(v, 2.5)",
    "tf.matmul(v, v)",
    "tf.matmul(v, f, transpose_b=True)",
    "tf.reduce_sum(v, axis=0)",
    "tf.reduce_mean(v)",
    "tf.math.sqrt(v)",
    "tf.where(v > 2., v, 0.)",
    "tf.argmax(v, 1)",
    "tf.equal(v, f)",
    "tf.add(v, i)",
    "tf.math.top_k(v)",
    "tf.cumsum(v)",
    "tf.norm(v)",
    "tf.clip_by_value(v, 1.5, 3.)",
    "tf.reduce_mean(h)",
    "tf.reduce_sum(h, 1)",
    "tf.math.reduce_std(h)",
    "tf.sqrt(tf.abs(h))",
    "tf.matmul(h, h)",
    "tf.reduce_max(bf)",
    "tf.reduce_mean(bf)",
    "tf.math.exp(bf)",
    "tf.add(h, 1)",
    "tf.argmax(h)",
    "tf.math.softplus(h)",
    "tf.reduce_sum([[1., 2.], [3., 4.]], axis=1)",
    "tf.matmul([[1., 2.]], [[3.], [4.]])",
    "tf.maximum([1., 5.], 3.)",
    "tf.reduce_sum(tf.constant(3.), keepdims=True)",
    "tf.reduce_mean(tf.constant(3), axis=[])",
    "tf.reduce_max(f, axis=None, keepdims=True)",
    "tf.add(f, None)",
    "tf.reduce_sum(None)",
    "tf.clip_by_value(tf.constant([1., 5.]), tf.constant([0., 2., 3.]), 4.)",
    "tf.clip_by_value(tf.constant([1., 5.]), 0., tf.constant([[4.], [3.]]))",
    "tf.clip_by_value(tf.constant([1., 5.]), tf.constant(0), tf.constant(3))",
    "tf.clip_by_value(tf.constant([1., 5.]), tf.constant(0), 3.)",
    "tf.clip_by_value(tf.constant([[1., 5.]]), [[0., 2.]], [[3., 4.]])",
    "tf.math.count_nonzero(tf.constant(['a', '']))",
    "tf.math.count_nonzero(tf.constant([0.5, 0.]), axis=[0], keepdims=True)",
    "tf.add(1, f)",
    "tf.add(np.float64(1), f)",
    "tf.add([1, 2], f)",
    "tf.math.subtract(1, v)",
    "tf.maximum(1, v)",
    "tf.matmul([[1]], tf.constant([[1.5]]))",
    "tf.matmul([[1, 2]], v)",
]
_SEG = "tf.constant([[1., 2.], [3., -4.], [5., 6.]]), "
for _op in ("segment_sum", "segment_mean", "segment_max", "segment_min", "segment_prod"):
    for _args in (
        "big, [0, 0, 2, 2, 3]",
        _SEG + "[0, 0, 2]",
        "tf.constant([7, -7, 5]), [0, 0, 2]",
        "big, [1, 0, 2, 2, 3]",
        "big, [0, 0]",
        "big, [0., 1., 1., 2., 2.]",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))
for _op in (
    "unsorted_segment_sum",
    "unsorted_segment_mean",
    "unsorted_segment_max",
    "unsorted_segment_min",
    "unsorted_segment_prod",
    "unsorted_segment_sqrt_n",
):
    for _args in (
        "big, [0, 2, 0, 3, 2], 4",
        _SEG + "[2, 0, 2], 3",
        "tf.constant([7, -7, 5]), [0, 2, 0], 4",
        "big, [0, 5, 0, 1, 1], 4",
        "big, [0, -1, 0, 1, 1], 2",
        "x3, [[0, 1, 0], [1, 1, 0]], 2",
    ):
        EXPRESSIONS.append("tf.math.%s(%s)" % (_op, _args))

MATMUL_EXPRESSIONS = [
    "tf.matmul(f, g)",
    "tf.matmul(f, g, transpose_a=True)",
    "tf.matmul(f, g, transpose_b=True)",
    "tf.matmul(f, g, adjoint_a=True, adjoint_b=True)",
    "tf.matmul(f, f[0])",
    "tf.matmul(f[0], f)",
    "tf.matmul(f, tf.ones((3, 2)))",
    "tf.matmul(x3, tf.ones((4, 2)))",
    "tf.matmul(x3, tf.ones((2, 4, 2)))",
    "tf.matmul(x3, tf.ones((3, 4, 2)))",
    "tf.matmul(x3, tf.ones((2, 3, 2)))",
    "tf.matmul(tf.ones((2, 1, 2, 3)), tf.ones((4, 3, 2)))",
    "tf.matmul(i, j)",
    "tf.matmul(f, i)",
    "tf.matmul(f, [[1., 0.], [0., 1.]])",
    "tf.matmul([[1, 2]], [[3], [4]])",
    "tf.matmul(f, g, transpose_a=True, adjoint_a=True)",
    "tf.matmul(b, b)",
    "tf.matmul(i8, i8)",
    "tf.matmul(i8, i8, output_type=tf.int32)",
    "tf.matmul(tf.constant([[1]]), [[2.5]])",
    "tf.matmul(c[None], c[:, None])",
    "tf.tensordot(f, g, axes=1)",
    "tf.tensordot(f, g, axes=[[1], [0]])",
    "tf.tensordot(f[0], g[0], axes=0)",
    "tf.tensordot(f, g, axes=2)",
    "tf.tensordot(f, g[0], axes=[1, 0])",
    "tf.tensordot(f, g, axes=3)",
    "tf.tensordot(x3, tf.ones((4, 3)), axes=[[2, 1], [0, 1]])",
    "tf.einsum('ij,jk->ik', f, g)",
    "tf.einsum('ij->', f)",
    "tf.einsum('ij,jk', f, g)",
    "tf.einsum('ij,jk->ik', f, i)",
    "tf.einsum('ij,jkl->ik', f, g)",
    "tf.einsum('bij,jk->bik', x3, tf.ones((3, 2)))",
    "tf.einsum('...j,j->...', x3, tf.ones((4,)))",
    "tf.einsum('ii', f)",
    "tf.einsum('i,j->ij', f[0], g[1])",
    "tf.norm(f)",
    "tf.norm(f, ord=1)",
    "tf.norm(f, ord=1, axis=[0, 1])",
    "tf.norm(f, ord='fro', axis=[0, 1])",
    "tf.norm(f, ord=np.inf, axis=[-2, -1])",
    "tf.norm(f, axis=1, keepdims=True)",
    "tf.norm(f[0], ord=np.inf)",
    "tf.norm(f, ord=2, axis=[0, 1])",
    "tf.norm(f, ord='euclidean')",
    "tf.norm(i)",
    "tf.norm(f, ord=3)",
    "tf.norm(f, ord=0.5)",
    "tf.norm(f, ord='fro')",
    "tf.norm(f, ord=3, axis=[0, 1])",
    "tf.norm(f, ord=-1)",
    "tf.norm(f, axis=[0, 1, 1])",
    "tf.norm(f, ord=0)",
    "tf.norm(f, ord='nuc', axis=[0, 1])",
    "tf.norm(f, axis=5)",
    "tf.norm(x3, axis=[2, 0])",
    "tf.norm(c)",
    "tf.norm(x3, keepdims=True)",
    "tf.norm(f, ord=1, axis=[1, 0])",
    "tf.norm(f, axis=[1])",
    "tf.norm(f, axis=(0, 1))",
    "tf.norm(f, axis=tf.constant([0, 1]))",
    "tf.norm(f, ord=np.inf)",
    "tf.norm(f, ord=1, axis=0)",
    "tf.norm(tf.constant([3, 4]), ord=1)",
    "tf.norm(i, ord=np.inf)",
    "tf.norm(i, ord=1, axis=[0, 1])",
    "tf.norm(i, ord=np.inf, axis=[0, 1])",
    "tf.norm(i, ord=3)",
    "tf.norm(i, ord=2, axis=[0, 1])",
    "tf.norm(i, ord=1, axis=1, keepdims=True)",
    "tf.norm(i, ord=np.inf, axis=[1, 0], keepdims=True)",
]


# TF lists its registered kernels in this message; torchkeras names the missing one only.
CLASS_ONLY = {"tf.math.reciprocal(i)"}


def _compare(expression, **kwargs):
    tf_outcome = run(tf_real, expression, _env(tf_real))
    tk_outcome = run(torchkeras, expression, _env(torchkeras))
    if "(h" in expression or ", h" in expression or "bf" in expression:  # half precision
        kwargs = dict(kwargs, rtol=1e-2, atol=1e-2)
    assert_same(
        expression, tf_outcome, tk_outcome, check_message=expression not in CLASS_ONLY, **kwargs
    )


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_math_op_matches_tf(expression):
    _compare(expression)


@pytest.mark.parametrize("expression", MATMUL_EXPRESSIONS)
def test_matmul_family_matches_tf(expression):
    _compare(expression, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("namespace", ["math", "nn", "linalg"])
def test_namespace_names_exist_in_tf(namespace):
    ours = getattr(torchkeras, namespace)
    names = [k for k in dir(ours) if not k.startswith("_") and callable(getattr(ours, k))]
    assert names and [k for k in names if not hasattr(getattr(tf_real, namespace), k)] == []


def test_top_level_names_exist_in_tf():
    from torchkeras.ops import linalg_ops, math_ops, nn_ops

    assert [
        k for k in math_ops.__all__ + nn_ops.__all__ + linalg_ops.__all__ if not hasattr(tf_real, k)
    ] == []
