"""How Keras layers, models and optimizers appear in a ``tf.train.Checkpoint``.

The dependency names are the ones TensorFlow writes for Keras 3 objects (checked
against TF 2.21 + Keras 3.15): a layer's weights and sublayers by attribute name,
in assignment order (``Dense``, ``EinsumDense``, convolutions and ``Embedding`` keep
their kernel in ``_kernel``/``_embeddings``); a ``Sequential`` through its
``_functional`` model, a functional model through ``_operations`` (the input layer
first); a compiled model's ``optimizer``; an optimizer's ``_variables``,
``_trainable_variables``, ``_iterations``, ``_learning_rate`` and slot lists
(``_momentums``, ``_velocities`` ...).  Keras' own bookkeeping lists are skipped, as
Keras' tracking skips them.  Metrics are not checkpointed (as in TF).
"""

from __future__ import annotations

from ...checkpoint.object_graph import register_children
from ...checkpoint.saved_model import register_format
from ..backend.variables import KerasVariable
from ..layers.layer import Layer
from ..metrics.metric import Metric
from ..models.functional import Functional
from ..models.sequential import Sequential
from ..optimizers.optimizer import Optimizer

__all__ = []

_SKIPPED = frozenset(
    (
        "_trainable_variables",
        "_non_trainable_variables",
        "_tracked",
        "_torch_modules",
        "_torch_variables",
        "_losses",
        "_inbound_nodes",
        "_outbound_nodes",
        "_inputs",
        "_outputs",
        "_nodes_by_depth",
        "_run_order",
        "_stack",
        "_layers",
        "_fit_variables",
        "_metrics",
        "_modules",
        "_parameters",
        "_buffers",
        "_inputs_struct",
        "_outputs_struct",
    )
)
_RENAMED = {"kernel": "_kernel", "embeddings": "_embeddings"}
_RENAMING_CLASSES = frozenset(("Dense", "EinsumDense", "BaseConv", "Embedding"))


def _keras_value(value):
    if isinstance(value, Metric):
        return False
    if isinstance(value, (KerasVariable, Layer, Optimizer)):
        return True
    if isinstance(value, (list, tuple)):
        return any(_keras_value(v) for v in value)
    if isinstance(value, dict):
        return any(_keras_value(v) for v in value.values())
    from ...module.module import Module

    return isinstance(value, Module)


def _renames(layer):
    return any(cls.__name__ in _RENAMING_CLASSES for cls in type(layer).__mro__)


def layer_children(layer):
    """A Keras layer's (or model's) checkpoint dependencies, named as TF names them."""
    rename = _renames(layer)
    out = []
    items = []
    own_modules = not isinstance(layer, (Functional, Sequential))
    for name, value in vars(layer).items():
        if name == "_modules":  # attribute sublayers live in torch's ``_modules`` dict
            if own_modules:
                items.extend(value.items())
        else:
            items.append((name, value))
    for name, value in items:
        if name in _SKIPPED or not _keras_value(value):
            continue
        if rename and name in _RENAMED:
            name = _RENAMED[name]
        out.append((name, value))
    return out


def optimizer_children(optimizer):
    """A Keras optimizer's checkpoint dependencies (its variables and slot lists)."""
    return [
        (name, value)
        for name, value in vars(optimizer).items()
        if _keras_value(value)
        and name != "_model_variables_moving_average"
        or name == "_model_variables_moving_average"
        and value
    ]


register_children(Layer, layer_children)
register_children(Optimizer, optimizer_children)


def _describe_model(model):
    from .serialization_lib import serialize_keras_object

    return {"config": serialize_keras_object(model)}


def _rebuild_model(recipe, safe_mode):
    from .serialization_lib import deserialize_keras_object

    return deserialize_keras_object(recipe["config"], safe_mode=safe_mode)


register_format("keras", lambda obj: isinstance(obj, Layer), _describe_model, _rebuild_model)
