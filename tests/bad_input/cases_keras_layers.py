"""Bad-input cases of the ``keras.layers`` classes the other case modules leave out: each
built with invalid arguments (zero, negative, float where an int belongs, an unknown string
option, ``None`` where one is required) and called on the wrong rank, strings, ``None``,
empty and integer arrays, NaN, mismatched merge shapes.

Same form as ``cases.py``: each case is one expression whose value is the outcome.  Random
layers are compared on shapes and dtypes (``outcome.py`` drops a layer call's values, so a
cell's ``(output, states)`` is read as its output); layers
whose messages name themselves are given ``name='t'``, so no count of earlier layers shows.
"""

F = "np.float32"
S1 = "np.array([['a', 'b']])"
NONE = "None"


def _ones(shape, dtype=F):
    return "np.ones(%s, %s)" % (shape, dtype)


def _zeros(shape, dtype=F):
    return "np.zeros(%s, %s)" % (shape, dtype)


def _nan(shape):
    return "np.full(%s, np.nan, %s)" % (shape, F)


def _calls(layer, good, wrong_rank, extra=()):
    """``layer`` (constructor source) called on a good input of shape ``good``, shapes of the
    wrong rank, strings, ``None``, an empty batch, ints and NaN."""
    empty = "(0,) + %s[1:]" % good if isinstance(good, str) else str((0,) + tuple(good[1:]))
    inputs = [_ones(good)]
    inputs += [_ones(shape) for shape in wrong_rank]
    inputs += [S1, NONE, _zeros(empty), _ones(good, "np.int32"), _nan(good)]
    inputs += list(extra)
    return ["%s(%s)" % (layer, x) for x in inputs]


def _construct(name, arguments):
    return ["keras.layers.%s(%s)" % (name, a) for a in arguments]


POOL_ARGS = ["0", "-1", "2.5", "'a'", "None", "(2, 2, 2, 2)", "2, data_format='nope'"]


def _adaptive():
    cases = []
    for rank in (1, 2, 3):
        for kind in ("Average", "Max"):
            name = "Adaptive%sPooling%dD" % (kind, rank)
            cases += _construct(name, POOL_ARGS)
            good = (2,) + (4,) * rank + (3,)
            wrong = [(2, 3), (2,) + (4,) * (rank + 2)]
            cases += _calls("keras.layers.%s(2, name='t')" % name, good, wrong)
            cases.append("keras.layers.%s(8, name='t')(%s)" % (name, _ones(good)))
    return cases


def _pooling():
    cases = []
    for name in ("AveragePooling3D", "MaxPool3D"):
        cases += _construct(
            name,
            [
                "0",
                "-1",
                "2.5",
                "'a'",
                "2, padding='full'",
                "2, strides=0",
                "(2, 2)",
                "2, data_format='nope'",
            ],
        )
        cases += _calls(
            "keras.layers.%s(name='t')" % name,
            (1, 4, 4, 4, 2),
            [(1, 4, 4, 2), (4,)],
            [_ones((1, 1, 1, 1, 2))],
        )
    for name, rank in (
        ("GlobalAveragePooling3D", 3),
        ("GlobalMaxPooling1D", 1),
        ("GlobalMaxPooling3D", 3),
    ):
        cases += _construct(name, ["data_format='nope'", "keepdims='a'"])
        good = (2,) + (3,) * rank + (2,)
        cases += _calls("keras.layers.%s(name='t')" % name, good, [(2, 3), (2,) + (3,) * 5])
        cases.append("keras.layers.%s(keepdims=True, name='t')(%s)" % (name, _ones(good)))
    return cases


def _convolutional():
    cases = _construct(
        "Conv3DTranspose",
        [
            "0, 2",
            "-1, 2",
            "2.5, 2",
            "2, 0",
            "2, 2, padding='full'",
            "2, 2, strides=0",
            "2, (2, 2)",
            "None, 2",
            "2, 2, data_format='nope'",
        ],
    )
    cases += _calls(
        "keras.layers.Conv3DTranspose(2, 2, name='t')", (1, 3, 3, 3, 2), [(1, 3, 3, 2), (3,)]
    )
    for rank in (1, 2, 3):
        name = "ConvLSTM%dD" % rank
        cases += _construct(
            name, ["0, 2", "-1, 2", "2.5, 2", "2, 0", "2, 2, padding='full'", "None, 2"]
        )
        good = (1, 2) + (4,) * rank + (2,)
        cases += _calls(
            "keras.layers.%s(2, 2, name='t')" % name, good, [(1, 4, 2), (1, 2) + (4,) * rank]
        )
    return cases


def _reshaping():
    cases = []
    for name, rank in (("Cropping2D", 2), ("Cropping3D", 3)):
        cases += _construct(name, ["-1", "2.5", "'a'", "(1,) * %d" % (rank + 1), "None"])
        good = (1,) + (4,) * rank + (2,)
        cases += _calls(
            "keras.layers.%s(1, name='t')" % name, good, [(4, 2), (1,) + (4,) * (rank + 2)]
        )
        cases.append("keras.layers.%s(2, name='t')(%s)" % (name, _ones(good)))
        cases.append("keras.layers.%s(3, name='t')(%s)" % (name, _ones(good)))
    for name, rank in (("ZeroPadding1D", 1), ("ZeroPadding3D", 3)):
        cases += _construct(name, ["-1", "2.5", "'a'", "(1,) * %d" % (rank + 2), "None"])
        good = (1,) + (3,) * rank + (2,)
        cases += _calls(
            "keras.layers.%s(1, name='t')" % name, good, [(3, 2), (1,) + (3,) * (rank + 2)]
        )
    for name, rank in (("UpSampling1D", 1), ("UpSampling3D", 3)):
        cases += _construct(name, ["0", "-1", "2.5", "'a'", "None"])
        good = (1,) + (2,) * rank + (2,)
        cases += _calls(
            "keras.layers.%s(name='t')" % name, good, [(2, 2), (1,) + (2,) * (rank + 2)]
        )
    return cases


def _merging():
    cases = []
    pairs = [
        "[%s, %s]" % (_ones((2, 3)), _ones((2, 3))),
        "[%s, %s]" % (_ones((2, 3)), _ones((2, 4))),
        "[%s, %s]" % (_ones((2, 3)), _ones((3, 3))),
        "[%s]" % _ones((2, 3)),
        "[]",
        _ones((2, 3)),
        "[%s, %s]" % (S1, S1),
        "[%s, None]" % _ones((2, 3)),
        "[%s, %s]" % (_zeros((0, 3)), _zeros((0, 3))),
        "[%s, %s]" % (_ones((2, 3), "np.int32"), _ones((2, 3))),
        "[%s, %s]" % (_ones((2, 3)), _ones((2, 1))),
        "[%s, %s]" % (_ones((2, 3)), _ones((2, 3, 1))),
        "[%s, %s, %s]" % (_ones((2, 3)), _ones((2, 3)), _ones((2, 3))),
    ]
    for name in ("Average", "Maximum", "Minimum", "Multiply", "Subtract"):
        cases += ["keras.layers.%s(name='t')(%s)" % (name, p) for p in pairs]
    cases += _construct("Dot", ["5", "'a'", "None", "(1, 2, 3)", "1, normalize='a'"])
    cases += ["keras.layers.Dot(1, name='t')(%s)" % p for p in pairs]
    cases.append("keras.layers.Dot(2, name='t')([%s, %s])" % (_ones((2, 3)), _ones((2, 3))))
    cases.append("keras.layers.Dot(-1, name='t')([%s, %s])" % (_ones((2, 3)), _ones((2, 3))))
    return cases


def _activations():
    cases = _construct("ELU", ["'a'", "None", "alpha=-1."])
    cases += _construct("LeakyReLU", ["-1.", "'a'", "None"])
    cases += _construct("PReLU", ["shared_axes='a'", "alpha_initializer='nope'"])
    cases += _calls("keras.layers.ELU(name='t')", (2, 3), [(3,)])
    cases += _calls("keras.layers.LeakyReLU(name='t')", (2, 3), [(3,)])
    cases += _calls("keras.layers.PReLU(name='t')", (2, 3), [(3,)])
    cases.append("keras.layers.PReLU(shared_axes=5, name='t')(%s)" % _ones((2, 3)))
    cases.append("keras.layers.PReLU(shared_axes=[1, 2], name='t')(%s)" % _ones((2, 3, 4)))
    return cases


def _regularization():
    cases = []
    for name in ("AlphaDropout", "GaussianDropout", "GaussianNoise"):
        cases += _construct(name, ["1.5", "-0.5", "'a'", "None"])
        cases += _calls("keras.layers.%s(0.5, name='t')" % name, (2, 3), [(3,)])
        cases.append("keras.layers.%s(0.5, name='t')(%s, training=True)" % (name, _ones((2, 3))))
        cases.append(
            "keras.layers.%s(0.5, name='t')(%s, training=True)" % (name, _ones((2, 3), "np.int32"))
        )
    for rank in (1, 2, 3):
        name = "SpatialDropout%dD" % rank
        cases += _construct(name, ["1.5", "-0.5", "'a'", "None", "0.5, data_format='nope'"])
        good = (2,) + (3,) * rank + (2,)
        layer = "keras.layers.%s(0.5, name='t')" % name
        cases += _calls(layer, good, [(2, 3), (2,) + (3,) * (rank + 2)])
        cases.append("%s(%s, training=True)" % (layer, _ones(good)))
        cases.append("%s(%s, training=True)" % (layer, _ones((2, 3))))
    cases += _construct("ActivityRegularization", ["'a'", "None", "-1.", "l2=-1."])
    cases += _calls("keras.layers.ActivityRegularization(0.1, name='t')", (2, 3), [(3,)])
    return cases


def _attention():
    q = _ones((2, 3, 4))
    cases = _construct("AdditiveAttention", ["'a'", "dropout=1.5", "dropout='a'"])
    layer = "keras.layers.AdditiveAttention(name='t')"
    for inputs in [
        "[%s, %s]" % (q, q),
        "[%s, %s]" % (q, _ones((2, 5, 4))),
        "[%s, %s]" % (q, _ones((2, 5, 3))),
        "[%s, %s]" % (q, _ones((3, 5, 4))),
        "[%s]" % q,
        q,
        "[%s, %s, %s]" % (q, q, q),
        "[%s, %s, %s, %s]" % (q, q, q, q),
        "[%s, %s]" % (_ones((3, 4)), _ones((3, 4))),
        "[%s, %s]" % (S1, S1),
        "[%s, None]" % q,
        "[%s, %s]" % (_zeros((0, 3, 4)), _zeros((0, 3, 4))),
        "[%s, %s]" % (_ones((2, 3, 4), "np.int32"), _ones((2, 3, 4), "np.int32")),
    ]:
        cases.append("%s(%s)" % (layer, inputs))
    cases.append("%s([%s, %s], mask=[None])" % (layer, q, q))
    cases.append("%s([%s, %s], use_causal_mask=True)" % (layer, q, _ones((2, 5, 4))))
    return cases


def _einsum():
    cases = _construct(
        "EinsumDense",
        [
            "'ab,bc->ac', 4",
            "'ab,bc->ac', (4, 5)",
            "'ab,bc', 4",
            "'abc', 4",
            "None, 4",
            "'ab,bc->ac', None",
            "'ab,bc->ac', 4, bias_axes='x'",
            "'...b,bc->...c', -1",
        ],
    )
    layer = "keras.layers.EinsumDense('ab,bc->ac', 4, name='t')"
    cases += _calls(layer, (2, 3), [(3,), (2, 3, 4)])
    cases.append(
        "keras.layers.EinsumDense('ab,bc->ac', 4, bias_axes='c', name='t')(%s)" % _ones((2, 3))
    )
    cases.append(
        "keras.layers.EinsumDense('ab,bc->ac', 4, bias_axes='d', name='t')(%s)" % _ones((2, 3))
    )
    return cases


def _rnn():
    cases = []
    for name in ("GRUCell", "LSTMCell", "SimpleRNNCell"):
        cases += _construct(
            name, ["0", "-1", "2.5", "'a'", "None", "2, dropout=1.5", "2, activation='nope'"]
        )
        state = "[%s]" % _ones((2, 2))
        if name == "LSTMCell":
            state = "[%s, %s]" % (_ones((2, 2)), _ones((2, 2)))
        layer = "keras.layers.%s(2, name='t')" % name
        for x, s in [
            (_ones((2, 3)), state),
            (_ones((2, 3)), "[%s]" % _ones((2, 5))),
            (_ones((2, 3)), "[]"),
            (_ones((2, 3)), NONE),
            (_ones((3,)), state),
            (_ones((2, 3, 4)), state),
            (S1, state),
            (_ones((2, 3), "np.int32"), state),
            (_zeros((0, 3)), "[%s]" % _zeros((0, 2))),
        ]:
            cases.append("%s(%s, %s)[0]" % (layer, x, s))
        cases.append("%s(%s, %s)[0]" % (layer, _ones((2, 3), "np.int32"), state))
    cell = "keras.layers.SimpleRNNCell(2)"
    seq = _ones((2, 4, 3))
    cases += _construct(
        "RNN", ["None", "'a'", "keras.layers.Dense(2)", "[]", cell + ", unroll='a'"]
    )
    cases += _calls("keras.layers.RNN(%s, name='t')" % cell, (2, 4, 3), [(2, 3), (2, 4, 3, 1)])
    cases.append(
        "keras.layers.RNN(%s, name='t')(%s, initial_state=[%s])" % (cell, seq, _ones((2, 5)))
    )
    cases.append(
        "keras.layers.RNN(%s, name='t')(%s, mask=%s)" % (cell, seq, "np.ones((2, 5), bool)")
    )
    cases.append("keras.layers.RNN(%s, return_sequences=True, name='t')(%s)" % (cell, seq))
    cases += _construct(
        "StackedRNNCells",
        ["[]", "None", "keras.layers.Dense(2)", "[keras.layers.Dense(2)]", "[None]"],
    )
    stacked = "keras.layers.StackedRNNCells([%s, keras.layers.SimpleRNNCell(3)])" % cell
    cases += _calls("keras.layers.RNN(%s, name='t')" % stacked, (2, 4, 3), [(2, 3)])
    cases += _construct(
        "Bidirectional",
        [
            "None",
            "'a'",
            "keras.layers.SimpleRNN(2), merge_mode='nope'",
            "keras.layers.SimpleRNN(2), backward_layer=keras.layers.Dense(2)",
            "keras.layers.SimpleRNN(2), backward_layer=keras.layers.SimpleRNN(2, "
            "go_backwards=True, return_sequences=True)",
        ],
    )
    cases += _calls(
        "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), name='t')",
        (2, 4, 3),
        [(2, 3), (2, 4, 3, 1)],
    )
    for mode in ("sum", "mul", "ave"):
        cases.append(
            "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), merge_mode=%r, name='t')"
            "(%s)" % (mode, seq)
        )
    cases.append(
        "keras.layers.Bidirectional(keras.layers.SimpleRNN(2), merge_mode=None, name='t')"
        "(%s)[1]" % seq
    )
    return cases


def _wrappers():
    cases = _construct("TimeDistributed", ["None", "'a'", "keras.layers.Dense(2), name=3"])
    layer = "keras.layers.TimeDistributed(keras.layers.Dense(2), name='t')"
    cases += _calls(layer, (2, 4, 3), [(2, 3), (3,)])
    cases.append("%s(%s, mask=np.ones((2, 5), bool))" % (layer, _ones((2, 4, 3))))
    cases.append(
        "keras.layers.TimeDistributed(keras.layers.Conv1D(2, 2), name='t')(%s)" % _ones((2, 4, 3))
    )
    cases += _construct(
        "SpectralNormalization",
        [
            "None",
            "'a'",
            "keras.layers.Dense(2), power_iterations=0",
            "keras.layers.Dense(2), power_iterations=-1",
            "keras.layers.Dense(2), power_iterations=2.5",
            "keras.layers.Flatten()",
        ],
    )
    cases += _calls(
        "keras.layers.SpectralNormalization(keras.layers.Dense(2), name='t')", (2, 3), [(3,)]
    )
    cases.append(
        "keras.layers.SpectralNormalization(keras.layers.Flatten(), name='t')(%s)" % _ones((2, 3))
    )
    return cases


def _core():
    cases = _construct("Identity", ["'a'", "trainable='a'"])
    for x in [_ones((2, 3)), S1, NONE, _zeros((0, 3)), _ones((2, 3), "np.int32"), "[1., 2.]", "3."]:
        cases.append("keras.layers.Identity(name='t')(%s)" % x)
    cases += _construct(
        "InputLayer",
        [
            "shape=(-1,)",
            "shape=3",
            "shape=(2.5,)",
            "shape=('a',)",
            "shape=(3,), batch_size=-1",
            "shape=(3,), batch_shape=(2, 3)",
            "batch_shape=3",
            "shape=(3,), dtype='float33'",
            "shape=(3,), sparse='a'",
            "input_tensor=np.ones((2, 3))",
            "shape=(3,), ragged=True",
            "shape=(3,), batch_size=2.5",
        ],
    )
    cases.append("keras.layers.InputLayer(shape=(3,), name='t').output.shape")
    cases.append("keras.layers.InputLayer(shape=(3,), name='t')(np.ones((2, 3)))")
    cases += _construct("Lambda", ["None", "'a'", "3", "lambda x: x, output_shape='a'"])
    for x in [_ones((2, 3)), S1, NONE, _zeros((0, 3)), "[1., 2.]"]:
        cases.append("keras.layers.Lambda(lambda x: x * 2, name='t')(%s)" % x)
    cases.append("keras.layers.Lambda(lambda x: x[5], name='t')(%s)" % _ones((2, 3)))
    cases.append("keras.layers.Lambda(lambda x, y: x, name='t')(%s)" % _ones((2, 3)))
    cases += _construct("Masking", ["'a'", "None", "[1., 2.]"])
    cases += _calls("keras.layers.Masking(name='t')", (2, 4, 3), [(3,)], [_ones((2, 3))])
    cases.append("keras.layers.Masking(name='t')(%s)._keras_mask" % _zeros((2, 4, 3)))
    cases.append("keras.layers.Masking(mask_value=np.nan, name='t')(%s)" % _nan((2, 4, 3)))
    cases += _construct("RMSNormalization", ["axis='a'", "axis=None", "epsilon='a'"])
    cases += _calls("keras.layers.RMSNormalization(name='t')", (2, 3), [(3,)])
    cases.append("keras.layers.RMSNormalization(axis=5, name='t')(%s)" % _ones((2, 3)))
    cases.append("keras.layers.RMSNormalization(axis=[0, 5], name='t')(%s)" % _ones((2, 3)))
    cases.append("keras.layers.RMSNormalization(axis=1.5, name='t')(%s)" % _ones((2, 3)))
    return cases


def _preprocessing():
    cases = _construct(
        "Hashing",
        [
            "0",
            "-1",
            "2.5",
            "'a'",
            "None",
            "3, salt='a'",
            "3, salt=[1, 2, 3]",
            "3, output_mode='nope'",
            "3, mask_value=1, num_bins=1",
            "3, sparse='a'",
        ],
    )
    hashing = "keras.layers.Hashing(3, name='t')"
    for x in [
        "np.array([['a', 'b']])",
        "np.array([[1, 2]])",
        _ones((2, 3)),
        NONE,
        "np.array([], str)",
        "['a', 'b']",
        "np.array([[True]])",
        "'a'",
    ]:
        cases.append("%s(%s)" % (hashing, x))
    cases.append(
        "keras.layers.Hashing(3, output_mode='one_hot', name='t')(np.array([['a'], ['b']]))"
    )
    cases.append("keras.layers.Hashing(3, output_mode='one_hot', name='t')(np.array([['a', 'b']]))")
    cases.append("keras.layers.Hashing(3, output_mode='multi_hot', name='t')(np.array([[['a']]]))")
    cases.append("keras.layers.Hashing(3, output_mode='count', name='t')(np.array([['a', 'b']]))")
    cases.append("keras.layers.Hashing(3, salt=1, name='t')(np.array([['a', 'b']]))")
    cases += _construct(
        "CenterCrop", ["0, 2", "-1, 2", "2.5, 2", "'a', 2", "None, 2", "2, 2, data_format='nope'"]
    )
    image = (1, 4, 4, 3)
    cases += _calls("keras.layers.CenterCrop(2, 2, name='t')", image, [(4, 3), (1, 1, 4, 4, 3)])
    cases.append("keras.layers.CenterCrop(6, 6, name='t')(%s)" % _ones(image))
    cases.append("keras.layers.CenterCrop(2, 2, name='t')(%s)" % _ones((4, 4, 3)))
    cases += _construct("RandomCrop", ["0, 2", "-1, 2", "2.5, 2", "'a', 2", "None, 2"])
    cases += _calls("keras.layers.RandomCrop(2, 2, name='t')", image, [(4, 3), (1, 1, 4, 4, 3)])
    cases.append("keras.layers.RandomCrop(6, 6, name='t')(%s)" % _ones(image))
    cases.append("keras.layers.RandomCrop(6, 6, name='t')(%s, training=True)" % _ones(image))
    cases.append("keras.layers.RandomCrop(2, 2, name='t')(%s, training=True)" % _ones(image))
    factor_args = ["2.", "-2.", "'a'", "None", "(0.5, 0.1)", "(0.1, 0.2, 0.3)"]
    for name, extra in [
        ("RandomBrightness", ["0.2, value_range=(1, 0)", "0.2, value_range=(0, 1, 2)"]),
        ("RandomContrast", ["0.2, value_range=(1, 0)"]),
        ("RandomRotation", ["0.2, fill_mode='nope'", "0.2, interpolation='nope'"]),
        (
            "RandomTranslation",
            ["0.2", "0.2, 0.2, fill_mode='nope'", "0.2, 0.2, interpolation='nope'", "0.2, 2."],
        ),
        ("RandomZoom", ["0.2, fill_mode='nope'", "0.2, interpolation='nope'", "0.2, -2."]),
    ]:
        cases += _construct(name, factor_args + extra)
        layer = "keras.layers.%s(%s, name='t')" % (
            name,
            "0.2, 0.2" if name == "RandomTranslation" else "0.2",
        )
        cases += _calls(layer, image, [(4,), (1, 1, 4, 4, 3)])
        cases.append("%s(%s, training=True)" % (layer, _ones(image)))
        cases.append("%s(%s, training=True)" % (layer, _ones(image, "np.int32")))
        cases.append("%s(%s, training=True)" % (layer, _ones((4, 4, 3))))
    cases += _construct("RandomFlip", ["'nope'", "None", "3", "'horizontal', seed='a'"])
    cases += _calls("keras.layers.RandomFlip(name='t')", image, [(4,), (1, 1, 4, 4, 3)])
    cases.append("keras.layers.RandomFlip(name='t')(%s, training=True)" % _ones(image))
    cases.append("keras.layers.RandomFlip(name='t')(%s, training=True)" % _ones((4, 4, 3)))
    return cases


def _generated():
    return (
        _activations()
        + _adaptive()
        + _attention()
        + _convolutional()
        + _core()
        + _einsum()
        + _merging()
        + _pooling()
        + _preprocessing()
        + _regularization()
        + _reshaping()
        + _rnn()
        + _wrappers()
    )


def cases():
    """Every case as ``(source, None)``, in a stable order, no duplicates."""
    seen = set()
    result = []
    for source in _generated():
        if source not in seen:
            seen.add(source)
            result.append((source, None))
    return result
