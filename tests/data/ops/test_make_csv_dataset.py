"""tf.data.experimental.make_csv_dataset: inferred columns, OrderedDict batches, labels."""

import collections

import numpy as np
import pytest

import torchkeras as tf

CSV = b'a,b,c,lab\n1,2.5,x,0\n3,,"y,z",1\n5,6.5,,0\n70000000000,1,w,1\n'


def _batches(ds):
    def plain(value):
        if isinstance(value, dict):
            return [(k, plain(v)) for k, v in value.items()]
        if isinstance(value, tuple):
            return tuple(plain(v) for v in value)
        return (str(value.dtype), np.asarray(value).tolist())

    return [plain(batch) for batch in ds.as_numpy_iterator()]


def test_columns_types_and_labels(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes(CSV)
    make = tf.data.experimental.make_csv_dataset
    ds = make(str(path), batch_size=3, label_name="lab", shuffle=False, num_epochs=1)
    features, label = ds.element_spec
    assert isinstance(features, collections.OrderedDict) and list(features) == ["a", "b", "c"]
    assert [s.dtype for s in features.values()] == [tf.int64, tf.float32, tf.string]
    assert features["a"].shape.as_list() == [None] and label.dtype == tf.int32
    first, second = list(ds)
    assert first[0]["a"].numpy().tolist() == [1, 3, 5]
    assert first[0]["b"].numpy().tolist() == [2.5, 0.0, 6.5]
    assert first[1].numpy().tolist() == [0, 1, 0]
    assert second[0]["c"].numpy().tolist() == [b"w"]
    forever = make(str(path), batch_size=3, shuffle=False, select_columns=["a"])
    assert forever.element_spec["a"].shape.as_list() == [3]
    batches = [b["a"].numpy().tolist() for b in forever.take(2)]
    assert batches == [[1, 3, 5], [70000000000, 1, 3]]
    with pytest.raises(ValueError, match="`label_name` provided must be one of the columns"):
        make(str(path), batch_size=2, label_name="zz")
    with pytest.raises(ValueError, match="No files match `file_pattern`"):
        make(str(tmp_path / "nope*.csv"), batch_size=2)


CASES = {
    "plain": dict(batch_size=2, num_epochs=1),
    "label": dict(batch_size=3, num_epochs=1, label_name="lab"),
    "select": dict(batch_size=2, num_epochs=2, select_columns=["a", "lab"], label_name="lab"),
    "given": dict(
        batch_size=4,
        num_epochs=1,
        column_names=["p", "q", "r", "s"],
        select_columns=[0, 2, 3],
        column_defaults=["int64", "", 0],
    ),
    "na_value": dict(batch_size=3, num_epochs=1, na_value="5"),
    "two_readers": dict(batch_size=3, num_epochs=1, select_columns=["c"], num_parallel_reads=2),
    "forever": dict(batch_size=3, select_columns=["a", "b"]),
    "duplicates": dict(batch_size=2, select_columns=["a", "a"]),
    "bad_index": dict(batch_size=2, select_columns=[9]),
    "no_names": dict(batch_size=2, header=False),
    "duplicate_names": dict(batch_size=2, column_names=["a", "a", "b", "c"]),
    "inference_mismatch": dict(batch_size=2, column_names=["a"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_tensorflow(tmp_path, case):
    tf_real = pytest.importorskip("tensorflow")
    path = tmp_path / "m.csv"
    path.write_bytes(CSV)
    files = [str(path), str(path)] if case == "two_readers" else str(path)

    def run(t):
        kwargs = dict(CASES[case])
        if "column_defaults" in kwargs:
            kwargs["column_defaults"] = [
                t.int64 if d == "int64" else d for d in kwargs["column_defaults"]
            ]
        try:
            ds = t.data.experimental.make_csv_dataset(files, shuffle=False, **kwargs)
            if kwargs.get("num_epochs", None) is None:
                ds = ds.take(3)
            return repr(ds.element_spec), _batches(ds)
        except Exception as exc:  # noqa: BLE001 - the class and text are what is compared
            return type(exc).__name__, str(exc)

    assert run(tf) == run(tf_real)
