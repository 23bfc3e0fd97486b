"""``keras.ops``: Keras 3's backend-agnostic ops on torchkeras Tensors.

Behaviour follows Keras with the TensorFlow backend: results are (torchkeras)
Tensors, dtypes follow ``keras.backend.result_type`` (JAX-like promotion with weak
Python scalars, not TF's strict rules), argument names and defaults are Keras'.
On symbolic ``KerasTensor`` inputs an op becomes a node of the functional graph,
an instance of its Keras op class (``Add``, ``Mean`` ...: ``op_classes``).
Sub-namespaces: ``numpy``, ``nn``, ``linalg``, ``image``.
"""

import sys as _sys
import types as _types

from ...api_export import export_value as _export_value, fill_namespace as _fill_namespace
from ...api_export import rebind as _rebind, symbols_under as _symbols_under
from . import image, linalg, nn, numpy
from . import _core, _math  # noqa: F401 - defining modules, imported for their exports
from . import op_classes as _op_classes
from ._symbolic import static_for_keras_tensor as _static, symbolic_aware as _symbolic_aware
from .torch_errors import translating as _translating

_NAMESPACES = {
    "keras.ops": _sys.modules[__name__],
    "keras.ops.image": image,
    "keras.ops.linalg": linalg,
    "keras.ops.nn": nn,
    "keras.ops.numpy": numpy,
}


def _wrap_symbolic():
    """Makes every public op raise TF's errors for torch's failures (``torch_errors``) and, when
    Keras has an op class for it, accept KerasTensors (``_symbolic``), replacing it in the
    registry (so in this namespace and the sub-namespaces) and in its defining module."""
    static = {"shape": lambda x: x.shape, "dtype": lambda x: x.dtype, "is_tensor": lambda x: False}
    functions = {
        id(fn): fn
        for namespace in _NAMESPACES
        for fn in _symbols_under(namespace).values()
        if callable(fn) and not isinstance(fn, type(_sys))
    }
    by_name = {fn.__name__: fn for fn in functions.values()}
    by_name.update((name, fn) for ns in _NAMESPACES for name, fn in _symbols_under(ns).items())
    covered = set(_op_classes.register_functions(by_name))
    for fn in functions.values():
        if fn.__name__ in static:
            wrapped = _static(_translating(fn), static[fn.__name__])
        elif not isinstance(fn, _types.FunctionType):
            continue
        elif fn.__name__ in covered:
            wrapped = _symbolic_aware(_translating(fn))
        else:
            wrapped = _translating(fn)
        _rebind(fn, wrapped)
        defining = _sys.modules[fn.__module__]
        for name in getattr(defining, "__all__", ()):
            if getattr(defining, name, None) is fn:
                setattr(defining, name, wrapped)


_wrap_symbolic()
for _namespace, _module in _NAMESPACES.items():
    if _module is not _sys.modules[__name__]:
        _export_value(_module, _namespace)
        _fill_namespace(vars(_module), _namespace)
_fill_namespace(globals(), "keras.ops")
