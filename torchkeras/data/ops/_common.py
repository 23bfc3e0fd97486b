"""Helpers every ``tf.data`` transformation shares: element storage, specs and errors.

An element inside a pipeline is a structure (``structure.py``) of torch storage
(NumPy object arrays for strings) or, for ``window``, of Datasets.  A spec is the
same structure of ``(shape, dtype)`` pairs (``shape`` a tuple with ``None`` for an
unknown dimension, or ``None`` for an unknown rank) or ``DatasetSpec`` leaves.  A
``tf.SparseTensor`` component stays a SparseTensor leaf (spec: ``tf.SparseTensorSpec``;
``sparse_elements.py`` slices and batches it).
"""

from __future__ import annotations

import os

import numpy as np
import torch

from ...api_export import tf_export
from ...framework import dtypes
from ...framework import tree as _tree
from ...framework.global_state import PER_THREAD as _PER_THREAD
from ...framework.errors import InvalidArgumentError
from ...framework.op_errors import op_error, type_name
from ...framework.tensor_ops import slice_node_error
from ...framework.sparse_tensor import SparseTensor, SparseTensorSpec
from ...framework.tensor import TensorOperators
from .. import structure
from . import sparse_elements

AUTOTUNE = -1
INFINITE_CARDINALITY = -1
UNKNOWN_CARDINALITY = -2
_CPU = torch.empty(0)
_CPU_DEVICE = torch.device("cpu")


def on_cpu(value):
    """``value``'s leaves as storage, made on the CPU where converted (TF's conversion rules;
    Datasets kept)."""
    if isinstance(value, TensorOperators) or structure.is_flat(value):
        return structure.to_storage(value)
    return run_on_cpu(structure.to_storage, value)


def run_on_cpu(fn, *args):
    """``fn(*args)`` with the CPU as this thread's device, as TF runs dataset functions
    (a ``tf.device`` scope without its parsing, cheap enough for every element), counted in
    ``dataset_functions``: TF builds dataset functions as graphs, so an op's inputs of
    mismatched dtypes raise its graph-construction ``TypeError`` (``op_errors``) and an
    integer index into a scalar argument its shape-inference ``ValueError``."""
    state = _PER_THREAD
    state.device_stack.append(_CPU_DEVICE)
    state.dataset_functions += 1
    try:
        return fn(*args)
    except InvalidArgumentError as error:
        scalar_slice = _traced_slice_error(error, args)
        if scalar_slice is None:
            raise
        raise scalar_slice from None
    finally:
        state.dataset_functions -= 1
        state.device_stack.pop()


def _traced_slice_error(error, args):
    """TF's shape-inference ``ValueError`` for ``x[i]`` on the function's scalar first argument
    (what ``lambda x: x[0]`` over scalar elements does); ``None`` for any other error."""
    first = args[0] if args else None
    if "Attempting to slice scalar input." not in error.message or not (
        isinstance(first, TensorOperators) and first.shape.rank == 0
    ):
        return None
    return slice_node_error(
        "Attempting to slice scalar input.",
        type_name(first.dtype).upper(),
        "args_0",
        "[]",
        1,
        "input[3] = <1>",
    )


def rows(storage):
    """The size of the first dimension."""
    if isinstance(storage, SparseTensor):
        return sparse_elements.rows(storage)
    return storage.shape[0]


def row(storage, index):
    """Row ``index`` of a storage (string rows stay 0-d NumPy object arrays)."""
    if isinstance(storage, SparseTensor):
        return sparse_elements.row(storage, index)
    if isinstance(storage, np.ndarray):
        return storage[index : index + 1].reshape(storage.shape[1:])
    return storage[index]


def stack(leaves):
    """Stacks same-shaped storages along a new first dimension (SparseTensors: see
    ``sparse_elements.stack``)."""
    if isinstance(leaves[0], SparseTensor):
        return sparse_elements.stack(leaves)
    if isinstance(leaves[0], np.ndarray):
        return np.stack(leaves)
    return torch.stack(leaves)


def spec_of(storage, batched=False):
    """The ``(shape, dtype)`` of a storage (without its first dimension when ``batched``)."""
    if getattr(type(storage), "_is_dataset", False):
        return DatasetSpec(storage.element_spec)
    if isinstance(storage, SparseTensor):
        return sparse_elements.spec(storage, batched)
    shape = tuple(storage.shape[1:] if batched else storage.shape)
    dtype = dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)
    return shape, dtype


def is_spec_leaf(node):
    """True for a ``(shape, dtype)`` pair, a ``DatasetSpec`` or a ``SparseTensorSpec``."""
    return isinstance(node, (DatasetSpec, SparseTensorSpec)) or (
        isinstance(node, tuple) and len(node) == 2 and isinstance(node[1], dtypes.DType)
    )


def map_spec(fn, spec):
    """Applies ``fn(shape, dtype)`` to every tensor leaf of ``spec`` (DatasetSpecs kept)."""

    def leaf(node):
        if isinstance(node, SparseTensorSpec):
            shape, dtype = fn(tuple(node.shape.as_list()), node.dtype)
            return SparseTensorSpec(shape, dtype)
        return fn(*node) if isinstance(node, tuple) else node

    return _tree.map_structure(leaf, spec, rules=_tree.DATA, is_leaf=is_spec_leaf)


def spec_leaves(spec):
    """The leaves of a spec in TF's order."""
    return _tree.flatten(spec, _tree.DATA, is_leaf=is_spec_leaf)


def pack_spec(spec, leaves):
    """Rebuilds ``spec``'s structure from ``leaves``."""
    return _tree.pack_sequence_as(spec, leaves, _tree.DATA, is_leaf=is_spec_leaf)


def spec_structure(spec):
    """The structure of ``spec`` with every leaf replaced by 0 (for structure checks)."""
    return _tree.map_structure(lambda _: 0, spec, rules=_tree.DATA, is_leaf=is_spec_leaf)


def public_spec(spec):
    """The internal spec as TF's ``element_spec`` (``tf.TensorSpec`` / ``DatasetSpec`` leaves)."""
    from ...ops.tensor_spec import TensorSpec

    def leaf(node):
        if not isinstance(node, tuple):
            return node
        return TensorSpec(shape=node[0], dtype=node[1])

    return _tree.map_structure(leaf, spec, rules=_tree.DATA, is_leaf=is_spec_leaf)


def internal_spec(specs):
    """The internal spec of a structure of ``tf.TensorSpec`` / ``DatasetSpec``."""

    def leaf(spec):
        if isinstance(spec, (DatasetSpec, SparseTensorSpec)):
            return spec
        shape = spec.shape
        dims = None if shape.rank is None else tuple(shape.as_list())
        return dims, dtypes.as_dtype(spec.dtype)

    return _tree.lists_to_tuples(_tree.map_structure(leaf, specs), _tree.NEST)


def element_structure(element):
    """Lists returned by a user function become tuples, as TF's dataset functions do
    (namedtuples are kept whole)."""
    if isinstance(element, TensorOperators) or structure.is_flat(element):
        return element
    return _tree.lists_to_tuples(element, _tree.KERAS, is_leaf=_tree.is_namedtuple)


def call(fn, element):
    """Calls a user function on an element (a tuple is unpacked into arguments)."""
    tensors = structure.to_tensors(element)
    if type(tensors) is tuple:
        return run_on_cpu(fn, *tensors)
    return run_on_cpu(fn, tensors)


def apply(fn, element):
    """``fn(element)`` as a pipeline element (CPU storage, lists turned into tuples)."""
    return on_cpu(element_structure(call(fn, element)))


def shape_compatible(expected, actual):
    """True when ``actual`` fits ``expected`` (``None`` dims and ranks match anything)."""
    if expected is None:
        return True
    return len(expected) == len(actual) and all(
        e is None or e == a for e, a in zip(expected, actual)
    )


def dataset_op_error(opname, text, kernel=None):
    """TF's eager ``InvalidArgumentError`` raised by a dataset op's kernel (on the CPU)."""
    return op_error(opname, text, _CPU, kernel=kernel)


def iterator_error(cls, spec, text):
    """An error TF raises from ``IteratorGetNext`` (class ``cls``) for a dataset of ``spec``."""
    kernel = "IteratorGetNext_output_types_%d" % len(spec_leaves(spec))
    error = op_error("IteratorGetNext", text, _CPU, kernel=kernel)
    return error if cls is InvalidArgumentError else cls(None, None, error.message)


def scalar_arg(value, dtype, name):
    """A dataset op's scalar argument as TF converts it (``convert_to_tensor(value, dtype,
    name=name)``): a Python number, bool or string of ``dtype``'s kind, else TF's error (a
    Tensor of another dtype: the ``ValueError`` prefixed with ``name``)."""
    from ...framework.convert import convert_to_tensor

    if value is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    try:
        tensor = convert_to_tensor(value, dtype=dtype)
    except ValueError as error:
        if isinstance(value, TensorOperators):
            raise ValueError("%s: %s" % (name, error)) from None
        raise
    result = tensor.numpy()
    return result.item() if hasattr(result, "item") else result


def positive(value, what, opname, kernel=None):
    """Checks a parameter TF requires to be > 0."""
    if value <= 0:
        raise dataset_op_error(opname, "%s must be greater than zero." % what, kernel)


def parallelism(num_parallel_calls, opname):
    """Worker count for ``num_parallel_calls`` (``AUTOTUNE``: the schedulable cores)."""
    if num_parallel_calls is None:
        return 1
    count = int(num_parallel_calls)
    if count == AUTOTUNE:
        return cpu_count()
    positive(count, "num_parallel_calls", opname, opname + "_Targuments_0")
    return count


def cpu_count():
    """The cores this process may run on (TF's ``port::MaxParallelism``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@tf_export("data.DatasetSpec")
class DatasetSpec:
    """``tf.data.DatasetSpec``: the type of a Dataset-valued element (``window``'s
    elements), holding the inner dataset's ``element_spec``.
    """

    def __init__(self, element_spec, dataset_shape=()):
        self._element_spec = element_spec
        from ...framework.shape import TensorShape

        self._dataset_shape = TensorShape(dataset_shape)

    @property
    def element_spec(self):
        """The inner dataset's ``element_spec``."""
        return self._element_spec

    def __eq__(self, other):
        return (
            isinstance(other, DatasetSpec)
            and repr(self._element_spec) == repr(other._element_spec)
            and self._dataset_shape == other._dataset_shape
        )

    def __hash__(self):
        return hash(repr(self))

    def __repr__(self):
        return "DatasetSpec(%r, %r)" % (self._element_spec, self._dataset_shape)
