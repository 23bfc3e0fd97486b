import numpy as np

from torchkeras import keras

W = np.array([[3.0, 0.1], [4.0, -0.1]], dtype=np.float32)


def test_max_norm_rescales_columns_over_the_limit():
    out = keras.constraints.MaxNorm(max_value=2)(W).numpy()
    np.testing.assert_allclose(
        np.linalg.norm(out, axis=0), [2.0, np.linalg.norm(W[:, 1])], rtol=1e-5
    )


def test_non_neg_unit_norm_min_max_norm():
    np.testing.assert_array_equal(
        keras.constraints.NonNeg()(W).numpy(), np.array([[3.0, 0.1], [4.0, 0.0]], np.float32)
    )
    np.testing.assert_allclose(
        np.linalg.norm(keras.constraints.UnitNorm()(W).numpy(), axis=0), [1.0, 1.0], rtol=1e-5
    )
    out = keras.constraints.MinMaxNorm(min_value=1.0, max_value=2.0)(W).numpy()
    np.testing.assert_allclose(np.linalg.norm(out, axis=0), [2.0, 1.0], rtol=1e-5)


def test_config_and_get():
    assert keras.constraints.MaxNorm().get_config() == {"max_value": 2, "axis": 0}
    assert isinstance(keras.constraints.get("non_neg"), keras.constraints.NonNeg)
    assert keras.constraints.max_norm is keras.constraints.MaxNorm
    c = keras.constraints.deserialize(
        keras.constraints.serialize(keras.constraints.MinMaxNorm(0.5, 3.0, 0.5, 1))
    )
    assert c.get_config() == {"min_value": 0.5, "max_value": 3.0, "rate": 0.5, "axis": 1}
