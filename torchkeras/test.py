"""``tf.test``: the device queries of TF's test module (see ``framework/config.py``)."""
from .framework.config import (
    gpu_device_name, is_built_with_cuda, is_built_with_gpu_support, is_gpu_available,
)

__all__ = ["gpu_device_name", "is_built_with_cuda", "is_built_with_gpu_support", "is_gpu_available"]
