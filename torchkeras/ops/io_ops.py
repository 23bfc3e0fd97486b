"""``tf.io`` ops on files and bytes: ``read_file``, ``write_file``, ``decode_raw``,
``serialize_tensor`` and ``parse_tensor`` (TF's ``TensorProto`` bytes)."""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import re

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes, errors
from ..framework.convert import convert_to_tensor
from ..framework.device import tf_device_string
from ..framework.op_errors import (
    attr_error,
    dims_text,
    input_dtype_error,
    type_name,
)
from ..framework.tensor import TensorOperators, wrap
from . import file_system as fs

__all__ = [
    "read_file",
    "write_file",
    "matching_files",
    "decode_json_example",
    "decode_raw",
    "serialize_tensor",
    "parse_tensor",
]

_CPU = torch.device("cpu")


def string_input(value, opname, index=0):
    """The NumPy object array of a string op input: TF's input dtype error for a non-string
    tensor, the conversion error for other values."""
    if isinstance(value, TensorOperators):
        if value.dtype != dtypes.string:
            raise input_dtype_error(opname, index, "string", value.dtype)
        return np.asarray(value._value, dtype=object)
    return np.asarray(convert_to_tensor(value, dtype=dtypes.string)._value, dtype=object)


def name_part(*inputs):
    """TF's eager ``name:`` part of an op's error: present (empty) when every input already
    was a tensor (TF's fast path), absent (None) when the op converted Python values."""
    return "" if all(isinstance(x, TensorOperators) for x in inputs) else None


def kernel_error(cls, opname, text, name=None):
    """An eager kernel failure of class ``cls`` as TF words it (CPU kernel; ``name``: see
    ``name_part``)."""
    device = tf_device_string(_CPU)
    suffix = "" if name is None else " name: " + name
    return cls(
        None,
        None,
        "{{function_node __wrapped__%s_device_%s}} %s [Op:%s]%s"
        % (opname, device, text, opname, suffix),
    )


def _scalar_string(value, opname, what, name):
    array = string_input(value, opname)
    if array.ndim != 0:
        raise kernel_error(
            errors.InvalidArgumentError,
            opname,
            "%s tensor must be scalar, but had shape: %s" % (what, dims_text(array.shape)),
            name,
        )
    return array.item()


def _os_error(exc, path, opname, name):
    error = fs.error_for(exc, path)
    return kernel_error(type(error), opname, str(error), name)


@tf_export("io.read_file")
def read_file(filename, name=None):
    """The whole contents of file ``filename`` as a scalar string tensor."""
    name = name_part(filename)
    path = fs.local_path(_scalar_string(filename, "ReadFile", "Input filename", name))
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise _os_error(exc, path, "ReadFile", name) from None
    return wrap(np.array(data, dtype=object))


@tf_export("io.write_file")
def write_file(filename, contents, name=None):
    """Writes scalar string ``contents`` to ``filename``, creating missing parent directories
    (as TF's ``WriteFile`` kernel does)."""
    # TF's wrapper converts both arguments to strings first (a non-string tensor is the
    # conversion's ValueError, not the kernel's dtype error).
    name = name_part(filename, contents)
    filename = convert_to_tensor(filename, dtype=dtypes.string)
    contents = convert_to_tensor(contents, dtype=dtypes.string)
    path = fs.local_path(_scalar_string(filename, "WriteFile", "Input filename", name))
    data = _scalar_string(contents, "WriteFile", "Contents", name)
    directory = os.path.dirname(path)
    if directory:
        try:
            fs.recursively_create_dir(directory)
        except errors.OpError as error:  # TF names the first ancestor that is no directory
            raise kernel_error(type(error), "WriteFile", error.message, name) from None
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise _os_error(exc, exc.filename or path, "WriteFile", name) from None


_RAW_TYPES = (
    "float16 float32 float64 int32 uint16 uint8 int16 int8 int64 complex64 complex128 bool bfloat16"
).split()
_PADDED_RAW_TYPES = "float16 float32 float64 int32 uint16 uint8 int16 int8 int64 bfloat16".split()


@tf_export("io.matching_files")
def matching_files(pattern, name=None):
    """``MatchingFiles``: a 1-D string tensor of the files matching the glob ``pattern`` (a
    scalar or a vector of globs), all matches sorted (a file matched twice is listed twice); a
    pattern that matches nothing, or whose directory does not exist, adds nothing."""
    name = name_part(pattern)
    patterns = string_input(pattern, "MatchingFiles")
    if patterns.ndim > 1:
        raise kernel_error(
            errors.InvalidArgumentError,
            "MatchingFiles",
            "Input patterns tensor must be scalar or vector, but had shape: %s"
            % dims_text(patterns.shape),
            name,
        )
    found = sorted(
        path.encode("utf-8", "surrogateescape")
        for one in patterns.reshape(-1)
        for path in fs.get_matching_files(one)
    )
    result = np.empty(len(found), dtype=object)
    result[:] = found
    return convert_to_tensor(result, dtype=dtypes.string)


_EXAMPLE_TYPE = "type.googleapis.com/tensorflow.Example"
_BARE_KEY_TO_END = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\s*")


def _json_error(text, name):
    return kernel_error(
        errors.InvalidArgumentError, "DecodeJSONExample", "Error while parsing JSON: " + text, name
    )


def _near(text, offset):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return "invalid JSON in %s, near %d:%d (offset %d): " % (_EXAMPLE_TYPE, line, column, offset)


def _varint(value):
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _length_delimited(field, payload):
    return _varint(field << 3 | 2) + _varint(len(payload)) + payload


class _SchemaError(ValueError):
    """A JSON value that does not fit the ``Example`` schema."""


def _fields(value, what, known):
    """The ``(field, value)`` pairs of a JSON object for message ``what``, in the JSON's
    order (null values skipped); ``known`` maps JSON names (camel and snake case) to fields."""
    if not isinstance(value, dict):
        raise _SchemaError("message %s: expected an object" % what)
    for key, item in value.items():
        if key not in known:
            raise _SchemaError("no such field: '%s'" % key)
        if item is not None:
            yield known[key], item


def _number(item, kind):
    if isinstance(item, str):
        special = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
        try:
            item = special[item] if kind == "float" and item in special else float(item)
        except ValueError:
            raise _SchemaError("invalid number for %s: %s" % (kind, item)) from None
    if isinstance(item, bool) or not isinstance(item, (int, float)):
        raise _SchemaError("expected a number for %s" % kind)
    if kind == "int64":
        if item != int(item) or not -(2**63) <= int(item) < 2**63:
            raise _SchemaError("invalid int64: %s" % item)
        return int(item)
    return float(item)


def _list_bytes(kind, value):
    out = b""
    for _, items in _fields(value, kind, {"value": 1}):
        if not isinstance(items, list):
            items = [items]
        for item in items:
            if kind == "tensorflow.BytesList":
                if not isinstance(item, str):
                    raise _SchemaError("expected a base64 string")
                data = base64.urlsafe_b64decode(
                    item.replace("+", "-").replace("/", "_") + "=" * (-len(item) % 4)
                )
                out += _length_delimited(1, data)
            elif kind == "tensorflow.FloatList":
                out += b"\x0d" + np.float32(_number(item, "float")).tobytes()
            else:
                out += b"\x08" + _varint(_number(item, "int64"))
    return out


_LISTS = {
    "bytesList": (1, "tensorflow.BytesList"),
    "bytes_list": (1, "tensorflow.BytesList"),
    "floatList": (2, "tensorflow.FloatList"),
    "float_list": (2, "tensorflow.FloatList"),
    "int64List": (3, "tensorflow.Int64List"),
    "int64_list": (3, "tensorflow.Int64List"),
}


def _example_bytes(value):
    """The binary ``Example`` of a parsed JSON object as protobuf's C++ JSON converter writes
    it: fields in the JSON's order, repeated numbers unpacked."""
    out = b""
    for _, features in _fields(value, "tensorflow.Example", {"features": 1}):
        body = b""
        for _, feature_map in _fields(features, "tensorflow.Features", {"feature": 1}):
            if not isinstance(feature_map, dict):
                raise _SchemaError("map tensorflow.Features.feature: expected an object")
            for key, feature in feature_map.items():
                entry = _length_delimited(1, key.encode("utf-8"))
                if feature is not None:
                    lists = b""
                    for (field, kind), item in _fields(feature, "tensorflow.Feature", _LISTS):
                        lists += _length_delimited(field, _list_bytes(kind, item))
                    entry += _length_delimited(2, lists)
                body += _length_delimited(1, entry)
        out += _length_delimited(1, body)
    return out


def _json_example_bytes(text, name):
    """The ``Example`` bytes of one JSON text, with protobuf's JSON parser's errors (its
    deterministic ones exactly: a text cut short is ``unexpected EOF``, text after the object
    is ``extraneous characters``; the others with their position and a reason of ours)."""
    start = len(text) - len(text.lstrip())
    if start == len(text):
        raise _json_error("unexpected EOF", name)
    if text[start] != "{":
        raise _json_error(
            _near(text, start) + "unexpected character: '%s'; expected '{'" % text[start], name
        )
    try:
        value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as error:
        if error.pos >= len(text) or _BARE_KEY_TO_END.fullmatch(text, error.pos):
            raise _json_error("unexpected EOF", name) from None
        raise _json_error(_near(text, error.pos) + error.msg, name) from None
    if text[end:].strip():
        raise _json_error("extraneous characters after end of JSON object", name)
    try:
        return _example_bytes(value)
    except (_SchemaError, binascii.Error) as error:
        raise _json_error("invalid JSON in %s: %s" % (_EXAMPLE_TYPE, error), name) from None


@tf_export("io.decode_json_example")
def decode_json_example(json_examples, name=None):
    """``DecodeJSONExample``: each JSON-encoded ``tf.train.Example`` (protobuf's JSON mapping:
    ``{"features": {"feature": {"x": {"int64List": {"value": [1]}}}}}``) as its binary
    serialization (TF's bytes: fields in the JSON's order, numbers unpacked), same shape.
    Parse errors other than a text cut short or trailing text carry a reason of ours (TF's
    protobuf words them with random extra spaces)."""
    name = name_part(json_examples)
    texts = string_input(json_examples, "DecodeJSONExample")
    out = np.empty(texts.shape, dtype=object)
    flat = out.reshape(-1)
    for index, text in enumerate(texts.reshape(-1)):
        flat[index] = _json_example_bytes(text.decode("utf-8", "replace"), name)
    return convert_to_tensor(out, dtype=dtypes.string)


def _swap_bytes(raw, dtype):
    """Reverses the bytes of every element (of every real component for complex types)."""
    unit = dtype.size // 2 if dtype.is_complex else dtype.size
    if unit == 1:
        return raw
    return raw.reshape(raw.shape[:-1] + (-1, unit))[..., ::-1].reshape(raw.shape)


def _from_bytes(raw, dtype, little_endian):
    """A ``[..., k]`` uint8 array's rows as elements of ``dtype`` (a torch tensor)."""
    if not little_endian:
        raw = _swap_bytes(raw, dtype)
    storage = torch.from_numpy(np.require(raw, requirements=["C", "W"]))
    if dtype == dtypes.bool:
        return storage != 0
    return storage.view(dtype.torch_dtype)


@tf_export("io.decode_raw")
def decode_raw(input_bytes, out_type, little_endian=True, fixed_length=None, name=None):
    """Each string of ``input_bytes`` reinterpreted as a vector of ``out_type`` (a new last
    dimension).  Without ``fixed_length`` all strings must have the same size; with it each is
    cut or zero-padded to ``fixed_length`` bytes."""
    opname = "DecodeRaw" if fixed_length is None else "DecodePaddedRaw"
    name = name_part(input_bytes)
    dtype = dtypes.as_dtype(out_type)
    allowed = _RAW_TYPES if fixed_length is None else _PADDED_RAW_TYPES
    if dtype.name not in allowed:
        raise attr_error(opname, dtype, attr="out_type", name=name)

    def fail(text):
        return kernel_error(errors.InvalidArgumentError, opname, text, name)

    array = string_input(input_bytes, opname)
    flat = [bytes(item) for item in array.reshape(-1)]
    size = dtype.size
    if fixed_length is not None:
        length = int(fixed_length)
        if length <= 0:
            raise fail("fixed_length (%d) must be greater than zero." % length)
        if length % size:
            raise fail(
                "fixed_length (%d) must be a multiple of the size of out_type (%d)"
                % (length, size),
            )
        flat = [item[:length].ljust(length, b"\0") for item in flat]
    else:
        length = len(flat[0]) if flat else 0
        if length % size:
            raise fail(
                "Input to DecodeRaw has length %d that is not a multiple of %d, the size of %s"
                % (length, size, type_name(dtype)),
            )
        for index, item in enumerate(flat):
            if len(item) != length:
                raise fail(
                    "DecodeRaw requires input strings to all be the same size, but element "
                    "%d has size %d != %d" % (index, length, len(item)),
                )
    if length == 0:
        empty = torch.zeros(array.shape + (0,), dtype=dtype.torch_dtype)
        return wrap(empty.to(_device.current()))
    raw = np.frombuffer(b"".join(flat), dtype=np.uint8).reshape(array.shape + (length,))
    return wrap(_from_bytes(raw, dtype, little_endian).to(_device.current()))


def _shape_proto(tensor_shape, shape):
    tensor_shape.SetInParent()
    for dim in shape:
        tensor_shape.dim.add(size=int(dim))


@tf_export("io.serialize_tensor")
def serialize_tensor(tensor, name=None):
    """``tensor`` as the bytes of TF's ``TensorProto`` (raw ``tensor_content`` for numbers,
    ``string_val`` for strings), a scalar string tensor."""
    from . import io_protos

    io_protos.require()
    tensor = convert_to_tensor(tensor)
    dtype = tensor.dtype
    proto = io_protos.TensorProto(dtype=dtype.as_datatype_enum)
    _shape_proto(proto.tensor_shape, tensor.shape.as_list())
    if dtype == dtypes.string:
        proto.string_val.extend(bytes(b) for b in np.asarray(tensor._value).reshape(-1))
    else:
        storage = tensor._value.detach().to("cpu").contiguous()
        if storage.numel():
            proto.tensor_content = storage.reshape(-1).view(torch.uint8).numpy().tobytes()
    return wrap(np.array(proto.SerializeToString(), dtype=object))


def _unparsable_proto(name):
    """TF's error for a TensorProto that parses but holds no valid tensor (TF's text has a
    placeholder for the proto's debug string, whose spelling varies between runs)."""
    return kernel_error(
        errors.InvalidArgumentError,
        "ParseTensor",
        "Cannot parse tensor from proto: goo.gle/debugstr    \n",
        name,
    )


# TensorProto's typed value fields, by dtype: (field, NumPy type of one stored value).
_VAL_FIELDS = {
    "float32": ("float_val", np.float32),
    "float64": ("double_val", np.float64),
    "int32": ("int_val", np.int32),
    "int16": ("int_val", np.int16),
    "int8": ("int_val", np.int8),
    "uint8": ("int_val", np.uint8),
    "uint16": ("int_val", np.uint16),
    "int64": ("int64_val", np.int64),
    "uint32": ("uint32_val", np.uint32),
    "uint64": ("uint64_val", np.uint64),
    "bool": ("bool_val", np.bool_),
    "float16": ("half_val", np.uint16),
    "bfloat16": ("half_val", np.uint16),
    "complex64": ("scomplex_val", np.float32),
    "complex128": ("dcomplex_val", np.float64),
}


def _values_from_fields(proto, dtype, count):
    """The ``count`` elements stored in a TensorProto's typed fields (the last value repeats
    to fill the shape, as TF's ``Tensor::FromProto``), as a flat NumPy array of raw bytes."""
    field, np_type = _VAL_FIELDS[dtype.name]
    values = np.asarray(getattr(proto, field), dtype=np_type)
    if dtype.is_complex:
        values = values.reshape(-1, 2)
    if count and len(values) == 0:
        values = np.zeros((count,) + values.shape[1:], np_type)
    elif count > len(values):
        pad = np.repeat(values[-1:], count - len(values), axis=0)
        values = np.concatenate([values, pad])
    values = values[:count]
    if dtype.name in ("float16", "bfloat16"):
        return values.astype("<u2").tobytes()
    return values.astype(values.dtype.newbyteorder("<")).tobytes()


@tf_export("io.parse_tensor")
def parse_tensor(serialized, out_type, name=None):
    """The tensor in the ``TensorProto`` bytes ``serialized`` (a scalar string), which must
    hold ``out_type``."""
    from . import io_protos

    io_protos.require()
    name = name_part(serialized)
    array = string_input(serialized, "ParseTensor")
    if array.ndim != 0:
        raise kernel_error(
            errors.InvalidArgumentError,
            "ParseTensor",
            "Expected `serialized` to be a scalar, got shape: %s" % dims_text(array.shape),
            name,
        )
    data = bytes(array.item())
    out_dtype = dtypes.as_dtype(out_type)
    proto = io_protos.TensorProto()
    try:
        proto.ParseFromString(data)
    except Exception:  # noqa: BLE001 - any undecodable bytes are TF's one error
        raise kernel_error(
            errors.InvalidArgumentError,
            "ParseTensor",
            "Could not parse `serialized` as TensorProto, base64: %s"
            % base64.urlsafe_b64encode(data).decode("ascii"),
            name,
        ) from None
    try:
        dtype = dtypes.as_dtype(proto.dtype)
    except (TypeError, KeyError, ValueError):
        raise _unparsable_proto(name) from None
    if dtype != out_dtype:
        raise kernel_error(
            errors.InvalidArgumentError,
            "ParseTensor",
            "Type mismatch between parsed tensor (%s) and dtype (%s)"
            % (type_name(dtype), type_name(out_dtype)),
            name,
        )
    shape = tuple(dim.size for dim in proto.tensor_shape.dim)
    count = int(np.prod(shape, dtype=np.int64))
    if dtype == dtypes.string:
        values = list(proto.string_val)
        values += values[-1:] * (count - len(values)) if values else [b""] * count
        return wrap(np.array(values[:count] + [], dtype=object).reshape(shape))
    if proto.tensor_content or count == 0:
        raw = proto.tensor_content
    else:
        raw = _values_from_fields(proto, dtype, count)
    if len(raw) != count * dtype.size:
        raise _unparsable_proto(name)
    if count == 0:
        return wrap(torch.zeros(shape, dtype=dtype.torch_dtype).to(_device.current()))
    flat = np.frombuffer(raw, dtype=np.uint8).reshape(count, dtype.size)
    values = _from_bytes(flat, dtype, little_endian=True).reshape(shape)
    return wrap(values.to(_device.current()))
