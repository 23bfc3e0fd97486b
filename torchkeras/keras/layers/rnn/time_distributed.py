"""``keras.layers.TimeDistributed``: applies a layer to every temporal slice of an input."""

from ....framework.tensor import wrap
from ..core.wrapper import Wrapper
from ..layer import Layer
from ._serialize import build_sublayer
from ....api_export import keras_export


@keras_export("keras.layers.TimeDistributed")
class TimeDistributed(Wrapper):
    """Applies ``layer`` to each index of axis 1 of a ``(batch, time, ...)`` input, by folding time
    into the batch (one call of ``layer`` on ``(batch * time, ...)``) and unfolding the result."""

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                "Please initialize `TimeDistributed` layer with a `keras.layers.Layer` instance. "
                "Received: %s" % (layer,)
            )
        super().__init__(layer, **kwargs)
        self.supports_masking = True

    def _check_rank(self, input_shape):
        if len(input_shape) < 3:
            raise ValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
                "dimensions, "
                "received: %s" % (tuple(input_shape),)
            )

    def build(self, input_shape):
        self._check_rank(input_shape)
        build_sublayer(self.layer, (input_shape[0],) + tuple(input_shape[2:]))
        self.built = True

    def call(self, inputs, training=None, mask=None):
        x = inputs._value
        batch, steps = x.shape[0], x.shape[1]
        kwargs = {"training": training}
        if mask is not None:
            kwargs["mask"] = wrap(
                mask._value.reshape((batch * steps,) + tuple(mask._value.shape[2:]))
            )
        y = self.layer(wrap(x.reshape((batch * steps,) + tuple(x.shape[2:]))), **kwargs)._value
        return wrap(y.reshape((batch, steps) + tuple(y.shape[1:])))

    def compute_output_shape(self, input_shape):
        self._check_rank(input_shape)
        inner = self.layer.compute_output_shape((input_shape[0],) + tuple(input_shape[2:]))
        return (inner[0], input_shape[1]) + tuple(inner[1:])
