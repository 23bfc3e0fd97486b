"""Keras' call-argument context on errors raised inside a layer's ``call``.

Keras 3 (traceback filtering on, its default) re-raises an exception from ``call`` as the same
class with the message::

    Exception encountered when calling FlexibleDense.call().

    \\x1b[1m<original message>\\x1b[0m

    Arguments received by FlexibleDense.call():
      • x=tf.Tensor(shape=(2, 3), dtype=float32)
      • training=None

Only the innermost failing call adds it.  ``keras.config.disable_traceback_filtering()`` turns
it off.
"""

import inspect

import torch

from ...framework import global_state
from ...api_export import keras_export
from ...framework.errors import OpError
from ...framework.tensor import TensorOperators

__all__ = [
    "enable_traceback_filtering",
    "disable_traceback_filtering",
    "is_traceback_filtering_enabled",
    "inject_call_info",
]

_STATE = global_state.PER_THREAD


@keras_export("keras.config.enable_traceback_filtering")
def enable_traceback_filtering():
    """``keras.config.enable_traceback_filtering``: errors from ``call`` get Keras' context."""
    _STATE.traceback_filtering = True


@keras_export("keras.config.disable_traceback_filtering")
def disable_traceback_filtering():
    """``keras.config.disable_traceback_filtering``: errors from ``call`` are raised as they are."""
    _STATE.traceback_filtering = False


@keras_export("keras.config.is_traceback_filtering_enabled")
def is_traceback_filtering_enabled():
    """``keras.config.is_traceback_filtering_enabled``: whether errors get Keras' context."""
    return _STATE.traceback_filtering


def _format_value(value):
    if isinstance(value, TensorOperators):
        return "tf.Tensor(shape=%s, dtype=%s)" % (value.shape, value.dtype.name)
    return repr(value)


def _format_structure(value):
    """Keras' ``tree.map_structure(format_argument_value, value)``: leaves become strings."""
    if isinstance(value, list):
        return [_format_structure(v) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_format_structure(v) for v in value)
    if isinstance(value, dict):
        return {k: _format_structure(v) for k, v in value.items()}
    return _format_value(value)


def inject_call_info(error, call, args, kwargs, display_name):
    """The exception to raise for ``error`` from ``call(*args, **kwargs)``: Keras' form (or
    ``error`` itself when filtering is off, the arguments don't bind, or an inner call already
    added its context).  torch's out-of-memory error is left for ``fit`` to report."""
    if (
        not _STATE.traceback_filtering
        or getattr(error, "_keras_call_info_injected", False)
        or isinstance(error, torch.OutOfMemoryError)
    ):
        return error
    try:
        signature = inspect.signature(call)
        bound = signature.bind(*args, **kwargs)
    except (TypeError, ValueError):
        return error
    lines = []
    for parameter in signature.parameters.values():
        if parameter.name in bound.arguments:
            value = _format_structure(bound.arguments[parameter.name])
        else:
            value = parameter.default
        lines.append("  • %s=%s" % (parameter.name, value))
    if not lines:
        return error
    if isinstance(error, OpError):
        message = error.message
    else:
        message = error.args[0] if error.args else ""
    message = (
        "Exception encountered when calling %s.\n\n\x1b[1m%s\x1b[0m\n\n"
        "Arguments received by %s:\n%s" % (display_name, message, display_name, "\n".join(lines))
    )
    if isinstance(error, OpError):
        new_error = type(error)(error.node_def, error.op, message)
    else:
        try:
            new_error = type(error)(message)
        except TypeError:
            new_error = RuntimeError(message)
    new_error._keras_call_info_injected = True
    return new_error.with_traceback(error.__traceback__)
