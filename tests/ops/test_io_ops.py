"""tf.io.read_file / write_file / decode_raw / serialize_tensor / parse_tensor."""

import numpy as np
import pytest

import torchkeras as tf


def _outcome(fn):
    try:
        value = fn()
    except Exception as exc:  # noqa: BLE001 - the class and text are what is compared
        return type(exc).__name__, str(exc)
    return "OK", (value.dtype.name, np.asarray(value.numpy()).tolist())


def test_read_write_file(tmp_path):
    path = str(tmp_path / "new" / "dir" / "f.bin")
    tf.io.write_file(path, b"a\x00b\x00")
    value = tf.io.read_file(path)
    assert value.dtype == tf.string and value.numpy() == b"a\x00b\x00"
    with pytest.raises(tf.errors.NotFoundError) as info:
        tf.io.read_file(str(tmp_path / "nope"))
    assert str(info.value).endswith("nope; No such file or directory [Op:ReadFile]")
    with pytest.raises(tf.errors.FailedPreconditionError, match="; Is a directory"):
        tf.io.read_file(str(tmp_path))
    with pytest.raises(tf.errors.InvalidArgumentError, match="Contents tensor must be scalar"):
        tf.io.write_file(path, ["a"])
    with pytest.raises(TypeError, match="Cannot convert 5 to EagerTensor of dtype string"):
        tf.io.read_file(5)


def test_decode_raw_known_values():
    value = tf.io.decode_raw([b"\x01\x00\x02\x00", b"\x03\x00\x04\x00"], tf.int16)
    assert value.dtype == tf.int16 and value.numpy().tolist() == [[1, 2], [3, 4]]
    big = tf.io.decode_raw(b"\x01\x00\x02\x00", tf.int16, little_endian=False)
    assert big.numpy().tolist() == [256, 512]
    padded = tf.io.decode_raw([b"\x01\x00\x02", b"\x03"], tf.uint8, fixed_length=2)
    assert padded.numpy().tolist() == [[1, 0], [3, 0]]
    floats = tf.io.decode_raw(b"\x00\x00\x80\x3f", tf.float32)
    assert floats.numpy().tolist() == [1.0]
    assert tf.io.decode_raw([b"", b""], tf.int32).shape == (2, 0)
    with pytest.raises(tf.errors.InvalidArgumentError, match="element 1 has size 4 != 2"):
        tf.io.decode_raw([b"\x01\x00\x02\x00", b"\x03\x00"], tf.int16)


def test_serialize_tensor_known_bytes_and_round_trip():
    data = tf.io.serialize_tensor(tf.constant([1.5, 2.0]))
    assert data.numpy() == b'\x08\x01\x12\x04\x12\x02\x08\x02"\x08\x00\x00\xc0?\x00\x00\x00@'
    assert tf.io.serialize_tensor(tf.constant(b"x")).numpy() == b"\x08\x07\x12\x00B\x01x"
    for value in (
        tf.constant([[1, 2], [3, 4]], tf.int64),
        tf.constant([b"ab", b""]),
        tf.constant([True, False]),
        tf.constant([1.0, -2.5], tf.bfloat16),
        tf.constant([1 + 2j], tf.complex64),
        tf.zeros([0, 3]),
    ):
        back = tf.io.parse_tensor(tf.io.serialize_tensor(value), value.dtype)
        assert back.dtype == value.dtype and back.shape == value.shape
        np.testing.assert_array_equal(back.numpy(), value.numpy())
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"parsed tensor \(float\)"):
        tf.io.parse_tensor(data, tf.int32)
    with pytest.raises(tf.errors.InvalidArgumentError, match="Cannot parse tensor from proto"):
        tf.io.parse_tensor(b"", tf.float32)


CASES = {
    "decode_int16": lambda t: t.io.decode_raw(t.constant([b"\x01\x00\x02\x00"]), t.int16),
    "decode_tensor_error": lambda t: t.io.decode_raw(t.constant(b"\x01\x00\x02"), t.int16),
    "parse_tensor_mismatch": lambda t: t.io.parse_tensor(t.io.serialize_tensor(1.5), t.int32),
    "decode_be_float": lambda t: t.io.decode_raw(b"\x3f\x80\x00\x00", t.float32, False),
    "decode_be_complex": lambda t: t.io.decode_raw(
        b"\x01\x02\x03\x04\x05\x06\x07\x08", t.complex64, False
    ),
    "decode_bool": lambda t: t.io.decode_raw(b"\x00\x02\x03", t.bool),
    "decode_padded": lambda t: t.io.decode_raw([[b"\x01\x02"], [b"\x03"]], t.uint8, fixed_length=3),
    "decode_odd": lambda t: t.io.decode_raw(b"\x01\x00\x02", t.int16),
    "decode_uneven": lambda t: t.io.decode_raw([b"\x01\x00", b"\x03\x00\x04\x00"], t.int16),
    "decode_bad_type": lambda t: t.io.decode_raw([b"ab"], t.string),
    "decode_padded_bad_type": lambda t: t.io.decode_raw([b"ab"], t.complex64, fixed_length=8),
    "decode_padded_bad_length": lambda t: t.io.decode_raw([b"ab"], t.int16, fixed_length=3),
    "decode_padded_zero": lambda t: t.io.decode_raw([b"ab"], t.int16, fixed_length=0),
    "decode_int_input": lambda t: t.io.decode_raw(t.constant(1), t.uint8),
    "serialize_int": lambda t: t.io.serialize_tensor(t.constant(3)),
    "serialize_half": lambda t: t.io.serialize_tensor(t.constant([1.0, 2.0], t.float16)),
    "serialize_strings": lambda t: t.io.serialize_tensor([[b"a", b"bc"]]),
    "serialize_empty": lambda t: t.io.serialize_tensor(t.zeros([0, 2], t.int32)),
    "parse_garbage": lambda t: t.io.parse_tensor(b"garbage\xff", t.int32),
    "parse_vector": lambda t: t.io.parse_tensor([b"a", b"b"], t.float32),
    "parse_tensor_list": lambda t: t.io.parse_tensor([t.constant(b"a"), t.constant(b"b")], t.int8),
    "nul_bytes": lambda t: t.io.decode_raw(b"\x01\x00", t.uint8),
    "parse_int_input": lambda t: t.io.parse_tensor(t.constant(1), t.float32),
    "parse_val_fields": lambda t: t.io.parse_tensor(
        b"\x08\x03\x12\x04\x12\x02\x08\x03:\x03\x01\x02\x03", t.int32
    ),
    "parse_repeated_last": lambda t: t.io.parse_tensor(
        b"\x08\x01\x12\x04\x12\x02\x08\x03*\x04\x00\x00\x80?", t.float32
    ),
    "read_vector": lambda t: t.io.read_file(["a"]),
    "read_int_tensor": lambda t: t.io.read_file(t.constant(5)),
    "write_int_tensor": lambda t: t.io.write_file(t.constant(5), "x"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_io_ops_match_tensorflow(case):
    tf_real = pytest.importorskip("tensorflow")
    assert _outcome(lambda: CASES[case](tf)) == _outcome(lambda: CASES[case](tf_real))


def test_files_interchange_with_tensorflow(tmp_path):
    tf_real = pytest.importorskip("tensorflow")
    value = tf.constant([[1.5, -2.0], [3.0, 4.25]], tf.float64)
    tf.io.write_file(str(tmp_path / "ours.pb"), tf.io.serialize_tensor(value))
    back = tf_real.io.parse_tensor(tf_real.io.read_file(str(tmp_path / "ours.pb")), tf_real.float64)
    np.testing.assert_array_equal(back.numpy(), value.numpy())
    real = tf_real.constant([b"x", b"\x00y"])
    tf_real.io.write_file(str(tmp_path / "real.pb"), tf_real.io.serialize_tensor(real))
    mine = tf.io.parse_tensor(tf.io.read_file(str(tmp_path / "real.pb")), tf.string)
    assert mine.numpy().tolist() == [b"x", b"\x00y"]


def test_write_file_names_the_ancestor_that_is_no_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_bytes(b"x")
    with pytest.raises(tf.errors.FailedPreconditionError) as raised:
        tf.io.write_file(str(blocker / "sub" / "x"), "a")
    assert str(raised.value).endswith("}} %s is not a directory [Op:WriteFile]" % blocker)


def test_matching_files_sorts_all_matches(tmp_path):
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_bytes(b"")
    root = str(tmp_path)
    found = tf.io.matching_files([root + "/*.txt", root + "/*/*.txt", root + "/a.txt"])
    assert found.dtype == tf.string
    names = [p.decode()[len(root) :] for p in found.numpy().tolist()]
    assert names == ["/a.txt", "/a.txt", "/b.txt", "/sub/d.txt"]
    missing = tf.io.matching_files("/dev/null/missing/*").numpy()
    assert missing.shape == (0,) and missing.dtype == object
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.io.matching_files(tf.constant([["a"]]))
    assert str(info.value).endswith(
        "Input patterns tensor must be scalar or vector, but had shape: [1,1] "
        "[Op:MatchingFiles] name: "
    )


JSON_EXAMPLES = [
    "{}",
    '{"features": {}}',
    '{"features": null}',
    '{"features": {"feature": {"x": {"int64List": {"value": [1, "2"]}}}}}',
    '{"features": {"feature": {"x": {"floatList": {"value": [1.5]}}, '
    '"b": {"bytesList": {"value": ["YWI="]}}}}}',
    '{"features": {"feature": {"x": {"int64_list": {"value": [3]}}}}}',
]


def test_decode_json_example_bytes_match_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    ours = tf.io.decode_json_example(JSON_EXAMPLES).numpy().tolist()
    assert ours == tf_real.io.decode_json_example(JSON_EXAMPLES).numpy().tolist()


def test_decode_json_example_round_trips_through_parse_example():
    pytest.importorskip("google.protobuf")
    serialized = tf.io.decode_json_example(JSON_EXAMPLES[3])
    parsed = tf.io.parse_single_example(serialized, {"x": tf.io.FixedLenFeature([2], tf.int64)})
    assert parsed["x"].numpy().tolist() == [1, 2]


@pytest.mark.parametrize(
    "text,reason",
    [
        ("{bad", "unexpected EOF"),
        ("", "unexpected EOF"),
        ('{"features": {', "unexpected EOF"),
        ("{} x", "extraneous characters after end of JSON object"),
    ],
)
def test_decode_json_example_errors(text, reason):
    with pytest.raises(tf.errors.InvalidArgumentError) as info:
        tf.io.decode_json_example(text)
    assert str(info.value).endswith("Error while parsing JSON: %s [Op:DecodeJSONExample]" % reason)
    with pytest.raises(tf.errors.InvalidArgumentError) as named:
        tf.io.decode_json_example(tf.constant(["{}", text]))
    assert str(named.value).endswith("[Op:DecodeJSONExample] name: ")
