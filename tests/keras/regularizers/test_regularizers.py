import numpy as np
import pytest

from torchkeras import keras

W = np.array([[1.0, -2.0], [3.0, -4.0]], dtype=np.float32)


def test_penalties():
    assert float(keras.regularizers.L1(0.1)(W)) == pytest.approx(1.0)
    assert float(keras.regularizers.L2(0.01)(W)) == pytest.approx(0.3)
    assert float(keras.regularizers.L1L2(l1=0.1, l2=0.01)(W)) == pytest.approx(1.3)
    assert float(keras.regularizers.l1_l2()(W)) == 0.0


def test_config_and_get():
    assert keras.regularizers.l2(0.01).get_config() == {"l2": 0.01}
    assert keras.regularizers.L1L2(0.1).get_config() == {"l1": 0.1, "l2": 0.0}
    assert isinstance(keras.regularizers.get("l1"), keras.regularizers.L1)
    reg = keras.regularizers.deserialize(keras.regularizers.serialize(keras.regularizers.L2(0.5)))
    assert reg.get_config() == {"l2": 0.5}
    with pytest.raises(ValueError, match="Invalid value for argument l2: expected a non-negative"):
        keras.regularizers.L2(-1)
