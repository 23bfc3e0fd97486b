"""The ``keras.initializers.Initializer`` base class and the helpers its subclasses share."""

import torch

from ...framework import device as _device
from ...framework import dtypes
from ...framework.tensor import wrap
from ..backend import config
from ..backend.object_repr import KerasObjectRepr
from ...api_export import keras_export


@keras_export("keras.Initializer", "keras.initializers.Initializer")
class Initializer(KerasObjectRepr):
    """Base class: ``initializer(shape, dtype=None)`` returns a new ``tf.Tensor``.

    Subclasses implement ``_generate(shape, torch_dtype, device)`` and ``get_config()``.
    """

    def __call__(self, shape, dtype=None):
        torch_dtype = torch_float_dtype(dtype)
        shape = tuple(int(d) for d in shape)
        return wrap(self._generate(shape, torch_dtype, _device.current()))

    def _generate(self, shape, torch_dtype, device):
        raise NotImplementedError("Initializer subclasses must implement `__call__()`.")

    def get_config(self):
        """The constructor arguments, as a dict."""
        return {}

    @classmethod
    def from_config(cls, config):
        """A new initializer from ``get_config()``'s output."""
        return cls(**config)

    def clone(self):
        """A copy made from this initializer's config."""
        return self.__class__.from_config(self.get_config())


def torch_float_dtype(dtype):
    """The torch dtype for a Keras dtype argument (``None`` -> ``floatx()``)."""
    return dtypes.as_dtype(dtype if dtype is not None else config.floatx()).torch_dtype


def generator(seed, device):
    """A torch Generator seeded with ``seed`` (same values each call, as Keras' seeded
    initializers), or ``None`` to draw from torch's global generator."""
    if seed is None:
        return None
    return torch.Generator(device=device).manual_seed(int(seed))


def check_seed(seed):
    """Keras accepts ``None`` or an int seed."""
    if seed is not None and not isinstance(seed, int):
        raise ValueError(
            "`seed` argument should be an instance of `keras.random.SeedGenerator()` or an "
            "integer. Received: seed=%s" % (seed,)
        )
    return seed
