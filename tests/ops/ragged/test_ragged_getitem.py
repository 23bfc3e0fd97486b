"""RaggedTensor indexing with TF's rules: known values, and TF itself when installed."""

import pytest
from ragged_oracle import describe

import torchkeras as tf

RT_KEYS = [
    "1",
    "2",
    "-1",
    "-5",
    "-6",
    "7",
    "1:",
    "::2",
    "::-1",
    "-2:",
    "1:3",
    "5:",
    "..., :2",
    ":, 0",
    ":, 1:",
    ":, :2",
    ":, -2:",
    ":, ::2",
    ":, ::-1",
    ":, 3:0:-1",
    ":, -1:-3:-1",
    ":, 1:-1",
    "2, 1",
    "2, -1",
    "2, 5",
    "tf.newaxis",
    ":, tf.newaxis",
    "1, 2, 3",
    "tf.constant(2)",
    "'a'",
    "[0, 1]",
    "1.0",
    "..., tf.newaxis",
    ":, :, tf.newaxis",
    ":, :0",
    "tf.constant([1])",
]
R3_KEYS = [
    "0, 1:",
    ":, :, 0",
    ":, :, :1",
    "0, 0, 1",
    ":, 1:, 1:",
    "1:, :, -1:",
    "...",
    ":, ..., 0:1",
    "2, 0",
    "2, 0, 1:",
]
U_KEYS = [":, 0", ":, 1:", ":, -1", "1, 1", "1:3", "::2, 1", ":, tf.newaxis"]
R1I_KEYS = [":, :, 0", ":, 0", ":, :, 1:", "0, 1, 0", ":, ..., 0", "..., 1"]

EXPRESSIONS = (
    ["rt[%s]" % k for k in RT_KEYS]
    + ["r3[%s]" % k for k in R3_KEYS]
    + ["u[%s]" % k for k in U_KEYS]
    + ["r1i[%s]" % k for k in R1I_KEYS]
    + ["list(rt)", "(rt[:, 1:].shape, u[:, 1:].shape, rt[tf.newaxis].shape)"]
)


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_matches_tensorflow(expression):
    tf_real = pytest.importorskip("tensorflow")
    assert describe(tf, expression) == describe(tf_real, expression)


def test_row_and_slice_known_values():
    rt = tf.ragged.constant([[3, 1, 4, 1], [], [5, 9, 2], [6], []])
    assert rt[2].numpy().tolist() == [5, 9, 2]
    assert int(rt[2, 1]) == 9
    assert rt[1:].to_list() == [[], [5, 9, 2], [6], []]
    assert rt[:, 1:].to_list() == [[1, 4, 1], [], [9, 2], [], []]
    assert rt[:, -2:].to_list() == [[4, 1], [], [9, 2], [6], []]
    assert rt[:, ::-1].to_list() == [[1, 4, 1, 3], [], [2, 9, 5], [6], []]
    assert rt[..., :2].to_list() == [[3, 1], [], [5, 9], [6], []]
    assert rt[tf.newaxis].shape.as_list() == [1, 5, None]
    assert [row.numpy().tolist() for row in rt] == [[3, 1, 4, 1], [], [5, 9, 2], [6], []]


def test_indexing_errors():
    rt = tf.ragged.constant([[3, 1], [4]])
    with pytest.raises(ValueError, match="Cannot index into an inner ragged dimension."):
        rt[:, 0]
    with pytest.raises(IndexError, match="Row key 7 out of bounds"):
        rt[7]
    with pytest.raises(TypeError, match="Only integers, slices"):
        rt["a"]


def test_uniform_inner_dimension_takes_integers():
    u = tf.RaggedTensor.from_uniform_row_length([3, 1, 4, 1, 5, 9, 2, 6], 2)
    assert u[:, 0].numpy().tolist() == [3, 4, 5, 2]
    assert u[:, 1:].shape.as_list() == [4, 1]
