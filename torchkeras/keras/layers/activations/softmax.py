"""``keras.layers.Softmax``."""

import torch

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ....framework.op_errors import attr_error
from ....ops import softmax_kernel
from ..layer import Layer
from ....api_export import keras_export


def _large_negative(dtype):
    """Keras' stand-in for minus infinity at masked positions."""
    return -3e4 if dtype is torch.float16 else -1e9


@keras_export("keras.layers.Softmax")
class Softmax(Layer):
    """Softmax over ``axis`` (an int, or a list of ints normalised jointly).

    ``mask`` (broadcastable to the inputs, not of higher rank; non-boolean masks mean ``> 0.5``)
    replaces masked logits by ``-1e9`` (``-3e4`` in float16) before the softmax and zeroes the
    masked outputs after it, as Keras does, so a fully masked row gives zeros."""

    _input_op = "softmax"  # the Keras op its call starts with (string input errors)

    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.axis = axis
        self.built = True

    def call(self, inputs, mask=None):
        x = inputs._value
        if not x.dtype.is_floating_point:  # Keras' softmax: TF's kernel refuses the dtype
            raise attr_error("Softmax", x)
        keep = None
        if mask is not None:
            keep = self._keep(x, to_torch(mask))
            x = torch.where(
                keep, x, torch.tensor(_large_negative(x.dtype), dtype=x.dtype, device=x.device)
            )
        if isinstance(self.axis, (list, tuple)) and len(self.axis) > 1:
            y = torch.exp(x - torch.logsumexp(x, dim=tuple(self.axis), keepdim=True))
        else:
            axis = self.axis[0] if isinstance(self.axis, (list, tuple)) else self.axis
            y = softmax_kernel.softmax(x, axis)
        if keep is not None:
            y = torch.where(keep, y, torch.zeros((), dtype=y.dtype, device=y.device))
        return wrap(y)

    @staticmethod
    def _keep(x, mask):
        if mask.ndim > x.ndim:
            raise ValueError(
                "The `mask` must be broadcastable to `inputs` and must not have more dimensions. "
                "Received: inputs.shape=%s, mask.shape=%s" % (tuple(x.shape), tuple(mask.shape))
            )
        for m_dim, i_dim in zip(reversed(mask.shape), reversed(x.shape)):
            if m_dim != 1 and m_dim != i_dim:
                raise ValueError(
                    "The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 "
                    "or "
                    "match the corresponding input dimension. Received: inputs.shape=%s, "
                    "mask.shape=%s" % (tuple(x.shape), tuple(mask.shape))
                )
        if mask.dtype is not torch.bool:
            mask = mask > 0.5
        return mask.to(x.device)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config["axis"] = self.axis
        return config
