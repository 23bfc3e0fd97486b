"""``tf.function``: runs the Python function eagerly, or ``torch.compile``d with
``jit_compile=True``.

``@tf.function`` (bare or with ``input_signature``, ``jit_compile``,
``reduce_retracing``, ``autograph`` ...) returns a :class:`Function` that calls
the Python function on every call and, as a traced TF function does, returns
Python numbers and NumPy values in its output as Tensors.  With
``jit_compile=True`` the function is compiled by ``torch.compile`` (one whole
graph, ``fullgraph=True``, as XLA must compile all of it; TorchInductor by
default) from its second call on: the first runs eagerly, creating the
variables and optimizer state a TF trace would create; a ``GradientTape``
and ``optimizer.apply_gradients`` inside are compiled with it, and NumPy
arguments are passed as Tensors.  When compilation fails (no C++ compiler, an op or Python construct
torch cannot capture) it warns once, naming the reason, and runs eagerly from
then on, where TF would raise.  Otherwise nothing is traced.  With
``input_signature`` the arguments are bound and converted to the specs'
dtypes, and mismatches raise TF's ``TypeError``, as when tracing.
``tf.config.run_functions_eagerly(True)`` makes even ``jit_compile`` functions
run eagerly.  Works on methods too (``Function.__get__`` binds ``self``).
"""

from __future__ import annotations

import functools
import inspect
import numbers
import types
import warnings

import numpy as np
import torch

from . import global_state
from . import tree as _tree
from .convert import convert_to_tensor
from .tensor import TensorOperators, wrap
from ..api_export import tf_export

__all__ = ["function", "JitFunction"]

JIT_OPTIONS = {"backend": "inductor"}
"""Keyword arguments of the ``torch.compile`` calls behind ``jit_compile=True`` (tests pick a
backend)."""


def _compile_errors():
    from torch._dynamo.exc import TorchDynamoException
    from torch._inductor.exc import InductorError

    return TorchDynamoException, InductorError


def _reason(error):
    error = getattr(error, "inner_exception", None) or error
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[0] if lines else ""
    return "%s: %s" % (type(error).__name__, text[:300]) if text else type(error).__name__


_CONSUMED_OUTPUT = "consumed returned tensor's grad_fn"
"""Part of torch.compile's refusal to return a tensor whose graph ``autograd.grad`` consumed."""


def _map_leaves(leaf_function, structure):
    """``structure`` (TF's nest: mappings, sequences, namedtuples walked) with ``leaf_function``
    applied to its leaves."""
    return _tree.map_structure(leaf_function, structure)


def _detach_leaf(leaf):
    if isinstance(leaf, TensorOperators):
        value = leaf._value
        return wrap(value.detach()) if isinstance(value, torch.Tensor) else leaf
    return leaf.detach() if isinstance(leaf, torch.Tensor) else leaf


def _with_own_code(python_function):
    """``python_function`` (a function or bound method) running a private copy of its code object.

    torch.compile keeps its compiled graphs, and its recompilation limit, per code object; a
    copy keeps the graphs of one model's (or one optimizer's) step apart from every other's.
    """
    function = getattr(python_function, "__func__", python_function)
    if not isinstance(function, types.FunctionType):
        return python_function
    copy = types.FunctionType(
        function.__code__.replace(),
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    owner = getattr(python_function, "__self__", None)
    return copy if owner is None else types.MethodType(copy, owner)


class JitFunction:
    """``python_function`` compiled by ``torch.compile(..., fullgraph=True)`` on first call, with a
    clean fallback: if compiling fails, one warning naming ``what`` and the reason, then eager
    calls.
    Each JitFunction compiles its own copy of the code, so its graphs are its own.

    ``first_call_eager`` runs the first call eagerly (as TF's first trace, it may create variables,
    build layers and optimizers, which a compiled graph cannot); ``trace_autograd`` lets the graph
    contain ``torch.autograd.grad`` (a ``GradientTape`` inside the function); ``static_shapes``
    compiles one graph per input shape, as XLA does (torch otherwise makes a dimension dynamic once
    it saw it change, remembering that per source line across every compiled copy).
    """

    def __init__(
        self,
        python_function,
        what,
        first_call_eager=False,
        trace_autograd=False,
        static_shapes=False,
    ):
        self._python_function = python_function
        self._what = what
        self._dynamic = False if static_shapes else None
        self._compiled = torch.compile(
            _with_own_code(python_function), fullgraph=True, dynamic=self._dynamic, **JIT_OPTIONS
        )
        self._eager_calls_left = int(first_call_eager)
        self._trace_autograd = trace_autograd
        self._detaching = False
        self.fallback_reason = None

    @property
    def compiled(self):
        """``False`` once compilation failed and calls run eagerly."""
        return self.fallback_reason is None

    def _retry_detaching_outputs(self, args, kwargs):
        """Compiles again with outputs detached: a step that differentiates its own result inside
        (``tape.gradient(loss, ...)`` then ``return loss``) cannot hand back a graph it consumed."""
        function = self._python_function

        def detaching_outputs(*call_args, **call_kwargs):
            return _map_leaves(_detach_leaf, function(*call_args, **call_kwargs))

        self._detaching = True
        self._compiled = torch.compile(
            _with_own_code(detaching_outputs), fullgraph=True, dynamic=self._dynamic, **JIT_OPTIONS
        )
        return self(*args, **kwargs)

    def _call_compiled(self, args, kwargs):
        if not self._trace_autograd:
            return self._compiled(*args, **kwargs)
        with torch._dynamo.config.patch(trace_autograd_ops=True):
            return self._compiled(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        if self._eager_calls_left:
            self._eager_calls_left -= 1
            return self._python_function(*args, **kwargs)
        if self.fallback_reason is None:
            try:
                return self._call_compiled(args, kwargs)
            except _compile_errors() as error:
                if _CONSUMED_OUTPUT in str(error) and not self._detaching:
                    return self._retry_detaching_outputs(args, kwargs)
                self.fallback_reason = _reason(error)
                self._compiled = None
                warnings.warn(
                    "jit_compile=True: %s could not be compiled by torch.compile (%s); running it "
                    "eagerly instead." % (self._what, self.fallback_reason),
                    RuntimeWarning,
                    stacklevel=2,
                )
        return self._python_function(*args, **kwargs)


@tf_export("config.run_functions_eagerly")
def run_functions_eagerly(run_eagerly):
    """``tf.config.run_functions_eagerly``: whether ``tf.function`` runs Python eagerly (it
    always does here)."""
    global_state.PROCESS.run_functions_eagerly = bool(run_eagerly)


@tf_export("config.functions_run_eagerly")
def functions_run_eagerly():
    """``tf.config.functions_run_eagerly``: the value last given to
    :func:`run_functions_eagerly`."""
    return global_state.PROCESS.run_functions_eagerly


def _number_or_array_to_tensor(leaf):
    """Python numbers, strings and NumPy values as Tensors (what a traced TF function returns)."""
    if isinstance(leaf, (numbers.Number, str, bytes, np.ndarray, np.generic)):
        return convert_to_tensor(leaf)
    return leaf


def _to_tensors(structure):
    return _map_leaves(_number_or_array_to_tensor, structure)


def _array_to_tensor(leaf):
    """NumPy arrays as Tensors: a traced TF function takes them as tensor inputs; torch.compile
    would otherwise trace NumPy itself."""
    return convert_to_tensor(leaf) if isinstance(leaf, np.ndarray) else leaf


class _CastError(Exception):
    """An argument that does not fit its ``input_signature`` spec."""


def _conform(value, spec):
    """``value`` as a Tensor fitting TensorSpec ``spec`` (structures of specs are matched item by
    item)."""
    if isinstance(spec, (list, tuple)):
        return type(value)(_conform(v, s) for v, s in zip(value, spec))
    if isinstance(spec, dict):
        return {key: _conform(value[key], s) for key, s in spec.items()}
    tensor = (
        value if isinstance(value, TensorOperators) else convert_to_tensor(value, dtype=spec.dtype)
    )
    if not spec.is_compatible_with(tensor):
        raise _CastError("Can not cast %r to %r" % (type(spec).from_tensor(tensor), spec))
    return tensor


class Function:
    """What ``tf.function`` returns: call it like the Python function it wraps."""

    def __init__(
        self,
        python_function,
        name=None,
        input_signature=None,
        autograph=True,
        jit_compile=None,
        reduce_retracing=False,
        signature=None,
        jit=None,
    ):
        self._python_function = python_function
        self._name = name or getattr(python_function, "__name__", "function")
        self._input_signature = None if input_signature is None else list(input_signature)
        self._autograph = autograph
        self._jit_compile = jit_compile
        self._reduce_retracing = reduce_retracing
        self._signature = signature
        if signature is None and input_signature is not None:
            self._signature = inspect.signature(python_function)
        if jit is None and jit_compile:
            jit = JitFunction(
                python_function,
                "tf.function %r" % self._name,
                first_call_eager=True,
                trace_autograd=True,
            )
        self._jit = jit
        functools.update_wrapper(self, python_function)

    def __call__(self, *args, **kwargs):
        if self._input_signature is not None:
            args, kwargs = self._bind(args, kwargs)
        if self._jit is not None and not global_state.PROCESS.run_functions_eagerly:
            args, kwargs = (
                _map_leaves(_array_to_tensor, args),
                _map_leaves(_array_to_tensor, kwargs),
            )
            return _to_tensors(self._jit(*args, **kwargs))
        return _to_tensors(self._python_function(*args, **kwargs))

    def _bind(self, args, kwargs):
        """``args``/``kwargs`` bound to the signature and converted to the ``input_signature``
        specs."""
        signature = self._signature
        names = list(signature.parameters)
        try:
            bound = signature.bind(*args, **kwargs)
            for name, spec in zip(names, self._input_signature):
                if name in bound.arguments:
                    bound.arguments[name] = _conform(bound.arguments[name], spec)
        except (TypeError, _CastError) as error:
            described = ", ".join(
                "%s: %r" % (name, spec) for name, spec in zip(names, self._input_signature)
            )
            raise TypeError(
                "Binding inputs to tf.function failed due to `%s`. Received args: %r and kwargs: "
                "%r for "
                "signature: (%s)." % (error, args, kwargs, described)
            ) from None
        return bound.args, bound.kwargs

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        signature = self._signature
        if signature is not None:
            signature = signature.replace(parameters=list(signature.parameters.values())[1:])
        jit = (
            None if self._jit is None else functools.partial(self._jit, instance)
        )  # one compiled function for all instances
        return Function(
            self._python_function.__get__(instance, owner),
            self._name,
            self._input_signature,
            self._autograph,
            self._jit_compile,
            self._reduce_retracing,
            signature,
            jit,
        )

    @property
    def python_function(self):
        """The wrapped Python function."""
        return self._python_function

    @property
    def input_signature(self):
        """The ``input_signature`` given to ``tf.function`` (``None`` if none)."""
        return self._input_signature

    @property
    def name(self):
        """The function's name."""
        return self._name

    def experimental_get_tracing_count(self):
        """How many times the function was traced: always 0, nothing is traced yet."""
        return 0


@tf_export("function")
def function(
    func=None,
    input_signature=None,
    autograph=True,
    jit_compile=None,
    reduce_retracing=False,
    experimental_implements=None,
    experimental_autograph_options=None,
    experimental_attributes=None,
    experimental_relax_shapes=None,
    experimental_compile=None,
    experimental_follow_type_hints=None,
):
    """``tf.function``: decorator (with or without arguments) making a :class:`Function`.

    The Python function runs eagerly on every call (no tracing), so results
    equal TF's, with Python numbers in the output returned as Tensors; Python
    side effects happen on every call, unlike a traced TF function.
    ``jit_compile=True`` compiles it with ``torch.compile`` (module docstring).
    The other ``experimental_*`` arguments are accepted and ignored.
    """

    def decorate(python_function):
        return Function(
            python_function,
            input_signature=input_signature,
            autograph=autograph,
            jit_compile=jit_compile if jit_compile is not None else experimental_compile,
            reduce_retracing=reduce_retracing or bool(experimental_relax_shapes),
        )

    if func is None:
        return decorate
    return decorate(func)
