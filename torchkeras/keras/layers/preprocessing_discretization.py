"""``keras.layers.Discretization``: buckets continuous values by ranges (with ``adapt`` for
quantiles)."""

import numpy as np
import torch

from ...data.dataset_ops import Dataset
from ...framework import dtypes
from ...framework.op_errors import op_error
from ...framework.convert import convert_to_tensor
from ...framework.tensor import TensorOperators, wrap
from .layer import Layer
from ...api_export import keras_export

_MODES = ("int", "one_hot", "multi_hot", "count")


def _summarize(values, epsilon):
    """Keras' summary of one batch: about ``1 / epsilon`` evenly spaced sorted values, each weighted
    by the number of values it stands for (row 0: values, row 1: weights)."""
    values = np.sort(np.reshape(values, [-1]))
    step = max(values.size * epsilon, 1)
    picked = values[int(step - 1) :: int(step)]
    return np.stack([picked, np.full_like(picked, step)])


def _compress(summary, epsilon):
    """Re-samples ``summary`` at the cumulative-weight fractions ``epsilon, 2 * epsilon, ..., 1``
    (linear interpolation), unless it is already that small."""
    if summary.shape[1] * epsilon < 1:
        return summary
    fractions = epsilon + np.arange(0.0, 1.0, epsilon)
    cumulative = summary[1].cumsum()
    cumulative_fractions = cumulative / cumulative[-1]
    values = np.interp(fractions, cumulative_fractions, summary[0])
    weights = np.interp(fractions, cumulative_fractions, cumulative)
    return np.stack((values, np.diff(weights, prepend=0.0))).astype("float32")


def _merge(previous, summary, epsilon):
    merged = np.concatenate((previous, summary), axis=1)
    return _compress(merged[:, np.argsort(merged[0])], epsilon)


def _batches(data, steps):
    """The batches ``adapt`` reads: a Dataset's elements, an iterable's items, or one array."""
    if isinstance(data, Dataset):
        return data.take(steps) if steps is not None else data
    if hasattr(data, "__iter__") and not isinstance(
        data, (np.ndarray, TensorOperators, torch.Tensor)
    ):
        return (batch for i, batch in enumerate(data) if steps is None or i < steps)
    return [data]


@keras_export("keras.layers.Discretization")
class Discretization(Layer):
    """Maps each value to the index of its bin: with ``bin_boundaries=[0., 1., 2.]`` the bins are
    ``(-inf, 0)``, ``[0, 1)``, ``[1, 2)``, ``[2, inf)`` (NaN goes to the last bin, as in TF).
    ``num_bins`` instead learns the boundaries as approximate quantiles in ``adapt`` (Keras' summary
    algorithm, tolerance ``epsilon``).  ``output_mode``: ``"int"`` (int32 indices), ``"one_hot"``,
    ``"multi_hot"`` or ``"count"`` (in the layer's dtype; rank-1 inputs are one sample).
    ``sparse=True`` is not supported (torchkeras has no sparse tensors): it raises ``ValueError``.
    Like Keras' preprocessing layers it takes only ``name`` and ``dtype`` besides its own arguments,
    and its config has no ``trainable``."""

    _allow_non_tensor_positional_args = True  # a Keras data layer: Python values convert

    def __init__(
        self,
        bin_boundaries=None,
        num_bins=None,
        epsilon=0.01,
        output_mode="int",
        sparse=False,
        dtype=None,
        name=None,
    ):
        super().__init__(name=name, dtype=dtype)
        if sparse and output_mode == "int":
            raise ValueError(
                "`sparse=True` may only be used if `output_mode` is `'one_hot'`, `'multi_hot'`, or "
                "`'count'`. Received: sparse=%s and output_mode=%s" % (sparse, output_mode)
            )
        if sparse:
            raise ValueError("torchkeras' Discretization does not support `sparse=True`.")
        if output_mode not in _MODES:
            raise ValueError(
                "Unknown value for `output_mode` argument of Discretization. Allowed values are: "
                "%s. "
                "Received: output_mode=%s" % (_MODES, output_mode)
            )
        if num_bins is not None and num_bins < 0:
            raise ValueError(
                "`num_bins` must be greater than or equal to 0. Received: `num_bins=%s`"
                % (num_bins,)
            )
        if num_bins is not None and bin_boundaries is not None:
            raise ValueError(
                "Both `num_bins` and `bin_boundaries` should not be set. Received: `num_bins=%s` "
                "and "
                "`bin_boundaries=%s`" % (num_bins, bin_boundaries)
            )
        if num_bins is None and bin_boundaries is None:
            raise ValueError("You need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = bin_boundaries
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse
        self.summary = None if bin_boundaries else np.array([[], []], dtype="float32")
        self._boundaries = {}
        self.built = True

    def adapt(self, data, steps=None):
        """Learns ``num_bins - 1`` boundaries from ``data`` (an array, a tensor, a batched Dataset,
        or an iterable of batches; ``steps`` limits the batches read)."""
        if self.num_bins is None:
            raise ValueError(
                "Cannot adapt a Discretization layer that has been initialized with "
                "`bin_boundaries`, use `num_bins` instead."
            )
        self.reset_state()
        for batch in _batches(data, steps):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        """Merges a batch into the running quantile summary."""
        values = np.asarray(data.numpy() if hasattr(data, "numpy") else data).astype("float32")
        self.summary = _merge(_summarize(values, self.epsilon), self.summary, self.epsilon)

    def finalize_state(self):
        """Sets ``bin_boundaries`` from the summary."""
        if self.num_bins is not None:
            self.bin_boundaries = _compress(self.summary, 1.0 / self.num_bins)[0, :-1].tolist()
            self._boundaries.clear()

    def reset_state(self):
        """Forgets the summary gathered by ``adapt``."""
        if self.num_bins is not None:
            self.summary = np.array([[], []], dtype="float32")

    def call(self, inputs):
        if self.bin_boundaries is None:
            raise ValueError(
                "You need to either pass the `bin_boundaries` argument at construction time or "
                "call "
                "`adapt(dataset)` before you can start using the `Discretization` layer."
            )
        x = convert_to_tensor(inputs)._value
        if not x.dtype.is_floating_point:
            x = x.to(self._compute_torch_dtype)
        indices = torch.bucketize(x, self._boundary_tensor(x), right=True).to(torch.int32)
        indices = torch.where(torch.isnan(x), len(self.bin_boundaries), indices).to(torch.int32)
        if self.output_mode == "int":
            return wrap(indices)
        return wrap(self._encode(indices.long(), len(self.bin_boundaries) + 1))

    def _boundary_tensor(self, x):
        key = (x.dtype, x.device, tuple(self.bin_boundaries))
        tensor = self._boundaries.get(key)
        if tensor is None:
            if any(b > a for a, b in zip(self.bin_boundaries[1:], self.bin_boundaries)):
                raise op_error("Bucketize", "Expected sorted boundaries", x, name="")
            tensor = self._boundaries[key] = torch.tensor(
                self.bin_boundaries, dtype=x.dtype, device=x.device
            )
        return tensor

    def _encode(self, indices, depth):
        dtype = dtypes.as_dtype(self.compute_dtype).torch_dtype
        if indices.ndim == 0:
            indices = indices[None]
        if self.output_mode == "one_hot":
            if indices.ndim > 1 and indices.shape[-1] == 1:
                indices = indices[..., 0]
            return torch.nn.functional.one_hot(indices, depth).to(dtype)
        encoded = torch.nn.functional.one_hot(indices, depth).to(dtype)
        axis = 1 if indices.ndim > 1 else 0
        return encoded.amax(dim=axis) if self.output_mode == "multi_hot" else encoded.sum(dim=axis)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if self.output_mode == "int":
            return input_shape
        depth = len(self.bin_boundaries) + 1 if self.bin_boundaries is not None else self.num_bins
        if self.output_mode == "one_hot":
            if input_shape and input_shape[-1] == 1 and len(input_shape) > 1:
                return input_shape[:-1] + (depth,)
            return input_shape + (depth,)
        if len(input_shape) >= 2:
            return (input_shape[0],) + input_shape[2:] + (depth,)
        return (depth,)

    def get_config(self):
        return {
            "bin_boundaries": self.bin_boundaries,
            "num_bins": self.num_bins,
            "epsilon": self.epsilon,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if config.get("bin_boundaries") is not None and config.get("num_bins") is not None:
            bin_boundaries = config.pop("bin_boundaries")
            layer = cls(**config)
            layer.bin_boundaries = bin_boundaries
            return layer
        return cls(**config)
