"""The ``tf.saved_model`` namespace (variables in TF's format; no TF graphs).

Filled from the export registry (``api_export``)."""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(globals(), "tf.saved_model", ".checkpoint.saved_model")
