"""``tf.math``'s complex-part, angle, monotonicity and zero-fraction ops on bool, string and
integer inputs: TF's results and errors (recorded from TF 2.21, compared with it when present)."""

import numpy as np
import pytest

from oracle_compare import implementations

import torchkeras

CASES = [
    (
        lambda tf: tf.math.real(True),
        TypeError,
        "input must be a numeric tensor, but got tensor with dtype <dtype: 'bool'>",
    ),
    (
        lambda tf: tf.math.real("x"),
        TypeError,
        "input must be a numeric tensor, but got tensor with dtype <dtype: 'string'>",
    ),
    (
        lambda tf: tf.math.conj(True),
        TypeError,
        "Expected numeric or variant tensor, got dtype tf.bool.",
    ),
    (lambda tf: tf.math.angle(True), TypeError, "Cannot convert 0 to EagerTensor of dtype bool"),
    (
        lambda tf: tf.math.angle(-3),
        TypeError,
        "Cannot convert 3.141592653589793 to EagerTensor of dtype int32",
    ),
    (
        lambda tf: tf.math.is_non_decreasing([True, False]),
        TypeError,
        "Expected x to be numeric, instead found: tf.Tensor([ True False], shape=(2,), dtype=bool)",
    ),
    (
        lambda tf: tf.math.reciprocal_no_nan(np.array(["a"])),
        TypeError,
        "Cannot convert 1 to EagerTensor of dtype string",
    ),
]
VALUES = [
    (lambda tf: tf.math.imag("x"), b""),
    (lambda tf: tf.math.zero_fraction(np.array(["", "a", "b", ""])), 0.5),
    (lambda tf: tf.math.angle([-3.0, 2.0, float("nan")]), [np.pi, 0.0, 0.0]),
    (lambda tf: tf.math.conj(3), 3),
]


@pytest.mark.parametrize("index", range(len(CASES)))
def test_errors_are_tfs(index):
    call, cls, message = CASES[index]
    for tf in implementations():
        with pytest.raises(cls) as info:
            call(tf)
        assert str(info.value) == message, tf.__name__


@pytest.mark.parametrize("index", range(len(VALUES)))
def test_values_are_tfs(index):
    call, expected = VALUES[index]
    for tf in implementations():
        got = call(tf).numpy()
        if isinstance(expected, bytes):
            assert got == expected
        else:
            np.testing.assert_allclose(got, expected, rtol=1e-6)


def test_zero_fraction_of_no_strings_is_nan():
    assert np.isnan(torchkeras.math.zero_fraction(np.array([], str)).numpy())
