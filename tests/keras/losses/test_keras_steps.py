"""The loss functions on predictions that are not floating (``keras_steps.py``): Keras' own
steps, so integer arithmetic, TF's conversion errors and the first refusing op's error are
Keras on TF's.  Expected outcomes are real TF 2.21 / Keras 3.15's."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

INTS = (np.array([[0, 1]]), np.array([[1, 0]]))


def test_mean_squared_error_of_integers_is_computed_in_integers_then_averaged():
    result = keras.losses.mean_squared_error(*INTS)
    assert (result.dtype, result.numpy().tolist()) == (tf.float32, [1.0])


def test_huber_of_integers_uses_an_integer_delta():
    assert keras.losses.huber(*INTS).numpy().tolist() == [0.0]


def test_binary_crossentropy_of_integers_refuses_its_float_constant():
    with pytest.raises(TypeError, match="Cannot convert 0.9999999 to EagerTensor of dtype int64"):
        keras.losses.binary_crossentropy(*INTS)


def test_hinge_of_strings_fails_in_keras_type_promotion():
    with pytest.raises(ValueError, match="dtype='string' is not a valid dtype for Keras type"):
        keras.losses.hinge("a", "b")


def test_float_predictions_keep_the_torch_kernels():
    y_true = np.array([[0.0, 1.0]], np.float32)
    y_pred = np.array([[0.2, 0.8]], np.float32)
    np.testing.assert_allclose(keras.losses.mean_squared_error(y_true, y_pred).numpy(), [0.04])


FUNCTIONS = [
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_hinge",
    "hinge",
    "huber",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "poisson",
    "squared_hinge",
]


def _outcome(function, arguments):
    try:
        result = function(*arguments)
    except Exception as error:  # noqa: BLE001 - the outcome compared is the error
        return type(error).__name__, str(error).split("}} ")[-1].split("\n")[0][:60]
    return np.asarray(result).dtype.name, np.round(np.asarray(result), 5).tolist()


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("arguments", [INTS, ("a", "b")], ids=["ints", "strings"])
def test_same_outcome_as_keras(name, arguments):
    real_keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    ours = _outcome(getattr(keras.losses, name), arguments)
    assert ours == _outcome(getattr(real_keras.losses, name), arguments)


def test_cosine_similarity_of_integers_fails_in_rsqrt():
    with pytest.raises(tf.errors.InvalidArgumentError, match="of int64 is not in the list"):
        keras.losses.cosine_similarity(*INTS)
