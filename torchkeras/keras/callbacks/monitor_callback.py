"""Shared base of the callbacks that watch one metric (``monitor``, ``mode``, ``min_delta``)."""

from __future__ import annotations

import operator
import warnings

from .callback import Callback

__all__ = ["MonitorCallback"]


def _compiled_metrics(model):
    found = []
    for metric in getattr(model, "metrics", None) or []:
        found.extend(getattr(metric, "metrics", None) or [metric])
    return found


class MonitorCallback(Callback):
    """Decides whether a monitored value improved, as Keras' ``MonitorCallback``.

    ``mode='auto'`` minimises losses and maximises metrics whose direction is
    known (accuracy-like metrics), and raises ``ValueError`` otherwise.
    """

    def __init__(self, monitor="val_loss", mode="auto", baseline=None, min_delta=0):
        super().__init__()
        if mode not in ("auto", "min", "max"):
            warnings.warn(
                "%s mode '%s' is unknown, fallback to auto mode." % (type(self).__name__, mode),
                stacklevel=2,
            )
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.best = baseline
        self.min_delta = abs(min_delta)
        self.monitor_op = None

    def _set_monitor_op(self):
        if self.mode == "min":
            self.monitor_op = operator.lt
        elif self.mode == "max":
            self.monitor_op = operator.gt
        else:
            name = self.monitor.removeprefix("val_")
            if name == "loss":
                self.monitor_op = operator.lt
            for metric in _compiled_metrics(self.model):
                if getattr(metric, "name", None) == name and hasattr(metric, "_direction"):
                    self.monitor_op = operator.gt if metric._direction == "up" else operator.lt
            if self.monitor_op is None:
                raise ValueError(
                    "%s callback received monitor=%s, but Keras isn't able to automatically "
                    "determine whether that "
                    "metric should be maximized or minimized. Pass `mode='max'` in order to "
                    "monitor based on the highest "
                    "metric value, or pass `mode='min'` in order to use the lowest value."
                    % (type(self).__name__, self.monitor)
                )
        if self.monitor_op is operator.lt:
            self.min_delta *= -1

    def _is_improvement(self, value, reference):
        if reference is None:
            return True
        return bool(self.monitor_op(value - self.min_delta, reference))
