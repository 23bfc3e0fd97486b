"""Bad-input cases of Keras' training objects: every loss, metric and optimizer class both
implementations have (and the loss functions), built with invalid arguments and fed wrong
shapes, dtypes, strings, ``None``, empty and NaN values.  Stateful cases check that a failed
metric update or optimizer step leaves the metric's result or the variable as it was.

Same form as ``cases.py``: a case is an expression, or ``(statements, state expression)``.
"""

LOSSES = [
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalHinge",
    "CosineSimilarity",
    "Hinge",
    "Huber",
    "KLDivergence",
    "LogCosh",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Poisson",
    "SparseCategoricalCrossentropy",
    "SquaredHinge",
]

LOSS_FUNCTIONS = [
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_hinge",
    "cosine_similarity",
    "hinge",
    "huber",
    "kl_divergence",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "poisson",
    "sparse_categorical_crossentropy",
    "squared_hinge",
]

METRICS = {
    "AUC": "",
    "Accuracy": "",
    "BinaryAccuracy": "",
    "BinaryCrossentropy": "",
    "CategoricalAccuracy": "",
    "CategoricalCrossentropy": "",
    "CategoricalHinge": "",
    "CosineSimilarity": "",
    "F1Score": "",
    "FBetaScore": "",
    "FalseNegatives": "",
    "FalsePositives": "",
    "Hinge": "",
    "KLDivergence": "",
    "LogCoshError": "",
    "MeanAbsoluteError": "",
    "MeanAbsolutePercentageError": "",
    "MeanIoU": "num_classes=2",
    "MeanSquaredError": "",
    "MeanSquaredLogarithmicError": "",
    "Poisson": "",
    "Precision": "",
    "PrecisionAtRecall": "0.5",
    "Recall": "",
    "RecallAtPrecision": "0.5",
    "RootMeanSquaredError": "",
    "SensitivityAtSpecificity": "0.5",
    "SparseCategoricalAccuracy": "",
    "SparseCategoricalCrossentropy": "",
    "SparseTopKCategoricalAccuracy": "",
    "SpecificityAtSensitivity": "0.5",
    "SquaredHinge": "",
    "TopKCategoricalAccuracy": "",
    "TrueNegatives": "",
    "TruePositives": "",
}
"""Each metric class with the constructor arguments a valid instance needs."""

OPTIMIZERS = ["Adadelta", "Adagrad", "Adam", "AdamW", "Adamax", "Lion", "Nadam", "RMSprop", "SGD"]

PAIRS = [
    "np.ones((2, 2)), np.ones((2, 3))",
    "np.ones((2, 2)), np.ones((3, 2))",
    "np.array(['a', 'b']), np.ones((2,))",
    "np.ones((2,)), np.array(['a', 'b'])",
    "None, np.ones((2,))",
    "np.ones((2,)), None",
    "np.zeros((0, 2)), np.zeros((0, 2))",
    "np.ones((2, 2)), np.full((2, 2), np.nan)",
    "np.array([[0, 1]]), np.array([[1, 0]])",
    "'a', 'b'",
]
"""``(y_true, y_pred)`` argument pairs that do not fit a loss or metric."""

GOOD_PAIR = (
    "np.array([[0., 1.], [1., 0.]], np.float32), np.array([[0.2, 0.8], [0.6, 0.4]], np.float32)"
)
SPARSE_GOOD_PAIR = "np.array([1, 0]), np.array([[0.2, 0.8], [0.6, 0.4]], np.float32)"


def _loss_cases():
    for name in LOSSES:
        loss = "keras.losses.%s()" % name
        for pair in PAIRS:
            yield "%s(%s)" % (loss, pair)
        yield "%s(%s, sample_weight=np.ones((3,)))" % (loss, GOOD_PAIR)
        yield "%s(%s, sample_weight='a')" % (loss, GOOD_PAIR)
        yield "%s(%s, sample_weight=np.array([1., -1.]))" % (loss, GOOD_PAIR)
    for name in LOSS_FUNCTIONS:
        for pair in PAIRS:
            yield "keras.losses.%s(%s)" % (name, pair)


def _metric_cases():
    for name, args in METRICS.items():
        metric = "keras.metrics.%s(%s)" % (name, args)
        for pair in PAIRS:
            yield "%s.update_state(%s)" % (metric, pair)
        yield "%s.result()" % metric
        yield "%s.update_state(%s, sample_weight=np.ones((3,)))" % (metric, GOOD_PAIR)
        yield "%s.update_state(%s, sample_weight='a')" % (metric, GOOD_PAIR)
        good = SPARSE_GOOD_PAIR if "Sparse" in name else GOOD_PAIR
        for pair in PAIRS[:2] + PAIRS[2:4]:
            yield (
                "m = %s\nm.update_state(%s)\nm.update_state(%s)" % (metric, good, pair),
                "m.result()",
            )
    for name in ("Mean", "Sum"):
        for value in ("'a'", "None", "np.zeros((0,))", "[np.nan]", "[[1.], [2., 3.]]"):
            yield "keras.metrics.%s().update_state(%s)" % (name, value)
        yield (
            "m = keras.metrics.%s()\nm.update_state([1., 2.])\nm.update_state('a')" % name,
            "m.result()",
        )
        yield "keras.metrics.%s().update_state([1., 2.], sample_weight=[1., 2., 3.])" % name


CONSTRUCTOR_ARGUMENTS = [
    "learning_rate='a'",
    "learning_rate=None",
    "clipnorm=1., global_clipnorm=1.",
    "clipvalue=1., clipnorm=1.",
    "weight_decay='x'",
    "ema_momentum=2.",
    "use_ema=True, ema_momentum=-1.",
    "gradient_accumulation_steps=0",
    "gradient_accumulation_steps=1.5",
    "loss_scale_factor='x'",
    "nope=1",
]

STEPS = [
    "[(tf.ones([3]), v)]",
    "[(tf.constant([1, 2]), v)]",
    "[(tf.constant(['a', 'b']), v)]",
    "[(None, v)]",
    "[]",
    "[(tf.constant([1., 2.], tf.float64), v)]",
    "[(tf.ones([2]), v), (tf.ones([2]), v)]",
    "[(tf.ones([2]), tf.constant([1., 2.]))]",
    "[(tf.ones([2]),)]",
    "[(tf.constant([np.nan, 1.]), v)]",
]
"""``apply_gradients`` arguments for a variable ``v = tf.Variable([1., 2.])``."""


def _optimizer_cases():
    for name in OPTIMIZERS:
        for arguments in CONSTRUCTOR_ARGUMENTS:
            yield "keras.optimizers.%s(%s)" % (name, arguments)
        for step in STEPS:
            yield (
                "v = tf.Variable([1., 2.])\nopt = keras.optimizers.%s(0.1)\n"
                "opt.apply_gradients(%s)" % (name, step),
                "v.numpy()",
            )
    yield "keras.optimizers.LossScaleOptimizer('sgd')"
    yield "keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(), initial_scale=-1.)"
    yield "keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(), dynamic_growth_steps=0)"


def cases():
    """The cases, as ``all_cases`` takes them: ``(source, state source or None)``."""
    for generated in (_loss_cases(), _metric_cases(), _optimizer_cases()):
        for case in generated:
            yield case if isinstance(case, tuple) else (case, None)
