"""TF's argument binding for the ``tf.*`` functions it decorates with ``add_dispatch_support``.

TF's type-based API dispatcher (C++) binds such a call before the function runs and raises its
own ``TypeError`` messages, not Python's: ``tf.math.add(1)`` raises ``Missing required
positional argument`` where Python would say ``add() missing 1 required positional argument:
'y'``.  :func:`binding_as_tf` wraps a function so that a call that does not bind raises TF's
message; a call that succeeds costs one frame and nothing else (the binding is checked only
when the call raised a ``TypeError``).
"""

from __future__ import annotations

import functools
import inspect

from ._dispatching_names import DISPATCHING

__all__ = ["binding_as_tf", "dispatches"]

_WRAPPED = {}
_NAMED = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def dispatches(full_names):
    """Whether TF binds the arguments of the function exported as ``full_names`` itself."""
    return any(name in DISPATCHING for name in full_names)


def _binding_message(func, args, kwargs):
    """TF's dispatcher's message for a call of ``func`` that does not bind (its checks, in its
    order: too many positional arguments, then each keyword, then a missing argument), or None
    for a call that binds."""
    signature = inspect.signature(func)
    try:
        signature.bind(*args, **kwargs)
        return None
    except TypeError:
        pass
    params = [p for p in signature.parameters.values() if p.kind in _NAMED]
    names = [p.name for p in params]
    if len(args) > len(names):
        return "Too many arguments were given. Expected %d but got %d." % (len(names), len(args))
    for key in kwargs:
        if key not in names:
            return "Got an unexpected keyword argument '%s'" % key
        if names.index(key) < len(args):
            return "Got multiple values for argument '%s'" % key
    return "Missing required positional argument"


def binding_as_tf(func):
    """``func`` with TF's dispatcher's ``TypeError`` for a call it cannot bind (one wrapper per
    function: wrapping it again returns the same wrapper)."""
    wrapper = _WRAPPED.get(id(func))
    if wrapper is not None:
        return wrapper

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TypeError:
            # A TypeError of a call that binds comes from the body (``func``'s signature is
            # the one TF binds with, also where ``func`` wraps another function).
            message = _binding_message(func, args, kwargs)
            if message is None:
                raise
        raise TypeError(message)

    _WRAPPED[id(func)] = wrapper
    _WRAPPED[id(wrapper)] = wrapper
    return wrapper
