"""``tf.GradientTape`` over ``torch.autograd``, and ``tf.stop_gradient``.

A tape records by being on the global recording stack (``recording.py``):
while it is there, trainable variables read return their ``nn.Parameter`` (so
torch records) and register with the tape; ``watch(t)`` puts a
``requires_grad`` leaf in place of a constant's storage for as long as the tape
records.  Each tape keeps its own watch set and answers ``None`` for sources it
did not watch, so watching stays tape-local although torch keeps one graph.

``gradient()`` is ``torch.autograd.grad``: the graph is kept (``create_graph``)
when a tape still records, so outer tapes differentiate the gradient; a
non-persistent tape frees its graph after its one call, unless a tape that
recorded at the same time may still need it.  Assigning a variable after a
recorded op read it leaves that op's gradient as TF computes it, with the value
read (``saved_values.py``).

Differences from TF (mostly because torch keeps one global graph):
- work done from recorded tensors *after* the tape has exited is still
  connected (TF would answer ``None``);
- ``stop_recording()`` pauses this tape only; when an outer tape still
  records, the paused tape may see those ops as connected;
- gradients through ``tf.gather`` are dense Tensors, never ``tf.IndexedSlices``;
- the recording state is process-wide, not per thread.
"""

from __future__ import annotations

import contextlib
import enum
import weakref

import numpy as np
import torch

from . import recording as _recording
from . import saved_values as _saved_values
from . import tree as _tree
from .convert import convert_to_tensor, to_torch_unaliased
from .logger import get_logger
from .op_errors import input_dtype_error, op_error
from .tensor import Tensor, TensorOperators, wrap
from .variable import Variable
from .custom_gradient import custom_gradient
from ..api_export import tf_export

__all__ = ["GradientTape", "stop_gradient", "UnconnectedGradients", "custom_gradient"]

_CONSUMED = (
    "A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)"
)
_INSIDE_WARNING = (
    "Calling GradientTape.gradient on a persistent tape inside its context is significantly less "
    "efficient than "
    "calling it outside the context (it causes the gradient ops to be recorded on the tape, "
    "leading to increased "
    "CPU and memory usage). Only call GradientTape.gradient inside the context if you actually "
    "want to trace the "
    "gradient in order to compute higher order derivatives."
)
_warnings_left = {"inside": 1, "dtype": 5}
_is_compiling = torch.compiler.is_compiling
_run_backward = torch.autograd.graph._engine_run_backward


def _warn_limited(kind, message):
    """TF's ``logging.log_first_n``: only the first few warnings of a kind are logged."""
    if _warnings_left[kind] > 0:
        _warnings_left[kind] -= 1
        get_logger().warning(message)


@tf_export("UnconnectedGradients")
class UnconnectedGradients(enum.Enum):
    """``tf.UnconnectedGradients``: what ``gradient()`` returns for a source the target does not
    depend on."""

    NONE = "none"
    ZERO = "zero"


@tf_export("stop_gradient")
def stop_gradient(input, name=None):  # noqa: A002 - TF's argument name
    """``tf.stop_gradient``: ``input``'s value, with no gradient flowing through it (a variable's
    is a snapshot: later assigns don't show through)."""
    storage = to_torch_unaliased(input)
    return wrap(storage.detach() if isinstance(storage, torch.Tensor) else storage)


def _flatten(structure, out):
    """TF's ``nest.flatten`` (the one tree walker), appended to ``out``."""
    out.extend(_tree.flatten(structure))
    return out


def _is_flat(sources):
    """Whether ``sources`` is a plain list or tuple of tensors and variables (its own flat
    form, so packing the gradients back is just building the list or tuple)."""
    return type(sources) in (list, tuple) and all(
        isinstance(source, TensorOperators) for source in sources
    )


def _pack(structure, leaves):
    """TF's ``nest.pack_sequence_as`` over an iterator of ``leaves``."""
    return _tree.pack_sequence_as(structure, list(leaves))


def _is_differentiable(storage):
    return isinstance(storage, torch.Tensor) and (
        storage.dtype.is_floating_point or storage.dtype.is_complex
    )


def _type_error(value):
    if value is None or isinstance(value, str):
        return TypeError(
            "Cannot convert the argument `type_value`: %r to a TensorFlow DType." % (value,)
        )
    return AttributeError("'%s' object has no attribute 'dtype'" % type(value).__name__)


@tf_export("GradientTape")
class GradientTape:
    """``tf.GradientTape``: records operations for automatic differentiation.

    Trainable variables read while the tape records are watched automatically
    (unless ``watch_accessed_variables=False``); constants only after
    ``watch()``.  A non-persistent tape answers one ``gradient()`` (or
    ``jacobian()``) call; ``persistent=True`` allows any number.  Behaviour and
    error messages are TF's; see the module docstring for the few differences.
    """

    def __init__(self, persistent=False, watch_accessed_variables=True):
        self._persistent = persistent
        self._watch_accessed_variables = watch_accessed_variables
        self._has_tape = False
        self._recording = False
        self._variables = {}
        self._watched = {}
        self._overlapping = []
        self._watched_variables = ()
        self._exit_ref = None

    # ------------------------------------------------------------ recording
    def __enter__(self):
        self._push()
        return self

    def __exit__(self, typ, value, traceback):
        if self._recording:
            self._pop()

    def _push(self):
        if self._recording:
            raise ValueError(
                "Tape is still recording, This can happen if you try to re-enter an "
                "already-active tape."
            )
        if not self._has_tape:
            self._new_tape()
        for tape in _recording.RECORDING:
            if isinstance(tape, GradientTape):
                tape._add_overlapping(self)
                self._add_overlapping(tape)
        _recording.start(self)
        self._recording = True
        for key, (obj, leaf, owned) in list(self._watched.items()):
            if owned:
                self._watched[key] = (obj, _recording.install(obj, leaf), owned)

    def _add_overlapping(self, tape):
        """Remembers that ``tape`` recorded at the same time, so it may share this tape's graph."""
        overlapping = self._overlapping
        overlapping.append(weakref.ref(tape))
        if len(overlapping) > 64:
            self._overlapping = [ref for ref in overlapping if getattr(ref(), "_has_tape", False)]

    def _pop(self):
        if not self._recording:
            raise ValueError("Tape is not recording.")
        _recording.stop(self)
        self._recording = False
        if self._exit_ref is None and not _is_compiling():
            self._exit_ref = _recording.exited(self)
        for obj, _, owned in self._watched.values():
            if owned:
                _recording.uninstall(obj)

    def _new_tape(self):
        self._has_tape = True
        self._variables = {}
        self._watched = {}
        self._overlapping = []

    def _consume(self):
        self._watched_variables = tuple(self._variables.values())
        self._has_tape = False
        if self._exit_ref is not None:
            _recording.forget(self._exit_ref)
            self._exit_ref = None
        self._variables = {}
        self._watched = {}

    def watch(self, tensor):
        """Ensures that ``tensor`` (a Tensor, Variable, or nested structure of them) is traced by
        this tape.

        Only operations run after ``watch`` are recorded.  A non-floating
        tensor logs TF's warning and gets no gradient.
        """
        for item in _flatten(tensor, []):
            if not isinstance(item, TensorOperators):
                raise ValueError(
                    "Passed in object %s of type '%s', not tf.Tensor or tf.Variable or "
                    "ExtensionType." % (item, type(item).__name__)
                )
            if not self._has_tape:
                raise AttributeError("'NoneType' object has no attribute '_tape'")
            if not (item.dtype.is_floating or item.dtype.is_complex):
                _warn_limited(
                    "dtype",
                    "The dtype of the watched tensor must be floating (e.g. tf.float32), got %r"
                    % (item.dtype,),
                )
            if isinstance(item, Variable):
                self._watch_variable(item._resource())
            else:
                self._watch_tensor(item)

    def _watch_variable(self, variable):
        self._variables[id(variable)] = variable
        param = variable._param
        if (
            _is_differentiable(param)
            and not param.requires_grad
            and id(variable) not in self._watched
        ):
            self._watch_leaf(variable, param.detach().requires_grad_())

    def _watch_tensor(self, tensor):
        key = id(tensor)
        if key in self._watched:
            return
        entry = _recording.INSTALLED.get(key)
        storage = tensor._value
        if entry is not None:
            self._watch_leaf(tensor, entry[1])
        elif isinstance(storage, torch.Tensor) and storage.requires_grad:
            self._watched[key] = (tensor, storage, False)
        elif _is_differentiable(storage):
            self._watch_leaf(tensor, storage.detach().requires_grad_())
        else:
            self._watched[key] = (tensor, None, False)

    def _watch_leaf(self, obj, leaf):
        if self._recording:
            leaf = _recording.install(obj, leaf)
        self._watched[id(obj)] = (obj, leaf, True)

    @contextlib.contextmanager
    def stop_recording(self):
        """Temporarily stops recording on this tape: operations inside are not differentiable by
        it."""
        if not self._has_tape:
            raise RuntimeError("Trying to stop recording a tape which is not recording.")
        self._pop()
        try:
            with torch.no_grad() if not _recording.RECORDING else contextlib.nullcontext():
                yield
        finally:
            self._push()

    def reset(self):
        """Discards everything recorded so far (watched tensors and variables included) and goes
        on recording."""
        old_variables = list(self._variables.values())
        self._pop()
        self._new_tape()
        for variable in old_variables:
            param = variable._param
            if _is_differentiable(param) and param.requires_grad:
                self._watched[id(variable)] = (variable, param.detach().requires_grad_(), True)
        self._push()

    def watched_variables(self):
        """The variables watched by this tape, in the order they were first read or watched (a
        tuple)."""
        if self._has_tape:
            self._watched_variables = tuple(self._variables.values())
        return self._watched_variables

    # ------------------------------------------------------------- gradients
    def _enter_gradient(self):
        if not self._has_tape:
            raise RuntimeError(_CONSUMED)
        if self._recording:
            if not self._persistent:
                self._pop()
            else:
                _warn_limited("inside", _INSIDE_WARNING)

    def _target_storage(self, target):
        if not isinstance(target, TensorOperators):
            raise _type_error(target)
        if isinstance(target, Variable):
            variable = target._resource()
            entry = self._watched.get(id(variable))
            return entry[1] if entry is not None else variable._param
        entry = self._watched.get(id(target))
        return entry[1] if entry is not None and entry[1] is not None else target._value

    def _source_input(self, source, target_variables=()):
        """The torch tensor to differentiate with respect to, or ``None`` when this tape did not
        watch ``source`` (a variable that is itself a target counts as watched, as in TF)."""
        if not isinstance(source, TensorOperators):
            raise _type_error(source)
        if isinstance(source, Variable):
            variable = source._resource()
            if id(variable) not in self._variables and id(variable) not in target_variables:
                return None
            entry = self._watched.get(id(variable))
            storage = entry[1] if entry is not None else variable._param
        else:
            entry = self._watched.get(id(source))
            if entry is not None:
                storage = entry[1]
            else:
                storage = source._value
                if not (isinstance(storage, torch.Tensor) and storage.grad_fn is not None):
                    return None
        if storage is None or not _is_differentiable(storage) or not storage.requires_grad:
            return None
        return storage

    def _grad(self, targets, grad_outputs, inputs, retain=False):
        """``torch.autograd.grad`` with the tape's graph rules; ``None`` for each unconnected
        input."""
        connected = [i for i, t in enumerate(targets) if _is_differentiable(t) and t.requires_grad]
        present = [i for i, x in enumerate(inputs) if x is not None]
        result = [None] * len(inputs)
        if not connected or not present:
            return result
        if _recording.KEPT:
            _saved_values.restore([targets[i] for i in connected])
        create_graph = bool(_recording.RECORDING)
        others = any(getattr(ref(), "_has_tape", False) for ref in self._overlapping)
        grads = _autograd_grad(
            [targets[i] for i in connected],
            [inputs[i] for i in present],
            [grad_outputs[i] for i in connected],
            create_graph,
            retain or self._persistent or create_graph or others,
        )
        for i, grad in zip(present, grads):
            result[i] = grad
        return result

    def gradient(
        self,
        target,
        sources,
        output_gradients=None,
        unconnected_gradients=UnconnectedGradients.NONE,
    ):
        """The gradient of ``target`` (summed over its elements and over a structure of
        targets) with respect to ``sources``, in the structure of ``sources``.

        ``None`` for a source the tape did not watch or that the target does
        not depend on (zeros with ``unconnected_gradients='zero'``);
        ``output_gradients`` weights each target.
        """
        self._enter_gradient()
        if target is None:
            raise TypeError(
                "Argument `target` should be a list or nested structure of Tensors, Variables or "
                "CompositeTensors to be differentiated, but received None."
            )
        targets = [target] if type(target) is Tensor else _flatten(target, [])
        flat_targets = [self._target_storage(t) for t in targets]
        flat = _is_flat(sources)
        flat_sources = list(sources) if flat else _flatten(sources, [])
        target_variables = _variable_ids(targets)
        inputs = [self._source_input(s, target_variables) for s in flat_sources]
        if output_gradients is None:
            weights = [None] * len(flat_targets)
        else:
            weights = [
                None if w is None else convert_to_tensor(w)._value
                for w in _flatten(output_gradients, [])
            ]
        for target_storage, weight in zip(flat_targets, weights):
            if weight is not None and weight.dtype != target_storage.dtype:
                raise input_dtype_error("Mul", 1, target_storage, weight)
        zero = _unconnected_mode(unconnected_gradients)
        grad_outputs = [_weight(t, w) for t, w in zip(flat_targets, weights)]
        grads = self._grad(flat_targets, grad_outputs, inputs)
        if not self._persistent:
            self._consume()
        results = [_result(g, s, zero) for g, s in zip(grads, flat_sources)]
        if flat:
            return results if type(sources) is list else tuple(results)
        return _pack(sources, iter(results))

    def jacobian(
        self,
        target,
        sources,
        unconnected_gradients=UnconnectedGradients.NONE,
        parallel_iterations=None,
        experimental_use_pfor=True,
    ):
        """The jacobian of ``target`` with respect to each source: shape ``target.shape +
        source.shape``.

        Computed row by row with ``torch.autograd.grad`` (no vectorization).
        """
        if not self._has_tape:
            raise RuntimeError(_CONSUMED)
        target_shape = target.shape
        if not experimental_use_pfor and not self._persistent:
            raise RuntimeError(
                "GradientTape must be created with persistent=True to compute the jacobian with "
                "eager "
                "execution enabled and with  experimental_use_pfor set to False."
            )
        zero = _unconnected_mode(unconnected_gradients)
        self._enter_gradient()
        flat_sources = _flatten(sources, [])
        storage = self._target_storage(target)
        inputs = [self._source_input(s, _variable_ids([target])) for s in flat_sources]
        rows = self._rows(
            storage.reshape(-1) if isinstance(storage, torch.Tensor) else storage, inputs
        )
        results = []
        for source, row in zip(flat_sources, rows):
            shape = tuple(target_shape.as_list()) + tuple(source.shape.as_list())
            if row is None:
                results.append(
                    wrap(torch.zeros(shape, dtype=source._value.dtype, device=source._value.device))
                    if zero
                    else None
                )
            else:
                results.append(wrap(row.reshape(shape)))
        if not self._persistent:
            self._consume()
        return _pack(sources, iter(results))

    def _rows(self, flat_target, inputs):
        """For each input, the stacked gradients of every element of ``flat_target`` (or
        ``None``)."""
        count = flat_target.numel() if isinstance(flat_target, torch.Tensor) else 0
        per_input = [[] for _ in inputs]
        for i in range(count):
            seed = torch.zeros_like(flat_target)
            seed[i] = 1
            grads = self._grad([flat_target], [seed], inputs, retain=i < count - 1)
            for rows, grad in zip(per_input, grads):
                rows.append(grad)
        out = []
        for x, rows in zip(inputs, per_input):
            if x is None or not rows or all(r is None for r in rows):
                out.append(None)
            else:
                out.append(torch.stack([torch.zeros_like(x) if r is None else r for r in rows]))
        return out

    def batch_jacobian(
        self,
        target,
        source,
        unconnected_gradients=UnconnectedGradients.NONE,
        parallel_iterations=None,
        experimental_use_pfor=True,
    ):
        """Per-example jacobians: ``result[i]`` is the jacobian of ``target[i]`` with respect to
        ``source[i]``, shape ``[batch] + target.shape[1:] + source.shape[1:]``.

        Assumes example ``i`` of the target depends only on example ``i`` of the source, as TF does.
        """
        if not self._has_tape:
            raise RuntimeError(
                "A non-persistent GradientTape can only be used tocompute one set of gradients "
                "(or jacobians)"
            )
        target_shape = target.shape
        first = target_shape.dims[0]
        source_shape = source.shape
        if (
            target_shape.rank < 2
            or source_shape.rank < 2
            or (first is not None and source_shape[0] is not None and first != source_shape[0])
        ):
            raise ValueError(
                "Need first dimension of target shape (%s) and source shape (%s) to match."
                % (target_shape, source_shape)
            )
        if not experimental_use_pfor and not self._persistent:
            raise RuntimeError(
                "GradientTape must be created with persistent=True to compute the batch_jacobian "
                "with eager execution enabled and  with experimental_use_pfor set to False."
            )
        _unconnected_mode(unconnected_gradients)
        self._enter_gradient()
        storage = self._target_storage(target)
        batch = int(target_shape[0])
        source_storage = source._value
        shape = (batch,) + tuple(target_shape.as_list()[1:]) + tuple(source_shape.as_list()[1:])
        input_ = self._source_input(source)
        row_size = storage.numel() // batch if batch else 0
        rows = []
        if isinstance(storage, torch.Tensor) and input_ is not None:
            matrix = storage.reshape(batch, row_size)
            for j in range(row_size):
                seed = torch.zeros_like(matrix)
                seed[:, j] = 1
                rows.append(self._grad([matrix], [seed], [input_], retain=j < row_size - 1)[0])
        if not self._persistent:
            self._consume()
        if not rows or all(r is None for r in rows):
            return wrap(torch.zeros(shape, dtype=storage.dtype, device=source_storage.device))
        stacked = torch.stack([torch.zeros_like(input_) if r is None else r for r in rows], 1)
        return wrap(stacked.reshape(shape))


def _autograd_grad(targets, inputs, grad_outputs, create_graph, retain_graph):
    """``torch.autograd.grad(targets, inputs, grad_outputs, allow_unused=True, ...)``.

    Eagerly, with real targets, it starts the autograd engine as ``grad`` does
    but skips ``grad``'s argument checks and conversions (the upstream gradients
    are already checked and shaped by :func:`_weight`), which cost more than a
    small backward pass."""
    if _is_compiling() or any(t.is_complex() for t in targets):
        return torch.autograd.grad(
            targets,
            inputs,
            grad_outputs,
            allow_unused=True,
            create_graph=create_graph,
            retain_graph=retain_graph,
        )
    seeds = tuple(torch.ones_like(t) if w is None else w for t, w in zip(targets, grad_outputs))
    return _run_backward(
        tuple(targets),
        seeds,
        retain_graph,
        create_graph,
        tuple(inputs),
        True,
        accumulate_grad=False,
    )


def _variable_ids(targets):
    return {id(t._resource()) for t in targets if isinstance(t, Variable)}


def _unconnected_mode(value):
    """True for ``'zero'``; TF's ``ValueError`` for an unknown value."""
    if value is UnconnectedGradients.NONE:
        return False
    try:
        return UnconnectedGradients(value) is UnconnectedGradients.ZERO
    except ValueError:
        raise ValueError("Unknown value for unconnected_gradients: %r" % (value,)) from None


def _weight(target, weight):
    """The upstream gradient for ``target``: ones (``None``, which torch fills faster, for one
    element), or ``weight`` in the target's shape."""
    if not isinstance(target, torch.Tensor):
        return None
    if weight is None:
        return None if target.numel() == 1 else torch.ones_like(target)
    weight = weight.to(device=target.device, dtype=target.dtype)
    if weight.numel() != target.numel():
        raise op_error(
            "Reshape",
            "Input to reshape is a tensor with %d values, but the requested "
            "shape has %d" % (weight.numel(), target.numel()),
            target,
        )
    return weight.reshape(target.shape)


def _result(grad, source, zero):
    if grad is not None:
        return wrap(grad)
    if not zero:
        return None
    storage = source._param if isinstance(source, Variable) else source._value
    if isinstance(storage, np.ndarray):
        return None
    return wrap(torch.zeros(storage.shape, dtype=storage.dtype, device=storage.device))
