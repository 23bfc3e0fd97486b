"""The Layer base: lazy build, conversion, tracking, freezing, weights I/O, losses, torch
interop."""

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras import keras
from torchkeras.keras import layers


class Scale(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen = []

    def build(self, input_shape):
        self.seen.append(input_shape)
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="w")
        self.c = self.add_weight(shape=(), initializer="zeros", trainable=False, name="c")

    def call(self, inputs):
        return tf.from_torch(inputs._value * self.w._value + self.c._value)


class Recorder(layers.Layer):
    def call(self, inputs, training=None, mask=None):
        self.last = (training, mask)
        return inputs


class Outer(layers.Layer):
    def __init__(self):
        super().__init__()
        self.inner = Recorder()

    def call(self, inputs):
        return self.inner(inputs)


def test_build_once_on_first_call_with_the_input_shape():
    layer = Scale()
    assert layer.built is False and layer.weights == []
    layer(np.ones((2, 3)))
    layer(np.ones((5, 3)))
    assert layer.seen == [(2, 3)]
    assert layer.built is True
    assert [w.name for w in layer.weights] == ["w", "c"]
    assert [w.path for w in layer.weights] == ["%s/w" % layer.name, "%s/c" % layer.name]


def test_auto_names_per_class_in_snake_case():
    keras.backend.clear_session()
    assert [layers.Dense(1).name, layers.Dense(1).name, layers.BatchNormalization().name] == [
        "dense",
        "dense_1",
        "batch_normalization",
    ]
    assert layers.Dense(1, name="head").name == "head"
    with pytest.raises(
        ValueError, match="Unrecognized keyword arguments passed to Dense: {'unit': 3}"
    ):
        layers.Dense(1, unit=3)


@pytest.mark.parametrize(
    "value",
    [np.ones((2, 3)), torch.ones(2, 3, dtype=torch.float64), tf.ones((2, 3), dtype=tf.float64)],
)
def test_inputs_are_converted_and_cast_to_the_compute_dtype(value):
    out = Scale()(value)
    assert isinstance(out, tf.Tensor) and out.dtype == tf.float32


def test_dtype_argument_sets_weights_and_compute_dtype():
    layer = Scale(dtype="float64")
    out = layer(np.ones((1, 2), np.float32))
    assert out.dtype == tf.float64 and layer.w.dtype == tf.float64 and layer.dtype == "float64"


def test_training_and_mask_reach_only_calls_that_accept_them_and_propagate():
    rec = Recorder()
    # As Keras: a mask passed to a layer without supports_masking is dropped with a warning.
    with pytest.warns(UserWarning, match="Layer 'recorder' .* was passed an input with a mask"):
        rec(np.ones((1, 1)), training=True, mask="m")
    assert rec.last == (True, "m")
    assert Scale()(np.ones((1, 2)), training=True, mask=None).shape == (1, 2)
    outer = Outer()
    outer(np.ones((1, 1)), training=True)
    assert outer.inner.last == (True, None)
    outer(np.ones((1, 1)))
    assert outer.inner.last == (None, None)


def test_nested_inputs():
    class Pair(layers.Layer):
        def call(self, inputs):
            return inputs["a"] + inputs["b"][0]

    out = Pair()({"a": np.ones((2,)), "b": [np.full((2,), 2.0)]})
    assert out.numpy().tolist() == [3.0, 3.0]


def test_weights_registered_as_torch_parameters():
    layer = layers.Dense(3)
    layer(np.ones((2, 4)))
    params = list(layer.parameters())
    assert len(params) == 2 and params[0] is layer.kernel._param
    assert list(layer.state_dict()) == ["kernel", "bias"]
    layer.to("cpu")
    assert layer.kernel._param is params[0]
    state = {k: torch.zeros_like(v) for k, v in layer.state_dict().items()}
    layer.load_state_dict(state)
    assert layer.kernel.numpy().sum() == 0.0


def test_sublayers_in_attributes_lists_tuples_dicts_tracked_in_order():
    class Block(layers.Layer):
        def __init__(self):
            super().__init__()
            self.first = layers.Dense(2, name="first")
            self.group = [layers.Dense(2, name="g0"), (layers.Dense(2, name="g1"),)]
            self.table = {"x": layers.Dense(2, name="x")}

        def call(self, inputs):
            y = self.first(inputs)
            y = self.group[1][0](self.group[0](y))
            return self.table["x"](y)

    block = Block()
    block(np.ones((1, 2)))
    assert [layer.name for layer in block._layers] == ["first", "g0", "g1", "x"]
    assert [w.path for w in block.weights][:4] == [
        "block/first/kernel",
        "block/first/bias",
        "block/g0/kernel",
        "block/g0/bias",
    ]  # built in the first call of block
    assert len(list(block.parameters())) == 8


def test_trainable_false_freezes_layer_and_sublayers():
    model = keras.Sequential([layers.Dense(2), layers.BatchNormalization()])
    model(np.ones((3, 2)))
    assert len(model.trainable_weights) == 4 and len(model.non_trainable_weights) == 2
    model.layers[0].trainable = False
    assert len(model.trainable_weights) == 2
    assert model.layers[0].kernel._param.requires_grad is False
    model.trainable = False
    assert model.trainable_weights == [] and len(model.non_trainable_weights) == 6
    assert not any(p.requires_grad for p in model.parameters())
    model.trainable = True
    assert len(model.trainable_weights) == 4
    assert model.trainable_variables == model.trainable_weights


def test_plain_torch_module_is_tracked_trained_and_switched():
    class Hybrid(layers.Layer):
        def __init__(self):
            super().__init__()
            self.net = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.Dropout(0.5))

        def call(self, inputs):
            return tf.from_torch(self.net(inputs._value))

    layer = Hybrid()
    layer(np.ones((1, 3)), training=True)
    assert layer.net.training is True
    layer(np.ones((1, 3)), training=False)
    assert layer.net.training is False
    weights = layer.trainable_weights
    assert [w.path for w in weights] == [
        "%s/net/0/weight" % layer.name,
        "%s/net/0/bias" % layer.name,
    ]
    assert weights[0]._param is layer.net[0].weight
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(np.ones((2, 3)), training=False))
    grads = tape.gradient(loss, layer.trainable_weights)
    assert grads[0].shape == (2, 3) and float(tf.reduce_sum(grads[1])) == 4.0
    layer.trainable = False
    assert layer.net[0].weight.requires_grad is False and layer.trainable_weights == []


def test_keras_variables_assigned_as_attributes_are_tracked():
    class Direct(layers.Layer):
        def __init__(self):
            super().__init__()
            self.v = keras.Variable(tf.ones((2,)))
            self.frozen = keras.Variable(tf.zeros((1,)), trainable=False)

        def call(self, inputs):
            return inputs * self.v

    layer = Direct()
    assert len(layer.trainable_weights) == 1 and len(layer.non_trainable_weights) == 1
    assert len(list(layer.parameters())) == 2


def test_raw_tf_variables_are_not_tracked():
    """Keras 3 tracks its own variables only: a ``tf.Variable`` set in ``build`` is invisible."""

    class Raw(layers.Layer):
        def build(self, input_shape):
            self.w = tf.Variable(tf.ones((input_shape[-1], 3)))
            self.b = tf.Variable(tf.zeros((3,)))

        def call(self, inputs):
            return tf.matmul(inputs, self.w) + self.b

    layer = Raw()
    assert layer(np.ones((2, 4), "float32")).shape == (2, 3)
    assert layer.trainable_weights == [] and layer.weights == [] and layer.count_params() == 0
    assert list(layer.parameters()) == []


def test_get_set_weights_and_count_params():
    layer = layers.Dense(2)
    with pytest.raises(
        ValueError,
        match="You tried to call `count_params` on layer '%s', but the layer isn't built"
        % layer.name,
    ):
        layer.count_params()
    layer(np.ones((1, 3)))
    assert layer.count_params() == 8
    layer.set_weights([np.full((3, 2), 2.0), np.ones(2)])
    assert layer(np.ones((1, 3))).numpy().tolist() == [[7.0, 7.0]]
    assert [w.shape for w in layer.get_weights()] == [(3, 2), (2,)]
    with pytest.raises(
        ValueError, match=r"with a weight list of length 1, but the layer was expecting 2 weights"
    ):
        layer.set_weights([np.ones((3, 2))])
    with pytest.raises(
        ValueError,
        match=r"Layer %s weight shape \(3, 2\) is not compatible with provided weight shape \(2, "
        r"2\)" % layer.name,
    ):
        layer.set_weights([np.ones((2, 2)), np.ones(2)])


def test_input_spec_error_has_keras_message():
    layer = layers.Dense(5, name="dense_in")
    layer(tf.ones((2, 784)))
    with pytest.raises(ValueError) as info:
        layer(tf.ones((2, 10)))
    assert str(info.value) == (
        "Input 0 with name 'None' of layer 'dense_in' is incompatible with the layer: expected "
        "axis -1 of input shape to have value 784, but received input with shape (2, 10)"
    )
    with pytest.raises(ValueError, match="expected min_ndim=2, found ndim=1"):
        layers.Dense(2)(np.ones(3))


def test_losses_from_add_loss_activity_and_weight_regularizers():
    layer = layers.Dense(
        2,
        kernel_initializer="ones",
        kernel_regularizer=keras.regularizers.L1(0.5),
        activity_regularizer=keras.regularizers.L1(1.0),
    )
    layer(np.ones((2, 3)))
    losses = [float(x) for x in layer.losses]
    assert losses == [pytest.approx(6.0), pytest.approx(3.0)]
    layer(np.ones((2, 3)))
    assert len(layer.losses) == 2

    class WithLoss(layers.Layer):
        def call(self, inputs):
            self.add_loss(tf.reduce_sum(inputs))
            return inputs

    outer = keras.Sequential([WithLoss()])
    outer(np.ones((2, 2)))
    assert [float(x) for x in outer.losses] == [4.0]


def test_gradient_tape_through_layers():
    layer = layers.Dense(1, kernel_initializer="ones")
    x = tf.constant([[1.0, 2.0]])
    with tf.GradientTape() as tape:
        y = layer(x)
    kernel_grad, bias_grad = tape.gradient(y, layer.trainable_weights)
    assert kernel_grad.numpy().tolist() == [[1.0], [2.0]] and bias_grad.numpy().tolist() == [1.0]


def test_torch_compile_runs_a_keras_model():
    model = keras.Sequential([layers.Dense(4, activation="relu"), layers.Dense(2)])
    x = np.random.rand(3, 5).astype("float32")
    expected = model(x).numpy()
    compiled = torch.compile(model, backend="eager")
    np.testing.assert_allclose(np.asarray(compiled(x)), expected, rtol=1e-5)


def test_config_roundtrip_and_repr():
    layer = layers.Dense(3, activation="relu", name="d", kernel_regularizer="l2")
    clone = layers.Dense.from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()
    assert repr(layer) == "<Dense name=d, built=False>"
