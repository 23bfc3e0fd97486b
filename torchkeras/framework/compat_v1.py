"""``tf.compat.v1``: the few TF1 entry points TF2 scripts still touch.

Eager execution is all torchkeras runs, so ``enable_eager_execution`` and
``enable_v2_behavior`` change nothing, while ``disable_eager_execution`` /
``disable_v2_behavior`` raise ``RuntimeError`` and ``Session`` / ``placeholder`` raise
``NotImplementedError`` (TF1 graphs and sessions are not provided; ``tf.function`` builds
graphs).  ``tf.compat.v1.logging`` writes to ``tf.get_logger()``.
"""

from __future__ import annotations

import logging as _logging

from ..api_export import export_value, tf_export
from .logger import get_logger

__all__ = [
    "enable_eager_execution",
    "enable_v2_behavior",
    "disable_eager_execution",
    "disable_v2_behavior",
    "Session",
    "placeholder",
    "set_verbosity",
    "get_verbosity",
]

_GRAPH_MODE = (
    "torchkeras runs TensorFlow 2's eager execution on PyTorch and has no TF1 graph mode; "
    "keep eager execution and use tf.function for graphs."
)


@tf_export("compat.v1.enable_eager_execution")
def enable_eager_execution(config=None, device_policy=None, execution_mode=None):
    """TF1's switch to eager execution: already in force, so nothing changes (``None``)."""


@tf_export("compat.v1.enable_v2_behavior")
def enable_v2_behavior():
    """TF1's switch to TF2 behaviour: already in force, so nothing changes (``None``)."""


@tf_export("compat.v1.disable_eager_execution")
def disable_eager_execution():
    """TF1 graph mode: not provided (``RuntimeError`` naming torchkeras)."""
    raise RuntimeError("tf.compat.v1.disable_eager_execution() is not supported: " + _GRAPH_MODE)


@tf_export("compat.v1.disable_v2_behavior")
def disable_v2_behavior():
    """TF1 behaviour: not provided (``RuntimeError`` naming torchkeras)."""
    raise RuntimeError("tf.compat.v1.disable_v2_behavior() is not supported: " + _GRAPH_MODE)


@tf_export("compat.v1.Session")
class Session:
    """TF1's ``Session``: not provided; creating one raises ``NotImplementedError``."""

    def __init__(self, target="", graph=None, config=None):
        raise NotImplementedError("tf.compat.v1.Session is not supported: " + _GRAPH_MODE)


@tf_export("compat.v1.placeholder")
def placeholder(dtype, shape=None, name=None):
    """TF1's graph ``placeholder``: not provided (``NotImplementedError``); use
    ``keras.Input`` or ``tf.function`` arguments."""
    raise NotImplementedError("tf.compat.v1.placeholder is not supported: " + _GRAPH_MODE)


for _name in ("DEBUG", "INFO", "WARN", "ERROR", "FATAL"):
    export_value(
        getattr(_logging, _name if _name != "WARN" else "WARNING"), "tf.compat.v1.logging." + _name
    )


@tf_export("compat.v1.logging.set_verbosity")
def set_verbosity(v):
    """Sets the level of ``tf.get_logger()`` (``tf.compat.v1.logging.INFO`` ...)."""
    get_logger().setLevel(v)


@tf_export("compat.v1.logging.get_verbosity")
def get_verbosity():
    """The effective level of ``tf.get_logger()``."""
    return get_logger().getEffectiveLevel()


def _export_log(name, level):
    def log(msg, *args, **kwargs):
        get_logger().log(level, msg, *args, **kwargs)

    log.__name__ = log.__qualname__ = name
    log.__doc__ = "Logs ``msg %% args`` at level %s on ``tf.get_logger()``." % (
        _logging.getLevelName(level)
    )
    tf_export("compat.v1.logging." + name)(log)
    globals()[name] = log
    __all__.append(name)


for _name, _level in (
    ("debug", _logging.DEBUG),
    ("info", _logging.INFO),
    ("warning", _logging.WARNING),
    ("warn", _logging.WARNING),
    ("error", _logging.ERROR),
    ("fatal", _logging.FATAL),
):
    _export_log(_name, _level)


@tf_export("compat.v1.logging.log")
def log(level, msg, *args, **kwargs):
    """Logs ``msg % args`` at ``level`` on ``tf.get_logger()``."""
    get_logger().log(level, msg, *args, **kwargs)


@tf_export("compat.v1.logging.flush")
def flush():
    """Flushes the handlers of ``tf.get_logger()``."""
    for handler in get_logger().handlers:
        handler.flush()
