"""tf.TensorSpec: repr, compatibility, equality (and against real TF)."""

import pytest

import torchkeras as tf
from oracle_compare import assert_same, run

S = tf.TensorSpec


def test_repr_and_properties():
    assert repr(S([None, 3])) == "TensorSpec(shape=(None, 3), dtype=tf.float32, name=None)"
    assert (
        repr(S((None, 3), tf.int32, name="inp"))
        == "TensorSpec(shape=(None, 3), dtype=tf.int32, name='inp')"
    )
    assert repr(S(None)) == "TensorSpec(shape=<unknown>, dtype=tf.float32, name=None)"
    spec = S([2], "float64")
    assert spec.shape == tf.TensorShape([2]) and spec.dtype == tf.float64 and spec.name is None


def test_compatibility_and_equality():
    assert S([None, 3]).is_compatible_with(tf.zeros([5, 3]))
    assert not S([None, 3]).is_compatible_with(tf.zeros([5, 3], tf.int32))
    assert not S([None, 3]).is_compatible_with(S([2, 4]))
    assert S.from_tensor(tf.zeros([2, 3]), name="z") == S([2, 3], name="z")
    assert S([2]) != S([2], name="a") and S([None]) != S([2])
    assert hash(S([2])) == hash(S([2]))
    with pytest.raises(ValueError, match="`tensor` should be a tf.Tensor"):
        S.from_tensor([1, 2])
    with pytest.raises(ValueError, match="Dimension -2 must be >= 0"):
        S([-2])


CASES = [
    line
    for line in """
S([None, 3])
S((None,3), tf.int32, name="inp")
str(S([None, 3]))
S(None)
S([])
S(3)
S([2], "float64")
S([2], np.int32)
S([2], tf.float32).shape
S([2], tf.float32).dtype
S([2], tf.float32).name
S([None,3]).is_compatible_with(tf.zeros([5,3]))
S([None,3]).is_compatible_with(tf.zeros([5,3], tf.int32))
S([None,3]).is_compatible_with(S([2,3]))
S([None,3]).is_compatible_with(S([2,4]))
S([None,3]).is_compatible_with(np.zeros([2,3], np.float32))
S([None,3]).is_compatible_with(np.zeros([2,3]))
S([None,3]).is_compatible_with([[1.,2.,3.]])
S([None,3]).is_compatible_with(1)
S.from_tensor(tf.zeros([2,3]))
S.from_tensor(tf.zeros([2,3]), name="z")
S.from_tensor([1,2])
S.from_spec(S([2]))
S([2]) == S([2])
S([2]) == S([2], name="a")
S([2]) == S([2], tf.int32)
S([None]) == S([2])
S([2]) != S([3])
hash(S([2])) == hash(S([2]))
S([2]) == 1
S([2], "foo")
S("a")
S([-2])
S([2.5])
S([None,3]).is_subtype_of(S([None,3]))
S([2,3]).is_subtype_of(S([None,3]))
S([None,3]).most_specific_common_supertype([S([2,3])])
S([2]).value_type
tf.TensorSpec([2]).shape.rank
S([2], tf.string)
S([2], name=5)
""".strip().split("\n")
    if line
]


@pytest.mark.parametrize("expression", CASES)
def test_tensor_spec_matches_tf(expression):
    tf_real = pytest.importorskip("tensorflow")
    tf_kind, tf_value = run(tf_real, expression, {"S": tf_real.TensorSpec})
    tk_kind, tk_value = run(tf, expression, {"S": tf.TensorSpec})
    if tf_kind == "ok" and type(tf_value).__name__ == "TensorSpec":
        assert tk_kind == "ok" and repr(tk_value) == repr(tf_value)
    elif tf_kind == "ok" and expression.endswith(".value_type"):
        assert tk_value is tf.Tensor
    else:
        assert_same(expression, (tf_kind, tf_value), (tk_kind, tk_value))
