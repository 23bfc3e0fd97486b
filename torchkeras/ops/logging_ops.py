"""``tf.print``: TensorFlow's print, with its tensor text.

Tensors print as TF's kernel formats them (``[[1 2]\\n [3 4]]``: elements
space-separated, floats in the shortest of 6 or 9 significant digits that
round-trips, 15 or 17 for float64, bools as ``1``/``0``, strings quoted,
complex as ``?``), summarised to ``summarize`` elements at each end of every
dim.  Other Python values print as ``pprint.pformat`` shows them, with the
tensors inside structures substituted, as TF does.
"""

from __future__ import annotations

import collections
import math
import pprint
import sys

import numpy as np
import torch

from ..framework import tree as _tree
from ..framework.function_trace import host_call
from ..framework.global_state import PER_THREAD as _STATE
from ..framework.tensor import TensorOperators, wrap
from . import nest
from ..api_export import tf_export

__all__ = ["print"]


def c_escape(data, utf8_safe=False):
    """TF's ``CEscape`` of ``bytes`` as ``str``: newline, return, tab, quotes and backslash
    escaped, other bytes outside printable ASCII as ``\\ooo``; ``utf8_safe`` is
    ``Utf8SafeCEscape``, which passes bytes from 0x80 through (each byte one character, so
    they come back unchanged when encoded as latin-1)."""
    out = []
    for byte in data:
        char = chr(byte)
        if char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif char in "\"'\\":
            out.append("\\" + char)
        elif 32 <= byte < 127 or (utf8_safe and byte >= 128):
            out.append(char)
        else:
            out.append("\\%03o" % byte)
    return "".join(out)


def _float_text(value, short, long, cast):
    if math.isnan(value):
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = "%.*g" % (short, value)
    if cast(float(text)) != cast(value):
        text = "%.*g" % (long, value)
    return text


def _element_formatter(dtype_name):
    if dtype_name == "string":
        return lambda v: '"%s"' % c_escape(v)
    if dtype_name == "bool":
        return lambda v: "1" if v else "0"
    if dtype_name in ("float16", "bfloat16", "float32"):
        return lambda v: _float_text(float(v), 6, 9, np.float32)
    if dtype_name == "float64":
        return lambda v: _float_text(float(v), 15, 17, np.float64)
    if dtype_name.startswith("complex"):
        return lambda v: "?"
    return lambda v: str(int(v))


def _dim_spacing(dim, rank, out):
    if dim == rank - 1:
        out.append(" ")
        return
    out.append("\n" * (rank - dim - 1))
    out.append(" " * (dim + 1))


def _summarize_complex(count, limit, rank):
    text = " ".join("?" for _ in range(limit)) + ("..." if limit < count else "")
    return "[%s]" % text if rank else text


def format_tensor(tensor, summarize=3, element_text=None):
    """The text ``tf.print`` shows for ``tensor`` (a Tensor or Variable); ``element_text``
    replaces the text of each element (``tf.strings.format`` escapes strings its own way)."""
    storage = tensor._value
    dtype_name = tensor.dtype.name
    if isinstance(storage, torch.Tensor):
        host = storage.detach()
        if host.dtype == torch.bfloat16:
            host = host.float()
        array = host.cpu().numpy()
    else:
        array = storage
    count = array.size
    limit = count if summarize < 0 else min(summarize, count)
    if dtype_name.startswith("complex"):
        return _summarize_complex(count, limit, array.ndim)
    fmt = element_text or _element_formatter(dtype_name)
    if array.ndim == 0:
        return (fmt(array[()]) if limit else "") + ("..." if count > limit else "")
    out = []
    _print_dim(array, 0, array.ndim, limit, fmt, out)
    return "".join(out)


def _print_dim(array, dim, rank, ends, fmt, out):
    """TF's ``PrintOneDimV2``: ``ends`` entries at each end of every dim, ``...`` between."""
    if dim == rank:
        out.append(fmt(array[()] if isinstance(array, np.ndarray) else array))
        return
    out.append("[")
    count = array.shape[0]
    for i in range(min(ends, count)):
        if i > 0:
            _dim_spacing(dim, rank, out)
        _print_dim(array[i], dim + 1, rank, ends, fmt, out)
    if count > 2 * ends:
        _dim_spacing(dim, rank, out)
        out.append("...")
    for i in range(max(ends, count - ends), count):
        _dim_spacing(dim, rank, out)
        _print_dim(array[i], dim + 1, rank, ends, fmt, out)
    out.append("]")


def _placeholder(template):
    candidate = "{}"
    serial = 0
    while candidate in template:
        serial += 1
        candidate = "{%d-placeholder}" % serial
    return candidate


def _sorted_ordered_dicts(value):
    if isinstance(value, collections.OrderedDict):
        return collections.OrderedDict(sorted(value.items()))
    return value


def _format_inputs(inputs, summarize, sep):
    if (
        len(inputs) == 1
        and isinstance(inputs[0], TensorOperators)
        and inputs[0].ndim == 0
        and inputs[0].dtype.name == "string"
    ):
        return inputs[0].numpy().decode("utf-8", "replace")
    ordered = [_sorted_ordered_dicts(i) for i in inputs]
    tensor_free = nest.map_structure(lambda x: "" if isinstance(x, TensorOperators) else x, ordered)
    placeholder = _placeholder(" ".join(pprint.pformat(x) for x in tensor_free))
    templates = []
    tensors = []
    for item in inputs:
        leaves = []
        for leaf in nest.flatten(item):
            if isinstance(leaf, TensorOperators):
                tensors.append(leaf)
                leaves.append(placeholder)
            else:
                leaves.append(leaf)
        if isinstance(item, str):
            templates.append(item)
        else:
            templates.append(
                pprint.pformat(
                    nest.pack_sequence_as(item, leaves) if nest.is_nested(item) else leaves[0]
                )
            )
    template = sep.join(templates).replace("'" + placeholder + "'", placeholder)
    pieces = template.split(placeholder)
    out = [pieces[0]]
    for tensor, piece in zip(tensors, pieces[1:]):
        out.append(format_tensor(tensor, summarize))
        out.append(piece)
    return "".join(out)


@tf_export("print")
def print(*inputs, **kwargs):  # noqa: A001 - TF's name
    """``tf.print(*inputs, output_stream=sys.stderr, summarize=3, sep=' ', end='\\n')``.

    ``output_stream`` may be a file object (``sys.stdout``, ``sys.stderr``;
    the default is whatever ``sys.stderr`` is at call time), a
    ``'file://path'`` string (appended to), or a logging function such as
    ``logging.info`` (called with the text, without ``end``).
    """
    output_stream = kwargs.pop("output_stream", None)
    summarize = kwargs.pop("summarize", 3)
    sep = kwargs.pop("sep", " ")
    end = kwargs.pop("end", "\n")
    kwargs.pop("name", None)
    if kwargs:
        raise ValueError("Unrecognized keyword arguments for tf.print: %s" % kwargs)
    summarize = -1 if summarize is None else int(summarize)
    if _STATE.function_trace is not None:
        _traced_print(inputs, output_stream, summarize, sep, end)
        return None
    _emit(inputs, output_stream, summarize, sep, end)
    return None


def _traced_print(inputs, output_stream, summarize, sep, end):
    """Inside a ``tf.function`` trace: the print recorded in the graph, run at every call."""
    leaves = _tree.flatten(inputs)
    slots = [
        i
        for i, leaf in enumerate(leaves)
        if isinstance(getattr(leaf, "_value", None), torch.Tensor)
    ]

    def emit(storages):
        values = list(leaves)
        for i, storage in zip(slots, storages):
            values[i] = wrap(storage)
        _emit(_tree.pack_sequence_as(inputs, values), output_stream, summarize, sep, end)

    host_call(emit, [leaves[i]._value for i in slots])


def _emit(inputs, output_stream, summarize, sep, end):
    """Formats ``inputs`` and writes them to ``output_stream`` (``tf.print``'s output)."""
    text = _format_inputs(list(inputs), summarize, sep)
    if output_stream is None:
        output_stream = sys.stderr
    if isinstance(output_stream, str):
        if not output_stream.startswith("file://"):
            raise ValueError(
                "Unsupported output stream, logging level, or file.%s. Supported streams are "
                "sys.stdout, "
                "sys.stderr, tf.logging.info, tf.logging.warning, tf.logging.error. File needs to "
                "be in the "
                "form of 'file://<filepath>'." % output_stream
            )
        with open(output_stream[len("file://") :], "a") as handle:
            handle.write(text + end)
        return None
    if hasattr(output_stream, "write"):
        output_stream.write(text + end)
        if hasattr(output_stream, "flush"):
            output_stream.flush()
        return None
    if callable(output_stream):
        output_stream(text)
        return None
    raise ValueError(
        "Unsupported output stream, logging level, or file.%s. Supported streams are sys.stdout, "
        "sys.stderr, "
        "tf.logging.info, tf.logging.warning, tf.logging.error. File needs to be in the form of "
        "'file://<filepath>'." % (output_stream,)
    )
