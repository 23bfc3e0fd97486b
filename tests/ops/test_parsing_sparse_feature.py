"""``tf.io.SparseFeature`` in ``tf.io.parse_example`` against real TF (skipped without it)
and known values."""

import pytest

import torchkeras as tf
from torchkeras.ops import io_protos

pytestmark = pytest.mark.skipif(not io_protos.AVAILABLE, reason="needs protobuf")


def _scope(t):
    def ints(*v):
        return t.train.Feature(int64_list=t.train.Int64List(value=list(v)))

    def floats(*v):
        return t.train.Feature(float_list=t.train.FloatList(value=list(v)))

    def example(features):
        return t.train.Example(features=t.train.Features(feature=features)).SerializeToString()

    return {
        "tf": t,
        "SF": t.io.SparseFeature,
        "e1": example({"ix": ints(3, 0), "iy": ints(1, 2), "val": floats(0.5, 1.5), "n": ints(4)}),
        "e2": example({"ix": ints(5), "iy": ints(0), "val": floats(2.5), "n": ints(1)}),
    }


CALLS = [
    "tf.io.parse_example([e1, e2], {'sp': SF('ix', 'val', tf.float32, 10)})",
    "tf.io.parse_example([e1, e2], {'sp': SF('ix', 'val', tf.float32, 10, already_sorted=True),"
    " 'n': tf.io.FixedLenFeature([], tf.int64)})",
    "tf.io.parse_example([e1, e2], {'sp': SF(['ix', 'iy'], 'val', tf.float32, [10, 3]),"
    " 'ix': tf.io.VarLenFeature(tf.int64)})",
    "tf.io.parse_single_example(e1, {'sp': SF('ix', 'val', tf.float32, 4)})",
    "tf.io.parse_example([e1, e2], {'val': SF('ix', 'val', tf.float32, 10)})",
    "tf.io.parse_example([e1, e2], {'sp': SF('ix', 'val', tf.float32, 2)})",
    "tf.io.parse_example([e1], {'sp': SF('ix', 'val', tf.int64, 10)})",
    "tf.io.parse_example([e1], {'sp': SF('', 'val', tf.float32, 10)})",
    "tf.io.parse_example([e1], {'sp': SF('ix', '', tf.float32, 10)})",
    "tf.io.parse_example([e1], {'sp': SF('ix', 'val', None, 10)})",
    "tf.io.parse_example([e1], {'sp': SF('ix', 'val', tf.float32, [10, 3])})",
    "tf.io.parse_example([e1], {'sp': SF(['ix', 'iy'], 'val', tf.float32, 10)})",
    "tf.io.parse_example([e1], {'sp': SF(['ix', 'iy'], 'val', tf.float32, [10])})",
    "tf.io.parse_example([e1, e2], {'sp': SF('ix', 'val', tf.float32, 10),"
    " 'ix': tf.io.FixedLenFeature([], tf.int64)})",
    "repr(SF('ix', 'val', tf.float32, 10))",
]


def _outcome(module, expression):
    scope = _scope(module)
    try:
        return "ok", repr(eval(expression, scope))  # noqa: S307 - written here
    except Exception as error:  # noqa: BLE001 - comparing whatever each side raises
        return type(error).__name__, str(error)


@pytest.mark.parametrize("expression", CALLS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(tf, expression) == _outcome(tf_real, expression)


def test_known_values():
    scope = _scope(tf)
    feature = tf.io.SparseFeature(["ix", "iy"], "val", tf.float32, [10, 3])
    out = tf.io.parse_example([scope["e1"], scope["e2"]], {"sp": feature})
    assert list(out) == ["sp"]
    sp = out["sp"]
    assert sp.indices.numpy().tolist() == [[0, 0, 2], [0, 3, 1], [1, 5, 0]]
    assert sp.values.numpy().tolist() == [1.5, 0.5, 2.5]
    assert sp.dense_shape.numpy().tolist() == [2, 10, 3]
    single = tf.io.parse_single_example(
        scope["e1"], {"sp": tf.io.SparseFeature("ix", "val", tf.float32, 4)}
    )
    assert single["sp"].indices.numpy().tolist() == [[0], [3]]
    assert single["sp"].dense_shape.numpy().tolist() == [4]
