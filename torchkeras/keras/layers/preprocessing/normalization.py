"""``keras.layers.Normalization`` and its ``adapt``."""

import itertools
import math

import numpy as np
import torch

from ....data.dataset_ops import Dataset
from ....framework.convert import to_torch
from ....framework.tensor import TensorOperators, wrap
from ....ops.cast_ops import cast as _tf_cast
from ....ops.shape_ops import broadcast_to as _tf_broadcast_to
from ...backend import config as backend_config
from ..layer import Layer
from ....api_export import keras_export


def _first(batch):
    return batch[0] if isinstance(batch, tuple) else batch


@keras_export("keras.layers.Normalization")
class Normalization(Layer):
    """Shifts and scales inputs to ``(x - mean) / max(sqrt(variance), epsilon)`` (the inverse with
    ``invert=True``), one mean and variance per index of the kept ``axis`` (``None``: a scalar).

    ``mean`` and ``variance`` are given together, or learned by ``adapt(data)`` into the
    non-trainable weights ``mean``, ``variance`` and ``count`` (Keras leaves ``count`` at 0,
    and so do we), which are saved and restored with the model.
    """

    _allow_non_tensor_positional_args = True  # a Keras data layer: Python values convert

    def __init__(self, axis=-1, mean=None, variance=None, invert=False, **kwargs):
        super().__init__(**kwargs)
        if axis is None:
            axis = ()
        elif isinstance(axis, int):
            axis = (axis,)
        else:
            axis = tuple(axis)
        self.axis = axis
        self.input_mean = mean
        self.input_variance = variance
        self.invert = invert
        self.supports_masking = True
        self._build_input_shape = None
        self._fixed = None
        if (mean is not None) != (variance is not None):
            raise ValueError(
                "When setting values directly, both `mean` and `variance` must be set. "
                "Received: mean=%s and variance=%s" % (mean, variance)
            )
        if mean is not None:
            if np.shape(mean) != np.shape(variance):
                raise ValueError(
                    "When setting values directly, `mean` and `variance` must have the same shape. "
                    "Received: mean shape %s and variance shape %s"
                    % (np.shape(mean), np.shape(variance))
                )
            if len(np.shape(mean)) > len(self.axis):
                raise ValueError(
                    "The rank of `mean` must be less than or equal to the number of axes (%d). "
                    "Received: mean shape %s for axis %s"
                    % (len(self.axis), np.shape(mean), self.axis)
                )

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        ndim = len(input_shape)
        self._build_input_shape = input_shape
        if any(a < -ndim or a >= ndim for a in self.axis):
            raise ValueError(
                "All `axis` values must be in the range [-ndim, ndim). Received inputs with "
                "ndim=%d, "
                "while axis=%s" % (ndim, self.axis)
            )
        self._keep_axis = tuple(sorted(a % ndim for a in self.axis))
        for d in self._keep_axis:
            if input_shape[d] is None:
                raise ValueError(
                    "All `axis` values to be kept must have a known shape. Received axis=%s, "
                    "inputs.shape=%s, with unknown axis at index %d" % (self.axis, input_shape, d)
                )
        self._reduce_axis = tuple(d for d in range(ndim) if d not in self._keep_axis)
        self._broadcast_shape = tuple(
            input_shape[d] if d in self._keep_axis else 1 for d in range(ndim)
        )
        self._mean_and_var_shape = tuple(input_shape[d] for d in self._keep_axis)
        if self.input_mean is None:
            self.adapt_mean = self.add_weight(
                name="mean", shape=self._mean_and_var_shape, initializer="zeros", trainable=False
            )
            self.adapt_variance = self.add_weight(
                name="variance", shape=self._mean_and_var_shape, initializer="ones", trainable=False
            )
            self.count = self.add_weight(
                name="count", shape=(), dtype="int64", initializer="zeros", trainable=False
            )
        else:
            self._fixed = (
                self._broadcast(self.input_mean, ndim),
                self._broadcast(self.input_variance, ndim),
            )
        self.built = True

    def _broadcast(self, value, ndim):
        value = torch.as_tensor(np.asarray(value), dtype=self._compute_torch_dtype)
        if value.ndim:
            expanded = [1] * ndim
            for i in range(1, value.ndim + 1):
                expanded[self._keep_axis[-i]] = value.shape[-i]
            value = value.reshape(expanded)
        return _tf_broadcast_to(wrap(value), self._broadcast_shape)._value  # TF's errors

    def adapt(self, data):
        """Computes the mean and variance of ``data`` (a NumPy array, a tensor, a batched
        ``tf.data.Dataset`` (an unbatched one of vectors is batched by 128) or an iterable of
        batches; ``(x, y)`` elements use ``x``) and stores them in the layer's weights."""
        if isinstance(data, np.ndarray) or isinstance(data, (TensorOperators, torch.Tensor)):
            input_shape = tuple(data.shape)
            batches = None
        elif isinstance(data, Dataset):
            if len(_first(data.element_spec).shape) == 1:
                data = data.batch(128)
            input_shape = tuple(_first(data.element_spec).shape)
            batches = (_first(batch) for batch in data)
        elif hasattr(data, "__iter__"):
            iterator = iter(data)
            first = next(iterator, None)
            if first is None:
                raise ValueError(
                    "adapt() received an empty iterable (no batches). Expected at least one batch. "
                    "Pass a non-empty iterable of arrays or tensors, e.g. layer.adapt([x]) or "
                    "layer.adapt(list_of_batches)."
                )
            first = _first(first)
            if getattr(first, "shape", None) is None:
                raise TypeError(
                    "adapt() expects an iterable that yields arrays or tensors with a `.shape` "
                    "attribute "
                    "(e.g. numpy arrays or backend tensors). Got an element of type %s. Ensure "
                    "each "
                    "yielded element is array-like with a `.shape` attribute."
                    % type(first).__name__
                )
            input_shape = tuple(first.shape)
            batches = itertools.chain([first], (_first(batch) for batch in iterator))
        else:
            raise TypeError(
                "Unsupported data type: %s. `adapt` supports `np.ndarray`, backend tensors, "
                "`tf.data.Dataset`, `keras.utils.PyDataset`, and iterables of batches (e.g. list, "
                "generator)." % type(data)
            )
        if not self.built:
            self.build(input_shape)
        else:
            self._check_shape(
                input_shape,
                "adapt() is being called with data with an incompatible shape, "
                "data.shape=%s" % (input_shape,),
            )
        if batches is None:
            mean, variance = self._moments(data)
        else:
            mean, variance = self._streamed_moments(batches)
        dtype = self.adapt_mean._value.dtype
        self.adapt_mean.assign(mean.reshape(self._mean_and_var_shape).to(dtype))
        self.adapt_variance.assign(variance.reshape(self._mean_and_var_shape).to(dtype))

    def _check_shape(self, shape, text):
        for d in self._keep_axis:
            if shape[d] != self._build_input_shape[d]:
                raise ValueError(
                    "The layer was built with input_shape=%s, but %s"
                    % (self._build_input_shape, text)
                )

    def _moments(self, data):
        if isinstance(data, np.ndarray):
            return (
                torch.as_tensor(np.mean(data, axis=self._reduce_axis)),
                torch.as_tensor(np.var(data, axis=self._reduce_axis)),
            )
        value = to_torch(data)
        variance, mean = torch.var_mean(value, dim=self._reduce_axis, correction=0)
        return mean, variance

    def _streamed_moments(self, batches):
        """Keras' running combination of per-batch means and variances."""
        total_mean = torch.zeros(self._mean_and_var_shape, dtype=torch.float64)
        total_var = torch.zeros(self._mean_and_var_shape, dtype=torch.float64)
        total_count = 0
        for batch in batches:
            value = to_torch(batch).to(self._compute_torch_dtype)
            if value.ndim == len(self._build_input_shape):
                for d in self._keep_axis:
                    if value.shape[d] != self._build_input_shape[d]:
                        raise ValueError(
                            "adapt() yielded a batch with incompatible shape. Expected %s, got %s."
                            % (self._build_input_shape, tuple(value.shape))
                        )
            batch_var, batch_mean = torch.var_mean(
                value.double(), dim=self._reduce_axis, correction=0
            )
            batch_count = math.prod(value.shape[d] for d in self._reduce_axis)
            total_count += batch_count
            batch_weight = batch_count / total_count
            existing_weight = 1.0 - batch_weight
            new_mean = total_mean * existing_weight + batch_mean.cpu() * batch_weight
            total_var = (total_var + (total_mean - new_mean) ** 2) * existing_weight + (
                batch_var.cpu() + (batch_mean.cpu() - new_mean) ** 2
            ) * batch_weight
            total_mean = new_mean
        return total_mean, total_var

    def _statistics(self, device):
        if self._fixed is not None:
            mean, variance = self._fixed
        else:
            mean = self.adapt_mean._value.reshape(self._broadcast_shape)
            variance = self.adapt_variance._value.reshape(self._broadcast_shape)
        dtype = self._compute_torch_dtype
        return mean.to(dtype=dtype, device=device), variance.to(dtype=dtype, device=device)

    def _maybe_build(self, inputs):
        if isinstance(inputs, TensorOperators):  # Keras builds on tensor arguments only
            super()._maybe_build(inputs)

    def call(self, inputs):
        if not self.built:
            raise ValueError("You must call `.build(input_shape)` on the layer before using it.")
        if isinstance(inputs._value, np.ndarray):  # text: Keras casts it (TF's Cast error)
            _tf_cast(inputs, self.compute_dtype)
        value = inputs._value.to(self._compute_torch_dtype)
        mean, variance = self._statistics(value.device)
        scale = torch.clamp(torch.sqrt(variance), min=backend_config.epsilon())
        if self.invert:
            return wrap(mean + value * scale)
        return wrap((value - mean) / scale)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "axis": self.axis,
                "invert": self.invert,
                "mean": np.array(self.input_mean).tolist(),
                "variance": np.array(self.input_variance).tolist(),
            }
        )
        return config

    def get_build_config(self):
        """``{'input_shape': ...}`` of the shape the layer was built (or adapted) with."""
        if self._build_input_shape:
            return {"input_shape": self._build_input_shape}
        return None

    def build_from_config(self, config):
        if config:
            self.build(config["input_shape"])
