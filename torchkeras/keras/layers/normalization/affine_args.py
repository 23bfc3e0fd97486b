"""The ``gamma``/``beta`` arguments the normalization layers share (initializers,
regularizers, constraints): resolved once in ``__init__``, serialized in ``get_config``."""

from ... import constraints, initializers, regularizers

__all__ = ["set_affine_args", "add_affine_weights", "affine_config"]

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


def add_affine_weights(layer, shape, center):
    """Creates ``layer.gamma`` (when ``layer.scale``) then ``layer.beta`` (when ``center``), both
    of ``shape``, from the resolved ``gamma_*``/``beta_*`` arguments, never autocast."""
    for name, wanted in (("gamma", layer.scale), ("beta", center)):
        if wanted:
            weight = layer.add_weight(
                name=name,
                shape=shape,
                initializer=getattr(layer, name + "_initializer"),
                regularizer=getattr(layer, name + "_regularizer"),
                constraint=getattr(layer, name + "_constraint"),
                autocast=False,
            )
            setattr(layer, name, weight)


def affine_config(layer):
    """The serialized ``beta_*``/``gamma_*`` entries of ``layer``'s config, in Keras' order."""
    return {name: module.serialize(getattr(layer, name)) for name, module in _ARGS}
