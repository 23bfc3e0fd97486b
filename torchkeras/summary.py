"""``tf.summary``: TensorBoard event files (``torchkeras[tensorboard]`` extra).

Filled from the export registry (``api_export``), as is ``tf.summary.experimental``
(``get_step``/``set_step``)."""

import sys as _sys
import types as _types

from .api_export import export_value as _export_value, fill_namespace as _fill_namespace

_DEFINING = (".ops.summary_ops", ".ops.summary_plugins", ".ops.summary_trace")

experimental = _types.ModuleType(__name__ + ".experimental", "``tf.summary.experimental``.")
_sys.modules[experimental.__name__] = experimental
_export_value(experimental, "tf.summary.experimental")
_fill_namespace(globals(), "tf.summary", *_DEFINING)
_fill_namespace(vars(experimental), "tf.summary.experimental")
