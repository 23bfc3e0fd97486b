"""``tf.strings.to_number`` and ``tf.strings.as_string`` (``tf.as_string``): numbers from and
to text, with TF's parsing rules (double-conversion for floats: ASCII spaces around the
number, hexadecimal, case-insensitive ``inf``/``infinity``/``nan``; ``safe_strto*`` for
integers) and TF's printf formats.
"""

from __future__ import annotations

import math
import re

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import eager_name, op_error
from ..framework.tensor import TensorOperators
from ..framework.convert import convert_to_tensor
from .string_ops import int_result, string_storage, strings_result, type_attr_error
from .string_ragged import on_flat_values

__all__ = ["to_number", "as_string"]

_SPACES = b" \t\n\v\f\r"
_DECIMAL = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_HEX = re.compile(rb"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?")
_SPECIAL = re.compile(rb"([+-]?)(inf|infinity|nan)", re.IGNORECASE)
_INTEGER = re.compile(rb"[+-]?\d+")
_NUMBER_SIGNATURE = (
    "signature=string_tensor:string -> output:out_type; "
    "attr=out_type:type,default=DT_FLOAT,allowed=[DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64, "
    "DT_UINT32, DT_UINT64]"
)
_INT_RANGES = {
    "int32": (-(2**31), 2**31 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
}


def _parse_float(text):
    """TF's ``safe_strtod`` of ``text`` (``bytes``) as a Python float, or None."""
    text = text.strip(_SPACES)
    if _DECIMAL.fullmatch(text):
        return float(text)
    if _HEX.fullmatch(text):
        sign = -1.0 if text[:1] == b"-" else 1.0
        return sign * float.fromhex(text.lstrip(b"+-").decode())
    special = _SPECIAL.fullmatch(text)
    if special:
        sign = -1.0 if special.group(1) == b"-" else 1.0
        return sign * (float("nan") if special.group(2).lower() == b"nan" else float("inf"))
    return None


def _parse_int(text, low, high):
    """TF's ``safe_strto32`` / ``safe_strtou64`` ... of ``text``, or None."""
    text = text.strip(_SPACES)
    if not _INTEGER.fullmatch(text) or (low == 0 and text[:1] == b"-"):
        return None
    value = int(text)
    return value if low <= value <= high else None


def _not_a_number(text, name):
    """TF's error for ``text`` (bytes) that is not a number. TF decodes its kernel's message
    as UTF-8 before adding the `` name:`` part, so ill-formed bytes in ``text`` raise that
    decoding's ``UnicodeDecodeError``."""
    head, tail = op_error(
        "StringToNumber", "StringToNumberOp could not correctly convert string: \0", name=None
    ).message.split("\0")
    message = (head.encode() + text + tail.encode()).decode("utf-8")
    return InvalidArgumentError(None, None, message + ("" if name is None else " name: " + name))


@tf_export("strings.to_number")
@on_flat_values
def to_number(input, out_type=dtypes.float32, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.to_number``: each string parsed as ``out_type`` (float32, float64, int32,
    int64, uint32, uint64); float overflow rounds to inf, integer overflow and text that is not
    a number are TF's ``InvalidArgumentError``."""
    array = string_storage(input, "StringToNumber")
    dtype = dtypes.as_dtype(out_type)
    if dtype.name not in ("float32", "float64") and dtype.name not in _INT_RANGES:
        raise type_attr_error(
            "StringToNumber",
            "out_type",
            dtype,
            "float, double, int32, int64, uint32, uint64",
            _NUMBER_SIGNATURE,
        )
    flat = array.reshape(-1)
    if dtype.name in _INT_RANGES:
        low, high = _INT_RANGES[dtype.name]
        values = [_parse_int(text, low, high) for text in flat]
        host = np.dtype(dtype.name)
    else:
        values = [_parse_float(text) for text in flat]
        host = np.float64
    for text, value in zip(flat, values):
        if value is None:
            raise _not_a_number(text, eager_name(input))
    result = np.array(values, dtype=host).reshape(array.shape)
    if dtype.name == "float32":
        with np.errstate(over="ignore"):
            result = result.astype(np.float32)
    return int_result(result, dtype.torch_dtype)


_FLOAT_TYPES = ("float16", "bfloat16", "float32", "float64")
_FILLS = " +-0#"


def _as_string_error(text):
    return op_error("AsString", text, name=None)


def _spec(fill, width, precision):
    spec = "%" + fill
    if width > -1:
        spec += "%d" % width
    if precision > -1:
        spec += ".%d" % precision
    return spec


@tf_export("strings.as_string", "as_string")
@on_flat_values
def as_string(
    input,  # noqa: A002 - TF's argument name
    precision=-1,
    scientific=False,
    shortest=False,
    width=-1,
    fill="",
    name=None,
):
    """``tf.strings.as_string``: each value as text with TF's printf format ``%<fill><width>
    .<precision>`` + ``f`` (``e`` with ``scientific``, ``g`` with ``shortest``) for floats,
    ``d`` for integers, ``(re,im)`` for complex, ``true``/``false`` for bools; strings pass
    through, padded to ``width``."""
    if not isinstance(input, TensorOperators):
        input = convert_to_tensor(input)
    dtype = input.dtype.name
    if len(fill) > 1:
        raise _as_string_error("Fill string must be one or fewer characters")
    if fill and fill not in _FILLS:
        raise _as_string_error('Fill argument not supported: "%s"' % fill)
    storage = input._value
    if dtype == "string":
        spec = "%" + fill + ("%d" % width if width > -1 else "") + "s"
        out = np.frompyfunc(lambda s: (spec % s.decode("latin-1")).encode("latin-1"), 1, 1)
        return strings_result(out(storage) if storage.ndim else _one(out, storage))
    if dtype == "bool":
        if precision > -1:
            raise _as_string_error("precision not supported for datatype bool")
        words = np.array([b"false", b"true"], dtype=object)
        return strings_result(words[storage.cpu().numpy().astype(np.int64)])
    if dtype not in _FLOAT_TYPES and not dtype.startswith("complex"):
        if precision > -1:
            raise _as_string_error("precision not supported for datatype %s" % dtype)
        if scientific or shortest:
            raise _as_string_error(
                "scientific and shortest format not supported for datatype %s" % dtype
            )
        spec = _spec(fill, width, -1) + "d"
        host = storage.cpu().numpy()
        return _formatted(spec, host.astype(object) if dtype == "uint64" else host)
    if scientific and shortest:
        raise _as_string_error("Cannot select both scientific and shortest notation")
    letter = "g" if shortest else ("e" if scientific else "f")
    spec = _spec(fill, width, precision) + letter
    host = storage.detach()
    if dtype.startswith("complex"):
        array = host.cpu().numpy()
        pair = "(" + spec + "," + spec + ")"
        texts = [pair % (float(v.real), float(v.imag)) for v in array.reshape(-1).tolist()]
        return _texts(texts, array.shape)
    array = host.to(torch.float64).cpu().numpy()
    if fill == "0":
        # C's printf pads inf and nan with spaces, not zeros (Python's % pads them with zeros).
        plain = _spec("", width, precision) + letter
        texts = [(spec if math.isfinite(v) else plain) % v for v in array.reshape(-1).tolist()]
        return _texts(texts, array.shape)
    return _formatted(spec, array)


def _one(fn, storage):
    out = np.empty((), dtype=object)
    out[()] = fn(storage[()])
    return out


def _formatted(spec, array):
    texts = [spec % v for v in array.reshape(-1).tolist()]
    return _texts(texts, array.shape)


def _texts(texts, shape):
    out = np.empty(len(texts), dtype=object)
    out[:] = [t.encode("ascii") for t in texts]
    return strings_result(out.reshape(shape))
