"""``keras.mixed_precision.DTypePolicy`` (alias ``Policy``) and the global policy.

A policy names a layer's compute and variable dtypes: a dtype name
(``"float32"``: both the same) or ``"mixed_float16"`` / ``"mixed_bfloat16"``
(compute in float16 / bfloat16, variables in float32).  Layers created with
``dtype=None`` take the global policy, set by ``set_global_policy`` (Keras 3's
``set_dtype_policy``) and read by ``global_policy()``; unset, it is
``DTypePolicy(keras.config.floatx())``.  The global policy is per thread, as in Keras.
"""

from __future__ import annotations

from ...framework import dtypes
from ...framework.global_state import PER_THREAD as _STATE
from ..backend import config
from ...api_export import keras_export

__all__ = [
    "DTypePolicy",
    "Policy",
    "global_policy",
    "set_global_policy",
    "dtype_policy",
    "set_dtype_policy",
]

_MIXED = {"mixed_float16": ("float16", "float32"), "mixed_bfloat16": ("bfloat16", "float32")}


@keras_export("keras.mixed_precision.DTypePolicy", "keras.mixed_precision.Policy")
class DTypePolicy:
    """A layer's dtype policy: ``name``, ``compute_dtype``, ``variable_dtype`` (Keras 3's
    ``DTypePolicy``).

    ``DTypePolicy()`` copies the global policy's name.  Unlike Keras, a policy
    also compares equal to its name string (``policy == "mixed_float16"``).
    """

    def __init__(self, name=None):
        if name is None:
            name = global_policy().name
        if not isinstance(name, str):
            raise TypeError(
                "'name' must be a string, such as 'mixed_float16'. Received: name=%s (of type %s)"
                % (name, type(name))
            )
        self._name = name
        self._compute_dtype, self._variable_dtype = _parse(name)

    @property
    def name(self):
        """The policy's name (``'mixed_float16'``, ``'float32'`` ...)."""
        return self._name

    @property
    def compute_dtype(self):
        """The dtype layers compute in (their inputs are cast to it), as a string."""
        return self._compute_dtype

    @property
    def variable_dtype(self):
        """The dtype layers create their variables in, as a string."""
        return self._variable_dtype

    @property
    def quantization_mode(self):
        """``None``: quantized policies are not supported."""
        return None

    def get_config(self):
        """``{'name': name}``."""
        return {"name": self._name}

    @classmethod
    def from_config(cls, config_):
        """The policy described by ``get_config()``'s dict."""
        return cls(**config_)

    def __repr__(self):
        return '<DTypePolicy "%s">' % self._name

    def __eq__(self, other):
        if isinstance(other, str):
            return self._name == other
        return type(other) is DTypePolicy and self._name == other._name

    def __hash__(self):
        return hash(self._name)


Policy = DTypePolicy


def _parse(name):
    if name in _MIXED:
        return _MIXED[name]
    try:
        dtype = dtypes.as_dtype(name).name
    except (TypeError, ValueError):
        raise ValueError(
            "Cannot convert '%s' to a mixed precision DTypePolicy. Valid policies include "
            "'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as 'float32'."
            % (name,)
        ) from None
    return dtype, dtype


def get(identifier):
    """A ``DTypePolicy`` for a layer's ``dtype=`` argument: ``None`` (the global policy), a policy,
    a policy or dtype name, a ``tf.DType`` / NumPy dtype, or Keras' serialized policy dict."""
    if identifier is None:
        return global_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):
        return DTypePolicy.from_config(identifier["config"])
    if isinstance(identifier, str):
        return DTypePolicy(identifier)
    return DTypePolicy(dtypes.as_dtype(getattr(identifier, "name", identifier)).name)


@keras_export(
    "keras.config.dtype_policy",
    "keras.mixed_precision.dtype_policy",
    "keras.mixed_precision.global_policy",
)
def global_policy():
    """The global policy: the one last set, else ``DTypePolicy(keras.config.floatx())``."""
    policy = _STATE.dtype_policy
    return policy if policy is not None else DTypePolicy(config.floatx())


@keras_export(
    "keras.config.set_dtype_policy",
    "keras.mixed_precision.set_dtype_policy",
    "keras.mixed_precision.set_global_policy",
)
def set_global_policy(policy):
    """Sets the policy of layers created afterwards with ``dtype=None`` (a policy or its name)."""
    if isinstance(policy, str):
        policy = DTypePolicy(policy)
    elif not isinstance(policy, DTypePolicy):
        raise ValueError(
            "Invalid `policy` argument. Expected the string name of a policy (such as "
            "'mixed_float16') or a `DTypePolicy` instance. Received: policy=%s (of type %s)"
            % (policy, type(policy))
        )
    _STATE.dtype_policy = policy


dtype_policy = global_policy
set_dtype_policy = set_global_policy
