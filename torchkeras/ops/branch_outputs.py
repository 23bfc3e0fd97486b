"""TF's check that the branches of a traced ``tf.cond`` / ``tf.switch_case`` agree.

Inside a ``tf.function`` TF traces every branch and refuses branches whose outputs differ
in number, nesting or dtype (cond_v2's ``_make_indexed_slices_indices_types_match``,
``_check_same_outputs`` and the output specs' common supertype), whichever branch the call
takes. The branches' outputs are compared here as TF's graphs name them
(``cond/Identity:0``...), so the errors read as TF's. Composite outputs (ragged, sparse,
TensorArray) are not compared.
"""

from __future__ import annotations

from ..framework.composite_tensor import CompositeTensor
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators
from . import nest as _nest
from .tensor_spec import TensorSpec

__all__ = ["SymbolicTensor", "check_branch_outputs"]


class SymbolicTensor:
    """A branch output as TF's graph prints it: ``str`` gives
    ``Tensor("cond/Identity:0", shape=(), dtype=int32)``, ``repr``
    ``<tf.Tensor 'cond/Identity:0' shape=() dtype=int32>``."""

    __slots__ = ("name", "shape", "dtype")

    def __init__(self, name, shape, dtype):
        self.name, self.shape, self.dtype = name, shape, dtype

    def __str__(self):
        return 'Tensor("%s", shape=%s, dtype=%s)' % (self.name, self.shape, self.dtype.name)

    def __repr__(self):
        return "<tf.Tensor '%s' shape=%s dtype=%s>" % (self.name, self.shape, self.dtype.name)


class _NotComparedError(Exception):
    """A branch output this check does not model (a composite, or not convertible)."""


def _graph_outputs(structure, scope):
    """``structure`` with each output as TF's branch graph names it; ``None`` stays ``None``."""
    count = [0]

    def leaf(value):
        if value is None:
            return None
        if isinstance(value, CompositeTensor) or hasattr(value, "_type_spec"):
            raise _NotComparedError
        if not isinstance(value, TensorOperators):
            try:
                value = convert_to_tensor(value)
            except (TypeError, ValueError) as error:
                raise _NotComparedError from error
        index, count[0] = count[0], count[0] + 1
        name = "%s/Identity%s:0" % (scope, "_%d" % index if index else "")
        return SymbolicTensor(name, value.shape, value.dtype)

    return _nest.map_structure(leaf, structure)


def _mismatch(op, branch, first, other, detail):
    first_name, other_name = (
        ("true_fn", "false_fn")
        if op == "cond"
        else (
            "branches[0]",
            "branches[%d]" % branch,
        )
    )
    op_name = "tf.cond" if op == "cond" else "tf.switch_case"
    return TypeError(
        "%s and %s arguments to %s must have the same number, type, and overall structure of "
        "return values.\n\n%s output: %s\n%s output: %s\n\nError details:\n%s"
        % (first_name, other_name, op_name, first_name, first, other_name, other, detail)
    )


def _spec_text(value):
    return "NoneTensorSpec()" if value is None else repr(TensorSpec(value.shape, value.dtype))


def check_branch_outputs(op, scope, branches):
    """Raises TF's error when the outputs of a ``tf.cond`` (``op="cond"``) or
    ``tf.switch_case`` (``op="case"``) traced under name scope ``scope`` disagree.

    ``branches`` holds, per branch in order, ``(traced, outputs)``; a branch that could not be
    traced (``traced`` false) leaves the whole check out."""
    if not all(traced for traced, _ in branches):
        return
    try:
        graphs = [_graph_outputs(outputs, scope) for _, outputs in branches]
    except _NotComparedError:
        return
    counts = [len(_nest.flatten(graph)) for graph in graphs]
    if len(set(counts)) != 1:
        raise AssertionError(str(counts))
    first = graphs[0]
    first_flat = [t for t in _nest.flatten(first) if t is not None]
    for branch, other in enumerate(graphs[1:], 1):
        try:
            _nest.assert_same_structure(first, other)
        except (ValueError, TypeError) as error:
            raise _mismatch(op, branch, first, other, error) from None
        other_flat = [t for t in _nest.flatten(other) if t is not None]
        if len(first_flat) != len(other_flat):
            raise ValueError(
                "Lengths of branch outputs of %s must match.\nlen(graphs[0].outputs): %d\n"
                "len(graphs[%d].outputs): %d\n" % (op, len(first_flat), branch, len(other_flat))
            )
        for a, b in zip(first_flat, other_flat):
            if a.dtype != b.dtype:
                raise _mismatch(op, branch, first, other, "%s and %s have different types" % (a, b))
    for branch in graphs[1:]:
        for a, b in zip(_nest.flatten(first), _nest.flatten(branch)):
            if (a is None) != (b is None):
                raise TypeError(
                    "No common supertype of %s and %s." % (_spec_text(a), _spec_text(b))
                )
