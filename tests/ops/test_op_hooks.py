"""``enable_check_numerics`` and ``set_log_device_placement``: TF's error texts, and the
originals back once off."""

import pathlib
import subprocess
import sys

import pytest

import torchkeras as tf

_SCRIPT = r"""
import sys
if sys.argv[1] == "tensorflow":
    import tensorflow as tf
else:
    import torchkeras as tf
tf.debugging.enable_check_numerics()
x = tf.constant([0., -1., 1., 2.])
for s in ["tf.math.log(x)", "x / 0.", "tf.constant([1e30, -1e30]) * 1e30", "1. / x",
          "tf.nn.relu(x)", "tf.constant([1.], tf.float64) / 0.", "tf.sqrt(tf.constant(-1.))",
          "tf.exp(tf.constant(1000.))", "tf.matmul(tf.constant([[1e38]]), tf.constant([[1e38]]))",
          "x - x", "tf.constant(float('nan'))", "tf.math.divide(x, 0.)"]:
    try:
        print(s, "->", repr(eval(s)))
    except Exception as error:
        print(s, type(error).__name__, repr(str(error)))
tf.debugging.disable_check_numerics()
print(tf.math.log(0.))
"""


def test_check_numerics_matches_tf():
    pytest.importorskip("tensorflow")
    outputs = [
        subprocess.run(
            [sys.executable, "-c", _SCRIPT, name],
            capture_output=True,
            text=True,
            check=True,
            cwd=pathlib.Path(tf.__file__).parent.parent,
            env={"TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": "", "PATH": "/usr/bin"},
        ).stdout
        for name in ("tensorflow", "torchkeras")
    ]
    assert outputs[1] == outputs[0]


def test_check_numerics_pinned_and_reversible():
    add, log = type(tf.constant(1.0)).__add__, tf.math.log
    tf.debugging.enable_check_numerics()
    try:
        with pytest.raises(tf.errors.InvalidArgumentError) as error:
            tf.math.log(tf.constant([0.0, 1.0]))
        text = str(error.value)
        assert 'eagerly-executing op "Log" (# of outputs: 1)' in text
        assert "# of -Inf elements: 1" in text and text.endswith(
            ": Tensor had -Inf values [Op:CheckNumericsV2] name: "
        )
        with pytest.raises(tf.errors.InvalidArgumentError, match='op "RealDiv"'):
            tf.constant([1.0]) / 0.0
        assert float(tf.math.log(1.0)) == 0.0
        assert int(tf.constant(1) // 1) == 1
    finally:
        tf.debugging.disable_check_numerics()
    assert type(tf.constant(1.0)).__add__ is add and tf.math.log is log
    assert float(tf.math.log(0.0)) == float("-inf")


def test_log_device_placement(capsys):
    tf.debugging.set_log_device_placement(True)
    try:
        tf.constant([1.0]) + 1.0
    finally:
        tf.debugging.set_log_device_placement(False)
    tf.constant([1.0]) + 1.0
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("AddV2: (AddV2): /job:localhost/")
