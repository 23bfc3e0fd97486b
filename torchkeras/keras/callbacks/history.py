"""``keras.callbacks.History``: what ``fit`` returns."""

from __future__ import annotations

from .callback import Callback
from ...api_export import keras_export

__all__ = ["History"]


@keras_export("keras.callbacks.History")
class History(Callback):
    """Records each epoch's logs: ``history`` (``{name: [float per epoch]}``), ``epoch``.

    ``fit`` adds one automatically and returns it; ``params`` and ``model``
    are set as for every callback.
    """

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)
        self.model.history = self
