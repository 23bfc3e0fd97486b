"""TensorFlow's checkpoint protobuf messages, built at run time from descriptors.

The messages of ``tensor_bundle.proto`` (``BundleHeaderProto``,
``BundleEntryProto``), ``trackable_object_graph.proto``
(``TrackableObjectGraph``) and ``checkpoint_state.proto`` (``CheckpointState``),
with TF's package, names and field numbers, so the bytes are TF's.  They live in
their own descriptor pool, so TensorFlow can be imported in the same process.
``DataType`` enums are declared as ``int32`` fields (the same varint on the
wire).  Needs the ``protobuf`` package (the ``torchkeras-tf[checkpoint]`` extra).
"""

from __future__ import annotations

from ..framework import proto_builder

__all__ = [
    "BundleHeaderProto",
    "BundleEntryProto",
    "TrackableObjectGraph",
    "CheckpointState",
    "text_format",
    "DecodeError",
    "require",
]

_EXTRA = (
    "TensorFlow checkpoints need the 'protobuf' and 'crc32c' packages: "
    "pip install 'torchkeras-tf[checkpoint]'"
)


def require():
    """Import ``protobuf`` and ``crc32c``, raising an ImportError naming the extra if missing."""
    proto_builder.require(_EXTRA)


require()

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory  # noqa: E402
from google.protobuf import text_format, wrappers_pb2  # noqa: E402
from google.protobuf.message import DecodeError  # noqa: E402

_message = proto_builder.add_message


def _file():
    f = descriptor_pb2.FileDescriptorProto(
        name="torchkeras/checkpoint.proto", package="tensorflow", syntax="proto3"
    )
    f.dependency.append("google/protobuf/wrappers.proto")
    m = f.message_type
    _message(
        m,
        "VersionDef",
        [
            ("producer", 1, "int32", False),
            ("min_consumer", 2, "int32", False),
            ("bad_consumers", 3, "int32", True),
        ],
    )
    _message(m, *proto_builder.TENSOR_SHAPE_PROTO)
    _message(
        m,
        "TensorSliceProto",
        [("extent", 1, ".tensorflow.TensorSliceProto.Extent", True)],
        [("Extent", [("start", 1, "int64", False), ("length", 2, "int64", False)])],
    )
    _message(
        m,
        "BundleHeaderProto",
        [
            ("num_shards", 1, "int32", False),
            ("endianness", 2, "int32", False),
            ("version", 3, ".tensorflow.VersionDef", False),
        ],
    )
    _message(
        m,
        "BundleEntryProto",
        [
            ("dtype", 1, "int32", False),
            ("shape", 2, ".tensorflow.TensorShapeProto", False),
            ("shard_id", 3, "int32", False),
            ("offset", 4, "int64", False),
            ("size", 5, "int64", False),
            ("crc32c", 6, "fixed32", False),
            ("slices", 7, ".tensorflow.TensorSliceProto", True),
        ],
    )
    _message(
        m, "RegisteredSaver", [("name", 1, "string", False), ("object_name", 2, "string", False)]
    )
    obj = ".tensorflow.TrackableObjectGraph.TrackableObject."
    _message(
        m,
        "TrackableObjectGraph",
        [("nodes", 1, ".tensorflow.TrackableObjectGraph.TrackableObject", True)],
        [
            (
                "TrackableObject",
                [
                    ("children", 1, obj + "ObjectReference", True),
                    ("attributes", 2, obj + "SerializedTensor", True),
                    ("slot_variables", 3, obj + "SlotVariableReference", True),
                    ("registered_saver", 4, ".tensorflow.RegisteredSaver", False),
                    ("has_checkpoint_values", 5, ".google.protobuf.BoolValue", False),
                ],
                [
                    (
                        "ObjectReference",
                        [("node_id", 1, "int32", False), ("local_name", 2, "string", False)],
                    ),
                    (
                        "SerializedTensor",
                        [
                            ("name", 1, "string", False),
                            ("full_name", 2, "string", False),
                            ("checkpoint_key", 3, "string", False),
                        ],
                    ),
                    (
                        "SlotVariableReference",
                        [
                            ("original_variable_node_id", 1, "int32", False),
                            ("slot_name", 2, "string", False),
                            ("slot_variable_node_id", 3, "int32", False),
                        ],
                    ),
                ],
            )
        ],
    )
    _message(
        m,
        "CheckpointState",
        [
            ("model_checkpoint_path", 1, "string", False),
            ("all_model_checkpoint_paths", 2, "string", True),
            ("all_model_checkpoint_timestamps", 3, "double", True),
            ("last_preserved_timestamp", 4, "double", False),
        ],
    )
    return f


_POOL = descriptor_pool.DescriptorPool()
_POOL.Add(descriptor_pb2.FileDescriptorProto.FromString(wrappers_pb2.DESCRIPTOR.serialized_pb))
_POOL.Add(_file())


def _cls(name):
    return message_factory.GetMessageClass(_POOL.FindMessageTypeByName("tensorflow." + name))


BundleHeaderProto = _cls("BundleHeaderProto")
BundleEntryProto = _cls("BundleEntryProto")
TrackableObjectGraph = _cls("TrackableObjectGraph")
CheckpointState = _cls("CheckpointState")
