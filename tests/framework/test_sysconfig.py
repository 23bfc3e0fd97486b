"""``tf.sysconfig``: build information with TF's keys."""

import pytest
import torch

import torchkeras as tf


def test_build_info_describes_torchs_build():
    info = tf.sysconfig.get_build_info()
    assert list(info)[:3] == ["is_cuda_build", "is_rocm_build", "is_tensorrt_build"]
    assert info["is_cuda_build"] is (torch.version.cuda is not None)
    assert info["is_tensorrt_build"] is False
    if info["is_cuda_build"]:
        assert info["cuda_version"] == torch.version.cuda
    assert tf.sysconfig.CXX_VERSION == 201703 and tf.sysconfig.MONOLITHIC_BUILD == 0
    assert tf.sysconfig.CXX11_ABI_FLAG in (0, 1)


def test_keys_and_flags_are_tfs_on_a_cpu_build():
    tf_real = pytest.importorskip("tensorflow")
    real = tf_real.sysconfig.get_build_info()
    if not real["is_cuda_build"] and torch.version.cuda is None:
        assert tf.sysconfig.get_build_info() == real
    assert tf.sysconfig.CXX_VERSION == tf_real.sysconfig.CXX_VERSION
    assert tf.sysconfig.MONOLITHIC_BUILD == tf_real.sysconfig.MONOLITHIC_BUILD
