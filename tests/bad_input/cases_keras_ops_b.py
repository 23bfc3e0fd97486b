"""Bad-input cases of ``keras.ops``, the second half of its names (``logaddexp`` to the end).

Every op is called with the argument sets of a small fuzz (arrays where axes are expected,
negative, huge or float axes, ``None``, strings, empty arrays, mismatched shapes), then with
a few op-specific ones.  Arrays are NumPy expressions so both implementations get the same
input.  Same form as ``cases.py``: each case is an expression, its value is the outcome.
"""

A2 = "np.ones((2, 3), np.float32)"
B3 = "np.ones((3, 2, 2), np.float32)"
IDX = "np.array([0, 5])"
EMPTY = "np.ones((0, 3))"
VEC = "np.ones((3,), np.float32)"
SQ = "np.ones((3, 3), np.float32)"
IMG = "np.ones((1, 4, 4, 1), np.float32)"

FUZZ_ARGS = [
    A2,
    "%s, %s" % (A2, B3),
    "%s, %s" % (A2, IDX),
    "%s, 5" % B3,
    "%s, -4" % A2,
    "%s, 1.5" % A2,
    "%s, 'x'" % A2,
    EMPTY,
    "%s, None, 7" % A2,
]
"""The fuzz's argument sets, tried on every op."""

OPS = (
    "logaddexp logaddexp2 logdet logical_and logical_not logical_or logical_xor logspace "
    "logsumexp lstsq matmul matrix_rank max max_pool maximum mean median meshgrid min "
    "minimum mod moments moveaxis multi_hot multiply nan_to_num nanmax nanmean nanmin nansum "
    "ndim negative nonzero norm normalize not_equal one_hot ones ones_like outer pad "
    "percentile pinv power prod ptp qr quantile rad2deg ravel reciprocal relu relu6 repeat "
    "reshape rms_normalization roll rot90 round rsqrt saturate_cast scatter scatter_update "
    "searchsorted segment_max segment_min segment_prod segment_sum select selu separable_conv "
    "shape sigmoid sign signbit silu sin sinc sinh size slice slice_update slogdet "
    "soft_shrink softmax softplus softsign sparse_categorical_crossentropy sparse_plus split "
    "solve solve_triangular sort sqrt square squareplus squeeze stack std stop_gradient subtract "
    "sum svd swapaxes swish take take_along_axis tan "
    "tanh tanh_shrink tensordot threshold tile top_k trace transpose tri tril triu "
    "true_divide trunc unstack var vdot vsplit vstack where zeros zeros_like"
).split()
"""The ops the fuzz argument sets are tried on (the control-flow ops get their own cases)."""

UNARY = (
    "logical_not negative rad2deg reciprocal relu relu6 round rsqrt selu sigmoid sign "
    "signbit silu sin sinc sinh soft_shrink softplus softsign sparse_plus sqrt square "
    "squareplus stop_gradient tan tanh tanh_shrink trunc ravel ndim shape size nan_to_num "
    "nonzero zeros_like ones_like logdet slogdet pinv svd matrix_rank qr"
).split()
UNARY_ARGS = ["None", "np.array(['a', 'b'])", "[[1., 2.], [3.]]", VEC]

BINARY = (
    "logaddexp logaddexp2 logical_and logical_or logical_xor maximum minimum mod multiply "
    "not_equal power subtract true_divide outer vdot matmul"
).split()
BINARY_ARGS = [
    "%s, None" % A2,
    "%s, np.ones((2, 2), np.float32)" % A2,
    "%s, np.ones((0, 3))" % A2,
    "%s, np.array(['a'])" % A2,
]

REDUCE = (
    "logsumexp max mean median min nanmax nanmean nanmin nansum prod ptp std sum var norm "
    "softmax sort"
).split()
REDUCE_ARGS = [
    "%s, axis=5" % A2,
    "%s, axis=-3" % A2,
    "%s, axis=1.5" % A2,
    "%s, axis=(1, 1)" % A2,
    "%s, axis=(0, 5)" % A2,
    "%s, axis='x'" % A2,
    "%s, axis=np.array([0, 1])" % A2,
    "np.ones((0, 3), np.float32), axis=0",
]

SPECIFIC = {
    "logspace": ["0, 1, -1", "0, 1, 1.5", "0, 1, 'x'", "0, 1, None", "0, 1, 3, base='x'"],
    "lstsq": [
        "%s, %s" % (A2, VEC),
        "%s, %s" % (VEC, VEC),
        "%s, np.ones((2,), np.float32), rcond='x'" % A2,
        "None, %s" % VEC,
    ],
    "moments": ["%s, axes=5" % A2, "%s, axes=(1, 1)" % A2, "%s, axes=1.5" % A2, "None, axes=0"],
    "max_pool": [
        "%s, 5" % IMG,
        "%s, 0" % IMG,
        "%s, -1" % IMG,
        "%s, 2, padding='bad'" % IMG,
        "%s, 2" % A2,
        "%s, 1.5" % IMG,
        "%s, 2, strides=0" % IMG,
        "%s, 2, data_format='bad'" % IMG,
    ],
    "meshgrid": ["%s, %s, indexing='bad'" % (VEC, VEC), "%s, None" % VEC, "%s, 'x'" % VEC],
    "moveaxis": [
        "%s, 0, 5" % A2,
        "%s, 0, -4" % A2,
        "%s, (0, 0), (1, 0)" % A2,
        "%s, (0, 1), 0" % A2,
        "%s, 1.5, 0" % A2,
        "%s, 'x', 0" % A2,
    ],
    "multi_hot": [
        "%s, 3" % IDX,
        "%s, -1" % IDX,
        "%s, 0" % IDX,
        "%s, 3" % A2,
        "%s, 3, axis=5" % IDX,
        "%s, 1.5" % IDX,
    ],
    "one_hot": [
        "%s, 3" % IDX,
        "%s, -1" % IDX,
        "%s, 0" % IDX,
        "%s, 3" % A2,
        "%s, 3, axis=5" % IDX,
        "%s, 1.5" % IDX,
    ],
    "normalize": [
        "%s, axis=5" % A2,
        "%s, order=0" % A2,
        "%s, order=-1" % A2,
        "%s, order='x'" % A2,
        "%s, axis=1.5" % A2,
    ],
    "ones": ["(-1, 2)", "(2.5,)", "'x'", "None", "(2,), dtype='bad'"],
    "zeros": ["(-1, 2)", "(2.5,)", "'x'", "None", "(2,), dtype='bad'"],
    "pad": [
        "%s, ((1, 1),)" % A2,
        "%s, -1" % A2,
        "%s, ((1, 1), (1, 1), (1, 1))" % A2,
        "%s, 1, mode='bad'" % A2,
        "%s, 5, mode='reflect'" % A2,
        "%s, 1, mode='symmetric', constant_values=1" % A2,
        "%s, 1.5" % A2,
    ],
    "quantile": [
        "%s, 1.5" % A2,
        "%s, -0.1" % A2,
        "%s, 0.5, method='bad'" % A2,
        "%s, 0.5, axis=5" % A2,
        "%s, 'x'" % A2,
        "%s, 0.5, axis=(0, 0)" % A2,
    ],
    "percentile": [
        "%s, 150" % A2,
        "%s, -1" % A2,
        "%s, 50, method='bad'" % A2,
        "%s, 50, axis=5" % A2,
        "%s, 'x'" % A2,
    ],
    "repeat": [
        "%s, -1" % A2,
        "%s, 2, axis=5" % A2,
        "%s, np.array([1, 2]), axis=1" % A2,
        "%s, np.array([1, -2]), axis=0" % A2,
        "%s, None" % A2,
    ],
    "reshape": [
        "%s, (4, 2)" % A2,
        "%s, (-1, -1)" % A2,
        "%s, (-2, 3)" % A2,
        "%s, (2.5, 3)" % A2,
        "%s, None" % A2,
    ],
    "rms_normalization": ["%s, axis=5" % A2, "%s, scale=np.ones((2,))" % A2, "None"],
    "roll": [
        "%s, 1, axis=5" % A2,
        "%s, (1, 2), axis=0" % A2,
        "%s, 1, axis=(0, 0)" % A2,
        "%s, None" % A2,
    ],
    "rot90": [
        VEC,
        "%s, axes=(0, 0)" % A2,
        "%s, axes=(0, 5)" % A2,
        "%s, k=1.5" % A2,
        "%s, axes=(0,)" % A2,
    ],
    "saturate_cast": ["%s, 'bad'" % A2, "%s, None" % A2, "%s, 'string'" % A2],
    "scatter": [
        "np.array([[5]]), np.ones((1,)), (2,)",
        "np.array([[0]]), np.ones((2,)), (2,)",
        "np.array([[0]]), np.ones((1,)), (-1,)",
        "np.array([[0.5]]), np.ones((1,)), (2,)",
        "np.array([[0, 0, 0]]), np.ones((1,)), (2, 2)",
    ],
    "scatter_update": [
        "%s, np.array([[5, 0]]), np.ones((1,), np.float32)" % A2,
        "%s, np.array([[0, 0]]), np.ones((2,), np.float32)" % A2,
        "%s, np.array([[0.5, 0]]), np.ones((1,), np.float32)" % A2,
        "%s, np.array([[0, 0, 0]]), np.ones((1,), np.float32)" % A2,
    ],
    "searchsorted": [
        "%s, %s" % (A2, VEC),
        "%s, %s, side='bad'" % (VEC, VEC),
        "%s, None" % VEC,
        "%s, np.ones((3,), np.int32)" % VEC,
    ],
    "select": [
        "[np.array([True, False])], [%s]" % A2,
        "[np.array([True, False, True])], []",
        "[], []",
        "[np.array([1, 0, 1])], [%s]" % VEC,
    ],
    "separable_conv": [
        "np.ones((1, 5, 5, 2), np.float32), np.ones((3, 3, 3, 1), np.float32), "
        "np.ones((1, 1, 3, 4), np.float32)",
        "np.ones((1, 5, 5, 2), np.float32), np.ones((3, 3, 2, 1), np.float32), "
        "np.ones((1, 1, 3, 4), np.float32)",
        "np.ones((1, 5, 5, 2), np.float32), np.ones((3, 3, 2, 1), np.float32), "
        "np.ones((1, 1, 2, 4), np.float32), strides=0",
        "np.ones((1, 5, 5, 2), np.float32), np.ones((3, 3, 2, 1), np.float32), "
        "np.ones((1, 1, 2, 4), np.float32), padding='bad'",
        "np.ones((1, 5, 5, 2), np.float32), np.ones((7, 7, 2, 1), np.float32), "
        "np.ones((1, 1, 2, 4), np.float32)",
        "np.ones((5, 5, 2), np.float32), np.ones((3, 3, 2, 1), np.float32), "
        "np.ones((1, 1, 2, 4), np.float32)",
    ],
    "slice": [
        "%s, (0, 0), (3, 3)" % A2,
        "%s, (0,), (1,)" % A2,
        "%s, (5, 0), (1, 1)" % A2,
        "%s, (0, 0), (-1, 2)" % A2,
        "%s, (0.5, 0), (1, 1)" % A2,
    ],
    "slice_update": [
        "%s, (0, 0), np.ones((3, 3), np.float32)" % A2,
        "%s, (0,), np.ones((1, 1), np.float32)" % A2,
        "%s, (5, 0), np.ones((1, 1), np.float32)" % A2,
        "%s, (0, 0), np.ones((1,), np.float32)" % A2,
    ],
    "solve": [
        "%s, %s" % (A2, VEC),
        "%s, np.ones((2,), np.float32)" % SQ,
        "%s, %s" % (VEC, VEC),
        "np.zeros((2, 2), np.float32), np.ones((2, 1), np.float32)",
        "None, %s" % VEC,
    ],
    "solve_triangular": [
        "%s, %s" % (A2, VEC),
        "%s, np.ones((2,), np.float32)" % SQ,
        "%s, %s" % (VEC, VEC),
        "None, %s" % VEC,
    ],
    "sparse_categorical_crossentropy": [
        "np.array([0, 1]), %s" % B3,
        "np.array([0, 1, 2]), %s" % A2,
        "%s, %s" % (A2, A2),
        "np.array([0, 1]), %s, axis=5" % A2,
        "None, %s" % A2,
    ],
    "split": [
        "%s, 4" % A2,
        "%s, 0" % A2,
        "%s, 2, axis=1" % A2,
        "%s, 2, axis=5" % A2,
        "%s, [1, 5], axis=1" % A2,
        "%s, None" % A2,
    ],
    "squeeze": ["%s, axis=0" % A2, "%s, axis=5" % A2, "%s, axis=1.5" % A2],
    "stack": ["[%s, %s]" % (A2, B3), "[%s, %s], axis=5" % (A2, A2), "[]", "%s, axis=3" % A2],
    "swapaxes": ["%s, 0, 5" % A2, "%s, 1.5, 0" % A2, "%s, 'x', 0" % A2, "%s, None, 0" % A2],
    "tensordot": [
        "%s, %s, axes=1" % (A2, A2),
        "%s, %s, axes=5" % (A2, B3),
        "%s, %s, axes=-1" % (A2, A2),
        "%s, %s, axes=((0,), (1,))" % (A2, A2),
        "%s, %s, axes=1.5" % (A2, A2),
    ],
    "threshold": ["%s, 'x', 0" % A2, "%s, None, 0" % A2, "%s, 0.5, 'x'" % A2],
    "tile": ["%s, -1" % A2, "%s, (1.5, 2)" % A2, "%s, None" % A2, "%s, (2, 2, 2)" % A2],
    "top_k": ["%s, 5" % A2, "%s, -1" % A2, "%s, 0" % VEC, "%s, None" % A2],
    "trace": [
        VEC,
        "%s, axis1=0, axis2=0" % A2,
        "%s, axis1=5" % A2,
        "%s, offset=1.5" % A2,
    ],
    "transpose": [
        "%s, (0, 0)" % A2,
        "%s, (0,)" % A2,
        "%s, (0, 5)" % A2,
        "%s, (0.5, 1)" % A2,
    ],
    "tri": ["-1", "1.5", "'x'", "3, -1", "3, k=1.5"],
    "tril": [VEC, "%s, 1.5" % A2, "None", "np.float32(1)"],
    "triu": [VEC, "%s, 1.5" % A2, "None", "np.float32(1)"],
    "unstack": ["%s, num=5" % A2, "%s, axis=5" % A2, "%s, axis=1.5" % A2, "np.float32(1)"],
    "vsplit": [VEC, "%s, 3" % A2, "%s, 0" % A2],
    "vstack": ["[%s, %s]" % (A2, B3), "[%s, np.ones((2, 4))]" % A2, "[]"],
    "where": [
        "%s, %s, %s" % (A2, A2, B3),
        "%s, %s" % (A2, A2),
        "np.array([True, False]), %s, %s" % (VEC, VEC),
        "%s, None, 1" % A2,
    ],
    "take": [
        "%s, %s" % (A2, IDX),
        "%s, %s, axis=0" % (A2, IDX),
        "%s, np.array([0]), axis=5" % A2,
        "%s, np.array([0.5])" % A2,
        "%s, 'x'" % A2,
        "%s, np.array([-7])" % A2,
    ],
    "take_along_axis": [
        "%s, %s, axis=0" % (A2, IDX),
        "%s, np.array([[5]]), axis=0" % A2,
        "%s, np.zeros((2, 3), np.int32), axis=5" % A2,
        "%s, np.zeros((2, 3), np.float32), axis=0" % A2,
    ],
}
"""Op-specific argument sets."""

for _name in ("segment_max", "segment_min", "segment_prod", "segment_sum"):
    SPECIFIC[_name] = [
        "%s, np.array([0, 1])" % VEC,
        "%s, np.array([0, -1, 1])" % VEC,
        "%s, np.array([0, 1, 1]), num_segments=-1" % VEC,
        "%s, np.array([0, 1, 5]), num_segments=2" % VEC,
        "%s, np.array([1, 0, 0]), sorted=True" % VEC,
        "%s, np.array([0.5, 1, 1])" % VEC,
    ]

CONTROL_FLOW = [
    "keras.ops.map(lambda x: x, None)",
    "keras.ops.map(None, %s)" % A2,
    "keras.ops.map(lambda x: x, %s)" % EMPTY,
    "keras.ops.vectorized_map(lambda x: x, None)",
    "keras.ops.vectorized_map(None, %s)" % A2,
    "keras.ops.vectorized_map(lambda x: x, %s)" % EMPTY,
    "keras.ops.vectorized_map(lambda x: x, %s)" % A2,
    "keras.ops.switch(5, [lambda x: x, lambda x: -x], %s)" % A2,
    "keras.ops.switch(-1, [lambda x: x, lambda x: -x], %s)" % A2,
    "keras.ops.switch(np.array(0.5), [lambda x: x, lambda x: -x], %s)" % A2,
    "keras.ops.switch(0, [], %s)" % A2,
    "keras.ops.switch(0, None, %s)" % A2,
    "keras.ops.while_loop(lambda x: x < 3, lambda x: (x + 1, x), (0,))",
    "keras.ops.while_loop(lambda x: x < 3, lambda x: x + 1, (0,), maximum_iterations=-1)",
    "keras.ops.while_loop(None, lambda x: x + 1, (0,))",
    "keras.ops.while_loop(lambda x: x < 3, lambda x: x + 1, ())",
]
"""``map``, ``vectorized_map``, ``switch`` and ``while_loop`` with bad functions or inputs."""


def cases():
    """Every case as ``(source, None)``, in a stable order, no duplicates."""
    sources = []
    for name in OPS:
        arguments = list(FUZZ_ARGS)
        if name in UNARY:
            arguments += UNARY_ARGS
        if name in BINARY:
            arguments += BINARY_ARGS
        if name in REDUCE:
            arguments += REDUCE_ARGS
        arguments += SPECIFIC.get(name, [])
        sources.extend("keras.ops.%s(%s)" % (name, args) for args in arguments)
    sources.extend(CONTROL_FLOW)
    return [(source, None) for source in dict.fromkeys(sources)]
