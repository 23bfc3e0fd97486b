"""``keras.layers.Lambda``: wraps an arbitrary function as a layer."""

import inspect

from .. import symbolic
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Lambda")
class Lambda(Layer):
    """Calls ``function(inputs, **arguments)``; ``training``/``mask`` are passed when it accepts
    them.

    ``output_shape`` (a tuple or a function of the input shape) is used for
    shape inference when given; otherwise the function is traced symbolically.
    """

    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        self.function = function
        self.arguments = dict(arguments or {})
        self._output_shape = output_shape
        self.mask = mask
        self.supports_masking = mask is not None
        if not callable(function):
            raise TypeError("unsupported callable")  # Keras' inspect.getfullargspec
        try:
            params = inspect.signature(function).parameters
        except (TypeError, ValueError):
            params = {}
        self._fn_training = "training" in params
        self._fn_mask = "mask" in params
        self.built = True

    def call(self, inputs, mask=None, training=None):
        kwargs = dict(self.arguments)
        if self._fn_mask:
            kwargs["mask"] = mask
        if self._fn_training:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_output_shape(self, input_shape):
        if self._output_shape is None:
            return symbolic.infer_output_shape(self, input_shape)
        if callable(self._output_shape):
            return self._output_shape(input_shape)
        batch = input_shape[0][0] if isinstance(input_shape, list) else input_shape[0]
        return (batch,) + tuple(self._output_shape)

    def compute_output_spec(self, inputs, *args, **kwargs):
        if self._output_shape is None:
            return symbolic.trace(self, inputs, args, kwargs)
        return super().compute_output_spec(inputs, *args, **kwargs)

    def compute_mask(self, inputs, mask=None):
        """``mask(inputs, mask)`` when the ``mask`` argument is callable, else ``mask`` itself."""
        if callable(self.mask):
            return self.mask(inputs, mask)
        return self.mask

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "function": getattr(self.function, "__name__", repr(self.function)),
                "arguments": self.arguments,
            }
        )
        return config
