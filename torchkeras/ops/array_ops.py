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

from . import (
    cast_ops,
    creation_ops,
    gather_ops,
    scatter_ops,
    shape_ops,
    shape_query_ops,
    sort_ops,
)
from .cast_ops import *  # noqa: F403 - re-exported, named in __all__
from .creation_ops import *  # noqa: F403 - re-exported, named in __all__
from .gather_ops import *  # noqa: F403 - re-exported, named in __all__
from .scatter_ops import *  # noqa: F403 - re-exported, named in __all__
from .shape_ops import *  # noqa: F403 - re-exported, named in __all__
from .shape_query_ops import *  # noqa: F403 - re-exported, named in __all__
from .sort_ops import *  # noqa: F403 - re-exported, named in __all__

__all__ = [
    name
    for module in (
        creation_ops,
        shape_ops,
        gather_ops,
        scatter_ops,
        sort_ops,
        cast_ops,
        shape_query_ops,
    )
    for name in module.__all__
]
