"""``keras.callbacks.TerminateOnNaN``."""
from __future__ import annotations

import math
import sys

from .callback import Callback

__all__ = ["TerminateOnNaN"]


class TerminateOnNaN(Callback):
    """Stops training at the first batch whose loss is NaN or infinite
    (``raise_error=True`` raises ``RuntimeError`` instead)."""

    def __init__(self, raise_error=False):
        super().__init__()
        self.raise_error = raise_error

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is None or math.isfinite(loss):
            return
        if self.raise_error:
            raise RuntimeError("NaN or Inf loss encountered at batch %d. Loss value: %s. Terminating training immediately." % (batch, loss))
        sys.stdout.write("Batch %d: Invalid loss, terminating training\n" % batch)
        self.model.stop_training = True
