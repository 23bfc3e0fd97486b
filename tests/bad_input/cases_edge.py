"""Edge cases of issue 17's last gaps: softmax rows holding NaN/inf, mixed Python/NumPy
scalars in sequences, float axes, crossentropy on lists, convolution shape errors and Keras
layers on bad input.  Same format as ``cases.py`` (which adds them to ``all_cases()``)."""

_SOFTMAX_ROWS = [
    "[np.inf, 1.]",
    "[-np.inf, -np.inf]",
    "[np.inf, np.inf, 1.]",
    "[np.inf, -np.inf, np.nan]",
    "[-np.inf, np.nan]",
    "[[np.inf, 1.], [1., np.nan], [2., 3.]]",
    "np.where(np.arange(15) % 6 == 2, np.nan, np.arange(15.))",
    "np.where(np.arange(47) == 27, np.inf, np.where(np.arange(47) % 25 == 5, np.nan, 1.))",
]

SOFTMAX = [
    template.format(row=row, dtype=dtype)
    for row in _SOFTMAX_ROWS
    for dtype in ("tf.float32", "tf.float64", "tf.float16", "tf.bfloat16")
    for template in ("tf.nn.softmax(tf.constant({row}, {dtype}))",)
] + [
    "tf.nn.softmax(tf.constant([[np.inf, 1.], [1., np.nan], [2., 3.]]), axis=0)",
    "tf.nn.log_softmax(tf.constant([np.nan, 1., -np.inf, np.inf, -1., 0.]))",
    "tf.nn.log_softmax(tf.constant([-np.inf, 1.]))",
    "tf.math.softmax(tf.constant([np.inf, 1.], tf.float16))",
    "keras.ops.softmax(np.array([np.nan, 1., -np.inf, np.inf, -1., 0.], np.float32))",
    "keras.ops.softmax(np.array([[np.inf, 1.]], np.float32), axis=(0, 1))",
    "keras.ops.softmax(np.array([[np.inf, 1.]], np.float32), axis=None)",
    "keras.ops.softmax(np.array([[1., 2.], [3., 4.]]), axis=None)",
    "keras.ops.log_softmax(np.array([[1., 2.], [3., 4.]]), axis=None)",
    "keras.ops.log_softmax(np.array([np.inf, 1.], np.float32))",
    "keras.activations.softmax(np.array([[np.inf, 1., np.nan]], np.float32))",
    "keras.layers.Softmax()(np.array([[np.inf, 1., np.nan]], np.float32))",
    "keras.layers.Activation('softmax')(np.array([[np.inf, 1., 0.]], np.float32))",
    "keras.layers.Dense(3, activation='softmax', kernel_initializer='ones')"
    "(np.array([[np.inf, 1.]], np.float32))",
]

CONSTANTS = [
    "tf.constant([True, np.int64(2)], dtype=tf.int32)",
    "tf.constant([True, np.int64(2)], dtype=tf.float32)",
    "tf.constant([True, np.int64(2)], dtype=tf.bool)",
    "tf.constant([True, np.int64(2)])",
    "tf.constant([np.int64(2), True])",
    "tf.constant([np.int64(2), np.float64(2.5)])",
    "tf.constant([np.int64(2), np.float64(2.5)], dtype=tf.float64)",
    "tf.constant([np.int64(2), np.float64(2.5)], dtype=tf.int32)",
    "tf.constant([np.float64(2.5), np.int64(2)])",
    "tf.constant([np.float32(1.5), 2.5])",
    "tf.constant([2.5, np.float32(1.5)])",
    "tf.constant([np.float32(1.5), np.float64(2.5)])",
    "tf.constant([np.float64(1.5), np.float32(2.5)])",
    "tf.constant([np.float16(1.5), 2.5])",
    "tf.constant([np.float16(1.5), np.float32(2.5)])",
    "tf.constant([np.float32(1.5), 2.5], dtype=tf.int32)",
    "tf.constant([np.float32(1.5), 2.5], dtype=tf.float64)",
    "tf.constant([np.int32(1), 2])",
    "tf.constant([2, np.int32(1)])",
    "tf.constant([np.int32(1), 2**40])",
    "tf.constant([np.int32(1), 2], dtype=tf.int64)",
    "tf.constant([np.int32(1), 2], dtype=tf.float32)",
    "tf.constant([np.int32(1), 2.5])",
    "tf.constant([np.int8(1), np.int16(2)])",
    "tf.constant([np.uint8(1), -1])",
    "tf.constant([True, np.bool_(False)])",
    "tf.constant([np.bool_(False), True])",
    "tf.constant([True, np.bool_(False)], dtype=tf.int32)",
    "tf.constant([np.bool_(True), 2])",
    "tf.constant([True, 2], dtype=tf.int32)",
    "tf.constant([True, 1.5])",
    "tf.constant([True, 1.5], dtype=tf.float32)",
    "tf.constant([np.complex64(1), 2.5])",
    "tf.constant([1j, np.float32(2.5)])",
    "tf.constant([np.array(1, np.int32), 2.5])",
    "tf.constant([np.array([1], np.int32), [2.5]])",
    "tf.constant([np.array([1, 2]), np.array([3, 4])])",
    "tf.constant([None, 1])",
    "tf.constant([1, [2]])",
    "tf.constant([[1, 2.5], [3]])",
    "tf.constant(1e40)",
    "tf.constant([1e40])",
    "tf.constant([2**64, 2.5])",
    "tf.constant([1.5, 2**64])",
    "tf.constant([np.uint64(2**64 - 1)])",
    "tf.constant([np.nan, 1], tf.int32)",
    "tf.convert_to_tensor([np.int64(2), np.float64(2.5)])",
    "tf.convert_to_tensor([1, 2.5], dtype=tf.int32)",
]


_AXES = ["1.0", "(1.0,)", "np.float32(1.7)", "np.int64(1)", "'a'", "(0, 1.0)", "(True,)"]

AXES = [
    "keras.ops.%s(np.ones((2, 3)), axis=%s)" % (op, axis)
    for op in (
        "prod sum mean max min any all std var amax amin count_nonzero logsumexp argmax argmin "
        "cumsum cumprod median flip squeeze expand_dims"
    ).split()
    for axis in _AXES
] + [
    "tf.argmax(np.ones((2, 3)), axis=np.int32(1))",
    "tf.argmax(np.ones((2, 3)), axis=tf.constant(1, tf.int8))",
    "tf.argmin(np.ones((2, 3)), axis=np.float32(1.))",
    "tf.argmin(np.ones((2, 3)), axis=(1.0,))",
    "tf.math.cumsum(np.ones((2, 3)), axis=np.float32(1.))",
    "tf.math.cumsum(np.ones((2, 3)), axis=(1.0,))",
]


_SCCE = "keras.losses.sparse_categorical_crossentropy"

LOSSES = [
    _SCCE + "([1], [[0.5, 0.5]])",
    _SCCE + "([1, 0], [[0.5, 0.5]])",
    _SCCE + "(1, [0.5, 0.5])",
    _SCCE + "(None, [[0.5, 0.5]])",
    _SCCE + "(np.array([1]), [[0.5, 0.5]])",
    _SCCE + "(np.array([1, 0]), np.array([[0.5, 0.5]]))",
    _SCCE + "(np.array([[1, 0]]), np.array([[0.5, 0.5]]))",
    _SCCE + "(np.array([5]), np.array([[0.5, 0.5]]))",
    _SCCE + "(np.array([1]), np.array([[0.5, 0.5]]), axis=5)",
    _SCCE + "(np.array([[1]]), np.array([[0.5, 0.5]]), axis=5)",
    _SCCE + "(np.ones((3, 2)), np.ones((3, 2, 2)) / 2)",
    _SCCE + "(np.ones((3, 3)), np.ones((3, 2, 2)) / 2)",
    "keras.metrics.sparse_categorical_crossentropy([1], [[0.5, 0.5]])",
] + [
    "keras.losses.%s(%s)" % (name, args)
    for name in (
        "kl_divergence poisson hinge squared_hinge categorical_hinge huber log_cosh "
        "cosine_similarity categorical_focal_crossentropy"
    ).split()
    for args in ("[1., 0.], [0.5, 0.5, 0.2]", "np.ones((2, 2)), np.ones((2, 3))")
]


_CONVS = {
    "keras.layers.DepthwiseConv2D(3)": (1, 5, 5, 2),
    "keras.layers.SeparableConv2D(2, 3)": (1, 5, 5, 2),
    "keras.layers.Conv2DTranspose(2, 3)": (1, 5, 5, 2),
    "keras.layers.Conv1D(2, 3)": (1, 5, 2),
    "keras.layers.Conv3D(2, 3)": (1, 5, 5, 5, 2),
    "keras.layers.DepthwiseConv1D(3)": (1, 5, 2),
    "keras.layers.SeparableConv1D(2, 3)": (1, 5, 2),
    "keras.layers.Conv1DTranspose(2, 3)": (1, 5, 2),
}


def _bad_shapes(good):
    """Inputs wrong for a layer built for ``good``: rank, channels, a window larger than the
    input (TF's oneDNN kernel returns garbage for output size 0 once built: not a case), an
    empty spatial dim."""
    return {
        "rank-1": good[:-1],
        "rank+1": good + (1,),
        "channels": good[:-1] + (3,),
        "small": (1,) + (2,) * (len(good) - 2) + (2,),
        "empty": (1, 0) + good[2:],
    }


CONVS = [
    "%s(np.ones(%s))" % (layer, shape)
    for layer, good in _CONVS.items()
    for shape in _bad_shapes(good).values()
] + [
    "%s, %s)" % (layer[:-1], extra)
    for layer in _CONVS
    for extra in ("strides=2, dilation_rate=2", "groups=2", "filters=0, name='x'", "bogus=1")
]

CONVS_STATEFUL = [
    (
        "layer = %s\nlayer(np.ones(%s))\nw = [v.numpy().copy() for v in layer.weights]\n"
        "result = tuple(layer(np.ones(%s)).shape)" % (layer, good, shape),
        "[bool((a == v.numpy()).all()) for a, v in zip(w, layer.weights)]",
    )
    for layer, good in _CONVS.items()
    for name, shape in _bad_shapes(good).items()
    if name != "small"
] + [
    (
        "layer = %s\nresult = tuple(layer(np.ones(%s)).shape)"
        % (layer, _bad_shapes(good)["small"]),
        "(len(layer.weights), layer.built)",
    )
    for layer, good in _CONVS.items()
]


_LAYERS = [
    "keras.layers.Conv3D(2, 3)",
    "keras.layers.MaxPooling1D()",
    "keras.layers.AveragePooling2D()",
    "keras.layers.MaxPooling3D()",
    "keras.layers.GlobalMaxPooling2D()",
    "keras.layers.GlobalAveragePooling2D()",
    "keras.layers.BatchNormalization()",
    "keras.layers.LayerNormalization()",
    "keras.layers.Flatten()",
    "keras.layers.Dropout(1.)",
    "keras.layers.Attention()",
    "keras.layers.GRU(2)",
    "keras.layers.SimpleRNN(2)",
    "keras.layers.Normalization()",
    "keras.layers.Rescaling(0.5)",
    "keras.layers.Resizing(2, 2)",
    "keras.layers.UnitNormalization()",
    "keras.layers.Embedding(3, 2)",
]

_LAYER_INPUTS = [
    "np.ones((2,))",
    "np.ones((1, 4, 4, 1))",
    "np.ones((1, 2, 2, 2, 2))",
    "np.array([['a']])",
    "np.zeros((0, 3, 2))",
    "np.array([[[np.nan, np.inf, 1.]]])",
    "np.ones((1, 2, 3), dtype=np.int32)",
]
"""(No list of inputs: the error names the layer with a counter of the whole process.)"""

LAYERS = ["%s(%s)" % (layer, value) for layer in _LAYERS for value in _LAYER_INPUTS] + [
    "keras.layers.MaxPooling1D(padding='same')(np.arange(9, dtype=np.int64).reshape(1, 3, 3))",
    "keras.layers.LSTM(2)(np.ones((1, 2, 3), dtype=np.int32))",
    "keras.layers.LSTM(2)(np.ones((1, 0, 3)))",
    "keras.layers.Embedding(3, 2)(np.array([[-3]]))",
    "keras.layers.Embedding(3, 2)(np.array([[-4]]))",
    "keras.layers.Embedding(3, 2)(np.array([[3]]))",
    "keras.layers.Embedding(3, 2)(np.array([[-1]]))",
    "keras.layers.Embedding(3, 2)(np.array([[1.5]]))",
    "keras.layers.Embedding(3, 2)(np.array([[0, 1]], dtype=np.uint8))",
    "keras.layers.Reshape((4,))(np.ones((2, 3)))",
    "keras.layers.Reshape((-1, 4))(np.ones((2, 3)))",
    "keras.layers.Reshape((0,))(np.ones((2, 3)))",
    "keras.layers.Reshape((2, 'a'))",
    "keras.layers.Flatten()(np.ones((2,)))",
    "keras.layers.Concatenate()([np.ones((2, 2)), np.ones((2, 3, 1))])",
    "keras.layers.Concatenate(axis=5)([np.ones((2, 2)), np.ones((2, 2))])",
    "keras.layers.Concatenate()([np.ones((2, 2))])",
    "keras.layers.Concatenate()(np.ones((2, 2)))",
    "keras.layers.Dropout(1.)(np.ones((2, 2)), training=True)",
    "keras.layers.Dropout(2.)",
    "keras.layers.Dropout(0.5, noise_shape=(3, 1))(np.ones((2, 2)), training=True)",
    "keras.layers.Attention()([np.ones((1, 2, 3)), np.ones((1, 4, 5))])",
    "keras.layers.Attention()([np.ones((1, 2, 3))])",
    "keras.layers.Attention()(np.ones((1, 2, 3)))",
    "keras.layers.Attention(score_mode='nope')",
    "keras.layers.GRU(2)(np.ones((1, 3)))",
    "keras.layers.SimpleRNN(2)(np.ones((1, 0, 3)))",
    "keras.layers.GRU(0)",
    "keras.layers.BatchNormalization(axis=3)(np.ones((2, 3)))",
    "keras.layers.LayerNormalization(axis=(0, 5))(np.ones((2, 3)))",
    "keras.layers.Normalization(mean=[1., 2.], variance=[1., 1.])(np.ones((2, 3)))",
    "keras.layers.Normalization(axis=5)(np.ones((2, 3)))",
    "keras.layers.Rescaling('a')(np.ones((2, 3)))",
    "keras.layers.Resizing(0, 2)(np.ones((1, 4, 4, 1)))",
    "keras.layers.Resizing(2, 2, interpolation='nope')",
    "keras.layers.Resizing(2, 2)(np.ones((4, 4)))",
    "keras.layers.StringLookup(vocabulary=['a'])(np.array([['b', 'a']]))",
    "keras.layers.StringLookup(vocabulary=['a', 'a'])",
    "keras.layers.StringLookup(vocabulary=['a'], num_oov_indices=-1)",
    "keras.layers.StringLookup(vocabulary=['a'], output_mode='nope')",
    "keras.layers.StringLookup()(np.array([['a']]))",
    "keras.layers.IntegerLookup(vocabulary=[1, 2])(np.array([[3, 1]]))",
    "keras.layers.IntegerLookup(vocabulary=[1, 2])(np.array([[1.5]]))",
    "keras.layers.IntegerLookup(vocabulary=[1, 2])(np.array([['a']]))",
    "keras.layers.IntegerLookup(vocabulary=[1, 1])",
    "keras.layers.TextVectorization()(np.array([['a b']]))",
    "keras.layers.TextVectorization(vocabulary=['a'])(np.array([1, 2]))",
    "keras.layers.TextVectorization(vocabulary=['a'])(np.array(['a b', 'c']))",
    "keras.layers.TextVectorization(vocabulary=['a'], output_mode='nope')",
    "keras.layers.TextVectorization(vocabulary=['a'], split='nope')(np.array(['a']))",
    "keras.layers.TextVectorization(max_tokens=1)",
    "keras.layers.GlobalAveragePooling1D()(np.ones((1, 0, 2)))",
    "keras.layers.MaxPooling2D(pool_size=5)(np.ones((1, 4, 4, 1)))",
    "keras.layers.AveragePooling1D(strides=0)",
    "keras.layers.MaxPooling2D(padding='nope')",
]


def cases():
    """This module's cases as ``(source, state_source or None)``."""
    singles = dict.fromkeys(SOFTMAX + CONSTANTS + AXES + LOSSES + CONVS + LAYERS)
    return [(source, None) for source in singles] + CONVS_STATEFUL
