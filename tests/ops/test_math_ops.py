"""Unit tests of ``torchkeras.ops.math_ops`` (no TensorFlow needed): values, dtypes, errors,
gradients."""

import numpy as np
import pytest
import torch

import torchkeras as tf

F = tf.constant([[1.5, -2.0], [3.0, 0.5]])
G = tf.constant([[0.25, 4.0], [-1.0, 2.0]])
I = tf.constant([[4, 9], [-3, 2]])
J = tf.constant([[3, -2], [2, 5]])
B = tf.constant([[True, False], [True, True]])


def test_namespaces_match_tf_layout():
    # Exported with TF's dispatcher's argument binding (``_dispatch_args``) where TF has it.
    assert tf.math.log is tf.ops.math_ops.log
    assert tf.math.reduce_std.__wrapped__ is tf.ops.math_ops.reduce_std
    assert (
        tf.add is tf.math.add
        and tf.reduce_sum is tf.math.reduce_sum
        and tf.matmul is tf.linalg.matmul
    )
    for missing in ("log", "rsqrt", "reduce_std", "cumprod", "relu", "softmax", "inv"):
        assert not hasattr(tf, missing), missing
    assert tf.math.softmax is tf.nn.softmax and tf.nn.top_k is tf.math.top_k


@pytest.mark.parametrize(
    "name, reference",
    [
        ("abs", np.abs),
        ("square", np.square),
        ("sqrt", lambda x: np.sqrt(np.abs(x))),
        ("exp", np.exp),
        ("sin", np.sin),
        ("tanh", np.tanh),
        ("negative", np.negative),
        ("floor", np.floor),
        ("ceil", np.ceil),
        ("sign", np.sign),
    ],
)
def test_unary_values(name, reference):
    x = np.array([[1.5, -2.0], [3.0, 0.5]], dtype=np.float32)
    arg = tf.abs(F) if name == "sqrt" else F
    result = getattr(tf.math, name)(arg)
    assert result.dtype == tf.float32 and result.shape == (2, 2)
    np.testing.assert_allclose(result.numpy(), reference(x), rtol=1e-6)


def test_round_is_half_to_even_and_keeps_ints():
    assert tf.round(tf.constant([0.5, 1.5, 2.5, -0.5, -1.5])).numpy().tolist() == [
        0.0,
        2.0,
        2.0,
        -0.0,
        -2.0,
    ]
    assert tf.round(I).dtype == tf.int32


def test_float_only_ops_reject_integers_with_tf_text():
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"^Value for attr 'T' of int32 is not in the list of allowed values: "
        r"bfloat16, half, float, double, complex64, complex128\n\t; NodeDef: \{\{node "
        r"Sqrt\}\}.*\[Op:Sqrt\] name: $",
    ):
        tf.sqrt(I)
    with pytest.raises(tf.errors.InvalidArgumentError, match="of bool is not in the list"):
        tf.square(B)
    with pytest.raises(tf.errors.NotFoundError):
        tf.math.reciprocal(I)


def test_binary_conversion_rules():
    assert tf.add(I, 2).dtype == tf.int32 and tf.multiply(F, 2).dtype == tf.float32
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"cannot compute AddV2 as input #1\(zero-based\) was expected to be a int32 tensor "
        r"but is a float tensor",
    ):
        tf.add(I, 2.5)
    with pytest.raises(TypeError, match="^Cannot convert 2.5 to EagerTensor of dtype int32$"):
        tf.maximum(I, 2.5)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="input #1.*float tensor but is a int32"
    ):
        tf.subtract(F, I)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match=r"Incompatible shapes: \[2,2\] vs. \[3\]"
    ):
        tf.multiply(F, tf.ones((3,)))
    assert tf.add(tf.constant(["a"]), "b").numpy().tolist() == [b"ab"]


def test_division_family():
    assert tf.divide(I, J).dtype == tf.float64 and tf.divide(1, 2).numpy() == 0.5
    assert tf.math.floordiv(I, J).numpy().tolist() == [[1, -5], [-2, 0]]
    assert tf.math.floormod(I, J).numpy().tolist() == [[1, -1], [1, 2]]
    np.testing.assert_array_equal(
        tf.math.divide_no_nan(F, tf.constant([[0.0, 2.0], [0.0, 1.0]])).numpy(),
        [[0.0, -1.0], [0.0, 0.5]],
    )
    with pytest.raises(tf.errors.InvalidArgumentError, match="Integer division by zero"):
        tf.math.floordiv(I, 0)
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Integers to negative integer powers are not allowed"
    ):
        tf.pow(I, -1)
    with pytest.raises(
        TypeError, match="`x` and `y` must have the same dtype, got tf.float32 != tf.int32."
    ):
        tf.divide(F, I)
    with pytest.raises(TypeError, match="Invalid dtype tf.bool in __truediv__"):
        tf.math.truediv(B, B)


def test_add_n_clip_and_comparisons():
    assert tf.add_n([I, J, I]).numpy().tolist() == [[11, 16], [-4, 9]]
    with pytest.raises(ValueError, match="at least one Tensor"):
        tf.add_n([])
    assert tf.clip_by_value(F, 0, 1).numpy().tolist() == [[1.0, 0.0], [1.0, 0.5]]
    with pytest.raises(TypeError, match="Cannot convert 8.0 to EagerTensor of dtype int32"):
        tf.clip_by_value(I, 5.0, 8.0)
    assert tf.less(I, J).numpy().tolist() == [[False, False], [True, True]]
    assert tf.equal(tf.constant(["a", "b"]), "a").numpy().tolist() == [True, False]
    with pytest.raises(tf.errors.InvalidArgumentError, match="Incompatible shapes"):
        tf.equal(I, tf.ones((3,), tf.int32))
    assert tf.math.logical_xor(B, True).numpy().tolist() == [[False, True], [False, False]]
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"LogicalAnd as input #0\(zero-based\) was expected to be a bool tensor",
    ):
        tf.logical_and(I, I)


def test_where_forms():
    assert tf.where(B).dtype == tf.int64 and tf.where(B).numpy().tolist() == [
        [0, 0],
        [1, 0],
        [1, 1],
    ]
    assert tf.where(B, F, G).numpy().tolist() == [[1.5, 4.0], [3.0, 0.5]]
    assert tf.where(B, 1.0, 0.0).dtype == tf.float32
    with pytest.raises(ValueError, match="x and y must both be non-None or both be None."):
        tf.where(B, F)
    with pytest.raises(tf.errors.InvalidArgumentError, match="input #2"):
        tf.where(B, F, I)


def test_reductions():
    x3 = tf.reshape(tf.range(24.0), (2, 3, 4))
    np.testing.assert_allclose(
        tf.reduce_sum(x3, axis=[0, -1]).numpy(), np.arange(24.0).reshape(2, 3, 4).sum(axis=(0, 2))
    )
    assert tf.reduce_sum(x3, axis=1, keepdims=True).shape == (2, 1, 4)
    assert tf.reduce_sum(x3, axis=tf.constant([1, 0])).shape == (4,)
    assert tf.reduce_sum(x3, axis=[]).shape == (2, 3, 4)
    assert (
        tf.reduce_mean(tf.constant([-1, -2])).numpy() == -1 and tf.reduce_mean(I).dtype == tf.int32
    )
    assert tf.reduce_sum(tf.constant([100, 100], tf.int8)).dtype == tf.int8
    assert tf.reduce_max(tf.zeros((0, 2))).numpy() == -np.inf
    assert tf.reduce_prod(I, axis=[0, 1]).numpy() == -216
    np.testing.assert_allclose(tf.math.reduce_std(F).numpy(), np.std(F.numpy()), rtol=1e-6)
    np.testing.assert_allclose(
        tf.reduce_logsumexp(F, axis=1).numpy(), np.log(np.exp(F.numpy()).sum(1)), rtol=1e-6
    )
    assert not tf.reduce_all(B).numpy() and tf.reduce_any(B, axis=1).numpy().tolist() == [
        True,
        True,
    ]  # noqa: E712
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"Invalid reduction dimension \(3 for input with 3 dimension\(s\)",
    ):
        tf.reduce_sum(x3, axis=3)
    with pytest.raises(tf.errors.InvalidArgumentError, match="duplicate dimension: 0"):
        tf.reduce_sum(x3, axis=[0, -3])
    with pytest.raises(tf.errors.InvalidArgumentError, match="of bool is not in the list"):
        tf.reduce_sum(B)
    with pytest.raises(
        TypeError,
        match="Input must be either real or complex. Received integer type <dtype: 'int32'>.",
    ):
        tf.math.reduce_std(I)
    with pytest.raises(tf.errors.InvalidArgumentError, match="input #0.*bool tensor"):
        tf.reduce_all(I)


def test_argmax_scans_top_k():
    assert tf.argmax(F).dtype == tf.int64 and tf.argmax(F).numpy().tolist() == [1, 1]
    assert tf.argmin(F, axis=1, output_type=tf.int32).dtype == tf.int32
    assert tf.argmax(tf.constant([1.0, 3.0, 3.0])).numpy() == 1
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"Expected dimension in the range \[-2, 2\), but got 2",
    ):
        tf.argmax(F, 2)
    assert tf.cumsum(F, axis=1, exclusive=True, reverse=True).numpy().tolist() == [
        [-2.0, 0.0],
        [0.5, 0.0],
    ]
    assert tf.math.cumprod(I, axis=0).numpy().tolist() == [[4, 9], [-12, 18]]
    assert tf.cumsum(tf.constant([1, 2], tf.int8)).dtype == tf.int8
    top = tf.math.top_k(tf.constant([1.0, 5.0, 3.0, 5.0]), k=2)
    assert (
        type(top).__name__ == "TopKV2"
        and top.indices.numpy().tolist() == [1, 3]
        and top.indices.dtype == tf.int32
    )


def test_matmul_family():
    np.testing.assert_allclose(tf.matmul(F, G, transpose_a=True).numpy(), F.numpy().T @ G.numpy())
    np.testing.assert_allclose(
        tf.matmul(tf.ones((3, 2, 2)), G).numpy(), np.ones((3, 2, 2)) @ G.numpy()
    )
    assert tf.matmul(I, J).dtype == tf.int32
    with pytest.raises(tf.errors.InvalidArgumentError, match=r"In\[1\] ndims must be >= 2"):
        tf.matmul(F, F[0])
    with pytest.raises(
        tf.errors.InvalidArgumentError,
        match=r"Matrix size-incompatible: In\[0\]: \[2,2\], In\[1\]: \[3,2\]",
    ):
        tf.matmul(F, tf.ones((3, 2)))
    with pytest.raises(tf.errors.InvalidArgumentError, match="compatible batch dimensions"):
        tf.matmul(tf.ones((3, 2, 2)), tf.ones((2, 2, 2)))
    with pytest.raises(ValueError, match="Only one of `transpose_a` and `adjoint_a` can be True"):
        tf.matmul(F, G, transpose_a=True, adjoint_a=True)
    np.testing.assert_allclose(tf.tensordot(F, G, axes=1).numpy(), F.numpy() @ G.numpy())
    np.testing.assert_allclose(tf.einsum("ij,jk->ik", F, G).numpy(), F.numpy() @ G.numpy())
    with pytest.raises(
        tf.errors.InvalidArgumentError, match="Expected input 1 to have rank 3 but got: 2"
    ):
        tf.einsum("ij,jkl->ik", F, G)
    np.testing.assert_allclose(tf.norm(F).numpy(), np.linalg.norm(F.numpy()), rtol=1e-6)
    np.testing.assert_allclose(
        tf.norm(F, ord=2, axis=[0, 1]).numpy(), np.linalg.norm(F.numpy(), 2), rtol=1e-6
    )
    with pytest.raises(ValueError, match="'ord' must be a supported vector norm, got fro"):
        tf.norm(F, ord="fro")


def test_ops_accept_variables_and_differentiate():
    v = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(tf.matmul(v, v) - 1.0)) + tf.reduce_sum(tf.sqrt(v))
    grad = tape.gradient(loss, v)
    w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    expected = torch.mean(torch.square(w @ w - 1.0)) + torch.sum(torch.sqrt(w))
    expected.backward()
    np.testing.assert_allclose(grad.numpy(), w.grad.numpy(), rtol=1e-6)
