"""Differential test: every loss (class and function) against real Keras 3."""

import re

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
keras_real = tf_real.keras

from torchkeras.keras import losses  # noqa: E402

rng = np.random.default_rng(0)
N, C = 6, 4
PROBS = rng.dirichlet(np.ones(C), size=N).astype("float32")
LOGITS = rng.normal(size=(N, C)).astype("float32")
ONE_HOT = np.eye(C, dtype="float32")[rng.integers(0, C, size=N)]
SPARSE = rng.integers(0, C, size=(N,)).astype("int32")
BIN_TRUE = rng.integers(0, 2, size=(N, 1)).astype("float32")
BIN_PROB = rng.uniform(0.05, 0.95, size=(N, 1)).astype("float32")
REG_TRUE = rng.normal(size=(N, C)).astype("float32")
REG_PRED = rng.normal(size=(N, C)).astype("float32") * 2
POS_TRUE = rng.uniform(0.1, 3, size=(N, C)).astype("float32")
POS_PRED = rng.uniform(0.1, 3, size=(N, C)).astype("float32")
WEIGHTS = rng.uniform(0, 2, size=(N,)).astype("float32")

CASES = [
    ("MeanSquaredError", {}, REG_TRUE, REG_PRED),
    ("MeanAbsoluteError", {}, REG_TRUE, REG_PRED),
    ("MeanAbsolutePercentageError", {}, REG_TRUE, REG_PRED),
    ("MeanSquaredLogarithmicError", {}, POS_TRUE, POS_PRED),
    ("CosineSimilarity", {}, REG_TRUE, REG_PRED),
    ("Huber", {}, REG_TRUE, REG_PRED),
    ("Huber", {"delta": 0.5}, REG_TRUE, REG_PRED),
    ("LogCosh", {}, REG_TRUE, REG_PRED),
    ("Hinge", {}, BIN_TRUE, BIN_PROB),
    ("SquaredHinge", {}, BIN_TRUE, BIN_PROB),
    ("Hinge", {}, REG_TRUE, REG_PRED),
    ("CategoricalHinge", {}, ONE_HOT, PROBS),
    ("Poisson", {}, POS_TRUE, POS_PRED),
    ("KLDivergence", {}, ONE_HOT, PROBS),
    ("BinaryCrossentropy", {}, BIN_TRUE, BIN_PROB),
    ("BinaryCrossentropy", {"from_logits": True, "label_smoothing": 0.1}, BIN_TRUE, LOGITS[:, :1]),
    ("BinaryCrossentropy", {}, (ONE_HOT > 0).astype("float32"), PROBS),
    ("BinaryFocalCrossentropy", {}, BIN_TRUE, BIN_PROB),
    (
        "BinaryFocalCrossentropy",
        {"apply_class_balancing": True, "gamma": 1.5, "from_logits": True, "label_smoothing": 0.2},
        BIN_TRUE,
        LOGITS[:, :1],
    ),
    ("CategoricalCrossentropy", {}, ONE_HOT, PROBS),
    ("CategoricalCrossentropy", {"from_logits": True, "label_smoothing": 0.1}, ONE_HOT, LOGITS),
    ("CategoricalFocalCrossentropy", {}, ONE_HOT, PROBS),
    (
        "CategoricalFocalCrossentropy",
        {"from_logits": True, "alpha": 0.5, "gamma": 1.0},
        ONE_HOT,
        LOGITS,
    ),
    ("SparseCategoricalCrossentropy", {}, SPARSE, PROBS),
    ("SparseCategoricalCrossentropy", {}, SPARSE[:, None], PROBS),
    ("SparseCategoricalCrossentropy", {"from_logits": True}, SPARSE, LOGITS),
    ("SparseCategoricalCrossentropy", {"ignore_class": 1}, SPARSE, PROBS),
]


@pytest.mark.parametrize(
    "reduction", ["sum_over_batch_size", "sum", "none", "mean_with_sample_weight"]
)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("name,kwargs,y_true,y_pred", CASES)
def test_loss_class_matches_keras(name, kwargs, y_true, y_pred, reduction, weighted):
    sample_weight = WEIGHTS if weighted else None
    theirs = getattr(keras_real.losses, name)(reduction=reduction, **kwargs)
    expected = theirs(y_true, y_pred, sample_weight=sample_weight)
    got = getattr(losses, name)(reduction=reduction, **kwargs)(
        y_true, y_pred, sample_weight=sample_weight
    )
    assert got.dtype.name == expected.dtype.name
    np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-5, atol=1e-6)


FUNCTIONS = [
    ("mse", REG_TRUE, REG_PRED),
    ("mae", REG_TRUE, REG_PRED),
    ("mape", REG_TRUE, REG_PRED),
    ("msle", POS_TRUE, POS_PRED),
    ("kld", ONE_HOT, PROBS),
    ("logcosh", REG_TRUE, REG_PRED),
    ("huber", REG_TRUE, REG_PRED),
    ("hinge", BIN_TRUE, BIN_PROB),
    ("squared_hinge", BIN_TRUE, BIN_PROB),
    ("categorical_hinge", ONE_HOT, PROBS),
    ("poisson", POS_TRUE, POS_PRED),
    ("binary_crossentropy", BIN_TRUE, BIN_PROB),
    ("categorical_crossentropy", ONE_HOT, PROBS),
    ("sparse_categorical_crossentropy", SPARSE, PROBS),
    ("cosine_similarity", REG_TRUE, REG_PRED),
    ("binary_focal_crossentropy", BIN_TRUE, BIN_PROB),
    ("categorical_focal_crossentropy", ONE_HOT, PROBS),
]


@pytest.mark.parametrize("name,y_true,y_pred", FUNCTIONS)
def test_loss_function_matches_keras(name, y_true, y_pred):
    expected = getattr(tf_real.keras.losses, name)(y_true, y_pred)
    got = getattr(losses, name)(y_true, y_pred)
    np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-5, atol=1e-6)


def test_float64_function_keeps_dtype_like_keras():
    a, b = REG_TRUE.astype("float64"), REG_PRED.astype("float64")
    assert losses.mse(a, b).dtype.name == tf_real.keras.losses.mse(a, b).dtype.name == "float64"


@pytest.mark.parametrize(
    "name",
    [
        "MeanSquaredError",
        "BinaryCrossentropy",
        "SparseCategoricalCrossentropy",
        "Huber",
        "BinaryFocalCrossentropy",
        "CategoricalFocalCrossentropy",
    ],
)
def test_config_matches_keras(name):
    assert getattr(losses, name)().get_config() == getattr(keras_real.losses, name)().get_config()
    assert losses.serialize(getattr(losses, name)()) == keras_real.losses.serialize(
        getattr(keras_real.losses, name)()
    )


@pytest.mark.parametrize(
    "name,y_true,y_pred",
    [
        ("BinaryCrossentropy", np.zeros((4, 3)), np.full((4, 2), 0.5)),
        ("CategoricalCrossentropy", np.zeros((4, 3)), np.full((4, 2), 0.5)),
        ("SparseCategoricalCrossentropy", np.zeros((4, 3)), np.full((4, 2), 0.5)),
        ("CategoricalCrossentropy", np.zeros((4,)), np.full((4, 2), 0.5)),
    ],
)
def test_bad_shapes_raise_like_keras(name, y_true, y_pred):
    with pytest.raises(ValueError) as expected:
        getattr(keras_real.losses, name)()(y_true, y_pred)
    with pytest.raises(ValueError) as got:
        getattr(losses, name)()(y_true, y_pred)
    assert str(got.value) == str(expected.value)


def test_mse_incompatible_shapes_message_matches_tf():
    with pytest.raises(tf_real.errors.InvalidArgumentError) as expected:
        keras_real.losses.MeanSquaredError()(np.zeros((4, 3)), np.ones((4, 2)))
    from torchkeras import errors

    with pytest.raises(errors.InvalidArgumentError) as got:
        losses.MeanSquaredError()(np.zeros((4, 3)), np.ones((4, 2)))
    assert str(got.value) == str(expected.value)


@pytest.mark.parametrize(
    "identifier,y_true_shape,y_pred_shape",
    [
        ("mse", (8, 1), (8, 1)),
        ("mean_squared_error", (8, 1), (8, 1)),
        ("crossentropy", (8, 1), (8, 1)),
        ("CE", (8,), (8, 3)),
        ("crossentropy", (8, 3), (8, 3)),
        ("BinaryCrossentropy", (8, 1), (8, 1)),
    ],
)
def test_compile_loss_resolution_matches_keras(identifier, y_true_shape, y_pred_shape):
    from keras.src.trainers.compile_utils import get_loss

    theirs = get_loss(identifier, np.zeros(y_true_shape), np.zeros(y_pred_shape))
    ours = losses.get_loss(identifier, y_true_shape, y_pred_shape)
    assert type(ours).__name__ == type(theirs).__name__
    assert re.sub(r"_\d+$", "", ours.name) == re.sub(r"_\d+$", "", theirs.name)
    if hasattr(theirs, "fn"):
        assert ours.fn.__name__ == theirs.fn.__name__
