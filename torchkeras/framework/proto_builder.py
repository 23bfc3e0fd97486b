"""Protobuf messages built at run time from descriptors (``tf.train.Example``'s family in
``ops/io_protos.py``, the checkpoint messages in ``checkpoint/protos.py``): the check that
the optional ``protobuf`` and ``crc32c`` packages are there, and the builder of a message's
``DescriptorProto``.  Imports protobuf only when called."""

from __future__ import annotations

__all__ = ["require", "add_message", "TENSOR_SHAPE_PROTO"]

_SCALARS = (
    "int32",
    "int64",
    "uint32",
    "uint64",
    "fixed32",
    "string",
    "bytes",
    "bool",
    "float",
    "double",
)

TENSOR_SHAPE_PROTO = (
    "TensorShapeProto",
    [("dim", 2, ".tensorflow.TensorShapeProto.Dim", True), ("unknown_rank", 3, "bool", False)],
    [("Dim", [("size", 1, "int64", False), ("name", 2, "string", False)])],
)
"""``add_message``'s arguments for ``tensorflow.TensorShapeProto`` (``tensor_shape.proto``)."""


def require(extra):
    """Import ``protobuf`` and ``crc32c``; if one is missing, an ImportError with the text
    ``extra`` (which names the package extra to install) and the import's own message."""
    try:
        import crc32c  # noqa: F401
        from google.protobuf import descriptor_pb2  # noqa: F401
    except ImportError as exc:
        raise ImportError(extra + " (%s)" % exc) from exc


def add_message(parent, name, fields, nested=(), oneof=None, map_entry=False):
    """Add message ``name`` to ``parent`` (a repeated ``DescriptorProto`` field) and return it.

    ``fields`` are ``(name, number, type, repeated)``, a type being a scalar's proto name or
    a message's full name (``".tensorflow.Feature"``); with ``oneof`` every field is in that
    one oneof; ``nested`` are the arguments (a tuple or a dict) of nested messages."""
    from google.protobuf import descriptor_pb2

    f_ = descriptor_pb2.FieldDescriptorProto
    msg = parent.add(name=name)
    if map_entry:
        msg.options.map_entry = True
    if oneof:
        msg.oneof_decl.add(name=oneof)
    for fname, number, ftype, repeated in fields:
        field = msg.field.add(name=fname, number=number, json_name=_camel(fname))
        field.label = f_.LABEL_REPEATED if repeated else f_.LABEL_OPTIONAL
        if ftype in _SCALARS:
            field.type = getattr(f_, "TYPE_" + ftype.upper())
        else:
            field.type = f_.TYPE_MESSAGE
            field.type_name = ftype
        if oneof:
            field.oneof_index = 0
    for sub in nested:
        if isinstance(sub, dict):
            add_message(msg.nested_type, **sub)
        else:
            add_message(msg.nested_type, *sub)
    return msg


def _camel(name):
    """protoc's JSON name of a field: ``bytes_list`` is ``bytesList``."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)
