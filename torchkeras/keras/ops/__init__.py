"""``keras.ops``: Keras 3's backend-agnostic ops on torchkeras Tensors.

Behaviour follows Keras with the TensorFlow backend: results are (torchkeras)
Tensors, dtypes follow ``keras.backend.result_type`` (JAX-like promotion with weak
Python scalars, not TF's strict rules), argument names and defaults are Keras'.
On symbolic ``KerasTensor`` inputs an op becomes a node of the functional graph,
an instance of its Keras op class (``Add``, ``Mean`` ...: ``op_classes``).
Sub-namespaces: ``numpy``, ``nn``, ``linalg``, ``image``.
"""
import sys as _sys

from . import image, linalg, nn, numpy
from . import _core, _math
from ._core import *  # noqa: F401,F403
from ._math import *  # noqa: F401,F403
from .linalg import *  # noqa: F401,F403
from .nn import *  # noqa: F401,F403
from .numpy import *  # noqa: F401,F403
from . import op_classes as _op_classes
from ._symbolic import static_for_keras_tensor as _static, symbolic_aware as _symbolic_aware

__all__ = (["image", "linalg", "nn", "numpy"] + _core.__all__ + _math.__all__ + linalg.__all__ + nn.__all__
           + numpy.__all__)


def _wrap_symbolic():
    """Makes every public op that Keras has an op class for accept KerasTensors (see
    ``_symbolic``), replacing it in this namespace, the sub-namespaces and its defining module
    alike."""
    static = {"shape": lambda x: x.shape, "dtype": lambda x: x.dtype, "is_tensor": lambda x: False}
    holders = [_sys.modules[__name__], image, linalg, nn, numpy]
    functions = {id(getattr(h, n)): getattr(h, n) for h in holders for n in getattr(h, "__all__", [])
                 if callable(getattr(h, n)) and not isinstance(getattr(h, n), type(_sys))}
    covered = set(_op_classes.register_functions({fn.__name__: fn for fn in functions.values()}))
    for fn in functions.values():
        if fn.__name__ not in covered and fn.__name__ not in static:
            continue
        wrapped = _static(fn, static[fn.__name__]) if fn.__name__ in static else _symbolic_aware(fn)
        for holder in holders + [_sys.modules[fn.__module__]]:
            for name in getattr(holder, "__all__", ()):
                if getattr(holder, name, None) is fn:
                    setattr(holder, name, wrapped)


_wrap_symbolic()
