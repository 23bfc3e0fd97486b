"""``keras.layers.Dot``: per-sample dot products between two tensors."""

import math

import numpy as np
import torch
import torch.nn.functional as F

from .base_merge import Merge
from ....api_export import keras_export


@keras_export("keras.layers.Dot")
class Dot(Merge):
    """For each sample, contracts ``inputs[0]`` axis ``axes[0]`` with ``inputs[1]`` axis ``axes[1]``
    (``axes`` an int uses the same axis for both); ``normalize=True`` gives cosine similarities.
    A result of rank 1 is returned as ``(batch, 1)``, as Keras' ``batch_dot``."""

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(axes, int):
            if not isinstance(axes, (list, tuple)):
                raise TypeError(
                    "Invalid type for argument `axes`: it should be a list or an int. "
                    "Received: axes=%s" % (axes,)
                )
            if len(axes) != 2:
                raise ValueError(
                    "Invalid format for argument `axes`: it should contain two elements. "
                    "Received: axes=%s" % (axes,)
                )
            if not isinstance(axes[0], int) or not isinstance(axes[1], int):
                raise ValueError(
                    "Invalid format for argument `axes`: list elements should be integers. "
                    "Received: axes=%s" % (axes,)
                )
        self.axes = axes
        self.normalize = normalize

    _expand_ranks = False

    def _keras_error(self, inputs):
        """Keras' ``batch_dot`` error for a ``None`` or string input."""
        for x in inputs:
            if x is None:
                return AttributeError("'NoneType' object has no attribute 'shape'")
        for x in inputs:
            if isinstance(x._value, np.ndarray):
                return ValueError("dtype='string' is not a valid dtype for Keras type promotion.")
        return None

    def _pair(self, ranks):
        axes = (self.axes, self.axes) if isinstance(self.axes, int) else tuple(self.axes)
        return tuple(a % r if a < 0 else a for a, r in zip(axes, ranks))

    def build(self, input_shape):
        if not input_shape:
            input_shape = None  # an empty list has no shape: Keras builds on None
        if not isinstance(input_shape[0], (tuple, list)) or len(input_shape) != 2:
            raise ValueError(
                "A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=%s"
                % (input_shape,)
            )
        if input_shape[1] is None:
            return
        a, b = self._pair((len(input_shape[0]), len(input_shape[1])))
        if (
            input_shape[0][a] is not None
            and input_shape[1][b] is not None
            and input_shape[0][a] != input_shape[1][b]
        ):
            raise ValueError(
                "Incompatible input shapes: axis values %s (at axis %d) != %s (at axis %d). Full "
                "input shapes: %s, %s"
                % (input_shape[0][a], a, input_shape[1][b], b, input_shape[0], input_shape[1])
            )
        self.built = True

    def _merge_function(self, values):
        x, y = values
        if x.shape[0] != y.shape[0] or x.ndim < 2 or y.ndim < 2:
            raise ValueError(
                "Cannot do batch_dot on inputs with %s. Received inputs with shapes %s and %s."
                % (
                    "rank < 2" if x.ndim < 2 or y.ndim < 2 else "different batch sizes",
                    tuple(x.shape),
                    tuple(y.shape),
                )
            )
        if x.dtype != y.dtype:
            dtype = torch.promote_types(x.dtype, y.dtype)
            x, y = x.to(dtype), y.to(dtype)
        a, b = self._pair((x.ndim, y.ndim))
        if self.normalize:
            x = F.normalize(x, dim=a, eps=1e-12)
            y = F.normalize(y, dim=b, eps=1e-12)
        x = x.movedim(a, -1)
        y = y.movedim(b, 1)
        batch = x.shape[0]
        x_rest, y_rest = x.shape[1:-1], y.shape[2:]
        out = torch.bmm(
            x.reshape(batch, math.prod(x_rest), x.shape[-1]),
            y.reshape(batch, y.shape[1], math.prod(y_rest)),
        )
        out = out.reshape((batch,) + tuple(x_rest) + tuple(y_rest))
        return out.reshape(batch, 1) if out.ndim == 1 else out

    def compute_output_shape(self, input_shape):
        s0, s1 = list(input_shape[0]), list(input_shape[1])
        a, b = self._pair((len(s0), len(s1)))
        out = s0[:a] + s0[a + 1 :] + s1[1:b] + s1[b + 1 :]
        return tuple(out) if len(out) > 1 else (out[0], 1)

    def compute_mask(self, inputs, mask=None):
        """``None``: a dot product's output carries no mask (Keras)."""
        return None

    def get_config(self):
        config = super().get_config()
        config.update({"axes": self.axes, "normalize": self.normalize})
        return config
