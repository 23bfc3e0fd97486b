"""``experimental_enable_numpy_behavior``: the TF guide "NumPy API on TensorFlow" printed
the same on torchkeras as on TF, and the private reset."""

import pathlib
import subprocess
import sys

import pytest

import torchkeras as tf
import torchkeras.experimental.numpy as tnp
from torchkeras.ops.tnp_behavior import _reset_numpy_behavior

_GUIDE = pathlib.Path(__file__).with_name("tnp_guide_script.py")


@pytest.fixture(autouse=True)
def _reset():
    yield
    _reset_numpy_behavior()


def _run_guide(implementation):
    root = pathlib.Path(tf.__file__).parent.parent
    done = subprocess.run(
        [sys.executable, str(_GUIDE), implementation],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3"},
    )
    return done.stdout


def test_guide_prints_what_tf_prints():
    pytest.importorskip("tensorflow")
    expected = _run_guide("tensorflow").replace("EagerTensor", "Tensor")
    assert _run_guide("torchkeras") == expected


def test_operators_promote_only_while_enabled():
    i32, f32 = tf.ones([1], tf.int32), tf.ones([1], tf.float32)
    with pytest.raises(tf.errors.InvalidArgumentError):
        i32 + f32
    tnp.experimental_enable_numpy_behavior()
    assert (i32 + f32).dtype == tf.float64
    assert (i32 + 1.5).dtype == tf.float64 and (1.5 + i32).dtype == tf.float64
    assert (f32 + 1.5).dtype == tf.float32
    assert (tf.ones([1], tf.int8) + 1000).numpy().tolist() == [-23]
    assert (i32 / i32).dtype == tf.float64
    assert (i32 == f32).numpy().tolist() == [True]
    x = tf.reshape(tf.range(6), [2, 3])
    assert x.T.shape == (3, 2) and x.reshape(3, 2).shape == (3, 2)
    assert x.reshape((6,)).shape == (6,) and x.ravel().shape == (6,)
    assert x.size == 6 and x.tolist() == [[0, 1, 2], [3, 4, 5]]
    assert x.astype(tf.float32).dtype == tf.float32 and x.data is x
    assert x[:, (True, False, True)].numpy().tolist() == [[0, 2], [3, 5]]
    assert x[1, ::-1].numpy().tolist() == [5, 4, 3]
    assert x[(0, 1), [2, 0]].numpy().tolist() == [2, 3]
    assert not hasattr(tf.Variable([1.0]), "T")
    _reset_numpy_behavior()
    with pytest.raises(tf.errors.InvalidArgumentError):
        i32 + f32
    with pytest.raises(AttributeError, match="experimental_enable_numpy_behavior"):
        x.T  # noqa: B018


def test_prefer_float32():
    tnp.experimental_enable_numpy_behavior(prefer_float32=True)
    assert tnp.asarray(1.0).dtype == tf.float32
    assert tnp.add(1.0, 2.0).dtype == tf.float32
    assert tnp.ones(2).dtype == tf.float64
    tnp.experimental_enable_numpy_behavior(prefer_float32=False)
    assert tnp.asarray(1.0).dtype == tf.float64


def test_other_conversion_modes_are_refused():
    with pytest.raises(NotImplementedError, match="torchkeras"):
        tnp.experimental_enable_numpy_behavior(dtype_conversion_mode="all")
    with pytest.raises(ValueError, match=" 'off', 'legacy', 'safe' or 'all'.$"):
        tnp.experimental_enable_numpy_behavior(dtype_conversion_mode="nope")


_DTYPES = ("int8", "uint8", "int32", "int64", "float16", "float32", "float64", "bool")
_OPERANDS = tuple("tf.ones([2], tf.%s)" % d for d in _DTYPES) + (
    "1",
    "1.5",
    "True",
    "np.ones(2, np.float32)",
    "np.ones(2)",
    "[1, 2]",
)
_BOOLS = ("tf.ones([2], tf.bool)", "True")
# bool + bool is left out: the tensor operators' own rule (not NumPy behavior's) decides it.
OPERATOR_CASES = (
    ["%s + %s" % (a, b) for a in _OPERANDS[:8] for b in _OPERANDS if not {a, b} <= set(_BOOLS)]
    + ["%s + %s" % (b, a) for a in _OPERANDS[:7] for b in _OPERANDS[8:]]
    + ["%s %s %s" % (a, op, b) for a in _OPERANDS[:8:2] for b in _OPERANDS[1::3] for op in "*/<"]
    + [
        "tf.Variable([1, 2]) + 1.5",
        "tf.Variable([1., 2.]) * tf.ones([2], tf.float64)",
        "tf.ones([2], tf.int32) // 2.0",
        "tf.ones([2], tf.int32) % tf.ones([2], tf.int64)",
        "tf.ones([2], tf.int32) ** 2.0",
        "tf.ones([2], tf.float32) == tf.ones([2], tf.int32)",
        "tf.ones([2], tf.float32) != 1",
        "tf.ones([2], tf.bool) & tf.ones([2], tf.bool)",
        "-tf.ones([2], tf.int8)",
    ]
)
_X = "tf.reshape(tf.range(24), [2, 3, 4])"
INDEXING_CASES = tuple(
    _X + key
    for key in (
        "[1, tnp.newaxis, 1:3, ...]",
        "[:, (True, False, True)]",
        "[1, (0, 0, 1), tnp.asarray([0, 1, 1])]",
        "[[0, 1]]",
        "[..., [0, 3]]",
        "[:, ::-1, [1, 2]]",
        "[tf.constant([1, 0])]",
        "[tf.constant([[True, False, True], [False, False, True]])]",
        "[np.array([1, 0]), :, np.array([2, 3])]",
        "[1:, [2, 0], ::2]",
        "[-1, -1, -1]",
    )
) + (
    "tf.reshape(tf.range(24), [2, 3, 4]).T",
    "tf.reshape(tf.range(24), [2, 3, 4]).transpose((1, 0, 2))",
    "tf.reshape(tf.range(6), [2, 3]).reshape(3, 2)",
    "tf.reshape(tf.range(6), [2, 3]).ravel()",
    "tf.reshape(tf.range(6), [2, 3]).flatten()",
    "tf.reshape(tf.range(6), [2, 3]).clip(1, 3)",
    "tf.reshape(tf.range(6), [2, 3]).astype(tnp.float64)",
    "tf.reshape(tf.range(6), [2, 3]).max()",
    "tf.reshape(tf.range(6), [2, 3]).mean()",
    "tf.reshape(tf.range(6), [2, 3]).min(axis=1)",
    "round(tf.constant([0.5, 1.5, 2.5]))",
    "+tf.constant([1, 2])",
)


def _ours_enabled(cases, prefer_float32=False):
    import numpy as np
    from tnp_oracle import ours

    tnp.experimental_enable_numpy_behavior(prefer_float32=prefer_float32)
    return ours(cases, {"tf": tf, "tnp": tnp, "np": np})


@pytest.mark.parametrize("prefer_float32", [False, True])
def test_operators_match_tf(prefer_float32):
    pytest.importorskip("tensorflow")
    from tnp_oracle import assert_same, oracle

    got = _ours_enabled(OPERATOR_CASES, prefer_float32)
    assert_same(OPERATOR_CASES, oracle(OPERATOR_CASES, prefer_float32), got, rtol=1e-3)


def test_indexing_and_methods_match_tf():
    pytest.importorskip("tensorflow")
    from tnp_oracle import assert_same, oracle

    got = _ours_enabled(INDEXING_CASES)
    assert_same(INDEXING_CASES, oracle(INDEXING_CASES), got)
