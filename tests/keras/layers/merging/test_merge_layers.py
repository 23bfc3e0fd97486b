import numpy as np
import pytest

from torchkeras import keras
from torchkeras.keras import layers

A = np.array([[1.0, 5.0], [3.0, -2.0]], "float32")
B = np.array([[2.0, 1.0], [0.0, 4.0]], "float32")


@pytest.mark.parametrize(
    "cls,fn,expected",
    [
        (layers.Add, layers.add, A + B),
        (layers.Subtract, layers.subtract, A - B),
        (layers.Multiply, layers.multiply, A * B),
        (layers.Average, layers.average, (A + B) / 2),
        (layers.Maximum, layers.maximum, np.maximum(A, B)),
        (layers.Minimum, layers.minimum, np.minimum(A, B)),
    ],
)
def test_elementwise_merges(cls, fn, expected):
    np.testing.assert_allclose(cls()([A, B]).numpy(), expected)
    np.testing.assert_allclose(fn([A, B]).numpy(), expected)
    x, y = keras.Input((2,)), keras.Input((2,))
    assert fn([x, y]).shape == (None, 2)


def test_concatenate_and_dot():
    assert layers.Concatenate()([A, B]).numpy().tolist() == np.concatenate([A, B], -1).tolist()
    assert layers.concatenate([A, B], axis=0).shape == (4, 2)
    assert layers.Dot(axes=1)([A, B]).numpy().tolist() == [[7.0], [-8.0]]
    cos = layers.Dot(axes=1, normalize=True)([A, A]).numpy()
    np.testing.assert_allclose(cos, [[1.0], [1.0]], rtol=1e-6)
    x, y = keras.Input((3, 4)), keras.Input((3, 5))
    assert layers.Dot(axes=1)([x, y]).shape == (None, 4, 5)
    assert layers.Concatenate(axis=1)([keras.Input((3, 4)), keras.Input((2, 4))]).shape == (
        None,
        5,
        4,
    )


def test_merge_errors():
    with pytest.raises(
        ValueError, match="A `Concatenate` layer requires inputs with matching shapes"
    ):
        layers.Concatenate()([np.ones((2, 3)), np.ones((3, 3))])
    with pytest.raises(ValueError, match="exactly 2 inputs"):
        layers.Subtract()([A, B, A])
    with pytest.raises(ValueError, match="Incompatible input shapes"):
        layers.Dot(axes=1)([np.ones((2, 3)), np.ones((2, 4))])


def test_concatenate_axis_out_of_range_is_tfs_concat_error():
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the class is checked below
        layers.Concatenate(axis=5)([np.ones((2, 2)), np.ones((2, 2))])
    assert type(caught.value).__name__ == "InvalidArgumentError"
    assert (
        "ConcatOp : Expected concatenating dimensions in the range [-2, 2), but got 5 "
        "[Op:ConcatV2] name: concat"
    ) in str(caught.value)
