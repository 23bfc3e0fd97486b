"""Unit tests of ``torchkeras.ops.nn_ops`` (no TensorFlow needed): values, dtypes, errors,
randomness."""

import numpy as np
import pytest
import torch

import torchkeras as tf

X = tf.constant([[-2.0, 0.5], [3.0, 8.0]])
LOGITS = tf.constant([[2.0, -1.0, 0.5], [0.0, 1.0, 3.0]])
ONE_HOT = tf.constant([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])


def test_activations_values():
    x = X.numpy()
    np.testing.assert_allclose(tf.nn.relu(X).numpy(), np.maximum(x, 0))
    np.testing.assert_allclose(tf.nn.relu6(X).numpy(), np.clip(x, 0, 6))
    np.testing.assert_allclose(tf.nn.leaky_relu(X).numpy(), np.where(x > 0, x, 0.2 * x), rtol=1e-6)
    np.testing.assert_allclose(tf.nn.elu(X).numpy(), np.where(x > 0, x, np.expm1(x)), rtol=1e-6)
    np.testing.assert_allclose(tf.nn.silu(X).numpy(), x / (1 + np.exp(-x)), rtol=1e-6)
    np.testing.assert_allclose(tf.nn.softplus(X).numpy(), np.log1p(np.exp(x)), rtol=1e-6)
    assert tf.nn.swish is tf.nn.silu
    assert tf.nn.leaky_relu(tf.constant([-3, 2])).dtype == tf.float32
    assert tf.nn.relu(tf.constant([-3, 2])).numpy().tolist() == [0, 2]


def test_activation_dtype_errors():
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match="Value for attr 'T' of int32 is not in the list of allowed values: half, bfloat16, "
        "float, double",
    ):
        tf.nn.softmax(tf.constant([1, 2]))
    with pytest.raises(ValueError, match="`features.dtype` must be a floating point tensor"):
        tf.nn.gelu(tf.constant([1, 2]))
    with pytest.raises(
        tf.errors.InvalidArgumentError, match=r"`dim` must be in the range \[-2, 2\)"
    ):
        tf.nn.softmax(X, axis=2)


def test_softmax_and_log_softmax():
    x = X.numpy()
    expected = np.exp(x) / np.exp(x).sum(axis=0, keepdims=True)
    np.testing.assert_allclose(tf.nn.softmax(X, axis=0).numpy(), expected, rtol=1e-6)
    np.testing.assert_allclose(
        tf.nn.log_softmax(X).numpy(),
        np.log(np.exp(x) / np.exp(x).sum(-1, keepdims=True)),
        rtol=1e-5,
    )


def test_cross_entropies():
    log_probs = LOGITS.numpy() - np.log(np.exp(LOGITS.numpy()).sum(-1, keepdims=True))
    expected = -(ONE_HOT.numpy() * log_probs).sum(-1)
    np.testing.assert_allclose(
        tf.nn.softmax_cross_entropy_with_logits(labels=ONE_HOT, logits=LOGITS).numpy(),
        expected,
        rtol=1e-6,
    )
    sparse = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=tf.constant([1, 2]), logits=LOGITS
    )
    np.testing.assert_allclose(sparse.numpy(), expected, rtol=1e-6)
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"Received a label value of 3 which is outside the valid range of \[0, 3\)",
    ):
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 3]), logits=LOGITS)
    with pytest.raises(
        ValueError, match="`labels.shape` must equal `logits.shape` except for the last dimension"
    ):
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.constant([1, 2, 0]), logits=LOGITS)
    z, x = ONE_HOT.numpy(), LOGITS.numpy()
    sigmoid = tf.nn.sigmoid_cross_entropy_with_logits(labels=ONE_HOT, logits=LOGITS)
    np.testing.assert_allclose(
        sigmoid.numpy(), np.maximum(x, 0) - x * z + np.log1p(np.exp(-np.abs(x))), rtol=1e-6
    )
    with pytest.raises(ValueError, match="`logits` and `labels` must have the same shape"):
        tf.nn.sigmoid_cross_entropy_with_logits(labels=ONE_HOT[:, :2], logits=LOGITS)


def test_moments_l2_loss_bias_add():
    mean, variance = tf.nn.moments(X, axes=[0])
    np.testing.assert_allclose(mean.numpy(), [0.5, 4.25])
    np.testing.assert_allclose(variance.numpy(), [6.25, 14.0625])
    assert tf.nn.moments(X, axes=[0, 1], keepdims=True)[0].shape == (1, 1)
    assert tf.nn.l2_loss(X).numpy() == pytest.approx(38.625)
    assert tf.nn.bias_add(X, tf.constant([1.0, 2.0])).numpy().tolist() == [[-1.0, 2.5], [4.0, 10.0]]
    images = tf.zeros((1, 3, 2, 2))
    assert tf.nn.bias_add(images, tf.constant([1.0, 2.0, 3.0]), data_format="NCHW").numpy()[
        0, :, 0, 0
    ].tolist() == [1.0, 2.0, 3.0]
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Must provide as many biases as the last dimension"
    ):
        tf.nn.bias_add(X, tf.constant([1.0, 2.0, 3.0]))


def test_dropout_scales_kept_values_and_validates():
    x = tf.ones((200, 50))
    y = tf.nn.dropout(x, 0.25).numpy()
    np.testing.assert_allclose(np.unique(y), [0.0, 1.0 / 0.75], rtol=1e-6)
    assert 0.2 < (y == 0).mean() < 0.3
    rows = tf.nn.dropout(x, 0.5, noise_shape=[200, 1]).numpy()
    assert all(len(set(row.tolist())) == 1 for row in rows)
    tf.random.set_seed(5)
    first = [tf.nn.dropout(x, 0.5, seed=3).numpy() for _ in range(2)]
    tf.random.set_seed(5)
    again = [tf.nn.dropout(x, 0.5, seed=3).numpy() for _ in range(2)]
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], first[1])
    assert tf.nn.dropout(x, 0.0) is not None and np.all(tf.nn.dropout(x, 0.0).numpy() == 1.0)
    with pytest.raises(
        ValueError,
        match=r"`rate` must be a scalar tensor or a float in the range \[0, 1\). Received: "
        r"rate=1.0",
    ):
        tf.nn.dropout(x, 1.0)
    with pytest.raises(ValueError, match="`x.dtype` must be a floating point tensor"):
        tf.nn.dropout(tf.ones((2,), tf.int32), 0.5)


def test_nn_ops_differentiate():
    v = tf.Variable([[1.0, -2.0], [0.5, 3.0]])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(
            tf.nn.softmax_cross_entropy_with_logits(
                labels=tf.constant([[0.0, 1.0], [1.0, 0.0]]), logits=tf.nn.relu(v)
            )
        )
    w = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
    expected = -(
        torch.tensor([[0.0, 1.0], [1.0, 0.0]]) * torch.log_softmax(torch.relu(w), -1)
    ).sum()
    expected.backward()
    np.testing.assert_allclose(tape.gradient(loss, v).numpy(), w.grad.numpy(), rtol=1e-6)
