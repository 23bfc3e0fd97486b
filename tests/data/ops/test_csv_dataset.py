"""tf.data.experimental.CsvDataset: TF's CSV reader, its types, defaults and errors."""

import numpy as np
import pytest

import torchkeras as tf

CSV = b'a,b,c\n1,2.5,x\n3,,"y,z"\n5,6.5,\n'


def _elements(ds):
    return [tuple(np.asarray(v).item() for v in e) for e in ds.as_numpy_iterator()]


def _outcome(fn):
    try:
        ds = fn()
        return "OK", repr(ds), _elements(ds)
    except Exception as exc:  # noqa: BLE001 - the class and text are what is compared
        # TF names whichever of its two empty list attrs its attr map yields first (it varies
        # from process to process)
        text = str(exc).replace("attr 'output_shapes' of 0", "attr 'output_types' of 0")
        return type(exc).__name__, text


def test_types_defaults_and_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(CSV)
    ds = tf.data.experimental.CsvDataset(str(path), [0, 0.0, "d"], header=True)
    assert repr(ds).startswith("<CsvDatasetV2 element_spec=(TensorSpec(shape=(), dtype=tf.int32")
    assert _elements(ds) == [(1, 2.5, b"x"), (3, 0.0, b"y,z"), (5, 6.5, b"d")]
    picked = tf.data.experimental.CsvDataset(
        str(path), [tf.int64, "q"], header=True, select_cols=[0, 2]
    )
    assert _elements(picked) == [(1, b"x"), (3, b"y,z"), (5, b"q")]
    assert [e[0].dtype for e in picked] == [tf.int64] * 3
    na = tf.data.experimental.CsvDataset(str(path), [0, 0.0, "d"], header=True, na_value="3")
    assert _elements(na)[1][0] == 0
    with pytest.raises(tf.errors.InvalidArgumentError, match="Field 1 is required but missing"):
        list(tf.data.experimental.CsvDataset(str(path), [0, tf.float32, ""], header=True))
    with pytest.raises(tf.errors.InvalidArgumentError, match="not a valid int32: a"):
        list(tf.data.experimental.CsvDataset(str(path), [0, 0.0, ""]))
    with pytest.raises(tf.errors.InvalidArgumentError, match="select_cols should match output"):
        tf.data.experimental.CsvDataset(str(path), [0, 0.0, ""], select_cols=[0, 1])


CASES = {
    "typed": lambda t, p: t.data.experimental.CsvDataset(p, [0, 0.0, "d"], header=True),
    "strings": lambda t, p: t.data.experimental.CsvDataset(p, ["", "", ""]),
    "required": lambda t, p: t.data.experimental.CsvDataset(p, [t.int32, t.float32, t.string]),
    "int64_float64": lambda t, p: t.data.experimental.CsvDataset(
        p, [t.int64, t.float64, ""], header=True, na_value=""
    ),
    "no_quotes": lambda t, p: t.data.experimental.CsvDataset(
        p, [0, 0.0, "d"], header=True, use_quote_delim=False
    ),
    "delim": lambda t, p: t.data.experimental.CsvDataset(p, [0, 0.0, ""], field_delim=";"),
    "too_few": lambda t, p: t.data.experimental.CsvDataset(p, ["", "", "", ""], header=True),
    "too_many": lambda t, p: t.data.experimental.CsvDataset(p, ["", ""], header=True),
    "select": lambda t, p: t.data.experimental.CsvDataset(
        p, [0.0, ""], header=True, select_cols=[0, 2], buffer_size=3
    ),
    "select_missing": lambda t, p: t.data.experimental.CsvDataset(
        p, ["", ""], header=True, select_cols=[0, 5]
    ),
    "exclude": lambda t, p: t.data.experimental.CsvDataset(
        p, ["", ""], header=True, exclude_cols=[1]
    ),
    "select_unsorted": lambda t, p: t.data.experimental.CsvDataset(
        p, [0, 0.0, ""], select_cols=[2, 0, 1]
    ),
    "select_negative": lambda t, p: t.data.experimental.CsvDataset(
        p, [0, 0.0, ""], select_cols=[-1, 0, 1]
    ),
    "select_and_exclude": lambda t, p: t.data.experimental.CsvDataset(
        p, ["", ""], select_cols=[0, 2], exclude_cols=[1]
    ),
    "two_defaults": lambda t, p: t.data.experimental.CsvDataset(p, [t.constant([1, 2])]),
    "bad_type": lambda t, p: t.data.experimental.CsvDataset(p, [t.constant(True)]),
    "no_columns": lambda t, p: t.data.experimental.CsvDataset(p, []),
    "long_delim": lambda t, p: t.data.experimental.CsvDataset(p, [0], field_delim=",,"),
    "two_files": lambda t, p: t.data.experimental.CsvDataset([p, p], [0, 0.0, ""], header=True),
}

TRICKY = b'a,b\n1e3,2\n 4 ,"q""r"\n"m\nn",5\r\n7,8\n\n'


@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_tensorflow(tmp_path, case):
    tf_real = pytest.importorskip("tensorflow")
    path = tmp_path / "t.csv"
    path.write_bytes(CSV)
    ours = _outcome(lambda: CASES[case](tf, str(path)))
    real = _outcome(lambda: CASES[case](tf_real, str(path)))
    assert ours == real


@pytest.mark.parametrize(
    "defaults, content",
    [
        (["", ""], TRICKY),
        ([0.0, ""], TRICKY),
        ([0.0, 0], TRICKY),
        ([0, 0], TRICKY),
        ([0, ""], b'1,"ab"c\n'),
        ([0, ""], b'1,"ab\n'),
        ([0, ""], b'1,a"b\n'),
        ([0, 0], b"1,99999999999\n"),
        (["int64", "float64"], b"-7,nan\n+3,1e-50\n"),
        ([0, 0], b""),
        ([0.0, "float64"], b"1e40,1e400\n0x10, -1e40 \n"),
    ],
)
def test_parsing_matches_tensorflow(tmp_path, defaults, content):
    tf_real = pytest.importorskip("tensorflow")
    path = tmp_path / "t.csv"
    path.write_bytes(content)

    def make(t):
        record_defaults = [getattr(t, d) if d in ("int64", "float64") else d for d in defaults]
        return t.data.experimental.CsvDataset(str(path), record_defaults, header=not content)

    ours, real = _outcome(lambda: make(tf)), _outcome(lambda: make(tf_real))
    assert ours[:-1] == real[:-1]
    np.testing.assert_equal(ours[-1], real[-1])  # NaN equals NaN here
