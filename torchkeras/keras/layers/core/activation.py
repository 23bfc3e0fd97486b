"""``keras.layers.Activation``: applies an activation function."""

from ... import activations
from ..layer import Layer
from . import _activation_util
from ....api_export import keras_export


@keras_export("keras.layers.Activation")
class Activation(Layer):
    """Applies ``activation`` (a name, a Keras activation, ``tf.nn.*`` or any callable)."""

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.activation, self._torch_activation, self._linear_activation = _activation_util.resolve(
            activation
        )
        self.built = True

    _converts_input = True  # its call converts the input first (None's error)

    @property
    def _input_op(self):
        """The Keras op of a built-in activation (its string input error), by name."""
        return getattr(self.activation, "__name__", None)

    def call(self, inputs):
        return _activation_util.apply(self, inputs._value)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["activation"] = activations.serialize(self.activation)
        return config
