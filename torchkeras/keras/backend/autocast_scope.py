"""Keras' autocast scope: inside the ``call`` of a layer whose dtype policy is mixed (compute dtype
differs from variable dtype, e.g. ``"mixed_float16"``), floating ``KerasVariable``s created with
``autocast=True`` (the default of ``add_weight``) are read in the compute dtype.

Keras 3's rules, applied by ``Layer.__call__`` through :func:`scope_for`: with no scope active, a
layer with a mixed policy opens one for its compute dtype; inside a scope, a layer with
``autocast=False`` or a non-floating compute dtype clears it, and one with another floating compute
dtype replaces it.
"""

from ...framework.global_state import PER_THREAD as STATE

__all__ = ["STATE", "scope_for"]


def scope_for(layer, current):
    """The scope ``layer`` runs ``call`` in when ``current`` (a torch dtype or ``None``) is
    active."""
    if current is None:
        return layer._autocast_dtype
    compute = layer._compute_torch_dtype
    if not layer.autocast or not compute.is_floating_point:
        return None
    return compute
