"""``keras.callbacks.LambdaCallback``."""

from __future__ import annotations

from .callback import Callback
from ...api_export import keras_export

__all__ = ["LambdaCallback"]


@keras_export("keras.callbacks.LambdaCallback")
class LambdaCallback(Callback):
    """A callback built from plain functions (``on_epoch_end=lambda epoch, logs: ...``);
    extra keyword arguments set any other hook."""

    def __init__(
        self,
        on_epoch_begin=None,
        on_epoch_end=None,
        on_train_begin=None,
        on_train_end=None,
        on_train_batch_begin=None,
        on_train_batch_end=None,
        **kwargs,
    ):
        super().__init__()
        self.__dict__.update(kwargs)
        hooks = {
            "on_epoch_begin": on_epoch_begin,
            "on_epoch_end": on_epoch_end,
            "on_train_begin": on_train_begin,
            "on_train_end": on_train_end,
            "on_train_batch_begin": on_train_batch_begin,
            "on_train_batch_end": on_train_batch_end,
        }
        for name, function in hooks.items():
            if function is not None:
                setattr(self, name, function)
