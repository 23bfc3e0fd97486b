"""``tf.experimental.numpy``'s dtype names and its public promotion functions.

The rules themselves live in ``framework/np_promotion.py`` (the tensor operators use them
too once NumPy behavior is enabled).
"""

from __future__ import annotations

import numpy as np

from ..api_export import export_value, tf_export
from ..framework import np_promotion as _promotion
from ..framework.tensor import Tensor

__all__ = ["result_type", "promote_types", "finfo"]

for _name in (
    "bool_",
    "complex64",
    "complex128",
    "float16",
    "float32",
    "float64",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "object_",
    "inexact",
):
    export_value(getattr(np, _name), "tf.experimental.numpy." + _name)
export_value(np.int_, "tf.experimental.numpy.int_")
export_value(np.bytes_, "tf.experimental.numpy.string_")
export_value(np.str_, "tf.experimental.numpy.unicode_")
export_value(np.complex128, "tf.experimental.numpy.complex_")
export_value(np.float64, "tf.experimental.numpy.float_")
export_value(np.iinfo, "tf.experimental.numpy.iinfo")
export_value(np.issubdtype, "tf.experimental.numpy.issubdtype")
export_value(np.e, "tf.experimental.numpy.e")
export_value(np.pi, "tf.experimental.numpy.pi")
export_value(np.inf, "tf.experimental.numpy.inf")
export_value(Tensor, "tf.experimental.numpy.ndarray")
export_value(None, "tf.experimental.numpy.newaxis")


@tf_export("experimental.numpy.result_type")
def result_type(*arrays_and_dtypes):
    """tnp's ``result_type``: NumPy's ``np.result_type`` over the arguments' dtypes (Python
    scalars weak; ``prefer_float32`` counts Python floats as ``float32``); a ``tf.DType``."""
    return _promotion.result_type(*arrays_and_dtypes)


@tf_export("experimental.numpy.promote_types")
def promote_types(type1, type2):
    """NumPy's ``promote_types`` on ``tf.DType`` or NumPy dtype arguments (a NumPy dtype)."""
    return np.promote_types(_promotion.numpy_type(type1), _promotion.numpy_type(type2))


@tf_export("experimental.numpy.finfo")
def finfo(dtype):
    """NumPy's ``finfo`` for a ``tf.DType``, NumPy dtype or Python type (an array: NumPy's
    ``TypeError``, as TF passes it to NumPy)."""
    if isinstance(dtype, np.ndarray):
        raise TypeError("Cannot construct a dtype from an array")
    return np.finfo(_promotion.to_dtype(dtype).as_numpy_dtype)
