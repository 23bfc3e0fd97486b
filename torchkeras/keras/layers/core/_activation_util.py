"""How a layer applies its ``activation``: a torch function on storage when one exists."""

from ... import activations
from ...activations.activations import TORCH_EQUIVALENTS, linear


def resolve(activation):
    """``(keras_activation, torch_fn_or_None, is_linear)`` for an ``activation=`` argument."""
    fn = activations.get(activation)
    return fn, TORCH_EQUIVALENTS.get(fn), fn is linear


def apply(layer, value):
    """Applies ``layer.activation`` to a torch tensor, returning a ``tf.Tensor``."""
    from ....framework.tensor import wrap

    torch_fn = layer._torch_activation
    if torch_fn is not None:
        return wrap(torch_fn(value))
    if layer._linear_activation:
        return wrap(value)
    return layer.activation(wrap(value))
