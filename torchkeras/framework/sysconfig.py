"""``tf.sysconfig``: how the installed backend was built.

``get_build_info`` describes torch's build with TF's keys (``is_cuda_build``,
``is_rocm_build``, ``is_tensorrt_build`` and, for a CUDA build, ``cuda_version``,
``cudnn_version``, ``cuda_compute_capabilities``).  TF's C++ compile and link helpers
(``get_include``, ``get_lib``, ``get_compile_flags``, ``get_link_flags``) are not
provided: torchkeras has no TF C++ library to build custom ops against.
"""

from __future__ import annotations

import collections

import torch

from ..api_export import export_value, tf_export

__all__ = ["get_build_info", "CXX11_ABI_FLAG", "CXX_VERSION", "MONOLITHIC_BUILD"]

CXX11_ABI_FLAG = int(torch._C._GLIBCXX_USE_CXX11_ABI)
"""Whether torch's C++ extension ABI is the C++11 one (1), as TF's flag for its library."""
CXX_VERSION = 201703
"""The C++ standard (C++17), as TF's."""
MONOLITHIC_BUILD = 0
"""TF's flag for a monolithic build: 0, as TF's pip wheels."""
export_value(CXX11_ABI_FLAG, "tf.sysconfig.CXX11_ABI_FLAG")
export_value(CXX_VERSION, "tf.sysconfig.CXX_VERSION")
export_value(MONOLITHIC_BUILD, "tf.sysconfig.MONOLITHIC_BUILD")


def _cudnn_major():
    version = torch.backends.cudnn.version()
    if version is None:
        return None
    return str(version // 10000 if version >= 10000 else version // 1000)


@tf_export("sysconfig.get_build_info")
def get_build_info():
    """An ``OrderedDict`` describing the build, with TF's keys: torch's CUDA / ROCm build
    (and for CUDA its version, cuDNN's major version and the compiled architectures)."""
    info = collections.OrderedDict()
    info["is_cuda_build"] = torch.version.cuda is not None
    info["is_rocm_build"] = torch.version.hip is not None
    info["is_tensorrt_build"] = False
    if torch.version.cuda is not None:
        info["cuda_version"] = torch.version.cuda
        cudnn = _cudnn_major()
        if cudnn is not None:
            info["cudnn_version"] = cudnn
        info["cuda_compute_capabilities"] = list(torch.cuda.get_arch_list())
    return info
