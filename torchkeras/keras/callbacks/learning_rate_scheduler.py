"""``keras.callbacks.LearningRateScheduler``."""

from __future__ import annotations


import numpy as np

from ..utils.io_utils import print_msg
from .callback import Callback
from ...api_export import keras_export

__all__ = ["LearningRateScheduler"]


def _current_lr(optimizer):
    return float(np.asarray(optimizer.learning_rate))


@keras_export("keras.callbacks.LearningRateScheduler")
class LearningRateScheduler(Callback):
    """Sets the optimizer's learning rate to ``schedule(epoch, lr)`` (or ``schedule(epoch)``)
    each epoch."""

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = self.model.optimizer
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        try:
            rate = self.schedule(epoch, _current_lr(optimizer))
        except TypeError:
            rate = self.schedule(epoch)
        if not isinstance(rate, (float, np.float32, np.float64)):
            raise ValueError(
                "The output of the `schedule` function should be a float. Got: %s" % (rate,)
            )
        optimizer.learning_rate = rate
        if self.verbose > 0:
            print_msg(
                "\nEpoch %d: LearningRateScheduler setting learning rate to %s." % (epoch + 1, rate)
            )

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = _current_lr(self.model.optimizer)
