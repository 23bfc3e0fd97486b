"""``tf.constant`` / ``tf.convert_to_tensor``: the one place for TF's dtype rules.

Inference (TF's): Python ``float`` -> float32, ``int`` -> int32 (int64 when it
does not fit), ``bool`` -> bool, ``complex`` -> complex128, ``str``/``bytes`` ->
string; NumPy arrays and scalars keep their dtype; torch tensors keep theirs.
With ``dtype_hint`` a value is converted to the hint when that is lossless for
Python values (NumPy arrays are always cast to it), else inferred as usual.
"""

from __future__ import annotations

import numbers

import numpy as np
import torch

from .composite_tensor import CompositeTensor
from . import device as _device
from . import dtypes
from . import py_seq
from .dispatch import CompositeArgumentError
from .op_errors import cannot_convert, dims_text, dtype_of, input_dtype_error, op_error
from .shape import TensorShape
from .tensor import Tensor, TensorOperators, wrap
from ..api_export import tf_export

__all__ = [
    "constant",
    "convert_to_tensor",
    "to_torch",
    "to_torch_unaliased",
    "to_torch_like",
    "infer_dtype",
]

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_FLOAT32_SAFE = 3.4e38  # Python floats below it fit float32 (and NaN fails the test)
_PY_BOOL = bool
_FROM_NUMPY_DTYPES = frozenset(
    np.dtype(t)
    for t in (
        np.float16,
        np.float32,
        np.float64,
        np.int8,
        np.int16,
        np.int32,
        np.int64,
        np.uint8,
        np.bool_,
        np.complex64,
        np.complex128,
    )
)

_NUMPY_DTYPE_OF = {torch.from_numpy(np.zeros(0, d)).dtype: d for d in _FROM_NUMPY_DTYPES}
"""torch dtype -> the NumPy dtype of the same values."""

_NUMPY_COPY_LIMIT = 1 << 20


def _same_dtype(torch_dtype, array):
    """Whether NumPy ``array`` holds values of ``torch_dtype`` (NumPy reads ``== None`` as
    ``== float64``, hence the lookup's explicit ``None`` test)."""
    numpy_dtype = _NUMPY_DTYPE_OF.get(torch_dtype)
    return numpy_dtype is not None and numpy_dtype == array.dtype


def _torch_copy(array):
    """A CPU torch tensor holding a copy of NumPy ``array`` (a TF tensor never aliases the array
    it was made from): NumPy's copy up to 1 MiB (a third of torch's cost per call on small
    arrays), torch's (multi-threaded) copy above."""
    if array.nbytes <= _NUMPY_COPY_LIMIT:
        return torch.from_numpy(array.copy())
    return torch.from_numpy(_viewable(array)).clone()


def _viewable(array):
    """``array``, or a copy of it where ``torch.from_numpy`` cannot view it (read-only, or
    with a negative stride: ``x[::-1]``)."""
    if array.flags.writeable and all(stride >= 0 for stride in array.strides):
        return array
    return array.copy()


def _type_error(value, dtype):
    return cannot_convert(value, dtype)


def _flatten_python(value, out):
    if isinstance(value, (list, tuple)):
        for item in value:
            _flatten_python(item, out)
    else:
        out.append(value)
    return out


def infer_dtype(value):
    """The DType TF infers for a Python or NumPy value (no conversion done)."""
    if isinstance(value, TensorOperators):
        return value.dtype
    if isinstance(value, torch.Tensor):
        return dtypes.from_torch(value.dtype)
    if isinstance(value, (np.ndarray, np.generic)):
        return dtypes.as_dtype(value.dtype) if value.dtype.kind not in "USO" else dtypes.string
    leaves = _flatten_python(value, [])
    if not leaves:
        return dtypes.float32
    kinds = set()
    for leaf in leaves:
        if isinstance(leaf, TensorOperators):
            kinds.add(leaf.dtype.name)
        elif isinstance(leaf, np.integer):  # TF reads NumPy integer scalars as Python ints
            kinds.add("int")
        elif isinstance(leaf, (np.ndarray, np.generic)):
            kinds.add(infer_dtype(leaf).name)
        elif isinstance(leaf, _PY_BOOL):
            kinds.add("bool")
        elif isinstance(leaf, numbers.Integral):
            kinds.add("int")
        elif isinstance(leaf, numbers.Real):
            kinds.add("float")
        elif isinstance(leaf, numbers.Complex):
            kinds.add("complex")
        elif isinstance(leaf, (str, bytes)):
            kinds.add("string")
        elif leaf is None:
            if any(other is not None for other in leaves):
                raise ValueError("Can't convert Python sequence with mixed types to Tensor.")
            raise ValueError(
                "Attempt to convert a value (%r) with an unsupported type (%r) to a Tensor."
                % (value, type(leaf))
            )
        else:
            raise ValueError(
                "Attempt to convert a value (%r) with an unsupported type (%r) to a Tensor."
                % (leaf, type(leaf))
            )
    if ("string" in kinds or "bool" in kinds) and len(kinds) > 1:
        raise ValueError("Can't convert Python sequence with mixed types to Tensor.")
    if "string" in kinds:
        if len(kinds) > 1:
            raise ValueError("Can't convert Python sequence with mixed types to Tensor.")
        return dtypes.string
    numeric = kinds - {"bool", "int", "float", "complex"}
    if numeric:
        if len(kinds) == 1:
            return dtypes.as_dtype(numeric.pop())
        for name in ("complex128", "complex64", "float64", "float32", "float16", "bfloat16"):
            if name in kinds:
                return dtypes.as_dtype(name)
        return dtypes.as_dtype(sorted(numeric)[0])
    if "complex" in kinds:
        return dtypes.complex128
    if "float" in kinds:
        return dtypes.float32
    if "int" in kinds:
        ints = [int(v) for v in leaves if not isinstance(v, _PY_BOOL)]
        low, high = min(ints), max(ints)
        if low < _INT64_MIN or high > _INT64_MAX:
            raise ValueError("Can't convert Python sequence with out-of-range integer to Tensor.")
        return dtypes.int32 if _INT32_MIN <= low and high <= _INT32_MAX else dtypes.int64
    return dtypes.bool


def _encode_string(s):
    return s.encode("utf-8") if isinstance(s, str) else bytes(s)


_ENCODE_STRINGS = np.frompyfunc(_encode_string, 1, 1)


def _string_array(value):
    array = np.array(value, dtype=object)
    if array.ndim == 0:
        # Not through frompyfunc: it would make a scalar a NumPy ``bytes_``, which drops
        # trailing NUL bytes.
        return np.array(_encode_string(array.item()), dtype=object)
    return _ENCODE_STRINGS(array).astype(object)


def _python_to_numpy(value, dtype):
    target = dtype.as_numpy_dtype if dtype is not dtypes.bfloat16 else np.float32
    try:
        try:
            array = np.array(value, dtype=target)
        except OverflowError:
            array = np.array(value, dtype=np.int64).astype(target)
    except ValueError as error:
        if "inhomogeneous" in str(error) or "sequence" in str(error):
            raise ValueError("Can't convert non-rectangular Python sequence to Tensor.") from None
        raise
    return array


def _lossless(value, dtype):
    """Whether TF converts Python ``value`` to ``dtype``: without changing any element, except
    that integers in int64's range wrap into narrower integer dtypes (``tf.constant(300,
    tf.int8)`` is 44 in TF)."""
    leaves = _flatten_python(value, [])
    if dtype.is_bool:
        return all(isinstance(v, (_PY_BOOL, np.bool_)) for v in leaves)
    if dtype.is_integer:
        high = 2**64 - 1 if dtype is dtypes.uint64 else _INT64_MAX
        low = 0 if dtype is dtypes.uint64 else _INT64_MIN
        for v in leaves:
            if isinstance(v, (TensorOperators, str, bytes)):
                return False
            if isinstance(v, (float, np.floating)) or isinstance(v, complex):
                return False
            if not (low <= int(v) <= high):
                return False
        return True
    if dtype.is_floating:
        return not any(
            isinstance(v, (complex, str, bytes))
            or (isinstance(v, TensorOperators) and v.dtype is not dtype)
            for v in leaves
        )
    if dtype is dtypes.string:
        return all(isinstance(v, (str, bytes)) for v in leaves)
    return not any(isinstance(v, (str, bytes)) for v in leaves)


_PYTHON_TYPE_OF_KIND = {"b": "bool", "i": "int", "u": "int", "f": "float", "c": "complex"}


def _check_string_array(array):
    """TF's ``ValueError`` for a NumPy array that is not text but must become a string tensor
    (numbers, or an object array holding anything but ``str``/``bytes``); an empty array
    converts."""
    if array.dtype.kind in "US" or not array.size:
        return
    if array.dtype.kind == "O":
        bad = next((v for v in array.flat if not isinstance(v, (str, bytes))), None)
        if bad is None:
            return
        kind = type(bad).__name__
    else:
        kind = _PYTHON_TYPE_OF_KIND.get(array.dtype.kind, array.dtype.name)
    raise ValueError(
        "Failed to convert a NumPy array to a Tensor (Unsupported object type %s)." % kind
    )


_NUMPY_CASTS = {
    torch.bool: np.bool_,
    torch.int8: np.int8,
    torch.int16: np.int16,
    torch.int32: np.int32,
    torch.int64: np.int64,
    torch.uint8: np.uint8,
    torch.float16: np.float16,
    torch.float32: np.float32,
    torch.float64: np.float64,
}


def _to_storage(array, dtype, device):
    """A NumPy array -> the storage of a Tensor of ``dtype`` (a copy; never aliases)."""
    if dtype is dtypes.string:
        _check_string_array(array)
        return (
            _string_array(array)
            if array.dtype != object or array.size and not isinstance(array.flat[0], bytes)
            else array.copy()
        )
    if dtype.torch_dtype is None:
        raise TypeError("dtype %s is not supported by this torch build" % dtype.name)
    if not array.dtype.isnative:
        array = array.astype(array.dtype.newbyteorder("="))
    view = dtypes.BIT_VIEWS_BY_NUMPY.get(array.dtype)
    if view is not None:
        source = torch.from_numpy(np.array(array, copy=True).view(view[0])).view(view[1])
        return _cast_torch(source.to(device), dtype)
    if array.dtype in _FROM_NUMPY_DTYPES:
        if device.type == "cpu" and _same_dtype(dtype.torch_dtype, array):
            return _torch_copy(array)
        viewable = _viewable(array)
        source = torch.from_numpy(viewable)
        return source.to(device=device, dtype=dtype.torch_dtype, copy=viewable is array)
    if array.dtype.kind in "fiucb":
        tensor = torch.tensor(array, device=device)
    elif array.dtype.kind in "US" and dtype.torch_dtype in _NUMPY_CASTS:
        # TF casts a string array with NumPy (``astype``): its errors, non-empty is True.
        cast = array.astype(_NUMPY_CASTS[dtype.torch_dtype])
        tensor = torch.from_numpy(cast).to(device)
    else:
        tensor = torch.tensor(array.astype(np.float64), device=device)
    return tensor if tensor.dtype == dtype.torch_dtype else tensor.to(dtype.torch_dtype)


def _from_python(value, dtype, device):
    """Converts a Python scalar or (nested) sequence to torch storage of ``dtype``."""
    if dtype is dtypes.string:
        return _string_array(value)
    if type(value) in (float, int, bool):
        return torch.tensor(_wrapped(value, dtype), dtype=dtype.torch_dtype, device=device)
    array = _python_to_numpy(value, dtype)
    return _to_storage(array, dtype, device)


def _wrapped(value, dtype):
    """A Python number as TF stores it in ``dtype``: integers wrap modulo the dtype's width."""
    if type(value) is int and dtype.is_integer and not dtype.min <= value <= dtype.max:
        return np.array(value, dtype=np.int64).astype(dtype.as_numpy_dtype).item()
    return value


def _cast_torch(value, dtype):
    return value if value.dtype == dtype.torch_dtype else value.to(dtype.torch_dtype)


@tf_export("convert_to_tensor")
def convert_to_tensor(value, dtype=None, dtype_hint=None, name=None):
    """``tf.convert_to_tensor``: a Tensor for ``value``, sharing data when it already is one.

    A Tensor of another dtype than ``dtype`` raises TF's ``ValueError``.  A
    ``torch.Tensor`` is wrapped without copying (detached); a Variable is read
    into a snapshot, so later assigns don't show through (as in TF).
    """
    if type(value) is Tensor and dtype is None:
        return value
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
    if isinstance(value, TensorOperators):
        tensor = value if isinstance(value, Tensor) else value.read_value()
        if dtype is not None and tensor.dtype is not dtype:
            raise ValueError(
                "Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                % (dtype.name, tensor.dtype.name, value)
            )
        return tensor
    if isinstance(value, torch.Tensor):
        stored = value.detach()
        if dtype is not None and dtypes.from_torch(stored.dtype) is not dtype:
            raise ValueError(
                "Tensor conversion requested dtype %s for Tensor with dtype %s"
                % (dtype.name, dtypes.from_torch(stored.dtype).name)
            )
        return wrap(stored)
    return wrap(_convert_value(value, dtype, dtype_hint, _device.current()))


def _shape_dims(shape, dtype, dtype_hint):
    """TF's ``TensorShape`` conversion: a fully defined shape becomes an int32 vector (int64 when
    a dim needs it, or when asked); partially known shapes and other dtypes raise TF's errors."""
    if shape.rank is None or None in shape.as_list():
        raise ValueError("Cannot convert a partially known TensorShape %s to a Tensor." % shape)
    dims = shape.as_list()
    wide = any(d >= 2**31 for d in dims)
    hint = dtypes.as_dtype(dtype_hint) if dtype_hint is not None else None
    if dtype is None and hint in (dtypes.int32, dtypes.int64):
        dtype = dtypes.int64 if wide else hint
    if dtype is None:
        return dims, dtypes.int64 if wide else dtypes.int32
    if dtype not in (dtypes.int32, dtypes.int64):
        raise TypeError(
            "Cannot convert TensorShape %s to dtype %s. Allowed dtypes are tf.int32 "
            "and tf.int64." % (shape, dtype)
        )
    if dtype is dtypes.int32 and wide:
        raise ValueError(
            "Cannot convert TensorShape %s to dtype int32; a dimension is too large. "
            "Consider using tf.int64." % shape
        )
    return dims, dtype


def _first_tensor(value):
    """The first Tensor (depth first) in a nested Python sequence, or None."""
    for leaf in _flatten_python(value, []):
        if isinstance(leaf, TensorOperators):
            return leaf
    return None


def _autopack(value, dtype, device, cast, outermost=True):
    """TF's conversion of a nested sequence holding Tensors: ``tf.stack`` of its elements
    (op ``Pack``).  Without ``dtype`` the first Tensor's dtype is the target, other Tensors must
    have it and Python elements must convert to it; with ``dtype`` Tensors are cast to it."""
    if isinstance(value, TensorOperators):
        if isinstance(value._value, np.ndarray):  # strings: host object arrays
            return value._value
        storage = value._value.to(device)
        return storage.to(dtype.torch_dtype) if cast else storage
    if not isinstance(value, (list, tuple)):
        return _convert_value(value, dtype, None, device)
    name = "packed" if outermost else ""
    parts = [_autopack(v, dtype, device, cast, outermost=False) for v in value]
    for index, part in enumerate(parts):
        if dtype_of(part) is not dtype:
            raise input_dtype_error("Pack", index, dtype, part, name=name)
    for index, part in enumerate(parts[1:], 1):
        if part.shape != parts[0].shape:
            raise op_error(
                "Pack",
                "Shapes of all inputs must match: values[0].shape = %s != values[%d].shape = %s"
                % (dims_text(parts[0].shape), index, dims_text(part.shape)),
                part,
                name=name,
                kernel="Pack_N_%d" % len(parts),
            )
    if not parts:
        return torch.zeros((0,), dtype=dtype.torch_dtype, device=device)
    if isinstance(parts[0], np.ndarray):
        return np.stack(parts)
    return torch.stack(parts)


def _convert_value(value, dtype, dtype_hint, device):
    if isinstance(value, (list, tuple)):
        first = _first_tensor(value)
        if first is not None:
            return _autopack(value, dtype or first.dtype, device, cast=dtype is not None)
    if isinstance(value, TensorShape):
        dims, dtype = _shape_dims(value, dtype, dtype_hint)
        return torch.tensor(dims, dtype=dtype.torch_dtype, device=device)
    if isinstance(value, (np.ndarray, np.generic)):
        array = np.asarray(value)
        target = dtype or (
            dtypes.as_dtype(dtype_hint) if dtype_hint is not None else infer_dtype(array)
        )
        if dtype is None and dtype_hint is not None and array.dtype.kind in "US":
            if target is not dtypes.string:  # TF tries NumPy's conversion to the hint first
                try:
                    return _to_storage(array.astype(target.as_numpy_dtype), target, device)
                except (TypeError, ValueError):
                    target = infer_dtype(array)
        elif (
            dtype is None
            and dtype_hint is not None
            and (array.dtype.kind in "USO") != (target is dtypes.string)
        ):
            target = infer_dtype(array)
        return _to_storage(array, target, device)
    if hasattr(value, "__array__") and not isinstance(value, (list, tuple, str, bytes)):
        return _convert_value(np.asarray(value), dtype, dtype_hint, device)
    if isinstance(value, CompositeTensor):
        raise CompositeArgumentError(value)
    if dtype is None and dtype_hint is not None:
        hint = dtypes.as_dtype(dtype_hint)
        inferred = infer_dtype(value)
        dtype = hint if _lossless(value, hint) else inferred
        return _from_python(value, dtype, device)
    return _python_storage(value, dtype, device)


def _python_storage(value, dtype, device):
    """A Python value converted as TF's sequence converter does (:mod:`py_seq`), then cast to
    ``dtype`` where TF's compatibility rule lets it (TF's ``TypeError`` otherwise)."""
    if type(value) is float and dtype is None and abs(value) < _FLOAT32_SAFE:
        return torch.tensor(value, dtype=torch.float32, device=device)
    array, converted = py_seq.convert_sequence(value, dtype)
    if dtype is not None and converted is not dtype and not py_seq.compatible(dtype, converted):
        raise _type_error(value, dtype)
    storage = _to_storage(array, converted, device)
    if dtype is not None and converted is not dtype:
        storage = storage.to(dtype.torch_dtype)
    return storage


@tf_export("constant")
def constant(value, dtype=None, shape=None, name="Const"):
    """``tf.constant``: a new Tensor (always a copy) of ``value``.

    ``dtype`` converts Python values only when lossless (``tf.constant(2.7,
    dtype=tf.int32)`` raises ``TypeError``, as TF); NumPy arrays are cast.
    ``shape`` reshapes, or broadcasts a single element.
    """
    if dtype is not None:
        dtype = dtypes.as_dtype(dtype)
    if isinstance(value, TensorOperators):
        if dtype is not None and value.dtype is not dtype:
            raise TypeError(
                "Expected tensor %s with dtype %r, but got dtype %r."
                % (_numpy_str(value), dtype, value.dtype)
            )
        storage = value._value
        storage = storage.detach().clone() if isinstance(storage, torch.Tensor) else storage.copy()
    elif isinstance(value, torch.Tensor):
        storage = value.detach().clone()
        if dtype is not None:
            storage = _cast_torch(storage, dtype)
    else:
        if isinstance(value, (list, tuple)) and _first_tensor(value) is not None:
            raise ValueError("TypeError: Scalar tensor has no `len()`")
        if isinstance(value, TensorShape):  # tf.constant reads a shape as a sequence of dims
            if value.rank is None or None in value.as_list():
                raise ValueError("Can't convert Python sequence with mixed types to Tensor.")
            value = value.as_list()
        storage = _convert_value(value, dtype, None, _device.current())
    if shape is not None:
        storage = _reshape_for_constant(storage, value, shape)
    return wrap(storage)


def _numpy_str(tensor):
    return str(np.asarray(tensor))


def _reshape_for_constant(storage, value, shape):
    target = tuple(
        int(d)
        for d in (
            shape
            if isinstance(shape, (list, tuple))
            else [shape]
            if isinstance(shape, int)
            else list(shape)
        )
    )
    count = 1
    for d in target:
        count *= d
    size = storage.size if isinstance(storage, np.ndarray) else storage.numel()
    if size == count:
        return storage.reshape(target)
    if size == 1:
        return (
            storage.reshape(()).repeat(target)
            if isinstance(storage, np.ndarray)
            else storage.reshape(()).expand(target).clone()
        )
    raise TypeError(
        "Eager execution of tf.constant with unsupported shape. Tensor %s (converted from %r) has "
        "%d elements, but got `shape` %s with %d elements)."
        % (str(_host(storage)), value, size, target, count)
    )


def _host(storage):
    return storage if isinstance(storage, np.ndarray) else storage.detach().cpu().numpy()


def to_torch(value, dtype=None):
    """The torch storage for any tensor-like ``value`` (Tensor, Variable, NumPy, Python)."""
    if isinstance(value, TensorOperators):
        storage = value._value
        if dtype is not None and dtype_of(storage) is not dtypes.as_dtype(dtype):
            raise ValueError(
                "Tensor conversion requested dtype %s for Tensor with dtype %s: %r"
                % (dtypes.as_dtype(dtype).name, dtype_of(storage).name, value)
            )
        return storage
    if isinstance(value, torch.Tensor):
        return value
    device = _device.current()
    if (
        type(value) is np.ndarray
        and dtype is None
        and value.dtype in _FROM_NUMPY_DTYPES
        and device.type == "cpu"
    ):
        return _torch_copy(value)
    target = dtypes.as_dtype(dtype) if dtype is not None else None
    return _convert_value(value, target, None, device)


def to_torch_unaliased(value, dtype=None):
    """Like :func:`to_torch`, but a Variable's storage is copied first.

    For ops whose result is a view of their input (reshape, transpose, slices):
    TF reads a variable into a snapshot, so a later ``assign`` must not show
    through the result.  Tensors are immutable and need no copy.
    """
    storage = to_torch(value, dtype)
    if isinstance(value, TensorOperators) and not isinstance(value, Tensor):
        return storage.copy() if isinstance(storage, np.ndarray) else storage.clone()
    return storage


def to_torch_like(value, like, dtype_hint=None):
    """Storage for the non-tensor operand of an op whose other input is ``like``.

    TF converts it with the tensor's dtype as a hint: NumPy values are cast,
    Python values take the hint when lossless.  Placed on ``like``'s device.
    """
    if isinstance(value, TensorOperators):
        return value._value
    if isinstance(value, torch.Tensor):
        return value
    if (
        type(value) is np.ndarray
        and dtype_hint is None
        and isinstance(like, torch.Tensor)
        and value.dtype in _FROM_NUMPY_DTYPES
    ):
        if like.is_cpu and _same_dtype(like.dtype, value):
            return _torch_copy(value)
        source = torch.from_numpy(_viewable(value))
        return source.to(device=like.device, dtype=like.dtype, copy=True)
    hint = dtype_hint or dtype_of(like)
    device = like.device if isinstance(like, torch.Tensor) else torch.device("cpu")
    if type(value) in (float, int, bool) and hint is not dtypes.string:
        if _lossless(value, hint) and (type(value) is not bool or hint is dtypes.bool):
            return torch.tensor(_wrapped(value, hint), dtype=hint.torch_dtype, device=device)
        return _convert_value(value, None, None, device)
    return _convert_value(value, None, hint, device)
