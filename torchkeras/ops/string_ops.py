"""``tf.strings`` elementwise and joining ops: ``join``, ``reduce_join``, ``length``, ``lower``,
``upper``, ``strip``, ``substr`` and ``unsorted_segment_join``.

String tensors hold NumPy object arrays of ``bytes``; these ops map Python's ``bytes`` methods
over them with NumPy's object loops (``np.frompyfunc``), which beat ``np.strings`` on object
storage (``np.strings`` needs a copy to fixed-width ``bytes_``, which also drops trailing NUL
bytes).  Ragged inputs are handled by ``string_ragged.elementwise`` on their ``flat_values``.
"""

from __future__ import annotations

import builtins

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.device import tf_device_string
from ..framework.errors import InvalidArgumentError, OutOfRangeError
from ..framework.op_errors import dims_text, input_dtype_error, op_error, type_name
from ..framework.tensor import TensorOperators, wrap
from ._args import axis_items, storage_of
from .string_ragged import RaggedTensor, on_flat_values

__all__ = [
    "string_storage",
    "strings_result",
    "int_result",
    "check_unit",
    "join",
    "reduce_join",
    "length",
    "lower",
    "upper",
    "strip",
    "substr",
    "unsorted_segment_join",
]


def string_storage(x, opname, index=0):
    """The object array of a string op input: a tensor must be a string tensor (TF's input
    dtype error otherwise); anything else converts with ``dtype=tf.string`` (TF's
    ``TypeError`` for numbers)."""
    if isinstance(x, TensorOperators):
        storage = x._value
        if not isinstance(storage, np.ndarray):
            raise input_dtype_error(opname, index, "string", storage)
        return storage
    return convert_to_tensor(x, dtype=dtypes.string)._value


def strings_result(array):
    """A string Tensor holding the object array ``array``."""
    return wrap(np.asarray(array, dtype=object))


def int_result(array, dtype=torch.int32):
    """An integer Tensor on the current device from the NumPy array ``array``."""
    return wrap(torch.as_tensor(np.asarray(array), dtype=dtype, device=_device.current()))


_UNIT_SIGNATURES = {
    "StringLength": "signature=input:string -> output:int32; "
    'attr=unit:string,default="BYTE",allowed=["BYTE", "UTF8_CHAR"]',
    "Substr": "signature=input:string, pos:T, len:T -> output:string; "
    "attr=T:type,allowed=[DT_INT32, DT_INT64]; "
    'attr=unit:string,default="BYTE",allowed=["BYTE", "UTF8_CHAR"]',
}


def check_unit(unit, opname):
    """TF's attr error for a ``unit`` other than ``BYTE`` / ``UTF8_CHAR``."""
    if unit not in ("BYTE", "UTF8_CHAR"):
        raise _string_attr_error(opname, "unit", unit, '"BYTE", "UTF8_CHAR"')


def _string_attr_error(opname, attr, value, allowed, signature=None, name=None):
    suffix = "" if name is None else " name: " + name
    return InvalidArgumentError(
        None,
        None,
        "Value for attr '%s' of \"%s\" is not in the list of allowed values: %s\n\t; "
        "NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s]%s"
        % (
            attr,
            value,
            allowed,
            opname,
            opname,
            signature or _UNIT_SIGNATURES[opname],
            opname,
            suffix,
        ),
    )


def string_attr_error(opname, attr, value, allowed, signature, name=None):
    """TF's error for a string attr (``unit``, ``errors``, an encoding) outside its list."""
    return _string_attr_error(opname, attr, value, allowed, signature, name)


def _map(fn, array):
    return np.frompyfunc(fn, 1, 1)(array) if array.ndim else _scalar(fn(array[()]))


def _scalar(value):
    out = np.empty((), dtype=object)
    out[()] = value
    return out


def _separator(separator):
    """The ``separator`` attr as bytes (TF's ``TypeError`` unless it is a string)."""
    if not isinstance(separator, (str, bytes)):
        raise TypeError("Expected string for argument 'separator' not %r." % (separator,))
    return separator.encode() if isinstance(separator, str) else separator


@tf_export("strings.join")
def join(inputs, separator="", name=None):
    """``tf.strings.join``: elementwise concatenation of the string tensors in ``inputs`` with
    ``separator`` between them; scalars broadcast, other shapes must match exactly."""
    if not isinstance(inputs, (list, tuple)):
        raise TypeError(
            "Expected list for 'inputs' argument to 'string_join' Op, not %r." % (inputs,)
        )
    sep = _separator(separator)
    ragged = [x for x in inputs if isinstance(x, RaggedTensor)]
    if ragged:
        flat = [x.flat_values if isinstance(x, RaggedTensor) else x for x in inputs]
        return ragged[0].with_flat_values(join(flat, separator))
    if all(isinstance(x, TensorOperators) for x in inputs):
        arrays = [string_storage(x, "StringJoin", i) for i, x in enumerate(inputs)]
    else:
        arrays = [convert_to_tensor(x, dtype=dtypes.string)._value for x in inputs]
    if not arrays:
        return strings_result(_scalar(b""))
    shape = None
    for array in arrays:
        if array.ndim:
            if shape is not None and array.shape != shape:
                raise op_error(
                    "StringJoin",
                    "Input shapes do not match: %s vs. %s"
                    % (dims_text(shape), dims_text(array.shape)),
                    kernel="StringJoin_N_%d" % len(arrays),
                    name=None,
                )
            shape = array.shape
    result = arrays[0]
    for array in arrays[1:]:
        result = (result + sep) + array if sep else result + array
    if isinstance(result, bytes):
        return strings_result(_scalar(result))
    if result.ndim == 0:
        return strings_result(_scalar(result[()]))
    if shape is not None and result.shape != shape:
        result = np.broadcast_to(result, shape)
    return strings_result(np.array(result, dtype=object))


@tf_export("strings.reduce_join")
def reduce_join(inputs, axis=None, keepdims=False, separator="", name=None):
    """``tf.strings.reduce_join``: joins the strings along ``axis`` (all axes by default) with
    ``separator``; with several axes the first listed varies fastest, as TF's kernel walks them.
    A RaggedTensor joins along its innermost (ragged) axis or all axes (other axes and
    ``keepdims`` are not supported for ragged input).
    """
    if isinstance(inputs, RaggedTensor) and not keepdims:
        if axis is None:
            return reduce_join(inputs.flat_values, None, False, separator)
        if axis in (-1, inputs.shape.rank - 1) and inputs.flat_values.shape.rank == 1:
            return _ragged_row_join(inputs, separator)
    sep = _separator(separator)
    if not isinstance(inputs, (TensorOperators, RaggedTensor)):
        inputs = convert_to_tensor(inputs)
    array = string_storage(inputs, "ReduceJoin")
    ndim = array.ndim
    if axis is None:
        dims = list(range(ndim - 1, -1, -1))
    else:
        dims = []
        for item in axis_items(axis, "ReduceJoin"):
            d = int(convert_to_tensor(item, dtype=dtypes.int32)._value)
            if not -ndim <= d < ndim:
                raise OutOfRangeError(
                    None,
                    None,
                    "{{function_node __wrapped__ReduceJoin_device_%s}} Invalid reduction "
                    "dimension %d for input with %d dimension(s) [Op:ReduceJoin] name: "
                    % (_device_text(), d, ndim),
                )
            if d % ndim in dims:
                raise op_error(
                    "ReduceJoin", "Duplicate reduction dimension %d" % (d % ndim), name=None
                )
            dims.append(d % ndim)
    kept = [d for d in range(ndim) if d not in dims]
    order = kept + dims[::-1]
    moved = np.transpose(array, order) if ndim else array
    kept_shape = [array.shape[d] for d in kept]
    inner = int(np.prod([array.shape[d] for d in dims], dtype=np.int64))
    flat = moved.reshape(int(np.prod(kept_shape, dtype=np.int64)), inner)
    out = np.empty(flat.shape[0], dtype=object)
    for i, row in enumerate(flat):
        out[i] = sep.join(row)
    out = out.reshape(kept_shape)
    if keepdims:
        out = out.reshape([1 if d in dims else array.shape[d] for d in range(ndim)])
    return strings_result(out)


def _ragged_row_join(rt, separator):
    """Each innermost row of ``rt`` joined: a Tensor for ``ragged_rank`` 1, else ragged."""
    if isinstance(rt.values, RaggedTensor):
        return rt.with_values(_ragged_row_join(rt.values, separator))
    values = rt.values._value
    splits = rt.row_splits._value.tolist()
    sep = separator.encode() if isinstance(separator, str) else bytes(separator)
    out = np.empty(len(splits) - 1, dtype=object)
    for i in range(len(splits) - 1):
        out[i] = sep.join(values[splits[i] : splits[i + 1]])
    return strings_result(out)


def _device_text():
    return tf_device_string(torch.device("cpu"))


_CONTINUATION = bytes(range(0x80, 0xC0))
_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b < 0xC0)


def _utf8_length(value):
    return len(value) - len(value.translate(None, _NOT_CONTINUATION))


@tf_export("strings.length")
@on_flat_values
def length(input, unit="BYTE", name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.length``: the length of each string in bytes, or in UTF-8 characters with
    ``unit="UTF8_CHAR"`` (bytes that do not continue a UTF-8 sequence), as int32."""
    array = string_storage(input, "StringLength")
    check_unit(unit, "StringLength")
    fn = len if unit == "BYTE" else _utf8_length
    counts = np.fromiter(map(fn, array.reshape(-1)), dtype=np.int32, count=array.size)
    return int_result(counts.reshape(array.shape))


def _check_encoding(encoding, opname):
    if encoding not in ("", "utf-8"):
        raise op_error(
            opname,
            "only utf-8 or '' (no encoding) is supported, received %s" % encoding,
            name=None,
        )


def _utf8(method):
    """``method`` on UTF-8 text; ill-formed bytes become U+FFFD (ICU's conversion in TF)."""
    return lambda s: method(s.decode("utf-8", "replace")).encode("utf-8")


def _change_case(strings, encoding, opname, text_method, bytes_method):
    """``tf.strings.lower`` / ``upper``: ``bytes_method`` on each string (ASCII), or with
    ``encoding="utf-8"`` ``text_method`` on its decoded text."""
    array = string_storage(strings, opname)
    _check_encoding(encoding, opname)
    return strings_result(_map(_utf8(text_method) if encoding else bytes_method, array))


@tf_export("strings.lower")
@on_flat_values
def lower(input, encoding="", name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.lower``: ASCII lowercase, or Unicode lowercase with ``encoding="utf-8"``."""
    return _change_case(input, encoding, "StringLower", str.lower, bytes.lower)


@tf_export("strings.upper")
@on_flat_values
def upper(input, encoding="", name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.upper``: ASCII uppercase, or Unicode uppercase with ``encoding="utf-8"``."""
    return _change_case(input, encoding, "StringUpper", str.upper, bytes.upper)


@tf_export("strings.strip")
@on_flat_values
def strip(input, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.strip``: removes leading and trailing ASCII whitespace."""
    return strings_result(_map(bytes.strip, string_storage(input, "StringStrip")))


def _substr_args(pos, len_):
    """``pos`` and ``len`` as TF converts them: the first tensor fixes their dtype ``T``."""
    first, second = (
        (len_, pos)
        if isinstance(len_, TensorOperators) and not isinstance(pos, TensorOperators)
        else (pos, len_)
    )
    a = first._value if isinstance(first, TensorOperators) else storage_of(first)
    if isinstance(second, TensorOperators):
        b = second._value
    elif isinstance(a, torch.Tensor):
        b = convert_to_tensor(second, dtypes.from_torch(a.dtype))._value
    else:
        b = storage_of(second)
    p, q = (b, a) if first is len_ and first is not pos else (a, b)
    for storage in (p, q):
        if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
            raise _substr_type_error(storage)
    if p.dtype != q.dtype:
        raise input_dtype_error("Substr", 2, p, q, name=None)
    return p.cpu().numpy(), q.cpu().numpy()


def _substr_type_error(storage):
    return InvalidArgumentError(
        None,
        None,
        "Value for attr 'T' of %s is not in the list of allowed values: int32, int64\n\t; "
        "NodeDef: {{node Substr}}; Op<name=Substr; %s> [Op:Substr]"
        % (type_name(storage), _UNIT_SIGNATURES["Substr"]),
    )


@tf_export("strings.substr")
@on_flat_values
def substr(input, pos, len, unit="BYTE", name=None):  # noqa: A002 - TF's argument names
    """``tf.strings.substr``: ``len`` bytes (or UTF-8 characters) from ``pos`` of each string;
    ``pos``/``len`` broadcast against the input, a negative ``pos`` counts from the end, a
    negative ``len`` runs to the end; a ``pos`` outside the string is TF's error."""
    array = string_storage(input, "Substr")
    check_unit(unit, "Substr")
    positions, lengths = _substr_args(pos, len)
    try:
        shape = np.broadcast_shapes(array.shape, positions.shape, lengths.shape)
    except ValueError:
        bad = positions.shape if positions.shape != array.shape else lengths.shape
        raise op_error(
            "Substr",
            "Incompatible shapes: %s vs. %s" % (dims_text(array.shape), dims_text(bad)),
            name=None,
        ) from None
    values = np.broadcast_to(array, shape).reshape(-1)
    positions = np.broadcast_to(positions, shape).reshape(-1).tolist()
    lengths = np.broadcast_to(lengths, shape).reshape(-1).tolist()
    out = np.empty(values.size, dtype=object)
    chars = unit == "UTF8_CHAR"
    for i, value in enumerate(values):
        text = value.decode("utf-8", "surrogateescape") if chars else value
        start, count = positions[i], lengths[i]
        size = builtins.len(text)
        if start < 0:
            start += size
        if not 0 <= start <= size:
            where = "string" if chars else "string %r" % (value,)
            raise op_error(
                "Substr",
                "pos %d out of range for %s at index %d" % (positions[i], where, i),
                name=None,
            )
        part = text[start:] if count < 0 else text[start : start + count]
        out[i] = part.encode("utf-8", "surrogateescape") if chars else part
    return strings_result(out.reshape(shape))


_SEGMENT_SIGNATURE = (
    "signature=inputs:string, segment_ids:Tindices, num_segments:Tnumsegments -> output:string; "
    'attr=separator:string,default=""; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; '
    "attr=Tnumsegments:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]"
)


def type_attr_error(opname, attr, storage, allowed, signature):
    """TF's error for an input whose dtype attr ``attr`` refuses ``storage``'s dtype."""
    return InvalidArgumentError(
        None,
        None,
        "Value for attr '%s' of %s is not in the list of allowed values: %s\n\t; "
        "NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s]"
        % (attr, type_name(storage), allowed, opname, opname, signature, opname),
    )


def _segment_storage(value, attr):
    storage = storage_of(value)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise type_attr_error(
            "UnsortedSegmentJoin", attr, storage, "int32, int64", _SEGMENT_SIGNATURE
        )
    return storage.cpu()


@tf_export("strings.unsorted_segment_join")
def unsorted_segment_join(inputs, segment_ids, num_segments, separator="", name=None):
    """``tf.strings.unsorted_segment_join``: joins the slices of ``inputs`` sharing a segment id
    (in input order) with ``separator``; empty segments are ``b""``.  Unlike the numeric
    unsorted segment ops, TF refuses negative ids here."""
    opname = "UnsortedSegmentJoin"
    array = string_storage(inputs, opname)
    ids = _segment_storage(segment_ids, "Tindices")
    segments = _segment_storage(num_segments, "Tnumsegments")
    if segments.ndim:
        raise op_error(opname, "Number of segments must be a scalar", name=None)
    count = int(segments)
    for rank, dim in enumerate(ids.shape):
        if rank >= array.ndim or dim != array.shape[rank]:
            raise op_error(
                opname,
                "Segment dimension is %d while input dimension is %d in rank %d"
                % (dim, array.ndim, rank),
                name=None,
            )
    flat_ids = ids.reshape(-1).tolist()
    if any(not 0 <= k < count for k in flat_ids):
        raise op_error(
            opname,
            "segment_ids are not allowed to exceed num_segments or to have negative values.",
            name=None,
        )
    inner = array.shape[ids.ndim :]
    rows = array.reshape((-1,) + inner)
    sep = separator.encode() if isinstance(separator, str) else bytes(separator)
    parts = [[] for _ in range(count)]
    for row, segment in zip(rows, flat_ids):
        parts[segment].append(row)
    out = np.full((count,) + inner, b"", dtype=object)
    for k, members in enumerate(parts):
        if members and not inner:
            out[k] = sep.join(members)
        elif members:
            out[k] = reduce_join(strings_result(np.stack(members, axis=-1)), -1, False, sep)._value
    return strings_result(out)
