"""``tf.sets``: set operations on the last dimension (see ``ops/sets_ops.py``: dense results
where TF returns a ``SparseTensor``).

Filled from the export registry (``api_export``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.sets", ".ops.sets_ops")
