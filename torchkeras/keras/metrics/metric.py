"""``keras.metrics.Metric``: the base class of stateful metrics.

State lives in non-trainable ``tf.Variable``s made by :meth:`Metric.add_variable`
(or ``add_weight``), on the current device -- the device ``fit`` feeds -- so
updates are device ops with no host synchronisation; ``result()`` returns a
Tensor.  Subclasses implement ``update_state`` and ``result``; ``reset_state``
zeroes every variable, as Keras does.  Variables and sub-metrics assigned as
attributes are tracked too.
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework import device as _device
from ...framework import dtypes
from ...framework.tensor import TensorOperators, wrap
from ...framework.variable import Variable
from ..losses.loss import storage
from ..backend.naming import auto_name
from ...api_export import keras_export
from ..ops import torch_errors

__all__ = ["Metric", "config_with", "data", "broadcast"]


def data(value, like, dtype=None, casts=False):
    """Detached torch storage of ``value`` on ``like``'s device (cast to torch ``dtype`` when
    given).

    The conversion is Keras' ``convert_to_tensor(value, dtype)`` (its TF errors for values that
    do not convert); with ``casts``, Keras' ``ops.cast(value, dtype)``: the value converts
    first, then casts (TF's ``Cast`` error for strings).  A Python number becomes a device
    scalar by a fill, with no host-to-device copy.
    """
    if type(value) in (int, float) and dtype is not None:
        return torch.full((), value, dtype=dtype, device=like.device)
    if casts and not isinstance(value, (torch.Tensor, TensorOperators)):
        value = storage(value)
        if isinstance(value, np.ndarray):  # strings: storage() raises TF's Cast error
            value = wrap(value)
    value = storage(value, dtype).detach()
    if value.device != like.device:
        value = value.to(like.device)
    return value


def broadcast(value, shape):
    """Storage ``value`` broadcast to ``shape`` (Keras' ``ops.broadcast_to``: TF's
    ``BroadcastTo`` error where it does not fit)."""
    try:
        return value.broadcast_to(shape)
    except RuntimeError:
        from ...ops.shape_ops import broadcast_to

        broadcast_to(wrap(value), tuple(shape))  # raises TF's error
        raise


def _initial_value(initializer, shape, dtype, device):
    if initializer is None or initializer == "zeros":
        return torch.zeros(shape, dtype=dtype, device=device)
    if initializer == "ones":
        return torch.ones(shape, dtype=dtype, device=device)
    if isinstance(initializer, (int, float)):
        return torch.full(shape, initializer, dtype=dtype, device=device)
    if isinstance(initializer, str):
        from .. import initializers

        initializer = initializers.get(initializer)
    value = initializer(shape, dtype=dtypes.from_torch(dtype))
    value = value._value if isinstance(value, TensorOperators) else torch.as_tensor(value)
    return value.to(device=device, dtype=dtype)


@keras_export("keras.Metric", "keras.metrics.Metric")
class Metric:
    """Base class of Keras metrics (``keras.metrics.Metric``).

    ``metric.update_state(y_true, y_pred, sample_weight=None)`` accumulates,
    ``metric.result()`` gives the value (a Tensor), ``metric.reset_state()``
    starts over; calling the metric does ``update_state`` then ``result``.
    """

    def __init__(self, dtype=None, name=None):
        object.__setattr__(self, "_variables", [])
        object.__setattr__(self, "_metrics", [])
        self.name = name or auto_name(type(self).__name__)
        self._dtype = dtypes.as_dtype(dtype or "float32").name

    def __setattr__(self, name, value):
        if "_variables" not in self.__dict__:
            object.__setattr__(self, name, value)
            return
        if isinstance(value, Variable):
            if not any(v is value for v in self._variables):
                self._variables.append(value)
        elif isinstance(value, Metric):
            if not any(m is value for m in self._metrics):
                self._metrics.append(value)
        object.__setattr__(self, name, value)

    @property
    def dtype(self):
        """The metric's dtype name (``'float32'`` by default)."""
        return self._dtype

    @property
    def variables(self):
        """The metric's state variables (its own, then its sub-metrics')."""
        variables = list(self._variables)
        for metric in self._metrics:
            variables.extend(metric.variables)
        return variables

    def add_variable(self, shape, initializer, dtype=None, aggregation="sum", name=None):
        """A non-trainable state variable of ``shape``, filled by ``initializer``
        (``'zeros'``, ``'ones'``, a number, a Keras initializer), tracked in ``variables``."""
        if "_variables" not in self.__dict__:
            raise RuntimeError(
                "You forgot to call `super().__init__()` in the `__init__()` method. Go add it!"
            )
        torch_dtype = dtypes.as_dtype(dtype or self._dtype).torch_dtype
        device = _device.current()
        value = _initial_value(initializer, tuple(shape), torch_dtype, device)
        variable = Variable(
            wrap(value), trainable=False, name=name, aggregation=_AGGREGATIONS.get(aggregation, 0)
        )
        self._variables.append(variable)
        return variable

    def add_weight(self, shape=(), initializer=None, dtype=None, name=None):
        """Keras' alias of :meth:`add_variable` (``shape=()`` and zeros by default)."""
        return self.add_variable(shape=shape, initializer=initializer, dtype=dtype, name=name)

    def reset_state(self):
        """Sets every state variable to zero."""
        with torch.no_grad():
            for v in self.variables:
                v._param.zero_()

    def update_state(self, *args, **kwargs):
        """Accumulates statistics (implemented by subclasses)."""
        raise NotImplementedError

    def result(self):
        """The metric value from the current state (implemented by subclasses)."""
        raise NotImplementedError

    def __call__(self, *args, **kwargs):
        try:
            self.update_state(*args, **kwargs)
        except (RuntimeError, IndexError) as error:  # torch's failure, in TF's words
            torch_errors.reraise(error, type(self).__name__.lower(), args)
        return self.result()

    def get_config(self):
        """``{'name': ..., 'dtype': ...}`` plus subclass arguments."""
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        """A metric built from ``get_config()``'s dict."""
        return cls(**config)

    def __repr__(self):
        return "<%s name=%s>" % (type(self).__name__, self.name)

    __str__ = __repr__


_AGGREGATIONS = {None: 0, "none": 0, "sum": 1, "mean": 2, "only_first_replica": 3}


def config_with(metric, *names):
    """``Metric.get_config(metric)`` (name and dtype) plus ``metric``'s attributes ``names``, in
    that order: the config of a built-in metric class."""
    config = Metric.get_config(metric)
    config.update((name, getattr(metric, name)) for name in names)
    return config
