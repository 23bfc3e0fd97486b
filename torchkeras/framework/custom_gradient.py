"""``tf.custom_gradient`` over ``torch.autograd.Function``.

The decorated ``f(*args)`` returns ``(y, grad_fn)``.  ``f`` runs once, without
recording; when a tape records, ``y`` is attached to the graph by a
``torch.autograd.Function`` whose backward calls ``grad_fn(*upstream)`` — or
``grad_fn(*upstream, variables=[...])`` when ``f`` read trainable variables,
returning ``(input_grads, variable_grads)`` — as TF does.
"""

from __future__ import annotations

import functools
import inspect

import torch

from . import tree as _tree
from . import recording as _recording
from .convert import convert_to_tensor
from .tensor import TensorOperators, wrap
from ..api_export import tf_export

__all__ = ["custom_gradient"]


class _VariableCollector:
    """A pseudo-tape that records which trainable variables ``f`` reads."""

    _watch_accessed_variables = True

    def __init__(self):
        self._variables = {}


class _State:
    __slots__ = ("grad_fn", "variables", "arg_count", "tensor_positions", "outputs")


class _CustomFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, state, *inputs):
        ctx.state = state
        return tuple(output.clone() for output in state.outputs)

    @staticmethod
    def backward(ctx, *upstream):
        state = ctx.state
        dys = [wrap(u) for u in upstream]
        if state.variables:
            input_grads, variable_grads = state.grad_fn(*dys, variables=state.variables)
            variable_grads = list(variable_grads)
        else:
            input_grads, variable_grads = state.grad_fn(*dys), []
        input_grads = _tree.flatten(input_grads)
        if len(input_grads) != state.arg_count:
            raise ValueError(
                "custom_gradient function expected to return %d gradients, but returned %d instead."
                % (state.arg_count, len(input_grads))
            )
        grads = [input_grads[i] for i in state.tensor_positions] + variable_grads
        return (None,) + tuple(None if g is None else convert_to_tensor(g)._value for g in grads)


@tf_export("custom_gradient")
def custom_gradient(f=None):
    """``@tf.custom_gradient``: ``f`` returns ``(y, grad_fn)``; ``grad_fn(*dy)`` gives one gradient
    per argument of ``f`` (and, with a ``variables`` keyword, the gradients of the variables ``f``
    read).

    ``y`` may be one Tensor or a list/tuple of Tensors (``grad_fn`` then takes one upstream per
    output).
    """
    if f is None:
        return custom_gradient

    @functools.wraps(f)
    def decorated(*args, **kwargs):
        return _call(f, args, kwargs)

    return decorated


def _call(f, args, kwargs):
    collector = _VariableCollector()
    _recording.start(collector)
    try:
        with torch.no_grad():
            result, grad_fn = f(*args, **kwargs)
    finally:
        _recording.stop(collector)
    variables = list(collector._variables.values())
    if variables and "variables" not in inspect.signature(grad_fn).parameters:
        raise TypeError(
            "@tf.custom_gradient grad_fn must accept keyword argument 'variables', since function "
            "uses "
            "variables: %s" % (variables,)
        )
    if not _recording.RECORDING:
        return result
    positions = [i for i, a in enumerate(args) if isinstance(a, TensorOperators)]
    inputs = [args[i]._value for i in positions] + [v._value for v in variables]
    if not any(isinstance(x, torch.Tensor) and x.requires_grad for x in inputs):
        return result
    outputs = _tree.flatten(result)
    state = _State()
    state.grad_fn = grad_fn
    state.variables = variables
    state.arg_count = len(args)
    state.tensor_positions = positions
    state.outputs = [convert_to_tensor(o)._value for o in outputs]
    recorded = [wrap(t) for t in _CustomFunction.apply(state, *inputs)]
    return _tree.pack_sequence_as(result, recorded)
