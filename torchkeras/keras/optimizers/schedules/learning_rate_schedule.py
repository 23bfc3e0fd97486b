"""``keras.optimizers.schedules``: learning rates as functions of the step.

Each schedule is called with the optimizer's ``iterations`` (or any step
value) and returns a float32 scalar Tensor on the step's device, computed
with Keras' formulas in float32.
"""

from __future__ import annotations

import math

import torch

from ...losses.loss import storage
from ....framework.tensor import wrap
from ...backend.object_repr import KerasObjectRepr
from ....api_export import keras_export

__all__ = [
    "LearningRateSchedule",
    "ExponentialDecay",
    "PiecewiseConstantDecay",
    "PolynomialDecay",
    "InverseTimeDecay",
    "CosineDecay",
    "CosineDecayRestarts",
]


def _step(step):
    return storage(step, torch.float32)


def _const(value, like):
    """A float32 scalar on ``like``'s device, made by a fill (no host-to-device copy)."""
    return torch.full((), float(value), dtype=torch.float32, device=like.device)


@keras_export("keras.optimizers.schedules.LearningRateSchedule")
class LearningRateSchedule(KerasObjectRepr):
    """Base class of learning rate schedules: subclasses implement ``__call__(step)`` and
    ``get_config()``."""

    def __call__(self, step):
        raise NotImplementedError(
            "Learning rate schedule '%s' must override `__call__(self, step)`."
            % type(self).__name__
        )

    def get_config(self):
        """The schedule's constructor arguments (subclasses must override)."""
        raise NotImplementedError(
            "Learning rate schedule '%s' must override `get_config()` in order to be "
            "serializable." % type(self).__name__
        )

    @classmethod
    def from_config(cls, config):
        """A schedule built from ``get_config()``'s dict."""
        return cls(**config)


def _check_steps(name, value):
    if value <= 0:
        raise ValueError("Argument `%s` must be > 0. Received: %s=%s" % (name, name, value))


class _RateDecay(LearningRateSchedule):
    """What ``ExponentialDecay`` and ``InverseTimeDecay`` share: ``step / decay_steps`` (floored
    with ``staircase``) and the config of their common arguments."""

    def _decay_progress(self, s):
        p = s / _const(self.decay_steps, s)
        if self.staircase:
            p = torch.floor(p)
        return p

    def get_config(self):
        """Constructor arguments."""
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


@keras_export("keras.optimizers.schedules.ExponentialDecay")
class ExponentialDecay(_RateDecay):
    """``initial_learning_rate * decay_rate ** (step / decay_steps)`` (floored exponent with
    ``staircase``)."""

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="ExponentialDecay",
    ):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        _check_steps("decay_steps", decay_steps)

    def __call__(self, step):
        s = _step(step)
        p = self._decay_progress(s)
        return wrap(
            _const(self.initial_learning_rate, s) * torch.pow(_const(self.decay_rate, s), p)
        )


@keras_export("keras.optimizers.schedules.PiecewiseConstantDecay")
class PiecewiseConstantDecay(LearningRateSchedule):
    """``values[0]`` up to ``boundaries[0]`` (inclusive), ``values[1]`` up to ``boundaries[1]``, ...
    ``values[-1]`` after the last boundary."""

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. Received: "
                "boundaries=%s of length %d, and values=%s of length %d."
                % (boundaries, len(boundaries), values, len(values))
            )
        self.boundaries = boundaries
        self.values = values
        self.name = name
        self._tables = {}

    def __call__(self, step):
        s = _step(step)
        bounds, values = self._tables.get(s.device) or self._make_tables(s.device)
        return wrap(values[torch.searchsorted(bounds, s.reshape(1), right=False)[0]])

    def _make_tables(self, device):
        bounds = torch.tensor([float(b) for b in self.boundaries], dtype=torch.float32).to(device)
        values = torch.tensor([float(v) for v in self.values], dtype=torch.float32).to(device)
        self._tables[device] = (bounds, values)
        return bounds, values

    def get_config(self):
        """Constructor arguments."""
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


@keras_export("keras.optimizers.schedules.PolynomialDecay")
class PolynomialDecay(LearningRateSchedule):
    """``(initial - end) * (1 - step / decay_steps) ** power + end``; with ``cycle`` the decay
    restarts with ``decay_steps`` scaled by ``ceil(step / decay_steps)``."""

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        end_learning_rate=0.0001,
        power=1.0,
        cycle=False,
        name="PolynomialDecay",
    ):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name
        _check_steps("decay_steps", decay_steps)

    def __call__(self, step):
        s = _step(step)
        decay_steps = _const(self.decay_steps, s)
        if self.cycle:
            multiplier = torch.where(s == 0, torch.ones_like(s), torch.ceil(s / self.decay_steps))
            decay_steps = decay_steps * multiplier
        else:
            s = torch.minimum(s, decay_steps)
        end = _const(self.end_learning_rate, s)
        p = s / decay_steps
        return wrap(
            (_const(self.initial_learning_rate, s) - end) * torch.pow(1 - p, _const(self.power, s))
            + end
        )

    def get_config(self):
        """Constructor arguments."""
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
            "name": self.name,
        }


@keras_export("keras.optimizers.schedules.InverseTimeDecay")
class InverseTimeDecay(_RateDecay):
    """``initial_learning_rate / (1 + decay_rate * step / decay_steps)`` (floored with
    ``staircase``)."""

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="InverseTimeDecay",
    ):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        _check_steps("decay_steps", decay_steps)

    def __call__(self, step):
        s = _step(step)
        p = self._decay_progress(s)
        return wrap(_const(self.initial_learning_rate, s) / (1 + _const(self.decay_rate, s) * p))


@keras_export("keras.optimizers.schedules.CosineDecay")
class CosineDecay(LearningRateSchedule):
    """Cosine decay from the initial rate (or, after a linear warmup of ``warmup_steps`` to
    ``warmup_target``, from that target) down to ``alpha`` times it over ``decay_steps``."""

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        alpha=0.0,
        name="CosineDecay",
        warmup_target=None,
        warmup_steps=0,
    ):
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target
        _check_steps("decay_steps", decay_steps)

    def _decay(self, s, decay_steps, decay_from):
        cosine = 0.5 * (1.0 + torch.cos(_const(math.pi, s) * (s / decay_steps)))
        return decay_from * ((1 - self.alpha) * cosine + self.alpha)

    def __call__(self, step):
        s = _step(step)
        initial = _const(self.initial_learning_rate, s)
        decay_steps = _const(self.decay_steps, s)
        if self.warmup_target is None:
            return wrap(self._decay(torch.minimum(s, decay_steps), decay_steps, initial))
        target = _const(self.warmup_target, s)
        warmup_steps = _const(self.warmup_steps, s)
        s = torch.minimum(s, decay_steps + warmup_steps)
        warm = (target - initial) * (s / warmup_steps) + initial
        return wrap(
            torch.where(s < warmup_steps, warm, self._decay(s - warmup_steps, decay_steps, target))
        )

    def get_config(self):
        """Constructor arguments."""
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "name": self.name,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }


@keras_export("keras.optimizers.schedules.CosineDecayRestarts")
class CosineDecayRestarts(LearningRateSchedule):
    """Cosine decay with warm restarts (SGDR): periods grow by ``t_mul``, peaks scale by
    ``m_mul``."""

    def __init__(
        self,
        initial_learning_rate,
        first_decay_steps,
        t_mul=2.0,
        m_mul=1.0,
        alpha=0.0,
        name="SGDRDecay",
    ):
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        self.name = name
        _check_steps("first_decay_steps", first_decay_steps)

    def __call__(self, step):
        s = _step(step)
        fraction = s / _const(self.first_decay_steps, s)
        t_mul = _const(self._t_mul, s)
        if self._t_mul == 1.0:
            restart = torch.floor(fraction)
            fraction = fraction - restart
        else:
            restart = torch.floor(torch.log(1.0 - fraction * (1.0 - t_mul)) / torch.log(t_mul))
            done = (1.0 - torch.pow(t_mul, restart)) / (1.0 - t_mul)
            fraction = (fraction - done) / torch.pow(t_mul, restart)
        m_fac = torch.pow(_const(self._m_mul, s), restart)
        cosine = 0.5 * m_fac * (1.0 + torch.cos(_const(math.pi, s) * fraction))
        alpha = _const(self.alpha, s)
        return wrap(_const(self.initial_learning_rate, s) * ((1 - alpha) * cosine + alpha))

    def get_config(self):
        """Constructor arguments."""
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "first_decay_steps": self.first_decay_steps,
            "t_mul": self._t_mul,
            "m_mul": self._m_mul,
            "alpha": self.alpha,
            "name": self.name,
        }
