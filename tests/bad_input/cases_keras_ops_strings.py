"""Bad-input cases every public ``keras.ops`` function given a string array first.

What Keras' TensorFlow backend does with a string tensor depends on the first thing it does
with it (see ``torchkeras/keras/ops/_strings.py``), so every function (but those taking
callables) is called with ``np.array(['a', 'b'])`` as its first argument, and numeric arrays
for the other arguments it requires.  Same form as ``cases.py``: each case is an expression,
its value is the outcome.
"""

STRINGS = "np.array(['a', 'b'])"
NUMBERS = "np.ones((2,), np.float32)"

UNARY = (
    "abs absolute all amax amin any arange arccos arccosh arcsin arcsinh arctan arctanh "
    "argmax argmin argsort array average bincount cbrt ceil celu cholesky concatenate "
    "convert_to_numpy convert_to_tensor copy cos cosh count_nonzero cumprod cumsum deg2rad "
    "det diag diagflat diagonal diff dstack dtype eig eigh einsum elu empty empty_like erf "
    "erfinv exp exp2 expm1 eye fabs flip fliplr flipud floor gelu glu hard_shrink "
    "hard_sigmoid hard_silu hard_swish hard_tanh hstack identity inv is_tensor isfinite "
    "isinf isnan isneginf isposinf layer_normalization leaky_relu log log10 log1p log2 "
    "log_sigmoid log_softmax logdet logical_not logsumexp matrix_rank max mean median "
    "meshgrid min multi_hot nan_to_num nanmax nanmean nanmin nansum ndim negative nonzero "
    "norm normalize ones ones_like pinv prod ptp qr rad2deg ravel reciprocal relu relu6 "
    "rms_normalization rot90 round rsqrt selu shape sigmoid sign signbit silu sin sinc sinh "
    "size slogdet soft_shrink softmax softplus softsign sort sparse_plus sqrt square "
    "squareplus squeeze stack std stop_gradient sum svd swish tan tanh tanh_shrink trace "
    "transpose tri tril triu trunc unstack var vstack where zeros zeros_like "
).split()
"""Functions needing one argument (or none)."""

BINARY = (
    "add allclose append arctan2 array_split average_pool binary_crossentropy broadcast_to "
    "cast categorical_crossentropy conv conv_transpose cross depthwise_conv digitize divide "
    "divide_no_nan dot equal expand_dims floor_divide fmod full full_like greater "
    "greater_equal heaviside hsplit hypot inner isclose kron less less_equal linspace "
    "logaddexp logaddexp2 logical_and logical_or logical_xor logspace lstsq matmul max_pool "
    "maximum minimum mod moments multiply not_equal one_hot outer pad percentile power "
    "quantile repeat reshape roll saturate_cast searchsorted "
    "select solve solve_triangular sparse_categorical_crossentropy "
    "split subtract take take_along_axis tensordot tile top_k true_divide vdot vsplit "
).split()
"""Functions needing two arguments (not the ``segment_*`` ops: which their two bad dtypes
TF names first varies from run to run)."""

TERNARY = (
    "clip dot_product_attention in_top_k moveaxis scatter scatter_update separable_conv "
    "slice slice_update swapaxes threshold "
).split()
"""Functions needing three arguments."""

QUATERNARY = ["batch_normalization"]
"""Functions needing four arguments."""


def cases():
    """Every case as ``(source, None)``, in a stable order."""
    sources = []
    for count, names in enumerate((UNARY, BINARY, TERNARY, QUATERNARY)):
        arguments = ", ".join([STRINGS] + [NUMBERS] * count)
        sources.extend("keras.ops.%s(%s)" % (name, arguments) for name in names)
    return [(source, None) for source in sources]
