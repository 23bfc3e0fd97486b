"""``tf.strings.unicode_*``: decoding strings to code points, encoding code points, splitting
into characters, transcoding, and the Unicode script of code points.

TF converts with ICU; here Python's codecs do (``codecs.lookup`` names: ``UTF-8``,
``UTF-16-BE``, ``UTF-32-BE``, ``ISO-8859-1`` / ``latin1``, ``US-ASCII`` ...).  Invalid input
is cut as ICU cuts it (each maximal ill-formed subsequence is one error, which is also Python's
rule), so ``errors="replace"`` / ``"ignore"`` / ``"strict"`` and the byte offsets match TF.
"""

from __future__ import annotations

import codecs
import unicodedata

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.op_errors import input_dtype_error, op_error
from ..framework.tensor import TensorOperators
from .string_ops import int_result, string_attr_error, string_storage, strings_result
from .string_ragged import RaggedTensor, split_result
from .unicode_script_table import SCRIPT_BY_NAME_PREFIX, UNNAMED_IDEOGRAPHS

__all__ = [
    "unicode_decode",
    "unicode_decode_with_offsets",
    "unicode_encode",
    "unicode_split",
    "unicode_split_with_offsets",
    "unicode_transcode",
    "unicode_script",
]

_OUTPUT_ENCODINGS = ("UTF-8", "UTF-16-BE", "UTF-32-BE")
_ERRORS_DECODE = '"strict", "replace", "ignore"'
_DECODE_ATTRS = (
    "attr=input_encoding:string; "
    'attr=errors:string,default="replace",allowed=["strict", "replace", "ignore"]; '
    "attr=replacement_char:int,default=65533; "
    "attr=replace_control_characters:bool,default=false; "
    "attr=Tsplits:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]"
)
_SIGNATURES = {
    "UnicodeDecode": "signature=input:string -> row_splits:Tsplits, char_values:int32; "
    + _DECODE_ATTRS,
    "UnicodeDecodeWithOffsets": "signature=input:string -> row_splits:Tsplits, "
    "char_values:int32, char_to_byte_starts:int64; " + _DECODE_ATTRS,
    "UnicodeEncode": "signature=input_values:int32, input_splits:Tsplits -> output:string; "
    'attr=errors:string,default="replace",allowed=["ignore", "replace", "strict"]; '
    'attr=output_encoding:string,allowed=["UTF-8", "UTF-16-BE", "UTF-32-BE"]; '
    "attr=replacement_char:int,default=65533; "
    "attr=Tsplits:type,default=DT_INT64,allowed=[DT_INT32, DT_INT64]",
    "UnicodeTranscode": "signature=input:string -> output:string; attr=input_encoding:string; "
    'attr=output_encoding:string,allowed=["UTF-8", "UTF-16-BE", "UTF-32-BE"]; '
    'attr=errors:string,default="replace",allowed=["strict", "replace", "ignore"]; '
    "attr=replacement_char:int,default=65533; attr=replace_control_characters:bool,default=false",
}
_ERRORS_ALLOWED = {"UnicodeEncode": '"ignore", "replace", "strict"'}
_NAMED = ("UnicodeDecode", "UnicodeDecodeWithOffsets", "UnicodeEncode")


def _name(opname):
    return "" if opname in _NAMED else None


def _check_errors(errors, opname):
    if errors not in ("strict", "replace", "ignore"):
        raise string_attr_error(
            opname,
            "errors",
            errors,
            _ERRORS_ALLOWED.get(opname, _ERRORS_DECODE),
            _SIGNATURES[opname],
            name=_name(opname),
        )


def _check_output_encoding(encoding, opname):
    if encoding not in _OUTPUT_ENCODINGS:
        raise string_attr_error(
            opname,
            "output_encoding",
            encoding,
            '"UTF-8", "UTF-16-BE", "UTF-32-BE"',
            _SIGNATURES[opname],
            name=_name(opname),
        )
    return encoding.lower()


def _codec(encoding, opname):
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise op_error(
            opname,
            "Could not create converter for input encoding: %s" % encoding,
            name=_name(opname),
        ) from None


def _check_replacement(replacement_char, opname):
    if not 0 <= replacement_char <= 0x10FFFF:
        raise op_error(
            opname, "replacement_char out of unicode codepoint range", name=_name(opname)
        )


_MARK = 0x110000  # Not a code point: marks an ill-formed input sequence.


def _decode_one(value, codec, opname, strict):
    """``(code_points, byte_lengths)`` of one string; ill-formed sequences are ``_MARK``."""
    try:
        text = value.decode(codec)
    except UnicodeDecodeError:
        if strict:
            raise op_error(
                opname, "Invalid formatting on input string", name=_name(opname)
            ) from None
        text = None
    if text is not None:
        points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.int64)
        return points, None
    points, lengths = [], []
    start = 0
    while start < len(value):
        try:
            piece = value[start:].decode(codec)
            stop = len(value)
        except UnicodeDecodeError as error:
            piece = value[start : start + error.start].decode(codec)
            stop = start + error.end
            bad = error.end - error.start
        else:
            bad = 0
        points.extend(ord(c) for c in piece)
        lengths.extend(len(c.encode(codec)) for c in piece)
        if bad:
            points.append(_MARK)
            lengths.append(bad)
        start = stop
    return np.asarray(points, dtype=np.int64), np.asarray(lengths, dtype=np.int64)


def _byte_lengths(points, codec):
    if codec == "utf-8":
        return 1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000)
    if codec in ("utf-16-be", "utf-16-le"):
        return 2 + 2 * (points >= 0x10000)
    if codec in ("utf-32-be", "utf-32-le", "latin-1", "ascii"):
        return np.full(points.shape, 4 if codec.startswith("utf-32") else 1, dtype=np.int64)
    return np.array([len(chr(p).encode(codec)) for p in points.tolist()], dtype=np.int64)


def _decode_array(array, codec, opname, errors, replacement_char, control, offsets):
    """``(points, lengths, starts)`` over the flat strings of ``array``: the code points of all
    strings, the count per string and (with ``offsets``) each character's byte offset."""
    all_points, counts, all_starts = [], [], []
    strict = errors == "strict"
    for value in array.reshape(-1):
        points, lengths = _decode_one(value, codec, opname, strict)
        if offsets:
            if lengths is None:
                lengths = _byte_lengths(points, codec)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
        marks = points == _MARK
        if marks.any():
            if errors == "ignore":
                points = points[~marks]
                if offsets:
                    starts = starts[~marks]
            else:
                points = np.where(marks, replacement_char, points)
        if control:
            points = np.where(points < 0x20, replacement_char, points)
        all_points.append(points)
        counts.append(points.size)
        if offsets:
            all_starts.append(starts)
    points = np.concatenate(all_points) if all_points else np.zeros(0, np.int64)
    starts = np.concatenate(all_starts) if all_starts else np.zeros(0, np.int64)
    return points.astype(np.int32), np.asarray(counts, dtype=np.int64), starts


def _decode(input, input_encoding, errors, replacement_char, control, offsets):  # noqa: A002
    opname = "UnicodeDecodeWithOffsets" if offsets else "UnicodeDecode"
    if not isinstance(input, (TensorOperators, RaggedTensor)):
        input = convert_to_tensor(input)
    if isinstance(input, RaggedTensor):
        results = _decode(
            input.flat_values, input_encoding, errors, replacement_char, control, offsets
        )
        if offsets:
            return tuple(input.with_flat_values(r) for r in results)
        return input.with_flat_values(results)
    array = string_storage(input, opname)
    _check_errors(errors, opname)
    _check_replacement(replacement_char, opname)
    codec = _codec(input_encoding, opname)
    points, counts, starts = _decode_array(
        array, codec, opname, errors, replacement_char, control, offsets
    )
    shape = list(array.shape)
    result = split_result(int_result(points), counts, shape)
    if not offsets:
        return result
    return result, split_result(int_result(starts, torch.int64), counts, shape)


@tf_export("strings.unicode_decode")
def unicode_decode(
    input,  # noqa: A002 - TF's argument name
    input_encoding,
    errors="replace",
    replacement_char=65533,
    replace_control_characters=False,
    name=None,
):
    """``tf.strings.unicode_decode``: the int32 code points of each string (a vector for a
    scalar, else a RaggedTensor with one more dimension); ill-formed input is replaced by
    ``replacement_char``, skipped (``"ignore"``) or an error (``"strict"``); with
    ``replace_control_characters`` C0 controls (U+0000-U+001F) are replaced too."""
    return _decode(
        input, input_encoding, errors, replacement_char, replace_control_characters, False
    )


@tf_export("strings.unicode_decode_with_offsets")
def unicode_decode_with_offsets(
    input,  # noqa: A002 - TF's argument name
    input_encoding,
    errors="replace",
    replacement_char=65533,
    replace_control_characters=False,
    name=None,
):
    """``tf.strings.unicode_decode_with_offsets``: ``unicode_decode`` and the int64 byte offset
    in the input of each character."""
    return _decode(
        input, input_encoding, errors, replacement_char, replace_control_characters, True
    )


def _encode_rows(points, counts, codec, errors, replacement_char, opname):
    """One encoded string per row of ``counts`` code points from the flat ``points``."""
    points = np.asarray(points, dtype=np.int64)
    bad = (points < 0) | (points > 0x10FFFF) | ((points >= 0xD800) & (points <= 0xDFFF))
    keep = np.ones(points.shape, dtype=bool)
    if bad.any():
        if errors == "strict":
            raise op_error(
                opname,
                "Code point is out of range for Unicode, or is a surrogate.",
                name=_name(opname),
            )
        replacement_ok = 0 <= replacement_char <= 0x10FFFF and not (
            0xD800 <= replacement_char <= 0xDFFF
        )
        if errors == "ignore" or not replacement_ok:
            keep = ~bad
        else:
            points = np.where(bad, replacement_char, points)
    bounds = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    positions = np.concatenate(([0], np.cumsum(keep))).astype(np.int64)[bounds].tolist()
    text = points[keep].astype("<u4").tobytes().decode("utf-32-le")
    out = np.empty(len(counts), dtype=object)
    for i in range(len(counts)):
        out[i] = text[positions[i] : positions[i + 1]].encode(codec)
    return out


@tf_export("strings.unicode_encode")
def unicode_encode(input, output_encoding, errors="replace", replacement_char=65533, name=None):  # noqa: A002
    """``tf.strings.unicode_encode``: each row of int32 code points (the last dimension, or the
    innermost ragged rows) as one string in ``output_encoding``; invalid code points (outside
    U+0000-U+10FFFF, or surrogates) are replaced, skipped or an error as ``errors`` says."""
    opname = "UnicodeEncode"
    if not isinstance(input, (TensorOperators, RaggedTensor)):
        input = convert_to_tensor(input)
    if isinstance(input, RaggedTensor):
        if input.flat_values.shape.rank > 1:
            return input.with_flat_values(
                unicode_encode(input.flat_values, output_encoding, errors, replacement_char)
            )
        if input.ragged_rank > 1:
            return input.with_values(
                unicode_encode(input.values, output_encoding, errors, replacement_char)
            )
        points = _int32_points(input.values, opname)
        counts = np.diff(input.row_splits._value.cpu().numpy())
        shape = [len(counts)]
    else:
        points = _int32_points(input, opname)
        if points.ndim == 0:
            raise ValueError("input_tensor's rank must be at least 1.")
        shape = list(points.shape[:-1])
        width = points.shape[-1]
        counts = np.full(int(np.prod(shape, dtype=np.int64)), width, dtype=np.int64)
    _check_errors(errors, opname)
    codec = _check_output_encoding(output_encoding, opname)
    out = _encode_rows(points.reshape(-1), counts, codec, errors, replacement_char, opname)
    return strings_result(out.reshape(shape))


def _int32_points(tensor, opname):
    storage = tensor._value
    if not isinstance(storage, torch.Tensor) or storage.dtype != torch.int32:
        raise input_dtype_error(opname, 0, "int32", storage)
    return storage.cpu().numpy()


def _split(input, input_encoding, errors, replacement_char, offsets):  # noqa: A002
    decoded = _decode(input, input_encoding, errors, replacement_char, False, offsets)
    points = decoded[0] if offsets else decoded
    codec = _check_output_encoding(input_encoding, "UnicodeEncode")
    _check_errors(errors, "UnicodeEncode")
    values = points.flat_values if isinstance(points, RaggedTensor) else points
    flat = values._value.cpu().numpy()
    chars = _encode_rows(
        flat, np.ones(flat.size, np.int64), codec, errors, replacement_char, "UnicodeEncode"
    )
    result = strings_result(chars)
    if isinstance(points, RaggedTensor):
        result = points.with_flat_values(result)
    return (result, decoded[1]) if offsets else result


@tf_export("strings.unicode_split")
def unicode_split(
    input,
    input_encoding,
    errors="replace",
    replacement_char=65533,
    name=None,  # noqa: A002
):
    """``tf.strings.unicode_split``: each string as its characters, each re-encoded in
    ``input_encoding`` (ill-formed input becomes the encoded ``replacement_char``)."""
    return _split(input, input_encoding, errors, replacement_char, False)


@tf_export("strings.unicode_split_with_offsets")
def unicode_split_with_offsets(
    input,
    input_encoding,
    errors="replace",
    replacement_char=65533,
    name=None,  # noqa: A002
):
    """``tf.strings.unicode_split_with_offsets``: ``unicode_split`` and each character's int64
    byte offset."""
    return _split(input, input_encoding, errors, replacement_char, True)


@tf_export("strings.unicode_transcode")
def unicode_transcode(
    input,  # noqa: A002 - TF's argument name
    input_encoding,
    output_encoding,
    errors="replace",
    replacement_char=65533,
    replace_control_characters=False,
    name=None,
):
    """``tf.strings.unicode_transcode``: each string re-encoded from ``input_encoding`` to
    ``output_encoding`` (``UTF-8``, ``UTF-16-BE`` or ``UTF-32-BE``), with ``errors`` and
    ``replace_control_characters`` as in ``unicode_decode``."""
    opname = "UnicodeTranscode"
    if isinstance(input, RaggedTensor):
        return input.with_flat_values(
            unicode_transcode(
                input.flat_values,
                input_encoding,
                output_encoding,
                errors,
                replacement_char,
                replace_control_characters,
            )
        )
    array = string_storage(input, opname)
    out_codec = _check_output_encoding(output_encoding, opname)
    _check_errors(errors, opname)
    codec = _codec(input_encoding, opname)
    points, counts, _ = _decode_array(
        array, codec, opname, errors, replacement_char, replace_control_characters, False
    )
    out = _encode_rows(points, counts, out_codec, "replace", replacement_char, opname)
    return strings_result(out.reshape(array.shape))


def _script_of(point):
    """ICU's script code of one code point (see ``unicode_script_table``)."""
    if not 0 <= point <= 0x10FFFF:
        return -1
    char = chr(point)
    name = unicodedata.name(char, "")
    category = unicodedata.category(char)
    if not name:
        for first, last, code in UNNAMED_IDEOGRAPHS:
            if first <= point <= last and category == "Lo":
                return code
        return 103 if category in ("Cn", "Co", "Cs") else 0
    words = name.split(" ")
    for count in (3, 2, 1):
        if len(words) > count:
            code = SCRIPT_BY_NAME_PREFIX.get(" ".join(words[:count]))
            if code is not None:
                return code
    return 1 if category in ("Mn", "Me") else 0


@tf_export("strings.unicode_script")
def unicode_script(input, name=None):  # noqa: A002 - TF's argument name
    """``tf.strings.unicode_script``: ICU's ``UScriptCode`` of each int32 code point (-1 for
    invalid ones).  Python has no script property, so the script is read from the Unicode
    character name (``unicode_script_table``); unassigned / private-use code points are
    Unknown (103), other unnamed ones Common (0).  Gaps: 0.2% of the characters both know
    (names that do not follow their script), and characters newer than TF's ICU (ICU says
    Unknown, 103; here their script)."""
    if not isinstance(input, (TensorOperators, RaggedTensor)):
        input = convert_to_tensor(input, dtype=dtypes.int32)  # TF's op converts to int32
    if isinstance(input, RaggedTensor):
        return input.with_flat_values(unicode_script(input.flat_values))
    points = _int32_points(input, "UnicodeScript")
    flat = points.reshape(-1).tolist()
    cache = {}
    codes = np.empty(len(flat), dtype=np.int32)
    for i, point in enumerate(flat):
        code = cache.get(point)
        if code is None:
            code = cache[point] = _script_of(point)
        codes[i] = code
    return int_result(codes.reshape(points.shape))
