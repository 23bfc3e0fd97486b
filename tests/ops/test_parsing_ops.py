"""tf.io.parse_example / parse_single_example and the feature configurations."""

import numpy as np
import pytest

import torchkeras as tf


def _feature(t, values):
    if values is None:
        return t.train.Feature()
    if values and isinstance(values[0], bytes):
        return t.train.Feature(bytes_list=t.train.BytesList(value=values))
    if values and isinstance(values[0], float):
        return t.train.Feature(float_list=t.train.FloatList(value=values))
    return t.train.Feature(int64_list=t.train.Int64List(value=values))


def _serialized(t, **features):
    example = t.train.Example(
        features=t.train.Features(feature={k: _feature(t, v) for k, v in features.items()})
    )
    return example.SerializeToString()


def _value(value):
    """A parse result as plain Python (SparseTensor and RaggedTensor by their parts)."""
    if isinstance(value, dict):
        return [(key, _value(v)) for key, v in value.items()]
    if hasattr(value, "dense_shape"):
        return ("sparse", _value(value.indices), _value(value.values), _value(value.dense_shape))
    if hasattr(value, "to_list"):
        return ("ragged", value.dtype.name, value.to_list())
    return (value.dtype.name, np.asarray(value.numpy()).tolist())


def _outcome(fn):
    try:
        return "OK", _value(fn())
    except Exception as exc:  # noqa: BLE001 - the class and text are what is compared
        return type(exc).__name__, str(exc)


def test_parse_single_example_known_values():
    data = _serialized(tf, a=[1, 2], b=[1.5], c=[b"x", b"yy"])
    out = tf.io.parse_single_example(
        data,
        {
            "a": tf.io.FixedLenFeature([2], tf.int64),
            "b": tf.io.FixedLenFeature([], tf.float32),
            "c": tf.io.VarLenFeature(tf.string),
            "d": tf.io.FixedLenFeature([2], tf.float32, default_value=[7, 8]),
        },
    )
    assert list(out) == ["c", "a", "b", "d"]
    assert out["a"].dtype == tf.int64 and out["a"].numpy().tolist() == [1, 2]
    assert out["b"].shape == () and out["b"].numpy() == 1.5
    assert out["c"].indices.numpy().tolist() == [[0], [1]]
    assert out["c"].values.numpy().tolist() == [b"x", b"yy"]
    assert out["c"].dense_shape.numpy().tolist() == [2]
    assert out["d"].numpy().tolist() == [7.0, 8.0]


def test_parse_example_batches_and_pads():
    batch = [_serialized(tf, a=[1, 2, 3, 4], r=[1]), _serialized(tf, a=[5, 6], r=[2, 3])]
    out = tf.io.parse_example(
        batch,
        {
            "a": tf.io.FixedLenSequenceFeature([2], tf.int64, allow_missing=True),
            "r": tf.io.RaggedFeature(tf.int64),
            "v": tf.io.VarLenFeature(tf.float32),
        },
    )
    assert out["a"].numpy().tolist() == [[[1, 2], [3, 4]], [[5, 6], [0, 0]]]
    assert out["r"].to_list() == [[1], [2, 3]]
    assert out["r"].row_splits.dtype == tf.int32
    assert out["v"].dense_shape.numpy().tolist() == [2, 0]


def test_parse_errors():
    data = _serialized(tf, a=[1, 2])
    with pytest.raises(tf.errors.InvalidArgumentError, match="Feature: d .* is required"):
        tf.io.parse_single_example(data, {"d": tf.io.FixedLenFeature([], tf.float32)})
    with pytest.raises(tf.errors.InvalidArgumentError, match="Data types don't match"):
        tf.io.parse_example([data], {"a": tf.io.FixedLenFeature([2], tf.float32)})
    with pytest.raises(ValueError, match="features cannot be empty"):
        tf.io.parse_single_example(data, {})
    with pytest.raises(ValueError, match="Input serialized must be a scalar"):
        tf.io.parse_single_example([data], {"a": tf.io.VarLenFeature(tf.int64)})
    with pytest.raises(ValueError, match="must be int64, float32, or bytes"):
        tf.io.RaggedFeature(tf.int32)


F = "tf.io.FixedLenFeature"
CASES = {
    "fixed_and_var": ("single", {"a": ("F", [2], "int64"), "c": ("V", "string")}),
    "batch_defaults": ("batch", {"a": ("F", [2], "int64"), "d": ("F", [], "float32", 7)}),
    "missing": ("batch", {"d": ("F", [], "float32")}),
    "missing_single": ("single", {"d": ("F", [], "float32")}),
    "count_single": ("single", {"a": ("F", [3], "int64")}),
    "count_batch": ("batch", {"a": ("F", [3], "int64")}),
    "count_bytes": ("batch", {"c": ("F", [1], "string")}),
    "count_bytes_single": ("single", {"c": ("F", [1], "string")}),
    "type_fixed": ("batch", {"a": ("F", [2], "float32")}),
    "type_var": ("single", {"a": ("V", "float32")}),
    "type_var_batch": ("batch", {"c": ("V", "int64")}),
    "bad_dtype": ("single", {"a": ("F", [2], "int32")}),
    "bad_sparse_dtype": ("batch", {"a": ("V", "float64"), "b": ("F", [1], "int64")}),
    "sequence": ("batch", {"c": ("S", [], "string"), "q": ("S", [], "int64", 9)}),
    "sequence_stride": ("batch", {"a": ("S", [3], "int64")}),
    "sequence_stride_single": ("single", {"a": ("S", [3], "int64")}),
    "ragged": ("batch", {"a": ("R", "int64"), "c": ("R", "string")}),
    "ragged_single": ("single", {"a": ("R", "int64"), "zz": ("R", "float32")}),
    "ragged_type": ("batch", {"a": ("R", "float32")}),
    "default_reshape": ("single", {"z": ("F", [2], "int64", [1, 2, 3])}),
    "empty_feature": ("single", {"e": ("F", [], "int64", 3), "f": ("V", "string")}),
    "unknown_dim": ("single", {"a": ("F", [None], "int64")}),
}


def _features(t, spec):
    out = {}
    for key, (kind, *args) in spec.items():
        if kind == "F":
            shape, dtype, *default = args
            out[key] = t.io.FixedLenFeature(shape, getattr(t, dtype), *default)
        elif kind == "V":
            out[key] = t.io.VarLenFeature(getattr(t, args[0]))
        elif kind == "S":
            shape, dtype, *default = args
            out[key] = t.io.FixedLenSequenceFeature(
                shape, getattr(t, dtype), allow_missing=True, default_value=(default or [None])[0]
            )
        else:
            out[key] = t.io.RaggedFeature(getattr(t, args[0]))
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_parsing_matches_tensorflow(case):
    tf_real = pytest.importorskip("tensorflow")
    mode, spec = CASES[case]

    def run(t):
        first = _serialized(t, a=[1, 2], b=[1.5, 2.5], c=[b"x", b"yy"], e=[], f=None)
        second = _serialized(t, a=[3, 4], b=[2.5], c=[b"z"])
        features = _features(t, spec)
        if mode == "single":
            return t.io.parse_single_example(first, features)
        return t.io.parse_example([first, second], features, example_names=None)

    assert _outcome(lambda: run(tf)) == _outcome(lambda: run(tf_real))


def test_ragged_partitions_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")

    def run(t, batched, partition):
        data = _serialized(t, v=[1, 2, 3, 4, 5, 6], l=[2, 4], s=[0, 1, 6], i=[0, 0, 1, 1, 1, 2])
        part = {
            "lengths": t.io.RaggedFeature.RowLengths("l"),
            "splits": t.io.RaggedFeature.RowSplits("s"),
            "rowids": t.io.RaggedFeature.ValueRowIds("i"),
            "uniform": t.io.RaggedFeature.UniformRowLength(3),
        }[partition]
        feature = t.io.RaggedFeature(t.int64, value_key="v", partitions=[part])
        if batched:
            return t.io.parse_example([data, data], {"r": feature})
        return t.io.parse_single_example(data, {"r": feature})

    for partition in ("lengths", "splits", "rowids", "uniform"):
        for batched in (False, True):
            ours = _outcome(lambda: run(tf, batched, partition))  # noqa: B023
            real = _outcome(lambda: run(tf_real, batched, partition))  # noqa: B023
            assert ours == real, (partition, batched)
