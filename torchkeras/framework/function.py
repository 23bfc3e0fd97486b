"""``tf.function``: traced once per input signature and replayed, as TF does.

Design (measured): the first call of each input signature runs the Python body under
``torch.fx``'s ``make_fx`` on the real inputs (``function_trace.py``), so that call is also
the trace: Python side effects happen then only, variables created then are kept (TF allows
them on the first trace only; a later trace raises TF's ``ValueError``), ``tf.print`` is a
graph op run at every call. Later calls with a matching signature (``function_call.py``:
tensors by dtype and shape, variables by spec, Python values by value) replay the recorded
aten graph without running Python (``concrete_function.py``). On chapter 3's linear
classifier step (``benchmarks/workloads/linear_tape_function.py``) a replay takes 0.53x the
eager step and 0.8x raw torch's (1 CPU thread; shape-only values such as ``ones_like`` and
the NumPy literals are folded once). Anything that read a tensor on the host
while tracing runs that signature eagerly from then on, with one warning per function, never
a baked-in value. Differences from TF: no AutoGraph (data-dependent ``if``/``for`` on tensors
fall back to eager); a signature with ``None`` dims, or a call under a tape after one
without, re-runs the Python body for each new exact shape (TF's tracing count is kept);
a first call that creates variables is traced once, not twice (TF's count is kept).

``jit_compile=True`` compiles the function with ``torch.compile`` instead (one whole graph,
``fullgraph=True``, from its second call on; the first runs eagerly, creating the variables
and optimizer state), falling back to eager with one warning when compiling fails.
``tf.config.run_functions_eagerly(True)`` makes every function run its Python eagerly.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import types
import warnings
import weakref

import numpy as np
import torch

from . import global_state
from . import tree as _tree
from .concrete_function import ConcreteFunction
from .convert import convert_to_tensor
from .function_call import TENSOR, VARIABLE, Call, covers, output_leaf, relaxed
from .tensor import TensorOperators, wrap
from ..api_export import tf_export

__all__ = ["function", "JitFunction"]

_STATE = global_state.PER_THREAD

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
    """``tf.config.run_functions_eagerly``: whether ``tf.function`` runs its Python on every
    call instead of replaying traces."""
    global_state.PROCESS.run_functions_eagerly = bool(run_eagerly)


@tf_export("config.functions_run_eagerly")
def functions_run_eagerly():
    """``tf.config.functions_run_eagerly``: the value last given to
    :func:`run_functions_eagerly`."""
    return global_state.PROCESS.run_functions_eagerly


def _to_tensors(structure):
    """``structure`` with Python numbers, strings and NumPy values as Tensors (what a traced TF
    function returns)."""
    return _map_leaves(output_leaf, structure)


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
        if not isinstance(value, (list, tuple)) or len(value) != len(spec):
            raise _CastError("Expected %r to have length of %d" % (value, len(spec)))
        return type(value)(_conform(v, s) for v, s in zip(value, spec))
    if isinstance(spec, dict):
        if not isinstance(value, dict) or set(value) != set(spec):
            raise _CastError(
                "%r has different keys with the TraceType Dict[%s]."
                % (value, ", ".join("[%r, %r]" % item for item in spec.items()))
            )
        return {key: _conform(value[key], s) for key, s in spec.items()}
    components = getattr(spec, "_component_specs", None)
    if components is not None and isinstance(value, spec.value_type):
        if not spec.is_compatible_with(value):
            raise _CastError(_component_mismatch(value, components))
        return value
    if components is not None:
        from ..ops.nest import assert_same_structure  # framework code imports ops lazily

        try:
            assert_same_structure(list(components), [value])
        except (TypeError, ValueError) as error:
            raise _CastError(str(error)) from None
    if value is None:
        raise _CastError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    tensor = (
        value if isinstance(value, TensorOperators) else convert_to_tensor(value, dtype=spec.dtype)
    )
    if not spec.is_compatible_with(tensor):
        raise _CastError("Can not cast %r to %r" % (type(spec).from_tensor(tensor), spec))
    return tensor


def _component_mismatch(value, component_specs):
    """TF's binding error for a composite ``value`` its spec refuses: the first of its component
    tensors that does not fit the spec's component spec."""
    from ..ops.nest import assert_same_structure  # framework code imports ops lazily
    from ..ops.tensor_spec import TensorSpec

    tensors = value._components()
    try:
        assert_same_structure(list(component_specs), tensors)
    except (TypeError, ValueError) as error:
        return str(error)
    for tensor, spec in zip(tensors, component_specs):
        found = TensorSpec.from_tensor(tensor)
        if not spec.is_compatible_with(found):
            return "Can not cast %r to %r" % (found, spec)
    return "Can not cast %r to %r" % (type(value).__name__, list(component_specs))


def _is_type_spec(leaf):
    """A ``tf.TypeSpec`` (TensorSpec, RaggedTensorSpec, SparseTensorSpec ...): framework code
    cannot import the spec classes of ``ops``, so they are recognised by their interface."""
    return hasattr(leaf, "is_compatible_with") and hasattr(leaf, "dtype")


def _check_input_signature(input_signature, python_function):
    """TF's checks of an ``input_signature``: a list or tuple of (nested) TypeSpecs with one
    spec per positional parameter of ``python_function``."""
    if not isinstance(input_signature, (list, tuple)):
        raise TypeError(
            "input_signature must be either a tuple or a list, got %s." % type(input_signature)
        )
    leaves = _tree.flatten(input_signature)
    invalid = [leaf for leaf in leaves if not _is_type_spec(leaf)]
    if invalid:
        raise TypeError(
            "input_signature must be a possibly nested sequence of TensorSpec objects, got "
            "invalid args %r with types %r." % (invalid, [type(leaf) for leaf in invalid])
        )
    try:
        parameters = inspect.signature(python_function).parameters.values()
    except (TypeError, ValueError):
        return
    left = len(input_signature)
    for parameter in parameters:  # TF's ``add_type_constraints``
        kind = parameter.kind
        if parameter.name == "self" or kind is inspect.Parameter.VAR_KEYWORD:
            continue
        if kind is inspect.Parameter.VAR_POSITIONAL:
            left = 0
        elif kind is inspect.Parameter.KEYWORD_ONLY and parameter.default is parameter.empty:
            raise TypeError(
                "Since input_signature is defined, keyword-only parameter `%s` must have a "
                "default value" % parameter.name
            )
        elif left:
            left -= 1
        elif parameter.default is parameter.empty:
            raise TypeError("input_signature missing type constraint for %s" % parameter.name)
    if left:
        raise TypeError("input_signature contains %d extra type constraints." % left)


def _call_signature(python_function):
    """The signature calls are bound to (``(*args, **kwargs)`` when Python cannot tell)."""
    try:
        return inspect.signature(python_function)
    except (TypeError, ValueError):
        return inspect.Signature(
            [
                inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL),
                inspect.Parameter("kwargs", inspect.Parameter.VAR_KEYWORD),
            ]
        )


class _WeakMethod:
    """A method bound to a weak reference of its instance: an instance's Function (kept per
    instance in a ``WeakKeyDictionary``) must not keep the instance alive."""

    def __init__(self, function, instance, method):
        self._function = function
        self._instance = weakref.ref(instance)
        functools.update_wrapper(self, function)
        self.__signature__ = _call_signature(method)

    def method(self):
        """The bound method (the instance must still be alive)."""
        return self._function.__get__(self._instance())

    def __get__(self, instance, owner=None):
        return self.method() if instance is None else self._function.__get__(instance, owner)

    def __call__(self, *args, **kwargs):
        return self._function(self._instance(), *args, **kwargs)


def _user_stacklevel():
    """The ``stacklevel`` naming the first caller outside ``torchkeras/framework`` (for a
    ``warnings.warn`` made by this module's caller's caller)."""
    here = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(2), 2
    while frame is not None and frame.f_code.co_filename.startswith(here):
        frame, level = frame.f_back, level + 1
    return level


def _positional_names(signature):
    """The parameter names when every parameter is a plain positional one without default
    (calls with that many positional arguments then bind without ``inspect``), else ``None``."""
    params = signature.parameters.values()
    plain = inspect.Parameter.POSITIONAL_OR_KEYWORD
    if all(p.kind is plain and p.default is inspect.Parameter.empty for p in params):
        return tuple(signature.parameters)
    return None


class Function:
    """What ``tf.function`` returns: call it like the Python function it wraps.

    Calls are traced once per input signature and replayed after (module docstring);
    ``experimental_get_tracing_count()`` counts the traces as TF does.
    """

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
        if input_signature is not None and signature is None:
            _check_input_signature(input_signature, python_function)
        self._input_signature = None if input_signature is None else list(input_signature)
        self._autograph = autograph
        self._jit_compile = jit_compile
        self._reduce_retracing = reduce_retracing
        self._signature = signature
        if signature is None and input_signature is not None:
            self._signature = inspect.signature(python_function)
        self._call_signature = _call_signature(python_function)
        self._positional = _positional_names(self._call_signature)
        if jit is None and jit_compile:
            jit = JitFunction(
                python_function,
                "tf.function %r" % self._name,
                first_call_eager=True,
                trace_autograd=True,
            )
        self._jit = jit
        self._concrete = []
        self._dispatch = {}
        self._empty_call = None
        self._tracing_count = 0
        self._warned = False
        self._bound_functions = weakref.WeakKeyDictionary()
        functools.update_wrapper(self, python_function)

    def __call__(self, *args, **kwargs):
        if self._input_signature is not None:
            args, kwargs = self._bind(args, kwargs)
        if global_state.PROCESS.run_functions_eagerly:
            return _to_tensors(self._python_function(*args, **kwargs))
        if self._jit is not None:
            args, kwargs = (
                _map_leaves(_array_to_tensor, args),
                _map_leaves(_array_to_tensor, kwargs),
            )
            return _to_tensors(self._jit(*args, **kwargs))
        if _STATE.function_trace is not None:  # inside another trace: inlined, as TF does
            return _to_tensors(self._python_function(*args, **kwargs))
        if args or kwargs:
            call = Call(self._call_signature, args, kwargs, self._positional)
        else:
            call = self._empty_call
            if call is None:
                call = self._empty_call = Call(self._call_signature, args, kwargs)
        concrete = self._dispatch.get(call.key)
        if concrete is None:
            concrete = self._concrete_for(call)
        return concrete._run(call, self._tracing_count == 0)

    def _concrete_for(self, call, types=None):
        """The ConcreteFunction for ``call``: one whose signature covers it, else a new one
        (relaxed as ``reduce_retracing`` / ``input_signature`` say)."""
        for concrete in self._concrete:
            if concrete._skeleton == call.skeleton and covers(concrete._types, call.types):
                self._dispatch[call.key] = concrete
                return concrete
        if types is None:
            types = self._generalised(call)
        concrete = ConcreteFunction(self, call, types)
        self._concrete.append(concrete)
        self._dispatch[call.key] = concrete
        return concrete

    def _generalised(self, call):
        """The leaf types of a new trace for ``call``: the ``input_signature``'s dims, or with
        ``reduce_retracing`` the common supertype with an earlier trace."""
        types = call.types
        if self._input_signature is not None:
            specs = _tree.flatten(self._input_signature)
            types = list(types)
            for i, spec in enumerate(specs[: len(types)]):
                if types[i][0] not in (TENSOR, VARIABLE):
                    continue  # a composite (RaggedTensor ...) is keyed as it is
                dims = spec.shape.rank is not None and tuple(spec.shape.as_list())
                kind, dtype, _, extra = types[i]
                types[i] = (kind, dtype, dims if dims is not False else None, extra)
            return tuple(types)
        if self._reduce_retracing:
            for concrete in reversed(self._concrete):
                if concrete._skeleton == call.skeleton:
                    general = relaxed(concrete._types, types)
                    if general is not None:
                        return general
        return types

    def _traced(self, concrete, trace):
        """Counts ``concrete``'s first trace (two when it created variables: TF traces such a
        first call twice)."""
        if concrete._counted:
            return
        concrete._counted = True
        self._tracing_count += 1
        if trace is not None and trace.created_variables:
            self._tracing_count += 1

    def _eager(self, call):
        """Runs the Python function on ``call``'s arguments (an untraceable signature)."""
        args, kwargs = call.rebuild(call.leaves)
        return _to_tensors(self._python_function(*args, **kwargs))

    def _warn_eager(self, reason):
        if self._warned:
            return
        self._warned = True
        warnings.warn(
            "tf.function %r runs eagerly for these arguments: its trace cannot be replayed "
            "without a wrong answer (%s)." % (self._name, reason),
            RuntimeWarning,
            stacklevel=_user_stacklevel(),
        )

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
        if self._jit is None:
            try:
                bound = self._bound_functions.get(instance)
            except TypeError:
                bound = None
            if bound is not None:
                return bound
        signature = self._signature
        if signature is not None:
            signature = signature.replace(parameters=list(signature.parameters.values())[1:])
        jit = (
            None if self._jit is None else functools.partial(self._jit, instance)
        )  # one compiled function for all instances
        method = self._python_function.__get__(instance, owner)
        if jit is None:
            try:
                method = _WeakMethod(self._python_function, instance, method)
            except TypeError:  # not weakly referenceable: bound as usual, not cached
                pass
        bound = Function(
            method,
            self._name,
            self._input_signature,
            self._autograph,
            self._jit_compile,
            self._reduce_retracing,
            signature,
            jit,
        )
        if jit is None:
            try:
                self._bound_functions[instance] = bound
            except TypeError:
                pass
        return bound

    def get_concrete_function(self, *args, **kwargs):
        """The ConcreteFunction for these arguments (tensors, or ``tf.TensorSpec``s), tracing
        it if needed.

        With specs, the body is traced symbolically (fake tensors, ``None`` dims symbolic)
        while Python side effects run, as TF's trace does; nothing is computed or written.
        """
        if not args and not kwargs and self._input_signature is not None:
            args = tuple(self._input_signature)
        specs = [leaf for leaf in _tree.flatten((args, kwargs)) if _is_spec(leaf)]
        if not specs:
            if self._input_signature is not None:
                args, kwargs = self._bind(args, kwargs)
            call = Call(self._call_signature, args, kwargs)
            concrete = self._dispatch.get(call.key) or self._concrete_for(call)
            if not concrete._counted:
                concrete._run(call, self._tracing_count == 0)
            return concrete
        example_args, example_kwargs = _map_leaves(_example, (args, kwargs))
        call = Call(self._call_signature, example_args, example_kwargs)
        general = _spec_types(call, _tree.flatten((args, kwargs)))
        for concrete in self._concrete:
            if concrete._skeleton == call.skeleton and concrete._types == general:
                return concrete
        concrete = ConcreteFunction(self, call, general)
        self._concrete.append(concrete)
        if not concrete._counted:
            concrete._dry_run(call, self._tracing_count == 0)
        return concrete

    @property
    def python_function(self):
        """The wrapped Python function (a bound method for a method's Function)."""
        function = self._python_function
        return function.method() if isinstance(function, _WeakMethod) else function

    @property
    def input_signature(self):
        """The ``input_signature`` given to ``tf.function`` (``None`` if none)."""
        return self._input_signature

    @property
    def function_spec(self):
        """The Python signature calls are bound to, with the ``input_signature``."""
        return _FunctionSpec(self._call_signature, self._input_signature)

    @property
    def name(self):
        """The function's name."""
        return self._name

    def experimental_get_tracing_count(self):
        """How many times the function was traced (TF's count: one per new input signature,
        two for a first call that creates variables)."""
        return self._tracing_count

    def pretty_printed_concrete_signatures(self, verbose=True):
        """The signatures of the traces so far, one block each, blank lines between."""
        return "\n\n".join(c.pretty_printed_signature(verbose) for c in self._concrete)


class _FunctionSpec:
    """``Function.function_spec``: the bound signature and the ``input_signature``."""

    def __init__(self, signature, input_signature):
        self.fullargspec = inspect.getfullargspec(_signature_function(signature))
        self.signature = signature
        self.input_signature = None if input_signature is None else tuple(input_signature)

    def __repr__(self):
        return "FunctionSpec(signature=%s, input_signature=%r)" % (
            self.signature,
            self.input_signature,
        )


def _signature_function(signature):
    def stand_in(*args, **kwargs):
        return None

    stand_in.__signature__ = signature
    return stand_in


def _is_spec(leaf):
    return (
        hasattr(leaf, "is_compatible_with")
        and hasattr(leaf, "shape")
        and not isinstance(leaf, TensorOperators)
    )


def _example(leaf):
    """A tensor of zeros standing for spec ``leaf`` (``None`` dims as 1)."""
    if not _is_spec(leaf):
        return leaf
    dims = [] if leaf.shape.rank is None else [2 if d is None else d for d in leaf.shape]
    if leaf.dtype.name == "string":
        return convert_to_tensor(np.full(dims, b"", dtype=object))
    return convert_to_tensor(np.zeros(dims, dtype=leaf.dtype.as_numpy_dtype), dtype=leaf.dtype)


def _spec_types(call, leaves):
    """``call``'s leaf types with the dims of the specs among ``leaves``."""
    types = list(call.types)
    for i, leaf in enumerate(leaves):
        if _is_spec(leaf) and i < len(types):
            rank = leaf.shape.rank
            kind, dtype, _, extra = types[i]
            types[i] = (kind, dtype, None if rank is None else tuple(leaf.shape.as_list()), extra)
    return tuple(types)


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

    Traced once per input signature and replayed (module docstring), with Python numbers
    in the output returned as Tensors. ``jit_compile=True`` compiles it with
    ``torch.compile``.
    The other ``experimental_*`` arguments are accepted and ignored.
    """

    def decorate(python_function):
        if not callable(python_function):
            raise TypeError("%r is not a callable object" % (python_function,))
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
