"""Keras' activation functions, computed with torch on the input's storage.

Each takes a tensor-like ``x`` (Tensor, Variable, NumPy, Python, torch) and
returns a ``tf.Tensor``; the arguments and defaults are Keras 3's.
"""

import torch
import torch.nn.functional as F

from ...framework.convert import to_torch
from ...framework.tensor import wrap
from ...ops import softmax_kernel
from ...api_export import keras_export

__all__ = [
    "relu",
    "leaky_relu",
    "relu6",
    "elu",
    "selu",
    "gelu",
    "celu",
    "glu",
    "softplus",
    "softsign",
    "silu",
    "swish",
    "hard_silu",
    "hard_swish",
    "exponential",
    "linear",
    "sigmoid",
    "hard_sigmoid",
    "tanh",
    "mish",
    "softmax",
    "log_softmax",
    "log_sigmoid",
    "tanh_shrink",
    "hard_tanh",
    "soft_shrink",
    "hard_shrink",
    "squareplus",
]


def _x(x):
    value = to_torch(x)
    if not (value.dtype.is_floating_point or value.dtype.is_complex):
        value = value.float()
    return value


@keras_export("keras.activations.relu")
def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """``max(x, 0)``, with Keras' options: a slope below ``threshold``, a cap ``max_value``."""
    value = _x(x)
    if negative_slope == 0.0 and max_value is None and threshold == 0.0:
        return wrap(torch.relu(value))
    kept = torch.where(
        value > threshold,
        value,
        torch.zeros_like(value) if negative_slope == 0.0 else negative_slope * (value - threshold),
    )
    if max_value is not None:
        kept = torch.clamp(kept, max=max_value)
    return wrap(kept)


@keras_export("keras.activations.leaky_relu")
def leaky_relu(x, negative_slope=0.2):
    """``x`` for positive inputs, ``negative_slope * x`` otherwise."""
    return wrap(F.leaky_relu(_x(x), negative_slope))


@keras_export("keras.activations.relu6")
def relu6(x):
    """``min(max(x, 0), 6)``."""
    return wrap(F.relu6(_x(x)))


@keras_export("keras.activations.elu")
def elu(x, alpha=1.0):
    """``x`` if positive, ``alpha * (exp(x) - 1)`` otherwise."""
    return wrap(F.elu(_x(x), alpha))


@keras_export("keras.activations.selu")
def selu(x):
    """Scaled ELU with the self-normalising constants (alpha 1.67326, scale 1.05070)."""
    return wrap(F.selu(_x(x)))


@keras_export("keras.activations.gelu")
def gelu(x, approximate=False):
    """Gaussian error linear unit; ``approximate=True`` uses the tanh form."""
    return wrap(F.gelu(_x(x), approximate="tanh" if approximate else "none"))


@keras_export("keras.activations.celu")
def celu(x, alpha=1.0):
    """Continuously differentiable ELU."""
    return wrap(F.celu(_x(x), alpha))


@keras_export("keras.activations.glu")
def glu(x, axis=-1):
    """Gated linear unit: the first half of ``axis`` times the sigmoid of the second."""
    return wrap(F.glu(_x(x), axis))


@keras_export("keras.activations.softplus")
def softplus(x):
    """``log(exp(x) + 1)``."""
    return wrap(F.softplus(_x(x)))


@keras_export("keras.activations.softsign")
def softsign(x):
    """``x / (abs(x) + 1)``."""
    return wrap(F.softsign(_x(x)))


@keras_export("keras.activations.silu", "keras.activations.swish")
def silu(x):
    """Swish / SiLU: ``x * sigmoid(x)``."""
    return wrap(F.silu(_x(x)))


swish = silu


@keras_export("keras.activations.hard_silu", "keras.activations.hard_swish")
def hard_silu(x):
    """``x * hard_sigmoid(x)``."""
    return wrap(F.hardswish(_x(x)))


hard_swish = hard_silu


@keras_export("keras.activations.exponential")
def exponential(x):
    """``exp(x)``."""
    return wrap(torch.exp(_x(x)))


@keras_export("keras.activations.linear")
def linear(x):
    """The identity (the default activation)."""
    return wrap(to_torch(x))


@keras_export("keras.activations.sigmoid")
def sigmoid(x):
    """``1 / (1 + exp(-x))``."""
    return wrap(torch.sigmoid(_x(x)))


@keras_export("keras.activations.hard_sigmoid")
def hard_sigmoid(x):
    """Keras 3's piecewise-linear sigmoid: ``relu6(x + 3) / 6``."""
    return wrap(F.hardsigmoid(_x(x)))


@keras_export("keras.activations.tanh")
def tanh(x):
    """Hyperbolic tangent."""
    return wrap(torch.tanh(_x(x)))


@keras_export("keras.activations.mish")
def mish(x):
    """``x * tanh(softplus(x))``."""
    return wrap(F.mish(_x(x)))


@keras_export("keras.activations.softmax")
def softmax(x, axis=-1):
    """Softmax over ``axis`` (a tuple of axes is accepted, as in Keras)."""
    value = _x(x)
    if isinstance(axis, (tuple, list)):
        return wrap(softmax_kernel.softmax_over(value, axis))
    return wrap(softmax_kernel.softmax(value, axis))


@keras_export("keras.activations.log_softmax")
def log_softmax(x, axis=-1):
    """Logarithm of the softmax over ``axis``."""
    return wrap(torch.log_softmax(_x(x), axis))


@keras_export("keras.activations.log_sigmoid")
def log_sigmoid(x):
    """``log(sigmoid(x))``."""
    return wrap(F.logsigmoid(_x(x)))


@keras_export("keras.activations.tanh_shrink")
def tanh_shrink(x):
    """``x - tanh(x)``."""
    return wrap(F.tanhshrink(_x(x)))


@keras_export("keras.activations.hard_tanh")
def hard_tanh(x):
    """``clip(x, -1, 1)``."""
    return wrap(F.hardtanh(_x(x)))


@keras_export("keras.activations.soft_shrink")
def soft_shrink(x, threshold=0.5):
    """Moves ``x`` towards zero by ``threshold``, zero inside it."""
    return wrap(F.softshrink(_x(x), threshold))


@keras_export("keras.activations.hard_shrink")
def hard_shrink(x, threshold=0.5):
    """``x`` where ``|x| > threshold``, zero elsewhere."""
    return wrap(F.hardshrink(_x(x), threshold))


@keras_export("keras.activations.squareplus")
def squareplus(x, b=4):
    """``(x + sqrt(x**2 + b)) / 2``."""
    value = _x(x)
    return wrap((value + torch.sqrt(value * value + b)) / 2)


TORCH_EQUIVALENTS = {
    relu: torch.relu,
    relu6: F.relu6,
    sigmoid: torch.sigmoid,
    tanh: torch.tanh,
    elu: F.elu,
    selu: F.selu,
    softplus: F.softplus,
    softsign: F.softsign,
    silu: F.silu,
    exponential: torch.exp,
    mish: F.mish,
    hard_sigmoid: F.hardsigmoid,
    hard_silu: F.hardswish,
    gelu: F.gelu,
    leaky_relu: lambda v: F.leaky_relu(v, 0.2),
    softmax: lambda v: softmax_kernel.softmax(v, -1),
    log_softmax: lambda v: torch.log_softmax(v, -1),
}
"""Keras activation -> the torch function layers apply directly to storage (hot path)."""
