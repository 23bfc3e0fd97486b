"""``keras.models``: ``Model``, ``Sequential`` and the functional ``Functional``."""
from .model import Model
from .functional import Functional
from .sequential import Sequential

__all__ = ["Model", "Functional", "Sequential"]
