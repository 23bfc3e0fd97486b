"""Raw ``tf.Variable``s in a Keras layer against real Keras 3: not tracked, not trained."""

import numpy as np
import pytest

import torchkeras


def _counts(tf, keras):
    class Raw(keras.layers.Layer):
        def build(self, input_shape):
            self.w = tf.Variable(tf.ones((input_shape[-1], 3)))
            self.b = tf.Variable(tf.zeros((3,)), trainable=True)

        def call(self, x):
            return tf.matmul(x, self.w) + self.b

    inputs = keras.Input((4,))
    model = keras.Model(inputs, Raw()(inputs))
    model.compile(optimizer="sgd", loss="mse")
    with pytest.warns(UserWarning, match="The model does not have any trainable weights."):
        model.fit(np.ones((4, 4), "float32"), np.zeros((4, 3), "float32"), verbose=0)
    layer = model.layers[1]
    return (
        model.count_params(),
        len(model.trainable_weights),
        len(layer.weights),
        float(np.asarray(layer.w).sum()),
    )


EXPECTED = (0, 0, 0, 12.0)  # real Keras 3.15: untracked, so fit leaves them as they were


def test_raw_variables_untracked():
    assert _counts(torchkeras, torchkeras.keras) == EXPECTED


def test_raw_variables_match_keras():
    tf_real = pytest.importorskip("tensorflow")
    import keras

    assert _counts(tf_real, keras) == EXPECTED
