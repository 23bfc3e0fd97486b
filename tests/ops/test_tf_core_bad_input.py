"""``tf.shape_n``, ``tf.debugging.assert_scalar`` and ``tf.math.add_n`` on odd
arguments: TF's results and errors (compared with TF when it is installed)."""

import pytest

from oracle_compare import implementations


ERRORS = [
    (lambda tf: tf.shape_n(None), "Expected list for 'input' argument to 'shape_n' Op, not None."),
    (lambda tf: tf.shape_n("x"), "Expected list for 'input' argument to 'shape_n' Op, not 'x'."),
    (lambda tf: tf.math.add_n(None), "'NoneType' object is not iterable"),
]
VALUES = [
    (lambda tf: tf.debugging.assert_scalar(3), None),
    (lambda tf: tf.math.add_n("x").numpy(), b"x"),
    (lambda tf: tf.math.add_n(tf.constant([[1, 2], [3, 4]])).numpy().tolist(), [4, 6]),
    (lambda tf: [s.numpy().tolist() for s in tf.shape_n((tf.zeros([2]),))], [[2]]),
]


@pytest.mark.parametrize("index", range(len(ERRORS)))
def test_type_errors_are_tfs(index):
    call, message = ERRORS[index]
    for tf in implementations():
        with pytest.raises(TypeError) as info:
            call(tf)
        assert str(info.value) == message, tf.__name__


@pytest.mark.parametrize("index", range(len(VALUES)))
def test_values_are_tfs(index):
    call, expected = VALUES[index]
    for tf in implementations():
        assert call(tf) == expected, tf.__name__
