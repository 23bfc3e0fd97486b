"""``tf.compat``: TF's string helpers (``as_bytes``, ``as_text`` ...).

``tf.compat.v1`` (``framework/compat_v1.py``) and ``tf.compat.v2`` (the ``tf`` namespace
itself) are set up by the namespace module ``torchkeras/compat.py``.
"""

from __future__ import annotations

import os

from ..api_export import tf_export

__all__ = ["as_bytes", "as_text", "as_str", "as_str_any", "path_to_str"]


@tf_export("compat.as_bytes")
def as_bytes(bytes_or_text, encoding="utf-8"):
    """``bytes`` of a string (encoded), ``bytes`` or ``bytearray``; ``TypeError`` otherwise."""
    if isinstance(bytes_or_text, bytearray):
        return bytes(bytes_or_text)
    if isinstance(bytes_or_text, str):
        return bytes_or_text.encode(encoding)
    if isinstance(bytes_or_text, bytes):
        return bytes_or_text
    raise TypeError("Expected binary or unicode string, got %r" % (bytes_or_text,))


@tf_export("compat.as_text")
def as_text(bytes_or_text, encoding="utf-8"):
    """``str`` of a string or ``bytes`` (decoded); ``TypeError`` otherwise."""
    if isinstance(bytes_or_text, str):
        return bytes_or_text
    if isinstance(bytes_or_text, bytes):
        return bytes_or_text.decode(encoding)
    raise TypeError("Expected binary or unicode string, got %r" % (bytes_or_text,))


@tf_export("compat.as_str")
def as_str(bytes_or_text, encoding="utf-8"):
    """Same as :func:`as_text` (TF keeps both names, as two functions)."""
    return as_text(bytes_or_text, encoding)


@tf_export("compat.as_str_any")
def as_str_any(value, encoding="utf-8"):
    """``as_text`` for ``bytes``, ``str(value)`` for anything else."""
    if isinstance(value, bytes):
        return as_text(value, encoding)
    return str(value)


@tf_export("compat.path_to_str")
def path_to_str(path):
    """A path-like object's ``os.fspath``; anything else unchanged."""
    if isinstance(path, os.PathLike):
        return os.fspath(path)
    return path
