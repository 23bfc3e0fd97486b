import re

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


SYMBOLIC_CROPS = [
    ("Cropping1D((3, 3))", (4, 1)),
    ("Cropping1D((2, 2))", (4, 1)),
    ("Cropping1D((3, 3))", (None, 1)),
    ("Cropping2D(((2, 2), (0, 0)))", (4, 4, 1)),
    ("Cropping2D(((0, 0), (1, 1)))", (4, 4, 1)),
    ("Cropping3D(((2, 2), (0, 0), (0, 0)))", (4, 4, 4, 1)),
    ("Reshape((5,))", (4,)),
    ("MaxPooling2D(padding='foo')", (4, 4, 1)),
]


def _symbolic_outcome(keras, layer_source, shape):
    """A layer called on ``keras.Input(shape)``: its output shape, or its error (class and
    text, the KerasTensor's auto-numbered name left out)."""
    layer = eval("keras.layers." + layer_source, {"keras": keras})  # noqa: S307 - this file's
    try:
        return "ok", tuple(layer(keras.Input(shape)).shape)
    except ValueError as error:
        return "ValueError", re.sub(r"name=keras_tensor_?\d*", "name=", str(error))


@pytest.mark.parametrize("source", SYMBOLIC_CROPS, ids=[s[0] for s in SYMBOLIC_CROPS])
def test_symbolic_calls_check_shapes_and_report_as_keras(source):
    """A symbolic call checks the output shape (no negative sizes) and its error carries
    Keras' ``symbolic_call`` context (``args=(...)``, ``kwargs`` unbound)."""
    from torchkeras import keras

    kind, detail = _symbolic_outcome(keras, *source)
    if kind != "ok":
        assert detail.startswith("Exception encountered when calling "), detail
        assert detail.endswith("• kwargs=<class 'inspect._empty'>"), detail
    tf_real = pytest.importorskip("tensorflow")
    assert (kind, detail) == _symbolic_outcome(tf_real.keras, *source)
