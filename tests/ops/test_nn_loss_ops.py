"""tf.nn.compute_average_loss / scale_regularization_loss: pinned values, then against real TF."""

import numpy as np
import pytest

import torchkeras as tf
from oracle_compare import assert_same, run


def test_compute_average_loss_pinned():
    assert float(tf.nn.compute_average_loss([1.0, 2.0, 3.0])) == 2.0
    assert float(tf.nn.compute_average_loss([1.0, 2.0, 3.0], global_batch_size=4)) == 1.5
    assert float(tf.nn.compute_average_loss([1.0, 2.0], global_batch_size=0)) == 0.0
    weighted = tf.nn.compute_average_loss([[1.0, 2.0], [3.0, 4.0]], sample_weight=[1.0, 0.0])
    assert float(weighted) == 1.5  # rank-1 weights get a trailing dim: rows weighted
    assert tf.nn.compute_average_loss(np.array([1, 2])).dtype == tf.float64
    with pytest.raises(ValueError, match="at least rank 1"):
        tf.nn.compute_average_loss(2.0)
    with pytest.raises(TypeError, match="global_batch_size must be an integer"):
        tf.nn.compute_average_loss([1.0], global_batch_size=1.5)


def test_scale_regularization_loss_pinned():
    out = tf.nn.scale_regularization_loss([1.0, 2.0])
    assert out.dtype == tf.float32 and float(out) == 3.0
    assert tf.nn.scale_regularization_loss(3).dtype == tf.float64


@pytest.fixture(scope="module")
def tf_real():
    """Real TensorFlow (the tests using it skip without it)."""
    return pytest.importorskip("tensorflow")


CASES = [
    "tf.nn.compute_average_loss([1., 2., 3.])",
    "tf.nn.compute_average_loss(np.array([1, 2, 3]))",
    "tf.nn.compute_average_loss(np.array([1, 2, 3], np.int32))",
    "tf.nn.compute_average_loss([[1., 2.], [3., 4.]], sample_weight=[1., 0.])",
    "tf.nn.compute_average_loss([[1., 2.], [3., 4.]], sample_weight=[[1.], [0.]])",
    "tf.nn.compute_average_loss([[1., 2.], [3., 4.]], sample_weight=[[[1.], [0.]]])",
    "tf.nn.compute_average_loss([[1., 2.], [3., 4.]], sample_weight=[[1., 0.]])",
    "tf.nn.compute_average_loss([[1., 2.], [3., 4.]], sample_weight=2)",
    "tf.nn.compute_average_loss([1., 2., 3.], sample_weight=[1., 2.])",
    "tf.nn.compute_average_loss(np.array([1, 2, 3]), sample_weight=[0.5, 0.5, 1.5])",
    "tf.nn.compute_average_loss(tf.constant([1., 2.], tf.float16), sample_weight=[0.3, 1.])",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=2)",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=np.int64(2))",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=0)",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=-1)",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=2.5)",
    "tf.nn.compute_average_loss([1., 2., 3.], global_batch_size=[2])",
    "tf.nn.compute_average_loss(2.0)",
    "tf.nn.compute_average_loss(tf.constant(2.0))",
    "tf.nn.compute_average_loss(np.float64([1, 2]))",
    "tf.nn.scale_regularization_loss([1., 2.])",
    "tf.nn.scale_regularization_loss(3)",
    "tf.nn.scale_regularization_loss(np.float64([1, 2]))",
    "tf.nn.compute_average_loss(np.array(['a', 'b']))",
    "tf.nn.compute_average_loss([True, False])",
    "tf.nn.scale_regularization_loss('x')",
    "tf.nn.scale_regularization_loss([True])",
]


@pytest.mark.parametrize("expression", CASES)
def test_loss_scaling_matches_tf(tf_real, expression):
    assert_same(expression, run(tf_real, expression), run(tf, expression))
