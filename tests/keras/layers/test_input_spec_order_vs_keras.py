"""Keras checks a layer's ``input_spec`` before building it (and again after): an input of the wrong
rank gets the input-spec error, not whatever the build would raise.  Compared with real Keras 3."""

import numpy as np
import pytest

pytest.importorskip("tensorflow")
import keras as real_keras  # noqa: E402

from torchkeras import keras  # noqa: E402


def _rank3_layer(k):
    class Rank3(k.layers.Layer):
        """Declares rank 3 in ``__init__``; its ``build`` would fail on another rank."""

        def __init__(self):
            super().__init__()
            self.input_spec = k.layers.InputSpec(ndim=3)

        def build(self, input_shape):
            if len(input_shape) != 3:
                raise RuntimeError("build reached with rank %d" % len(input_shape))
            self.w = self.add_weight(shape=(input_shape[2], 2))

        def call(self, inputs):
            return k.ops.matmul(inputs, self.w)

    return Rank3()


CASES = {
    "custom_rank2": (_rank3_layer, (2, 4)),
    "bidirectional_rank2": (lambda k: k.layers.Bidirectional(k.layers.LSTM(3)), (2, 4)),
    "conv2d_rank3": (lambda k: k.layers.Conv2D(2, 3), (2, 5, 5)),
    "lstm_rank2": (lambda k: k.layers.LSTM(3), (2, 4)),
    "dense_rank1": (lambda k: k.layers.Dense(2), (4,)),
}


def _error(k, name, symbolic):
    make, shape = CASES[name]
    layer = make(k)
    try:
        if symbolic:
            layer(k.Input(batch_shape=shape))
        else:
            layer(np.ones(shape, np.float32))
    except Exception as error:  # noqa: BLE001 - the class and text are what is compared
        return type(error).__name__, str(error).replace("real_", "").split("\n")[0]
    return "no error"


@pytest.mark.parametrize("symbolic", [False, True], ids=["eager", "symbolic"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_wrong_rank_raises_keras_input_spec_error(name, symbolic):
    keras.backend.clear_session()
    real_keras.backend.clear_session()
    assert _error(keras, name, symbolic) == _error(real_keras, name, symbolic)
