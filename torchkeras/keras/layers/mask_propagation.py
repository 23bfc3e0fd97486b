"""Keras' implicit masks: a layer's output tensor carries ``_keras_mask`` and the next layer
receives it as its ``mask`` argument.

The rules are Keras 3's ``Layer.__call__``: with a single tensor argument, a ``call`` that takes
``mask`` gets that argument's mask when none is passed; with several tensor arguments, each
``<name>_mask`` parameter gets the mask of the argument ``<name>``.  After the call a layer with
``supports_masking`` attaches ``compute_mask(first_input, previous_mask)`` to outputs that have no
mask yet; a layer without it warns that it drops the mask.
"""

import warnings

from ...framework.tensor import Tensor, TensorOperators
from ...framework import tree as _tree


def mask_of(value):
    """The mask attached to ``value``: ``None`` for an unmasked tensor or a non-tensor, the
    per-item structure for a list, tuple or dict."""
    return _tree.map_structure(_leaf_mask, value, rules=_tree.KERAS)


def _leaf_mask(value):
    return getattr(value, "_keras_mask", None) if type(value) is Tensor else None


def any_mask(masks):
    """Whether a :func:`mask_of` structure holds at least one mask."""
    return any(m is not None for m in _tree.flatten(masks, _tree.KERAS))


def _is_tensor_argument(value):
    if isinstance(value, TensorOperators):
        return True
    if isinstance(value, (list, tuple)) and value:
        return all(v is None or _is_tensor_argument(v) for v in value) and any(
            v is not None for v in value
        )
    return False


def populate(argument_names, mask_arguments, accepts_mask, inputs, rest, kwargs, previous_mask):
    """Fills the mask keyword arguments of a call in place, as Keras does (see the module text)."""
    given = dict(zip(argument_names, (inputs,) + tuple(rest)))
    tensors = {name: value for name, value in given.items() if _is_tensor_argument(value)}
    tensors.update((name, value) for name, value in kwargs.items() if _is_tensor_argument(value))
    if len(tensors) == 1:
        if (
            accepts_mask
            and kwargs.get("mask") is None
            and given.get("mask") is None
            and any_mask(previous_mask)
        ):
            kwargs["mask"] = previous_mask
        return
    for name, value in tensors.items():
        mask_name = mask_arguments.get(name)
        if mask_name is not None and kwargs.get(mask_name) is None and given.get(mask_name) is None:
            mask = mask_of(value)
            if any_mask(mask):
                kwargs[mask_name] = mask


def _flat(structure):
    return _tree.flatten(structure, _tree.KERAS)


def attach(layer, inputs, outputs, previous_mask):
    """Attaches ``layer.compute_mask(inputs, previous_mask)`` to the outputs that carry no mask."""
    flat_outputs = [t for t in _flat(outputs) if type(t) is Tensor]
    if flat_outputs and all(getattr(t, "_keras_mask", None) is not None for t in flat_outputs):
        return
    masks = layer.compute_mask(inputs, previous_mask)
    if masks is None:
        return
    for tensor, mask in zip(_flat(outputs), _flat(masks)):
        if (
            mask is not None
            and type(tensor) is Tensor
            and getattr(tensor, "_keras_mask", None) is None
        ):
            tensor._keras_mask = mask


def set_input_masks(inputs, masks):
    """Attaches the masks a model's ``call(..., mask=...)`` received to its input tensors (Keras'
    functional models do the same)."""
    if masks is None:
        return
    for tensor, mask in zip(_flat(inputs), _flat(masks)):
        if mask is not None and type(tensor) is Tensor:
            tensor._keras_mask = mask


def warn_dropped(layer):
    """Keras' warning when a layer without ``supports_masking`` receives a masked input."""
    warnings.warn(
        "Layer '%s' (of type %s) was passed an input with a mask attached to it. However, this "
        "layer does "
        "not support masking and will therefore destroy the mask information. Downstream layers "
        "will not "
        "see the mask." % (layer.name, type(layer).__name__),
        UserWarning,
        stacklevel=4,
    )
