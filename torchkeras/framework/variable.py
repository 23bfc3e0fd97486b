"""``tf.Variable``: mutable state held in one ``torch.nn.Parameter``.

The parameter (``v._param``) is created once and never replaced: ``assign*``
and optimizers update it in place under ``torch.no_grad()``, so wherever it is
registered (a Keras layer's ``nn.Module``) it stays the same object.  Reading a
variable (``v._value``, what every op reads) gives the parameter itself while a
``GradientTape`` records, so autograd records the read, and a detached alias
otherwise, so no graph is built outside tapes (DESIGN.md decision 3).

String variables hold a NumPy object array of ``bytes`` instead of a Parameter.
"""

from __future__ import annotations

import enum

import numpy as np
import torch

from . import device as _device
from . import dtypes
from . import recording as _recording
from .convert import convert_to_tensor
from .indexed_slices import IndexedSlices
from .global_state import PER_THREAD as _STATE
from .variable_scatter import ScatterMethods
from .shape import TensorShape
from .tensor import Reference, Tensor, TensorOperators, _DTYPE_OF, _numpy_text, wrap
from .errors import InvalidArgumentError
from .op_errors import device_of, dims_text, op_error
from .tensor_ops import strided_slice as _strided_slice
from .saved_values import before_write as _before_write
from ..api_export import tf_export

__all__ = ["Variable", "VariableSynchronization", "VariableAggregation", "IndexedSlices"]

_new = object.__new__
_RECORDING = _recording.RECORDING
_AUTO_WATCHING = _recording.AUTO_WATCHING
_EXITED = _recording.EXITED


@tf_export("VariableSynchronization")
class VariableSynchronization(enum.Enum):
    """``tf.VariableSynchronization``: when a distributed variable is synchronized (accepted,
    stored)."""

    AUTO = 0
    NONE = 1
    ON_WRITE = 2
    ON_READ = 3


@tf_export("VariableAggregation")
class VariableAggregationV2(enum.Enum):
    """``tf.VariableAggregation``: how distributed updates are combined (accepted, stored).

    Named ``VariableAggregationV2`` as TF's class is, so it prints the same.
    """

    NONE = 0
    SUM = 1
    MEAN = 2
    ONLY_FIRST_REPLICA = 3


VariableAggregation = VariableAggregationV2


def _in_place_error(operator, method, result):
    return RuntimeError(
        "`%s` with `tf.Variable`s is not supported. Use `%s` to modify the variable, or "
        "`out = %s` if you need to get a new output Tensor." % (operator, method, result)
    )


@tf_export("Variable")
class Variable(ScatterMethods, TensorOperators):
    """``tf.Variable``: a mutable tensor, usable wherever a Tensor is.

    ``isinstance(v, tf.Tensor)`` is False but ``tf.is_tensor(v)`` is True, as
    in TF.  ``assign``/``assign_add``/``assign_sub`` update in place and
    return the variable in TF's ``'UnreadVariable'`` form; ``v[0, 0].assign(x)``
    writes a slice.  Trainable floating variables read inside a
    ``GradientTape`` are watched by it.  ``constraint`` is stored for
    optimizers to apply (``assign`` does not apply it, as in TF);
    ``synchronization``, ``aggregation``, ``caching_device``, ``variable_def``
    and ``import_scope`` are accepted and stored or ignored (no distribution).
    The ``scatter_*`` family comes from :class:`ScatterMethods`.
    """

    __slots__ = (
        "_param",
        "_name",
        "_trainable",
        "_declared_shape",
        "_constraint",
        "_synchronization",
        "_aggregation",
        "_watch_leaf",
        "__weakref__",
    )
    _tf_type_name = "ResourceVariable"  # the class TF's messages name

    def __getattr__(self, name):
        """TF's error for a missing attribute, naming TF's class (``ResourceVariable``)."""
        cls = type(self)
        raise AttributeError(
            "'%s' object has no attribute '%s'"
            % (cls.__dict__.get("_tf_type_name", cls.__name__), name)
        )

    def __init__(
        self,
        initial_value=None,
        trainable=None,
        validate_shape=True,
        caching_device=None,
        name=None,
        variable_def=None,
        dtype=None,
        import_scope=None,
        constraint=None,
        synchronization=VariableSynchronization.AUTO,
        aggregation=VariableAggregation.NONE,
        shape=None,
    ):
        if initial_value is None:
            raise ValueError(
                "The `initial_value` arg to `tf.Variable` must be specified except when you are "
                "not "
                "providing a `variable_def`. You provided neither."
            )
        if constraint is not None and not callable(constraint):
            raise ValueError(
                "Argument `constraint` must be None or a callable. a callable. Got a %s:  %s"
                % (type(constraint), constraint)
            )
        if name is not None and not isinstance(name, str):
            raise ValueError("name for name_scope must be a string.")  # TF's scope check
        if callable(initial_value):
            initial_value = initial_value()
        if dtype is not None:
            dtype = dtypes.as_dtype(dtype)
        try:
            tensor = convert_to_tensor(initial_value, dtype=dtype)
        except ValueError as error:
            if isinstance(initial_value, TensorOperators):
                raise ValueError("initial_value: %s" % error) from None
            raise
        storage = tensor._value
        declared = None
        if shape is not None or not validate_shape:
            declared = TensorShape(None) if not validate_shape else TensorShape(shape)
            actual = TensorShape._from_tuple(tuple(storage.shape))
            if not declared.is_compatible_with(actual):
                raise ValueError(
                    "In this `tf.Variable` creation, the initial value's shape (%s) is not "
                    "compatible "
                    "with the explicitly supplied `shape` argument (%s)." % (actual, declared)
                )
            if declared.is_fully_defined():
                declared = None
        synchronization = VariableSynchronization(synchronization)
        if trainable is None:
            trainable = synchronization is not VariableSynchronization.ON_READ
        self._name = _STATE.tf_name_scope + (name if name is not None else "Variable") + ":0"
        self._trainable = bool(trainable)
        self._declared_shape = declared
        self._constraint = constraint
        self._synchronization = synchronization
        self._aggregation = VariableAggregation(aggregation)
        self._watch_leaf = None
        if isinstance(storage, np.ndarray):
            self._param = storage.copy()
        else:
            data = storage.detach().to(_device.current(), copy=True)
            self._param = torch.nn.Parameter(
                data,
                requires_grad=self._trainable
                and (data.dtype.is_floating_point or data.dtype.is_complex),
            )
        strategy = _STATE.distribute_strategy
        if strategy is not None:
            strategy._mirror_variable(self)  # tf.distribute: start from replica 0's value
        if _STATE.function_trace is not None:
            _STATE.function_trace.variable_created(self)

    @property
    def _value(self):
        if _RECORDING:
            if self._trainable:
                for tape in _AUTO_WATCHING:
                    tape._variables[id(self)] = self
            leaf = self._watch_leaf
            return self._param if leaf is None else leaf
        try:
            return self._param.detach()
        except AttributeError:  # a string variable holds a NumPy array
            return self._param

    def _resource(self):
        """The Variable owning the storage (``self``; an UnreadVariable's origin)."""
        return self

    # ---------------------------------------------------------------- properties
    @property
    def name(self):
        """TF's name: ``'Variable:0'`` unless named (``'w'`` -> ``'w:0'``)."""
        return self._name

    @property
    def trainable(self):
        """Whether a GradientTape watches this variable when it is read (read-only)."""
        return self._trainable

    @property
    def dtype(self):
        """The variable's ``tf.DType``."""
        return _DTYPE_OF[self._param.dtype]

    @property
    def shape(self):
        """The variable's ``TensorShape`` (as declared with ``shape=``, if partly unknown)."""
        declared = self._declared_shape
        return (
            declared if declared is not None else TensorShape._from_tuple(tuple(self._param.shape))
        )

    @property
    def device(self):
        """TF's name of the device holding the variable."""
        return _device.tf_device_string(device_of(self._param))

    @property
    def constraint(self):
        """The constraint function given at creation, or ``None``."""
        return self._constraint

    @property
    def synchronization(self):
        """The ``tf.VariableSynchronization`` given at creation."""
        return self._synchronization

    @property
    def aggregation(self):
        """The ``tf.VariableAggregation`` given at creation."""
        return self._aggregation

    @property
    def initial_value(self):
        """Raises ``RuntimeError``, as TF does in eager mode."""
        raise RuntimeError("This property is not supported when eager execution is enabled.")

    @property
    def op(self):
        """Raises ``AttributeError``, as TF does in eager mode."""
        raise AttributeError("Tensor.op is undefined when eager execution is enabled.")

    @property
    def graph(self):
        """Raises ``AttributeError``, as TF does in eager mode."""
        raise AttributeError("Tensor.graph is undefined when eager execution is enabled.")

    # -------------------------------------------------------------------- reads
    def read_value(self):
        """The current value as a new Tensor (a snapshot: later assigns don't change it)."""
        return wrap(_snapshot(self._value))

    def value(self):
        """The current value as a new Tensor (same as :meth:`read_value`)."""
        return wrap(_snapshot(self._value))

    def numpy(self):
        """A NumPy copy of the current value."""
        param = self._param
        if isinstance(param, np.ndarray):
            return param.copy()[()] if param.ndim == 0 else param.copy()
        return wrap(param.detach()).numpy()

    def __array__(self, dtype=None, copy=None):
        array = np.asarray(self.numpy())
        return array if dtype is None or array.dtype == dtype else array.astype(dtype)

    def __getitem__(self, slice_spec):
        return strided_slice(self, slice_spec)

    def __iter__(self):
        value = _snapshot(self._value)
        if value.ndim == 0:
            raise TypeError("Cannot iterate over a scalar tensor.")
        return (wrap(row) for row in value.unbind(0))

    def __len__(self):
        raise TypeError("object of type 'ResourceVariable' has no len()")

    # ------------------------------------------------------------------ writes
    def _convert(self, value):
        """Detached storage of ``value`` with the variable's dtype (TF's conversion errors)."""
        dtype = self.dtype
        if isinstance(value, Variable) and value.dtype is not dtype:
            raise ValueError(
                "Incompatible type conversion requested to type %s for `tf.Variable of type %s. "
                "(Variable: %s)" % (dtype.name, value.dtype.name, value)
            )
        storage = convert_to_tensor(value, dtype=dtype)._value
        if isinstance(storage, torch.Tensor):
            storage = storage.detach()
        return storage

    def assign(self, value, use_locking=None, name=None, read_value=True):
        """Writes ``value`` into the variable in place; returns the variable (TF's
        ``'UnreadVariable'`` form) or ``None`` with ``read_value=False``.

        A value of another shape raises TF's ``ValueError``; a failed assign
        leaves the variable unchanged.
        """
        new = self._convert(value)
        param = self._param
        if tuple(new.shape) != tuple(param.shape):
            actual = TensorShape._from_tuple(tuple(new.shape))
            if not self.shape.is_compatible_with(actual):
                raise ValueError(
                    "Cannot assign value to variable ' %s': Shape mismatch.The variable shape %s, "
                    "and "
                    "the assigned value shape %s are incompatible."
                    % (self._name, self.shape, actual)
                )
            if _RECORDING or _EXITED:
                _before_write(param)
            _replace(param, new)
        elif isinstance(param, np.ndarray):
            param[...] = new
        else:
            if _RECORDING or _EXITED:
                _before_write(param)
            with torch.no_grad():
                param.copy_(new)
        return self._unread() if read_value else None

    def assign_add(self, delta, use_locking=None, name=None, read_value=True):
        """Adds ``delta`` (same shape) in place; returns the variable or ``None``."""
        self._update(delta, torch.Tensor.add_, "AssignAddVariableOp")
        return self._unread() if read_value else None

    def assign_sub(self, delta, use_locking=None, name=None, read_value=True):
        """Subtracts ``delta`` (same shape) in place; returns the variable or ``None``."""
        self._update(delta, torch.Tensor.sub_, "AssignSubVariableOp")
        return self._unread() if read_value else None

    def _update(self, delta, method, opname):
        param = self._param
        if isinstance(param, np.ndarray) or param.dtype is torch.bool:
            raise _no_update_kernel(opname, self.dtype)
        new = delta._value if type(delta) is Tensor else None
        if new is None or new.dtype is not param.dtype:
            new = self._convert(delta)
        elif new.requires_grad:
            new = new.detach()
        if new.shape != param.shape:
            raise op_error(
                opname,
                "Cannot update variable with shape %s using a Tensor with shape %s, shapes must be "
                "equal." % (dims_text(param.shape), dims_text(new.shape)),
                param,
            )
        if _RECORDING or _EXITED:
            _before_write(param)
        method(param.detach(), new)

    def _unread(self):
        """TF's ``_UnreadVariable``: this variable under the name ``'UnreadVariable'``."""
        unread = _new(UnreadVariable)
        unread._origin = self._resource()
        unread._param = self._param
        unread._name = "UnreadVariable"
        unread._trainable = self._trainable
        unread._declared_shape = self._declared_shape
        unread._constraint = self._constraint
        unread._synchronization = self._synchronization
        unread._aggregation = self._aggregation
        unread._watch_leaf = None
        return unread

    def __setitem__(self, key, value):
        raise TypeError("'ResourceVariable' object does not support item assignment")

    def __iadd__(self, other):
        raise _in_place_error("variable += value", "variable.assign_add(value)", "variable + value")

    def __isub__(self, other):
        raise _in_place_error("variable -= value", "variable.assign_sub(value)", "variable * value")

    def __imul__(self, other):
        raise _in_place_error("var *= value", "var.assign(var * value)", "var * value")

    def __itruediv__(self, other):
        raise _in_place_error("var /= value", "var.assign(var / value)", "var / value")

    def __ipow__(self, other):
        raise _in_place_error("var **= value", "var.assign(var ** value)", "var ** value")

    # ------------------------------------------------------------ identity, text
    def __hash__(self):
        raise TypeError(
            "Variable is unhashable. Instead, use variable.ref() as the key. (Variable: %s)"
            % (self,)
        )

    def ref(self):
        """A hashable reference to this variable (for sets and dict keys)."""
        return Reference(self)

    def experimental_ref(self):
        """Deprecated alias of :meth:`ref`."""
        return Reference(self)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        copied = Variable(
            self.numpy(),
            trainable=self._trainable,
            name=self._name[:-2],
            dtype=self.dtype,
            constraint=self._constraint,
            synchronization=self._synchronization,
            aggregation=self._aggregation,
            shape=self.shape,
        )
        memo[id(self)] = copied
        return copied

    def __reduce__(self):
        return _rebuild, (self.numpy(), self._name[:-2], self._trainable, self.dtype.name)

    def __format__(self, format_spec):
        if format_spec:
            raise TypeError("unsupported format string passed to ResourceVariable.__format__")
        return str(self)

    def __repr__(self):
        param = self._param
        value = param if isinstance(param, np.ndarray) else param.detach()
        return "<tf.Variable '%s' shape=%s dtype=%s, numpy=%s>" % (
            self._name,
            self.shape,
            self.dtype.name,
            _numpy_text(value, True),
        )

    __str__ = __repr__


class UnreadVariable(Variable):
    """What ``assign*`` returns: the same variable, shown as ``'UnreadVariable'``.

    It shares the variable's storage, so it reads the live value and its own
    ``assign*`` write the variable (TF's ``_UnreadVariable``).
    """

    __slots__ = ("_origin",)
    _tf_type_name = "_UnreadVariable"

    def __init__(self, *args, **kwargs):
        raise TypeError(
            "UnreadVariable is returned by Variable.assign*; it is not created directly."
        )

    @property
    def _value(self):
        return self._origin._value

    def _resource(self):
        return self._origin


class _SliceRead(Tensor):
    """A Tensor read from a Variable slice, carrying TF's ``.assign`` (and only that).

    Named and placed like :class:`Tensor` so it prints and fails like one (TF
    attaches ``assign`` to an ordinary ``EagerTensor``); ``isinstance(t, tf.Tensor)`` holds.
    """

    __slots__ = ("assign",)


_SliceRead.__name__ = _SliceRead.__qualname__ = "Tensor"
_SliceRead.__module__ = Tensor.__module__


def strided_slice(variable, slice_spec):
    """``variable[slice_spec]``: a snapshot Tensor whose ``assign(val, name=None)``
    writes ``val`` (broadcast) into that slice of the variable and returns the
    variable in its ``'UnreadVariable'`` form.  Boolean-mask reads have no ``assign``.

    Named after TF's function, so a wrong call of ``assign`` fails with TF's text
    (``strided_slice.<locals>.assign() got an unexpected keyword argument ...``).
    """
    value = _snapshot(_strided_slice(variable._value, slice_spec))
    if isinstance(slice_spec, TensorOperators) and slice_spec.dtype is dtypes.bool:
        return wrap(value)

    def assign(val, name=None):
        _slice_assign(variable, slice_spec, val)
        return variable._unread()

    tensor = _new(_SliceRead)
    tensor._value = value
    tensor.assign = assign
    return tensor


def _slice_assign(variable, slice_spec, val):
    new = variable._convert(val)
    param = variable._param
    index = _strided_slice(
        torch.arange(_prod(param.shape), device=device_of(param)).reshape(param.shape), slice_spec
    )
    try:
        if isinstance(param, np.ndarray):
            param.reshape(-1)[index.reshape(-1).cpu().numpy()] = np.broadcast_to(
                new, tuple(index.shape)
            ).reshape(-1)
            return
        new = torch.broadcast_to(new.to(param.device), index.shape)
    except (RuntimeError, ValueError):
        raise op_error(
            "ResourceStridedSliceAssign",
            "Cannot broadcast input shape %s into final shape %s"
            % (dims_text(new.shape), dims_text(index.shape)),
            param,
            name="strided_slice/_assign",
        ) from None
    if _RECORDING or _EXITED:
        _before_write(param)
    with torch.no_grad():
        param.view(-1)[index.reshape(-1)] = new.reshape(-1)


def _snapshot(value):
    """``value`` unaliased from the variable's storage, so later assigns don't show through."""
    if isinstance(value, np.ndarray):
        return value.copy()
    return value.clone()


def _replace(param, new):
    """Gives a variable of partly-unknown shape a value of another shape (same Parameter object)."""
    if isinstance(param, np.ndarray):
        raise ValueError("A string variable cannot change shape.")
    with torch.no_grad():
        param.set_(new.to(param.device, copy=True))


def _prod(shape):
    count = 1
    for d in shape:
        count *= int(d)
    return count


def _rebuild(array, name, trainable, dtype_name):
    return Variable(array, trainable=trainable, name=name, dtype=dtype_name)


_UPDATE_KERNEL_DTYPES = (
    "COMPLEX128 COMPLEX64 DOUBLE FLOAT BFLOAT16 HALF INT32 INT8 UINT8 INT16 UINT16 UINT32 INT64 "
    "UINT64"
).split()


def _no_update_kernel(opname, dtype):
    """TF's error for ``assign_add``/``assign_sub`` on a bool or string variable (no kernel)."""
    kernels = "".join(
        "  device='%s'; dtype in [DT_%s]\n" % (device, name)
        for device in ("DEFAULT", "CPU")
        for name in _UPDATE_KERNEL_DTYPES
    )
    return InvalidArgumentError(
        None,
        None,
        "No OpKernel was registered to support Op '%s' used by {{node %s}} with these attrs: "
        "[dtype=DT_%s]\nRegistered devices: [CPU]\nRegistered kernels:\n%s\n\t [[%s]] "
        "[Op:%s] name: " % (opname, opname, dtype.name.upper(), kernels, opname, opname),
    )
