"""Logical device configurations: a CPU split into logical CPUs, as TF lists them."""

import pathlib
import subprocess
import sys

import pytest

import torchkeras as tf
from torchkeras.framework.logical_devices import _reset_logical_devices


@pytest.fixture(autouse=True)
def _reset():
    yield
    _reset_logical_devices()


def test_cpu_split_is_listed_and_usable():
    cpu = tf.config.list_physical_devices("CPU")[0]
    assert tf.config.get_logical_device_configuration(cpu) is None
    configs = [tf.config.LogicalDeviceConfiguration(), tf.config.LogicalDeviceConfiguration()]
    tf.config.set_logical_device_configuration(cpu, configs)
    assert tf.config.get_logical_device_configuration(cpu) == configs
    assert [d.name for d in tf.config.list_logical_devices("CPU")] == [
        "/device:CPU:0",
        "/device:CPU:1",
    ]
    with tf.device("/CPU:1"):
        assert float(tf.constant(1.0) + 1) == 2.0
    tf.config.set_logical_device_configuration(cpu, None)
    assert len(tf.config.list_logical_devices("CPU")) == 1


def test_names_and_refusals():
    assert tf.config.experimental.VirtualDeviceConfiguration is tf.config.LogicalDeviceConfiguration
    assert (
        tf.config.experimental.set_virtual_device_configuration
        is tf.config.set_logical_device_configuration
    )
    assert repr(tf.config.LogicalDeviceConfiguration(memory_limit=10)) == (
        "LogicalDeviceConfiguration(memory_limit=10, experimental_priority=None, "
        "experimental_device_ordinal=None)"
    )
    cpu = tf.config.list_physical_devices("CPU")[0]
    with pytest.raises(ValueError, match="memory limit on CPU virtual devices"):
        tf.config.set_logical_device_configuration(
            cpu, [tf.config.LogicalDeviceConfiguration(memory_limit=10)]
        )
    with pytest.raises(ValueError, match="Unrecognized device: 'x'"):
        tf.config.get_logical_device_configuration("x")


_SCRIPT = """
import sys
if sys.argv[1] == "tensorflow":
    import tensorflow as tf
else:
    import torchkeras as tf
cpu = tf.config.list_physical_devices("CPU")[0]
try:
    tf.config.set_logical_device_configuration(
        cpu, [tf.config.LogicalDeviceConfiguration(memory_limit=1)])
except ValueError as error:
    print(error)
tf.config.set_logical_device_configuration(
    cpu, [tf.config.LogicalDeviceConfiguration()] * 3)
print(tf.config.get_logical_device_configuration(cpu))
print(tf.config.list_logical_devices("CPU"))
"""


def test_matches_tf_in_a_fresh_process():
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
    assert outputs[0] == outputs[1]
