"""``tf.io.encode_base64`` and ``tf.io.decode_base64``: TF's web-safe base64 (``-`` and ``_``
for ``+`` and ``/``), elementwise over string tensors, with TF's kernel errors."""

from __future__ import annotations

import base64
import re

import numpy as np

from ..api_export import tf_export
from ..framework.op_errors import eager_name, op_error
from .string_ops import string_storage, strings_result

__all__ = ["encode_base64", "decode_base64"]

_WEB_SAFE = re.compile(rb"[A-Za-z0-9_-]*")


def _elementwise(fn, array):
    out = np.empty(array.shape, dtype=object)
    flat = out.reshape(-1)
    for i, value in enumerate(array.reshape(-1)):
        flat[i] = fn(value)
    return out


@tf_export("io.encode_base64")
def encode_base64(input, pad=False, name=None):  # noqa: A002 - TF's argument name
    """``tf.io.encode_base64``: each string in web-safe base64, ``=`` padded only with
    ``pad``."""
    if not isinstance(pad, (bool, np.bool_)):
        raise TypeError("Expected bool for argument 'pad' not %r." % (pad,))
    array = string_storage(input, "EncodeBase64")

    def encode(value):
        text = base64.urlsafe_b64encode(value)
        return text if pad else text.rstrip(b"=")

    return strings_result(_elementwise(encode, array))


@tf_export("io.decode_base64")
def decode_base64(input, name=None):  # noqa: A002 - TF's argument name
    """``tf.io.decode_base64``: decodes web-safe base64 strings, with or without ``=``
    padding; other characters and lengths of 1 modulo 4 are TF's ``InvalidArgumentError``."""
    array = string_storage(input, "DecodeBase64")
    error_name = eager_name(input)

    def decode(value):
        text = (
            value[:-2] if value.endswith(b"==") else value[:-1] if value.endswith(b"=") else value
        )
        if not _WEB_SAFE.fullmatch(text):
            raise op_error("DecodeBase64", "Invalid character found in base64.", None, error_name)
        if len(text) % 4 == 1:
            raise op_error(
                "DecodeBase64", "Base64 string length cannot be 1 modulo 4.", None, error_name
            )
        return base64.urlsafe_b64decode(text + b"=" * (-len(text) % 4))

    return strings_result(_elementwise(decode, array))
