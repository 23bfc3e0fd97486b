"""``tf.io.parse_sequence_example`` / ``parse_single_sequence_example`` against real TF
(skipped without it) and known values."""

import numpy as np
import pytest

import torchkeras as tf
from torchkeras.framework.errors import InvalidArgumentError
from torchkeras.ops import io_protos

pytestmark = pytest.mark.skipif(not io_protos.AVAILABLE, reason="needs protobuf")


def _scope(t):
    """Serialized SequenceExamples and feature configs built with module ``t``."""

    def feature(kind, values):
        lists = {"i": t.train.Int64List, "f": t.train.FloatList, "b": t.train.BytesList}
        name = {"i": "int64_list", "f": "float_list", "b": "bytes_list"}[kind]
        return t.train.Feature(**{name: lists[kind](value=list(values))})

    def example(context, lists):
        return t.train.SequenceExample(
            context=t.train.Features(feature=context),
            feature_lists=t.train.FeatureLists(
                feature_list={k: t.train.FeatureList(feature=v) for k, v in lists.items()}
            ),
        ).SerializeToString()

    s1 = example(
        {"len": feature("i", [3]), "name": feature("b", [b"ab"])},
        {
            "tok": [feature("i", [1, 2]), feature("i", [3, 4]), feature("i", [5, 6])],
            "w": [feature("f", [1.5]), feature("f", []), feature("f", [2.5, 3.5])],
            "s": [feature("b", [b"x"]), feature("b", [b"y", b"z"])],
        },
    )
    s2 = example(
        {"len": feature("i", [1])}, {"tok": [feature("i", [7, 8])], "w": [feature("f", [9])]}
    )
    s3 = example(
        {"name": feature("b", [b"a", b"b"])}, {"tok": [feature("i", [1]), feature("f", [2])]}
    )
    io = t.io
    return {
        "tf": t,
        "s1": s1,
        "s2": s2,
        "s3": s3,
        "ctx": {
            "len": io.FixedLenFeature([], t.int64),
            "name": io.FixedLenFeature([], t.string, default_value="?"),
            "v": io.VarLenFeature(t.int64),
        },
        "seq": {
            "tok": io.FixedLenSequenceFeature([2], t.int64),
            "w": io.VarLenFeature(t.float32),
            "s": io.RaggedFeature(t.string),
            "m": io.FixedLenSequenceFeature([], t.float32, allow_missing=True),
        },
    }


CALLS = [
    "tf.io.parse_single_sequence_example(s1, ctx, seq)",
    "tf.io.parse_sequence_example([s1, s2], ctx, seq)",
    "tf.io.parse_sequence_example(s1, ctx, seq)",
    "tf.io.parse_single_sequence_example(s1, None, {'tok': seq['tok']})",
    "tf.io.parse_single_sequence_example(s1, {'len': ctx['len']})",
    "tf.io.parse_sequence_example([s1, s2], {'len': tf.io.RaggedFeature(tf.int64)},"
    " {'tok': tf.io.RaggedFeature(tf.int64)})",
    "tf.io.parse_sequence_example([s1, s2], None, {'tok': tf.io.RaggedFeature(tf.int64,"
    " partitions=[tf.io.RaggedFeature.UniformRowLength(2)])})",
    "tf.io.parse_sequence_example([s1, s2], None, {'tok': tf.io.VarLenFeature(tf.int64)})",
    "tf.io.parse_sequence_example([s1, s2], {'len': tf.io.VarLenFeature(tf.int64),"
    " 'name': tf.io.RaggedFeature(tf.string)})",
    "tf.io.parse_sequence_example([s1, s2], {'zz': tf.io.FixedLenFeature([2], tf.float32,"
    " default_value=[1.0, 2.0])}, {'tok': seq['tok']}, example_names=['a', 'b'])",
    "tf.io.parse_sequence_example([s1, s2], None, {'q': tf.io.FixedLenSequenceFeature([2],"
    " tf.int64, allow_missing=True)})",
    "tf.io.parse_single_sequence_example(s1, {'len': ctx['len']},"
    " {'len': tf.io.VarLenFeature(tf.int64)})",
    # errors
    "tf.io.parse_single_sequence_example(s1, None, {'q': seq['tok']})",
    "tf.io.parse_sequence_example([s1, s2], None, {'q': seq['tok']}, example_names=['n1', 'n2'])",
    "tf.io.parse_sequence_example([s1, s2], None,"
    " {'tok': tf.io.FixedLenSequenceFeature([3], tf.int64)})",
    "tf.io.parse_single_sequence_example(s1, None,"
    " {'tok': tf.io.FixedLenSequenceFeature([2], tf.float32)})",
    "tf.io.parse_sequence_example([s1, s3], None,"
    " {'tok': tf.io.FixedLenSequenceFeature([], tf.int64)}, example_names=['n1', 'n2'])",
    "tf.io.parse_sequence_example([s1, s2], None, {'tok': tf.io.VarLenFeature(tf.string)})",
    "tf.io.parse_single_sequence_example(s1, {'len': tf.io.FixedLenFeature([], tf.float32)})",
    "tf.io.parse_single_sequence_example(s1, {'zz': tf.io.FixedLenFeature([], tf.float32)})",
    "tf.io.parse_sequence_example([s1, s2], {'name': tf.io.FixedLenFeature([], tf.string)},"
    " example_names=['a', 'b'])",
    "tf.io.parse_sequence_example([s1, s3], {'name': tf.io.FixedLenFeature([], tf.string)})",
    "tf.io.parse_sequence_example([s1, s3], {'name': tf.io.FixedLenFeature([2], tf.string)})",
    "tf.io.parse_sequence_example([s1, s2], {'len': tf.io.FixedLenFeature([2], tf.int64)})",
    "tf.io.parse_sequence_example([s1, s2], None,"
    " {'s': tf.io.FixedLenSequenceFeature([], tf.string)})",
    "tf.io.parse_single_sequence_example(b'garbage\\xff', ctx)",
    "tf.io.parse_single_sequence_example(s1)",
    "tf.io.parse_sequence_example([s1, s2])",
    "tf.io.parse_single_sequence_example([s1], ctx)",
    "tf.io.parse_single_sequence_example(s1, None, {'tok': tf.io.FixedLenFeature([2], tf.int64)})",
    "tf.io.parse_single_sequence_example(s1, {'tok': tf.io.FixedLenSequenceFeature([2],"
    " tf.int64, allow_missing=True)})",
    "tf.io.parse_sequence_example([s1, s2], None, {'tok': tf.io.FixedLenSequenceFeature([2],"
    " tf.int64, default_value=[1, 1])})",
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
    context, lists, lengths = tf.io.parse_sequence_example(
        [scope["s1"], scope["s2"]], scope["ctx"], scope["seq"]
    )
    assert list(context) == ["v", "len", "name"]
    assert list(lists) == ["w", "m", "tok", "s"]
    assert context["len"].numpy().tolist() == [3, 1]
    assert context["name"].numpy().tolist() == [b"ab", b"?"]
    assert lists["tok"].numpy().tolist() == [[[1, 2], [3, 4], [5, 6]], [[7, 8], [0, 0], [0, 0]]]
    assert lists["w"].indices.numpy().tolist() == [[0, 0, 0], [0, 2, 0], [0, 2, 1], [1, 0, 0]]
    assert lists["w"].dense_shape.numpy().tolist() == [2, 3, 2]
    np.testing.assert_allclose(lists["w"].values.numpy(), [1.5, 2.5, 3.5, 9.0])
    assert lists["s"].to_list() == [[[b"x"], [b"y", b"z"]], []]
    assert lists["m"].shape == (2, 0)
    assert lengths["tok"].numpy().tolist() == [3, 1]
    assert lengths["m"].numpy().tolist() == [0, 0]
    context, lists = tf.io.parse_single_sequence_example(scope["s1"], None, scope["seq"])
    assert context == {} and lists["tok"].shape == (3, 2)
    assert lists["w"].dense_shape.numpy().tolist() == [3, 2]


def test_errors():
    scope = _scope(tf)
    required = tf.io.FixedLenSequenceFeature([2], tf.int64)
    with pytest.raises(InvalidArgumentError, match="Feature list 'q' is required"):
        tf.io.parse_sequence_example([scope["s1"]], None, {"q": required})
    wrong = tf.io.FixedLenSequenceFeature([3], tf.int64)
    with pytest.raises(InvalidArgumentError, match="values size: 2 but output shape: \\[3\\]"):
        tf.io.parse_single_sequence_example(scope["s1"], None, {"tok": wrong})
    with pytest.raises(ValueError, match="must be None"):
        tf.io.parse_sequence_example(
            [scope["s1"]], None, {"t": tf.io.FixedLenSequenceFeature([], tf.int64, True, 1)}
        )
