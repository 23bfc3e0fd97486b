"""``tf.*`` array operations: creation, shapes, indexing, scatter, sorting, casts.

This module gathers the public array ops from the modules that define them,
with one ``__all__`` for ``torchkeras``'s top-level namespace:

* ``creation_ops``: ``zeros``, ``ones``, ``fill``, ``eye``, ``range``, ``linspace``, ``identity``
...
* ``shape_ops``: ``reshape``, ``transpose``, ``concat``, ``stack``, ``split``, ``pad``, ``tile`` ...
* ``gather_ops``: ``gather``, ``gather_nd``, ``boolean_mask``, ``one_hot``, ``slice``,
``strided_slice`` ...
* ``scatter_ops``: ``tensor_scatter_nd_*`` and ``scatter_nd``
* ``sort_ops``: ``sort``, ``argsort``, ``unique``, ``searchsorted``
* ``cast_ops``: ``cast``
* ``shape_query_ops``: ``shape``, ``rank``, ``size``, broadcast shapes, ``ensure_shape`` ...

Each op takes its inputs' storage (``x._value``), calls torch and wraps the
result, so gradients flow through torch autograd inside a ``GradientTape``.
Inputs are validated as TF validates them, raising TF's exception class with
TF's message (the ``Value for attr ...`` errors keep TF's first line and leave
out the NodeDef dump; see ``_array_errors``).  String tensors (NumPy object
arrays) are accepted by the ops that only move elements around.
"""

from __future__ import annotations

from .cast_ops import cast
from .creation_ops import (
    eye,
    fill,
    identity,
    identity_n,
    linspace,
    meshgrid,
    ones,
    ones_like,
    range,
    sequence_mask,
    zeros,
    zeros_like,
)
from .gather_ops import (
    boolean_mask,
    gather,
    gather_nd,
    one_hot,
    slice,
    strided_slice,
    unravel_index,
)
from .scatter_ops import (
    scatter_nd,
    tensor_scatter_nd_add,
    tensor_scatter_nd_max,
    tensor_scatter_nd_min,
    tensor_scatter_nd_sub,
    tensor_scatter_nd_update,
)
from .shape_ops import (
    broadcast_to,
    concat,
    expand_dims,
    pad,
    repeat,
    reshape,
    reverse,
    reverse_sequence,
    roll,
    split,
    squeeze,
    stack,
    tile,
    transpose,
    unstack,
)
from .shape_query_ops import (
    broadcast_dynamic_shape,
    broadcast_static_shape,
    ensure_shape,
    get_static_value,
    rank,
    shape,
    shape_n,
    size,
)
from .sort_ops import (
    argsort,
    searchsorted,
    sort,
    unique,
    unique_with_counts,
)

__all__ = [
    "ones",
    "zeros",
    "ones_like",
    "zeros_like",
    "fill",
    "eye",
    "range",
    "linspace",
    "identity",
    "reshape",
    "transpose",
    "concat",
    "stack",
    "unstack",
    "split",
    "squeeze",
    "expand_dims",
    "tile",
    "pad",
    "gather",
    "gather_nd",
    "boolean_mask",
    "one_hot",
    "cast",
    "shape",
    "shape_n",
    "rank",
    "size",
    "broadcast_to",
    "reverse",
    "sort",
    "argsort",
    "unique",
    "slice",
    "strided_slice",
    "tensor_scatter_nd_update",
    "tensor_scatter_nd_add",
    "tensor_scatter_nd_sub",
    "tensor_scatter_nd_max",
    "tensor_scatter_nd_min",
    "scatter_nd",
    "repeat",
    "roll",
    "meshgrid",
    "sequence_mask",
    "ensure_shape",
    "unique_with_counts",
    "searchsorted",
    "identity_n",
    "broadcast_static_shape",
    "broadcast_dynamic_shape",
    "unravel_index",
    "reverse_sequence",
    "get_static_value",
]
