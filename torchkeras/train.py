"""The ``tf.train`` namespace: checkpoints (``Checkpoint``, ``CheckpointManager`` ...)."""
from .checkpoint import checkpoint, manager, reader, state  # noqa: F401
from .api_export import fill_namespace

fill_namespace(globals(), "tf.train")
