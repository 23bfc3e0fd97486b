"""Chapter 3, section 3.5.1: listings 3.5–3.8 (variables and assignment)."""

import numpy as np

CHAPTER_VALUES = [[-0.4300784], [-0.8471808], [0.04778016]]


def _variable_text(name, values):
    return "<tf.Variable '%s' shape=(3, 1) dtype=float32, numpy=\n%s>" % (
        name,
        np.array_repr(np.asarray(values, dtype=np.float32)),
    )


def test_3_5_variable_from_random_values(tf, device, capsys):
    v = tf.Variable(initial_value=tf.random.normal(shape=(3, 1)))
    print(v)
    assert capsys.readouterr().out == _variable_text("Variable:0", v.numpy()) + "\n"
    assert v.device.endswith("/device:%s:0" % device)


def test_3_5_variable_printout_of_the_chapter(tf, device, capsys):
    v = tf.Variable(initial_value=tf.constant(CHAPTER_VALUES))
    print(v)
    assert capsys.readouterr().out == (
        "<tf.Variable 'Variable:0' shape=(3, 1) dtype=float32, numpy=\n"
        "array([[-0.4300784 ],\n"
        "       [-0.8471808 ],\n"
        "       [ 0.04778016]], dtype=float32)>\n"
    )
    assert repr(v) == _variable_text("Variable:0", CHAPTER_VALUES)


def test_3_6_to_3_8_assign_assign_slice_assign_add(tf, device):
    v = tf.Variable(initial_value=tf.random.normal(shape=(3, 1)))
    result = v.assign(tf.ones((3, 1)))
    assert repr(result) == _variable_text("UnreadVariable", [[1.0], [1.0], [1.0]])
    assert v.numpy().tolist() == [[1.0], [1.0], [1.0]]

    result = v[0, 0].assign(3.0)
    assert repr(result) == _variable_text("UnreadVariable", [[3.0], [1.0], [1.0]])
    assert v.numpy().tolist() == [[3.0], [1.0], [1.0]]

    result = v.assign_add(tf.ones((3, 1)))
    assert repr(result) == _variable_text("UnreadVariable", [[4.0], [2.0], [2.0]])
    assert v.numpy().tolist() == [[4.0], [2.0], [2.0]]

    result = v.assign_sub(tf.ones((3, 1)))
    assert repr(result) == _variable_text("UnreadVariable", [[3.0], [1.0], [1.0]])
    assert repr(v) == _variable_text("Variable:0", [[3.0], [1.0], [1.0]])
    assert v.device.endswith("/device:%s:0" % device)
