"""``keras.layers.Hashing``: values -> hash bins, with TF's exact hash functions."""

import numpy as np
import torch

from .....framework import dtypes
from .....framework.convert import convert_to_tensor
from .....framework.tensor import TensorOperators
from ....backend import config as backend_config
from ....backend.keras_tensor import KerasTensor
from ...layer import Layer
from . import categorical
from .....ops.string_hash import to_hash_bucket_fast, to_hash_bucket_strong
from .....api_export import keras_export

__all__ = ["Hashing"]

_OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count")


def _as_strings(inputs):
    """``inputs`` as a NumPy object array of ``bytes``: strings kept, floats truncated to int64,
    ints as decimal text."""
    if isinstance(inputs, TensorOperators):
        value = inputs._value
        array = value if isinstance(value, np.ndarray) else value.cpu().numpy()
    elif isinstance(inputs, torch.Tensor):
        array = inputs.detach().cpu().numpy()
    else:
        array = np.asarray(inputs)
        if array.dtype.kind in "USO":
            array = convert_to_tensor(array, dtype=dtypes.string)._value
    if array.dtype == object:
        return array
    if array.dtype.kind == "f":
        array = array.astype(np.int64)
    if array.dtype.kind == "b":
        return np.vectorize(lambda v: b"true" if v else b"false", otypes=[object])(array)
    return np.vectorize(lambda v: str(int(v)).encode(), otypes=[object])(array)


def _mask_of(inputs, mask_value):
    if isinstance(inputs, TensorOperators):
        value = inputs._value
        array = value if isinstance(value, np.ndarray) else value.cpu().numpy()
    else:
        array = np.asarray(inputs)
    if array.dtype.kind in "USO":
        array = convert_to_tensor(array, dtype=dtypes.string)._value
        target = mask_value.encode() if isinstance(mask_value, str) else mask_value
        return (
            np.vectorize(lambda v: v == target, otypes=[bool])(array)
            if array.size
            else np.zeros(array.shape, bool)
        )
    return array == mask_value


@keras_export("keras.layers.Hashing")
class Hashing(Layer):
    """Hashes each value into one of ``num_bins`` bins, as Keras' ``Hashing``.

    Strings use TF's FarmHash ``Fingerprint64`` (``tf.strings.to_hash_bucket_fast``),
    or SipHash-2-4 keyed by ``salt`` (``to_hash_bucket_strong``); integers are
    hashed as their decimal text and floats are first truncated to int64, as
    TF does, so bins equal real Keras'.  With ``mask_value``, that value goes
    to bin 0 and the others to bins ``1..num_bins-1``.  ``output_mode``
    ``one_hot`` / ``multi_hot`` / ``count`` encode the bins (floatx by
    default).  Difference from Keras: ``sparse=True`` is refused.
    """

    _converts_input = True  # its call converts the input first (None's error)

    _allow_non_tensor_positional_args = True  # Keras hashes Python values too

    def __init__(
        self, num_bins, mask_value=None, salt=None, output_mode="int", sparse=False, **kwargs
    ):
        if kwargs.get("dtype") is None:
            kwargs["dtype"] = "int64" if output_mode == "int" else backend_config.floatx()
        super().__init__(**kwargs)
        if num_bins is None or num_bins <= 0:
            raise ValueError(
                "The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: "
                "num_bins=%s." % num_bins
            )
        if output_mode == "int" and self.dtype_policy not in ("int32", "int64"):
            raise ValueError(
                "When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or 'in64'. "
                "Received: dtype=%s" % kwargs["dtype"]
            )
        if output_mode not in _OUTPUT_MODES:
            raise ValueError(
                "Invalid value for argument `output_mode`. Expected one of %s. Received: "
                "output_mode=%s" % (_OUTPUT_MODES, output_mode)
            )
        if sparse and output_mode == "int":
            raise ValueError(
                '`sparse` may only be true if `output_mode` is `"one_hot"`, `"multi_hot"`, or '
                '`"count"`. '
                "Received: sparse=%s and output_mode=%s" % (sparse, output_mode)
            )
        if sparse:
            raise ValueError("`sparse=True` can only be used with the TensorFlow backend.")
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.strong_hash = salt is not None
        self.output_mode = output_mode
        self.sparse = sparse
        self.salt = None
        self.autocast = False
        if salt is not None:
            if isinstance(salt, (tuple, list)) and len(salt) == 2:
                self.salt = list(salt)
            elif isinstance(salt, int):
                self.salt = [salt, salt]
            else:
                raise ValueError(
                    "The `salt` argument for `Hashing` can only be a tuple of size 2 integers, or "
                    "a "
                    "single integer. Received: salt=%s." % (salt,)
                )

    def _bins(self, inputs):
        bins = self.num_bins
        mask = None
        if self.mask_value is not None and bins > 1:
            bins -= 1
            mask = _mask_of(inputs, self.mask_value)
        values = _as_strings(inputs)
        if self.strong_hash:
            hashed = to_hash_bucket_strong(values, bins, self.salt)
        else:
            hashed = to_hash_bucket_fast(values, bins)
        if mask is not None:
            hashed = np.where(mask, 0, hashed + 1)
        return hashed

    def call(self, inputs):
        if not isinstance(inputs, (TensorOperators, np.ndarray, torch.Tensor)):
            inputs = np.asarray(inputs)
        bins = self._bins(inputs)
        torch_dtype = dtypes.as_dtype(self.compute_dtype).torch_dtype
        if self.output_mode == "int":
            return categorical.to_tensor(bins, torch_dtype)
        return categorical.to_tensor(
            categorical.encode(bins, self.output_mode, self.num_bins), torch_dtype
        )

    def compute_output_shape(self, input_shape):
        if self.output_mode == "int":
            return tuple(input_shape)
        if len(input_shape) == 0:
            return (self.num_bins,)
        return tuple(input_shape[:-1]) + (self.num_bins,)

    def compute_output_spec(self, inputs):
        return KerasTensor(self.compute_output_shape(inputs.shape), dtype=self.compute_dtype)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "num_bins": self.num_bins,
                "salt": self.salt,
                "mask_value": self.mask_value,
                "output_mode": self.output_mode,
                "sparse": self.sparse,
            }
        )
        return config
