"""``tf.math``: the elementwise, reduction and comparison ops TF lists under ``tf.math``."""
from .ops.math_ops import (  # noqa: F401
    abs, acos, acosh, add, add_n, angle, argmax, argmin, asin, asinh, atan, atan2, atanh, ceil,
    conj, cos, cosh, count_nonzero, cumprod, cumsum, cumulative_logsumexp, digamma, divide,
    divide_no_nan, equal, erf, erfc, erfinv, exp, expm1, floor, floordiv, floormod, greater,
    greater_equal, imag, is_finite, is_inf, is_nan, is_non_decreasing, is_strictly_increasing,
    l2_normalize, less, less_equal, lgamma, log, log1p, log_sigmoid, logical_and, logical_not,
    logical_or, logical_xor, maximum, minimum, mod, multiply, multiply_no_nan, negative,
    not_equal, pow, real, reciprocal, reciprocal_no_nan, reduce_all, reduce_any,
    reduce_euclidean_norm, reduce_logsumexp, reduce_max, reduce_mean, reduce_min, reduce_prod,
    reduce_std, reduce_sum, reduce_variance, rint, round, rsqrt, scalar_mul, segment_max,
    segment_mean, segment_min, segment_prod, segment_sum, sigmoid, sign, sin, sinh, softplus,
    softsign, sqrt, square, squared_difference, subtract, tan, tanh, top_k, truediv,
    unsorted_segment_max, unsorted_segment_mean, unsorted_segment_min, unsorted_segment_prod,
    unsorted_segment_sqrt_n, unsorted_segment_sum, xdivy, xlog1py, xlogy, zero_fraction,
)
from .ops.nn_ops import in_top_k, log_softmax, softmax  # noqa: F401
