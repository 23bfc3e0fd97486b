"""``tf.math`` and the math ops TF has at top level: re-exports of the op modules.

The ops live in modules with one job each: ``elementwise_ops`` (unary, binary,
division and complex-part ops), ``comparison_ops`` (comparisons, logical ops,
``where``), ``reduction_ops`` (``reduce_*``, ``argmax``, ``top_k``), ``scan_ops``
(``cumsum`` ...), ``segment_ops``, ``matmul_ops`` (``matmul``, ``tensordot``,
``einsum``) and ``norm_ops``; ``op_defs`` holds TF's op definitions and the
error texts built on them, ``op_inputs`` the operand conversion rules.

``__all__`` lists the names TF has at top level (``tf.add``, ``tf.reduce_sum``);
the rest (``tf.math.log``, ``tf.math.reduce_std`` ...) are reached through
``torchkeras.math``, as in TF.
"""
from __future__ import annotations

from .elementwise_ops import (  # noqa: F401
    abs, acos, acosh, add, add_n, angle, asin, asinh, atan, atan2, atanh, ceil, clip_by_value,
    conj, cos, cosh, digamma, divide, divide_no_nan, erf, erfc, erfinv, exp, expm1, floor,
    floordiv, floormod, imag, is_finite, is_inf, is_nan, lgamma, log, log1p, log_sigmoid,
    maximum, minimum, mod, multiply, multiply_no_nan, negative, pow, real, realdiv, reciprocal,
    reciprocal_no_nan, rint, round, rsqrt, scalar_mul, sigmoid, sign, sin, sinh, softplus,
    softsign, sqrt, square, squared_difference, subtract, tan, tanh, truediv, truncatediv,
    truncatemod, xdivy, xlog1py, xlogy,
)
from .comparison_ops import (  # noqa: F401
    equal, greater, greater_equal, is_non_decreasing, is_strictly_increasing, less, less_equal,
    logical_and, logical_not, logical_or, logical_xor, not_equal, where,
)
from .reduction_ops import (  # noqa: F401
    argmax, argmin, count_nonzero, reduce_all, reduce_any, reduce_euclidean_norm,
    reduce_logsumexp, reduce_max, reduce_mean, reduce_min, reduce_prod, reduce_std, reduce_sum,
    reduce_variance, top_k, TopKV2, zero_fraction,
)
from .scan_ops import cumprod, cumsum, cumulative_logsumexp  # noqa: F401
from .segment_ops import (  # noqa: F401
    segment_max, segment_mean, segment_min, segment_prod, segment_sum, unsorted_segment_max,
    unsorted_segment_mean, unsorted_segment_min, unsorted_segment_prod, unsorted_segment_sqrt_n,
    unsorted_segment_sum,
)
from .matmul_ops import einsum, matmul, tensordot  # noqa: F401
from .norm_ops import l2_normalize, norm  # noqa: F401

__all__ = [
    "abs", "acos", "acosh", "add", "add_n", "argmax", "argmin", "asin", "asinh",
    "atan", "atan2", "atanh", "clip_by_value", "cos", "cosh", "cumsum", "divide",
    "einsum", "equal", "exp", "floor", "greater", "greater_equal", "less",
    "less_equal", "logical_and", "logical_not", "logical_or", "matmul", "maximum",
    "minimum", "multiply", "negative", "norm", "not_equal", "pow", "realdiv",
    "reduce_all", "reduce_any", "reduce_logsumexp", "reduce_max", "reduce_mean",
    "reduce_min", "reduce_prod", "reduce_sum", "round", "scalar_mul", "sigmoid",
    "sign", "sin", "sinh", "sqrt", "square", "subtract", "tan", "tanh",
    "tensordot", "truediv", "truncatediv", "truncatemod", "where",
]
