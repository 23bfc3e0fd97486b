"""Bad arguments to ``keras.ops`` (``abs`` .. ``log_softmax``) get Keras' TF backend's
exception class and message, never torch's: kernel dtype errors, constant conversions, string
operands, duplicate and out-of-range axes, broadcast errors named by TF's op, the ``Diff`` /
``Cond`` call context, ``eye``/``arange`` validation and the convolution/pooling checks;
checked against real TensorFlow where it is installed."""

import re

import numpy as np
import pytest

import torchkeras as tf
from torchkeras import keras

A = np.ones((2, 3), np.float32)
B = np.ones((3, 2, 2), np.float32)
I = np.array([0, 5])  # noqa: E741 - the integer array of the bad-input cases
S = np.array(["a", "b"])
X4 = np.ones((1, 4, 4, 1), np.float32)
K = np.ones((3, 3, 1, 1), np.float32)
Q = np.ones((1, 2, 2, 4))

IAE = tf.errors.InvalidArgumentError

# (source, TF's exception class and message start, or its result values)
CASES = [
    ("keras.ops.erf(I)", (IAE, "Value for attr 'T' of int64 is not in the list")),
    ("keras.ops.glu(I)", (IAE, "Value for attr 'T' of int64 is not in the list")),
    ("keras.ops.det(np.eye(2, dtype=np.int32))", (IAE, "Value for attr 'T' of int32")),
    (
        "keras.ops.cholesky(np.eye(2, dtype=np.int32))",
        (ValueError, "Cholesky decomposition failed: Value for attr 'T' of int32"),
    ),
    ("keras.ops.celu(I)", (TypeError, "Cannot convert 0.0 to EagerTensor of dtype int64")),
    ("keras.ops.hard_tanh(I)", (TypeError, "Cannot convert 1.0 to EagerTensor of dtype int64")),
    ("keras.ops.hard_shrink(I)", (TypeError, "Cannot convert 0.5 to EagerTensor of dtype int64")),
    ("keras.ops.hard_shrink(A, threshold=None)", (ValueError, "Attempt to convert a value")),
    ("keras.ops.binary_crossentropy(I, I)", (TypeError, "Cannot convert 0.9999999 to")),
    ("keras.ops.leaky_relu(I)", [0.0, 5.0]),
    ("keras.ops.deg2rad(S)", (TypeError, "Cannot convert 3.141592653589793 to EagerTensor")),
    ("keras.ops.cbrt(S)", (tf.errors.UnimplementedError, "Cast string to float is not")),
    ("keras.ops.isposinf(S)", [False, False]),
    ("keras.ops.flipud(S)", [b"b", b"a"]),
    ("keras.ops.count_nonzero(S)", 2),
    ("keras.ops.add(A, S)", (ValueError, "dtype='string' is not a valid dtype for Keras")),
    ("keras.ops.hypot(A, 'x')", (ValueError, "dtype='string' is not a valid dtype for Keras")),
    ("keras.ops.det(S)", (ValueError, "Expected input to have rank >= 2. Received input")),
    ("keras.ops.amax(B, axis=[0, 0])", (IAE, "Invalid reduction arguments: Axes contains")),
    ("keras.ops.count_nonzero(B, axis=[0, 0])", (IAE, "Invalid reduction arguments: Axes")),
    ("keras.ops.flip(B, axis=(0, 0))", (IAE, "axis 0 specified more than once. [Op:ReverseV2]")),
    ("keras.ops.flip(B, axis=5)", (ValueError, "axis 5 is out of bounds for an array with")),
    ("keras.ops.diagonal(np.ones(3))", (ValueError, "axis 1 is out of bounds for an array")),
    ("keras.ops.cumsum(B, axis=-4)", (IAE, "ScanOp: Expected scan axis in the range [-3, 3)")),
    ("keras.ops.arctan2(A, B)", (IAE, "Incompatible shapes: [2,3] vs. [3,2,2] [Op:Atan2]")),
    ("keras.ops.fmod(A, B)", (IAE, "Incompatible shapes: [2,3] vs. [3,2,2] [Op:FloorMod]")),
    ("keras.ops.heaviside(A, B)", (IAE, "condition [2,3], then [2,3], and else [3,2,2]")),
    ("keras.ops.diff(A, n=-1)", (ValueError, "Exception encountered when calling Diff.call().")),
    ("keras.ops.diff(A, axis=5)", (ValueError, "Exception encountered when calling Diff")),
    ("keras.ops.diff(A, n=2, axis=1)", [[0.0], [0.0]]),
    ("keras.ops.cond(None, lambda: 1, lambda: 2)", (TypeError, "Exception encountered when")),
    ("keras.ops.cond(1, lambda: 1, lambda: 2)", 1),
    ("keras.ops.eye(2.5)", (TypeError, "Argument `N` must be an integer or an integer tensor.")),
    ("keras.ops.eye(None)", (TypeError, "Arguments `num_rows` and `num_columns` must be")),
    ("keras.ops.eye(2, 3, k=5)", (IAE, "Dimension -2 must be >= 0 [Op:Fill]")),
    ("keras.ops.eye(3, 2, k=-1)", [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]),
    ("keras.ops.arange(5, 0)", (IAE, "Requires start <= limit when delta > 0: 5/0")),
    ("keras.ops.arange(I)", (IAE, "limit must be a scalar, not shape [2] [Op:Range]")),
    ("keras.ops.arange(0, 1, 0.25, dtype='int32')", (TypeError, "Cannot convert 0.25 to")),
    ("keras.ops.arange(5, 0, -2)", [5, 3, 1]),
    ("keras.ops.average_pool(X4, 2, strides=0)", (IAE, "Stride must be > 0, but got 0")),
    ("keras.ops.average_pool(X4, 0)", (IAE, "Sliding window ksize must be positive.")),
    ("keras.ops.average_pool(X4, 5).shape", [1, 0, 0, 1]),
    ("keras.ops.average_pool(A, 2)", (ValueError, "Input rank not supported: 2. Expected")),
    ("keras.ops.average_pool(X4, 2, data_format='x')", (ValueError, "The `data_format` arg")),
    ("keras.ops.conv(X4, K, strides=0)", (IAE, "Stride must be > 0, but got 0 [Op:Conv2D]")),
    ("keras.ops.conv(X4, K, dilation_rate=0)", (ValueError, "all values of `dilation_rate`")),
    ("keras.ops.conv(X4, None)", (AttributeError, "'NoneType' object has no attribute")),
    ("keras.ops.depthwise_conv(X4, B)", (ValueError, "The number of input channels must")),
    ("keras.ops.conv_transpose(X4, K, strides=0)", (IAE, "Stride must be > 0, but got 0")),
    ("keras.ops.conv_transpose(X4, K, padding='x')", (ValueError, "The `padding` argument")),
    ("keras.ops.bincount(np.array([0, -1]))", (IAE, "Input arr must be non-negative!")),
    ("keras.ops.bincount(np.array([0, 1]), minlength=1.5)", (TypeError, "Cannot convert 1.5")),
    ("keras.ops.digitize(np.ones(3), np.array([3., 1.]))", (IAE, "Expected sorted boundaries")),
    ("keras.ops.digitize(np.ones(3), None)", (TypeError, "'NoneType' object is not iterable")),
    ("keras.ops.array_split(A, 0)", (ValueError, "Argument `indices_or_sections` must be a")),
    ("keras.ops.array_split(A, 2, axis=1.5)", (TypeError, "Argument `axis` must be of type")),
    ("keras.ops.full((2,), 'a')", (TypeError, "Cannot convert 'a' to EagerTensor of dtype")),
    ("keras.ops.full_like(A, B)", (IAE, "Rank of input (3) must be no greater than rank of")),
    ("keras.ops.broadcast_to(A, (2.5, 3))", (IAE, "Value for attr 'Tidx' of float is not")),
    ("keras.ops.diag(A, k=5)", (IAE, "lower_diag_index is out of bound: 5. It must be")),
    ("keras.ops.diagonal(A, axis1=0, axis2=-2)", (ValueError, "`axis1` and `axis2` cannot")),
    ("keras.ops.diagonal(A, offset=1.5)", (TypeError, "Cannot convert 1.5 to EagerTensor of")),
    ("keras.ops.diagonal(B, offset=1, axis1=1, axis2=2)", [[1.0], [1.0], [1.0]]),
    ("keras.ops.fliplr(np.ones(3))", (IAE, "'axis'[0] = 1 is out of valid range [0, 0")),
    ("keras.ops.fliplr(np.array(3.))", 3.0),
    ("keras.ops.in_top_k(np.array([0, 1, 2]), A, 1)", (IAE, "First dimension of predictions")),
    ("keras.ops.in_top_k(np.array([0, 1]), A, 1.5)", (TypeError, "Cannot convert 1.5 to")),
    ("keras.ops.in_top_k(np.array([0.9, 1.7]), np.eye(2, 3, dtype=np.float32), 1)", [1, 1]),
    ("keras.ops.isclose(A, A, atol=None)", (ValueError, "Attempt to convert a value (None)")),
    ("keras.ops.allclose(A, B)", (IAE, "Incompatible shapes: [2,3] vs. [3,2,2] [Op:LogicalAnd]")),
    ("keras.ops.allclose(np.array([np.inf, 1.]), np.array([np.inf, 1.]))", True),
    ("keras.ops.average(A, weights=B)", (IAE, "Incompatible shapes: [2,3] vs. [3,2,2] [Op:Mul]")),
    ("keras.ops.average(A, axis=0, weights=np.ones(3))", (IAE, "Matrix size-incompatible")),
    ("keras.ops.average(A, axis=5)", (IAE, "Invalid reduction dimension (5 for input with 2")),
    ("keras.ops.elu(A, alpha='a')", (TypeError, "Cannot convert 'a' to EagerTensor of dtype")),
    ("keras.ops.leaky_relu(A, negative_slope='a')", (TypeError, "Expected float for argument")),
    ("keras.ops.dtype([1., 2.])", (AttributeError, "'list' object has no attribute 'dtype'")),
    ("keras.ops.clip(None, 0, 1)", (AttributeError, "'NoneType' object has no attribute")),
    ("keras.ops.layer_normalization(A, gamma=B)", (IAE, "Input to reshape is a tensor with 12")),
    ("keras.ops.layer_normalization(A, axis=5)", (IndexError, "tuple index out of range")),
    ("keras.ops.batch_normalization(A, np.ones(2), np.ones(3), axis=-1)", (IAE, "Incompatible")),
    ("keras.ops.cross(np.ones(2), np.array([1., 0.]))", -1.0),
    ("keras.ops.cross(np.ones(3), np.ones(4))", (IAE, "Incompatible shapes: [3] vs. [4]")),
    ("keras.ops.inner(A, B)", (IAE, "Matrix size-incompatible: In[0]: [2,3], In[1]: [2,6]")),
    ("keras.ops.hsplit(A, [1, 5])", (IAE, "Split size at index 2 must be >= 0. Got: -2")),
    ("keras.ops.hsplit(A, [2, 1])", (IAE, "Determined shape must either match input shape")),
    ("keras.ops.hsplit(A, 1.5)", (IAE, "Attempting to slice scalar input.")),
    ("keras.ops.cumsum(B, axis=np.array([0, 5]))", (IAE, "ScanOp: axis must be a scalar")),
    ("keras.ops.argmin(B, axis=np.array([0, 5]))", (IAE, "dim must be a scalar, but received")),
    ("keras.ops.convert_to_tensor('a', dtype='float32')", (TypeError, "Cannot convert 'a' to")),
    ("keras.ops.empty('a')", (TypeError, "Cannot convert 'a' to EagerTensor of dtype int32")),
    ("keras.ops.einsum('ij->ik', A)", (ValueError, "Output subscripts contain the label c")),
    ("keras.ops.einsum('ij', A, A)", (ValueError, 'Got 2 inputs for equation "ab", expecting')),
    ("keras.ops.einsum(A)", (TypeError, "unhashable type: 'numpy.ndarray'")),
    ("keras.ops.einsum('ij,jk->ik', A, A)", (IAE, "Matrix size-incompatible: In[0]: [2,3]")),
    ("keras.ops.dot_product_attention(B, B, B)", (ValueError, "`dot_product_attention` only")),
    (
        "keras.ops.dot_product_attention(Q, np.ones((1, 3, 1, 4)), np.ones((1, 3, 1, 4)))",
        (IAE, "Expected dimension 2 at axis 2 of the input shaped [1,3,1,4] but got"),
    ),
    ("keras.ops.convert_to_numpy(None)", None),
    ("keras.ops.convert_to_numpy([[1, 2], [3]])", (ValueError, "setting an array element")),
    ("keras.ops.linspace(0., 1., 2.5)", (TypeError, "Argument `tensor` (name: num) must be")),
    ("keras.ops.linspace(0., 1., 3, axis=5)", (IAE, "Tried to expand dim index 5 for tensor")),
    ("keras.ops.log_softmax(B, axis=1.5)", (IAE, "Requires start <= limit when delta > 0")),
    ("keras.ops.clip(S, 0, 1)", (ValueError, "Invalid dtype: str32")),
    ("keras.ops.arange(None)", (ValueError, "Invalid dtype: NoneType")),
    ("keras.ops.arange('a')", (TypeError, "Cannot convert 0 to EagerTensor of dtype string")),
    ("keras.ops.average(A, B)", (IAE, "Invalid reduction arguments: Axes contains duplicate")),
    ("keras.ops.bincount(np.ones((0, 3))).shape", [0, 0]),
    ("keras.ops.conv(A, 5)", (AttributeError, "'int' object has no attribute 'shape'")),
    ("keras.ops.conv(A, np.ones(2))", (IndexError, "tuple index out of range")),
    ("keras.ops.cross(B, 5)", (ValueError, "axis -1 is out of bounds for an array with")),
    ("keras.ops.layer_normalization(A, np.ones((3, 2)))", (IAE, "Incompatible shapes: [2,1]")),
    ("keras.ops.layer_normalization(A, np.ones((2, 3))).shape", [2, 3]),
]

_FUNCTION_NODE = re.compile(r"\{\{function_node [^}]*\}\}\s*|\x1b\[[0-9;]*m")


def _outcome(source, keras_module):
    names = {"keras": keras_module, "np": np, "A": A, "B": B, "I": I, "S": S, "X4": X4, "K": K}
    names["Q"] = Q
    try:
        return np.asarray(eval(source, names)).tolist()  # noqa: S307 - the cases above
    except Exception as error:  # noqa: BLE001 - the exception is the outcome compared
        return type(error).__name__, _FUNCTION_NODE.sub("", str(error))


@pytest.mark.parametrize("source,expected", CASES)
def test_outcome_is_keras_tf_backends(source, expected):
    outcome = _outcome(source, keras)
    if isinstance(expected, tuple):
        assert outcome[0] == expected[0].__name__, outcome
        assert outcome[1].startswith(expected[1]), outcome
    else:
        assert outcome == expected


def test_same_as_tensorflow():
    real_keras = pytest.importorskip("keras")
    pytest.importorskip("tensorflow")
    for source, _ in CASES:
        ours, theirs = _outcome(source, keras), _outcome(source, real_keras)
        if isinstance(theirs, tuple):
            assert ours[0] == theirs[0] and ours[1][:60] == theirs[1][:60], (source, ours, theirs)
        else:
            assert ours == theirs, source
