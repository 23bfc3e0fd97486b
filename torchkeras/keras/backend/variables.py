"""The variables Keras layers own: a ``tf.Variable`` with Keras 3's face.

``name`` is the short name (``'kernel'``), ``path`` the name-scope-qualified
one (``'sequential/dense/kernel'``, see ``name_scope``), ``trainable`` is settable (freezing clears
the parameter's ``requires_grad``), ``regularizer`` is kept for the layer's losses, and ``repr`` is
Keras': ``<Variable path=dense/kernel, shape=(3, 2), ...>``. Inside a mixed-precision layer's
``call`` a floating variable created with ``autocast=True`` reads in the layer's compute dtype
(``autocast_scope``). Shapes and dtypes stay TF's (``TensorShape``, ``tf.float32``), which compare
equal to Keras' tuples and names.
"""

import numpy as np

import torch

from ...framework.variable import Variable, VariableAggregation, VariableSynchronization
from . import autocast_scope, name_scope
from ...api_export import keras_export

_read = Variable._value.fget

__all__ = ["KerasVariable"]


@keras_export("keras.Variable")
class KerasVariable(Variable):
    """A layer weight (see the module docstring)."""

    __slots__ = ("_short_name", "_path", "regularizer", "_autocast")
    _tf_type_name = "Variable"  # Keras' class name

    def __init__(
        self,
        initial_value,
        trainable=True,
        name="variable",
        path=None,
        dtype=None,
        constraint=None,
        regularizer=None,
        autocast=True,
    ):
        super().__init__(
            initial_value, trainable=trainable, name=name, dtype=dtype, constraint=constraint
        )
        self._short_name = name
        if path is None:
            scope = name_scope.current_path()
            path = "%s/%s" % (scope, name) if scope else name
        self._path = path
        self.regularizer = regularizer
        self._autocast = bool(autocast)

    @property
    def _value(self):
        value = _read(self)
        dtype = autocast_scope.STATE.autocast_dtype
        if (
            dtype is None
            or not self._autocast
            or not isinstance(value, torch.Tensor)
            or value.dtype is dtype
            or not value.dtype.is_floating_point
        ):
            return value
        return value.to(dtype)

    @classmethod
    def from_parameter(cls, parameter, name, path):
        """A variable sharing ``parameter`` (a ``torch.nn.Parameter`` of a plain torch module)."""
        variable = object.__new__(cls)
        variable._param = parameter
        variable._name = name + ":0"
        variable._trainable = parameter.requires_grad
        variable._declared_shape = None
        variable._constraint = None
        variable._synchronization = VariableSynchronization.AUTO
        variable._aggregation = VariableAggregation.NONE
        variable._watch_leaf = None
        variable._short_name = name
        variable._path = path
        variable.regularizer = None
        variable._autocast = True
        return variable

    @property
    def name(self):
        """The short name given to ``add_weight`` (``'kernel'``)."""
        return self._short_name

    @property
    def path(self):
        """The name-scope path where the variable was created plus its name (``'dense/kernel'``)."""
        return self._path

    @property
    def trainable(self):
        """Whether optimizers update this weight; settable (Keras 3)."""
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        value = bool(value)
        self._trainable = value
        param = self._param
        if param.dtype.is_floating_point or param.dtype.is_complex:
            param.requires_grad_(value)

    def __repr__(self):
        return "<Variable path=%s, shape=%s, dtype=%s, value=%s>" % (
            self._path,
            tuple(self._param.shape),
            self.dtype.name,
            np.asarray(self.numpy()),
        )

    __str__ = __repr__
