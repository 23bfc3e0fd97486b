"""``keras.losses.LossFunctionWrapper``: a ``Loss`` around a loss function.

Built-in loss functions register a torch implementation with
:func:`register`; the wrapper then runs it directly on the storages (no
Tensor round trip).  Any other callable (a user's ``def my_loss(y_true,
y_pred)``) is called with Tensors, as Keras calls it.
"""

from __future__ import annotations

from ...framework.convert import convert_to_tensor
from ...framework.tensor import wrap
from .. import tree
from .loss import Loss, squeeze_or_expand_to_same_rank, storage

__all__ = ["LossFunctionWrapper", "config_with", "register", "torch_impl"]

_TORCH_IMPLS = {}


def register(public_fn, torch_fn):
    """Records ``torch_fn`` (storages in, storage out) as the implementation of ``public_fn``."""
    _TORCH_IMPLS[public_fn] = torch_fn
    return public_fn


def config_with(loss, *names):
    """``Loss.get_config(loss)`` (name and reduction) plus ``loss``'s attributes ``names``, in
    that order: the config of a built-in loss class, which leaves out ``fn``."""
    config = Loss.get_config(loss)
    config.update((name, getattr(loss, name)) for name in names)
    return config


def torch_impl(fn):
    """The registered torch implementation of a built-in loss function, or ``None``."""
    return _TORCH_IMPLS.get(fn)


def _ignore(y_true, y_pred):
    """Nothing: ``map_structure`` is run for its structure check."""


class LossFunctionWrapper(Loss):
    """Wraps ``fn(y_true, y_pred, **kwargs)`` as a :class:`Loss` (Keras' class).

    ``y_true`` and ``y_pred`` are first brought to the same rank (a trailing
    1-dim dropped or added), then ``fn`` gives per-sample losses that the base
    class weights and reduces.
    """

    def __init__(self, fn, reduction="sum_over_batch_size", name=None, dtype=None, **kwargs):
        super().__init__(name=name, reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs
        self._torch_fn = _TORCH_IMPLS.get(fn)

    def _check_nested(self, y_true, y_pred):
        """Keras converts each leaf of nested lists to a tensor and maps its call over
        ``y_true`` and ``y_pred`` together: its ``ValueError`` when their structures differ
        (an SCCE's labels ``[5]`` against ``[[0.5, 0.5]]`` included)."""

        def convert(x):
            return convert_to_tensor(x, dtype=self._dtype)

        tree.map_structure(
            _ignore, tree.map_structure(convert, y_true), tree.map_structure(convert, y_pred)
        )

    def _call_storage(self, y_true, y_pred):
        y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
        if self._torch_fn is not None:
            return self._torch_fn(y_true, y_pred, **self._fn_kwargs), None
        return storage(self.fn(wrap(y_true), wrap(y_pred), **self._fn_kwargs), y_pred.dtype), None

    def call(self, y_true, y_pred):
        """Per-sample losses (Tensors in, Tensor out)."""
        return wrap(self._call_storage(storage(y_true), storage(y_pred))[0])

    def get_config(self):
        """Keras' config: name, reduction, the function and its keyword arguments."""
        from ..saving.serialization_lib import serialize_keras_object

        config = super().get_config()
        config["fn"] = serialize_keras_object(self.fn)
        config.update(self._fn_kwargs)
        return config

    @classmethod
    def from_config(cls, config):
        """Rebuilds the wrapper (the function from its serialized form)."""
        from ..saving.serialization_lib import deserialize_keras_object

        config = dict(config)
        if "fn" in config:
            config["fn"] = deserialize_keras_object(config["fn"])
        return cls(**config)

    def __repr__(self):
        return "<LossFunctionWrapper(%s, kwargs=%s)>" % (self.fn, self._fn_kwargs)
