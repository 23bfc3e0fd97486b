"""``tf.TensorArray``: TF's eager TensorArray (a Python list of Tensors).

Eager TF keeps the elements in a list and implements every method with ordinary ops, so
gradients flow through ``write``/``read``/``stack``/``gather``/``concat`` as through any op
(torch autograd here).  Writes mutate the array and return it (TF wraps the result in a
"should use" marker that logs when dropped; torchkeras returns the array itself).  Eager TF
allows writing an index twice and reading an unwritten index (zeros of the element shape);
its errors (out-of-range indices, dtype and shape mismatches, reading a cleared element) are
reproduced with TF's classes and texts.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError, OpError, OutOfRangeError
from ..framework.function_trace import graph_error, traced_function_name
from ..framework.shape import TensorShape
from ..framework.tensor import Tensor, TensorOperators, wrap
from .shape_ops import concat, split, stack, unstack

__all__ = ["TensorArray"]


def _host_index(index):
    if isinstance(index, TensorOperators):
        return index.numpy()
    return index


def _as_shape(shape):
    return shape if isinstance(shape, TensorShape) else TensorShape(shape)


class TensorArraySpec:
    """The spec eager TF reports for a TensorArray in ``tf.while_loop``'s structure errors."""

    __slots__ = ("_element_shape", "_dtype", "_dynamic_size", "_infer_shape")

    def __init__(self, element_shape, dtype, dynamic_size, infer_shape):
        self._element_shape = element_shape
        self._dtype = dtype
        self._dynamic_size = dynamic_size
        self._infer_shape = infer_shape

    def __repr__(self):
        return "TensorArraySpec(%r, %r, %r, %r)" % (
            self._element_shape,
            self._dtype,
            self._dynamic_size,
            self._infer_shape,
        )


@tf_export("TensorArray")
class TensorArray:
    """``tf.TensorArray``: a growable (``dynamic_size=True``) or fixed-size list of Tensors of
    one ``dtype``, written and read by index.

    ``size`` is required (eager TF).  ``element_shape`` constrains the elements; with
    ``infer_shape`` (default) the first write fixes it.  ``clear_after_read`` (default True)
    forbids reading an element twice.  ``stack``/``gather``/``concat`` return Tensors, with
    zeros for unwritten elements (an error when the element shape is not known)."""

    def __init__(
        self,
        dtype,
        size=None,
        dynamic_size=None,
        clear_after_read=None,
        tensor_array_name=None,
        handle=None,
        flow=None,
        infer_shape=True,
        element_shape=None,
        colocate_with_first_write_call=True,
        name=None,
    ):
        if handle is not None:
            raise ValueError(
                "TensorArray handles are not supported when eager execution is enabled."
            )
        if size is None:
            raise ValueError(
                "Size must be declared for TensorArrays when eager execution is enabled."
            )
        self._flow = wrap(torch.tensor(0, dtype=torch.int32, device=_device.current()))
        self._infer_shape = infer_shape
        self._element_shape = _as_shape(element_shape)
        self._dtype = dtypes.as_dtype(dtype)
        self._dynamic_size = dynamic_size or False
        self._clear_after_read = True if clear_after_read is None else clear_after_read
        self._previously_read_indices = []
        size = _host_index(size)  # range(): a float size is TF's TypeError
        self._tensor_array = [None for _ in range(size.item() if hasattr(size, "item") else size)]

    @property
    def flow(self):
        """The flow tensor (eagerly a constant 0, as in TF)."""
        return self._flow

    @property
    def dtype(self):
        """The elements' dtype."""
        return self._dtype

    @property
    def handle(self):
        """The resource handle (``None`` eagerly)."""
        return None

    @property
    def element_shape(self):
        """The elements' (possibly partially known) ``TensorShape``."""
        return self._element_shape

    @property
    def dynamic_size(self):
        """Whether writes past the end grow the array."""
        return self._dynamic_size

    def _type_spec(self):
        return TensorArraySpec(
            self._element_shape, self._dtype, self._dynamic_size, self._infer_shape
        )

    def identity(self):
        """The array itself (eagerly there is no flow to refresh)."""
        return self

    def grad(self, source, flow=None, name=None):
        """Not available eagerly (TF's ``NotImplementedError``)."""
        raise NotImplementedError(
            "TensorArray.grad is not supported when executing eagerly; eager's gradient "
            "implementation does not use/need this function to compute gradients of "
            "operations that use TensorArrays."
        )

    def _check_traced_index(self, index, verb, node):
        """In a traced function TF's TensorArray is a TensorList, whose kernel refuses an index
        out of range with its own words (eagerly the TensorArray's errors apply)."""
        if traced_function_name() is not None and not 0 <= index < len(self._tensor_array):
            raise graph_error(
                InvalidArgumentError,
                "Trying to %s element %d in a list with %d elements."
                % (verb, index, len(self._tensor_array)),
                node,
            )

    def read(self, index, name=None):
        """The element at ``index`` (zeros of the element shape if never written)."""
        index = _host_index(index)
        self._check_traced_index(index, "access", "TensorArrayV2Read/TensorListGetItem")
        if index < 0:
            raise OutOfRangeError(
                None, None, "Reading from negative indices (index %d) is not allowed." % index
            )
        if index >= len(self._tensor_array):
            raise OutOfRangeError(
                None,
                None,
                "Tried to read from index %d but array size is: %d "
                % (index, len(self._tensor_array)),
            )
        tensor = self._tensor_array[index]
        if tensor is None:
            if index in self._previously_read_indices:
                raise InvalidArgumentError(
                    None,
                    None,
                    "Could not read index %d twice because it was cleared after a previous "
                    "read (perhaps try setting clear_after_read = false?)" % index,
                )
            tensor = self._maybe_zero(index)
        if self._clear_after_read:
            self._tensor_array[index] = None
            self._previously_read_indices.append(index)
        return tensor

    def _write(self, index, value):
        index = _host_index(index)
        self._check_traced_index(index, "modify", "TensorArrayV2Write/TensorListSetItem")
        if index < 0:
            raise OutOfRangeError(
                None, None, "Writing to negative indices (index %d) is not allowed." % index
            )
        size = len(self._tensor_array)
        if index >= size:
            if not self._dynamic_size:
                raise OutOfRangeError(
                    None,
                    None,
                    "Tried to write to index %d but array is not resizeable and size is: %d "
                    % (index, size),
                )
            self._tensor_array.extend(None for _ in range(index - size + 1))
        if type(value) is not Tensor:
            value = convert_to_tensor(value, dtype_hint=self._dtype)
        if self._dtype != value.dtype:
            raise InvalidArgumentError(
                None,
                None,
                "TensorArray dtype is %s but Op is trying to write dtype %s "
                % (self._dtype.name, value.dtype.name),
            )
        if not self._element_shape.is_compatible_with(value.shape):
            raise ValueError(
                "Incompatible shape for value (%s), expected (%s)"
                % (value.shape, self._element_shape)
            )
        if self._infer_shape:
            self._element_shape = self._element_shape.merge_with(value.shape)
        self._tensor_array[index] = value

    def write(self, index, value, name=None):
        """Writes ``value`` at ``index`` (growing a dynamic array); returns the array."""
        self._write(index, value)
        return self

    def _maybe_zero(self, index):
        value = self._tensor_array[index]
        if value is None:
            shape = self._element_shape
            if not shape.is_fully_defined():
                raise ValueError(
                    "Cannot convert a partially known TensorShape %s to a Tensor." % shape
                )
            value = self._tensor_array[index] = wrap(
                torch.zeros(
                    shape.as_list(), dtype=self._dtype.torch_dtype, device=_device.current()
                )
            )
        return value

    def stack(self, name=None):
        """The elements stacked along a new first axis (unwritten ones as zeros)."""
        for index in range(len(self._tensor_array)):
            self._maybe_zero(index)
        if not self._tensor_array:
            if self._element_shape.is_fully_defined():
                dims = [0] + self._element_shape.as_list()
                return convert_to_tensor(np.ndarray(dims), dtype=self._dtype)
            return convert_to_tensor([], dtype=self._dtype)
        stacked = stack(self._tensor_array, name="packed")
        if stacked.dtype != self._dtype:
            stacked = wrap(stacked._value.to(self._dtype.torch_dtype))
        return stacked

    def gather(self, indices, name=None):
        """The elements at ``indices`` stacked along a new first axis."""
        indices = _host_index(indices)
        return stack([self._maybe_zero(i) for i in indices])

    def concat(self, name=None):
        """The elements concatenated along their first axis."""
        try:
            return concat([self._maybe_zero(i) for i in range(len(self._tensor_array))], 0)
        except OpError:
            ndims = [t.shape.ndims for t in self._tensor_array]
            if 0 in ndims:
                raise InvalidArgumentError(
                    None,
                    None,
                    "Concat saw a scalar shape at index %d but requires at least vectors."
                    % ndims.index(0),
                ) from None
            raise

    def unstack(self, value, name=None):
        """Replaces the elements with the slices of ``value`` along its first axis."""
        tensors = unstack(value)
        if len(tensors) > len(self._tensor_array) and not self._dynamic_size:
            raise ValueError(
                "Cannot unstack %d tensors into a TensorArray of static size %d "
                % (len(tensors), len(self._tensor_array))
            )
        self._tensor_array = tensors
        return self

    def scatter(self, indices, value, name=None):
        """Writes the slices of ``value`` along its first axis at ``indices``."""
        indices = _host_index(indices)
        for index, element in zip(indices, unstack(value)):
            self._write(index, element)
        return self

    def split(self, value, lengths, name=None):
        """Replaces the elements with consecutive pieces of ``value`` of the given ``lengths``
        along its first axis."""
        value = convert_to_tensor(value, dtype_hint=self._dtype)
        lengths = convert_to_tensor(lengths)
        total = lengths.numpy().sum()
        if lengths.shape.ndims != 1:
            raise InvalidArgumentError(
                None,
                None,
                "Expected lengths to be a vector, received shape: %s " % lengths.shape.as_list(),
            )
        if value.shape.ndims == 0:
            raise InvalidArgumentError(
                None,
                None,
                "Expected value to be at least a vector, but received shape: %s "
                % value.shape.as_list(),
            )
        if total != value.shape.as_list()[0]:
            raise InvalidArgumentError(
                None,
                None,
                "Expected sum of lengths to be equal to values.shape[0], but sum of lengths is "
                "%d and value's shape is: %s " % (total, value.shape.as_list()),
            )
        if not self._dynamic_size and lengths.shape[0] != len(self._tensor_array):
            raise InvalidArgumentError(
                None,
                None,
                "TensorArray's size is not equal to the size of lengths (%d vs. %d), and the "
                "TensorArray is not marked as dynamically resizeable."
                % (len(self._tensor_array), lengths.shape[0]),
            )
        self._tensor_array = split(value, lengths)
        return self

    def size(self, name=None):
        """The number of elements, as an int32 scalar Tensor."""
        return convert_to_tensor(len(self._tensor_array))

    def close(self, name=None):
        """Drops every element (the size becomes 0)."""
        del self._tensor_array[:]
