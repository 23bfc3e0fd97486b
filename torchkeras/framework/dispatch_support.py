"""TF's argument errors for the ops it wraps with ``add_dispatch_support``.

TF's Python-level ops (``tf.nn.conv2d``, ``tf.image.resize``, ``tf.math.add`` ...) are
wrapped by ``tensorflow/python/util/dispatch.py``'s ``add_dispatch_support``, whose C++
argument canonicalizer binds the arguments before the op's own code runs.  A call that
does not bind raises its ``TypeError`` texts, not Python's (``Missing required positional
argument`` instead of ``conv2d() missing 3 required positional arguments: ...``).  The
ops TF generates from op definitions (``tf.nn.relu``, ``tf.image.is_jpeg``) keep Python's
texts and are not wrapped.  (Dispatch to composite-tensor handlers, the other half of TF's
``dispatch.py``, is ``framework/dispatch.py``.)
"""

from __future__ import annotations

import functools
import inspect

__all__ = ["add_dispatch_support"]

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _binding_error(signature, args, kwargs):
    """TF's canonicalizer text for arguments that do not bind to ``signature``, or None."""
    try:
        signature.bind(*args, **kwargs)
        return None
    except TypeError:
        pass
    params = list(signature.parameters.values())
    positional = [p.name for p in params if p.kind in _POSITIONAL]
    var_positional = any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in params)
    var_keyword = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params)
    if len(args) > len(positional) and not var_positional:
        return "Too many arguments were given. Expected %d but got %d." % (
            len(positional),
            len(args),
        )
    for key in kwargs:
        if key in positional[: len(args)]:
            return "Got multiple values for argument '%s'" % key
        if key not in signature.parameters and not var_keyword:
            return "Got an unexpected keyword argument '%s'" % key
    return "Missing required positional argument"


def add_dispatch_support(fn):
    """Decorator: ``fn`` raises TF's canonicalizer ``TypeError`` texts for arguments that do
    not bind (checked only when calling ``fn`` raised a ``TypeError``, so a call that binds
    costs one wrapper call); ``fn``'s name, docstring and signature are kept."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def op_dispatch_handler(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except TypeError:
            problem = _binding_error(signature, args, kwargs)
            if problem is None:
                raise
        raise TypeError(problem)

    return op_dispatch_handler
