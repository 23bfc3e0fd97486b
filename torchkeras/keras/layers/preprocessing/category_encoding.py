"""``keras.layers.CategoryEncoding``."""

import torch

from ....framework import dtypes
from ....framework.convert import convert_to_tensor, to_torch
from ....framework.tensor import TensorOperators, wrap
from ....ops.sparse.conversion_ops import from_dense
from ..layer import Layer
from ....framework.op_errors import op_error, type_name
from ....api_export import keras_export

_MODES = ("count", "one_hot", "multi_hot")
_NARROW_INTEGERS = frozenset(("int8", "int16", "uint8", "uint16", "uint32", "uint64"))
"""Integer dtypes TF's ``DenseBincount`` refuses (Keras casts only non-integer inputs)."""


@keras_export("keras.layers.CategoryEncoding")
class CategoryEncoding(Layer):
    """Encodes integer indices in ``[0, num_tokens)`` as dense vectors of length ``num_tokens``.

    ``"one_hot"``: one vector per index (a trailing axis of size 1 is replaced);
    ``"multi_hot"`` (``"binary"`` is an alias): 1 where an index occurs in the sample;
    ``"count"``: how often it occurs, or the sum of ``count_weights`` at its positions.
    A rank-1 input is one sample in the multi-hot and count modes.  Indices ``>= num_tokens``
    are ignored, as TF's ``bincount`` does; negative ones give zeros in ``"one_hot"`` (and for
    inputs of rank 3 or more) and raise TF's ``InvalidArgumentError`` otherwise.  The output has the
    layer's dtype (``count_weights``' dtype when given).  ``sparse=True`` returns the
    ``tf.SparseTensor`` of the non-zero outputs (row-major), as Keras on TF does (eager calls;
    a count whose weights sum to 0 is left out, where TF keeps it).
    """

    _convert_input_args = False  # Keras converts the inputs in ``call``

    _input_op = "cast_int32"  # the Keras op its call starts with (string input errors)
    _converts_input = True  # its call converts the input first (None's error)
    _allow_non_tensor_positional_args = True  # a Keras data layer: Python values convert

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in _MODES:
            raise ValueError("Unknown arg for output_mode: %s" % (output_mode,))
        if num_tokens is None:
            raise ValueError(
                "num_tokens must be set to use this layer. If the number of tokens is not known "
                "beforehand, use the IntegerLookup layer instead."
            )
        if num_tokens < 1:
            raise ValueError("`num_tokens` must be >= 1. Received: num_tokens=%s." % (num_tokens,))
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse

    def call(self, inputs, count_weights=None):
        if not isinstance(inputs, TensorOperators):
            inputs = convert_to_tensor(inputs)
        dtype = dtypes.as_dtype(self.dtype).torch_dtype
        if count_weights is not None:
            if self.output_mode != "count":
                raise ValueError(
                    "`count_weights` is not used when `output_mode` is not `'count'`. "
                    "Received `count_weights=%s`." % (count_weights,)
                )
            count_weights = to_torch(count_weights).to(self._compute_torch_dtype)
            dtype = count_weights.dtype
        if self.output_mode != "one_hot" and inputs.dtype.name in _NARROW_INTEGERS:
            if inputs.shape.rank <= 2:
                raise _index_dtype_error(inputs.dtype)
        indices = inputs._value.long()
        if indices.ndim == 0:
            indices = indices[None]
        if self.output_mode == "one_hot" and indices.ndim > 1 and indices.shape[-1] == 1:
            indices = indices[..., 0]
        if self.output_mode != "one_hot" and indices.ndim <= 2 and bool((indices < 0).any()):
            text = (
                "Input arr must be non-negative!"
                if indices.ndim == 1
                else "Input 'in' must be non-negative! Negative input value found: %d"
                % int(indices[indices < 0][-1])
            )
            raise op_error("DenseBincount", text, indices)
        valid = (indices >= 0) & (indices < self.num_tokens)
        encoded = torch.nn.functional.one_hot(torch.where(valid, indices, 0), self.num_tokens)
        encoded = (encoded * valid[..., None]).to(dtype)
        if self.output_mode != "one_hot":
            if count_weights is not None:
                encoded = encoded * count_weights[..., None]
            axis = 1 if indices.ndim > 1 else 0
            multi = self.output_mode == "multi_hot"
            encoded = encoded.amax(dim=axis) if multi else encoded.sum(dim=axis)
        return from_dense(wrap(encoded)) if self.sparse else wrap(encoded)

    def compute_output_shape(self, input_shape):
        input_shape = tuple(input_shape)
        if not input_shape:
            return (self.num_tokens,)
        if self.output_mode == "one_hot" and (input_shape[-1] != 1 or len(input_shape) == 1):
            return input_shape + (self.num_tokens,)
        return input_shape[:-1] + (self.num_tokens,)

    def get_config(self):
        config = super().get_config()
        config.update({"num_tokens": self.num_tokens, "output_mode": self.output_mode})
        return config


def _index_dtype_error(dtype):
    """TF's error for ``DenseBincount`` indices of an integer dtype other than int32/int64."""
    return op_error(
        "DenseBincount",
        "Value for attr 'Tidx' of %s is not in the list of allowed values: int32, int64\n\t; "
        "NodeDef: {{node DenseBincount}}; Op<name=DenseBincount; signature=input:Tidx, "
        "size:Tidx, weights:T -> output:T; attr=Tidx:type,allowed=[DT_INT32, DT_INT64]; "
        "attr=T:type,allowed=[DT_INT32, DT_INT64, DT_FLOAT, DT_DOUBLE]; "
        "attr=binary_output:bool,default=false>" % type_name(dtype),
        wrapped=False,
    )
