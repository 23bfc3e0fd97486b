"""TF's ``tf.train.Example`` family and ``TensorProto``, built at run time from descriptors.

The messages of ``feature.proto`` / ``example.proto`` (``BytesList``, ``FloatList``,
``Int64List``, ``Feature``, ``Features``, ``FeatureList``, ``FeatureLists``, ``Example``,
``SequenceExample``) and ``tensor.proto`` (``TensorProto``, ``TensorShapeProto``), with TF's
package, names and field numbers, so their bytes are TF's.  They live in their own
descriptor pool, so TensorFlow can be imported in the same process.  ``DataType`` is
declared as ``int32`` (the same varint on the wire).  Needs the ``protobuf`` package (the
``torchkeras-tf[checkpoint]`` extra); without it the ``tf.train`` classes raise that
``ImportError`` when used.
"""

from __future__ import annotations

from ..api_export import tf_export

__all__ = [
    "BytesList",
    "FloatList",
    "Int64List",
    "Feature",
    "Features",
    "FeatureList",
    "FeatureLists",
    "Example",
    "SequenceExample",
    "TensorProto",
    "TensorShapeProto",
    "require",
    "AVAILABLE",
]

_EXTRA = (
    "tf.train.Example, TFRecord files and tf.io's serialized tensors need the 'protobuf' and "
    "'crc32c' packages: pip install 'torchkeras-tf[checkpoint]'"
)


def require():
    """Import ``protobuf`` and ``crc32c``, raising an ImportError naming the extra if missing."""
    try:
        import crc32c  # noqa: F401
        from google.protobuf import descriptor_pb2  # noqa: F401
    except ImportError as exc:
        raise ImportError(_EXTRA + " (%s)" % exc) from exc


try:
    require()
    AVAILABLE = True
except ImportError:
    AVAILABLE = False


def _build_pool():
    from google.protobuf import descriptor_pb2, descriptor_pool

    f_ = descriptor_pb2.FieldDescriptorProto
    scalars = {
        "int32": f_.TYPE_INT32,
        "int64": f_.TYPE_INT64,
        "uint32": f_.TYPE_UINT32,
        "uint64": f_.TYPE_UINT64,
        "string": f_.TYPE_STRING,
        "bytes": f_.TYPE_BYTES,
        "bool": f_.TYPE_BOOL,
        "float": f_.TYPE_FLOAT,
        "double": f_.TYPE_DOUBLE,
    }

    def message(parent, name, fields, nested=(), oneof=None, map_entry=False):
        """``fields``: (name, number, type, repeated); a type not in ``scalars`` is a message."""
        msg = parent.add(name=name)
        if map_entry:
            msg.options.map_entry = True
        if oneof:
            msg.oneof_decl.add(name=oneof)
        for fname, number, ftype, repeated in fields:
            field = msg.field.add(name=fname, number=number, json_name=_camel(fname))
            field.label = f_.LABEL_REPEATED if repeated else f_.LABEL_OPTIONAL
            if ftype in scalars:
                field.type = scalars[ftype]
            else:
                field.type = f_.TYPE_MESSAGE
                field.type_name = ftype
            if oneof:
                field.oneof_index = 0
        for sub in nested:
            message(msg.nested_type, **sub)
        return msg

    def map_of(value_type):
        return {
            "name": None,
            "fields": [("key", 1, "string", False), ("value", 2, value_type, False)],
            "map_entry": True,
        }

    pool = descriptor_pool.DescriptorPool()
    feature = descriptor_pb2.FileDescriptorProto(
        name="tensorflow/core/example/feature.proto", package="tensorflow", syntax="proto3"
    )
    m = feature.message_type
    message(m, "BytesList", [("value", 1, "bytes", True)])
    message(m, "FloatList", [("value", 1, "float", True)])
    message(m, "Int64List", [("value", 1, "int64", True)])
    message(
        m,
        "Feature",
        [
            ("bytes_list", 1, ".tensorflow.BytesList", False),
            ("float_list", 2, ".tensorflow.FloatList", False),
            ("int64_list", 3, ".tensorflow.Int64List", False),
        ],
        oneof="kind",
    )
    entry = dict(map_of(".tensorflow.Feature"), name="FeatureEntry")
    message(m, "Features", [("feature", 1, ".tensorflow.Features.FeatureEntry", True)], [entry])
    message(m, "FeatureList", [("feature", 1, ".tensorflow.Feature", True)])
    entry = dict(map_of(".tensorflow.FeatureList"), name="FeatureListEntry")
    message(
        m,
        "FeatureLists",
        [("feature_list", 1, ".tensorflow.FeatureLists.FeatureListEntry", True)],
        [entry],
    )
    pool.Add(feature)

    example = descriptor_pb2.FileDescriptorProto(
        name="tensorflow/core/example/example.proto", package="tensorflow", syntax="proto3"
    )
    example.dependency.append(feature.name)
    m = example.message_type
    message(m, "Example", [("features", 1, ".tensorflow.Features", False)])
    message(
        m,
        "SequenceExample",
        [
            ("context", 1, ".tensorflow.Features", False),
            ("feature_lists", 2, ".tensorflow.FeatureLists", False),
        ],
    )
    pool.Add(example)

    tensor = descriptor_pb2.FileDescriptorProto(
        name="tensorflow/core/framework/tensor.proto", package="tensorflow", syntax="proto3"
    )
    m = tensor.message_type
    message(
        m,
        "TensorShapeProto",
        [("dim", 2, ".tensorflow.TensorShapeProto.Dim", True), ("unknown_rank", 3, "bool", False)],
        [{"name": "Dim", "fields": [("size", 1, "int64", False), ("name", 2, "string", False)]}],
    )
    message(
        m,
        "TensorProto",
        [
            ("dtype", 1, "int32", False),
            ("tensor_shape", 2, ".tensorflow.TensorShapeProto", False),
            ("version_number", 3, "int32", False),
            ("tensor_content", 4, "bytes", False),
            ("half_val", 13, "int32", True),
            ("float_val", 5, "float", True),
            ("double_val", 6, "double", True),
            ("int_val", 7, "int32", True),
            ("string_val", 8, "bytes", True),
            ("scomplex_val", 9, "float", True),
            ("int64_val", 10, "int64", True),
            ("bool_val", 11, "bool", True),
            ("dcomplex_val", 12, "double", True),
            ("uint32_val", 16, "uint32", True),
            ("uint64_val", 17, "uint64", True),
            ("float8_val", 18, "bytes", False),
        ],
    )
    pool.Add(tensor)
    return pool


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _missing(name):
    """A stand-in for message ``name`` when protobuf is not installed."""

    class Missing:
        """Needs the protobuf package."""

        def __init__(self, *args, **kwargs):
            require()

    Missing.__name__ = Missing.__qualname__ = name
    return Missing


_NAMES = (
    "BytesList",
    "FloatList",
    "Int64List",
    "Feature",
    "Features",
    "FeatureList",
    "FeatureLists",
    "Example",
    "SequenceExample",
    "TensorProto",
    "TensorShapeProto",
)

if AVAILABLE:
    from google.protobuf import message_factory

    _POOL = _build_pool()
    _CLASSES = {
        n: message_factory.GetMessageClass(_POOL.FindMessageTypeByName("tensorflow." + n))
        for n in _NAMES
    }
else:
    _CLASSES = {n: _missing(n) for n in _NAMES}

BytesList = tf_export("train.BytesList")(_CLASSES["BytesList"])
FloatList = tf_export("train.FloatList")(_CLASSES["FloatList"])
Int64List = tf_export("train.Int64List")(_CLASSES["Int64List"])
Feature = tf_export("train.Feature")(_CLASSES["Feature"])
Features = tf_export("train.Features")(_CLASSES["Features"])
FeatureList = tf_export("train.FeatureList")(_CLASSES["FeatureList"])
FeatureLists = tf_export("train.FeatureLists")(_CLASSES["FeatureLists"])
Example = tf_export("train.Example")(_CLASSES["Example"])
SequenceExample = tf_export("train.SequenceExample")(_CLASSES["SequenceExample"])
TensorProto = _CLASSES["TensorProto"]
TensorShapeProto = _CLASSES["TensorShapeProto"]
