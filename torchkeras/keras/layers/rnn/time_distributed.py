"""``keras.layers.TimeDistributed``: applies a layer to every temporal slice of an input."""

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ..core.wrapper import Wrapper
from ..layer import Layer
from ._serialize import build_sublayer
from ....api_export import keras_export


def _check_mask(mask_shape, input_shape):
    """Keras' check that a mask's first two dims are the input's (batch, timesteps)."""
    if len(mask_shape) < 2:
        raise ValueError(
            "The `mask` passed to the `TimeDistributed` layer must be at least 2D (e.g., "
            "`(batch_size, timesteps)`), but it has %d dimension(s) with shape %s."
            % (len(mask_shape), mask_shape)
        )
    if mask_shape[:2] != input_shape[:2]:
        raise ValueError(
            "The `mask` passed to the `TimeDistributed` layer has a shape %s that is "
            "incompatible with the input shape %s. The first two dimensions of the mask (batch "
            "size and timesteps) must match the input's first two dimensions. Expected mask "
            "shape prefix: (%s, %s)." % (mask_shape, input_shape, input_shape[0], input_shape[1])
        )


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
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) < 3:
            raise ValueError(
                "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
                "dimensions, "
                "received: %s"
                % (tuple(input_shape) if isinstance(input_shape, (tuple, list)) else input_shape,)
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
            mask = to_torch(mask)
            _check_mask(tuple(mask.shape), tuple(x.shape))
            kwargs["mask"] = wrap(mask.reshape((batch * steps,) + tuple(mask.shape[2:])))
        y = self.layer(wrap(x.reshape((batch * steps,) + tuple(x.shape[2:]))), **kwargs)._value
        return wrap(y.reshape((batch, steps) + tuple(y.shape[1:])))

    def compute_output_shape(self, input_shape):
        self._check_rank(input_shape)
        inner = self.layer.compute_output_shape((input_shape[0],) + tuple(input_shape[2:]))
        return (inner[0], input_shape[1]) + tuple(inner[1:])
