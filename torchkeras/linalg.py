"""``tf.linalg``: matrix products, norms, inverses, decompositions and diagonal helpers.

Filled from the export registry (``api_export``): the ops declare their
``tf.linalg.*`` names where they are defined.
"""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.linalg",
    ".ops.clip_ops",
    ".ops.creation_ops",
    ".ops.linalg_ops",
    ".ops.lu_ops",
    ".ops.matmul_ops",
    ".ops.norm_ops",
)
