"""``tf.linalg`` pinv/matrix_rank/diag/tensor_diag(_part) and ``tf.sets.size`` on inputs of
the wrong dtype or shape: TF's errors and results (compared with TF when it is installed)."""

import numpy as np
import pytest

from oracle_compare import implementations

import torchkeras
from torchkeras.framework.errors import InvalidArgumentError

CASES = [
    (
        lambda tf: tf.linalg.pinv(1.0),
        ValueError,
        "Input `a` must have at least 2 dimensions (saw: 0).",
    ),
    (
        lambda tf: tf.linalg.pinv([[1]]),
        TypeError,
        "Input `a` must have `float`-like `dtype` (saw int32).",
    ),
    (
        lambda tf: tf.linalg.matrix_rank("x"),
        TypeError,
        "Input `a` must have `float`-like `dtype` (saw string).",
    ),
    (lambda tf: tf.linalg.diag([True]), TypeError, "Cannot convert 0 to EagerTensor of dtype bool"),
    (
        lambda tf: tf.sets.size("x"),
        TypeError,
        "Expected `SparseTensor`, got tf.Tensor(b'x', shape=(), dtype=string).",
    ),
]
KERNEL_ERRORS = [
    (lambda tf: tf.linalg.tensor_diag(["a"]), "Value for attr 'T' of string is not in the list"),
    (
        lambda tf: tf.linalg.tensor_diag_part(np.zeros((0, 3))),
        "Invalid shape [0,3]: dimensions 0 and 1 do not match.",
    ),
    (
        lambda tf: tf.linalg.tensor_diag_part([1.0, 2.0]),
        "even and positive, got shape [2]",
    ),
]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_python_errors_are_tfs(index):
    call, cls, message = CASES[index]
    for tf in implementations():
        with pytest.raises(cls) as info:
            call(tf)
        assert str(info.value) == message, tf.__name__


@pytest.mark.parametrize("index", range(len(KERNEL_ERRORS)))
def test_kernel_errors_are_tfs(index):
    call, text = KERNEL_ERRORS[index]
    for tf in implementations():
        cls = InvalidArgumentError if tf is torchkeras else tf.errors.InvalidArgumentError
        with pytest.raises(cls) as info:
            call(tf)
        assert text in str(info.value), tf.__name__


def test_matrix_rank_of_empty_matrices_and_int_lists():
    for tf in implementations():
        assert tf.linalg.matrix_rank(np.zeros((2, 0, 3), np.float32)).numpy().tolist() == [0, 0]
        assert tf.linalg.matrix_rank([[1, 2], [2, 4]]).numpy() == 1
