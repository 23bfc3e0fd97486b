"""``tf.cast`` (torchkeras/ops/cast_ops.py): what the other cast tests leave out."""

import torchkeras as tf


def test_cast_of_a_variable_to_its_own_dtype_is_a_read_not_an_alias():
    v = tf.Variable([1.0, 2.0])
    same = tf.cast(v, tf.float32)
    v.assign([5.0, 6.0])
    assert same.numpy().tolist() == [1.0, 2.0]
