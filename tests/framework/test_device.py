import subprocess
import sys

import pytest
import torch

import torchkeras as tf
from torchkeras.framework import device


def test_parse_device_names():
    assert device.parse_device("/CPU:0") == torch.device("cpu")
    assert device.parse_device("/job:localhost/replica:0/task:0/device:CPU:0") == torch.device(
        "cpu"
    )
    assert device.parse_device("cpu") == torch.device("cpu")
    expected_gpu = torch.device("cuda", 0) if torch.cuda.is_available() else torch.device("cpu")
    assert device.parse_device("/GPU:0") == expected_gpu
    with pytest.raises(ValueError, match="Unknown device specification"):
        device.parse_device("/TPU:0")


def test_device_context_places_new_tensors():
    with tf.device("/CPU:0"):
        x = tf.constant([1.0])
    assert x.device == "/job:localhost/replica:0/task:0/device:CPU:0"
    assert tf.as_torch(x).device.type == "cpu"


def test_default_device_follows_cuda_availability():
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert device.current().type == expected


def test_environment_variable_forces_cpu():
    code = "import torchkeras as tf; print(tf.constant(1.).device)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**__import__("os").environ, "TORCHKERAS_DEVICE": "cpu"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "/job:localhost/replica:0/task:0/device:CPU:0"


def test_bad_environment_variable_is_reported():
    code = "import torchkeras"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**__import__("os").environ, "TORCHKERAS_DEVICE": "tpu"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "TORCHKERAS_DEVICE must be 'cpu' or 'cuda'" in result.stderr


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_ops_across_devices_raise_tf_error():
    with tf.device("/CPU:0"):
        a = tf.constant([1.0])
    with tf.device("/GPU:0"):
        b = tf.constant([1.0])
    assert "GPU:0" in b.device
    with pytest.raises(tf.errors.InvalidArgumentError, match="different devices"):
        a + b
    assert float(b.numpy()[0]) == 1.0 and float(abs(b)) == 1.0
