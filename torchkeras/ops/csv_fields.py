"""The conversion of one CSV field to its column's type, shared by ``tf.io.decode_csv`` and
``tf.data.experimental.CsvDataset`` (TF's ``safe_strto32`` / ``safe_strto64`` /
``safe_strtof`` / ``safe_strtod`` rules: surrounding spaces allowed, floats saturate to
``inf``, hexadecimal floats accepted) with TF's errors."""

from __future__ import annotations

import re

import numpy as np

from ..framework import dtypes, errors
from ..framework.op_errors import type_name

__all__ = ["convert_field"]

_INT = re.compile(rb"\s*[+-]?\d+\s*\Z")
_FLOAT = re.compile(
    rb"\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)\s*\Z", re.IGNORECASE
)
_HEX = re.compile(rb"\s*[+-]?0x[0-9a-f]+(?:\.[0-9a-f]*)?(?:p[+-]?\d+)?\s*\Z", re.IGNORECASE)
_LIMITS = {
    dtypes.int32: (-(2**31), 2**31 - 1),
    dtypes.int64: (-(2**63), 2**63 - 1),
}


def _invalid(text):
    return errors.InvalidArgumentError(None, None, text)


def _float(value, dtype):
    """``value`` (a valid float text) as ``dtype``, saturating to ``inf`` as TF does."""
    text = value.strip()
    number = float.fromhex(text.decode()) if _HEX.match(value) else float(text)
    with np.errstate(over="ignore"):
        return np.array(number, dtype=np.float64).astype(dtype.as_numpy_dtype)[()]


def convert_field(value, index, default, dtype, na_value, record=None):
    """Field ``index`` of a record as a NumPy scalar (or ``bytes``) of ``dtype``; an empty or
    NA field takes ``default`` (None: TF's "required" error).  ``record``: the record's
    number in the messages (``decode_csv``), None where TF names none (``CsvDataset``)."""
    where = "record" if record is None else "record %d" % record
    if value == b"" or value == na_value:
        if default is None:
            raise _invalid("Field %d is required but missing in %s!" % (index, where))
        return default
    if dtype == dtypes.string:
        return value
    if dtype in _LIMITS:
        low, high = _LIMITS[dtype]
        if _INT.match(value) and low <= int(value) <= high:
            return dtype.as_numpy_dtype(int(value))
    elif _FLOAT.match(value) or _HEX.match(value):
        return _float(value, dtype)
    text = value.decode("utf-8", "replace")
    raise _invalid("Field %d in %s is not a valid %s: %s" % (index, where, type_name(dtype), text))
