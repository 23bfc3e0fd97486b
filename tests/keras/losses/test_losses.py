"""Losses without TensorFlow: values by hand, reductions, lookup, gradients, errors."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import errors
from torchkeras import keras
from torchkeras.keras import losses


def test_mse_class_and_function():
    y_true = np.array([[0.0, 1.0], [0.0, 0.0]], dtype="float32")
    y_pred = np.array([[1.0, 1.0], [1.0, 0.0]], dtype="float32")
    assert losses.mse(y_true, y_pred).numpy().tolist() == [0.5, 0.5]
    loss = losses.MeanSquaredError()(y_true, y_pred)
    assert isinstance(loss, tf.Tensor) and loss.dtype == tf.float32
    assert float(loss) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "reduction,expected",
    [
        ("sum_over_batch_size", (0.5 * 1 + 0.5 * 3) / 2),
        ("sum", 0.5 * 1 + 0.5 * 3),
        ("mean_with_sample_weight", (0.5 * 1 + 0.5 * 3) / 4),
        ("none", [0.5, 1.5]),
    ],
)
def test_reductions_with_sample_weight(reduction, expected):
    y_true = np.array([[0.0, 1.0], [0.0, 0.0]], dtype="float32")
    y_pred = np.array([[1.0, 1.0], [1.0, 0.0]], dtype="float32")
    value = losses.MeanSquaredError(reduction=reduction)(
        y_true, y_pred, sample_weight=np.array([1.0, 3.0])
    )
    np.testing.assert_allclose(value.numpy(), expected, rtol=1e-6)


def test_invalid_reduction():
    with pytest.raises(ValueError, match="Invalid value for argument `reduction`"):
        losses.MeanSquaredError(reduction="avg")


def test_get_resolves_keras_names():
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get("MSE") is losses.mean_squared_error
    assert isinstance(losses.get("BinaryCrossentropy"), losses.BinaryCrossentropy)
    assert losses.get("sparse_categorical_crossentropy") is losses.sparse_categorical_crossentropy
    custom = lambda y_true, y_pred: y_pred  # noqa: E731
    assert losses.get(custom) is custom
    with pytest.raises(ValueError, match="Could not interpret loss identifier: nope"):
        losses.get("nope")


def test_deserialize_round_trip():
    loss = losses.deserialize(losses.serialize(losses.BinaryCrossentropy(from_logits=True)))
    assert isinstance(loss, losses.BinaryCrossentropy) and loss.from_logits


def test_loss_is_differentiable_in_a_tape():
    w = tf.Variable(np.array([[0.5], [-0.5]], dtype="float32"))
    x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32")
    y = np.array([[1.0], [0.0]], dtype="float32")
    with tf.GradientTape() as tape:
        loss = losses.BinaryCrossentropy(from_logits=True)(y, tf.matmul(x, w))
    grad = tape.gradient(loss, w)
    w_ref = torch.tensor([[0.5], [-0.5]], requires_grad=True)
    torch.nn.functional.binary_cross_entropy_with_logits(
        torch.tensor(x) @ w_ref, torch.tensor(y)
    ).backward()
    np.testing.assert_allclose(grad.numpy(), w_ref.grad.numpy(), rtol=1e-6)


def test_sparse_categorical_ignore_class_averages_over_valid_targets():
    probs = np.array([[0.1, 0.2, 0.7]] * 4, dtype="float32")
    value = losses.SparseCategoricalCrossentropy(ignore_class=0)(np.array([0, 1, 2, 1]), probs)
    expected = (-np.log(0.2) * 2 - np.log(0.7)) / 3
    assert float(value) == pytest.approx(expected, rel=1e-5)


def test_bad_shapes_raise_keras_errors():
    with pytest.raises(ValueError, match=r"target.shape=\(4, 3\), output.shape=\(4, 2\)"):
        losses.CategoricalCrossentropy()(np.zeros((4, 3)), np.full((4, 2), 0.5))
    with pytest.raises(
        errors.InvalidArgumentError, match=r"Incompatible shapes: \[4,3\] vs. \[4,2\]"
    ):
        losses.MeanSquaredError()(np.zeros((4, 3)), np.ones((4, 2)))
    with pytest.raises(errors.InvalidArgumentError, match="outside the valid range"):
        losses.SparseCategoricalCrossentropy()(np.array([0, 5]), np.full((2, 3), 1 / 3))


def test_custom_loss_subclass():
    class Doubled(losses.Loss):
        def call(self, y_true, y_pred):
            return tf.reduce_mean(tf.square(y_true - y_pred), axis=-1) * 2.0

    value = Doubled()(np.zeros((2, 2)), np.ones((2, 2)))
    assert float(value) == pytest.approx(2.0)
    assert Doubled().name.startswith("doubled")


def test_sparse_categorical_crossentropy_reads_shapes_first_as_keras():
    """Keras' function reads ``y_true.shape``: Python lists raise its ``AttributeError``."""
    with pytest.raises(AttributeError, match="'list' object has no attribute 'shape'"):
        keras.losses.sparse_categorical_crossentropy([1], [[0.5, 0.5]])
    with pytest.raises(AttributeError, match="'list' object has no attribute 'shape'"):
        keras.losses.sparse_categorical_crossentropy(np.array([1]), [[0.5, 0.5]])
    loss = keras.losses.sparse_categorical_crossentropy(np.array([1]), np.array([[0.5, 0.5]]))
    np.testing.assert_allclose(loss.numpy(), [np.log(2.0)], rtol=1e-6)


@pytest.mark.parametrize(
    "name,opname,shapes",
    [
        ("kl_divergence", "RealDiv", "[2] vs. [3]"),
        ("poisson", "Mul", "[2] vs. [3]"),
        ("hinge", "Mul", "[2] vs. [3]"),
        ("categorical_hinge", "Mul", "[2] vs. [3]"),
        ("cosine_similarity", "Mul", "[2] vs. [3]"),
        ("huber", "Sub", "[3] vs. [2]"),
        ("log_cosh", "Sub", "[3] vs. [2]"),
    ],
)
def test_mismatched_shapes_raise_tfs_op_error(name, opname, shapes):
    with pytest.raises(tf.errors.InvalidArgumentError) as caught:
        getattr(keras.losses, name)([1.0, 0.0], [0.5, 0.5, 0.2])
    assert "Incompatible shapes: %s [Op:%s]" % (shapes, opname) in str(caught.value)
