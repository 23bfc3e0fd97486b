"""``tf.strings.format``: a template with each placeholder replaced by a tensor's text, in the
form ``tf.print`` shows tensors (``logging_ops.format_tensor``; ``summarize`` entries at each
end of every dimension)."""

from __future__ import annotations

import numpy as np

from ..api_export import tf_export
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators
from .logging_ops import c_escape, format_tensor
from .string_ops import strings_result
from .string_ragged import RaggedTensor

__all__ = ["format"]


def _utf8_safe_escape(value):
    """TF's ``Utf8SafeCEscape`` of ``bytes``, quoted, as ``str``."""
    return '"%s"' % c_escape(value, utf8_safe=True)


def _text(value, summarize):
    """The bytes a tensor-like ``value`` prints as in ``tf.strings.format``."""
    if isinstance(value, RaggedTensor):
        return repr(value.to_list()).encode("utf-8")
    tensor = value if isinstance(value, TensorOperators) else convert_to_tensor(value)
    if tensor.dtype.name == "string":
        text = format_tensor(tensor, summarize, element_text=_utf8_safe_escape)
        return text.encode("latin-1")
    return format_tensor(tensor, summarize).encode("utf-8")


@tf_export("strings.format")
def format(template, inputs, placeholder="{}", summarize=3, name=None):  # noqa: A001
    """``tf.strings.format``: ``template`` with its ``placeholder``s replaced by the texts of
    ``inputs`` (one tensor, or a list of them), each summarised to ``summarize`` entries at
    both ends of every dimension (-1: all); a scalar string tensor."""
    if isinstance(inputs, (TensorOperators, RaggedTensor)):
        inputs = [inputs]
    expected = template.count(placeholder)
    if expected != len(inputs):
        raise ValueError(
            "The template expects %d tensors, but the inputs only has %d. Please ensure the "
            "number of placeholders in template matches inputs length." % (expected, len(inputs))
        )
    summarize = 3 if summarize is None else int(summarize)
    pieces = template.split(placeholder)
    out = [pieces[0].encode("utf-8")]
    for value, piece in zip(list(inputs), pieces[1:]):
        out.append(_text(value, summarize))
        out.append(piece.encode("utf-8"))
    result = np.empty((), dtype=object)
    result[()] = b"".join(out)
    return strings_result(result)
