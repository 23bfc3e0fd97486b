"""``tf.random``: random tensors and seeding (see ``ops/random_ops.py`` for TF's seed rules).

Filled from the export registry (``api_export``): the ops declare their
``tf.random.*`` names where they are defined, as is ``tf.random.experimental``
(the Philox ``Generator`` and its helpers).
"""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

_DEFINING = (
    ".ops.random_ops",
    ".ops.random_generator",
    ".ops.stateless_random_ops",
    ".ops.random_distribution_ops",
    ".ops.index_shuffle_ops",
)

experimental = _types.ModuleType(
    __name__ + ".experimental",
    "``tf.random.experimental``: the Philox ``Generator`` and RNG state.",
)
_sys.modules[experimental.__name__] = experimental
_export_value(experimental, "tf.random.experimental")
_fill_namespace(globals(), "tf.random", *_DEFINING)
_fill_namespace(vars(experimental), "tf.random.experimental")
