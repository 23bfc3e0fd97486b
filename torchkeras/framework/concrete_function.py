"""``ConcreteFunction``: one traced signature of a ``tf.function``, and its replay.

A ConcreteFunction stands for one TF trace: the leaf types of its calls (``reduce_retracing``
and ``input_signature`` may leave dims ``None``). Behind it are torch graphs, one per exact
input shape and per "an outer tape records" flag (a graph recorded below autograd is exact
for the shapes it saw; outside a tape it replays under ``torch.no_grad``). The first call of
each traced exactly is the trace itself (``function_trace.py``); later calls replay the graph
without running Python. Where TF's one trace covers several shapes (``None`` dims), or a call
under a tape follows one without, the Python body runs again for the new graph: its Python
side effects happen again then, unlike TF's (the tracing count stays TF's).

A signature whose trace cannot be replayed (``Trace.unreplayable``) runs eagerly, with one
warning per ``tf.function``.
"""

from __future__ import annotations

import inspect
import numbers

import numpy as np
import torch

from . import recording as _recording
from . import tree as _tree
from .errors import InvalidArgumentError
from .op_errors import type_name
from .function_call import TENSOR, VARIABLE, Call, covers, output_leaf
from .function_trace import Trace, VariableCreationError
from .dtypes import as_dtype
from .saved_values import before_writes
from .shape import TensorShape
from .tensor import Tensor, wrap

__all__ = ["ConcreteFunction"]

_RECORDING = _recording.RECORDING
_AUTO_WATCHING = _recording.AUTO_WATCHING
_EXITED = _recording.EXITED
_CONSTANT = object()
_EAGER = object()


class _SymbolicInput(Tensor):
    """A tensor argument while the body is traced: prints as TF's graph tensor
    (``Tensor("a:0", shape=(), dtype=int32)``)."""

    __slots__ = ("_symbolic_text",)

    def __repr__(self):
        return self._symbolic_text

    __str__ = __repr__


def _shape_text(dims):
    return "" if dims is None else "shape=%s, " % (TensorShape(list(dims)),)


def _symbolic_input(storage, name, leaf_type):
    tensor = object.__new__(_SymbolicInput)
    tensor._value = storage
    tensor._symbolic_text = 'Tensor("%s:0", %sdtype=%s)' % (
        name,
        _shape_text(leaf_type[2]),
        leaf_type[1].name,
    )
    return tensor


def _leaf_names(bound):
    """TF's graph names of the flattened arguments: the parameter's name, then ``name_1``..."""
    names = []
    for name, value in bound.arguments.items():
        count = _tree.leaf_count(value)
        names.extend([name] + ["%s_%d" % (name, i) for i in range(1, count)])
    return names


def _is_plain(leaf):
    """Outputs a graph may keep as constants (TF returns them as constant tensors)."""
    return leaf is None or isinstance(
        leaf, (numbers.Number, str, bytes, np.ndarray, np.generic, TensorShape)
    )


def _root_of(node):
    """The graph input or captured tensor that ``node`` (a chain of views) writes into."""
    while node.op == "call_function" and node.args:
        node = node.args[0]
        if not hasattr(node, "op"):
            return None
    return node


def _written(graph_module):
    """``(captured tensors, input positions)`` that ops of ``graph_module`` write in place."""
    placeholders = [n for n in graph_module.graph.nodes if n.op == "placeholder"]
    captured, positions = [], []
    for node in graph_module.graph.nodes:
        target = node.target
        if node.op != "call_function" or not isinstance(target, torch._ops.OpOverload):
            continue
        if not target._schema.is_mutable or not node.args:
            continue
        root = _root_of(node.args[0]) if hasattr(node.args[0], "op") else None
        if root is None:
            continue
        if root.op == "get_attr":
            captured.append(getattr(graph_module, root.target))
        elif root.op == "placeholder":
            positions.append(placeholders.index(root))
    return captured, positions


class _Graph:
    """One replayable trace: the GraphModule, how its outputs rebuild the result, what it reads
    and writes."""

    __slots__ = (
        "module",
        "forward",
        "template",
        "structure",
        "read_variables",
        "captured",
        "positions",
    )

    def __init__(self, module, template, structure, read_variables):
        self.module = module
        self.forward = module.forward  # skips nn.Module's call machinery (no hooks here)
        self.template = template
        self.structure = structure
        self.read_variables = read_variables
        self.captured, self.positions = _written(module)


def _assemble(structure, template, storages):
    if len(template) == 1 and type(template[0]) is int and structure is not None:
        if not _tree.is_nested(structure):
            return wrap(storages[template[0]])
    leaves = [
        wrap(storages[item]) if type(item) is int else output_leaf(item[1]) for item in template
    ]
    return _tree.pack_sequence_as(structure, leaves) if template else structure


class ConcreteFunction:
    """TF's ``ConcreteFunction``: one trace of a ``tf.function``, callable with arguments of its
    signature."""

    def __init__(self, owner, call, types):
        self._owner = owner
        self._skeleton = call.skeleton
        self._types = types
        self._bound = call.bound
        self._graphs = {}
        self._structure = None
        self._template = None
        self._output_specs = None
        self._counted = False

    # ------------------------------------------------------------------ calling
    def __call__(self, *args, **kwargs):
        call = Call(self._owner._call_signature, args, kwargs)
        self._check(call)
        return self._run(call, may_create_variables=False)

    def _check(self, call):
        if call.skeleton == self._skeleton and covers(self._types, call.types):
            return
        for position, (want, got) in enumerate(zip(self._types, call.types)):
            if want[0] == TENSOR and got[0] == TENSOR and want[1] != got[1]:
                raise InvalidArgumentError(
                    None,
                    None,
                    "cannot compute __inference_%s as input #%d(zero-based) was expected to be a "
                    "%s tensor but is a %s tensor [Op:__inference_%s]"
                    % (
                        self._owner._name,
                        position,
                        type_name(want[1]),
                        type_name(got[1]),
                        self._owner._name,
                    ),
                )
        raise TypeError(
            "Binding inputs to tf.function failed: the arguments do not match the concrete "
            "function's signature %s." % (self._input_text(),)
        )

    def _run(self, call, may_create_variables):
        """Replays the graph for ``call``'s exact types, tracing it first if needed."""
        recording = bool(_RECORDING)
        graph = self._graphs.get((call.types, recording))
        if graph is None:
            return self._trace(call, recording, may_create_variables)
        if graph is _EAGER:
            return self._owner._eager(call)
        storages = call.storages()
        if recording or _EXITED:
            before_writes(graph.captured + [storages[i] for i in graph.positions])
        if recording:
            read = graph.read_variables + [
                call.leaves[i] for i in call.slots if call.types[i][0] == VARIABLE
            ]
            for tape in _AUTO_WATCHING:
                for variable in read:
                    if variable.trainable:
                        tape._variables[id(variable)] = variable
            outputs = graph.forward(*storages)
        else:
            with torch.no_grad():
                outputs = graph.forward(*storages)
        return _assemble(graph.structure, graph.template, outputs)

    def _trace(self, call, recording, may_create_variables):
        owner = self._owner
        key = (call.types, recording)
        if call.host_strings():
            return self._eager_from_now(key, call, "a string tensor argument")
        trace = Trace(may_create_variables, self._owner._name)
        template, structure = [], []
        body = self._body(call, trace, template, structure)

        watching = list(_AUTO_WATCHING)
        before = [set(tape._variables) for tape in watching]
        trace.run(body, call.storages(), recording)
        if trace.created_variables:
            self._retrace_without_variables(call)
        read = {}
        for tape, seen in zip(watching, before):
            read.update((k, v) for k, v in tape._variables.items() if k not in seen)
        owner._traced(self, trace)
        result = _assemble(structure[0], template, trace.outputs)
        if self._structure is None:
            self._keep_outputs(structure[0], template, trace.outputs)
        if trace.graph_module is None:
            owner._warn_eager(trace.unreplayable)
            self._graphs[key] = _EAGER
        else:
            self._graphs[key] = _Graph(
                trace.graph_module, template, structure[0], list(read.values())
            )
        return result

    def _retrace_without_variables(self, call):
        """TF traces a first call that created variables once more, where creating a variable
        again raises TF's ``ValueError`` (a variable made on every call). The second trace
        runs on fake tensors: its Python runs again (as TF's), nothing is computed or written;
        a failure other than a new variable leaves the first trace as it is."""
        check = Trace(False, self._owner._name)
        try:
            check.dry_run(self._body(call, check, [], []), call.storages())
        except VariableCreationError:
            raise
        except Exception:  # noqa: BLE001, S110 - fake tensors cannot run every body
            pass

    def _keep_outputs(self, structure, template, storages):
        self._structure, self._template = structure, template
        self._output_specs = [
            (as_dtype(s.dtype), tuple(d if isinstance(d, int) else None for d in s.shape))
            for s in storages
        ]

    def _body(self, call, trace, template, structure):
        """The function ``Trace.run`` records: the Python body on graph inputs."""
        owner, names, types = self._owner, _leaf_names(call.bound), self._types
        leaves = list(call.leaves)

        def body(*inputs):
            values = list(leaves)
            for slot, storage in zip(call.slots, inputs):
                if types[slot][0] == TENSOR:
                    values[slot] = _symbolic_input(storage, names[slot], types[slot])
            args, kwargs = call.rebuild(values)
            result = owner._python_function(*args, **kwargs)
            structure.append(result)
            return _flat_outputs(result, template, trace)

        return body

    def _dry_run(self, call, may_create_variables):
        """Traces for ``get_concrete_function(spec)``: on fake tensors, so nothing is computed
        or written; Python side effects happen, as in TF's trace."""
        trace = Trace(may_create_variables, self._owner._name)
        template, structure = [], []
        trace.dry_run(self._body(call, trace, template, structure), call.storages())
        self._owner._traced(self, trace)
        if structure:
            self._keep_outputs(structure[0], template, trace.outputs)

    def _eager_from_now(self, key, call, reason):
        """Runs ``call`` eagerly, as this signature's trace (tensors print as graph tensors),
        and every later call of the signature eagerly too."""
        self._graphs[key] = _EAGER
        self._owner._warn_eager(reason)
        self._owner._traced(self, None)
        names, types = _leaf_names(call.bound), self._types
        values = list(call.leaves)
        for slot in call.slots:
            if types[slot][0] == TENSOR:
                values[slot] = _symbolic_input(values[slot]._value, names[slot], types[slot])
        args, kwargs = call.rebuild(values)
        result = self._owner._python_function(*args, **kwargs)
        return _tree.map_structure(output_leaf, result)

    # ------------------------------------------------------------------ TF's attributes
    @property
    def name(self):
        """TF's ``__inference_<name>_<n>`` style name (here ``<name>``)."""
        return self._owner._name

    @property
    def function_type(self):
        """The signature (an ``inspect.Signature``), as TF's ``FunctionType`` describes it."""
        return self._owner._call_signature

    @property
    def graph(self):
        """The traced computation (the first graph traced for this signature; ``None`` before
        a call or when it runs eagerly): ``get_operations()`` lists its ops, with torch's aten
        op names as types (TF lists its own op types)."""
        for graph in self._graphs.values():
            if graph is not _EAGER:
                return _GraphView(graph.module)
        return None

    @property
    def structured_input_signature(self):
        """``(args, kwargs)`` of the trace: TensorSpecs for tensors (named after the
        parameters), VariableSpec-like text for variables, Python values as given."""
        from ..ops.tensor_spec import TensorSpec

        names = _leaf_names(self._bound)
        leaves = []
        for leaf, leaf_type, name in zip(
            _tree.flatten(tuple(self._bound.arguments.values())), self._types, names
        ):
            if leaf_type[0] in (TENSOR, VARIABLE):
                dims = None if leaf_type[2] is None else list(leaf_type[2])
                leaves.append(TensorSpec(dims, leaf_type[1], name))
            else:
                leaves.append(leaf)
        values = _tree.pack_sequence_as(tuple(self._bound.arguments.values()), leaves)
        rebuilt = dict(zip(self._bound.arguments, values))
        bound = inspect.BoundArguments(self._bound.signature, rebuilt)
        return tuple(bound.args), dict(bound.kwargs)

    @property
    def structured_outputs(self):
        """The outputs' structure, with a TensorSpec for each tensor (TF gives graph tensors)."""
        from ..ops.tensor_spec import TensorSpec

        if self._structure is None:
            return None
        leaves = []
        for item in self._template:
            if type(item) is int:
                dtype, dims = self._output_specs[item]
                leaves.append(TensorSpec(list(dims), dtype))
            else:
                leaves.append(item[1])
        return _tree.pack_sequence_as(self._structure, leaves) if leaves else self._structure

    @property
    def output_dtypes(self):
        """The dtypes of the outputs' tensors."""
        return _tree.map_structure(lambda spec: spec.dtype, self.structured_outputs)

    @property
    def output_shapes(self):
        """The shapes of the outputs' tensors."""
        return _tree.map_structure(lambda spec: spec.shape, self.structured_outputs)

    def _input_text(self):
        lines = []
        params = self._bound.signature.parameters
        args, kwargs = self.structured_input_signature
        values = dict(zip(self._bound.arguments, args))
        values.update(kwargs)
        for name, value in self._bound.arguments.items():
            spec = _tree.map_structure(_unnamed, values.get(name, value))
            lines.append("  %s (%s): %r" % (name, params[name].kind.name, spec))
        return "\n".join(lines)

    def pretty_printed_signature(self, verbose=True):
        """TF's text: input parameters with their specs, the output type, the captures."""
        outputs = self.structured_outputs
        output_text = repr(_tree.map_structure(_unnamed, outputs))
        text = "Input Parameters:\n%s\nOutput Type:\n  %s\nCaptures:\n  None" % (
            self._input_text(),
            output_text,
        )
        return text

    def __repr__(self):
        return "ConcreteFunction %s" % self.pretty_printed_signature()

    __str__ = __repr__


class _Operation:
    """One op of a :class:`_GraphView`: its ``name`` and ``type`` (the aten op)."""

    __slots__ = ("name", "type")

    def __init__(self, name, op_type):
        self.name = name
        self.type = op_type

    def __repr__(self):
        return "<Operation %r type=%s>" % (self.name, self.type)


class _GraphView:
    """``ConcreteFunction.graph``: the ops of the recorded torch graph, in execution order."""

    def __init__(self, module):
        self._module = module

    def get_operations(self):
        """The graph's ops (inputs, captured values and the output included, as TF lists
        ``Placeholder``, ``ReadVariableOp`` and ``Identity``)."""
        kinds = {"placeholder": "Placeholder", "get_attr": "Const", "output": "Identity"}
        return [
            _Operation(
                node.name,
                kinds.get(node.op) or getattr(node.target, "__name__", str(node.target)),
            )
            for node in self._module.graph.nodes
        ]

    def __repr__(self):
        return "<graph of %d ops>" % len(self._module.graph.nodes)


def _unnamed(spec):
    from ..ops.tensor_spec import TensorSpec

    return TensorSpec(spec.shape, spec.dtype) if isinstance(spec, TensorSpec) else spec


def _flat_outputs(result, template, trace):
    """The torch tensors the graph returns for ``result``; ``template`` gets, per output leaf,
    its position among them or ``(_CONSTANT, value)``."""
    storages = []
    for leaf in _tree.flatten(result):
        if isinstance(leaf, Tensor) and isinstance(leaf._value, torch.Tensor):
            template.append(len(storages))
            storages.append(leaf._value)
        elif hasattr(leaf, "_resource") and isinstance(leaf._value, torch.Tensor):
            template.append(len(storages))
            storages.append(leaf._value.clone())
        else:
            if not _is_plain(leaf):
                trace.refuse("it returns a %s" % type(leaf).__name__)
            template.append((_CONSTANT, leaf))
    return storages
