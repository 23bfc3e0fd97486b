"""Dispatch of dense ``tf.*`` ops to composite-tensor implementations.

TF's ops accept ``tf.RaggedTensor`` / ``tf.SparseTensor`` arguments where a handler is
registered for the op (``tf.math.add(ragged, 1)`` adds to the flat values).  Here an op's
argument conversion raises :class:`CompositeArgumentError` on a composite input, only on the
op's slow path (after its fast type checks, so dense calls pay nothing), and the op answers
``dispatch(op, args, kwargs)``: the handler registered for ``op`` and the composite types
present, or TF's conversion error when there is none.
"""

from __future__ import annotations

from .composite_tensor import CompositeTensor, conversion_error

__all__ = ["CompositeArgumentError", "register", "dispatch", "operator_operand"]

_HANDLERS = {}


class CompositeArgumentError(ValueError):
    """Raised by argument conversion for a composite tensor; carries the value.

    Its text is TF's conversion error, so an op that does not dispatch raises what TF
    raises (a ``ValueError``)."""

    def __init__(self, value):
        super().__init__(*conversion_error(value).args)
        self.value = value


def register(op, composite_type):
    """Decorator: ``handler(*args, **kwargs)`` implements ``op`` when an argument is a
    ``composite_type`` (the first registered type present among the arguments wins)."""

    def decorate(handler):
        _HANDLERS.setdefault(op, []).append((composite_type, handler))
        return handler

    return decorate


def _composites(values, found):
    for value in values:
        if isinstance(value, CompositeTensor):
            found.append(value)
        elif isinstance(value, (list, tuple)):
            _composites(value, found)
    return found


def dispatch(op, args, kwargs, error=None):
    """The result of the handler of ``op`` for the composite arguments of this call.

    ``error`` is the :class:`CompositeArgumentError` the op's conversion raised; without a
    handler, TF's conversion error for that value is raised (a plain ``ValueError``, as TF's)."""
    found = _composites(list(args) + list(kwargs.values()), [])
    for composite_type, handler in _HANDLERS.get(op, ()):
        if any(isinstance(value, composite_type) for value in found):
            return handler(*args, **kwargs)
    raise conversion_error(error.value if error is not None else found[0]) from None


def operator_operand(opname, x, y):
    """``x <op> y`` for a Tensor ``x`` and a composite ``y`` (``opname``: TF's op name of the
    operator): the handler registered for ``opname`` (``dense * sparse``); ``NotImplemented``
    when ``y``'s class implements the reflected operators (``RaggedTensor.__radd__``), so
    Python calls them; otherwise TF's conversion error."""
    for composite_type, handler in _HANDLERS.get(opname, ()):
        if isinstance(y, composite_type):
            return handler(x, y)
    if y._reflects_operators:
        return NotImplemented
    raise conversion_error(y)
