"""Errors raised inside a layer's ``call`` carry Keras 3's argument context."""

import numpy as np
import pytest

import torchkeras


def _errors(tf, keras):
    class FlexibleDense(keras.layers.Layer):
        def call(self, x, training=None):
            return tf.matmul(x, tf.ones((5, 2)))

    class Bad(keras.layers.Layer):
        def call(self, x, scale=2, mask=None):
            raise ValueError("boom")

    class Outer(keras.layers.Layer):
        def __init__(self):
            super().__init__()
            self.inner = Bad()

        def call(self, inputs):
            return self.inner(inputs)

    found = []
    for run in (
        lambda: FlexibleDense()(np.ones((2, 3), "float32")),
        lambda: Bad()(tf.ones((2, 3)), scale=[1, (2.5, None)]),
        lambda: Outer()(tf.ones((4,))),
    ):
        with pytest.raises(Exception) as info:
            run()
        found.append((type(info.value).__name__, str(info.value)))
    keras.config.disable_traceback_filtering()
    try:
        with pytest.raises(ValueError) as info:
            Bad()(tf.ones((2, 3)))
        found.append((type(info.value).__name__, str(info.value)))
    finally:
        keras.config.enable_traceback_filtering()
    return found


B, E = "\x1b[1m", "\x1b[0m"
EXPECTED = [  # real Keras 3.15 on TF 2.21
    (
        "InvalidArgumentError",
        "Exception encountered when calling FlexibleDense.call().\n\n" + B + "{{function_node "
        "__wrapped____MklMatMul_device_/job:localhost/replica:0/task:0/device:CPU:0}}"
        " Matrix size-incompatible: In[0]: [2,3], In[1]: [5,2] [Op:MatMul] name: "
        + E
        + "\n\nArguments received by FlexibleDense.call():\n"
        "  • x=tf.Tensor(shape=(2, 3), dtype=float32)\n  • training=None",
    ),
    (
        "ValueError",
        "Exception encountered when calling Bad.call().\n\n"
        + B
        + "boom"
        + E
        + "\n\nArguments received by Bad.call():\n  • x=tf.Tensor(shape=(2, 3), dtype=float32)\n"
        "  • scale=['1', ('2.5', 'None')]\n  • mask=None",
    ),
    (
        "ValueError",
        "Exception encountered when calling Bad.call().\n\n"
        + B
        + "boom"
        + E
        + "\n\nArguments received by Bad.call():\n  • x=tf.Tensor(shape=(4,), dtype=float32)\n"
        "  • scale=2\n  • mask=None",
    ),
    ("ValueError", "boom"),
]


def test_call_errors():
    assert _errors(torchkeras, torchkeras.keras) == EXPECTED


def test_call_errors_match_keras():
    tf_real = pytest.importorskip("tensorflow")
    import keras

    assert _errors(tf_real, keras) == _errors(torchkeras, torchkeras.keras)
