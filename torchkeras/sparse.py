"""``tf.sparse``: ``tf.SparseTensor`` and the ops on it.

Filled from the export registry (``api_export``): the ops declare their ``tf.sparse.*``
names where they are defined (``framework/sparse_tensor.py``, ``ops/sparse/``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.sparse",
    ".framework.sparse_tensor",
    ".ops.sparse.arithmetic_ops",
    ".ops.sparse.conversion_ops",
    ".ops.sparse.count_ops",
    ".ops.sparse.cross_ops",
    ".ops.sparse.dispatch_ops",
    ".ops.sparse.matmul_ops",
    ".ops.sparse.reduction_ops",
    ".ops.sparse.segment_ops",
    ".ops.sparse.selection_ops",
    ".ops.sparse.shape_ops",
    ".ops.sparse.slice_ops",
)
