"""``tf.experimental.numpy``'s dtype functions (ops/tnp_dtypes.py): what other tests leave out."""

import numpy as np
import pytest

import torchkeras as tf


def test_finfo_of_an_array_is_numpys_error():
    with pytest.raises(TypeError, match="Cannot construct a dtype from an array"):
        tf.experimental.numpy.finfo(np.zeros((0, 3), np.float32))
    assert tf.experimental.numpy.finfo(tf.float32).bits == 32
