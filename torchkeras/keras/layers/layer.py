"""``keras.layers.Layer``: the base of every Keras layer and model, a ``torch.nn.Module``.

A layer owns weights made by :meth:`Layer.add_weight` (``tf.Variable``s whose
parameters are registered on the module, so ``parameters()``,
``state_dict()``, ``.to(device)`` and ``torch.compile`` see them), builds
itself once from the first input's shape, and runs ``call()`` on Tensors.
Sublayers (and plain ``torch.nn.Module``s) assigned as attributes, or inside
lists, tuples and dicts, are tracked in assignment order (DESIGN.md decision 4).
"""

import functools
import inspect
import warnings

import numpy as np
import torch
from torch import nn

from ...framework import dtypes
from ...framework import recording as _recording
from ...framework import tree as _tree
from ...framework.convert import convert_to_tensor
from ...framework.composite_tensor import CompositeTensor
from ...framework.tensor import Tensor, TensorOperators, wrap
from ...framework.variable import Variable
from .. import constraints as _constraints
from .. import initializers as _initializers
from .. import regularizers as _regularizers
from ..backend import autocast_scope as _autocast
from ..backend import name_scope as _name_scope
from ...checkpoint import deferred as _deferred
from ..backend import naming
from ..mixed_precision import policy as _policy
from ..backend.keras_tensor import KerasTensor
from ..backend.variables import KerasVariable
from ..ops.operation import Operation
from ..backend import traceback_utils
from . import call_context, mask_propagation, symbolic
from .input_spec import assert_input_compatibility
from ...api_export import keras_export
from ..ops import torch_errors
from ..ops._strings import layer_input_error

__all__ = ["Layer"]

_CALL_INFO = {}
_ALLOWED_KWARGS = ("input_shape", "input_dim")


def _building_in_name_scope(build):
    """``build`` run inside the layer's name scope, recording the layer's ``path`` (Keras wraps
    every ``build`` this way, so weights and sublayers created there nest under the layer's
    name)."""

    @functools.wraps(build)
    def build_in_name_scope(self, *args, **kwargs):
        with self._open_name_scope():
            self.__dict__["_path"] = _name_scope.current_path()
            result = build(self, *args, **kwargs)
        _deferred.notify_tree(self)
        return result

    build_in_name_scope._opens_name_scope = True
    return build_in_name_scope


def _call_info(cls):
    """``(accepts_training, accepts_mask, argument_names, mask_arguments)`` for ``cls.call``,
    inspected once per class: ``argument_names`` are the positional parameters after ``self``,
    ``mask_arguments`` maps an argument ``x`` to its ``x_mask`` parameter."""
    info = _CALL_INFO.get(cls)
    if info is None:
        try:
            params = inspect.signature(cls.call).parameters
        except (TypeError, ValueError):
            params = {}
        var_kw = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
        positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        names = tuple(name for name, p in params.items() if p.kind in positional)[1:]
        mask_arguments = {
            name[:-5]: name for name in params if name.endswith("_mask") and name[:-5] in params
        }
        info = ("training" in params or var_kw, "mask" in params, names, mask_arguments)
        _CALL_INFO[cls] = info
    return info


def _contains_module(value):
    if isinstance(value, nn.Module):
        return True
    if type(value) in (list, tuple):
        return any(_contains_module(v) for v in value)
    if type(value) is dict:
        return any(_contains_module(v) for v in value.values())
    return False


def _modules_in(value, out):
    """The ``nn.Module``s in ``value`` (a module or nested list/tuple/dict), in order."""
    if isinstance(value, nn.Module):
        out.append(value)
    elif type(value) in (list, tuple):
        for item in value:
            _modules_in(item, out)
    elif type(value) is dict:
        for item in value.values():
            _modules_in(item, out)
    return out


def _standardize_shape(shape):
    if shape is None:
        return None
    if isinstance(shape, int):
        return (shape,)
    return tuple(None if d is None else int(d) for d in shape)


def _shape_of(x):
    """The shape structure of an input structure (tuples of ints, ``None`` for unknown; a
    ``None`` input has shape ``None``, which Keras passes to ``build``)."""
    if x is None:
        return None
    if isinstance(x, (TensorOperators, KerasTensor, torch.Tensor, np.ndarray)):
        return tuple(x.shape)
    if isinstance(x, (list, tuple)):
        return [_shape_of(v) for v in x]
    if isinstance(x, dict):
        return {k: _shape_of(v) for k, v in x.items()}
    return tuple(np.shape(x))


@keras_export("keras.Layer", "keras.layers.Layer")
class Layer(Operation, nn.Module):
    """The base class of Keras layers (Keras 3's ``keras.layers.Layer``), an ``Operation``.

    Subclass it, create weights in ``__init__`` or ``build(input_shape)`` with
    ``add_weight``, and write the forward pass in ``call()``.  Calling the
    layer converts NumPy / Python / torch inputs to Tensors, casts floating
    inputs to the compute dtype, builds the layer on the first call, checks
    ``input_spec``, and passes ``training=`` / ``mask=`` only to a ``call``
    that accepts them.  Called on ``keras.Input`` tensors it infers shapes
    symbolically.  Masks propagate as in Keras: a layer's output carries
    ``_keras_mask`` and the next layer's ``call`` receives it as ``mask``
    (see ``mask_propagation``).  Under a mixed dtype policy ``call`` runs in
    Keras' autocast scope: the layer's floating weights read in the compute
    dtype (``backend.autocast_scope``).
    """

    _convert_input_args = True
    """Keras' flag: whether calling the layer converts NumPy array inputs to Tensors before
    ``call`` (Keras' preprocessing layers leave them to ``call``, whose errors then show the
    array)."""

    _allow_non_tensor_positional_args = False
    """Keras' flag: whether positional call arguments may be other than tensors, arrays and
    ``None`` (Keras' data layers and functional models take Python values there)."""

    def __init__(
        self,
        *,
        activity_regularizer=None,
        trainable=True,
        dtype=None,
        autocast=True,
        name=None,
        **kwargs,
    ):
        nn.Module.__init__(self)
        Operation.__init__(self, name=name)  # names the layer, or raises for a bad name
        unknown = {k: v for k, v in kwargs.items() if k not in _ALLOWED_KWARGS}
        if unknown:
            raise ValueError(
                "Unrecognized keyword arguments passed to %s: %s" % (type(self).__name__, unknown)
            )
        if not isinstance(trainable, bool):
            raise ValueError(
                "Expected `trainable` to be a boolean. Received: trainable=%s (of type %s)"
                % (trainable, type(trainable))
            )
        d = self.__dict__
        d["_parent_path"] = None
        d["_path"] = None
        d["_trainable"] = trainable
        self._set_dtype_policy(dtype)
        d["autocast"] = autocast
        d["built"] = False
        d["_trainable_variables"] = []
        d["_non_trainable_variables"] = []
        d["_tracked"] = {}
        d["_torch_modules"] = []
        d["_torch_variables"] = {}
        d["_losses"] = []
        d["_build_shapes"] = None
        d["input_spec"] = None
        d["_activity_regularizer"] = _regularizers.get(activity_regularizer)
        d["_call_info"] = _call_info(type(self))
        d["_compute_mask_overridden"] = type(self).compute_mask is not Layer.compute_mask
        d["supports_masking"] = d["_compute_mask_overridden"]
        d["_build_overridden"] = type(self).build is not Layer.build
        input_shape = kwargs.get("input_shape")
        if kwargs.get("input_dim") is not None:
            input_shape = (int(kwargs["input_dim"]),)
        if input_shape is not None:
            warnings.warn(
                "Do not pass an `input_shape`/`input_dim` argument to a layer. When using "
                "Sequential models, "
                "prefer using an `Input(shape)` object as the first layer in the model instead.",
                UserWarning,
                stacklevel=2,
            )
            input_shape = (None,) + _standardize_shape(input_shape)
        d["_input_shape_arg"] = _standardize_shape(input_shape)

    # ------------------------------------------------------------------ dtypes
    def _set_dtype_policy(self, dtype):
        policy = _policy.get(dtype)
        d = self.__dict__
        d["_dtype_policy"] = policy
        d["_policy_name"] = policy.name
        d["compute_dtype"] = policy.compute_dtype
        d["variable_dtype"] = policy.variable_dtype
        d["_compute_torch_dtype"] = dtypes.as_dtype(policy.compute_dtype).torch_dtype
        d["_autocast_dtype"] = (
            d["_compute_torch_dtype"] if policy.compute_dtype != policy.variable_dtype else None
        )

    @property
    def dtype(self):
        """The variables' dtype name (``'float32'``)."""
        return self.variable_dtype

    @property
    def dtype_policy(self):
        """The layer's ``DTypePolicy`` (``dtype=`` given to the constructor, else the global
        policy)."""
        return self._dtype_policy

    @dtype_policy.setter
    def dtype_policy(self, value):
        self._set_dtype_policy(value)

    # ------------------------------------------------------------------ naming
    @property
    def path(self):
        """Where the layer was built: its name-scope path (``'sequential/dense'``); ``None``
        before."""
        return self._path

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        build = cls.__dict__.get("build")
        if build is not None and not hasattr(build, "_opens_name_scope"):
            cls.build = _building_in_name_scope(build)

    def _open_name_scope(self):
        """The layer's ``name_scope`` (its parent path is the one current the first time)."""
        d = self.__dict__
        if d["_parent_path"] is None:
            d["_parent_path"] = _name_scope.current_path()
        return _name_scope.name_scope(self._name, caller=self)

    # ------------------------------------------------------------- attributes
    def __setattr__(self, name, value):
        d = self.__dict__
        tracked = d.get("_tracked")
        if tracked is None:
            nn.Module.__setattr__(self, name, value)
            return
        if name in tracked:
            self._untrack(name)
        if isinstance(value, KerasVariable):
            old = d.get(name)
            if isinstance(old, KerasVariable) and old is not value:
                self._forget_variable(old)
            self._track_variable(value)
            object.__setattr__(self, name, value)
            return
        if isinstance(value, Variable):  # a raw tf.Variable: Keras 3 does not track it
            old = d.get(name)
            if isinstance(old, KerasVariable):
                self._forget_variable(old)
            object.__setattr__(self, name, value)
            return
        if isinstance(value, nn.Module):
            tracked[name] = value
            if not isinstance(value, Layer):
                self._adopt_torch_module(value)
            nn.Module.__setattr__(self, name, value)
            return
        if type(value) in (list, tuple, dict) and _contains_module(value):
            tracked[name] = value
            for index, module in enumerate(_modules_in(value, [])):
                self._modules["%s-%d" % (name, index)] = module
                if not isinstance(module, Layer):
                    self._adopt_torch_module(module)
        nn.Module.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self.__dict__.get("_tracked", ()):
            self._untrack(name)
        value = self.__dict__.get(name)
        if isinstance(value, Variable):
            self._forget_variable(value)
        nn.Module.__delattr__(self, name)

    def _untrack(self, name):
        value = self._tracked.pop(name)
        for key in [k for k in self._modules if k.startswith(name + "-")]:
            del self._modules[key]
        for module in _modules_in(value, []):
            if module in self._torch_modules:
                self._torch_modules.remove(module)

    def _adopt_torch_module(self, module):
        if module not in self._torch_modules:
            self._torch_modules.append(module)

    def _track_variable(self, variable):
        if any(v is variable for v in self._trainable_variables + self._non_trainable_variables):
            return
        (self._trainable_variables if variable.trainable else self._non_trainable_variables).append(
            variable
        )
        param = variable._param
        if isinstance(param, nn.Parameter) and not any(
            p is param for p in self._parameters.values()
        ):
            self._parameters[self._parameter_key(variable.name.split(":")[0])] = param

    def _forget_variable(self, variable):
        for group in (self._trainable_variables, self._non_trainable_variables):
            for i, v in enumerate(group):
                if v is variable:
                    del group[i]
                    break
        for key, param in list(self._parameters.items()):
            if param is variable._param:
                del self._parameters[key]

    def _parameter_key(self, name):
        key = name.replace(".", "_").replace("/", "_") or "variable"
        base, n = key, 0
        while key in self._parameters or hasattr(type(self), key) or key in self._modules:
            n += 1
            key = "%s_%d" % (base, n)
        return key

    # ----------------------------------------------------------------- weights
    def add_weight(
        self,
        shape=None,
        initializer=None,
        dtype=None,
        trainable=True,
        autocast=True,
        regularizer=None,
        constraint=None,
        aggregation="none",
        overwrite_with_gradient=False,
        name=None,
    ):
        """Creates a weight (a ``tf.Variable``), tracks it and registers its parameter.

        ``initializer`` defaults to ``'glorot_uniform'`` for floating dtypes and
        ``'zeros'`` otherwise; ``regularizer`` contributes to ``losses``;
        ``constraint`` is applied by optimizers after each update; with
        ``autocast`` (default) a floating weight reads in the compute dtype
        inside the ``call`` of a mixed-precision layer.
        """
        shape = _standardize_shape(shape if shape is not None else ())
        dtype = dtypes.as_dtype(
            getattr(dtype, "name", dtype) if dtype is not None else self.variable_dtype
        )
        if initializer is None:
            initializer = "glorot_uniform" if dtype.is_floating else "zeros"
        initializer = _initializers.get(initializer)
        name = name or naming.uniquify("variable")
        with (
            symbolic.real_mode(),
            _name_scope.name_scope(self._name, caller=self),
        ):  # records no parent path
            value = (
                initializer(shape, dtype=dtype.name)
                if isinstance(initializer, _initializers.Initializer)
                else initializer(shape, dtype=dtype)
            )
            variable = KerasVariable(
                value,
                trainable=trainable,
                name=name,
                dtype=dtype,
                constraint=_constraints.get(constraint),
                regularizer=_regularizers.get(regularizer),
                autocast=autocast,
            )
        self._track_variable(variable)
        if not self._trainable:
            variable.trainable = False
        return variable

    @property
    def _layers(self):
        """Sublayers, in assignment order (nested lists / tuples / dicts flattened)."""
        out = []
        for value in self._tracked.values():
            for module in _modules_in(value, []):
                if isinstance(module, Layer) and all(module is not m for m in out):
                    out.append(module)
        return out

    def _flatten_layers(self, include_self=True, recursive=True):
        """This layer (optionally) and its sublayers, depth first, each once."""
        out = [self] if include_self else []
        seen = {id(self)}
        stack = list(reversed(self._layers))
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            out.append(layer)
            if recursive:
                stack.extend(reversed(layer._layers))
        return out

    def _torch_module_variables(self, module, prefix):
        cache = self._torch_variables
        out = []
        for pname, param in module.named_parameters():
            variable = cache.get(id(param))
            if variable is None or variable._param is not param:
                short = pname.replace(".", "/")
                variable = KerasVariable.from_parameter(
                    param, short, "%s/%s/%s" % (self._name, prefix, short)
                )
                cache[id(param)] = variable
            out.append(variable)
        return out

    def _own_and_sub(self, attribute):
        out = []
        seen = set()
        for v in self._trainable_variables + self._non_trainable_variables:
            if id(v) not in seen:
                seen.add(id(v))
                out.append(v)
        for name, value in self._tracked.items():
            for module in _modules_in(value, []):
                items = (
                    getattr(module, attribute)
                    if isinstance(module, Layer)
                    else self._torch_module_variables(module, name)
                )
                for v in items:
                    if id(v) not in seen:
                        seen.add(id(v))
                        out.append(v)
        return out

    @property
    def weights(self):
        """All weights: this layer's (creation order), then each sublayer's."""
        return self._own_and_sub("weights")

    @property
    def variables(self):
        """All state variables (the same as ``weights`` here: no seed or metric state)."""
        return self._own_and_sub("variables")

    @property
    def trainable_weights(self):
        """The weights optimizers update (empty when the layer is frozen)."""
        if not self._trainable:
            return []
        return [v for v in self.weights if v.trainable]

    @property
    def non_trainable_weights(self):
        """The weights optimizers leave alone (all of them when the layer is frozen)."""
        if not self._trainable:
            return self.weights
        return [v for v in self.weights if not v.trainable]

    trainable_variables = trainable_weights
    non_trainable_variables = non_trainable_weights

    @property
    def trainable(self):
        """Settable: ``False`` freezes this layer and its sublayers."""
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        value = bool(value)
        self.__dict__["_trainable"] = value
        for v in self._trainable_variables:
            v.trainable = value
        for value_ in self._tracked.values():
            for module in _modules_in(value_, []):
                if isinstance(module, Layer):
                    module.trainable = value
                else:
                    module.requires_grad_(value)

    def get_weights(self):
        """The weights' values as NumPy arrays, in ``weights`` order."""
        return [np.asarray(v.numpy()) for v in self.weights]

    def set_weights(self, weights):
        """Assigns NumPy arrays to ``weights``, checking count and shapes (Keras' messages)."""
        layer_weights = self.weights
        if len(layer_weights) != len(weights):
            raise ValueError(
                "You called `set_weights(weights)` on layer '%s' with a weight list of length %d, "
                "but the layer was expecting %d weights."
                % (self._name, len(weights), len(layer_weights))
            )
        for variable, value in zip(layer_weights, weights):
            value_shape = tuple(np.shape(value))
            if tuple(variable.shape) != value_shape:
                raise ValueError(
                    "Layer %s weight shape %s is not compatible with provided weight shape %s."
                    % (self._name, tuple(variable.shape), value_shape)
                )
            variable.assign(np.asarray(value))

    def count_params(self):
        """The number of scalars in ``weights``; ``ValueError`` before the layer is built."""
        if not self.built:
            raise ValueError(
                "You tried to call `count_params` on layer '%s', but the layer isn't built. You "
                "can build it manually via: `layer.build(input_shape)`." % self._name
            )
        return int(sum(int(np.prod(tuple(v.shape))) for v in self.weights))

    def save_own_variables(self, store):
        """Keras' per-layer saving hook: writes this layer's own variables to ``store["0"]``,
        ``store["1"]``...

        Override it (and ``load_own_variables``) to save extra state; see ``keras.saving``.
        """
        from ..saving import variable_store, weights_layout

        variable_store.save_default(weights_layout.own_variables(self), store)

    def load_own_variables(self, store):
        """Keras' per-layer loading hook: assigns ``store["0"]``, ``store["1"]``... to this
        layer's own variables."""
        from ..saving import variable_store, weights_layout

        variable_store.load_default(self._name, weights_layout.own_variables(self), store)

    # ------------------------------------------------------------------ losses
    @property
    def activity_regularizer(self):
        """Penalty on the layer's output, added to ``losses`` on each call."""
        return self._activity_regularizer

    @activity_regularizer.setter
    def activity_regularizer(self, value):
        self.__dict__["_activity_regularizer"] = _regularizers.get(value)

    def add_loss(self, loss):
        """Adds a loss tensor (computed in ``call``) to ``losses``."""
        self._losses.append(
            convert_to_tensor(loss) if not isinstance(loss, TensorOperators) else loss
        )

    @property
    def losses(self):
        """Losses added during the last call, then weight-regularisation penalties, then
        sublayers'."""
        out = list(self._losses)
        for v in self._trainable_variables + self._non_trainable_variables:
            regularizer = getattr(v, "regularizer", None)
            if regularizer is not None:
                out.append(regularizer(v))
        for layer in self._layers:
            out.extend(layer.losses)
        return out

    def _clear_losses(self):
        self._losses.clear()
        for layer in self._layers:
            layer._clear_losses()

    # ------------------------------------------------------------------- build
    def build(self, input_shape):
        """Creates the weights for inputs of ``input_shape``.

        The default creates none and marks the layer built; called explicitly on a
        layer whose sublayers are unbuilt it warns, as Keras 3 does (it does not
        run the layer to build them).
        """
        if any(not layer.built for layer in self._layers):
            warnings.warn(
                "`build()` was called on layer '%s', however the layer does not have a `build()` "
                "method "
                "implemented and it looks like it has unbuilt state. This will cause the layer to "
                "be marked "
                "as built, despite not being actually built, which may cause failures down the "
                "line. Make "
                "sure to implement a proper `build()` method." % self._name,
                UserWarning,
                stacklevel=2,
            )
        self.built = True

    def build_from_config(self, config):
        """Builds from ``get_build_config()``'s output: ``{'input_shape': ...}``, or Keras'
        ``{'shapes_dict': {'query_shape': ..., ...}}`` of layers built from several inputs."""
        if config and config.get("input_shape") is not None:
            self.build(config["input_shape"])
            self.built = True
        elif config and config.get("shapes_dict"):
            self.build(**config["shapes_dict"])
            self.built = True

    def get_build_config(self):
        """``{'input_shape': ...}`` once built from an input shape, else ``None``."""
        if self._build_shapes is not None:
            return {"input_shape": self._build_shapes}
        return None

    def _build_and_recheck(self, inputs):
        """Builds on ``inputs``, then checks ``input_spec`` again: build may set or narrow it
        (Keras)."""
        self._maybe_build(inputs)
        if self.input_spec is not None:
            assert_input_compatibility(self.input_spec, inputs, self._name)

    def _maybe_build(self, inputs):
        shapes = _shape_of(inputs)
        if symbolic.tracing():
            shapes = _map_shapes(shapes, symbolic.unknown_to_none)
        self.__dict__["_build_shapes"] = shapes
        if self._build_overridden:
            with symbolic.real_mode():
                self.build(shapes)
        self.__dict__["built"] = True

    # -------------------------------------------------------------------- call
    def call(self, *args, **kwargs):
        """The forward pass; subclasses implement it."""
        raise NotImplementedError(
            "Layer %s does not have a `call()` method implemented." % type(self).__name__
        )

    def forward(self, *args, **kwargs):
        """torch's entry point: the same as calling the layer."""
        return self.__call__(*args, **kwargs)

    def _convert_input(self, x):
        """Tensors for the tensor-likes in ``x`` (nested lists / tuples / dicts walked), floating
        ones cast to the compute dtype; Python scalars and other objects pass through."""
        return _tree.map_structure(self._convert_leaf, x, rules=_tree.KERAS)

    def _convert_leaf(self, x):
        if isinstance(x, np.ndarray) and not self._convert_input_args:
            return x
        if isinstance(x, np.ndarray) and x.dtype.kind == "f" and self.autocast:
            return wrap(torch.tensor(x, dtype=self._compute_torch_dtype, device=_current_device()))
        if isinstance(x, (TensorOperators, torch.Tensor, np.ndarray, np.generic)):
            value = convert_to_tensor(x)._value
            if (
                self.autocast
                and isinstance(value, torch.Tensor)
                and value.dtype.is_floating_point
                and value.dtype is not self._compute_torch_dtype
            ):
                value = value.to(self._compute_torch_dtype)
            return x if type(x) is Tensor and value is x._value else wrap(value)
        return x

    def __call__(self, *args, **kwargs):
        if args:
            inputs = args[0]
            rest = args[1:]
        elif "inputs" in kwargs:
            inputs = kwargs.pop("inputs")
            rest = ()
        else:
            raise ValueError("The first argument to `Layer.call` must always be passed.")
        if (rest or type(inputs) is not Tensor) and not self._allow_non_tensor_positional_args:
            _check_positional_tensors(args)
        if symbolic.any_symbolic(inputs):
            return symbolic.symbolic_call(self, inputs, rest, kwargs)
        previous_mask = mask_propagation.mask_of(inputs)
        if (
            type(inputs) is not Tensor
            or self.autocast
            and inputs._value.dtype is not self._compute_torch_dtype
        ):
            inputs = self._convert_input(inputs)
        if self.input_spec is not None:
            assert_input_compatibility(self.input_spec, inputs, self._name)
        if not self.built:
            with (
                self._open_name_scope()
            ):  # weights built by this first call nest under the layer's name
                self._build_and_recheck(inputs)
                return self._call_built(inputs, rest, kwargs, previous_mask)
        return self._call_built(inputs, rest, kwargs, previous_mask)

    def _call_built(self, inputs, rest, kwargs, previous_mask):
        """The rest of ``__call__`` once the layer is built: masks, training mode, autocast,
        ``call``, activity regularization, the output mask."""
        if self._losses:
            self._losses.clear()
        accepts_training, accepts_mask, argument_names, mask_arguments = self._call_info
        if mask_arguments or accepts_mask and previous_mask is not None:
            mask_propagation.populate(
                argument_names, mask_arguments, accepts_mask, inputs, rest, kwargs, previous_mask
            )
        if kwargs and kwargs.get("mask") is not None:
            previous_mask = kwargs["mask"]
        training = kwargs.pop("training", None)
        outer = call_context.STATE.training_stack[-1]
        if training is None:
            training = outer
        if accepts_training and training is not None:
            kwargs["training"] = training
        if not accepts_mask and "mask" in kwargs:
            del kwargs["mask"]
        if self._torch_modules:
            self._enter_torch_modules(training)
        state = _autocast.STATE
        previous_scope = state.autocast_dtype
        scope = (
            self._autocast_dtype
            if previous_scope is None
            else _autocast.scope_for(self, previous_scope)
        )
        if scope is previous_scope:
            outputs = self._call_in_mode(training, outer, inputs, rest, kwargs)
        else:
            state.autocast_dtype = scope
            try:
                outputs = self._call_in_mode(training, outer, inputs, rest, kwargs)
            finally:
                state.autocast_dtype = previous_scope
        if self._activity_regularizer is not None:
            for output in _flat_tensors(outputs):
                loss = self._activity_regularizer(output)
                self._losses.append(
                    wrap(loss._value / output._value.shape[0]) if output._value.ndim else loss
                )
        if self.supports_masking:
            if previous_mask is not None or self._compute_mask_overridden:
                mask_propagation.attach(self, inputs, outputs, previous_mask)
        elif previous_mask is not None and mask_propagation.any_mask(previous_mask):
            mask_propagation.warn_dropped(self)
        return outputs

    def _call_in_mode(self, training, outer, inputs, rest, kwargs):
        """``call`` with ``training`` as the mode its sublayers inherit (``outer``: the current
        one); an error from ``call`` gets Keras' argument context (``traceback_utils``)."""
        try:
            if training is outer:
                return self.call(inputs, *rest, **kwargs)
            stack = call_context.STATE.training_stack
            stack.append(training)
            try:
                return self.call(inputs, *rest, **kwargs)
            finally:
                stack.pop()
        except Exception as error:  # noqa: BLE001
            error = (
                layer_input_error(self, inputs)
                or torch_errors.translate(
                    error, type(self).__name__.lower(), (inputs,) + tuple(rest)
                )
                or error
            )
            raise traceback_utils.inject_call_info(
                error, self.call, (inputs,) + tuple(rest), kwargs, "%s.call()" % type(self).__name__
            ) from None

    def _enter_torch_modules(self, training):
        """Switches plain torch modules to ``train()``/``eval()`` and, while a tape records,
        reads their parameters' variables so the tape watches them."""
        if training is not None:
            for module in self._torch_modules:
                module.train(bool(training))
        if _recording.RECORDING:
            for name, value in self._tracked.items():
                for module in _modules_in(value, []):
                    if not isinstance(module, Layer):
                        for variable in self._torch_module_variables(module, name):
                            variable._value  # noqa: B018 - the read registers the variable with the tape

    # ------------------------------------------------------------------ shapes
    def compute_output_shape(self, *args, **kwargs):
        """The output shape for an input shape, inferred by a symbolic call unless overridden."""
        return symbolic.infer_output_shape(self, args[0] if args else kwargs.get("input_shape"))

    def compute_output_spec(self, *args, **kwargs):
        """KerasTensors describing the outputs for KerasTensor inputs."""
        return symbolic.output_spec(
            self, args[0] if args else kwargs.get("inputs"), args[1:], kwargs
        )

    def compute_mask(self, inputs, previous_mask):
        """The output mask (Keras' default: the input mask, unchanged).  With ``supports_masking``
        (Keras' default: ``True`` when a subclass overrides this method) ``__call__`` attaches it
        to the outputs as ``_keras_mask``."""
        return previous_mask

    # ------------------------------------------------------------------ config
    def get_config(self):
        """``name``, ``trainable`` and ``dtype`` (Keras' serialised dtype policy); subclasses add
        theirs."""
        config_ = {
            "name": self._name,
            "trainable": self._trainable,
            "dtype": {
                "module": "keras",
                "class_name": "DTypePolicy",
                "config": {"name": self._policy_name},
                "registered_name": None,
            },
        }
        if self._activity_regularizer is not None:
            config_["activity_regularizer"] = _regularizers.serialize(self._activity_regularizer)
        return config_

    @classmethod
    def from_config(cls, config):
        """A new layer from ``get_config()``'s output."""
        config = dict(config)
        if isinstance(config.get("dtype"), dict):
            config["dtype"] = config["dtype"]["config"]["name"]
        return cls(**config)

    # ----------------------------------------------------------- introspection
    @property
    def input(self):
        """The KerasTensor(s) this layer was first called on (functional API only)."""
        if not self._inbound_nodes:
            raise AttributeError("Layer %s is not connected, no input to return." % self._name)
        return self._inbound_nodes[0].arguments[0]

    @property
    def output(self):
        """The KerasTensor(s) this layer first produced (functional API only)."""
        if not self._inbound_nodes:
            raise AttributeError("Layer %s is not connected, no output to return." % self._name)
        return self._inbound_nodes[0].outputs_structure

    def __repr__(self):
        return "<%s name=%s, built=%s>" % (type(self).__name__, self._name, self.built)

    def extra_repr(self):
        return "name=%s" % self._name


def _map_shapes(shapes, fn):
    if isinstance(shapes, list):
        return [_map_shapes(s, fn) for s in shapes]
    if isinstance(shapes, dict):
        return {k: _map_shapes(s, fn) for k, s in shapes.items()}
    return fn(shapes)


_TENSOR_TYPES = (TensorOperators, KerasTensor, CompositeTensor, KerasVariable)


def _check_positional_tensors(args):
    """Keras' rule for positional call arguments: each leaf is a tensor (or a value Keras
    converts to one: anything with ``__array__``), a symbolic tensor or ``None``."""
    for arg in _tree.flatten(args, rules=_tree.KERAS):
        if arg is None or hasattr(arg, "__array__") or isinstance(arg, _TENSOR_TYPES):
            continue
        raise ValueError(
            "Only input tensors may be passed as positional arguments. The following argument "
            "value should be passed as a keyword argument: %s (of type %s)" % (arg, type(arg))
        )


def _current_device():
    from ...framework import device

    return device.current()


def _flat_tensors(outputs):
    return [o for o in _tree.flatten(outputs, _tree.KERAS) if isinstance(o, TensorOperators)]
