"""``keras.utils.Progbar``: Keras' text progress bar, character for character.

``verbose=1`` redraws one line in place (``\\b``/``\\r``) with a green bar,
an ETA while running and ``- name: value`` pairs; ``verbose=2`` prints one
line at the end (``88/88 - 0s - 1ms/step - loss: 0.0720``).  As in Keras the
in-place display is used on a TTY, in Jupyter, and on every POSIX system;
elsewhere each update starts a new line.
"""

from __future__ import annotations

import math
import os
import sys
import time

import numpy as np

from .io_utils import print_msg
from ..backend.object_repr import KerasObjectRepr
from ...api_export import keras_export

__all__ = ["Progbar"]


def _write(message):
    print_msg(message, line_break=False)


def _format_time(seconds_per_unit, unit_name):
    if seconds_per_unit >= 1 or seconds_per_unit == 0:
        return " %.0fs/%s" % (seconds_per_unit, unit_name)
    if seconds_per_unit >= 1e-3:
        return " %.0fms/%s" % (seconds_per_unit * 1e3, unit_name)
    return " %.0fus/%s" % (seconds_per_unit * 1e6, unit_name)


def _format_eta(eta):
    if eta > 3600:
        return "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
    if eta > 60:
        return "%d:%02d" % (eta // 60, eta % 60)
    return "%ds" % eta


@keras_export("keras.utils.Progbar")
class Progbar(KerasObjectRepr):
    """Displays a progress bar (Keras' ``keras.utils.Progbar``).

    Args:
        target: total number of steps expected, ``None`` if unknown.
        width: bar width in characters.
        verbose: 0 silent, 1 live bar, 2 one line when finished.
        interval: minimum seconds between redraws.
        stateful_metrics / stateless_metrics: names displayed as given /
            averaged over the updates (by default every value is averaged).
        unit_name: what one step is called (``"step"``).
    """

    def __init__(
        self,
        target,
        width=20,
        verbose=1,
        interval=0.05,
        stateful_metrics=None,
        stateless_metrics=None,
        unit_name="step",
    ):
        if stateful_metrics is not None and stateless_metrics is not None:
            raise ValueError(
                "Only one of `stateful_metrics` or `stateless_metrics` can be provided. "
                "`stateful_metrics` is used to make "
                "metrics stateless by default (with an exclusion list), while `stateless_metrics` "
                "is used to make metrics "
                "stateful by default (with an exclusion list)."
            )
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        if stateless_metrics is not None:
            self.stateful_metrics = None
            self.stateless_metrics = set(stateless_metrics)
        else:
            self.stateful_metrics = set(stateful_metrics or ())
            self.stateless_metrics = None
        self._dynamic_display = (
            (hasattr(sys.stdout, "isatty") and sys.stdout.isatty())
            or "ipykernel" in sys.modules
            or "posix" in sys.modules
            or "PYCHARM_HOSTED" in os.environ
        )
        self._seen_so_far = 0
        self._values = {}
        self._values_order = []
        self._start = time.time()
        self._last_update = 0
        self._time_after_first_step = None
        self._prev_total_width = 0

    def due(self):
        """Whether an update now would be drawn (the redraw interval has passed)."""
        return self.verbose == 1 and time.time() - self._last_update >= self.interval

    def _is_stateless(self, name):
        if self.stateful_metrics is not None:
            return name not in self.stateful_metrics
        return name in self.stateless_metrics

    def _record(self, current, values, finalize):
        for name, value in values:
            if name not in self._values_order:
                self._values_order.append(name)
            if not self._is_stateless(name) or finalize:
                self._values[name] = [value, 1]
                continue
            weight = max(current - self._seen_so_far, 1)
            if name in self._values:
                self._values[name][0] += value * weight
                self._values[name][1] += weight
            else:
                self._values[name] = [value * weight, weight]
        self._seen_so_far = current

    def _average(self, name):
        total, count = self._values[name]
        if not isinstance(total, float):
            total = np.mean(total)
        return total / max(1, count)

    def update(self, current, values=None, finalize=None):
        """Moves the bar to step ``current`` with ``values``: ``[(name, value), ...]``."""
        if finalize is None:
            finalize = False if self.target is None else current >= self.target
        self._record(current, values or [], finalize)
        now = time.time()
        per_unit = self._step_duration(current, now)
        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            self._draw(current, now, per_unit, finalize)
        elif self.verbose == 2 and finalize and self.target is not None and self.target > 0:
            digits = int(math.log10(self.target)) + 1
            line = ("%*d/%d" % (digits, current, self.target)) + " - %.0fs -%s" % (
                now - self._start,
                _format_time(per_unit, self.unit_name),
            )
            for name in self._values_order:
                average = self._average(name)
                line += " - %s: %s" % (name, ("%.4f" if average > 1e-3 else "%.4e") % average)
            _write(line + "\n")
        self._last_update = now

    def _draw(self, current, now, per_unit, finalize):
        message = ("\b" * self._prev_total_width + "\r") if self._dynamic_display else "\n"
        hidden = 0
        if self.target is not None and self.target > 0:
            digits = int(math.log10(self.target)) + 1
            bar = "\x1b[1m%*d/%d\x1b[0m " % (digits, current, self.target)
            hidden += 8
            filled = int(self.width * float(current) / self.target)
            if filled > 0:
                bar += "\x1b[32m" + "━" * filled + "\x1b[0m"
                hidden += 9
            bar += "\x1b[37m" + "━" * (self.width - filled) + "\x1b[0m"
            hidden += 9
        else:
            bar = "%7d/Unknown" % current
        if self.target is not None and self.target > 0 and not finalize:
            info = " \x1b[1m%s\x1b[0m" % _format_eta(per_unit * (self.target - current))
        else:
            info = " \x1b[1m%.0fs\x1b[0m" % (now - self._start)
        hidden += 8
        info += _format_time(per_unit, self.unit_name)
        for name in self._values_order:
            value = self._values[name]
            average = self._average(name)
            info += (
                " - %s: %s" % (name, ("%.4f" if abs(average) > 1e-3 else "%.4e") % average)
                if isinstance(value, list)
                else " - %s: %s" % (name, value)
            )
        total_width = len(bar) + len(info) - hidden
        message += bar + info
        if self._prev_total_width > total_width:
            message += " " * (self._prev_total_width - total_width)
        if finalize:
            message += "\n"
        _write(message)
        self._prev_total_width = total_width

    def add(self, n, values=None):
        """Advances the bar by ``n`` steps."""
        self.update(self._seen_so_far + n, values)

    def _step_duration(self, current, now):
        if not current:
            return 0
        if self._time_after_first_step is not None and current > 1:
            per_unit = (now - self._time_after_first_step) / (current - 1)
        else:
            per_unit = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return per_unit
