"""Differential tests: ``torchkeras.keras.ops`` against real Keras 3 (TensorFlow backend)."""

import inspect
import os
import warnings

import numpy as np
import pytest

tf_real = pytest.importorskip("tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras as keras_real  # noqa: E402

from torchkeras.keras import ops  # noqa: E402
from torchkeras.keras.ops._dtypes import result_type  # noqa: E402

rng = np.random.default_rng(0)
F32 = rng.standard_normal((2, 3)).astype("float32")
F32B = rng.standard_normal((2, 3)).astype("float32")
F64 = rng.standard_normal((2, 3))
POS = (np.abs(F32) + 0.5).astype("float32")
I32 = np.array([[1, -2, 3], [4, 5, -6]], dtype="int32")
I32B = np.array([[2, 3, 1], [1, 2, 4]], dtype="int32")
I64 = I32.astype("int64")
I8 = I32.astype("int8")
U8 = np.abs(I32).astype("uint8")
F16 = F32.astype("float16")
BOOL = np.array([[True, False, True], [False, False, True]])
SQ = (rng.standard_normal((3, 3)) + 3 * np.eye(3)).astype("float32")
SPD = (SQ @ SQ.T).astype("float32")
IMG = rng.standard_normal((2, 5, 6, 3)).astype("float32")
VEC = np.array([3.0, 1.0, 2.0, 5.0], dtype="float32")
SPECIAL = np.array([1.0, np.nan, np.inf, -np.inf, -0.5], dtype="float32")
LOGITS = rng.standard_normal((4, 5)).astype("float32")
PROBS = np.exp(LOGITS) / np.exp(LOGITS).sum(-1, keepdims=True)
ONEHOT = np.eye(5, dtype="float32")[[0, 3, 1, 4]]
LABELS = np.array([0, 3, 1, 4], dtype="int32")
Q = rng.standard_normal((2, 4, 2, 8)).astype("float32")
K = rng.standard_normal((2, 6, 2, 8)).astype("float32")
V = rng.standard_normal((2, 6, 2, 8)).astype("float32")
KER2 = rng.standard_normal((3, 3, 3, 4)).astype("float32")
DKER2 = rng.standard_normal((3, 3, 3, 2)).astype("float32")
SEQ = rng.standard_normal((2, 7, 3)).astype("float32")
KER1 = rng.standard_normal((3, 3, 5)).astype("float32")


class Raw:
    """An argument passed unconverted (a NumPy array or Python list stays one)."""

    def __init__(self, value):
        self.value = value


CASES = [
    # element-wise unary
    ("abs", (F32,)),
    ("abs", (I32,)),
    ("abs", (U8,)),
    ("absolute", (I8,)),
    ("negative", (I32,)),
    ("sign", (F32,)),
    ("sign", (I32,)),
    ("square", (I32,)),
    ("square", (BOOL,)),
    ("sqrt", (POS,)),
    ("sqrt", (I32B,)),
    ("sqrt", (I64,)),
    ("exp", (F32,)),
    ("exp", (I32,)),
    ("exp", (F16,)),
    ("exp", (BOOL,)),
    ("log", (POS,)),
    ("log", (I32B,)),
    ("log1p", (POS,)),
    ("log2", (POS,)),
    ("log10", (POS,)),
    ("expm1", (F32,)),
    ("sin", (F32,)),
    ("cos", (I32,)),
    ("tan", (F32,)),
    ("tanh", (F32,)),
    ("tanh", (I64,)),
    ("sinh", (F32,)),
    ("cosh", (F32,)),
    ("arctan", (F32,)),
    ("arcsinh", (F32,)),
    ("floor", (F32,)),
    ("floor", (I32,)),
    ("ceil", (F32,)),
    ("ceil", (I64,)),
    ("round", (F32 * 3,)),
    ("round", (I32,)),
    ("round", (F32 * 30,), {"decimals": 1}),
    ("round", (I32 * 37,), {"decimals": -1}),
    ("reciprocal", (POS,)),
    ("isnan", (SPECIAL,)),
    ("isinf", (SPECIAL,)),
    ("isfinite", (SPECIAL,)),
    ("isnan", (I32,)),
    ("isfinite", (I32,)),
    ("logical_not", (BOOL,)),
    ("logical_not", (I32,)),
    # element-wise binary and promotion
    ("add", (F32, F32B)),
    ("add", (I32, 1.5)),
    ("add", (I32, 2)),
    ("add", (F16, 1.0)),
    ("add", (I8, U8)),
    ("add", (I32, F32)),
    ("add", (I64, F32)),
    ("add", (F16, F32)),
    ("add", (I8, 3)),
    ("add", (BOOL, 1)),
    ("add", (Raw(F64), F32)),
    ("add", (Raw([1, 2, 3]), F32)),
    ("add", (2, 3.5)),
    ("add", (F32, Raw(I32))),
    ("add", (U8.astype("uint32"), I32)),
    ("add", (U8, I8)),
    ("multiply", (BOOL, 2.5)),
    ("maximum", (U8, I8)),
    ("power", (U8, 2)),
    ("where", (BOOL, U8, I8)),
    ("subtract", (2, I8)),
    ("divide", (1, F16)),
    ("add", (Raw(F64), 1)),
    ("multiply", (F16, I32)),
    ("subtract", (F32, Raw(2.5))),
    ("add", (I64, 2**40)),
    ("subtract", (I32, I32B)),
    ("subtract", (U8, 1)),
    ("multiply", (I32, 0.5)),
    ("multiply", (F32, F32B)),
    ("multiply", (I8, I32)),
    ("divide", (I32, I32B)),
    ("divide", (F16, 2)),
    ("divide", (F32, 2)),
    ("divide", (I64, 2)),
    ("true_divide", (I32, 4)),
    ("floor_divide", (I32, I32B)),
    ("floor_divide", (F32, 0.7)),
    ("mod", (I32, I32B)),
    ("mod", (F32, 0.7)),
    ("mod", (I32, 3)),
    ("power", (I32B, 2)),
    ("power", (POS, 0.5)),
    ("power", (I32B, I32B)),
    ("maximum", (F32, F32B)),
    ("maximum", (I32, 0.5)),
    ("minimum", (I32, I32B)),
    ("minimum", (F32, 0)),
    ("arctan2", (F32, F32B)),
    ("arctan2", (I32, I32B)),
    ("equal", (I32, I32B)),
    ("equal", (I32, 1.0)),
    ("not_equal", (F32, F32B)),
    ("greater", (F32, 0.0)),
    ("greater_equal", (I32, I32B)),
    ("less", (I32, 2)),
    ("less_equal", (F32, F32B)),
    ("logical_and", (BOOL, I32)),
    ("logical_or", (BOOL, BOOL[::-1].copy())),
    ("logical_xor", (BOOL, I32)),
    ("clip", (F32, -0.5, 0.5)),
    ("clip", (F32, Raw(np.zeros(3, "float32")), 1)),
    ("clip", (I32, -1, 3)),
    ("clip", (BOOL, 0, 1)),
    ("where", (BOOL, F32, F32B)),
    ("where", (BOOL, I32, 1.5)),
    ("where", (BOOL, 0, I8)),
    ("where", (I32,)),
    # reductions
    ("sum", (F32,)),
    ("sum", (I32,), {"axis": 0}),
    ("sum", (BOOL,)),
    ("sum", (I8,), {"axis": 1, "keepdims": True}),
    ("sum", (U8,)),
    ("sum", (F32,), {"axis": (0, 1), "keepdims": True}),
    ("sum", (I64,), {"axis": -1}),
    ("mean", (F32,)),
    ("mean", (I32,), {"axis": 1}),
    ("mean", (F16,)),
    ("mean", (BOOL,), {"keepdims": True}),
    ("mean", (I64,)),
    ("max", (F32,)),
    ("max", (I32,), {"axis": 0}),
    ("max", (BOOL,), {"axis": 1}),
    ("max", (F32,), {"initial": 1.0}),
    ("max", (F32,), {"axis": 1, "keepdims": True}),
    ("min", (I32,)),
    ("min", (F32,), {"axis": (0, 1)}),
    ("min", (BOOL,)),
    ("min", (I32,), {"axis": 1, "initial": 0}),
    ("amax", (F32,), {"axis": 0}),
    ("amin", (I32,)),
    ("prod", (I32,)),
    ("prod", (I8,), {"axis": 1}),
    ("prod", (F32,), {"axis": 0, "keepdims": True}),
    ("prod", (BOOL,)),
    ("prod", (I32,), {"dtype": "float32"}),
    ("all", (BOOL,)),
    ("all", (I32,), {"axis": 1}),
    ("any", (BOOL,), {"axis": 0, "keepdims": True}),
    ("any", (F32,)),
    ("std", (F32,)),
    ("std", (I32,), {"axis": 1}),
    ("std", (F32,), {"axis": 0, "keepdims": True}),
    ("var", (F32,)),
    ("var", (I32,), {"axis": 0}),
    ("var", (F16,)),
    ("var", (I64,)),
    ("average", (F32,)),
    ("average", (I32,), {"axis": 1}),
    ("average", (F32,), {"axis": 1, "weights": Raw(np.array([1.0, 2.0, 3.0], "float32"))}),
    ("average", (F32,), {"weights": POS}),
    ("average", (F32,), {"axis": 0, "weights": POS}),
    ("argmax", (F32,)),
    ("argmax", (I32,), {"axis": 1}),
    ("argmax", (F32,), {"axis": 0, "keepdims": True}),
    ("argmax", (Raw(np.array([-0.0, 0.0, -1.0], "float32")),)),
    ("argmin", (Raw(np.array([0.0, -0.0, 1.0], "float32")),)),
    ("argmax", (F16,), {"axis": 1}),
    ("argmin", (F32,)),
    ("argmin", (I32,), {"axis": -1}),
    ("argmax", (BOOL,), {"axis": 1}),
    ("cumsum", (F32,)),
    ("cumsum", (I32,), {"axis": 1}),
    ("cumsum", (BOOL,), {"axis": 0}),
    ("cumsum", (I8,), {"axis": 1}),
    ("cumsum", (I32,), {"axis": 0, "dtype": "float32"}),
    ("cumprod", (F32,), {"axis": 0}),
    ("cumprod", (I32,)),
    ("count_nonzero", (I32 * BOOL,)),
    ("count_nonzero", (BOOL,), {"axis": 0}),
    ("logsumexp", (F32,)),
    ("logsumexp", (F32,), {"axis": 1, "keepdims": True}),
    # creation
    ("arange", (5,)),
    ("arange", (1, 7, 2)),
    ("arange", (0.5,)),
    ("arange", (0, 2, 0.5)),
    ("arange", (3,), {"dtype": "float32"}),
    ("arange", (2, 8), {"dtype": "int64"}),
    ("array", (Raw([1, 2, 3]),)),
    ("array", (Raw([1.5, 2.0]),)),
    ("array", (Raw(F64),)),
    ("array", (Raw([1, 2]),), {"dtype": "float32"}),
    ("array", (Raw([0.0, 1.5]),), {"dtype": "bool"}),
    ("eye", (3,)),
    ("eye", (3, 4), {"k": 1}),
    ("eye", (4, 3), {"k": -1, "dtype": "int32"}),
    ("identity", (3,)),
    ("identity", (2,), {"dtype": "int64"}),
    ("full", ((2, 3), 7)),
    ("full", ((2,), 1.5), {"dtype": "int32"}),
    ("full", ((3,), 2.0), {"dtype": "float16"}),
    ("full_like", (I32, 2.7)),
    ("full_like", (F32, 3), {"dtype": "int8"}),
    ("ones", ((2, 3),)),
    ("ones", (3,), {"dtype": "int32"}),
    ("zeros", ((2, 2),), {"dtype": "bool"}),
    ("zeros", ((1, 2),)),
    ("ones_like", (I32,)),
    ("ones_like", (F32,), {"dtype": "float16"}),
    ("zeros_like", (BOOL,)),
    ("zeros_like", (I32,), {"dtype": "float32"}),
    ("linspace", (0, 1), {"num": 5}),
    ("linspace", (0.0, 10.0), {"num": 4, "endpoint": False}),
    ("linspace", (2, 10), {"num": 5, "dtype": "int32"}),
    ("linspace", (0, 1), {"num": 5, "retstep": True}),
    (
        "linspace",
        (Raw(np.array([0.0, 1.0], "float32")), Raw(np.array([1.0, 3.0], "float32"))),
        {"num": 3, "axis": 1},
    ),
    ("diag", (VEC,)),
    ("diag", (SQ,)),
    ("diag", (SQ,), {"k": 1}),
    ("diag", (VEC,), {"k": -1}),
    ("diagonal", (SQ,)),
    ("tri", (3,)),
    ("tri", (3, 4), {"k": -1}),
    ("tril", (SQ,)),
    ("tril", (SQ,), {"k": -1}),
    ("triu", (SQ,)),
    ("triu", (F32,), {"k": 1}),
    # manipulation
    ("append", (F32, F32B)),
    ("append", (I32, F32), {"axis": 0}),
    ("broadcast_to", (VEC, (3, 4))),
    ("concatenate", ([F32, F32B],)),
    ("concatenate", ([I32, F32],), {"axis": 1}),
    ("concatenate", ([I8, U8],)),
    ("hstack", ([F32, F32B],)),
    ("hstack", ([VEC, VEC],)),
    ("vstack", ([F32, I32],)),
    ("stack", ([F32, F32B],)),
    ("stack", ([I32, I32B],), {"axis": -1}),
    ("stack", ([I32, F32],), {"axis": 1}),
    ("stack", (Raw([1.0, 2.0]),)),
    ("expand_dims", (F32, 0)),
    ("expand_dims", (F32, -1)),
    ("expand_dims", (F32, (0, 2))),
    ("squeeze", (F32[None],)),
    ("squeeze", (F32[:, None],), {"axis": 1}),
    ("reshape", (F32, (3, 2))),
    ("reshape", (F32, (-1,))),
    ("reshape", (I32, (1, -1, 2))),
    ("ravel", (F32,)),
    ("flip", (F32,)),
    ("flip", (F32,), {"axis": 1}),
    ("moveaxis", (IMG, 3, 1)),
    ("moveaxis", (IMG, (0, 1), (2, 3))),
    ("swapaxes", (IMG, 1, 2)),
    ("transpose", (F32,)),
    ("transpose", (IMG, (0, 3, 1, 2))),
    ("transpose", (IMG, (-1, 0, 1, 2))),
    ("pad", (F32, ((1, 1), (2, 0)))),
    ("pad", (I32, ((0, 1), (1, 1))), {"constant_values": 9}),
    ("pad", (F32, ((1, 1), (2, 2))), {"mode": "reflect"}),
    ("pad", (F32, ((1, 0), (1, 2))), {"mode": "symmetric"}),
    ("repeat", (F32, 2)),
    ("repeat", (I32, 2), {"axis": 1}),
    ("repeat", (F32, Raw([1, 2])), {"axis": 0}),
    ("tile", (F32, 2)),
    ("tile", (F32, (2, 1))),
    ("tile", (VEC, (2, 1, 2))),
    ("split", (IMG, 2)),
    ("split", (IMG, 3), {"axis": 2}),
    ("split", (IMG, Raw([1, 4])), {"axis": 2}),
    ("take", (F32, Raw([0, 4]))),
    ("take", (F32, Raw([[0, 2], [1, -1]])), {"axis": 1}),
    ("take", (IMG, Raw(np.array([1, 0], "int32"))), {"axis": 0}),
    ("take_along_axis", (F32, Raw(np.array([[0, 2, 1], [1, 1, 0]]))), {"axis": 1}),
    ("take_along_axis", (F32, Raw(np.array([[1, 0, 1]]))), {"axis": 0}),
    ("take_along_axis", (VEC, Raw(np.array([3, 0]))), {"axis": None}),
    ("sort", (F32,)),
    ("sort", (F32,), {"axis": 0}),
    ("sort", (I32,), {"axis": None}),
    ("sort", (BOOL,)),
    ("argsort", (F32,)),
    ("argsort", (VEC,)),
    ("argsort", (I32,), {"axis": 0}),
    ("argsort", (F32,), {"axis": None}),
    ("roll", (F32, 1)),
    ("roll", (F32, -1), {"axis": 1}),
    ("meshgrid", (VEC, VEC[:2])),
    ("meshgrid", (VEC, VEC[:2]), {"indexing": "ij"}),
    ("nonzero", (I32 * BOOL,)),
    ("ndim", (IMG,)),
    ("size", (IMG,)),
    # products
    ("matmul", (F32, F32B.T.copy())),
    ("matmul", (I32, I32B.T.copy())),
    ("matmul", (I8, I8.T.copy())),
    ("matmul", (I32, F32.T.copy())),
    ("matmul", (IMG, Raw(np.ones((3, 2), "float32")))),
    ("matmul", (SQ, VEC[:3])),
    ("dot", (VEC, VEC)),
    ("dot", (F32, F32B.T.copy())),
    ("dot", (I32, I32B.T.copy())),
    ("dot", (F32, 2.0)),
    ("dot", (IMG, VEC[:3])),
    ("einsum", ("ij,kj->ik", F32, F32B)),
    ("einsum", ("ij->j", I32)),
    ("einsum", ("ij,ij->i", I32, F32)),
    ("tensordot", (F32, F32B.T.copy()), {"axes": 1}),
    ("tensordot", (F32, F32B), {"axes": ([1], [1])}),
    ("outer", (VEC, VEC[:2])),
    # nn
    ("relu", (F32,)),
    ("relu6", (F32 * 5,)),
    ("sigmoid", (F32,)),
    ("softmax", (F32,)),
    ("softmax", (F32,), {"axis": 0}),
    ("softmax", (IMG,), {"axis": (1, 2)}),
    ("log_softmax", (F32,)),
    ("log_softmax", (F32,), {"axis": 0}),
    ("softplus", (F32,)),
    ("softsign", (F32,)),
    ("silu", (F32,)),
    ("swish", (F32,)),
    ("gelu", (F32,)),
    ("gelu", (F32,), {"approximate": False}),
    ("elu", (F32,)),
    ("elu", (F32,), {"alpha": 0.5}),
    ("selu", (F32,)),
    ("leaky_relu", (F32,)),
    ("leaky_relu", (F32,), {"negative_slope": 0.1}),
    ("hard_sigmoid", (F32 * 4,)),
    ("hard_silu", (F32 * 4,)),
    ("log_sigmoid", (F32,)),
    ("one_hot", (LABELS, 5)),
    ("one_hot", (Raw(np.array([0, -1, 2])), 3), {"axis": 0}),
    ("one_hot", (I32B, 5), {"dtype": "int32"}),
    ("one_hot", (LABELS, 5), {"dtype": "bool"}),
    ("multi_hot", (Raw(np.array([[0, 2], [1, 1]])), 4)),
    ("multi_hot", (Raw(np.array([0, 3])), 4)),
    ("binary_crossentropy", (BOOL.astype("float32"), POS / 3)),
    ("binary_crossentropy", (BOOL.astype("float32"), F32), {"from_logits": True}),
    ("categorical_crossentropy", (ONEHOT, PROBS)),
    ("categorical_crossentropy", (ONEHOT, LOGITS), {"from_logits": True}),
    ("sparse_categorical_crossentropy", (LABELS, PROBS)),
    ("sparse_categorical_crossentropy", (LABELS, LOGITS), {"from_logits": True}),
    ("sparse_categorical_crossentropy", (LABELS[:, None], PROBS)),
    ("conv", (IMG, KER2)),
    ("conv", (IMG, KER2), {"padding": "same", "strides": 2}),
    ("conv", (IMG, KER2), {"dilation_rate": 2, "padding": "same"}),
    ("conv", (SEQ, KER1), {"padding": "same"}),
    (
        "conv",
        (IMG.transpose(0, 3, 1, 2).copy(), KER2),
        {"data_format": "channels_first", "padding": "same"},
    ),
    ("depthwise_conv", (IMG, DKER2)),
    ("depthwise_conv", (IMG, DKER2), {"padding": "same", "strides": (2, 1)}),
    ("max_pool", (IMG, 2)),
    ("max_pool", (IMG, 3), {"strides": 2, "padding": "same"}),
    ("max_pool", (SEQ, 2), {"padding": "same"}),
    ("average_pool", (IMG, 2)),
    ("average_pool", (IMG, (3, 2)), {"strides": 2, "padding": "same"}),
    ("average_pool", (SEQ, 3), {"strides": 1, "padding": "same"}),
    ("moments", (IMG, (0, 1, 2))),
    ("moments", (F32, 1), {"keepdims": True}),
    ("moments", (F16, (0,))),
    ("batch_normalization", (IMG, VEC[:3], POS[0], -1)),
    (
        "batch_normalization",
        (IMG, VEC[:3], POS[0], 3),
        {"offset": F32[0], "scale": F32B[0], "epsilon": 0.01},
    ),
    ("normalize", (F32,)),
    ("normalize", (F32,), {"axis": 0}),
    ("normalize", (F32,), {"order": 1}),
    ("dot_product_attention", (Q, K, V)),
    ("dot_product_attention", (Q, K, V), {"scale": 0.5}),
    ("dot_product_attention", (Q, Q, Q), {"is_causal": True}),
    ("dot_product_attention", (Q, K, V), {"mask": Raw(np.tril(np.ones((4, 6), bool)))}),
    (
        "dot_product_attention",
        (Q, K, V),
        {"bias": Raw(rng.standard_normal((2, 2, 4, 6)).astype("float32"))},
    ),
    ("celu", (F32,)),
    ("celu", (F32,), {"alpha": 2.0}),
    ("glu", (IMG[..., :2],)),
    ("hard_tanh", (F32 * 2,)),
    ("squareplus", (F32,)),
    ("squareplus", (F32,), {"b": 1}),
    ("sparse_plus", (F32 * 2,)),
    ("soft_shrink", (F32,)),
    ("hard_shrink", (F32,), {"threshold": 0.8}),
    ("tanh_shrink", (F32,)),
    ("threshold", (F32, 0.1, -5.0)),
    ("layer_normalization", (IMG,)),
    ("layer_normalization", (IMG, VEC[:3], POS[0]), {"epsilon": 0.1}),
    ("layer_normalization", (IMG,), {"axis": (1, 2)}),
    ("layer_normalization", (F16,)),
    ("rms_normalization", (IMG,)),
    ("rms_normalization", (IMG, VEC[:3]), {"epsilon": 0.1}),
    ("rms_normalization", (F16,), {"axis": 0}),
    ("separable_conv", (IMG, DKER2, Raw(rng.standard_normal((1, 1, 6, 4)).astype("float32")))),
    (
        "separable_conv",
        (IMG, DKER2, Raw(rng.standard_normal((1, 1, 6, 4)).astype("float32"))),
        {"padding": "same", "strides": 2},
    ),
    ("conv_transpose", (IMG, KER2.transpose(0, 1, 3, 2).copy())),
    ("conv_transpose", (IMG, KER2.transpose(0, 1, 3, 2).copy()), {"strides": 2, "padding": "same"}),
    ("conv_transpose", (IMG, KER2.transpose(0, 1, 3, 2).copy()), {"strides": 2}),
    (
        "conv_transpose",
        (IMG, KER2.transpose(0, 1, 3, 2).copy()),
        {"strides": (2, 3), "padding": "same"},
    ),
    ("conv_transpose", (IMG, KER2[:2, :2].transpose(0, 1, 3, 2).copy()), {"strides": 3}),
    (
        "conv_transpose",
        (IMG, KER2[:2, :2].transpose(0, 1, 3, 2).copy()),
        {"strides": 3, "padding": "same"},
    ),
    (
        "conv_transpose",
        (IMG, KER2.transpose(0, 1, 3, 2).copy()),
        {"strides": 2, "padding": "same", "output_padding": 1},
    ),
    (
        "conv_transpose",
        (IMG, KER2.transpose(0, 1, 3, 2).copy()),
        {"strides": 2, "output_padding": 1},
    ),
    (
        "conv_transpose",
        (IMG, KER2.transpose(0, 1, 3, 2).copy()),
        {"dilation_rate": 2, "padding": "same"},
    ),
    ("conv_transpose", (SEQ, KER1.transpose(0, 2, 1).copy()), {"strides": 2, "padding": "same"}),
    ("nan_to_num", (SPECIAL,)),
    ("nan_to_num", (SPECIAL,), {"nan": 1.0, "posinf": 9.0}),
    ("nan_to_num", (I32,)),
    ("isclose", (F32, F32 + 1e-6)),
    ("isclose", (I32, I32B)),
    ("isclose", (SPECIAL, SPECIAL), {"equal_nan": True}),
    ("trace", (SQ,)),
    ("trace", (I8.reshape(3, 2),)),
    ("trace", (IMG,), {"offset": 1, "axis1": 1, "axis2": 2}),
    ("signbit", (Raw(np.array([-0.0, 0.0, -1.0, 2.0], "float32")),)),
    ("signbit", (I32,)),
    ("signbit", (BOOL,)),
    ("copy", (F32,)),
    ("logaddexp", (F32, F32B)),
    ("logaddexp", (I32, I32B)),
    ("exp2", (F32,)),
    ("exp2", (I32,)),
    ("hypot", (F32, F32B)),
    ("hypot", (I32, I32B)),
    ("hypot", (I64, I32)),
    ("inner", (F32, F32B)),
    ("inner", (I32, I32B)),
    ("vdot", (F32, F32B)),
    ("vdot", (I32, F32)),
    ("bincount", (Raw(np.array([0, 1, 1, 3])),)),
    ("bincount", (Raw(np.array([0, 1, 1, 3])),), {"minlength": 6}),
    (
        "bincount",
        (Raw(np.array([0, 1, 1])),),
        {"weights": Raw(np.array([0.5, 1.0, 2.0], "float32"))},
    ),
    ("bincount", (Raw(np.array([[0, 1], [2, 2]])),)),
    ("quantile", (F32, 0.3)),
    ("quantile", (F32, Raw(np.array([0.1, 0.9], "float32"))), {"axis": 1}),
    ("quantile", (IMG, 0.5), {"axis": (1, 2), "keepdims": True}),
    ("quantile", (F32, 0.4), {"method": "lower"}),
    ("quantile", (F32, 0.4), {"method": "midpoint", "axis": 0}),
    ("quantile", (I32, 0.5)),
    ("percentile", (F32, 30)),
    ("percentile", (IMG, Raw(np.array([10.0, 90.0], "float32"))), {"axis": 0}),
    ("logspace", (0.0, 2.0), {"num": 3}),
    ("logspace", (0.0, 3.0), {"num": 4, "base": 2, "endpoint": False}),
    ("logspace", (1, 3), {"num": 3, "dtype": "int32"}),
    ("median", (F32,)),
    ("median", (I32,), {"axis": 1}),
    ("median", (F32,), {"axis": 0, "keepdims": True}),
    ("digitize", (F32, Raw(np.array([-1.0, 0.0, 1.0], "float32")))),
    ("cross", (Raw(F32), Raw(F32B))),
    ("cross", (Raw(I32), Raw(I32B))),
    ("cross", (Raw(F32.T.copy()), Raw(F32B.T.copy())), {"axis": 0}),
    ("trunc", (F32 * 3,)),
    ("trunc", (I32,)),
    ("fabs", (I32,)),
    ("fabs", (F32,)),
    ("deg2rad", (F32,)),
    ("deg2rad", (I32,)),
    ("deg2rad", (I64,)),
    ("rad2deg", (F16,)),
    ("cbrt", (F32,)),
    ("cbrt", (I64,)),
    ("cbrt", (I32,)),
    ("sinc", (Raw(np.array([0.0, 0.5, 1.5], "float32")),)),
    ("sinc", (I32,)),
    ("diff", (F32,)),
    ("diff", (I32,), {"n": 2, "axis": 0}),
    ("diff", (IMG,), {"axis": 2}),
    ("isneginf", (SPECIAL,)),
    ("isposinf", (SPECIAL,)),
    ("isneginf", (I32,)),
    ("divide_no_nan", (F32, Raw(np.array([1.0, 0.0, 2.0], "float32")))),
    ("divide_no_nan", (I32, I32B)),
    ("logaddexp2", (F32, F32B)),
    ("logaddexp2", (I32, I32B)),
    ("ptp", (F32,)),
    ("ptp", (I32,), {"axis": 1}),
    ("ptp", (F32,), {"axis": 0, "keepdims": True}),
    ("fmod", (I32, I32B)),
    ("fmod", (F32, 0.7)),
    ("fmod", (F32 * 3, F32B)),
    ("heaviside", (Raw(np.array([-1.0, 0.0, 2.0], "float32")), 0.5)),
    ("heaviside", (I32, I32B)),
    ("heaviside", (I64, I32)),
    ("kron", (F32, F32B)),
    ("kron", (I32, VEC)),
    ("searchsorted", (VEC[[1, 2, 0, 3]], F32[0])),
    ("searchsorted", (VEC[[1, 2, 0, 3]], VEC), {"side": "right"}),
    ("diagflat", (F32,)),
    ("diagflat", (VEC,), {"k": 1}),
    ("fliplr", (F32,)),
    ("flipud", (IMG,)),
    ("rot90", (F32,)),
    ("rot90", (IMG,), {"k": 3, "axes": (1, 2)}),
    ("rot90", (IMG,), {"k": -1, "axes": (2, 1)}),
    ("hsplit", (IMG, 5)),
    ("hsplit", (VEC, 2)),
    ("vsplit", (IMG, 2)),
    ("array_split", (IMG, 4), {"axis": 2}),
    ("dstack", ([F32, F32B],)),
    ("dstack", ([VEC, VEC],)),
    ("dstack", ([IMG, IMG],)),
    ("dstack", ([I32, F32],)),
    ("empty", ((2, 3),)),
    ("empty", ((2,),), {"dtype": "int32"}),
    ("empty_like", (I32,)),
    ("allclose", (F32, F32 + 1e-7)),
    ("allclose", (F32, F32B)),
    ("nansum", (SPECIAL[[0, 1, 4]],)),
    ("nansum", (I32,), {"axis": 0}),
    ("nansum", (BOOL,)),
    ("nanmean", (SPECIAL[[0, 1, 4]],)),
    ("nanmean", (I32,), {"axis": 1}),
    ("nanmean", (Raw(np.array([[1.0, np.nan], [np.nan, np.nan]], "float32")),), {"axis": 1}),
    ("nanmax", (SPECIAL[[0, 1, 4]],)),
    ("nanmin", (Raw(np.array([[1.0, np.nan], [np.nan, np.nan]], "float32")),), {"axis": 1}),
    ("nanmax", (I32,), {"axis": 0, "keepdims": True}),
    ("select", ([Raw(BOOL), Raw(~BOOL)], [F32, F32B])),
    ("select", ([Raw(BOOL)], [I32]), {"default": -1}),
    # core
    ("convert_to_tensor", (Raw([1, 2]),)),
    ("convert_to_tensor", (Raw(3.5),)),
    ("convert_to_tensor", (Raw(F64),)),
    ("convert_to_tensor", (F32,), {"dtype": "float16"}),
    ("convert_to_tensor", (Raw([1.7, -2.2]),), {"dtype": "int32"}),
    ("cast", (F32 * 3, "int32")),
    ("cast", (I32, "bool")),
    ("cast", (BOOL, "float32")),
    ("shape", (IMG,)),
    ("dtype", (I8,)),
    ("is_tensor", (F32,)),
    ("is_tensor", (Raw(F32),)),
    ("stop_gradient", (F32,)),
    (
        "scatter",
        (
            Raw(np.array([[0, 1], [1, 2], [0, 1]])),
            Raw(np.array([1.0, 2.0, 3.0], "float32")),
            (2, 3),
        ),
    ),
    (
        "scatter_update",
        (F32, Raw(np.array([[0, 1], [1, 2]])), Raw(np.array([9.0, 8.0], "float32"))),
    ),
    (
        "scatter_update",
        (F32, Raw(np.array([[0, 1], [0, 1], [1, 2]])), Raw(np.array([2.0, 3.0, 4.0], "float32"))),
        {"reduction": "add"},
    ),
    (
        "scatter_update",
        (
            I32,
            Raw(np.array([[0], [1], [0]])),
            Raw(np.array([[2, 3, 4], [5, 5, 5], [0, 9, 1]], "int32")),
        ),
        {"reduction": "max"},
    ),
    (
        "scatter_update",
        (F32, Raw(np.array([[1, 1], [0, 2]])), Raw(np.array([2.0, 3.0], "float32"))),
        {"reduction": "mul"},
    ),
    ("slice", (IMG, (0, 1, 2, 0), (1, 2, 3, 3))),
    ("slice_update", (F32, (0, 1), Raw(np.ones((2, 2), "float32")))),
    ("unstack", (F32,)),
    ("unstack", (F32,), {"axis": 1}),
    ("saturate_cast", (F32 * 300, "int8")),
    ("saturate_cast", (I32 * 100, "uint8")),
    # math
    ("segment_sum", (F32, Raw(np.array([0, 0]))), {"num_segments": 3}),
    ("segment_sum", (VEC, Raw(np.array([0, 1, 1, 2])))),
    ("segment_max", (VEC, Raw(np.array([0, 1, 1, 2])))),
    ("segment_min", (VEC, Raw(np.array([0, 1, 1, 2])))),
    ("segment_prod", (F32, Raw(np.array([1, 1]))), {"num_segments": 3}),
    ("segment_min", (I32, Raw(np.array([0, 0]))), {"num_segments": 2}),
    ("top_k", (F32, 2)),
    ("top_k", (VEC, 3)),
    ("in_top_k", (LABELS, LOGITS, 2)),
    ("erf", (F32,)),
    ("erfinv", (F32 / 4,)),
    ("rsqrt", (POS,)),
    ("logdet", (SPD,)),
    # linalg
    ("norm", (F32,)),
    ("norm", (F32,), {"axis": 1}),
    ("norm", (F32,), {"ord": 1, "axis": 0}),
    ("norm", (SQ,), {"ord": "fro"}),
    ("norm", (SQ,), {"ord": "nuc"}),
    ("norm", (F32,), {"axis": -1, "keepdims": True}),
    ("norm", (I32,)),
    ("inv", (SQ,)),
    ("det", (SQ,)),
    ("solve", (SQ, F32.T.copy())),
    ("cholesky", (SPD,)),
    ("solve_triangular", (np.tril(SQ), F32.T.copy()), {"lower": True}),
    ("slogdet", (SQ,)),
    ("slogdet", (-SPD,)),
    ("pinv", (F32,)),
    ("pinv", (SQ,)),
    ("lstsq", (F32.T.copy(), VEC[:3])),
    ("lstsq", (SQ, F32.T.copy())),
    ("matrix_rank", (SQ,)),
    ("matrix_rank", (Raw(np.ones((3, 3), "float32")),)),
]


def _convert(value, to_tensor):
    if isinstance(value, Raw):
        return value.value
    if isinstance(value, np.ndarray):
        return to_tensor(value)
    if isinstance(value, list):
        return [_convert(v, to_tensor) for v in value]
    return value


def _compare(ours, theirs, where):
    if isinstance(theirs, (tuple, list)):
        assert isinstance(ours, (tuple, list)), where
        assert len(ours) == len(theirs), where
        for o, t in zip(ours, theirs):
            _compare(o, t, where)
        return
    if isinstance(theirs, (bool, int, str)) or theirs is None:
        assert ours == theirs, where
        return
    expected = np.asarray(theirs)
    got = np.asarray(ours)
    assert got.shape == expected.shape, (where, got.shape, expected.shape)
    assert ops.dtype(ours) == keras_real.ops.dtype(theirs), (
        where,
        ops.dtype(ours),
        keras_real.ops.dtype(theirs),
    )
    tol = 2e-2 if expected.dtype == np.float16 else 1e-4
    if expected.dtype.kind in "fc":
        np.testing.assert_allclose(
            got.astype("float64"),
            expected.astype("float64"),
            rtol=tol,
            atol=tol,
            err_msg=str(where),
        )
    else:
        np.testing.assert_array_equal(got, expected, err_msg=str(where))


def _lookup(module, name):
    for space in ("", "nn", "linalg", "image"):
        holder = getattr(module, space) if space else module
        if hasattr(holder, name):
            return getattr(holder, name)
    raise AttributeError(name)


@pytest.mark.parametrize("case", CASES, ids=["%s-%d" % (c[0], i) for i, c in enumerate(CASES)])
def test_matches_keras(case):
    name, args = case[0], case[1]
    kwargs = case[2] if len(case) > 2 else {}
    theirs = _lookup(keras_real.ops, name)(
        *[_convert(a, tf_real.constant) for a in args],
        **{k: _convert(v, tf_real.constant) for k, v in kwargs.items()},
    )
    ours = getattr(ops, name)(
        *[_convert(a, ops.convert_to_tensor) for a in args],
        **{k: _convert(v, ops.convert_to_tensor) for k, v in kwargs.items()},
    )
    if name in ("qr", "svd", "eigh"):
        return
    _compare(ours, theirs, case)


def _reconstruct(parts):
    return [np.asarray(p) for p in parts]


def test_decompositions_match_keras_up_to_sign():
    q, r = ops.qr(SQ)
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(r), SQ, atol=1e-4)
    kq, kr = keras_real.ops.qr(SQ)
    np.testing.assert_allclose(np.abs(np.asarray(r)), np.abs(np.asarray(kr)), atol=1e-4)
    u, s, vh = _reconstruct(ops.svd(SQ))
    np.testing.assert_allclose(s, np.asarray(keras_real.ops.svd(SQ)[1]), atol=1e-4)
    np.testing.assert_allclose(u @ np.diag(s) @ vh, SQ, atol=1e-4)
    w, v = _reconstruct(ops.eigh(SPD))
    np.testing.assert_allclose(w, np.asarray(keras_real.ops.eigh(SPD)[0]), rtol=1e-4)
    assert ops.dtype(ops.svd(SQ, compute_uv=False)) == "float32"


def test_variables_are_accepted_like_keras():
    ours = ops.add(__import__("torchkeras").keras.Variable(I32), 1.5)
    theirs = keras_real.ops.add(keras_real.Variable(I32), 1.5)
    _compare(ours, theirs, "variable")
    _compare(
        ops.convert_to_tensor(__import__("torchkeras").keras.Variable(F32)),
        keras_real.ops.convert_to_tensor(keras_real.Variable(F32)),
        "variable",
    )


def test_control_flow_matches_keras():
    for space, convert in ((keras_real.ops, tf_real.constant), (ops, ops.convert_to_tensor)):
        space.results = [
            space.cond(convert(True), lambda: 1, lambda: 2),
            space.while_loop(lambda i, t: i < 4, lambda i, t: (i + 1, t + i), [0, 0]),
            space.while_loop(lambda i: i < 40, lambda i: i + 1, 0, maximum_iterations=3),
            space.fori_loop(0, 5, lambda i, v: v + i, 0),
            space.fori_loop(0, 5, lambda i, v: v + i, convert(0.5)),
            space.map(lambda r: space.sum(r), convert(I32)),
            space.vectorized_map(lambda r: space.max(r), convert(F32)),
            space.switch(1, [lambda x: x + 1, lambda x: x * 2], 3),
        ]
    _compare(ops.results, keras_real.ops.results, "control flow")
    del ops.results, keras_real.ops.results


def test_layer_normalization_rms_scaling_warns_like_keras():
    warnings.simplefilter("always")
    with pytest.warns(UserWarning, match="rms_scaling=True"):
        theirs = keras_real.ops.layer_normalization(IMG, VEC[:3], rms_scaling=True)
    with pytest.warns(UserWarning, match="rms_scaling=True"):
        ours = ops.layer_normalization(
            ops.convert_to_tensor(IMG), ops.convert_to_tensor(VEC[:3]), rms_scaling=True
        )
    _compare(ours, theirs, "rms_scaling")


def test_rot90_half_turn_follows_numpy():
    # Keras 3.15's TF backend scrambles k=2 on inputs of rank > 3; torchkeras follows NumPy.
    x = np.arange(120, dtype="float32").reshape(2, 3, 4, 5)
    np.testing.assert_array_equal(np.asarray(ops.rot90(x, 2, (1, 2))), np.rot90(x, 2, (1, 2)))


def test_custom_gradient_matches_keras():
    def build(space):
        @space.custom_gradient
        def clipped_square(x):
            def grad(upstream):
                return space.clip(upstream * 2 * x, -1.0, 1.0)

            return space.square(x), grad

        return clipped_square

    x = F32
    with tf_real.GradientTape() as tape:
        value = tf_real.constant(x)
        tape.watch(value)
        theirs = tape.gradient(tf_real.reduce_sum(build(keras_real.ops)(value)), value)
    import torchkeras as tk

    with tk.GradientTape() as tape:
        value = tk.constant(x)
        tape.watch(value)
        ours = tape.gradient(tk.reduce_sum(build(ops)(value)), value)
    _compare(ours, theirs, "custom_gradient")


def test_result_type_matches_keras():
    names = [
        "bool",
        "uint8",
        "uint16",
        "uint32",
        "int8",
        "int16",
        "int32",
        "int64",
        "float16",
        "bfloat16",
        "float32",
        "float64",
        int,
        float,
    ]
    for a in names:
        for b in names:
            assert result_type(a, b) == keras_real.backend.result_type(a, b), (a, b)
    assert result_type() == keras_real.backend.result_type()
    assert result_type("int8", int, float) == keras_real.backend.result_type("int8", int, float)


def test_resize_matches_keras():
    for interpolation in ("bilinear", "nearest"):
        ours = ops.image.resize(IMG, (8, 4), interpolation=interpolation)
        theirs = keras_real.ops.image.resize(IMG, (8, 4), interpolation=interpolation)
        _compare(ours, theirs, interpolation)
    _compare(ops.image.rgb_to_grayscale(IMG), keras_real.ops.image.rgb_to_grayscale(IMG), "gray")
    pixels = (np.arange(48).reshape(4, 4, 3) * 5).astype("uint8")
    ours, theirs = ops.image.resize(pixels, (3, 5)), keras_real.ops.image.resize(pixels, (3, 5))
    assert ops.dtype(ours) == "uint8"
    # Exact .5 ties round either way depending on float32 round-off in the interpolation.
    np.testing.assert_allclose(np.asarray(ours, "float64"), np.asarray(theirs, "float64"), atol=1)


ERRORS = [
    ("reshape", (F32, (4, 2))),
    ("squeeze", (F32,), {"axis": 0}),
    ("transpose", (F32, (0, 0))),
    ("linspace", (0, 1), {"num": -1}),
    ("diag", (IMG,)),
    ("where", (BOOL, F32)),
    ("split", (F32, 4), {"axis": 1}),
    ("concatenate", ([F32, IMG],)),
    ("max", (np.zeros((0,), "float32"),)),
    ("binary_crossentropy", (F32, VEC)),
    ("categorical_crossentropy", (ONEHOT, F32)),
    ("sparse_categorical_crossentropy", (LABELS, PROBS), {"axis": 0}),
    ("pad", (F32, 1), {"mode": "reflect", "constant_values": 1}),
    ("array", (Raw([1]),), {"dtype": "float99"}),
    ("pad", (F32, 1)),
    ("clip", (I32, 2.5, 7)),
    ("take", (VEC, 7)),
    ("take", (F32, Raw([0, 3])), {"axis": 1}),
]


@pytest.mark.parametrize("case", ERRORS, ids=lambda c: c[0])
def test_error_classes_match_keras(case):
    name, args = case[0], case[1]
    kwargs = case[2] if len(case) > 2 else {}
    with pytest.raises(Exception) as theirs:
        _lookup(keras_real.ops, name)(
            *[_convert(a, tf_real.constant) for a in args],
            **{k: _convert(v, tf_real.constant) for k, v in kwargs.items()},
        )
    with pytest.raises(Exception) as ours:
        getattr(ops, name)(
            *[_convert(a, ops.convert_to_tensor) for a in args],
            **{k: _convert(v, ops.convert_to_tensor) for k, v in kwargs.items()},
        )
    assert type(ours.value).__name__ == type(theirs.value).__name__, (ours.value, theirs.value)


def _signature(fn):
    return [(p.name, p.default, p.kind) for p in inspect.signature(fn).parameters.values()]


def test_signatures_match_keras():
    different = [
        name
        for name in ops.__all__
        if name not in ("image", "linalg", "nn", "numpy")
        and _signature(getattr(ops, name)) != _signature(_lookup(keras_real.ops, name))
    ]
    assert different == []
    for name in ops.image.__all__:
        assert _signature(getattr(ops.image, name)) == _signature(
            getattr(keras_real.ops.image, name)
        ), name
    for space in ("nn", "linalg", "numpy"):
        names = getattr(ops, space).__all__
        assert [n for n in names if not hasattr(getattr(keras_real.ops, space), n)] == [], space


def _functional(space, keras_module):
    inputs = keras_module.Input((5, 6, 3))
    x = space.image.resize(inputs, (4, 4))
    x = space.conv(x, KER2, padding="same")
    x = space.concatenate([space.max(x, axis=(1, 2)), space.mean(x, axis=(1, 2))], axis=-1)
    x = space.where(space.greater(x, 0.0), x, space.multiply(x, 0.1))
    return keras_module.Model(inputs, space.log_softmax(x))


def test_functional_model_of_ops_matches_keras():
    from torchkeras import keras as ours_keras

    theirs = _functional(keras_real.ops, keras_real)(IMG)
    ours = _functional(ops, ours_keras)(IMG)
    _compare(ours, theirs, "functional")
