"""``keras.callbacks.TerminateOnNaN``."""

from __future__ import annotations

import math

from ..utils.io_utils import print_msg
from .callback import Callback
from ...api_export import keras_export

__all__ = ["TerminateOnNaN"]


@keras_export("keras.callbacks.TerminateOnNaN")
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
            raise RuntimeError(
                "NaN or Inf loss encountered at batch %d. Loss value: %s. Terminating training "
                "immediately." % (batch, loss)
            )
        print_msg("Batch %d: Invalid loss, terminating training" % batch)
        self.model.stop_training = True
