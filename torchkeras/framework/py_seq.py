"""TF's conversion of a Python scalar or nested sequence to a tensor (``py_seq_tensor.cc``).

TF infers a dtype from the first element at each depth: NumPy ``float64`` -> float64, NumPy
``float16`` -> float16, other floats -> float32, ``bool``/``np.bool_`` -> bool, integers ->
int64, complex -> complex128, text -> string.  Then it converts every element with one
converter: the requested dtype's first (when it has one), else the inferred dtype's, with
fallbacks for inferred integers (int32, int64 when a value needs it, float32 when a float
turns up; int64 then float64 when a dtype was requested).  Each converter accepts its own
Python and NumPy types, so mixed lists convert by where their first element leads:
``[np.int64(2), np.float64(2.5)]`` is float32, ``[True, np.int64(2)]`` with ``dtype=tf.int32``
is ``[1, 2]`` (a Python bool is an int) but raises without a dtype.
"""

import math

import numpy as np

from . import dtypes

__all__ = ["convert_sequence", "hinted_dtype", "compatible"]

MIXED = "Can't convert Python sequence with mixed types to Tensor."
_RECTANGULAR = "Can't convert non-rectangular Python sequence to Tensor."
_OUT_OF_RANGE = "Can't convert Python sequence with out-of-range integer to Tensor."
_OUT_OF_RANGE_DOUBLE = (
    "Can't convert Python sequence with a value out of range for a double-precision float."
)
_FOUND_INT64 = "Can't convert Python sequence with out-of-range integer to int32 Tensor."
_FOUND_FLOAT = "Can't convert Python sequence with floating point values to integer Tensor."

_INT64 = (-(2**63), 2**63 - 1)
_INT32 = (-(2**31), 2**31 - 1)


class _ConversionError(Exception):
    """A converter's error text (TF's converters return it; the last one raised is TF's)."""


def _scalar(value):
    """TF's ``ZeroDimArrayToScalar``."""
    if type(value) is np.ndarray and value.ndim == 0:
        return value[()]
    return value


def _is_sequence(value):
    """Python's ``PySequence_Check`` for the values tensors are made of."""
    if isinstance(value, (list, tuple, range)):
        return True
    if isinstance(value, np.ndarray):
        return value.ndim > 0
    if isinstance(value, dict):
        return False
    return hasattr(type(value), "__getitem__") and hasattr(type(value), "__len__")


def _infer(value):
    """TF's ``InferShapeAndType``: the shape and dtype kind read from the first elements."""
    shape = []
    while True:
        value = _scalar(value)
        if isinstance(value, (str, bytes)):
            return shape, "string"
        if _is_sequence(value):
            shape.append(len(value))
            if not len(value):
                return shape, None
            value = value[0]
            continue
        if isinstance(value, np.float64):
            return shape, "float64"
        if isinstance(value, np.float16):
            return shape, "float16"
        if isinstance(value, (float, np.floating)):
            return shape, "float32"
        if isinstance(value, (bool, np.bool_)):
            return shape, "bool"
        if isinstance(value, (int, np.integer)):
            return shape, "int64"
        if isinstance(value, (complex, np.complexfloating)):
            return shape, "complex128"
        raise ValueError(
            "Attempt to convert a value (%r) with an unsupported type (%r) to a Tensor."
            % (value, type(value))
        )


def _leaves(value, shape):
    """The elements in TF's order, or ``_ConversionError`` (non-rectangular) where TF stops."""
    out = []

    def walk(item, depth):
        if depth == len(shape):
            out.append(_scalar(item))
            return
        if isinstance(item, (str, bytes)) or not hasattr(item, "__iter__"):
            raise _ConversionError(_RECTANGULAR)
        items = list(item)
        if len(items) != shape[depth]:
            raise _ConversionError(_RECTANGULAR)
        for element in items:
            walk(element, depth + 1)

    try:
        walk(value, 0)
    except _ConversionError as failed:
        return out, failed
    return out, None


def _integer(item, low, high, too_big):
    if isinstance(item, (int, np.integer)):
        item = int(item)
        if not low <= item <= high:
            raise _ConversionError(too_big if _INT64[0] <= item <= _INT64[1] else _OUT_OF_RANGE)
        return item
    if isinstance(item, (float, np.floating)):
        raise _ConversionError(_FOUND_FLOAT)
    raise _ConversionError(MIXED)


def _floating(item, numpy_type):
    if isinstance(item, float):
        number = float(item)
        with np.errstate(over="ignore"):
            converted = numpy_type(number)
        if math.isinf(converted) and math.isfinite(number):
            raise _ConversionError(_OUT_OF_RANGE_DOUBLE)
        return number
    if isinstance(item, int):
        try:
            return float(item)
        except OverflowError:
            raise _ConversionError(_OUT_OF_RANGE_DOUBLE) from None
    if isinstance(item, np.floating):
        return _floating(float(item), numpy_type)
    if isinstance(item, np.integer):
        return _floating(int(item), numpy_type)
    raise _ConversionError(MIXED)


def _complex(item):
    if isinstance(item, (complex, np.complexfloating)):
        return complex(item)
    return complex(_floating(item, np.float64))


def _string(item):
    if isinstance(item, bytes):
        return bytes(item)
    if isinstance(item, str):
        return item.encode("utf-8")
    raise _ConversionError(MIXED)


def _bool(item):
    if isinstance(item, (bool, np.bool_)):
        return bool(item)
    raise _ConversionError(MIXED)


_CONVERTERS = {
    "int32": lambda item: _integer(item, *_INT32, _FOUND_INT64),
    "int64": lambda item: _integer(item, *_INT64, _OUT_OF_RANGE),
    "uint64": lambda item: _integer(item, 0, 2**64 - 1, _OUT_OF_RANGE),
    "float32": lambda item: _floating(item, np.float32),
    "float64": lambda item: _floating(item, np.float64),
    "float16": lambda item: _floating(item, np.float16),
    "complex128": _complex,
    "string": _string,
    "bool": _bool,
}


def _fast(name, leaves):
    """The elements unchanged when they are all Python ints or floats the converter takes
    as they are (checked at once, not one by one); None otherwise."""
    types = set(map(type, leaves))
    if len(types) != 1 or not leaves:
        return None
    kind = types.pop()
    if kind is int and name in ("int32", "int64"):
        low, high = _INT32 if name == "int32" else _INT64
        return leaves if low <= min(leaves) and max(leaves) <= high else None
    if kind is float and name in ("float32", "float64", "float16"):
        wide = np.array(leaves, np.float64)
        if name != "float64":
            with np.errstate(over="ignore"):
                narrow = wide.astype(np.float32 if name == "float32" else np.float16)
            if (np.isinf(narrow) & np.isfinite(wide)).any():
                return None
        return wide
    if kind is bool and name == "bool":
        return leaves
    return None


def _convert(name, leaves, broken, shape):
    """The elements converted by converter ``name`` as a NumPy array of ``shape``."""
    converted = _fast(name, leaves)
    if converted is None:
        convert = _CONVERTERS[name]
        converted = [convert(item) for item in leaves]
    if broken is not None:
        raise broken
    numpy_dtype = object if name == "string" else dtypes.as_dtype(name).as_numpy_dtype
    array = np.empty(len(converted), dtype=numpy_dtype)
    array[:] = converted
    return array.reshape(shape)


def _attempt(name, leaves, broken, shape):
    try:
        return _convert(name, leaves, broken, shape), None
    except _ConversionError as failed:
        return None, str(failed)


def convert_sequence(value, requested=None):
    """``value`` converted as TF's ``PySeqToTFE_TensorHandle`` does, with ``requested`` (a
    DType or None): ``(array, dtype)``, where ``dtype`` may differ from ``requested`` (TF then
    casts when the dtypes are compatible; an empty value is zeros to cast to ``dtype``).
    Raises TF's ``ValueError``."""
    shape, inferred = _infer(value)
    leaves, broken = _leaves(value, shape)
    name = requested.name if requested is not None else None
    if name in _CONVERTERS:
        array, error = _attempt(name, leaves, broken, shape)
        if error is None:
            return array, requested
    if inferred is None:
        return np.zeros(shape, np.float32), requested or dtypes.float32
    if inferred == "float32" and requested is not None:
        inferred = "float64"
    if inferred != "int64":
        array, error = _attempt(inferred, leaves, broken, shape)
    elif requested is None:
        array, error = _attempt("int32", leaves, broken, shape)
        if error == _FOUND_INT64:
            array, error = _attempt("int64", leaves, broken, shape)
        if error == _FOUND_FLOAT:
            array, error = _attempt("float32", leaves, broken, shape)
    else:
        array, error = _attempt("int64", leaves, broken, shape)
        if error == _FOUND_FLOAT:
            array, error = _attempt("float64", leaves, broken, shape)
    if error is not None:
        raise ValueError(error)
    return array, dtypes.as_dtype(array.dtype) if array.dtype != object else dtypes.string


def compatible(desired, returned):
    """TF's ``IsCompatible``: whether a converted ``returned`` dtype casts to ``desired``."""
    if desired is returned:
        return True
    if desired.is_integer and returned.is_integer:
        return True
    if desired.is_floating and (returned.is_floating or returned.is_integer):
        return True
    if desired.is_complex and (returned.is_complex or returned.is_integer or returned.is_floating):
        return True
    return desired.is_quantized and returned.is_integer


def hinted_dtype(value, hint):
    """The dtype TF converts ``value`` to with ``hint`` preferred: the hint when its converter
    takes every element (``[True]`` for int32), else the dtype inferred without it."""
    try:
        converted = convert_sequence(value, hint)[1]
    except ValueError:
        converted = None
    return hint if converted is hint else convert_sequence(value)[1]
