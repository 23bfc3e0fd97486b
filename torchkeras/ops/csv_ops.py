"""``tf.io.decode_csv``: CSV records (a string tensor of any shape) split into one tensor
per column, as TF's ``DecodeCSV`` kernel splits and converts them, with TF's errors."""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import compat, dtypes
from ..framework import device as _device
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import SIGNATURES, attr_error, op_error
from ..framework.tensor import wrap
from .csv_fields import convert_field

__all__ = ["decode_csv"]

_ACCEPTABLE = (dtypes.float32, dtypes.float64, dtypes.int32, dtypes.int64, dtypes.string)
_ALLOWED_NAMES = ["FLOAT", "DOUBLE", "INT32", "INT64", "STRING"]


class _SplitError(Exception):
    """A kernel error (its message) while splitting a record."""


def _quoted(record, pos, delim, out):
    """The position after the quoted field whose body starts at ``record[pos]``."""
    last = len(record) - 1
    while pos < last and (record[pos : pos + 1] != b'"' or record[pos + 1 : pos + 2] != delim):
        if record[pos : pos + 1] != b'"':
            out += record[pos : pos + 1]
            pos += 1
            continue
        if record[pos + 1 : pos + 2] != b'"':
            raise _SplitError("Quote inside a string has to be escaped by another quote")
        out += b'"'
        pos += 2
    if not (pos <= last and record[pos : pos + 1] == b'"'):
        raise _SplitError("Quoted field has to end with quote followed by delim or end")
    return pos + 2


def _fields(record, delim, quoting, select):
    """TF's ``DecodeCSVOp::ExtractFields``: the kept fields of one record (line breaks
    before a field are skipped; a trailing delimiter adds an empty field)."""
    fields, pos, parsed, chosen = [], 0, 0, 0
    while pos < len(record):
        if record[pos : pos + 1] in (b"\n", b"\r"):
            pos += 1
            continue
        include = select is None or (chosen < len(select) and select[chosen] == parsed)
        chosen += include and select is not None
        out = bytearray()
        if quoting and record[pos : pos + 1] == b'"':
            pos = _quoted(record, pos + 1, delim, out)
        else:
            while pos < len(record) and record[pos : pos + 1] != delim:
                ch = record[pos : pos + 1]
                if (quoting and ch == b'"') or ch in (b"\n", b"\r"):
                    raise _SplitError("Unquoted fields cannot have quotes/CRLFs inside")
                out += ch
                pos += 1
            pos += 1
        parsed += 1
        if include:
            fields.append(bytes(out))
    if record[-1:] == delim:
        fields.append(b"")
    return fields


def _columns(record_defaults):
    """``[(dtype, default or None, default count, rank)]`` of ``record_defaults``."""
    out = []
    for value in record_defaults:
        tensor = convert_to_tensor(value)
        array = np.asarray(tensor.numpy(), dtype=object if tensor.dtype == dtypes.string else None)
        flat = array.reshape(-1)
        out.append((tensor.dtype, flat[0] if flat.size else None, flat.size, array.ndim))
    return out


def _check_select(select_cols, count):
    """TF's Python-side checks of ``select_cols``."""
    if select_cols is None:
        return None
    select = [int(v) for v in select_cols]
    if len(select) != count:
        raise ValueError("Length of select_cols and record_defaults do not match.")
    if any(v < 0 for v in select):
        raise ValueError("select_cols contains negative values.")
    if any(b <= a for a, b in zip(select, select[1:])):
        raise ValueError("select_cols is not strictly increasing.")
    return select


def _output(values, dtype, shape):
    """One column's values as a Tensor of the records' shape."""
    if dtype == dtypes.string:
        array = np.empty(len(values), dtype=object)
        array[:] = values
        return wrap(array.reshape(shape))
    array = np.array(values, dtype=dtype.as_numpy_dtype).reshape(shape)
    return wrap(torch.from_numpy(array).to(_device.current()))


@tf_export("io.decode_csv")
def decode_csv(
    records,
    record_defaults,
    field_delim=",",
    use_quote_delim=True,
    na_value="",
    select_cols=None,
    name=None,
):
    """``tf.io.decode_csv``: each record of ``records`` split into fields; returns one tensor
    per column, of ``records``' shape and of the dtype of that column's ``record_defaults``
    entry (a one-element default fills empty or ``na_value`` fields; an empty one makes the
    column required).  ``use_quote_delim`` reads ``"``-quoted fields (``""`` is a quote);
    ``select_cols`` keeps only those (strictly increasing) columns."""
    select = _check_select(select_cols, len(record_defaults))
    columns = _columns(record_defaults)
    kernel = "DecodeCSV_OUT_TYPE_%d" % len(columns)

    def fail(text):
        return op_error("DecodeCSV", text, kernel=kernel, name=None)

    if not columns:
        raise InvalidArgumentError(
            None,
            None,
            "Length for attr 'OUT_TYPE' of 0 must be at least minimum 1\n\t; NodeDef: "
            "{{node DecodeCSV}}; Op<name=DecodeCSV; %s> [Op:DecodeCSV]" % SIGNATURES["DecodeCSV"],
        )
    for dtype, _, _, _ in columns:
        if dtype not in _ACCEPTABLE:
            raise attr_error("DecodeCSV", dtype, "OUT_TYPE", _ALLOWED_NAMES, name=None)
    delim = compat.as_bytes(field_delim)
    if len(delim) != 1:
        raise fail("field_delim should be only 1 char")
    for index, (_, _, size, rank) in enumerate(columns):
        if rank > 1:
            raise fail("Each record default should be at most rank 1")
        if size > 1:
            raise fail(
                "There should only be 1 default per field but field %d has %d" % (index, size)
            )
    na = compat.as_bytes(na_value)
    source = convert_to_tensor(records, dtype=dtypes.string)
    flat = np.asarray(source.numpy(), dtype=object).reshape(-1)
    values = [[] for _ in columns]
    for number, record in enumerate(flat.tolist()):
        try:
            fields = _fields(record, delim, bool(use_quote_delim), select)
        except _SplitError as error:
            raise fail(str(error)) from None
        if len(fields) != len(columns):
            raise fail(
                "Expect %d fields but have %d in record %d" % (len(columns), len(fields), number)
            )
        for index, (field, (dtype, default, size, _)) in enumerate(zip(fields, columns)):
            usable = default if size == 1 else None
            try:
                values[index].append(convert_field(field, index, usable, dtype, na, number))
            except InvalidArgumentError as error:
                raise fail(error.message) from None
    shape = tuple(source.shape.as_list())
    return [_output(v, dtype, shape) for v, (dtype, _, _, _) in zip(values, columns)]
