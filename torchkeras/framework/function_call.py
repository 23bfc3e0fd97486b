"""The arguments of one ``tf.function`` call, as TF's tracing sees them.

A call's arguments are bound to the Python signature (defaults applied, so ``f(x=1)`` and
``f(1)`` are one call type) and flattened with ``tf.nest``'s rules. Each leaf has a *type*:

- a Tensor (NumPy arrays become Tensors, as TF passes them): its dtype and shape; its storage
  is an input of the traced graph;
- a ``tf.Variable``: its dtype, shape and trainability (TF's ``VariableSpec``); its
  ``nn.Parameter`` is a graph input, so calls with another variable of the same spec replay the
  same graph on that variable;
- anything else: its value when hashable (``1`` and ``2`` trace twice, as in TF), else its
  identity.

``Call.key`` (structure + leaf types) picks the trace; ``Call.storages()`` are the graph
inputs.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np
import torch

from . import tree as _tree
from .convert import convert_to_tensor
from .tensor import Tensor, TensorOperators, wrap

__all__ = ["Call", "TENSOR", "VARIABLE", "covers", "output_leaf", "relaxed"]

TENSOR = "tensor"
VARIABLE = "variable"


def _is_variable(leaf):
    return isinstance(leaf, TensorOperators) and not isinstance(leaf, Tensor)


def _leaf_type(leaf):
    """``(kind, dtype, dims, extra)`` for tensors and variables; ``(type, value)`` otherwise."""
    if isinstance(leaf, Tensor):
        storage = leaf._value
        if isinstance(storage, torch.Tensor):
            return (TENSOR, leaf.dtype, tuple(storage.shape), None)
        return (TENSOR, leaf.dtype, storage.shape, "host")
    if _is_variable(leaf):
        return (VARIABLE, leaf.dtype, tuple(leaf.shape.as_list()), leaf.trainable)
    try:
        hash(leaf)
    except TypeError:
        return (type(leaf), id(leaf))
    return (type(leaf), leaf)


def output_leaf(leaf):
    """An output leaf as a traced TF function returns it: Python numbers, strings and NumPy
    values as Tensors, tensors as plain Tensors, anything else as it is."""
    if isinstance(leaf, Tensor) and type(leaf) is not Tensor:
        return wrap(leaf._value)  # a graph input returned as it is
    if isinstance(leaf, (numbers.Number, str, bytes, np.ndarray, np.generic)):
        return convert_to_tensor(leaf)
    return leaf


def _as_tensor(leaf):
    return convert_to_tensor(leaf) if isinstance(leaf, np.ndarray) else leaf


def relaxed(old, new):
    """The most specific leaf types covering both ``old`` and ``new`` (TF's
    ``reduce_retracing`` supertype: differing dims become ``None``, differing ranks an unknown
    shape), or ``None`` when the calls differ in anything but shapes."""
    if len(old) != len(new):
        return None
    out = []
    for a, b in zip(old, new):
        if a == b:
            out.append(a)
            continue
        if a[0] not in (TENSOR, VARIABLE) or a[0] != b[0] or a[1] != b[1] or a[3] != b[3]:
            return None
        if a[2] is None or b[2] is None or len(a[2]) != len(b[2]):
            dims = None
        else:
            dims = tuple(x if x == y else None for x, y in zip(a[2], b[2]))
        out.append((a[0], a[1], dims, a[3]))
    return tuple(out)


def covers(general, exact):
    """Whether leaf types ``general`` (maybe with ``None`` dims) accept the call ``exact``."""
    if len(general) != len(exact):
        return False
    for g, e in zip(general, exact):
        if g == e:
            continue
        if g[0] not in (TENSOR, VARIABLE) or g[0] != e[0] or g[1] != e[1] or g[3] != e[3]:
            return False
        if g[2] is None:
            continue
        if len(g[2]) != len(e[2]) or any(x is not None and x != y for x, y in zip(g[2], e[2])):
            return False
    return True


class Call:
    """One call's arguments bound to ``signature`` (an ``inspect.Signature``) and flattened."""

    __slots__ = ("signature", "arguments", "leaves", "skeleton", "types", "slots")

    def __init__(self, signature, args, kwargs, positional=None):
        if positional is not None and not kwargs and len(args) == len(positional):
            arguments = dict(zip(positional, args))  # the common case, without inspect's bind
        else:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise TypeError(
                    "Binding inputs to tf.function failed due to `%s`. Received args: %r and "
                    "kwargs: %r for signature: %s." % (error, args, kwargs, signature)
                ) from None
            bound.apply_defaults()
            arguments = bound.arguments
        self.signature = signature
        self.arguments = arguments
        values = tuple(arguments.values())
        if any(_tree.is_nested(value) for value in values):
            self.leaves = [_as_tensor(leaf) for leaf in _tree.flatten(values)]
            shape = repr(_tree.map_structure(lambda _: None, values))
        else:
            self.leaves = [_as_tensor(leaf) for leaf in values]
            shape = None
        self.skeleton = (tuple(arguments), shape)
        self.types = tuple(_leaf_type(leaf) for leaf in self.leaves)
        self.slots = tuple(
            i for i, leaf_type in enumerate(self.types) if leaf_type[0] in (TENSOR, VARIABLE)
        )

    @property
    def bound(self):
        """The arguments as ``inspect.BoundArguments``."""
        return inspect.BoundArguments(self.signature, dict(self.arguments))

    @property
    def key(self):
        """What picks a trace: the structure and every leaf's type."""
        return (self.skeleton, self.types)

    def storages(self):
        """The graph inputs: each tensor's storage and each variable's parameter."""
        leaves = self.leaves
        return [
            leaves[i]._value if isinstance(leaves[i], Tensor) else _parameter(leaves[i])
            for i in self.slots
        ]

    def host_strings(self):
        """Whether a string tensor (NumPy storage) is among the arguments."""
        return any(leaf_type[3] == "host" for leaf_type in self.types if leaf_type[0] == TENSOR)

    def rebuild(self, leaves):
        """``(args, kwargs)`` for the Python function, with ``leaves`` in place of the call's."""
        arguments = self.arguments
        values = _tree.pack_sequence_as(tuple(arguments.values()), leaves)
        rebuilt = inspect.BoundArguments(self.signature, dict(zip(arguments, values)))
        return rebuilt.args, rebuilt.kwargs


def _parameter(variable):
    """The variable's ``nn.Parameter`` (what the graph reads and writes)."""
    return variable._resource()._param
