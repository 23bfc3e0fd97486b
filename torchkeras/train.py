"""The ``tf.train`` namespace: checkpoints (``Checkpoint``, ``CheckpointManager`` ...).

Filled from the export registry (``api_export``)."""

from .api_export import fill_namespace as _fill_namespace

_fill_namespace(
    globals(),
    "tf.train",
    ".checkpoint.checkpoint",
    ".checkpoint.manager",
    ".checkpoint.reader",
    ".checkpoint.state",
    ".ops.io_protos",
)
