import numpy as np
import pytest

from torchkeras.keras import layers


def test_dropout_only_while_training_and_scaled():
    layer = layers.Dropout(0.5)
    x = np.ones((200, 50), "float32")
    assert layer(x).numpy().tolist() == x.tolist()
    out = layer(x, training=True).numpy()
    assert set(np.unique(out)) <= {0.0, 2.0}
    assert 0.4 < (out == 0).mean() < 0.6


def test_dropout_noise_shape_and_seed():
    x = np.ones((4, 100), "float32")
    out = layers.Dropout(0.5, noise_shape=(None, 1), seed=1)(x, training=True).numpy()
    assert all(len(set(row)) == 1 for row in out)
    a = layers.Dropout(0.5, seed=3)(x, training=True).numpy()
    b = layers.Dropout(0.5, seed=3)(x, training=True).numpy()
    np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="Expected a float value between 0 and 1"):
        layers.Dropout(1.5)
    assert layers.Dropout(0.2).get_config()["rate"] == 0.2


def test_noise_shape_that_does_not_broadcast_is_tfs_select_error():
    with pytest.raises(Exception) as caught:
        layers.Dropout(0.5, noise_shape=(3, 1))(np.ones((2, 2)), training=True)
    assert type(caught.value).__name__ == "InvalidArgumentError"
    assert "condition [3,1], then [2,2], and else [] must be broadcastable" in str(caught.value)
