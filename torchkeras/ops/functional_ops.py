"""``tf.map_fn``, ``tf.scan``, ``tf.foldl``, ``tf.foldr`` and ``tf.vectorized_map``.

``map_fn``, ``scan`` and the folds follow TF's own implementation step by step: the inputs
are unstacked into TensorArrays, ``tf.while_loop`` runs ``fn`` per element and the results
are written to TensorArrays and stacked.  So they accept what TF accepts (nested ``elems``,
initializers and outputs, ``fn_output_signature`` dtypes or ``TensorSpec``s) and fail as TF
fails (TensorArray dtype/shape errors, ``tf.nest`` structure errors), and gradients flow
through every step.  ``parallel_iterations``, ``back_prop`` and ``swap_memory`` have no
effect eagerly, as in TF.

``vectorized_map`` runs ``fn`` once over the whole batch with ``torch.vmap``; when vmap
cannot run it (an op that needs concrete values, NumPy, string tensors, random ops ...) it
falls back to calling ``fn`` per element and stacking, which gives the same results.
"""

from __future__ import annotations

import traceback

import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.dispatch import CompositeArgumentError
from ..framework import tree as _tree
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.tensor import wrap
from . import nest as _nest
from .control_flow_ops import _variables_to_tensors, while_loop
from .shape_ops import stack
from .tensor_array import TensorArray
from .tensor_spec import TensorSpec

__all__ = ["map_fn", "scan", "foldl", "foldr", "vectorized_map"]


def _not_callable(fn):
    raise TypeError(f"{fn.__name__} is not callable. Please provide a callable function.")


def _ragged_map_fn(fn, elems, fn_output_signature):
    from .ragged.ragged_map_ops import ragged_map_fn

    return ragged_map_fn(fn, elems, fn_output_signature)


def _dtype_to_spec(d):
    return d if isinstance(d, TensorSpec) else TensorSpec(None, dtypes.as_dtype(d))


def _leading_dim(tensor):
    """TF's ``shape.with_rank_at_least(1)[0]``."""
    if tensor.shape.ndims == 0:
        raise ValueError("Shape %s must have rank at least 1" % (tensor.shape,))
    return tensor.shape[0]


def _batch_size(tensors):
    """The shared static first dimension (TF's ``Dimension`` compatibility check)."""
    n = _leading_dim(tensors[0])
    for t in tensors[1:]:
        other = _leading_dim(t)
        if n is not None and other is not None and n != other:
            raise ValueError("Dimensions %d and %d are not compatible" % (n, other))
    return n


def _first_dim(tensor):
    if tensor.shape.ndims == 0:
        raise IndexError("tuple index out of range")
    return tensor.shape[0]


def _unstacked(tensor, n, element_shape=None):
    ta = TensorArray(
        dtype=tensor.dtype,
        size=n,
        dynamic_size=False,
        infer_shape=True,
        element_shape=element_shape,
    )
    return ta.unstack(tensor)


@tf_export("map_fn")
def map_fn(
    fn,
    elems,
    dtype=None,
    parallel_iterations=None,
    back_prop=True,
    swap_memory=False,
    infer_shape=True,
    name=None,
    fn_output_signature=None,
):
    """``tf.map_fn``: ``fn`` applied to each slice of ``elems`` along its first axis, the
    results stacked.

    ``elems`` may be a nested structure of tensors (``fn`` then gets the same structure of
    slices).  The output has the structure and dtypes of ``fn_output_signature`` (``dtype``
    is its deprecated name: dtypes or ``TensorSpec``s), or of ``elems`` when it is not given;
    a result of another dtype raises TF's TensorArray ``InvalidArgumentError``, and with
    ``infer_shape`` results of differing shapes raise its ``ValueError``."""
    if fn_output_signature is None:
        fn_output_signature = dtype
    if not callable(fn):
        raise TypeError(f"The provided function {fn.__name__} is not callable.fn must be callable.")
    elems = _variables_to_tensors(elems)
    elems_flat = _tree.flatten(elems)
    if len(elems_flat) == 0:
        raise ValueError(
            "elems must be a Tensor or (possibly nested) sequence of Tensors. Got %s, which "
            "does not contain any Tensors." % (elems,)
        )
    try:
        elems_flat = [convert_to_tensor(t) for t in elems_flat]
    except CompositeArgumentError:
        return _ragged_map_fn(fn, elems, fn_output_signature)
    if fn_output_signature is None:
        result_specs = [TensorSpec(None, t.dtype) for t in elems_flat]

        def result_unflatten(flat):
            return _tree.pack_sequence_as(elems, flat)
    else:
        if any(hasattr(d, "ragged_rank") for d in _tree.flatten(fn_output_signature)):
            return _ragged_map_fn(fn, elems, fn_output_signature)
        result_specs = [_dtype_to_spec(d) for d in _tree.flatten(fn_output_signature)]

        def result_unflatten(flat):
            return _tree.pack_sequence_as(fn_output_signature, flat)

    if elems_flat[0].shape.ndims < 1:
        raise ValueError("Elements in elems must be 1+ dimensional Tensors, not scalars")
    n = _batch_size(elems_flat)
    elems_ta = [_unstacked(t, n) for t in elems_flat]
    results_ta = [
        TensorArray(
            dtype=spec.dtype,
            size=n,
            dynamic_size=False,
            infer_shape=infer_shape,
            element_shape=spec.shape,
        )
        for spec in result_specs
    ]

    def compute(i, tas):
        value = _tree.pack_sequence_as(elems, [ta.read(i) for ta in elems_ta])
        result = fn(value)
        _nest.assert_same_structure(fn_output_signature or elems, result)
        flat = _tree.flatten(result)
        return (i + 1, [ta.write(i, v) for ta, v in zip(tas, flat)])

    _, results_ta = while_loop(lambda i, _: i < n, compute, (0, results_ta), maximum_iterations=n)
    return result_unflatten([ta.stack() for ta in results_ta])


@tf_export("scan")
def scan(
    fn,
    elems,
    initializer=None,
    parallel_iterations=10,
    back_prop=True,
    swap_memory=False,
    infer_shape=True,
    reverse=False,
    name=None,
):
    """``tf.scan``: the running accumulation ``a = fn(a, x)`` over the slices ``x`` of
    ``elems`` along its first axis (from the end with ``reverse``), every ``a`` stacked.

    Without ``initializer`` the first slice starts the accumulation (and the output has the
    structure of ``elems``); with one, the output has the initializer's structure and each
    ``fn`` result must match it (``tf.nest``'s error otherwise)."""
    if not callable(fn):
        _not_callable(fn)
    input_is_sequence = _nest.is_nested(elems)

    def input_flatten(x):
        return _tree.flatten(x) if input_is_sequence else [x]

    def input_pack(x):
        return _tree.pack_sequence_as(elems, x) if input_is_sequence else x[0]

    if initializer is None:
        output_flatten, output_pack = input_flatten, input_pack
    else:
        output_is_sequence = _nest.is_nested(initializer)

        def output_flatten(x):
            return _tree.flatten(x) if output_is_sequence else [x]

        def output_pack(x):
            return _tree.pack_sequence_as(initializer, x) if output_is_sequence else x[0]

    elems_flat = [convert_to_tensor(e) for e in input_flatten(elems)]
    n = _first_dim(elems_flat[0])
    elems_ta = [_unstacked(e, n, element_shape=e.shape[1:]) for e in elems_flat]
    if initializer is None:
        a_flat = [ta.read(n - 1 if reverse else 0) for ta in elems_ta]
        i = 1
    else:
        a_flat = [convert_to_tensor(init) for init in output_flatten(initializer)]
        i = 0
    accs_ta = [
        TensorArray(
            dtype=init.dtype,
            size=n,
            element_shape=init.shape if infer_shape else None,
            dynamic_size=False,
            infer_shape=infer_shape,
        )
        for init in a_flat
    ]
    if initializer is None:
        accs_ta = [ta.write(n - 1 if reverse else 0, a) for ta, a in zip(accs_ta, a_flat)]

    def compute(i, a_flat, tas):
        packed_elems = input_pack([ta.read(i) for ta in elems_ta])
        a_out = fn(output_pack(a_flat), packed_elems)
        _nest.assert_same_structure(elems if initializer is None else initializer, a_out)
        flat_a_out = output_flatten(a_out)
        tas = [ta.write(i, value) for ta, value in zip(tas, flat_a_out)]
        return (i - 1 if reverse else i + 1, flat_a_out, tas)

    if reverse:
        initial_i = n - 1 - i

        def condition(i, _1, _2):
            return i >= 0
    else:
        initial_i = i

        def condition(i, _1, _2):
            return i < n

    _, _, results_ta = while_loop(
        condition, compute, (initial_i, a_flat, accs_ta), maximum_iterations=n
    )
    results_flat = [ta.stack() for ta in results_ta]
    _batch_size(elems_flat)
    return output_pack(results_flat)


def _fold(fn, elems, initializer, from_end):
    if not callable(fn):
        _not_callable(fn)
    elems_flat = [convert_to_tensor(e) for e in _tree.flatten(elems)]
    n = _first_dim(elems_flat[0])
    elems_ta = _tree.pack_sequence_as(elems, [_unstacked(e, n) for e in elems_flat])

    def read(i):
        return _tree.map_structure(lambda ta: ta.read(i), elems_ta)

    if from_end:
        if initializer is None:
            i = n - 1
            a = read(i)
        else:
            i, a = n, initializer

        def compute(i, a):
            i -= 1
            return [i, fn(a, read(i))]

        _, result = while_loop(lambda i, a: i > 0, compute, [i, a], maximum_iterations=n)
        return result
    if initializer is None:
        a, i = read(0), 1
    else:
        a, i = initializer, 0

    def compute(i, a):
        return [i + 1, fn(a, read(i))]

    _, result = while_loop(lambda i, a: i < n, compute, [i, a], maximum_iterations=n)
    return result


@tf_export("foldl")
def foldl(
    fn,
    elems,
    initializer=None,
    parallel_iterations=10,
    back_prop=True,
    swap_memory=False,
    name=None,
):
    """``tf.foldl``: ``a = fn(a, x)`` over the slices ``x`` of ``elems`` from first to last,
    starting from ``initializer`` (or the first slice); returns the final ``a`` (Tensors,
    in ``a``'s structure)."""
    return _fold(fn, elems, initializer, from_end=False)


@tf_export("foldr")
def foldr(
    fn,
    elems,
    initializer=None,
    parallel_iterations=10,
    back_prop=True,
    swap_memory=False,
    name=None,
):
    """``tf.foldr``: ``a = fn(a, x)`` over the slices ``x`` of ``elems`` from last to first,
    starting from ``initializer`` (or the last slice); returns the final ``a``."""
    return _fold(fn, elems, initializer, from_end=True)


class _NotVectorizable(Exception):  # noqa: N818
    """``fn``'s inputs or outputs cannot go through ``torch.vmap``."""


def _vmapped(fn, elems, flat):
    """``fn`` over the batch with ``torch.vmap``: the flat stacked results and their
    structure."""
    storages = [t._value for t in flat]
    if not all(isinstance(s, torch.Tensor) for s in storages):
        raise _NotVectorizable
    structure = []

    def per_example(*slices):
        result = fn(_tree.pack_sequence_as(elems, [wrap(s) for s in slices]))
        structure.append(result)
        if result is None:
            return ()
        outputs = []
        for leaf in _tree.flatten(result):
            storage = convert_to_tensor(leaf)._value
            if not isinstance(storage, torch.Tensor):
                raise _NotVectorizable
            outputs.append(storage)
        return tuple(outputs)

    n = storages[0].shape[0]
    if n == 0:
        # vmap needs one example to learn the output shapes; an empty batch of each follows.
        probe = [torch.zeros((1,) + s.shape[1:], dtype=s.dtype, device=s.device) for s in storages]
        outputs = torch.vmap(per_example)(*probe)
        outputs = [o[:0] for o in outputs]
    else:
        outputs = torch.vmap(per_example, randomness="error")(*storages)
    return [wrap(o) for o in outputs], structure[-1]


def _looped(fn, elems, flat, n):
    """``fn`` per example, its results stacked (the fallback of ``vectorized_map``)."""
    results = [fn(_tree.pack_sequence_as(elems, [t[i] for t in flat])) for i in range(n)]
    if not results or results[0] is None:
        return [], None
    structure = results[0]
    columns = zip(*[_tree.flatten(r) for r in results])
    return [stack(list(column)) for column in columns], structure


def _match_batch(flat):
    """``flat`` with TF's batch size, the largest first dimension: size-1 inputs are
    broadcast to it; another size fails TF's gather of the missing rows."""
    sizes = [t.shape[0] if t.shape.ndims else 1 for t in flat]
    batch = max(sizes)
    for position, size in enumerate(sizes):
        if size not in (1, batch):
            raise _gather_error(position, size)
    return [
        wrap(t._value.expand((batch,) + tuple(t._value.shape[1:])))
        if size == 1 and batch != 1 and t.shape.ndims
        else t
        for t, size in zip(flat, sizes)
    ]


def _gather_error(position, size):
    """TF's error where ``pfor`` gathers row ``size`` of the ``position``-th input (its
    graph traceback shows the caller's frames here)."""
    node = "loop_body/GatherV2%s/pfor/GatherV2" % ("_%d" % position if position else "")
    frames = "".join(
        '  File "%s", line %d, in %s\n\n' % (frame.filename, frame.lineno, frame.name)
        for frame in traceback.extract_stack()
        if "torchkeras" not in frame.filename
    )
    return InvalidArgumentError(
        None,
        None,
        "Graph execution error:\n\nDetected at node %s defined at (most recent call last):\n"
        "%s\nindices[%d] = %d is not in [0, %d)\n\t [[{{node %s}}]] [Op:__inference_f]"
        % (node, frames, size, size, size, node),
    )


@tf_export("vectorized_map")
def vectorized_map(fn, elems, fallback_to_while_loop=True, warn=True):
    """``tf.vectorized_map``: ``fn`` over the slices of ``elems`` along the first axis, the
    results stacked, computed in one vectorized call (``torch.vmap``) where possible.

    Outputs that do not depend on the slice are tiled, as TF's ``pfor`` tiles loop invariants.
    When vmap cannot run ``fn`` the map runs per element (TF's while-loop fallback), with the
    same results; with ``fallback_to_while_loop=False`` that raises ``ValueError`` instead.
    ``warn`` is accepted (torchkeras logs nothing on fallback)."""
    if not callable(fn):
        raise TypeError(
            "in user code:\n\n\n    TypeError: %r object is not callable\n" % type(fn).__name__
        )
    elems = _tree.map_structure(convert_to_tensor, _variables_to_tensors(elems))
    flat = _tree.flatten(elems)
    if not flat or flat[0].shape.ndims == 0:
        raise IndexError("list index out of range")
    flat = _match_batch(flat)
    elems = _tree.pack_sequence_as(elems, flat)
    try:
        outputs, structure = _vmapped(fn, elems, flat)
    except Exception as error:  # noqa: BLE001 - any failure inside vmap means "not vectorizable"
        if not fallback_to_while_loop:
            raise ValueError(
                "vectorized_map could not vectorize `fn` (fallback_to_while_loop=False): "
                "%s: %s" % (type(error).__name__, error)
            ) from None
        outputs, structure = _looped(fn, elems, flat, flat[0].shape[0])
    if structure is None:
        return None
    return _tree.pack_sequence_as(structure, outputs)
