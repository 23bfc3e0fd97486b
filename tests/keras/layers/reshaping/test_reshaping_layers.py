import numpy as np
import pytest

from torchkeras.keras import layers

X = np.arange(24, dtype="float32").reshape(2, 3, 4)


def test_flatten():
    assert layers.Flatten()(X).shape == (2, 12)
    assert layers.Flatten()(np.ones(3)).shape == (3, 1)
    np.testing.assert_array_equal(
        layers.Flatten(data_format="channels_first")(X).numpy(),
        np.moveaxis(X, 1, -1).reshape(2, -1),
    )
    assert layers.Flatten().compute_output_shape((None, 3, None)) == (None, None)


def test_reshape():
    np.testing.assert_array_equal(layers.Reshape((4, 3))(X).numpy(), X.reshape(2, 4, 3))
    assert layers.Reshape((-1, 2))(X).shape == (2, 6, 2)
    assert layers.Reshape((-1, 2)).compute_output_shape((None, 3, 4)) == (None, 6, 2)
    with pytest.raises(ValueError, match="The total size of the tensor must be unchanged"):
        layers.Reshape((5,))(X)


def test_permute_and_repeat_vector():
    np.testing.assert_array_equal(layers.Permute((2, 1))(X).numpy(), X.transpose(0, 2, 1))
    with pytest.raises(ValueError, match="Invalid permutation argument `dims`"):
        layers.Permute((0, 1))
    out = layers.RepeatVector(3)(np.array([[1.0, 2.0]]))
    assert out.numpy().tolist() == [[[1.0, 2.0]] * 3]
    with pytest.raises(ValueError, match="expected ndim=2, found ndim=3"):
        layers.RepeatVector(2)(X)
