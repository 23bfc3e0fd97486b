"""Chapter 3, section 3.6.1–3.6.2: listing 3.22 (a ``Dense`` layer implemented as a
``Layer`` subclass), automatic shape inference, and the section's other code
(``layers.Dense(32, activation="relu")``, Sequential models of built-in layers
and of four ``SimpleDense``)."""

import pytest


def simple_dense_class(tf, keras):
    """Listing 3.22, verbatim."""

    class SimpleDense(keras.layers.Layer):
        def __init__(self, units, activation=None):
            super().__init__()
            self.units = units
            self.activation = activation

        def build(self, input_shape):
            input_dim = input_shape[-1]
            self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
            self.b = self.add_weight(shape=(self.units,), initializer="zeros")

        def call(self, inputs):
            y = tf.matmul(inputs, self.W) + self.b
            if self.activation is not None:
                y = self.activation(y)
            return y

    return SimpleDense


def test_3_22_simple_dense_builds_on_first_call(tf, keras, device):
    SimpleDense = simple_dense_class(tf, keras)
    my_dense = SimpleDense(units=32, activation=tf.nn.relu)
    assert my_dense.built is False
    assert my_dense.weights == []
    input_tensor = tf.ones(shape=(2, 784))
    output_tensor = my_dense(input_tensor)
    assert output_tensor.shape == (2, 32)
    assert str(output_tensor.shape) == "(2, 32)"
    assert my_dense.built is True
    assert [tuple(w.shape) for w in my_dense.weights] == [(784, 32), (32,)]
    assert [w.trainable for w in my_dense.weights] == [True, True]
    assert output_tensor.device.endswith("/device:%s:0" % device)
    assert float(tf.reduce_min(output_tensor)) >= 0.0
    assert my_dense.b.numpy().tolist() == [0.0] * 32


def test_3_6_2_builtin_dense_layer(tf, keras, device):
    from_layers = keras.layers
    layer = from_layers.Dense(32, activation="relu")
    assert layer.units == 32
    assert layer.activation is keras.activations.relu
    assert layer.built is False
    out = layer(tf.ones((5, 10)))
    assert out.shape == (5, 32)
    assert [tuple(w.shape) for w in layer.weights] == [(10, 32), (32,)]


def test_3_6_2_sequential_of_builtin_layers_infers_shapes(tf, keras, device):
    model = keras.models.Sequential(
        [
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(32),
        ]
    )
    assert model.built is False
    assert model.weights == []
    assert model(tf.ones((4, 20))).shape == (4, 32)
    assert [tuple(w.shape) for w in model.weights] == [(20, 32), (32,), (32, 32), (32,)]


def test_3_6_2_sequential_of_four_simple_dense(tf, keras, device):
    SimpleDense = simple_dense_class(tf, keras)
    model = keras.Sequential(
        [
            SimpleDense(32, activation=tf.nn.relu),
            SimpleDense(64, activation=tf.nn.relu),
            SimpleDense(32, activation=tf.nn.relu),
            SimpleDense(10, activation=tf.nn.softmax),
        ]
    )
    output = model(tf.ones((3, 784)))
    assert output.shape == (3, 10)
    assert len(model.weights) == 8
    assert [tuple(w.shape) for w in model.weights] == [
        (784, 32),
        (32,),
        (32, 64),
        (64,),
        (64, 32),
        (32,),
        (32, 10),
        (10,),
    ]
    sums = tf.reduce_sum(output, axis=-1).numpy()
    assert abs(sums - 1.0).max() < 1e-5


def test_3_6_2_string_activation_in_simple_dense_fails_like_keras(tf, keras, device):
    """The chapter passes ``activation="relu"`` to SimpleDense, which stores the
    string and calls it: Keras fails on the first call, and so do we."""
    SimpleDense = simple_dense_class(tf, keras)
    model = keras.Sequential(
        [SimpleDense(32, activation="relu"), SimpleDense(10, activation="softmax")]
    )
    with pytest.raises(TypeError, match="'str' object is not callable"):
        model(tf.ones((3, 784)))
