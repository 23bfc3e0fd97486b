"""tf.train.Example and friends: TF's messages, bytes and text."""

import os
import subprocess
import sys

import pytest

import torchkeras as tf

# Real TF's serialization of EXAMPLE below (deterministic map order).
EXAMPLE_BYTES = (
    b"\n6\n\x15\n\x01a\x12\x10\x1a\x0e\n\x0c\x01\xfe\xff\xff\xff\xff\xff\xff\xff\xff\x01\x03"
    b"\n\r\n\x01b\x12\x08\x12\x06\n\x04\x00\x00\xc0?\n\x0e\n\x01c\x12\t\n\x07\n\x01x\n\x02yz"
)


def _example(t):
    return t.train.Example(
        features=t.train.Features(
            feature={
                "a": t.train.Feature(int64_list=t.train.Int64List(value=[1, -2, 3])),
                "b": t.train.Feature(float_list=t.train.FloatList(value=[1.5])),
                "c": t.train.Feature(bytes_list=t.train.BytesList(value=[b"x", b"yz"])),
            }
        )
    )


def test_example_bytes_and_parse_back():
    example = _example(tf)
    assert example.SerializeToString(deterministic=True) == EXAMPLE_BYTES
    back = tf.train.Example.FromString(EXAMPLE_BYTES)
    assert list(back.features.feature["a"].int64_list.value) == [1, -2, 3]
    assert back.features.feature["c"].WhichOneof("kind") == "bytes_list"
    assert type(back).DESCRIPTOR.full_name == "tensorflow.Example"
    sequence = tf.train.SequenceExample(
        context=example.features,
        feature_lists=tf.train.FeatureLists(
            feature_list={"s": tf.train.FeatureList(feature=[example.features.feature["b"]])}
        ),
    )
    again = tf.train.SequenceExample.FromString(sequence.SerializeToString())
    assert again.feature_lists.feature_list["s"].feature[0].float_list.value[0] == 1.5


def test_messages_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours, real = _example(tf), _example(tf_real)
    assert ours.SerializeToString(deterministic=True) == real.SerializeToString(deterministic=True)
    assert str(ours) == str(real)
    assert tf_real.train.Example.FromString(EXAMPLE_BYTES) == real


_WITHOUT_EXTRA = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("google.protobuf") or name == "crc32c":
            raise ImportError("blocked " + name)
sys.meta_path.insert(0, Block())
import torchkeras as tf
assert tf.io.gfile.exists(".")
for make in (tf.train.Example, lambda: tf.io.TFRecordWriter("unused")):
    try:
        make()
    except ImportError as exc:
        assert "pip install 'torchkeras-tf[checkpoint]'" in str(exc), exc
    else:
        raise AssertionError("no ImportError")
print("ok")
"""


def test_without_protobuf_the_classes_name_the_extra(tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_EXTRA],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=root),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout.strip().endswith("ok"), result.stderr
