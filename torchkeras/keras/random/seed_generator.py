"""``keras.random.SeedGenerator``: a variable-held seed state that yields a fresh seed per draw."""

import random as _py_random

import torch

from ...framework import device as _device
from ...framework.tensor import wrap
from ..backend import naming
from ..backend.variables import KerasVariable
from ..backend.object_repr import KerasObjectRepr
from ...api_export import keras_export

__all__ = ["SeedGenerator", "draw_generator"]


@keras_export("keras.random.SeedGenerator")
class SeedGenerator(KerasObjectRepr):
    """Keeps ``state`` (an int64 variable ``[seed, counter]``); each :meth:`next` returns the
    current state and advances the counter, so successive draws differ while a fixed
    ``seed`` replays the same sequence."""

    def __init__(self, seed=None, name=None, **kwargs):
        kwargs.pop("backend", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments: {kwargs}")
        self.name = name or naming.uniquify("seed_generator")
        self._initial_seed = seed
        if seed is None:
            seed = _py_random.randint(1, int(1e9))
        if not isinstance(seed, int):
            raise ValueError(f"Argument `seed` must be an integer. Received: seed={seed}")
        self.state = KerasVariable(
            torch.tensor([seed, 0], dtype=torch.int64),
            trainable=False,
            name="seed_generator_state",
            dtype="int64",
        )

    def next(self, ordered=True):
        """The current ``[seed, counter]`` state (a Tensor); advances the state."""
        current = self.state._value.detach().clone()
        if ordered:
            self.state.assign(
                current + torch.tensor([0, 1], dtype=torch.int64, device=current.device)
            )
        else:
            self.state.assign((current + 1) * 5387 % 933199)
        return wrap(current)

    def get_config(self):
        """``{'seed': ..., 'name': ...}``."""
        return {"seed": self._initial_seed, "name": self.name}

    @classmethod
    def from_config(cls, config):
        """A generator from :meth:`get_config`'s dict."""
        return cls(**config)


def draw_generator(seed):
    """A ``torch.Generator`` on the current device seeded from ``seed`` (int: always the
    same stream; SeedGenerator: its next state), or ``None`` for ``seed=None``: torch's
    global generator, which ``keras.utils.set_random_seed`` seeds."""
    if seed is None:
        return None
    if isinstance(seed, SeedGenerator):
        a, b = seed.next().numpy().tolist()
    elif isinstance(seed, int) and not isinstance(seed, bool):
        a, b = seed & 0xFFFFFFFF, 0
    else:
        raise ValueError(
            "Argument `seed` must be either an integer or an instance of `SeedGenerator`. "
            f"Received: seed={seed} (of type {type(seed)})"
        )
    generator = torch.Generator(device=_device.current())
    generator.manual_seed((int(a) * 1000003 + int(b)) & 0x7FFFFFFFFFFFFFFF)
    return generator
