"""``keras.config``: Keras' global settings (default float type, fuzz factor, image layout, dtype
policy, interactive logging).  ``backend()`` answers ``'tensorflow'``: torchkeras reproduces
Keras on the TensorFlow backend."""

from ..api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "keras.config",
    ".backend.config",
    ".mixed_precision.policy",
    ".saving.serialization_lib",
    ".utils.io_utils",
    ".backend.traceback_utils",
)
