"""The checkpoint messages carry TF's field numbers; a missing dependency names the extra."""

import sys

import pytest

pytest.importorskip("google.protobuf")
pytest.importorskip("crc32c")

from torchkeras.checkpoint import protos  # noqa: E402


def test_wire_bytes_match_tensorflow_field_numbers():
    entry = protos.BundleEntryProto(dtype=1, shard_id=0, offset=4, size=8, crc32c=5)
    entry.shape.dim.add(size=2)
    assert (
        entry.SerializeToString() == b"\x08\x01\x12\x04\x12\x02\x08\x02\x20\x04\x28\x08"
        b"\x35\x05\x00\x00\x00"
    )
    graph = protos.TrackableObjectGraph()
    node = graph.nodes.add()
    node.children.add(node_id=1, local_name="v")
    node.has_checkpoint_values.value = True
    assert graph.SerializeToString() == b"\x0a\x0b\x0a\x05\x08\x01\x12\x01v\x2a\x02\x08\x01"


def test_checkpoint_state_text():
    state = protos.CheckpointState(model_checkpoint_path="ckpt-2")
    state.all_model_checkpoint_paths.extend(["ckpt-1", "ckpt-2"])
    assert protos.text_format.MessageToString(state) == (
        'model_checkpoint_path: "ckpt-2"\nall_model_checkpoint_paths: "ckpt-1"\n'
        'all_model_checkpoint_paths: "ckpt-2"\n'
    )


def test_missing_dependency_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "crc32c", None)
    with pytest.raises(ImportError, match=r"torchkeras-tf\[checkpoint\]"):
        protos.require()
