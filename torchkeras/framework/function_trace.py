"""One trace of a ``tf.function``: the Python body run once, its torch computation captured.

The body runs on the real inputs under ``torch.fx``'s ``make_fx`` (real tensors, so the trace
is also the call that triggered it: its outputs, prints and variable writes are that call's).
Every aten op the body's ops run is recorded into a ``GraphModule``: variables the body reads
are captured by reference (their ``nn.Parameter`` objects, so ``assign_add`` replays on the
real storage), variables passed as arguments are graph inputs, ``torch.autograd.grad`` (a
``GradientTape`` inside) is recorded as its explicit backward ops, torch generators are
captured by reference (random ops draw fresh values on each replay, as TF's do), and
``tf.print`` is one opaque op (``torchkeras::host_call``) that prints on each replay.

A trace is refused (:attr:`Trace.unreplayable` names why; the signature then runs eagerly)
when it read a tensor on the host (``bool(t)``, ``.numpy()``, ``.item()``, ``.tolist()``, an op
whose output depends on values, such as ``torch.equal``): the graph would have baked the value
in. Reads of values computed from trace-time literals only (``tf.range(3)``'s limit, a
constant index list) are kept, as TF folds such constants; those computations are folded
once into the graph. Host code whose values a replay would repeat (iterating a
``tf.data.Dataset``) calls :func:`refuse_replay`. Also refused: Python objects in the
outputs that are not tensors or plain values, string tensors, and custom gradients
(``tf.custom_gradient``) on a graph an outer tape differentiates (the graph is recorded below
autograd and would lose them).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import operator

import torch
from torch.fx.experimental.proxy_tensor import (
    disable_proxy_modes_tracing,
    get_innermost_proxy_mode,
    get_proxy_slot,
    make_fx,
)
from torch._guards import detect_fake_mode
from torch._subclasses.fake_tensor import FakeTensor, FakeTensorMode
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_map_only

from . import global_state

__all__ = [
    "Trace",
    "VariableCreationError",
    "host_call",
    "refuse_replay",
    "trace_other_branch",
    "HOST_CALLS",
]

_STATE = global_state.PER_THREAD

_HOST_READS = frozenset(
    (
        "numpy",
        "tolist",
        "item",
        "__bool__",
        "__int__",
        "__float__",
        "__index__",
        "__complex__",
        "__array__",
        "__format__",
        "__repr__",
        "__str__",
    )
)
"""Tensor methods that read values on the host (some bypass torch's dispatcher)."""


class _HostReadWatch(TorchFunctionMode):
    """Lets the body read tensors on the host (the trace is the real call) but notes each read,
    so the trace is not replayed with the value baked in."""

    def __init__(self, trace):
        super().__init__()
        self._trace = trace
        self._literals = {}

    def __torch_function__(self, func, types, args=(), kwargs=None):
        if getattr(func, "__name__", None) in _HOST_READS:
            if not (args and self._literal(args[0])):
                self._trace.refuse(
                    "it reads a tensor's value in Python (Tensor.%s)" % func.__name__
                )
            with disable_proxy_modes_tracing():
                return func(*args, **(kwargs or {}))
        return func(*args, **(kwargs or {}))

    def _literal(self, tensor):
        """Whether ``tensor`` was computed in the trace from Python and NumPy literals only
        (its value is the same on every replay, as TF folds such constants)."""
        mode = get_innermost_proxy_mode()
        if mode is None or not isinstance(tensor, torch.Tensor):
            return False
        slot = get_proxy_slot(tensor, mode.tracer, None)
        if slot is None:
            return False
        return _literal_node(slot.proxy.node, self._literals)


def _literal_node(node, memo):
    """Whether graph ``node`` depends on trace-time literals only (``_foldable`` all the way)."""
    known = memo.get(node)
    if known is not None:
        return known
    pending = [node]
    while pending:
        current = pending[-1]
        if current in memo:
            pending.pop()
            continue
        inputs = [i for i in current.all_input_nodes if i not in memo]
        if inputs and current.target is not torch.ops.aten.lift_fresh_copy.default:
            pending.extend(inputs)
            continue
        pending.pop()
        memo[current] = _foldable(current, {n for n, v in memo.items() if v})
    return memo[node]


HOST_CALLS = {}
"""key -> callback(list of torch.Tensor): the host work (``tf.print``) recorded in graphs."""

_KEYS = itertools.count()


def refuse_replay(reason):
    """In a trace, marks it as not replayable (``reason`` is shown in the warning): for host
    work whose values a replay would repeat, such as iterating a ``tf.data.Dataset``."""
    trace = _STATE.function_trace
    if trace is not None:
        trace.refuse(reason)


class _FakeWrites(TorchDispatchMode):
    """Under a fake-tensor mode: in-place ops write into the fake copies of real tensors.

    A fake mode runs ops whose inputs are all real (``p.add_(1)``) on the real tensors, as
    constants; here each real tensor an op would write is swapped for the fake mode's own
    (memoised) fake copy first, so a run on fake tensors never changes a variable."""

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func._schema.is_mutable:
            mode = detect_fake_mode()
            args, kwargs = tree_map_only(
                torch.Tensor,
                lambda t: t if isinstance(t, FakeTensor) else mode.from_tensor(t),
                (args, kwargs),
            )
        return func(*args, **kwargs)


@contextlib.contextmanager
def _on_fake_tensors():
    """Tensor ops run on fake tensors (real ones read as fakes, never written); torch's log of
    ops that fail on fakes is silenced, as such failures are expected here."""
    fake_log = logging.getLogger("torch._subclasses.fake_tensor")
    was_disabled, fake_log.disabled = fake_log.disabled, True
    try:
        with disable_proxy_modes_tracing(), FakeTensorMode(allow_non_fake_inputs=True):
            with _FakeWrites():
                yield
    finally:
        fake_log.disabled = was_disabled


class _UntraceableBranchError(Exception):
    """Stops a branch traced on fake tensors at what they cannot do (creating a variable)."""


def trace_other_branch(branch):
    """In a ``tf.function`` trace, runs ``branch`` — a branch of ``tf.cond`` /
    ``tf.switch_case`` this call does not take — as TF traces every branch: its Python runs
    (prints, list appends happen at trace time, as in TF), while its tensor ops run on fake
    tensors, so nothing is computed or written and ``tf.print`` prints nothing.

    Returns ``(True, outputs)``, or ``(False, None)`` when the branch cannot be traced on fake
    tensors (it reads a tensor's value in Python, creates a variable, or raises): TF would
    raise such a branch's own errors while tracing; these are not reported here. In a trace
    that already runs on fake tensors (``get_concrete_function``), the branch just runs."""
    trace = _STATE.function_trace
    if trace.dry:
        return True, branch()
    trace.other_branches += 1
    try:
        with _on_fake_tensors():
            return True, branch()
    except Exception:  # noqa: BLE001 - any failure on fake tensors leaves the branch unchecked
        return False, None
    finally:
        trace.other_branches -= 1


def traced_function_name():
    """The name of the ``tf.function`` being traced (TF builds a graph then: its errors are
    graph errors), or ``None`` when ops run eagerly."""
    trace = _STATE.function_trace
    return None if trace is None else trace.name


def graph_error(cls, text, node):
    """TF's error ``cls`` of a function graph's node ``node`` failing at run time with
    ``text`` (``{{function_node __inference_<name>}} text [[{{node ...}}]]``)."""
    name = "__inference_%s" % traced_function_name()
    return cls(
        None,
        None,
        "{{function_node %s}} %s\n\t [[{{node %s}}]] [Op:%s]" % (name, text, node, name),
    )


@torch.library.custom_op("torchkeras::host_call", mutates_args=())
def _host_call(tensors: list[torch.Tensor], key: int) -> None:
    trace = _STATE.function_trace
    if trace is not None and trace.pending:  # runs after the trace, as TF's first execution
        trace.deferred.append((key, [t.clone() for t in tensors]))
        return
    HOST_CALLS[key](tensors)


def host_call(callback, tensors):
    """Runs ``callback(tensors)`` now and, in a trace, on every replay (``tf.print``).

    ``tensors`` are torch tensors; outside a trace the callback just runs.
    """
    trace = _STATE.function_trace
    if trace is None:
        callback(list(tensors))
        return
    key = next(_KEYS)
    HOST_CALLS[key] = lambda values: _run_host_call_body(callback, values)
    trace.host_keys.append(key)
    trace.pending = True
    torch.ops.torchkeras.host_call(list(tensors), key)
    trace.pending = False


@_host_call.register_fake
def _host_call_fake(tensors, key):
    return None


def _run_host_call_body(callback, values):
    previous = _STATE.function_trace
    _STATE.function_trace = None
    try:
        with disable_proxy_modes_tracing():
            callback(values)
    finally:
        _STATE.function_trace = previous


def _is_impure(node):
    target = node.target
    if target is torch.ops.torchkeras.host_call.default:
        return True
    return node.is_impure()


def _data_dependent(graph):
    """The first op in ``graph`` whose output depends on tensor values (``.item()`` and the like,
    run inside torch's own ops), or ``None``."""
    tag = torch.Tag.data_dependent_output
    for node in graph.nodes:
        target = node.target
        if isinstance(target, torch._ops.OpOverload) and tag in target.tags:
            return str(target)
    return None


def _foldable(node, literal):
    """Whether ``node`` computes a value from trace-time literals only (deterministically)."""
    target = node.target
    if node.op == "call_function" and target is operator.getitem:  # an item of a tuple output
        return node.args[0] in literal
    if node.op != "call_function" or not isinstance(target, torch._ops.OpOverload):
        return False
    if target._schema.is_mutable or torch.Tag.nondeterministic_seeded in target.tags:
        return False
    if target is torch.ops.torchkeras.host_call.default:
        return False
    inputs = node.all_input_nodes
    if target is torch.ops.aten.lift_fresh_copy.default:
        return len(inputs) == 1 and inputs[0].op == "get_attr"
    return bool(inputs) and all(i in literal for i in inputs)


def _mutated(node):
    """Whether a user of ``node`` writes into it in place."""
    return any(
        isinstance(user.target, torch._ops.OpOverload)
        and user.target._schema.is_mutable
        and user.args
        and user.args[0] is node
        for user in node.users
    )


def _fold_literals(graph_module):
    """Computes once what depends only on literals captured at trace time (NumPy arrays and
    Python numbers the body converted: ``lift_fresh_copy`` of a constant) and on static shapes
    (``ones_like``: a graph is exact for its input shapes), as TF folds constants; each folded
    value is a private copy, as TF's constants are."""
    graph = graph_module.graph
    literal = {}
    filled = {torch.ops.aten.ones_like.default: 1, torch.ops.aten.zeros_like.default: 0}
    for node in graph.nodes:
        fill = filled.get(node.target)
        example = node.meta.get("val")
        if fill is not None and isinstance(example, torch.Tensor):  # depends on the shape only
            literal[node] = torch.full(
                tuple(example.shape), fill, dtype=example.dtype, device=example.device
            )
            continue
        if not _foldable(node, literal):
            continue
        args, kwargs = torch.fx.node.map_arg(
            (node.args, node.kwargs),
            lambda n: literal[n] if n in literal else getattr(graph_module, n.target),
        )
        with torch.no_grad():
            literal[node] = node.target(*args, **kwargs)
    for number, (node, value) in enumerate(literal.items()):
        if all(user in literal for user in node.users) or _mutated(node):
            continue
        if not isinstance(value, torch.Tensor):
            continue
        name = "_folded_literal%d" % number
        graph_module.register_buffer(name, value.clone())
        with graph.inserting_before(node):
            constant = graph.get_attr(name)
        node.replace_all_uses_with(constant)


def _custom_backward(storages):
    """Whether the autograd graph behind ``storages`` has a Python ``autograd.Function``."""
    seen = set()
    stack = [s.grad_fn for s in storages if s.grad_fn is not None]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        if isinstance(node, torch.autograd.function.BackwardCFunction):
            return True
        stack.extend(next_node for next_node, _ in node.next_functions)
    return False


class VariableCreationError(ValueError):
    """TF's ``ValueError`` for a variable created by a trace after the first."""


def _collecting(body):
    """``(traced, outputs)``: ``body`` wrapped so that the outputs of the traced call are
    collected in the list ``outputs``."""
    outputs = []

    def traced(*inputs):
        result = body(*inputs)
        outputs.extend(result)
        return result

    return traced, outputs


@contextlib.contextmanager
def _active(trace):
    """``trace`` is the thread's current function trace, with torch's compiling flag set (so
    torch functions take their traceable paths); both restored afterwards."""
    previous = _STATE.function_trace
    _STATE.function_trace = trace
    compiling = torch.compiler._is_compiling_flag
    torch.compiler._is_compiling_flag = True
    try:
        yield
    finally:
        torch.compiler._is_compiling_flag = compiling
        _STATE.function_trace = previous


class Trace:
    """One run of ``body(*storages) -> list of torch tensors`` recorded as a GraphModule.

    ``may_create_variables``: whether the body may create ``tf.Variable``s (TF allows it on a
    function's first trace only). After :meth:`run`, ``graph_module`` is the replayable graph
    (``None`` when ``unreplayable`` names why), ``outputs`` the real outputs of this call and
    ``created_variables`` the variables the body created.
    """

    def __init__(self, may_create_variables, name="f"):
        self.may_create_variables = may_create_variables
        self.name = name
        self.created_variables = []
        self.host_keys = []
        self.pending = False
        self.deferred = []
        self.unreplayable = None
        self.graph_module = None
        self.outputs = None
        self.dry = False
        self.other_branches = 0
        self._scopes = {}

    def refuse(self, reason):
        """Marks the trace as not replayable (the first reason is kept)."""
        if self.unreplayable is None:
            self.unreplayable = reason

    def unique_scope(self, base):
        """TF's graph name scope ``base``, made unique in this trace (``cond``, ``cond_1``...)."""
        count = self._scopes.get(base, 0)
        self._scopes[base] = count + 1
        return base if count == 0 else "%s_%d" % (base, count)

    def variable_created(self, variable):
        """Called by ``tf.Variable`` while this trace runs: TF's error after the first trace."""
        if self.other_branches:
            raise _UntraceableBranchError("a branch not taken creates a variable")
        if not self.may_create_variables:
            raise VariableCreationError(
                "tf.function only supports singleton tf.Variables created on the first call. Make "
                "sure the tf.Variable is only created once or created outside tf.function. See "
                "https://www.tensorflow.org/guide/function#creating_tfvariables for more "
                "information."
            )
        self.created_variables.append(variable)

    def run(self, body, storages, differentiated):
        """Runs ``body`` on ``storages`` (the call's tensor inputs) and records it.

        ``differentiated``: an outer tape records this call (its outputs must keep autograd).
        """
        traced, outputs = _collecting(body)
        with _active(self), _HostReadWatch(self):
            graph_module = make_fx(traced, _error_on_data_dependent_ops=False)(*storages)
        self.outputs = outputs
        for key, tensors in self.deferred:
            HOST_CALLS[key](tensors)
        self.deferred = []
        reason = _data_dependent(graph_module.graph)
        if reason is not None:
            self.refuse("an op reads tensor values on the host (%s)" % reason)
        if differentiated and _custom_backward(outputs):
            self.refuse("a custom gradient is differentiated by an outer tape")
        if self.unreplayable is None:
            _fold_literals(graph_module)
            graph_module.graph.eliminate_dead_code(is_impure_node=_is_impure)
            graph_module.recompile()
            self.graph_module = graph_module
        else:
            self.release()

    def dry_run(self, body, storages):
        """Runs ``body`` on fake tensors of ``storages``' shapes and dtypes (symbolic sizes):
        Python runs, nothing is computed or written; ``outputs`` are fake tensors."""
        traced, outputs = _collecting(body)
        self.may_create_variables = False
        self.dry = True

        def without_writes(*inputs):
            with _FakeWrites():
                return traced(*inputs)

        with _active(self):
            make_fx(without_writes, tracing_mode="symbolic", _allow_non_fake_inputs=True)(*storages)
        self.outputs = outputs
        self.release()

    def release(self):
        """Forgets the host calls this trace recorded (its graph is gone)."""
        for key in self.host_keys:
            HOST_CALLS.pop(key, None)
        self.host_keys = []
