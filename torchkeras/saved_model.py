"""The ``tf.saved_model`` namespace (variables in TF's format; no TF graphs)."""
from .checkpoint import saved_model  # noqa: F401
from .api_export import fill_namespace

fill_namespace(globals(), "tf.saved_model")
