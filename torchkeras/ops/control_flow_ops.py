"""``tf.cond``, ``tf.case``, ``tf.switch_case``, ``tf.while_loop`` and the graph-only helpers
(``tf.control_dependencies``, ``tf.group``, ``tf.tuple``, ``tf.no_op``, ``tf.init_scope``,
``tf.executing_eagerly``), as TF runs them eagerly.

Eager TF evaluates the predicate and runs the chosen branch as plain Python, so these do the
same: gradients flow through whatever the branches and bodies compute (torch autograd inside
a ``GradientTape``).  Eager TF checks no branch structures and no loop-variable shapes (those
checks, and ``shape_invariants``, belong to graph building); ``while_loop`` checks only the
nesting of the loop variables after each iteration, with ``tf.nest``'s error.  Each function
follows TF's eager code path, so argument errors and edge cases raise TF's exceptions.
"""

from __future__ import annotations

import contextlib
import functools

import numpy as np

from ..api_export import tf_export
from ..framework import dtypes
from ..framework import tree as _tree
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework import global_state
from ..framework.function_trace import graph_error, trace_other_branch, traced_function_name
from ..framework.op_errors import dims_text, op_error, type_name
from ..framework.shape import TensorShape
from ..framework.tensor import Tensor
from ..framework.variable import Variable
from . import nest as _nest
from .branch_outputs import check_branch_outputs
from .debugging import Assert
from .shape_ops import stack
from .tensor_spec import TensorSpec

__all__ = [
    "cond",
    "case",
    "switch_case",
    "while_loop",
    "control_dependencies",
    "group",
    "tuple",
    "no_op",
    "init_scope",
    "executing_eagerly",
]

_builtin_tuple = tuple


def _predicate_value(pred):
    """TF's ``constant_value(convert_to_tensor(pred))``: the predicate as NumPy; in a traced
    ``tf.function``, the checks of TF's graph ``Switch`` (a bool of one element), and ``None``
    for a predicate of fake values (``get_concrete_function``)."""
    tensor = convert_to_tensor(pred)
    function = traced_function_name()
    if function is not None:
        if tensor.dtype is not dtypes.bool:
            raise InvalidArgumentError(
                None,
                None,
                "Input 'pred' passed %s expected bool while building NodeDef "
                "'cond/switch_pred/_2' using Op<name=Switch; signature=data:T, pred:bool -> "
                "output_false:T, output_true:T; attr=T:type> [Op:__inference_%s]"
                % (type_name(tensor.dtype), function),
            )
        if tensor.shape.num_elements() != 1:
            dims = tensor.shape.as_list()
            while dims and dims[0] == 1:  # TF's kernel prints the shape without leading 1s
                dims = dims[1:]
            raise graph_error(
                InvalidArgumentError,
                "The second input must be a scalar, but it has shape %s" % dims_text(dims),
                "cond/switch_pred/_2",
            )
        if global_state.PER_THREAD.function_trace.dry:
            return None
        return bool(tensor.numpy().reshape(()))
    return tensor.numpy()


def _traced_branches(op, scope, branches, taken):
    """Inside a ``tf.function`` trace: every branch traced in order, as TF does — the taken one
    run, the others on fake tensors (``trace_other_branch``) — and their outputs checked
    against each other; the taken branch's outputs (branch 0's when the index is unknown)."""
    trace = global_state.PER_THREAD.function_trace
    scope = trace.unique_scope(scope)
    results = [
        (True, branch()) if index == taken else trace_other_branch(branch)
        for index, branch in enumerate(branches)
    ]
    check_branch_outputs(op, scope, results)
    return _tree.map_structure(_graph_output, results[taken or 0][1])


def _graph_output(value):
    """A branch output as a traced ``tf.cond`` returns it: a tensor (Python values and
    variables converted, as TF's branch graphs output tensors); ``None`` and composites kept."""
    if value is None or isinstance(value, Tensor) or hasattr(value, "_type_spec"):
        return value
    try:
        return convert_to_tensor(value)
    except (TypeError, ValueError):
        return value


@tf_export("cond")
def cond(pred, true_fn=None, false_fn=None, name=None):
    """``tf.cond``: ``true_fn()`` if ``pred`` is true, else ``false_fn()``.

    ``pred`` is anything convertible to a tensor; its truth is NumPy's (a tensor of more than
    one element raises NumPy's ``ValueError``, as in TF).  Eagerly, as in TF, the branches'
    result structures are not compared and the result is returned as the branch built it."""
    if true_fn is None:
        raise TypeError("cond(): 'true_fn' argument required")
    if false_fn is None:
        raise TypeError("cond(): 'false_fn' argument required")
    if not callable(true_fn):
        raise TypeError("'true_fn' must be callable.")
    if not callable(false_fn):
        raise TypeError("'false_fn' must be callable.")
    if isinstance(pred, bool) and traced_function_name() is not None:
        raise TypeError("pred must not be a Python bool", pred)
    value = _predicate_value(pred)
    if traced_function_name() is not None:
        taken = None if value is None else int(not value)
        return _traced_branches("cond", name or "cond", (true_fn, false_fn), taken)
    if value:
        return true_fn()
    return false_fn()


def _unpack_if_singleton(result):
    if isinstance(result, (list, _builtin_tuple)) and len(result) == 1:
        return result[0]
    return result


def _cond_chain(pred, true_fn, false_fn, strict):
    result = cond(pred, true_fn, false_fn)
    return result if strict else _unpack_if_singleton(result)


_EAGER_NAME = "Tensor.name is undefined when eager execution is enabled."


def _case_pairs(pred_fn_pairs, exclusive):
    """TF's ``_case_verify_and_canonicalize_args``: the predicates and the actions."""
    if not isinstance(pred_fn_pairs, (list, _builtin_tuple, dict)):
        raise TypeError(
            "'pred_fn_pairs' must be a list, tuple, or dict. Received: %s" % type(pred_fn_pairs)
        )
    if isinstance(pred_fn_pairs, dict):
        if not exclusive:
            raise ValueError(
                "Unordered dictionaries are not supported for the 'pred_fn_pairs' argument "
                "when `exclusive=False` and eager mode is enabled."
            )
        pred_fn_pairs = list(pred_fn_pairs.items())
    for pair in pred_fn_pairs:
        if not isinstance(pair, _builtin_tuple) or len(pair) != 2:
            raise TypeError(f"Each entry in 'pred_fn_pairs' must be a 2-tuple. Received {pair}.")
        pred, fn = pair
        if not isinstance(pred, Tensor):
            raise TypeError("pred must be a Tensor, got: %s" % (pred,))
        if pred.dtype != dtypes.bool or not callable(fn):
            # TF words these errors with ``pred.name``, which eager tensors refuse.
            raise AttributeError(_EAGER_NAME)
    predicates, actions = zip(*pred_fn_pairs)
    return predicates, actions


def _assert_at_most_n_true(predicates, n, msg):
    stacked = stack(list(predicates))
    count = int(stacked._value.sum())
    names = ", ".join("?" for _ in predicates)
    Assert(
        convert_to_tensor(count <= n),
        ["%s: more than %d conditions (%s) evaluated as True:" % (msg, n, names), stacked],
        summarize=len(predicates),
    )


@tf_export("case")
def case(pred_fn_pairs, default=None, exclusive=False, strict=False, name="case"):
    """``tf.case``: runs the action of the first true predicate (an if/elif chain), or
    ``default``.

    Predicates must be boolean Tensors.  Without ``default``, the last pair's action is the
    default and TF's ``InvalidArgumentError`` is raised when no predicate holds; with
    ``exclusive=True`` more than one true predicate raises it too.  A dict of pairs needs
    ``exclusive=True`` (eager TF's rule).  Without ``strict``, a one-element list or tuple
    result is unpacked."""
    predicates, actions = _case_pairs(pred_fn_pairs, exclusive)
    if default is None:
        last_pred, last_action = predicates[-1], actions[-1]
        all_predicates = predicates

        def default(last_pred=last_pred, last_action=last_action):
            Assert(
                last_pred,
                ["Input error: None of conditions evaluated as True:", stack(list(all_predicates))],
            )
            return last_action()

        predicates, actions = predicates[:-1], actions[:-1]
    fn = default
    for predicate, action in reversed(list(zip(predicates, actions))):
        fn = functools.partial(_cond_chain, predicate, action, fn, strict)
    if exclusive:
        _assert_at_most_n_true(predicates, 1, "Input error: exclusive=True")
    return fn()


def _branch_actions(branch_fns, default):
    """TF's ``_indexed_case_verify_and_canonicalize_args`` (after the index checks)."""
    if not branch_fns:
        raise ValueError("Must provide at least one item in 'branch_fns'")
    if not isinstance(branch_fns, (list, _builtin_tuple, dict)):
        raise TypeError("'branch_fns' must be a list, tuple, or dict")
    if isinstance(branch_fns, dict):
        branch_fns = branch_fns.items()
    if all(callable(fn) for fn in branch_fns):
        branch_fns = list(enumerate(branch_fns))
    for pair in branch_fns:
        if not isinstance(pair, _builtin_tuple) or len(pair) != 2:
            raise TypeError("Each entry in 'branch_fns' must be a 2-tuple. Received %s." % (pair,))
        key, branch_fn = pair
        if not isinstance(key, int):
            raise TypeError("key must be a Python `int`, got %s" % type(key))
        if not callable(branch_fn):
            raise TypeError("fn for key %s must be callable." % key)
    keys = [p[0] for p in branch_fns]
    if min(keys) < 0 or max(keys) >= len(keys) or len(set(keys)) != len(keys):
        raise ValueError(
            "branch indices (keys) must form contiguous range of [0 to %d) but found {%s}"
            % (len(keys), ",".join(map(str, sorted(keys))))
        )
    actions = [p[1] for p in sorted(branch_fns, key=lambda p: p[0])]
    if default is not None:
        actions.append(default)
    return actions


@tf_export("switch_case")
def switch_case(branch_index, branch_fns, default=None, name="switch_case"):
    """``tf.switch_case``: runs ``branch_fns[branch_index]`` (a list of callables, of
    ``(int, callable)`` pairs, or a dict ``int -> callable``; keys ``0..n-1``).  An index out of
    range runs ``default``, or the last branch without one.  ``branch_index`` must be an integer
    scalar Tensor."""
    if not isinstance(branch_index, Tensor):
        raise TypeError("'branch_index' must be a Tensor, got %s" % type(branch_index))
    if not branch_index.dtype.is_integer:
        raise TypeError("'branch_index' must be an integer Tensor, got %s" % branch_index.dtype)
    actions = _branch_actions(branch_fns, default)
    storage = branch_index._value
    if storage.ndim:
        raise op_error(
            "Select", "'then' must be at least a vector, but saw shape: []", storage, name=""
        )
    trace = global_state.PER_THREAD.function_trace
    if trace is not None and trace.dry:
        return _traced_branches("case", "%s/indexed_case" % name, actions, None)
    index = int(storage)
    if index < 0 or index >= len(actions):
        index = len(actions) - 1
    if trace is not None:
        return _traced_branches("case", "%s/indexed_case" % name, actions, index)
    return actions[index]()


def _variables_to_tensors(structure):
    return _tree.map_structure(
        lambda v: convert_to_tensor(v) if isinstance(v, Variable) else v, structure
    )


def _type_spec(value):
    """TF's ``type_spec_from_value``: the spec of a tensor-like value (or a TensorArray)."""
    spec = getattr(value, "_type_spec", None)
    if spec is not None:
        return spec()
    return TensorSpec.from_tensor(convert_to_tensor(value))


_PLAIN_LEAVES = (Tensor, int, float, complex, np.ndarray, np.generic)


def _plain_leaves(values):
    """Whether ``values`` is a list or tuple of tensors and numbers: loop variables whose
    structure (a flat sequence) is known without walking it, the common case of a loop."""
    return isinstance(values, (list, _builtin_tuple)) and all(
        isinstance(v, _PLAIN_LEAVES) for v in values
    )


def _loop_result(value):
    if hasattr(value, "_type_spec"):
        return value
    return convert_to_tensor(value)


@tf_export("while_loop")
def while_loop(
    cond,
    body,
    loop_vars,
    shape_invariants=None,
    parallel_iterations=10,
    back_prop=True,
    swap_memory=False,
    maximum_iterations=None,
    name=None,
):
    """``tf.while_loop``: repeats ``loop_vars = body(*loop_vars)`` while ``cond(*loop_vars)``
    holds (and fewer than ``maximum_iterations`` iterations ran), returning the final loop
    variables as Tensors (TensorArrays stay TensorArrays), in the structure ``loop_vars`` had.

    As in TF, ``body`` must return a list or tuple (the loop variables, one per argument);
    after each iteration their nesting is checked against the initial loop variables' with
    ``tf.nest``'s error.  Eager TF does not check shapes or dtypes, so
    ``shape_invariants``, ``parallel_iterations`` (checked positive), ``back_prop`` (gradients
    still flow, as in eager TF) and ``swap_memory`` have no effect."""
    if not callable(cond):
        raise TypeError("'cond' must be callable.")
    if not callable(body):
        raise TypeError("'body' must be callable.")
    if parallel_iterations < 1:
        raise TypeError("'parallel_iterations' must be a positive integer.")
    loop_vars = _variables_to_tensors(loop_vars)
    if not loop_vars:
        raise ValueError("'loop_vars' must be provided.")
    if maximum_iterations is not None:
        limit = convert_to_tensor(maximum_iterations)
        if limit.ndim != 0:
            raise ValueError(
                "'maximum_iterations' must be a scalar. Received shape: %s" % (limit.shape,)
            )
        limit = int(limit.numpy())
        inner_cond, inner_body = cond, body

        def cond(i, lv):
            holds = inner_cond(*lv)
            return i < limit and _predicate_value(holds)

        def body(i, lv):
            return (i + 1, inner_body(*lv))

        loop_vars = (0, loop_vars)
        if shape_invariants is not None:
            shape_invariants = (None, shape_invariants)
    structure = _tree.map_structure(_type_spec, list(loop_vars))
    traced = traced_function_name() is not None
    initial = list(loop_vars)
    flat = _plain_leaves(initial)
    while cond(*loop_vars):
        loop_vars = body(*loop_vars)
        if traced and len(initial) == 1 and not isinstance(loop_vars, (list, _builtin_tuple)):
            loop_vars = [loop_vars]  # TF's graph loop packs a single loop variable
        if not (flat and _plain_leaves(loop_vars) and len(loop_vars) == len(initial)):
            _nest.assert_same_structure(structure, list(loop_vars))
        if traced:
            _check_shape_invariants(initial, list(loop_vars), shape_invariants)
            traced = False  # TF checks the body's graph, built once
    loop_vars = _tree.map_structure(_loop_result, loop_vars)
    return loop_vars[1] if maximum_iterations is not None else loop_vars


def _graph_name(tensor):
    """The graph name TF gives a loop variable: a ``tf.function`` argument's own name; other
    tensors print as ``Const:0`` here (TF names them by the op that made them)."""
    text = getattr(tensor, "_symbolic_text", None)
    return text.split('"')[1] if text else "Const:0"


def _check_shape_invariants(initial, current, shape_invariants):
    """TF's graph check of the loop variables' shapes after one iteration: each must be
    compatible with its ``shape_invariants`` entry (by default its shape on entry)."""
    invariants = _tree.flatten(shape_invariants) if shape_invariants is not None else None
    for position, (before, after) in enumerate(zip(_tree.flatten(initial), _tree.flatten(current))):
        if not isinstance(before, Tensor) or not isinstance(after, Tensor):
            continue
        wanted = before.shape if invariants is None else TensorShape(invariants[position])
        if not wanted.is_compatible_with(after.shape):
            raise ValueError(
                "Input tensor `%s` enters the loop with shape %s, but has shape %s after one "
                "iteration. To allow the shape to vary across iterations, use the "
                "`shape_invariants` argument of tf.while_loop to specify a less-specific shape."
                % (_graph_name(before), before.shape, after.shape)
            )


@tf_export("control_dependencies")
def control_dependencies(control_inputs):
    """``tf.control_dependencies``: eagerly a context manager doing nothing (ops run in program
    order); callables among ``control_inputs`` are called, as eager TF does."""
    if control_inputs:
        for control in control_inputs:
            if callable(control):
                control()
    return contextlib.nullcontext()


@tf_export("group")
def group(*inputs, **kwargs):
    """``tf.group``: eagerly ``None`` (every op has already run)."""
    return None


@tf_export("tuple")
def tuple(tensors, control_inputs=None, name=None):  # noqa: A001 - TF's name
    """``tf.tuple``: eagerly ``tensors`` itself (every op has already run)."""
    return tensors


@tf_export("no_op")
def no_op(name=None):
    """``tf.no_op``: does nothing; eagerly returns ``None``."""
    return None


@tf_export("init_scope")
@contextlib.contextmanager
def init_scope():
    """``tf.init_scope``: a context that lifts ops out of function graphs; eagerly a no-op
    context (yields ``None``)."""
    yield None


@tf_export("executing_eagerly")
def executing_eagerly():
    """``tf.executing_eagerly``: ``True`` (torchkeras runs every op eagerly)."""
    return True
