"""torchkeras: the TensorFlow 2 / Keras API, running eagerly on PyTorch.

``import torchkeras as tf`` gives TensorFlow's ``tf`` namespace;
``from torchkeras import keras`` gives Keras.  Everything here is a re-export:
the code lives in ``framework/`` (the tf core), ``ops/`` (tf.* operations),
``data/`` and ``keras/``.
"""
from .framework import dtypes
from .framework.dtypes import (
    DType, as_dtype, bfloat16, bool, complex64, complex128, double, float16,
    float32, float64, half, int8, int16, int32, int64, string, uint8, uint16,
    uint32, uint64,
)
from .framework import errors
from .framework.shape import TensorShape
from .framework.tensor import Tensor, as_torch, from_torch, is_tensor
from .framework.convert import constant, convert_to_tensor
from .framework.device import device
from .framework.logger import get_logger
from .framework.variable import *  # noqa: F401,F403
from .framework.tape import *  # noqa: F401,F403
from .framework.function import *  # noqa: F401,F403
from .framework.config import *  # noqa: F401,F403
from .ops.math_ops import *  # noqa: F401,F403
from .ops.array_ops import *  # noqa: F401,F403
from .ops.nn_ops import *  # noqa: F401,F403
from .ops.linalg_ops import *  # noqa: F401,F403
from .ops.random_ops import *  # noqa: F401,F403
from .ops.logging_ops import *  # noqa: F401,F403
from .ops.tensor_spec import *  # noqa: F401,F403
from .ops.debugging import Assert, assert_equal, assert_greater, assert_less, assert_rank  # noqa: F401
from . import math, nn, linalg, random, nest, debugging, config, test, summary  # noqa: E402
from ._alias import enable_tensorflow_alias  # noqa: E402

newaxis = None
__version__ = "2.21.0"
"""The TensorFlow version whose behaviour torchkeras reproduces."""


def __getattr__(name):
    if name in ("keras", "data"):
        import importlib
        module = importlib.import_module("." + name, __name__)
        globals()[name] = module
        return module
    raise AttributeError("module 'torchkeras' has no attribute %r" % name)
