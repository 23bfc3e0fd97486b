"""``tf.Tensor``: an immutable eager tensor wrapping a ``torch.Tensor``.

The wrapper (``__slots__ = ("_value", "_keras_mask")``, DESIGN.md decision 1; the second slot
is the Keras mask a layer attaches to its output, unset otherwise) keeps torch's
speed while giving TensorFlow's observable behaviour: immutability, TF's
``str``/``repr``, TF's dtype rules in operators, ``TensorShape``.  Numeric
tensors hold a ``torch.Tensor``; string tensors hold a NumPy object array of
``bytes`` (CPU only).

``Tensor.__torch_function__`` lets torch functions take Tensors
(``torch.relu(t)`` returns a Tensor); :func:`as_torch` and :func:`from_torch`
are the public way between the two worlds.
"""

from __future__ import annotations

import numpy as np
import torch

from . import dtypes
from . import tree as _tree
from .composite_tensor import CompositeTensor
from .device import tf_device_string
from .op_errors import device_of
from .shape import TensorShape
from ..api_export import tf_export

__all__ = ["Tensor", "TensorOperators", "wrap", "as_torch", "from_torch", "is_tensor", "Reference"]

_new = object.__new__

_DTYPE_OF = {d.torch_dtype: d for d in dtypes._ALL if d.torch_dtype is not None}
_DTYPE_OF[np.dtype(object)] = dtypes.string


def _numpy_text(value, is_repr):
    """TF's text of a value: ``repr`` of Python scalars for 0-d, else NumPy's text."""
    return _numpy_text_of(_host_array(value), is_repr)


def _numpy_text_of(array, is_repr):
    if is_repr:
        if array.ndim == 0:
            text = repr(array.item())
        else:
            text = repr(array)
    else:
        text = str(array)
    return "\n" + text if "\n" in text else text


_OPERATOR_FAST_DTYPES = frozenset(
    (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int32, torch.int64)
)
"""Dtypes every arithmetic and comparison operator's kernel takes (no dtype check needed)."""


def _operator(fn, opname):
    """A binary operator method: two same-dtype Tensors of a common dtype go straight to
    ``fn``; every other case (conversions, TF's errors, dtypes some kernels refuse, string
    tensors) goes through ``_binary``."""

    def method(self, other):
        if type(other) is Tensor:
            a = self._value
            b = other._value
            dtype = a.dtype
            if dtype is b.dtype and dtype in _OPERATOR_FAST_DTYPES:
                try:
                    result = fn(a, b)
                except (RuntimeError, TypeError, ValueError):
                    pass
                else:
                    tensor = _new(Tensor)
                    tensor._value = result
                    return tensor
        return _binary(fn, self, other, opname)

    return method


class TensorOperators:
    """Python operators with TF semantics, shared by :class:`Tensor` and ``Variable``.

    Each operator converts the non-tensor side to the tensor's dtype (TF's
    rule), raises ``InvalidArgumentError`` for two tensors of different
    dtypes, and returns a new :class:`Tensor`.
    """

    __slots__ = ()
    __array_priority__ = 100

    __add__ = _operator(torch.add, "AddV2")

    def __radd__(self, other):
        return _rbinary(torch.add, self, other, "AddV2")

    __sub__ = _operator(torch.sub, "Sub")

    def __rsub__(self, other):
        return _rbinary(torch.sub, self, other, "Sub")

    __mul__ = _operator(torch.mul, "Mul")

    def __rmul__(self, other):
        return _rbinary(torch.mul, self, other, "Mul")

    def __truediv__(self, other):
        return _binary(_ops.truediv, self, other, "RealDiv")

    def __rtruediv__(self, other):
        return _rbinary(_ops.truediv, self, other, "RealDiv")

    def __floordiv__(self, other):
        return _binary(_ops.floordiv, self, other, "FloorDiv")

    def __rfloordiv__(self, other):
        return _rbinary(_ops.floordiv, self, other, "FloorDiv")

    __mod__ = _operator(torch.remainder, "FloorMod")

    def __rmod__(self, other):
        return _rbinary(torch.remainder, self, other, "FloorMod")

    __pow__ = _operator(torch.pow, "Pow")

    def __rpow__(self, other):
        return _rbinary(torch.pow, self, other, "Pow")

    def __matmul__(self, other):
        return _binary(_ops.matmul2, self, other, "MatMul", scalars=False)

    def __rmatmul__(self, other):
        return _rbinary(_ops.matmul2, self, other, "MatMul", scalars=False)

    def __and__(self, other):
        return _ops.logical_binary(_ops.bitwise_and, self, other, "LogicalAnd")

    def __rand__(self, other):
        return _rbinary(_ops.bitwise_and, self, other, "LogicalAnd")

    def __or__(self, other):
        return _ops.logical_binary(_ops.bitwise_or, self, other, "LogicalOr")

    def __ror__(self, other):
        return _rbinary(_ops.bitwise_or, self, other, "LogicalOr")

    def __xor__(self, other):
        return _ops.logical_binary(_ops.bitwise_xor, self, other, "LogicalXor")

    def __rxor__(self, other):
        return _rbinary(_ops.bitwise_xor, self, other, "LogicalXor")

    __lt__ = _operator(torch.lt, "Less")

    __le__ = _operator(torch.le, "LessEqual")

    __gt__ = _operator(torch.gt, "Greater")

    __ge__ = _operator(torch.ge, "GreaterEqual")

    def __eq__(self, other):
        return _equality(self, other, "Equal")

    def __ne__(self, other):
        return _equality(self, other, "NotEqual")

    def __neg__(self):
        return _unary(torch.neg, self, "Neg")

    def __pos__(self):
        return _unary(torch.positive, self, "Positive")

    def __abs__(self):
        return _unary(torch.abs, self, "Abs")

    def __invert__(self):
        return _unary(_ops.invert, self, "LogicalNot")

    def __getitem__(self, key):
        return wrap(_ops.strided_slice(self._value, key, source=self))

    def __array__(self, dtype=None, copy=None):
        array = _host_array(self._value)
        if dtype is not None and array.dtype != dtype:
            return array.astype(dtype)
        if copy:
            return array.copy()
        array.flags.writeable = False
        return array

    def __float__(self):
        return float(_scalar_for_python(self))

    def __int__(self):
        return int(_scalar_for_python(self))

    def __complex__(self):
        return complex(_scalar_for_python(self))

    def __index__(self):
        value = self._value
        if (
            not isinstance(value, torch.Tensor)
            or value.dtype.is_floating_point
            or value.dtype.is_complex
            or value.dtype == torch.bool
        ):
            raise TypeError("Only integer scalar tensors can be converted to a scalar index.")
        return int(_scalar_for_python(self))

    def __bool__(self):
        value = self._value
        if value.ndim > 0 and (value.size if isinstance(value, np.ndarray) else value.numel()) > 1:
            raise ValueError(
                "The truth value of an array with more than one element is ambiguous. Use a.any() "
                "or a.all()"
            )
        return (
            bool(_host_array(value).reshape(()).item())
            if value.ndim
            else bool(_host_array(value).item())
        )

    def __len__(self):
        if self._value.ndim == 0:
            raise TypeError("Scalar tensor has no `len()`")
        return self._value.shape[0]

    def __iter__(self):
        value = self._value
        if value.ndim == 0:
            raise TypeError("Cannot iterate over a scalar tensor.")
        return (
            (wrap(row) for row in value.unbind(0))
            if isinstance(value, torch.Tensor)
            else (wrap(row) for row in value)
        )

    def __reduce__(self):
        return _from_numpy_for_pickle, (self.numpy(), self.dtype.name)

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        result = func(*_unwrap_structure(args), **_unwrap_structure(kwargs or {}))
        return _wrap_structure(result)

    @property
    def dtype(self):
        """The tensor's ``tf.DType``."""
        return _DTYPE_OF[self._value.dtype]

    @property
    def shape(self):
        """The tensor's ``TensorShape``."""
        return TensorShape._from_tuple(tuple(self._value.shape))

    def get_shape(self):
        """Alias of ``shape``."""
        return self.shape

    @property
    def ndim(self):
        """The rank, as a Python int."""
        return self._value.ndim

    @property
    def device(self):
        """TF's name of the device holding the data (``.../device:CPU:0``)."""
        return tf_device_string(device_of(self._value))

    def numpy(self):
        """A writable NumPy copy (a NumPy scalar for rank 0, ``bytes`` for a string scalar)."""
        value = self._value
        if isinstance(value, torch.Tensor):
            array = _host_array(value)
            array = array.copy() if value.device.type == "cpu" else array
        else:
            array = value.copy()
        return array[()] if array.ndim == 0 else array


_NUMPY_METHOD_NAMES = frozenset(
    ("T", "astype", "ravel", "transpose", "reshape", "clip", "size", "tolist", "data")
)


@tf_export("Tensor")
class Tensor(TensorOperators):
    """An immutable eager tensor, like TF's ``EagerTensor``.

    ``str`` and ``repr`` are TF's; ``x[0, 0] = 1.`` raises ``TypeError``; use
    :func:`tf.tensor_scatter_nd_update` for a functional update.  Unlike TF,
    the class is also the concrete type (``type(x).__name__ == 'Tensor'``).
    """

    __slots__ = ("_value", "_keras_mask")

    def __getattr__(self, name):
        """TF's error for a missing attribute (``EagerTensor``'s wording and NumPy-method hint)."""
        if type(self).__module__ != __name__:
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        if name in _NUMPY_METHOD_NAMES:
            raise AttributeError(
                "EagerTensor object has no attribute '%s'. " % name
                + """
        If you are looking for numpy-related methods, please run the following:
        tf.experimental.numpy.experimental_enable_numpy_behavior()
      """
            )
        raise AttributeError(
            "'tensorflow.python.framework.ops.EagerTensor' object has no attribute '%s'" % name
        )

    def __init__(self, *args, **kwargs):
        raise TypeError(
            "Tensors are created by tf.constant / tf.convert_to_tensor, not by calling tf.Tensor."
        )

    def __setitem__(self, key, value):
        raise TypeError(
            "'%s.%s' object does not support item assignment"
            % (type(self).__module__, type(self).__qualname__)
        )

    def __hash__(self):
        raise TypeError("Tensor is unhashable. Instead, use tensor.ref() as the key.")

    def ref(self):
        """A hashable reference to this tensor (for sets and dict keys)."""
        return Reference(self)

    def experimental_ref(self):
        """Deprecated alias of :meth:`ref`."""
        return Reference(self)

    def __format__(self, format_spec):
        array = self.numpy()
        if isinstance(array, np.ndarray):
            return array.__format__(format_spec)
        return format(array.item() if isinstance(array, np.generic) else array, format_spec)

    def __str__(self):
        return "tf.Tensor(%s, shape=%s, dtype=%s)" % (
            _numpy_text(self._value, False),
            self.shape,
            self.dtype.name,
        )

    def __repr__(self):
        return "<tf.Tensor: shape=%s, dtype=%s, numpy=%s>" % (
            self.shape,
            self.dtype.name,
            _numpy_text(self._value, True),
        )


class Reference:
    """TF's ``tensor.ref()``: hashable by identity, ``deref()`` gives the tensor back."""

    __slots__ = ("_obj",)

    def __init__(self, obj):
        self._obj = obj

    def deref(self):
        """The referenced tensor or variable."""
        return self._obj

    def __hash__(self):
        return id(self._obj)

    def __eq__(self, other):
        return isinstance(other, Reference) and other._obj is self._obj

    def __repr__(self):
        return "<Reference wrapping %r>" % (self._obj,)


def wrap(value):
    """Wraps a ``torch.Tensor`` (or a NumPy object array of bytes) as a Tensor, sharing its data."""
    tensor = _new(Tensor)
    tensor._value = value
    return tensor


def from_torch(value):
    """Public: a Tensor that shares ``value``'s data (a ``torch.Tensor``), without copying.

    The caller promises not to mutate ``value`` afterwards; TF tensors are immutable.
    """
    if not isinstance(value, torch.Tensor):
        raise TypeError("from_torch expects a torch.Tensor, got %s" % type(value).__name__)
    if value.dtype not in _DTYPE_OF:
        raise TypeError("torch dtype %s has no TensorFlow equivalent" % value.dtype)
    return wrap(value)


def as_torch(value):
    """Public: the ``torch.Tensor`` behind a Tensor or Variable (shared, not copied).

    Inside a ``GradientTape`` the result of a trainable variable is its
    ``torch.nn.Parameter``; outside, a detached view of it.
    """
    if isinstance(value, TensorOperators):
        return value._value
    if isinstance(value, torch.Tensor):
        return value
    raise TypeError("as_torch expects a tf.Tensor or tf.Variable, got %s" % type(value).__name__)


@tf_export("is_tensor")
def is_tensor(x):
    """``tf.is_tensor``: True for Tensors, Variables and composite tensors (``tf.RaggedTensor``,
    ``tf.SparseTensor``), as in TF; False otherwise."""
    return isinstance(x, (TensorOperators, CompositeTensor))


def _host_array(value):
    if isinstance(value, np.ndarray):
        return value
    value = value.detach()
    if value.device.type != "cpu":
        value = value.cpu()
    view = dtypes.BIT_VIEWS.get(value.dtype)
    if view is not None:
        return value.view(view[0]).numpy().view(view[2])
    return value.numpy()


def _scalar_for_python(tensor):
    value = tensor._value
    if value.ndim != 0:
        raise TypeError("only 0-dimensional arrays can be converted to Python scalars")
    array = _host_array(value)
    return array.item()


def _storage_leaf(obj):
    return obj._value if isinstance(obj, TensorOperators) else obj


def _unwrap_structure(obj):
    """``obj`` with every tensor replaced by its storage (torch's pytree rules: exact
    list, tuple, dict types, namedtuples and struct sequences walked)."""
    return _tree.map_structure(_storage_leaf, obj, rules=_tree.KERAS)


def _wrap_leaf(obj):
    if isinstance(obj, torch.Tensor) and not isinstance(obj, torch.nn.Parameter):
        return wrap(obj)
    return obj


def _wrap_structure(obj):
    """A torch function's result with its torch tensors (not parameters) wrapped."""
    return _tree.map_structure(_wrap_leaf, obj, rules=_tree.KERAS)


def _from_numpy_for_pickle(array, dtype_name):
    from .convert import constant

    return constant(array, dtype=dtype_name)


from . import tensor_ops as _ops  # noqa: E402  (tensor_ops needs Tensor defined above)
from .tensor_ops import (  # noqa: E402
    binary as _binary,
    rbinary as _rbinary,
    equality as _equality,
    unary as _unary,
)  # noqa: E402
