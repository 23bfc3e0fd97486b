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
from ..framework import proto_builder

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
__all__ = [*_NAMES, "require", "AVAILABLE"]

_EXTRA = (
    "tf.train.Example, TFRecord files and tf.io's serialized tensors need the 'protobuf' and "
    "'crc32c' packages: pip install 'torchkeras-tf[checkpoint]'"
)


def require():
    """Import ``protobuf`` and ``crc32c``, raising an ImportError naming the extra if missing."""
    proto_builder.require(_EXTRA)


try:
    require()
    AVAILABLE = True
except ImportError:
    AVAILABLE = False


def _build_pool():
    from google.protobuf import descriptor_pb2, descriptor_pool

    message = proto_builder.add_message

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
    message(m, *proto_builder.TENSOR_SHAPE_PROTO)
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


def _missing(name):
    """A stand-in for message ``name`` when protobuf is not installed."""

    class Missing:
        """Needs the protobuf package."""

        def __init__(self, *args, **kwargs):
            require()

    Missing.__name__ = Missing.__qualname__ = name
    return Missing


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
