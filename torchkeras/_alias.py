"""Make ``import tensorflow`` and ``import keras`` give torchkeras.

An import hook on ``sys.meta_path`` answers ``tensorflow[.X]`` with the module
``torchkeras[.X]`` and ``keras[.X]`` with ``torchkeras.keras[.X]`` — the very
same module objects, so ``tensorflow.keras is torchkeras.keras``.  Used by
``python -m torchkeras SCRIPT.py`` and ``torchkeras.enable_tensorflow_alias()``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys

__all__ = ["enable_tensorflow_alias"]

_PREFIXES = {"tensorflow": "torchkeras", "keras": "torchkeras.keras"}


def _target(fullname):
    top, dot, rest = fullname.partition(".")
    prefix = _PREFIXES.get(top)
    if prefix is None:
        return None
    return prefix + dot + rest


class _AliasLoader(importlib.abc.Loader):
    """Loads an alias by importing its target and handing back that module."""

    def __init__(self, target):
        self._target = target
        self._spec = None

    def create_module(self, spec):
        module = importlib.import_module(self._target)
        self._spec = module.__spec__
        return module

    def exec_module(self, module):
        # The import system stamped the alias spec on the shared module; the
        # module keeps its own identity.
        module.__spec__ = self._spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Finds ``tensorflow[.X]`` / ``keras[.X]`` and maps them onto torchkeras."""

    def find_spec(self, fullname, path=None, target=None):
        name = _target(fullname)
        if name is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(name))


_finder = _AliasFinder()


def enable_tensorflow_alias():
    """Make ``import tensorflow as tf``, ``from tensorflow import keras``,
    ``import keras`` and their submodules resolve to torchkeras in this process.

    Call it before the script's imports.  Idempotent.  Raises ``RuntimeError``
    if the real TensorFlow or Keras was already imported (one process cannot
    hold both under the same name).
    """
    if _finder in sys.meta_path:
        return
    for name in _PREFIXES:
        module = sys.modules.get(name)
        if module is not None and not module.__name__.startswith("torchkeras"):
            raise RuntimeError(
                "enable_tensorflow_alias(): the real %r is already imported in this process; "
                "call it before importing %s" % (name, name)
            )
    sys.meta_path.insert(0, _finder)
