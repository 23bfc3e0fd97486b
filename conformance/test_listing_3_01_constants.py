"""Chapter 3, section 3.5.1: listings 3.1–3.4 (constant tensors)."""

import numpy as np
import pytest


def test_3_1_ones_and_zeros(tf, device, capsys):
    x = tf.ones(shape=(2, 1))
    print(x)
    x = tf.zeros(shape=(2, 1))
    print(x)
    assert capsys.readouterr().out == (
        "tf.Tensor(\n[[1.]\n [1.]], shape=(2, 1), dtype=float32)\n"
        "tf.Tensor(\n[[0.]\n [0.]], shape=(2, 1), dtype=float32)\n"
    )
    assert x.device.endswith("/device:%s:0" % device)


def test_3_2_random_tensors(tf, device, capsys):
    x = tf.random.normal(shape=(3, 1), mean=0.0, stddev=1.0)
    print(x.dtype)
    assert x.shape == (3, 1)
    y = tf.random.uniform(shape=(3, 1), minval=0.0, maxval=1.0)
    print(y.dtype)
    assert y.shape == (3, 1)
    assert capsys.readouterr().out == "<dtype: 'float32'>\n<dtype: 'float32'>\n"
    assert x.device.endswith("/device:%s:0" % device)


def test_3_2_random_distributions(tf, device):
    normal = tf.random.normal(shape=(100000,), mean=2.0, stddev=3.0).numpy()
    assert normal.mean() == pytest.approx(2.0, abs=0.05)
    assert normal.std() == pytest.approx(3.0, abs=0.05)
    uniform = tf.random.uniform(shape=(100000,), minval=-1.0, maxval=3.0).numpy()
    assert uniform.min() >= -1.0 and uniform.max() < 3.0
    assert uniform.mean() == pytest.approx(1.0, abs=0.05)
    assert uniform.std() == pytest.approx(4 / 12**0.5, abs=0.05)


def test_3_3_numpy_arrays_are_assignable(tf, device):
    x = np.ones(shape=(2, 2))
    x[0, 0] = 0.0
    assert x.tolist() == [[0.0, 1.0], [1.0, 1.0]]
    t = tf.constant(x)
    x[0, 0] = 5.0  # the tensor made from it does not follow
    assert t.numpy().tolist() == [[0.0, 1.0], [1.0, 1.0]]


def test_3_4_tensors_are_not_assignable(tf, device):
    x = tf.ones(shape=(2, 2))
    with pytest.raises(TypeError) as info:
        x[0, 0] = 0.0
    cls = type(x)
    assert str(info.value) == "'%s.%s' object does not support item assignment" % (
        cls.__module__,
        cls.__name__,
    )
    assert x.numpy().tolist() == [[1.0, 1.0], [1.0, 1.0]]
