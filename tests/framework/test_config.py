"""tf.config and tf.test device queries (torchkeras/framework/config.py)."""

import pytest
import torch

import torchkeras as tf
from torchkeras.framework import device as device_module

CPU = tf.config.PhysicalDevice(name="/physical_device:CPU:0", device_type="CPU")


@pytest.fixture
def two_fake_gpus(monkeypatch):
    """torch reports two CUDA devices; the default is GPU:0 (restored afterwards)."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    saved = device_module.default()
    device_module.set_default(torch.device("cuda", 0))
    yield [tf.config.PhysicalDevice("/physical_device:GPU:%d" % i, "GPU") for i in range(2)]
    tf.config.set_visible_devices(tf.config.list_physical_devices())
    device_module.set_default(saved)


@pytest.fixture(autouse=True)
def all_visible():
    yield
    tf.config.set_visible_devices(tf.config.list_physical_devices())


def test_physical_and_logical_devices_on_cpu():
    assert tf.config.list_physical_devices("CPU") == [CPU]
    assert (
        repr(tf.config.list_physical_devices("CPU"))
        == "[PhysicalDevice(name='/physical_device:CPU:0', device_type='CPU')]"
    )
    assert (
        repr(tf.config.list_logical_devices("CPU"))
        == "[LogicalDevice(name='/device:CPU:0', device_type='CPU')]"
    )
    assert tf.config.list_physical_devices()[0] == CPU
    assert tf.config.list_physical_devices("cpu") == []  # case-sensitive, as TF
    assert tf.config.list_physical_devices("XLA") == []
    assert tf.config.experimental.list_physical_devices("CPU") == [CPU]
    assert CPU.name == "/physical_device:CPU:0" and CPU.device_type == "CPU"
    assert tuple(CPU) == ("/physical_device:CPU:0", "CPU")


def test_gpus_listed_when_torch_sees_them(two_fake_gpus):
    assert tf.config.list_physical_devices("GPU") == two_fake_gpus
    assert tf.config.list_physical_devices() == [CPU] + two_fake_gpus
    assert [d.name for d in tf.config.list_logical_devices("GPU")] == [
        "/device:GPU:0",
        "/device:GPU:1",
    ]
    assert tf.test.is_gpu_available() and tf.test.gpu_device_name() == "/device:GPU:0"


def test_hiding_gpus_moves_default_to_cpu(two_fake_gpus):
    tf.config.set_visible_devices(two_fake_gpus[1:], "GPU")
    assert device_module.default() == torch.device("cuda", 1)
    assert tf.config.get_visible_devices() == [CPU, two_fake_gpus[1]]
    assert tf.config.list_logical_devices("GPU")[0].name == "/device:GPU:1"
    tf.config.set_visible_devices([], "GPU")
    assert device_module.default() == torch.device("cpu")
    assert tf.config.get_visible_devices("GPU") == []
    assert tf.config.list_logical_devices() == [tf.config.LogicalDevice("/device:CPU:0", "CPU")]
    assert not tf.test.is_gpu_available() and tf.test.gpu_device_name() == ""


def test_set_visible_devices_validates():
    tf.config.set_visible_devices(CPU)
    tf.config.set_visible_devices([CPU], "CPU")
    assert tf.config.get_visible_devices() == [CPU]
    for bad in ("junk", ["junk"], tf.config.PhysicalDevice("/physical_device:GPU:7", "GPU")):
        with pytest.raises(ValueError, match="^Unrecognized device: "):
            tf.config.set_visible_devices(bad)
    with pytest.raises(
        ValueError, match=r"^Unrecognized device: PhysicalDevice\(name='/physical_device:CPU:0'"
    ):
        tf.config.set_visible_devices(CPU, "GPU")


def test_memory_growth():
    with pytest.raises(
        ValueError, match="^Cannot set memory growth on non-GPU and non-Pluggable devices$"
    ):
        tf.config.experimental.set_memory_growth(CPU, True)
    with pytest.raises(ValueError, match="^Unrecognized device: 'x'$"):
        tf.config.experimental.set_memory_growth("x", True)
    with pytest.raises(KeyError):
        tf.config.experimental.get_memory_growth(CPU)
    assert not hasattr(tf.config, "set_memory_growth")  # only under experimental, as TF


def test_memory_growth_on_gpu(two_fake_gpus):
    assert tf.config.experimental.get_memory_growth(two_fake_gpus[0]) is None
    assert tf.config.experimental.set_memory_growth(two_fake_gpus[0], True) is None
    assert tf.config.experimental.get_memory_growth(two_fake_gpus[0]) is True


def test_test_module_matches_torch():
    assert tf.test.is_built_with_cuda() == (torch.version.cuda is not None)
    assert tf.test.is_gpu_available() == torch.cuda.is_available()
    assert tf.test.gpu_device_name() == ("/device:GPU:0" if torch.cuda.is_available() else "")
    assert (
        tf.test.is_gpu_available(cuda_only=True, min_cuda_compute_capability=(1, 0))
        == torch.cuda.is_available()
    )


def test_run_functions_eagerly_flag():
    assert tf.config.functions_run_eagerly() is False
    try:
        assert tf.config.run_functions_eagerly("yes") is None
        assert tf.config.functions_run_eagerly() is True
    finally:
        tf.config.run_functions_eagerly(False)
    assert tf.config.functions_run_eagerly() is False


def test_same_text_as_tensorflow():
    tf_real = pytest.importorskip("tensorflow")
    assert repr(tf.config.list_physical_devices("CPU")) == repr(
        tf_real.config.list_physical_devices("CPU")
    )
    assert repr(tf.config.list_logical_devices("CPU")) == repr(
        tf_real.config.list_logical_devices("CPU")
    )
    if not tf_real.config.list_physical_devices("GPU"):
        assert tf.config.list_physical_devices("GPU") == []
        assert tf.test.gpu_device_name() == tf_real.test.gpu_device_name() == ""
        assert tf.test.is_gpu_available() is tf_real.test.is_gpu_available() is False
    assert tf.config.functions_run_eagerly() == tf_real.config.functions_run_eagerly()
