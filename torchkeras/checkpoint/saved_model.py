"""``tf.saved_model.save`` / ``load``, as far as torchkeras honestly can.

torchkeras has no TF graphs, so ``save`` cannot write a ``saved_model.pb`` that
TensorFlow could serve.  It writes the variables as TF does
(``<dir>/variables/variables.index`` + ``.data-00000-of-00001``, rooted at the saved
object, readable by ``tf.train.Checkpoint(obj).read`` in TF too) and
``torchkeras_saved_model.json`` describing how torchkeras rebuilds the object (a
Keras model's config; a ``tf.Module``'s importable class, rebuilt only when ``load``
is given ``safe_mode=False``).  ``load`` of a real TF SavedModel directory cannot
rebuild its graphs: pass ``into=`` a matching torchkeras object to read its
variables into it.
"""

from __future__ import annotations

import importlib
import json
import os

from ..api_export import tf_export
from .checkpoint import Checkpoint
from ..framework.file_io import atomic_write_bytes

__all__ = ["save", "load", "register_format"]

METADATA = "torchkeras_saved_model.json"
_FORMATS = []


def register_format(kind, matches, describe, rebuild):
    """Teach ``save``/``load`` a kind of object: ``describe(obj) -> dict``,
    ``rebuild(dict, safe_mode) -> obj`` (Keras registers its models here)."""
    _FORMATS.insert(0, (kind, matches, describe, rebuild))


def _describe_module(obj):
    cls = type(obj)
    if "<locals>" in cls.__qualname__:
        raise ValueError(
            "tf.saved_model.save: the class %s is defined inside a function, so "
            "torchkeras could not import it to load the object." % cls.__qualname__
        )
    return {"kind": "module", "module": cls.__module__, "class": cls.__qualname__}


def _variables_prefix(export_dir):
    return os.path.join(os.fspath(export_dir), "variables", "variables")


@tf_export("saved_model.save")
def save(obj, export_dir, signatures=None, options=None):
    """Save ``obj``'s variables in TF's checkpoint format plus torchkeras' rebuild recipe.

    Unlike TF, no ``saved_model.pb`` is written (torchkeras has no graphs to export):
    TensorFlow cannot serve or ``load`` this directory, but
    ``tf.train.Checkpoint(obj).read("<dir>/variables/variables")`` works in TF."""
    for kind, matches, describe, _ in _FORMATS:
        if matches(obj):
            recipe = dict(describe(obj), kind=kind)
            break
    else:
        recipe = _describe_module(obj)
    recipe["note"] = (
        "Written by torchkeras: variables in TensorFlow's checkpoint format, no "
        "TF graph (saved_model.pb); TensorFlow cannot serve this directory."
    )
    os.makedirs(os.path.join(os.fspath(export_dir), "variables"), exist_ok=True)
    Checkpoint(obj).write(_variables_prefix(export_dir))

    atomic_write_bytes(
        os.path.join(os.fspath(export_dir), METADATA), json.dumps(recipe, indent=2).encode("utf-8")
    )


def _rebuild(recipe, safe_mode):
    for kind, _, _, rebuild in _FORMATS:
        if kind == recipe.get("kind"):
            return rebuild(recipe, safe_mode)
    if recipe.get("kind") != "module":
        raise ValueError("Unknown torchkeras SavedModel kind %r." % recipe.get("kind"))
    if safe_mode:
        raise ValueError(
            "Loading this SavedModel imports and calls the Python class %s.%s to rebuild the "
            "tf.Module, which can run arbitrary code. Pass safe_mode=False if you trust the "
            "source." % (recipe["module"], recipe["class"])
        )
    cls = importlib.import_module(recipe["module"])
    for part in recipe["class"].split("."):
        cls = getattr(cls, part)
    return cls()


@tf_export("saved_model.load")
def load(export_dir, tags=None, options=None, *, into=None, safe_mode=True):
    """Load a directory written by ``tf.saved_model.save``.

    A torchkeras directory is rebuilt from its recipe (a Keras model from its config;
    a ``tf.Module`` subclass by calling its class with no arguments, only with
    ``safe_mode=False``), then its variables restored.  A TensorFlow SavedModel holds
    graphs torchkeras cannot run: pass ``into=obj`` (a torchkeras object with the same
    structure) to restore its variables into ``obj``, which is returned.  ``into=`` and
    ``safe_mode=`` are torchkeras extensions."""
    export_dir = os.fspath(export_dir)
    prefix = _variables_prefix(export_dir)
    if into is not None:
        Checkpoint(into).read(prefix).expect_partial()
        return into
    metadata = os.path.join(export_dir, METADATA)
    if not os.path.exists(metadata):
        if os.path.exists(os.path.join(export_dir, "saved_model.pb")):
            raise ValueError(
                "%s is a TensorFlow SavedModel: torchkeras cannot run its TF graphs. Build the "
                "matching torchkeras object and pass it as tf.saved_model.load(dir, into=obj), "
                "or read the variables with tf.train.Checkpoint(obj).read(%r)."
                % (export_dir, prefix)
            )
        raise OSError("SavedModel file does not exist at: %s" % export_dir)
    with open(metadata, encoding="utf-8") as handle:
        recipe = json.load(handle)
    obj = _rebuild(recipe, safe_mode)
    Checkpoint(obj).read(prefix).expect_partial()
    return obj
