"""``tf.sparse``: ``tf.SparseTensor`` and the ops on it.

Filled from the export registry (``api_export``): the ops declare their ``tf.sparse.*``
names where they are defined (``framework/sparse_tensor.py``, ``ops/sparse/``).
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.sparse", ".framework.sparse_tensor")
