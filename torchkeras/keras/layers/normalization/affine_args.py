"""The ``gamma``/``beta`` arguments the normalization layers share (initializers,
regularizers, constraints): resolved once in ``__init__``, serialized in ``get_config``."""

from ... import constraints, initializers, regularizers

__all__ = ["set_affine_args", "affine_config"]

_ARGS = (
    ("beta_initializer", initializers),
    ("gamma_initializer", initializers),
    ("beta_regularizer", regularizers),
    ("gamma_regularizer", regularizers),
    ("beta_constraint", constraints),
    ("gamma_constraint", constraints),
)


def set_affine_args(layer, **arguments):
    """Resolves each ``beta_*``/``gamma_*`` argument onto ``layer``; ``gamma``/``beta`` start
    unbuilt."""
    for name, module in _ARGS:
        setattr(layer, name, module.get(arguments[name]))
    layer.gamma = None
    layer.beta = None


def affine_config(layer):
    """The serialized ``beta_*``/``gamma_*`` entries of ``layer``'s config, in Keras' order."""
    return {name: module.serialize(getattr(layer, name)) for name, module in _ARGS}
