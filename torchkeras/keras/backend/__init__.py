"""``keras.backend``: global Keras settings (float type, epsilon, session state)."""

from ...api_export import fill_namespace as _fill_namespace

# torchkeras keeps ``KerasTensor`` here too (Keras 3 has it at ``keras.KerasTensor``).
from .keras_tensor import KerasTensor  # noqa: F401

# torchkeras' additions (no Keras 3 public names); fill_namespace adds the registered names.
__all__ = ["KerasTensor"]
_fill_namespace(globals(), "keras.backend", ".config", ".naming", ".keras_tensor", "..ops._dtypes")
